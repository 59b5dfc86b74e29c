"""The written prompts of the lessons (``prompts.toml`` beside this module): each answer box's
question ID, its prompt, and which text it asks about.

A lesson asks for a box by its ID (``answer_box("03 think")``) and the prompt comes from here, so it
is written once; the instructor guide counts the prompts per text.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from pathlib import Path

from course.errors import CourseError

__all__ = ["Prompt", "prompts"]

_FILE = Path(__file__).resolve().parent / "prompts.toml"
_ABOUT = ("news", "opinion", "both", "neither")


@dataclass(frozen=True)
class Prompt:
    """One written prompt: the answer box's question ID, which text it asks about, and its words."""

    id: str
    about: str
    prompt: str
    rubric: str = ""


@functools.cache
def prompts() -> dict[str, Prompt]:
    """Every written prompt, by question ID (read once per session).

    >>> prompts()["03 think"].about
    'both'
    """
    with _FILE.open("rb") as handle:
        items = tomllib.load(handle)["prompt"]
    found: dict[str, Prompt] = {}
    for number, item in enumerate(items, start=1):
        where = f"prompts.toml, prompt {number} ({item.get('id', 'no id')})"
        if not all(item.get(key) for key in ("id", "about", "prompt")):
            raise CourseError(f"{where}: needs an id, an about and a prompt.")
        if item["about"] not in _ABOUT:
            raise CourseError(f"{where}: 'about' is one of {', '.join(_ABOUT)}.")
        if item["id"] in found:
            raise CourseError(f"{where}: the ID {item['id']} is used twice.")
        found[item["id"]] = Prompt(
            item["id"], item["about"], item["prompt"], item.get("rubric", "")
        )
    return found
