"""The course map: every lesson, as its opening cell describes it, for students and for the other
tools.

Every lesson opens with one Markdown cell holding, in this order, its title (``# NN · Title``),
``## What you will learn``, ``## Time needed`` and ``## What you need first``; and closes with
``## Summary`` and ``## What comes next`` (``course.authoring.lesson_format`` checks that skeleton).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from course.paths import notebooks_folder

__all__ = ["Lesson", "lessons", "show_course_map", "lesson_cells"]

_TITLE = re.compile(r"^# (\d{2}) · (.+)$", re.MULTILINE)


@dataclass(frozen=True)
class Lesson:
    """One lesson notebook as its opening cell describes it."""

    number: str
    file: str
    title: str
    minutes: int
    learn: tuple[str, ...]
    need: tuple[str, ...] = ()


def lesson_cells(path: Path) -> list[tuple[str, str, list[str]]]:
    """A notebook's cells as (kind, source, tags), read with nbformat.

    >>> lesson_cells(notebooks_folder() / "00_start_here.ipynb")[0][0]
    'markdown'
    """
    import nbformat

    notebook = nbformat.read(path, as_version=4)
    return [
        (cell.cell_type, cell.source, list(cell.metadata.get("tags", [])))
        for cell in notebook.cells
    ]


def section(cell: str, heading: str) -> str:
    r"""The text of one ``## heading`` section of a Markdown cell ('' when it has none).

    >>> cell = "## Time needed\nAbout 15 minutes.\n## What you need first\nNothing."
    >>> section(cell, "## Time needed")
    'About 15 minutes.'
    """
    if heading not in cell:
        return ""
    start = cell.index(heading) + len(heading)
    following = cell.find("\n## ", start)
    return cell[start : following if following != -1 else len(cell)].strip()


def _items(cell: str, heading: str) -> tuple[str, ...]:
    """The bullet points of one section of a cell."""
    return tuple(
        line[2:].strip() for line in section(cell, heading).splitlines() if line.startswith("- ")
    )


@functools.cache
def _lessons(folder: Path) -> tuple[Lesson, ...]:
    found = []
    for path in sorted(folder.glob("[0-9][0-9]_*.ipynb")):
        first = next(source for kind, source, _ in lesson_cells(path) if kind == "markdown")
        title = _TITLE.match(first)
        minutes = re.search(r"(\d+) minutes", section(first, "## Time needed"))
        if title is None or minutes is None:
            from course.errors import CourseError

            raise CourseError(
                f"{path.name}: the first cell needs the title ('# NN · Title') and a time in "
                "minutes."
            )
        found.append(
            Lesson(
                title.group(1),
                path.name,
                title.group(2).strip(),
                int(minutes.group(1)),
                _items(first, "## What you will learn"),
                _items(first, "## What you need first"),
            )
        )
    return tuple(found)


def lessons() -> list[Lesson]:
    """Every lesson in ``notebooks/``, in order, as read from its opening cell.

    >>> [lesson.number for lesson in lessons()][:2]
    ['00', '01']
    """
    return list(_lessons(notebooks_folder()))


def show_course_map():
    """The course map: every lesson with its time and what it teaches, for a notebook or a terminal.

    >>> print(str(show_course_map()).splitlines()[0])  # doctest: +ELLIPSIS
    Course map: ... lessons, about ... minutes in all
    """
    import html

    from course.results import Shown

    found = lessons()
    total = sum(lesson.minutes for lesson in found)
    title = f"Course map: {len(found)} lessons, about {total} minutes in all"
    summary = {
        lesson.number: "; ".join(item.rstrip(".") for item in lesson.learn) for lesson in found
    }
    lines = [title] + [
        f"  {lesson.number}  {lesson.title} ({lesson.minutes} min): {summary[lesson.number]}"
        for lesson in found
    ]
    rows = "".join(
        f"<tr><td>{lesson.number}</td><td style='text-align:left'><a "
        f"href='{html.escape(lesson.file)}'>{html.escape(lesson.title)}</a></td>"
        f"<td>{lesson.minutes} min</td><td "
        f"style='text-align:left'>{html.escape(summary[lesson.number])}</td></tr>"
        for lesson in found
    )
    head = (
        "<tr><th>#</th><th style='text-align:left'>Lesson</th><th>Time</th><th "
        "style='text-align:left'>What you learn</th></tr>"
    )
    from course.results import scroll_region

    table = (
        "<table><caption "
        f"style='text-align:left'><strong>{html.escape(title)}</strong></caption>{head}{rows}</table>"
    )
    return Shown("\n".join(lines), scroll_region(table, "Course map"))
