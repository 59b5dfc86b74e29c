"""The branch `student-version` (.ci/student-version, run by GitHub on every push to main): made
from scratch, then updated on top of its own history, so nbgitpuller can bring updates to students.
The test clones the committed course (HEAD), as GitHub's checkout would."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from course.paths import project_folder

pytestmark = pytest.mark.slow


def _git(*args: str, cwd: Path) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=T", "-c", "user.email=t@example.edu", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def test_the_script_makes_the_branch_then_adds_an_update_on_top(tmp_path):
    origin, clone = tmp_path / "origin.git", tmp_path / "clone"
    _git("init", "-q", "--bare", str(origin), cwd=tmp_path)
    _git("clone", "-q", str(project_folder()), str(clone), cwd=tmp_path)
    _git("remote", "set-url", "origin", str(origin), cwd=clone)
    # The script's Python is the course's; the test's copy of the course must not leak in.
    env = {**{k: v for k, v in os.environ.items() if k != "PYTHONPATH"}, "PYTHON": sys.executable}

    def run_script() -> str:
        done = subprocess.run(
            ["bash", ".ci/student-version"], cwd=clone, env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    assert "Pushed" in run_script()
    first = _git("rev-parse", "student-version", cwd=origin).strip()
    files = _git("ls-tree", "-r", "--name-only", "student-version", cwd=origin).split()
    assert "notebooks/00_start_here.ipynb" in files and ".course-release" in files
    assert not [f for f in files if f.startswith("course/authoring")]
    assert "up to date" in run_script()  # nothing changed: no empty commit

    (clone / "GLOSSARY.md").write_text("An update.\n", encoding="utf-8")
    _git("commit", "-qam", "An update", cwd=clone)
    assert "Pushed" in run_script()
    history = _git("rev-list", "student-version", cwd=origin).split()
    assert len(history) == 2 and history[1] == first  # the update sits on top of the first
    glossary = _git("show", "student-version:GLOSSARY.md", cwd=origin)
    assert glossary == "An update.\n"


def test_the_readmes_links_for_the_branch_are_the_ones_the_commands_make():
    from course.authoring.links import binder_link, nbgitpuller_link

    readme = (project_folder() / "README.md").read_text(encoding="utf-8")
    assert f"`{binder_link('OWNER/REPOSITORY', 'student-version')}`" in readme
    hub = nbgitpuller_link("https://HUB", "https://github.com/OWNER/REPOSITORY", "student-version")
    assert f"`{hub}`" in readme
