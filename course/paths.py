"""Where the course's files live: the project folder holding ``seeds/``, ``data/`` and
``notebooks/``.

Looked for, in order: the folder named by the environment variable ``COURSE_HOME``; the parent
of this package (when it is imported from the course folder itself, as by the tests and the
``python -m course`` commands); and the current folder and its parents (the usual case in a
lesson: ``requirements.txt`` installs a copy of the package, and notebooks run inside the course).
Data files are read here too, once per session each (``read_data``).
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

from course.errors import CourseError

__all__ = [
    "project_folder",
    "course_folder_around",
    "seeds_folder",
    "data_folder",
    "notebooks_folder",
    "read_data",
]


def _is_course_folder(folder: Path) -> bool:
    return (folder / "seeds").is_dir() and (folder / "notebooks").is_dir()


def course_folder_around(start: Path) -> Path | None:
    """The nearest folder at or above ``start`` that holds a copy of the course, or None.

    >>> course_folder_around(notebooks_folder()) == project_folder()
    True
    """
    start = start.resolve()
    return next((folder for folder in (start, *start.parents) if _is_course_folder(folder)), None)


def project_folder() -> Path:
    """Return the course's project folder (the one with ``seeds/`` in it).

    >>> (project_folder() / "seeds").is_dir()
    True
    """
    configured = os.environ.get("COURSE_HOME")
    first = Path(configured) if configured else Path(__file__).resolve().parent.parent
    if _is_course_folder(first):
        return first
    found = None if configured else course_folder_around(Path.cwd())
    if found is not None:
        return found
    raise CourseError(
        f"The course files were not found (looked in {str(first)!r} and the folders around it). "
        "Open the notebooks from inside the course folder, install the course from its own "
        "folder with "
        "'pip install -r requirements.txt', or set COURSE_HOME to the folder that holds 'seeds' "
        "and 'notebooks'."
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


@functools.cache
def read_data(path: Path):
    """A CSV data file as a pandas DataFrame of text, exactly as written (no number or missing-value
    guessing).

    Read once per session and shared: callers filter or copy it, never change it in place.

    >>> read_data(data_folder() / "statistics.csv").columns[0]
    'statistic_id'
    """
    import pandas as pd  # imported here so that `import course` stays light

    return pd.read_csv(path, dtype=str, keep_default_na=False)
