"""course.text.sentences: full stops that do not end a sentence, quotes across sentences, and every
sentence of both texts.
"""

import re

import pytest

from course.text.sentences import NEVER_ENDS_A_SENTENCE, split_sentences
from course.text.sources import load_source

SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*$")
ALL_PARAGRAPHS = [p for name in ("news", "opinion") for p in load_source(name).paragraphs]
ALL_SENTENCES = [s for p in ALL_PARAGRAPHS for s in p.sentences]


@pytest.mark.parametrize(
    "paragraph, expected",
    [
        # honorifics
        (
            "Mr. Putin met Mr. Xi in Moscow. They talked.",
            ["Mr. Putin met Mr. Xi in Moscow.", "They talked."],
        ),
        (
            "Over six years, Messrs Putin and Xi have met 30 times. They talk.",
            ["Over six years, Messrs Putin and Xi have met 30 times.", "They talk."],
        ),
        (
            "Messrs. Putin and Xi met. Gen. Smith and Dr. Jones did not.",
            ["Messrs. Putin and Xi met.", "Gen. Smith and Dr. Jones did not."],
        ),
        # "U.S.": mid-sentence, at the start, and ending a sentence before a capital
        (
            "U.S. officials say so. Beijing disagrees.",
            ["U.S. officials say so.", "Beijing disagrees."],
        ),
        (
            "Sanctions from the U.S. and its allies grew.",
            ["Sanctions from the U.S. and its allies grew."],
        ),
        (
            "It is a rival of the U.S. Beijing's claims are growing.",
            ["It is a rival of the U.S.", "Beijing's claims are growing."],
        ),
        ("Their aim is to unseat the U.S.", ["Their aim is to unseat the U.S."]),
        # dates, numbers, initials
        (
            "On Dec. 9, bombers flew near Japan. Fighters scrambled.",
            ["On Dec. 9, bombers flew near Japan.", "Fighters scrambled."],
        ),
        (
            "China has been Russia’s No. 1 trading partner since 2014. Trade grew.",
            ["China has been Russia’s No. 1 trading partner since 2014.", "Trade grew."],
        ),
        (
            "By Ann M. Simmons in Moscow and Chao Deng in Taipei",
            ["By Ann M. Simmons in Moscow and Chao Deng in Taipei"],
        ),
        (
            "It was a province. (Corrected on Jan. 3)",
            ["It was a province.", "(Corrected on Jan. 3)"],
        ),
        (
            "It was corrected (on Jan. 3). Then it ran again.",
            ["It was corrected (on Jan. 3).", "Then it ran again."],
        ),
        (
            "Trade grew 3.5 percent in 2021. It fell later.",
            ["Trade grew 3.5 percent in 2021.", "It fell later."],
        ),
        # quotes spanning sentences
        (
            "“They are distinct threats. But they are interrelated,” said Mr. Kofman. He left.",
            [
                "“They are distinct threats.",
                "But they are interrelated,” said Mr. Kofman.",
                "He left.",
            ],
        ),
        (
            '"We dislike it. We like it," he said. Then he left.',
            ['"We dislike it.', 'We like it," he said.', "Then he left."],
        ),
        ("He said: “It is over.” Then he left.", ["He said: “It is over.”", "Then he left."]),
        ("“It’s late?” she asked. “Yes!”", ["“It’s late?” she asked.", "“Yes!”"]),
        # no full stop at all, and nothing at all
        ("Double team", ["Double team"]),
        ("  Padded.   Spaces here.  ", ["Padded.", "Spaces here."]),
        ("", []),
        ("   ", []),
    ],
)
def test_split_sentences(paragraph, expected):
    assert split_sentences(paragraph) == expected


@pytest.mark.parametrize("abbreviation", sorted(NEVER_ENDS_A_SENTENCE))
def test_listed_abbreviations_never_end_a_sentence(abbreviation):
    assert split_sentences(f"It came before {abbreviation} Smith arrived. Then it left.") == [
        f"It came before {abbreviation} Smith arrived.",
        "Then it left.",
    ]
    assert split_sentences(f"“{abbreviation} 9 was the day,” he said.") == [
        f"“{abbreviation} 9 was the day,” he said."
    ]


def test_abbreviation_list_is_written_with_full_stops():
    assert all(item.endswith(".") and " " not in item for item in NEVER_ENDS_A_SENTENCE)
    assert {"Mr.", "Messrs.", "Dec.", "Jan.", "No."} <= NEVER_ENDS_A_SENTENCE


# --- every sentence of both texts
# -------------------------------------------------------------------


def test_joining_a_paragraphs_sentences_gives_the_paragraph_back():
    for paragraph in ALL_PARAGRAPHS:
        assert paragraph.sentences, paragraph.id
        assert " ".join(s.text for s in paragraph.sentences) == paragraph.text, paragraph.id


def test_every_sentence_is_trimmed_and_non_empty():
    for sentence in ALL_SENTENCES:
        assert sentence.text and sentence.text == sentence.text.strip(), sentence.id


def test_every_running_text_sentence_ends_with_terminal_punctuation():
    # Body, caption and correction sentences end with . ! or ?, perhaps followed by closing quotes
    # or brackets.
    # The one exception is a whole note in brackets that the source itself leaves unpunctuated:
    # "(Corrected on Jan. 3)".
    exceptions = []
    for sentence in ALL_SENTENCES:
        if sentence.kind in (
            "body",
            "caption",
            "correction",
            "pull quote",
            "author note",
        ) and not SENTENCE_END.search(sentence.text):
            exceptions.append(sentence)
    assert [(s.id, s.text) for s in exceptions] == [("news-p58-s03", "(Corrected on Jan. 3)")]
    assert exceptions[0].text.startswith("(") and exceptions[0].text.endswith(")")


def test_no_sentence_ends_with_an_abbreviation_that_never_ends_one():
    for sentence in ALL_SENTENCES:
        last = sentence.text.split()[-1].lstrip("\"'“‘([")
        assert last not in NEVER_ENDS_A_SENTENCE, sentence.id
        assert not re.fullmatch(r"[A-Z]\.", last), sentence.id  # an initial


def test_every_later_sentence_starts_like_a_sentence():
    for paragraph in ALL_PARAGRAPHS:
        for sentence in paragraph.sentences[1:]:
            assert re.match(r"[\"'“‘(\[]?[A-Z0-9]", sentence.text), sentence.id


@pytest.mark.parametrize(
    "whole_sentence",
    [
        "Over the past six years, Messrs Putin and Xi have met more than 30 times.",
        "By Brett Forrest in Washington, Ann M. Simmons in Moscow and Chao Deng in Taipei",
        "China has been Russia’s No. 1 trading partner since 2014.",
        "The following month, Russia's minister of defense, Sergei Shoigu and Mr. Wei, his "
        "Chinese counterpart, held a video "
        "conference where two countries agreed to increase interaction between their armed "
        "forces through strategic military "
        "exercises and joint patrols.",
        "(Corrected on Jan. 3)",
        "Beijing's claims over Taiwan and parts of the South China Sea are further tension "
        "points with the potential for a "
        "military clash involving the U.S.",
        "“They are distinct threats.",
        "Their aim is to unseat the U.S.",
    ],
)
def test_sentences_of_the_texts(whole_sentence):
    assert whole_sentence in [s.text for s in ALL_SENTENCES]


def test_sentence_after_dec_9_is_not_cut():
    [sentence] = [s for s in ALL_SENTENCES if "Dec. 9" in s.text]
    assert sentence.text.startswith("On Dec. 9, Chinese and Russian bombers")
    assert sentence.text.endswith("to scramble fighter aircraft and bombers.")
