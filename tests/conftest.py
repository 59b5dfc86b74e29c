"""Shared fixtures: the project folder, each seed's raw text and metadata read straight from disk,
and the browser.

The raw texts and metadata are read here without going through ``course.text.sources``, so that
tests can compare what the course makes of the texts with the files themselves.
"""

import os
import tomllib
from pathlib import Path

import pytest

from course.paths import project_folder

ROOT = project_folder()
SOURCES = ("news", "opinion")


def _metadata() -> dict[str, dict]:
    found = {}
    for path in sorted((ROOT / "seeds").glob("*.meta.toml")):
        with path.open("rb") as handle:
            meta = tomllib.load(handle)
        found[meta["short_name"]] = meta
    return found


METADATA = _metadata()
RAW = {
    name: (ROOT / "seeds" / meta["file"]).read_bytes().decode("utf-8")
    for name, meta in METADATA.items()
}


@pytest.fixture(scope="session")
def root():
    """The course's project folder."""
    return ROOT


@pytest.fixture(scope="session")
def raw_texts() -> dict[str, str]:
    """Each seed's raw text, decoded from the file's bytes, by short name."""
    return dict(RAW)


@pytest.fixture(scope="session")
def metadata() -> dict[str, dict]:
    """Each seed's metadata file, parsed, by short name."""
    return dict(METADATA)


@pytest.fixture(params=SOURCES)
def name(request) -> str:
    """Run a test once for each source text."""
    return request.param


@pytest.fixture
def folder_with_other_work(tmp_path):
    """A folder holding someone's own file (essay.md, "my essay"): commands that write folders must
    refuse it.
    """
    work = tmp_path / "my-class"
    work.mkdir()
    (work / "essay.md").write_text("my essay", encoding="utf-8")
    return work


def _built_once(tmp_path_factory, worker_id: str, name: str, build) -> Path:
    """A folder made by ``build(folder)`` once per test session, shared by every test and, when the
    tests run in parallel (pytest-xdist), by every worker: the first to ask builds it under a lock,
    the others wait."""

    from filelock import FileLock

    root = (
        tmp_path_factory.getbasetemp()
        if worker_id == "master"
        else tmp_path_factory.getbasetemp().parent
    )
    folder = Path(root) / "shared" / name
    folder.parent.mkdir(parents=True, exist_ok=True)
    done = Path(str(folder) + ".built")
    with FileLock(str(folder) + ".lock"):
        if not done.exists():
            build(folder)
            done.write_text("", encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def student_version_without_texts(tmp_path_factory, worker_id):
    """The student version made with ``release --without-texts``, once a session."""
    from course.authoring.release import release

    return _built_once(
        tmp_path_factory,
        worker_id,
        "student-version-without-texts",
        lambda folder: release(folder, texts=False),
    )


@pytest.fixture(scope="session")
def student_version(tmp_path_factory, worker_id):
    """The student version of the course (``python -m course release``), made once a session."""
    from course.authoring.release import release

    return _built_once(
        tmp_path_factory, worker_id, "student-version", lambda folder: release(folder)
    )


@pytest.fixture(scope="session")
def self_study_version(tmp_path_factory, worker_id):
    """The self-study version of the course, made once per test session."""
    from course.authoring.release import release

    return _built_once(
        tmp_path_factory, worker_id, "self-study", lambda folder: release(folder, "self-study")
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, worker_id):
    """The static site (``python -m course site``), built once per test session (it runs every
    lesson).
    """
    from course.authoring.site import build_site

    return _built_once(tmp_path_factory, worker_id, "site", lambda folder: build_site(folder))


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    """JupyterLab serving the course and headless Chromium, shared by the browser tests: (DevTools,
    port).

    Without Chromium (or without npm, which installs axe-core) the browser tests are skipped with a
    message, or fail when ``COURSE_REQUIRE_BROWSER=1`` (set by .ci/run when Chromium is present).
    """
    from browser import BROWSER, browser_session, npm_tool

    message = None
    if BROWSER is None:
        message = "no Chromium on this machine: install it with 'apt-get install chromium'"
    elif npm_tool("axe-core/axe.min.js") is None:
        message = (
            "no npm on this machine to install axe-core, the accessibility checker: "
            "install Node.js and npm"
        )
    if message:
        if os.environ.get("COURSE_REQUIRE_BROWSER") == "1":
            pytest.fail(f"COURSE_REQUIRE_BROWSER=1 but {message}")
        pytest.skip(message)
    with browser_session(tmp_path_factory.mktemp("browser"), ROOT) as session:
        yield session


def pytest_collection_modifyitems(items):
    """The lessons' own cells (nbval) run every lesson: they belong to the slow half."""
    for item in items:
        if item.nodeid.startswith("notebooks/") or str(item.fspath).endswith(".ipynb"):
            item.add_marker(pytest.mark.slow)
