"""Every lesson in a real browser: JupyterLab on this machine, headless Chromium, Run All Cells.

Checked in the page, not assumed: every code cell ran, no error output (except the lesson 00
demonstration tagged ``raises-exception``), every widget rendered, every chart shown as an image
with alt text. A screenshot of a failing lesson is kept in ``build/browser-screenshots/``. Also
tried as users would: the README's launch address, a quiz and an answer box by keyboard alone, the
static site at a phone's width, and the JupyterHub link.

Chromium is driven through its DevTools protocol with ``websocket-client`` (already installed with
Jupyter), so no test tool downloads a browser of its own. Without Chromium the test is skipped
with a message, unless ``COURSE_REQUIRE_BROWSER=1`` (set by ``.ci/run`` when Chromium is present).
"""

from __future__ import annotations

import base64
import itertools
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from course.paths import notebooks_folder, project_folder

LESSONS = sorted(notebooks_folder().glob("[0-9][0-9]_*.ipynb"))
BROWSER = next((shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome") if shutil.which(name)), None)

if BROWSER is None:
    if os.environ.get("COURSE_REQUIRE_BROWSER") == "1":
        raise RuntimeError("COURSE_REQUIRE_BROWSER=1 but no Chromium was found (apt-get install chromium)")
    pytestmark = pytest.mark.skip(reason="no Chromium on this machine: install it with 'apt-get install chromium'")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"{url} did not answer within {seconds} s")


class DevTools:
    """The few DevTools protocol calls the test needs, over one websocket."""

    def __init__(self, url: str) -> None:
        import websocket

        self.socket = websocket.create_connection(url, timeout=120, suppress_origin=True)
        self.ids = itertools.count(1)

    def call(self, method: str, **params):
        number = next(self.ids)
        self.socket.send(json.dumps({"id": number, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == number:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def evaluate(self, expression: str):
        result = self.call("Runtime.evaluate", expression=expression, awaitPromise=True, returnByValue=True)
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            raise RuntimeError(details.get("exception", {}).get("description") or details.get("text", "JavaScript error"))
        return result["result"].get("value")

    def wait_until(self, expression: str, seconds: float = 90):
        deadline = time.time() + seconds
        while time.time() < deadline:
            value = self.evaluate(expression)
            if value:
                return value
            time.sleep(0.5)
        raise TimeoutError(f"waited {seconds} s for: {expression[:80]}")


def _start_lab(root: Path, env: dict[str, str]) -> tuple[subprocess.Popen, int]:
    """JupyterLab from this environment (with the settings the course installs), serving ``root`` on loopback."""
    port = _free_port()
    lab = subprocess.Popen([sys.executable, "-m", "jupyter", "lab", "--no-browser", f"--port={port}",
                            "--ServerApp.ip=127.0.0.1", "--IdentityProvider.token=", "--ServerApp.password=",
                            "--ServerApp.disable_check_xsrf=True", "--LabApp.expose_app_in_browser=True",
                            f"--ServerApp.root_dir={root}", "--allow-root"],
                           cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _wait_for(f"http://127.0.0.1:{port}/api/status")
    return lab, port


def _stop(*processes: subprocess.Popen) -> None:
    for process in processes:
        process.terminate()
    for process in processes:
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    home = tmp_path_factory.mktemp("browser")
    settings = home / "settings"
    # Render every cell (no windowing) so the page can be checked. News and update checks are left to the
    # settings the course installs (jupyter-config/), which a test below checks in the page.
    (settings / "@jupyterlab" / "notebook-extension").mkdir(parents=True)
    (settings / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings").write_text(
        json.dumps({"windowingMode": "none"}), encoding="utf-8")
    debug_port = _free_port()
    env = {**os.environ, "JUPYTERLAB_SETTINGS_DIR": str(settings), "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
           "COURSE_WORK": str(home / "my-work")}
    lab, lab_port = _start_lab(project_folder(), env)
    chrome = subprocess.Popen([BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                               "--disable-background-networking", "--disable-component-update", "--window-size=1300,1000",
                               f"--remote-debugging-port={debug_port}", f"--user-data-dir={home / 'chrome'}", "about:blank"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for(f"http://127.0.0.1:{debug_port}/json/version")
        with urllib.request.urlopen(f"http://127.0.0.1:{debug_port}/json/list", timeout=10) as response:
            page = next(t for t in json.load(response) if t["type"] == "page")
        tools = DevTools(page["webSocketDebuggerUrl"])
        tools.call("Page.enable")
        tools.work = home / "my-work"  # where the lessons' journal goes
        yield tools, lab_port
    finally:
        _stop(chrome, lab)


# The notebook panel in the main area (shell.currentWidget stays empty in a page that never had focus).
_PANEL = "(window.jupyterapp ? [...window.jupyterapp.shell.widgets('main')].find(w => w.content && w.content.model) : null)"

_STATE = """(() => {
  const panel = """ + _PANEL + """;
  if (!panel || !panel.content || !panel.content.model) return null;
  const cells = [];
  for (const cell of panel.content.model.cells) {
    if (cell.type !== 'code') continue;
    const outputs = cell.outputs.toJSON();
    cells.push({count: cell.executionCount, tags: cell.getMetadata('tags') || [],
                errors: outputs.filter(o => o.output_type === 'error' || (o.output_type === 'stream' && o.name === 'stderr')).length});
  }
  return {cells, busy: panel.sessionContext.session?.kernel?.status !== 'idle',
          widgets: document.querySelectorAll('.jp-OutputArea-output .jupyter-widgets.widget-vbox').length,
          images: [...document.querySelectorAll('.jp-OutputArea-output img')].map(i => (i.getAttribute('alt') || '').length),
          running: [...document.querySelectorAll('.jp-InputPrompt')].some(p => p.innerText.includes('*'))};
})()"""


def _navigate(tools: DevTools, url: str) -> None:
    # After a key press the page has a user gesture, and a changed notebook would hold the page with a
    # "Leave site?" dialog: the tests never save, so mark the notebooks unchanged first.
    tools.evaluate("window.jupyterapp && [...window.jupyterapp.shell.widgets('main')]"
                   ".forEach(w => { if (w.context) w.context.model.dirty = false; })")
    tools.call("Page.navigate", url=url)


def _open(tools: DevTools, port: int, path: str, reset: bool = True) -> None:
    """Open a JupyterLab address (``lab/tree/notebooks/…``) and wait until its notebook's kernel is ready."""
    _navigate(tools, f"http://127.0.0.1:{port}/{path}" + ("?reset" if reset else ""))
    tools.wait_until(f"(() => {{ const p = {_PANEL}; return !!(p && p.sessionContext && p.sessionContext.session &&"
                     " p.sessionContext.session.kernel && p.sessionContext.session.kernel.status === 'idle'); })()")


def _open_and_run_all(tools: DevTools, port: int, name: str) -> None:
    """Open a lesson in JupyterLab, wait for its kernel, and start Run All Cells."""
    _open(tools, port, f"lab/tree/notebooks/{name}")
    tools.evaluate(f"(() => {{ window.jupyterapp.shell.activateById({_PANEL}.id);"
                   " return window.jupyterapp.commands.execute('notebook:run-all-cells'); })()")


@pytest.mark.parametrize("lesson", LESSONS, ids=[path.stem for path in LESSONS])
def test_every_lesson_runs_in_the_browser_with_widgets_and_figures(browser, lesson):
    tools, port = browser
    source = json.loads(lesson.read_text(encoding="utf-8"))
    code = ["".join(cell["source"]) for cell in source["cells"] if cell["cell_type"] == "code"]
    expected_widgets = sum(("quiz(" in c or "answer_box(" in c) for c in code)
    expected_images = sum(("_chart()" in c) for c in code)
    try:
        _open_and_run_all(tools, port, lesson.name)
        state = tools.wait_until(f"(() => {{ const s = {_STATE}; return s && !s.busy && !s.running &&"
                                 " s.cells.every(c => c.count !== null) ? s : null; })()", seconds=240)
        state = tools.wait_until(f"(() => {{ const s = {_STATE}; return s.widgets >= {expected_widgets} &&"
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


def _key(tools: DevTools, key: str, code: int) -> None:
    for kind in ("rawKeyDown", "keyUp"):
        tools.call("Input.dispatchKeyEvent", type=kind, key=key, code=key, windowsVirtualKeyCode=code,
                   nativeVirtualKeyCode=code)
    if key == "Enter":
        tools.call("Input.dispatchKeyEvent", type="char", text="\r", key=key, code=key, windowsVirtualKeyCode=code)


def _focus(tools: DevTools, element: str) -> None:
    """Wait for the element (a JavaScript expression), bring it into view and give it the keyboard focus."""
    tools.wait_until(f"!!({element})")
    tools.evaluate(f"(() => {{ const e = {element}; e.scrollIntoView({{block: 'center'}}); e.focus(); return true; }})()")


def test_a_quiz_can_be_answered_with_the_keyboard_alone(browser):
    """Tab from one answer button to the next, Enter to press it: feedback appears in words."""
    tools, port = browser
    _open_and_run_all(tools, port, "00_start_here.ipynb")
    _focus(tools, "[...document.querySelectorAll('button')].find(b => b.innerText.trim() === 'Answer a')")
    _key(tools, "Tab", 9)
    assert tools.evaluate("document.activeElement.innerText.trim()") == "Answer b"
    _key(tools, "Enter", 13)
    feedback = tools.wait_until("[...document.querySelectorAll('.widget-html-content')].map(e => e.innerText)"
                                ".find(t => t.startsWith('Exercise 00.2:'))", seconds=20)
    assert "✔ Right" in feedback


def test_an_answer_can_be_written_and_saved_with_the_keyboard_alone(browser):
    """Type in an answer box, Tab to its Save button, press Enter: the answer is in the journal."""
    tools, port = browser
    _open_and_run_all(tools, port, "00_start_here.ipynb")
    _focus(tools, "document.querySelector('.jupyter-widgets textarea')")
    tools.call("Input.insertText", text="Ada, and how to check a figure.")
    _key(tools, "Tab", 9)
    assert tools.evaluate("document.activeElement.innerText.trim()") == "Save"
    _key(tools, "Enter", 13)
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
            _navigate(tools, page.as_uri())
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
    _open(tools, port, path)
    assert tools.evaluate(f"{_PANEL}.context.path") == "notebooks/00_start_here.ipynb"
    time.sleep(3)  # the news question would appear within moments of the page being restored
    assert "Jupyter news" not in tools.evaluate("document.body.innerText")
    page_config = tools.evaluate("JSON.parse(document.getElementById('jupyter-config-data').textContent)")
    assert page_config["news"] == {"disabled": True}
    notification = tools.evaluate("fetch('/lab/api/settings/@jupyterlab/apputils-extension:notification')"
                                  ".then(r => r.json()).then(d => d.schema.properties)")
    assert notification["fetchNews"]["default"] == "false" and notification["checkForUpdates"]["default"] is False
    assert tools.evaluate("fetch('/lab/api/update').then(r => r.json())") == {"notification": None}


class _GitOverHttp(BaseHTTPRequestHandler):
    """Serves the git repositories in ``root`` the way GitHub does (git's smart HTTP), through `git http-backend`."""

    root = ""

    def _backend(self) -> None:
        path, _, query = self.path.partition("?")
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        env = {**os.environ, "GIT_PROJECT_ROOT": self.root, "GIT_HTTP_EXPORT_ALL": "1", "PATH_INFO": path,
               "QUERY_STRING": query, "REQUEST_METHOD": self.command, "CONTENT_TYPE": self.headers.get("Content-Type", ""),
               "CONTENT_LENGTH": str(len(body)), "GIT_PROTOCOL": self.headers.get("Git-Protocol", ""),
               "REMOTE_ADDR": "127.0.0.1"}
        output = subprocess.run(["git", "http-backend"], input=body, env=env, capture_output=True).stdout
        head, _, content = output.partition(b"\r\n\r\n")
        headers = [line.split(":", 1) for line in head.decode().split("\r\n") if ":" in line]
        status = next((int(value.split()[0]) for name, value in headers if name.lower() == "status"), 200)
        self.send_response(status)
        for name, value in headers:
            if name.lower() != "status":
                self.send_header(name, value.strip())
        self.send_header("Content-Length", str(len(content)))
        self.end_headers()
        self.wfile.write(content)

    do_GET = do_POST = _backend

    def log_message(self, *args) -> None:
        pass


def test_the_hub_link_copies_the_student_version_home_and_keeps_the_students_changes(browser, tmp_path):
    """The JupyterHub path on this machine: the `hub-link` link opened on a JupyterLab with nbgitpuller from this
    environment (a hub adds only its login in front), pulling the student version from a git server on loopback.
    """
    from course.hub import nbgitpuller_link
    from course.release import release

    tools, _ = browser
    source, bare, home = tmp_path / "student-version", tmp_path / "served" / "student-version.git", tmp_path / "home"

    def git(*args: str, cwd: Path = source) -> None:
        subprocess.run(["git", "-c", "user.name=Instructor", "-c", "user.email=instructor@example.edu", *args],
                       cwd=cwd, check=True, capture_output=True)

    release(source)
    git("init", "-q", "-b", "main")
    git("add", "-A")
    git("commit", "-qm", "Student version")
    git("clone", "-q", "--bare", str(source), str(bare), cwd=tmp_path)
    files = ThreadingHTTPServer(("127.0.0.1", 0), type("Served", (_GitOverHttp,), {"root": str(bare.parent)}))
    threading.Thread(target=files.serve_forever, daemon=True).start()
    home.mkdir()
    # As on a hub: the course installed in the environment, found from the student's copy; no proxy for loopback.
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "COURSE_WORK")}
    env.update(HOME=str(home), NO_PROXY="127.0.0.1,localhost", no_proxy="127.0.0.1,localhost")
    lab, port = _start_lab(home, env)
    try:
        link = nbgitpuller_link(f"http://127.0.0.1:{port}", f"http://127.0.0.1:{files.server_port}/student-version.git")
        path = link.split("/hub/user-redirect/", 1)[1]
        try:
            _open(tools, port, path, reset=False)
        except TimeoutError:
            print("PAGE:", tools.evaluate("location.href"), tools.evaluate("document.body.innerText")[:3000])
            raise
        assert tools.evaluate(f"{_PANEL}.context.path") == "student-version/notebooks/00_start_here.ipynb"
        tools.evaluate(f"(() => {{ window.jupyterapp.shell.activateById({_PANEL}.id);"
                       " return window.jupyterapp.commands.execute('notebook:run-all-cells'); })()")
        state = tools.wait_until(f"(() => {{ const s = {_STATE}; return s && !s.busy && !s.running &&"
                                 " s.cells.every(c => c.count !== null) ? s : null; })()", seconds=240)
        assert all(c["errors"] == 0 or "raises-exception" in c["tags"] for c in state["cells"])

        copy = home / "student-version"
        lesson = copy / "notebooks" / "01_meet_the_sources.ipynb"
        mine = json.loads(lesson.read_text(encoding="utf-8"))
        mine["cells"].append({"cell_type": "markdown", "id": "student-note", "metadata": {}, "source": "My own note."})
        lesson.write_text(json.dumps(mine, indent=1), encoding="utf-8")
        (copy / "my-work").mkdir(exist_ok=True)
        (copy / "my-work" / "notes.md").write_text("My notes.", encoding="utf-8")
        (source / "GLOSSARY.md").write_text((source / "GLOSSARY.md").read_text(encoding="utf-8") + "\nAn update.\n",
                                            encoding="utf-8")
        theirs = json.loads((source / lesson.relative_to(copy)).read_text(encoding="utf-8"))
        theirs["cells"][0]["source"] = "".join(theirs["cells"][0]["source"]) + "\n\nAn update."
        (source / lesson.relative_to(copy)).write_text(json.dumps(theirs, indent=1), encoding="utf-8")
        git("commit", "-qam", "An update")
        git("push", "-q", str(bare), "main")

        _open(tools, port, path, reset=False)
        assert (copy / "GLOSSARY.md").read_text(encoding="utf-8").endswith("An update.\n")
        assert "My own note." in lesson.read_text(encoding="utf-8"), "the student's change was overwritten"
        assert (copy / "my-work" / "notes.md").read_text(encoding="utf-8") == "My notes."
    finally:
        files.shutdown()
        _stop(lab)
