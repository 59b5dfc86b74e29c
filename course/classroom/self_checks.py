"""Self-checks: a student answers an exercise and gets specific, friendly feedback at once.

``check("01.1", 3)`` returns a :class:`Feedback` that Jupyter shows as a short HTML note and
``print`` shows as text. The verdict is given in words and symbols, never by colour alone.
A check never raises for a student's answer: a wrong type, an empty answer or a typo gets
advice instead. Only an unknown exercise number is an error (with a suggestion).

The exercises are data: ``exercises.toml`` beside this module holds each question, its choices,
hints and feedback; answers drawn from the texts are computed by the functions of
:mod:`course.classroom.answers`. A determined student can read the answers there (or try every
letter): self-checks are for learning, not for marks, and they must work offline on the student's
own machine. Graded work is the written answers, which the instructor reads.
"""

from __future__ import annotations

import functools
import html
import inspect
import math
import numbers
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from course.errors import CourseError, shown, unknown_name

__all__ = ["KINDS_OF_ANSWER", "ABOUT", "Exercise", "Feedback", "check", "exercise_ids", "exercises"]

KINDS_OF_ANSWER = ("number", "choice", "id")
ABOUT = ("news", "opinion", "both", "neither")
"""Which text an exercise asks about ("about" in exercises.toml): one of the two, both, or neither
(a question about the course or a skill). The instructor guide's balance table counts them."""
_FILE = Path(__file__).resolve().parent / "exercises.toml"

_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})


@dataclass(frozen=True)
class Exercise:
    """One exercise: its question, the kind of answer it wants, how to work out the answer, and
    feedback.

    ``answer`` is a function, so that an answer drawn from the texts is computed from them rather
    than typed twice. ``kind`` is ``"number"``, ``"choice"`` (a letter) or ``"id"`` (a paragraph or
    sentence ID). ``wrong`` maps a tempting wrong answer to advice about it. ``tolerance`` is how
    far a number may be from the answer and still be right (for answers a student rounds).

    >>> exercises()["02.3"].kind, sorted(exercises()["02.3"].choices)
    ('choice', ['a', 'b', 'c'])
    """

    id: str
    question: str
    kind: str
    answer: Callable[[], object]
    explanation: str
    hint: str
    choices: dict[str, str] = field(default_factory=dict)
    wrong: dict[str, str] = field(default_factory=dict)
    tolerance: float = 0.0
    about: str = "neither"
    shortcoming: str = ""


@dataclass(frozen=True)
class Feedback:
    """The result of a check: ``verdict`` is ``"right"``, ``"not yet"`` or ``"no answer"``."""

    exercise: str
    verdict: str
    message: str

    @property
    def correct(self) -> bool:
        """True only when the answer is right."""
        return self.verdict == "right"

    def __str__(self) -> str:
        mark = {"right": "✔ Right", "not yet": "✘ Not yet", "no answer": "… No answer yet"}[
            self.verdict
        ]
        return f"Exercise {self.exercise}: {mark}. {self.message}"

    __repr__ = __str__

    def _repr_html_(self) -> str:
        mark = {"right": "✔ Right", "not yet": "✘ Not yet", "no answer": "… No answer yet"}[
            self.verdict
        ]
        border = {"right": "#0072B2", "not yet": "#D55E00", "no answer": "#999999"}[self.verdict]
        from course.results import html_block

        return html_block(
            f"<div role='status' style='border-left:4px solid {border};padding:0.3em "
            "0.8em;margin:0.3em 0'>"
            f"<strong>Exercise {html.escape(self.exercise)}: {mark}.</strong> "
            f"{html.escape(self.message)}</div>"
        )


def _answer(item: dict, where: str) -> Callable[[], object]:
    """How an exercise's answer is found: a value typed in the file, or a named function of the
    answers module.
    """
    from course.classroom.answers import ANSWERS

    if ("answer" in item) == ("answer_from" in item):
        raise CourseError(f"{where}: give either 'answer' or 'answer_from', not both or neither.")
    if "answer" in item:
        return functools.partial(lambda value: value, item["answer"])
    name = item["answer_from"]
    if name not in ANSWERS:
        raise unknown_name("answer function", name, ANSWERS)
    function: Callable[..., object] = ANSWERS[name]
    arguments = list(item.get("arguments", []))
    choices = item.get("choices", {})
    extra = (
        {"choices": list(choices.values())}
        if "choices" in inspect.signature(function).parameters
        else {}
    )
    if item["kind"] != "choice":
        return functools.partial(function, *arguments, **extra)

    def letter() -> str:  # the function names the right choice; its letter follows from the choices
        right = function(*arguments, **extra)
        letters = [key for key, text in choices.items() if text == right]
        if len(letters) != 1:
            raise CourseError(
                f"{where}: {name}() gives {right!r}, which is not exactly one of the choices."
            )
        return letters[0]

    return letter


@functools.cache
def exercises() -> dict[str, Exercise]:
    """Every exercise, by number, as ``exercises.toml`` describes it (read once per session).

    >>> exercises()["01.1"].question
    "How many reporters does the news report's byline name?"
    """
    with _FILE.open("rb") as handle:
        items = tomllib.load(handle)["exercise"]
    found: dict[str, Exercise] = {}
    for number, item in enumerate(items, start=1):
        where = f"exercises.toml, exercise {number} ({item.get('id', 'no id')})"
        missing = [
            key for key in ("id", "kind", "question", "hint", "explanation") if not item.get(key)
        ]
        if missing:
            raise CourseError(f"{where}: needs {', '.join(missing)}.")
        if item["kind"] not in KINDS_OF_ANSWER:
            raise unknown_name("kind of answer", item["kind"], KINDS_OF_ANSWER)
        if item["id"] in found:
            raise CourseError(f"{where}: the number {item['id']} is used twice.")
        if item.get("about") not in ABOUT:
            raise CourseError(
                f"{where}: 'about' says which text the exercise asks about, one of "
                f"{', '.join(ABOUT)}; got {item.get('about')!r}."
            )
        if item.get("shortcoming", "") not in ("", *ABOUT[:3]):
            raise CourseError(
                f"{where}: 'shortcoming' names the text whose shortcoming the right answer records "
                f"(news, opinion or both), or is left out; got {item['shortcoming']!r}."
            )
        if (item["kind"] == "choice") != bool(item.get("choices")):
            raise CourseError(
                f"{where}: a choice exercise, and only a choice exercise, has choices."
            )
        found[item["id"]] = Exercise(
            item["id"],
            item["question"],
            item["kind"],
            _answer(item, where),
            item["explanation"],
            item["hint"],
            dict(item.get("choices", {})),
            {str(k): v for k, v in item.get("wrong", {}).items()},
            float(item.get("tolerance", 0)),
            item["about"],
            item.get("shortcoming", ""),
        )
    return found


def exercise_ids() -> list[str]:
    """The numbers of all exercises, like ``'01.1'``.

    >>> exercise_ids()[:3]
    ['00.1', '00.2', '01.1']
    """
    return list(exercises())


def _as_number(answer: object) -> float | None:
    """The answer as a number, or None when it is not one (numpy numbers from pandas count as
    numbers).
    """
    if isinstance(answer, bool):
        return None
    if isinstance(answer, str) and re.fullmatch(r"\s*-?\d+,\d{1,2}\s*", answer):
        answer = answer.replace(
            ",", "."
        )  # a decimal comma, as in '25,0' (a thousands comma has three digits after it)
    if isinstance(answer, str) and re.fullmatch(r"\s*-?\d+(\.\d+)?\s*", answer.replace(",", "")):
        answer = answer.replace(",", "")
    elif not isinstance(answer, numbers.Real):
        return None
    try:
        number = float(answer)
    except (OverflowError, ValueError):
        return math.inf
    return None if math.isnan(number) else number


def _judge(exercise: Exercise, answer: object) -> Feedback:
    expected = exercise.answer()

    def say(verdict: str, message: str) -> Feedback:
        return Feedback(exercise.id, verdict, message)

    if exercise.kind == "number":
        expected = float(expected)  # type: ignore[arg-type]  # a number exercise's answer is a number
        number = _as_number(answer)
        if number is None:
            return say(
                "not yet",
                "This question wants a number, written with digits like 3 (you gave "
                f"{shown(answer)}). {exercise.hint}",
            )
        if abs(number - expected) <= exercise.tolerance:
            return say("right", exercise.explanation)
        if math.isinf(number):
            return say("not yet", f"That number is far too big to be the answer. {exercise.hint}")
        direction = "too high" if number > expected else "too low"
        advice = next(
            (
                text
                for key, text in exercise.wrong.items()
                if (tempting := _as_number(key)) is not None
                and abs(number - tempting) <= max(exercise.tolerance, 1e-9)
            ),
            exercise.hint,
        )
        typed = (
            f"{number:.6g}"
            if abs(number) >= 1e6
            else (f"{int(number)}" if number.is_integer() else f"{number:g}")
        )
        return say("not yet", f"{typed} is {direction}. {advice}")
    if not isinstance(answer, str):
        wanted = (
            "a letter in quotes, like 'b'"
            if exercise.kind == "choice"
            else "an ID in quotes, like 'news-p06'"
        )
        return say(
            "not yet", f"This question wants {wanted} (you gave {shown(answer)}). {exercise.hint}"
        )
    given = answer.strip().strip("()").lower().translate(_QUOTES)
    if exercise.kind == "id":
        from course.text.sources import normalise_id

        given = normalise_id(given)
    if (
        exercise.kind == "id"
        and re.fullmatch(r"[a-z]+-p\d+-s\d+", given)
        and not re.search(r"-s\d+$", str(expected))
    ):
        return say(
            "not yet",
            f"{given} is a sentence ID; this question wants a paragraph ID, without the '-s..' "
            "part at the end.",
        )
    if exercise.kind == "id" and given not in exercise.wrong and given != str(expected).lower():
        from course.errors import CourseError
        from course.text.sources import find_paragraph

        try:
            find_paragraph(given)
        except CourseError as error:
            return say("not yet", f"{error} {exercise.hint}")
        given_text, wanted_text = given.split("-")[0], str(expected).lower().split("-")[0]
        if given_text != wanted_text:
            return say(
                "not yet",
                f"{given} is in the '{given_text}' text, but this question is about the "
                f"'{wanted_text}' text. {exercise.hint}",
            )
    if exercise.kind == "choice" and given not in exercise.choices:
        letters = ", ".join(repr(letter) for letter in exercise.choices)
        return say(
            "not yet", f"Answer with one of the letters {letters} (you gave {shown(answer)})."
        )
    if given == str(expected).lower():
        return say("right", exercise.explanation)
    return say("not yet", exercise.wrong.get(given, exercise.hint))


def judge(exercise: str, answer: object) -> Feedback:
    """Judge an answer as ``check`` does, without recording it: for answers given on paper.

    >>> judge("01.1", "3").correct, judge("03.2", "B").correct
    (True, True)
    """
    return _judge(exercises()[exercise], answer)


def check(exercise: str, answer: object) -> Feedback:
    """Check an answer to an exercise and say what was right, or give a hint.

    >>> check("01.1", 3).verdict
    'right'
    >>> print(check("01.1", 2))  # doctest: +NORMALIZE_WHITESPACE
    Exercise 01.1: ✘ Not yet. 2 is too low. Look at the byline again: it names people in three
    cities.
    >>> print(check("01.1", ...))
    Exercise 01.1: … No answer yet. Replace the ... with your answer, then run the cell again.
    >>> print(check("01.1", "three"))  # doctest: +NORMALIZE_WHITESPACE
    Exercise 01.1: ✘ Not yet. This question wants a number, written with digits like 3 (you gave
    'three'). Look at the byline (paragraph news-p04).
    >>> print(check("01.5", "opinoin-p07"))  # doctest: +NORMALIZE_WHITESPACE, +ELLIPSIS
    Exercise 01.5: ✘ Not yet. There is no source called 'opinoin'. The sources are: 'news',
    'opinion'. Did you mean 'opinion'? ...
    >>> check("1.1", 3)  # doctest: +NORMALIZE_WHITESPACE, +ELLIPSIS
    Traceback (most recent call last):
    ...
    course.errors.CourseError: There is no exercise called '1.1'. The exercises are: '00.1', '00.2',
    ... Did you mean '01.1'?
    """
    registry = exercises()
    if not isinstance(exercise, str) or exercise not in registry:
        raise unknown_name("exercise", exercise, list(registry))
    if answer is ... or answer is None or (isinstance(answer, str) and not answer.strip()):
        return Feedback(
            exercise, "no answer", "Replace the ... with your answer, then run the cell again."
        )
    feedback = judge(exercise, answer)
    from course.classroom.attempts import record_attempt

    record_attempt(exercise, answer, feedback.correct)
    return feedback
