"""Helpers for the course *Reading sources critically: China–Russia military cooperation*.

Everything a lesson needs is importable from here, for example::

    from course import load_source, show_text, search_texts, check

Importing ``course`` does no work and writes no file: each helper loads its module (and the
texts) only when it is first used.
"""

from __future__ import annotations

from importlib import import_module

from course.errors import CourseError, closest

_HOME: dict[str, str] = {
    "load_source": "course.sources", "source_names": "course.sources", "find_paragraph": "course.sources",
    "find_sentence": "course.sources",
    "show_text": "course.display", "show_paragraph": "course.display", "show_sentence": "course.display",
    "search_texts": "course.display", "compare_raw_and_clean": "course.display", "cleaning_log": "course.display",
    "sentences_table": "course.display", "show_metadata": "course.display",
    "check": "course.checks", "exercise_ids": "course.checks",
    "statistics_table": "course.statistics", "find_statistic": "course.statistics", "show_statistic": "course.statistics",
    "check_statistic": "course.checking", "check_table": "course.checking", "convert": "course.checking",
    "voices_table": "course.voices", "who_speaks": "course.voices", "voices_chart": "course.voices",
    "write_answer": "course.journal", "answer_of": "course.journal", "my_answers": "course.journal", "export_journal": "course.journal",
    "where_is_my_work": "course.journal", "quiz": "course.widgets", "answer_box": "course.widgets",
    "release": "course.release", "evidence_sheet": "course.assessment",
    "trade_chart": "course.charts", "patrols_chart": "course.charts",
    "topics": "course.then_and_now", "compare_topic": "course.then_and_now", "topic_coverage": "course.then_and_now",
    "expectations": "course.then_and_now",
    "timeline_table": "course.timeline", "vague_times": "course.timeline", "timeline_chart": "course.timeline",
    "marker_words": "course.markers", "highlight": "course.markers", "marker_rates": "course.markers",
    "marker_examples": "course.markers", "compare_marking": "course.markers", "find_markers": "course.markers",
    "percent_difference": "course.checking", "show_tolerances": "course.checking", "reference_row": "course.checking",
    "lessons": "course.lessons", "lesson_table": "course.lessons", "show_course_map": "course.lessons",
}

__all__ = ["CourseError", *_HOME]


def __getattr__(name: str) -> object:
    if name in _HOME:
        return getattr(import_module(_HOME[name]), name)
    suggestion = closest(name, _HOME)
    hint = f" Did you mean {suggestion!r}?" if suggestion else ""
    raise AttributeError(f"The course has no helper called {name!r}.{hint}")


def __dir__() -> list[str]:
    return sorted(__all__)
