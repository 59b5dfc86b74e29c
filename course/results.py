"""How the course's results show: as HTML in a notebook and as plain text in ``print`` or a
terminal.

Every helper returns one of these instead of a raw Python value, so that a student sees words,
rounded numbers with units and short tables, never a dictionary, a list or a 20-screen table:

- :class:`Shown`: any result, as text and as HTML;
- :class:`Table`: rows, showing the few that matter first and everything one step away;
- :class:`Record`: one row of a data file, as a short two-column table;
- :class:`Names`: a list of names, shown as a sentence;
- :class:`Number`: a number shown rounded, with its unit and meaning.

All HTML is wrapped by :func:`html_block`, so that no maths typesetting turns dollar amounts into
symbols.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from course.errors import choose

__all__ = [
    "PREVIEW_ROWS",
    "Shown",
    "Table",
    "Record",
    "Names",
    "Number",
    "html_block",
    "scroll_region",
    "readable",
    "filtered",
    "counts_and_shares",
]

_WIDTH = 88
PREVIEW_ROWS = 8
"""How many rows a table shows before "show all": about one screen."""

# JupyterLab (and MathJax wherever it runs) reads text between two dollar signs as mathematics, so
# "$245 billion ... $190 billion" would turn into italic symbols. Every HTML result of the course is
# wrapped in a block MathJax is told to leave alone ("mathjax_ignore" for MathJax 3,
# "tex2jax_ignore"
# for MathJax 2); the figures then read exactly as the texts have them.
_NO_MATHS = "course-output mathjax_ignore tex2jax_ignore"


def html_block(inner: str) -> str:
    """Wrap a result's HTML so that no maths typesetting touches it (dollar amounts stay as
    written).

    >>> html_block("<p>$245 billion and $190 billion</p>")  # doctest: +NORMALIZE_WHITESPACE
    "<div class='course-output mathjax_ignore tex2jax_ignore'><p>$245 billion and $190
    billion</p></div>"
    """
    return f"<div class='{_NO_MATHS}'>{inner}</div>"


def scroll_region(inner: str, label: str) -> str:
    """Wrap something wide (a table, a chart) in its own region that scrolls sideways and can be
    reached with
    the keyboard, so that it never widens the page on a phone; ``label`` names it for a screen
    reader.

    >>> scroll_region("<table></table>", "Hits")  # doctest: +NORMALIZE_WHITESPACE
    "<div role='region' aria-label='Hits' tabindex='0'
    style='overflow-x:auto;max-width:100%'><table></table></div>"
    """
    return (
        f"<div role='region' aria-label='{html.escape(label, quote=True)}' tabindex='0' "
        f"style='overflow-x:auto;max-width:100%'>{inner}</div>"
    )


def readable(value: object) -> str:
    """A cell value as a person would write it: whole numbers without '.0', others to two decimals
    at most.

    >>> readable(-4.417361556553347), readable(12.0), readable("news-p06"), readable(None)
    ('-4.42', '12', 'news-p06', '')
    """
    import numbers

    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return str(value)
    number = float(value)
    if number != number:  # NaN: an empty cell
        return ""
    if number.is_integer():
        return f"{int(number)}"
    return f"{number:.2f}".rstrip("0").rstrip(".")


@dataclass(frozen=True)
class Shown:
    """Something to show: plain text for ``print`` and HTML for Jupyter."""

    text: str
    html: str

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return self.text

    def _repr_html_(self) -> str:
        return html_block(self.html)


class Number(float):
    """A number that shows rounded, with its unit and what it means, and calculates like any other
    number.

    >>> difference = Number(-4.417361556553347, "%", "the text's figure is below the reference")
    >>> difference
    -4.42% (the text's figure is below the reference)
    >>> round(difference, 1), difference * 2 < 0
    (-4.4, True)
    """

    unit: str
    meaning: str

    def __new__(cls, value: float, unit: str = "", meaning: str = "") -> Number:
        number = super().__new__(cls, value)
        number.unit, number.meaning = unit, meaning
        return number

    def __repr__(self) -> str:
        sign = "-" if self < 0 else ""
        digits = f"{abs(float(self)):,.2f}".rstrip("0").rstrip(".")
        shown = f"{sign}{digits}{'' if self.unit in ('', '%') else ' '}{self.unit}"
        return f"{shown} ({self.meaning})" if self.meaning else shown

    __str__ = __repr__

    def _repr_html_(self) -> str:
        return html_block(
            f"<p><strong>{html.escape(repr(self).split(' (')[0])}</strong>"
            + (f" ({html.escape(self.meaning)})" if self.meaning else "")
            + "</p>"
        )


class Record(dict):
    """One row of a data file: a dictionary that shows as a short two-column table (empty cells left
    out).

    >>> fields = {"item": "border length", "value": "4209.3", "note": ""}
    >>> row = Record(fields, "geography_and_units.csv row 1")
    >>> row["value"]
    '4209.3'
    >>> print(row)
    geography_and_units.csv row 1
      item   border length
      value  4209.3

    ``remarks`` are the course's own notes on the row, shown below it and kept apart from the
    row's fields, which stay exactly as received:

    >>> print(Record(fields, "row 1", remarks=["Checked."]))
    row 1
      item   border length
      value  4209.3
    The course's notes on this row:
      - Checked.
    """

    def __init__(self, fields: dict, title: str = "", remarks: list[str] | None = None) -> None:
        super().__init__(fields)
        self.title = title
        self.remarks = list(remarks or [])

    def _filled(self) -> list[tuple[str, str]]:
        return [
            (str(key), readable(value)) for key, value in self.items() if readable(value).strip()
        ]

    def __repr__(self) -> str:
        fields = self._filled()
        width = max((len(key) for key, _ in fields), default=0) + 2
        lines = [self.title] if self.title else []
        for key, value in fields:
            lines.append(
                textwrap.fill(
                    value,
                    _WIDTH,
                    initial_indent=f"  {key:<{width}}",
                    subsequent_indent=" " * (width + 2),
                )
            )
        if self.remarks:
            lines.append("The course's notes on this row:")
            lines += [
                textwrap.fill(remark, _WIDTH, initial_indent="  - ", subsequent_indent="    ")
                for remark in self.remarks
            ]
        return "\n".join(lines)

    __str__ = __repr__

    def _repr_html_(self) -> str:
        remarks = (
            "<p style='margin:0.4em 0 0.2em'><strong>The course's notes on this row:</strong></p>"
            "<ul style='margin-top:0'>"
            + "".join(f"<li>{html.escape(remark)}</li>" for remark in self.remarks)
            + "</ul>"
            if self.remarks
            else ""
        )
        rows = "".join(
            "<tr><th scope='row' "
            f"style='text-align:left;vertical-align:top'>{html.escape(key)}</th>"
            f"<td style='text-align:left;overflow-wrap:anywhere'>{html.escape(value)}</td></tr>"
            for key, value in self._filled()
        )
        caption = (
            f"<caption style='text-align:left'><strong>{html.escape(self.title)}</strong></caption>"
            if self.title
            else ""
        )
        return html_block(
            scroll_region(f"<table>{caption}{rows}</table>", self.title or "One row of data")
            + remarks
        )


class Names(list):
    """A list of names that shows as a sentence, not as Python: "11 topics: trade, joint exercises,
    ...".

    >>> Names(["trade", "energy"], "topics")
    2 topics: 'trade', 'energy'
    """

    def __init__(self, names, what: str = "names") -> None:
        super().__init__(names)
        self.what = what

    def __repr__(self) -> str:
        return f"{len(self)} {self.what}: " + ", ".join(repr(name) for name in self)

    __str__ = __repr__

    def _repr_html_(self) -> str:
        items = "".join(f"<li><code>{html.escape(repr(name))}</code></li>" for name in self)
        return html_block(f"<p>{len(self)} {html.escape(self.what)}:</p><ul>{items}</ul>")


class Table:
    """A table of rows: it shows the few rows and columns that matter first, and everything one step
    away.

    ``key_columns`` are the columns shown at first (all of them when not given); a long table shows
    its first rows, and ``show_all()`` (or, in a notebook, the "Show all" switch under the table)
    gives every row and column. ``table.frame`` is the pandas DataFrame behind it, for anyone who
    wants pandas.

    >>> table = Table([{"step": "headline", "line": 1}, {"step": "subhead", "line": 67}])
    >>> len(table), table.columns
    (2, ['step', 'line'])
    >>> print(table.where("step", "subhead"))
       step  line
    subhead    67
    >>> table.where("stpe", "subhead")  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    course.errors.CourseError: There is no column called 'stpe'. The columns are: 'step', 'line'.
    Did you mean 'step'?
    """

    def __init__(
        self,
        rows: list[dict] | object,
        key_columns: Sequence[str] | None = None,
        preview: int | None = PREVIEW_ROWS,
        caption: str = "",
        notes: Sequence[str] = (),
    ) -> None:
        import pandas as pd  # imported here so that `import course` stays light

        self.frame = rows if isinstance(rows, pd.DataFrame) else pd.DataFrame(rows)
        self.key_columns = [c for c in (key_columns or []) if c in self.frame.columns] or None
        self.preview = preview
        self.caption = caption
        self.notes = tuple(notes)

    def _like(self, frame) -> Table:
        """A table of other rows, shown the same way."""
        return Table(frame, self.key_columns, self.preview, self.caption, self.notes)

    @property
    def columns(self) -> list[str]:
        """The column names."""
        return [str(column) for column in self.frame.columns]

    def __len__(self) -> int:
        return len(self.frame)

    def __getitem__(self, column: str):
        return self.frame[choose(column, self.columns, "column")]

    def where(self, column: str, value: object) -> Table:
        """Keep only the rows whose ``column`` equals ``value``."""
        return self._like(self.frame[self[column] == value].reset_index(drop=True))

    def select(self, *columns: str) -> Table:
        """Keep only the named columns, in that order.

        >>> Table([{"a": 1, "b": 2}]).select("b").columns
        ['b']
        """
        for column in columns:
            self[column]  # a wrong name gets the friendly error
        return Table(
            self.frame[list(columns)], preview=self.preview, caption=self.caption, notes=self.notes
        )

    def show_all(self) -> Table:
        """The whole table: every row and every column.

        >>> long = Table([{"n": n} for n in range(20)])
        >>> len(str(long).splitlines()), len(str(long.show_all()).splitlines())
        (10, 21)
        """
        return Table(self.frame, preview=None, caption=self.caption, notes=self.notes)

    def count_by(self, column: str) -> Table:
        """How many rows have each value of ``column``, most frequent first (empty cells count as
        '(empty)').

        >>> print(Table([{"kind": "year"}, {"kind": "count"}, {"kind": "year"}]).count_by("kind"))
        Rows counted by kind
         kind  rows
         year     2
        count     1
        """
        values = self[column].replace("", "(empty)")
        counts = values.value_counts(sort=True)
        import pandas as pd

        caption = (
            f"{self.caption}, counted by {column}" if self.caption else f"Rows counted by {column}"
        )
        return Table(
            pd.DataFrame({column: list(counts.index), "rows": [int(n) for n in counts.values]}),
            preview=None,
            caption=caption,
        )

    # -- showing -------------------------------------------------------------------------

    def _shown(self):
        """The part shown at first: key columns, first rows; and whether anything is left out."""
        frame = self.frame[self.key_columns] if self.key_columns else self.frame
        cut = (
            self.preview is not None and len(frame) > self.preview + 2
        )  # never hide just one or two rows
        return (
            (frame.head(self.preview) if cut else frame),
            cut,
            len(frame.columns) < len(self.frame.columns),
        )

    def _left_out(self, cut: bool, narrowed: bool) -> str:
        shown, _, _ = self._shown()
        parts = []
        if cut:
            parts.append(f"{len(shown)} of {len(self)} rows")
        if narrowed:
            parts.append(f"{len(shown.columns)} of {len(self.columns)} columns")
        return (
            ("Showing " + " and ".join(parts) + ". Add .show_all() to see everything.")
            if parts
            else ""
        )

    def __str__(self) -> str:
        if not len(self.frame):
            return "(no rows)"
        shown, cut, narrowed = self._shown()
        floats = [
            c for c in shown.columns if shown[c].dtype.kind == "f"
        ]  # only these need rounding
        text = shown.assign(**{c: shown[c].map(readable) for c in floats}).to_string(index=False)
        extra = [self._left_out(cut, narrowed), *self.notes]
        return "\n".join(
            [self.caption] * bool(self.caption) + [text] + [line for line in extra if line]
        )

    __repr__ = __str__

    def _repr_html_(self) -> str:
        if not len(self.frame):
            caption = f"<p><strong>{html.escape(self.caption)}</strong></p>" if self.caption else ""
            return html_block(f"{caption}<p>(no rows)</p>")
        shown, cut, narrowed = self._shown()
        # Every region on a page needs its own name: the caption, or the columns, and the number of
        # rows.
        label = f"{self.caption or 'Table of ' + ', '.join(self.columns[:4])} ({len(self)} rows)"
        parts = [_html_table(shown, label, self.caption)]
        count = f"{len(self)} row{'' if len(self) == 1 else 's'}"
        if cut or narrowed:
            what = " and ".join(
                ([f"all {count}"] if cut else [])
                + ([f"all {len(self.columns)} columns"] if narrowed else [])
            )
            parts.append(
                f"<details><summary>Show {what}</summary>"
                f"{_html_table(self.frame, label + ', in full')}</details>"
            )
        else:
            parts.append(f"<p><small>{count}</small></p>")
        parts += [f"<p><small>{html.escape(note)}</small></p>" for note in self.notes]
        return html_block("".join(parts))


def _html_table(frame, label: str, caption: str = "") -> str:
    """A table in its own scrollable, keyboard-reachable region, so a wide table never widens the
    page.
    """
    head = "".join(
        f"<th scope='col' style='text-align:left'>{html.escape(str(c))}</th>" for c in frame.columns
    )
    # On a narrow screen the table scrolls rather than squeezing: long text keeps a readable width,
    # and
    # short values (IDs, dates, numbers) are never broken across lines.
    longest = {c: max(map(len, map(readable, frame[c])), default=0) for c in frame.columns}
    style = {
        c: ";min-width:16em" if n > 40 else ";white-space:nowrap" if n <= 24 else ""
        for c, n in longest.items()
    }
    rows = "".join(
        "<tr>"
        + "".join(
            f"<td style='text-align:left;vertical-align:top{style[c]}'>"
            f"{html.escape(readable(v))}</td>"
            for c, v in zip(frame.columns, row, strict=False)
        )
        + "</tr>"
        for row in frame.itertuples(index=False)
    )
    title = (
        f"<caption style='text-align:left'><strong>{html.escape(caption)}</strong></caption>"
        if caption
        else ""
    )
    return scroll_region(
        f"<table>{title}<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>", label
    )


def filtered(frame, column: str, value: object, valid, what: str):
    """The rows of a DataFrame whose ``column`` equals ``value`` (all rows when ``value`` is None).

    A value that is not one of ``valid`` gets the friendly error that names the valid ones.

    >>> import pandas as pd
    >>> frame = pd.DataFrame({"source": ["news", "opinion"], "n": [1, 2]})
    >>> list(filtered(frame, "source", "opinion", ["news", "opinion"], "source")["n"])
    [2]
    """
    if value is None:
        return frame
    return frame[frame[column] == choose(value, valid, what)]


def counts_and_shares(
    frame,
    by: str,
    column: str,
    groups: Sequence[tuple[str, Sequence[str]]],
    label: str,
    caption: str,
) -> Table:
    """A count per text of the rows whose ``column`` is in each group's values, with the count's
    share of that text's rows beside it: counts alone mislead when one text has more rows.

    >>> import pandas as pd
    >>> rows = pd.DataFrame({"source": ["news", "news", "opinion"], "kind": ["a", "b", "a"]})
    >>> print(counts_and_shares(rows, "source", "kind", [("a", ["a"])], "kind", "").frame)
      kind  news news share  opinion opinion share
    0    a     1        50%        1          100%
    """
    import pandas as pd

    texts = ("news", "opinion")
    totals = {name: int((frame[by] == name).sum()) for name in texts}
    rows = []
    for name_of_group, values in groups:
        row: dict[str, object] = {label: name_of_group}
        for name in texts:
            count = int(((frame[by] == name) & frame[column].isin(values)).sum())
            row[name] = count
            row[f"{name} share"] = f"{count / totals[name]:.0%}" if totals[name] else "—"
        rows.append(row)
    return Table(pd.DataFrame(rows), caption=caption)
