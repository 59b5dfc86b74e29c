"""The lesson catalogue: reads the notebooks' opening cells, checks their skeleton, and builds the README's lesson table.

Every lesson opens with one Markdown cell holding, in this order, its title (``# NN · Title``),
``## What you will learn``, ``## Time needed`` and ``## What you need first``; and closes
with ``## Summary`` and ``## What comes next``. The README table is generated from these
headings, so the two cannot drift apart.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from course.paths import notebooks_folder

__all__ = ["OPENING", "CLOSING", "NOTE_OPENING", "NOTE_CLOSING", "Lesson", "lessons", "lesson_table", "skeleton_problems",
           "show_course_map", "note_text", "plain_markdown"]

OPENING: tuple[str, ...] = ("## What you will learn", "## Time needed", "## What you need first")
CLOSING: tuple[str, ...] = ("## Summary", "## What comes next")
NOTE_OPENING = "<details><summary><strong>Instructor note</strong>: answers and teaching notes (click to show)</summary>"
NOTE_CLOSING = "</details>"
"""Instructor notes (cells tagged ``instructor``) are folded inside these, so that nobody reads an answer by
scrolling past it; the student version leaves them out altogether."""
_NAME = re.compile(r"^(\d{2})_[a-z0-9_]+\.ipynb$")
_TITLE = re.compile(r"^# (\d{2}) · (.+)$", re.MULTILINE)


@dataclass(frozen=True)
class Lesson:
    """One lesson notebook as the README describes it."""

    number: str
    file: str
    title: str
    minutes: int
    learn: tuple[str, ...]
    need: tuple[str, ...] = ()
    instructor_notes: tuple[str, ...] = ()


def plain_markdown(source: str) -> str:
    r"""A cell's Markdown for a reader outside JupyterLab: dollar signs escaped the standard way.

    In a lesson every dollar sign is written as two backslashes and a dollar, the one spelling that
    JupyterLab shows as a plain dollar sign rather than as the start of mathematics; standard Markdown
    writes one backslash.

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
    """The Markdown cells of a notebook, each with its tags."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    return [("".join(cell["source"]), cell["metadata"].get("tags", []))
            for cell in notebook["cells"] if cell["cell_type"] == "markdown"]


def _markdown_cells(path: Path) -> list[str]:
    return [text for text, _ in _tagged_markdown(path)]


def _items(cell: str, heading: str) -> tuple[str, ...]:
    """The bullet points of one section of a cell."""
    return tuple(line[2:].strip() for line in _section(cell, heading).splitlines() if line.startswith("- "))


def _section(cell: str, heading: str) -> str:
    start = cell.index(heading) + len(heading)
    following = cell.find("\n## ", start)
    return cell[start:following if following != -1 else len(cell)].strip()


def skeleton_problems(path: Path) -> list[str]:
    """List what a notebook's skeleton lacks; an empty list means it follows the skeleton.

    >>> skeleton_problems(notebooks_folder() / "01_meet_the_sources.ipynb")
    []
    """
    problems = []
    if not _NAME.match(path.name):
        problems.append(f"{path.name}: name should look like '01_short_title.ipynb'")
    cells = _markdown_cells(path)
    if not cells:
        return problems + [f"{path.name}: has no Markdown cells"]
    first, everything = cells[0], "\n".join(cells)
    title = _TITLE.match(first)
    if not title:
        problems.append(f"{path.name}: the first cell must start with the title, '# NN · Title'")
    elif not path.name.startswith(title.group(1) + "_"):
        problems.append(f"{path.name}: the title's number {title.group(1)} does not match the file name")
    positions = [first.find(heading) for heading in OPENING]
    for heading, position in zip(OPENING, positions):
        if position == -1:
            problems.append(f"{path.name}: the first cell lacks '{heading}'")
    if -1 not in positions and positions != sorted(positions):
        problems.append(f"{path.name}: the opening headings are out of order (want {', '.join(OPENING)})")
    if OPENING[1] in first and not re.search(r"\d+ minutes", _section(first, OPENING[1])):
        problems.append(f"{path.name}: 'Time needed' should give a time in minutes, like 'About 30 minutes'")
    if everything.count("\n# ") + everything.startswith("# ") != 1:
        problems.append(f"{path.name}: the title should be the only level-1 heading")
    tail = [everything.rfind(heading) for heading in CLOSING]
    for heading, position in zip(CLOSING, tail):
        if position == -1:
            problems.append(f"{path.name}: lacks '{heading}' near the end")
    if -1 not in tail and not tail[0] < tail[1]:
        problems.append(f"{path.name}: 'Summary' must come before 'What comes next'")
    last = cells[-1]
    if CLOSING[1] not in last:
        problems.append(f"{path.name}: the last Markdown cell should hold '{CLOSING[1]}'")
    for text, tags in _tagged_markdown(path):
        if "instructor" in tags and not (text.startswith(NOTE_OPENING + "\n\n") and text.endswith("\n\n" + NOTE_CLOSING)):
            problems.append(f"{path.name}: an instructor note must be folded: start with NOTE_OPENING and a blank line, "
                            "end with a blank line and NOTE_CLOSING")
    return problems


def lessons() -> list[Lesson]:
    """Every lesson in ``notebooks/``, in order, as read from its opening cell.

    >>> [lesson.number for lesson in lessons()][:2]
    ['00', '01']
    """
    found = []
    for path in sorted(notebooks_folder().glob("[0-9][0-9]_*.ipynb")):
        cells = _tagged_markdown(path)
        first = cells[0][0]
        title = _TITLE.match(first)
        minutes = re.search(r"(\d+) minutes", _section(first, "## Time needed"))
        notes = tuple(note_text(text) for text, tags in cells if "instructor" in tags)
        found.append(Lesson(title.group(1), path.name, title.group(2).strip(), int(minutes.group(1)),
                            _items(first, "## What you will learn"), _items(first, "## What you need first"), notes))
    return found


def lesson_table() -> str:
    """The README's lesson table in Markdown, generated from the notebooks.

    >>> lesson_table().splitlines()[0]
    '| # | Lesson | Time | What you learn |'
    """
    lines = ["| # | Lesson | Time | What you learn |", "|---|---|---|---|"]
    for lesson in lessons():
        learn = "; ".join(item.rstrip(".") for item in lesson.learn)
        lines.append(f"| {lesson.number} | [{lesson.title}](notebooks/{lesson.file}) | {lesson.minutes} min | {learn} |")
    return "\n".join(lines)


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
    summary = {l.number: "; ".join(item.rstrip(".") for item in l.learn) for l in found}
    lines = [title] + [f"  {l.number}  {l.title} ({l.minutes} min): {summary[l.number]}" for l in found]
    rows = "".join(f"<tr><td>{l.number}</td><td style='text-align:left'><a href='{html.escape(l.file)}'>{html.escape(l.title)}</a></td>"
                   f"<td>{l.minutes} min</td><td style='text-align:left'>{html.escape(summary[l.number])}</td></tr>" for l in found)
    head = "<tr><th>#</th><th style='text-align:left'>Lesson</th><th>Time</th><th style='text-align:left'>What you learn</th></tr>"
    from course.results import scroll_region

    table = f"<table><caption style='text-align:left'><strong>{html.escape(title)}</strong></caption>{head}{rows}</table>"
    return Shown("\n".join(lines), scroll_region(table, "Course map"))
