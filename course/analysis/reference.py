"""The reference data: independent figures copied unchanged from ``data/reference/``, each row with
its source.

Rows are numbered from 1 after the header, as the course cites them ("trade_china_russia.csv row
17"). The files are read once per session and never changed; only the course's own reference files
can be read here, by name.
"""

from __future__ import annotations

import numbers
import re

from course.errors import CourseError, choose, shown
from course.paths import data_folder, read_data
from course.results import Record

__all__ = ["reference_files", "reference_frame", "reference_row", "second_source_of"]


def reference_files() -> list[str]:
    """The reference files copied into ``data/reference``.

    >>> "trade_china_russia.csv" in reference_files()
    True
    """
    return sorted(path.name for path in (data_folder() / "reference").glob("*.csv"))


def reference_frame(file: str):
    """A whole reference file as a pandas DataFrame of text, exactly as received (read once per
    session).

    >>> len(reference_frame("bomber_patrols.csv"))
    10
    """
    # Only the course's own reference files, by name: never a path to some other file on the
    # machine.
    return read_data(
        data_folder() / "reference" / choose(file, reference_files(), "reference file")
    )


def reference_row(file: str, row: int) -> Record:
    """One row of a reference file, numbered from 1 after the header (as in a spreadsheet, minus the
    header).

    It is a dictionary of the row's columns; a notebook shows it as a short table of the filled-in
    ones, followed by the course's notes: who published it (from ``data/publishers.csv``) and
    anything the consistency checks found.

    >>> reference_row("trade_china_russia.csv", 17)["value"]
    '244.81'
    >>> print(reference_row("geography_and_units.csv", 4))  # doctest: +ELLIPSIS
    geography_and_units.csv row 4
      item          kilometres per international mile
      value         1.609344
      qualifier     exactly
    ...
    >>> reference_row("trade_china_russia.csv", 99)
    Traceback (most recent call last):
    ...
    course.errors.CourseError: trade_china_russia.csv has rows 1 to 32; there is no row 99.
    """
    frame = reference_frame(file)
    if isinstance(row, bool) or not isinstance(row, numbers.Integral) or not 1 <= row <= len(frame):
        raise CourseError(f"{file} has rows 1 to {len(frame)}; there is no row {shown(row)}.")
    from course.analysis.consistency import flags_for
    from course.analysis.publishers import standing_of

    fields = dict(frame.iloc[int(row) - 1])
    remarks = [f"Who published it: {standing_of(fields.get('publisher', ''))}"]
    remarks += flags_for(file, int(row))
    return Record(fields, f"{file} row {int(row)}", remarks)


_SECOND_SOURCE = re.compile(
    r"^(?:Same (?:event|figure|count)(?: and dates?)? as|Corroborates|"
    r"Independent count for the period of) row (\d+)"
)


def second_source_of(row: dict[str, str]) -> int | None:
    """The earlier row a reference row repeats from another source ("Same event as row 16"), or
    None.

    The reference data append such rows rather than merge them, so that a figure or event reported
    by two publishers keeps both; a count of events must count it once.

    >>> second_source_of(reference_row("events.csv", 50))
    16
    >>> second_source_of(reference_row("events.csv", 16)) is None
    True
    """
    found = _SECOND_SOURCE.match(row.get("note", ""))
    return int(found.group(1)) if found else None
