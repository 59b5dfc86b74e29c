"""The timeline: every event either text mentions, with its date resolved and the resolution shown,
beside dated events from the reference data (marked as such), and an accessible timeline figure.

Text events come from ``data/timeline.csv``; each says how its date was worked out ("'in June'
counted back from the news report's date line") and how precise it is (day, month, season,
year, period, vague or none). Reference events come from ``data/reference/events.csv`` and
``bomber_patrols.csv`` unchanged.
"""

from __future__ import annotations

import textwrap

from course.errors import CourseError, need_whole_number, shown
from course.paths import data_folder, read_data
from course.results import Table, counts_and_shares, filtered

__all__ = [
    "PRECISIONS",
    "timeline_table",
    "vague_times",
    "dating_precision",
    "timeline_chart",
    "year_fraction",
]

PRECISIONS = ("day", "day, no year", "month", "season", "year", "period", "vague", "none")
ORIGINS = ("news", "opinion", "reference")
LANDMARKS = {
    3: (0.2, -0.8, "left"),
    10: (-0.2, -0.8, "right"),
    21: (-0.3, -1.45, "right"),
    39: (0.3, 0.5, "left"),
}
"""Rows of ``events.csv`` labelled on the timeline chart, one per period, with where each label goes
(years to
the side, height, alignment), placed by eye so that no two labels overlap."""


def _text_events():
    return read_data(data_folder() / "timeline.csv")


def _reference_events():
    import pandas as pd

    from course.analysis.reference import reference_frame, second_source_of

    rows: list[dict[str, str]] = []
    first: dict[int, dict[str, str]] = {}
    for number, row in enumerate(reference_frame("events.csv").to_dict("records"), start=1):
        repeated = second_source_of(row)
        if repeated in first:  # the same event from a second publisher: one event, two sources
            first[repeated]["where"] = (
                first[repeated]["where"].replace(" row ", " rows ", 1) + f", {number}"
            )
            continue
        first[number] = {
            "date": row["date"],
            "end_date": row["end_date"],
            "precision": row["date_precision"],
            "event": row["event"],
            "origin": "reference",
            "where": f"events.csv row {number}",
        }
        rows.append(first[number])
    for number, row in enumerate(reference_frame("bomber_patrols.csv").to_dict("records"), start=1):
        rows.append(
            {
                "date": row["date"],
                "end_date": row["end_date"],
                "precision": "day",
                "event": f"Joint China–Russia bomber patrol ({row['area']})",
                "origin": "reference",
                "where": f"bomber_patrols.csv row {number}",
            }
        )
    return pd.DataFrame(rows)


def _sort_key(date: str) -> str:
    # Undated events go last; a day without a year sorts after all dated ones, before "not known".
    return date if date[:1].isdigit() else ("~" if date.startswith("--") else "~~")


def timeline_table(
    source: str | None = None, with_reference: bool = False, since: int | None = None
) -> Table:
    """Events in date order: those of one text (or both), optionally with the reference events.

    >>> table = timeline_table("news")
    >>> first = table.frame.iloc[0]
    >>> first["date"]
    '2014'
    >>> first["event"].split(";")[0]
    'Relations between China and Russia grow closer'
    >>> timeline_table("nws")  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    course.errors.CourseError: There is no source called 'nws'. The sources are: 'news', 'opinion'.
    Did you mean 'news'?
    """
    import pandas as pd

    from course.text.sources import source_names, text_name

    if not isinstance(with_reference, bool):
        raise CourseError(
            f"with_reference is True or False (without quotes); you gave {shown(with_reference)}."
        )
    events = filtered(_text_events(), "source", source, source_names(), "source")
    events = events.rename(columns={"source": "origin", "sentence_id": "where"})
    columns = [
        "date",
        "end_date",
        "precision",
        "event",
        "origin",
        "where",
        "time_words",
        "how_resolved",
    ]
    frame = events[columns]
    if with_reference:
        frame = pd.concat(
            [
                frame,
                _reference_events().assign(time_words="", how_resolved="as given by the reference"),
            ],
            ignore_index=True,
        )[columns]
    if since is not None:
        since = need_whole_number(since, "the first year to show", "2014", 1900, 2100)
        frame = frame[frame["date"].str[:4].map(lambda y: not y.isdigit() or int(y) >= since)]
    frame = (
        frame.assign(_key=frame["date"].map(_sort_key))
        .sort_values("_key", kind="stable")
        .drop(columns="_key")
    )
    caption = (
        f"Events in {text_name(source)}"
        + (" and in the reference data" if with_reference else "")
        + (f", {since} on" if since is not None else "")
    )
    return Table(
        frame.reset_index(drop=True),
        key_columns=["date", "precision", "event", "origin", "where"],
        caption=caption,
        notes=[
            "Each event of a text is that text's account, summed up in neutral words, with the "
            "text's own words quoted where they matter; it is not a verified fact. The date is "
            "the course's reading of the text's time words (how_resolved says how)."
        ],
    )


def vague_times(source: str) -> Table:
    """The events of one text whose time the text leaves vague or does not give at all.

    >>> set(vague_times("opinion")["precision"]) <= {"vague", "none"}
    True
    """
    table = timeline_table(source).frame
    from course.text.sources import text_name

    return Table(
        table[table["precision"].isin(["vague", "none"])].reset_index(drop=True),
        key_columns=["time_words", "precision", "event", "where"],
        caption=f"Events {text_name(source)} leaves vague or undated",
    )


def dating_precision() -> Table:
    """How precisely each text dates its events: counts, and shares of the text's events.

    Counts alone mislead when one text mentions more events than the other; the shares set each
    count beside its text's total.

    >>> table = dating_precision()
    >>> list(table.frame.columns)
    ['how precisely', 'news', 'news share', 'opinion', 'opinion share']
    >>> table.frame.iloc[-1]["how precisely"]
    'all events'
    """
    groups = [
        ("to the day or month", ("day", "month")),
        ("day without a year", ("day, no year",)),
        ("to a season, year or period", ("season", "year", "period")),
        ("vague or not at all", ("vague", "none")),
        ("all events", PRECISIONS),
    ]
    return counts_and_shares(
        timeline_table().frame,
        "origin",
        "precision",
        groups,
        "how precisely",
        "How precisely each text dates its events (count, and share of its events)",
    )


def year_fraction(date: str, end: bool = False) -> float | None:
    """A date as a position on a time axis in years (None for an undated event); ``end`` places a
    bare year or
    month at its end rather than its start.

    >>> year_fraction("2022-01-02"), year_fraction("2021", end=True), year_fraction("not known")
    (2022.0027397260274, 2021.999, None)
    """
    if not date[:4].isdigit():
        return None
    year = int(date[:4])
    if len(date) >= 7:
        month = int(date[5:7])
        day = int(date[8:10]) if len(date) >= 10 else (28 if end else 1)
        return year + (month - 1) / 12 + (day - 1) / 365
    return year + (0.999 if end else 0.0)


def timeline_chart(since: int = 2003):
    """Events of both texts and of the reference data on one time axis, from ``since`` on.

    Lanes separate the three origins; filled markers are dated to the day or month, hollow ones
    only to a season or year, and lines show periods. Undated events cannot be placed and are
    counted in the alt text.

    >>> chart = timeline_chart()
    >>> chart.title
    'Events in the two texts and in the reference data, 2003 on'
    """
    from matplotlib.figure import Figure

    from course.analysis.charts import PALETTE, Chart

    since = need_whole_number(since, "the first year to show", "2014", 1900, 2025)
    table = timeline_table(with_reference=True, since=since).frame
    lanes = {"news": 2, "opinion": 1, "reference": 0}
    colours = {
        "news": PALETTE["news"],
        "opinion": PALETTE["opinion"],
        "reference": PALETTE["reference"],
    }
    shapes = {"news": "^", "opinion": "s", "reference": "o"}
    figure = Figure(figsize=(10, 5.6), dpi=100)
    axes = figure.subplots()
    placed, unplaced = dict.fromkeys(lanes, 0), dict.fromkeys(lanes, 0)
    years: dict[str, list[int]] = {o: [] for o in lanes}
    for row in table.itertuples():
        start = year_fraction(row.date)
        if start is None:
            unplaced[row.origin] += 1
            continue
        placed[row.origin] += 1
        years[row.origin].append(int(start))
        lane = lanes[row.origin]
        end = year_fraction(row.end_date, end=True) if row.end_date else None
        exact = row.precision in ("day", "month")
        if end is not None and end - start > 0.1:
            axes.plot([start, end], [lane, lane], color=colours[row.origin], linewidth=3, alpha=0.6)
        axes.scatter(
            [start],
            [lane],
            marker=shapes[row.origin],
            s=70,
            edgecolor=colours[row.origin],
            facecolor=colours[row.origin] if exact else "white",
            linewidth=1.5,
            zorder=3,
        )
    # The two texts' dates, so a reader sees what each text could know.
    axes.axvline(2022 + 1 / 365, color="black", linestyle="--", linewidth=1)
    axes.text(
        2021.9,
        2.45,
        "news report dated\n2 Jan. 2022",
        fontsize=9.5,
        ha="right",
        va="center",
        bbox={"facecolor": "white", "edgecolor": "none", "pad": 1},
    )
    axes.axvline(2025 + 11 / 12, color="black", linestyle=":", linewidth=1.2)
    axes.text(
        2025.8,
        1.5,
        "column: Dec. 2025\n(course materials)",
        fontsize=9.5,
        ha="right",
        va="center",
        bbox={"facecolor": "white", "edgecolor": "none", "pad": 1},
    )
    # A few landmark reference events, named in the reference data's own words, so that the lanes
    # can be read.
    from course.analysis.reference import reference_row

    landmarks = [
        row
        for row in LANDMARKS
        if (year_fraction(reference_row("events.csv", row)["date"]) or 0) >= since
    ]
    for row in landmarks:
        event = reference_row("events.csv", row)
        x = year_fraction(event["date"]) or since
        shift, height, side = LANDMARKS[row]
        axes.annotate(
            textwrap.fill(f"{event['event']} (row {row})", 24),
            (x, 0),
            xytext=(x + shift, height),
            fontsize=9,
            ha=side,
            va="center",
            zorder=5,
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 1},
            arrowprops={"arrowstyle": "-", "color": "#555555", "linewidth": 0.8, "shrinkA": 0},
        )
    axes.set_yticks(
        [2, 1, 0],
        ["News report (Jan. 2022)", "Opinion column (Dec. 2025)", "Reference data"],
        fontsize=11,
    )
    axes.set_ylim(-1.9, 2.8)
    title = f"Events in the two texts and in the reference data, {since} on"
    axes.set_title(title, fontsize=13)
    axes.set_xlabel("Date (year)", fontsize=12)
    axes.tick_params(axis="x", labelsize=11)
    axes.grid(axis="x", color="#dddddd")
    from matplotlib.lines import Line2D

    grey = "#555555"
    keys = [
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            color=grey,
            markersize=8,
            label="dated to the day or month",
        ),
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            markerfacecolor="white",
            color=grey,
            markersize=8,
            label="season or year only",
        ),
        Line2D([], [], color=grey, linewidth=3, alpha=0.6, label="a period"),
    ]
    axes.legend(
        handles=keys, fontsize=9, loc="upper left", framealpha=1, title="Markers", title_fontsize=9
    )
    figure.text(
        0.01,
        0.01,
        "Source: data/timeline.csv; data/reference/events.csv and bomber_patrols.csv. "
        "Labelled: a few reference events, in the reference data's words.",
        fontsize=9,
        color="#333333",
    )
    figure.tight_layout(rect=(0, 0.05, 1, 1))

    def lane_words(origin: str, name: str) -> str:
        span = f", from {min(years[origin])} to {max(years[origin])}" if years[origin] else ""
        return (
            f"{name}: {placed[origin]} events placed{span}, {unplaced[origin]} without a "
            "usable date"
        )

    alt_text = (
        f"Timeline from {since} with three lanes. {lane_words('news', 'News report')}. "
        f"{lane_words('opinion', 'Opinion column')}. {lane_words('reference', 'Reference data')}. "
        "A dashed line marks the news report's date, 2 January 2022, and a dotted line December "
        "2025, the "
        "column's date according to the course materials. Labelled reference events: "
        + "; ".join(
            f"{reference_row('events.csv', row)['event']} "
            f"({reference_row('events.csv', row)['date']})"
            for row in landmarks
        )
        + "."
    )
    source_line = (
        "Source: data/timeline.csv (events in the texts, dates resolved) and "
        "data/reference/events.csv, bomber_patrols.csv."
    )
    shown = Table(
        table[["date", "end_date", "precision", "event", "origin", "where"]],
        caption="The events in the chart",
    )
    return Chart.from_figure(figure, title, alt_text, source_line, shown)
