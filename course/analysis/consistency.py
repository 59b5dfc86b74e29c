"""Does a source agree with itself? Checks of the reference series against their own numbers.

A row can be checked without any outside data: its stated change against last year's figure, the
parts of a total against the total, and a figure that another row says it repeats. Two rows that
fail such a check *disagree*; a row that disagrees with both of its neighbours is *out of line*.
Rows stay in the data as received, and every place that shows them (the row, the trade chart)
says what was found.
"""

from __future__ import annotations

import functools
from collections import Counter

from course.analysis.reference import reference_files, reference_frame, second_source_of
from course.results import Table

__all__ = ["AGREES_WITHIN", "consistency_table", "flags_for", "out_of_line"]

AGREES_WITHIN = 2.0
"""Two figures agree when they are within 2% of each other: the rounding of a stated percentage
change (to one decimal) cannot explain more."""

_TRADE = "trade_china_russia.csv"
_PARTS = ("China's imports from Russia", "China's exports to Russia")


def _off_by(found: float, expected: float) -> float:
    return (found - expected) / expected * 100


def _disagreement(file: str, rows: tuple[int, int], year: object, how: str, off: float) -> dict:
    return {"file": file, "rows": rows, "year": year, "found": how, "off_by_pct": round(off, 1)}


def _change_findings(records: list[dict]) -> list[dict]:
    """Each stated change against the same series' figure for the year before."""
    findings = []
    # One series: same period, flow and reporter; the first row per year (a later row that
    # repeats a figure from another source is a second source, not a second figure).
    series: dict[tuple[str, str, str], dict[int, dict]] = {}
    for record in records:
        key = (record["period"], record["flow"], record["reporter"])
        series.setdefault(key, {}).setdefault(int(record["year"]), record)
    for by_year in series.values():
        for year, record in sorted(by_year.items()):
            before = by_year.get(year - 1)
            if not record["change_pct"] or before is None:
                continue
            value, change, earlier = (
                float(record["value"]),
                float(record["change_pct"]),
                float(before["value"]),
            )
            expected = earlier * (1 + change / 100)
            off = _off_by(value, expected)
            if abs(off) > AGREES_WITHIN:
                how = (
                    f"row {record['row']} gives {year} as {value:g} and a change of {change:+g}%; "
                    f"applied to {year - 1}'s {earlier:g} (row {before['row']}) that change gives "
                    f"{expected:.1f}"
                )
                findings.append(
                    _disagreement(_TRADE, (before["row"], record["row"]), year, how, off)
                )
    return findings


def _parts_findings(records: list[dict]) -> list[dict]:
    """Imports plus exports against the total trade of the same year, period and reporter."""
    findings = []
    for total in records:
        if total["flow"] != "total trade":
            continue
        same = (total["year"], total["period"], total["reporter"])
        parts = [
            r
            for r in records
            if (r["year"], r["period"], r["reporter"]) == same and r["flow"] in _PARTS
        ]
        if len(parts) != 2:
            continue
        added = sum(float(r["value"]) for r in parts)
        off = _off_by(float(total["value"]), added)
        if abs(off) > AGREES_WITHIN:
            how = (
                f"row {total['row']} gives the total as {float(total['value']):g}; imports and "
                f"exports (rows {parts[0]['row']}, {parts[1]['row']}) add up to {added:.2f}"
            )
            findings.append(
                _disagreement(_TRADE, (parts[0]["row"], total["row"]), total["year"], how, off)
            )
    return findings


def _repeat_findings() -> list[dict]:
    """A row that says it gives the same figure as an earlier row must give that figure."""
    findings = []
    for file in reference_files():
        frame = reference_frame(file)
        column = (
            "value" if "value" in frame.columns else "count" if "count" in frame.columns else ""
        )
        if not column:
            continue
        for number, record in enumerate(frame.to_dict("records"), start=1):
            earlier = second_source_of(record)
            if earlier is None or not record["note"].startswith("Same figure"):
                continue
            first, again = frame.iloc[earlier - 1][column], record[column]
            if first and again and float(first) != float(again):
                how = f"row {number} says it repeats row {earlier}, but gives {again} for {first}"
                findings.append(
                    _disagreement(
                        file, (earlier, number), "", how, _off_by(float(again), float(first))
                    )
                )
    return findings


@functools.cache
def _findings() -> tuple[dict, ...]:
    frame = reference_frame(_TRADE).copy()
    frame["row"] = range(1, len(frame) + 1)
    records = frame.to_dict("records")
    return tuple(_change_findings(records) + _parts_findings(records) + _repeat_findings())


def out_of_line(file: str) -> list[int]:
    """Rows of a file that disagree with more than one other row: the likely odd one out.

    >>> out_of_line("trade_china_russia.csv")
    [5]
    """
    counts = Counter(row for item in _findings() if item["file"] == file for row in item["rows"])
    return sorted(row for row, count in counts.items() if count > 1)


def consistency_table() -> Table:
    """Every pair of reference rows that disagree with each other, and by how much.

    >>> table = consistency_table()
    >>> list(table["rows"])
    ['trade_china_russia.csv rows 4 and 5', 'trade_china_russia.csv rows 5 and 7']
    >>> print(table.frame.iloc[0]["what was found"])  # doctest: +NORMALIZE_WHITESPACE
    row 5 gives 2015 as 64.2 and a change of -27.8%; applied to 2014's 95.28 (row 4) that
    change gives 68.8 (off by -6.7%)
    """
    import pandas as pd

    rows = [
        {
            "rows": f"{item['file']} rows {item['rows'][0]} and {item['rows'][1]}",
            "year": item["year"],
            "what was found": f"{item['found']} (off by {item['off_by_pct']:+.1f}%)",
        }
        for item in _findings()
    ]
    return Table(
        pd.DataFrame(rows, columns=["rows", "year", "what was found"]),
        caption="Reference rows that disagree with other figures of the same series "
        f"(agree = within {AGREES_WITHIN:g}%)",
        notes=[
            "A check like this shows that two figures cannot both be right, not which one is "
            "wrong. A row that disagrees with both its neighbours is the likely odd one out: "
            + "; ".join(
                f"{file} row {row}" for file in reference_files() for row in out_of_line(file)
            )
            + ". Rows are kept as received."
        ],
    )


def flags_for(file: str, row: int) -> list[str]:
    """What the consistency checks found about one reference row, in words (empty if nothing).

    >>> for flag in flags_for("trade_china_russia.csv", 5):
    ...     print(flag)  # doctest: +NORMALIZE_WHITESPACE
    Out of line with the rows next to it: it disagrees with other figures of the same series.
    Row 5 gives 2015 as 64.2 and a change of -27.8%; applied to 2014's 95.28 (row 4) that change
    gives 68.8 (off by -6.7%).
    Row 7 gives 2016 as 69.52 and a change of +2.2%; applied to 2015's 64.2 (row 5) that change
    gives 65.6 (off by +6.0%).
    >>> flags_for("trade_china_russia.csv", 17)
    []
    """
    found = [
        f"{str(item['found'])[:1].upper()}{str(item['found'])[1:]} "
        f"(off by {item['off_by_pct']:+.1f}%)."
        for item in _findings()
        if item["file"] == file and row in item["rows"]
    ]
    if row in out_of_line(file):
        found.insert(
            0,
            "Out of line with the rows next to it: it disagrees with other figures of the same "
            "series.",
        )
    return found
