"""Shared fixtures: the project folder, and each seed's raw text and metadata read straight from disk.

The raw texts and metadata are read here without going through ``course.sources``, so that tests can
compare what the course makes of the texts with the files themselves.
"""

import tomllib

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
RAW = {name: (ROOT / "seeds" / meta["file"]).read_bytes().decode("utf-8") for name, meta in METADATA.items()}


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
