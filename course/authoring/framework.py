"""The map from the lessons' objectives to one media-literacy framework (``framework.toml``):
Civic Online Reasoning's three questions and lateral reading, quoted from the publisher's pages.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

__all__ = ["framework", "framework_markdown"]

_FILE = Path(__file__).resolve().parent / "framework.toml"


def framework() -> dict:
    """The framework's citation, its elements and the map of objectives (as in the TOML file).

    >>> [element["key"] for element in framework()["element"]]
    ['behind', 'evidence', 'others', 'lateral']
    """
    with _FILE.open("rb") as handle:
        return tomllib.load(handle)


def framework_markdown() -> str:
    """The guide's section: the framework quoted with its source, then which objectives practise
    each element.

    >>> print(framework_markdown().splitlines()[0])
    ## A media-literacy framework: Civic Online Reasoning
    """
    from course.classroom.course_map import lessons

    data = framework()
    about = data["framework"]
    objectives = {
        f"{lesson.number}.{number}": (lesson, words)
        for lesson in lessons()
        for number, words in enumerate(lesson.learn, start=1)
    }
    parts = [
        f"## A media-literacy framework: {about['name']}\n",
        f"Schools that teach {about['name']} ({about['publisher']}, <{about['address']}>) will "
        "find its questions in these lessons. In the publisher's words: "
        f'"{about["basis"]}" "{about["lead"]}" The framework is written for information '
        "online; the course asks its questions of two texts and of independent reference data. "
        "(Quoted from the publisher's pages as stored on 2026-12-02; they give no year.)\n",
    ]
    for element in data["element"]:
        label = f"{element['name']}: " if element.get("name") else ""
        parts.append(f'**{label}"{element["words"]}"** (<{element["address"]}>)\n')
        by_lesson: dict[str, list[str]] = {}
        for key, keys in data["map"].items():
            if element["key"] in keys:
                by_lesson.setdefault(key[:2], []).append(
                    f"{objectives[key][1].rstrip('.')} (objective {key[3:]})"
                )
        parts.append(
            "\n".join(
                f"- {number} · {objectives[number + '.1'][0].title}: " + "; ".join(items)
                for number, items in by_lesson.items()
            )
            + "\n"
        )
    unmapped: dict[str, list[str]] = {}
    for key, keys in data["map"].items():
        if not keys:
            unmapped.setdefault(key[:2], []).append(key[3:])
    parts.append(
        "Not mapped (about using the course and its tools): "
        + "; ".join(f"lesson {n}, objective {', '.join(o)}" for n, o in unmapped.items())
        + ". An objective's number is its place in the lesson's \"What you will learn\".\n"
    )
    return "\n".join(parts)
