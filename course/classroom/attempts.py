"""Self-check attempts, recorded so that an instructor can see which exercises a class found hard.

Every answer given to ``check`` (or a quiz button) adds one line to ``my-work/attempts.jsonl``
beside the journal: the exercise, the answer as given, whether it was right, and when. The file is
only ever appended to, one short line at a time (an append of a few hundred bytes lands whole, so
two kernels checking at once cannot mix their lines), and it is kept apart from the journal, so a
self-check can never put a written answer at risk. Recording is best effort: a self-check works
the same on a full disk or a read-only folder, it just is not recorded.
"""

from __future__ import annotations

import datetime
import json
import os
from pathlib import Path

__all__ = ["ATTEMPTS_FILE", "record_attempt", "read_attempts", "add_attempts", "attempt_summary"]

ATTEMPTS_FILE = "attempts.jsonl"
_LONGEST_ANSWER = 200  # characters of an answer kept: enough to see a common wrong answer


def _as_text(answer: object) -> str:
    if isinstance(answer, float) and answer.is_integer():
        answer = int(answer)
    try:
        text = answer.strip() if isinstance(answer, str) else repr(answer)
    except Exception:  # a value whose repr fails (an int of 5,000 digits): keep its type only
        text = f"<{type(answer).__name__}>"
    return text[:_LONGEST_ANSWER]


def record_attempt(exercise: str, answer: object, correct: bool) -> bool:
    """Add one attempt to the student's attempts file; True if it was recorded.

    >>> import os, tempfile
    >>> before = os.environ.get("COURSE_WORK")
    >>> os.environ["COURSE_WORK"] = tempfile.mkdtemp()  # scratch: the example keeps no file
    >>> from course.classroom.journal import work_folder
    >>> record_attempt("01.1", 2, False), record_attempt("01.1", 3, True)
    (True, True)
    >>> [(a["answer"], a["correct"]) for a in read_attempts(work_folder())]
    [('2', False), ('3', True)]
    >>> _ = os.environ.update(COURSE_WORK=before) if before else os.environ.pop("COURSE_WORK")
    """
    from course.classroom.journal import work_folder

    now = datetime.datetime.now().astimezone().isoformat(timespec="seconds")
    item = {"exercise": exercise, "answer": _as_text(answer), "correct": bool(correct), "at": now}
    try:
        _append(work_folder(), [item])
    except OSError:
        return False
    return True


def _append(folder: Path, items: list[dict]) -> None:
    """Append attempts to a work folder's file, one JSON line each, in one write."""
    if not items:
        return
    # ASCII with escapes: also a lone surrogate from a bad paste, which UTF-8 cannot hold.
    lines = "".join(json.dumps(item, ensure_ascii=True) + "\n" for item in items)
    folder.mkdir(parents=True, exist_ok=True)
    # O_APPEND: the system places each write at the current end, so lines from two kernels never
    # overwrite each other; one write call keeps the lines whole.
    handle = os.open(folder / ATTEMPTS_FILE, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(handle, lines.encode("utf-8"))
    finally:
        os.close(handle)


def add_attempts(folder: Path, attempts: list[dict]) -> int:
    """Append the attempts a work folder does not hold yet (a restored hand-in's); how many.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> one = {"exercise": "01.1", "answer": "3", "correct": True, "at": ""}
    >>> add_attempts(folder, [one, one]), add_attempts(folder, [one])
    (1, 0)
    """
    have = {json.dumps(a, sort_keys=True) for a in read_attempts(folder)}
    new = []
    for item in _readable(attempts):
        key = json.dumps(item, sort_keys=True)
        if key not in have:
            have.add(key)
            new.append(item)
    _append(folder, new)
    return len(new)


def _readable(items: list) -> list[dict]:
    """The attempts that have the fields an attempt needs, in their standard form."""
    return [
        {
            "exercise": item["exercise"],
            "answer": item["answer"],
            "correct": item["correct"],
            "at": str(item.get("at", "")),
        }
        for item in items
        if isinstance(item, dict)
        and isinstance(item.get("exercise"), str)
        and isinstance(item.get("answer"), str)
        and isinstance(item.get("correct"), bool)
    ]


def read_attempts(folder: Path) -> list[dict]:
    """Every readable attempt in a work folder, oldest first (a damaged line is skipped).

    >>> read_attempts(Path("/nonexistent"))
    []
    """
    path = Path(folder) / ATTEMPTS_FILE
    try:
        raw = path.read_bytes()
    except OSError:
        return []
    items = []
    for line in raw.decode("utf-8", errors="replace").splitlines():
        try:
            items.append(json.loads(line))
        except ValueError:
            continue
    return _readable(items)


def attempt_summary(attempts: list[dict]) -> list[dict]:
    """One row per self-check exercise tried, in exercise order: how many tries, whether the first
    was right, whether one was right in the end (for a hand-in and its reader).

    >>> attempt_summary([{"exercise": "01.1", "answer": "2", "correct": False, "at": ""},
    ...                  {"exercise": "01.1", "answer": "3", "correct": True, "at": ""}])
    [{'exercise': '01.1', 'tries': 2, 'right first time': 'no', 'right in the end': 'yes'}]
    """
    by_exercise: dict[str, list[bool]] = {}
    for item in attempts:
        by_exercise.setdefault(item["exercise"], []).append(bool(item["correct"]))
    return [
        {
            "exercise": exercise,
            "tries": len(results),
            "right first time": "yes" if results[0] else "no",
            "right in the end": "yes" if any(results) else "no",
        }
        for exercise, results in sorted(by_exercise.items())
    ]
