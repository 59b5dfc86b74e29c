"""A student's work is never lost: saves under concurrency and crashes, and a damaged journal
recovered in the open.

Each test uses its own scratch journal (COURSE_WORK), so nothing reaches the course's my-work/.
"""

import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from course.classroom.journal import (
    answer_of,
    export_journal,
    my_answers,
    where_is_my_work,
    write_answer,
)
from course.classroom.widgets import answer_box


@pytest.fixture(autouse=True)
def work(tmp_path, monkeypatch):
    monkeypatch.setenv("COURSE_WORK", str(tmp_path / "my-work"))
    return tmp_path / "my-work"


SAVER = textwrap.dedent("""
    import sys
    from course.classroom.journal import write_answer
    name, first, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    for number in range(first, first + count):
        write_answer(f"{name} {number}", f"answer {number} of {name}")
        print(number, flush=True)  # acknowledged: the save returned
""")


def _savers(work, names, count):
    env = {**os.environ, "COURSE_WORK": str(work)}
    return [
        subprocess.Popen(
            [sys.executable, "-c", SAVER, name, "0", str(count)],
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        for name in names
    ]


@pytest.mark.slow
def test_four_processes_saving_at_once_lose_nothing(work):
    """Two lessons open at once, or two kernels: every save lands, whatever the interleaving."""
    processes = _savers(work, ["a", "b", "c", "d"], 150)
    for process in processes:
        assert process.wait(timeout=300) == 0
    answers = json.loads((work / "journal.json").read_text(encoding="utf-8"))["answers"]
    assert len(answers) == 600
    assert all(
        answers[f"{name} {n}"]["text"] == f"answer {n} of {name}"
        for name in "abcd"
        for n in range(150)
    )
    assert not list(work.glob("*.tmp"))


@pytest.mark.slow
def test_two_processes_saving_the_same_question_leave_a_readable_journal(work):
    code = (
        "import sys\nfrom course.classroom.journal import write_answer\n"
        "for n in range(60): write_answer('same', f'{sys.argv[1]} {n}')"
    )
    env = {**os.environ, "COURSE_WORK": str(work)}
    processes = [
        subprocess.Popen([sys.executable, "-c", code, who], env=env) for who in ("left", "right")
    ]
    assert all(process.wait(timeout=300) == 0 for process in processes)
    entry = json.loads((work / "journal.json").read_text(encoding="utf-8"))["answers"]["same"]
    assert entry["text"] in ("left 59", "right 59")
    assert len(entry["history"]) == 119  # every other version kept, in the order they were saved


@pytest.mark.slow
def test_a_save_killed_at_any_moment_loses_no_acknowledged_answer(work):
    """kill -9 at random moments, 12 times: every save that returned is in the journal, which stays
    readable, and the
    next save clears any temporary file a killed one left."""
    rng = random.Random(20261202)
    acknowledged = []
    for round_number in range(12):
        [process] = _savers(work, [f"r{round_number}"], 400)
        time.sleep(rng.uniform(0.3, 1.2))
        process.send_signal(signal.SIGKILL)
        output, _ = process.communicate(timeout=60)
        acknowledged += [(f"r{round_number}", int(n)) for n in output.split()]
        answers = json.loads((work / "journal.json").read_text(encoding="utf-8"))["answers"]
        for name, number in acknowledged:
            assert answers[f"{name} {number}"]["text"] == f"answer {number} of {name}"
    assert len(acknowledged) > 12
    write_answer("after", "the crashes")
    assert not list(work.glob("*.tmp")), "a temporary file was left behind"


def _damage(work, raw: bytes) -> None:
    work.mkdir(parents=True, exist_ok=True)
    (work / "journal.json").write_bytes(raw)


def _kept(work) -> list:
    return sorted(p.name for p in work.iterdir() if p.name.startswith("journal-unreadable-"))


def test_a_byte_order_mark_is_not_damage(work):
    _damage(
        work,
        b"\xef\xbb\xbf" + json.dumps({"answers": {"q": {"text": "mine", "saved": "x"}}}).encode(),
    )
    assert answer_of("q") == "mine" and _kept(work) == []
    write_answer("r", "more")
    assert answer_of("q") == "mine" and _kept(work) == []


def test_a_journal_cut_short_is_set_aside_and_its_readable_answers_recovered(work, capsys):
    whole = json.dumps(
        {
            "answers": {
                "a": {"text": "first answer", "saved": "t1"},
                "b": {"text": "second answer", "saved": "t2"},
                "c": {"text": "third answer", "saved": "t3"},
            }
        },
        indent=1,
    ).encode()
    _damage(work, whole[: whole.index(b"third")])  # as if the disk filled up mid-write, long ago
    assert (
        answer_of("a") == "first answer"
        and answer_of("b") == "second answer"
        and answer_of("c") == ""
    )
    told = capsys.readouterr().out
    assert (
        "could not be read" in told
        and "2 answers were recovered" in told
        and _kept(work)[0] in told
    )
    assert (work / _kept(work)[0]).read_bytes() == whole[
        : whole.index(b"third")
    ]  # the old file, untouched
    # Told again wherever the student looks, until they have seen it.
    assert "2 answers were recovered" in str(my_answers()) and "2 answers were recovered" in str(
        where_is_my_work()
    )


@pytest.mark.parametrize("helper", ["my_answers", "answer_box", "export_journal", "write_answer"])
def test_every_way_in_tells_the_student_about_a_damaged_journal(work, helper):
    _damage(
        work,
        b'{"answers": {"kept": {"text": "still here", "saved": "t"}, "bad": "a string", "worse": '
        b"{}}}",
    )
    if helper == "my_answers":
        told = str(my_answers())
    elif helper == "answer_box":
        told = answer_box("kept").children[3].value
    elif helper == "export_journal":
        told = str(export_journal("Ada"))
    else:
        told = str(write_answer("new", "text"))
    assert (
        "could not be read" in told
        and "1 answer was recovered" in told
        and "2 damaged entries" in told
    )
    assert answer_of("kept") == "still here" and len(_kept(work)) == 1


def test_a_journal_that_is_not_a_journal_is_kept_and_a_new_one_started(work):
    _damage(work, b"\x00\xff not even text")
    message = str(write_answer("q", "new"))
    assert "no answer could be read" in message and answer_of("q") == "new"
    assert (work / _kept(work)[0]).read_bytes() == b"\x00\xff not even text"


def test_an_answer_that_cannot_be_stored_is_refused_in_words_and_nothing_is_lost(work):
    write_answer("q", "kept")
    with pytest.raises(Exception, match="cannot be saved"):
        write_answer("q", "bad \ud800 character")
    box = answer_box("q")
    box.children[1].value = "bad \ud800 character"
    box.children[2].click()
    assert (
        "cannot be saved" in box.children[3].value
        and box.children[1].value == "bad \ud800 character"
    )
    assert answer_of("q") == "kept"


def test_an_export_someone_edited_is_never_replaced(work):
    write_answer("q", "my answer")
    export_journal("Ada")
    exported = work / "journal-ada.md"
    edited = (
        exported.read_text(encoding="utf-8") + "\nMy teacher's comment.\n"
    )  # the marker line is still there
    exported.write_text(edited, encoding="utf-8")
    message = str(export_journal("Ada"))
    assert exported.read_text(encoding="utf-8") == edited and "journal-ada-2.md" in message
    export_journal("Ada")  # its own, unedited export is rewritten in place
    assert sorted(p.name for p in work.glob("journal-ada*")) == [
        "journal-ada-2.md",
        "journal-ada.md",
    ]


def test_a_very_long_name_still_exports(work):
    write_answer("q", "x")
    message = str(export_journal("A" * 400))
    assert "Wrote 1 answer" in message and max(len(p.name) for p in work.iterdir()) < 80
