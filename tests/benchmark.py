"""Benchmark: how much the course costs beyond the libraries it is built on, as ratios measured in
one run.

    python tests/benchmark.py

1. Time to execute every lesson, against the same number of notebooks that only import pandas,
   matplotlib and ipywidgets (each run in a fresh kernel, like nbval).
2. Import time of ``course`` (and of its first real use) against importing those three libraries.
3. Size of the installed environment against the bare pinned libraries (jupyterlab, pandas,
   matplotlib, ipywidgets and what they need), with the course's own files counted on top.

Ratios, not seconds, are the result: they stay comparable across machines. Not a test; nothing here
is timed by pytest.
"""

from __future__ import annotations

import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIBRARIES = ("jupyterlab", "pandas", "matplotlib", "ipywidgets")


def _run_notebooks(paths: list[Path], cwd: Path) -> float:
    import nbformat
    from nbconvert.preprocessors import ExecutePreprocessor

    start = time.perf_counter()
    for path in paths:
        notebook = nbformat.read(path, as_version=4)
        ExecutePreprocessor(
            timeout=300,
            kernel_name="python3",
            allow_errors=True,
            extra_arguments=["--IPKernelApp.log_level=ERROR"],
        ).preprocess(notebook, {"metadata": {"path": str(cwd)}})
    return time.perf_counter() - start


def lesson_time_ratio() -> tuple[float, float]:
    lessons = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    with tempfile.TemporaryDirectory() as folder:
        baseline = []
        for number in range(len(lessons)):
            path = Path(folder) / f"baseline_{number}.ipynb"
            path.write_text(
                json.dumps(
                    {
                        "cells": [
                            {
                                "cell_type": "code",
                                "id": "c",
                                "metadata": {},
                                "outputs": [],
                                "execution_count": None,
                                "source": "import pandas, matplotlib, ipywidgets",
                            }
                        ],
                        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3"}},
                        "nbformat": 4,
                        "nbformat_minor": 5,
                    }
                ),
                encoding="utf-8",
            )
            baseline.append(path)
        base = _run_notebooks(baseline, Path(folder))
    import os

    os.environ["COURSE_WORK"] = tempfile.mkdtemp(prefix="course-bench-")
    course = _run_notebooks(lessons, ROOT / "notebooks")
    return course, base


def _import_seconds(code: str, repeats: int = 5) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _closure(names: tuple[str, ...]) -> set[str]:
    from packaging.requirements import Requirement

    seen: set[str] = set()
    todo = list(names)
    while todo:
        name = re.sub(r"[-_.]+", "-", todo.pop()).lower()
        if name in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        seen.add(name)
        for line in dist.requires or []:
            requirement = Requirement(line)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                todo.append(requirement.name)
    return seen


def _size(dist: metadata.Distribution) -> int:
    total = 0
    for file in dist.files or []:
        path = Path(dist.locate_file(file))
        if path.is_file():
            total += path.stat().st_size
    return total


def size_ratio() -> tuple[int, int]:
    bare = _closure(LIBRARIES)
    everything = {
        re.sub(r"[-_.]+", "-", d.metadata["Name"]).lower(): d for d in metadata.distributions()
    }
    bare_size = sum(_size(everything[name]) for name in bare if name in everything)
    own = sum(
        p.stat().st_size
        for folder in ("course", "data", "seeds", "notebooks")
        for p in (ROOT / folder).rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    )
    installed = sum(_size(d) for name, d in everything.items() if name != "course") + own
    return installed, bare_size


def main() -> None:
    course_time, base_time = lesson_time_ratio()
    course_import = _import_seconds("import course")
    course_use = _import_seconds("import course; course.load_source('news'); course.check_table()")
    libraries_import = _import_seconds("import pandas, matplotlib, ipywidgets")
    installed, bare = size_ratio()
    rows = [
        (
            "run every lesson / run baseline notebooks",
            course_time / base_time,
            f"{course_time:.1f} s / {base_time:.1f} s",
        ),
        (
            "import course / import pandas, matplotlib, ipywidgets",
            course_import / libraries_import,
            f"{course_import:.2f} s / {libraries_import:.2f} s",
        ),
        (
            "import course and first use / import the three libraries",
            course_use / libraries_import,
            f"{course_use:.2f} s / {libraries_import:.2f} s",
        ),
        (
            "installed environment / bare pinned libraries",
            installed / bare,
            f"{installed / 1e6:.0f} MB / {bare / 1e6:.0f} MB",
        ),
    ]
    print(f"{'measure':58} {'ratio':>6}  measured")
    for name, ratio, detail in rows:
        print(f"{name:58} {ratio:6.2f}  {detail}")


if __name__ == "__main__":
    main()
