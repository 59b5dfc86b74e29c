"""Where the course's files live: the project folder holding ``seeds/``, ``data/`` and ``notebooks/``.

The package is installed in editable mode from the project folder (``-e .`` in
``requirements.txt``), so the project folder is the parent of this package. The environment
variable ``COURSE_HOME`` can point somewhere else, e.g. for a copy of the course files.
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
    folder = Path(configured) if configured else Path(__file__).resolve().parent.parent
    if not (folder / "seeds").is_dir():
        raise CourseError(
            f"The course files were not found in {str(folder)!r} (no 'seeds' folder there). "
            "Install the course from its own folder with: pip install -r requirements.txt, "
            "or set COURSE_HOME to the folder that holds 'seeds', 'data' and 'notebooks'."
        )
    return folder


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
