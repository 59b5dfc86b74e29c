"""Helpers for the course *Reading sources critically: China–Russia military cooperation*.

Everything a lesson needs is importable from here, for example::

    from course import load_source, show_text, search_texts, check

The package is in four parts, one folder each: ``course.text`` (the source texts, cleaned and split
into sentences), ``course.analysis`` (statistics, fact-checks, voices, markers, the timeline, then
and now, charts), ``course.classroom`` (self-checks, the answer widgets, the journal, the evidence
sheet, the course map) and ``course.authoring`` (the student version, the static site, links, the
instructor guide: for instructors only, and left out of the student version).

The names importable from ``course`` are the public names (``__all__``) of the modules in
:data:`LESSON_MODULES`: each module's ``__all__`` is the one list. Importing ``course`` does no work
and writes no file: the modules are imported when a name is first asked for.
"""

from __future__ import annotations

import functools
from importlib import import_module

from course.errors import CourseError as CourseError  # importable from course
from course.errors import closest

LESSON_MODULES: tuple[str, ...] = (
    "course.text.sources",
    "course.text.viewers",
    "course.analysis.statistics",
    "course.analysis.reference",
    "course.analysis.fact_checks",
    "course.analysis.publishers",
    "course.analysis.consistency",
    "course.analysis.voices",
    "course.analysis.markers",
    "course.analysis.timeline",
    "course.analysis.then_and_now",
    "course.analysis.charts",
    "course.analysis.reference_charts",
    "course.classroom.self_checks",
    "course.classroom.journal",
    "course.classroom.restore",
    "course.classroom.widgets",
    "course.classroom.assessment",
    "course.classroom.course_map",
)
"""The modules whose public names lessons import from ``course`` (authoring tools are not among
them).
"""


@functools.cache
def _index() -> dict[str, str]:
    """Each public name, and the module it lives in (a name in two modules is a mistake, caught by a
    test).
    """
    found: dict[str, str] = {"CourseError": "course.errors"}
    for module in LESSON_MODULES:
        for name in import_module(module).__all__:
            found.setdefault(name, module)
    return found


def __getattr__(name: str) -> object:
    if name == "__all__":
        return sorted(_index())
    home = _index().get(name)
    if home is not None:
        return getattr(import_module(home), name)
    suggestion = closest(name, _index())
    hint = f" Did you mean {suggestion!r}?" if suggestion else ""
    raise AttributeError(f"The course has no helper called {name!r}.{hint}")


def __dir__() -> list[str]:
    return sorted(_index())
