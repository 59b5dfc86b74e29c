"""python -m course site: every lesson as a static page with its outputs; links resolve; readable on
a phone.
"""

import json
import re

import pytest

from course.authoring.site import build_site
from course.classroom.course_map import lessons
from course.errors import CourseError
from course.paths import notebooks_folder, project_folder

pytestmark = (
    pytest.mark.slow
)  # the site runs every lesson (once per session, shared with the browser tests)


@pytest.fixture(scope="module")
def site(built_site):
    return built_site


def test_every_lesson_has_a_page_with_its_outputs(site):
    for lesson in lessons():
        page = (site / lesson.file.replace(".ipynb", ".html")).read_text(encoding="utf-8")
        assert f"{lesson.number} · {lesson.title}" in page
        code = [
            c
            for c in json.loads((notebooks_folder() / lesson.file).read_text(encoding="utf-8"))[
                "cells"
            ]
            if c["cell_type"] == "code"
        ]
        charts = sum("_chart()" in "".join(c["source"]) for c in code)
        assert page.count("<img") >= charts
        assert "output_area" in page, f"{lesson.file}: no outputs on the page"
        assert f"<title>{lesson.number} · {lesson.title}" in page


def test_links_resolve_images_have_alt_text_and_pages_set_a_phone_viewport(site):
    # That the pages then fit a phone screen is checked in Chromium (tests/test_browser.py).
    for page in sorted(site.glob("*.html")):
        text = page.read_text(encoding="utf-8")
        assert "name='viewport'" in text or 'name="viewport"' in text, page.name
        for target in re.findall(r"href=['\"]([^'\"#]+)['\"]", text):
            if target.startswith(("http://", "https://", "mailto:", "data:")):
                continue
            assert (site / target).exists(), f"{page.name} links to missing {target}"
        for tag in re.findall(r"<img\b[^>]*>", text):
            assert re.search(r"alt=['\"][^'\"]{20,}", tag), (
                f"{page.name}: an image without alt text"
            )


def test_the_site_is_the_student_version(site):
    for page in site.glob("*.html"):
        assert "Instructor note" not in page.read_text(encoding="utf-8"), page.name


def test_the_index_lists_every_lesson_and_the_glossary(site):
    index = (site / "index.html").read_text(encoding="utf-8")
    for lesson in lessons():
        assert lesson.file.replace(".ipynb", ".html") in index
    assert "glossary.html" in index and "<td>" in (site / "glossary.html").read_text(
        encoding="utf-8"
    )


def test_the_site_never_writes_over_other_work(folder_with_other_work):
    with pytest.raises(CourseError, match="not a course site"):
        build_site(folder_with_other_work)
    with pytest.raises(CourseError, match="outside the course"):
        build_site(project_folder() / "build" / "site")


def test_an_update_of_the_site_keeps_other_files_and_leaves_no_scratch_folder(
    tmp_path, site, monkeypatch
):
    """One build (the update) checked for both: a teacher's files stay, and the build's temporary
    folder is gone afterwards."""
    import shutil
    import tempfile

    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    (copy / "my-work").mkdir()
    (copy / "my-work" / "journal.json").write_text("{}", encoding="utf-8")
    (copy / "about.html").write_text("<p>Our class page</p>", encoding="utf-8")
    with pytest.raises(CourseError, match="--force"):
        build_site(copy)
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))  # this build's own temp folder, alone
    made = build_site(copy, force=True)
    assert (copy / "about.html").read_text(encoding="utf-8") == "<p>Our class page</p>"
    assert (copy / "my-work" / "journal.json").exists() and "about.html" in made.kept
    assert list(scratch.iterdir()) == []
