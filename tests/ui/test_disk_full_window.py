"""The window on a disk with no room: the disk message in a warning, the window usable.

Found by the disk-full campaign (``faults/disk_full/``, issue 14): a full disk reached the
window as "OperationalError: (sqlite3.OperationalError) database or disk is full", under the
title "Something went wrong" (a bug), and the log printed a traceback for every line it
could not write.
"""

import io
import logging
import shutil
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import redirect_stderr
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from faults.disk_full import Wall
from localpro_desktop.domain.disk import DiskError
from localpro_desktop.paths import WorkspacePaths
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.ui import crash, main_window
from localpro_desktop.ui.tasks import TaskRunner

DISK_WORDS = ("The disk is full", "could not write to the disk")


@pytest.fixture
def wall(tmp_path: Path) -> Iterator[Wall]:
    made = Wall(tmp_path)
    try:
        yield made
    finally:
        made.close()


@pytest.fixture
def window_on_wall(qtbot, wall: Wall, demo_template: Path) -> Iterator[Any]:  # type: ignore[no-untyped-def]
    from localpro_desktop.ui.app import build_context

    paths = WorkspacePaths(wall.root / "ws").ensure()
    shutil.copy(demo_template, paths.database)
    ws = Workspace.open(paths, daily_backup=False)
    ctx = build_context(ws, paths, "en")
    win = main_window.MainWindow(ctx)
    qtbot.addWidget(win)
    try:
        yield win
    finally:
        win.sync.stop()
        ctx.runner.wait(30_000)
        ctx.bridge.close()
        ws.close()


def test_a_write_on_a_full_disk_shows_the_message_and_the_window_goes_on(  # type: ignore[no-untyped-def]
    qtbot, wall: Wall, window_on_wall: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _p, title, text: warnings.append((title, text))
    )
    window = window_on_wall
    with wall.no_room():
        window.change_language("fr")  # saved on the database worker
        qtbot.waitUntil(lambda: len(warnings) == 1, timeout=10_000)
        window.backup_now()  # a file written on the pool
        qtbot.waitUntil(lambda: len(warnings) == 2, timeout=10_000)
    for title, text in warnings:
        assert title == "LocalPro"  # not "Something went wrong": no bug
        assert any(words in text for words in DISK_WORDS), text
        assert "sqlite" not in text.lower()
    assert window.ctx.ws.settings().language == "en"
    # With room again, the same window saves.
    with qtbot.waitSignal(window.sig_language_changed, timeout=10_000) as changed:
        window.change_language("fr")
    assert changed.args == ["fr"]
    window.backup_now()
    qtbot.waitUntil(lambda: "Backup written to" in window.statusBar().currentMessage())


def test_a_raw_disk_error_in_a_task_is_worded_not_a_bug(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The safety net: a write path that let SQLite's own error through."""
    runner = TaskRunner()
    told: list[tuple[str, bool]] = []

    def write() -> None:
        raise sqlite3.OperationalError("database or disk is full")

    runner.run(write, on_error=lambda text, bug: told.append((text, bug)))
    qtbot.waitUntil(lambda: bool(told))
    assert told[0][1] is False
    assert DISK_WORDS[0] in told[0][0]
    runner.wait()


def test_the_log_and_crash_reports_on_a_full_disk(wall: Wall) -> None:
    handler = crash.CrashHandler(wall.root / "logs", interactive=False).install()
    err = io.StringIO()
    previous = logging.root.manager.disable
    logging.disable(logging.NOTSET)
    try:
        with redirect_stderr(err):
            with wall.no_room():
                for i in range(200):
                    logging.getLogger("localpro.test").warning("line %d %s", i, "w" * 500)
                try:
                    raise DiskError(wall.root, full=True)
                except DiskError:
                    handler.handle(*sys.exc_info())
            logging.getLogger("localpro.test").warning("room again")
    finally:
        logging.disable(previous)
        handler.uninstall()
    assert "Logging error" not in err.getvalue() and "Traceback" not in err.getvalue()
    assert not (wall.root / "logs" / crash.CRASH_LOG).exists()
    assert handler.reports == []
    assert "room again" in (wall.root / "logs" / crash.APP_LOG).read_text("utf-8")
