"""course.errors: friendly errors that name the bad value, list the valid ones and suggest the
closest.
"""

import pytest

import course
from course.errors import CourseError, closest, unknown_name


def test_course_error_is_a_value_error_with_its_message():
    error = CourseError("No source called 'newz'.")
    assert isinstance(error, ValueError)
    assert str(error) == "No source called 'newz'."
    with pytest.raises(ValueError, match="newz"):
        raise error


def test_jupyter_shows_only_the_advice_not_a_traceback():
    rendered = CourseError("Try 'news'.")._render_traceback_()
    assert isinstance(rendered, list) and len(rendered) == 1
    assert "Try 'news'." in rendered[0] and "Oops" in rendered[0]
    assert "Traceback" not in rendered[0]


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("newz", "news"),
        ("  NEWS ", "news"),
        ("Opinion", "opinion"),
        ("opinon", "opinion"),
        ("banana", None),
        ("", None),
    ],
)
def test_closest(typed, expected):
    assert closest(typed, ["news", "opinion"]) == expected


def test_closest_keeps_the_spelling_of_the_valid_name():
    assert closest("sentence_id", ["Sentence_ID", "kind"]) == "Sentence_ID"


def test_closest_handles_non_strings_and_no_options():
    assert closest(3, ["news", "opinion"]) is None
    assert closest("news", []) is None


def test_unknown_name_lists_the_valid_names_and_suggests_one():
    error = unknown_name("source", "newz", ["news", "opinion"])
    assert isinstance(error, CourseError)  # returned, not raised
    message = str(error)
    assert "'newz'" in message and "'news'" in message and "'opinion'" in message
    assert message.endswith("Did you mean 'news'?")


def test_unknown_name_without_a_close_match_makes_no_suggestion():
    assert "Did you mean" not in str(unknown_name("source", "banana", ["news", "opinion"]))


def test_unknown_name_shows_a_non_string_value_as_it_is_and_suggests_nothing():
    message = str(unknown_name("source", 3, ["news", "3"]))
    assert "called 3." in message and "Did you mean" not in message


def test_unknown_name_shortens_a_long_list():
    options = [f"item{n:02d}" for n in range(20)]
    message = str(unknown_name("item", "item19x", options))
    assert "'item11'" in message and "'item12'" not in message
    assert "(20 in all)" in message
    assert "Did you mean 'item19'?" in message  # the suggestion may come from beyond the shown part


def test_the_package_offers_its_helpers_and_suggests_a_name_for_a_typo():
    from course.text.sources import load_source

    assert course.load_source is load_source
    assert "check" in dir(course) and "CourseError" in dir(course)
    with pytest.raises(AttributeError, match="Did you mean 'load_source'"):
        course.lod_source  # noqa: B018
