"""Who published the reference data: every publisher's country and standing, from
``data/publishers.csv``.

A check is only as strong as its reference, and a reference is only as independent as whoever
published it. Each publisher row gives a standing (state-run outlet, government agency,
government-funded or public broadcaster, commercial outlet, news agency, think tank, ...), the
source of that classification and the source's words, whether sources disagree on it, and any tie
to either text (CSIS employs the opinion column's author; the news report carries Reuters and
Associated Press photographs). The same questions are asked of every publisher, whichever
country it is in.
"""

from __future__ import annotations

import functools

from course.errors import choose
from course.paths import data_folder, read_data
from course.results import Table, filtered

__all__ = [
    "STANDINGS",
    "publishers_table",
    "publishers_of",
    "standing_of",
    "publishers_behind",
    "standing_counts",
    "ties_to_texts",
]

STANDINGS = (
    "state-run outlet",
    "government agency",
    "government-funded broadcaster",
    "public broadcaster",
    "commercial outlet",
    "reader-funded outlet",
    "news agency (cooperative)",
    "think tank",
    "reference work",
    "blog or aggregator",
    "not known",
)
"""The standings a publisher can have; "not known" where no source was found."""


def _frame():
    return read_data(data_folder() / "publishers.csv")


@functools.cache
def _by_appearance() -> dict[str, list[dict[str, str]]]:
    """Each ``publisher`` string of the reference data -> the organisations it names, in the
    order they appear in it (the original publisher first, then whoever carried the item)."""
    found: dict[str, list[dict[str, str]]] = {}
    for record in _frame().to_dict("records"):
        for appearance in record["appears_as"].split(" | "):
            found.setdefault(appearance, []).append(record)
    for appearance, records in found.items():
        records.sort(key=lambda r: appearance.find(r["publisher"]) % (len(appearance) + 1))
    return found


def publishers_table(standing: str | None = None) -> Table:
    """Every publisher in the reference data, with its country and standing (or those of one
    standing).

    >>> table = publishers_table("think tank")
    >>> list(table["publisher"])
    ['CSIS ChinaPower', 'Carnegie Politika', 'ECSS', 'Wilson Center']
    >>> publishers_table("think tanks")  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    course.errors.CourseError: There is no standing called 'think tanks'. The standings are:
    'state-run outlet', 'government agency', 'government-funded broadcaster', 'public
    broadcaster', 'commercial outlet', 'reader-funded outlet', 'news agency (cooperative)', 'think
    tank', 'reference work', 'blog or aggregator', 'not known'. Did you mean 'think tank'?
    """
    frame = filtered(_frame(), "standing", standing, STANDINGS, "standing").reset_index(drop=True)
    return Table(
        frame,
        key_columns=["publisher", "country", "standing", "tie_to_texts"],
        preview=8,
        caption="Publishers of the reference data"
        + (f" with the standing '{standing}'" if standing else ""),
        notes=[
            "Each standing has a source (standing_source) and the source's own words "
            "(standing_words). 'not known' means no source was found: it is not a judgement."
        ],
    )


def publishers_of(reference_publisher: str) -> list[dict[str, str]]:
    """The organisations named by one ``publisher`` value of the reference data.

    >>> [p["publisher"] for p in publishers_of("TASS (via Sott.net)")]
    ['TASS', 'Sott.net']
    >>> publishers_of("Nobody")
    []
    """
    return list(_by_appearance().get(reference_publisher, []))


def _describe(record: dict[str, str]) -> str:
    country = record["country"] if record["country"] != "not known" else "country not known"
    standing = "standing not known" if record["standing"] == "not known" else record["standing"]
    words = f"{record['publisher']}: {standing}, {country}"
    if record["standing_contested"] == "true":
        words += " (sources differ on this)"
    if record["tie_to_texts"]:
        words += f"; tie to the texts: {record['tie_to_texts']}"
    return words


def standing_of(reference_publisher: str) -> str:
    """One ``publisher`` value of the reference data in words: who each organisation is.

    >>> standing_of("TASS (via Sott.net)")
    'TASS: state-run outlet, Russia. Sott.net: standing not known, country not known.'
    >>> standing_of("")
    'No publisher given (an exact definition, not a report).'
    """
    if not reference_publisher:
        return "No publisher given (an exact definition, not a report)."
    records = publishers_of(reference_publisher)
    if not records:
        return f"{reference_publisher}: not in data/publishers.csv."
    return " ".join(_describe(record).rstrip(".") + "." for record in records)


def publishers_behind(refs: list[tuple[str, int]]) -> list[str]:
    """The publishers behind some reference rows, once each, in words.

    >>> publishers_behind([("exercise_counts.csv", 1)])[0].split(";")[0]
    'CSIS ChinaPower: think tank, United States'
    """
    from course.analysis.reference import reference_row

    seen: list[str] = []
    for file, row in refs:
        for record in publishers_of(reference_row(file, row)["publisher"]):
            words = _describe(record)
            if words not in seen:
                seen.append(words)
    return seen


def standing_counts(source: str | None = None) -> Table:
    """How many checked statistics of each text rest on an original publisher of each standing:
    on at least one of their rows ("some rows"), and on all of them ("all rows").

    A reprint site is not counted, only the publisher whose item it carries; statistics that are
    not checkable are left out (nothing rests on their rows). A statistic whose rows come from
    publishers of two standings counts under both in "some rows", and under neither in "all rows".

    >>> counts = standing_counts()
    >>> list(counts.frame.columns)  # doctest: +NORMALIZE_WHITESPACE
    ['standing', 'news (some rows)', 'news (all rows)', 'opinion (some rows)', 'opinion (all
    rows)']
    """
    import pandas as pd

    from course.analysis.fact_checks import check_table, references_of
    from course.text.sources import source_names

    sources = [choose(source, source_names(), "source")] if source else list(source_names())
    checks = check_table().frame
    counts = {
        standing: {
            f"{name} ({which})": 0 for name in sources for which in ("some rows", "all rows")
        }
        for standing in STANDINGS
    }
    for item in checks.itertuples():
        if item.source not in sources or item.status == "not checkable":
            continue
        standings = [
            originals[0]["standing"]
            for file, row in references_of(item.statistic_id)
            if (originals := _rows_publishers(file, row))
        ]
        for standing in set(standings):
            counts[standing][f"{item.source} (some rows)"] += 1
        if len(set(standings)) == 1:
            counts[standings[0]][f"{item.source} (all rows)"] += 1
    frame = pd.DataFrame(
        [{"standing": standing, **by_source} for standing, by_source in counts.items()]
    )
    columns = [column for column in frame.columns if column != "standing"]
    frame = frame[frame[columns].sum(axis=1) > 0].reset_index(drop=True)
    return Table(
        frame,
        caption="Checked statistics per text that rest on a publisher of each standing",
        notes=[
            "Counts statistics, not rows, by the original publisher of each row (a site that "
            "reprints an item is not counted). 'some rows': at least one row of the check comes "
            "from such a publisher; 'all rows': every row does, so the verdict rests on that kind "
            "of publisher alone. Statistics that are not checkable are left out."
        ],
    )


def _rows_publishers(file: str, row: int) -> list[dict[str, str]]:
    from course.analysis.reference import reference_row

    return publishers_of(reference_row(file, row)["publisher"])


def ties_to_texts() -> Table:
    """The publishers of the reference data that are also connected with one of the texts (the
    column's author works at one; the news report carries another's photographs), each with the
    words that show the tie.

    >>> sorted(ties_to_texts().frame["publisher"])
    ['AFP', 'AP', 'CSIS ChinaPower', 'Reuters']
    """
    frame = _frame()
    tied = frame[frame["tie_to_texts"].astype(str).str.len() > 0]
    return Table(
        tied[["publisher", "standing", "country", "tie_to_texts"]]
        .rename(columns={"tie_to_texts": "tie to the texts"})
        .reset_index(drop=True),
        caption="Publishers of the reference data with a tie to one of the texts",
        notes=[
            "A tie is a reason to look for a second source, not proof of an error: the rows these "
            "publishers give are checked like any other."
        ],
    )
