"""Then and now: what each text says on the same topics, almost four years apart, and what the
reference data record in between (``data/then_and_now.csv``).

Both texts are shown in their own words (sentences by ID); the course adds only what the
reference rows record, and, where a text made an expectation or forecast, how it turned out.
"""

from __future__ import annotations

import html

from course.errors import choose
from course.paths import data_folder, read_data
from course.results import Names, Shown, Table

__all__ = ["topics", "compare_topic", "topic_coverage", "expectations"]


def _frame():
    # Text everywhere: values mix numbers, dates and "not known", and must stay as written.
    return read_data(data_folder() / "then_and_now.csv")


def topics() -> Names:
    """The topics both texts are compared on (a list, shown as a sentence).

    >>> topics()[:3]
    ['trade', 'joint exercises', 'bomber patrols']
    >>> print(topics())  # doctest: +ELLIPSIS
    11 topics: 'trade', 'joint exercises', 'bomber patrols', ...
    """
    return Names(_frame()["topic"], "topics")


def _row(topic: str) -> dict[str, str]:
    topic = choose(topic, topics(), "topic")
    return dict(_frame()[_frame()["topic"] == topic].iloc[0])


def compare_topic(topic: str) -> Shown:
    """Show, for one topic, the news report's sentences, the column's sentences, and what happened
    in between.

    >>> print(compare_topic("energy"))  # doctest: +ELLIPSIS
    Topic: energy
    <BLANKLINE>
    News report (Jan. 2022):
      news-p44-s02  The $55 billion Power of Siberia pipeline, ...
    ...
    """
    from course.text.sources import find_sentence

    row = _row(topic)
    parts, blocks = (
        [f"Topic: {topic}", ""],
        [f"<p><strong>Topic: {html.escape(topic)}</strong></p>"],
    )
    for label, column in (
        ("News report (Jan. 2022)", "news_sentences"),
        ("Opinion column (Dec. 2025)", "opinion_sentences"),
    ):
        ids = row[column].split()
        lines = [f"  {sid}  {find_sentence(sid).text}" for sid in ids] or [
            "  (no sentence on this topic)"
        ]
        parts += [f"{label}:", *lines, ""]
        items = "".join(
            f"<li><code>{sid}</code> {html.escape(find_sentence(sid).text)}</li>" for sid in ids
        )
        blocks.append(
            f"<p><strong>{label}:</strong></p>"
            f"<ul>{items or '<li>(no sentence on this topic)</li>'}</ul>"
        )
    rows = _grouped_rows(row["reference_rows"])
    parts += [f"In between, the reference data record: {row['in_between']}"] + (
        [f"  ({rows})"] if rows else []
    )
    blocks.append(
        "<p><strong>In between, the reference data record:</strong> "
        f"{html.escape(row['in_between'])} "
        + (f"<small>({html.escape(rows)})</small>" if rows else "")
        + "</p>"
    )
    if row["expectation"]:
        expectation = find_sentence(row["expectation"]).text
        whose = (
            "An expectation in the news report (January 2022)"
            if row["expectation"].startswith("news-")
            else "An expectation in the column (December 2025)"
        )
        parts += [
            "",
            f"{whose} ({row['expectation']}): {expectation}",
            f"How it turned out: {row['how_it_turned_out']}",
        ]
        blocks.append(
            f"<p><strong>{whose}</strong> (<code>{row['expectation']}</code>): "
            f"{html.escape(expectation)}<br>"
            f"<strong>How it turned out:</strong> {html.escape(row['how_it_turned_out'])}</p>"
        )
    return Shown("\n".join(parts), "<div>" + "".join(blocks) + "</div>")


def _grouped_rows(references: str) -> str:
    """'a.csv:1 a.csv:2 b.csv:5' as 'a.csv rows 1, 2; b.csv row 5': shorter for a reader.

    >>> _grouped_rows("a.csv:1 a.csv:2 b.csv:5")
    'a.csv rows 1, 2; b.csv row 5'
    """
    files: dict[str, list[str]] = {}
    for reference in references.split():
        file, _, number = reference.partition(":")
        files.setdefault(file, []).append(number)
    return "; ".join(
        f"{file} row{'s' if len(numbers) > 1 else ''} {', '.join(numbers)}"
        for file, numbers in files.items()
    )


def topic_coverage() -> Table:
    """How many sentences each text gives to each topic: what is stressed, and what is no longer
    mentioned.

    >>> print(topic_coverage().where("topic", "sanctions"))
    Sentences each text gives to each topic
        topic  news sentences  opinion sentences
    sanctions               5                  0
    """
    rows = [
        {
            "topic": row["topic"],
            "news sentences": len(row["news_sentences"].split()),
            "opinion sentences": len(row["opinion_sentences"].split()),
        }
        for row in _frame().to_dict("records")
    ]
    return Table(rows, preview=None, caption="Sentences each text gives to each topic")


def expectations() -> Table:
    """The expectations and forecasts of both texts, with how they turned out by the reference
    data (the column's look beyond the data, which end when it was written).

    >>> list(expectations()["topic"])  # doctest: +NORMALIZE_WHITESPACE
    ['joint exercises', 'technology transfer', 'sanctions', 'Ukraine', 'energy', 'alliance',
    'North Korea']
    """
    from course.text.sources import find_sentence

    rows = [
        {
            "topic": row["topic"],
            "sentence_id": row["expectation"],
            "what the text expected": find_sentence(row["expectation"]).text,
            "how it turned out": row["how_it_turned_out"],
        }
        for row in _frame().to_dict("records")
        if row["expectation"]
    ]
    return Table(
        rows, preview=None, caption="Expectations in both texts, and how they turned out so far"
    )
