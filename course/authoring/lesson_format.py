"""The lessons' format, for authors: the skeleton every lesson follows, the folded instructor notes,
the
README's lesson table, and Markdown spelled for readers outside JupyterLab.

Every lesson opens with one Markdown cell holding, in this order, its title (``# NN · Title``),
``## What you will learn``, ``## Time needed`` and ``## What you need first``; and closes
with ``## Summary`` and ``## What comes next``. The README table is generated from these
headings, so the two cannot drift apart.
"""

from __future__ import annotations

import re
from pathlib import Path

from course.classroom.course_map import Lesson, lesson_cells, lessons, section
from course.paths import notebooks_folder

__all__ = [
    "OPENING",
    "CLOSING",
    "NOTE_OPENING",
    "NOTE_CLOSING",
    "skeleton_problems",
    "lesson_table",
    "instructor_notes",
    "note_text",
    "plain_markdown",
]

OPENING: tuple[str, ...] = ("## What you will learn", "## Time needed", "## What you need first")
CLOSING: tuple[str, ...] = ("## Summary", "## What comes next")
NOTE_OPENING = (
    "<details><summary><strong>Instructor note</strong>: answers and teaching notes "
    "(click to show)</summary>"
)
NOTE_CLOSING = "</details>"
"""Instructor notes (cells tagged ``instructor``) are folded inside these, so that nobody reads an
answer by
scrolling past it; the student version leaves them out altogether."""
_NAME = re.compile(r"^(\d{2})_[a-z0-9_]+\.ipynb$")
_TITLE = re.compile(r"^# (\d{2}) · (.+)$", re.MULTILINE)


def plain_markdown(source: str) -> str:
    r"""A cell's Markdown for a reader outside JupyterLab: dollar signs escaped the standard way.

    In a lesson every dollar sign is written as two backslashes and a dollar, the one spelling that
    JupyterLab shows as a plain dollar sign rather than as the start of mathematics; standard
    Markdown writes one backslash.

    >>> print(plain_markdown(r'"roughly \\$245 billion"'))
    "roughly \$245 billion"
    """
    return source.replace("\\\\$", "\\$")


def note_text(source: str) -> str:
    r"""The text of an instructor note, without the fold around it.

    >>> note_text(NOTE_OPENING + "\n\nAnswers: 3.\n\n" + NOTE_CLOSING)
    'Answers: 3.'
    """
    return source.strip().removeprefix(NOTE_OPENING).removesuffix(NOTE_CLOSING).strip()


def _tagged_markdown(path: Path) -> list[tuple[str, list[str]]]:
    return [(source, tags) for kind, source, tags in lesson_cells(path) if kind == "markdown"]


def instructor_notes(lesson: Lesson) -> tuple[str, ...]:
    """The instructor notes of a lesson, unfolded, in order.

    >>> any("Answers:" in note for note in instructor_notes(lessons()[1]))
    True
    """
    return tuple(
        note_text(text)
        for text, tags in _tagged_markdown(notebooks_folder() / lesson.file)
        if "instructor" in tags
    )


def skeleton_problems(path: Path) -> list[str]:
    """List what a notebook's skeleton lacks; an empty list means it follows the skeleton.

    >>> skeleton_problems(notebooks_folder() / "01_meet_the_sources.ipynb")
    []
    """
    problems = []
    if not _NAME.match(path.name):
        problems.append(f"{path.name}: name should look like '01_short_title.ipynb'")
    cells = [text for text, _ in _tagged_markdown(path)]
    if not cells:
        return problems + [f"{path.name}: has no Markdown cells"]
    first, everything = cells[0], "\n".join(cells)
    title = _TITLE.match(first)
    if not title:
        problems.append(f"{path.name}: the first cell must start with the title, '# NN · Title'")
    elif not path.name.startswith(title.group(1) + "_"):
        problems.append(
            f"{path.name}: the title's number {title.group(1)} does not match the file name"
        )
    positions = [first.find(heading) for heading in OPENING]
    for heading, position in zip(OPENING, positions, strict=False):
        if position == -1:
            problems.append(f"{path.name}: the first cell lacks '{heading}'")
    if -1 not in positions and positions != sorted(positions):
        problems.append(
            f"{path.name}: the opening headings are out of order (want {', '.join(OPENING)})"
        )
    if OPENING[1] in first and not re.search(r"\d+ minutes", section(first, OPENING[1])):
        problems.append(
            f"{path.name}: 'Time needed' should give a time in minutes, like 'About 30 minutes'"
        )
    if everything.count("\n# ") + everything.startswith("# ") != 1:
        problems.append(f"{path.name}: the title should be the only level-1 heading")
    tail = [everything.rfind(heading) for heading in CLOSING]
    for heading, position in zip(CLOSING, tail, strict=False):
        if position == -1:
            problems.append(f"{path.name}: lacks '{heading}' near the end")
    if -1 not in tail and not tail[0] < tail[1]:
        problems.append(f"{path.name}: 'Summary' must come before 'What comes next'")
    last = cells[-1]
    if CLOSING[1] not in last:
        problems.append(f"{path.name}: the last Markdown cell should hold '{CLOSING[1]}'")
    for text, tags in _tagged_markdown(path):
        if "instructor" in tags and not (
            text.startswith(NOTE_OPENING + "\n\n") and text.endswith("\n\n" + NOTE_CLOSING)
        ):
            problems.append(
                f"{path.name}: an instructor note must be folded: start with NOTE_OPENING and a "
                "blank line, "
                "end with a blank line and NOTE_CLOSING"
            )
    return problems


def lesson_table() -> str:
    """The README's lesson table in Markdown, generated from the notebooks.

    >>> lesson_table().splitlines()[0]
    '| # | Lesson | Time | What you learn |'
    """
    lines = ["| # | Lesson | Time | What you learn |", "|---|---|---|---|"]
    for lesson in lessons():
        learn = "; ".join(item.rstrip(".") for item in lesson.learn)
        lines.append(
            f"| {lesson.number} | [{lesson.title}](notebooks/{lesson.file}) | {lesson.minutes} "
            f"min | {learn} |"
        )
    return "\n".join(lines)
