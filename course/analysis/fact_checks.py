"""Checking the cited statistics against the independent reference data, in the open.

``data/check_plan.csv`` says, for each statistic, what to compare it with: one or more
*readings* (ways the text can be understood, each with its reference rows), *context* rows
shown for comparison only, or a hand-written *judgement* or *not checkable* with its reasons.
This module does the arithmetic: it converts units, compares the numbers or dates and gives
one status per statistic, with an explanation that shows the numbers and the rows used.

Tolerances are fixed and shown to students (see :data:`MATCHES_WITHIN` and
:data:`CLOSE_WITHIN`). When readings of the text lead to different statuses, the status is
``unclear``: the meaning of the text, not the data, decides the verdict. Hand-written judgements
use ``unclear`` in the same sense: what is counted, or who counts, decides.
"""

from __future__ import annotations

import functools
import html
import math
from dataclasses import dataclass
from typing import Any

from course.analysis.reference import reference_row
from course.errors import CourseError, choose, need_number, shown
from course.paths import data_folder, read_data
from course.results import Number, Table, counts_and_shares, html_block

__all__ = [
    "STATUSES",
    "MATCHES_WITHIN",
    "CLOSE_WITHIN",
    "Check",
    "check_statistic",
    "check_table",
    "status_counts",
    "references_of",
    "convert",
    "percent_difference",
    "compare_numbers",
    "show_tolerances",
]

STATUSES = ("matches", "close", "differs", "unclear", "not checkable")
MATCHES_WITHIN = 2.0
"""A figure matches when it is within 2% of the reference (rounding alone can explain that)."""
CLOSE_WITHIN = 10.0
"""A figure is close when it is within 10% of the reference; further off, it differs."""

_LOWER_BOUNDS = ("more than", "at least", "exceeded")
_UPPER_BOUNDS = ("as much as", "up to", "less than")
_SCALE = {"million": 1e6, "billion": 1e9, "trillion": 1e12}
_ROLES = ("reading", "context", "judgement", "not checkable")
_OPERATIONS = ("value", "ratio", "percent", "difference", "sum", "count", "date")


def show_tolerances() -> str:
    """The rules behind every status, in words (the same rules for both texts).

    >>> print(show_tolerances().splitlines()[0])  # doctest: +NORMALIZE_WHITESPACE
    matches: the text's figure is within 2% of the reference figure (a hedge such as 'more than'
    must also hold).
    """
    return "\n".join(
        [
            f"matches: the text's figure is within {MATCHES_WITHIN:g}% of the reference figure "
            "(a hedge such as 'more than' must also hold).",
            f"close: within {CLOSE_WITHIN:g}% of the reference figure, or a hedge that just fails.",
            f"differs: more than {CLOSE_WITHIN:g}% away, or a date outside the period the text "
            "names.",
            "unclear: the verdict depends on something the text leaves open (the period, the "
            "base of a percentage, what is counted or who counts), and the possible answers lead "
            "to different verdicts.",
            "not checkable: there is no number or date to compare, or the reference data have "
            "nothing on it (the reason is always given).",
            "Dates match when the reference date falls in the period the text names, as "
            "precisely as the text names it.",
            "A date is compared only when the reference event is shown to be the same event as "
            "the text's: the same words, or the same act described; otherwise the date is not "
            "checkable.",
        ]
    )


def _number(row: dict[str, str]) -> float:
    return float(row.get("value") or row.get("count") or "nan")


def _unit(row: dict[str, str], file: str) -> str:
    return row.get("unit") or {
        "leader_meetings.csv": "meetings",
        "exercise_counts.csv": "exercises",
    }.get(file, "")


def _cite(refs: list[tuple[str, int]]) -> str:
    by_file: dict[str, list[int]] = {}
    for file, row in refs:
        if row not in by_file.setdefault(file, []):
            by_file[file].append(row)
    return "; ".join(
        f"{file} row{'s' if len(rows) > 1 else ''} {', '.join(map(str, rows))}"
        for file, rows in by_file.items()
    )


def _fmt(number: float) -> str:
    text = f"{number:,.2f}".rstrip("0").rstrip(".")
    return text if text not in ("-0", "") else "0"


# ----------------------------------------------------------------------------------------
# Arithmetic a student can redo by hand


def convert(value: float, from_unit: str, to_unit: str) -> float:
    """Convert between the units the texts and the reference use, with the exact factors of the
    reference data.

    >>> convert(2500, "miles", "km")
    4,023.36 km
    >>> round(convert(1.3, "trillion cubic feet", "bcm"), 2)
    36.81
    >>> convert(5, "miles", "furlongs")  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    course.errors.CourseError: There is no conversion called 'miles to furlongs'. The conversions
    are: 'miles to km', 'km to miles', 'trillion cubic feet to bcm', 'bcm to trillion cubic feet'.
    Did you mean 'miles to km'?
    """
    km_per_mile = float(reference_row("geography_and_units.csv", 4)["value"])
    m3_per_ft3 = float(reference_row("geography_and_units.csv", 5)["value"])
    # trillion cubic feet -> cubic metres -> billion cubic metres
    bcm_per_tcf = 1e12 * m3_per_ft3 / 1e9
    factors = {
        "miles to km": km_per_mile,
        "km to miles": 1 / km_per_mile,
        "trillion cubic feet to bcm": bcm_per_tcf,
        "bcm to trillion cubic feet": 1 / bcm_per_tcf,
    }
    if not isinstance(from_unit, str) or not isinstance(to_unit, str):
        raise CourseError(
            "Name the units in quotes, like convert(2500, 'miles', 'km'); you gave "
            f"{shown(from_unit)} "
            f"and {shown(to_unit)}."
        )
    key = choose(f"{from_unit} to {to_unit}", factors, "conversion")
    number = need_number(value, "the figure to convert", "convert(2500, 'miles', 'km')")
    if abs(number) > 1e15:
        raise CourseError(
            f"{shown(value)} is far larger than any figure in the texts; check the number you "
            "typed."
        )
    return Number(round(number * factors[key], 10), to_unit)


def percent_difference(text_value: float, reference_value: float) -> float:
    """How far the text's figure is from the reference, as a percentage of the reference.

    >>> percent_difference(4023.36, 4209.3)
    -4.42% (the text's figure is below the reference)
    >>> round(percent_difference(4023.36, 4209.3), 1)
    -4.4
    >>> percent_difference(5, 0)
    Traceback (most recent call last):
    ...
    course.errors.CourseError: A percentage difference needs a reference figure other than 0.
    """
    example = "percent_difference(4023.36, 4209.3)"
    text_value = need_number(text_value, "the text's figure", example)
    reference_value = need_number(reference_value, "the reference figure", example)
    if reference_value == 0:
        raise CourseError("A percentage difference needs a reference figure other than 0.")
    difference = (text_value - reference_value) / reference_value * 100
    if not math.isfinite(difference):
        raise CourseError(
            "Those figures are too far apart to compare as a percentage; check the numbers you "
            "typed."
        )
    side = "above" if difference > 0 else "below" if difference < 0 else "equal to"
    return Number(difference, "%", f"the text's figure is {side} the reference")


def compare_numbers(
    text_value: float,
    reference_value: float,
    text_qualifier: str = "",
    reference_qualifier: str = "",
) -> tuple[str, str]:
    """The status of a figure against a reference figure, and the rule that gave it.

    >>> compare_numbers(245, 244.81, "roughly")[0]
    'matches'
    >>> compare_numbers(100, 98.9, "more than")
    ('close', "the reference is below the text's lower limit of 100, but within 10% of it")
    >>> compare_numbers(8, 9)[0]
    'differs'
    """
    difference = abs(percent_difference(text_value, reference_value))
    within = (
        "matches"
        if difference <= MATCHES_WITHIN
        else "close"
        if difference <= CLOSE_WITHIN
        else "differs"
    )
    if text_qualifier in _LOWER_BOUNDS or text_qualifier in _UPPER_BOUNDS:
        lower = text_qualifier in _LOWER_BOUNDS
        reference_lower = reference_qualifier in ("more than", "at least")
        holds = (
            (reference_value > text_value or (reference_lower and reference_value >= text_value))
            if lower
            else reference_value <= text_value
        )
        limit = "lower limit" if lower else "upper limit"
        if holds:
            return (
                "matches",
                f"the reference is within the text's {limit} ({text_qualifier} {_fmt(text_value)})",
            )
        side = "below" if lower else "above"
        if difference <= CLOSE_WITHIN:
            return (
                "close",
                f"the reference is {side} the text's {limit} of {_fmt(text_value)}, but within "
                f"{CLOSE_WITHIN:g}% of it",
            )
        return (
            "differs",
            f"the reference is {side} the text's {limit} of {_fmt(text_value)}, by more than "
            f"{CLOSE_WITHIN:g}%",
        )
    rule = {
        "matches": f"within {MATCHES_WITHIN:g}%",
        "close": f"within {CLOSE_WITHIN:g}% but not {MATCHES_WITHIN:g}%",
        "differs": f"more than {CLOSE_WITHIN:g}% away",
    }[within]
    return within, rule


def _date_status(text_value: str, start: str, end: str) -> str:
    end = end or start
    if text_value.startswith("--"):  # a day without a year: compare month and day only
        return "matches" if start[4:] <= text_value[1:] <= end[4:] else "differs"
    size = min(len(text_value), len(start))
    return "matches" if start[:size] <= text_value[:size] <= end[:size] else "differs"


# ----------------------------------------------------------------------------------------
# The plan and the checks


@functools.lru_cache(maxsize=1)
def _plan() -> dict[str, list[dict[str, Any]]]:
    from course.analysis.statistics import statistics_table

    frame = read_data(data_folder() / "check_plan.csv")
    known = set(statistics_table()["statistic_id"])
    plan: dict[str, list[dict[str, Any]]] = {}
    for number, row in enumerate(frame.to_dict("records"), start=1):
        where = f"data/check_plan.csv row {number}"
        if row["statistic_id"] not in known:
            raise CourseError(
                f"{where}: no statistic called {row['statistic_id']!r} in data/statistics.csv."
            )
        if row["role"] not in _ROLES:
            raise CourseError(
                f"{where}: the role must be one of {', '.join(_ROLES)}; got {row['role']!r}."
            )
        if row["role"] in ("reading", "context") and row["operation"] not in _OPERATIONS:
            raise CourseError(
                f"{where}: the operation must be one of {', '.join(_OPERATIONS)}; got "
                f"{row['operation']!r}."
            )
        if row["role"] == "reading" and row["operation"] == "date" and not row["same_event"]:
            raise CourseError(
                f"{where}: a date is compared only with the same event. Say in same_event how the "
                "reference row shows it (the same words, or the same act described), or make the "
                "line 'not checkable'."
            )
        if row["role"] in ("judgement", "not checkable") and (
            not row["reasoning"] or row["status"] not in STATUSES
        ):
            raise CourseError(
                f"{where}: a {row['role']} needs a status from {', '.join(STATUSES)} and its "
                "reasoning."
            )
        refs: list[tuple[str, int]] = []
        for item in row["references"].split():
            file, _, line = item.partition(":")
            reference_row(file, int(line))  # fails early, naming the bad row
            refs.append((file, int(line)))
        plan.setdefault(row["statistic_id"], []).append({**row, "refs": refs})
    return plan


@dataclass(frozen=True)
class Check:
    """The result of checking one statistic: its status, an explanation, and the rows used."""

    statistic_id: str
    source: str
    quote: str
    status: str
    explanation: str
    references: str
    published_by: str = ""
    flags: str = ""

    def __str__(self) -> str:
        text = (
            f"{self.statistic_id} ({self.source}): “{self.quote}”\n  Status: {self.status}\n"
            f"  Why: {self.explanation}\n  Reference rows: {self.references or 'none'}"
        )
        if self.published_by:
            text += f"\n  Published by: {self.published_by}"
        if self.flags:
            text += f"\n  Watch out: {self.flags}"
        return text

    __repr__ = __str__

    def _repr_html_(self) -> str:
        return html_block(
            f"<div><strong>{html.escape(self.statistic_id)}</strong> "
            f"({html.escape(self.source)}): “{html.escape(self.quote)}”"
            "<ul><li><strong>Status:</strong> "
            f"{html.escape(self.status)}</li><li><strong>Why:</strong> "
            f"{html.escape(self.explanation)}</li><li><strong>Reference rows:</strong> "
            f"{html.escape(self.references or 'none')}</li>"
            + (
                f"<li><strong>Published by:</strong> {html.escape(self.published_by)}</li>"
                if self.published_by
                else ""
            )
            + (
                f"<li><strong>Watch out:</strong> {html.escape(self.flags)}</li>"
                if self.flags
                else ""
            )
            + "</ul></div>"
        )


def _text_side(statistic: dict[str, str], conversion: str) -> tuple[float, str]:
    value = float(statistic["value"])
    hedge = f"{statistic['qualifier']} " if statistic["qualifier"] else ""
    said = f"{hedge}{_fmt(value)} {statistic['unit']}"
    if conversion:
        from_unit, _, to_unit = conversion.partition(" to ")
        converted = convert(value, from_unit, to_unit)
        return converted, f"{said} = {_fmt(converted)} {to_unit}"
    return value, said


def _reference_side(line: dict) -> tuple[float | str, str, str]:
    """The reference figure of one plan line: (number or date, description, reference qualifier)."""
    refs, operation = line["refs"], line["operation"]
    rows = [reference_row(file, row) for file, row in refs]
    if operation == "date":
        row = rows[0]
        start, end = row.get("date") or row.get("date_or_year") or "", row.get("end_date", "")
        return f"{start}/{end}" if end else start, f"{start}" + (f" to {end}" if end else ""), ""
    if operation == "count":
        return float(len(rows)), f"a count of {len(rows)} rows", ""
    numbers = [_number(row) for row in rows]
    units = [_unit(row, file) for row, (file, _) in zip(rows, refs, strict=False)]
    if operation == "value":
        qualifier = rows[0].get("qualifier", "")
        return (
            numbers[0],
            f"{qualifier + ' ' if qualifier else ''}{_fmt(numbers[0])} {units[0]}",
            qualifier,
        )
    if operation == "sum":
        return (
            sum(numbers),
            f"{' + '.join(_fmt(n) for n in numbers)} = {_fmt(sum(numbers))} {units[0]}",
            "",
        )
    if operation == "difference":
        result = numbers[0] - numbers[1]
        return result, f"{_fmt(numbers[0])} − {_fmt(numbers[1])} = {_fmt(result)} {units[0]}", ""
    scale = [_SCALE.get(unit.split()[0], 1.0) for unit in units]
    ratio = numbers[0] * scale[0] / (numbers[1] * scale[1])
    if operation == "ratio":
        return ratio, f"{_fmt(numbers[0])} ÷ {_fmt(numbers[1])} = {_fmt(ratio)} times", ""
    return (
        ratio * 100,
        f"{_fmt(numbers[0])} {units[0]} ÷ {_fmt(numbers[1])} {units[1]} = {_fmt(ratio * 100)}%",
        "",
    )


def _judge_reading(statistic: dict[str, str], line: dict) -> tuple[str, str]:
    reference, described, reference_qualifier = _reference_side(line)
    if line["operation"] == "date":
        start, _, end = str(reference).partition("/")
        status = _date_status(statistic["value"], start, end)
        verdict = "falls in" if status == "matches" else "is outside"
        said = statistic["value"]
        said = f"{said[2:]} (month-day; the text gives no year)" if said.startswith("--") else said
        return status, (
            f"the reference date {described} {verdict} the text's {said} "
            f"(it is {line['same_event']})"
        )
    number, said = _text_side(statistic, line["conversion"])
    status, rule = compare_numbers(
        number, float(reference), statistic["qualifier"], reference_qualifier
    )
    gap = percent_difference(number, float(reference))
    return (
        status,
        f"the text says {said}; the reference gives {described}; difference {gap:+.1f}%, {rule}",
    )


def _explain(statistic: dict[str, str], lines: list[dict]) -> tuple[str, str]:
    first = lines[0]
    if first["role"] in ("judgement", "not checkable"):
        return first["status"], first["reasoning"]
    readings = [line for line in lines if line["role"] == "reading"]
    results = [_judge_reading(statistic, line) for line in readings]
    statuses = {status for status, _ in results}
    if len(readings) == 1:
        status, words = results[0]
        text = f"Reference: {readings[0]['label']}. {words[0].upper()}{words[1:]}."
        if readings[0]["reasoning"]:
            text += f" {readings[0]['reasoning']}"
    else:
        status = statuses.pop() if len(statuses) == 1 else "unclear"
        parts = [
            f"({number}) read as {line['label']}: {words}, so {result}"
            + (
                f" ({line['reasoning'][0].lower()}{line['reasoning'][1:].rstrip('.')})"
                if line["reasoning"]
                else ""
            )
            for number, (line, (result, words)) in enumerate(
                zip(readings, results, strict=False), start=1
            )
        ]
        lead = "The readings agree" if status != "unclear" else "It depends on how the text is read"
        text = f"{lead}. " + "; ".join(parts) + "."
    for line in lines:
        if line["role"] == "context":
            _, described, _ = _reference_side(line)
            text += f" For comparison, {line['label']}: {described}."
            if line["reasoning"]:
                text += f" {line['reasoning']}"
    return status, text[0].upper() + text[1:]


@functools.cache
def _check(statistic_id: str) -> Check:
    from course.analysis.statistics import find_statistic

    statistic = find_statistic(statistic_id)
    lines = _plan().get(statistic["statistic_id"])
    if not lines:
        raise CourseError(
            f"data/check_plan.csv has no line for {statistic['statistic_id']}; every statistic "
            "needs one."
        )
    status, explanation = _explain(statistic, lines)
    planned = [ref for line in lines for ref in line["refs"]]
    refs = references_of(statistic["statistic_id"])
    seconds = [ref for ref in refs if ref not in planned]
    if seconds:
        explanation += (
            " Also reported by a second source: "
            + "; ".join(
                f"{file} row {row} ({reference_row(file, row)['publisher']})"
                for file, row in seconds
            )
            + "."
        )
    from course.analysis.consistency import flags_for
    from course.analysis.publishers import publishers_behind

    flags = [f"{file} row {row}: {flag}" for file, row in refs for flag in flags_for(file, row)[:1]]
    return Check(
        statistic["statistic_id"],
        statistic["source"],
        statistic["quote"],
        status,
        explanation,
        _cite(refs),
        " ".join(words.rstrip(".") + "." for words in publishers_behind(refs)),
        " ".join(flags),
    )


@functools.cache
def _second_sources() -> dict[tuple[str, int], list[int]]:
    """Each reference row -> the later rows that report the same event or figure from another
    publisher (their note says so: "Same event as row N", "Corroborates row N", ...)."""
    from course.analysis.reference import reference_files, reference_frame, second_source_of

    found: dict[tuple[str, int], list[int]] = {}
    for file in reference_files():
        for number, row in enumerate(reference_frame(file).to_dict("records"), start=1):
            earlier = second_source_of(row)
            if earlier is not None:
                found.setdefault((file, earlier), []).append(number)
    return found


def references_of(statistic_id: str) -> list[tuple[str, int]]:
    """The reference rows a statistic's check uses, as (file, row) pairs, each once: the rows its
    plan names, then any row that reports the same event or figure again from a second source.

    >>> references_of("news-p11-s01-n1")
    [('geography_and_units.csv', 1), ('geography_and_units.csv', 2)]
    >>> references_of("news-p23-s01-n1")
    [('events.csv', 25), ('events.csv', 51)]
    """
    from course.analysis.statistics import find_statistic

    lines = _plan().get(find_statistic(statistic_id)["statistic_id"], [])
    refs: list[tuple[str, int]] = []
    for line in lines:
        refs += [ref for ref in line["refs"] if ref not in refs]
    for file, row in list(refs):
        refs += [
            (file, later)
            for later in _second_sources().get((file, row), [])
            if (file, later) not in refs
        ]
    return refs


def check_statistic(statistic_id: str) -> Check:
    """Check one statistic against the reference data.

    >>> result = check_statistic("news-p11-s01-n1")
    >>> result.status
    'close'
    >>> print(result.explanation)  # doctest: +NORMALIZE_WHITESPACE
    Reference: China–Russia border length after final demarcation. The text says 2,500 miles =
    4,023.36 km; the reference gives 4,209.3 km; difference -4.4%, within 10% but not 2%. For
    comparison, the eastern section alone (1999 joint estimate): about 4,195 km.
    """
    from course.analysis.statistics import find_statistic

    return _check(find_statistic(statistic_id)["statistic_id"])


def check_table(source: str | None = None, status: str | None = None) -> Table:
    """The check of every statistic (or of one source and/or one status), one row each.

    >>> table = check_table("opinion", status="matches")
    >>> list(table["quote"])[:3]
    ['On Dec. 9', 'in February 2022', 'a set of 50 dual-use goods']
    >>> check_table(status="match")  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    course.errors.CourseError: There is no status called 'match'. The statuses are: 'matches',
    'close', 'differs', 'unclear', 'not checkable'. Did you mean 'matches'?
    """
    from course.analysis.statistics import statistics_table

    if status is not None:
        choose(status, STATUSES, "status")
    ids = statistics_table(source)["statistic_id"]
    rows = [vars(_check(statistic_id)) for statistic_id in ids]
    if status is not None:
        rows = [row for row in rows if row["status"] == status]
    columns = [
        "statistic_id",
        "source",
        "quote",
        "status",
        "explanation",
        "references",
        "published_by",
        "flags",
    ]
    import pandas as pd

    from course.text.sources import text_name

    caption = f"Checks of the statistics in {text_name(source)}" + (
        f" with the status '{status}'" if status else ""
    )
    return Table(
        pd.DataFrame(rows, columns=columns),
        key_columns=["statistic_id", "quote", "status", "explanation"],
        preview=6,
        caption=caption,
    )


def status_counts() -> Table:
    """How many statistics of each text get each status, as counts and as shares of the text's
    statistics (the texts cite different numbers of figures, so counts alone mislead).

    >>> table = status_counts()
    >>> list(table.frame.columns)
    ['status', 'news', 'news share', 'opinion', 'opinion share']
    >>> table.frame.iloc[-1]["status"]
    'all statistics'
    """
    return counts_and_shares(
        check_table().frame,
        "source",
        "status",
        [*((status, (status,)) for status in STATUSES), ("all statistics", STATUSES)],
        "status",
        "Statuses of the checks in each text (count, and share of the text's statistics)",
    )
