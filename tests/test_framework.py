"""The map from the lessons' objectives to Civic Online Reasoning (course/authoring/framework.toml):
every objective mapped or listed as not mapped, every element practised, and the guide shows it."""

from course.authoring.framework import framework, framework_markdown
from course.classroom.course_map import lessons


def test_every_objective_of_every_lesson_is_in_the_map_and_nothing_else():
    objectives = [
        f"{lesson.number}.{number}"
        for lesson in lessons()
        for number, _ in enumerate(lesson.learn, start=1)
    ]
    assert list(framework()["map"]) == objectives


def test_the_map_uses_only_the_frameworks_elements_and_practises_each():
    data = framework()
    keys = [element["key"] for element in data["element"]]
    used = {key for mapped in data["map"].values() for key in mapped}
    assert used == set(keys)
    # Lesson 09 is the course's lesson on lateral reading.
    assert all("lateral" in data["map"][f"09.{n}"] for n in (1, 2, 3))


def test_the_guide_quotes_the_framework_with_its_source():
    from course.authoring.guide import instructor_guide

    section = framework_markdown()
    data = framework()
    for element in data["element"]:
        assert f'"{element["words"]}"** (<{element["address"]}>)' in section
    assert data["framework"]["basis"] in section and data["framework"]["publisher"] in section
    assert section in instructor_guide()
