"""Printable materials, for a class with few devices or a student without one: both texts with
their sentence IDs, a worksheet per lesson, a one-page overview, and the answer key (for the
teacher; it never goes into the student version).

``python -m course printables DEST`` writes them as web pages laid out for paper (A4 or Letter):
open one in a browser and print it, or save it as PDF from the print dialogue. They work offline
and load nothing. Made from the course's own sources (the cleaned texts, the lessons' opening cells,
``exercises.toml``, ``prompts.toml``), so they cannot drift from the lessons.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Printables", "printables", "STUDENT_PAGES"]

_MARK = ".course-printables"
STUDENT_PAGES = ("texts.html", "overview.html")
"""The pages (besides the worksheets) a teacher may hand to students; answer-key.html is not one."""

_STYLE = """
@page { size: auto; margin: 18mm 16mm; }
body { font: 11pt/1.45 Georgia, 'DejaVu Serif', serif; color: #111; max-width: 46em;
       margin: 1em auto; padding: 0 1em; }
h1 { font-size: 17pt; margin: 0 0 .3em; } h2 { font-size: 13pt; margin: 1.2em 0 .4em; }
.id { font: 8.5pt/1 'DejaVu Sans Mono', monospace; color: #333; background: #eee; padding: 0 .2em; }
.meta, .note { font-size: 9.5pt; color: #333; }
.lines { border-bottom: 1px solid #777; height: 1.9em; }
.question { break-inside: avoid; margin: 0 0 1.2em; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; }
th, td { border: 1px solid #999; padding: .25em .4em; text-align: left; vertical-align: top; }
h2, h3 { break-after: avoid; } .text { break-before: page; }
@media print { a { color: inherit; text-decoration: none; } }
"""


def _page(title: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{html.escape(title)}</title><style>{_STYLE}</style></head>"
        f"<body><main>{body}</main></body></html>\n"
    )


def _lines(count: int) -> str:
    return "".join("<div class='lines' aria-hidden='true'></div>" for _ in range(count))


def texts_page() -> str:
    """Both texts, cleaned, every sentence with its ID, as on screen in lesson 01.

    >>> "news-p06-s01" in texts_page()
    True
    """
    from course.text.sources import load_source, source_names

    parts = [
        "<h1>The two texts, with sentence IDs</h1>",
        "<p><strong>Before you read.</strong> Both texts are about weapons and the risk of war, "
        "including the war in Ukraine and a possible conflict over Taiwan. If a passage is hard to "
        "read, you may pause and tell your teacher.</p>"
        "<p class='note'>Cleaned as in lesson 01: the copy's debris removed, nothing reworded. "
        "Each sentence carries its ID, so that you can point to it: [news-p06-s01] is paragraph "
        "6, sentence 1 of the news report.</p>",
    ]
    for name in source_names():
        source = load_source(name)
        meta = source.metadata
        parts.append(
            f"<section class='text'><h2>{html.escape(meta['kind'].capitalize())} "
            f"(“{html.escape(name)}”): {html.escape(meta['headline'])}</h2>"
            f"<p class='meta'>Authors as named: {html.escape(', '.join(meta['authors']))}. "
            f"Date as printed: {html.escape(meta['date_as_stated'])}.</p>"
        )
        for paragraph in source.paragraphs:
            sentences = " ".join(
                f"<span class='id'>{s.id}</span> {html.escape(s.text)}" for s in paragraph.sentences
            )
            kind = "" if paragraph.kind == "body" else f" <em>({html.escape(paragraph.kind)})</em>"
            parts.append(f"<p>{sentences}{kind}</p>")
        parts.append("</section>")
    parts.append(
        "<p class='note'>The texts belong to their authors and publishers; they are quoted for "
        "teaching, criticism and review.</p>"
    )
    return _page("The two texts, with sentence IDs", "".join(parts))


def _states_answer(answer: object, question: str) -> bool:
    """Whether a question's words give a number answer (as rounded to one decimal place).

    >>> _states_answer(-4.4173, "With a difference of −4.4%, what status?")
    True
    >>> _states_answer(2.8, "The reference gives 700 and 250."), _states_answer(5, "Row 5 says")
    (False, False)
    """
    if not isinstance(answer, float):
        return False  # a whole number (a count) is too common in a question's words to tell
    shown = f"{abs(answer):.1f}"
    return re.search(rf"(?<![\d.]){re.escape(shown)}(?![\d])", question) is not None


def worksheet(number: str) -> str:
    """One lesson's worksheet: what it teaches, every self-check question (with its choices) and
    every written prompt, each with room to write. No answers.

    >>> sheet = worksheet("02")
    >>> "Exercise 02.3" in sheet and "Both are US dollars" not in sheet  # 02.3's explanation
    True
    """
    from course.classroom.course_map import lessons
    from course.classroom.prompts import prompts
    from course.classroom.self_checks import exercises

    lesson = next(item for item in lessons() if item.number == number)
    parts = [
        f"<h1>{lesson.number} · {html.escape(lesson.title)}: worksheet</h1>",
        "<p class='meta'>Name: ______________________ &nbsp; Date: ____________ &nbsp; "
        f"About {lesson.minutes} minutes.</p>",
        "<h2>What you will learn</h2><ul>"
        + "".join(f"<li>{html.escape(item)}</li>" for item in lesson.learn)
        + "</ul>",
    ]
    written = [p for p in prompts().values() if p.id.startswith(f"{number} ")]
    # Predictions (prompts without a rubric) come first on paper: later exercises answer them.
    first = [p for p in written if not p.rubric]
    if first:
        parts.append("<h2>Before you start</h2>")
        parts += [
            f"<div class='question'><p><strong>{html.escape(p.id)}.</strong> "
            f"{html.escape(p.prompt)}</p>{_lines(3)}</div>"
            for p in first
        ]
    parts.append("<h2>Exercises</h2>")
    own = [e for e in exercises().values() if e.id.startswith(f"{number}.")]
    for exercise, following in zip(own, [*own[1:], None], strict=True):
        choices = (
            "<ul style='list-style:none;padding-left:.5em'>"
            + "".join(
                f"<li>☐ <strong>{letter})</strong> {html.escape(text)}</li>"
                for letter, text in exercise.choices.items()
            )
            + "</ul>"
            if exercise.choices
            else _lines(2)
        )
        # On screen the next question appears only after this one; on paper a student sees both.
        cover = (
            f"<p class='note'>Answer this before you read {following.id}: it starts from this "
            "answer, so you can check yourself with it.</p>"
            if following is not None and _states_answer(exercise.answer(), following.question)
            else ""
        )
        parts.append(
            f"<div class='question'><p><strong>Exercise {exercise.id}.</strong> "
            f"{html.escape(exercise.question)}</p>{choices}{cover}</div>"
        )
    marked = [p for p in written if p.rubric]
    if marked:
        parts.append("<h2>Written answers</h2>")
    for prompt in marked:
        parts.append(
            f"<div class='question'><p><strong>{html.escape(prompt.id)}.</strong> "
            f"{html.escape(prompt.prompt)}</p>{_lines(6)}</div>"
        )
    parts.append(
        "<p class='note'>Point to the texts by sentence ID (see the printed texts). With a "
        "computer, the lesson checks each exercise as you answer it.</p>"
    )
    return _page(f"{lesson.number} · {lesson.title}: worksheet", "".join(parts))


def overview_page() -> str:
    """The course on one page: what it is, the lessons with their times, how to start.

    >>> "Start here" in overview_page()
    True
    """
    from course.classroom.course_map import lessons

    rows = "".join(
        f"<tr><td>{item.number}</td><td>{html.escape(item.title)}</td><td>{item.minutes} min</td>"
        f"<td>{html.escape(item.learn[0])}</td></tr>"
        for item in lessons()
    )
    total = sum(item.minutes for item in lessons())
    body = (
        "<h1>Reading sources critically: China–Russia military cooperation</h1>"
        "<p>Two texts about China–Russia military cooperation, a news report dated January 2022 "
        "and an opinion column that the course materials date to December 2025 (the copy itself "
        "gives no date), read the way a fact-checker reads: who says what, "
        "what the figures mean, whether they hold up against independent data, and how the picture "
        "changed between the two. The course takes no side: it asks the same questions of both "
        "texts.</p>"
        f"<table><thead><tr><th scope='col'>#</th><th scope='col'>Lesson</th>"
        f"<th scope='col'>Time</th><th scope='col'>First aim</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
        f"<p>{len(lessons())} lessons, {total} minutes in all. Start with lesson 00: open it and "
        "press Shift-Enter from the top. No Python is needed. Your written answers are saved as "
        'you go; hand them in with export_journal("Your Name").</p>'
    )
    return _page("Course overview", body)


def answer_key_page() -> str:
    """Every self-check answer with its explanation: for the teacher only.

    >>> "Answer:" in answer_key_page()
    True
    """
    from course.authoring.guide import answer_text
    from course.classroom.self_checks import exercises

    items = []
    for exercise in exercises().values():
        answer = answer_text(exercise)
        items.append(
            f"<div class='question'><p><strong>{exercise.id}.</strong> "
            f"{html.escape(exercise.question)}</p><p><strong>Answer:</strong> "
            f"{html.escape(str(answer))}. {html.escape(exercise.explanation)}</p></div>"
        )
    from course.authoring.rubrics import rubric_for, rubric_html
    from course.classroom.prompts import prompts

    rubrics = [
        f"<div class='question'><p><strong>{html.escape(p.id)}.</strong> {html.escape(p.prompt)}"
        f"</p>{rubric_html(rubric, model_open=True)}</div>"
        for p in prompts().values()
        if (rubric := rubric_for(p.id))
    ]
    body = (
        "<h1>Answer key (for the teacher)</h1><p class='note'>Generated from the exercises and "
        "the rubrics of the written answers. Do not hand this out.</p><h2>Self-checks</h2>"
        + "".join(items)
        + "<h2>Written answers: rubrics (4 to 1 points; 0 for no answer) and model answers</h2>"
        + "".join(rubrics)
    )
    return _page("Answer key", body)


@dataclass(frozen=True)
class Printables:
    """What ``printables`` wrote, and what an update kept."""

    folder: Path
    pages: tuple[str, ...]
    kept: str


def printables(destination: str | Path, force: bool = False) -> Printables:
    """Write every printable page to ``destination`` (a new or empty folder, or an earlier output
    with ``force``; other files there stay)."""
    from course.authoring.folders import GeneratedFolder
    from course.classroom.course_map import lessons

    pages = {
        "texts.html": texts_page(),
        "overview.html": overview_page(),
        **{f"worksheet-{item.number}.html": worksheet(item.number) for item in lessons()},
        "answer-key.html": answer_key_page(),
    }
    with GeneratedFolder(destination, _MARK, "printables", force) as folder:
        for name, text in pages.items():
            folder.write_text(name, text)
    return Printables(folder.target, tuple(pages), folder.report())
