"""A static, read-only HTML version of every lesson (the student version, run, with its outputs).

``python -m course site DEST`` writes one page per lesson, an index and the glossary, for students
who cannot run code. Pages work offline (pictures are embedded) and on a phone-sized screen.
"""

from __future__ import annotations

import html
import json
import os
import re
import tempfile
from pathlib import Path

from course.paths import project_folder

__all__ = ["build_site"]

_MARK = ".course-site"
_PHONE = ("<meta name='viewport' content='width=device-width, initial-scale=1'>"
          "<style>img{max-width:100%;height:auto} table{display:block;overflow-x:auto}"
          " body{overflow-wrap:break-word}</style>")


def _relink(text: str) -> str:
    text = text.replace("../GLOSSARY.md", "glossary.html")
    return re.sub(r"(?:notebooks/)?(\d\d_[a-z0-9_]+)\.ipynb", r"\1.html", text)


def _page(title: str, body: str) -> str:
    return (f"<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'><title>{html.escape(title)}</title>{_PHONE}"
            f"</head><body style='max-width:60em;margin:auto;padding:1em;font-family:sans-serif'>{body}</body></html>\n")


def build_site(destination: str | Path, timeout: int = 120) -> list[Path]:
    """Run the student version of every lesson and write it as HTML to ``destination``; return the pages."""
    import nbformat
    from nbconvert import HTMLExporter
    from nbconvert.filters.markdown import markdown2html
    from nbconvert.preprocessors import ExecutePreprocessor

    from course.lessons import lessons
    from course.release import prepare_folder, student_notebook

    target = prepare_folder(destination, _MARK, "site")
    notebooks = project_folder() / "notebooks"
    pages, items = [], []
    saved = os.environ.get("COURSE_WORK")
    # Running the lessons saves and exports a journal; keep that out of the course and the site.
    scratch = tempfile.mkdtemp(prefix="course-site-work-")
    os.environ["COURSE_WORK"] = scratch
    try:
        exporter = HTMLExporter(template_name="lab")
        for lesson in lessons():
            data = student_notebook(json.loads((notebooks / lesson.file).read_text(encoding="utf-8")))
            for cell in data["cells"]:
                cell["source"] = _relink("".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"])
            notebook = nbformat.from_dict(data)
            ExecutePreprocessor(timeout=timeout, kernel_name="python3").preprocess(
                notebook, {"metadata": {"path": str(notebooks)}})
            body, _ = exporter.from_notebook_node(notebook)
            # Outputs (the course map) link to lessons too: point every link at the pages.
            body = _relink(body.replace("<head>", "<head>" + _PHONE, 1)).replace(scratch, "my-work")
            page = target / lesson.file.replace(".ipynb", ".html")
            page.write_text(body, encoding="utf-8")
            pages.append(page)
            items.append(f"<li><a href='{page.name}'>{lesson.number} · {html.escape(lesson.title)}</a> "
                         f"({lesson.minutes} min): {html.escape('; '.join(lesson.learn))}</li>")
    finally:
        if saved is None:
            os.environ.pop("COURSE_WORK", None)
        else:
            os.environ["COURSE_WORK"] = saved
    glossary = markdown2html((project_folder() / "GLOSSARY.md").read_text(encoding="utf-8"))
    (target / "glossary.html").write_text(_page("Glossary", glossary + "<p><a href='index.html'>All lessons</a></p>"),
                                          encoding="utf-8")
    index = ("<h1>Reading sources critically: China–Russia military cooperation</h1>"
             "<p>A read-only copy of the lessons, with their results, for reading without running code. "
             "Exercises and answer boxes do not work here; use the notebooks for those.</p>"
             f"<ol start='0'>{''.join(items)}</ol><p><a href='glossary.html'>Glossary</a></p>")
    (target / "index.html").write_text(_page("Reading sources critically", index), encoding="utf-8")
    (target / _MARK).write_text("made by: python -m course site\n", encoding="utf-8")
    return [target / "index.html", *pages, target / "glossary.html"]
