"""The data files: reference figures unchanged and sourced, sentence IDs stable, every file
documented.
"""

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
        assert hashlib.sha256((REFERENCE / name).read_bytes()).hexdigest() == digest, (
            f"{name} has changed"
        )


@pytest.mark.skipif(
    not SHARED.is_dir(), reason="the shared reference folder is not beside the project"
)
def test_reference_files_are_exact_copies_of_the_received_ones():
    for path in reference_files() + [REFERENCE / "README.md"]:
        assert path.read_bytes() == (SHARED / path.name).read_bytes(), (
            f"{path.name} differs from the received file"
        )


@pytest.mark.parametrize("path", reference_files(), ids=lambda p: p.name)
def test_every_reference_row_names_its_source(path):
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows
    for number, row in enumerate(rows, start=2):
        has_source = row["source_url"].strip() or row["publisher"].strip()
        is_definition = row["source_type"] == "definition"
        assert has_source or is_definition, f"{path.name} line {number} has no source"
        assert row["source_type"] and row["state_media"] in {"true", "false"}, (
            f"{path.name} line {number}"
        )


def test_every_data_file_and_column_is_described_in_the_data_package():
    from course.authoring.data_dictionary import data_package

    described = {
        resource["path"]: [field["name"] for field in resource["schema"]["fields"]]
        for resource in data_package()["resources"]
    }
    files = sorted(data_folder().glob("*.csv")) + reference_files()
    assert sorted(described) == sorted(str(path.relative_to(data_folder())) for path in files)
    for path in files:
        with path.open(encoding="utf-8") as handle:
            header = next(csv.reader(handle))
        assert described[str(path.relative_to(data_folder()))] == header, path.name
    for resource in data_package()["resources"]:
        assert resource["description"].strip() and all(
            field["description"].strip() for field in resource["schema"]["fields"]
        )


def test_the_data_dictionary_is_generated_from_the_data_package():
    from course.authoring.data_dictionary import data_dictionary

    assert (data_folder() / "README.md").read_text(encoding="utf-8") == data_dictionary(), (
        "data/README.md is stale: run python -m course data-dictionary > data/README.md"
    )


def _validate(folder):
    from frictionless import Package

    report = Package(str(folder / "datapackage.json")).validate()
    return report.valid, [
        f"{task.name}: {error.type}: {error.note}" for task in report.tasks for error in task.errors
    ]


def test_every_data_file_passes_its_types_allowed_values_and_foreign_keys():
    valid, errors = _validate(data_folder())
    assert valid, "\n".join(errors[:20])


@pytest.mark.parametrize(
    "damage, expected",
    [
        (
            ("statistics.csv", "news-p11-s01", "news-p99-s01"),
            "foreign-key",
        ),  # a sentence that does not exist
        (
            ("voices.csv", ",paraphrase,", ",paraphrased,"),
            "constraint-error",
        ),  # a value outside the allowed ones
        (("reference/bomber_patrols.csv", ",false,", ",no,"), "constraint-error"),
    ],
)
def test_the_validation_catches_damage(tmp_path, damage, expected):
    import shutil

    copy = tmp_path / "data"
    shutil.copytree(data_folder(), copy)
    name, old, new = damage
    text = (copy / name).read_text(encoding="utf-8")
    assert old in text
    (copy / name).write_text(text.replace(old, new, 1), encoding="utf-8")
    valid, errors = _validate(copy)
    assert not valid and any(expected in error for error in errors), errors[:5]
