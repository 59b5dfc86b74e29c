"""Every lesson in a real browser: JupyterLab on this machine, headless Chromium, Run All Cells.

Checked in the page, not assumed: every code cell ran, no error output (except the lesson 00
demonstration tagged ``raises-exception``), every widget rendered, every chart shown as an image
with alt text. A screenshot of a failing lesson is kept in ``build/browser-screenshots/``. Also
tried as users would: the README's launch address, a quiz and an answer box by keyboard alone, and
the static site at a phone's width. (The JupyterHub link is tried in test_hub.py.)

The helpers are in browser.py. Without Chromium these tests are skipped with a message, unless
``COURSE_REQUIRE_BROWSER=1`` (set by ``.ci/run`` when Chromium is present).
"""

import base64
import json
import time

import pytest

from browser import PANEL, STATE, focus, key, navigate, open_and_run_all, open_notebook
from course.paths import notebooks_folder, project_folder

LESSONS = sorted(notebooks_folder().glob("[0-9][0-9]_*.ipynb"))


@pytest.mark.parametrize("lesson", LESSONS, ids=[path.stem for path in LESSONS])
def test_every_lesson_runs_in_the_browser_with_widgets_and_figures(browser, lesson):
    tools, port = browser
    source = json.loads(lesson.read_text(encoding="utf-8"))
    code = ["".join(cell["source"]) for cell in source["cells"] if cell["cell_type"] == "code"]
    expected_widgets = sum(("quiz(" in c or "answer_box(" in c) for c in code)
    expected_images = sum(("_chart()" in c) for c in code)
    try:
        open_and_run_all(tools, port, lesson.name)
        state = tools.wait_until(f"(() => {{ const s = {STATE}; return s && !s.busy && !s.running &&"
                                 " s.cells.every(c => c.count !== null) ? s : null; })()", seconds=240)
        state = tools.wait_until(f"(() => {{ const s = {STATE}; return s.widgets >= {expected_widgets} &&"
                                 f" s.images.length >= {expected_images} ? s : null; }})()", seconds=30)
        assert len(state["cells"]) == len(code)
        for index, cell in enumerate(state["cells"]):
            allowed = "raises-exception" in cell["tags"]
            assert cell["errors"] == 0 or allowed, f"code cell {index + 1} of {lesson.name} shows an error"
        assert state["widgets"] == expected_widgets
        assert len(state["images"]) == expected_images and all(length > 50 for length in state["images"])
    except Exception:
        folder = project_folder() / "build" / "browser-screenshots"
        folder.mkdir(parents=True, exist_ok=True)
        shot = tools.call("Page.captureScreenshot", format="png")
        (folder / f"{lesson.stem}.png").write_bytes(base64.b64decode(shot["data"]))
        raise


def test_a_quiz_can_be_answered_with_the_keyboard_alone(browser):
    """Tab from one answer button to the next, Enter to press it: feedback appears in words."""
    tools, port = browser
    open_and_run_all(tools, port, "00_start_here.ipynb")
    focus(tools, "[...document.querySelectorAll('button')].find(b => b.innerText.trim() === 'Answer a')")
    key(tools, "Tab", 9)
    assert tools.evaluate("document.activeElement.innerText.trim()") == "Answer b"
    key(tools, "Enter", 13)
    feedback = tools.wait_until("[...document.querySelectorAll('.widget-html-content')].map(e => e.innerText)"
                                ".find(t => t.startsWith('Exercise 00.2:'))", seconds=20)
    assert "✔ Right" in feedback


def test_an_answer_can_be_written_and_saved_with_the_keyboard_alone(browser):
    """Type in an answer box, Tab to its Save button, press Enter: the answer is in the journal."""
    tools, port = browser
    open_and_run_all(tools, port, "00_start_here.ipynb")
    focus(tools, "document.querySelector('.jupyter-widgets textarea')")
    tools.call("Input.insertText", text="Ada, and how to check a figure.")
    key(tools, "Tab", 9)
    assert tools.evaluate("document.activeElement.innerText.trim()") == "Save"
    key(tools, "Enter", 13)
    status = tools.wait_until("[...document.querySelectorAll('[role=status]')].map(e => e.innerText)"
                              ".find(t => t.includes('Saved'))", seconds=20)
    journal = tools.work / "journal.json"
    assert "Ada, and how to check a figure." in journal.read_text(encoding="utf-8"), status


def test_the_static_site_fits_a_phone_screen(browser, tmp_path):
    """Every page of `python -m course site` at a phone's width (390 px): nothing wider than the screen."""
    from course.site import build_site

    tools, _ = browser
    pages = build_site(tmp_path / "site")
    tools.call("Emulation.setDeviceMetricsOverride", width=390, height=844, deviceScaleFactor=3, mobile=True)
    try:
        for page in sorted({*pages, tmp_path / "site" / "index.html", tmp_path / "site" / "glossary.html"}):
            navigate(tools, page.as_uri())
            tools.wait_until("document.readyState === 'complete'")
            width = tools.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            assert width[0] <= width[1], f"{page.name} is {width[0]} px wide on a {width[1]} px screen"
            smallest = tools.evaluate("Math.min(...[...document.querySelectorAll('p, li, td, th, code, pre')]"
                                      ".map(e => parseFloat(getComputedStyle(e).fontSize)))")
            assert smallest >= 12, f"{page.name}: text of {smallest} px"
    finally:
        tools.call("Emulation.clearDeviceMetricsOverride")


def test_the_readme_launch_address_opens_lesson_00_with_no_news_question(browser):
    """The path in the README's Binder link, opened on this JupyterLab: lesson 00 and no question about news.

    JupyterLab otherwise asks every new user whether to fetch Jupyter news from the internet; the course's
    installed settings (jupyter-config/) answer no for them, and the server fetches no news or updates.
    """
    import re

    tools, port = browser
    readme = (project_folder() / "README.md").read_text(encoding="utf-8")
    path = re.search(r"https://mybinder\.org/v2/gh/[^)\s]+?\?urlpath=([^)\s]+)", readme).group(1)
    open_notebook(tools, port, path)
    assert tools.evaluate(f"{PANEL}.context.path") == "notebooks/00_start_here.ipynb"
    time.sleep(3)  # the news question would appear within moments of the page being restored
    assert "Jupyter news" not in tools.evaluate("document.body.innerText")
    page_config = tools.evaluate("JSON.parse(document.getElementById('jupyter-config-data').textContent)")
    assert page_config["news"] == {"disabled": True}
    notification = tools.evaluate("fetch('/lab/api/settings/@jupyterlab/apputils-extension:notification')"
                                  ".then(r => r.json()).then(d => d.schema.properties)")
    assert notification["fetchNews"]["default"] == "false" and notification["checkForUpdates"]["default"] is False
    assert tools.evaluate("fetch('/lab/api/update').then(r => r.json())") == {"notification": None}
