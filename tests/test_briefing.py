"""The teacher's briefing: generated from the data, complete, and saying nothing the data do not."""

import csv
import re
import tomllib

from course.authoring.briefing import FIRST_DAY_AFTER_NEWS, LAST_DAY, teacher_briefing
from course.paths import data_folder, project_folder


def _rows(file: str) -> list[dict[str, str]]:
    with (data_folder() / "reference" / file).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_the_committed_briefing_is_the_generated_one():
    committed = (project_folder() / "TEACHER_BRIEFING.md").read_text(encoding="utf-8")
    assert committed == teacher_briefing(), (
        "TEACHER_BRIEFING.md is stale: run python -m course briefing > TEACHER_BRIEFING.md"
    )


def test_each_text_is_described_only_by_its_metadata_with_every_gap_kept():
    briefing = teacher_briefing()
    for path in (project_folder() / "seeds").glob("*.meta.toml"):
        meta = tomllib.loads(path.read_text(encoding="utf-8"))
        assert f"- **Authors as named**: {', '.join(meta['authors'])}\n" in briefing
        assert f"- **Date as printed**: {meta['date_as_stated']}\n" in briefing
        for gap in meta["not_stated"]:
            assert f"- {gap}\n" in briefing


def test_every_reference_event_between_the_texts_is_listed_with_its_own_row():
    briefing = teacher_briefing()
    section = briefing[briefing.index("## Between the two texts") :]
    listed = re.findall(r"^\| ([^|]+) \| (.+?) \| (\w+\.csv) rows? (\d+)", section, re.M)

    def in_range(date: str) -> bool:
        return date.ljust(10, "~") >= FIRST_DAY_AFTER_NEWS and date <= LAST_DAY

    events = _rows("events.csv")
    patrols = _rows("bomber_patrols.csv")
    for date, _event, file, number in listed:
        row = (events if file == "events.csv" else patrols)[int(number) - 1]
        assert row["date"] == date and in_range(date)
    expected_patrols = [n for n, r in enumerate(patrols, 1) if in_range(r["date"])]
    assert [int(n) for _, _, f, n in listed if f == "bomber_patrols.csv"] == expected_patrols
    # Every event row in range is listed, as its own line or as the second source of one.
    cited = set()
    for line in section.splitlines():
        if match := re.search(r"events\.csv rows? ([\d, ]+) \|", line):
            cited |= {int(n) for n in match.group(1).split(",")}
    expected = {
        n for n, r in enumerate(events, 1) if r["date"][:1].isdigit() and in_range(r["date"])
    }
    assert cited == expected


def test_the_ties_are_the_publishers_data_says_are_tied():
    with (data_folder() / "publishers.csv").open(encoding="utf-8") as handle:
        tied = {r["publisher"] for r in csv.DictReader(handle) if r["tie_to_texts"]}
    briefing = teacher_briefing()
    section = briefing[
        briefing.index("## Publishers with a tie") : briefing.index("## Who published")
    ]
    assert {line.split(" | ")[0].strip("| ") for line in section.splitlines()[6:] if line} == tied
