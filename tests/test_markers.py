"""course.analysis.markers: transparent word lists, found where they really are, counted fairly for
both texts.
"""

import pytest

from course.analysis.markers import (
    CATEGORIES,
    compare_marking,
    find_markers,
    highlight,
    marker_examples,
    marker_rates,
    marker_words,
)
from course.errors import CourseError
from course.results import Shown
from course.text.sources import load_source


def test_every_word_list_entry_is_in_a_known_category_and_unique():
    import pandas as pd

    frame = pd.concat([marker_words(category).frame for category in CATEGORIES])
    assert set(frame["category"]) == set(CATEGORIES)
    assert list(marker_words()["how many"]) == [
        len(marker_words(category)) for category in CATEGORIES
    ]
    assert not frame.duplicated(["word"]).any()


def test_markers_are_whole_words_and_longer_phrases_win():
    text = "They will likely appear willing; all may see it as a marriage of convenience."
    found = [(m["category"], m["words"]) for m in find_markers(text)]
    assert ("booster", "will") in found and ("hedge", "likely") in found
    assert all(words != "will" or category == "booster" for category, words in found)
    assert ("evaluative", "marriage of convenience") in found
    assert not any(words == "willing" for _, words in found)
    assert sum(words == "all" for _, words in found) == 1


def test_quoted_words_are_told_apart_from_the_authors():
    found = find_markers('Officials said: "We must act." We agree.')
    flags = {(m["words"], m["quoted"]) for m in found}
    assert ("We", True) in flags and ("must", True) in flags and ("We", False) in flags


def test_i_matches_only_as_a_capital():
    assert [m["words"] for m in find_markers("I think i agree")] == ["I"]


def test_students_can_extend_the_lists_for_a_session():
    assert find_markers("Perhaps so.") == []
    assert [m["category"] for m in find_markers("Perhaps so.", extra={"hedge": ["perhaps"]})] == [
        "hedge"
    ]
    with pytest.raises(CourseError, match="as a list in square brackets"):
        find_markers("x", extra={"hedge": "perhaps"})
    with pytest.raises(CourseError, match="Did you mean 'hedge'"):
        find_markers("x", extra={"hedges": ["perhaps"]})


def test_rates_are_per_thousand_body_words_and_add_up():
    table = marker_rates().frame
    for row in table.to_dict("records"):
        assert row["markers"] == row["in the author's words"] + row["in quotations"]
        assert row["per 1,000 words"] == pytest.approx(
            1000 * row["markers"] / row["body words"], abs=0.05
        )
    words = {
        name: sum(len(p.text.split()) for p in load_source(name).paragraphs_of("body"))
        for name in ("news", "opinion")
    }
    for name, total in words.items():
        counted = table[table["text"] == name]["body words"].iloc[0]
        assert abs(counted - total) / total < 0.05


def test_examples_point_to_real_sentences_with_the_marked_words():
    from course.text.sources import find_sentence

    for row in marker_examples("evaluative", "opinion").frame.to_dict("records"):
        assert row["words"] in find_sentence(row["sentence_id"]).text
        assert f"[{row['words']}]" in row["context"]
    quoted = marker_examples("first person", "news").frame
    assert set(quoted["in a quotation"]) == {"yes"}  # the news report's "we" is always a speaker's


def test_highlight_tags_every_marker_in_text_and_html():
    shown = highlight("opinion-p12")
    assert isinstance(shown, Shown)
    markers = find_markers(load_source("opinion").paragraph("opinion-p12").text)
    assert str(shown).count("[") - str(shown).count("[Russia") >= len(markers)
    assert shown._repr_html_().count("<mark") == len(markers)
    assert "H = hedge" in str(shown)


def test_compare_marking_explains_bad_input():
    table = compare_marking("opinion-p12", "booster", ["clear", "will"])
    assert set(table["found by"]) >= {"both you and the rules"}
    with pytest.raises(CourseError, match="is not a word or phrase of opinion-p12"):
        compare_marking("opinion-p12", "booster", ["banana"])
    with pytest.raises(CourseError, match="as a list"):
        compare_marking("opinion-p12", "booster", "clear")
    with pytest.raises(CourseError, match="Did you mean 'booster'"):
        compare_marking("opinion-p12", "boosters", ["clear"])


def test_a_marked_phrase_containing_a_listed_word_counts_as_agreement():
    table = compare_marking("opinion-p03", "evaluative", ["primary enemy"]).frame
    row = table[table["words"] == "primary enemy"].iloc[0]
    assert row["found by"].startswith("both you and the rules") and "'enemy'" in row["found by"]
    assert "enemy" not in set(table[table["found by"] == "only the rules"]["words"])


def test_marking_agrees_with_the_rules_by_place_not_by_spelling():
    """'a' is in 'appeasing' and 'axis' as letters, but marks neither: agreement needs the same
    words of the paragraph.
    """
    table = compare_marking("opinion-p12", "evaluative", ["a"]).frame
    assert table.iloc[0].to_dict() == {"words": "a", "found by": "only you"}
    assert set(table["found by"][1:]) == {"only the rules"}
    partial = compare_marking("opinion-p12", "evaluative", ["appeasing dictators"]).frame
    assert (
        partial.iloc[0]["found by"]
        == "both you and the rules (the rules mark 'appeasing', 'dictators')"
    )
