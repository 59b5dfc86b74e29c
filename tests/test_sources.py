"""course.text.sources: loading a text by name, stable well-formed IDs, finding by ID, and metadata
true to the raw text.
"""

import csv
import re

import pytest

from course.errors import CourseError
from course.text.sources import (
    Paragraph,
    Sentence,
    Source,
    find_paragraph,
    find_sentence,
    load_source,
    sha256_of,
    source_names,
)
from course.text.viewers import sentences_table

PARAGRAPH_ID = re.compile(r"^(news|opinion)-p\d{2}$")
SENTENCE_ID = re.compile(r"^(news|opinion)-p\d{2}-s\d{2}$")


def test_source_names_are_the_short_names_of_the_metadata_files(metadata):
    assert source_names() == ["news", "opinion"] == list(metadata)


@pytest.mark.parametrize(
    "typed, expected",
    [("news", "news"), (" News ", "news"), ("OPINION\n", "opinion"), ("Opinion", "opinion")],
)
def test_load_source_tolerates_case_and_whitespace(typed, expected):
    source = load_source(typed)
    assert isinstance(source, Source)
    assert source.name == expected


def test_load_source_reads_the_seed_as_received(name, raw_texts, metadata):
    source = load_source(name)
    assert source.raw == raw_texts[name]
    assert source.file == metadata[name]["file"]
    assert dict(source.metadata) == {
        k: tuple(v) if isinstance(v, list) else v for k, v in metadata[name].items()
    }
    assert source.kind == metadata[name]["kind"]


@pytest.mark.parametrize(
    "typed, suggestion", [("newz", "news"), ("opinon", "opinion"), ("banana", None), ("", None)]
)
def test_unknown_source_lists_the_names_and_suggests_the_closest(typed, suggestion):
    with pytest.raises(CourseError) as caught:
        load_source(typed)
    message = str(caught.value)
    assert isinstance(caught.value, ValueError)
    assert "'news'" in message and "'opinion'" in message
    if suggestion:
        assert message.endswith(f"Did you mean {suggestion!r}?")
    else:
        assert "Did you mean" not in message


@pytest.mark.parametrize("bad", [3, None, 2.5, b"news"])
def test_source_name_that_is_not_text_gets_advice(bad):
    with pytest.raises(CourseError, match="in quotes"):
        load_source(bad)


def test_source_name_given_as_a_list_gets_advice():
    with pytest.raises(CourseError):
        load_source(["news"])


# --- IDs ------------------------------------------------------------------------------------------


def test_ids_are_well_formed_unique_and_numbered_in_order(name):
    source = load_source(name)
    assert [p.id for p in source.paragraphs] == [
        f"{name}-p{n:02d}" for n in range(1, len(source.paragraphs) + 1)
    ]
    for paragraph in source.paragraphs:
        assert PARAGRAPH_ID.match(paragraph.id) and paragraph.source == name
        assert [s.id for s in paragraph.sentences] == [
            f"{paragraph.id}-s{n:02d}" for n in range(1, len(paragraph.sentences) + 1)
        ]
        for sentence in paragraph.sentences:
            assert SENTENCE_ID.match(sentence.id)
            assert (sentence.source, sentence.paragraph_id, sentence.kind) == (
                name,
                paragraph.id,
                paragraph.kind,
            )


def test_ids_are_unique_across_both_texts():
    ids = [s.id for name in source_names() for s in load_source(name).sentences]
    ids += [p.id for name in source_names() for p in load_source(name).paragraphs]
    assert len(ids) == len(set(ids))


def test_committed_sentence_ids_have_not_drifted(root):
    with (root / "data" / "sentences.csv").open(encoding="utf-8", newline="") as handle:
        committed = list(csv.DictReader(handle))
    now = sentences_table().frame.astype(str).to_dict("records")
    assert len(committed) == len(now) > 100
    assert committed == now


def test_source_sentences_are_its_paragraphs_sentences_in_order(name):
    source = load_source(name)
    assert source.sentences == tuple(s for p in source.paragraphs for s in p.sentences)


# --- finding by ID --------------------------------------------------------------------------------


def test_find_paragraph_and_sentence():
    assert find_paragraph("news-p28").text == "Double team"
    assert find_paragraph("opinion-p08").kind == "pull quote"
    sentence = find_sentence("opinion-p10-s03")
    assert isinstance(sentence, Sentence)
    assert (sentence.paragraph_id, sentence.text) == (
        "opinion-p10",
        "China has been Russia’s No. 1 trading partner since 2014.",
    )
    assert (
        find_paragraph(" news-p06 ").id == "news-p06"
        and find_sentence("news-p06-s01\n").id == "news-p06-s01"
    )
    assert load_source("news").paragraph("news-p28") is find_paragraph("news-p28")


@pytest.mark.parametrize("bad", [None, 6, "news", "", ["news-p06"]])
def test_find_with_something_that_is_not_an_id_explains_the_format(bad):
    with pytest.raises(CourseError, match="looks like 'news-p06'"):
        find_paragraph(bad)
    with pytest.raises(CourseError, match="looks like 'news-p06-s01'"):
        find_sentence(bad)


@pytest.mark.parametrize(
    "finder, bad, suggestion",
    [
        (find_paragraph, "newz-p06", "news"),
        (find_paragraph, "news-p06-s01", "news-p06"),
        (find_sentence, "news-p06", "news-p06-s01"),
    ],
)
def test_find_with_a_wrong_id_suggests_the_closest(finder, bad, suggestion):
    with pytest.raises(CourseError) as caught:
        finder(bad)
    assert f"Did you mean {suggestion!r}?" in str(caught.value)


def test_find_with_an_id_past_the_end_lists_the_ids():
    with pytest.raises(
        CourseError, match=r"There is no paragraph called 'news-p99'.*'news-p01'.*\(59 in all\)"
    ):
        find_paragraph("news-p99")


def test_source_lookups_reject_ids_of_the_other_text():
    with pytest.raises(CourseError):
        load_source("news").paragraph("opinion-p01")
    with pytest.raises(CourseError):
        load_source("opinion").sentence("news-p06-s01")


# --- the cleaned text -----------------------------------------------------------------------------


def test_every_sentence_is_part_of_the_cleaned_text(name):
    source = load_source(name)
    text = source.text()
    for paragraph in source.paragraphs:
        assert paragraph.text in text
        for sentence in paragraph.sentences:
            assert sentence.text in text, sentence.id


def test_text_marks_blocks_that_are_not_body(metadata):
    opinion = load_source("opinion")
    assert opinion.text(kinds=("headline",)) == "[headline] " + metadata["opinion"]["headline"]
    assert opinion.text(kinds=("body",)).split("\n\n") == [
        p.text for p in opinion.paragraphs if p.kind == "body"
    ]
    assert "[pull quote] Xi and Putin" in opinion.text()
    assert opinion.text(kinds=()) == ""


def test_cleaned_text_is_shorter_than_raw_and_logged(name):
    source = load_source(name)
    assert len(source.text()) < len(source.raw)
    assert source.log and all(entry.before in source.raw for entry in source.log)


# --- metadata true to the raw text --------------------------------------------------------------

VERBATIM_FIELDS = [
    "headline",
    "standfirst",
    "section",
    "date_as_stated",
    "print_edition_as_stated",
    "print_headline",
    "correction_as_stated",
    "author_roles",
]


@pytest.mark.parametrize("field", VERBATIM_FIELDS)
def test_metadata_that_quotes_the_text_quotes_it_verbatim(name, field, metadata, raw_texts):
    value = metadata[name][field]
    assert isinstance(value, str) and value
    if value != "not stated":
        assert value in raw_texts[name], f"{name}.{field}"


def test_metadata_states_what_it_quotes_for_each_text(metadata):
    # the news report states all of these, the opinion column almost none: the test above must not
    # pass vacuously
    assert [f for f in VERBATIM_FIELDS if metadata["news"][f] == "not stated"] == ["author_roles"]
    assert [f for f in VERBATIM_FIELDS if metadata["opinion"][f] != "not stated"] == [
        "headline",
        "author_roles",
    ]


def test_news_byline_as_stated_is_the_cleaned_byline(metadata):
    [byline] = [p for p in load_source("news").paragraphs if p.kind == "byline"]
    assert metadata["news"]["byline_as_stated"] == byline.text


def test_opinion_has_no_byline(metadata):
    assert metadata["opinion"]["byline_as_stated"].startswith("not stated")
    assert not [p for p in load_source("opinion").paragraphs if p.kind == "byline"]


def test_every_author_occurs_in_the_raw_text(name, metadata, raw_texts):
    authors = metadata[name]["authors"]
    assert authors
    for author in authors:
        assert author in raw_texts[name]


def test_metadata_headline_is_the_headline_paragraph(name, metadata):
    [headline] = [p for p in load_source(name).paragraphs if p.kind == "headline"]
    assert headline.text == metadata[name]["headline"]


# --- showing sources, paragraphs, sentences
# ---------------------------------------------------------


def test_source_shows_a_summary(name, metadata):
    source = load_source(name)
    text = str(source)
    assert metadata[name]["headline"] in text
    assert (
        f"{len(source.paragraphs)} paragraphs, {len(source.sentences)} sentences, "
        f"{len(source.log)} cleaning steps" in text
    )
    html = source._repr_html_()
    assert "<table>" in html and f"Source '{name}'" in html


def test_paragraph_and_sentence_show_as_text_and_escaped_html():
    paragraph = find_paragraph("news-p57")
    assert isinstance(paragraph, Paragraph)
    assert str(paragraph) == "[news-p57] (correction heading) Corrections & Amplifications"
    assert "Corrections &amp; Amplifications" in paragraph._repr_html_()
    assert str(find_paragraph("news-p06")).startswith(
        "[news-p06] Russian President"
    )  # body carries no label
    sentence = find_sentence("news-p57-s01")
    assert str(sentence) == "[news-p57-s01] Corrections & Amplifications"
    assert "Corrections &amp; Amplifications" in sentence._repr_html_()


def test_sha256_of_gives_a_checksum_per_source():
    sums = {name: sha256_of(name) for name in source_names()}
    assert all(re.fullmatch(r"[0-9a-f]{64}", value) for value in sums.values())
    assert sums["news"] != sums["opinion"]
    with pytest.raises(CourseError):
        sha256_of("newz")


@pytest.mark.parametrize(
    "finder, typed, found",
    [
        (find_paragraph, "NEWS-P06", "news-p06"),
        (find_paragraph, "opinion-p7", "opinion-p07"),
        (find_sentence, " news-p06-s1 ", "news-p06-s01"),
        (find_sentence, "opinion-p10-s3", "opinion-p10-s03"),
    ],
)
def test_ids_are_read_generously(finder, typed, found):
    assert finder(typed).id == found


def test_metadata_cannot_be_changed_by_accident():
    source = load_source("news")
    with pytest.raises(TypeError):
        source.metadata["kind"] = "opinion column"
    with pytest.raises(AttributeError):
        source.metadata["authors"].append("Someone Else")
    assert load_source("news").metadata["kind"] == "news report"
