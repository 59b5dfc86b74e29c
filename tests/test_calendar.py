"""Plans for a unit of class periods: made from the lessons' real sections and times; they fit."""

import re

import nbformat
import pytest

from course.authoring.calendar import DEBRIEF, LOGIN, PLANS, sections, unit_plan
from course.authoring.guide import instructor_guide
from course.classroom.course_map import lessons
from course.paths import notebooks_folder

SKELETON = {
    "What you will learn",
    "Time needed",
    "What you need first",
    "Set up",
    "Summary",
    "What comes next",
}


def _headings(number: str) -> list[str]:
    path = next(notebooks_folder().glob(f"{number}_*.ipynb"))
    cells = nbformat.read(path, as_version=4).cells
    return [
        heading
        for cell in cells
        if cell.cell_type == "markdown" and "instructor" not in cell.metadata.get("tags", [])
        for heading in re.findall(r"^## (.+)$", cell.source, re.M)
        if heading not in SKELETON
    ]


@pytest.mark.parametrize("lesson", lessons(), ids=lambda lesson: lesson.number)
def test_every_section_of_every_lesson_is_planned_with_minutes_that_add_up(lesson):
    planned = [s for s in sections() if s.lesson == lesson.number]
    assert [s.title for s in planned] == _headings(lesson.number)
    assert sum(s.minutes for s in planned if not s.extra) == lesson.minutes


@pytest.mark.parametrize("periods, minutes", PLANS)
def test_each_plan_fits_keeps_every_core_section_in_order_and_splits_none(periods, minutes):
    plan, left_out = unit_plan(periods, minutes)
    assert len(plan) <= periods
    teach = minutes - LOGIN - DEBRIEF
    assert all(sum(s.minutes for s in period) <= teach for period in plan)
    placed = [s for period in plan for s in period]
    everything = [s for s in sections() if not s.extra]
    assert placed == [s for s in everything if s not in left_out]  # course order, no duplicates
    assert all(s.optional for s in left_out)
    assert f"### {periods} periods of {minutes} minutes" in instructor_guide()
