"""The instructor guide and the glossary: generated, complete, linked from every lesson, links that
resolve.
"""

import re
import subprocess
import sys

from course.authoring.guide import instructor_guide
from course.classroom.course_map import lessons
from course.classroom.self_checks import exercise_ids
from course.paths import notebooks_folder, project_folder


def test_the_committed_guide_is_the_generated_one():
    committed = (project_folder() / "INSTRUCTOR_GUIDE.md").read_text(encoding="utf-8")
    assert committed == instructor_guide(), (
        "INSTRUCTOR_GUIDE.md is stale: run python -m course guide > INSTRUCTOR_GUIDE.md"
    )


def test_the_guide_covers_every_lesson_exercise_and_rubric():
    guide = instructor_guide()
    for lesson in lessons():
        assert f"## {lesson.number} · {lesson.title} ({lesson.minutes} min)" in guide
    for number in exercise_ids():
        assert f"- **{number}**" in guide and "**Answer:**" in guide
    assert guide.count("**Discussion rubric") >= 8 and guide.count("**Facilitation.**") >= 7


def test_every_lesson_with_a_discussion_prompt_has_a_rubric_and_facilitation_notes():
    for path in sorted(notebooks_folder().glob("[0-9][0-9]_*.ipynb")):
        text = path.read_text(encoding="utf-8")
        if "Think about it" in text:
            assert "Discussion rubric" in text and "Facilitation." in text, path.name


def test_every_lesson_links_to_the_glossary_and_the_glossary_is_complete():
    glossary = (project_folder() / "GLOSSARY.md").read_text(encoding="utf-8")
    for path in sorted(notebooks_folder().glob("[0-9][0-9]_*.ipynb")):
        assert "](../GLOSSARY.md)" in path.read_text(encoding="utf-8"), path.name
    for term in (
        "hedge",
        "booster",
        "attribution",
        "matches",
        "close",
        "differs",
        "unclear",
        "not checkable",
        "sentence ID",
        "statistic ID",
        "relative date",
        "journal",
        "pull quote",
        "tolerance",
    ):
        assert f"**{term}**" in glossary, term


def test_links_in_the_guide_glossary_and_readme_resolve():
    root = project_folder()
    for name in ("INSTRUCTOR_GUIDE.md", "GLOSSARY.md", "README.md"):
        text = (root / name).read_text(encoding="utf-8")
        for target in re.findall(r"\]\(([^)#]+)\)", text):
            if target.startswith("http"):
                continue
            assert (root / target).exists(), f"{name} links to missing {target}"


def test_python_m_course_guide_prints_it():
    result = subprocess.run(
        [sys.executable, "-m", "course", "guide"],
        capture_output=True,
        text=True,
        timeout=120,
        encoding="utf-8",
    )
    assert result.returncode == 0 and result.stdout == instructor_guide()


def test_the_guide_prepares_a_sensitive_topic_and_lesson_01_warns_before_the_texts():
    """Norms, advice for students with family ties, the party-political passage and a letter to
    parents with the course's real size; lesson 01's content note comes before any text is shown."""
    import nbformat

    guide = instructor_guide()
    start = guide.index("## Teaching a topic that touches students' lives")
    section = guide[start : guide.index("\n## ", start + 1)]
    for part in (
        "**Content note.**",
        "**Discussion norms**",
        "family ties",
        "**A letter to parents**",
    ):
        assert part in section
    total = sum(lesson.minutes for lesson in lessons())
    assert f"{len(lessons())} short lessons ({total} minutes in all;" in section
    assert "{" not in section  # every placeholder filled

    lesson = nbformat.read(notebooks_folder() / "01_meet_the_sources.ipynb", as_version=4)
    note = next(i for i, c in enumerate(lesson.cells) if "**Before you read.**" in c.source)
    shows = [
        i
        for i, c in enumerate(lesson.cells)
        if c.cell_type == "code" and re.search(r"\bshow_text\(", c.source)
    ]
    assert shows and note < min(shows)
