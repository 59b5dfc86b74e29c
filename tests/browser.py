"""Helpers for the browser tests: JupyterLab on this machine, driven in headless Chromium.

Chromium is driven through its DevTools protocol with ``websocket-client`` (already installed with
Jupyter), so no test tool downloads a browser of its own. ``browser_session`` starts both and gives
the tests a ``DevTools`` connection; the ``browser`` fixture in conftest.py shares one per test run.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

BROWSER = next(
    (
        shutil.which(name)
        for name in ("chromium", "chromium-browser", "google-chrome")
        if shutil.which(name)
    ),
    None,
)
TESTS = Path(__file__).resolve().parent
SCREENSHOTS = TESTS.parent / "build" / "browser-screenshots"
"""Where screenshots of a failing lesson or page go (kept as test artefacts); COURSE_SCREENSHOTS=1
keeps all.
"""


def npm_tool(relative: str) -> Path | None:
    """A file of the test tools from npm (tests/package.json), installed on first use; None without
    npm.

    The versions are pinned in tests/package-lock.json; ``npm ci`` installs exactly those into
    tests/node_modules (git-ignored), which no student version or site ever contains.
    """
    installed = TESTS / "node_modules" / ".package-lock.json"
    stale = (
        not installed.exists()
        or installed.stat().st_mtime < (TESTS / "package-lock.json").stat().st_mtime
    )
    if stale:
        npm = shutil.which("npm")
        if npm is None:
            return None
        subprocess.run(
            [npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"],
            cwd=TESTS,
            check=True,
            stdout=subprocess.DEVNULL,
            timeout=600,
        )
    path = TESTS / "node_modules" / relative
    return path if path.exists() else None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, seconds: float = 60) -> None:
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
        self.events: list[
            dict
        ] = []  # notifications (such as Network.requestWillBeSent) received so far

    def call(self, method: str, **params):
        number = next(self.ids)
        self.socket.send(json.dumps({"id": number, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if "method" in message and "id" not in message:
                self.events.append(message)
                continue
            if message.get("id") == number:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def evaluate(self, expression: str):
        result = self.call(
            "Runtime.evaluate", expression=expression, awaitPromise=True, returnByValue=True
        )
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            raise RuntimeError(
                details.get("exception", {}).get("description")
                or details.get("text", "JavaScript error")
            )
        return result["result"].get("value")

    def wait_until(self, expression: str, seconds: float = 90):
        deadline = time.time() + seconds
        while time.time() < deadline:
            value = self.evaluate(expression)
            if value:
                return value
            time.sleep(0.5)
        raise TimeoutError(f"waited {seconds} s for: {expression[:80]}")


def start_lab(root: Path, env: dict[str, str]) -> tuple[subprocess.Popen, int]:
    """JupyterLab from this environment (with the settings the course installs), serving ``root`` on
    loopback.
    """
    port = free_port()
    lab = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "jupyter",
            "lab",
            "--no-browser",
            f"--port={port}",
            "--ServerApp.ip=127.0.0.1",
            "--IdentityProvider.token=",
            "--ServerApp.password=",
            "--ServerApp.disable_check_xsrf=True",
            "--LabApp.expose_app_in_browser=True",
            f"--ServerApp.root_dir={root}",
            "--allow-root",
            # Checkpoints go to the test's own folder, not into the course being tested.
            "--FileCheckpoints.checkpoint_dir="
            + env.get("COURSE_CHECKPOINTS", ".ipynb_checkpoints"),
        ],
        cwd=root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wait_for(f"http://127.0.0.1:{port}/api/status")
    return lab, port


def stop(*processes: subprocess.Popen) -> None:
    for process in processes:
        process.terminate()
    for process in processes:
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


# The notebook panel in the main area (shell.currentWidget stays empty in a page that never had
# focus).
PANEL = (
    "(window.jupyterapp ? [...window.jupyterapp.shell.widgets('main')].find(w => w.content "
    "&& w.content.model) : null)"
)

STATE = (
    """(() => {
  const panel = """
    + PANEL
    + """;
  if (!panel || !panel.content || !panel.content.model) return null;
  const cells = [];
  for (const cell of panel.content.model.cells) {
    if (cell.type !== 'code') continue;
    const outputs = cell.outputs.toJSON();
    const errors = outputs.filter(o => o.output_type === 'error'
                                       || (o.output_type === 'stream' && o.name === 'stderr'));
    cells.push({count: cell.executionCount, tags: cell.getMetadata('tags') || [],
                errors: errors.length});
  }
  const outputs = '.jp-OutputArea-output';
  return {cells, busy: panel.sessionContext.session?.kernel?.status !== 'idle',
          widgets: document.querySelectorAll(outputs + ' .jupyter-widgets.widget-vbox').length,
          images: [...document.querySelectorAll(outputs + ' img')]
                    .map(i => (i.getAttribute('alt') || '').length),
          running: [...document.querySelectorAll('.jp-InputPrompt')]
                    .some(p => p.innerText.includes('*'))};
})()"""
)


def navigate(tools: DevTools, url: str) -> None:
    # After a key press the page has a user gesture, and a changed notebook would hold the page with
    # a
    # "Leave site?" dialog: the tests never save, so mark the notebooks unchanged first.
    tools.evaluate(
        "window.jupyterapp && [...window.jupyterapp.shell.widgets('main')]"
        ".forEach(w => { if (w.context) w.context.model.dirty = false; })"
    )
    tools.call("Page.navigate", url=url)


def open_notebook(tools: DevTools, port: int, path: str, reset: bool = True) -> None:
    """Open a JupyterLab address (``lab/tree/notebooks/…``) and wait until its notebook's kernel is
    ready.
    """
    navigate(tools, f"http://127.0.0.1:{port}/{path}" + ("?reset" if reset else ""))
    tools.wait_until(
        f"(() => {{ const p = {PANEL}; return !!(p && p.sessionContext && "
        "p.sessionContext.session &&"
        " p.sessionContext.session.kernel && p.sessionContext.session.kernel.status === 'idle'); "
        "})()"
    )


def run_all(tools: DevTools) -> None:
    """Start Run All Cells in the open notebook."""
    tools.evaluate(
        f"(() => {{ window.jupyterapp.shell.activateById({PANEL}.id);"
        " return window.jupyterapp.commands.execute('notebook:run-all-cells'); })()"
    )


def key(tools: DevTools, key: str, code: int) -> None:
    for kind in ("rawKeyDown", "keyUp"):
        tools.call(
            "Input.dispatchKeyEvent",
            type=kind,
            key=key,
            code=key,
            windowsVirtualKeyCode=code,
            nativeVirtualKeyCode=code,
        )
    if key == "Enter":
        tools.call(
            "Input.dispatchKeyEvent",
            type="char",
            text="\r",
            key=key,
            code=key,
            windowsVirtualKeyCode=code,
        )


def focus(tools: DevTools, element: str) -> None:
    """Wait for the element (a JavaScript expression), bring it into view and give it the keyboard
    focus.
    """
    tools.wait_until(f"!!({element})")
    tools.evaluate(
        f"(() => {{ const e = {element}; e.scrollIntoView({{block: 'center'}}); e.focus(); "
        "return true; })()"
    )


@contextlib.contextmanager
def browser_session(home: Path, root: Path):
    """JupyterLab serving ``root`` and Chromium on one page, with their settings and journal in
    ``home``.
    """
    settings = home / "settings"
    # Render every cell (no windowing) so the page can be checked. News and update checks are left
    # to the
    # settings the course installs (jupyter-config/), which test_browser.py checks in the page.
    (settings / "@jupyterlab" / "notebook-extension").mkdir(parents=True)
    (settings / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings").write_text(
        json.dumps({"windowingMode": "none"}), encoding="utf-8"
    )
    debug_port = free_port()
    env = {
        **os.environ,
        "JUPYTERLAB_SETTINGS_DIR": str(settings),
        "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
        "COURSE_WORK": str(home / "my-work"),
        "COURSE_CHECKPOINTS": str(home / "checkpoints"),
    }
    lab, lab_port = start_lab(root, env)
    chrome = subprocess.Popen(
        [
            BROWSER,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--window-size=1300,1000",
            f"--remote-debugging-port={debug_port}",
            f"--user-data-dir={home / 'chrome'}",
            "about:blank",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(f"http://127.0.0.1:{debug_port}/json/version")
        with urllib.request.urlopen(
            f"http://127.0.0.1:{debug_port}/json/list", timeout=10
        ) as response:
            page = next(t for t in json.load(response) if t["type"] == "page")
        tools = DevTools(page["webSocketDebuggerUrl"])
        tools.call("Page.enable")
        tools.work = home / "my-work"  # where the lessons' journal goes
        yield tools, lab_port
    finally:
        stop(chrome, lab)


AXE_IMPACTS = ("serious", "critical")


def axe_violations(tools: DevTools, include: list[str] | None = None) -> list[str]:
    """Serious and critical accessibility faults axe-core finds in the page, or in the parts
    ``include`` selects.

    axe-core comes from npm (tests/package.json); without npm the caller skips or fails, as for
    Chromium.
    """
    if not tools.evaluate("typeof window.axe === 'object'"):
        script = npm_tool("axe-core/axe.min.js")
        if script is None:
            raise RuntimeError(
                "axe-core is not installed and npm is missing: install Node.js and npm"
            )
        tools.evaluate(script.read_text(encoding="utf-8"))
    context = json.dumps({"include": [[selector] for selector in include]} if include else None)
    found = tools.evaluate(
        f"axe.run({context} || document, {{resultTypes: ['violations']}}).then(r => r.violations"
        ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' '))})))"
    )
    return [
        f"{v['id']} ({v['impact']}): {', '.join(v['nodes'][:3])}"
        for v in found
        if v["impact"] in AXE_IMPACTS
    ]


# What JupyterLab shows of a lesson's own content: its Markdown and the outputs of its cells (not
# JupyterLab's
# own editor, menus and panels, which the course does not make).
CONTENT = [
    ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-RenderedMarkdown",
    ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output",
]
TYPESET_MATHS = (
    "[...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) mjx-container, "
    ".jp-NotebookPanel:not(.lm-mod-hidden) .MathJax')].map(e => (e.closest('.jp-Cell') || "
    "e).innerText.slice(0, 80))"
)


def notebook_screenshots(
    tools: DevTools, folder: Path, stem: str, widths: tuple[int, ...] = (1280, 390)
) -> list[Path]:
    """Screenshots of the whole open notebook, screen by screen, at a desktop's and a phone's
    width."""
    import base64

    folder.mkdir(parents=True, exist_ok=True)
    scroller = (
        f"(() => {{ const p = {PANEL}; return p.content.node.closest('.jp-WindowedPanel-outer') || "
        "p.content.node.querySelector('.jp-WindowedPanel-outer') || p.content.node; })()"
    )
    shots = []
    try:
        for width in widths:
            tools.call(
                "Emulation.setDeviceMetricsOverride",
                width=width,
                height=900 if width > 600 else 844,
                deviceScaleFactor=1,
                mobile=width <= 600,
            )
            # A student on a phone closes the side panels to read; the file browser would fill the
            # screen.
            tools.evaluate(
                "(() => { const s = window.jupyterapp.shell; s.collapseLeft(); s.collapseRight(); "
                "return true; })()"
            )
            time.sleep(1)
            height = tools.evaluate(f"{scroller}.scrollHeight")
            step = tools.evaluate(f"{scroller}.clientHeight") or 800
            for number, top in enumerate(range(0, height, max(200, step - 60))):
                tools.evaluate(f"(() => {{ {scroller}.scrollTop = {top}; return true; }})()")
                time.sleep(0.3)
                path = folder / f"{stem}-{width}px-{number:02d}.png"
                path.write_bytes(
                    base64.b64decode(tools.call("Page.captureScreenshot", format="png")["data"])
                )
                shots.append(path)
    finally:
        tools.call("Emulation.clearDeviceMetricsOverride")
    return shots
