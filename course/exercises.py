"""The exercises of the lessons: questions, how each answer is worked out from the texts, and feedback.

Answers that come from the texts are computed from them (through :mod:`course.sources`), so a
change in cleaning or splitting cannot leave an answer key silently wrong.
"""

from __future__ import annotations

from course.checks import Exercise
from course.lessons import lessons
from course.sources import load_source

__all__ = ["EXERCISES"]


def _pull_quote_host() -> str:
    opinion = load_source("opinion")
    quote = next(p for p in opinion.paragraphs if p.kind == "pull quote")
    line = quote.raw_lines[0]
    return next(p.id for p in opinion.paragraphs if p.kind == "body" and min(p.raw_lines) < line < max(p.raw_lines))


def _sentences_mentioning(name: str, word: str) -> int:
    return sum(word in sentence.text.lower() for sentence in load_source(name).sentences)


EXERCISES: tuple[Exercise, ...] = (
    Exercise(
        id="00.1",
        question="How many lessons does the course map list?",
        kind="number",
        answer=lambda: len(lessons()),
        explanation="The course map lists every lesson, this one included, with its time.",
        hint="Count the rows of the table that show_course_map() printed, including lesson 00.",
    ),
    Exercise(
        id="01.1",
        question="How many reporters does the news report's byline name?",
        kind="number",
        answer=lambda: len(load_source("news").metadata["authors"]),
        explanation="The byline names Brett Forrest (Washington), Ann M. Simmons (Moscow) and Chao Deng (Taipei): "
                    "three reporters in three cities.",
        hint="Look at the byline (paragraph news-p04).",
        wrong={"2": "Look at the byline again: it names people in three cities.",
               "1": "Look at the byline again: it names people in three cities.",
               "4": "Count only the people in the byline (news-p04), not the people quoted in the article."},
    ),
    Exercise(
        id="01.2",
        question="What does the opinion column tell us about when it was published?",
        kind="choice",
        choices={"a": "its full date of publication",
                 "b": "no date of publication; the latest date in it is 'Dec. 9', with no year",
                 "c": "only the year of publication"},
        answer=lambda: "b",
        explanation="The copy has no date line. The latest date it mentions is 'Dec. 9' (no year); the course "
                    "materials, not the text, say it is from December 2025.",
        hint="Is there a line giving a date and time near the top, as the news report has after its byline?",
        wrong={"a": "Look again: is there a line giving a date near the top, as the news report has after its byline?",
               "c": "Search the column for a year of publication: the years in it are years of events, not of publication."},
    ),
    Exercise(
        id="01.3",
        question="How many sentences of the opinion column mention sanctions?",
        kind="number",
        answer=lambda: _sentences_mentioning("opinion", "sanction"),
        explanation="None. The news report mentions sanctions in several sentences; the opinion column does not "
                    "mention them at all. What a text leaves out is part of reading it.",
        hint="Use search_texts('sanction', source='opinion') and count the hits.",
    ),
    Exercise(
        id="01.4",
        question="Which of these did the cleaning remove from the news report, instead of keeping it and marking it?",
        kind="choice",
        choices={"a": "the photo captions", "b": "the reprint notice", "c": "the correction", "d": "the subheads"},
        answer=lambda: "b",
        explanation="The reprint notice was added around the copy and is not part of the article, so it was removed "
                    "(and logged). Captions, the correction and subheads are part of the published page: they are kept and marked.",
        hint="Removed things are not part of the article at all; look at the cleaning log's 'after' column for empty cells.",
        wrong={"a": "Captions were kept and marked as captions: they are part of the published page.",
               "c": "The correction was kept and marked: it tells us the text was changed.",
               "d": "Subheads were kept and marked: they are part of the published page."},
    ),
    Exercise(
        id="01.5",
        question="A pull quote interrupted a sentence of the opinion column. Give the ID of the paragraph where that sentence was joined again.",
        kind="id",
        answer=_pull_quote_host,
        explanation="In opinion-p07 the sentence '... in an expanding area that includes Asia, Europe, the Middle East, the "
                    "Arctic and Africa. They have also conducted ...' was broken by the pull quote, which is now opinion-p08.",
        hint="Look for 'pull quote' in the cleaning log of 'opinion', or show the whole text and find the pull quote.",
        wrong={"opinion-p08": "opinion-p08 is the pull quote itself; the sentence it interrupted is in the paragraph just before it."},
    ),
)
