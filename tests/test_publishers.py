"""Publishers of the reference data (data/publishers.csv) and the consistency checks over the
reference series: who stands behind a verdict, and which reference figures disagree with their own
series."""

from __future__ import annotations

import re

import pytest

from course import (
    check_statistic,
    consistency_table,
    flags_for,
    publishers_of,
    reference_row,
    standing_counts,
)
from course.analysis import consistency
from course.analysis.reference import reference_files, reference_frame
from course.analysis.reference_charts import _trade_figure, trade_data
from course.paths import data_folder, project_folder, read_data
from course.text.sources import load_source


def _publishers():
    return read_data(data_folder() / "publishers.csv")


def _reference_publishers() -> set[str]:
    return {
        value for file in reference_files() for value in reference_frame(file)["publisher"] if value
    }


def test_every_publisher_of_the_reference_data_has_a_row_and_no_row_is_invented():
    listed = {
        appearance for value in _publishers()["appears_as"] for appearance in value.split(" | ")
    }
    assert _reference_publishers() <= listed, _reference_publishers() - listed
    assert listed <= _reference_publishers(), listed - _reference_publishers()


def test_every_standing_has_a_source_and_the_sources_words():
    for row in _publishers().to_dict("records"):
        if row["standing"] == "not known":
            assert not row["standing_source"], row["publisher"]
            continue
        assert row["standing_source"] and row["standing_words"], row["publisher"]
        source = row["standing_source"]
        if not source.startswith("http"):
            # A file of the course: the words must stand in it.
            path = project_folder() / source
            assert path.is_file(), source
            text = path.read_text(encoding="utf-8")
            assert row["standing_words"] in text, (row["publisher"], row["standing_words"])


def test_a_country_not_sourced_is_said_so():
    frame = _publishers()
    unsourced = frame[frame["country_sourced"] == "false"]
    assert set(frame["country_sourced"]) <= {"true", "false"}
    assert (frame[frame["country"] == "not known"]["country_sourced"] == "false").all()
    assert len(unsourced) < len(frame)


def test_ties_to_the_texts_quote_the_texts_verbatim():
    texts = {name: load_source(name).raw for name in ("news", "opinion")}
    ties = _publishers()[_publishers()["tie_to_texts"] != ""]
    assert set(ties["publisher"]) == {"CSIS ChinaPower", "Reuters", "AP", "AFP"}
    for row in ties.to_dict("records"):
        quoted = re.findall(r"(?:^|[\s(])'(.{12,}?)'(?=[\s.,;)]|$)", row["tie_to_texts"])
        assert quoted, row["publisher"]
        which = "opinion" if "opinion column" in row["tie_to_texts"] else "news"
        for words in quoted:
            assert words in texts[which], (row["publisher"], words)


def test_a_reprint_names_the_original_publisher_first():
    assert [p["publisher"] for p in publishers_of("AP (via Yahoo News)")] == ["AP", "Yahoo News"]
    assert [p["publisher"] for p in publishers_of("Asahi Shimbun (Reuters)")] == [
        "Asahi Shimbun",
        "Reuters",
    ]


def test_a_check_shows_who_published_its_reference_and_the_tie_to_the_author():
    # Both texts' exercise counts rest on the CSIS row: the tie is shown for both, not one.
    for statistic_id in ("opinion-p07-s01-n1", "news-p36-s02-n1"):
        result = check_statistic(statistic_id)
        assert "CSIS ChinaPower: think tank" in result.published_by
        assert "works at CSIS" in result.published_by
        assert "Published by:" in str(result) and "Published by:" in result._repr_html_()
    assert "state-run outlet" in check_statistic("news-p43-s02-n1").published_by


def test_a_reference_row_shows_its_publisher_apart_from_its_fields():
    row = reference_row("trade_china_russia.csv", 17)
    assert row["publisher"] == "bne IntelliNews"  # the field stays as received
    assert "Who published it: bne IntelliNews: standing not known" in row.remarks[0]
    assert "The course's notes on this row" in str(row)


def test_standing_counts_count_each_checked_statistic_once_per_standing():
    from course.analysis.fact_checks import references_of

    counts = standing_counts().frame.set_index("standing")
    statistics = read_data(data_folder() / "statistics.csv")
    for source in ("news", "opinion"):
        some = every = 0
        for statistic_id in statistics[statistics["source"] == source]["statistic_id"]:
            if check_statistic(statistic_id).status == "not checkable":
                continue
            originals = [
                publishers_of(reference_row(file, row)["publisher"])[0]["standing"]
                for file, row in references_of(statistic_id)
            ]
            some += "state-run outlet" in originals
            every += set(originals) == {"state-run outlet"}
        assert counts.loc["state-run outlet", f"{source} (some rows)"] == some
        assert counts.loc["state-run outlet", f"{source} (all rows)"] == every


def test_a_second_source_is_cited_with_its_publisher():
    result = check_statistic("news-p23-s01-n1")  # Xinhua's date, and AP's report of the same call
    assert "events.csv rows 25, 51" in result.references
    assert "Also reported by a second source: events.csv row 51 (AP" in result.explanation
    assert "AP: news agency (cooperative)" in result.published_by


# ---------------------------------------------------------------------------------------------
# Consistency


def test_the_2015_trade_figure_is_found_out_of_line():
    assert consistency.out_of_line("trade_china_russia.csv") == [5]
    assert "Out of line" in flags_for("trade_china_russia.csv", 5)[0]
    assert flags_for("trade_china_russia.csv", 4)  # one disagreement: shown, not "out of line"
    assert not flags_for("trade_china_russia.csv", 4)[0].startswith("Out of line")
    assert "Out of line" in " ".join(reference_row("trade_china_russia.csv", 5).remarks)


def _with_trade(monkeypatch, change):
    frame = reference_frame("trade_china_russia.csv").copy()
    change(frame)
    real = consistency.reference_frame
    monkeypatch.setattr(
        consistency,
        "reference_frame",
        lambda file: frame if file == "trade_china_russia.csv" else real(file),
    )
    consistency._findings.cache_clear()


@pytest.fixture(autouse=True)
def _fresh_findings():
    consistency._findings.cache_clear()
    yield
    consistency._findings.cache_clear()


def test_a_consistent_figure_is_not_flagged(monkeypatch):
    # 95.28 less 27.8% is 68.79; 68.0 up 2.2% is 69.5: both agree within 2%.
    def correct(frame):
        frame.loc[4, "value"] = "68.0"  # row 5

    _with_trade(monkeypatch, correct)
    assert consistency.out_of_line("trade_china_russia.csv") == []
    assert len(consistency_table()) == 0


def test_parts_that_do_not_add_up_to_the_total_are_flagged(monkeypatch):
    def damage(frame):
        row = frame.index[
            (frame["year"] == "2024") & (frame["flow"] == "China's exports to Russia")
        ]
        frame.loc[row, "value"] = "95.49"

    _with_trade(monkeypatch, damage)
    found = " ".join(consistency_table()["what was found"])
    assert "imports and exports" in found and "add up to 224.81" in found


def test_a_repeated_figure_must_repeat_the_figure(monkeypatch):
    frame = reference_frame("power_of_siberia.csv").copy()
    repeats = [i for i, note in enumerate(frame["note"]) if note.startswith("Same figure as row")]
    assert repeats, "the reference data have rows that repeat a figure"
    frame.loc[repeats[0], "value"] = "999"
    real = consistency.reference_frame
    monkeypatch.setattr(
        consistency,
        "reference_frame",
        lambda file: frame if file == "power_of_siberia.csv" else real(file),
    )
    assert any("says it repeats" in found for found in consistency_table()["what was found"])


def test_the_trade_chart_rings_the_out_of_line_point():
    series, cited = trade_data()
    figure = _trade_figure(series, cited, "t")
    labels = [text.get_text() for text in figure.axes[0].texts]
    assert "2015: 64.2, out of line" in labels
    assert any("Out of line" in t.get_text() for t in figure.axes[0].get_legend().get_texts())
