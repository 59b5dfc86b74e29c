"""The cited statistics: every figure, date and ranking in both texts, from ``data/statistics.csv``.

Each row quotes the figure exactly as the text gives it, in its sentence (with the sentence ID),
and spells out its value, unit, period, what was counted, the hedge and who the text says the
figure comes from. The file is written by hand; ``data/README.md`` explains every column.
"""

from __future__ import annotations

import functools
import html
import re

from course.errors import CourseError, shown, unknown_name
from course.paths import data_folder, read_data
from course.results import Shown, Table, filtered

__all__ = ["statistics_table", "find_statistic", "show_statistic", "STATISTIC_KINDS"]

STATISTIC_KINDS = (
    "money",
    "count",
    "percentage",
    "distance",
    "volume",
    "multiple",
    "duration",
    "year",
    "date",
    "relative date",
    "period",
    "ranking",
)


@functools.cache
def _frame():
    # Text everywhere: values mix numbers, dates and "not known", and must stay as written.
    frame = read_data(data_folder() / "statistics.csv")
    if (frame["sentence"] == "").any():
        # A copy released without the texts (release --without-texts) carries no sentence: each is
        # taken from the text itself, read from the folder COURSE_TEXTS names.
        from course.text.sources import find_sentence

        frame = frame.assign(
            sentence=[
                sentence or find_sentence(sentence_id).text
                for sentence, sentence_id in zip(
                    frame["sentence"], frame["sentence_id"], strict=True
                )
            ]
        )
    return frame


def statistics_table(source: str | None = None, kind: str | None = None) -> Table:
    """All cited statistics, or those of one source and/or one kind.

    >>> table = statistics_table("opinion", kind="money")
    >>> list(table["quote"])
    ['roughly $245 billion', '$190 billion']
    >>> statistics_table(kind="mony")  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    course.errors.CourseError: There is no kind called 'mony'. The kinds are: 'money', 'count',
    'percentage', 'distance', 'volume', 'multiple', 'duration', 'year', 'date', 'relative date',
    'period', 'ranking'. Did you mean 'money'?
    """
    from course.text.sources import source_names, text_name

    frame = filtered(_frame(), "source", source, source_names(), "source")
    frame = filtered(frame, "kind", kind, STATISTIC_KINDS, "kind").reset_index(drop=True)
    caption = f"Statistics cited in {text_name(source)}" + (f" (kind: {kind})" if kind else "")
    return Table(
        frame,
        key_columns=["statistic_id", "quote", "kind", "period", "attribution"],
        caption=caption,
    )


def find_statistic(statistic_id: str) -> dict[str, str]:
    """Return one statistic as a dictionary of its columns.

    >>> find_statistic("news-p11-s01-n1")["quote"]
    '2,500-mile'
    >>> find_statistic("news-p11-s1-n1")["unit"]
    'miles'
    >>> find_statistic("news-p99-s01-n1")  # doctest: +NORMALIZE_WHITESPACE, +ELLIPSIS
    Traceback (most recent call last):
    ...
    course.errors.CourseError: There is no statistic called 'news-p99-s01-n1'. The statistics are:
    ... Did you mean ...?
    """
    if not isinstance(statistic_id, str) or not statistic_id.strip():
        raise CourseError(
            "A statistic ID is text like 'news-p11-s01-n1' (sentence ID, then -n and a number); "
            f"got {shown(statistic_id)}."
        )
    frame = _frame()
    ids = list(frame["statistic_id"])
    wanted = _normalise(statistic_id)
    if wanted not in ids:
        raise unknown_name("statistic", statistic_id, ids)
    return dict(frame[frame["statistic_id"] == wanted].iloc[0])


def _normalise(statistic_id: str) -> str:
    """Accept 'news-p6-s1-n1' and capitals for 'news-p06-s01-n1', as with sentence IDs."""
    from course.text.sources import normalise_id

    sentence, _, number = statistic_id.strip().lower().rpartition("-n")
    return (
        f"{normalise_id(sentence)}-n{int(number)}"
        if sentence and re.fullmatch("[0-9]{1,3}", number)
        else statistic_id.strip()
    )


def show_statistic(statistic_id: str) -> Shown:
    """Show one statistic: its sentence with the figure marked, and what the figure means.

    >>> print(show_statistic("opinion-p10-s02-n1"))  # doctest: +NORMALIZE_WHITESPACE, +ELLIPSIS
    opinion-p10-s02-n1 (opinion, money)
      Sentence: China-Russia trade reached »roughly $245 billion« in 2024, up from $190 billion in
      2022.
      Value: 245 billion USD
      Hedge: roughly
      Period: 2024
      What is counted: China-Russia trade
      According to: not stated
    """
    row = find_statistic(statistic_id)
    sentence, quote = row["sentence"], row["quote"]
    start = sentence.index(quote)
    marked = sentence[:start] + "»" + quote + "«" + sentence[start + len(quote) :]
    fields = [
        ("Value", f"{row['value']} {row['unit']}"),
        ("Hedge", row["qualifier"] or "none"),
        ("Period", row["period"]),
        ("What is counted", row["counted_what"]),
        ("According to", row["attribution"]),
        ("Note", row["note"]),
    ]
    fields = [(name, value) for name, value in fields if value]
    title = f"{row['statistic_id']} ({row['source']}, {row['kind']})"
    text = "\n".join(
        [title, f"  Sentence: {marked}", *(f"  {name}: {value}" for name, value in fields)]
    )
    mark = (
        html.escape(sentence[:start])
        + "<mark>"
        + html.escape(quote)
        + "</mark>"
        + html.escape(sentence[start + len(quote) :])
    )
    items = "".join(
        f"<li><strong>{html.escape(name)}:</strong> {html.escape(value)}</li>"
        for name, value in fields
    )
    return Shown(
        text,
        f"<div><strong>{html.escape(title)}</strong><blockquote>{mark}</blockquote><ul>{items}</ul></div>",
    )
