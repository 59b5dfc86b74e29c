"""No input gets a traceback: every public helper a lesson calls, given odd input of any kind,
answers normally
or with a CourseError that is short enough to read (property tests with Hypothesis).

Odd input is what a student may type by mistake: nothing, a number where a name belongs, a huge
number, NaN, text in any script, a list, a dictionary, numpy's numbers and arrays, an object whose
own repr fails, near misses of valid names ("news-p11-s01-n²"). Each helper is tried on a bounded
number of examples, so the suite stays fast.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import course
from course.errors import CourseError


class BadRepr:
    def __repr__(self) -> str:
        raise RuntimeError("repr failed")

    __str__ = __repr__


NEAR_MISSES = [
    "news",
    "opinion",
    "newz",
    "NEWS ",
    "news-p11",
    "news-p11-s01",
    "news-p11-s01-n1",
    "news-p11-s01-n²",
    "news-p٣-s01",
    "opinion-p12",
    "02.3",
    "2.3",
    "00.2",
    "trade",
    "hedge",
    "miles",
    "km",
    "matches",
    "trade_china_russia.csv",
    "../statistics.csv",
    "/etc/passwd",
    "named person",
    "perhaps",
    "",
    " ",
    "\ud800",
    "Iskander",
    "$245",
    "x" * 5000,
]
ODD = st.one_of(
    st.none(),
    st.just(...),
    st.booleans(),
    st.integers(),
    st.just(10**5000),
    st.just(-(10**400)),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(NEAR_MISSES),
    st.binary(max_size=10),
    st.lists(st.sampled_from(NEAR_MISSES), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
    st.just(BadRepr()),
    st.just(np.int64(17)),
    st.just(np.float64("nan")),
    st.just(np.array(["news"])),
    st.just(np.array([1, 2])),
    st.just({"hedge": ["perhaps"]}),
    st.just({"hedge": 3}),
)

# Every helper a lesson calls, with how many arguments it takes (tried with 0 up to that many odd
# ones).
HELPERS = {
    "load_source": 1,
    "find_paragraph": 1,
    "find_sentence": 1,
    "show_text": 2,
    "show_paragraph": 1,
    "show_sentence": 1,
    "search_texts": 3,
    "compare_raw_and_clean": 3,
    "cleaning_log": 1,
    "sentences_table": 1,
    "show_metadata": 0,
    "exercise_ids": 0,
    "statistics_table": 2,
    "find_statistic": 1,
    "show_statistic": 1,
    "check_statistic": 1,
    "check_table": 2,
    "convert": 3,
    "voices_table": 2,
    "who_speaks": 0,
    "write_answer": 2,
    "my_answers": 0,
    "answer_of": 1,
    "export_journal": 2,
    "restore_journal": 1,
    "where_is_my_work": 0,
    "quiz": 1,
    "answer_box": 3,
    "evidence_sheet": 1,
    "topics": 0,
    "compare_topic": 1,
    "topic_coverage": 0,
    "expectations": 0,
    "timeline_table": 3,
    "vague_times": 1,
    "timeline_chart": 1,
    "marker_words": 1,
    "highlight": 2,
    "marker_rates": 1,
    "marker_examples": 3,
    "compare_marking": 3,
    "find_markers": 2,
    "percent_difference": 2,
    "show_tolerances": 0,
    "reference_row": 2,
    "show_course_map": 0,
}
SLOW = {
    "timeline_chart",
    "evidence_sheet",
    "marker_rates",
    "check_table",
    "who_speaks",
    "marker_examples",
}


def _shows(result: object) -> None:
    """Whatever a helper returns must show, as text and as HTML, without failing."""
    str(result)
    repr(result)
    html = getattr(result, "_repr_html_", None)
    if callable(html):
        html()


@pytest.fixture(autouse=True)
def scratch_journal(tmp_path, monkeypatch):
    monkeypatch.setenv("COURSE_WORK", str(tmp_path / "my-work"))


@pytest.mark.parametrize("name", sorted(HELPERS))
def test_a_helper_answers_odd_input_with_advice_not_a_traceback(name, tmp_path):
    helper = getattr(course, name)
    examples = 12 if name in SLOW else 40

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
    @given(data=st.data())
    def attempt(data):
        count = data.draw(
            st.integers(min_value=0, max_value=HELPERS[name]), label="how many arguments"
        )
        arguments = [data.draw(ODD, label=f"argument {n + 1}") for n in range(count)]
        try:
            result = helper(*arguments)
        except CourseError as error:
            message = str(error)
            assert 10 < len(message) < 700, f"{name}: a message of {len(message)} characters"
            return
        except TypeError as error:
            # Too many or unexpected arguments is Python's own message, and it names the helper.
            if "positional argument" in str(error) or "required" in str(error):
                return
            raise
        _shows(result)

    attempt()


def test_check_answers_every_exercise_with_advice_whatever_the_answer():
    from course.classroom.self_checks import Feedback, check, exercise_ids

    ids = exercise_ids()

    @settings(max_examples=400, deadline=None, database=None)
    @given(number=st.sampled_from(ids), answer=ODD)
    def attempt(number, answer):
        feedback = check(number, answer)
        assert isinstance(feedback, Feedback) and feedback.verdict in (
            "right",
            "not yet",
            "no answer",
        )
        assert len(str(feedback)) < 900, f"{number}: feedback of {len(str(feedback))} characters"
        feedback._repr_html_()

    attempt()


def test_an_unknown_exercise_is_advice_too():
    for odd in (["02.3"], None, 2.3, BadRepr(), "x" * 10_000, np.array(["02.3"])):
        with pytest.raises(CourseError):
            course.check(odd, "a")
