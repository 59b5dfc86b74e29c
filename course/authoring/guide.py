"""The instructor guide, generated from the lessons themselves so it cannot drift from them.

``python -m course guide`` prints it; ``INSTRUCTOR_GUIDE.md`` is that output, and a test keeps
the two equal. For each lesson: objectives, timing, preparation, every exercise with its
answer, and the instructor notes (pitfalls, discussion rubrics, facilitation).
"""

from __future__ import annotations

from pathlib import Path

from course.authoring.lesson_format import instructor_notes
from course.classroom.course_map import lessons

__all__ = ["instructor_guide"]

_INTRO = (
    Path(__file__).resolve().parent / "guide_intro.md"
)  # the guide's opening, "{total}" filled in


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


def instructor_guide() -> str:
    """The guide as Markdown.

    >>> guide = instructor_guide()
    >>> guide.startswith("# Instructor guide") and "## 03 · Checking the numbers (50 min)" in guide
    True
    """
    from course.classroom.self_checks import exercises as all_exercises

    exercises = all_exercises()
    parts = [
        _INTRO.read_text(encoding="utf-8").replace(
            "{total}", str(sum(lesson.minutes for lesson in lessons()))
        )
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
                answer = exercise.answer()
                if exercise.kind == "choice":
                    shown = f"{answer} ({exercise.choices[str(answer)]})"
                elif isinstance(answer, float):
                    shown = f"{answer:.2f}".rstrip("0").rstrip(".")
                else:
                    shown = str(answer)
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
    return "\n".join(parts).rstrip() + "\n"
