"""Where the course's files live: the project folder holding ``seeds/``, ``data/`` and ``notebooks/``.

Looked for, in order: the folder named by the environment variable ``COURSE_HOME``; the parent
of this package (the usual case: ``requirements.txt`` installs the package in place with
``-e .``); and the current folder and its parents (Binder also installs a copy of the package
with ``pip install .``, and its notebooks run inside the project folder).
"""

from __future__ import annotations

import os
from pathlib import Path

from course.errors import CourseError

__all__ = ["project_folder", "seeds_folder", "data_folder", "notebooks_folder"]


def project_folder() -> Path:
    """Return the course's project folder (the one with ``seeds/`` in it).

    >>> (project_folder() / "seeds").is_dir()
    True
    """
    configured = os.environ.get("COURSE_HOME")
    if configured:
        candidates = [Path(configured)]
    else:
        here = Path.cwd().resolve()
        candidates = [Path(__file__).resolve().parent.parent, here, *here.parents]
    for folder in candidates:
        if (folder / "seeds").is_dir() and (folder / "notebooks").is_dir():
            return folder
    raise CourseError(
        f"The course files were not found (looked in {str(candidates[0])!r} and the folders around it). "
        "Open the notebooks from inside the course folder, install the course from its own folder with "
        "'pip install -r requirements.txt', or set COURSE_HOME to the folder that holds 'seeds' and 'notebooks'."
    )


def seeds_folder() -> Path:
    """Return the folder of the source texts as received.

    >>> seeds_folder().name
    'seeds'
    """
    return project_folder() / "seeds"


def data_folder() -> Path:
    """Return the folder of the course's data files.

    >>> data_folder().name
    'data'
    """
    return project_folder() / "data"


def notebooks_folder() -> Path:
    """Return the folder of the lessons.

    >>> notebooks_folder().name
    'notebooks'
    """
    return project_folder() / "notebooks"
