"""The instructor's loop: `python -m course collect` on a class of journals and hand-ins, with
damaged, duplicate and foreign files among them."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from course.authoring.collect import GRADEBOOK, REPORT, collect
from course.authoring.rubrics import rubric_for
from course.errors import CourseError

_STUDENT = r"""
import sys
from course import write_answer, check, export_journal
name, export = sys.argv[1], sys.argv[2] == "export"
write_answer("01 think", "The column covers North Korea (opinion-p11-s02).")
write_answer("03 think", "I rewrote news-p43-s02 so that it says 'January to November'.")
check("01.1", 2)
check("01.1", 3)
check("03.1", -4.4)
if export:
    export_journal(name)
"""

CLASS = [("Ada Lovelace", True), ("Alan Turing", False), ("Grace Hopper", False)]


def _home(root: Path, name: str) -> Path:
    return root / "homes" / f"jupyter-{name.split()[0].lower()}" / "course" / "my-work"


@pytest.fixture(scope="module")
def class_folders(tmp_path_factory) -> Path:
    """Three students working in their own homes (as on a hub), one of whom exported and handed
    in; then the usual trouble: a copy, an edited hand-in, a damaged journal, foreign files."""
    root = tmp_path_factory.mktemp("class")
    handins = root / "hand-ins"
    handins.mkdir()
    for name, export in CLASS:
        work = _home(root, name)
        work.mkdir(parents=True)
        subprocess.run(
            [sys.executable, "-c", _STUDENT, name, "export" if export else "home"],
            env={**os.environ, "COURSE_WORK": str(work)},
            check=True,
            capture_output=True,
        )
    ada = next(_home(root, "Ada Lovelace").glob("journal-*.md"))
    (handins / ada.name).write_bytes(ada.read_bytes())
    (handins / "journal-ada-copy.md").write_bytes(ada.read_bytes())
    (handins / "journal-ada-edited.md").write_text(
        ada.read_text(encoding="utf-8").replace("North Korea", "NORTH KOREA"), encoding="utf-8"
    )
    (handins / "journal-by-hand.md").write_text("# My journal\n\nWritten by hand.\n")
    (handins / "broken.md").write_text('<!-- course-journal-data: {"answers": {oops -->\n')
    (handins / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (handins / "empty.html").write_bytes(b"")
    grace = _home(root, "Grace Hopper") / "journal.json"
    grace.write_text(grace.read_text(encoding="utf-8")[:-60], encoding="utf-8")  # cut short
    (_home(root, "Alan Turing") / "settings.json").write_text('{"theme": "dark"}')
    return root


@pytest.fixture(scope="module")
def report(class_folders, tmp_path_factory):
    out = tmp_path_factory.mktemp("report") / "class-report"
    result = collect([class_folders / "homes", class_folders / "hand-ins"], out)
    return result, out


def test_every_student_is_found_once_with_their_answers_and_attempts(report):
    result, out = report
    assert result.students == 3
    rows = list(csv.DictReader(io.StringIO((out / GRADEBOOK).read_text(encoding="utf-8"))))
    by_name = {row["student"]: row for row in rows}
    assert set(by_name) == {"Ada Lovelace", "alan", "grace"}
    assert "North Korea" in by_name["Ada Lovelace"]["answer 01 think"]
    assert by_name["alan"]["written answers"] == "2"
    assert by_name["alan"]["self-checks right"].startswith("2 of ")  # 01.1 and 03.1
    assert "00 name" in by_name["alan"]["prompts not answered"]


def test_damaged_duplicate_and_foreign_files_are_reported_and_never_stop_the_report(report):
    result, out = report
    said = "\n".join(result.problems)
    for name, words in [
        ("journal.json", "damaged"),  # Grace's, cut short: what can be read is read
        ("journal-ada-copy.md", "a copy of"),
        ("journal-ada-edited.md", "edited after it was exported"),
        ("journal-by-hand.md", "not an export of this course"),
        ("broken.md", "data were damaged"),
        ("photo.png", "not an export of this course"),
        ("empty.html", "not an export of this course"),
        ("settings.json", "not an export of this course"),
    ]:
        assert any(name in line and words in line for line in result.problems), (name, said)
    page = (out / REPORT).read_text(encoding="utf-8")
    assert "Files skipped or read in part" in page and "broken.md" in page


def test_the_report_shows_answers_side_by_side_with_the_rubric_and_the_hard_checks(report):
    _, out = report
    page = (out / REPORT).read_text(encoding="utf-8")
    import html

    rubric = rubric_for("01 think")
    for _, name, words in rubric.levels:
        assert f"<td>{name}</td><td>{html.escape(words)}</td>" in page
    assert html.escape(rubric.model.split("\n")[0]) in page
    assert "No rubric: a prediction" in page  # 03 predict border is not marked
    assert page.count("The column covers North Korea") >= 3
    assert "Hardest first" in page and "01.1" in page
    assert "2 (×3)" in page  # every student first answered 01.1 with 2
    assert "<script" not in page and "http" not in page.split("</style>")[1].split("<main>")[0]


def test_anonymous_reports_use_stable_pseudonyms_and_no_names(class_folders, tmp_path):
    out = tmp_path / "anonymous"
    sources = [class_folders / "homes", class_folders / "hand-ins"]
    first = collect(sources, out, anonymous=True)
    page = (out / REPORT).read_text(encoding="utf-8")
    table = (out / GRADEBOOK).read_text(encoding="utf-8")
    for name in ("Ada", "Lovelace", "alan", "Alan", "grace", "Grace", "jupyter-"):
        assert name not in page and name not in table, name
    pseudonyms = sorted(row["student"] for row in csv.DictReader(io.StringIO(table)))
    assert all(p.startswith("Student ") for p in pseudonyms) and len(set(pseudonyms)) == 3
    assert not any("/homes/" in line for line in first.problems)
    collect(sources, out, anonymous=True, force=True)
    again = sorted(
        row["student"]
        for row in csv.DictReader(io.StringIO((out / GRADEBOOK).read_text(encoding="utf-8")))
    )
    assert again == pseudonyms


def test_the_report_folder_keeps_a_teachers_files_and_needs_force_to_update(report):
    result, out = report
    (out / "my-marks.xlsx").write_bytes(b"teacher's marks")
    with pytest.raises(CourseError, match="--force|force"):
        collect([Path(result.destination)], out)
    collect([out.parent], out, force=True)
    assert (out / "my-marks.xlsx").read_bytes() == b"teacher's marks"


def test_bad_arguments_get_a_message(tmp_path):
    with pytest.raises(CourseError, match="at least one folder"):
        collect([], tmp_path / "out")
    result = collect([tmp_path / "nowhere"], tmp_path / "out")
    assert "not found" in result.problems[0]


def test_the_command_line(class_folders, tmp_path):
    command = [sys.executable, "-m", "course", "collect"]
    done = subprocess.run(
        [*command, str(class_folders / "hand-ins"), str(tmp_path / "cli")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0 and "Read " in done.stdout and (tmp_path / "cli" / REPORT).exists()
    alone = subprocess.run([*command, str(tmp_path)], capture_output=True, text=True)
    assert alone.returncode == 2 and "folder for the report" in alone.stderr
    assert "Traceback" not in alone.stderr


@pytest.mark.slow
def test_the_class_report_reads_well_in_a_browser_at_desktop_and_phone_width(browser, report):
    """As an instructor opens it: nothing fetched, no serious accessibility fault, and at a
    phone's width nothing wider than the screen."""
    import base64

    from browser import SCREENSHOTS, axe_violations, navigate

    tools, _ = browser
    _, out = report
    tools.call("Network.enable")
    tools.events.clear()
    navigate(tools, (out / REPORT).as_uri())
    tools.wait_until("document.readyState === 'complete'")
    fetched = [
        e["params"]["request"]["url"]
        for e in tools.events
        if e["method"] == "Network.requestWillBeSent"
    ]
    assert [url for url in fetched if not url.startswith(("file:", "data:"))] == []
    try:
        assert axe_violations(tools) == []
        for width in (1280, 390):
            tools.call(
                "Emulation.setDeviceMetricsOverride",
                width=width,
                height=900,
                deviceScaleFactor=1,
                mobile=width < 600,
            )
            wide = tools.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            assert wide[0] <= wide[1], f"{wide[0]} px wide on a {wide[1]} px screen"
            if os.environ.get("COURSE_SCREENSHOTS") == "1":
                SCREENSHOTS.mkdir(parents=True, exist_ok=True)
                shot = tools.call(
                    "Page.captureScreenshot", format="png", captureBeyondViewport=True
                )
                (SCREENSHOTS / f"class-report-{width}px.png").write_bytes(
                    base64.b64decode(shot["data"])
                )
    finally:
        tools.call("Emulation.clearDeviceMetricsOverride")


def test_the_same_words_from_two_students_are_flagged_and_different_or_short_ones_are_not():
    from course.authoring.collect import _Student, same_words

    def student(name, text):
        return _Student(name, answers={"01 think": {"text": text}})

    same = "the column covers North Korea (opinion-p11-s02); the report covers sanctions"
    class_ = [
        student("Ada Lovelace", f"Ada Lovelace: {same}"),
        student("Katherine Johnson", f"KATHERINE JOHNSON:  {same.upper()}"),
        student("Grace Hopper", "The report covers sanctions (news-p19-s02); the column does not."),
        student("Alan Turing", "Yes."),
        student("Mary Somerville", "Yes."),
    ]
    groups = same_words(class_, "01 think")
    assert [[s.name for s in group] for group in groups] == [["Ada Lovelace", "Katherine Johnson"]]


def test_answers_written_on_paper_reach_the_report_beside_the_others(class_folders, tmp_path):
    import shutil

    folder = tmp_path / "hand-ins"
    shutil.copytree(class_folders / "hand-ins", folder)
    (folder / "paper-answers.csv").write_text(
        "student,prompt,answer\n"
        'Rosa Parks,01 think,"The column covers North Korea (opinion-p11-s02), on paper."\n'
        "Rosa Parks,02 think,\n"  # left empty: not an answer
        "Rosa Parks,01 thnik,A typing slip\n"
        "Rosa Parks,01.1,3\n"  # a self-check on paper, judged as the lesson judges it
        "Rosa Parks,03.2,a\n",
        encoding="utf-8",
    )
    result = collect([folder], tmp_path / "report")
    rows = {
        row["student"]: row
        for row in csv.DictReader(
            io.StringIO((result.destination / GRADEBOOK).read_text(encoding="utf-8"))
        )
    }
    assert rows["Rosa Parks"]["answer 01 think"].endswith("on paper.")
    assert rows["Rosa Parks"]["points 02 think (0-4)"] == "0"  # not answered
    assert rows["Rosa Parks"]["points 01 think (0-4)"] == ""  # for the teacher to give
    assert any("no prompt or exercise '01 thnik'" in problem for problem in result.problems)
    assert rows["Rosa Parks"]["self-checks right"].startswith("1 of ")
    page = (result.destination / REPORT).read_text(encoding="utf-8")
    assert "<td>on paper</td>" in page


def test_students_who_run_the_lessons_example_export_are_not_merged_as_your_name(tmp_path):
    """Run All in lesson 00 runs `export_journal("Your Name")` as it stands: on a hub, every home
    then holds an export named like that. Each student is still told apart by their home."""
    for user in ("jupyter-dora", "jupyter-eli"):
        work = tmp_path / "homes" / user / "course" / "my-work"
        work.mkdir(parents=True)
        done = subprocess.run(
            [
                sys.executable,
                "-c",
                _STUDENT.replace("export_journal(name)", "print(export_journal('Your Name'))"),
                user,
                "export",
            ],
            env={**os.environ, "COURSE_WORK": str(work)},
            capture_output=True,
            text=True,
            check=True,
        )
        assert "Put your own name in the quotes" in done.stdout
    # Saved in the same second, the two unnamed exports are equal byte for byte: both still count.
    homes = tmp_path / "homes"
    (homes / "jupyter-eli" / "course" / "my-work" / "journal.md").write_bytes(
        (homes / "jupyter-dora" / "course" / "my-work" / "journal.md").read_bytes()
    )
    result = collect([homes], tmp_path / "report")
    assert result.students == 2
    page = (tmp_path / "report" / REPORT).read_text(encoding="utf-8")
    assert "dora" in page and "eli" in page and "Your Name" not in page
    assert result.problems == []  # an unnamed export in a home is no problem: the home names it


def test_a_gradebook_with_points_filled_in_is_kept_and_the_teacher_is_told(class_folders, tmp_path):
    out = tmp_path / "report"
    collect([class_folders / "homes"], out)
    graded = (out / GRADEBOOK).read_text(encoding="utf-8").replace(",,", ",4,", 1)
    (out / GRADEBOOK).write_text(graded, encoding="utf-8")
    again = collect([class_folders / "homes"], out, force=True)
    assert (out / GRADEBOOK).read_text(encoding="utf-8") == graded
    assert GRADEBOOK not in again.written and "was not updated" in str(again)
    assert "Kept your edited copies" in str(again)


def test_homes_copied_from_a_hub_are_told_apart_however_deep_they_lie(tmp_path):
    """The administrator's tar of /home/*/student-version/my-work unpacks to home/jupyter-NAME/...;
    whichever folder above the homes the teacher names, each student keeps their own name."""
    import shutil

    for user in ("jupyter-ana", "jupyter-ben"):
        work = tmp_path / "homes" / "home" / user / "student-version" / "my-work"
        work.mkdir(parents=True)
        subprocess.run(
            [sys.executable, "-c", _STUDENT, user, "home"],
            env={**os.environ, "COURSE_WORK": str(work)},
            check=True,
            capture_output=True,
        )
    for named in (tmp_path / "homes", tmp_path / "homes" / "home"):
        out = tmp_path / f"report-{named.name}"
        result = collect([named], out)
        assert result.students == 2, str(result)
        page = (out / REPORT).read_text(encoding="utf-8")
        assert ">ana<" in page and ">ben<" in page
        shutil.rmtree(out)
