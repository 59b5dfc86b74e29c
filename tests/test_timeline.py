"""data/timeline.csv and course.analysis.timeline: every resolved date shown, checked against the
text and statistics.
"""

import pytest

from course.analysis.charts import Chart
from course.analysis.statistics import find_statistic
from course.analysis.timeline import PRECISIONS, timeline_chart, timeline_table, vague_times
from course.errors import CourseError
from course.text.sources import find_sentence

ROWS = timeline_table().frame.to_dict("records")


@pytest.mark.parametrize("row", ROWS, ids=[f"{row['where']}:{row['event'][:20]}" for row in ROWS])
def test_every_event_is_dated_as_the_text_allows(row):
    sentence = find_sentence(row["where"]).text
    assert row["time_words"] in sentence
    assert row["precision"] in PRECISIONS and row["how_resolved"]
    if row["precision"] in ("vague", "none"):
        assert row["date"] == "not known"
    else:
        assert row["date"] != "not known"
    if row["precision"] == "none":
        assert row["time_words"] == ""


def test_dates_agree_with_the_linked_statistics():
    import csv

    from course.paths import data_folder

    with (data_folder() / "timeline.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if not row["statistic_id"]:
                continue
            statistic = find_statistic(row["statistic_id"])
            if statistic["value"].startswith("--") and row["date"] != statistic["value"]:
                # A day without a year, placed by the reference data: the day agrees, and the
                # row named in how_resolved records that very date.
                import re

                from course.analysis.reference import reference_row

                assert row["date"].endswith(statistic["value"][1:]), row["event_id"]
                file, number = re.search(r"(\w+\.csv) row (\d+)", row["how_resolved"]).groups()
                assert reference_row(file, int(number))["date"] == row["date"], row["event_id"]
            elif statistic["kind"] in ("year", "date", "relative date", "period"):
                assert row["date"] == statistic["value"], row["event_id"]


def test_relative_dates_of_the_news_report_are_resolved_against_its_date_line():
    thursday = [row for row in ROWS if row["time_words"] == "Thursday"][0]
    import datetime

    assert datetime.date.fromisoformat(thursday["date"]).strftime("%A") == "Thursday"
    assert datetime.date(2022, 1, 2) - datetime.date.fromisoformat(
        thursday["date"]
    ) == datetime.timedelta(days=3)


def test_events_are_in_date_order_with_undated_ones_last():
    dates = [row["date"] for row in ROWS]
    dated = [d for d in dates if d[:1].isdigit()]
    assert dated == sorted(dated)
    assert dates.index(dated[-1]) < dates.index("not known")


def test_reference_events_are_marked_and_counted():
    table = timeline_table(with_reference=True).frame
    reference = table[table["origin"] == "reference"]
    # 55 rows of events.csv, of which 6 repeat an earlier event from a second publisher, and 10
    # patrols
    assert len(reference) == 55 - 6 + 10
    assert reference["where"].str.match(r"(events|bomber_patrols)\.csv rows? \d+(, \d+)*$").all()
    vostok = reference[reference["event"].str.startswith("Vostok-2018")]
    assert list(vostok["where"]) == ["events.csv rows 16, 50"]


def test_vague_times_and_errors():
    assert set(vague_times("news")["precision"]) <= {"vague", "none"}
    with pytest.raises(CourseError, match="Did you mean 'opinion'"):
        vague_times("opinon")


def test_the_chart_is_accessible():
    chart = timeline_chart()
    assert isinstance(chart, Chart) and "three lanes" in chart.alt_text
    assert "alt='Timeline" in chart._repr_html_()
    assert set(chart.table["origin"]) == {"news", "opinion", "reference"}
