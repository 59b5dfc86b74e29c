"""data/statistics.csv and course.analysis.statistics: every figure quoted exactly, in the right
sentence, none missed.
"""

import re

import pytest

from course.analysis.statistics import (
    STATISTIC_KINDS,
    find_statistic,
    show_statistic,
    statistics_table,
)
from course.errors import CourseError
from course.results import Shown
from course.text.sources import find_sentence, load_source

ROWS = statistics_table().frame.to_dict("records")
COLUMNS = [
    "statistic_id",
    "source",
    "sentence_id",
    "sentence",
    "quote",
    "value",
    "unit",
    "period",
    "counted_what",
    "qualifier",
    "attribution",
    "kind",
    "note",
]
VALUE = re.compile(r"^(not known|-?\d+(\.\d+)?|\d{4}(-\d{2}(-\d{2})?)?|--\d{2}-\d{2})$")
# What the data dictionary excludes on purpose: model names, and number words that are not figures.
EXCLUDED = re.compile(
    r"S-400|Su-35|H-6|Tu-95|Type 096|Iskander-M|the two (countries|nations)|"
    r"two (countries|nations)|\bOne idea\b|\bthe one opposite\b|conversation first was"
)
FIGURE = re.compile(
    r"\d+(?:[.,]\d+)*|\b(one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?|"
    r"million|billion|trillion|first|largest|No\. 1|triple|double|January|February|March|April|May|"
    r"June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Oct\.|Nov\.|Dec\.|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|summer|fall|winter|spring|"
    r"decades?|years?|months?|numerous|many|few|later|recent)\b",
    re.IGNORECASE,
)


def test_columns_are_those_of_the_data_dictionary():
    assert statistics_table().columns == COLUMNS


@pytest.mark.parametrize("row", ROWS, ids=[row["statistic_id"] for row in ROWS])
def test_every_quote_stands_in_its_sentence_and_the_sentence_in_the_clean_text(row):
    sentence = find_sentence(row["sentence_id"])
    assert sentence.text == row["sentence"]
    assert row["quote"] and row["quote"] in row["sentence"]
    assert row["sentence"] in load_source(row["source"]).text()
    assert row["statistic_id"].startswith(row["sentence_id"] + "-n")
    assert row["source"] == row["sentence_id"].split("-")[0]


@pytest.mark.parametrize("row", ROWS, ids=[row["statistic_id"] for row in ROWS])
def test_every_row_is_complete_and_well_formed(row):
    assert row["kind"] in STATISTIC_KINDS
    assert VALUE.match(row["value"]), row["value"]
    for column in ("unit", "period", "counted_what", "attribution"):
        assert row[column].strip(), f"{row['statistic_id']}: empty {column}"
    if row["value"] == "not known":
        assert row["note"] or row["qualifier"], (
            "a missing number needs a note or a hedge that says why"
        )
    if (
        row["kind"] in ("money", "percentage", "distance", "volume", "multiple")
        and row["value"] != "not known"
    ):
        assert float(row["value"]) > 0


def test_ids_are_unique_and_numbered_in_reading_order():
    ids = [row["statistic_id"] for row in ROWS]
    assert len(ids) == len(set(ids))
    by_sentence: dict[str, list[dict]] = {}
    for row in ROWS:
        by_sentence.setdefault(row["sentence_id"], []).append(row)
    for sentence_id, rows in by_sentence.items():
        numbers = [int(row["statistic_id"].rsplit("-n", 1)[1]) for row in rows]
        assert numbers == list(range(1, len(rows) + 1)), sentence_id
        positions = [row["sentence"].index(row["quote"]) for row in rows]
        assert positions == sorted(positions), sentence_id


def test_no_figure_in_the_body_or_captions_is_missed():
    quotes: dict[str, list[str]] = {}
    for row in ROWS:
        quotes.setdefault(row["sentence_id"], []).append(row["quote"])
    missed = []
    for name in ("news", "opinion"):
        for paragraph in load_source(name).paragraphs_of(("body", "caption")):
            for sentence in paragraph.sentences:
                text = EXCLUDED.sub(lambda m: " " * len(m.group(0)), sentence.text)
                covered = [
                    (sentence.text.index(q), sentence.text.index(q) + len(q))
                    for q in quotes.get(sentence.id, [])
                ]
                for match in FIGURE.finditer(text):
                    if not any(
                        start <= match.start() and match.end() <= end for start, end in covered
                    ):
                        missed.append(f"{sentence.id}: {match.group(0)!r}")
    assert not missed, "figures with no row in statistics.csv: " + ", ".join(missed)


def test_both_sources_are_covered_and_every_kind_occurs():
    assert {row["source"] for row in ROWS} == {"news", "opinion"}
    assert {row["kind"] for row in ROWS} == set(STATISTIC_KINDS)


def test_find_statistic_accepts_a_short_form_and_explains_a_bad_id():
    assert find_statistic("NEWS-P11-S1-N1")["quote"] == "2,500-mile"
    with pytest.raises(CourseError, match="Did you mean 'news-p11-s01-n1'"):
        find_statistic("news-p11-s01-n9")
    for bad in ("", "   ", 42, None):
        with pytest.raises(CourseError, match="A statistic ID is text"):
            find_statistic(bad)


def test_filters_and_their_errors():
    assert len(statistics_table("news")) + len(statistics_table("opinion")) == len(ROWS)
    assert set(statistics_table(kind="ranking")["kind"]) == {"ranking"}
    with pytest.raises(CourseError, match="Did you mean 'news'"):
        statistics_table("newz")


def test_show_statistic_marks_the_figure_in_text_and_html():
    shown = show_statistic("news-p44-s02-n4")
    assert isinstance(shown, Shown)
    assert "»as much as 1.3 trillion cubic feet«" in str(shown)
    assert "<mark>as much as 1.3 trillion cubic feet</mark>" in shown._repr_html_()
    assert "Hedge: as much as" in str(shown)
