"""Carry a journal from one session to the next: read back a hand-in that ``export_journal`` wrote.

A Binder session keeps nothing when it ends, and a student who works at home and at school has two
journals. The exported file carries every answer and self-check attempt (as data at its end), so
uploading it to a new session and running ``restore_journal("its name")`` brings the work back.

Nothing is ever lost in the merge: an answer the journal lacks is added; where the journal and the
file hold different answers to one question, the one saved later stays the answer and the other
is kept among its earlier versions (``my_answers()`` counts them). Self-check attempts are added
once each.
"""

from __future__ import annotations

import datetime
import html
from pathlib import Path

from course.classroom import journal
from course.classroom.attempts import add_attempts
from course.errors import CourseError, closest, need_text, shown
from course.results import Shown

__all__ = ["restore_journal"]

_HAND_IN_SUFFIXES = (".md", ".html")


def _when(stamp: str) -> datetime.datetime | None:
    try:
        moment = datetime.datetime.fromisoformat(stamp)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.astimezone()


def _find(name: str) -> Path:
    """The hand-in called ``name``: as given, or in the work folder, or in the course folder."""
    from course.paths import course_folder_around, project_folder

    given = Path(name).expanduser()
    course = course_folder_around(Path.cwd()) or project_folder()
    places = [Path.cwd(), journal.work_folder(), course, course / "notebooks"]
    for place in [Path()] if given.is_absolute() else places:
        try:
            if (place / given).is_file():
                return place / given
        except (OSError, ValueError):  # a name too long, or one the file system cannot hold
            break
    nearby = sorted(
        {
            path.name
            for place in places
            if place.is_dir()
            for path in place.iterdir()
            if path.suffix in _HAND_IN_SUFFIXES
            and path.name.startswith("journal")  # exports are named journal-....md or .html
            and path.is_file()
        }
    )
    suggestion = closest(given.name, nearby)
    hint = (
        f" Did you mean {suggestion!r}?"
        if suggestion
        else (f" Files that could be hand-ins: {', '.join(nearby[:5])}." if nearby else "")
    )
    raise CourseError(
        f"There is no file called {shown(name)} here or in your my-work folder. Upload your "
        "exported journal first (the Upload button above the file browser), then give its name "
        f"in quotes.{hint}"
    )


def _merge(answers: dict[str, dict], handed_in: dict[str, dict]) -> tuple[int, int, int]:
    """Merge the hand-in's answers into the journal's; (added, replaced, kept) counts."""
    added = replaced = kept = 0
    for question, entry in sorted(handed_in.items()):
        current = answers.get(question)
        if current is None:
            answers[question] = {"text": entry["text"], "saved": entry["saved"], "history": []}
            added += 1
            continue
        versions = [current["text"]] + [item["text"] for item in current.get("history", [])]
        if entry["text"] in versions:
            continue  # already here, as the answer or an earlier version
        ours, theirs = _when(current["saved"]), _when(entry["saved"])
        later = ours is not None and theirs is not None and theirs > ours
        older = {"text": entry["text"], "saved": entry["saved"]}
        if later:  # the file's answer is newer: it becomes the answer, ours an earlier version
            older = {"text": current["text"], "saved": current["saved"]}
            current["text"], current["saved"] = entry["text"], entry["saved"]
            replaced += 1
        else:
            kept += 1
        current["history"] = sorted(
            current.get("history", []) + [older], key=lambda item: item["saved"]
        )
    return added, replaced, kept


def restore_journal(file: str) -> Shown:
    """Bring back the answers and self-check attempts of a journal you exported earlier.

    Upload the file (the name ``export_journal`` gave it, like ``journal-ada-lovelace.md``) to the
    new session first. Nothing in your current journal is lost: where both hold an answer to the
    same question, the later one is kept as your answer and the other among its earlier versions.

    >>> import os, tempfile
    >>> before = os.environ.get("COURSE_WORK")
    >>> os.environ["COURSE_WORK"] = tempfile.mkdtemp()  # scratch: the example keeps no file
    >>> from course.classroom.journal import write_answer, export_journal, answer_of
    >>> _ = write_answer("01 think", "Sanctions.")
    >>> _ = export_journal("Ada")
    >>> os.remove(os.path.join(os.environ["COURSE_WORK"], "journal.json"))  # a new session
    >>> print(restore_journal("journal-ada.md"))  # doctest: +ELLIPSIS
    Restored from journal-ada.md: 1 answer added...
    >>> answer_of("01 think")
    'Sanctions.'
    >>> _ = os.environ.update(COURSE_WORK=before) if before else os.environ.pop("COURSE_WORK")
    """
    name = need_text(file, "the name of your exported journal", "'journal-ada-lovelace.md'")
    path = _find(name)
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as error:
        raise CourseError(f"Could not read {path.name} ({error.strerror or error}).") from None
    data = journal.hand_in_data(text)
    if data is None:
        raise CourseError(
            f"{path.name} is not a journal exported by this course (or its last lines, which "
            "hold the answers, were cut off), so nothing was restored. Export with "
            "export_journal('Your Name') and upload that file."
        )
    counts: list[int] = []

    def merge(answers: dict[str, dict]) -> bool:
        counts.extend(_merge(answers, data["answers"]))
        return any(counts)

    warning = journal.change_answers(merge)
    added, replaced, kept = counts
    checks = add_attempts(journal.work_folder(), data["attempts"])
    if not (added or replaced or kept or checks):
        message = f"Everything in {path.name} is already in your journal; nothing changed."
        return Shown(message, f"<p role='status'>✔ {html.escape(message)}</p>")
    parts = [f"{added} answer{'s' if added != 1 else ''} added"]
    if replaced:
        parts.append(
            f"{replaced} replaced by the file's later version (yours kept as an earlier version)"
        )
    if kept:
        parts.append(
            f"{kept} kept as they were, being later than the file's (the file's version kept as "
            "an earlier version)"
        )
    parts.append(f"{checks} self-check attempt{'s' if checks != 1 else ''} added")
    message = f"Restored from {path.name}: {', '.join(parts)}."
    if data["edited"]:
        message += (
            " The file was changed after it was exported; what was restored is what it held "
            "when exported."
        )
    if warning:
        message = warning + "\n" + message
    return Shown(message, f"<p role='status'>✔ {html.escape(message)}</p>")
