"""A real JupyterHub on loopback, for the hub test and the load benchmark.

JupyterHub comes from the course's environment (requirements.txt); its proxy,
configurable-http-proxy, from npm (tests/package.json). Students log in with the dummy
authenticator (any name, one shared password) and get a single-user server started by the local
process spawner, each with a home folder of its own under the hub's folder: the hub an instructor
runs has a real authenticator and containers instead, and serves the same single-user servers.
A service token with admin rights lets a test or the benchmark drive the hub through its REST API.
"""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from browser import free_port, npm_tool, stop, wait_for

PASSWORD = "course-test"
_BIN = Path(sys.executable).parent


def proxy_command() -> Path | None:
    """configurable-http-proxy from npm, installed on first use; None without npm."""
    return npm_tool(".bin/configurable-http-proxy")


@dataclass
class Hub:
    """A running hub: where it answers, its service token, and where the students' homes are."""

    process: subprocess.Popen
    url: str
    token: str
    homes: Path

    def api(self, method: str, path: str, body: dict | None = None, timeout: float = 120):
        """Call the hub's REST API as the test's service (JSON in and out)."""
        request = urllib.request.Request(
            f"{self.url}/hub/api{path}",
            method=method,
            data=json.dumps(body).encode() if body is not None else None,
            headers={"Authorization": f"token {self.token}", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            text = answer.read().decode()
        return json.loads(text) if text.strip() else None

    def start_server(self, name: str, seconds: float = 180) -> str:
        """Create a user, start their server, wait until it is ready; return a token of theirs."""
        try:
            self.api("POST", f"/users/{name}")
        except urllib.error.HTTPError as error:
            if error.code != 409:  # 409: the user exists already
                raise
        try:
            self.api("POST", f"/users/{name}/server")
        except urllib.error.HTTPError as error:
            if error.code != 400:  # 400: already running
                raise
        deadline = time.time() + seconds
        while time.time() < deadline:
            user = self.api("GET", f"/users/{name}")
            server = (user.get("servers") or {}).get("", {})
            if server.get("ready"):
                break
            time.sleep(0.5)
        else:
            raise TimeoutError(f"the server of {name} was not ready within {seconds} s")
        return self.api("POST", f"/users/{name}/tokens", {"note": "course test"})["token"]

    def stop(self) -> None:
        stop(self.process)


def start_hub(root: Path, env: dict[str, str], extra_config: str = "") -> Hub:
    """Start JupyterHub in ``root`` (its database, secrets, config and the students' homes)."""
    proxy = proxy_command()
    if proxy is None:
        raise RuntimeError("configurable-http-proxy is not installed and npm is missing")
    root.mkdir(parents=True, exist_ok=True)
    homes = root / "homes"
    homes.mkdir(exist_ok=True)
    port, hub_port, proxy_port = free_port(), free_port(), free_port()
    token = secrets.token_hex(24)
    config = root / "jupyterhub_config.py"
    config.write_text(
        f"""
c = get_config()  # noqa
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = {port}
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {hub_port}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{proxy_port}"
c.ConfigurableHTTPProxy.command = [{str(proxy)!r}]
c.ConfigurableHTTPProxy.pid_file = {str(root / "proxy.pid")!r}
c.JupyterHub.db_url = "sqlite:///" + {str(root / "hub.sqlite")!r}
c.JupyterHub.cookie_secret_file = {str(root / "cookie_secret")!r}
c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = {PASSWORD!r}
c.Authenticator.allow_all = True
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = {str(homes)!r} + "/{{username}}"
c.Spawner.cmd = [{str(_BIN / "jupyterhub-singleuser")!r}]
# As root (in CI containers) the server refuses to start without --allow-root; the app object is
# exposed so that the browser test can read the notebook's state.
c.Spawner.args = ["--allow-root", "--LabApp.expose_app_in_browser=True"]
c.Spawner.default_url = "/lab"
c.Spawner.start_timeout = 180
c.Spawner.http_timeout = 180
c.Spawner.environment = {{"NO_PROXY": "127.0.0.1,localhost", "no_proxy": "127.0.0.1,localhost"}}
c.JupyterHub.services = [{{"name": "course-test", "api_token": {token!r}}}]
c.JupyterHub.load_roles = [{{
    "name": "course-test",
    "scopes": ["admin:users", "admin:servers", "tokens", "access:servers", "read:users"],
    "services": ["course-test"],
}}]
c.JupyterHub.log_level = "WARN"
{extra_config}
""",
        encoding="utf-8",
    )
    process = subprocess.Popen(
        [str(_BIN / "jupyterhub"), "-f", str(config)],
        cwd=root,
        env=env,
        stdout=(root / "hub.log").open("wb"),
        stderr=subprocess.STDOUT,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/hub/api", seconds=90)
    except TimeoutError:
        stop(process)
        raise RuntimeError(
            "JupyterHub did not start:\n" + (root / "hub.log").read_text(errors="replace")[-3000:]
        ) from None
    return Hub(process, f"http://127.0.0.1:{port}", token, homes)


def hub_environment() -> dict[str, str]:
    """The environment a hub runs in: the course as installed (no working-copy path), no
    journal folder of the tests, no proxy for loopback."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("PYTHONPATH", "COURSE_WORK", "JUPYTERHUB_API_TOKEN")
    }
    env.update(
        PATH=f"{_BIN}{os.pathsep}{env.get('PATH', '')}",
        NO_PROXY="127.0.0.1,localhost",
        no_proxy="127.0.0.1,localhost",
    )
    return env


def course_environment(folder: Path) -> Path:
    """An environment of the course's own, apart from the one the hub runs in, as an administrator
    makes it (README: "On the hub"); return its Python. To save a second install, its packages are
    this environment's, found through a .pth file: what matters is that its Python is another."""
    import sysconfig

    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(folder)], check=True)
    packages = Path(sysconfig.get_path("purelib", vars={"base": str(folder)}))
    packages.mkdir(parents=True, exist_ok=True)
    (packages / "course-packages.pth").write_text(
        sysconfig.get_path("purelib") + "\n", encoding="utf-8"
    )
    return folder / "bin" / "python"


class _GitOverHttp(BaseHTTPRequestHandler):
    """Serves the git repositories in ``root`` the way GitHub does (git's smart HTTP), through `git
    http-backend`."""

    root = ""

    def _backend(self) -> None:
        path, _, query = self.path.partition("?")
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        env = {
            **os.environ,
            "GIT_PROJECT_ROOT": self.root,
            "GIT_HTTP_EXPORT_ALL": "1",
            "PATH_INFO": path,
            "QUERY_STRING": query,
            "REQUEST_METHOD": self.command,
            "CONTENT_TYPE": self.headers.get("Content-Type", ""),
            "CONTENT_LENGTH": str(len(body)),
            "GIT_PROTOCOL": self.headers.get("Git-Protocol", ""),
            "REMOTE_ADDR": "127.0.0.1",
        }
        output = subprocess.run(
            ["git", "http-backend"], input=body, env=env, capture_output=True
        ).stdout
        head, _, content = output.partition(b"\r\n\r\n")
        headers = [line.split(":", 1) for line in head.decode().split("\r\n") if ":" in line]
        status = next(
            (int(value.split()[0]) for name, value in headers if name.lower() == "status"), 200
        )
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


class StudentRepository:
    """The student version in a git repository, served over HTTP on loopback as GitHub would
    serve it, for nbgitpuller to pull; ``publish`` commits and pushes an instructor's update."""

    def __init__(self, folder: Path) -> None:
        from course.authoring.release import release

        self.source = folder / "student-version"
        self.bare = folder / "served" / "student-version.git"
        release(self.source)
        self.git("init", "-q", "-b", "main")
        self.git("add", "-A")
        self.git("commit", "-qm", "Student version")
        self.git("clone", "-q", "--bare", str(self.source), str(self.bare), cwd=folder)
        self.server = ThreadingHTTPServer(
            ("127.0.0.1", 0), type("Served", (_GitOverHttp,), {"root": str(self.bare.parent)})
        )
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_port}/student-version.git"

    def git(self, *args: str, cwd: Path | None = None) -> None:
        subprocess.run(
            ["git", "-c", "user.name=Instructor", "-c", "user.email=instructor@example.edu", *args],
            cwd=cwd or self.source,
            check=True,
            capture_output=True,
        )

    def publish(self, message: str) -> None:
        self.git("commit", "-qam", message)
        self.git("push", "-q", str(self.bare), "main")

    def close(self) -> None:
        self.server.shutdown()
