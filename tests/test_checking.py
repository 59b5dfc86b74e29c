"""course.analysis.fact_checks and data/check_plan.csv: every statistic checked once, by rules a
student can see.
"""

import csv
import shutil

import pytest

from course.analysis import fact_checks as checking
from course.analysis.fact_checks import (
    CLOSE_WITHIN,
    MATCHES_WITHIN,
    STATUSES,
    check_statistic,
    check_table,
    compare_numbers,
    convert,
    percent_difference,
    show_tolerances,
)
from course.analysis.reference import reference_row
from course.analysis.statistics import statistics_table
from course.errors import CourseError

TABLE = check_table().frame


def test_every_statistic_is_checked_exactly_once_with_an_explanation():
    assert list(TABLE["statistic_id"]) == list(statistics_table()["statistic_id"])
    assert TABLE["statistic_id"].is_unique
    assert set(TABLE["status"]) <= set(STATUSES)
    for row in TABLE.to_dict("records"):
        assert len(row["explanation"]) > 30, row["statistic_id"]
        if row["status"] != "not checkable":
            assert row["references"], (
                f"{row['statistic_id']} has a verdict but names no reference rows"
            )


def test_the_table_has_the_columns_instructors_are_promised():
    assert list(TABLE.columns)[:5] == ["statistic_id", "source", "quote", "status", "explanation"]


def test_every_plan_line_cites_rows_that_exist():
    with (checking.data_folder() / "check_plan.csv").open(encoding="utf-8") as handle:
        lines = list(csv.DictReader(handle))
    for line in lines:
        for item in line["references"].split():
            file, _, row = item.partition(":")
            assert reference_row(file, int(row))
        if line["role"] in ("reading", "context"):
            assert line["references"] and line["label"] and not line["status"]


@pytest.mark.parametrize(
    "text, reference, hedge, expected",
    [
        (100, 100, "", "matches"),
        (102, 100, "", "matches"),
        (97.9, 100, "", "close"),
        (110, 100, "", "close"),
        (111, 100, "", "differs"),
        (100, 101, "more than", "matches"),
        (100, 98.9, "more than", "close"),
        (100, 80, "more than", "differs"),
        (36.81, 31.12, "as much as", "matches"),
        (36.81, 38, "as much as", "close"),
    ],
)
def test_compare_numbers_follows_the_published_tolerances(text, reference, hedge, expected):
    assert compare_numbers(text, reference, hedge)[0] == expected


def test_a_reference_lower_bound_supports_the_same_lower_bound():
    assert compare_numbers(40, 40, "more than", "more than")[0] == "matches"
    assert compare_numbers(40, 40, "more than", "")[0] == "close"


def test_the_tolerances_shown_to_students_are_the_ones_used():
    words = show_tolerances()
    assert f"within {MATCHES_WITHIN:g}%" in words and f"within {CLOSE_WITHIN:g}%" in words
    assert all(status in words for status in STATUSES)


def test_conversions_use_the_exact_factors_and_reverse_cleanly():
    assert convert(1, "miles", "km") == 1.609344
    assert convert(convert(1865, "miles", "km"), "km", "miles") == pytest.approx(1865)
    assert convert(1, "trillion cubic feet", "bcm") == pytest.approx(28.316846592)
    with pytest.raises(CourseError, match="as a number without quotes"):
        convert("2500", "miles", "km")
    with pytest.raises(CourseError, match="Did you mean 'miles to km'"):
        convert(1, "miles", "kms")


def test_percent_difference_is_relative_to_the_reference():
    assert percent_difference(110, 100) == pytest.approx(10)
    assert percent_difference(90, 100) == pytest.approx(-10)


def test_computed_statuses_come_from_the_reference_figures():
    border = check_statistic("news-p11-s01-n1")
    assert (
        border.status == "close"
        and "4,023.36 km" in border.explanation
        and "-4.4%" in border.explanation
    )
    assert "geography_and_units.csv rows 1, 2" in border.references
    trade = check_statistic("opinion-p10-s02-n1")
    assert trade.status == "matches" and "244.81" in trade.explanation


def test_readings_that_disagree_make_a_statistic_unclear_and_both_are_shown():
    result = check_statistic("news-p43-s02-n1")
    assert result.status == "unclear"
    assert "so matches" in result.explanation and "so differs" in result.explanation
    flights = check_statistic("opinion-p07-s03-n2")
    assert flights.status == "unclear" and "a count of 9 rows" in flights.explanation


def test_dates_are_compared_as_precisely_as_the_text_gives_them():
    assert checking._date_status("2021-10", "2021-10-14", "2021-10-17") == "matches"
    assert checking._date_status("2021-08", "2022-04-27", "") == "differs"
    assert checking._date_status("2021", "2021-08-09", "2021-08-13") == "matches"
    assert checking._date_status("--12-09", "2025-12-09", "") == "matches"
    assert checking._date_status("--12-09", "2025-12-10", "") == "differs"
    assert checking._date_status("2014-03", "2014", "") == "matches"


def test_not_checkable_always_says_why():
    for row in TABLE[TABLE["status"] == "not checkable"].to_dict("records"):
        assert row["explanation"].strip(), row["statistic_id"]


def test_both_sources_are_checked_by_the_same_rules():
    for source in ("news", "opinion"):
        part = check_table(source).frame
        assert set(part["source"]) == {source}
        assert len(part) == len(statistics_table(source))


def test_filters_and_friendly_errors():
    assert set(check_table(status="unclear").frame["status"]) == {"unclear"}
    with pytest.raises(CourseError, match="Did you mean 'matches'"):
        check_table(status="match")
    with pytest.raises(CourseError, match="no statistic called 'news-p11-s01-n7'"):
        check_statistic("news-p11-s01-n7")
    with pytest.raises(CourseError, match="there is no row 0"):
        reference_row("events.csv", 0)
    with pytest.raises(CourseError, match="Did you mean 'events.csv'"):
        reference_row("event.csv", 1)


def test_check_shows_as_text_and_html():
    result = check_statistic("news-p44-s02-n2")
    assert "Status: matches" in str(result)
    assert "<strong>Status:</strong> matches" in result._repr_html_()


@pytest.fixture
def broken_plan(tmp_path, monkeypatch):
    """A copy of data/ whose plan the test can spoil."""
    data = tmp_path / "data"
    shutil.copytree(checking.data_folder(), data)
    monkeypatch.setattr(checking, "data_folder", lambda: data)
    checking._plan.cache_clear()
    checking._check.cache_clear()
    yield data / "check_plan.csv"
    checking._plan.cache_clear()
    checking._check.cache_clear()


@pytest.mark.parametrize(
    "spoil, message",
    [
        (("news-p11-s01-n1,reading", "news-p11-s01-n1,guess"), "row 6: the role must be one of"),
        (
            ("geography_and_units.csv:1,value", "geography_and_units.csv:77,value"),
            "geography_and_units.csv has rows 1 to 5",
        ),
        (
            ("news-p11-s01-n1,reading", "news-p11-s01-n9,reading"),
            "no statistic called 'news-p11-s01-n9'",
        ),
    ],
)
def test_a_mistake_in_the_plan_is_named_with_its_row(broken_plan, spoil, message):
    text = broken_plan.read_text(encoding="utf-8")
    assert spoil[0] in text
    broken_plan.write_text(text.replace(spoil[0], spoil[1], 1), encoding="utf-8")
    with pytest.raises(CourseError, match=message):
        check_table()


def test_a_statistic_missing_from_the_plan_is_reported(broken_plan):
    lines = broken_plan.read_text(encoding="utf-8").splitlines(keepends=True)
    broken_plan.write_text(
        "".join(line for line in lines if not line.startswith("news-p06-s01-n1,")), encoding="utf-8"
    )
    with pytest.raises(CourseError, match="no line for news-p06-s01-n1"):
        check_table()


def test_reference_rows_come_only_from_the_reference_files_and_accept_numpy_numbers():
    import numpy as np

    from course.analysis.reference import reference_row

    assert reference_row("trade_china_russia.csv", np.int64(17))["value"] == "244.81"
    for path in ("../statistics.csv", "/etc/passwd", "reference/trade_china_russia.csv"):
        with pytest.raises(CourseError, match="no reference file called"):
            reference_row(path, 1)
