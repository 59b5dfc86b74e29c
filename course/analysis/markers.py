"""How sure a text sounds: word lists (``data/marker_words.csv``) that mark hedges, boosters,
evaluative words, first person and calls to action, and a highlighter that shows them.

The rules are word lists a student can read (``marker_words()``) and extend for a session
(``extra={"hedge": ["perhaps"]}``): no black box. They are crude on purpose, so that students can
see where they fail ("may" the month, "will" the plain future). Words inside quotation marks are
counted apart from the author's own words, because they are someone else's voice. Words of one
kind that stand within two words of each other in a sentence count once, as one phrase ("appeasing
dictators will only embolden them" is one loaded phrase, not three words), in both texts alike.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from typing import TypedDict

from course.errors import CourseError, choose, need_texts, shown
from course.paths import data_folder, read_data
from course.results import Shown, Table

__all__ = [
    "CATEGORIES",
    "Marker",
    "marker_words",
    "find_markers",
    "highlight",
    "marker_rates",
    "counted_phrases",
    "marker_examples",
    "marker_comparison",
    "compare_marking",
]

CATEGORIES = ("hedge", "booster", "evaluative", "first person", "call to action")
_TAGS = {
    "hedge": "H",
    "booster": "B",
    "evaluative": "E",
    "first person": "1P",
    "call to action": "A",
}
# Okabe–Ito tints for the highlight; each mark also carries its letter tag, so colour is never the
# only cue.
_TINTS = {
    "hedge": "#cce4f2",
    "booster": "#f9ddc4",
    "evaluative": "#f5d0e3",
    "first person": "#d9f0e7",
    "call to action": "#fbf3b5",
}
_QUOTE_SPAN = re.compile(r"[\"“][^\"”]*[\"”]")


class Marker(TypedDict):
    """One marker word found in a text: its kind, the words as written, where they are, and whether
    they stand inside a quotation (someone else's voice)."""

    category: str
    words: str
    start: int
    end: int
    quoted: bool


def _whole(word: str) -> str:
    """A pattern for ``word`` standing on its own, not inside a longer word."""
    return r"(?<![\w’'-])" + re.escape(word) + r"(?![\w’'-])"


def _words() -> list[tuple[str, str]]:
    frame = read_data(data_folder() / "marker_words.csv")
    return list(zip(frame["category"], frame["word"], strict=False))


def marker_words(category: str | None = None) -> Table:
    """The word lists: with no category, one row per kind of word with all its words (a * marks a
    word
    whose rule is known to misfire); with a category, each of its words with the note on where it
    misfires.

    >>> list(marker_words("call to action")["word"])
    ['need to', 'must', 'should', 'have to']
    >>> marker_words().columns
    ['category', 'words', 'how many']
    """
    frame = read_data(data_folder() / "marker_words.csv")
    if category is not None:
        _category(category)
        return Table(
            frame[frame["category"] == category].reset_index(drop=True),
            preview=None,
            caption=f"The word list: {category}",
        )
    rows = [
        {
            "category": kind,
            "words": ", ".join(
                word + ("*" if note else "")
                for word, note in frame[frame["category"] == kind][["word", "note"]].itertuples(
                    index=False
                )
            ),
            "how many": int((frame["category"] == kind).sum()),
        }
        for kind in CATEGORIES
    ]
    return Table(
        rows,
        key_columns=["category", "words", "how many"],
        preview=None,
        caption="The word lists",
        notes=[
            '* the rule for this word is known to misfire: marker_words("hedge") (or another kind) '
            "shows each word with a note on where it goes wrong."
        ],
    )


def _category(category: str) -> str:
    return choose(category, CATEGORIES, "category")


def _lists(extra: Mapping[str, Sequence[str]] | None) -> dict[str, list[str]]:
    lists: dict[str, list[str]] = {category: [] for category in CATEGORIES}
    for category, word in _words():
        lists[category].append(word)
    if extra is not None and not isinstance(extra, Mapping):
        raise CourseError(
            f"Extra words are a dictionary of lists, like {{'hedge': ['perhaps']}}; you gave "
            f"{shown(extra)}."
        )
    for category, words in (extra or {}).items():
        lists[_category(category)].extend(
            need_texts(words, "extra words", "{'hedge': ['perhaps']}")
        )
    return lists


def find_markers(text: str, extra: Mapping[str, Sequence[str]] | None = None) -> list[Marker]:
    """Every marker word in ``text``: its category, the words, where they are, and whether they are
    inside a quotation.

    Longer phrases win over shorter words inside them; matching ignores capitals (except "I").

    >>> found = find_markers('It will likely grow, "we must act".')
    >>> [(m["category"], m["words"], m["quoted"]) for m in found]  # doctest: +NORMALIZE_WHITESPACE
    [('booster', 'will', False), ('hedge', 'likely', False), ('first person', 'we', True), ('call to
    action', 'must', True)]
    """
    if not isinstance(text, str):
        raise CourseError(
            "find_markers needs text in quotes, like find_markers('It will likely grow.'); you "
            f"gave {shown(text)}."
        )
    found: list[Marker] = []
    taken: list[tuple[int, int]] = []
    quoted = [match.span() for match in _QUOTE_SPAN.finditer(text)]
    candidates = [(category, word) for category, words in _lists(extra).items() for word in words]
    for category, word in sorted(candidates, key=lambda item: -len(item[1])):
        flags = 0 if word == "I" else re.IGNORECASE
        for match in re.finditer(_whole(word), text, flags):
            start, end = match.span()
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            taken.append((start, end))
            found.append(
                {
                    "category": category,
                    "words": match.group(0),
                    "start": start,
                    "end": end,
                    "quoted": any(q_start <= start < q_end for q_start, q_end in quoted),
                }
            )
    return sorted(found, key=lambda marker: marker["start"])


def highlight(paragraph_id: str, extra: Mapping[str, Sequence[str]] | None = None) -> Shown:
    """Show a paragraph with every marker word tagged: in HTML, tinted with a letter tag; as text,
    in brackets.

    >>> print(highlight("opinion-p12"))  # doctest: +NORMALIZE_WHITESPACE, +ELLIPSIS
    opinion-p12 [body]
    But the trajectory is [B:clear]. ... [E:appeasing] [E:dictators] [B:will] [B:only] [E:embolden]
    them.
    Key: H = hedge · B = booster · E = evaluative · 1P = first person · A = call to action
    """
    from course.text.sources import find_paragraph

    paragraph = find_paragraph(paragraph_id)
    text = paragraph.text
    markers = find_markers(text, extra)
    plain, marked, at = [], [], 0
    for marker in markers:
        start, end, tag = marker["start"], marker["end"], _TAGS[marker["category"]]
        plain += [text[at:start], f"[{tag}:{text[start:end]}]"]
        marked += [
            html.escape(text[at:start]),
            f"<mark title='{marker['category']}' style='background:{_TINTS[marker['category']]}'>"
            f"<sup>{tag}</sup>{html.escape(text[start:end])}</mark>",
        ]
        at = end
    plain.append(text[at:])
    marked.append(html.escape(text[at:]))
    key = " · ".join(f"{tag} = {category}" for category, tag in _TAGS.items())
    head = f"{paragraph.id} [{paragraph.kind}]"
    return Shown(
        f"{head}\n{''.join(plain)}\nKey: {key}",
        f"<div><strong>{html.escape(head)}</strong><p style='line-height:1.8'>{''.join(marked)}</p>"
        f"<p><small>Key: {html.escape(key)}</small></p></div>",
    )


_WORD = re.compile(r"[A-Za-z0-9][\w’'-]*")
PHRASE_GAP = 2
"""Marker words of one kind at most this many words apart, in one sentence, count as one phrase."""


def counted_phrases(text: str, markers: list[Marker]) -> list[Marker]:
    """The markers that count: of several words of one kind standing close together (at most
    ``PHRASE_GAP`` words between them, no sentence end, both quoted or both not), only the first.

    >>> text = "Appeasing dictators will only embolden them. Threats remain."
    >>> counted = counted_phrases(text, find_markers(text))
    >>> [m["words"] for m in counted if m["category"] == "evaluative"]
    ['Appeasing', 'Threats']
    """
    counted: list[Marker] = []
    last: dict[str, Marker] = {}
    for marker in sorted(markers, key=lambda m: m["start"]):
        before = last.get(marker["category"])
        if before is not None and before["quoted"] == marker["quoted"]:
            gap = text[before["end"] : marker["start"]]
            if len(_WORD.findall(gap)) <= PHRASE_GAP and not re.search(r"[.!?;]", gap):
                last[marker["category"]] = (
                    marker  # the phrase goes on; the next gap counts from here
                )
                continue
        counted.append(marker)
        last[marker["category"]] = marker
    return counted


def _body(source: str):
    from course.text.sources import load_source

    return load_source(source).paragraphs_of("body")


def marker_rates(extra: Mapping[str, Sequence[str]] | None = None) -> Table:
    """Markers per 1,000 words of body text in each text, counted apart for the author's words and
    for quotations.

    >>> table = marker_rates()
    >>> table.columns  # doctest: +NORMALIZE_WHITESPACE
    ['category', 'text', 'body words', 'markers', 'per 1,000 words', "in the author's words", 'in
    quotations']
    """
    import pandas as pd

    found = {}  # each text's words and markers, found once and then counted per category
    for name in ("news", "opinion"):
        paragraphs = _body(name)
        found[name] = (
            sum(len(_WORD.findall(p.text)) for p in paragraphs),
            [m for p in paragraphs for m in counted_phrases(p.text, find_markers(p.text, extra))],
        )
    rows = []
    for category in CATEGORIES:
        for name in ("news", "opinion"):
            words, everything = found[name]
            markers = [m for m in everything if m["category"] == category]
            quoted = sum(bool(m["quoted"]) for m in markers)
            rows.append(
                {
                    "category": category,
                    "text": name,
                    "body words": words,
                    "markers": len(markers),
                    "per 1,000 words": round(1000 * len(markers) / words, 1),
                    "in the author's words": len(markers) - quoted,
                    "in quotations": quoted,
                }
            )
    return Table(
        pd.DataFrame(rows),
        key_columns=[
            "category",
            "text",
            "per 1,000 words",
            "in the author's words",
            "in quotations",
        ],
        preview=None,
        caption="Marker words per 1,000 words",
    )


def marker_comparison(extra: Mapping[str, Sequence[str]] | None = None) -> Table:
    """The two texts side by side: each kind of marker per 1,000 words of body text, which text
    uses it more, and how many times as often (computed here, so no comparison is typed by hand).

    >>> table = marker_comparison()
    >>> table.columns
    ['category', 'news report', 'opinion column', 'more often in', 'how many times as often']
    >>> table.where("category", "evaluative").frame.iloc[0]["more often in"]
    'opinion column'
    """
    rates = marker_rates(extra).frame
    rows = []
    for category in CATEGORIES:
        news, opinion = (
            float(
                rates[(rates["category"] == category) & (rates["text"] == name)][
                    "per 1,000 words"
                ].iloc[0]
            )
            for name in ("news", "opinion")
        )
        high, low = max(news, opinion), min(news, opinion)
        rows.append(
            {
                "category": category,
                "news report": news,
                "opinion column": opinion,
                "more often in": "the same"
                if news == opinion
                else ("news report" if news > opinion else "opinion column"),
                "how many times as often": round(high / low, 1) if low else "only one text has any",
            }
        )
    return Table(
        rows, preview=None, caption="Marker words per 1,000 words of body text, side by side"
    )


def marker_examples(
    category: str, source: str, extra: Mapping[str, Sequence[str]] | None = None
) -> Table:
    """Each marker of one category in one text, with its sentence ID and the words around it.

    >>> list(marker_examples("call to action", "opinion")["words"])
    ['need to']
    """
    import pandas as pd

    from course.text.sources import source_names

    _category(category)
    choose(source, source_names(), "source")
    rows = []
    for paragraph in _body(source):
        # Markers are found in the whole paragraph, so a quotation spanning sentences counts as one.
        markers = [m for m in find_markers(paragraph.text, extra) if m["category"] == category]
        for sentence in paragraph.sentences:
            offset = paragraph.text.find(sentence.text)
            for marker in markers:
                start, end = int(marker["start"]) - offset, int(marker["end"]) - offset
                if 0 <= start < len(sentence.text):
                    text = sentence.text
                    context = (
                        text[max(0, start - 45) : start]
                        + "["
                        + text[start:end]
                        + "]"
                        + text[end : end + 45]
                    )
                    rows.append(
                        {
                            "sentence_id": sentence.id,
                            "words": marker["words"],
                            "in a quotation": "yes" if marker["quoted"] else "no",
                            "context": "…" + context + "…",
                        }
                    )
    from course.text.sources import text_name

    return Table(
        pd.DataFrame(rows, columns=["sentence_id", "words", "in a quotation", "context"]),
        preview=12,
        caption=f"Words of the kind '{category}' in {text_name(source)}",
    )


def compare_marking(paragraph_id: str, category: str, my_words: Sequence[str]) -> Table:
    """Compare the words a student marked in a paragraph with what the rules mark.

    >>> marked = compare_marking("opinion-p12", "evaluative", ["dictators", "trajectory"])
    >>> print(marked)  # doctest: +ELLIPSIS
    Your marking of opinion-p12 and the rules (evaluative)
           words               found by
       dictators both you and the rules
      trajectory               only you
          unseat         only the rules
    ...
    """
    from course.text.sources import find_paragraph

    _category(category)
    words = need_texts(my_words, "your words", "['likely', 'may']")
    paragraph = find_paragraph(paragraph_id)
    text = paragraph.text
    rules = [m for m in find_markers(text) if m["category"] == category]
    # Agreement is judged by place in the paragraph, not by spelling: a word you mark agrees with a
    # rule when
    # they cover some of the same words of the paragraph (so 'a' never agrees with 'appeasing').
    rows: list[dict[str, str]] = []
    agreed: set[int] = set()
    for word in dict.fromkeys(w.lower() for w in words):
        spans = [m.span() for m in re.finditer(_whole(word), text, re.IGNORECASE)]
        if not spans:
            raise CourseError(
                f"{shown(word)} is not a word or phrase of {paragraph.id}. Copy it exactly as "
                "the paragraph "
                "has it (whole words)."
            )
        shared = [
            m for m in rules if any(start < m["end"] and m["start"] < end for start, end in spans)
        ]
        agreed.update(id(m) for m in shared)
        names = list(dict.fromkeys(str(m["words"]).lower() for m in shared))
        found = "both you and the rules" if shared else "only you"
        if shared and names != [word]:
            found += f" (the rules mark {', '.join(repr(name) for name in names)})"
        rows.append({"words": word, "found by": found})
    missed = dict.fromkeys(str(m["words"]).lower() for m in rules if id(m) not in agreed)
    rows += [{"words": rule, "found by": "only the rules"} for rule in missed]
    return Table(
        rows, preview=None, caption=f"Your marking of {paragraph_id} and the rules ({category})"
    )
