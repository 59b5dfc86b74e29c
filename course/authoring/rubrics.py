"""The rubrics of the written prompts (``rubrics.toml`` beside this module): four levels with
points, and a model answer for each prompt, for the instructor guide, the class report and the
answer key.

Instructor-only: the authoring tools are left out of the student version. A lesson's instructor
note gives the top level in the same words (a test keeps them in step).
"""

from __future__ import annotations

import functools
import html
import tomllib
from dataclasses import dataclass
from pathlib import Path

from course.errors import CourseError

__all__ = ["LEVELS", "Rubric", "rubrics", "rubric_for", "rubric_markdown", "rubric_html"]

_FILE = Path(__file__).resolve().parent / "rubrics.toml"

LEVELS = (("strong", 4, "Strong"), ("good", 3, "Good"), ("developing", 2, "Developing"),
          ("beginning", 1, "Beginning"))  # fmt: skip
"""Each level's key in rubrics.toml, its points and its name; no answer scores 0."""


@dataclass(frozen=True)
class Rubric:
    """A written prompt's rubric: what an answer has at each level, and a model answer."""

    prompt: str
    levels: tuple[tuple[int, str, str], ...]  # (points, name, what the answer has), best first
    model: str
    checked: str

    @property
    def strong(self) -> str:
        """The top level's words (as in the lesson's instructor note)."""
        return self.levels[0][2]


@functools.cache
def rubrics() -> dict[str, Rubric]:
    """Every rubric, by the written prompt's ID (read once per session).

    >>> [points for points, _, _ in rubrics()["08 assessment"].levels]
    [4, 3, 2, 1]
    """
    from course.classroom.prompts import prompts

    with _FILE.open("rb") as handle:
        items = tomllib.load(handle)["rubric"]
    found: dict[str, Rubric] = {}
    for number, item in enumerate(items, start=1):
        where = f"rubrics.toml, rubric {number} ({item.get('prompt', 'no prompt')})"
        keys = ["prompt", *(key for key, _, _ in LEVELS), "model", "checked"]
        if not all(str(item.get(key, "")).strip() for key in keys):
            raise CourseError(f"{where}: needs {', '.join(keys)}.")
        if item["prompt"] not in prompts() or item["prompt"] in found:
            raise CourseError(f"{where}: not a written prompt, or given twice.")
        found[item["prompt"]] = Rubric(
            item["prompt"],
            tuple((points, name, item[key].strip()) for key, points, name in LEVELS),
            item["model"].strip(),
            item["checked"].strip(),
        )
    return found


def rubric_for(prompt_id: str) -> Rubric | None:
    """The rubric of a written prompt, or None for a prompt that is not marked (a prediction).

    >>> rubric_for("03 predict border") is None
    True
    >>> rubric_for("01 think").levels[0][:2]
    (4, 'Strong')
    """
    return rubrics().get(prompt_id)


def rubric_markdown(rubric: Rubric) -> str:
    """The rubric as Markdown: a table of the levels, then the model answer.

    >>> print(rubric_markdown(rubric_for("01 think")).splitlines()[0])
    | Points | Level | The answer |
    """
    rows = "\n".join(f"| {points} | {name} | {text} |" for points, name, text in rubric.levels)
    model = "\n".join(f"> {line}" if line else ">" for line in rubric.model.splitlines())
    return (
        "| Points | Level | The answer |\n|---|---|---|\n"
        + rows
        + "\n| 0 | No answer | |\n\nModel answer (4 points):\n\n"
        + model
        + "\n"
    )


def rubric_html(rubric: Rubric, model_open: bool = False) -> str:
    """The rubric as an HTML table, with the model answer folded below it (unfolded for paper).

    >>> "<th scope='row'>4</th>" in rubric_html(rubric_for("01 think"))
    True
    """
    rows = "".join(
        f"<tr><th scope='row'>{points}</th><td>{name}</td><td>{html.escape(text)}</td></tr>"
        for points, name, text in rubric.levels
    )
    return (
        f"<table class='rubric'><caption>Rubric for {html.escape(rubric.prompt)}</caption><thead>"
        "<tr><th scope='col'>Points</th><th scope='col'>Level</th>"
        "<th scope='col'>The answer</th></tr></thead><tbody>"
        + rows
        + "<tr><th scope='row'>0</th><td>No answer</td><td></td></tr></tbody></table>"
        + f"<details{' open' if model_open else ''}><summary>Model answer (4 points)</summary>"
        "<p class='model'>"
        + html.escape(rubric.model).replace("\n\n", "</p><p class='model'>")
        + "</p></details>"
    )
