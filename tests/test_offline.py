"""Offline: every lesson runs with the network blocked for its kernel (only loopback, which Jupyter
itself uses).
"""

import json
import subprocess
import sys

from course.paths import project_folder

BLOCKER = """
import ipaddress, socket
_connect = socket.socket.connect

def _guarded(self, address):
    host = address[0] if isinstance(address, tuple) else None
    if host is not None:
        try:
            if not ipaddress.ip_address(host).is_loopback:
                raise OSError("network blocked for this test: " + str(host))
        except ValueError:
            if host not in ("localhost",):
                raise OSError("network blocked for this test: " + str(host))
    return _connect(self, address)

socket.socket.connect = _guarded
"""

PROBE = {
    "cells": [
        {
            "cell_type": "code",
            "id": "probe",
            "metadata": {},
            "execution_count": None,
            "outputs": [],
            "source": "import socket\ntry:\n    socket.create_connection(('93.184.216.34', 80), "
            "timeout=5)\n"
            "    raise SystemExit('the network is NOT blocked in the kernel')\n"
            "except OSError as error:\n    assert 'network blocked' in str(error), error\n",
        }
    ],
    "metadata": {
        "kernelspec": {
            "display_name": "Python 3 (ipykernel)",
            "language": "python",
            "name": "python3",
        }
    },
    "nbformat": 4,
    "nbformat_minor": 5,
}


def test_every_lesson_runs_with_the_network_blocked(tmp_path):
    blocker = tmp_path / "blocker"
    blocker.mkdir()
    (blocker / "sitecustomize.py").write_text(BLOCKER, encoding="utf-8")
    probe = tmp_path / "probe.ipynb"
    probe.write_text(json.dumps(PROBE), encoding="utf-8")
    import os

    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(blocker), os.environ.get("PYTHONPATH", "")]).rstrip(
            os.pathsep
        ),
    }
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "--nbval-lax",
            "--nbval-current-env",
            "--nbval-cell-timeout=120",
            str(probe),
            str(project_folder() / "notebooks"),
        ],
        cwd=project_folder(),
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    summary = result.stdout.strip().splitlines()[-1]
    assert result.returncode == 0, result.stdout[-3000:]
    assert " passed" in summary and "failed" not in summary, summary
