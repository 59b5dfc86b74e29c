"""Printable materials: made from the course's sources, complete, without answers for students,
and printable by a browser."""

import os
import re
import subprocess

import pytest

from course.authoring.printables import STUDENT_PAGES, printables
from course.classroom.course_map import lessons
from course.classroom.prompts import prompts
from course.classroom.self_checks import exercises
from course.text.sources import load_source, source_names


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    made = printables(tmp_path_factory.mktemp("printables") / "out")
    return {name: (made.folder / name).read_text(encoding="utf-8") for name in made.pages}


def _student_pages(pages):
    return {n: t for n, t in pages.items() if n in STUDENT_PAGES or n.startswith("worksheet-")}


def test_every_sentence_of_both_texts_is_printed_with_its_id_in_order(pages):
    text = pages["texts.html"]
    ids = re.findall(r"<span class='id'>([a-z]+-p\d\d-s\d\d)</span>", text)
    assert ids == [s.id for name in source_names() for s in load_source(name).sentences]


def test_every_exercise_and_prompt_is_on_its_lessons_worksheet(pages):
    assert {f"worksheet-{lesson.number}.html" for lesson in lessons()} <= set(pages)
    for exercise in exercises().values():
        assert f"Exercise {exercise.id}." in pages[f"worksheet-{exercise.id[:2]}.html"]
    for prompt in prompts().values():
        assert prompt.id in pages[f"worksheet-{prompt.id[:2]}.html"]


def test_no_answer_reaches_a_page_for_students(pages):
    for name, text in _student_pages(pages).items():
        assert "Answer:" not in text and "answer-key" not in text, name
        for exercise in exercises().values():
            assert exercise.explanation[:60] not in text, (name, exercise.id)
            assert exercise.hint[:60] not in text, (name, exercise.id)
    key = pages["answer-key.html"]
    assert all(f"<strong>{e.id}.</strong>" in key for e in exercises().values())


def test_a_question_that_starts_from_the_answer_before_is_flagged_on_paper(pages):
    # Exercise 03.2 says the difference 03.1 asks for (−4.4%), and 03.4 the ratio 03.3 asks for
    # (2.8): on screen each appears once the one before is answered, on paper both at once.
    flagged = {
        name: re.findall(r"Answer this before you read (\d\d\.\d)", text)
        for name, text in pages.items()
        if name.startswith("worksheet-")
    }
    assert {name: found for name, found in flagged.items() if found} == {
        "worksheet-03.html": ["03.2", "03.4"]
    }
    for number in ("03.2", "03.4"):
        assert f"{abs(exercises()[f'03.{int(number[-1]) - 1}'].answer()):.1f}" in (
            exercises()[number].question
        )


def test_predictions_come_before_the_exercises_that_answer_them(pages):
    sheet = pages["worksheet-03.html"]
    for prompt in ("03 predict border", "03 predict triple"):
        assert sheet.index(prompt) < sheet.index("Exercise 03.1.")


def test_the_answer_key_rounds_as_the_question_asks(pages):
    key = pages["answer-key.html"]
    for exercise in exercises().values():
        if "one decimal place" in exercise.question:
            assert f"<strong>Answer:</strong> {exercise.answer():.1f}." in key, exercise.id


def test_rubrics_and_model_answers_are_in_the_answer_key_only(pages):
    import html

    from course.authoring.rubrics import rubrics

    for rubric in rubrics().values():
        assert html.escape(rubric.model)[:60] in pages["answer-key.html"], rubric.prompt
        for name, text in _student_pages(pages).items():
            assert html.escape(rubric.strong)[:60] not in text, (name, rubric.prompt)


def test_the_answer_key_is_not_in_the_student_version(student_version):
    assert not [p for p in student_version.rglob("*") if "answer-key" in p.name]
    assert not (student_version / "course" / "authoring").exists()


def test_pages_load_nothing_from_outside(pages):
    for name, text in pages.items():
        assert not re.search(r"(src|href)=['\"]https?:", text), name


@pytest.mark.slow
def test_chromium_prints_the_texts_and_a_worksheet_to_pdf(tmp_path):
    from browser import BROWSER

    if BROWSER is None:
        if os.environ.get("COURSE_REQUIRE_BROWSER") == "1":
            pytest.fail("COURSE_REQUIRE_BROWSER=1 but no Chromium")
        pytest.skip("no Chromium on this machine")
    made = printables(tmp_path / "out")
    for name, fewest in (("texts.html", 8), ("worksheet-03.html", 2)):
        pdf = tmp_path / f"{name}.pdf"
        subprocess.run(
            [
                BROWSER,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                f"--user-data-dir={tmp_path / 'profile'}",
                "--no-pdf-header-footer",
                f"--print-to-pdf={pdf}",
                (made.folder / name).as_uri(),
            ],
            capture_output=True,
            timeout=120,
        )
        data = pdf.read_bytes()
        assert data.startswith(b"%PDF")
        assert len(re.findall(rb"/Type\s*/Page[^s]", data)) >= fewest, name
