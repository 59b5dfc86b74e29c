"""Widgets for answering in the notebook: a quiz for multiple-choice exercises and a box for written
answers.

Both are made of standard ipywidgets (radio buttons, a text area, buttons), so they work with the
keyboard: Tab moves between them, Enter or Space presses a button. Feedback is given in words (and
symbols), never by colour alone. Where widgets cannot be shown (a plain terminal, a static page),
the same thing prints as text saying how to answer with ``check``. (This module imports ipywidgets,
so ``course`` loads it only when a widget is asked for.)
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from course.classroom.self_checks import check
from course.errors import CourseError, choose, need_whole_number, shown
from course.results import html_block

__all__ = ["quiz", "answer_box"]


class _Answerable(widgets.VBox):
    """A box of widgets that also reads well where the widgets themselves cannot be shown: as plain
    text,
    and as HTML for a page that cannot run code (the static site shows the question, the choices or
    the
    prompt, and says that answers are given in the notebook)."""

    def __init__(self, children, text: str, static_html: str) -> None:
        super().__init__(children)
        self._plain = text
        self._static = static_html

    def __repr__(self) -> str:
        return self._plain

    def _repr_mimebundle_(self, **kwargs):
        data = super()._repr_mimebundle_(**kwargs) or {}
        data = data[0] if isinstance(data, tuple) else data
        data["text/plain"] = self._plain
        data["text/html"] = html_block(self._static)
        return data


def quiz(exercise_id: str):
    """A multiple-choice exercise with one button per answer; pressing one gives feedback below, in
    words.

    Buttons rather than radio buttons: each is reached with Tab and pressed with Enter or Space, in
    JupyterLab as in any browser, and a screen reader reads its full label.

    >>> print(repr(quiz("02.3")).splitlines()[0])  # doctest: +NORMALIZE_WHITESPACE
    Exercise 02.3: Why can the news report's 'exceeded $100 billion' not be set straight beside the
    column's 'roughly $245 billion'?
    """

    from course.classroom.self_checks import exercises

    registry = exercises()
    exercise = registry[choose(exercise_id, registry, "exercise")]
    if exercise.kind != "choice":
        raise CourseError(
            f"Exercise {exercise_id} asks for a {exercise.kind}, not a choice: answer it with "
            f"check({exercise_id!r}, your_answer)."
        )
    feedback = widgets.HTML(value="")
    buttons = []
    for letter, text in exercise.choices.items():
        button = widgets.Button(
            description=f"Answer {letter}",
            tooltip=f"{letter}) {text}",
            # Natural width, never squeezed: on a phone the buttons wrap to a second line instead of
            # shrinking to "An…".
            layout=widgets.Layout(width="auto", flex="0 0 auto"),
        )
        button.on_click(
            lambda _button, letter=letter: setattr(
                feedback, "value", check(exercise_id, letter)._repr_html_()
            )
        )
        buttons.append(button)
    choices = "".join(
        f"<li><strong>{letter})</strong> {html.escape(text)}</li>"
        for letter, text in exercise.choices.items()
    )
    asked = (
        f"<p><strong>Exercise {exercise_id}.</strong> {html.escape(exercise.question)}</p>"
        f"<ul style='list-style:none;padding-left:0.5em'>{choices}</ul>"
    )
    question = widgets.HTML(
        value=html_block(
            asked + "<p><small>Press the button of your answer (Tab moves between "
            "buttons, Enter presses).</small></p>"
        )
    )
    text = "\n".join(
        [
            f"Exercise {exercise_id}: {exercise.question}",
            *(f"  {letter}) {choice_text}" for letter, choice_text in exercise.choices.items()),
            f'(If no buttons show here, answer with check({exercise_id!r}, "a") using your '
            "letter.)",
        ]
    )
    static = asked + (
        f"<p><em>Answer this question in the notebook: press the button of your answer, or run "
        f'<code>check({html.escape(repr(exercise_id))}, "a")</code> with your letter.</em></p>'
    )
    row = widgets.HBox(buttons, layout=widgets.Layout(flex_flow="row wrap"))
    return _Answerable([question, row, feedback], text, static)


def answer_box(question: str, prompt: str = "", rows: int = 6):
    """A box for a written answer, saved to the journal with the Save button, and filled again from
    it next time.

    >>> print(repr(answer_box("01 think", "Name one topic.")).splitlines()[0])
    Written answer '01 think': Name one topic.

    A lesson's box needs only its ID: the prompt comes from ``prompts.toml``.

    >>> print(repr(answer_box("02 think")).splitlines()[0])
    Written answer '02 think': Which 2021 figures could the reporters have had?
    """
    from course.classroom.journal import answer_with_notice, write_answer

    if not isinstance(question, str) or not question.strip():
        raise CourseError(
            f"Name the question in quotes, like answer_box('01 think'); got {shown(question)}."
        )
    if not isinstance(prompt, str):
        raise CourseError(
            "The prompt is text in quotes, like answer_box('01 think', 'Name one topic.'); got "
            f"{shown(prompt)}."
        )
    rows = need_whole_number(rows, "the number of rows of the box", "6", 1, 60)
    if not prompt:
        # The lessons' prompts are written once, in prompts.toml; a box of the student's own
        # making has none.
        from course.classroom.prompts import prompts

        known = prompts().get(question.strip())
        prompt = known.prompt if known else ""
    saved, notice = answer_with_notice(question)
    area = widgets.Textarea(
        value=saved,
        placeholder="Write your answer here, then press Save.",
        rows=rows,
        layout=widgets.Layout(width="95%"),
    )
    button = widgets.Button(description="Save", tooltip="Save this answer in your journal")
    first = "Saved earlier: shown above." if saved else ""
    status = widgets.HTML(
        value=f"<p role='status'>{html.escape(' '.join(filter(None, [notice, first])))}</p>"
    )

    def on_click(_button) -> None:
        # Whatever goes wrong, the student is told in words and the text stays in the box: a button
        # has no
        # traceback to show, so an error here would otherwise vanish.
        try:
            status.value = write_answer(question, area.value)._repr_html_()
        except CourseError as error:
            status.value = f"<p role='status'>… {html.escape(str(error))}</p>"
        except OSError as error:  # a full disk or a read-only folder
            status.value = (
                "<p role='status'>✘ Could not save "
                f"({html.escape(str(error.strerror or error))}). Your text "
                "is still in the box: copy it somewhere safe and tell your instructor.</p>"
            )
        except Exception as error:
            status.value = (
                f"<p role='status'>✘ Could not save ({html.escape(type(error).__name__)}). Your "
                "text is still "
                "in the box: copy it somewhere safe and tell your instructor.</p>"
            )

    button.on_click(on_click)
    asked = f"<p><strong>{html.escape(question)}</strong> {html.escape(prompt)}</p>"
    parts = [widgets.HTML(value=html_block(asked)), area, button, status]
    text = (
        f"Written answer {question!r}: {prompt}\n(If no box shows here, save your answer with "
        f'write_answer({question!r}, "your answer").)'
    )
    static = asked + (
        "<p><em>Write your answer in the notebook, in the box under this question, and press "
        "Save.</em></p>"
    )
    return _Answerable(parts, text, static)
