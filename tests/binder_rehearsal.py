"""Rehearse a Binder launch on this machine (a script, not a test: it installs from PyPI).

Binder builds the repository with repo2docker and starts it with jupyterhub-singleuser. No Docker
engine runs here, so this script does the next best thing, in a throw-away folder:

1. a clean clone of this repository (what Binder fetches);
2. a Python 3.11 environment holding the Jupyter packages of repo2docker's base image, at the
   versions of its lock file (BASE_IMAGE below), as pip packages instead of conda ones;
3. the two install steps of repo2docker's Dockerfile: ``pip install -r requirements.txt``, then
   ``pip install .``; then ``pip check``, which reports any package the pins leave broken;
4. the browser tests (tests/test_browser.py) with that environment: the README's launch address
   opens lesson 00, every lesson runs with Run All Cells in headless Chromium.

What it cannot check: the Docker build itself, conda's versions of the other packages,
mybinder.org's own servers and the GitHub address in the README's badge.

Usage: python tests/binder_rehearsal.py   (needs python3.11, git, chromium and access to PyPI)
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The Jupyter packages in repo2docker 2026.4.0's base image for Python 3.11, from
# repo2docker/buildpacks/conda/environment.py-3.11-linux-64.lock (generated 2025-10-16).
# conda's jupyterhub-singleuser 5.4.0 and nbconvert-core 7.16.6 are pip's jupyterhub and nbconvert.
BASE_IMAGE = [
    "jupyterlab==4.4.9",
    "notebook==7.4.7",
    "jupyterhub==5.4.0",
    "jupyter_server==2.17.0",
    "jupyter-resource-usage==1.2.0",
    "jupyter-offlinenotebook==0.3.2",
    "ipywidgets==8.1.7",
    "ipykernel==7.0.1",
    "nbconvert==7.16.6",
]


def step(title: str, command: list[str], cwd: Path) -> None:
    print(f"\n== {title}\n$ {' '.join(command)}", flush=True)
    result = subprocess.run(command, cwd=cwd)
    if result.returncode != 0:
        sys.exit(f"Binder rehearsal failed at: {title}")


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="binder-") as scratch:
        folder, env = Path(scratch) / "repository", Path(scratch) / "env"
        python = str(env / "bin" / "python")
        step(
            "clone, as Binder fetches the repository",
            ["git", "clone", "-q", str(ROOT), str(folder)],
            Path(scratch),
        )
        runtime = (folder / "runtime.txt").read_text(encoding="utf-8").strip()
        step(
            f"an environment for {runtime} (runtime.txt)",
            [f"python{runtime.removeprefix('python-')}", "-m", "venv", str(env)],
            folder,
        )
        step(
            "the base image's Jupyter packages",
            [python, "-m", "pip", "install", "-q", *BASE_IMAGE],
            folder,
        )
        step(
            "repo2docker's first install step",
            [python, "-m", "pip", "install", "-q", "-r", "requirements.txt"],
            folder,
        )
        step(
            "repo2docker's second install step", [python, "-m", "pip", "install", "-q", "."], folder
        )
        step("no broken requirements", [python, "-m", "pip", "check"], folder)
        step(
            "the launch address and every lesson in the browser",
            [python, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_browser.py"],
            folder,
        )
    print("\nBinder rehearsal passed.")


if __name__ == "__main__":
    main()
