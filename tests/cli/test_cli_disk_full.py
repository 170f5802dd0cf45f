"""``localpro`` on a disk with no room: the disk message, exit 1, no crash report.

Found by the disk-full campaign (``faults/disk_full/``, issue 14): a full disk was an
"Unexpected error (OperationalError: database or disk is full)", exit 3, with a crash report
written (or tried) to the very disk that had no room.
"""

import resource
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from faults.disk_full import Wall, run_cli
from localpro_desktop.paths import WorkspacePaths
from localpro_desktop.services.workspace import Workspace

DISK_WORDS = ("The disk is full", "could not write to the disk")


@pytest.fixture
def wall(tmp_path: Path) -> Iterator[Wall]:
    made = Wall(tmp_path)
    try:
        yield made
    finally:
        made.close()


def test_a_command_on_a_full_disk_says_so_and_exits_1(wall: Wall) -> None:
    root = wall.root / "ws"
    Workspace.open(WorkspacePaths(root), daily_backup=False).close()
    argv = ["--data-dir", str(root), "prospects", "add", "Quincaillerie " + "x" * 200_000]
    with wall.no_room(leave=40_000):
        code, err = run_cli(argv)
    assert code == 1, err
    assert any(words in err for words in DISK_WORDS), err
    assert "OperationalError" not in err and "Traceback" not in err
    assert not (root / "logs" / "crash.log").exists()
    code, err = run_cli(argv)
    assert code == 0, err


def test_a_disk_io_error_in_a_child_process_says_so(tmp_path: Path) -> None:
    """A file-size limit: SQLite's write fails with EFBIG, which it calls "disk I/O error"."""
    root = tmp_path / "ws"
    Workspace.open(WorkspacePaths(root), daily_backup=False).close()

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "localpro_desktop",
            "--data-dir",
            str(root),
            "contacts",
            "add",
            "--full-name",
            "Awa Diop",
            "--notes",
            "n" * 50_000,
        ],
        capture_output=True,
        text=True,
        preexec_fn=limit,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert any(words in done.stderr for words in DISK_WORDS), done.stderr
    assert "Traceback" not in done.stderr
    assert not (root / "logs" / "crash.log").exists()
