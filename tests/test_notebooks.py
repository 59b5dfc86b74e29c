"""The lessons: committed without outputs, one skeleton, numbered in order, and listed in the
README.
"""

import json
import re

import pytest

from course.authoring.lesson_format import lesson_table, skeleton_problems
from course.classroom.course_map import lessons
from course.paths import notebooks_folder, project_folder

NOTEBOOKS = sorted(notebooks_folder().glob("*.ipynb"))


def test_there_are_lessons():
    assert len(NOTEBOOKS) >= 2


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_committed_without_outputs(path):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    for number, cell in enumerate(notebook["cells"]):
        if cell["cell_type"] == "code":
            assert cell.get("outputs") == [], f"{path.name} cell {number} has outputs"
            assert cell.get("execution_count") is None, (
                f"{path.name} cell {number} has an execution count"
            )
    assert set(notebook["metadata"]) <= {"kernelspec", "language_info"}, (
        "volatile notebook metadata"
    )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_asks_for_the_course_kernel(path):
    """On a hub, the course's own kernel runs the lessons beside the hub's Python (course.kernel);
    where it is not installed, JupyterLab starts the only Python kernel there is."""
    from course.kernel import DISPLAY_NAME, KERNEL_NAME

    spec = json.loads(path.read_text(encoding="utf-8"))["metadata"]["kernelspec"]
    assert spec == {"name": KERNEL_NAME, "display_name": DISPLAY_NAME, "language": "python"}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_follows_the_skeleton(path):
    assert skeleton_problems(path) == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_code_cells_stay_short(path):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            lines = [line for line in "".join(cell["source"]).splitlines() if line.strip()]
            assert len(lines) <= 4, (
                f"{path.name}: a code cell of {len(lines)} lines; move the logic into course/"
            )


def test_skeleton_check_catches_a_broken_notebook(tmp_path):
    bad = tmp_path / "07_broken.ipynb"
    bad.write_text(
        json.dumps(
            {
                "cells": [
                    {
                        "cell_type": "markdown",
                        "id": "a",
                        "source": "# 08 · Broken\n\n## Time needed\nSoon",
                        "metadata": {},
                    }
                ],
                "metadata": {},
                "nbformat": 4,
                "nbformat_minor": 5,
            }
        ),
        encoding="utf-8",
    )
    problems = "\n".join(skeleton_problems(bad))
    assert "does not match the file name" in problems
    assert "What you will learn" in problems
    assert "minutes" in problems
    assert "Summary" in problems and "What comes next" in problems


def test_lessons_are_numbered_from_00_without_gaps():
    numbers = [lesson.number for lesson in lessons()]
    assert numbers == [f"{n:02d}" for n in range(len(numbers))]
    assert len(numbers) == len(NOTEBOOKS)


def test_readme_lesson_table_matches_the_notebooks():
    readme = (project_folder() / "README.md").read_text(encoding="utf-8")
    block = re.search(
        r"<!-- lesson-table:start[^>]*-->\n(.*?)\n<!-- lesson-table:end -->", readme, re.DOTALL
    )
    assert block, "README lacks the lesson-table markers"
    assert block.group(1) == lesson_table(), (
        "README lesson table is stale: paste the output of `python -m course lessons`"
    )


def test_each_lesson_links_to_the_next():
    found = lessons()
    for lesson, following in zip(found, found[1:], strict=False):
        text = (notebooks_folder() / lesson.file).read_text(encoding="utf-8")
        tail = text[text.rindex("## What comes next") :]
        assert following.file in tail, (
            f"{lesson.file}: 'What comes next' should link to {following.file}"
        )


def test_intentional_errors_are_tagged():
    for path in NOTEBOOKS:
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            source = "".join(cell["source"])
            if cell["cell_type"] == "code" and '"newz"' in source:
                assert "raises-exception" in cell["metadata"].get("tags", []), (
                    f"{path.name}: tag the error demo"
                )


def test_instructor_notes_give_the_answers_the_checks_accept():
    """An answer key typed into a note must agree with the computed answer: neither goes stale."""
    from course.classroom.self_checks import check, exercise_ids

    stated = {}
    for path in NOTEBOOKS:
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            if "instructor" in cell["metadata"].get("tags", []):
                text = "".join(cell["source"]).replace("−", "-")
                for number, value in re.findall(
                    r"(\d\d\.\d) is (?:about )?(\"[a-z]+(?:-p\d+)?\"|-?[\d,.]*\d)", text
                ):
                    stated[number] = value.strip('"').replace(",", "")
    for number in exercise_ids():
        if number.startswith("00"):
            continue
        assert number in stated, f"no instructor note gives the answer to exercise {number}"
        answer = stated[number]
        typed = answer if re.search(r"[a-z]", answer) else float(answer)
        assert check(number, typed).correct, f"{number}: the note says {answer}"


def test_every_exercise_is_asked_in_a_lesson():
    from course.classroom.self_checks import exercise_ids

    text = "".join(path.read_text(encoding="utf-8") for path in NOTEBOOKS)
    for number in exercise_ids():
        assert f'check(\\"{number}\\"' in text or f'quiz(\\"{number}\\")' in text, (
            f"exercise {number} is not used in any lesson"
        )


def test_exercises_come_in_number_order_within_each_lesson():
    for path in NOTEBOOKS:
        asked = re.findall(r'(?:check|quiz)\(\\"(\d\d\.\d+)\\"', path.read_text(encoding="utf-8"))
        numbers = [tuple(int(part) for part in item.split(".")) for item in asked]
        assert numbers == sorted(numbers), f"{path.name}: exercises out of order: {asked}"
        assert all(item.startswith(path.name[:2]) for item in asked), (
            f"{path.name} checks another lesson's exercise"
        )


def test_headings_form_a_proper_outline():
    """One title, then sections; a heading never skips a level (screen readers navigate by
    headings).
    """
    for path in NOTEBOOKS:
        levels = []
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] != "markdown":
                continue
            in_code = False
            for line in "".join(cell["source"]).splitlines():
                in_code = not in_code if line.startswith("```") else in_code
                match = re.match(r"^(#{1,6}) ", line)
                if match and not in_code:
                    levels.append(len(match.group(1)))
        assert levels[0] == 1 and levels.count(1) == 1, path.name
        for before, after in zip(levels, levels[1:], strict=False):
            assert after <= before + 1, (
                f"{path.name}: a heading jumps from level {before} to {after}"
            )


def _prose(source: str) -> str:
    """A Markdown cell without its code blocks and spans (where a dollar sign is never maths)."""
    return re.sub(r"`[^`\n]*`", "", re.sub(r"```.*?```", "", source, flags=re.DOTALL))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_dollar_sign_in_lesson_prose_is_escaped_for_jupyterlab(path):
    """JupyterLab reads "$245 billion ... $190 billion" as maths; written with two backslashes, it
    shows as
    written (checked in the browser by test_browser.py, which counts typeset maths)."""
    for number, cell in enumerate(json.loads(path.read_text(encoding="utf-8"))["cells"]):
        if cell["cell_type"] == "markdown":
            bare = re.findall(r".{0,20}(?<!\\\\)\$.{0,20}", _prose("".join(cell["source"])))
            assert not bare, f"{path.name} cell {number}: write every $ as \\\\$ (found {bare})"


def test_the_dollar_check_would_catch_a_bare_dollar():
    assert re.findall(r"(?<!\\\\)\$", _prose("roughly $245 and `$5` and \\\\$190")) == ["$"]


def test_an_unfolded_instructor_note_is_caught(tmp_path):
    source = json.loads(NOTEBOOKS[1].read_text(encoding="utf-8"))
    for cell in source["cells"]:
        if "instructor" in cell["metadata"].get("tags", []):
            cell["source"] = "### Instructor note\n\nAnswers: 01.1 is 3."
    broken = tmp_path / NOTEBOOKS[1].name
    broken.write_text(json.dumps(source), encoding="utf-8")
    assert any("must be folded" in problem for problem in skeleton_problems(broken))
