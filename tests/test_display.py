"""course.text.viewers: every helper shows as plain text for print and as escaped HTML."""

import re

import pandas as pd
import pytest

from course.errors import CourseError
from course.results import Shown, Table
from course.text.cleaning import STEPS
from course.text.sources import load_source
from course.text.viewers import (
    cleaning_log,
    compare_raw_and_clean,
    search_texts,
    sentences_table,
    show_metadata,
    show_paragraph,
    show_sentence,
    show_text,
    visible,
)

HTML_TAG = re.compile(
    r"</?(p|div|table|thead|tbody|tr|td|th|code|em|strong|mark|small|br|ul|li|h4|caption)\b[^>]*>"
)

# (what to show, plain text it must contain, how that text must look in the HTML)
SHOWN = {
    "show_text": (
        lambda: show_text("news"),
        "Corrections & Amplifications",
        "Corrections &amp; Amplifications",
    ),
    "show_paragraph": (
        lambda: show_paragraph("news-p57"),
        "Corrections & Amplifications",
        "Corrections &amp; Amplifications",
    ),
    "show_sentence": (
        lambda: show_sentence("news-p57-s01"),
        "Corrections & Amplifications",
        "Corrections &amp; Amplifications",
    ),
    "search_texts": (
        lambda: search_texts("Corrections"),
        "[Corrections] & Amplifications",
        "</mark> &amp; Amplifications",
    ),
    "compare_raw_and_clean": (
        lambda: compare_raw_and_clean("news", 131, 141),
        "Dow Jones & Company",
        "Dow Jones &amp; Company",
    ),
    "cleaning_log": (
        lambda: cleaning_log("news").show_all(),
        "Dow Jones & Company",
        "Dow Jones &amp; Company",
    ),
    "sentences_table": (
        lambda: sentences_table("news").show_all(),
        "Corrections & Amplifications",
        "Corrections &amp; Amplifications",
    ),
    "show_metadata": (lambda: show_metadata(), "Dow Jones & Company", "Dow Jones &amp; Company"),
}


@pytest.mark.parametrize("helper", SHOWN)
def test_shows_plain_text_and_escaped_html(helper):
    make, plain, escaped = SHOWN[helper]
    shown = make()
    text, html = str(shown), shown._repr_html_()
    assert text.strip() and not HTML_TAG.search(text), text[:200]
    assert plain in text
    assert HTML_TAG.search(html)
    assert escaped in html
    assert plain.split("] ")[-1] not in html  # the bare '&' never reaches the HTML


def test_raw_web_addresses_are_escaped_in_html():
    shown = compare_raw_and_clean("news", 1, 5)
    assert "<https://www.djreprints.com>" in str(shown)
    assert "&lt;https://www.djreprints.com&gt;" in shown._repr_html_()
    assert "<https://" not in shown._repr_html_()


# --- show_text, show_paragraph, show_sentence
# ------------------------------------------------------


def test_show_text_lists_every_paragraph_in_order(name):
    text = str(show_text(name))
    ids = [p.id for p in load_source(name).paragraphs]
    positions = [text.index(f"{paragraph_id}  ") for paragraph_id in ids]
    assert positions == sorted(positions)
    assert text.splitlines()[0] == f"{name}: {load_source(name).kind}"


def test_show_text_can_show_only_some_kinds():
    text = str(show_text("news", kinds=("subhead",)))
    assert re.findall(r"news-p\d\d", text) == ["news-p28", "news-p42"]
    assert "[subhead] Double team" in text


def test_show_text_with_one_kind_as_a_string_shows_only_that_kind():
    text = str(show_text("news", kinds="correction heading"))
    assert "news-p57" in text and "news-p58" not in text


def test_show_text_of_an_unknown_source_gives_advice():
    with pytest.raises(CourseError, match="Did you mean 'opinion'"):
        show_text("opnion")


def test_show_paragraph_numbers_its_sentences():
    text = str(show_paragraph("news-p58"))
    for sentence in load_source("news").paragraph("news-p58").sentences:
        assert f"  {sentence.id}  {sentence.text}" in text
    assert "[correction]" in text


def test_show_sentence_says_where_the_sentence_is():
    assert str(show_sentence("opinion-p08-s01")).endswith(
        "(pull quote, in paragraph opinion-p08 of the opinion column)"
    )


@pytest.mark.parametrize(
    "helper, bad",
    [
        (show_paragraph, "news-p99"),
        (show_paragraph, None),
        (show_sentence, "news-p06"),
        (show_sentence, 7),
    ],
)
def test_show_with_a_bad_id_gives_advice(helper, bad):
    with pytest.raises(CourseError):
        helper(bad)


# --- search_texts ---------------------------------------------------------------------------------


def hit_ids(shown):
    return re.findall(r"^(\S+-s\d\d)  ", str(shown), re.MULTILINE)


def test_search_ignores_case_but_shows_the_text_as_written():
    shown = search_texts("iSKANDER")
    assert hit_ids(shown) == ["opinion-p05-s01"]
    assert "[Iskander]-M" in str(shown)


def test_search_ignores_the_style_of_quote_marks():
    straight = search_texts("Russia's", source="opinion")
    assert "opinion-p10-s03" in hit_ids(straight)
    assert "[Russia’s] No. 1 trading partner" in str(
        straight
    )  # shown with the text's own curly apostrophe
    curly = search_texts("Russia’s", source="news")
    assert "news-p15-s03" in hit_ids(curly) and "[Russia's] Far East" in str(curly)
    assert hit_ids(search_texts("russia's")) == hit_ids(search_texts("RUSSIA’S"))


def test_search_counts_every_hit():
    shown = search_texts("sanction")
    expected = sum(
        s.text.lower().count("sanction")
        for name in ("news", "opinion")
        for s in load_source(name).sentences
    )
    assert expected > 3
    assert str(shown).splitlines()[0] == f"{expected} hits for 'sanction'"
    assert len(hit_ids(shown)) == expected
    assert all(sid.startswith("news-") for sid in hit_ids(shown))


def test_search_in_one_source_and_with_no_hits():
    assert str(search_texts("sanction", source="opinion")).splitlines() == [
        "0 hits for 'sanction' in opinion",
        "No hits. Try a shorter word, or check the spelling.",
    ]
    assert "No hits" in search_texts("zzzz")._repr_html_()


def test_search_context_limits_what_is_shown():
    line = str(search_texts("Iskander", context=0)).splitlines()[1]
    assert line == "opinion-p05-s01  …[Iskander]…"
    assert str(search_texts("Iskander", context=10_000)).splitlines()[
        1
    ] == "opinion-p05-s01  " + load_source("opinion").sentence("opinion-p05-s01").text.replace(
        "Iskander", "[Iskander]"
    )


@pytest.mark.parametrize("word", ["", "   ", None, 5, ["sanction"]])
def test_search_without_a_word_gives_advice(word):
    with pytest.raises(CourseError, match="Give a word or phrase"):
        search_texts(word)


@pytest.mark.parametrize("context", [-1, "50", 2.5, True, None])
def test_search_with_a_bad_context_gives_advice(context):
    with pytest.raises(CourseError, match="context"):
        search_texts("Iskander", context=context)


def test_search_in_an_unknown_source_gives_advice():
    with pytest.raises(CourseError, match="Did you mean 'news'"):
        search_texts("Iskander", source="newz")


# --- compare_raw_and_clean ------------------------------------------------------------------------


def test_compare_shows_removed_and_kept_blocks():
    assert "removed: reprint notice" in str(compare_raw_and_clean("news", 1, 5))
    text = str(compare_raw_and_clean("opinion", 13, 19))
    assert "opinion-p07 (body)" in text and "opinion-p08 (pull quote)" in text
    assert "⍽" in text  # non-breaking spaces made visible in the raw lines
    whole = str(compare_raw_and_clean("opinion"))
    assert "removed: blog footer" in whole and "opinion-p13 (author note)" in whole


@pytest.mark.parametrize(
    "first, last",
    [(0, 5), (1, 10_000), (-3, 5), (10, 5), (True, 5), (1.0, 5), ("1", 5), (1, "5"), (200, None)],
)
def test_compare_with_bad_line_numbers_gives_advice(first, last):
    with pytest.raises(CourseError) as caught:
        compare_raw_and_clean("news", first, last)
    message = str(caught.value)
    assert "swap them" in message or "from 1 to 141" in message


def test_compare_with_swapped_lines_says_to_swap():
    with pytest.raises(CourseError, match="swap"):
        compare_raw_and_clean("news", 10, 5)


# --- cleaning_log and sentences_table -------------------------------------------------------------


def test_cleaning_log_is_a_table_of_the_log(name, raw_texts):
    log = cleaning_log(name)
    assert isinstance(log, Table) and isinstance(log.frame, pd.DataFrame)
    assert log.columns == ["step", "line", "before", "after", "why"]
    assert len(log) == len(load_source(name).log)
    assert all(why.strip() for why in log["why"])
    assert set(log["step"]) <= set(STEPS)
    shown_raw = visible(raw_texts[name])
    assert all(before in shown_raw for before in log["before"])


def test_cleaning_log_makes_invisible_characters_visible():
    log = cleaning_log("opinion")
    spaces = log.where("step", "non-breaking space")
    assert len(spaces) == 12 and all("⍽" in before for before in spaces["before"])
    assert not any("\u00a0" in before for before in log["before"])
    assert any("↵" in before for before in log.where("step", "broken paragraph")["before"])


def test_sentences_table_has_every_sentence():
    table = sentences_table()
    assert table.columns == ["sentence_id", "source", "paragraph_id", "kind", "sentence"]
    assert len(table) == sum(len(load_source(name).sentences) for name in ("news", "opinion"))
    assert set(sentences_table("opinion")["source"]) == {"opinion"}
    with pytest.raises(CourseError):
        sentences_table("newz")


# --- Table, visible, show_metadata ----------------------------------------------------------------


def test_table_filters_and_explains_a_wrong_column():
    table = Table(
        [
            {"step": "headline", "line": 1},
            {"step": "subhead", "line": 67},
            {"step": "subhead", "line": 99},
        ]
    )
    assert list(table.where("step", "subhead")["line"]) == [67, 99]
    assert str(table.where("step", "nothing")) == "(no rows)"
    assert "(no rows)" in table.where("step", "nothing")._repr_html_()
    with pytest.raises(CourseError, match="Did you mean 'step'"):
        table.where("stpe", "subhead")
    with pytest.raises(CourseError):
        table["banana"]


def test_table_html_escapes_and_counts_rows():
    html = Table([{"a<b": "x & y"}])._repr_html_()
    assert "a&lt;b" in html and "x &amp; y" in html and "1 row<" in html


def test_visible():
    assert visible("war.\u00a0While\nnext") == "war.⍽While↵next"
    assert visible("plain") == "plain"


def test_show_metadata_says_what_is_not_stated(metadata):
    shown = show_metadata()
    assert isinstance(shown, Shown)
    text = str(shown)
    assert "not stated" in text and "what the text does not tell us" in text
    flowing = re.sub(r"\s+", " ", text)  # undo the wrapping
    for name, meta in metadata.items():
        assert f"{name}:" in text and meta["date_as_stated"] in text
        for item in meta["not_stated"]:
            assert item in flowing
