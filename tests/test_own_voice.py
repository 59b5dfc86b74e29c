"""The course held to its own standard (issue 15's guards): every phrase it quotes stands in the
text, it uses no evaluative word of its own, every comparison of measured quantities it states is
computed or tested here, and it asks of one text what it asks of the other."""

from __future__ import annotations

import re

import nbformat
import pytest
from own_voice import normal, pieces, quoted, sources_text, stands_in, without_quotes

from course.analysis.markers import find_markers

# Phrases the course puts in quotation marks that are not quotations of a text: its own terms and
# labels, glosses of a word's meaning, and words a student might say. Each with its reason; keep
# the list short, and never add a text's words here (a misquotation must fail).
NOT_QUOTATIONS = {
    "concerning": "a gloss: the meaning of 'about' in 'talk about'",
    "went above": "a gloss: the meaning of 'exceeded'",
    "not stated": "a value of the course's attribution column",
    "think about it": "the name of the lessons' discussion sections",
    "where in the text do you see that?": "a question an instructor asks",
    "better": "a word a student might use, which the note advises against",
    "got 2021 wrong": "a misreading students fall into, named by the instructor note",
    "should have used": "a misreading students fall into, named by the instructor note",
    "lying": "a word the instructor note advises against",
    "not known": "the course's value for a missing detail",
    "reliable": "a word a student might use, which the note discusses",
    "is that a change in what happened, or in what was written?": "a question an instructor asks",
}

# Names and fixed terms that contain a listed word without judging anything.
NAMES = ("Worldwide Threat Assessment", "time axis")


def _vocabulary() -> set[str]:
    """The course's own terms, which it quotes when it names them: column names, statuses,
    categories."""
    import csv

    import course
    from course.analysis.fact_checks import STATUSES
    from course.paths import data_folder

    words = set(STATUSES) | {"the author's own voice"}
    # The column labels of the tables the lessons show.
    for table in (
        course.marker_rates(),
        course.marker_comparison(),
        course.topic_coverage(),
        course.expectations(),
        course.who_speaks(),
        course.dating_precision(),
    ):
        words |= {str(column) for column in table.frame.columns}
    for path in data_folder().glob("*.csv"):
        with path.open(encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        words |= set(rows[0])
        for column in ("category", "word", "speaker_type", "speech", "precision", "kind"):
            words |= {row[column] for row in rows if column in row}
    return {word.lower() for word in words}


_ID_OR_NUMBER = re.compile(
    r"[a-e]|\d\d\.\d|(news|opinion)-p\d\d(-s\d\d(-[nv]\d+)?)?|[\d.,]+|\d\d [a-z]+( [a-z]+)?"
)


def test_every_phrase_the_course_quotes_stands_verbatim_in_a_text_or_the_reference_data():
    sources = sources_text()
    vocabulary = _vocabulary()
    missing = []
    for where, text in pieces():
        for phrase in quoted(text):
            bare = phrase.strip(" .,").lower()
            if bare in vocabulary or bare in NOT_QUOTATIONS or _ID_OR_NUMBER.fullmatch(bare):
                continue
            if not any(stands_in(phrase, text) for text in sources.values()):
                missing.append(f"{where}: {phrase!r}")
    assert not missing, (
        "Quoted, but not found word for word in either text or the reference data (fix the "
        "quotation; if it is not a quotation, write it without quotation marks):\n"
        + "\n".join(missing)
    )


def test_a_misquotation_is_caught():
    sources = sources_text()
    assert stands_in("intensified under U.S. pressure", sources["news"])
    assert not stands_in("began to intensify", sources["news"])  # the old misquotation
    assert stands_in("Russia and China ... a new model", "russia and china have built a new model")
    assert not stands_in("a new model ... Russia and China", "russia and china built a new model")


def test_the_course_uses_no_evaluative_word_of_its_own():
    found = []
    for where, text in pieces():
        own = without_quotes(text)
        for name in NAMES:
            own = own.replace(name, " " * len(name))
        for marker in find_markers(own):
            if marker["category"] == "evaluative":
                context = own[max(0, marker["start"] - 50) : marker["end"] + 30]
                found.append(f"{where}: {marker['words']!r} in …{context}…")
    assert not found, (
        "The course's own words may not judge: quote the text's word, or use a neutral one:\n"
        + "\n".join(found)
    )


def test_the_evaluative_guard_sees_an_unquoted_loaded_word():
    text = "Russia uses Iskander-M missiles to pound Ukrainian cities"
    assert any(m["category"] == "evaluative" for m in find_markers(without_quotes(text)))
    assert not any(
        m["category"] == "evaluative"
        for m in find_markers(without_quotes(f"the report says '{text}'"))
    )


# ---------------------------------------------------------------------------------------------
# Comparisons of measured quantities: computed in the lesson, or tested here.

COMPARISON = re.compile(
    r"\b(more than (half|a third|a quarter|twice|the)|(about|nearly|almost|roughly) "
    r"(a third|half|a quarter|two thirds|all)|almost all|nearly all|most of (them|its|the|their)"
    r"|in most\b|the majority|twice|\d+(\.\d+)? times|times as (many|often|much|large)"
    r"|(more|less) often|fewer \w+|more \w+ than (the|its|any)|(much )?(shorter|longer) than the"
    r"|the most \w+|every one|all but|none of)\b",
    re.IGNORECASE,
)


def _author_share(source: str) -> float:
    import course

    table = course.who_speaks().frame
    row = table[(table["text"] == source) & (table["voice"].str.startswith("the author"))].iloc[0]
    return row["sentences"] / row["body sentences"]


def _rate(category: str, source: str) -> float:
    from course.classroom.answers import marker_rate

    return marker_rate(category, source)


def _reference_says(words: str) -> bool:
    return words.lower() in sources_text()["reference"]


def _most_recent_opinion_date_is_dec_9() -> bool:
    import course

    frame = course.timeline_table("opinion").frame
    dated = frame[frame["date"].str[:4].str.isdigit()].sort_values("date")
    return "Dec. 9" in dated.iloc[-1]["time_words"]


def _share_of_news_statistics_that_are_times() -> float:
    import course

    kinds = course.statistics_table("news").frame["kind"]
    return kinds.isin(["year", "date", "relative date"]).mean()


def _named_share_of_news_voices() -> float:
    import course

    return (course.voices_table("news").frame["speaker_type"] == "named person").mean()


def _body_words(source: str) -> int:
    import course

    table = course.marker_rates().frame
    return int(table[table["text"] == source]["body words"].iloc[0])


def _topic_sentences(topic: str) -> tuple[int, int]:
    import course

    frame = course.topic_coverage().frame.set_index("topic")
    return int(frame.loc[topic, "news sentences"]), int(frame.loc[topic, "opinion sentences"])


def _patrols(after: bool) -> int:
    import course

    dates = course.reference_frame("bomber_patrols.csv")["date"]
    return int((dates > "2022-01-02").sum() if after else (dates <= "2022-01-02").sum())


# (where the phrase stands: a file or the start of a location, the phrase) -> how it holds: a
# test of the claim against the data, or the reason it is not a claim the course makes (a question
# to the student, a definition, a source's words reported as such, a pointer to a computed table).
QUESTION, DEFINITION, COMPUTED = "a question", "a definition", "points to a table computed there"
CLAIMS = {
    ("data/then_and_now.csv", "the most in"): lambda: _reference_says("most in 20 years"),
    ("data/check_plan.csv", "the most in"): lambda: _reference_says("most in 20 years"),
    ("data/check_plan.csv", "more than half"): lambda: _reference_says('"more than half"'),
    ("data/check_plan.csv", "most of its"): lambda: _reference_says('"most of them since 2017"'),
    ("exercise 01.2", "the most recent"): _most_recent_opinion_date_is_dec_9,
    ("exercise 02.1", "much shorter than the"): lambda: (
        _body_words("opinion") < 0.6 * _body_words("news")
    ),
    ("exercise 02.6", "every one"): lambda: (
        __import__("course.classroom.answers", fromlist=["x"]).statistics_unattributed("opinion")
        == len(__import__("course").statistics_table("opinion").frame)
    ),
    ("exercise 03.3", "times as large"): QUESTION,
    ("exercise 03.4", "2.8 times"): lambda: (
        round(
            __import__("course.classroom.answers", fromlist=["x"]).reference_ratio(
                "other_figures.csv", 29, 30
            ),
            2,
        )
        == 2.8
    ),
    ("exercise 05.1", "times as often"): COMPUTED,
    ("exercise 05.2", "times as often"): COMPUTED,
    ("exercise 07.1", "more than the"): lambda: _patrols(after=True) > _patrols(after=False),
    ("exercise 07.2", "the most sentences"): QUESTION,
    ("exercise 07.2", "fewer sentences"): lambda: (
        _topic_sentences("joint exercises")[1] < _topic_sentences("joint exercises")[0]
    ),
    ("01_meet_the_sources.ipynb", "most of the"): lambda: _author_share("opinion") > 0.5,
    ("02_reading_the_numbers.ipynb", "more than half"): lambda: (
        _share_of_news_statistics_that_are_times() > 0.5
    ),
    ("02_reading_the_numbers.ipynb", "about a quarter"): lambda: 0.2 <= 245 / 1000 <= 0.3,
    ("03_checking_the_numbers.ipynb", "3 times"): DEFINITION,
    # "the news report cites more figures than the column"
    ("03_checking_the_numbers.ipynb", "more figures than the"): lambda: (
        len(__import__("course").statistics_table("news").frame)
        > len(__import__("course").statistics_table("opinion").frame)
    ),
    ("03_checking_the_numbers.ipynb", "times as large"): QUESTION,
    ("04_who_says_what.ipynb", "more than a third"): lambda: 1 / 3 < _author_share("news") < 0.5,
    ("04_who_says_what.ipynb", "in most"): lambda: _author_share("opinion") > 0.5,
    ("04_who_says_what.ipynb", "most of them"): lambda: _named_share_of_news_voices() > 0.5,
    ("05_how_sure_they_sound.ipynb", "times as often"): COMPUTED,
    # "each text uses some kinds more than the other"
    ("05_how_sure_they_sound.ipynb", "more than the"): lambda: (
        {
            "news report",
            "opinion column",
        }
        <= set(__import__("course").marker_comparison().frame["more often in"])
    ),
    # The instructor note: "the column hedges more often than the news report as well as judging
    # more often"; the lesson's own cells point to marker_comparison().
    ("05_how_sure_they_sound.ipynb", "more often"): lambda: (
        _rate("hedge", "opinion") > _rate("hedge", "news")
        and _rate("evaluative", "opinion") > _rate("evaluative", "news")
    ),
}


def _claim_for(where: str, phrase: str):
    for (place, words), check in CLAIMS.items():
        if where.startswith(place) and phrase.lower() == words:
            return check
    return None


def test_every_comparison_the_course_states_is_computed_or_tested():
    unregistered, failing = [], []
    for where, text in pieces():
        for match in COMPARISON.finditer(without_quotes(text)):
            check = _claim_for(where, match.group(0))
            if check is None:
                unregistered.append(f"{where}: {match.group(0)!r}")
            elif callable(check) and not check():
                failing.append(f"{where}: {match.group(0)!r}")
    assert not failing, "A comparison the data no longer support:\n" + "\n".join(failing)
    assert not unregistered, (
        "A comparison of measured quantities typed by hand: compute it in the lesson, or add it "
        "to CLAIMS in this file with a test against the data:\n" + "\n".join(unregistered)
    )


def test_every_registered_comparison_is_still_in_the_course():
    # A claim removed from the course leaves its test behind: remove the test too.
    seen = {
        (place, words)
        for where, text in pieces()
        for match in COMPARISON.finditer(without_quotes(text))
        for (place, words) in CLAIMS
        if where.startswith(place) and match.group(0).lower() == words
    }
    assert seen == set(CLAIMS), set(CLAIMS) - seen
    assert all(
        callable(check) or check in (QUESTION, DEFINITION, COMPUTED) for check in CLAIMS.values()
    )


def test_a_comparison_the_data_contradict_fails(monkeypatch):
    monkeypatch.setitem(
        CLAIMS, ("04_who_says_what.ipynb", "in most"), lambda: _author_share("opinion") >= 0.95
    )
    with pytest.raises(AssertionError, match="no longer support"):
        test_every_comparison_the_course_states_is_computed_or_tested()


# ---------------------------------------------------------------------------------------------
# The same questions of both texts


def test_scored_shortcomings_are_balanced_between_the_texts():
    from course.classroom.self_checks import exercises

    scored = [e.shortcoming for e in exercises().values()]
    news = sum(s in ("news", "both") for s in scored)
    opinion = sum(s in ("opinion", "both") for s in scored)
    assert abs(news - opinion) <= 1, (news, opinion)


def test_every_answer_box_takes_its_prompt_from_prompts_toml():
    from course.classroom.prompts import prompts
    from course.paths import notebooks_folder

    used = []
    for path in sorted(notebooks_folder().glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            for match in re.finditer(r"answer_box\(([^)]*)\)", cell.source):
                arguments = match.group(1)
                question = re.match(r'"([^"]+)"', arguments).group(1)
                assert question in prompts(), f"{path.name}: {question} is not in prompts.toml"
                assert not re.search(r'^"[^"]+",\s*"', arguments), (
                    f"{path.name}: the prompt of {question} is written in the lesson; it "
                    "belongs in prompts.toml only"
                )
                used.append(question)
    assert sorted(used) == sorted(prompts()), "every prompt is used, once"


def test_the_guide_shows_the_balance_table():
    from course.authoring.guide import instructor_guide

    guide = instructor_guide()
    assert "## Balance: what the course asks of each text" in guide
    assert re.search(r"\| Scored shortcomings .* \| \d+ \| \d+ \|", guide)


def test_quotes_of_a_text_are_normalised_the_same_way():
    assert normal("“no limits”") == '"no limits"'
