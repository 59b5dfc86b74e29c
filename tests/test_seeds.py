"""The source texts stay exactly as received, and their metadata says only what the texts say."""

import hashlib
import tomllib
from pathlib import Path

import pytest

from course.paths import seeds_folder

SHARED = Path(__file__).resolve().parents[2] / "shared" / "seeds"
REQUIRED = (
    "file",
    "short_name",
    "kind",
    "kind_basis",
    "headline",
    "outlet_as_stated",
    "authors",
    "date_as_stated",
    "intended_readers",
    "not_stated",
)


def recorded_sums() -> dict[str, str]:
    lines = (seeds_folder() / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    return {name: digest for digest, name in (line.split() for line in lines if line.strip())}


def test_every_seed_matches_its_recorded_checksum():
    sums = recorded_sums()
    texts = sorted(path.name for path in seeds_folder().glob("*.txt"))
    assert texts == sorted(sums), "SHA256SUMS must list exactly the .txt files in seeds/"
    for name, digest in sums.items():
        assert hashlib.sha256((seeds_folder() / name).read_bytes()).hexdigest() == digest, (
            f"{name} has changed"
        )


@pytest.mark.skipif(
    not SHARED.is_dir(), reason="the shared folder of received texts is not beside the project"
)
def test_seeds_are_byte_for_byte_the_received_texts():
    received = sorted(SHARED.glob("*.txt"))
    assert received, "no received texts found"
    for path in received:
        assert (seeds_folder() / path.name).read_bytes() == path.read_bytes(), (
            f"{path.name} differs from the received text"
        )


@pytest.mark.parametrize("name", sorted(recorded_sums()))
def test_each_seed_has_complete_metadata(name):
    meta_path = seeds_folder() / name.replace(".txt", ".meta.toml")
    with meta_path.open("rb") as handle:
        meta = tomllib.load(handle)
    missing = [key for key in REQUIRED if key not in meta]
    assert not missing, f"{meta_path.name} lacks {missing}"
    assert meta["file"] == name
    assert meta["kind"] in {"news report", "opinion column"}
    assert meta["not_stated"], "every text leaves something unsaid; list it"
    raw = (seeds_folder() / name).read_text(encoding="utf-8")
    for author in meta["authors"]:
        assert author in raw, f"author {author!r} is not written in the text"


def test_short_names_are_unique_and_typeable():
    names = []
    for path in seeds_folder().glob("*.meta.toml"):
        with path.open("rb") as handle:
            names.append(tomllib.load(handle)["short_name"])
    assert sorted(names) == sorted(set(names))
    assert all(name.isalpha() and name.islower() for name in names)


def test_seeds_readme_states_the_texts_are_outside_the_course_licence():
    note = (seeds_folder() / "README.md").read_text(encoding="utf-8")
    assert "not** covered by the course's own licence" in note
    assert "byte for byte" in note
