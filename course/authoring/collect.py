"""The instructor's loop: read a class's journals, and write a class report and a gradebook CSV.

``python -m course collect SOURCE... DEST`` reads what students hand in (exported journals, which
carry their answers and self-check attempts as data) and, on a JupyterHub, the ``my-work`` folder
of every home (``journal.json`` and ``attempts.jsonl``), and answers written on paper worksheets
that the teacher typed into ``paper-answers.csv`` (columns student, prompt, answer). It writes
``DEST/class-report.html``, a page that works offline (every written answer side by side with the
prompt's rubric, the self-checks the class found hard, what each student has done and not done)
and ``DEST/class-report.csv`` for a gradebook, with a points column per prompt. ``--anonymous``
shows stable pseudonyms instead of names. Files that are damaged, foreign or duplicated are
reported and skipped; they never stop the report. Nothing leaves the machine, and DEST is written
like a release: only the course's own files in it are ever replaced.
"""

from __future__ import annotations

import csv
import datetime
import hashlib
import hmac
import html
import io
import os
import re
import secrets
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from course.errors import CourseError, shown

__all__ = ["collect", "Collected", "REPORT", "GRADEBOOK"]

REPORT = "class-report.html"
GRADEBOOK = "class-report.csv"
_MARKER = ".course-class-report"
_KEY = ".pseudonym-key"
_LARGEST = 5_000_000  # bytes: a hand-in is a few kilobytes; anything this big is not one
_SKIP_FOLDERS = {".git", ".ipynb_checkpoints", "node_modules", "__pycache__", ".venv", "venv"}


@dataclass
class _File:
    """One file read: whose it is, what it holds, and what was wrong with it."""

    path: Path
    owner: str  # the folder it belongs to (a my-work folder), or the file itself
    name: str
    answers: dict[str, dict] = field(default_factory=dict)
    attempts: list[dict] = field(default_factory=list)
    note: str = ""


@dataclass
class _Student:
    name: str
    files: list[Path] = field(default_factory=list)
    answers: dict[str, dict] = field(default_factory=dict)
    attempts: list[dict] = field(default_factory=list)


@dataclass
class Collected:
    """What ``collect`` read and wrote: a summary for the terminal."""

    destination: Path
    students: int
    files_read: int
    problems: list[str]
    written: list[str]
    kept: str = ""  # an earlier report's files someone edited (a gradebook with points): kept

    def __str__(self) -> str:
        lines = [
            f"Read {self.files_read} file{'s' if self.files_read != 1 else ''} from "
            f"{self.students} student{'s' if self.students != 1 else ''}; wrote "
            + ", ".join(str(self.destination / name) for name in self.written)
            + "."
        ]
        if self.kept:
            lines.append(self.kept)
        if GRADEBOOK not in self.written:
            lines.append(
                f"{GRADEBOOK} was not updated. To grade, copy it to a file of your own (such as "
                "grades.csv) and fill in the points there; collect never writes over a file you "
                "changed."
            )
        if self.problems:
            lines.append(f"{len(self.problems)} file(s) skipped or read in part (the report lists")
            lines[-1] += " them too):"
            lines += [f"  - {problem}" for problem in self.problems]
        return "\n".join(lines)


# -- reading ---------------------------------------------------------------------------------------


def _display_name(text: str) -> str:
    """A home folder's name as a person's name: JupyterHub's "jupyter-" prefix dropped."""
    return re.sub(r"^jupyter-", "", text.strip()) or text


def _key(name: str) -> str:
    return re.sub(r"\s+", " ", name.strip().lower())


def _owner_name(path: Path, source: Path) -> tuple[str, str]:
    """For a file in a my-work folder: the folder (its owner) and the student's name, taken from
    the home that holds the student's copy of the course, however deep the homes lie under SOURCE
    (home/jupyter-alice/student-version/my-work/journal.json -> alice).

    >>> _owner_name(Path("x/home/jupyter-alice/course/my-work/journal.json"), Path("x"))[1]
    'alice'
    """
    folder = path.parent
    if folder.name == "my-work":
        name = folder.parent.parent.name or folder.parent.name  # the home; at the root, the copy
    else:
        try:
            parts = path.relative_to(source).parts
        except ValueError:
            parts = ()
        name = parts[0] if len(parts) >= 3 else folder.name
    return str(folder), _display_name(name)


def _read_file(path: Path, source: Path) -> tuple[_File | None, str]:
    """One candidate file, read; or None and why it was skipped."""
    from course.classroom.attempts import read_attempts
    from course.classroom.journal import hand_in_data, is_placeholder_name, journal_file_answers

    try:
        if path.stat().st_size > _LARGEST:
            return None, "too large to be a journal; skipped"
        raw = path.read_bytes()
    except OSError as error:
        return None, f"could not be read ({error.strerror or error}); skipped"
    if path.name == "journal.json":
        owner, name = _owner_name(path, source)
        answers, problem = journal_file_answers(raw)
        if problem == "not a journal of this course":
            return None, "not a journal of this course; skipped"
        found = _File(path, owner, name, answers, read_attempts(path.parent))
        found.note = problem
        return found, problem
    text = raw.decode("utf-8", errors="replace")
    if path.suffix.lower() == ".csv":
        return None, "a table, not a journal; skipped (paper answers go in paper-answers.csv)"
    data = hand_in_data(text)
    if data is None:
        if "course-journal-data" in text:
            return None, "an export whose data were damaged; skipped (open it to read it)"
        return None, "not an export of this course's journal; skipped"
    in_home = path.parent.name == "my-work"
    owner = str(path.parent) if in_home else str(path)
    if is_placeholder_name(data["name"]):
        data["name"] = ""  # exported with the lessons' example name: go by the folder instead
    name = data["name"] or (_owner_name(path, source)[1] if in_home else path.stem)
    found = _File(path, owner, name, data["answers"], data["attempts"])
    if data["edited"]:
        found.note = "edited after it was exported: the report shows the answers as exported"
    if not data["name"] and not in_home:  # in a home, the home names it
        found.note = (found.note + "; " if found.note else "") + "exported without a name"
    return found, found.note


PAPER = "paper-answers.csv"
"""A table of answers written on paper worksheets, typed in by the teacher: columns student, prompt
(a written prompt's ID, like "01 think", or an exercise's, like "01.1") and answer; one row per
answer. An exercise's answer is judged as the lesson would judge it."""


def _read_paper(path: Path) -> tuple[list[_File], str]:
    r"""The students' answers in a paper-answers table, one file entry per student; and what was
    wrong with any row.

    >>> import tempfile
    >>> table = Path(tempfile.mkdtemp()) / PAPER
    >>> _ = table.write_text("student,prompt,answer\nAda,01 think,My answer\nAda,99 x,?\n")
    >>> found, problem = _read_paper(table)
    >>> [(f.name, f.answers["01 think"]["text"]) for f in found], problem
    ([('Ada', 'My answer')], "row 3: no prompt or exercise '99 x'; skipped")
    """
    from course.classroom.prompts import prompts
    from course.classroom.self_checks import exercises, judge

    try:
        rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        return [], f"could not be read as a table ({error}); skipped"
    if not rows or not {"student", "prompt", "answer"} <= set(rows[0]):
        return [], "needs the columns student, prompt and answer; skipped"
    found: dict[str, _File] = {}
    problems = []
    for number, row in enumerate(rows, start=2):
        name, prompt = (row.get("student") or "").strip(), (row.get("prompt") or "").strip()
        answer = (row.get("answer") or "").strip()
        if not name or not answer:
            continue  # a row the teacher left empty
        if prompt not in prompts() and prompt not in exercises():
            problems.append(f"row {number}: no prompt or exercise {prompt!r}; skipped")
            continue
        entry = found.setdefault(_key(name), _File(path, f"{path}#{_key(name)}", name))
        if prompt in exercises():
            right = judge(prompt, answer).correct
            entry.attempts.append(
                {"exercise": prompt, "answer": answer, "correct": right, "at": ""}
            )
        else:
            entry.answers[prompt] = {"text": answer, "saved": "", "on_paper": True}
    return list(found.values()), "; ".join(problems)


def _candidates(source: Path) -> list[Path]:
    """The files of a source worth reading: journals and exports anywhere; every other file
    directly in a hand-in folder or in a my-work folder (to report it). Course materials in a
    student's copy are passed over silently."""
    if source.is_file():
        return [source]
    found = []
    for folder, folders, files in os.walk(source):
        folders[:] = sorted(f for f in folders if f not in _SKIP_FOLDERS and not f.startswith("."))
        here = Path(folder)
        for name in sorted(files):
            path = here / name
            if name.startswith(".") or name.endswith(".tmp"):
                continue  # the journal's lock and unfinished saves
            if name == "attempts.jsonl":
                continue  # read with its journal
            journalish = name == "journal.json" or (
                name.startswith("journal") and path.suffix in (".md", ".html", ".htm")
            )
            if journalish or here == source or here.name == "my-work":
                found.append(path)
    return found


def _read(
    sources: list[Path], destination: Path
) -> tuple[list[_File], list[tuple[Path, str, Path | None]]]:
    files: list[_File] = []
    # (the file, what was wrong, another file the message names as "{other}")
    problems: list[tuple[Path, str, Path | None]] = []
    seen: dict[str, Path] = {}
    for source in sources:
        if not source.exists():
            problems.append((source, "not found; nothing read from it", None))
            continue
        for path in _candidates(source):
            if destination in path.parents:
                continue  # an earlier report, not a hand-in
            if path.name.startswith("journal-unreadable-"):
                problems.append(
                    (
                        path,
                        "a damaged journal the course set aside; its readable answers are in "
                        "journal.json beside it",
                        None,
                    )
                )
                continue
            if path.name != "journal.json" and path.parent.name != "my-work":
                # A hand-in handed in twice is read once. Two homes' journals and exports can be
                # equal byte for byte (two students who saved the same words in the same second,
                # exported without a name): both count.
                try:
                    digest = hashlib.sha256(path.read_bytes()).hexdigest()
                except OSError:
                    digest = str(path)
                if digest in seen:
                    problems.append((path, "a copy of {other}; read once", seen[digest]))
                    continue
                seen[digest] = path
            if path.name == PAPER:
                paper, problem = _read_paper(path)
                files += paper
            else:
                found, problem = _read_file(path, source)
                files += [found] if found is not None else []
            if problem:
                problems.append((path, problem, None))
    return files, problems


def _students(files: list[_File]) -> tuple[list[_Student], list[tuple[Path, str, str]]]:
    """Files grouped by student: the files of one my-work folder together, then students of the
    same name merged (the newer answer to each question wins)."""
    by_owner: dict[str, list[_File]] = {}
    for item in files:
        by_owner.setdefault(item.owner, []).append(item)
    groups = []
    for items in by_owner.values():
        # An export names the student; a journal in a home only has the home folder's name.
        named = [i for i in items if i.path.suffix != ".json" and i.name]
        groups.append((named[0].name if named else items[0].name, items))
    students: dict[str, _Student] = {}
    notes: list[tuple[Path, str, str]] = []
    for name, items in groups:
        student = students.get(_key(name))
        if student is None:
            student = students[_key(name)] = _Student(name)
        elif items:
            # "{student}" is filled in later: with a pseudonym in an anonymous report.
            notes.append(
                (
                    items[0].path,
                    "another hand-in of {student}; the newer answer to each question is used",
                    _key(name),
                )
            )
        for item in items:
            student.files.append(item.path)
            for question, entry in item.answers.items():
                mine = student.answers.get(question)
                if mine is None or str(entry.get("saved", "")) > str(mine.get("saved", "")):
                    student.answers[question] = entry
            known = {(a["exercise"], a["answer"], a["at"]) for a in student.attempts}
            student.attempts += [
                a
                for a in item.attempts
                if (a.get("exercise"), a.get("answer"), a.get("at")) not in known
            ]
    return sorted(students.values(), key=lambda s: _key(s.name)), notes


# -- writing ---------------------------------------------------------------------------------------


def _normalised(text: str, name: str) -> str:
    """An answer's words for comparing: the student's own name left out, case and spacing
    ignored."""
    import re

    for part in sorted({name, *name.split()}, key=len, reverse=True):
        if len(part) > 1:
            text = re.sub(re.escape(part), " ", text, flags=re.IGNORECASE)
    return " ".join(re.findall(r"\w+", text.casefold()))


def same_words(students: list[_Student], prompt_id: str) -> list[list[_Student]]:
    """Groups of two or more students whose answers to a prompt have the same words, apart from
    their own names (short answers of a few words are left out: they match by chance).

    >>> a = _Student("Ada L", answers={"p": {"text": "Ada L: the column (opinion-p11-s02)."}})
    >>> b = _Student("Bo K", answers={"p": {"text": "Bo K: The column (opinion-p11-s02)"}})
    >>> [[s.name for s in group] for group in same_words([a, b], "p")]
    [['Ada L', 'Bo K']]
    """
    groups: dict[str, list[_Student]] = {}
    for student in students:
        words = _normalised(student.answers[prompt_id]["text"], student.name)
        if len(words.split()) >= 4:
            groups.setdefault(words, []).append(student)
    return [group for group in groups.values() if len(group) > 1]


def _pseudonyms(students: list[_Student], key: bytes) -> dict[str, str]:
    names: dict[str, str] = {}
    for length in (4, 6, 8, 64):
        names = {
            _key(s.name): "Student "
            + hmac.new(key, _key(s.name).encode("utf-8"), hashlib.sha256)
            .hexdigest()[:length]
            .upper()
            for s in students
        }
        if len(set(names.values())) == len(names):
            break
    return names


def _saved(entry: dict) -> str:
    """When an answer was saved, or that it was written on paper."""
    return "on paper" if entry.get("on_paper") else _readable_time(str(entry.get("saved", "")))


def _readable_time(stamp: str) -> str:
    """An ISO time as a reader writes it: 2026-12-02T15:21:53+00:00 -> 2 Dec 2026, 15:21."""
    try:
        moment = datetime.datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    return f"{moment.day} {moment:%b %Y, %H:%M}"


def _first_try_and_wrong(students: list[_Student], exercise: str) -> tuple[int, int, Counter]:
    tried = right_first = 0
    wrong: Counter = Counter()
    for student in students:
        mine = sorted(
            (a for a in student.attempts if a.get("exercise") == exercise),
            key=lambda a: str(a.get("at", "")),
        )
        if not mine:
            continue
        tried += 1
        right_first += bool(mine[0].get("correct"))
        wrong.update(str(a.get("answer")) for a in mine if not a.get("correct"))
    return tried, right_first, wrong


_STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;
background:#fff;margin:0;line-height:1.5}
main{max-width:72rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem}h2{font-size:1.3rem;margin-top:2rem;border-bottom:2px solid #0072B2}
h3{font-size:1.1rem;margin-top:1.5rem}
table{border-collapse:collapse;width:100%;margin:0.5rem 0 1rem}
caption{text-align:left;font-weight:bold;padding:0.3rem 0}
th,td{border:1px solid #767676;padding:0.35rem 0.5rem;text-align:left;vertical-align:top}
td{overflow-wrap:anywhere}
th{background:#eef3f8;overflow-wrap:normal}
.rubric{background:#f6f6f6;border-left:4px solid #0072B2;padding:0.5rem 0.8rem}
.answer{white-space:pre-wrap}
table.rubric td:nth-child(2){overflow-wrap:normal}
details{margin:0 0 1rem}summary{cursor:pointer;font-weight:bold}
.model{background:#f6f6f6;padding:0.5rem 0.8rem;margin:0.3rem 0}
a{color:#005a8c}
nav ul{padding-left:1.2rem}
@media (max-width:600px){main{padding:0.5rem}th,td{padding:0.25rem}.question{display:none}}
"""


def _page(
    students: list[_Student], problems: list[str], shown_name: dict[str, str], when: str
) -> str:
    from course.classroom.prompts import prompts
    from course.classroom.self_checks import exercises

    def cell(text: object) -> str:
        return html.escape(str(text))

    def who(student: _Student) -> str:
        return cell(shown_name[_key(student.name)])

    from course.authoring.rubrics import rubric_for, rubric_html

    all_prompts = list(prompts().values())
    all_exercises = list(exercises().values())
    parts = [
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        "<title>Class report</title>"
        f"<style>{_STYLE}</style></head><body><main>",
        "<h1>Class report</h1>",
        f"<p>Made on {cell(_readable_time(when))} from {len(students)} student"
        f"{'s' if len(students) != 1 else ''}' hand-ins. This page works offline and sends "
        "nothing anywhere. Each written prompt shows its rubric (points 4 to 1, 0 for no answer) "
        "and a model answer; class-report.csv has a column for each prompt's points.</p>",
        "<nav aria-label='Sections'><ul><li><a href='#students'>Students: done and missing</a>"
        "</li><li><a href='#written'>Written answers, prompt by prompt</a></li>"
        "<li><a href='#checks'>Self-checks: what the class found hard</a></li>"
        "<li><a href='#files'>Files skipped or read in part</a></li></ul></nav>",
    ]
    # Students
    parts.append("<h2 id='students'>Students: done and missing</h2>")
    rows = []
    for student in students:
        missing = [p.id for p in all_prompts if p.id not in student.answers]
        right = {a["exercise"] for a in student.attempts if a.get("correct")}
        rows.append(
            f"<tr><th scope='row'>{who(student)}</th>"
            f"<td>{len(student.answers)} of {len(all_prompts)}</td>"
            f"<td>{cell(', '.join(missing) or 'none')}</td>"
            f"<td>{len(right)} of {len(all_exercises)}</td></tr>"
        )
    parts.append(
        "<table><caption>What each student has handed in</caption><thead><tr>"
        "<th scope='col'>Student</th><th scope='col'>Written answers</th>"
        "<th scope='col'>Prompts not answered</th><th scope='col'>Self-checks right</th>"
        "</tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
        if rows
        else "<p>No student's work was found.</p>"
    )
    # Written answers
    parts.append("<h2 id='written'>Written answers, prompt by prompt</h2>")
    for prompt in all_prompts:
        answered = [s for s in students if prompt.id in s.answers]
        parts.append(f"<h3>{cell(prompt.id)}: {cell(prompt.prompt)}</h3>")
        rubric = rubric_for(prompt.id)
        parts.append(
            rubric_html(rubric)
            if rubric
            else "<p class='rubric'>No rubric: a prediction or a warm-up, not marked.</p>"
        )
        if not answered:
            parts.append("<p>No answers yet.</p>")
            continue
        parts.append(
            f"<table><caption>{len(answered)} answer{'s' if len(answered) != 1 else ''} to "
            f"{cell(prompt.id)}</caption><thead><tr><th scope='col'>Student</th>"
            "<th scope='col'>Answer</th><th scope='col'>Saved</th></tr></thead><tbody>"
            + "".join(
                f"<tr><th scope='row'>{who(s)}</th><td class='answer'>"
                f"{cell(s.answers[prompt.id]['text'])}</td>"
                f"<td>{cell(_saved(s.answers[prompt.id]))}</td></tr>"
                for s in answered
            )
            + "</tbody></table>"
        )
        for group in same_words(answered, prompt.id):
            parts.append(
                "<p class='rubric'><strong>Same words:</strong> "
                + ", ".join(who(s) for s in group)
                + " gave the same answer (apart from their names). Talk with them before grading: "
                "it may be shared work, or a copy.</p>"
            )
    # Self-checks
    parts.append("<h2 id='checks'>Self-checks: what the class found hard</h2>")
    rows, hardest = [], []
    for exercise in all_exercises:
        tried, right_first, wrong = _first_try_and_wrong(students, exercise.id)
        common = "; ".join(f"{cell(answer)} (×{count})" for answer, count in wrong.most_common(3))
        first = f"{right_first} of {tried}" if tried else "—"
        if tried:
            hardest.append((right_first / tried, -tried, exercise.id, first, common))
        rows.append(
            f"<tr><th scope='row'>{cell(exercise.id)}</th><td class='question'>"
            f"{cell(exercise.question)}</td>"
            f"<td>{tried}</td><td>{first}</td><td>{common or '—'}</td></tr>"
        )
    hardest.sort()
    if hardest:
        parts.append(
            "<p>Hardest first (the lowest share right at the first try, among the self-checks "
            "students tried):</p><ol>"
            + "".join(
                f"<li><strong>{cell(number)}</strong>: right the first time {first}"
                + (f"; common wrong answers: {common}" if common else "")
                + "</li>"
                for _, _, number, first, common in hardest[:5]
            )
            + "</ol>"
        )
    parts.append(
        "<table><caption>Every self-check: how many students tried it, how many were right the "
        "first time, and the most common wrong answers</caption><thead><tr>"
        "<th scope='col'>Exercise</th><th scope='col' class='question'>Question</th>"
        "<th scope='col'>Tried</th>"
        "<th scope='col'>Right first time</th><th scope='col'>Common wrong answers</th></tr>"
        "</thead><tbody>" + "".join(rows) + "</tbody></table>"
    )
    parts.append("<h2 id='files'>Files skipped or read in part</h2>")
    parts.append(
        "<ul>" + "".join(f"<li>{cell(problem)}</li>" for problem in problems) + "</ul>"
        if problems
        else "<p>None: every file was read in full.</p>"
    )
    parts.append("</main></body></html>\n")
    return "\n".join(parts)


def _gradebook(students: list[_Student], shown_name: dict[str, str]) -> str:
    from course.authoring.rubrics import rubric_for
    from course.classroom.prompts import prompts
    from course.classroom.self_checks import exercises

    ids = list(prompts())
    # Empty for the teacher to fill in from the report's rubrics (4 to 1; 0 for no answer).
    marked = [prompt_id for prompt_id in ids if rubric_for(prompt_id)]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        ["student", "written answers", "prompts not answered", "self-checks right", "files"]
        + [f"answer {prompt_id}" for prompt_id in ids]
        + [f"points {prompt_id} (0-4)" for prompt_id in marked]
    )
    for student in students:
        right = {a["exercise"] for a in student.attempts if a.get("correct")}
        writer.writerow(
            [
                shown_name[_key(student.name)],
                len(student.answers),
                " ".join(p for p in ids if p not in student.answers),
                f"{len(right)} of {len(exercises())}",
                len(student.files),
            ]
            + [student.answers.get(prompt_id, {}).get("text", "") for prompt_id in ids]
            # An unanswered prompt scores 0 at once; the others wait for the teacher's reading.
            + ["" if prompt_id in student.answers else 0 for prompt_id in marked]
        )
    return out.getvalue()


def collect(
    sources: list[str | os.PathLike],
    destination: str | os.PathLike,
    anonymous: bool = False,
    force: bool = False,
) -> Collected:
    """Read the class's hand-ins and journals from ``sources``; write the class report and the
    gradebook CSV to ``destination``.

    >>> import tempfile
    >>> empty, out = Path(tempfile.mkdtemp()), Path(tempfile.mkdtemp()) / "report"
    >>> print(collect([empty], out))  # doctest: +ELLIPSIS
    Read 0 files from 0 students; wrote .../class-report.html, .../class-report.csv.
    """
    from course.authoring.folders import GeneratedFolder

    if isinstance(sources, (str, os.PathLike)) or not sources:
        raise CourseError(
            "Name at least one folder or file to read, then the report's folder, like: python -m "
            f"course collect hand-ins/ class-report/ (you gave {shown(sources)})."
        )
    where_to = Path(destination) if isinstance(destination, os.PathLike) else destination
    with GeneratedFolder(where_to, _MARKER, "class report", force) as folder:
        target = folder.target
        files, problems = _read([Path(s).expanduser().resolve() for s in sources], target)
        students, merged = _students(files)
        key_file = target / _KEY
        if anonymous:
            key = key_file.read_bytes() if key_file.is_file() else secrets.token_hex(16).encode()
            folder.write_bytes(_KEY, key)
            shown_name = _pseudonyms(students, key)
        else:
            shown_name = {_key(s.name): s.name for s in students}

        numbers: dict[Path, int] = {}

        def where(path: Path | None) -> str:
            # Anonymous: a path or a file's name can carry a student's name (a home folder,
            # journal-ada-lovelace.md), so a file is only numbered.
            if path is None:
                return ""
            if not anonymous:
                return str(path)
            return f"file {numbers.setdefault(path, len(numbers) + 1)} (name hidden)"

        words = [
            f"{where(path)}: {problem.format(other=where(other))}"
            for path, problem, other in problems
        ] + [
            f"{where(path)}: {problem.format(student=shown_name[key])}"
            for path, problem, key in merged
        ]
        if anonymous and words:
            words.append(
                "File names are hidden in an anonymous report: run collect without "
                "--anonymous to see them."
            )
        when = datetime.datetime.now().astimezone().isoformat(timespec="minutes")
        written = [
            name
            for name, text in (
                (REPORT, _page(students, words, shown_name, when)),
                (GRADEBOOK, _gradebook(students, shown_name)),
            )
            if folder.write_text(name, text)
        ]
    return Collected(target, len(students), len(files), words, written, folder.report())
