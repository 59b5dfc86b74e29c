"""The JupyterHub path, tried on this machine: the link from `python -m course hub-link`, opened in
Chromium on a
JupyterLab with nbgitpuller from the course's environment, pulling the student version from a git
server on loopback. A hub adds only its login in front of this.
"""

import json
import os

import pytest
from browser import PANEL, STATE, navigate, open_notebook, start_lab, stop
from hub import StudentRepository

pytestmark = pytest.mark.slow


def _run_all_without_errors(tools) -> None:
    """Run All in the open lesson, wait until every cell has run, and find no unexpected error."""
    tools.evaluate(
        f"(() => {{ window.jupyterapp.shell.activateById({PANEL}.id);"
        " return window.jupyterapp.commands.execute('notebook:run-all-cells'); })()"
    )
    state = tools.wait_until(
        f"(() => {{ const s = {STATE}; return s && !s.busy && !s.running &&"
        " s.cells.every(c => c.count !== null) ? s : null; })()",
        seconds=240,
    )
    assert all(c["errors"] == 0 or "raises-exception" in c["tags"] for c in state["cells"])


def test_the_hub_link_copies_the_student_version_home_and_keeps_the_students_changes(
    browser, tmp_path
):
    """The JupyterHub path on this machine: the `hub-link` link opened on a JupyterLab with
    nbgitpuller from this
    environment (a hub adds only its login in front), pulling the student version from a git server
    on loopback.
    """
    from course.authoring.links import nbgitpuller_link

    tools, _ = browser
    repository = StudentRepository(tmp_path)
    source, home = repository.source, tmp_path / "home"
    home.mkdir()
    # As on a hub: the course installed in the environment, found from the student's copy; no proxy
    # for loopback.
    env = {
        key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "COURSE_WORK")
    }
    env.update(HOME=str(home), NO_PROXY="127.0.0.1,localhost", no_proxy="127.0.0.1,localhost")
    lab, port = start_lab(home, env)
    try:
        link = nbgitpuller_link(f"http://127.0.0.1:{port}", repository.url)
        path = link.split("/hub/user-redirect/", 1)[1]
        try:
            open_notebook(tools, port, path, reset=False)
        except TimeoutError:
            print(
                "PAGE:",
                tools.evaluate("location.href"),
                tools.evaluate("document.body.innerText")[:3000],
            )
            raise
        assert (
            tools.evaluate(f"{PANEL}.context.path")
            == "student-version/notebooks/00_start_here.ipynb"
        )
        _run_all_without_errors(tools)

        copy = home / "student-version"
        lesson = copy / "notebooks" / "01_meet_the_sources.ipynb"
        mine = json.loads(lesson.read_text(encoding="utf-8"))
        mine["cells"].append(
            {
                "cell_type": "markdown",
                "id": "student-note",
                "metadata": {},
                "source": "My own note.",
            }
        )
        lesson.write_text(json.dumps(mine, indent=1), encoding="utf-8")
        (copy / "my-work").mkdir(exist_ok=True)
        (copy / "my-work" / "notes.md").write_text("My notes.", encoding="utf-8")
        (source / "GLOSSARY.md").write_text(
            (source / "GLOSSARY.md").read_text(encoding="utf-8") + "\nAn update.\n",
            encoding="utf-8",
        )
        theirs = json.loads((source / lesson.relative_to(copy)).read_text(encoding="utf-8"))
        theirs["cells"][0]["source"] = "".join(theirs["cells"][0]["source"]) + "\n\nAn update."
        (source / lesson.relative_to(copy)).write_text(
            json.dumps(theirs, indent=1), encoding="utf-8"
        )
        repository.publish("An update")

        open_notebook(tools, port, path, reset=False)
        assert (copy / "GLOSSARY.md").read_text(encoding="utf-8").endswith("An update.\n")
        assert "My own note." in lesson.read_text(encoding="utf-8"), (
            "the student's change was overwritten"
        )
        assert (copy / "my-work" / "notes.md").read_text(encoding="utf-8") == "My notes."
    finally:
        repository.close()
        stop(lab)


def test_a_real_hub_a_student_logs_in_pulls_runs_saves_and_keeps_work_through_an_update(
    browser, tmp_path
):
    """JupyterHub from the course's environment, its proxy from npm, on loopback: the administrator
    installs the course's own kernel beside the hub's (`python -m course kernel`, run with the
    Python of a separate environment); a student logs in through the hub's login page, follows the
    `hub-link` link (nbgitpuller), runs lesson 00 in the course's kernel and saves an answer with
    the Save button; the instructor publishes an update; the student's next click on the link
    brings it and keeps the answer."""
    import subprocess
    import urllib.request

    import psutil
    from hub import PASSWORD, course_environment, hub_environment, proxy_command, start_hub

    from course.authoring.links import nbgitpuller_link

    if proxy_command() is None:
        message = "no npm on this machine to install configurable-http-proxy (JupyterHub's proxy)"
        if os.environ.get("COURSE_REQUIRE_BROWSER") == "1":
            pytest.fail(f"COURSE_REQUIRE_BROWSER=1 but {message}")
        pytest.skip(message)
    tools, _ = browser
    repository = StudentRepository(tmp_path)
    source = repository.source
    # The hub's own environment stays as it is: the kernel goes into a folder its JupyterLab reads
    # (on TLJH, /opt/tljh/user; here a folder named by JUPYTER_PATH), and runs another Python.
    python = course_environment(tmp_path / "course-env")
    prefix = tmp_path / "hub-prefix"
    prefix.mkdir()
    subprocess.run(
        [str(python), "-m", "course", "kernel", "--prefix", str(prefix)],
        check=True,
        capture_output=True,
    )
    hub = start_hub(
        tmp_path / "hub",
        hub_environment(),
        f"c.Spawner.environment['JUPYTER_PATH'] = {str(prefix / 'share' / 'jupyter')!r}",
    )
    copy = hub.homes / "alice" / "student-version"
    link = nbgitpuller_link(hub.url, repository.url)
    ready = (
        f"(() => {{ const p = {PANEL}; return !!(p && p.sessionContext && "
        "p.sessionContext.session && p.sessionContext.session.kernel && "
        "p.sessionContext.session.kernel.status === 'idle'); })()"
    )
    try:
        tools.call("Page.navigate", url=link)
        tools.wait_until("!!document.querySelector('#username_input')")
        tools.evaluate(
            "(() => { document.querySelector('#username_input').value = 'alice';"
            f" document.querySelector('#password_input').value = {json.dumps(PASSWORD)};"
            " document.querySelector('#login_submit').closest('form').submit(); return true; })()"
        )
        tools.wait_until(ready, seconds=240)
        assert tools.evaluate(f"{PANEL}.context.path") == (
            "student-version/notebooks/00_start_here.ipynb"
        )
        assert "/user/alice/" in tools.evaluate("location.href")
        _run_all_without_errors(tools)
        # The lesson ran in the course's kernel, with the course's Python; the hub's own Python
        # kernel is still there, unchanged.
        token = hub.api("POST", "/users/alice/tokens", {"note": "kernel check"})["token"]

        def server(path: str):
            request = urllib.request.Request(
                f"{hub.url}/user/alice/api/{path}", headers={"Authorization": f"token {token}"}
            )
            with urllib.request.urlopen(request, timeout=60) as answer:
                return json.loads(answer.read())

        assert [s["kernel"]["name"] for s in server("sessions")] == ["china-russia-course"]
        specs = server("kernelspecs")["kernelspecs"]
        assert specs["china-russia-course"]["spec"]["argv"][0] == str(python)
        assert specs["python3"]["spec"]["argv"][0] != str(python)
        assert any(
            (p.info["cmdline"] or [""])[0] == str(python)
            and "ipykernel_launcher" in p.info["cmdline"]
            for p in psutil.process_iter(["cmdline"])
        )
        # The answer box of lesson 00: type, press Save, and wait for the word.
        tools.evaluate(
            "(() => { const box = document.querySelector('.jp-OutputArea-output textarea');"
            " box.value = 'Alice, on the hub.';"
            " box.dispatchEvent(new Event('input', {bubbles: true}));"
            " box.dispatchEvent(new Event('change', {bubbles: true}));"
            " const save = [...document.querySelectorAll('.jp-OutputArea-output button')]"
            ".find(b => b.innerText.trim() === 'Save'); save.click(); return true; })()"
        )
        tools.wait_until(
            "[...document.querySelectorAll('[role=status]')]"
            ".some(s => s.innerText.includes('Saved your answer'))",
            seconds=60,
        )
        journal = copy / "my-work" / "journal.json"
        saved = json.loads(journal.read_text(encoding="utf-8"))
        assert saved["answers"]["00 name"]["text"] == "Alice, on the hub."

        # The instructor publishes an update; the student clicks the same link again.
        (source / "GLOSSARY.md").write_text(
            (source / "GLOSSARY.md").read_text(encoding="utf-8") + "\nAn update.\n",
            encoding="utf-8",
        )
        repository.publish("An update")
        navigate(tools, link)
        tools.wait_until(ready, seconds=240)
        assert (copy / "GLOSSARY.md").read_text(encoding="utf-8").endswith("An update.\n")
        again = json.loads(journal.read_text(encoding="utf-8"))
        assert again["answers"]["00 name"]["text"] == "Alice, on the hub."
    except Exception:
        print((tmp_path / "hub" / "hub.log").read_text(errors="replace")[-4000:])
        raise
    finally:
        repository.close()
        hub.stop()
