"""course.classroom.restore and the hand-in's contents: a student carries their work from one
session to the next by uploading the file they exported, and nothing in either is lost."""

import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from course.classroom import journal
from course.classroom.attempts import ATTEMPTS_FILE, read_attempts, record_attempt
from course.classroom.journal import answer_of, export_journal, my_answers, write_answer
from course.classroom.restore import restore_journal
from course.errors import CourseError


@pytest.fixture(autouse=True)
def work(tmp_path, monkeypatch):
    monkeypatch.setenv("COURSE_WORK", str(tmp_path / "my-work"))
    monkeypatch.chdir(tmp_path)
    return tmp_path / "my-work"


def _new_session(work):
    """What a new Binder session has: the exported file (uploaded), no journal, no attempts."""
    for name in (journal._FILE, ATTEMPTS_FILE):
        (work / name).unlink(missing_ok=True)


@pytest.mark.parametrize("form, suffix", [("markdown", ".md"), ("html", ".html")])
def test_a_new_session_gets_back_every_answer_and_self_check(work, form, suffix):
    write_answer("01 think", "The column names no sanctions.")
    write_answer("02 think", "Costs $245 billion, per the report.")
    record_attempt("01.1", 2, False)
    record_attempt("01.1", 3, True)
    export_journal("Ada Lovelace", form)
    _new_session(work)
    message = str(restore_journal(f"journal-ada-lovelace{suffix}"))
    assert "2 answers added" in message and "2 self-check attempts added" in message
    assert answer_of("02 think") == "Costs $245 billion, per the report."
    assert [(a["exercise"], a["answer"], a["correct"]) for a in read_attempts(work)] == [
        ("01.1", "2", False),
        ("01.1", "3", True),
    ]
    # Twice is the same as once: nothing is added a second time.
    assert "nothing changed" in str(restore_journal(f"journal-ada-lovelace{suffix}"))
    assert len(read_attempts(work)) == 2


def test_the_later_answer_stays_and_the_other_is_kept_as_an_earlier_version(work):
    write_answer("01 think", "At school.")
    export_journal("Ada")
    data = json.loads((work / journal._FILE).read_text())
    data["answers"]["01 think"]["saved"] = "2000-01-01T00:00:00+00:00"  # ours: older than the file
    data["answers"]["01 think"]["text"] = "At home, earlier."
    (work / journal._FILE).write_text(json.dumps(data))
    assert "1 replaced by the file's later version" in str(restore_journal("journal-ada.md"))
    assert answer_of("01 think") == "At school."
    assert list(my_answers()["earlier versions"]) == [1]

    write_answer("01 think", "At home, later.")  # now ours is later than the file's
    assert "nothing changed" in str(restore_journal("journal-ada.md"))  # the file's is in history
    assert answer_of("01 think") == "At home, later."


answers = st.dictionaries(
    st.sampled_from(["01 think", "02 think", "03 think", "my note"]),
    st.text(st.characters(codec="utf-8"), min_size=1, max_size=40).filter(str.strip),
    max_size=4,
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(before=answers, after=answers)
def test_no_text_from_either_side_is_ever_lost(work, before, after):
    """Property: whatever the journal and the file hold, every text of both is still there, as an
    answer or an earlier version."""
    for name in os.listdir(work) if work.exists() else []:
        os.remove(work / name)
    for question, text in before.items():
        write_answer(question, text)
    export_journal("Prop")
    (work / journal._FILE).unlink(missing_ok=True)
    for question, text in after.items():
        write_answer(question, text)
    restore_journal("journal-prop.md")
    path = work / journal._FILE
    saved = json.loads(path.read_text())["answers"] if path.exists() else {}
    for question, text in [*before.items(), *after.items()]:
        entry = saved[question]
        assert text in [entry["text"]] + [h["text"] for h in entry["history"]]


def test_a_wrong_name_suggests_the_closest_hand_in(work):
    write_answer("01 think", "x")
    export_journal("Ada")
    with pytest.raises(CourseError, match=r"Did you mean 'journal-ada.md'\?"):
        restore_journal("jurnal-ada.md")


@pytest.mark.parametrize("bad", [None, 3, "", ["journal.md"]])
def test_a_name_that_is_not_text_gets_advice(bad):
    with pytest.raises(CourseError, match="name of your exported journal|in quotes"):
        restore_journal(bad)


def test_a_file_that_is_not_a_hand_in_is_refused_and_nothing_changes(work, tmp_path):
    write_answer("01 think", "Mine.")
    before = (work / journal._FILE).read_bytes()
    (tmp_path / "notes.md").write_text("# My notes\n\nNot a journal.\n")
    with pytest.raises(CourseError, match="not a journal exported by this course"):
        restore_journal("notes.md")
    assert (work / journal._FILE).read_bytes() == before


def test_a_hand_in_shows_each_question_and_the_self_checks(work):
    from course.classroom.prompts import prompts

    write_answer("02 think", "The 2021 trade total.")
    record_attempt("01.1", 2, False)
    record_attempt("01.1", 3, True)
    export_journal("Ada")
    text = (work / "journal-ada.md").read_text()
    assert prompts()["02 think"].prompt in text
    assert "| 01.1 | 2 | no | yes |" in text
    export_journal("Ada", "html")
    page = (work / "journal-ada.html").read_text()
    assert "<th scope='col'>right first time</th>" in page and "<td>01.1</td><td>2</td>" in page
