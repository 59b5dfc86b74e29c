"""Friendly errors: one helper that names the bad value, lists the valid ones and suggests the closest.

Students type names by hand, so a mistake should read like advice, not like a crash.
In Jupyter, :class:`CourseError` shows only its message (no traceback); elsewhere it is an
ordinary ``ValueError``.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

__all__ = ["CourseError", "closest", "unknown_name"]


class CourseError(ValueError):
    """A mistake in what was asked of the course, explained in plain words.

    >>> error = CourseError("No source called 'newz'.")
    >>> isinstance(error, ValueError)
    True
    >>> print(error)
    No source called 'newz'.
    """

    def _render_traceback_(self) -> list[str]:
        # IPython calls this hook instead of printing a traceback: students see only the advice.
        return [f"\x1b[1;31mOops:\x1b[0m {self}"]


def closest(value: object, valid: Iterable[str]) -> str | None:
    """Return the valid name closest to ``value``, or None when nothing is close.

    >>> closest("newz", ["news", "opinion"])
    'news'
    >>> closest("OPINION", ["news", "opinion"])
    'opinion'
    >>> closest("named", ["named person", "unnamed people"])
    'named person'
    >>> closest("banana", ["news", "opinion"]) is None
    True
    """
    options = list(valid)
    typed = str(value).strip().lower()
    lowered = {option.lower(): option for option in options}
    if typed in lowered:
        return lowered[typed]
    starting = [option for option in lowered if typed and option.startswith(typed)]
    if len(starting) == 1:  # a student often types just the start of a long name
        return lowered[starting[0]]
    matches = difflib.get_close_matches(typed, list(lowered), n=1, cutoff=0.6)
    return lowered[matches[0]] if matches else None


def unknown_name(what: str, value: object, valid: Iterable[str]) -> CourseError:
    """Build the error for a name that is not one of ``valid``.

    >>> print(unknown_name("source", "newz", ["news", "opinion"]))
    There is no source called 'newz'. The sources are: 'news', 'opinion'. Did you mean 'news'?
    >>> print(unknown_name("source", 3, ["news", "opinion"]))
    There is no source called 3. The sources are: 'news', 'opinion'.
    """
    options = list(valid)
    shown = repr(value) if isinstance(value, str) else str(value)
    listing = ", ".join(repr(option) for option in options)
    if len(options) > 12:
        listing = ", ".join(repr(option) for option in options[:12]) + f", … ({len(options)} in all)"
    plural = what + ("es" if what.endswith("s") else "s")
    message = f"There is no {what} called {shown}. The {plural} are: {listing}."
    suggestion = closest(value, options) if isinstance(value, str) else None
    if suggestion is not None:
        message += f" Did you mean {suggestion!r}?"
    return CourseError(message)
