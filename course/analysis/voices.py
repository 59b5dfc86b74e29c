"""Who says what: every quotation and attributed claim in both texts, from ``data/voices.csv``.

Each row names the speaker as the text gives them, their role as the text gives it, the kind of
speaker, whether the words are quoted directly or reported, and the cue words that attribute
them ("said", "according to"). Sentences with no voice row are in the author's own voice.
"""

from __future__ import annotations

from course.paths import data_folder, read_data
from course.results import Table, filtered

__all__ = ["SPEAKER_TYPES", "SPEECH", "voices_table", "who_speaks", "voices_chart"]

SPEAKER_TYPES = (
    "named person",
    "unnamed people",
    "institution or government",
    "document or data",
    "no one named",
)
SPEECH = ("direct quote", "partial quote", "paraphrase")
AUTHOR = "the author's own voice (no attribution)"


def _frame():
    # Text everywhere: values mix numbers, dates and "not known", and must stay as written.
    return read_data(data_folder() / "voices.csv")


def voices_table(source: str | None = None, speaker_type: str | None = None) -> Table:
    """Every quotation and attributed claim, or those of one source and/or one kind of speaker.

    >>> list(voices_table("opinion")["speaker"])  # doctest: +NORMALIZE_WHITESPACE
    ['Beijing and Moscow', 'Xi Jinping and Vladimir Putin', 'not stated', 'Leaked documents',
    'Chinese leaders', 'the Trump administration’s National Security Strategy']
    >>> voices_table(speaker_type="named")  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    course.errors.CourseError: There is no speaker type called 'named'. The speaker types are:
    'named person', 'unnamed people', 'institution or government', 'document or data', 'no one
    named'. Did you mean 'named person'?
    """
    from course.text.sources import source_names, text_name

    frame = filtered(_frame(), "source", source, source_names(), "source")
    frame = filtered(
        frame, "speaker_type", speaker_type, SPEAKER_TYPES, "speaker type"
    ).reset_index(drop=True)
    caption = f"Voices in {text_name(source)}" + (f" ({speaker_type})" if speaker_type else "")
    return Table(
        frame,
        key_columns=["sentence_id", "speaker", "speaker_type", "speech", "quote"],
        caption=caption,
    )


def who_speaks() -> Table:
    """For each text: in how many body sentences each kind of voice speaks, and what share of the
    text that is.

    A sentence with two voices counts for each; a sentence with none is the author's own voice.

    >>> table = who_speaks()
    >>> row = table.where("text", "opinion").where("voice", "named person").frame.iloc[0]
    >>> int(row["sentences"])
    1
    """
    from course.text.sources import load_source

    rows = []
    for name in ("news", "opinion"):
        body = [s.id for p in load_source(name).paragraphs_of("body") for s in p.sentences]
        voices = _frame()[_frame()["sentence_id"].isin(body)]
        for kind in SPEAKER_TYPES:
            count = voices[voices["speaker_type"] == kind]["sentence_id"].nunique()
            rows.append({"text": name, "voice": kind, "sentences": count})
        silent = len(set(body) - set(voices["sentence_id"]))
        rows.append({"text": name, "voice": AUTHOR, "sentences": silent})
        for row in rows[-len(SPEAKER_TYPES) - 1 :]:
            row["share of body sentences"] = f"{100 * row['sentences'] / len(body):.0f}%"
            row["body sentences"] = len(body)
    import pandas as pd

    return Table(pd.DataFrame(rows), caption="Who speaks in the body sentences of each text")


def voices_chart():
    """A bar chart of who speaks in each text, as shares of the body sentences, with its table.

    >>> chart = voices_chart()
    >>> chart.title
    'Who speaks in each text: share of body sentences by kind of voice'
    """
    from matplotlib.figure import Figure

    from course.analysis.charts import PALETTE, Chart

    table = who_speaks()
    frame = table.frame
    voices = [*SPEAKER_TYPES, AUTHOR]
    figure = Figure(figsize=(9, 5.2), dpi=100)
    axes = figure.subplots()
    height = 0.38
    # Colour and hatching both tell the texts apart, so the chart also reads in greyscale.
    for offset, name, hatch, label in (
        (-height / 2, "news", "", "News report (Jan. 2022)"),
        (height / 2, "opinion", "//", "Opinion column (Dec. 2025)"),
    ):
        part = frame[frame["text"] == name].set_index("voice").loc[voices]
        shares = 100 * part["sentences"] / part["body sentences"]
        axes.barh(
            [i + offset for i in range(len(voices))],
            shares,
            height=height,
            color=PALETTE[name],
            hatch=hatch,
            edgecolor="black",
            label=label,
        )
    axes.set_yticks(
        range(len(voices)),
        [v.replace(" (no attribution)", "\n(no attribution)") for v in voices],
        fontsize=11,
    )
    axes.invert_yaxis()
    title = "Who speaks in each text: share of body sentences by kind of voice"
    axes.set_title(title, fontsize=13)
    axes.set_xlabel("Share of the text's body sentences (%)", fontsize=12)
    axes.set_ylabel("Kind of voice", fontsize=12)
    axes.tick_params(axis="x", labelsize=11)
    axes.legend(fontsize=10, loc="upper right")
    axes.grid(axis="x", color="#dddddd")
    figure.text(
        0.01,
        0.01,
        "Source: data/voices.csv and the two texts' body sentences.",
        fontsize=9,
        color="#333333",
    )
    figure.tight_layout(rect=(0, 0.04, 1, 1))

    def describe(name: str) -> str:
        return "; ".join(f"{r.voice} {r._4}" for r in frame[frame["text"] == name].itertuples())

    alt_text = (
        "Horizontal bar chart comparing, for the news report and the opinion column, the share "
        "of body sentences "
        f"in which each kind of voice speaks. News report: {describe('news')}. Opinion column: "
        f"{describe('opinion')}."
    )
    source_line = (
        "Source: data/voices.csv (every quotation and attributed claim) and the body "
        "sentences of both texts."
    )
    return Chart.from_figure(figure, title, alt_text, source_line, table)
