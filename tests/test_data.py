"""The data files: reference figures unchanged and sourced, sentence IDs stable, every file documented."""

import csv
import hashlib
from pathlib import Path

import pytest

from course.paths import data_folder

REFERENCE = data_folder() / "reference"
SHARED = Path(__file__).resolve().parents[2] / "shared" / "reference"


def reference_files() -> list[Path]:
    return sorted(REFERENCE.glob("*.csv"))


def test_reference_files_match_their_recorded_checksums():
    lines = (REFERENCE / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    sums = {name: digest for digest, name in (line.split() for line in lines if line.strip())}
    assert sorted(sums) == sorted([p.name for p in reference_files()] + ["README.md"])
    for name, digest in sums.items():
        assert hashlib.sha256((REFERENCE / name).read_bytes()).hexdigest() == digest, f"{name} has changed"


@pytest.mark.skipif(not SHARED.is_dir(), reason="the shared reference folder is not beside the project")
def test_reference_files_are_exact_copies_of_the_received_ones():
    for path in reference_files() + [REFERENCE / "README.md"]:
        assert path.read_bytes() == (SHARED / path.name).read_bytes(), f"{path.name} differs from the received file"


@pytest.mark.parametrize("path", reference_files(), ids=lambda p: p.name)
def test_every_reference_row_names_its_source(path):
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows
    for number, row in enumerate(rows, start=2):
        has_source = row["source_url"].strip() or row["publisher"].strip()
        is_definition = row["source_type"] == "definition"
        assert has_source or is_definition, f"{path.name} line {number} has no source"
        assert row["source_type"] and row["state_media"] in {"true", "false"}, f"{path.name} line {number}"


def test_every_data_file_is_described_in_the_data_dictionary():
    dictionary = (data_folder() / "README.md").read_text(encoding="utf-8")
    for path in sorted(data_folder().glob("*.csv")):
        assert f"`{path.name}`" in dictionary, f"data/README.md does not describe {path.name}"
    assert "`reference/`" in dictionary


def test_every_column_of_every_data_file_is_in_the_data_dictionary():
    dictionary = (data_folder() / "README.md").read_text(encoding="utf-8")
    for path in sorted(data_folder().glob("*.csv")):
        section = dictionary.split(f"## `{path.name}`", 1)[1].split("\n## ", 1)[0]
        with path.open(encoding="utf-8") as handle:
            header = next(csv.reader(handle))
        for column in header:
            assert f"| `{column}` |" in section, f"data/README.md does not explain {path.name} column {column}"
