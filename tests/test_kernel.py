"""The course's own kernel (`python -m course kernel`): installed beside a hub's kernels, it runs
the lessons in the course's environment, reads texts handed out privately, and never touches a
kernel it did not write. On the real hub: tests/test_hub.py."""

import json
import subprocess
import sys

import pytest

from course.errors import CourseError
from course.kernel import KERNEL_NAME, install_kernel, remove_kernel
from course.paths import project_folder
from course.text.sources import load_source


def _course(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "course", *args], capture_output=True, text=True, timeout=120
    )


def test_the_command_installs_a_kernelspec_that_runs_this_python(tmp_path):
    hub = tmp_path / "hub"
    hub.mkdir()
    done = _course("kernel", "--prefix", str(hub))
    assert done.returncode == 0, done.stderr
    spec_file = hub / "share" / "jupyter" / "kernels" / KERNEL_NAME / "kernel.json"
    spec = json.loads(spec_file.read_text(encoding="utf-8"))
    assert spec["argv"][:3] == [sys.executable, "-m", "ipykernel_launcher"]
    assert spec["language"] == "python" and "env" not in spec
    assert str(spec_file.parent) in done.stdout
    # Jupyter finds it where a hub's JupyterLab looks, beside the server's own Python kernel.
    from jupyter_client.kernelspec import KernelSpecManager

    found = KernelSpecManager(kernel_dirs=[str(spec_file.parent.parent)]).find_kernel_specs()
    assert sorted(found) == [KERNEL_NAME, "python3"]


def test_the_kernelspec_pip_installs_is_the_one_the_command_writes_with_the_servers_python(
    tmp_path,
):
    """On a laptop or Binder the spec comes with `pip install` (pyproject.toml); Jupyter runs
    "python" as its own Python, which is the course's environment there."""
    shipped = json.loads(
        (project_folder() / "jupyter-config" / "kernel" / "kernel.json").read_text(encoding="utf-8")
    )
    made = install_kernel(str(tmp_path))
    written = json.loads((made.folder / "kernel.json").read_text(encoding="utf-8"))
    assert shipped == {**written, "argv": ["python", *written["argv"][1:]]}


def test_installing_again_replaces_only_its_own_files_and_remove_takes_only_them(tmp_path):
    install_kernel(str(tmp_path))
    folder = tmp_path / "share" / "jupyter" / "kernels" / KERNEL_NAME
    (folder / "admins-note.txt").write_text("mine", encoding="utf-8")
    install_kernel(str(tmp_path))
    remove_kernel(str(tmp_path))
    assert [p.name for p in folder.iterdir()] == ["admins-note.txt"]


def test_a_kernel_of_the_same_name_it_did_not_write_is_left_alone(tmp_path):
    folder = tmp_path / "share" / "jupyter" / "kernels" / KERNEL_NAME
    folder.mkdir(parents=True)
    theirs = '{"argv": ["python"], "display_name": "Someone else", "language": "python"}'
    (folder / "kernel.json").write_text(theirs, encoding="utf-8")
    for command in (
        ["kernel", "--prefix", str(tmp_path)],
        ["kernel", "--prefix", str(tmp_path), "--remove"],
    ):
        done = _course(*command)
        assert done.returncode == 2 and "did not install" in done.stderr
        assert "Traceback" not in done.stderr
    assert (folder / "kernel.json").read_text(encoding="utf-8") == theirs


@pytest.mark.parametrize(
    "arguments, words",
    [
        ([], "Say where to install"),
        (["--prefix", "/no/such/hub"], "There is no folder"),
        (["--prefix", "{tmp}", "--texts", "{tmp}"], "does not hold the text file"),
        (["--prefix", "{tmp}", "--remove"], "nothing to remove"),
    ],
)
def test_mistakes_get_a_message_in_words(tmp_path, arguments, words):
    done = _course("kernel", *(a.replace("{tmp}", str(tmp_path)) for a in arguments))
    assert done.returncode == 2
    assert words in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "share" / "jupyter" / "kernels" / KERNEL_NAME).exists()


def test_a_changed_text_is_refused(tmp_path):
    texts = tmp_path / "texts"
    texts.mkdir()
    for path in (project_folder() / "seeds").glob("*.txt"):
        (texts / path.name).write_bytes(path.read_bytes() + b" ")
    with pytest.raises(CourseError, match="not the text the course was built on"):
        install_kernel(str(tmp_path), texts=str(texts))


@pytest.mark.slow
def test_the_installed_kernel_runs_the_course_and_reads_the_texts_from_its_folder(tmp_path):
    """Started as JupyterLab starts it: from the spec alone, in a folder without the texts."""
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import KernelManager

    texts = tmp_path / "shared-texts"
    texts.mkdir()
    for path in (project_folder() / "seeds").glob("*.txt"):
        (texts / path.name).write_bytes(path.read_bytes())
    made = install_kernel(str(tmp_path), texts=str(texts))
    specs = KernelSpecManager(kernel_dirs=[str(made.folder.parent)])
    manager = KernelManager(kernel_name=KERNEL_NAME, kernel_spec_manager=specs)
    manager.start_kernel(cwd=str(tmp_path))
    client = manager.client()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=60)
        shown: list[str] = []
        client.execute_interactive(
            "import os, course.text.sources as s\n"
            "print(os.environ['COURSE_TEXTS'])\n"
            "print(len(s.text_bytes(s.load_source('news').file)))",
            output_hook=lambda m: shown.append(m["content"].get("text", "")),
            timeout=60,
        )
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    news = texts / load_source("news").file
    assert "".join(shown).split() == [str(texts), str(len(news.read_bytes()))]
