"""course.classroom.journal and course.classroom.widgets: written work is saved as it goes, survives
restarts and crashes, and is never written over.
"""

import json
import os
import subprocess
import sys

import pytest

from course.classroom import journal
from course.classroom.journal import (
    answer_of,
    export_journal,
    my_answers,
    where_is_my_work,
    write_answer,
)
from course.classroom.widgets import answer_box, quiz
from course.errors import CourseError


@pytest.fixture(autouse=True)
def work(tmp_path, monkeypatch):
    monkeypatch.setenv("COURSE_WORK", str(tmp_path / "my-work"))
    for name in [n for n in os.environ if n.startswith("BINDER_")]:
        monkeypatch.delenv(name)
    return tmp_path / "my-work"


def test_an_answer_is_saved_and_found_again_after_a_restart(work):
    write_answer("01 think", "The column does not mention sanctions.")
    code = "from course.classroom.journal import answer_of; print(answer_of('01 think'))"
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "COURSE_WORK": str(work)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip() == "The column does not mention sanctions."


def test_a_changed_answer_keeps_its_earlier_versions(work):
    write_answer("q", "first")
    write_answer("q", "first")
    message = str(write_answer("q", "second"))
    assert "earlier version is kept" in message
    entry = json.loads((work / "journal.json").read_text(encoding="utf-8"))["answers"]["q"]
    assert entry["text"] == "second" and [h["text"] for h in entry["history"]] == ["first"]
    assert my_answers().frame.iloc[0]["earlier versions"] == 1


@pytest.mark.parametrize(
    "question, text, message",
    [
        ("q", "   ", "empty"),
        ("q", ..., "as text"),
        ("", "x", "the question your answer belongs to"),
        (3, "x", "the question your answer belongs to"),
    ],
)
def test_bad_input_is_explained_and_saves_nothing(work, question, text, message):
    write_answer("q", "kept")
    with pytest.raises(CourseError, match=message):
        write_answer(question, text)
    assert answer_of("q") == "kept"


def test_a_crash_mid_write_leaves_the_last_good_journal(work, monkeypatch):
    write_answer("q", "safe")
    before = (work / "journal.json").read_bytes()

    def crash(*args):
        raise OSError("disk failed")

    monkeypatch.setattr(journal.os, "replace", crash)
    with pytest.raises(
        CourseError, match="Could not save .disk failed.; your journal is as it was"
    ):
        write_answer("q", "lost in the crash")
    assert (work / "journal.json").read_bytes() == before
    assert [p.name for p in work.iterdir() if p.name != ".journal.lock"] == [
        "journal.json"
    ]  # no half-written file


def test_an_unreadable_journal_is_set_aside_not_written_over(work):
    work.mkdir(parents=True)
    (work / "journal.json").write_text("{ this is not json", encoding="utf-8")
    message = str(write_answer("q", "new"))
    assert "could not be read" in message
    kept = [p for p in work.iterdir() if p.name.startswith("journal-unreadable-")]
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == "{ this is not json"
    assert answer_of("q") == "new"


def test_export_to_markdown_and_html_without_writing_over_a_hand_made_file(work):
    write_answer("02 think", "Figures for <different> periods & years")
    export_journal("Ada", "markdown")
    text = (work / "journal-ada.md").read_text(encoding="utf-8")
    assert "# Journal of Ada" in text and "## 02 think" in text
    export_journal("Ada", "markdown")  # rewriting its own export is fine
    (work / "journal-ada.md").write_text("my own notes", encoding="utf-8")
    message = str(export_journal("Ada", "markdown"))
    assert (work / "journal-ada.md").read_text(encoding="utf-8") == "my own notes"
    assert "journal-ada-2.md" in message
    assert "Put your own name" in str(export_journal("Your Name"))
    export_journal("Ada", "html")
    page = (work / "journal-ada.html").read_text(encoding="utf-8")
    assert "&lt;different&gt; periods &amp; years" in page and page.startswith("<!DOCTYPE html>")
    with pytest.raises(CourseError, match="Did you mean 'html'"):
        export_journal("Ada", "htm")


def test_binder_sessions_get_a_warning_and_download_advice(monkeypatch):
    assert "Binder" not in str(where_is_my_work())
    monkeypatch.setenv("BINDER_LAUNCH_HOST", "https://mybinder.org/")
    assert "nothing is kept" in str(where_is_my_work())
    write_answer("q", "x")
    assert "download the file now" in str(export_journal())


def test_the_answer_box_saves_and_comes_back_filled(work):
    box = answer_box("03 think", "Rewrite a sentence.")
    area, button, status = box.children[1], box.children[2], box.children[3]
    area.value = "My rewrite."
    button.click()
    assert "Saved your answer" in status.value
    assert answer_box("03 think").children[1].value == "My rewrite."
    area.value = ""
    button.click()
    assert "empty" in status.value and answer_of("03 think") == "My rewrite."


def test_the_answer_box_says_so_when_the_folder_cannot_be_written(work, monkeypatch):
    box = answer_box("q")
    box.children[1].value = "text"

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(journal, "_atomic_write", refuse)
    box.children[2].click()
    assert "Could not save" in box.children[3].value and box.children[1].value == "text"


def test_the_quiz_gives_feedback_in_words_and_reads_as_text():
    box = quiz("02.3")
    question, buttons, feedback = box.children
    assert [b.description for b in buttons.children] == ["Answer a", "Answer b", "Answer c"]
    assert "the first covers the first nine months" in question.value
    buttons.children[0].click()
    assert "Not yet" in feedback.value
    buttons.children[2].click()  # c) is right
    assert "Right" in feedback.value
    text = box._repr_mimebundle_()["text/plain"]
    assert "c) the first covers" in text and "check('02.3', \"a\")" in text
    with pytest.raises(CourseError, match="not a choice"):
        quiz("02.1")
    with pytest.raises(CourseError, match="Did you mean '02.3'"):
        quiz("2.3")


def test_the_test_run_keeps_its_journal_out_of_the_course_folder():
    from pathlib import Path

    from course.paths import project_folder

    configured = Path(os.environ["COURSE_WORK"]).resolve()
    assert project_folder() not in configured.parents


def test_answers_go_to_the_copy_of_the_course_the_student_works_in(tmp_path, monkeypatch):
    from course.authoring.release import release

    copy = tmp_path / "student-copy"
    release(copy)
    monkeypatch.delenv("COURSE_WORK")
    monkeypatch.chdir(copy / "notebooks")
    assert journal.work_folder() == (copy / "my-work").resolve()


def test_exports_keep_dollar_amounts_as_written(work):
    """A Markdown viewer or MathJax would read "$245 billion ... $190 billion" as maths."""
    write_answer("02 think", "Trade was $245 billion in 2024, up from $190 billion.")
    export_journal("Ada")
    markdown = (work / "journal-ada.md").read_text(encoding="utf-8")
    assert "\\$245 billion in 2024, up from \\$190 billion" in markdown
    export_journal("Ada", form="html")
    page = (work / "journal-ada.html").read_text(encoding="utf-8")
    assert "class='mathjax_ignore tex2jax_ignore'" in page and "$245 billion" in page


def test_a_name_that_cannot_be_saved_is_refused_in_words():
    """A lone surrogate (from a bad copy and paste) in the student's name: advice, no traceback."""
    with pytest.raises(CourseError, match="cannot be saved"):
        export_journal("Ada \ud800")
