"""The instructor guide, generated from the lessons themselves so it cannot drift from them.

``python -m course guide`` prints it; ``INSTRUCTOR_GUIDE.md`` is that output, and a test keeps
the two equal. For each lesson: objectives, timing, preparation, every exercise with its
answer, and the instructor notes (pitfalls, discussion rubrics, facilitation).
"""

from __future__ import annotations

from pathlib import Path

from course.authoring.lesson_format import instructor_notes
from course.classroom.course_map import lessons

__all__ = ["instructor_guide", "balance_table"]

_INTRO = (
    Path(__file__).resolve().parent / "guide_intro.md"
)  # the guide's opening, "{total}" filled in


def _unit_plans() -> str:
    """The guide's plans for a unit of class periods (course/authoring/calendar.toml)."""
    from course.authoring.calendar import PLANS, unit_plan_markdown

    return "\n".join(
        [
            "## Planning a unit",
            "",
            "Two plans made from each lesson's sections and their minutes "
            "(`course/authoring/calendar.toml`): core sections are always in; optional ones go "
            "in, in course order, while the plan fits. Lesson 09 is optional as a whole.",
            "",
            *(unit_plan_markdown(periods, minutes) for periods, minutes in PLANS),
        ]
    )


def _relink(text: str) -> str:
    """Links written for a lesson (in notebooks/) rewritten for the guide (in the project folder),
    and the
    lesson's JupyterLab spelling of dollar signs turned into standard Markdown."""
    import re

    from course.authoring.lesson_format import plain_markdown

    return re.sub(
        r"\]\((\d\d_[a-z0-9_]+\.ipynb)\)",
        r"](notebooks/\1)",
        plain_markdown(text).replace("](../", "]("),
    )


def _dollars(text: str) -> str:
    """Text written for the course's own helpers, with its dollar signs escaped for Markdown."""
    return text.replace("$", "\\$")


def answer_text(exercise) -> str:
    """A self-check's answer as an answer key gives it: a choice with its words, a number rounded
    as the question asks ("one decimal place") or else to two places.

    >>> from course.classroom.self_checks import exercises
    >>> answer_text(exercises()["03.1"]), answer_text(exercises()["03.2"])[:3]
    ('-4.4', 'b (')
    """
    answer = exercise.answer()
    if exercise.kind == "choice":
        return f"{answer} ({exercise.choices[str(answer)]})"
    if isinstance(answer, float):
        if "one decimal place" in exercise.question.lower():
            return f"{answer:.1f}"
        return f"{answer:.2f}".rstrip("0").rstrip(".")
    return str(answer)


def balance_table() -> str:
    """What the course asks of each text, counted from the exercises and the written prompts.

    An exercise or prompt about both texts counts for each; a *scored shortcoming* is an exercise
    whose right answer records a shortcoming of a text (``shortcoming`` in exercises.toml).

    >>> print(balance_table().splitlines()[2])
    | | news report | opinion column |
    """
    from course.classroom.prompts import prompts
    from course.classroom.self_checks import exercises

    def count(items, attribute: str, text: str) -> int:
        return sum(getattr(item, attribute) in (text, "both") for item in items)

    from course.analysis.statistics import statistics_table
    from course.analysis.timeline import timeline_table

    sizes = {
        text: (len(statistics_table(text).frame), len(timeline_table(text).frame))
        for text in ("news", "opinion")
    }
    exercise_list = list(exercises().values())
    prompt_list = list(prompts().values())
    rows = [
        ("Exercises that ask about the text", "about", exercise_list),
        ("Written prompts that ask about the text", "about", prompt_list),
        (
            "Scored shortcomings (the right answer records a shortcoming)",
            "shortcoming",
            exercise_list,
        ),
    ]
    lines = [
        "## Balance: what the course asks of each text",
        "",
        "| | news report | opinion column |",
        "|---|---|---|",
    ]
    for label, attribute, items in rows:
        news, opinion = count(items, attribute, "news"), count(items, attribute, "opinion")
        lines.append(f"| {label} | {news} | {opinion} |")
    scored = {
        text: ", ".join(e.id for e in exercise_list if e.shortcoming in (text, "both")) or "none"
        for text in ("news", "opinion")
    }
    lines += [
        "",
        "Counted from `course/classroom/exercises.toml` (`about`, `shortcoming`) and "
        "`course/classroom/prompts.toml` (`about`); an item about both texts counts for each. "
        f"Scored shortcomings of the news report: {scored['news']}. Of the opinion column: "
        f"{scored['opinion']}. The texts differ in size (statistics: {sizes['news'][0]} in the "
        f"news report, {sizes['opinion'][0]} in the column; events: {sizes['news'][1]} and "
        f"{sizes['opinion'][1]}), which is why the exercises per text differ; a test keeps the "
        "scored shortcomings within one of each other.",
        "",
    ]
    return "\n".join(lines)


def instructor_guide() -> str:
    """The guide as Markdown.

    >>> guide = instructor_guide()
    >>> guide.startswith("# Instructor guide") and "## 03 · Checking the numbers (65 min)" in guide
    True
    """
    from course.authoring.framework import framework_markdown
    from course.authoring.rubrics import rubric_for, rubric_markdown
    from course.classroom.prompts import prompts
    from course.classroom.self_checks import exercises as all_exercises

    exercises = all_exercises()
    parts = [
        _INTRO.read_text(encoding="utf-8")
        .replace("{total}", str(sum(lesson.minutes for lesson in lessons())))
        .replace("{count}", str(len(lessons()))),
        _unit_plans(),
        balance_table(),
        framework_markdown(),
    ]
    for lesson in lessons():
        parts.append(f"## {lesson.number} · {lesson.title} ({lesson.minutes} min)\n")
        parts.append(f"File: `notebooks/{lesson.file}`\n")
        parts.append("**Objectives**\n\n" + "\n".join(f"- {item}" for item in lesson.learn) + "\n")
        if lesson.need:
            parts.append(
                "**Preparation (what students need first)**\n\n"
                + "\n".join(f"- {_relink(item)}" for item in lesson.need)
                + "\n"
            )
        own = [e for number, e in exercises.items() if number.startswith(lesson.number + ".")]
        if own:
            lines = []
            for exercise in own:
                shown = answer_text(exercise)
                lines.append(
                    _dollars(
                        f"- **{exercise.id}** {exercise.question} **Answer:** {shown}. "
                        f"{exercise.explanation}"
                    )
                )
            parts.append("**Exercises and answers**\n\n" + "\n".join(lines) + "\n")
        notes = instructor_notes(lesson)
        if notes:
            parts.append(
                "**Instructor notes: pitfalls, rubrics, facilitation**\n\n"
                + "\n\n".join(_relink(note) for note in notes)
                + "\n"
            )
        marked = [(p, rubric_for(p.id)) for p in prompts().values() if p.id[:2] == lesson.number]
        if any(rubric for _, rubric in marked):
            parts.append(
                "**Grading the written answers: four levels, points and a model answer**\n\n"
                + "\n".join(
                    _dollars(f"*{p.id}: {p.prompt}*\n\n{rubric_markdown(rubric)}")
                    for p, rubric in marked
                    if rubric
                )
            )
    return "\n".join(parts).rstrip() + "\n"
