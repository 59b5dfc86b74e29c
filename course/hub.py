"""Links for an institution's JupyterHub: an nbgitpuller link that puts a copy of the course in each
student's home folder and opens the first lesson.

nbgitpuller (installed on the hub) clones the repository on the first click and, on later clicks,
merges new commits without overwriting files the student has changed.
"""

from __future__ import annotations

from urllib.parse import quote, urlparse

from course.errors import CourseError

__all__ = ["nbgitpuller_link"]


def nbgitpuller_link(hub: str, repository: str, branch: str = "main", lesson: str = "00_start_here.ipynb") -> str:
    """The link to give students: it pulls ``repository`` into their home on ``hub`` and opens ``lesson``.

    >>> nbgitpuller_link("https://hub.example.edu", "https://github.com/teacher/student-version")
    'https://hub.example.edu/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2Fteacher%2Fstudent-version&branch=main&targetpath=student-version&urlpath=lab%2Ftree%2Fstudent-version%2Fnotebooks%2F00_start_here.ipynb'
    >>> nbgitpuller_link("hub.example.edu", "https://github.com/teacher/student-version")
    Traceback (most recent call last):
    ...
    course.errors.CourseError: The hub address must start with https:// (or http://), like 'https://hub.example.edu'; got 'hub.example.edu'.
    """
    for name, value in (("hub", hub), ("repository", repository)):
        if not isinstance(value, str) or urlparse(value).scheme not in ("http", "https") or not urlparse(value).netloc:
            example = "https://hub.example.edu" if name == "hub" else "https://github.com/teacher/student-version"
            raise CourseError(f"The {name} address must start with https:// (or http://), like {example!r}; got {value!r}.")
    # Name the folder in the link: nbgitpuller's own default keeps a ".git" ending, and the lesson would not open.
    folder = urlparse(repository).path.rstrip("/").rsplit("/", 1)[-1].removesuffix(".git")
    target = f"lab/tree/{folder}/notebooks/{lesson}"
    return (f"{hub.rstrip('/')}/hub/user-redirect/git-pull?repo={quote(repository, safe='')}"
            f"&branch={quote(branch, safe='')}&targetpath={quote(folder, safe='')}&urlpath={quote(target, safe='')}")
