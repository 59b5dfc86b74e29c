"""What every chart of the course is: a picture with a title, labelled axes with units, a source
line, alt
text, colour-blind-safe colours with distinct marker shapes, and the plotted numbers as a table
beside it.

The charts themselves live with their data (the timeline's in ``course.analysis.timeline``, who
speaks in ``course.analysis.voices``, the reference series in ``course.analysis.reference_charts``).

A :class:`Chart` shows in a notebook as a picture with its table and caption (HTML), and as the
alt text and table in plain text, so the numbers are never locked inside an image.
"""

from __future__ import annotations

import base64
import html
import io
from dataclasses import dataclass

from course.results import Table, html_block

__all__ = ["Chart", "PALETTE", "MARKERS", "smallest_font"]

# Okabe–Ito colours: distinguishable with the common forms of colour blindness, and each series
# also has its own marker shape, so the chart works in greyscale too.
PALETTE = {"reference": "#0072B2", "news": "#D55E00", "opinion": "#009E73", "text": "#000000"}
MARKERS = {"reference": "o", "news": "^", "opinion": "s"}


@dataclass(frozen=True)
class Chart:
    """A finished chart: the picture (PNG), its title, alt text, source line and the plotted
    numbers.
    """

    title: str
    alt_text: str
    source_line: str
    table: Table
    png: bytes
    smallest_font: float = 0.0
    """The smallest font size used in the picture, in points (tests keep it readable)."""

    @classmethod
    def from_figure(
        cls, figure, title: str, alt_text: str, source_line: str, table: Table
    ) -> Chart:
        """Render a finished matplotlib figure as PNG, keeping beside it what a reader needs."""
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png")
        return cls(title, alt_text, source_line, table, buffer.getvalue(), smallest_font(figure))

    def __str__(self) -> str:
        return f"{self.title}\n\n{self.alt_text}\n\n{self.table.show_all()}\n\n{self.source_line}"

    __repr__ = __str__

    def _repr_html_(self) -> str:
        picture = base64.b64encode(self.png).decode("ascii")
        return html_block(
            "<div style='display:flex;flex-wrap:wrap;gap:1.5em;align-items:flex-start'>"
            # On a narrow screen the picture keeps a readable size and scrolls sideways in its own
            # region.
            f"<figure style='margin:0;flex:1 1 36em;max-width:60em;min-width:0'>"
            "<div role='region' tabindex='0' "
            f"aria-label='{html.escape('Chart: ' + self.title, quote=True)}' "
            f"style='overflow-x:auto'><img src='data:image/png;base64,{picture}' "
            f"alt='{html.escape(self.alt_text, quote=True)}' "
            "style='width:100%;min-width:40em;height:auto'></div>"
            f"<figcaption><small>{html.escape(self.source_line)}</small></figcaption></figure>"
            "<div style='flex:1 1 20em;min-width:0'><strong>The numbers in the "
            f"chart</strong>{self.table._repr_html_()}"
            "</div></div>"
        )


def smallest_font(figure) -> float:
    """The smallest font size of any visible text in a matplotlib figure, in points."""
    from matplotlib.text import Text

    sizes = [
        t.get_fontsize() for t in figure.findobj(Text) if t.get_visible() and t.get_text().strip()
    ]
    return min(sizes) if sizes else 0.0
