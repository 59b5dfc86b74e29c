"""The student journal: written answers saved as you go, never lost, exported to hand in.

Answers are kept in ``my-work/journal.json`` in the course folder (or the folder named by
``COURSE_WORK``). A save is safe whatever happens around it:

- two lessons or two kernels saving at once: a lock (the filelock library, which works on Linux,
  macOS and Windows) lets one save at a time read, change and write the journal, so no answer is
  lost;
- a crash or a power cut mid-save: the new journal is written beside the old one, flushed to disk
  and swapped in, and the folder is flushed too, so the journal is always the old one or the new
  one, never half of each; temporary files a crash leaves behind are removed by the next save;
- a journal that cannot be read (damaged, edited by hand): it is never written over. It is kept
  under a new name, every answer that can still be read is carried into a fresh journal, and the
  student is told, in plain words, what happened and where the old file is.

A changed answer keeps its earlier versions. ``export_journal`` writes the answers to hand in, and
never replaces a file a person made or edited.
"""

from __future__ import annotations

import datetime
import hashlib
import html
import json
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

from course.errors import CourseError, choose, need_text, shown
from course.results import Shown, Table

__all__ = [
    "work_folder",
    "write_answer",
    "my_answers",
    "answer_of",
    "answer_with_notice",
    "export_journal",
    "where_is_my_work",
    "on_binder",
    "LOCK_WAIT",
    "hand_in_data",
    "journal_file_answers",
    "change_answers",
]

_FILE = "journal.json"
_EXPORT_MARK = "<!-- written by the course's export_journal() sha256={} -->"
_DATA_MARK = "<!-- course-journal-data: "
"""An export ends with its answers and self-check attempts as JSON inside an HTML comment (hidden
in Markdown and HTML alike), so that ``python -m course collect`` reads exactly what was handed
in."""
_EXPORT_SIGNED = re.compile(re.escape(_EXPORT_MARK).replace(re.escape("{}"), "([0-9a-f]{64})"))
LOCK_WAIT = 30.0
"""Seconds a save waits for another save of the same journal to finish (saves take milliseconds)."""
_LONGEST_NAME = (
    40  # an export's name keeps this much of the student's name (file systems limit names)
)


def work_folder() -> Path:
    """The folder that holds the student's journal and exports (created when first needed).

    It is ``my-work`` in the copy of the course the student is working in (found from the current
    folder, where the notebook runs), so that on a shared JupyterHub each student's answers stay in
    their own copy even when the package was installed once from the instructor's.
    """
    configured = os.environ.get("COURSE_WORK")
    if configured:
        return Path(configured).expanduser()
    from course.paths import course_folder_around, project_folder

    return (course_folder_around(Path.cwd()) or project_folder()) / "my-work"


def on_binder() -> bool:
    """True when the course runs on mybinder.org, whose sessions are temporary."""
    return any(name.startswith("BINDER_") for name in os.environ)


def _now() -> str:
    return datetime.datetime.now().astimezone().isoformat(timespec="seconds")


# -- writing safely ------------------------------------------------------------------------------


def _lock(folder: Path):
    """The lock that lets one save at a time change the journal in ``folder``."""
    from filelock import FileLock

    folder.mkdir(parents=True, exist_ok=True)
    # A hidden name: the file stays after a save (removing it would race with the next save), out of
    # sight.
    return FileLock(folder / ".journal.lock", timeout=LOCK_WAIT)


def _sync_folder(folder: Path) -> None:
    """Flush the folder's entry for a swapped-in file to disk (POSIX); Windows has no such call and
    needs none.
    """
    if os.name != "posix":
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def _atomic_write(path: Path, text: str) -> None:
    # Write beside the target, flush to disk, then swap: readers see the old file or the new one,
    # never half.
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def _remove_leftovers(folder: Path) -> None:
    """Remove temporary files an interrupted save left behind. Called only while holding the lock,
    when no
    other save of ours can be writing one; only names this module makes are touched."""
    for leftover in folder.glob("journal*.tmp"):
        if re.fullmatch(r"journal[\w.-]*\.(json|md|html)\.[\w-]+\.tmp", leftover.name):
            leftover.unlink(missing_ok=True)


# -- reading, and recovering what can be read
# ----------------------------------------------------------


def _entry(value: object) -> dict | None:
    """A journal entry in its standard form, or None when it cannot be read as one."""
    if not isinstance(value, dict) or not isinstance(value.get("text"), str):
        return None
    history = (
        [
            item
            for item in value.get("history", [])
            if isinstance(item, dict) and isinstance(item.get("text"), str)
        ]
        if isinstance(value.get("history"), list)
        else []
    )
    return {
        "text": value["text"],
        "saved": str(value.get("saved", "")),
        "history": [
            {"text": item["text"], "saved": str(item.get("saved", ""))} for item in history
        ],
    }


def _salvage(text: str) -> dict[str, dict]:
    """Every answer that can still be read from a damaged journal's text (for example one cut
    short).
    """
    decoder = json.JSONDecoder()
    start = text.find('"answers"')
    at = text.find("{", start) + 1 if start != -1 else 0
    found: dict[str, dict] = {}
    while 0 < at < len(text):
        try:
            while text[at] in " \t\r\n,":
                at += 1
            key, at = decoder.raw_decode(text, at)
            while text[at] in " \t\r\n:":
                at += 1
            value, at = decoder.raw_decode(text, at)
        except (ValueError, IndexError):
            break
        entry = _entry(value)
        if isinstance(key, str) and entry is not None:
            found[key] = entry
    return found


def _parse(raw: bytes) -> tuple[dict | None, dict[str, dict], int]:
    """(the journal if it is sound, else None; the answers that can be read; how many entries could
    not be).
    """
    try:
        data = json.loads(
            raw.decode("utf-8-sig")
        )  # a byte-order mark, added by some editors, is harmless
    except (UnicodeDecodeError, ValueError):
        return None, _salvage(raw.decode("utf-8", errors="replace")), 0
    answers = data.get("answers") if isinstance(data, dict) else None
    if not isinstance(answers, dict):
        return None, {}, 0
    readable = {
        str(key): entry for key, value in answers.items() if (entry := _entry(value)) is not None
    }
    if len(readable) == len(answers):
        return data, readable, 0
    return None, readable, len(answers) - len(readable)


def _recover(path: Path, answers: dict[str, dict], unreadable: int) -> tuple[dict, str]:
    """Keep a damaged journal under a new name, start a fresh one with every readable answer, and
    say so.
    Called while holding the lock; returns the fresh journal and the message."""
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    kept = path.with_name(f"journal-unreadable-{stamp}.json")
    number = 1
    while kept.exists():
        number += 1
        kept = path.with_name(f"journal-unreadable-{stamp}-{number}.json")
    path.rename(kept)
    note = {
        "kept_as": kept.name,
        "when": _now(),
        "answers_recovered": sorted(answers),
        "entries_unreadable": unreadable,
    }
    data = {"answers": answers, "recovered": [note]}
    _atomic_write(path, json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True))
    return data, _recovery_words(note)


def _recovery_words(note: dict) -> str:
    recovered = len(note.get("answers_recovered", []))
    lost = note.get("entries_unreadable", 0)
    saved = (
        f"{recovered} answer{'s were' if recovered != 1 else ' was'} recovered from it into a "
        "new journal"
        if recovered
        else "no answer could be read from it, so a new journal was started"
    )
    unsure = f"; {lost} damaged entr{'ies' if lost != 1 else 'y'} could not be read" if lost else ""
    return (
        f"Your journal file could not be read as it was, so it was kept as {note.get('kept_as')} "
        "in your my-work "
        f"folder (nothing was deleted); {saved}{unsure}. Check your answers, and ask your "
        "instructor if "
        "something is missing."
    )


def _read(path: Path) -> tuple[dict, str]:
    """The journal at ``path``, recovering it first if it is damaged (called holding the lock)."""
    if not path.exists():
        return {"answers": {}}, ""
    data, answers, unreadable = _parse(path.read_bytes())
    if data is not None:
        return {**data, "answers": answers}, ""
    return _recover(path, answers, unreadable)


def _load() -> tuple[dict, str]:
    """The journal, and a message for the student ('' when all is well).

    Reading needs no lock (a save swaps the whole file in at once); only a damaged journal, which
    must be recovered, takes the lock, and then looks again in case another save has just done it.
    """
    path = work_folder() / _FILE
    if not path.exists():
        return {"answers": {}}, ""
    data, answers, _ = _parse(path.read_bytes())
    if data is not None:
        return {**data, "answers": answers}, ""
    with _locked():
        return _read(path)


def _locked():
    """The journal's lock, with a friendly error when another save holds it for too long."""
    import contextlib

    from filelock import Timeout

    @contextlib.contextmanager
    def held():
        lock = _lock(work_folder())
        try:
            lock.acquire()
        except Timeout:
            raise CourseError(
                "Another notebook is saving your journal right now. Wait a moment and save again "
                "(your text is still in the box)."
            ) from None
        try:
            yield
        finally:
            lock.release()

    return held()


def _saving():
    """Turn a failed write (a full disk, a folder one may not write to) into advice: nothing was
    half-saved.
    """
    import contextlib

    @contextlib.contextmanager
    def guarded():
        try:
            yield
        except OSError as error:
            raise CourseError(
                f"Could not save ({error.strerror or error}); your journal is as it was before. "
                "Copy your "
                "text somewhere safe and tell your instructor."
            ) from None

    return guarded()


def _recovery_notes(data: dict) -> list[str]:
    return [_recovery_words(note) for note in data.get("recovered", []) if isinstance(note, dict)]


# -- what students call
# ------------------------------------------------------------------------------


def _question(question: object) -> str:
    name = need_text(question, "the question your answer belongs to", "'01 think'")
    _storable(name, "The question's name")
    return name


def _storable(text: str, what: str) -> None:
    """Refuse, in words, text that cannot be written to a file (a lone surrogate, from a bad copy
    and paste).
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise CourseError(
            f"{what} has a character that cannot be saved, at position {error.start + 1} "
            f"({shown(text[max(0, error.start - 10) : error.start + 1])}). Delete it and save "
            "again; "
            "nothing was saved."
        ) from None


def write_answer(question: str, text: str) -> Shown:
    """Save a written answer in the journal. Saving again keeps the earlier version in the answer's
    history.

    >>> import os, tempfile
    >>> before = os.environ.get("COURSE_WORK")
    >>> os.environ["COURSE_WORK"] = tempfile.mkdtemp()  # scratch: the example keeps no file
    >>> print(write_answer("01 think", "No sanctions."))  # doctest: +ELLIPSIS
    Saved your answer to '01 think' in .../journal.json.
    >>> _ = os.environ.update(COURSE_WORK=before) if before else os.environ.pop("COURSE_WORK")
    """
    question = _question(question)
    if text is ... or not isinstance(text, str):
        raise CourseError(
            f"Write your answer as text in quotes, like write_answer('01 think', 'My answer ...'); "
            f"you gave {shown(text)}."
        )
    if not text.strip():
        raise CourseError(
            "Your answer is empty, so nothing was saved (your earlier answer, if any, is kept)."
        )
    _storable(text, "Your answer")
    path = work_folder() / _FILE
    said: list[str] = []

    def save(answers: dict[str, dict]) -> bool:
        entry = answers.get(question)
        if entry and entry["text"] == text:
            said.append(f"Your answer to {question!r} was already saved, unchanged.")
            return False
        history = (
            (entry.get("history", []) + [{"text": entry["text"], "saved": entry["saved"]}])
            if entry
            else []
        )
        answers[question] = {"text": text, "saved": _now(), "history": history}
        message = f"Saved your answer to {question!r} in {path}."
        if history:
            message += (
                f" Your earlier version{'s are' if len(history) > 1 else ' is'} kept "
                f"too ({len(history)})."
            )
        said.append(message)
        return True

    warning = change_answers(save)
    message = said[0]
    if warning:
        message = warning + "\n" + message
    return Shown(message, f"<p role='status'>✔ {html.escape(message)}</p>")


def change_answers(change: Callable[[dict[str, dict]], bool]) -> str:
    """Change the journal's answers safely: under the lock, on the journal as it is now (recovered
    first if damaged), saved only if ``change`` returns True. Returns the recovery message ('' when
    all is well). ``write_answer`` saves this way, and ``restore_journal`` merges a hand-in."""
    path = work_folder() / _FILE
    with _saving(), _locked():
        _remove_leftovers(path.parent)
        data, warning = _read(path)
        if change(data["answers"]):
            _atomic_write(path, json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True))
    return warning


def answer_with_notice(question: str) -> tuple[str, str]:
    """The latest saved answer to a question ('' when none), and a message if the journal had to be
    recovered
    just now ('' when all is well): for the answer box, which shows both."""
    question = _question(question)
    data, warning = _load()
    entry = data["answers"].get(question)
    return (entry["text"] if entry else ""), warning


def answer_of(question: str) -> str:
    """The latest saved answer to a question ('' when there is none yet).

    If the journal had to be recovered just now, the message saying so is printed first.

    >>> import os, tempfile
    >>> before = os.environ.get("COURSE_WORK")
    >>> os.environ["COURSE_WORK"] = tempfile.mkdtemp()  # scratch: the example keeps no file
    >>> answer_of("01 think")
    ''
    >>> _ = write_answer("01 think", "Sanctions.")
    >>> answer_of("01 think")
    'Sanctions.'
    >>> _ = os.environ.update(COURSE_WORK=before) if before else os.environ.pop("COURSE_WORK")
    """
    text, warning = answer_with_notice(question)
    if warning:
        print(warning)
    return text


def my_answers() -> Table:
    """Every saved answer, with when it was saved and how many earlier versions it has."""
    data, warning = _load()
    rows = [
        {
            "question": question,
            "answer": entry["text"],
            "saved": entry["saved"],
            "earlier versions": len(entry.get("history", [])),
        }
        for question, entry in sorted(data["answers"].items())
    ]
    rows = rows or [
        {"question": "(no answers saved yet)", "answer": "", "saved": "", "earlier versions": 0}
    ]
    notes = [warning] if warning else _recovery_notes(data)
    return Table(rows, preview=None, caption="Your saved answers", notes=notes)


def _slug(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:_LONGEST_NAME].strip("-")
    return slug if slug and slug != "your-name" else ""


def _signed(text: str) -> str:
    """An export's text with a line that says this module wrote it, and a checksum of all the other
    lines: if the
    file is later edited, the checksum no longer fits and the file is never replaced. The line goes
    first, or
    just after an HTML page's DOCTYPE (which must stay first)."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    mark = _EXPORT_MARK.format(digest) + "\n"
    if text.startswith("<!DOCTYPE"):
        first, _, rest = text.partition("\n")
        return f"{first}\n{mark}{rest}"
    return mark + text


def _ours_and_unedited(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    signed = _EXPORT_SIGNED.search(text)
    if not signed:
        return False
    rest = text[: signed.start()] + text[signed.end() + 1 :]
    return hashlib.sha256(rest.encode("utf-8")).hexdigest() == signed.group(1)


def _export_path(suffix: str, name: str = "") -> Path:
    """Exports carry the student's name; they are rewritten only if this module wrote them and
    nobody has edited
    them since; a file edited or made by hand gets a new name instead."""
    slug = _slug(name)
    base = f"journal-{slug}" if slug else "journal"
    folder = work_folder()
    candidate = folder / f"{base}{suffix}"
    number = 1
    while candidate.exists() and not _ours_and_unedited(candidate):
        number += 1
        candidate = folder / f"{base}-{number}{suffix}"
    return candidate


def journal_file_answers(raw: bytes) -> tuple[dict[str, dict], str]:
    """The answers in a journal file's bytes, and what was wrong with it ('' if nothing): a
    damaged journal gives every answer that can still be read.

    >>> journal_file_answers(b'{"answers": {"01 think": {"text": "Yes."}}}')[0]["01 think"]["text"]
    'Yes.'
    >>> journal_file_answers(b'{"answers": {"01 think": {"text": "Ye')
    ({}, 'damaged: no answer could be read')
    """
    data, answers, unreadable = _parse(raw)
    if data is not None:
        return answers, ""
    if not answers and not unreadable:
        try:
            looks_like_ours = '"answers"' in raw.decode("utf-8", errors="replace")
        except Exception:
            looks_like_ours = False
        if not looks_like_ours:
            return {}, "not a journal of this course"
    problem = (
        f"damaged: {len(answers)} answer{'s' if len(answers) != 1 else ''} recovered"
        if answers
        else "damaged: no answer could be read"
    )
    if unreadable:
        problem += f", {unreadable} entr{'ies' if unreadable != 1 else 'y'} unreadable"
    return answers, problem


def _data_block(name: str, answers: dict[str, dict]) -> str:
    from course.classroom.attempts import read_attempts

    data = {
        "format": 1,
        "name": name.strip(),
        "exported": _now(),
        "answers": {q: {"text": e["text"], "saved": e["saved"]} for q, e in answers.items()},
        "attempts": read_attempts(work_folder()),
    }
    # ASCII with escapes (a lone surrogate in a name cannot be written as UTF-8); "--" may not
    # appear inside an HTML comment, and as a JSON escape it reads back the same.
    text = json.dumps(data, ensure_ascii=True, sort_keys=True).replace("--", "-\\u002d")
    return f"{_DATA_MARK}{text} -->"


def hand_in_data(text: str) -> dict | None:
    """The answers and self-check attempts an exported journal carries, or None if the text is not
    an export of this course (or its data were damaged).

    Also says whether the file was changed after it was written (``edited``): the data then show
    the answers as exported, not as edited.

    >>> hand_in_data("# My journal") is None
    True
    """
    at = text.rfind(_DATA_MARK)
    if at == -1:
        return None
    end = text.find(" -->", at)
    try:
        data = json.loads(text[at + len(_DATA_MARK) : end])
    except ValueError:
        return None
    answers = data.get("answers") if isinstance(data, dict) else None
    if not isinstance(answers, dict):
        return None
    readable = {str(q): e for q, v in answers.items() if (e := _entry(v)) is not None}
    signed = _EXPORT_SIGNED.search(text)
    edited = True
    if signed:
        rest = text[: signed.start()] + text[signed.end() + 1 :]
        edited = hashlib.sha256(rest.encode("utf-8")).hexdigest() != signed.group(1)
    attempts = [a for a in data.get("attempts", []) if isinstance(a, dict)]
    return {
        "name": str(data.get("name", "")),
        "exported": str(data.get("exported", "")),
        "answers": readable,
        "attempts": attempts,
        "edited": edited,
    }


def _questions_and_checks() -> tuple[dict[str, str], list[dict]]:
    """The lessons' written prompts by question ID, and a summary of the self-check attempts: a
    hand-in shows each question with its answer, and the self-checks, to whoever reads it."""
    from course.classroom.attempts import attempt_summary, read_attempts
    from course.classroom.prompts import prompts

    asked = {question: prompt.prompt for question, prompt in prompts().items()}
    return asked, attempt_summary(read_attempts(work_folder()))


def is_placeholder_name(name: str) -> bool:
    """Whether a name is the lessons' example, "Your Name", rather than a student's own: a class
    that runs lesson 00 as it stands must not hand in as one student called "Your Name".

    >>> is_placeholder_name(" your  name "), is_placeholder_name("Ada")
    (True, False)
    """
    return " ".join(str(name).split()).casefold() in {"your name", "name", "my name"}


def export_journal(name: str = "", form: str = "markdown") -> Shown:
    """Write the journal as Markdown or HTML to hand in, and say where it is (and how to download it
    on Binder).
    """
    if name is None or name is ...:
        name = ""
    if not isinstance(name, str):
        raise CourseError(
            "Give your name as text in quotes, like export_journal('Ada Lovelace'); you gave "
            f"{shown(name)}."
        )
    _storable(name, "Your name")
    if is_placeholder_name(name):
        name = ""  # the lessons' example, run as it stands: an unnamed export, with advice below
    form = choose(form, ["markdown", "html"], "form")
    data, warning = _load()
    title = f"Journal of {name.strip()}" if name.strip() else "My journal"
    entries = sorted(data["answers"].items())
    asked, checks = _questions_and_checks()
    if form == "markdown":
        body = [f"# {title}", ""]
        for question, entry in entries:
            # Escaped, so that "$245 billion ... $190 billion" is not read as maths by a Markdown
            # viewer.
            body += [f"## {question}", ""]
            if question in asked:
                body += ["*Question:* " + asked[question].replace("$", "\\$"), ""]
            body += [entry["text"].replace("$", "\\$"), "", f"*Saved {entry['saved']}*", ""]
        if checks:
            body += [
                "## Self-checks",
                "",
                "| exercise | tries | right first time | right in the end |",
                "|---|---|---|---|",
            ]
            body += [
                f"| {c['exercise']} | {c['tries']} | {c['right first time']} | "
                f"{c['right in the end']} |"
                for c in checks
            ]
            body.append("")
        body.append(_data_block(name, dict(entries)))
        path, text = _export_path(".md", name), "\n".join(body) + "\n"
    else:
        items = "".join(
            f"<h2>{html.escape(q)}</h2>"
            + (f"<p><em>Question:</em> {html.escape(asked[q])}</p>" if q in asked else "")
            + f"<p>{html.escape(e['text']).replace(chr(10), '<br>')}</p>"
            f"<p><small>Saved {html.escape(e['saved'])}</small></p>"
            for q, e in entries
        )
        if checks:
            items += (
                "<h2>Self-checks</h2><table><thead><tr><th scope='col'>exercise</th>"
                "<th scope='col'>tries</th><th scope='col'>right first time</th>"
                "<th scope='col'>right in the end</th></tr></thead><tbody>"
                + "".join(
                    f"<tr><td>{html.escape(c['exercise'])}</td><td>{c['tries']}</td>"
                    f"<td>{c['right first time']}</td><td>{c['right in the end']}</td></tr>"
                    for c in checks
                )
                + "</tbody></table>"
            )
        path = _export_path(".html", name)
        text = (
            "<!DOCTYPE html>\n<html lang='en'><head><meta "
            f"charset='utf-8'><title>{html.escape(title)}</title>"
            f"</head><body class='mathjax_ignore tex2jax_ignore'><h1>{html.escape(title)}</h1>"
            f"{items or '<p>No answers saved yet.</p>'}\n{_data_block(name, dict(entries))}\n"
            "</body></html>\n"
        )
    with _saving(), _locked():
        _remove_leftovers(path.parent)
        if path.exists() and not _ours_and_unedited(
            path
        ):  # made by hand while we waited: pick another name
            path = _export_path(path.suffix, name)
        _atomic_write(path, _signed(text))
    message = f"Wrote {len(entries)} answer{'' if len(entries) == 1 else 's'} to {path}."
    if not entries:
        message = (
            f"You have no saved answers yet, so {path} lists none. Write in an answer box, press "
            "Save, then run this again."
        )
    if not _slug(name):
        message += " Put your own name in the quotes, so that your teacher knows whose work it is."
    if on_binder():
        message += (
            " This Binder session is temporary: download the file now (in the file browser on "
            "the left, go up "
            "to the course folder, open my-work, right-click the file, then Download)."
        )
    if warning:
        message = warning + "\n" + message
    tick = "✔ " if entries else "⚠ "
    return Shown(message, f"<p role='status'>{tick}{html.escape(message)}</p>")


def where_is_my_work() -> Shown:
    """Say where answers are saved, and warn when the session is temporary (Binder)."""
    folder = work_folder()
    lines = [
        f"Your written answers are saved in {folder / _FILE}, each time you press the Save "
        "button under an answer box."
    ]
    if on_binder():
        lines.append(
            "You are on Binder: nothing is kept after the session ends. Before you stop, run "
            "export_journal() "
            "and download the file it names (right-click it in the file browser, then Download). "
            "Next time, upload that file and run restore_journal('its name') to carry on."
        )
    else:
        lines.append(
            "They stay there after you close the notebook or restart the kernel. To hand them "
            "in, run export_journal()."
        )
    data, warning = _load()
    lines += [warning] if warning else _recovery_notes(data)
    text = "\n".join(lines)
    tone = "⚠ " if on_binder() else ""
    return Shown(
        text,
        "".join(
            f"<p role='status'>{tone if i else ''}{html.escape(line)}</p>"
            for i, line in enumerate(lines)
        ),
    )
