"""Links that open the course for a class: on an institution's JupyterHub, or on Binder.

The JupyterHub link is an nbgitpuller link: nbgitpuller (installed with the course) clones the
repository into the student's home on the first click and, on later clicks, merges new commits
without overwriting files the student has changed. The Binder link builds the repository on
mybinder.org and opens lesson 00.
"""

from __future__ import annotations

from urllib.parse import quote, urlparse

from course.errors import CourseError, shown

__all__ = ["nbgitpuller_link", "binder_link"]


def _path_parts(path: str) -> list[str]:
    """The parts of a repository's path, without slashes or a ".git" ending: "/t/s.git/" gives ["t",
    "s"].
    """
    return [part for part in path.strip("/").removesuffix(".git").split("/") if part]


def _check_branch(branch: object) -> None:
    """A git branch name: text without spaces, like 'main'."""
    if (
        not isinstance(branch, str)
        or not branch.strip()
        or any(c.isspace() for c in branch)
        or branch.startswith("-")
    ):
        raise CourseError(f"Give the branch as its name, like 'main'; got {shown(branch)}.")


def nbgitpuller_link(
    hub: str, repository: str, branch: str = "main", lesson: str = "00_start_here.ipynb"
) -> str:
    """The link to give students: it pulls ``repository`` into their home on ``hub`` and opens
    ``lesson``.

    >>> nbgitpuller_link("https://hub.example.edu", "https://github.com/teacher/student-version")
    'https://hub.example.edu/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2Fteacher%2Fstudent-version&branch=main&targetpath=student-version&urlpath=lab%2Ftree%2Fstudent-version%2Fnotebooks%2F00_start_here.ipynb'
    >>> repository = "https://github.com/teacher/student-version"
    >>> nbgitpuller_link("hub.example.edu", repository)  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    course.errors.CourseError: The hub address must start with https:// (or http://), like
    'https://hub.example.edu'; got 'hub.example.edu'.
    """
    for name, value in (("hub", hub), ("repository", repository)):
        if (
            not isinstance(value, str)
            or urlparse(value).scheme not in ("http", "https")
            or not urlparse(value).netloc
        ):
            example = (
                "https://hub.example.edu"
                if name == "hub"
                else "https://github.com/teacher/student-version"
            )
            raise CourseError(
                f"The {name} address must start with https:// (or http://), like {example!r}; "
                f"got {shown(value)}."
            )
    parts = _path_parts(urlparse(repository).path)
    if not parts:
        raise CourseError(
            f"The repository address must name the repository, like "
            f"'https://github.com/teacher/student-version'; got {shown(repository)}."
        )
    _check_branch(branch)
    # Name the folder in the link: nbgitpuller's own default keeps a ".git" ending, and the lesson
    # would not open.
    folder = parts[-1]
    target = f"lab/tree/{folder}/notebooks/{lesson}"
    return (
        f"{hub.rstrip('/')}/hub/user-redirect/git-pull?repo={quote(repository, safe='')}"
        f"&branch={quote(branch, safe='')}&targetpath={quote(folder, safe='')}"
        f"&urlpath={quote(target, safe='')}"
    )


def binder_link(repository: str, branch: str = "main", lesson: str = "00_start_here.ipynb") -> str:
    """The Binder link that builds a GitHub ``repository`` (``owner/name`` or its address) and opens
    ``lesson``.

    >>> binder_link("teacher/student-version")
    'https://mybinder.org/v2/gh/teacher/student-version/main?urlpath=lab/tree/notebooks/00_start_here.ipynb'
    >>> binder_link("https://github.com/teacher/student-version.git", branch="spring")
    'https://mybinder.org/v2/gh/teacher/student-version/spring?urlpath=lab/tree/notebooks/00_start_here.ipynb'
    >>> binder_link("student-version")  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    course.errors.CourseError: Give the GitHub repository as owner/name, like
    'teacher/student-version' (or its https://github.com/ address); got 'student-version'.
    """
    text = repository.strip() if isinstance(repository, str) else ""
    if urlparse(text).scheme in ("http", "https"):
        text = (
            urlparse(text).path if urlparse(text).netloc in ("github.com", "www.github.com") else ""
        )
    parts = _path_parts(text)
    if len(parts) != 2 or not all(
        part.replace("-", "").replace("_", "").replace(".", "").isalnum() for part in parts
    ):
        raise CourseError(
            "Give the GitHub repository as owner/name, like 'teacher/student-version' "
            f"(or its https://github.com/ address); got {shown(repository)}."
        )
    _check_branch(branch)
    where = f"{parts[0]}/{parts[1]}/{quote(branch, safe='')}"
    return f"https://mybinder.org/v2/gh/{where}?urlpath=lab/tree/notebooks/{lesson}"
