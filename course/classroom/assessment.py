"""An evidence sheet for one claim: everything the course knows about a statistic, in one place.

The final lesson asks students to write a short, sourced assessment of one claim. The sheet gathers
the sentence, who the text says is speaking, the telling words in it, what the figure means, the
check against the reference data, and where the claim sits in time and in the then-and-now topics.
The writing, and the verdict, stay the student's.
"""

from __future__ import annotations

import html

from course.results import Shown

__all__ = ["evidence_sheet", "ASSESSMENT_OUTLINE"]

ASSESSMENT_OUTLINE = (
    "1. The claim: quote it and give its ID.",
    "2. Who says it, and on what authority (named source, unnamed, document, the author)?",
    "3. What the figure means: unit, period, what is counted, hedge.",
    "4. What independent data show, with the reference rows, and the status.",
    "5. How sure you can be, and what would settle it.",
)


def evidence_sheet(statistic_id: str) -> Shown:
    """Gather the evidence on one statistic for a written assessment.

    >>> print(evidence_sheet("opinion-p05-s01-n1"))  # doctest: +ELLIPSIS
    Evidence sheet: opinion-p05-s01-n1 (opinion)
    <BLANKLINE>
    The claim: Chinese exports helped Russia triple its production ...
    ...
    The check: close. ...
    ...
    """
    from course.analysis.fact_checks import check_statistic
    from course.analysis.markers import find_markers
    from course.analysis.statistics import find_statistic
    from course.analysis.then_and_now import _frame as then_and_now
    from course.analysis.timeline import timeline_table
    from course.analysis.voices import voices_table

    statistic = find_statistic(statistic_id)
    sentence_id = statistic["sentence_id"]
    voices = voices_table().frame
    voices = voices[voices["sentence_id"] == sentence_id]
    speakers = (
        "; ".join(
            f"{v.speaker} ({v.speaker_type}, {v.speech}, cue: '{v.cue}')"
            for v in voices.itertuples()
        )
        or "no attribution in this sentence: the author's own voice"
    )
    markers = find_markers(statistic["sentence"])
    telling = (
        ", ".join(f"'{m['words']}' ({m['category']})" for m in markers)
        or "none from the word lists"
    )
    check = check_statistic(statistic["statistic_id"])
    events = timeline_table(statistic["source"]).frame
    events = events[events["where"] == sentence_id]
    when = (
        "; ".join(f"{e.event}: {e.date} ({e.precision})" for e in events.itertuples())
        or "no dated event in this sentence"
    )
    topics = [
        row["topic"]
        for row in then_and_now().to_dict("records")
        if sentence_id in (row["news_sentences"] + " " + row["opinion_sentences"]).split()
    ]
    sections = [
        ("The claim", f"{statistic['sentence']} [{sentence_id}]"),
        (
            "The figure",
            f"“{statistic['quote']}”: {statistic['value']} {statistic['unit']}; period: "
            f"{statistic['period']}; "
            f"counts: {statistic['counted_what']}; hedge: {statistic['qualifier'] or 'none'}; "
            f"according to: {statistic['attribution']}",
        ),
        ("Who speaks", speakers),
        ("Telling words (word-list matches: check each by reading)", telling),
        (
            "The check",
            f"{check.status}. {check.explanation} (reference rows: {check.references or 'none'})",
        ),
        ("When", when),
        ("Then and now", ", ".join(topics) if topics else "not part of a then-and-now topic"),
        ("Write your assessment in this order", " ".join(ASSESSMENT_OUTLINE)),
    ]
    title = f"Evidence sheet: {statistic['statistic_id']} ({statistic['source']})"
    text = "\n\n".join([title, *(f"{name}: {value}" for name, value in sections)])
    # Paragraphs, not a <dl>: JupyterLab floats <dt>, and a long label then pushes the next one into
    # the value column.
    items = "".join(
        f"<p><strong>{html.escape(name)}</strong><br>{html.escape(value)}</p>"
        for name, value in sections
    )
    return Shown(text, f"<div><p><strong>{html.escape(title)}</strong></p>{items}</div>")
