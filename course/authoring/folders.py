"""Writing a generated folder (a student version, a static site) without touching anyone else's
work.

The folder keeps a list of what the course wrote into it last time, with a checksum of each file
(the *manifest*, in the marker file). An update replaces and removes only files on that list that
nobody has changed since; everything else stays as it is: a student's ``my-work/``, a teacher's own
files, a repository's ``.git``, and a generated file someone edited (its new version is then not
written, and the report says so). The folder must lie outside the course, and may not hold the
course.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from course.errors import CourseError, shown

__all__ = ["GeneratedFolder", "checksum", "settings_of"]


def checksum(data: bytes) -> str:
    """The SHA-256 checksum of some bytes, as hexadecimal text.

    >>> checksum(b"")[:12]
    'e3b0c44298fc'
    """
    return hashlib.sha256(data).hexdigest()


@dataclass
class GeneratedFolder:
    """A folder the course fills with generated files, safely; use it in a ``with`` block.

    ``marker`` is the name of the file that marks the folder as the course's output (and holds the
    manifest); ``what`` names the output in messages ("release", "site"); ``force`` allows updating
    an earlier output; ``settings`` are recorded in the marker (a release's mode, for example).

    >>> import tempfile
    >>> target = Path(tempfile.mkdtemp()) / "out"
    >>> with GeneratedFolder(target, ".course-example", "example") as folder:
    ...     folder.write_text("notes/a.txt", "one")
    True
    >>> (target / "own.txt").write_text("mine", encoding="utf-8")
    4
    >>> with GeneratedFolder(target, ".course-example", "example", force=True) as folder:
    ...     folder.write_text("notes/b.txt", "two")
    True
    >>> sorted(p.name for p in target.rglob("*.txt"))  # a.txt was ours and is gone; own.txt stays
    ['b.txt', 'own.txt']
    """

    destination: str | Path
    marker: str
    what: str
    force: bool = False
    settings: dict[str, str] = field(default_factory=dict)
    target: Path = field(init=False)
    written: dict[str, str] = field(init=False, default_factory=dict)
    kept_edited: list[str] = field(init=False, default_factory=list)
    kept_theirs: list[str] = field(init=False, default_factory=list)
    removed: list[str] = field(init=False, default_factory=list)
    _before: dict[str, str] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        from course.paths import project_folder

        if (
            not isinstance(self.destination, (str, os.PathLike))
            or not str(self.destination).strip()
        ):
            raise CourseError(
                f"Give the {self.what}'s folder as a path, like ../student-version; you gave "
                f"{shown(self.destination)}."
            )
        target = Path(self.destination).expanduser().resolve()
        course = project_folder().resolve()
        if target == course or course in target.parents:
            raise CourseError(
                f"Choose a folder outside the course itself for the {self.what}; {str(target)!r} "
                "is inside it."
            )
        if target in course.parents:
            raise CourseError(
                f"Choose a new folder for the {self.what}: {str(target)!r} holds the course "
                "itself, which "
                "the command must never write into."
            )
        if target.exists() and not target.is_dir():
            raise CourseError(
                f"{str(target)!r} is a file, not a folder. Choose a new folder for the {self.what}."
            )
        marker = target / self.marker
        # A new git repository (only .git in it) counts as empty: a release may start one.
        if target.exists() and any(entry.name != ".git" for entry in target.iterdir()):
            if not marker.is_file():
                raise CourseError(
                    f"{str(target)!r} already holds files that are not a course {self.what}. "
                    "Choose a new "
                    f"or empty folder: the {self.what} never writes over other work."
                )
            if not self.force:
                raise CourseError(
                    f"{str(target)!r} holds an earlier {self.what}. Run again with --force to "
                    "update it "
                    "(files the course did not write, and files someone edited, are kept), or "
                    "choose a "
                    "new folder."
                )
            self._before = _manifest(marker)
        try:
            target.mkdir(parents=True, exist_ok=True)
            probe = target / (self.marker + ".probe")
            probe.write_bytes(b"")
            probe.unlink()
        except OSError as error:
            raise CourseError(
                f"Cannot write to {str(target)!r} ({error.strerror or error}). Choose a folder "
                "you may "
                "write to."
            ) from None
        self.target = target

    # -- writing ----------------------------------------------------------------------------------

    def _path(self, relative: str) -> Path:
        parts = PurePosixPath(relative).parts
        if (
            not parts
            or any(part in ("..", "") for part in parts)
            or PurePosixPath(relative).is_absolute()
        ):
            raise ValueError(f"not a relative path inside the folder: {relative!r}")
        return self.target.joinpath(*parts)

    def write_bytes(self, relative: str, data: bytes) -> bool:
        """Write a generated file, unless someone else's file of that name is in the way; True if
        written.
        """
        path, digest = self._path(relative), checksum(data)
        if path.exists() or path.is_symlink():
            current = checksum(path.read_bytes()) if path.is_file() else None
            ours_unchanged = relative in self._before and current == self._before[relative]
            if current != digest and not ours_unchanged:
                (self.kept_edited if relative in self._before else self.kept_theirs).append(
                    relative
                )
                if (
                    relative in self._before
                ):  # still ours on the list, as we left it: never removed later
                    self.written[relative] = self._before[relative]
                return False
        path.parent.mkdir(parents=True, exist_ok=True)
        if not (path.exists() and checksum(path.read_bytes()) == digest):
            path.write_bytes(data)
        self.written[relative] = digest
        return True

    def write_text(self, relative: str, text: str) -> bool:
        """Write a generated text file (UTF-8); True if written."""
        return self.write_bytes(relative, text.encode("utf-8"))

    def copy_tree(self, source: Path, relative: str, skip=lambda path: False) -> None:
        """Copy every file under ``source`` to ``relative`` in the folder, except those ``skip``
        picks.
        """
        for path in sorted(source.rglob("*")):
            if path.is_file() and not skip(path):
                self.write_bytes(
                    str(PurePosixPath(relative, *path.relative_to(source).parts)), path.read_bytes()
                )

    # -- finishing
    # ----------------------------------------------------------------------------------

    def __enter__(self) -> GeneratedFolder:
        return self

    def __exit__(self, kind, error, trace) -> None:
        if (
            kind is None
        ):  # remove what we wrote last time and did not write again, if nobody changed it
            for relative, digest in sorted(self._before.items()):
                if relative in self.written:
                    continue
                path = self._path(relative)
                if path.is_file() and checksum(path.read_bytes()) == digest:
                    path.unlink()
                    self.removed.append(relative)
                    _remove_empty_parents(path.parent, self.target)
                elif path.exists():
                    self.kept_edited.append(relative)
            manifest = self.written
        # stopped half-way: remember both lists, so that the next run still knows what is ours
        else:
            manifest = {**self._before, **self.written}
        record = {
            "made by": f"python -m course {self.what}",
            **self.settings,
            "files": dict(sorted(manifest.items())),
        }
        (self.target / self.marker).write_text(
            json.dumps(record, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )

    def others(self) -> list[str]:
        """Top-level entries of the folder that the course did not write (shown in the report as
        kept).
        """
        ours = {PurePosixPath(relative).parts[0] for relative in self.written} | {self.marker}
        return sorted(
            entry.name + ("/" if entry.is_dir() else "")
            for entry in self.target.iterdir()
            if entry.name not in ours and entry.name != ".git"
        )

    def report(self) -> str:
        """What the update kept and removed, in words ('' when there is nothing to say)."""
        lines = []
        if self.others():
            lines.append(
                "Kept, as the course did not write them: " + ", ".join(self.others()) + "."
            )
        if self.kept_edited:
            lines.append(
                "Kept your edited copies (their new versions were not written; delete or rename "
                "a copy and "
                "run again to get the new one): " + ", ".join(sorted(set(self.kept_edited))) + "."
            )
        if self.kept_theirs:
            lines.append(
                "Not written, because a file of the same name that the course did not write is "
                "in the way: " + ", ".join(sorted(self.kept_theirs)) + "."
            )
        if self.removed:
            lines.append(
                f"Removed {len(self.removed)} file{'s' if len(self.removed) != 1 else ''} the "
                "course wrote last "
                "time and no longer makes: "
                + ", ".join(self.removed[:8])
                + (" …" if len(self.removed) > 8 else "")
                + "."
            )
        return "\n".join(lines)


def _manifest(marker: Path) -> dict[str, str]:
    """The files an earlier run wrote, with their checksums ({} for an old marker without one)."""
    try:
        record = json.loads(marker.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError, OSError):
        return {}
    files = record.get("files") if isinstance(record, dict) else None
    return {str(k): str(v) for k, v in files.items()} if isinstance(files, dict) else {}


def _remove_empty_parents(folder: Path, top: Path) -> None:
    while folder != top and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def settings_of(folder: str | Path, marker: str) -> dict[str, str]:
    """The settings an earlier output in ``folder`` recorded ({} if there is none), old marker
    format included.
    """
    path = Path(folder).expanduser() / marker
    if not path.is_file():
        return {}
    text = path.read_text(encoding="utf-8", errors="replace")
    try:
        record = json.loads(text)
        return (
            {str(k): str(v) for k, v in record.items() if k != "files"}
            if isinstance(record, dict)
            else {}
        )
    except ValueError:  # the first releases wrote "key = value" lines
        return {
            k.strip(): v.strip()
            for k, _, v in (line.partition("=") for line in text.splitlines())
            if _
        }
