"""data/then_and_now.csv and course.analysis.then_and_now: both texts in their own words, the data
in between.
"""

import csv

import pytest

from course.analysis.reference import reference_row
from course.analysis.reference_charts import patrols_chart
from course.analysis.then_and_now import compare_topic, expectations, topic_coverage, topics
from course.errors import CourseError
from course.paths import data_folder
from course.text.sources import find_sentence, load_source

with (data_folder() / "then_and_now.csv").open(encoding="utf-8") as handle:
    ROWS = list(csv.DictReader(handle))


@pytest.mark.parametrize("row", ROWS, ids=[row["topic"] for row in ROWS])
def test_every_sentence_and_reference_row_exists(row):
    for sentence_id in (row["news_sentences"] + " " + row["opinion_sentences"]).split():
        find_sentence(sentence_id)
    assert all(s.startswith("news-") for s in row["news_sentences"].split())
    assert all(s.startswith("opinion-") for s in row["opinion_sentences"].split())
    for item in row["reference_rows"].split():
        file, _, number = item.partition(":")
        assert reference_row(file, int(number))
    assert row["in_between"]
    if row["expectation"]:
        listed = (row["news_sentences"] + " " + row["opinion_sentences"]).split()
        assert row["expectation"] in listed and row["how_it_turned_out"]


def test_the_topics_named_by_the_course_are_all_there():
    assert set(topics()) >= {
        "trade",
        "joint exercises",
        "bomber patrols",
        "leader meetings",
        "technology transfer",
        "sanctions",
        "Ukraine",
        "Taiwan",
        "energy",
    }


def test_a_topic_one_text_leaves_out_really_is_absent_from_it():
    for row in ROWS:
        word = row["topic"].lower().rstrip("s")
        for name, column in (("opinion", "opinion_sentences"), ("news", "news_sentences")):
            if not row[column]:
                assert not any(word in s.text.lower() for s in load_source(name).sentences), (
                    name,
                    row["topic"],
                )


def test_each_text_leaves_out_at_least_one_topic():
    assert any(not row["opinion_sentences"] for row in ROWS) and any(
        not row["news_sentences"] for row in ROWS
    )


def test_coverage_counts_the_listed_sentences():
    table = topic_coverage().frame
    for row in ROWS:
        line = table[table["topic"] == row["topic"]].iloc[0]
        assert line["news sentences"] == len(row["news_sentences"].split())
        assert line["opinion sentences"] == len(row["opinion_sentences"].split())


def test_compare_topic_shows_the_texts_words_and_the_expectation():
    shown = compare_topic("energy")
    assert find_sentence("news-p44-s02").text in str(shown)
    assert find_sentence("opinion-p10-s04").text in str(shown)
    assert "How it turned out" in str(shown) and "<code>news-p44-s02</code>" in shown._repr_html_()
    assert "(no sentence on this topic)" in str(compare_topic("sanctions"))
    with pytest.raises(CourseError, match="Did you mean 'trade'"):
        compare_topic("trad")


def test_expectations_of_both_texts_are_listed_and_the_columns_are_not_yet_testable():
    table = expectations().frame
    assert len(table) == sum(bool(row["expectation"]) for row in ROWS)
    sources = {sid.split("-")[0] for sid in table["sentence_id"]}
    assert sources == {"news", "opinion"}
    for row in table.to_dict("records"):
        if row["sentence_id"].startswith("opinion-"):
            # The column was written when the reference data end: nothing can test it yet.
            assert row["how it turned out"].startswith("Not testable yet")


def test_patrols_chart_marks_both_texts_and_lists_every_patrol():
    chart = patrols_chart()
    rows = chart.table.frame
    assert sum(rows["from"].str.startswith("bomber_patrols.csv")) == 10
    assert any("news-p39-s02-n2" in f for f in rows["from"]) and any(
        "opinion-p07-s03-n2" in f for f in rows["from"]
    )
