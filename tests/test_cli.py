"""python -m course: the instructors' command line, run as a student or CI would run it."""

import csv
import io
import subprocess
import sys

import pytest

from course.__main__ import main
from course.classroom.course_map import lessons
from course.text.sources import load_source


def run(*args, cwd):
    return subprocess.run(
        [sys.executable, "-m", "course", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def test_lessons_prints_the_lesson_table(root):
    result = run("lessons", cwd=root)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[:2] == ["| # | Lesson | Time | What you learn |", "|---|---|---|---|"]
    assert len(lines) == 2 + len(lessons())
    for lesson, line in zip(lessons(), lines[2:], strict=False):
        assert line.startswith(f"| {lesson.number} | [") and f"(notebooks/{lesson.file})" in line


def test_sentences_csv_is_the_committed_file(root):
    result = run("sentences", "--csv", cwd=root)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (root / "data" / "sentences.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == ["sentence_id", "source", "paragraph_id", "kind", "sentence"]
    assert rows[0]["sentence_id"] == "news-p01-s01" and rows[-1]["sentence_id"].startswith(
        "opinion-"
    )


def test_sentences_as_a_table(root):
    result = run("sentences", cwd=root)
    assert result.returncode == 0, result.stderr
    assert "news-p01-s01" in result.stdout and "opinion-p13-s01" in result.stdout
    assert result.stderr == ""


def test_log_news_csv(root):
    result = run("log", "news", "--csv", cwd=root)
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == ["step", "line", "before", "after", "why"]
    assert len(rows) == len(load_source("news").log)
    assert rows[0]["step"] == "reprint notice" and rows[0]["line"] == "3"
    assert all(row["why"] for row in rows)


def test_log_of_a_name_typed_loosely(root):
    result = run("log", " Opinion ", cwd=root)
    assert result.returncode == 0, result.stderr
    assert "pull quote" in result.stdout and "blog footer" in result.stdout


def test_log_of_an_unknown_source_is_a_friendly_error(root):
    result = run("log", "newz", cwd=root)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.strip() == (
        "Error: There is no source called 'newz'. The sources are: 'news', 'opinion'. "
        "Did you mean 'news'?"
    )
    assert "Traceback" not in result.stderr


def test_the_command_line_works_from_another_folder(root):
    result = run("log", "opinion", "--csv", cwd=root / "notebooks")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("step,line,before,after,why\n")


@pytest.mark.parametrize("args", [[], ["lesons"], ["log"], ["sentences", "--json"]])
def test_a_malformed_command_shows_usage(args, capsys):
    with pytest.raises(SystemExit) as caught:
        main(args)
    assert caught.value.code == 2
    assert "usage: python -m course" in capsys.readouterr().err


def test_main_returns_the_exit_code(capsys):
    assert main(["log", "opinon"]) == 2
    assert "Did you mean 'opinion'?" in capsys.readouterr().err
    assert main(["log", "opinion", "--csv"]) == 0
    assert capsys.readouterr().out.count("non-breaking space") >= 12


def test_checks_csv_has_one_row_per_statistic(root):
    result = run("checks", "--csv", cwd=root)
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0])[:5] == ["statistic_id", "source", "quote", "status", "explanation"]
    with (root / "data" / "statistics.csv").open(encoding="utf-8") as handle:
        assert [row["statistic_id"] for row in rows] == [
            row["statistic_id"] for row in csv.DictReader(handle)
        ]
    assert all(row["status"] and row["explanation"] for row in rows)


def test_checks_prints_readably_with_the_rules(root):
    result = run("checks", "--source", "opinion", "--status", "close", cwd=root)
    assert result.returncode == 0, result.stderr
    assert "opinion-p05-s01-n1  [close]  “triple”" in result.stdout
    assert "How the statuses are given:" in result.stdout and "news-" not in result.stdout
    assert max(len(line) for line in result.stdout.splitlines() if line.startswith("    ")) <= 100


def test_checks_with_a_bad_status_gives_advice_not_a_traceback(root):
    result = run("checks", "--status", "match", cwd=root)
    assert result.returncode == 2
    assert "Did you mean 'matches'" in result.stderr and "Traceback" not in result.stderr


def test_statistics_csv_matches_the_data_file(root):
    result = run("statistics", "--csv", cwd=root)
    assert result.returncode == 0, result.stderr
    with (root / "data" / "statistics.csv").open(encoding="utf-8") as handle:
        assert list(csv.DictReader(io.StringIO(result.stdout))) == list(csv.DictReader(handle))


def test_binder_link_prints_the_link_and_a_badge_and_explains_a_bad_name(root):
    result = run("binder-link", "https://github.com/t/student-version", cwd=root)
    link = "https://mybinder.org/v2/gh/t/student-version/main?urlpath=lab/tree/notebooks/00_start_here.ipynb"
    assert result.returncode == 0 and result.stdout.splitlines()[0] == link
    assert f"(https://mybinder.org/badge_logo.svg)]({link})" in result.stdout
    bad = run("binder-link", "https://gitlab.com/t/s", cwd=root)
    assert bad.returncode == 2 and "owner/name" in bad.stderr and "Traceback" not in bad.stderr


def test_hub_link_prints_an_nbgitpuller_link_and_explains_a_bad_address(root):
    result = run(
        "hub-link", "https://hub.example.edu", "https://github.com/t/student-version", cwd=root
    )
    assert result.returncode == 0
    assert result.stdout.startswith(
        "https://hub.example.edu/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com"
    )
    assert (
        "targetpath=student-version&urlpath=lab%2Ftree%2Fstudent-version%2Fnotebooks%2F00_start_here.ipynb"
        in result.stdout
    )
    bad = run("hub-link", "hub", "https://github.com/t/s", cwd=root)
    assert (
        bad.returncode == 2
        and "must start with https://" in bad.stderr
        and "Traceback" not in bad.stderr
    )


def test_an_update_that_drops_an_option_says_what_changed(root, tmp_path):
    folder = str(tmp_path / "student-version")
    first = run("release", folder, "--self-study", "--binder", "t/student-version", cwd=root)
    assert first.returncode == 0 and "Note:" not in first.stdout
    same = run(
        "release", folder, "--self-study", "--binder", "t/student-version", "--force", cwd=root
    )
    assert same.returncode == 0 and "Note:" not in same.stdout
    dropped = run("release", folder, "--force", cwd=root)
    assert dropped.returncode == 0
    assert "the version changed from 'self-study' to 'student'" in dropped.stdout
    assert "the Binder link changed from 't/student-version (main)' to 'none'" in dropped.stdout


@pytest.mark.parametrize(
    "arguments, advice",
    [
        (
            ["hub-link", "https://hub.example.edu", "https://github.com/"],
            "must name the repository",
        ),
        (
            ["hub-link", "https://hub.example.edu", "https://github.com/t/s", "--branch", ""],
            "branch",
        ),
        (["binder-link", "t/s", "--branch", " "], "branch"),
        (["hub-link", "hub.example.edu", "https://github.com/t/s"], "https://"),
        (["log", "newz"], "Did you mean 'news'"),
        (["checks", "--status", "match"], "Did you mean 'matches'"),
    ],
)
def test_bad_command_input_gets_a_short_message_and_status_2(arguments, advice, capsys):
    from course.__main__ import main

    assert main(arguments) == 2
    error = capsys.readouterr().err
    assert advice in error and "Traceback" not in error and error.startswith("Error: ")


def test_output_cut_short_by_a_pipe_is_not_an_error(monkeypatch):
    """`python -m course guide | head -1`: the reader stops early; no error message, exit code 0."""
    import io

    class ClosedPipe(io.StringIO):
        def write(self, text):
            raise BrokenPipeError(32, "Broken pipe")

    class Stderr(io.StringIO):
        def close(self):  # the command closes stderr, as the pipe's end is gone; keep the words
            pass

    errors = Stderr()
    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    monkeypatch.setattr(sys, "stderr", errors)
    assert main(["lessons"]) == 0
    assert "Error" not in errors.getvalue()


def test_an_update_keeps_the_texts_out_of_a_release_that_left_them_out(root, tmp_path):
    """A teacher who forgets --without-texts on an update does not publish the texts."""
    destination = tmp_path / "student-version"
    assert run("release", str(destination), "--without-texts", cwd=root).returncode == 0
    update = run("release", str(destination), "--force", cwd=root)
    assert update.returncode == 0, update.stderr
    assert "stay left out" in update.stdout
    assert not list((destination / "seeds").glob("*.txt"))
    back = run("release", str(destination), "--force", "--with-texts", cwd=root)
    assert back.returncode == 0, back.stderr
    assert len(list((destination / "seeds").glob("*.txt"))) == 2
