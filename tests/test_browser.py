"""Every lesson in a real browser: JupyterLab on this machine, headless Chromium, Run All Cells.

Checked in the page, not assumed: every code cell ran, no error output (except the lesson 00
demonstration tagged ``raises-exception``), every widget rendered, every chart shown as an image
with alt text. A screenshot of a failing lesson is kept in ``build/browser-screenshots/``. Also
tried as users would: the README's launch address, a quiz and an answer box by keyboard alone, and
the static site at a phone's width. (The JupyterHub link is tried in test_hub.py.)

The helpers are in browser.py. Without Chromium these tests are skipped with a message, unless
``COURSE_REQUIRE_BROWSER=1`` (set by ``.ci/run`` when Chromium is present).
"""

import json
import os
import re
import sys
import time

import pytest
from browser import (
    CONTENT,
    PANEL,
    SCREENSHOTS,
    STATE,
    TYPESET_MATHS,
    axe_violations,
    focus,
    key,
    navigate,
    notebook_screenshots,
    open_notebook,
    run_all,
)

from course.paths import notebooks_folder, project_folder

pytestmark = pytest.mark.slow

LESSONS = sorted(notebooks_folder().glob("[0-9][0-9]_*.ipynb"))


@pytest.mark.parametrize("lesson", LESSONS, ids=[path.stem for path in LESSONS])
def test_every_lesson_runs_in_the_browser_with_widgets_and_figures(browser, lesson):
    """Run All in JupyterLab, then check in the page what a student sees: every cell ran, no error,
    every widget
    and chart shown, no typeset maths (dollar amounts read as written), no serious accessibility
    fault in the
    lesson's content, and the notebook not marked as changed before anything was run."""
    tools, port = browser
    source = json.loads(lesson.read_text(encoding="utf-8"))
    code = ["".join(cell["source"]) for cell in source["cells"] if cell["cell_type"] == "code"]
    expected_widgets = sum(("quiz(" in c or "answer_box(" in c) for c in code)
    expected_images = sum(("_chart()" in c) for c in code)
    failed = True
    try:
        open_notebook(tools, port, f"lab/tree/notebooks/{lesson.name}")
        time.sleep(1)  # the kernel's language information arrives just after it is idle
        # The lessons carry the language information of the Python CI runs (3.11.7), as JupyterLab
        # saves it;
        # a kernel of another Python version changes it on opening, which no notebook can avoid.
        if sys.version.split()[0] == source["metadata"]["language_info"]["version"]:
            assert tools.evaluate(f"{PANEL}.context.model.dirty") is False, (
                "the lesson shows unsaved changes on opening"
            )
        run_all(tools)
        state = tools.wait_until(
            f"(() => {{ const s = {STATE}; return s && !s.busy && !s.running &&"
            " s.cells.every(c => c.count !== null) ? s : null; })()",
            seconds=240,
        )
        state = tools.wait_until(
            f"(() => {{ const s = {STATE}; return s.widgets >= {expected_widgets} &&"
            f" s.images.length >= {expected_images} ? s : null; }})()",
            seconds=30,
        )
        assert len(state["cells"]) == len(code)
        for index, cell in enumerate(state["cells"]):
            allowed = "raises-exception" in cell["tags"]
            assert cell["errors"] == 0 or allowed, (
                f"code cell {index + 1} of {lesson.name} shows an error"
            )
        assert state["widgets"] == expected_widgets
        assert len(state["images"]) == expected_images and all(
            length > 50 for length in state["images"]
        )
        time.sleep(1)  # maths typesetting runs just after rendering
        assert tools.evaluate(TYPESET_MATHS) == [], "text typeset as maths (a $ read as a formula)"
        assert axe_violations(tools, CONTENT) == []
        failed = False
    finally:
        if failed or os.environ.get("COURSE_SCREENSHOTS") == "1":
            notebook_screenshots(tools, SCREENSHOTS / lesson.stem, lesson.stem)


def test_a_quiz_can_be_answered_with_the_keyboard_alone(browser):
    """Tab from one answer button to the next, Enter to press it: feedback appears in words."""
    from course.classroom.self_checks import exercises

    right = exercises()["00.2"].answer()
    before = chr(ord(right) - 1)  # the button just before the right one
    tools, port = browser
    open_notebook(tools, port, "lab/tree/notebooks/00_start_here.ipynb")
    run_all(tools)
    focus(
        tools,
        "[...document.querySelectorAll('button')].find(b => b.innerText.trim() === 'Answer "
        f"{before}')",
    )
    key(tools, "Tab", 9)
    assert tools.evaluate("document.activeElement.innerText.trim()") == f"Answer {right}"
    key(tools, "Enter", 13)
    feedback = tools.wait_until(
        "[...document.querySelectorAll('.widget-html-content')].map(e => e.innerText)"
        ".find(t => t.startsWith('Exercise 00.2:'))",
        seconds=20,
    )
    assert "✔ Right" in feedback


def test_an_answer_can_be_written_and_saved_with_the_keyboard_alone(browser):
    """Type in an answer box, Tab to its Save button, press Enter: the answer is in the journal."""
    tools, port = browser
    open_notebook(tools, port, "lab/tree/notebooks/00_start_here.ipynb")
    run_all(tools)
    focus(tools, "document.querySelector('.jupyter-widgets textarea')")
    tools.call("Input.insertText", text="Ada, and how to check a figure.")
    key(tools, "Tab", 9)
    assert tools.evaluate("document.activeElement.innerText.trim()") == "Save"
    key(tools, "Enter", 13)
    status = tools.wait_until(
        "[...document.querySelectorAll('[role=status]')].map(e => e.innerText)"
        ".find(t => t.includes('Saved'))",
        seconds=20,
    )
    journal = tools.work / "journal.json"
    assert "Ada, and how to check a figure." in journal.read_text(encoding="utf-8"), status


@pytest.fixture(scope="module")
def site(built_site):
    """Every page of the site built once a session, index first and glossary last."""
    from course.classroom.course_map import lessons

    names = [
        "index.html",
        *(lesson.file.replace(".ipynb", ".html") for lesson in lessons()),
        "glossary.html",
    ]
    return [built_site / name for name in names]


def test_the_static_site_works_offline_for_everyone(browser, site):
    """Every page of `python -m course site`, as a reader opens it: nothing fetched from anywhere,
    no serious
    accessibility fault, every exercise and answer-box prompt shown as text, and at a phone's width
    (390 px)
    nothing wider than the screen and no text under 12 px."""
    import base64

    from course.classroom.course_map import lessons
    from course.classroom.prompts import prompts
    from course.classroom.self_checks import exercises

    tools, _ = browser
    tools.call("Network.enable")
    questions: dict[str, list[str]] = {}
    for lesson in lessons():
        cells = json.loads((notebooks_folder() / lesson.file).read_text(encoding="utf-8"))["cells"]
        code = "\n".join("".join(cell["source"]) for cell in cells if cell["cell_type"] == "code")
        asked = [exercises()[number].question for number in re.findall(r'quiz\("([\d.]+)"\)', code)]
        asked += [prompts()[name].prompt for name in re.findall(r'answer_box\("([^"]+)"', code)]
        questions[lesson.file.replace(".ipynb", ".html")] = asked
    assert sum(map(len, questions.values())) > 10
    for page in site:
        failed = True
        try:
            tools.events.clear()
            navigate(tools, page.as_uri())
            tools.wait_until("document.readyState === 'complete'")
            fetched = [
                e["params"]["request"]["url"]
                for e in tools.events
                if e["method"] == "Network.requestWillBeSent"
            ]
            assert [url for url in fetched if not url.startswith(("file:", "data:"))] == [], (
                f"{page.name} fetches"
            )
            assert tools.evaluate("document.title").strip() and tools.evaluate(
                "!!document.querySelector('main h1')"
            )
            text = tools.evaluate("document.body.innerText")
            for asked in questions.get(page.name, []):
                assert asked in text, f"{page.name} does not show: {asked}"
            assert axe_violations(tools) == [], page.name
            tools.call(
                "Emulation.setDeviceMetricsOverride",
                width=390,
                height=844,
                deviceScaleFactor=3,
                mobile=True,
            )
            width = tools.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            assert width[0] <= width[1] == 390, (
                f"{page.name} is {width[0]} px wide on a {width[1]} px screen"
            )
            smallest = tools.evaluate(
                "Math.min(...[...document.querySelectorAll('p, li, td, th, code, pre')]"
                ".map(e => parseFloat(getComputedStyle(e).fontSize)))"
            )
            assert smallest >= 12, f"{page.name}: text of {smallest} px"
            failed = False
        finally:
            if failed or os.environ.get("COURSE_SCREENSHOTS") == "1":
                SCREENSHOTS.mkdir(parents=True, exist_ok=True)
                for wide in (1280, 390):
                    tools.call(
                        "Emulation.setDeviceMetricsOverride",
                        width=wide,
                        height=900,
                        deviceScaleFactor=1,
                        mobile=wide < 600,
                    )
                    shot = tools.call(
                        "Page.captureScreenshot", format="png", captureBeyondViewport=True
                    )
                    (SCREENSHOTS / f"site-{page.stem}-{wide}px.png").write_bytes(
                        base64.b64decode(shot["data"])
                    )
            tools.call("Emulation.clearDeviceMetricsOverride")


def test_the_readme_launch_address_opens_lesson_00_with_no_news_question(browser):
    """The path in the README's Binder link, opened on this JupyterLab: lesson 00 and no question
    about news.

    JupyterLab otherwise asks every new user whether to fetch Jupyter news from the internet; the
    course's installed settings (jupyter-config/) answer no for them, and the server fetches no news
    or updates.
    """
    import re

    tools, port = browser
    readme = (project_folder() / "README.md").read_text(encoding="utf-8")
    path = re.search(r"https://mybinder\.org/v2/gh/[^)\s]+?\?urlpath=([^)\s]+)", readme).group(1)
    open_notebook(tools, port, path)
    assert tools.evaluate(f"{PANEL}.context.path") == "notebooks/00_start_here.ipynb"
    time.sleep(3)  # the news question would appear within moments of the page being restored
    assert "Jupyter news" not in tools.evaluate("document.body.innerText")
    page_config = tools.evaluate(
        "JSON.parse(document.getElementById('jupyter-config-data').textContent)"
    )
    assert page_config["news"] == {"disabled": True}
    notification = tools.evaluate(
        "fetch('/lab/api/settings/@jupyterlab/apputils-extension:notification')"
        ".then(r => r.json()).then(d => d.schema.properties)"
    )
    assert (
        notification["fetchNews"]["default"] == "false"
        and notification["checkForUpdates"]["default"] is False
    )
    assert tools.evaluate("fetch('/lab/api/update').then(r => r.json())") == {"notification": None}
