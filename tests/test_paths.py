"""course.paths: finding the project folder, also through COURSE_HOME."""

import pytest

from course.errors import CourseError
from course.paths import data_folder, notebooks_folder, project_folder, seeds_folder


def test_folders_are_inside_the_project_folder():
    root = project_folder()
    assert (root / "seeds").is_dir() and (root / "notebooks").is_dir()
    assert seeds_folder() == root / "seeds"
    assert data_folder() == root / "data"
    assert notebooks_folder() == root / "notebooks"
    assert (root / "course" / "paths.py").is_file()


def test_course_home_names_the_project_folder(tmp_path, monkeypatch):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "notebooks").mkdir()
    monkeypatch.setenv("COURSE_HOME", str(tmp_path))
    assert project_folder() == tmp_path
    assert seeds_folder() == tmp_path / "seeds"


def test_course_home_without_the_course_files_gives_advice(tmp_path, monkeypatch):
    monkeypatch.setenv("COURSE_HOME", str(tmp_path))
    with pytest.raises(CourseError, match="COURSE_HOME") as caught:
        project_folder()
    assert str(tmp_path) in str(caught.value)
