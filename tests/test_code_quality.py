"""The code is linted, formatted and typed: ruff and mypy, configured in pyproject.toml."""

import subprocess
import sys

import pytest

from course.paths import project_folder

pytestmark = pytest.mark.slow  # mypy takes a while


def _run(*command: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", *command],
        cwd=project_folder(),
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_ruff_finds_nothing_to_fix():
    result = _run("ruff", "check", "--no-cache", ".")
    assert result.returncode == 0, result.stdout[-3000:]


def test_the_code_is_formatted():
    result = _run("ruff", "format", "--check", "--no-cache", ".")
    assert result.returncode == 0, result.stdout[-3000:]


def test_mypy_finds_no_type_error_in_the_course_package():
    result = _run("mypy", "--no-incremental")
    assert result.returncode == 0, result.stdout[-3000:]
