"""Answers worked out from the texts and the data, for the exercises that name them (``answer_from``
in
``exercises.toml``): a change in cleaning, splitting or the data can never leave an answer key
silently wrong.

Each function returns the answer itself; for a choice exercise, the text of the right choice (the
letter follows from the choices). The functions that need the exercise's choices take them as
``choices``.
"""

from __future__ import annotations

from collections.abc import Sequence

from course.errors import CourseError

__all__ = ["ANSWERS"]


def lesson_count() -> int:
    """How many lessons the course map lists.

    >>> lesson_count() >= 9
    True
    """
    from course.classroom.course_map import lessons

    return len(lessons())


def byline_authors(source: str) -> int:
    """How many authors a text's byline names.

    >>> byline_authors("news")
    3
    """
    from course.text.sources import load_source

    return len(load_source(source).metadata["authors"])


def sentences_mentioning(source: str, word: str) -> int:
    """How many sentences of a text contain ``word`` (ignoring capitals).

    >>> sentences_mentioning("opinion", "sanction")
    0
    """
    from course.text.sources import load_source

    return sum(word in sentence.text.lower() for sentence in load_source(source).sentences)


def pull_quote_host() -> str:
    """The opinion column's body paragraph that its pull quote interrupted in the raw copy.

    >>> pull_quote_host()
    'opinion-p07'
    """
    from course.text.sources import load_source

    opinion = load_source("opinion")
    quote = next(p for p in opinion.paragraphs if p.kind == "pull quote")
    line = quote.raw_lines[0]
    return next(
        p.id
        for p in opinion.paragraphs
        if p.kind == "body" and min(p.raw_lines) < line < max(p.raw_lines)
    )


def statistics_cited(source: str) -> int:
    """How many statistics a text cites."""
    from course.analysis.statistics import statistics_table

    return len(statistics_table(source))


def statistics_attributed(source: str) -> int:
    """How many of a text's statistics it attributes to a source."""
    from course.analysis.statistics import statistics_table

    return int((statistics_table(source)["attribution"] != "not stated").sum())


def statistics_unattributed(source: str) -> int:
    """How many of a text's statistics it gives without saying where the figure comes from.

    >>> statistics_unattributed("opinion") == statistics_cited("opinion")
    True
    """
    from course.analysis.statistics import statistics_table

    return int((statistics_table(source)["attribution"] == "not stated").sum())


def converted(value: float, from_unit: str, to_unit: str) -> float:
    """A figure converted with the reference data's exact factors.

    >>> round(converted(1865, "miles", "km"), 2)
    3001.43
    """
    from course.analysis.fact_checks import convert

    return float(convert(value, from_unit, to_unit))


def border_difference() -> float:
    """The news report's 2,500-mile border against the reference length, in percent."""
    from course.analysis.fact_checks import convert, percent_difference
    from course.analysis.reference import reference_row

    return float(
        percent_difference(
            convert(2500, "miles", "km"),
            float(reference_row("geography_and_units.csv", 1)["value"]),
        )
    )


def reference_ratio(file: str, row: int, other_row: int) -> float:
    """The value of one reference row divided by another's.

    >>> reference_ratio("other_figures.csv", 29, 30)
    2.8
    """
    from course.analysis.reference import reference_row

    return float(reference_row(file, row)["value"]) / float(reference_row(file, other_row)["value"])


def stated_change_applied(file: str, row_before: int, row: int) -> float:
    """The figure a row's stated change gives when applied to the figure of the row before.

    >>> round(stated_change_applied("trade_china_russia.csv", 4, 5), 2)
    68.79
    """
    from course.analysis.reference import reference_row

    before = float(reference_row(file, row_before)["value"])
    return before * (1 + float(reference_row(file, row)["change_pct"]) / 100)


def status_of(statistic_id: str) -> str:
    """The status the course's check gives a statistic.

    >>> status_of("news-p11-s01-n1")
    'close'
    """
    from course.analysis.fact_checks import check_statistic

    return check_statistic(statistic_id).status


def statistics_with_status(source: str, status: str) -> int:
    """How many of a text's statistics get ``status``."""
    from course.analysis.fact_checks import check_table

    return len(check_table(source, status=status))


def named_direct_speakers(source: str) -> int:
    """How many different named people a text quotes directly (a whole sentence or more)."""
    from course.analysis.voices import voices_table

    frame = voices_table(source, "named person").frame
    return int(frame[frame["speech"] == "direct quote"]["speaker"].nunique())


def direct_quotes(source: str) -> int:
    """How many direct quotes a text has."""
    from course.analysis.voices import voices_table

    return int((voices_table(source)["speech"] == "direct quote").sum())


def marker_rate(category: str, source: str) -> float:
    """A text's marker words of one kind per 1,000 words of body text.

    >>> marker_rate("evaluative", "opinion") > marker_rate("evaluative", "news")
    True
    """
    from course.analysis.markers import marker_rates

    table = marker_rates().frame
    return float(
        table[(table["category"] == category) & (table["text"] == source)]["per 1,000 words"].iloc[
            0
        ]
    )


def vague_events(source: str) -> int:
    """How many of a text's events it leaves undated or vaguely dated."""
    from course.analysis.timeline import vague_times

    return len(vague_times(source))


def patrols_after(date: str) -> int:
    """How many joint bomber patrols the reference data record after ``date`` (ISO).

    >>> patrols_after("2022-01-02")
    7
    """
    from course.analysis.reference import reference_frame

    return int((reference_frame("bomber_patrols.csv")["date"] > date).sum())


def most_covered_topic(source: str, choices: Sequence[str]) -> str:
    """Which of the offered topics gets the most sentences in a text; a tie between them is an
    error, since the
    exercise would then have no single answer.

    >>> most_covered_topic("news", ["trade", "energy", "joint exercises"])
    'joint exercises'
    """
    from course.analysis.then_and_now import topic_coverage

    counts = {
        row["topic"]: row[f"{source} sentences"]
        for row in topic_coverage().frame.to_dict("records")
    }
    offered = sorted(choices, key=lambda topic: -counts[topic])
    if len(offered) > 1 and counts[offered[0]] == counts[offered[1]]:
        raise CourseError(
            f"{offered[0]!r} and {offered[1]!r} have as many sentences ({counts[offered[0]]}): the "
            "exercise needs other choices."
        )
    return offered[0]


def original_publisher(appearance: str, choices: Sequence[str]) -> str:
    """The first publisher of an item a reference row names (a site that carried it comes after),
    as one of the offered choices.

    >>> original_publisher("TASS (via Sott.net)", ["Sott.net", "TASS"])
    'TASS'
    """
    from course.analysis.publishers import publishers_of

    first = publishers_of(appearance)[0]["publisher"]
    if first not in choices:
        raise CourseError(f"original_publisher: {first!r} is not among the choices {choices}.")
    return first


def publishers_with_standing(standing: str) -> int:
    """How many publishers in data/publishers.csv have a standing.

    >>> publishers_with_standing("state-run outlet")
    10
    """
    from course.analysis.publishers import publishers_table

    return len(publishers_table(standing))


def publishers_tied_to(text: str) -> int:
    """How many publishers of the reference data have a tie to one text ("news report" or
    "column"), by the words that record the tie.

    >>> publishers_tied_to("news report"), publishers_tied_to("column")
    (3, 1)
    """
    from course.analysis.publishers import ties_to_texts

    ties = ties_to_texts().frame["tie to the texts"]
    return int(ties.str.contains(f"The {'opinion ' if text == 'column' else ''}{text}").sum())


ANSWERS = {
    function.__name__: function
    for function in (
        lesson_count,
        byline_authors,
        sentences_mentioning,
        pull_quote_host,
        statistics_cited,
        statistics_attributed,
        statistics_unattributed,
        converted,
        border_difference,
        reference_ratio,
        stated_change_applied,
        status_of,
        statistics_with_status,
        named_direct_speakers,
        direct_quotes,
        marker_rate,
        vague_events,
        patrols_after,
        most_covered_topic,
        original_publisher,
        publishers_with_standing,
        publishers_tied_to,
    )
}
"""The functions an exercise may name in ``answer_from``."""
