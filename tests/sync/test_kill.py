"""``kill -9`` of a syncing app: the workspace must open intact and converge afterwards.

The sync runs as the real command line (``python -m localpro_desktop --data-dir D sync``)
in a subprocess, on a workspace big enough that the round takes several batches or pages;
it is killed with SIGKILL in the middle (after the server committed a first batch, or
after a first page landed), then the same workspace is opened in this process, checked
with ``PRAGMA integrity_check`` and synced to the end.
"""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from synckit import Cloud, Fleet, add_bulk_contacts, assert_converged, integrity_ok

from localpro_desktop.sync import engine

BIG = 3500
"""Contacts: four push batches of 1,000, two pull pages of 1 MiB."""


def start_sync(data_dir: Path, url: str, tmp_path: Path) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
        "XDG_DATA_HOME": str(tmp_path / "xdg"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    command = [sys.executable, "-m", "localpro_desktop", "--data-dir", str(data_dir)]
    return subprocess.Popen(
        [*command, "sync", "--server", url],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def kill_when(process: subprocess.Popen[bytes], ready: Callable[[], bool]) -> None:
    """SIGKILL the process as soon as ``ready()`` (polled; bounded wait)."""
    deadline = time.monotonic() + 120
    while not ready():
        if process.poll() is not None:
            out, err = process.communicate()
            pytest.fail(f"the sync ended before it could be killed: {out!r} {err!r}")
        if time.monotonic() > deadline:
            process.kill()
            pytest.fail("the sync never reached the point to kill it")
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    process.communicate()


def local_cursor(database: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=5)
        try:
            row = conn.execute("SELECT value FROM sync_state WHERE key = 'pull_cursor'").fetchone()
        finally:
            conn.close()
    except sqlite3.OperationalError:
        return 0
    return int(row[0]) if row else 0


def test_killed_while_pushing(fleet: Fleet, cloud: Cloud, tmp_path: Path) -> None:
    a = fleet.device("a")
    b = fleet.device("b")
    ids = add_bulk_contacts(a.ws, BIG)
    a.contacts.update(ids[-1], {"city": "Kédougou"})
    root = a.ws.paths.root
    account, device = fleet.account_id, a.ws.device_id
    a.close()
    fleet.devices.remove(a)
    process = start_sync(root, cloud.url, tmp_path)
    kill_when(process, lambda: cloud.last_op_id(account, device) > 0)
    assert cloud.last_op_id(account, device) < BIG, "killed too late to test anything"

    a = fleet.reopen_path("a", root)
    assert integrity_ok(a.ws.paths.database)
    a.sync()
    b.sync()
    snapshot = assert_converged(fleet)
    assert len(snapshot["contacts"]) == BIG
    assert snapshot["contacts"][ids[-1]]["city"] == "Kédougou"


def test_killed_while_pulling_a_first_sync(fleet: Fleet, cloud: Cloud, tmp_path: Path) -> None:
    a = fleet.device("a")
    add_bulk_contacts(a.ws, BIG)
    a.sync()
    b = fleet.device("b")
    b.contacts.add({"first_name": "Local", "city": "Thiès"})
    root = b.ws.paths.root
    b.close()
    fleet.devices.remove(b)
    process = start_sync(root, cloud.url, tmp_path)
    kill_when(process, lambda: local_cursor(root / "localpro.sqlite") > 0)

    b = fleet.reopen_path("b", root)
    assert integrity_ok(b.ws.paths.database)
    resumed_from = engine.cursor(b.ws)
    assert resumed_from > 0
    report = b.sync()
    assert report.tables_down.get("contacts", 0) < BIG, "the pages kept before the kill"
    snapshot = assert_converged(fleet)
    assert len(snapshot["contacts"]) == BIG + 1
