"""A static, read-only HTML version of every lesson (the student version, run, with its outputs).

``python -m course site DEST`` writes one page per lesson, an index and the glossary, for students
who cannot run code. The pages load nothing from anywhere (no script, no web font, pictures
embedded), so they work offline; they fit a phone's screen; the code is folded away and the
exercises and answer boxes appear as text that says to answer them in the notebook.

Why nbconvert with a template of ours rather than Jupyter Book or MyST (the builders QuantEcon and
Project Pythia use): their themes fetch scripts, fonts and MathJax from the web, and a fully offline
build of them could not be made or tested here; nbconvert is already installed with JupyterLab, its
preprocessors give the student version, and a 20-line template (``course/site_template``) controls
every tag on the page.
"""

from __future__ import annotations

import html
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from course.paths import project_folder

__all__ = ["Site", "build_site", "page_frame"]

_MARK = ".course-site"
_TEMPLATE = Path(__file__).resolve().parent / "site_template"
_TITLE = "Reading sources critically: China–Russia military cooperation"
# Dark text, underlined links and a visible focus ring: readable for everyone (WCAG AA contrast),
# usable
# by keyboard, and nothing wider than a phone's screen (wide tables and charts scroll in their own
# region).
_STYLE = """
body{margin:0;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;line-height:1.5;
  color:#1a1a1a;background:#fff;overflow-wrap:break-word}
header,main,footer{max-width:60em;margin:auto;padding:0 1em}
header{border-bottom:1px solid #ccc;padding-top:.5em;padding-bottom:.5em}
footer{border-top:1px solid #ccc;margin-top:2em;padding-top:.5em;padding-bottom:2em;font-size:.95em}
a{color:#0645ad;text-decoration:underline} a:visited{color:#5a2a82}
:focus-visible{outline:3px solid #1a1a1a;outline-offset:2px}
img{max-width:100%;height:auto}
table{border-collapse:collapse;margin:.3em 0}
th,td{border:1px solid #bbb;padding:.25em .5em;vertical-align:top}
th{background:#f0f0f0}
pre{white-space:pre-wrap;background:#f6f6f6;padding:.5em;border-radius:4px}
pre,code{font-family:ui-monospace,Menlo,Consolas,'DejaVu Sans Mono',monospace;font-size:.9rem}
details.code{margin:.2em 0 .2em;color:#3d3d3d} details.code>summary{cursor:pointer;font-size:.95em}
.output_area{margin:.3em 0 1em}
.cell{margin:.5em 0}
mark{background:#fff3a8;color:#1a1a1a}
a.anchor-link{visibility:hidden;text-decoration:none;margin-left:.2em}
h1:hover>a.anchor-link,h2:hover>a.anchor-link,h3:hover>a.anchor-link{visibility:visible}
"""


def page_frame(title: str, home: bool = False) -> dict[str, str]:
    """The parts every page shares: ``head`` (title, viewport, style), ``top`` and ``bottom``."""
    head = (
        f"<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        f"<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{html.escape(title)}</title><style>{_STYLE}</style></head><body>"
    )
    nav = (
        ""
        if home
        else "<a href='index.html'>All lessons</a> · <a href='glossary.html'>Glossary</a>"
    )
    links = f" · {nav}" if nav else ""
    top = f"<header><p><strong>{html.escape(_TITLE)}</strong>{links}</p></header><main>"
    bottom = (
        "</main><footer><p>A read-only copy for reading without running code: exercises and "
        "answer boxes "
        "work in the notebooks. <a href='index.html'>All lessons</a> · <a "
        "href='glossary.html'>Glossary</a></p>"
        "</footer></body></html>\n"
    )
    return {"head": head, "top": top, "bottom": bottom}


def _wide_tables(markdown_html: str) -> str:
    """Put each table of a Markdown cell in its own region, so a wide one scrolls on a phone."""
    from course.results import scroll_region

    def wrap(match: re.Match) -> str:
        headers = re.findall(r"<th[^>]*>(.*?)</th>", match.group(0), flags=re.DOTALL)
        return scroll_region(
            match.group(0),
            "Table: " + ", ".join(re.sub(r"<[^>]+>", "", h).strip() for h in headers),
        )

    return re.sub(r"<table>.*?</table>", wrap, markdown_html, flags=re.DOTALL)


def _relink(text: str) -> str:
    text = text.replace("../GLOSSARY.md", "glossary.html")
    return re.sub(r"(?:notebooks/)?(\d\d_[a-z0-9_]+)\.ipynb", r"\1.html", text)


def _preprocessors():
    """The nbconvert preprocessors that turn an instructor's lesson into a page: the student
    version,
    Markdown spelled for a page without maths, links to pages, and widgets as text."""
    from nbconvert.preprocessors import ClearOutputPreprocessor, Preprocessor

    from course.authoring.lesson_format import plain_markdown
    from course.authoring.release import student_preprocessors

    class PageMarkdown(Preprocessor):
        """Dollar signs as standard Markdown writes them, and links to lessons pointed at their
        pages.
        """

        def preprocess_cell(self, cell, resources, index):
            cell.source = _relink(
                plain_markdown(cell.source) if cell.cell_type == "markdown" else cell.source
            )
            return cell, resources

    return [*student_preprocessors("student"), ClearOutputPreprocessor(), PageMarkdown()]


class _WidgetsAsText:
    """After running: a widget shows as the HTML it carries for pages that cannot run code (the
    question,
    the choices or the prompt, and where to answer), since a static page has no widgets."""

    WIDGET = "application/vnd.jupyter.widget-view+json"

    def __call__(self, notebook) -> None:
        for cell in notebook.cells:
            for output in cell.get("outputs", []):
                data = output.get("data", {})
                if self.WIDGET in data and "text/html" in data:
                    del data[self.WIDGET]


@dataclass(frozen=True)
class Site:
    """What ``build_site`` made: the pages (index first), and what an update kept or removed."""

    pages: tuple[Path, ...]
    kept: str


def build_site(destination: str | Path, force: bool = False, timeout: int = 120) -> Site:
    """Run the student version of every lesson and write it as HTML to ``destination``.

    The folder must be new or empty, or an earlier site (then ``force=True`` updates it, replacing
    only the pages
    the last build wrote and nobody has edited since: other files in the folder stay)."""
    import nbformat
    from nbconvert import HTMLExporter
    from nbconvert.filters.markdown import markdown2html
    from nbconvert.preprocessors import ExecutePreprocessor

    from course.authoring.folders import GeneratedFolder
    from course.classroom.course_map import lessons

    folder = GeneratedFolder(destination, _MARK, "site", force)
    notebooks = project_folder() / "notebooks"
    exporter = HTMLExporter(
        template_name=_TEMPLATE.name, extra_template_basedirs=[str(_TEMPLATE.parent)]
    )
    exporter.exclude_input_prompt = exporter.exclude_output_prompt = True
    exporter.register_filter("wide_tables", _wide_tables)
    pages: list[str] = []
    items: list[str] = []
    saved = {name: os.environ.get(name) for name in ("COURSE_WORK", "PYTHONPATH")}
    # Running the lessons saves and exports a journal: keep that in a scratch folder, removed
    # afterwards.
    with tempfile.TemporaryDirectory(prefix="course-site-work-") as scratch:
        os.environ["COURSE_WORK"] = scratch
        # The lessons run with this folder's course/, not an installed copy that may be older.
        os.environ["PYTHONPATH"] = os.pathsep.join(
            filter(None, [str(project_folder()), saved["PYTHONPATH"]])
        )
        try:
            for lesson in lessons():
                notebook = nbformat.read(notebooks / lesson.file, as_version=4)
                resources: dict = {"metadata": {"path": str(notebooks)}}
                for preprocessor in _preprocessors():
                    notebook, resources = preprocessor(notebook, resources)
                # The kernel's start-up warnings (transport, debugger) are for developers, not for
                # the user.
                ExecutePreprocessor(
                    timeout=timeout,
                    kernel_name="python3",
                    extra_arguments=["--IPKernelApp.log_level=ERROR"],
                ).preprocess(notebook, resources)
                _WidgetsAsText()(notebook)
                title = f"{lesson.number} · {lesson.title}"
                frame = page_frame(f"{title} · {_TITLE}")
                body, _ = exporter.from_notebook_node(notebook, resources={"course": frame})
                # Outputs (the course map) link to lessons too: point every link at the pages.
                body = _relink(body).replace(scratch, "my-work")
                page = lesson.file.replace(".ipynb", ".html")
                pages.append(body)
                items.append(
                    f"<li><a href='{page}'>{html.escape(title)}</a> "
                    f"({lesson.minutes} min): {html.escape('; '.join(lesson.learn))}</li>"
                )
        finally:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value
    glossary = _wide_tables(
        markdown2html((project_folder() / "GLOSSARY.md").read_text(encoding="utf-8"))
    )
    index = (
        f"<h1>{html.escape(_TITLE)}</h1>"
        "<p>A read-only copy of the lessons, with their results, for reading without running code. "
        "Exercises and answer boxes are shown as text here; answer them in the notebooks.</p>"
        f"<h2>Lessons</h2><ol start='0'>{''.join(items)}</ol><p><a "
        "href='glossary.html'>Glossary</a>: the words "
        "the course uses.</p>"
    )
    # Every page is made before the folder is touched, so a lesson that fails to run leaves an
    # earlier site whole.
    names = [lesson.file.replace(".ipynb", ".html") for lesson in lessons()]
    with folder:
        folder.write_text("index.html", _page(_TITLE, index, home=True))
        for name, body in zip(names, pages, strict=False):
            folder.write_text(name, body)
        folder.write_text("glossary.html", _page(f"Glossary · {_TITLE}", glossary))
    return Site(
        tuple(folder.target / name for name in ["index.html", *names, "glossary.html"]),
        folder.report(),
    )


def _page(title: str, body: str, home: bool = False) -> str:
    frame = page_frame(title, home)
    return frame["head"] + frame["top"] + body + frame["bottom"]
