"""Load benchmark: a class on a real JupyterHub on this machine.

    python tests/benchmark_hub.py --students 40 [--think 5] [--lessons 00 01 02 03]

N simulated students log in together (the hub's REST API), pull the course (nbgitpuller's API),
open lessons 00 to 03 one after the other (a kernel per lesson, the previous one shut down, as
kernel culling would) and execute every code cell through the Jupyter server's kernel websocket,
pausing ``--think`` seconds on average between cells (0: everyone presses Run All at once). At the
end they all save answers in their journals at the same moment. One more user, the baseline, runs
a kernel that only imports pandas, matplotlib and ipywidgets.

Reported: p50 and p95 time from login (all at once) to the first executed cell; p50 and p95 cell
latency; peak and steady memory per student (single-user server plus kernel) as unique memory
(USS, what one more student adds) and resident memory (RSS, what a container of its own holds),
against the baseline; CPU-seconds per student per lesson (lesson 00's includes the server's
start); failures; answers lost (acknowledged as saved, then missing: must be 0).
Results go to build/benchmark-hub-N-thinkT.json. Not a test: nothing here is timed by pytest.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import random
import select
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from pathlib import Path

TESTS = Path(__file__).resolve().parent
sys.path.insert(0, str(TESTS))
sys.path.insert(0, str(TESTS.parent))

from hub import StudentRepository, hub_environment, start_hub  # noqa: E402

BASELINE_CODE = "import pandas, matplotlib, ipywidgets"


def _percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def _http(method: str, url: str, token: str, body: dict | None = None, timeout: float = 300):
    request = urllib.request.Request(
        url,
        method=method,
        data=json.dumps(body).encode() if body is not None else None,
        headers={"Authorization": f"token {token}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=timeout) as answer:
        text = answer.read().decode()
    return json.loads(text) if text.strip().startswith(("{", "[")) else text


class Student(threading.Thread):
    """One student: log in, pull, open each lesson, run its cells, save answers at the end."""

    def __init__(self, name, hub, repository, lessons, think, start_gate, save_gate, code=None):
        super().__init__(daemon=True)
        self.name, self.hub, self.repository = name, hub, repository
        self.lessons, self.think, self.code = lessons, think, code
        self.start_gate, self.save_gate = start_gate, save_gate
        self.latencies: list[float] = []
        self.first_cell: float | None = None
        self.failures: list[str] = []
        self.cpu: dict[str, float] = {}
        self.kernel_pid: int | None = None
        self.server_pid: int | None = None
        self.saved: list[str] = []
        self.arrived = False
        self.working = False  # True once a lesson has run: memory samples count from then
        self.server_cpu = 0.0
        self.samples: list[tuple[int, int]] = []
        self.where = "logging in"
        self.random = random.Random(name)

    # -- the kernel, over its websocket ------------------------------------------------------
    def _execute(self, socket, code: str, timeout: float = 300) -> tuple[float, bool]:
        message_id = uuid.uuid4().hex
        socket.send(
            json.dumps(
                {
                    "header": {
                        "msg_id": message_id,
                        "msg_type": "execute_request",
                        "username": self.name,
                        "session": self.session_id,
                        "version": "5.3",
                    },
                    "parent_header": {},
                    "metadata": {},
                    "content": {
                        "code": code,
                        "silent": False,
                        "store_history": True,
                        "user_expressions": {},
                        "allow_stdin": False,
                    },
                    "channel": "shell",
                }
            )
        )
        start = time.perf_counter()
        error, replied, idle = False, False, False
        while not (replied and idle):
            if time.perf_counter() - start > timeout:
                raise TimeoutError(f"a cell took over {timeout} s")
            raw = socket.recv()
            if not raw:  # a control frame (the server's keep-alive ping): nothing to read
                continue
            message = json.loads(raw)
            if message.get("parent_header", {}).get("msg_id") != message_id:
                continue
            kind = message["header"]["msg_type"]
            if kind == "execute_reply":
                replied = True
                error = message["content"].get("status") == "error"
            elif kind == "status" and message["content"].get("execution_state") == "idle":
                idle = True
            elif kind == "error":
                error = True
        return time.perf_counter() - start, error

    def _read_for(self, socket, seconds: float) -> None:
        """A student reading: the page stays connected. A browser answers the server's
        keep-alive pings by itself; websocket-client answers them only while it reads."""
        # Wait on the socket itself and read only whole messages: a read that times out half-way
        # through a frame leaves websocket-client out of step with the stream.
        end = time.perf_counter() + seconds
        while (left := end - time.perf_counter()) > 0:
            readable, _, _ = select.select([socket.sock], [], [], min(left, 1.0))
            if readable:
                # One frame: a ping (answered by the library) or a late message, dropped.
                socket.recv_data_frame(control_frame=True)

    def _open(self, path: str):
        import websocket

        base = f"{self.hub.url}/user/{self.name}/api"
        session = _http(
            "POST",
            f"{base}/sessions",
            self.token,
            {"path": path, "type": "notebook", "name": path, "kernel": {"name": "python3"}},
        )
        kernel = session["kernel"]["id"]
        socket = websocket.create_connection(
            f"{self.hub.url.replace('http', 'ws')}/user/{self.name}/api/kernels/{kernel}/channels",
            # In a header: JupyterHub does not accept tokens in URLs.
            header=[f"Authorization: token {self.token}"],
            timeout=300,
            suppress_origin=True,
        )
        self.session_id = uuid.uuid4().hex
        return session["id"], kernel, socket

    def _close(self, session: str) -> None:
        _http("DELETE", f"{self.hub.url}/user/{self.name}/api/sessions/{session}", self.token)

    def run(self) -> None:
        import nbformat

        try:
            self.start_gate.wait()
            login = time.perf_counter()
            self.token = self.hub.start_server(self.name, seconds=600)
            self.where = "pulling the course"
            pulled = _http(
                "GET",
                f"{self.hub.url}/user/{self.name}/git-pull/api?repo="
                + urllib.request.quote(self.repository.url, safe="")
                + "&branch=main&targetpath=student-version",
                self.token,
                timeout=600,
            )
            if "finished" not in str(pulled):
                self.failures.append(f"pull: {str(pulled)[-300:]}")
                return
            if self.code is not None:  # the baseline: one kernel that imports the libraries
                session, _, socket = self._open("student-version/notebooks/baseline.ipynb")
                self._execute(socket, self.code)
                self.first_cell = time.perf_counter() - login
                self.session = session
                self.arrived = True
                self.save_gate.wait()
                return
            for lesson in self.lessons:
                path = next(
                    p for p in (self.repository.source / "notebooks").glob(f"{lesson}_*.ipynb")
                )
                notebook = nbformat.read(path, as_version=4)
                self.where = f"opening lesson {lesson}"
                session, kernel, socket = self._open(f"student-version/notebooks/{path.name}")
                for number, cell in enumerate(notebook.cells):
                    if cell.cell_type != "code":
                        continue
                    self.where = f"lesson {lesson}, cell {number}"
                    if self.think and self.first_cell is not None:
                        self._read_for(socket, self.random.uniform(0, 2 * self.think))
                    took, error = self._execute(socket, cell.source)
                    self.latencies.append(took)
                    if self.first_cell is None:
                        self.first_cell = time.perf_counter() - login
                    if error and "raises-exception" not in cell.metadata.get("tags", []):
                        self.failures.append(f"{path.name}: {cell.source[:60]!r} raised")
                # The lesson's kernel is alive until now (the one before was shut down), so its
                # CPU time is the lesson's; the server's counts by difference.
                server, kernels = measure_cpu(self.name)
                self.cpu[lesson] = kernels + server - self.server_cpu
                self.server_cpu = server
                self.working = True
                socket.close()
                self._close(session)
            # Everyone saves at the same moment: one notebook of each student, ten answers. The
            # kernel is opened after the wait: an open websocket that nobody reads stops answering
            # the server's keep-alive pings, and the server closes it.
            self.arrived = True
            self.save_gate.wait()
            self.where = "saving answers"
            session, kernel, socket = self._open("student-version/notebooks/00_start_here.ipynb")
            for number in range(10):
                question = f"load {number:02d}"
                _, error = self._execute(
                    socket,
                    f"from course import write_answer\n"
                    f"write_answer({question!r}, 'Answer {number} of {self.name}.')",
                )
                # Only an answer the course said it saved can be lost; one it refused is a failure.
                if error:
                    self.failures.append(f"saving {question} raised")
                else:
                    self.saved.append(question)
            self.session = session
        except Exception as error:  # a benchmark reports failures, it does not stop at one
            self.failures.append(f"{self.where}: {type(error).__name__}: {error}")
            if not self.arrived:  # still arrive, so that the others' saves go ahead
                with contextlib.suppress(threading.BrokenBarrierError):
                    self.save_gate.wait()


# -- processes -----------------------------------------------------------------------------------

_HOMES: Path | None = None


def _processes(name: str):
    """The user's single-user server and its kernels (the server runs in the user's home)."""
    import psutil

    found = []
    for process in psutil.process_iter(["cmdline", "cwd"]):
        try:
            if "jupyterhub-singleuser" in " ".join(process.info["cmdline"] or []) and (
                process.info["cwd"] == str(_HOMES / name)
            ):
                found.append(process)
                found += process.children(recursive=True)
        except Exception:
            continue
    return found


def measure_memory(name: str) -> tuple[int, int]:
    """The user's server and kernels: unique memory (USS, what one more student adds on a shared
    machine) and resident memory (RSS, closer to what a container of its own would hold)."""
    uss = rss = 0
    for process in _processes(name):
        with contextlib.suppress(Exception):
            info = process.memory_full_info()
            uss += info.uss
            rss += info.rss
    return uss, rss


def measure_cpu(name: str) -> tuple[float, float]:
    """CPU-seconds so far of the user's server, and of its kernels."""
    server = kernels = 0.0
    for process in _processes(name):
        with contextlib.suppress(Exception):
            times = process.cpu_times()
            used = times.user + times.system
            if "jupyterhub-singleuser" in " ".join(process.cmdline()):
                server += used
            else:
                kernels += used
    return server, kernels


def sample_memory(students: list[Student], stop: threading.Event, every: float = 3.0) -> None:
    """Sample each working student's memory (server and kernels, USS) until ``stop``."""
    while not stop.wait(every):
        for student in students:
            if student.working or student.first_cell is not None:
                student.samples.append(measure_memory(student.name))


def run(students: int, lessons: list[str], think: float) -> dict:
    global _HOMES
    work = Path(tempfile.mkdtemp(prefix="course-hub-bench-"))
    repository = StudentRepository(work)
    hub = start_hub(
        work / "hub",
        hub_environment(),
        extra_config="c.JupyterHub.concurrent_spawn_limit = 200\n"
        "c.JupyterHub.active_server_limit = 0\n",
    )
    _HOMES = hub.homes
    start_gate = threading.Barrier(students + 1)
    save_gate = threading.Barrier(students + 1)
    class_ = [
        Student(f"student{i:02d}", hub, repository, lessons, think, start_gate, save_gate)
        for i in range(students)
    ]
    baseline = Student(
        "baseline",
        hub,
        repository,
        [],
        0,
        threading.Barrier(1),
        threading.Barrier(1),
        code=BASELINE_CODE,
    )
    began = time.perf_counter()
    try:
        baseline.start()
        baseline.join()
        stop_sampling = threading.Event()
        sampler = threading.Thread(target=sample_memory, args=(class_, stop_sampling), daemon=True)
        sampler.start()
        for student in class_:
            student.start()
        start_gate.wait()
        with contextlib.suppress(threading.BrokenBarrierError):
            save_gate.wait(timeout=7200)
        for student in class_:
            student.join(timeout=600)
        wall = time.perf_counter() - began
        stop_sampling.set()
        sampler.join()
        base_uss, base_rss = measure_memory("baseline")
        lost = unsaved = 0
        for student in class_:
            journal = hub.homes / student.name / "student-version" / "my-work" / "journal.json"
            try:
                answers = json.loads(journal.read_text(encoding="utf-8"))["answers"]
            except Exception:
                answers = {}
            lost += sum(1 for question in student.saved if question not in answers)
            unsaved += 10 - len(student.saved)
    finally:
        hub.stop()
        repository.close()
    latencies = [x for s in class_ for x in s.latencies]
    firsts = [s.first_cell for s in class_ if s.first_cell is not None]
    cpu_per_lesson = {
        lesson: statistics.mean(s.cpu[lesson] for s in class_ if lesson in s.cpu)
        for lesson in lessons
        if any(lesson in s.cpu for s in class_)
    }
    peaks = [max(u for u, _ in s.samples) for s in class_ if s.samples]
    steady = [statistics.median(u for u, _ in s.samples) for s in class_ if s.samples]
    peaks_rss = [max(r for _, r in s.samples) for s in class_ if s.samples]
    steady_rss = [statistics.median(r for _, r in s.samples) for s in class_ if s.samples]
    mib = 1024 * 1024
    return {
        "students": students,
        "lessons": lessons,
        "think_seconds": think,
        "wall_seconds": round(wall, 1),
        "login_to_first_cell_p50": round(_percentile(firsts, 0.5), 2),
        "login_to_first_cell_p95": round(_percentile(firsts, 0.95), 2),
        "cell_latency_p50": round(_percentile(latencies, 0.5), 3),
        "cell_latency_p95": round(_percentile(latencies, 0.95), 3),
        "cells_executed": len(latencies),
        "peak_mib_per_student_max": round(max(peaks, default=0) / mib),
        "peak_mib_per_student_mean": round(statistics.mean(peaks) / mib) if peaks else None,
        "steady_mib_per_student_mean": round(statistics.mean(steady) / mib) if steady else None,
        "baseline_mib": round(base_uss / mib),
        "steady_ratio_to_baseline": round(statistics.mean(steady) / base_uss, 2)
        if base_uss and steady
        else None,
        "peak_ratio_to_baseline": round(max(peaks) / base_uss, 2) if base_uss and peaks else None,
        "memory_samples": sum(len(s.samples) for s in class_),
        "rss_peak_mib_per_student_max": round(max(peaks_rss, default=0) / mib),
        "rss_steady_mib_per_student_mean": round(statistics.mean(steady_rss) / mib)
        if steady_rss
        else None,
        "rss_baseline_mib": round(base_rss / mib),
        "cpu_seconds_per_student_per_lesson": {k: round(v, 2) for k, v in cpu_per_lesson.items()},
        "failures": [f"{s.name}: {f}" for s in class_ for f in s.failures]
        + [f"baseline: {f}" for f in baseline.failures],
        "answers_lost": lost,
        "answers_not_saved_because_of_a_failure": unsaved,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=40)
    parser.add_argument("--think", type=float, default=5.0, help="mean seconds between cells")
    parser.add_argument("--lessons", nargs="+", default=["00", "01", "02", "03"])
    args = parser.parse_args()
    result = run(args.students, args.lessons, args.think)
    out = TESTS.parent / "build" / f"benchmark-hub-{args.students}-think{args.think:g}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in result.items() if k != "failures"}, indent=1))
    print(f"failures: {len(result['failures'])}")
    for failure in result["failures"][:20]:
        print("  ", failure)
    print(f"written to {out}")


if __name__ == "__main__":
    main()
