"""data/voices.csv and course.analysis.voices: every voice quoted exactly, attributed by words that
are in the text.
"""

import pytest

from course.analysis.charts import Chart
from course.analysis.voices import (
    AUTHOR,
    SPEAKER_TYPES,
    SPEECH,
    voices_chart,
    voices_table,
    who_speaks,
)
from course.errors import CourseError
from course.text.sources import find_paragraph, find_sentence, load_source

ROWS = voices_table().frame.to_dict("records")


@pytest.mark.parametrize("row", ROWS, ids=[row["voice_id"] for row in ROWS])
def test_every_voice_is_in_the_text_with_its_cue(row):
    sentence = find_sentence(row["sentence_id"])
    assert row["quote"] in sentence.text
    paragraph = find_paragraph(row["sentence_id"].rsplit("-", 1)[0])
    assert row["cue"] in paragraph.text
    assert row["speaker_type"] in SPEAKER_TYPES and row["speech"] in SPEECH
    assert row["speaker"] and row["speaker_role"]
    assert row["voice_id"].startswith(row["sentence_id"] + "-v")
    if row["speech"] == "direct quote":
        assert row["speaker_type"] != "no one named"


def test_speakers_named_in_the_text_are_spelled_as_the_text_spells_them():
    for row in ROWS:
        if row["speaker_type"] == "named person":
            words = row["speaker"].replace(" and ", " ").split()
            text = load_source(row["source"]).text()
            assert all(word in text for word in words), row["speaker"]


def test_every_quotation_mark_in_the_news_body_belongs_to_a_voice():
    quoted = {row["sentence_id"] for row in ROWS if row["speech"] != "paraphrase"}
    for paragraph in load_source("news").paragraphs_of("body"):
        for sentence in paragraph.sentences:
            if any(mark in sentence.text for mark in '"“”'):
                assert sentence.id in quoted, (
                    f"{sentence.id} has quotation marks but no quoted voice"
                )


def test_who_speaks_adds_up_and_counts_the_authors_voice():
    table = who_speaks().frame
    for name in ("news", "opinion"):
        part = table[table["text"] == name]
        body = part["body sentences"].iloc[0]
        assert body == len(
            [s for p in load_source(name).paragraphs_of("body") for s in p.sentences]
        )
        author = int(part[part["voice"] == AUTHOR]["sentences"].iloc[0])
        attributed = {row["sentence_id"] for row in ROWS if row["source"] == name}
        body_ids = {s.id for p in load_source(name).paragraphs_of("body") for s in p.sentences}
        assert author == len(body_ids - attributed)


def test_filters_and_friendly_errors():
    assert set(voices_table("news", "named person")["speaker_type"]) == {"named person"}
    with pytest.raises(CourseError, match="Did you mean 'named person'"):
        voices_table(speaker_type="named")
    with pytest.raises(CourseError, match="Did you mean 'opinion'"):
        voices_table("opinon")


def test_the_chart_is_accessible_and_its_numbers_are_in_its_table():
    chart = voices_chart()
    assert isinstance(chart, Chart) and chart.png[:4] == b"\x89PNG"
    for row in who_speaks().frame.itertuples():
        assert row.voice in chart.alt_text
    assert "alt='Horizontal bar chart" in chart._repr_html_()
