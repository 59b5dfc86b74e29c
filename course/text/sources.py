"""The two source texts: load one by its short name, cleaned, split into paragraphs and sentences
with stable IDs.

IDs are positions in the cleaned text: ``news-p06`` is the news text's sixth kept block
(headline, body paragraph, caption, ...), and ``news-p06-s02`` is that block's second sentence.
The same code on the same seed file gives the same IDs on every machine; ``data/sentences.csv``
records them and a test checks that they never drift.
"""

from __future__ import annotations

import functools
import hashlib
import html
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from course.errors import CourseError, choose, shown, unknown_name
from course.paths import seeds_folder
from course.text.cleaning import BLOCK_KINDS, Block, LogEntry, clean
from course.text.sentences import split_sentences

__all__ = [
    "Sentence",
    "Paragraph",
    "Source",
    "source_names",
    "load_source",
    "find_paragraph",
    "find_sentence",
    "normalise_id",
    "sha256_of",
    "text_name",
]


@dataclass(frozen=True)
class Sentence:
    """One sentence of a cleaned text, with its stable ID.

    >>> sentence = find_sentence("opinion-p10-s03")
    >>> sentence.text
    'China has been Russia’s No. 1 trading partner since 2014.'
    >>> sentence.kind
    'body'
    """

    id: str
    source: str
    paragraph_id: str
    kind: str
    text: str

    def __str__(self) -> str:
        return f"[{self.id}] {self.text}"

    def _repr_html_(self) -> str:
        from course.results import html_block

        return html_block(f"<p><code>{self.id}</code> {html.escape(self.text)}</p>")


@dataclass(frozen=True)
class Paragraph:
    """One kept block of a cleaned text (body paragraph, headline, caption, ...) and its sentences.

    >>> paragraph = find_paragraph("news-p28")
    >>> paragraph.kind, paragraph.text
    ('subhead', 'Double team')
    """

    id: str
    source: str
    kind: str
    text: str
    raw_lines: tuple[int, ...]
    sentences: tuple[Sentence, ...]

    def __str__(self) -> str:
        label = "" if self.kind == "body" else f" ({self.kind})"
        return f"[{self.id}]{label} {self.text}"

    def _repr_html_(self) -> str:
        label = "" if self.kind == "body" else f" <em>({html.escape(self.kind)})</em>"
        from course.results import html_block

        return html_block(f"<p><code>{self.id}</code>{label} {html.escape(self.text)}</p>")


@dataclass(frozen=True)
class Source:
    """A source text: its metadata, the raw text as received, and the cleaned text in paragraphs and
    sentences.

    >>> news = load_source("news")
    >>> news.kind, news.metadata["date_as_stated"]
    ('news report', 'Jan. 2, 2022 12:56 pm ET')
    >>> len(news.raw) > len(news.text())
    True
    """

    name: str
    file: str
    metadata: MappingProxyType = field(repr=False)
    raw: str = field(repr=False)
    paragraphs: tuple[Paragraph, ...] = field(repr=False)
    removed: tuple[Block, ...] = field(repr=False)
    log: tuple[LogEntry, ...] = field(repr=False)

    @property
    def kind(self) -> str:
        """'news report' or 'opinion column', as recorded in the metadata."""
        return self.metadata["kind"]

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        """Every sentence of the cleaned text, in reading order."""
        return tuple(s for p in self.paragraphs for s in p.sentences)

    def text(self, kinds: str | tuple[str, ...] | None = None) -> str:
        """The cleaned text, one paragraph per line; blocks that are not body text carry their kind
        in brackets.

        >>> print(load_source("opinion").text(kinds="headline"))
        [headline] China and Russia Bolster Their ‘No Limits’ Alliance
        """
        chosen = self.paragraphs_of(kinds)
        return "\n\n".join(p.text if p.kind == "body" else f"[{p.kind}] {p.text}" for p in chosen)

    def paragraphs_of(self, kinds: str | tuple[str, ...] | None = None) -> tuple[Paragraph, ...]:
        """The paragraphs of the given kind or kinds (all of them when ``kinds`` is None).

        >>> [p.id for p in load_source("opinion").paragraphs_of("pull quote")]
        ['opinion-p08']
        >>> load_source("opinion").paragraphs_of("captions")  # doctest: +NORMALIZE_WHITESPACE
        Traceback (most recent call last):
        ...
        course.errors.CourseError: There is no kind called 'captions'. The kinds are: 'section
        label', 'headline', 'standfirst', 'byline', 'date line', 'body', 'subhead', 'caption',
        'photo credit', 'pull quote', 'correction heading', 'correction', … (15 in all). Did you
        mean 'caption'?
        """
        if kinds is None:
            return self.paragraphs
        if not isinstance(kinds, (str, list, tuple)):
            raise CourseError(
                "Give the kinds of paragraph as text, like 'body', or a list, like ['body', "
                "'caption']; "
                f"you gave {shown(kinds)}."
            )
        wanted = [
            choose(kind, BLOCK_KINDS, "kind")
            for kind in ((kinds,) if isinstance(kinds, str) else kinds)
        ]
        return tuple(p for p in self.paragraphs if p.kind in wanted)

    def paragraph(self, paragraph_id: str) -> Paragraph:
        """Return the paragraph with this ID (e.g. ``"news-p06"``; ``"news-p6"`` works too)."""
        wanted = normalise_id(paragraph_id)
        for paragraph in self.paragraphs:
            if paragraph.id == wanted:
                return paragraph
        raise unknown_name("paragraph", paragraph_id, [p.id for p in self.paragraphs])

    def sentence(self, sentence_id: str) -> Sentence:
        """The sentence with this ID (e.g. ``"news-p06-s01"``; ``"news-p6-s1"`` works too)."""
        wanted = normalise_id(sentence_id)
        for sentence in self.sentences:
            if sentence.id == wanted:
                return sentence
        raise unknown_name("sentence", sentence_id, [s.id for s in self.sentences])

    def __str__(self) -> str:
        meta = self.metadata
        return (
            f"{self.name}: {meta['kind']}\n  headline: {meta['headline']}\n  authors: "
            f"{', '.join(meta['authors'])}\n"
            f"  date as stated: {meta['date_as_stated']}\n  {len(self.paragraphs)} paragraphs, "
            f"{len(self.sentences)} sentences, {len(self.log)} cleaning steps"
        )

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><th scope='row' style='text-align:left'>{html.escape(k)}</th><td "
            f"style='text-align:left'>{html.escape(v)}</td></tr>"
            for k, v in self._summary().items()
        )
        from course.results import html_block

        return html_block(
            "<table><caption style='text-align:left'><strong>Source "
            f"'{self.name}'</strong></caption>{rows}</table>"
        )

    def _summary(self) -> dict[str, str]:
        meta = self.metadata
        return {
            "kind": meta["kind"],
            "headline": meta["headline"],
            "authors": ", ".join(meta["authors"]),
            "date as stated": meta["date_as_stated"],
            "outlet as stated": meta["outlet_as_stated"],
            "size": f"{len(self.paragraphs)} paragraphs, {len(self.sentences)} sentences",
            "cleaning": f"{len(self.log)} steps in the cleaning log",
        }


@functools.cache
def _metadata_by_name() -> dict[str, dict]:
    found = {}
    for path in sorted(seeds_folder().glob("*.meta.toml")):
        with path.open("rb") as handle:
            meta = tomllib.load(handle)
        found[meta["short_name"]] = meta
    return found


def source_names() -> list[str]:
    """The short names of the source texts, in the order of their files.

    >>> source_names()
    ['news', 'opinion']
    """
    return list(_metadata_by_name())


def text_name(source: str | None) -> str:
    """How a caption names a text: 'the news report', 'the opinion column', or 'both texts' for
    None.

    >>> text_name("opinion"), text_name(None)
    ('the opinion column', 'both texts')
    """
    return "both texts" if source is None else f"the {load_source(source).kind}"


def normalise_id(item_id: str) -> str:
    """Write a paragraph or sentence ID the standard way: lower case, two-digit numbers.

    >>> normalise_id(" News-P6-s1 ")
    'news-p06-s01'
    """
    return re.sub(r"-([ps])(\d)(?!\d)", r"-\g<1>0\2", item_id.strip().lower())


def _frozen(value: object) -> object:
    return tuple(value) if isinstance(value, list) else value


def load_source(name: str) -> Source:
    """Load a source text by its short name: ``"news"`` or ``"opinion"``.

    >>> load_source("opinion").metadata["authors"]
    ('Mr. Jones',)
    >>> load_source("newz")  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    course.errors.CourseError: There is no source called 'newz'. The sources are: 'news', 'opinion'.
    Did you mean 'news'?
    """
    if not isinstance(name, str):
        raise CourseError(
            "Give the source's short name as text in quotes, like 'news' or 'opinion' (you gave "
            f"{shown(name)})."
        )
    key = name.strip().lower()
    if key not in _metadata_by_name():
        raise unknown_name("source", name, source_names())
    return _load(key)


@functools.cache
def _load(key: str) -> Source:
    # Cached, so each text is read and cleaned once per session; Source and its parts are immutable.
    meta = MappingProxyType({k: _frozen(v) for k, v in _metadata_by_name()[key].items()})
    file = str(meta["file"])
    data = text_bytes(file)
    raw = data.decode("utf-8")
    cleaned = clean(raw)
    paragraphs = []
    for number, block in enumerate(cleaned.blocks, start=1):
        paragraph_id = f"{key}-p{number:02d}"
        sentences = tuple(
            Sentence(f"{paragraph_id}-s{n:02d}", key, paragraph_id, block.kind, text)
            for n, text in enumerate(split_sentences(block.text), start=1)
        )
        paragraphs.append(
            Paragraph(paragraph_id, key, block.kind, block.text, block.lines, sentences)
        )
    return Source(key, file, meta, raw, tuple(paragraphs), cleaned.removed, cleaned.log)


def _source_of(item_id: object, what: str) -> Source:
    if not isinstance(item_id, str) or "-" not in item_id:
        example = "news-p06" if what == "paragraph" else "news-p06-s01"
        raise CourseError(
            f"A {what} ID looks like {example!r}: the source's short name, then the position. "
            f"You gave {shown(item_id)}."
        )
    return load_source(item_id.strip().split("-", 1)[0])


def find_paragraph(paragraph_id: str) -> Paragraph:
    """Find a paragraph of either text by its ID.

    >>> print(find_paragraph("opinion-p08"))  # doctest: +NORMALIZE_WHITESPACE
    [opinion-p08] (pull quote) Xi and Putin have their differences, but they are united in their
    desire to weaken America.
    """
    return _source_of(paragraph_id, "paragraph").paragraph(paragraph_id)


def find_sentence(sentence_id: str) -> Sentence:
    """Find a sentence of either text by its ID.

    >>> print(find_sentence("news-p26-s02"))
    [news-p26-s02] Over the past six years, Messrs Putin and Xi have met more than 30 times.
    """
    return _source_of(sentence_id, "sentence").sentence(sentence_id)


TEXTS_VARIABLE = "COURSE_TEXTS"
"""The environment variable naming a folder that holds the two text files, for a copy of the course
handed out without them (``release --without-texts``): on a hub, a shared folder the teacher
controls."""


def recorded_checksums() -> dict[str, str]:
    """The SHA-256 of each text file as received, from ``seeds/SHA256SUMS``.

    >>> sorted(recorded_checksums()) == sorted(m["file"] for m in _metadata_by_name().values())
    True
    """
    lines = (seeds_folder() / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    return {
        name.strip(): digest for digest, name in (line.split(maxsplit=1) for line in lines if line)
    }


def is_as_received(file: str, data: bytes) -> bool:
    """Whether ``data`` are the bytes of the text file ``file`` as received (``seeds/SHA256SUMS``).

    >>> is_as_received("000_03e231a90965b8c5.txt", b"changed")
    False
    """
    return hashlib.sha256(data).hexdigest() == recorded_checksums().get(file)


def text_bytes(file: str) -> bytes:
    """A text file's bytes: from ``seeds/`` in the course, or else from the folder named by
    ``COURSE_TEXTS``. A file from elsewhere must be the text as received (its checksum is checked).

    >>> b"NATIONAL SECURITY" in text_bytes("000_03e231a90965b8c5.txt")
    True
    """
    here = seeds_folder() / file
    if here.is_file():
        return here.read_bytes()
    elsewhere = os.environ.get(TEXTS_VARIABLE, "").strip()
    if not elsewhere:
        raise CourseError(
            "The source texts are not in this copy of the course: your teacher handed it out "
            "without them. Ask your teacher where they are (on a JupyterHub they are usually "
            f"set up for you; the folder is named by {TEXTS_VARIABLE})."
        )
    path = Path(elsewhere).expanduser() / file
    try:
        data = path.read_bytes()
    except OSError:
        raise CourseError(
            f"The source text {file} is not in {elsewhere} (the folder {TEXTS_VARIABLE} names). "
            "Ask your teacher to put both text files there."
        ) from None
    if not is_as_received(file, data):
        raise CourseError(
            f"{path} is not the text the course was built on (its checksum differs from "
            "seeds/SHA256SUMS). Ask your teacher for the file as received."
        )
    return data


def sha256_of(name: str) -> str:
    """The SHA-256 checksum of a source's raw file, as recorded in ``seeds/SHA256SUMS``.

    >>> len(sha256_of("news"))
    64
    """
    return hashlib.sha256(text_bytes(load_source(name).file)).hexdigest()
