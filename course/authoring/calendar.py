"""Plans for a unit of class periods: which lesson sections go in which period, what is left out for
time, and what to prepare before each period. Made from ``calendar.toml`` beside this module (each
lesson's sections with their minutes, core or optional); the instructor guide shows a plan of 12
periods of 45 minutes and one of 9 periods of 50.

Every period keeps time to log in at the start and for a debrief at the end. Core sections are never
left out; optional ones are added, in course order, while the plan still fits; no section is split
across two periods.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from pathlib import Path

from course.errors import CourseError

__all__ = ["Section", "sections", "unit_plan", "unit_plan_markdown", "PLANS"]

_FILE = Path(__file__).resolve().parent / "calendar.toml"
PLANS = ((12, 45), (9, 50))
"""The plans the guide shows: (periods, minutes per period)."""
LOGIN = 5
DEBRIEF = 5


@dataclass(frozen=True)
class Section:
    """One section of a lesson, as headed in its notebook, with its minutes."""

    lesson: str
    title: str
    minutes: int
    optional: bool = False
    extra: bool = False


@functools.cache
def _calendar() -> list[dict]:
    with _FILE.open("rb") as handle:
        return tomllib.load(handle)["lesson"]


def sections() -> list[Section]:
    """Every section of every lesson, in course order; a section of an optional lesson is optional.

    >>> sections()[0]
    Section(lesson='00', title='How a notebook works', minutes=4, optional=False, extra=False)
    """
    return [
        Section(
            lesson["number"],
            item["title"],
            item["minutes"],
            bool(item.get("optional") or lesson.get("optional")),
            bool(item.get("extra")),
        )
        for lesson in _calendar()
        for item in lesson["sections"]
    ]


def _prepare() -> dict[str, list[str]]:
    return {lesson["number"]: lesson.get("prepare", []) for lesson in _calendar()}


def _pack(chosen: list[Section], teach: int) -> list[list[Section]]:
    periods: list[list[Section]] = [[]]
    for section in chosen:
        if sum(s.minutes for s in periods[-1]) + section.minutes > teach:
            periods.append([])
        periods[-1].append(section)
    return periods


def unit_plan(periods: int, minutes: int) -> tuple[list[list[Section]], list[Section]]:
    """The sections of each period, and the optional sections left out for time.

    >>> plan, left_out = unit_plan(12, 45)
    >>> len(plan) <= 12 and all(s.optional for s in left_out)
    True
    """
    teach = minutes - LOGIN - DEBRIEF
    everything = [s for s in sections() if not s.extra]
    if any(s.minutes > teach for s in everything):
        raise CourseError(f"A section is longer than the {teach} minutes a period leaves to teach.")
    # Optional units, in course order: one optional section, or all of an optional lesson.
    optional_lessons = {lesson["number"] for lesson in _calendar() if lesson.get("optional")}
    units: list[list[Section]] = []
    for section in everything:
        if section.lesson in optional_lessons:
            if units and units[-1][0].lesson == section.lesson:
                units[-1].append(section)
            else:
                units.append([section])
        elif section.optional:
            units.append([section])
    chosen = [s for s in everything if not s.optional]
    if len(_pack(chosen, teach)) > periods:
        raise CourseError(
            f"The core sections do not fit in {periods} periods of {minutes} minutes."
        )
    for unit in units:
        trial = [s for s in everything if s in chosen or s in unit]
        if len(_pack(trial, teach)) <= periods:
            chosen = trial
    left_out = [s for s in everything if s not in chosen]
    return _pack(chosen, teach), left_out


def unit_plan_markdown(periods: int, minutes: int) -> str:
    """A plan as Markdown: a table of periods, and what was left out.

    >>> print(unit_plan_markdown(12, 45).splitlines()[0])
    ### 12 periods of 45 minutes
    """
    plan, left_out = unit_plan(periods, minutes)
    prepare = _prepare()
    teach = minutes - LOGIN - DEBRIEF
    lines = [
        f"### {periods} periods of {minutes} minutes",
        "",
        f"Each period: {LOGIN} minutes to log in and open the lesson, {teach} minutes of lesson, "
        f"{DEBRIEF} minutes of debrief. Sections marked (optional) are left out first when time "
        "is short. A period that goes on with a lesson begun before starts with Kernel → Restart "
        "Kernel and Run All Cells, then scrolls to the section.",
        "",
        "| period | lesson sections (minutes) | prepare before this period |",
        "|---|---|---|",
    ]
    started: set[str] = set()
    for number, period in enumerate(plan, start=1):
        parts = [
            f"{s.lesson} · {s.title} ({s.minutes}{', optional' if s.optional else ''})"
            for s in period
        ]
        todo = []
        for section in period:
            if section.lesson not in started:
                started.add(section.lesson)
                todo += [
                    f"Lesson {section.lesson}: {item}" for item in prepare.get(section.lesson, [])
                ]
        lines.append(
            f"| {number} | {'; '.join(parts)} | {' '.join(todo) or '–'} |".replace("$", "\\$")
        )
    lines.append("")
    if left_out:
        lines.append(
            "Left out for time: "
            + "; ".join(f"{s.lesson} · {s.title} ({s.minutes})" for s in left_out)
            + ". Set them as homework, or leave them."
        )
    extras = [s for s in sections() if s.extra]
    lines.append(
        "Beyond the lessons' time: "
        + "; ".join(f"{s.lesson} · {s.title} ({s.minutes})" for s in extras)
        + "."
    )
    return "\n".join(lines) + "\n"
