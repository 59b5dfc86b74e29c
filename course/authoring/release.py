"""Student and self-study versions of the course, made from the instructor's notebooks.

The notebooks in the repository are the instructor's source. Cells tagged ``instructor`` hold what
students must not see first (answers, rubrics, facilitation notes); they are folded in the source.
``release`` writes a copy of the course to a new folder in which those cells are removed (student
version) or kept folded behind a "click to show" switch (self-study version), with every output
cleared. Notebooks are read and written with nbformat and changed by nbconvert's preprocessors; the
result is the same, byte for byte, every time it is made from the same source.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from course.errors import CourseError
from course.paths import project_folder

__all__ = [
    "HIDDEN_TAGS",
    "MODES",
    "Release",
    "release",
    "release_settings",
    "describe",
    "student_preprocessors",
    "student_notebook",
    "student_readme",
]

HIDDEN_TAGS = ("instructor",)
MODES = ("student", "self-study")
MARKER = ".course-release"
_COPIED = (
    "GLOSSARY.md",
    "LICENSE-CONTENT.md",
    "requirements.txt",
    "pyproject.toml",
    "runtime.txt",
    "LICENSE",
    "course",
    "jupyter-config",
    "data",
    "seeds",
)
_SENTENCE_FILES = ("sentences.csv", "statistics.csv")
"""Data files whose ``sentence`` column holds the texts' full sentences."""
_TEMPLATE = (
    Path(__file__).resolve().parent / "student_readme.md"
)  # the student README, "{binder}" filled in
# A class's student repository should not pick up a tester's environment, build files or written
# work.
_STUDENT_GITIGNORE = ".venv/\nmy-work/\nbuild/\n*.egg-info/\n__pycache__/\n.ipynb_checkpoints/\n"


def student_preprocessors(mode: str = "student") -> list:
    """The nbconvert preprocessors that make a lesson's student (or self-study) version from the
    instructor's.

    >>> [type(p).__name__ for p in student_preprocessors()]
    ['TagRemovePreprocessor', 'ClearOutputPreprocessor', 'ClearMetadataPreprocessor']
    """
    from nbconvert.preprocessors import (
        ClearMetadataPreprocessor,
        ClearOutputPreprocessor,
        Preprocessor,
        TagRemovePreprocessor,
    )

    from course.authoring.lesson_format import NOTE_OPENING

    if mode not in MODES:
        from course.errors import unknown_name

        raise unknown_name("mode", mode, MODES)

    class MarkSelfStudy(Preprocessor):
        """Instructor notes stay, folded as in the source, tagged for what they now are."""

        def preprocess_cell(self, cell, resources, index):
            tags = cell.metadata.get("tags", [])
            if set(tags) & set(HIDDEN_TAGS):
                if not cell.source.startswith(NOTE_OPENING):
                    raise CourseError(
                        f"Cell {index} is tagged {tags} but is not folded; see "
                        "course.authoring.lesson_format.NOTE_OPENING."
                    )
                cell.metadata["tags"] = ["self-study"]
            return cell, resources

    first = (
        TagRemovePreprocessor(enabled=True, remove_cell_tags=set(HIDDEN_TAGS))
        if mode == "student"
        else MarkSelfStudy(enabled=True)
    )
    # Cell metadata keeps only its tags (nbval reads "raises-exception"); the notebook keeps its
    # kernel.
    return [
        first,
        ClearOutputPreprocessor(enabled=True),
        ClearMetadataPreprocessor(
            enabled=True,
            preserve_cell_metadata_mask={"tags"},
            preserve_nb_metadata_mask={"kernelspec", "language_info"},
        ),
    ]


def student_notebook(notebook, mode: str = "student"):
    """Return the student (or self-study) version of a notebook (an nbformat notebook, or its JSON
    data).

    >>> import nbformat
    >>> source = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("Question"),
    ...     nbformat.v4.new_markdown_cell("Answer: 3", metadata={"tags": ["instructor"]})])
    >>> [cell.source for cell in student_notebook(source).cells]
    ['Question']
    """
    import copy

    import nbformat

    result = nbformat.from_dict(copy.deepcopy(dict(notebook)))
    resources: dict = {}
    for preprocessor in student_preprocessors(mode):
        result, resources = preprocessor(result, resources)
    return result


def student_readme(binder: str | None = None, branch: str = "main", texts: bool = True) -> str:
    """The README of a student copy; with ``binder`` (a GitHub ``owner/name``), it opens with a
    Binder launch link.

    >>> readme = student_readme("teacher/student-version")
    >>> "mybinder.org/v2/gh/teacher/student-version/main" in readme
    True
    >>> "mybinder" in student_readme()
    False
    """
    line = ""
    if binder:
        from course.authoring.links import binder_link

        line = (
            f"- Open the course in your browser, nothing to install: [![Launch on Binder]"
            f"(https://mybinder.org/badge_logo.svg)]({binder_link(binder, branch)})\n"
        )
    readme = _TEMPLATE.read_text(encoding="utf-8").replace("{binder}", line)
    if not texts:
        readme = readme.replace(
            "The two source texts in `seeds/` are quoted",
            "This copy comes without the two source texts: your teacher gives you access to them "
            "(on a JupyterHub they are usually set up for you; the folder is named by the "
            "environment variable `COURSE_TEXTS`). The texts are quoted",
        )
    return readme


@dataclass(frozen=True)
class Release:
    """What ``release`` made: the folder, the lessons, and what an update kept or removed."""

    folder: Path
    notebooks: tuple[Path, ...]
    mode: str
    kept: str


def release(
    destination: str | Path,
    mode: str = "student",
    force: bool = False,
    binder: str | None = None,
    branch: str = "main",
    texts: bool = True,
) -> Release:
    """Write the student (or self-study) version of the course to ``destination``.

    The folder must be new or empty, or an earlier release (then ``force=True`` updates it). An
    update replaces only the files the last release wrote and nobody has edited since; ``my-work/``,
    a teacher's own files, ``.git`` and edited copies stay, and the result says what was kept.
    ``binder`` (the GitHub ``owner/name`` the copy will be pushed to, on ``branch``) puts a Binder
    launch link in its README. A ``.gitignore`` keeps a tester's ``.venv`` and ``my-work`` out of
    the student repository. ``texts=False`` leaves the two text files out (their metadata and
    checksums stay), so that a public repository does not republish them: the course then reads
    them from the folder named by ``COURSE_TEXTS`` (see ``course.text.sources.text_bytes``).
    """
    import nbformat

    from course.authoring.folders import GeneratedFolder
    from course.errors import choose

    mode = choose(mode, MODES, "mode")
    readme = student_readme(
        binder, branch, texts
    )  # a bad repository name stops the release before anything is written
    source = project_folder()
    link = f"{binder} ({branch})" if binder else "none"
    notebooks = []
    settings = {"mode": mode, "binder": link, "texts": "included" if texts else "left out"}
    with GeneratedFolder(destination, MARKER, "release", force, settings) as folder:
        for name in _COPIED:
            path = source / name
            if path.is_dir():
                # Students get what they run: the authoring tools (guide, release, site, links) stay
                # behind.
                folder.copy_tree(
                    path,
                    name,
                    skip=lambda p: (
                        bool({"__pycache__", "authoring"} & set(p.parts))
                        or p.suffix == ".pyc"
                        or any(part.endswith(".egg-info") for part in p.parts)
                        or (not texts and p.parent.name == "seeds" and p.suffix == ".txt")
                        or (not texts and p.parent.name == "data" and p.name in _SENTENCE_FILES)
                    ),
                )
            elif path.exists():
                folder.write_bytes(name, path.read_bytes())
        if not texts:
            # The data files' full sentences would republish the texts: left out, and taken from
            # the texts themselves when the course runs (short quotations stay, as in any review).
            for name in _SENTENCE_FILES:
                folder.write_text(f"data/{name}", _without_sentences(source / "data" / name))
        folder.write_text("README.md", readme)
        folder.write_text(".gitignore", _STUDENT_GITIGNORE)
        for path in sorted((source / "notebooks").glob("[0-9][0-9]_*.ipynb")):
            notebook = student_notebook(nbformat.read(path, as_version=4), mode)
            folder.write_text(f"notebooks/{path.name}", nbformat.writes(notebook) + "\n")
            notebooks.append(folder.target / "notebooks" / path.name)
    return Release(folder.target, tuple(notebooks), mode, folder.report())


def _without_sentences(path: Path) -> str:
    """A data file with its ``sentence`` column emptied."""
    import csv
    import io

    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = [{**row, "sentence": ""} for row in reader]
        fields = list(reader.fieldnames or [])
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def release_settings(folder: str | Path) -> dict[str, str]:
    """What an earlier release in ``folder`` was made with (``mode``, ``binder``), or {} if there is
    none.

    >>> release_settings("/no/such/folder")
    {}
    """
    from course.authoring.folders import settings_of

    return settings_of(folder, MARKER)


def describe(made: Release, before: dict[str, str] | None = None) -> str:
    """A short report for the instructor after a release; ``before`` (``release_settings`` read
    before it) adds
    what an update changed, so that leaving out an option by mistake does not go unnoticed."""
    what = (
        "instructor notes removed"
        if made.mode == "student"
        else "instructor notes folded away behind a 'show' switch"
    )
    report = (
        f"Wrote the {made.mode} version of {len(made.notebooks)} lessons to {made.folder} "
        f"({what}; outputs "
        "cleared).\nHand out that folder, or push it to its own repository for Binder or "
        "nbgitpuller."
    )
    if made.kept:
        report += "\n" + made.kept
    now = release_settings(made.folder)
    if now.get("texts") == "left out":
        report += (
            "\nThe two text files were left out: the lessons read them from the folder named by "
            "COURSE_TEXTS (see the README, 'Handing out the course without the texts')."
        )
    for key, label in (("mode", "version"), ("binder", "Binder link"), ("texts", "texts")):
        if before and key in before and before[key] != now.get(key):
            report += (
                f"\nNote: the {label} changed from {before[key]!r} to {now.get(key)!r}. If that "
                "was not meant, "
                "run again with the earlier options."
            )
    return report
