"""The project as a whole: pinned set-up, README commands equal CI, Binder rules, no work at import,
offline.
"""

import json
import re
import socket
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from course.paths import project_folder

ROOT = project_folder()


def readme() -> str:
    return (ROOT / "README.md").read_text(encoding="utf-8")


def bash_blocks(text: str) -> list[str]:
    return [block.strip() for block in re.findall(r"```bash\n(.*?)```", text, re.DOTALL)]


def test_every_requirement_is_pinned_exactly():
    lines = [
        line.strip()
        for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    ]
    packages = [line for line in lines if line and not line.startswith("#")]
    assert "." in packages, "the course package must be installed from the same file"
    loose = [
        line
        for line in packages
        if line != "." and not re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[A-Za-z0-9_.+\-]+", line)
    ]
    assert not loose, f"not pinned with ==: {loose}"
    names = {line.split("==")[0].lower() for line in packages if "==" in line}
    assert {"jupyterlab", "pandas", "matplotlib", "ipywidgets", "nbval", "pytest"} <= names


def test_readme_gives_the_two_commands_and_ci_runs_the_second_verbatim():
    blocks = bash_blocks(readme())
    install = [
        b for b in blocks if "jupyter lab --notebook-dir=. notebooks/00_start_here.ipynb" in b
    ]
    tests = [b for b in blocks if b.endswith("-m pytest")]
    assert len(install) == 1 and len(tests) == 1
    for command in install + tests:
        assert "pip install -r requirements.txt" in command and "\n" not in command
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()
    assert ci[-1] == tests[0], ".ci/run must end with the README's test command"
    assert "set -euo pipefail" in ci and "rm -rf .venv" in ci


@pytest.mark.slow
def test_the_readme_open_command_serves_the_whole_course_and_opens_lesson_00(tmp_path):
    # Without --notebook-dir, JupyterLab would serve only notebooks/: the lessons' glossary link and
    # my-work/ lie outside.
    import os
    import time
    import urllib.request

    from browser import free_port

    install = next(b for b in bash_blocks(readme()) if "jupyter lab" in b)
    arguments = install.split(".venv/bin/jupyter ", 1)[1].split()
    port = free_port()
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp_path), "HOME": str(tmp_path)}
    lab = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "jupyter",
            *arguments,
            "--no-browser",
            f"--port={port}",
            "--ServerApp.ip=127.0.0.1",
            "--IdentityProvider.token=",
            "--allow-root",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.time() + 60
        while (
            not list(tmp_path.glob("jpserver-file-to-run-*-open.html")) and time.time() < deadline
        ):
            time.sleep(0.3)
        opened = next(tmp_path.glob("jpserver-file-to-run-*-open.html")).read_text(encoding="utf-8")
        assert f"127.0.0.1:{port}/lab/tree/notebooks/00_start_here.ipynb" in opened.replace(
            "localhost", "127.0.0.1"
        )
        with urllib.request.urlopen(
            f"http://127.0.0.1:{port}/api/contents/GLOSSARY.md?content=0", timeout=10
        ) as answer:
            assert json.load(answer)["path"] == "GLOSSARY.md"
    finally:
        lab.terminate()
        lab.wait(timeout=20)


def test_binder_uses_the_same_requirements_and_a_supported_python():
    # repo2docker's documented rules: a binder/ folder would hide the root files; runtime.txt picks
    # Python
    # (without it, Python 3.10, too old for these pins); with a pyproject.toml it installs
    # requirements.txt
    # after copying the course, so the local reference `.` can be found.
    assert not (ROOT / "binder").exists() and not (ROOT / ".binder").exists()
    runtime = (ROOT / "runtime.txt").read_text(encoding="utf-8").strip()
    assert runtime == "python-3.11"
    with (ROOT / "pyproject.toml").open("rb") as handle:
        requires = tomllib.load(handle)["project"]["requires-python"]
    assert requires == ">=3.11"
    from course.authoring.links import binder_link

    link = re.search(r"https://mybinder\.org/v2/gh/[^)\s]+", readme())
    assert link and link.group(0) == binder_link("OWNER/REPOSITORY"), (
        "the README's link is the one binder-link makes"
    )


def _data_files() -> dict[str, list[str]]:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return tomllib.load(handle)["tool"]["setuptools"]["data-files"]


def test_the_jupyterlab_settings_are_installed_with_the_course():
    # The settings reach JupyterLab only from the environment's own folders; the browser test checks
    # their effect.
    import json

    for destination, sources in _data_files().items():
        for source in sources:
            settings = json.loads((ROOT / source).read_text(encoding="utf-8"))
            installed = Path(sys.prefix) / destination / Path(source).name
            assert installed.exists(), (
                f"{installed} is missing: install the course with "
                "'pip install -r requirements.txt' (not 'pip install -e .')"
            )
            assert json.loads(installed.read_text(encoding="utf-8")) == settings, (
                f"{installed} is out of date: reinstall"
            )
    lab = json.loads(
        (ROOT / "jupyter-config" / "jupyter_lab_config.json").read_text(encoding="utf-8")
    )["LabApp"]
    assert lab == {
        "news_url": None,
        "check_for_updates_class": "jupyterlab.NeverCheckForUpdate",
        "extension_manager": "readonly",
    }


def test_course_is_found_from_the_notebooks_folder_when_installed_as_a_copy(tmp_path):
    # requirements.txt installs a copy of the package (`.`): it lives outside the course folder.
    import shutil

    shutil.copytree(
        ROOT / "course", tmp_path / "site" / "course", ignore=shutil.ignore_patterns("__pycache__")
    )
    code = (
        "import course.paths, course.text.sources; print(course.paths.__file__); "
        "print(course.text.sources.load_source('news').name)"
    )
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(tmp_path / "site"), "HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-S", "-c", code],
        cwd=ROOT / "notebooks",
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    where, name = result.stdout.split()
    assert where.startswith(str(tmp_path)) and name == "news"


IMPORT_PROBE = r"""
import sys
touched = []
def hook(event, args):
    if event == "open" and args and isinstance(args[0], (str, bytes)):
        path, mode = str(args[0]), str(args[1]) if len(args) > 1 else "r"
        if not path.endswith((".py", ".pyc")) or any(m in mode for m in "wax+"):
            touched.append((path, mode))
sys.addaudithook(hook)
import course
watched = ("pandas", "matplotlib", "course.text.sources", "course.text.cleaning")
heavy = sorted(name for name in watched if name in sys.modules)
print(repr((touched, heavy, course.__all__)))
"""


def test_importing_course_does_no_work_and_writes_nothing(tmp_path):
    before = sorted(p.name for p in tmp_path.iterdir())
    result = subprocess.run(
        [sys.executable, "-B", "-c", IMPORT_PROBE],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    touched, heavy, exported = eval(result.stdout)
    assert touched == [], f"import course opened files: {touched}"
    assert heavy == [], f"import course loaded {heavy} before they were needed"
    assert "load_source" in exported
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_unknown_helper_name_suggests_the_closest():
    import course

    with pytest.raises(AttributeError, match="Did you mean 'load_source'"):
        course.load_sourc  # noqa: B018


def test_the_course_needs_no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the course tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    from course import (
        check,
        cleaning_log,
        compare_raw_and_clean,
        exercise_ids,
        load_source,
        search_texts,
        sentences_table,
        show_course_map,
        show_metadata,
        show_paragraph,
        show_sentence,
        show_text,
    )
    from course.authoring.lesson_format import lesson_table

    for name in ("news", "opinion"):
        source = load_source(name)
        assert source.sentences
        show_text(name)._repr_html_()
        compare_raw_and_clean(name)._repr_html_()
        assert len(cleaning_log(name)) == len(source.log)
        show_paragraph(source.paragraphs[0].id)
        show_sentence(source.sentences[-1].id)
    search_texts("China")._repr_html_()
    show_metadata()._repr_html_()
    show_course_map()._repr_html_()
    assert len(sentences_table()) > 100 and lesson_table()
    assert all(check(exercise, ...).verdict == "no answer" for exercise in exercise_ids())


def test_course_code_has_no_network_calls():
    for path in (ROOT / "course").glob("*.py"):
        code = path.read_text(encoding="utf-8")
        # urllib.parse only splits addresses (course.authoring.links); anything that could open a
        # connection is refused.
        for word in ("urllib.request", "requests", "http.client", "socket", "urlopen", "websocket"):
            assert f"import {word}" not in code and f"from {word}" not in code, (
                f"{path.name} imports {word}"
            )
        assert "import urllib\n" not in code


def test_readme_records_every_benchmark_measure():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Speed and size", 1)[1].split("\n## ", 1)[0]
    benchmark = (ROOT / "tests" / "benchmark.py").read_text(encoding="utf-8")
    for measure in re.findall(
        r'\("((?:run every|import course /|import course and|installed)[^"]+)"', benchmark
    ):
        assert measure in section, f"README lacks the benchmark figure for: {measure}"
    assert len(re.findall(r"\d+\.\d\d  ", section)) == 4
