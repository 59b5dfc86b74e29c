"""Showing the texts: a paragraph or sentence by ID, a whole text, a word search, raw beside clean,
and the cleaning log.

Every function returns an object that Jupyter shows as HTML and ``print`` shows as plain text,
so the same call works in a notebook, a terminal and a static page.
"""

from __future__ import annotations

import html
import numbers
import re
import textwrap

from course.errors import CourseError, shown
from course.results import Shown, Table, scroll_region
from course.text.sources import Paragraph, find_paragraph, find_sentence, load_source, source_names

__all__ = [
    "show_text",
    "show_paragraph",
    "show_sentence",
    "search_texts",
    "compare_raw_and_clean",
    "cleaning_log",
    "sentences_table",
    "show_metadata",
    "visible",
]

_WIDTH = 88
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})


def visible(text: str) -> str:
    """Make invisible characters visible, so the cleaning log can show them.

    >>> visible("war.\\u00a0While")
    'war.⍽While'
    >>> visible("Russia\\n\\nis")
    'Russia↵↵is'
    """
    return text.replace("\u00a0", "⍽").replace("\n", "↵")


def _wrap(text: str, indent: str = "") -> str:
    return textwrap.fill(text, _WIDTH, initial_indent=indent, subsequent_indent=" " * len(indent))


def _paragraph_html(paragraph: Paragraph) -> str:
    label = "" if paragraph.kind == "body" else f"<em>[{html.escape(paragraph.kind)}]</em> "
    style = "" if paragraph.kind == "body" else " style='color:#444;'"
    return (
        f"<p{style}><code style='font-size:0.9em;color:#555;'>{paragraph.id}</code> "
        f"{label}{html.escape(paragraph.text)}</p>"
    )


def _paragraph_text(paragraph: Paragraph) -> str:
    label = "" if paragraph.kind == "body" else f"[{paragraph.kind}] "
    return _wrap(label + paragraph.text, indent=f"{paragraph.id}  ")


def show_text(name: str, kinds: str | tuple[str, ...] | None = None) -> Shown:
    """Show a whole cleaned text, each paragraph with its ID; non-body blocks carry their kind.

    >>> print(show_text("opinion", kinds=("pull quote",)))
    opinion: opinion column
    opinion-p08  [pull quote] Xi and Putin have their differences, but they are united in
                 their desire to weaken America.
    """
    source = load_source(name)
    chosen = source.paragraphs_of(kinds)
    text = f"{source.name}: {source.kind}\n" + "\n".join(_paragraph_text(p) for p in chosen)
    body = "".join(_paragraph_html(p) for p in chosen)
    title = html.escape(source.metadata["headline"])
    return Shown(
        text,
        f"<div><p><strong>{title}</strong> <small>({source.kind}, "
        f"'{source.name}')</small></p>{body}</div>",
    )


def show_paragraph(paragraph_id: str) -> Shown:
    """Show one paragraph by its ID, with its sentences numbered.

    >>> print(show_paragraph("news-p43"))  # doctest: +NORMALIZE_WHITESPACE
    news-p43  For the first nine months of 2021, bilateral trade between China and Russia
              exceeded $100 billion, nearly equaling trade for all of 2020, according to
              official Russian data. It reached $123 billion in November, Mr. Putin said.
      news-p43-s01  For the first nine months of 2021, bilateral trade between China and Russia
      exceeded $100 billion, nearly equaling trade for all of 2020, according to official Russian
      data.
      news-p43-s02  It reached $123 billion in November, Mr. Putin said.
    """
    paragraph = find_paragraph(paragraph_id)
    lines = [_paragraph_text(paragraph)] + [f"  {s.id}  {s.text}" for s in paragraph.sentences]
    items = "".join(
        f"<li><code>{s.id}</code> {html.escape(s.text)}</li>" for s in paragraph.sentences
    )
    return Shown(
        "\n".join(lines),
        f"<div>{_paragraph_html(paragraph)}<ul style='font-size:0.9em'>{items}</ul></div>",
    )


def show_sentence(sentence_id: str) -> Shown:
    """Show one sentence by its ID, with the paragraph it belongs to.

    >>> print(show_sentence("opinion-p10-s02"))  # doctest: +NORMALIZE_WHITESPACE
    opinion-p10-s02  China-Russia trade reached roughly $245 billion in 2024, up from $190 billion
    in 2022.
      (body, in paragraph opinion-p10 of the opinion column)
    """
    sentence = find_sentence(sentence_id)
    kind = load_source(sentence.source).kind
    where = f"({sentence.kind}, in paragraph {sentence.paragraph_id} of the {kind})"
    return Shown(
        f"{sentence.id}  {sentence.text}\n  {where}",
        f"<p><code>{sentence.id}</code> "
        f"{html.escape(sentence.text)}<br><small>{html.escape(where)}</small></p>",
    )


def _sources(source: str | None) -> list[str]:
    if source is None:
        return source_names()
    return [load_source(source).name]


def search_texts(word: str, source: str | None = None, context: int = 50) -> Shown:
    """Find a word or phrase in the cleaned texts and show each hit in its context, with the
    sentence ID.

    Capitals and the style of quote marks do not matter: ``Russia's`` also finds ``Russia’s``.

    >>> print(search_texts("Iskander"))  # doctest: +NORMALIZE_WHITESPACE
    1 hit for 'Iskander'
    opinion-p05-s01  …Russia triple its production from 2023 to 2024 of [Iskander]-M ballistic
    missiles, which Russia has used to po…
    >>> print(search_texts("no limits", source="opinion"))  # doctest: +NORMALIZE_WHITESPACE
    2 hits for 'no limits' in opinion
    opinion-p01-s01  China and Russia Bolster Their ‘[No Limits]’ Alliance
    opinion-p03-s03  …have repeatedly noted that their partnership has “[no limits]” and have met in
    person more than 40 times.
    """
    if not isinstance(word, str) or not word.strip():
        raise CourseError(
            f"Give a word or phrase to search for, in quotes, like search_texts('sanctions'); "
            f"you gave {shown(word)}."
        )
    if len(word) > 200:
        raise CourseError(
            f"Search for a word or a short phrase (at most 200 characters); you gave {shown(word)}."
        )
    if not isinstance(context, int) or isinstance(context, bool) or context < 0:
        raise CourseError(
            "context is the number of characters shown on each side of a hit, like 50 (you gave "
            f"{shown(context)})."
        )
    needle = re.compile(re.escape(word.strip().translate(_QUOTES)), re.IGNORECASE)
    hits = []
    for name in _sources(source):
        for sentence in load_source(name).sentences:
            for match in needle.finditer(sentence.text.translate(_QUOTES)):
                start, end = match.span()
                left = max(0, start - context)
                right = min(len(sentence.text), end + context)
                hits.append(
                    (
                        sentence.id,
                        "…" if left > 0 else "",
                        sentence.text[left:start],
                        sentence.text[start:end],
                        sentence.text[end:right],
                        "…" if right < len(sentence.text) else "",
                    )
                )
    where = f" in {source}" if source is not None else ""
    # A sentence with two hits is listed twice; say how many sentences, for counting questions.
    sentences = len({hit[0] for hit in hits})
    also = (
        f" (in {sentences} sentence{'s' if sentences != 1 else ''})"
        if sentences != len(hits)
        else ""
    )
    title = f"{len(hits)} hit{'s' if len(hits) != 1 else ''}{also} for {word.strip()!r}{where}"
    lines = [title] + [f"{sid}  {pre}{a}[{m}]{b}{post}" for sid, pre, a, m, b, post in hits]
    rows = "".join(
        f"<tr><td><code>{sid}</code></td><td "
        f"style='text-align:left'>{pre}{html.escape(a)}<mark><strong>{html.escape(m)}</strong></mark>"
        f"{html.escape(b)}{post}</td></tr>"
        for sid, pre, a, m, b, post in hits
    )
    if not hits:
        lines.append("No hits. Try a shorter word, or check the spelling.")
    return Shown(
        "\n".join(lines),
        f"<div><p><strong>{html.escape(title)}</strong></p>"
        f"{scroll_region(f'<table>{rows}</table>', title)}"
        f"{'' if hits else '<p>No hits. Try a shorter word, or check the spelling.</p>'}</div>",
    )


def compare_raw_and_clean(name: str, first_line: int = 1, last_line: int | None = None) -> Shown:
    """Show raw lines beside what cleaning made of them: kept as which kind, changed, or removed.

    >>> print(compare_raw_and_clean("opinion", 13, 19))
    raw lines 13-19 of 'opinion' (001_ec8f37e1091fcbbc.txt)  →  cleaned
      13  China and Russia have⍽also increased the scope⍽and frequency of exercises⍽and
          training missions.⍽Between 2017 and 2024,⍽they have conducted roughly⍽100 joint
          military exercises⍽in an expanding area that⍽includes Asia, Europe,
      15  the Middle East, the Arctic and Africa. They
      19  have also conducted numerous training missions, including eight joint bomber
          flights between 2019 and 2024. In July 2024, China and Russia flew Xi’an H-6 and
          Tu-95 Bear long-range bombers, respectively, on a joint patrol off the coast of
          Alaska. The two countries have held live-fire naval drills in the South China Sea
          and have frequently flown and sailed⍽together near Taiwan, Japan and South Korea.
       →  opinion-p07 (body): China and Russia have also increased the scope and frequency
                              of exercises and training missions. Between 2017 and 2024,
                              they have conducted roughly 100 joint military exercises in an
                              expanding area that includes Asia, Europe, the Middle East,
                              the Arctic and Africa. They have also conducted numerous
                              training missions, including eight joint bomber flights
                              between 2019 and 2024. In July 2024, China and Russia flew
                              Xi’an H-6 and Tu-95 Bear long-range bombers, respectively, on
                              a joint patrol off the coast of Alaska. The two countries have
                              held live-fire naval drills in the South China Sea and have
                              frequently flown and sailed together near Taiwan, Japan and
                              South Korea.
      17  Xi and Putin have their differences, but they are united in their desire to weaken
          America.
       →  opinion-p08 (pull quote): Xi and Putin have their differences, but they are united
                                    in their desire to weaken America.
    """
    source = load_source(name)
    raw_lines = source.raw.split("\n")
    last = len(raw_lines) if last_line is None else last_line
    for label, value in (("first_line", first_line), ("last_line", last)):
        if (
            not isinstance(value, numbers.Integral)
            or isinstance(value, bool)
            or not 1 <= value <= len(raw_lines)
        ):
            raise CourseError(
                f"{label} must be a line number from 1 to {len(raw_lines)} (the raw '{name}' "
                "text has "
                f"{len(raw_lines)} lines); you gave {shown(value)}."
            )
    if first_line > last:
        raise CourseError(f"first_line ({first_line}) comes after last_line ({last}); swap them.")
    wanted = range(first_line, last + 1)
    pieces = [(p.raw_lines, f"{p.id} ({p.kind})", p.text) for p in source.paragraphs]
    pieces += [(b.lines, f"removed: {b.kind}", "") for b in source.removed]
    pieces = sorted(
        (piece for piece in pieces if any(n in wanted for n in piece[0])),
        key=lambda piece: piece[0][0],
    )
    text_lines = [f"raw lines {first_line}-{last} of '{source.name}' ({source.file})  →  cleaned"]
    rows = []
    for lines, label, cleaned in pieces:
        raw_part = [
            _wrap(visible(raw_lines[n - 1]), indent=f"{n:>4}  ") for n in lines if n in wanted
        ]
        text_lines += raw_part
        text_lines.append(_wrap(cleaned or "(not in the cleaned text)", indent=f"   →  {label}: "))
        raw_html = "<br>".join(
            f"<small>{n}</small> {html.escape(visible(raw_lines[n - 1]))}"
            for n in lines
            if n in wanted
        )
        rows.append(
            "<tr><td "
            f"style='text-align:left;vertical-align:top;font-family:monospace;font-size:0.95em'>{raw_html}</td>"
            f"<td style='text-align:left;vertical-align:top'><code>{html.escape(label)}</code> "
            f"{html.escape(cleaned)}</td></tr>"
        )
    head = (
        f"<tr><th style='text-align:left'>raw ({html.escape(source.file)}, lines "
        f"{first_line}-{last})</th><th style='text-align:left'>cleaned</th></tr>"
    )
    label = f"Raw lines {first_line} to {last} of '{source.name}' beside the cleaned text"
    return Shown(
        "\n".join(text_lines), scroll_region(f"<table>{head}{''.join(rows)}</table>", label)
    )


def cleaning_log(name: str) -> Table:
    """The cleaning log of a source as a table: step, raw line, before (exact raw text), after, why.

    Invisible characters are made visible: ⍽ is a non-breaking space and ↵ a line break. The reason
    for each kind of step is given once, under the table (it is the same for every row of that
    step).

    >>> log = cleaning_log("opinion")
    >>> list(log.columns)
    ['step', 'line', 'before', 'after', 'why']
    >>> int(log["step"].value_counts()["non-breaking space"])
    12
    >>> print(str(log).splitlines()[-1])  # doctest: +ELLIPSIS
    Why 'blog footer': Links from the blog page this copy was taken from. ...
    """
    source = load_source(name)
    rows = [
        {
            "step": e.step,
            "line": e.line,
            "before": visible(e.before),
            "after": visible(e.after),
            "why": e.why,
        }
        for e in source.log
    ]
    reasons = {row["step"]: row["why"] for row in rows}
    return Table(
        rows,
        key_columns=["step", "line", "before", "after"],
        caption=f"Cleaning log of '{source.name}'",
        notes=[f"Why '{step}': {why}" for step, why in reasons.items()],
    )


def sentences_table(source: str | None = None) -> Table:
    """Every sentence with its ID, paragraph, kind and text, as a table (the content of
    ``data/sentences.csv``).

    >>> table = sentences_table()
    >>> list(table.columns)
    ['sentence_id', 'source', 'paragraph_id', 'kind', 'sentence']
    >>> table["source"].value_counts().to_dict()
    {'news': 96, 'opinion': 38}
    """
    rows = [
        {
            "sentence_id": s.id,
            "source": s.source,
            "paragraph_id": s.paragraph_id,
            "kind": s.kind,
            "sentence": s.text,
        }
        for name in _sources(source)
        for s in load_source(name).sentences
    ]
    return Table(rows, key_columns=["sentence_id", "kind", "sentence"])


_METADATA_ROWS: tuple[tuple[str, str], ...] = (
    ("kind", "kind of text"),
    ("headline", "headline"),
    ("authors", "authors, as the text gives them"),
    ("author_roles", "who the authors are, as stated"),
    ("date_as_stated", "date, as written"),
    ("date_in_course_materials", "date given by the course materials, not by the text"),
    ("outlet_as_stated", "outlet, as stated"),
    ("outlet_clues", "clues to the outlet"),
    ("intended_readers", "intended readers"),
    ("not_stated", "what the text does not tell us"),
)


def show_metadata() -> Shown:
    """Show what each text says about itself, side by side: kind, authors, date, outlet, and what is
    not stated.

    >>> print(str(show_metadata()).split("  opinion")[0])
    kind of text
      news:    news report
    <BLANKLINE>
    """
    names = source_names()
    metas = [
        {key: load_source(name).metadata.get(key, "—") for key, _ in _METADATA_ROWS}
        for name in names
    ]

    def cell(value: object) -> list[str]:
        return [str(item) for item in value] if isinstance(value, list | tuple) else [str(value)]

    lines, rows = [], []
    for key, label in _METADATA_ROWS:
        lines.append("")
        lines.append(label)
        for name, meta in zip(names, metas, strict=False):
            for number, item in enumerate(cell(meta[key])):
                lines.append(
                    _wrap(
                        item,
                        indent=f"  {name + ':' if number == 0 else '':<9}- "
                        if len(cell(meta[key])) > 1
                        else f"  {name + ':':<9}",
                    )
                )
        values = "".join(
            "<td style='text-align:left;vertical-align:top'>"
            + (
                "<ul>" + "".join(f"<li>{html.escape(i)}</li>" for i in cell(meta[key])) + "</ul>"
                if isinstance(meta[key], list | tuple)
                else html.escape(str(meta[key]))
            )
            + "</td>"
            for meta in metas
        )
        rows.append(
            "<tr><th scope='row' "
            f"style='text-align:left;vertical-align:top'>{html.escape(label)}</th>{values}</tr>"
        )
    head = "".join(f"<th scope='col' style='text-align:left'>'{name}'</th>" for name in names)
    table = (
        "<table><tr><th scope='col' style='text-align:left'>what the text says about "
        f"itself</th>{head}</tr>"
        f"{''.join(rows)}</table>"
    )
    return Shown(
        "\n".join(lines).lstrip("\n"), scroll_region(table, "What each text says about itself")
    )
