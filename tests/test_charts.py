"""course.analysis.charts: the trade chart is readable by everyone, and its numbers are all in the
table beside it.
"""

import csv

from course.analysis.charts import MARKERS, PALETTE
from course.analysis.reference_charts import (
    TRADE_STATISTICS,
    _trade_figure,
    trade_chart,
    trade_data,
)
from course.paths import data_folder

OKABE_ITO = {"#000000", "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"}


def _figure():
    series, cited = trade_data()
    return _trade_figure(series, cited, "title")


def test_the_series_is_every_full_year_total_from_chinese_customs():
    with (data_folder() / "reference" / "trade_china_russia.csv").open(encoding="utf-8") as handle:
        rows = [
            row
            for row in csv.DictReader(handle)
            if row["period"] == "full year"
            and row["flow"] == "total trade"
            and row["reporter"] == "China customs (GACC)"
        ]
    series, cited = trade_data()
    assert sorted(int(row["year"]) for row in rows) == list(series["year"])
    assert [float(row["value"]) for row in sorted(rows, key=lambda r: r["year"])] == list(
        series["value"]
    )
    assert list(cited["statistic_id"]) == list(TRADE_STATISTICS)


def test_axes_have_title_labels_with_units_and_readable_text():
    figure = _figure()
    axes = figure.axes[0]
    assert axes.get_title() and axes.get_xlabel() == "Year"
    assert "billion US dollars" in axes.get_ylabel()
    sizes = [
        text.get_fontsize()
        for text in figure.findobj(lambda artist: hasattr(artist, "get_fontsize"))
    ]
    assert min(sizes) >= 9
    assert any("Source:" in text.get_text() for text in figure.texts)


def test_colours_are_colour_blind_safe_and_series_differ_in_shape_too():
    assert set(PALETTE.values()) <= OKABE_ITO
    assert len(set(MARKERS.values())) == len(MARKERS)
    legend = [text.get_text() for text in _figure().axes[0].get_legend().get_texts()]
    assert (
        len(legend) == 4
        and any("News report" in t for t in legend)
        and any("Opinion column" in t for t in legend)
    )
    assert any("Out of line" in t for t in legend)


def test_every_plotted_number_is_in_the_table_and_the_alt_text_describes_the_marks():
    chart = trade_chart()
    series, cited = trade_data()
    table = chart.table.frame
    for year in series["year"]:
        assert year in set(table["year"])
    for statistic_id, quote in zip(cited["statistic_id"], cited["quote"], strict=False):
        assert statistic_id in set(table["from"])
        assert quote in chart.alt_text
    assert "—" in set(table["billion USD"])  # the missing year is shown as missing, not invented


def test_chart_shows_as_html_with_alt_text_and_as_plain_text():
    chart = trade_chart()
    page = chart._repr_html_()
    assert "<img src='data:image/png;base64," in page and "alt='Line chart" in page
    assert "<table>" in page and "figcaption" in page
    text = str(chart)
    assert (
        chart.title in text and chart.alt_text in text and "trade_china_russia.csv row 17" in text
    )


def test_every_chart_is_readable_labelled_and_described():
    from course.analysis.reference_charts import patrols_chart
    from course.analysis.timeline import timeline_chart
    from course.analysis.voices import voices_chart

    for make in (trade_chart, patrols_chart, timeline_chart, voices_chart):
        chart = make()
        assert chart.smallest_font >= 9, f"{make.__name__}: text smaller than 9 pt"
        assert chart.title and len(chart.alt_text) > 80 and chart.source_line.startswith("Source:")
        assert len(chart.table) > 0 and chart.png[:4] == b"\x89PNG"
        assert f"alt='{chart.alt_text[:30]}" in chart._repr_html_().replace("&#x27;", "'")
