"""Splitting cleaned paragraphs into sentences, with rules for abbreviations a student can read.

A full stop ends a sentence only when the next word starts a new one. These texts are full of
full stops that do not: titles ("Mr. Putin"), months ("Dec. 9"), numbers ("No. 1"),
initials ("Ann M. Simmons") and "U.S." in mid-sentence.
"""

from __future__ import annotations

import re

__all__ = ["NEVER_ENDS_A_SENTENCE", "split_sentences"]

# Abbreviations that are always followed by more of the same sentence (a name, a day, a number).
NEVER_ENDS_A_SENTENCE: frozenset[str] = frozenset(
    {
        "Mr.",
        "Mrs.",
        "Ms.",
        "Dr.",
        "Messrs.",
        "Gen.",
        "Sen.",
        "Rep.",
        "Gov.",
        "Prof.",
        "St.",
        "Lt.",
        "Col.",
        "Jan.",
        "Feb.",
        "Mar.",
        "Apr.",
        "Aug.",
        "Sep.",
        "Sept.",
        "Oct.",
        "Nov.",
        "Dec.",
        "No.",
        "Nos.",
        "vs.",
        "e.g.",
        "i.e.",
    }
)

# A possible end: ., ! or ? with any closing quotes or brackets, then space, then a capital,
# a digit or an opening quote.
_CANDIDATE = re.compile(r"[.!?][\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_LAST_WORD = re.compile(r"(\S+)$")


def _is_boundary(text: str, end: int) -> bool:
    """Decide whether the candidate full stop ending at ``end`` really ends a sentence."""
    word = _LAST_WORD.search(text[:end])
    token = word.group(1).lstrip("\"'“‘([") if word else ""
    if token in NEVER_ENDS_A_SENTENCE:
        return False
    # A single capital letter with a full stop is an initial, as in "Ann M. Simmons".
    return not re.fullmatch(r"[A-Z]\.", token)


def split_sentences(paragraph: str) -> list[str]:
    """Split one cleaned paragraph into its sentences.

    >>> split_sentences("Mr. Putin met Mr. Xi on Dec. 9. They talked.")
    ['Mr. Putin met Mr. Xi on Dec. 9.', 'They talked.']
    >>> split_sentences("China has been Russia's No. 1 trading partner. Trade grew.")
    ["China has been Russia's No. 1 trading partner.", 'Trade grew.']
    >>> split_sentences("It is a threat to the U.S. Beijing disagrees. U.S. officials say so.")
    ['It is a threat to the U.S.', 'Beijing disagrees.', 'U.S. officials say so.']
    >>> split_sentences("“It is late,” he said. “We go.”")
    ['“It is late,” he said.', '“We go.”']
    >>> split_sentences("")
    []
    """
    if not isinstance(paragraph, str):
        from course.errors import CourseError

        raise CourseError(
            f"split_sentences needs a paragraph of text in quotes (you gave {paragraph!r})."
        )
    text = paragraph.strip()
    sentences, start = [], 0
    for match in _CANDIDATE.finditer(text):
        if _is_boundary(text, match.start() + 1):
            sentences.append(text[start : match.end()].strip())
            start = match.end()
    if text[start:].strip():
        sentences.append(text[start:].strip())
    return sentences
