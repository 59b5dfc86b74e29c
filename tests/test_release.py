"""python -m course release: a student version with no answer in it, a self-study version, made
safely and the same every time.
"""

import json
import os
import re
import subprocess
import sys

import pytest

from course.authoring.release import HIDDEN_TAGS, MARKER, release, student_notebook
from course.errors import CourseError
from course.paths import notebooks_folder, project_folder

SOURCES = sorted(notebooks_folder().glob("[0-9][0-9]_*.ipynb"))


def _hidden_texts() -> list[str]:
    """Every line of every hidden cell that is long enough to be recognisable."""
    lines = []
    for path in SOURCES:
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            if set(cell["metadata"].get("tags", [])) & set(HIDDEN_TAGS):
                lines += [
                    line.strip()
                    for line in "".join(cell["source"]).splitlines()
                    if len(line.strip()) > 25
                ]
    return lines


@pytest.fixture(scope="module")
def student(student_version):
    return student_version


@pytest.fixture(scope="module")
def self_study(self_study_version):
    return self_study_version


def test_the_source_has_hidden_cells_to_test_against():
    assert len(_hidden_texts()) > 20


def test_no_answer_or_instructor_note_reaches_the_student_version(student):
    hidden = _hidden_texts()
    for path in sorted((student / "notebooks").glob("*.ipynb")):
        notebook = json.loads(path.read_text(encoding="utf-8"))
        text = json.dumps(notebook, ensure_ascii=False)
        assert "Instructor note" not in text and "Answers:" not in text, path.name
        for line in hidden:
            assert line not in text, f"{path.name} leaks: {line[:60]}"
        for cell in notebook["cells"]:
            assert not set(cell["metadata"].get("tags", [])) & set(HIDDEN_TAGS)
            assert cell.get("outputs", []) == [] and cell.get("execution_count") is None


def test_every_lesson_is_released_with_its_questions(student):
    assert [p.name for p in sorted((student / "notebooks").glob("*.ipynb"))] == [
        p.name for p in SOURCES
    ]
    for path in SOURCES:
        source = json.loads(path.read_text(encoding="utf-8"))
        released = json.loads((student / "notebooks" / path.name).read_text(encoding="utf-8"))
        kept = [
            c["id"]
            for c in source["cells"]
            if not set(c["metadata"].get("tags", [])) & set(HIDDEN_TAGS)
        ]
        assert [c["id"] for c in released["cells"]] == kept


def test_self_study_keeps_the_notes_folded_away(self_study):
    hidden = _hidden_texts()
    text = "".join((self_study / "notebooks" / p.name).read_text(encoding="utf-8") for p in SOURCES)
    assert text.count("<details>") == sum(
        bool(set(c["metadata"].get("tags", [])) & set(HIDDEN_TAGS))
        for p in SOURCES
        for c in json.loads(p.read_text(encoding="utf-8"))["cells"]
    )
    for line in hidden:
        assert json.dumps(line, ensure_ascii=False)[1:-1] in text


def test_an_unfolded_note_stops_the_self_study_version():
    import nbformat

    notebook = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_markdown_cell("Answer: 3", metadata={"tags": ["instructor"]})]
    )
    with pytest.raises(CourseError, match="not folded"):
        student_notebook(notebook, "self-study")
    assert student_notebook(notebook).cells == []


def test_the_release_is_the_same_every_time(student, tmp_path):
    again = tmp_path / "again"
    release(again)
    files = sorted(p.relative_to(student) for p in student.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    for relative in files:
        assert (student / relative).read_bytes() == (again / relative).read_bytes(), relative


def test_the_release_never_writes_over_other_work(tmp_path, folder_with_other_work):
    work = folder_with_other_work
    with pytest.raises(CourseError, match="not a course release"):
        release(work)
    assert (work / "essay.md").read_text(encoding="utf-8") == "my essay"
    earlier = tmp_path / "earlier"
    release(earlier)
    with pytest.raises(CourseError, match="--force"):
        release(earlier)
    release(earlier, "self-study", force=True)
    assert "self-study" in (earlier / MARKER).read_text(encoding="utf-8")
    with pytest.raises(CourseError, match="outside the course"):
        release(project_folder() / "build" / "student")
    with pytest.raises(CourseError, match="Did you mean 'student'"):
        release(tmp_path / "x", "studnet")


BLOCKER = """
import ipaddress, socket
_connect = socket.socket.connect

def _guarded(self, address):
    host = address[0] if isinstance(address, tuple) else None
    if host is not None:
        try:
            if not ipaddress.ip_address(host).is_loopback:
                raise OSError("network blocked for this test: " + str(host))
        except ValueError:
            if host not in ("localhost",):
                raise OSError("network blocked for this test: " + str(host))
    return _connect(self, address)

socket.socket.connect = _guarded
"""
# Run first: it proves that the block is active in the kernel, so that the lessons' passing means
# something.
PROBE = (
    "import socket\ntry:\n    socket.create_connection(('93.184.216.34', 80), timeout=5)\n"
    "    raise SystemExit('the network is NOT blocked in the kernel')\n"
    "except OSError as error:\n    assert 'network blocked' in str(error), error\n"
)


@pytest.mark.slow
def test_the_student_version_runs_from_a_clean_kernel_with_the_network_blocked(
    student_version_without_texts, tmp_path
):
    """Every lesson of the student version, under nbval, with its own copy of the package and data,
    and with every connection except loopback refused in the kernel: the course stands alone and
    works offline. The copy is the one made without the texts, which the lessons read from the
    folder COURSE_TEXTS names (a teacher's shared folder): one run proves the private path too.
    (The student version with the texts runs the same code: see the next test.)"""
    import nbformat

    student = student_version_without_texts
    texts = tmp_path / "shared-texts"
    texts.mkdir()
    for path in (project_folder() / "seeds").glob("*.txt"):
        (texts / path.name).write_bytes(path.read_bytes())

    blocker = tmp_path / "blocker"
    blocker.mkdir()
    (blocker / "sitecustomize.py").write_text(BLOCKER, encoding="utf-8")
    probe = tmp_path / "00_probe.ipynb"
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(PROBE)])
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(notebook, probe)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-n",
            "0",  # this run's own lessons, one after the other (the outer run is already parallel)
            "--nbval-lax",
            "--nbval-current-env",
            "--nbval-cell-timeout=120",
            str(probe),
            str(student / "notebooks"),
        ],
        cwd=student,
        env={
            **os.environ,
            "PYTHONPATH": os.pathsep.join([str(blocker), str(student)]),
            "COURSE_TEXTS": str(texts),
        },  # the copy's own package
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout[-3000:]
    summary = result.stdout.strip().splitlines()[-1]
    assert " passed" in summary and "failed" not in summary and "error" not in summary, summary


def test_the_student_version_fits_one_github_upload(student):
    # The README tells a teacher without git to drag the folder into GitHub's "Upload files",
    # which takes at most 100 files at a time.
    assert len([p for p in student.rglob("*") if p.is_file()]) <= 100


def test_every_version_runs_the_same_code_as_the_instructors_lessons(student, self_study):
    """The student and self-study versions differ from the source only in their notes, never in
    code, so the runs of the source (nbval) and of the student version (above) cover the
    self-study version too."""
    import nbformat

    for path in SOURCES:
        code = [c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]
        for folder in (student, self_study):
            copy = nbformat.read(folder / "notebooks" / path.name, as_version=4)
            assert [c.source for c in copy.cells if c.cell_type == "code"] == code, (
                f"{folder.name}/{path.name}"
            )


def test_students_get_the_glossary_but_not_the_instructor_guide(student):
    assert (student / "GLOSSARY.md").exists()
    assert not (student / "INSTRUCTOR_GUIDE.md").exists() and not (student / "tests").exists()


def test_an_update_keeps_the_student_repositorys_history(tmp_path):
    repository = tmp_path / "student-version"
    release(repository)
    (repository / ".git").mkdir()
    (repository / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (repository / ".gitignore").write_text("my-work/\n", encoding="utf-8")
    release(repository, force=True)
    assert (repository / ".git" / "HEAD").read_text(encoding="utf-8") == "ref: refs/heads/main\n"
    assert (repository / ".gitignore").exists() and (
        repository / "notebooks" / SOURCES[0].name
    ).exists()


def test_the_student_copy_has_its_own_readme_and_licences_but_no_guide_generator(student):
    readme = (student / "README.md").read_text(encoding="utf-8")
    assert "Instructor note" not in readme and "INSTRUCTOR_GUIDE" not in readme
    for target in re.findall(r"\]\(([^)]+)\)", readme):
        assert (student / target).exists(), target
    assert (student / "LICENSE-CONTENT.md").exists() and (student / "LICENSE").exists()
    assert not (student / "course" / "authoring").exists()


def test_a_release_for_binder_gets_a_launch_link_and_a_bad_name_writes_nothing(tmp_path):
    release(tmp_path / "for-binder", binder="teacher/student-version", branch="spring")
    readme = (tmp_path / "for-binder" / "README.md").read_text(encoding="utf-8")
    assert (
        "](https://mybinder.org/v2/gh/teacher/student-version/spring?urlpath=lab/tree/notebooks/00_start_here.ipynb)"
        in readme
    )
    with pytest.raises(CourseError, match="owner/name"):
        release(tmp_path / "bad", binder="student-version")
    assert not (tmp_path / "bad").exists()


def test_the_student_repository_ignores_a_testers_environment_and_written_work(student):
    ignored = (student / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert {".venv/", "my-work/", "build/", "*.egg-info/"} <= set(ignored)


def test_the_student_copy_installs_with_its_jupyterlab_settings(student):
    import tomllib

    with (student / "pyproject.toml").open("rb") as handle:
        data_files = tomllib.load(handle)["tool"]["setuptools"]["data-files"]
    assert data_files and all(
        (student / source).is_file() for sources in data_files.values() for source in sources
    )


def test_without_the_guide_generator_the_command_explains_itself(monkeypatch, capsys):
    from course.__main__ import main

    for name in [name for name in sys.modules if name.startswith("course.authoring")]:
        monkeypatch.setitem(
            sys.modules, name, None
        )  # as in a student copy, where authoring/ is absent
    for command in (
        ["guide"],
        ["release", "x"],
        ["lessons"],
        ["hub-link", "https://h", "https://g/t/s"],
    ):
        assert main(command) == 2
        assert (
            "is for instructors and is not part of the student version" in capsys.readouterr().err
        )


def test_an_update_keeps_my_work_the_teachers_files_and_edited_copies_and_says_so(tmp_path):
    repository = tmp_path / "student-version"
    release(repository)
    (repository / "my-work").mkdir()
    (repository / "my-work" / "journal.json").write_text('{"answers": {}}', encoding="utf-8")
    (repository / "class-notes.md").write_text("Week 1: lessons 00 and 01.", encoding="utf-8")
    lesson = repository / "notebooks" / SOURCES[1].name
    lesson.write_text(
        lesson.read_text(encoding="utf-8").replace("Meet the sources", "Meet our sources"),
        encoding="utf-8",
    )
    edited = lesson.read_bytes()
    (repository / "GLOSSARY.md").unlink()  # a file the teacher removed comes back on update
    made = release(repository, force=True)
    assert (repository / "my-work" / "journal.json").read_text(
        encoding="utf-8"
    ) == '{"answers": {}}'
    assert (repository / "class-notes.md").read_text(
        encoding="utf-8"
    ) == "Week 1: lessons 00 and 01."
    assert lesson.read_bytes() == edited and (repository / "GLOSSARY.md").exists()
    assert (
        "class-notes.md" in made.kept
        and "my-work/" in made.kept
        and f"notebooks/{SOURCES[1].name}" in made.kept
    )


def test_an_update_removes_only_what_the_last_release_wrote_and_nobody_changed(tmp_path):
    import json

    repository = tmp_path / "student-version"
    release(repository)
    marker = json.loads((repository / MARKER).read_text(encoding="utf-8"))
    # Pretend the last release also wrote two lessons that no longer exist; one was edited since.
    for name, text in (
        ("notebooks/99_gone.ipynb", "old lesson"),
        ("notebooks/98_edited.ipynb", "old lesson"),
    ):
        (repository / name).write_text(text, encoding="utf-8")
        marker["files"][name] = __import__("hashlib").sha256(b"old lesson").hexdigest()
    (repository / "notebooks" / "98_edited.ipynb").write_text(
        "the teacher's version", encoding="utf-8"
    )
    (repository / MARKER).write_text(json.dumps(marker), encoding="utf-8")
    made = release(repository, force=True)
    assert (
        not (repository / "notebooks" / "99_gone.ipynb").exists() and "99_gone.ipynb" in made.kept
    )
    assert (repository / "notebooks" / "98_edited.ipynb").read_text(
        encoding="utf-8"
    ) == "the teacher's version"


@pytest.mark.parametrize(
    "where",
    ["a file", "a device", "the course's parent", "a folder inside a file", "a read-only folder"],
)
def test_a_release_refuses_a_destination_it_must_not_write_to(tmp_path, where, capsys):
    from course.__main__ import main

    if where == "a file":
        destination = tmp_path / "notes.txt"
        destination.write_text("mine", encoding="utf-8")
    elif where == "a device":
        destination = "/dev/null"
    elif where == "the course's parent":
        destination = project_folder().parent
    elif where == "a folder inside a file":
        (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
        destination = tmp_path / "notes.txt" / "student-version"
    else:
        destination = tmp_path / "locked"
        destination.mkdir()
        destination.chmod(0o500)
        if os.access(destination, os.W_OK):  # root may write anyway: a mount option would be needed
            pytest.skip("this user may write to a read-only folder")
    assert main(["release", str(destination)]) == 2
    error = capsys.readouterr().err
    assert error.startswith("Error: ") and "Traceback" not in error and len(error) < 400
    if where in ("a file", "a folder inside a file"):
        assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_a_release_without_the_texts_leaves_out_the_texts_and_the_datas_full_sentences(
    student, student_version_without_texts
):
    bare = student_version_without_texts
    files = {p.relative_to(student) for p in student.rglob("*") if p.is_file()}
    bare_files = {p.relative_to(bare) for p in bare.rglob("*") if p.is_file()}
    missing = files - bare_files
    assert {p.name for p in missing} == {p.name for p in (student / "seeds").glob("*.txt")}
    assert len(missing) == 2
    assert "COURSE_TEXTS" in (bare / "README.md").read_text(encoding="utf-8")
    # No file carries more than a few of the texts' full sentences (a headline and byline in the
    # metadata, a stray one among short quotations): far from the texts' 2,600 words.
    from course.text.sources import load_source, source_names

    sentences = [
        s.text for name in source_names() for s in load_source(name).sentences if len(s.text) > 60
    ]
    for path in bare.rglob("*"):
        if path.is_file() and path.suffix in (".csv", ".md", ".toml", ".ipynb", ".json", ".py"):
            text = path.read_text(encoding="utf-8", errors="replace")
            whole = [s for s in sentences if s in text]
            assert sum(len(s) for s in whole) <= 600, (path.relative_to(bare), whole)


def test_without_the_texts_a_student_is_told_in_words_and_a_wrong_file_is_refused(
    student_version_without_texts, tmp_path
):
    code = (
        "from course import show_text\n"
        "try:\n    show_text('news')\nexcept Exception as error:\n"
        "    print(type(error).__name__, error)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(student_version_without_texts)}
    env.pop("COURSE_TEXTS", None)
    env.pop("COURSE_HOME", None)

    def run(env):
        return subprocess.run(
            [sys.executable, "-c", code],
            cwd=student_version_without_texts / "notebooks",
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        ).stdout

    assert run(env).startswith("CourseError The source texts are not in this copy")
    wrong = tmp_path / "texts"
    wrong.mkdir()
    for path in (project_folder() / "seeds").glob("*.txt"):
        (wrong / path.name).write_bytes(path.read_bytes().replace(b"Putin", b"Puttin"))
    assert "is not the text the course was built on" in run({**env, "COURSE_TEXTS": str(wrong)})
