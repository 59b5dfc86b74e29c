"""The course's own kernel: a Jupyter kernelspec that runs the lessons in the course's environment.

On a JupyterHub the hub's server and JupyterLab stay as they are: the administrator installs the
course into an environment of its own and runs ``python -m course kernel --prefix HUB_PREFIX``
with that environment's Python, which adds one kernel, ``china-russia-course``, beside the hub's
own. The lessons ask for that kernel by name. On a laptop or Binder, JupyterLab runs in the course's
environment, and ``pip install`` has put the same kernelspec there (``jupyter-config/kernel/``) with
``python`` as its program, which Jupyter runs as the server's own Python.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from course.errors import CourseError

__all__ = ["KERNEL_NAME", "DISPLAY_NAME", "KernelInstalled", "install_kernel", "remove_kernel"]

KERNEL_NAME = "china-russia-course"
"""The name every lesson's metadata asks for (a test keeps the notebooks in step)."""

DISPLAY_NAME = "Reading sources critically (course)"
"""What JupyterLab shows on the kernel's button and in its launcher."""

# Marks a kernelspec this module wrote, so that it never replaces or removes anyone else's.
_MARK = "the course's own kernel (python -m course kernel)"


@dataclass(frozen=True)
class KernelInstalled:
    """Where the kernelspec went, which Python it runs, and the texts folder it names, if any."""

    folder: Path
    python: str
    texts: str | None

    def __str__(self) -> str:
        lines = [
            f"Installed the course's kernel '{KERNEL_NAME}' ({DISPLAY_NAME}) in {self.folder}.",
            f"It runs {self.python}; the lessons ask for it by name.",
        ]
        if self.texts:
            lines.append(f"Its lessons read the two texts from {self.texts} (COURSE_TEXTS).")
        return "\n".join(lines)


def _kernels_folder(prefix: str | None, user: bool) -> Path:
    if user:
        from jupyter_core.paths import jupyter_data_dir

        return Path(jupyter_data_dir()) / "kernels"
    if not prefix or not str(prefix).strip():
        raise CourseError(
            "Say where to install the kernel: --prefix FOLDER (the environment the hub's "
            "JupyterLab runs in, like /opt/tljh/user), --sys-prefix (this environment) or --user."
        )
    environment = Path(prefix).expanduser().absolute()
    if not environment.is_dir():
        raise CourseError(
            f"There is no folder {environment}: give the folder of the environment the hub's "
            "JupyterLab runs in (on TLJH, /opt/tljh/user)."
        )
    return environment / "share" / "jupyter" / "kernels"


def _ours(folder: Path) -> bool:
    try:
        spec = json.loads((folder / "kernel.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(spec, dict) and spec.get("metadata", {}).get("course") == _MARK


def _check_texts(folder: str) -> str:
    """The texts folder, made absolute, once both files in it are the texts as received."""
    from course.text.sources import is_as_received, recorded_checksums

    where = Path(folder).expanduser().absolute()
    for name in recorded_checksums():
        try:
            data = (where / name).read_bytes()
        except OSError:
            raise CourseError(
                f"{where} does not hold the text file {name}: copy both files from the course's "
                "seeds/ folder there first."
            ) from None
        if not is_as_received(name, data):
            raise CourseError(
                f"{where / name} is not the text the course was built on (its checksum differs "
                "from seeds/SHA256SUMS): copy the file as received."
            )
    return str(where)


def install_kernel(
    prefix: str | None = None, *, user: bool = False, texts: str | None = None
) -> KernelInstalled:
    """Install the course's kernelspec, running this Python, into ``prefix`` (or the user's folder).

    ``texts`` names a folder holding the two text files (for a copy handed out without them): the
    kernel then sets ``COURSE_TEXTS`` for every lesson. A kernelspec of the same name that this
    command did not write is never replaced.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as hub:
    ...     made = install_kernel(hub)
    ...     spec = json.loads((made.folder / "kernel.json").read_text())
    ...     remove_kernel(hub).name
    'china-russia-course'
    >>> spec["argv"][0] == sys.executable, spec["display_name"] == DISPLAY_NAME
    (True, True)
    >>> install_kernel("  ")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    course.errors.CourseError: Say where to install the kernel: ...
    """
    from ipykernel.kernelspec import write_kernel_spec

    destination = _kernels_folder(prefix, user) / KERNEL_NAME
    if destination.exists() and not _ours(destination):
        raise CourseError(
            f"{destination} holds a kernel the course did not install; it was left as it is. "
            "Remove it yourself if it is not needed, then run this again."
        )
    overrides: dict = {"display_name": DISPLAY_NAME, "metadata": {"course": _MARK}}
    folder = _check_texts(texts) if texts else None
    if folder:
        overrides["env"] = {"COURSE_TEXTS": folder}
    destination.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        made = Path(write_kernel_spec(Path(scratch) / "spec", overrides=overrides))
        # kernel.json last, each file replaced whole: a crash leaves the old spec or the new one.
        for file in sorted(made.iterdir(), key=lambda f: f.name == "kernel.json"):
            partial = destination / f".{file.name}.partial"
            partial.write_bytes(file.read_bytes())
            os.replace(partial, destination / file.name)
    return KernelInstalled(destination, sys.executable, folder)


def remove_kernel(prefix: str | None = None, *, user: bool = False) -> Path:
    """Remove the kernelspec this command installed (only its own files); return its folder.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as hub:
    ...     remove_kernel(hub)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    course.errors.CourseError: There is no kernel of the course in ...; nothing to remove.
    """
    destination = _kernels_folder(prefix, user) / KERNEL_NAME
    if not destination.exists():
        raise CourseError(f"There is no kernel of the course in {destination}; nothing to remove.")
    if not _ours(destination):
        raise CourseError(
            f"{destination} holds a kernel the course did not install; it was left as it is."
        )
    from ipykernel.kernelspec import RESOURCES

    for name in ["kernel.json", *(file.name for file in Path(RESOURCES).iterdir())]:
        (destination / name).unlink(missing_ok=True)
    if not any(destination.iterdir()):
        destination.rmdir()
    return destination
