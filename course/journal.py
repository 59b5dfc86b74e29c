"""The student journal: written answers saved as you go, never lost, exported to hand in.

Answers are kept in ``my-work/journal.json`` in the course folder (or the folder named by
``COURSE_WORK``). Every save writes a new file beside the old one and then swaps it in, so a
crash mid-write leaves the last good journal intact; a changed answer keeps its earlier versions.
A journal that cannot be read is never written over: it is set aside under a new name and a
fresh one is started, with a message saying where the old one is.
"""

from __future__ import annotations

import datetime
import html
import json
import os
import tempfile
from pathlib import Path

from course.results import Shown, Table
from course.errors import CourseError

__all__ = ["work_folder", "write_answer", "my_answers", "answer_of", "export_journal", "where_is_my_work", "on_binder"]

_FILE = "journal.json"
_EXPORT_MARK = "<!-- written by course.journal: export_journal() -->"


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


def _atomic_write(path: Path, text: str) -> None:
    # Write beside the target, flush to disk, then swap: readers see the old file or the new one, never half.
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


def _load() -> tuple[dict, str]:
    """The journal and a message for the student ('' when all is well)."""
    path = work_folder() / _FILE
    if not path.exists():
        return {"answers": {}}, ""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or not isinstance(data.get("answers"), dict):
            raise ValueError("not a journal")
        return data, ""
    except (ValueError, UnicodeDecodeError):
        stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
        kept = path.with_name(f"journal-unreadable-{stamp}.json")
        number = 1
        while kept.exists():
            number += 1
            kept = path.with_name(f"journal-unreadable-{stamp}-{number}.json")
        path.rename(kept)
        return {"answers": {}}, (f"Your journal file could not be read, so it was kept as {kept.name} (nothing was deleted) "
                                 "and a new journal was started. Ask your instructor if you need what was in it.")


def write_answer(question: str, text: str) -> Shown:
    """Save a written answer in the journal. Saving again keeps the earlier version in the answer's history.

    >>> import os, tempfile
    >>> before = os.environ.get("COURSE_WORK")
    >>> os.environ["COURSE_WORK"] = tempfile.mkdtemp()  # a scratch folder, so the example keeps no file
    >>> print(write_answer("01 think", "The column never mentions sanctions."))  # doctest: +ELLIPSIS
    Saved your answer to '01 think' in .../journal.json.
    >>> os.environ.update(COURSE_WORK=before) if before else os.environ.pop("COURSE_WORK")  # doctest: +ELLIPSIS
    ...
    """
    if not isinstance(question, str) or not question.strip():
        raise CourseError(f"Name the question your answer belongs to, in quotes, like '01 think'; got {question!r}.")
    if text is ... or not isinstance(text, str):
        raise CourseError("Write your answer as text in quotes, like write_answer('01 think', 'My answer ...').")
    if not text.strip():
        raise CourseError("Your answer is empty, so nothing was saved (your earlier answer, if any, is kept).")
    data, warning = _load()
    entry = data["answers"].get(question.strip())
    if entry and entry["text"] == text:
        message = f"Your answer to {question.strip()!r} was already saved, unchanged."
    else:
        history = (entry.get("history", []) + [{"text": entry["text"], "saved": entry["saved"]}]) if entry else []
        data["answers"][question.strip()] = {"text": text, "saved": _now(), "history": history}
        _atomic_write(work_folder() / _FILE, json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True))
        message = f"Saved your answer to {question.strip()!r} in {work_folder() / _FILE}."
        if history:
            message += f" Your earlier version{'s are' if len(history) > 1 else ' is'} kept too ({len(history)})."
    if warning:
        message = warning + "\n" + message
    return Shown(message, f"<p role='status'>✔ {html.escape(message)}</p>")


def answer_of(question: str) -> str:
    """The latest saved answer to a question ('' when there is none yet)."""
    data, _ = _load()
    entry = data["answers"].get(str(question).strip())
    return entry["text"] if entry else ""


def my_answers() -> Table:
    """Every saved answer, with when it was saved and how many earlier versions it has."""
    data, _ = _load()
    rows = [{"question": question, "answer": entry["text"], "saved": entry["saved"],
             "earlier versions": len(entry.get("history", []))} for question, entry in sorted(data["answers"].items())]
    rows = rows or [{"question": "(no answers saved yet)", "answer": "", "saved": "", "earlier versions": 0}]
    return Table(rows, preview=None, caption="Your saved answers")


def _export_path(suffix: str, name: str = "") -> Path:
    """Exports carry the student's name; they are rewritten only if this module wrote them, and a file
    edited or made by hand gets a new name instead."""
    import re

    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    base = f"journal-{slug}" if slug and slug != "your-name" else "journal"
    folder = work_folder()
    candidate = folder / f"{base}{suffix}"
    number = 1
    while candidate.exists() and _EXPORT_MARK not in candidate.read_text(encoding="utf-8", errors="replace"):
        number += 1
        candidate = folder / f"{base}-{number}{suffix}"
    return candidate


def export_journal(name: str = "", form: str = "markdown") -> Shown:
    """Write the journal as Markdown or HTML to hand in, and say where it is (and how to download it on Binder)."""
    if form not in ("markdown", "html"):
        from course.errors import unknown_name

        raise unknown_name("form", form, ["markdown", "html"])
    data, warning = _load()
    title = f"Journal of {name}" if name else "My journal"
    entries = sorted(data["answers"].items())
    if form == "markdown":
        body = [_EXPORT_MARK, f"# {title}", ""]
        for question, entry in entries:
            # Escaped, so that "$245 billion ... $190 billion" is not read as maths by a Markdown viewer.
            body += [f"## {question}", "", entry["text"].replace("$", "\\$"), "", f"*Saved {entry['saved']}*", ""]
        path, text = _export_path(".md", name), "\n".join(body)
    else:
        items = "".join(f"<h2>{html.escape(q)}</h2><p>{html.escape(e['text']).replace(chr(10), '<br>')}</p>"
                        f"<p><small>Saved {html.escape(e['saved'])}</small></p>" for q, e in entries)
        path = _export_path(".html", name)
        text = (f"<!DOCTYPE html>\n{_EXPORT_MARK}\n<html lang='en'><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
                f"</head><body class='mathjax_ignore tex2jax_ignore'><h1>{html.escape(title)}</h1>"
                f"{items or '<p>No answers saved yet.</p>'}</body></html>\n")
    _atomic_write(path, text)
    message = f"Wrote {len(entries)} answer{'' if len(entries) == 1 else 's'} to {path}."
    if name.strip().lower() in ("", "your name"):
        message += " Put your own name in the quotes, so that your teacher knows whose work it is."
    if on_binder():
        message += (" This Binder session is temporary: download the file now (in the file browser on the left, go up "
                    "to the course folder, open my-work, right-click the file, then Download).")
    if warning:
        message = warning + "\n" + message
    return Shown(message, f"<p role='status'>✔ {html.escape(message)}</p>")


def where_is_my_work() -> Shown:
    """Say where answers are saved, and warn when the session is temporary (Binder)."""
    folder = work_folder()
    lines = [f"Your written answers are saved in {folder / _FILE}, as you save them with write_answer(...) or the Save button."]
    if on_binder():
        lines.append("You are on Binder: nothing is kept after the session ends. Before you stop, run export_journal() "
                     "and download the file it names (right-click it in the file browser, then Download).")
    else:
        lines.append("They stay there after you close the notebook or restart the kernel. To hand them in, run export_journal().")
    text = "\n".join(lines)
    tone = "⚠ " if on_binder() else ""
    return Shown(text, "".join(f"<p role='status'>{tone if i else ''}{html.escape(line)}</p>" for i, line in enumerate(lines)))
