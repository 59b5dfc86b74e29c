"""The rubrics of the written prompts (course/authoring/rubrics.toml): four levels with points and a
model answer for every marked prompt, in step with the lessons' instructor notes, and every fact in
a model answer one the course's data hold. (Quotations in them are checked with the rest of the
course's voice: tests/test_own_voice.py.)"""

import re

import pytest

from course.authoring.lesson_format import instructor_notes
from course.authoring.rubrics import LEVELS, rubric_for, rubrics
from course.classroom.course_map import lessons
from course.classroom.prompts import prompts

MARKED = [p for p in prompts().values() if p.rubric]


def test_every_marked_prompt_has_a_rubric_and_nothing_else_has_one():
    assert sorted(rubrics()) == sorted(p.id for p in MARKED)
    assert len(MARKED) >= 12


@pytest.mark.parametrize("prompt", MARKED, ids=lambda p: p.id)
def test_the_top_level_is_the_lessons_instructor_note_word_for_word(prompt):
    lesson = next(item for item in lessons() if item.number == prompt.id[:2])
    heading = f"**Discussion rubric ({prompt.rubric}).**"
    paragraphs = [
        paragraph.strip()[len(heading) :].strip()
        for note in instructor_notes(lesson)
        for paragraph in note.split("\n\n")
        if paragraph.strip().startswith(heading)
    ]
    assert len(paragraphs) == 1, f"lesson {lesson.number} has no single {heading}"
    assert paragraphs[0].startswith(rubric_for(prompt.id).strong)


@pytest.mark.parametrize("prompt", MARKED, ids=lambda p: p.id)
def test_the_four_levels_are_named_scored_and_short(prompt):
    rubric = rubric_for(prompt.id)
    assert [(points, name) for points, name, _ in rubric.levels] == [
        (points, name) for _, points, name in LEVELS
    ]
    for _, name, words in rubric.levels:
        assert words.startswith(f"A {name.lower()} "), words[:40]
        assert len(words.split()) <= 70, f"{prompt.id} {name}: {len(words.split())} words"
    assert len({words for _, _, words in rubric.levels}) == 4


SENTENCE = re.compile(r"\b(?:news|opinion)-p\d{2}-s\d{2}(?:-n\d+)?\b")
ROW = re.compile(r"\b([a-z_]+\.csv) rows? (\d+)")


def _missing(model: str) -> list[str]:
    """The sentence IDs, statistic IDs and reference rows a model answer cites that do not exist."""
    from course.analysis.reference import reference_row
    from course.analysis.statistics import statistics_table
    from course.errors import CourseError
    from course.text.sources import find_sentence

    statistics = set(statistics_table().frame["statistic_id"])
    missing = []
    for item in SENTENCE.findall(model):
        if re.search(r"-n\d+$", item):
            if item not in statistics:
                missing.append(item)
            continue
        try:
            find_sentence(item)
        except CourseError:
            missing.append(item)
    for file, row in ROW.findall(model):
        try:
            reference_row(file, int(row))
        except CourseError:
            missing.append(f"{file} row {row}")
    return missing


@pytest.mark.parametrize("prompt", MARKED, ids=lambda p: p.id)
def test_every_id_and_reference_row_in_a_model_answer_exists(prompt):
    model = rubric_for(prompt.id).model
    assert _missing(model) == []
    if prompt.about == "both":
        # What it asks of one text, it asks of the other: a model answer names both.
        cited = {item.split("-")[0] for item in SENTENCE.findall(model)}
        named = {name for name in ("news", "opinion", "column", "report") if name in model}
        assert cited == {"news", "opinion"} or {"column", "report"} <= named, prompt.id


def test_a_wrong_id_or_row_is_caught():
    assert _missing("news-p99-s01, opinion-p01-s01-n9 and trade_china_russia.csv row 999") == [
        "news-p99-s01",
        "opinion-p01-s01-n9",
        "trade_china_russia.csv row 999",
    ]


def test_rubrics_are_left_out_of_the_student_version(student_version):
    assert not list(student_version.rglob("rubrics*"))
    text = " ".join(
        p.read_text(encoding="utf-8", errors="replace")
        for p in student_version.rglob("*")
        if p.is_file() and p.suffix in {".ipynb", ".md", ".toml", ".py", ".csv", ".txt"}
    )
    for rubric in rubrics().values():
        assert rubric.model[:80] not in text, rubric.prompt
