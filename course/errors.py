"""Friendly errors: one helper that names the bad value, lists the valid ones and suggests the
closest.

Students type names by hand, so a mistake should read like advice, not like a crash.
In Jupyter, :class:`CourseError` shows only its message (no traceback); elsewhere it is an
ordinary ``ValueError``.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

__all__ = [
    "CourseError",
    "closest",
    "unknown_name",
    "choose",
    "shown",
    "need_text",
    "need_whole_number",
    "need_number",
    "need_texts",
]


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


def shown(value: object, limit: int = 60) -> str:
    """How an error message shows what the student gave: short, and never failing itself.

    >>> shown("news"), shown(3), shown("x" * 100)[-18:]
    ("'news'", '3', '… (100 characters)')
    >>> class Odd:
    ...     def __repr__(self): raise RuntimeError
    >>> shown(Odd())
    'a value of type Odd'
    >>> shown(10**5000)
    'a number with about 5001 digits'
    """
    try:
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**30:
            return f"a number with about {int(abs(value).bit_length() * 0.30103) + 1} digits"
        text = repr(value)
    except Exception:  # a value whose repr fails must not turn advice into a crash
        return f"a value of type {type(value).__name__}"
    if isinstance(value, str) and len(value) > limit:
        return text[:limit] + f"… ({len(value)} characters)"
    return text if len(text) <= limit else text[:limit] + "…"


def need_text(value: object, what: str, example: str) -> str:
    """``value`` as text with its ends trimmed, or a friendly error naming what was given and what
    would work.

    >>> need_text(" news ", "a source's short name", "'news'")
    'news'
    >>> need_text(3, "a source's short name", "'news'")  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    course.errors.CourseError: Give a source's short name as text in quotes, like 'news'; you gave
    3.
    """
    if not isinstance(value, str) or not value.strip():
        raise CourseError(
            f"Give {what} as text in quotes, like {example}; you gave {shown(value)}."
        )
    return value.strip()


def need_texts(value: object, what: str, example: str) -> list[str]:
    """A list of texts (each trimmed), or a friendly error.

    >>> need_texts(["likely", " may "], "your words", "['likely', 'may']")
    ['likely', 'may']
    >>> need_texts("likely", "your words", "['likely', 'may']")  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    course.errors.CourseError: Give your words as a list in square brackets, like ['likely', 'may'];
    you gave 'likely'.
    """
    if isinstance(value, (str, bytes)) or not isinstance(value, (list, tuple)):
        raise CourseError(
            f"Give {what} as a list in square brackets, like {example}; you gave {shown(value)}."
        )
    for item in value:
        if not isinstance(item, str) or not item.strip():
            raise CourseError(
                f"Each of {what} must be text in quotes, like {example}; {shown(item)} is not."
            )
    return [item.strip() for item in value]


def need_whole_number(
    value: object, what: str, example: str, low: int | None = None, high: int | None = None
) -> int:
    """A whole number (numpy's too), within ``low``..``high`` when given, or a friendly error.

    >>> need_whole_number(3, "a row number", "1")
    3
    >>> need_whole_number("3", "a row number", "1", 1, 5)  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    course.errors.CourseError: Give a row number as a whole number from 1 to 5, like 1; you gave
    '3'.
    """
    import numbers

    span = f" from {low} to {high}" if low is not None and high is not None else ""
    whole = (
        int(value) if isinstance(value, numbers.Integral) and not isinstance(value, bool) else None
    )
    if whole is None or (low is not None and whole < low) or (high is not None and whole > high):
        raise CourseError(
            f"Give {what} as a whole number{span}, like {example}; you gave {shown(value)}."
        )
    return whole


def need_number(value: object, what: str, example: str) -> float:
    """A finite number (numpy's too), or a friendly error.

    >>> need_number(2.5, "a distance", "2500")
    2.5
    >>> need_number("5", "a distance", "2500")
    Traceback (most recent call last):
    ...
    course.errors.CourseError: Give a distance as a number without quotes, like 2500; you gave '5'.
    """
    import math
    import numbers

    problem = isinstance(value, bool) or not isinstance(value, numbers.Real)
    if not problem:
        try:
            problem = not math.isfinite(float(value))  # type: ignore[arg-type]
        except OverflowError:
            problem = True
    if problem:
        hint = "a number without quotes" if isinstance(value, str) else "an ordinary number"
        raise CourseError(f"Give {what} as {hint}, like {example}; you gave {shown(value)}.")
    return float(value)  # type: ignore[arg-type]


def choose(value: object, valid: Iterable[str], what: str) -> str:
    """``value`` when it is one of the ``valid`` names; otherwise the friendly error that lists
    them.

    Anything may be given (a list, a number, an array): only text can be a name.

    >>> choose("news", ["news", "opinion"], "source")
    'news'
    >>> choose(["news"], ["news", "opinion"], "source")  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    course.errors.CourseError: There is no source called ['news']. The sources are: 'news',
    'opinion'.
    """
    options = list(valid)
    if isinstance(value, str) and value in options:
        return value
    raise unknown_name(what, value, options)


def unknown_name(what: str, value: object, valid: Iterable[str]) -> CourseError:
    """Build the error for a name that is not one of ``valid``.

    >>> print(unknown_name("source", "newz", ["news", "opinion"]))
    There is no source called 'newz'. The sources are: 'news', 'opinion'. Did you mean 'news'?
    >>> print(unknown_name("source", 3, ["news", "opinion"]))
    There is no source called 3. The sources are: 'news', 'opinion'.
    """
    options = list(valid)
    given = shown(value)
    listing = ", ".join(repr(option) for option in options)
    if len(options) > 12:
        listing = (
            ", ".join(repr(option) for option in options[:12]) + f", … ({len(options)} in all)"
        )
    plural = what + ("es" if what.endswith("s") else "s")
    message = f"There is no {what} called {given}. The {plural} are: {listing}."
    suggestion = closest(value, options) if isinstance(value, str) else None
    if suggestion is not None:
        message += f" Did you mean {suggestion!r}?"
    return CourseError(message)
