"""course.classroom.course_map: the lesson catalogue read from the notebooks, and the course map."""

import re

from course.authoring.lesson_format import lesson_table
from course.classroom.course_map import lessons, show_course_map
from course.paths import notebooks_folder
from course.results import Shown


def test_each_lesson_is_read_from_its_notebook():
    found = lessons()
    assert found
    for lesson in found:
        assert (notebooks_folder() / lesson.file).is_file()
        assert lesson.file.startswith(lesson.number + "_")
        assert lesson.title.strip() and not lesson.title.startswith("#")
        assert lesson.minutes > 0
        assert lesson.learn and all(item.strip() for item in lesson.learn)


def test_lesson_table_has_one_row_per_lesson():
    rows = lesson_table().splitlines()[2:]
    assert [re.match(r"\| (\d\d) \|", row).group(1) for row in rows] == [
        lesson.number for lesson in lessons()
    ]
    for lesson, row in zip(lessons(), rows, strict=False):
        assert f"| {lesson.minutes} min |" in row


def test_course_map_sums_the_times():
    found = lessons()
    shown = show_course_map()
    assert isinstance(shown, Shown)
    text = str(shown)
    minutes = sum(lesson.minutes for lesson in found)
    assert (
        text.splitlines()[0] == f"Course map: {len(found)} lessons, about {minutes} minutes in all"
    )
    assert len(text.splitlines()) == 1 + len(found)
    html = shown._repr_html_()
    assert "<table>" in html and all(f"href='{lesson.file}'" in html for lesson in found)
    assert "<" not in text
