"""Cleaning the source texts in the open: every change is a rule with a reason, and every use of a
rule is logged.

The raw files keep the debris of being copied from web pages: reprint notices, link
placeholders, non-breaking spaces, a blog footer, a pull quote dropped into a sentence.
:func:`clean` turns a raw text into labelled blocks (headline, body, caption, ...) and a
cleaning log. Each log entry quotes the exact raw text it changed (``before``), so a
student can find it in the raw file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Block", "LogEntry", "Cleaned", "STEPS", "BLOCK_KINDS", "RUN_TOGETHER", "clean"]

# Why each step exists, in words a student can read. The log repeats these reasons.
STEPS: dict[str, str] = {
    "reprint notice": "A notice about personal use and ordering reprints, added around the copy. "
    "It is not part of the article, so it is removed.",
    "web address": "The page's web address, saved with the copy. It is removed from the text and "
    "kept in the metadata file.",
    "copyright line": "The publisher's copyright notice, part of the page rather than of the "
    "article. It is removed from the text and kept in the metadata file.",
    "blog footer": "Links from the blog page this copy was taken from. They are not part of the "
    "column, so they are removed.",
    "line break inside a paragraph": "The copy breaks one paragraph over several lines. The "
    "lines are joined with a space.",
    "link placeholder": "The web page had a link here. The copy kept the linked words in square "
    "brackets with a dummy address '(#)'. The words are kept; the link "
    "markup is dropped.",
    "button text": "A 'Follow' button that sat next to each reporter's name on the web page. It "
    "is not text, so it is removed.",
    "escaped character": "The copy writes '\\$' for a dollar sign (an 'escape' used by some text "
    "formats). It means '$'.",
    "non-breaking space": "An invisible 'non-breaking space', often next to an ordinary space. "
    "It becomes one ordinary space, so that searching and counting words "
    "work.",
    "words run together": "Two words lost the hyphen or space between them. The usual spelling "
    "is restored.",
    "broken paragraph": "The copy splits one paragraph in the middle of a sentence (the next "
    "part starts with a small letter). The parts are joined.",
    "pull quote": "A line that looks like a 'pull quote' (a short line shown in large type on a "
    "web page to catch the eye), which the copy dropped into the middle of a "
    "sentence. It is set aside and marked as a pull quote, and the sentence around "
    "it is joined again.",
    "section label": "The website's section name above the headline. Kept, marked as a section "
    "label.",
    "headline": "The title of the piece. Kept, marked as the headline.",
    "standfirst": "The one-line summary under the headline. Kept, marked as a standfirst.",
    "byline": "The line naming the authors. Kept, marked as a byline.",
    "date line": "The date and time of publication. Kept, marked as a date line.",
    "photo caption": "The caption of a photograph that is not in this copy (the extra blank "
    "lines are where the photo was). Kept, marked as a caption: the publisher "
    "wrote it, but it is not the running text.",
    "photo credit": "Who took or supplied the photograph. Kept, marked as a photo credit.",
    "subhead": "A short heading between paragraphs that breaks up a long article. Kept, marked "
    "as a subhead.",
    "correction heading": "The heading of the publisher's corrections note. Kept, marked as a "
    "correction heading.",
    "correction": "A correction the publisher added after the article appeared. Kept, marked as "
    "a correction: it tells us the text was changed.",
    "print edition note": "Where the article appeared in print, and under which headline. Kept, "
    "marked as a print edition note.",
    "author contact": "The reporters' e-mail addresses. Kept, marked as author contact details.",
    "author note": "A note about the author at the end of the column. Kept, marked as an author "
    "note.",
}

# The kinds of block a cleaned text is made of, in the words the course uses.
BLOCK_KINDS: tuple[str, ...] = (
    "section label",
    "headline",
    "standfirst",
    "byline",
    "date line",
    "body",
    "subhead",
    "caption",
    "photo credit",
    "pull quote",
    "correction heading",
    "correction",
    "print edition note",
    "author contact",
    "author note",
)

# Words the copies run together, and the spelling restored. Extend with care: each entry is a
# change to a source text and is shown in the cleaning log.
RUN_TOGETHER: dict[str, str] = {"highpriority": "high-priority"}

# Inline rules, applied to each raw line: (step, pattern, replacement).
_INLINE: tuple[tuple[str, re.Pattern[str], str], ...] = (
    ("button text", re.compile(r" ?\[Follow\]\(#\)"), ""),
    ("link placeholder", re.compile(r"\[([^\]]+)\]\(#\)"), r"\1"),
    ("escaped character", re.compile(r"\\([$])"), r"\1"),
    ("non-breaking space", re.compile("[ \u00a0]*\u00a0[ \u00a0]*"), " "),
    ("words run together", re.compile(r"\b(" + "|".join(RUN_TOGETHER) + r")\b"), ""),
)

_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*$")
_BLOG_FOOTER = {"Comments", "Popular posts from this blog"}
_DATE_LINE = re.compile(r"^[A-Z][a-z]{2,4}\.? \d{1,2}, \d{4}( \d{1,2}:\d{2} [ap]m [A-Z]{2,3})?$")
_AUTHOR_NOTE = re.compile(r"^(Mr|Ms|Mrs|Dr)\. [A-Z][a-z]+ is ")
_CONTEXT = 12  # characters of raw text shown on each side of an inline change


@dataclass(frozen=True)
class LogEntry:
    """One change made while cleaning: which rule, where (raw line), the exact raw text, and what it
    became.
    """

    step: str
    line: int
    before: str
    after: str
    why: str


@dataclass(frozen=True)
class Block:
    """A paragraph-sized piece of a text with its kind and the raw line numbers it came from."""

    kind: str
    text: str
    lines: tuple[int, ...]


@dataclass(frozen=True)
class Cleaned:
    """What :func:`clean` gives: the kept blocks in reading order, the removed ones, the log."""

    blocks: tuple[Block, ...]
    removed: tuple[Block, ...]
    log: tuple[LogEntry, ...]


class _Log:
    def __init__(self) -> None:
        self.entries: list[LogEntry] = []

    def add(self, step: str, line: int, before: str, after: str) -> None:
        self.entries.append(LogEntry(step, line, before, after, STEPS[step]))


def _line_starts(raw: str) -> list[int]:
    starts = [0]
    for index, char in enumerate(raw):
        if char == "\n":
            starts.append(index + 1)
    return starts


def _clean_line(raw_line: str, number: int, log: _Log) -> str:
    """Apply the inline rules to one raw line, logging each change with raw context."""
    changes: list[tuple[int, int, str, str]] = []
    taken: list[tuple[int, int]] = []
    for step, pattern, replacement in _INLINE:
        for match in pattern.finditer(raw_line):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            new = (
                RUN_TOGETHER[match.group(1)]
                if step == "words run together"
                else match.expand(replacement)
            )
            changes.append((match.start(), match.end(), new, step))
            taken.append((match.start(), match.end()))
    changes.sort()
    for start, end, new, step in changes:
        left, right = max(0, start - _CONTEXT), min(len(raw_line), end + _CONTEXT)
        before = raw_line[left:right]
        log.add(step, number, before, raw_line[left:start] + new + raw_line[end:right])
    pieces, cursor = [], 0
    for start, end, new, _ in changes:
        pieces.append(raw_line[cursor:start] + new)
        cursor = end
    pieces.append(raw_line[cursor:])
    return "".join(pieces).strip()


def _ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text.rstrip()))


def _starts_lowercase(text: str) -> bool:
    return text[:1].islower()


def _seam(raw: str, starts: list[int], first: Block, second: Block) -> str:
    """The raw text around the join of two blocks: the end of one, the start of the next."""
    end_of_first = (
        starts[first.lines[-1]] - 1
    )  # index of the newline ending the first block's last line
    start_of_second = starts[second.lines[0] - 1]
    return (
        raw[max(0, end_of_first - 2 * _CONTEXT) : end_of_first]
        + raw[end_of_first : start_of_second + 2 * _CONTEXT]
    )


def clean(raw: str) -> Cleaned:
    """Clean a raw source text into labelled blocks, logging every change.

    >>> result = clean("Headline\\n\\nIt cost \\\\$5.\\n\\nComments\\n")
    >>> [(block.kind, block.text) for block in result.blocks]
    [('headline', 'Headline'), ('body', 'It cost $5.')]
    >>> [(entry.step, entry.before) for entry in result.log]  # doctest: +NORMALIZE_WHITESPACE
    [('headline', 'Headline'), ('escaped character', 'It cost \\\\$5.'), ('blog footer',
    'Comments')]
    """
    log = _Log()
    starts = _line_starts(raw)
    raw_lines = raw.split("\n")

    # 1. Group lines into blocks; apply inline rules line by line so the log quotes raw text.
    blocks: list[Block] = []
    current: list[tuple[int, str]] = []
    for number, raw_line in enumerate(raw_lines + [""], start=1):
        if raw_line.strip():
            current.append((number, raw_line))
            continue
        if current:
            cleaned = [_clean_line(text, n, log) for n, text in current]
            for (n, text), (_, next_text) in zip(current, current[1:], strict=False):
                seam = text[-2 * _CONTEXT :] + "\n" + next_text[: 2 * _CONTEXT]
                log.add("line break inside a paragraph", n, seam, seam.replace("\n", " "))
            text = " ".join(part for part in cleaned if part)
            if text:  # a line that held only page debris (a lone button) leaves nothing to keep
                blocks.append(Block("body", text, tuple(n for n, _ in current)))
            current = []

    # 2. Remove what is not part of the piece at all.
    kept: list[Block] = []
    removed: list[Block] = []
    for index, block in enumerate(blocks):
        first_line = raw_lines[block.lines[0] - 1]
        step = None
        if block.text.startswith("This copy is for your personal, non-commercial use only."):
            step = "reprint notice"
        elif re.fullmatch(r"<https?://[^>\s]+>", block.text):
            step = "web address"
        elif block.text.startswith("Copyright ©"):
            step = "copyright line"
        elif block.text in _BLOG_FOOTER and all(b.text in _BLOG_FOOTER for b in blocks[index:]):
            step = "blog footer"
        if step is None:
            kept.append(block)
            continue
        removed.append(Block(step, block.text, block.lines))
        log.add(
            step,
            block.lines[0],
            first_line if len(block.lines) == 1 else _raw_of(raw, starts, block),
            "",
        )

    # 3. Set aside pull quotes and join paragraphs broken mid-sentence.
    kept, pull_quotes = _rejoin(kept, raw, starts, log)

    # 4. Label every kept block by kind.
    labelled = _label(kept, raw, starts, log)
    for after_index, quote in pull_quotes:
        position = next(i for i, b in enumerate(labelled) if b.lines[0] == after_index) + 1
        labelled.insert(position, quote)
    log.entries.sort(key=lambda entry: entry.line)
    return Cleaned(tuple(labelled), tuple(removed), tuple(log.entries))


def _raw_of(raw: str, starts: list[int], block: Block) -> str:
    """The raw text of a block, from the start of its first line to the end of its last."""
    end = starts[block.lines[-1]] - 1 if block.lines[-1] < len(starts) else len(raw)
    return raw[starts[block.lines[0] - 1] : end]


def _rejoin(
    blocks: list[Block], raw: str, starts: list[int], log: _Log
) -> tuple[list[Block], list[tuple[int, Block]]]:
    pull_quotes: list[tuple[int, Block]] = []
    result = list(blocks)
    index = 0
    while index + 2 < len(result):
        first, middle, last = result[index : index + 3]
        if (
            not _ends_sentence(first.text)
            and _ends_sentence(middle.text)
            and middle.text[:1].isupper()
            and _starts_lowercase(last.text)
        ):
            log.add("pull quote", middle.lines[0], _raw_of(raw, starts, middle), middle.text)
            pull_quotes.append((middle.lines[0], Block("pull quote", middle.text, middle.lines)))
            del result[index + 1]
            continue
        index += 1
    index = 0
    while index + 1 < len(result):
        first, second = result[index], result[index + 1]
        if not _ends_sentence(first.text) and _starts_lowercase(second.text):
            seam = _seam(raw, starts, first, second)
            log.add(
                "broken paragraph",
                first.lines[-1],
                seam,
                first.text[-2 * _CONTEXT :] + " " + second.text[: 2 * _CONTEXT],
            )
            result[index] = Block(
                "body", first.text + " " + second.text, first.lines + second.lines
            )
            del result[index + 1]
            continue
        index += 1
    # A pull quote is shown after the paragraph it interrupted.
    anchored = []
    for line, quote in pull_quotes:
        host = max((b for b in result if b.lines[0] < line), key=lambda b: b.lines[0])
        anchored.append((host.lines[0], quote))
    return result, anchored


def _label(blocks: list[Block], raw: str, starts: list[int], log: _Log) -> list[Block]:
    kinds = ["body"] * len(blocks)
    steps: list[str | None] = [None] * len(blocks)

    def mark(i: int, kind: str, step: str) -> None:
        kinds[i], steps[i] = kind, step

    texts = [b.text for b in blocks]
    first = 0
    if texts and texts[0].isupper():
        mark(0, "section label", "section label")
        first = 1
    if first < len(blocks):
        mark(first, "headline", "headline")
    for i, text in enumerate(texts):
        if steps[i] is not None:
            continue
        # A byline sits just under the headline (and standfirst) and is not a sentence.
        if (
            text.startswith("By ")
            and i <= first + 2
            and not _ends_sentence(text)
            and not any(_ends_sentence(t) for t in texts[first + 1 : i])
        ):
            mark(i, "byline", "byline")
            if i - 1 > first and steps[i - 1] is None:
                mark(i - 1, "standfirst", "standfirst")
        elif _DATE_LINE.match(text):
            mark(i, "date line", "date line")
        elif text.startswith("PHOTO:"):
            mark(i, "photo credit", "photo credit")
            if i - 1 > first and steps[i - 1] is None:
                mark(i - 1, "caption", "photo caption")
        elif text == "Corrections & Amplifications":
            mark(i, "correction heading", "correction heading")
            if i + 1 < len(blocks):
                mark(i + 1, "correction", "correction")
        elif text.startswith("Appeared in the ") and "print edition" in text:
            mark(i, "print edition note", "print edition note")
        elif text.startswith("Write to "):
            mark(i, "author contact", "author contact")
        elif i == len(blocks) - 1 and _AUTHOR_NOTE.match(text):
            mark(i, "author note", "author note")
    for i, text in enumerate(texts):
        neighbours_are_body = 0 < i < len(blocks) - 1 and kinds[i - 1] == kinds[i + 1] == "body"
        if (
            steps[i] is None
            and neighbours_are_body
            and len(text.split()) <= 6
            and not _ends_sentence(text)
        ):
            mark(i, "subhead", "subhead")
    labelled = []
    for block, kind, step in zip(blocks, kinds, steps, strict=False):
        if step is not None:
            log.add(
                step,
                block.lines[0],
                _raw_of(raw, starts, block)
                if len(block.lines) == 1
                else raw_line_text(raw, starts, block.lines[0]),
                block.text,
            )
        labelled.append(Block(kind, block.text, block.lines))
    return labelled


def raw_line_text(raw: str, starts: list[int], number: int) -> str:
    """The raw text of line ``number`` (1-based)."""
    end = starts[number] - 1 if number < len(starts) else len(raw)
    return raw[starts[number - 1] : end]
