"""Charts of the reference series with the figures both texts cite marked on them: China–Russia
trade by
year, and the running count of joint bomber patrols.
"""

from __future__ import annotations

import re

from course.analysis.charts import MARKERS, PALETTE, Chart
from course.results import Table

__all__ = ["TRADE_STATISTICS", "trade_data", "trade_chart", "patrols_chart"]

TRADE_STATISTICS = (
    "news-p43-s01-n2",
    "news-p43-s02-n1",
    "opinion-p10-s02-n3",
    "opinion-p10-s02-n1",
)
"""The trade figures the two texts cite, marked on the trade chart."""


def _year(period: str) -> int:
    found = re.search(r"\b(19|20)\d\d\b", period)
    return int(found.group(0)) if found else 0


def trade_data() -> tuple[Table, Table]:
    """The full-year trade series from Chinese customs, and the trade figures the two texts cite.

    >>> series, cited = trade_data()
    >>> series.frame.iloc[-2:][["year", "value"]].to_dict("records")
    [{'year': 2024, 'value': 244.81}, {'year': 2025, 'value': 228.1}]
    >>> list(cited["quote"])
    ['exceeded $100 billion', '$123 billion', '$190 billion', 'roughly $245 billion']
    """
    import pandas as pd

    from course.analysis.reference import reference_frame
    from course.analysis.statistics import find_statistic

    frame = reference_frame("trade_china_russia.csv").copy()
    frame["row"] = range(1, len(frame) + 1)
    keep = (
        (frame["period"] == "full year")
        & (frame["flow"] == "total trade")
        & (frame["reporter"] == "China customs (GACC)")
    )
    series = frame[keep].assign(
        year=lambda f: f["year"].astype(int), value=lambda f: f["value"].astype(float)
    )
    from course.analysis.consistency import out_of_line

    series = (
        series[["year", "value", "qualifier", "row"]].sort_values("year").reset_index(drop=True)
    )
    series["out_of_line"] = series["row"].isin(out_of_line("trade_china_russia.csv"))
    cited = []
    for statistic_id in TRADE_STATISTICS:
        row = find_statistic(statistic_id)
        cited.append(
            {
                "statistic_id": statistic_id,
                "source": row["source"],
                "quote": row["quote"],
                "year": _year(row["period"]),
                "value": float(row["value"]),
                "period": row["period"],
            }
        )
    return Table(series), Table(pd.DataFrame(cited))


def _trade_figure(series: Table, cited: Table, title: str):
    """Draw the trade chart and return the matplotlib figure (tests inspect its axes)."""
    # A bare Figure, not pyplot: no global state, no backend switch in the student's kernel,
    # and no second copy of the chart shown by the inline backend.
    from matplotlib.figure import Figure

    years = list(range(int(series["year"].min()), int(series["year"].max()) + 1))
    by_year = dict(zip(series["year"], series["value"], strict=False))
    figure = Figure(figsize=(9, 5.2), dpi=100)
    axes = figure.subplots()
    axes.plot(
        years,
        [by_year.get(year, float("nan")) for year in years],
        color=PALETTE["reference"],
        marker=MARKERS["reference"],
        linewidth=2,
        label="Chinese customs (GACC), full year",
    )
    # A row the consistency checks put out of line stays on the line (it is the data as
    # received) but is ringed and labelled, so the reader sees which point to doubt.
    odd = series.frame[series.frame["out_of_line"]]
    if len(odd):
        axes.scatter(
            odd["year"],
            odd["value"],
            s=260,
            facecolors="none",
            edgecolors=PALETTE["text"],
            linewidths=1.5,
            linestyle="--",
            zorder=4,
            label="Out of line with its own series (see the table)",
        )
        for item in odd.itertuples():
            axes.annotate(
                f"{item.year}: {item.value:g}, out of line",
                (item.year, item.value),
                textcoords="offset points",
                xytext=(0, -22),
                ha="center",
                fontsize=10,
                color=PALETTE["text"],
            )
    names = {"news": "News report (Jan. 2022)", "opinion": "Opinion column (Dec. 2025)"}
    for source in ("news", "opinion"):
        part = cited.frame[cited.frame["source"] == source]
        axes.scatter(
            part["year"],
            part["value"],
            s=110,
            color=PALETTE[source],
            marker=MARKERS[source],
            edgecolor="black",
            zorder=3,
            label=f"{names[source]}: figure cited",
        )
        for item in part.itertuples():
            # News labels go right of their points, where the line leaves room; opinion labels go
            # left.
            right = source == "news"
            axes.annotate(
                item.quote,
                (item.year, item.value),
                textcoords="offset points",
                xytext=(10, -4) if right else (-8, 10),
                ha="left" if right else "right",
                fontsize=10,
                color=PALETTE["text"],
            )
    axes.set_title(title, fontsize=13)
    axes.set_xlabel("Year", fontsize=12)
    axes.set_ylabel("Trade in goods (billion US dollars, nominal)", fontsize=12)
    axes.tick_params(labelsize=11)
    axes.set_ylim(0, max(series["value"].max(), cited.frame["value"].max()) * 1.15)
    axes.grid(axis="y", color="#dddddd")
    axes.legend(fontsize=10, loc="upper left")
    figure.text(
        0.01,
        0.01,
        "Source: China customs (GACC) via data/reference/trade_china_russia.csv; marked: the two "
        "texts.",
        fontsize=9,
        color="#333333",
    )
    figure.tight_layout(rect=(0, 0.04, 1, 1))
    return figure


def trade_chart() -> Chart:
    """China–Russia trade by year (Chinese customs), with the figures both texts cite marked on it.

    >>> chart = trade_chart()
    >>> chart.title
    'China–Russia trade in goods, 2010–2025, with the figures the two texts cite'
    >>> chart.png[:4] == b"\\x89PNG"
    True
    >>> "2012" in chart.alt_text and "not in the reference data" in chart.alt_text
    True
    >>> "The 2015 point (64.2) is ringed" in chart.alt_text
    True
    """
    series, cited = trade_data()
    years = list(range(int(series["year"].min()), int(series["year"].max()) + 1))
    by_year = dict(zip(series["year"], series["value"], strict=False))
    missing = [year for year in years if year not in by_year]
    title = (
        f"China–Russia trade in goods, {years[0]}–{years[-1]}, with the figures the two texts cite"
    )
    figure = _trade_figure(series, cited, title)
    source_line = (
        "Source: China customs (GACC) full-year figures as reported by the publishers in "
        "data/reference/trade_china_russia.csv; marked figures quoted from the two texts "
        "(data/statistics.csv). Part-year figures are plotted at their year."
    )

    peak = series.frame.loc[series["value"].idxmax()]
    alt_text = (
        f"Line chart of China–Russia trade in goods by year, {years[0]} to {years[-1]}, in "
        "billion US dollars, "
        f"from Chinese customs: {by_year[years[0]]:g} in {years[0]}, a peak of {peak['value']:g} "
        f"in {int(peak['year'])}, "
        f"and {by_year[years[-1]]:g} in {years[-1]}"
        + (f" ({', '.join(map(str, missing))} not in the reference data)" if missing else "")
        + "".join(
            f". The {int(r.year)} point ({r.value:g}) is ringed: it disagrees with the stated "
            "changes of the years next to it"
            for r in series.frame[series.frame["out_of_line"]].itertuples()
        )
        + ". Marked: "
        + "; ".join(
            f"the {item.source} text's “{item.quote}” at {item.year}"
            for item in cited.frame.itertuples()
        )
        + "."
    )
    rows = [
        {
            "year": int(r.year),
            "billion USD": f"{r.qualifier} {r.value:g}".strip(),
            "what": "Chinese customs"
            + (
                ", out of line with its own series (see the consistency table)"
                if r.out_of_line
                else ""
            ),
            "period": "full year",
            "from": f"trade_china_russia.csv row {r.row}",
        }
        for r in series.frame.itertuples()
    ]
    rows += [
        {
            "year": year,
            "billion USD": "—",
            "what": "not in the reference data",
            "period": "",
            "from": "",
        }
        for year in missing
    ]
    rows += [
        {
            "year": int(r.year),
            "billion USD": f"{r.value:g}",
            "what": f"{r.source} text: “{r.quote}”",
            "period": r.period,
            "from": r.statistic_id,
        }
        for r in cited.frame.itertuples()
    ]
    import pandas as pd

    table = Table(
        pd.DataFrame(rows).sort_values("year", kind="stable").reset_index(drop=True),
        caption="The numbers in the trade chart",
    )
    return Chart.from_figure(figure, title, alt_text, source_line, table)


def patrols_chart() -> Chart:
    """Joint China–Russia bomber patrols counted over time (reference data), with what each text
    says marked.

    >>> chart = patrols_chart()
    >>> chart.title
    'Joint China–Russia bomber patrols, counted over time, with what the two texts say'
    >>> "eight joint bomber flights" in chart.alt_text
    True
    """
    import pandas as pd
    from matplotlib.figure import Figure

    from course.analysis.reference import reference_frame
    from course.analysis.statistics import find_statistic
    from course.analysis.timeline import year_fraction

    patrols = reference_frame("bomber_patrols.csv")
    dates = list(patrols["date"])
    positions = [year_fraction(date) or 0.0 for date in dates]  # every patrol has a full date
    counts = list(range(1, len(dates) + 1))
    marks = [("news", "news-p39-s02-n2", 2019.5, 1), ("opinion", "opinion-p07-s03-n2", 2024.999, 8)]
    title = "Joint China–Russia bomber patrols, counted over time, with what the two texts say"
    figure = Figure(figsize=(9, 4.8), dpi=100)
    axes = figure.subplots()
    axes.step(
        positions,
        counts,
        where="post",
        color=PALETTE["reference"],
        linewidth=2,
        label="Patrols in the reference data (running count)",
    )
    axes.scatter(
        positions, counts, color=PALETTE["reference"], marker=MARKERS["reference"], zorder=3
    )
    # Short legend labels keep the legend clear of the line; the full quotes are in the table and
    # alt text.
    names = {
        "news": "News report: first patrols, 2019 (year only)",
        "opinion": "Opinion column: eight, 2019–2024",
    }
    for source, _statistic_id, x, y in marks:
        axes.scatter(
            [x],
            [y],
            s=130,
            color=PALETTE[source],
            marker=MARKERS[source],
            edgecolor="black",
            zorder=4,
            label=names[source],
        )
    axes.axvline(2022 + 1 / 365, color="black", linestyle="--", linewidth=1)
    axes.text(2022.05, 9.3, "news report dated Jan. 2, 2022", fontsize=10)
    axes.set_title(title, fontsize=13)
    axes.set_xlabel("Date (year)", fontsize=12)
    axes.set_ylabel("Patrols so far (count)", fontsize=12)
    axes.set_ylim(0, 11)
    axes.tick_params(labelsize=11)
    axes.grid(color="#dddddd")
    axes.legend(fontsize=9, loc="lower right", framealpha=1)
    figure.text(
        0.01,
        0.01,
        "Source: data/reference/bomber_patrols.csv; marked: data/statistics.csv.",
        fontsize=9,
        color="#333333",
    )
    figure.tight_layout(rect=(0, 0.04, 1, 1))
    by_2024 = sum(date[:4] <= "2024" for date in dates)
    alt_text = (
        "Step chart of the running count of joint China–Russia bomber patrols in the reference "
        "data: the first on "
        f"{dates[0]}, {by_2024} by the end of 2024, {len(dates)} by {dates[-1]}. Marked: the "
        "news report's "
        "“their first joint bomber patrols” in 2019, and the opinion column's “eight joint "
        "bomber flights between "
        f"2019 and 2024” at the end of 2024."
    )
    rows = [
        {"date": date, "patrols so far": count, "from": f"bomber_patrols.csv row {count}"}
        for date, count in zip(dates, counts, strict=False)
    ]
    rows += [
        {
            "date": "2019" if source == "news" else "2019 to 2024",
            "patrols so far": y,
            "from": f"{statistic_id}: “{find_statistic(statistic_id)['quote']}”",
        }
        for source, statistic_id, _, y in marks
    ]
    source_line = (
        "Source: data/reference/bomber_patrols.csv (one row per patrol); marked "
        "figures from data/statistics.csv."
    )
    return Chart.from_figure(
        figure,
        title,
        alt_text,
        source_line,
        Table(pd.DataFrame(rows), caption="The numbers in the patrols chart"),
    )
