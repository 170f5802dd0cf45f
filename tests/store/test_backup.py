"""Backups: consistent while the app writes, seven dailies kept, restore keeps the old file."""

import sqlite3
import threading
from datetime import date, timedelta
from pathlib import Path

from localpro_desktop.paths import WorkspacePaths
from localpro_desktop.services.prospects import ProspectService
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.backup import (
    check_integrity,
    copy_database,
    daily_backup,
    restore_database,
)
from localpro_desktop.store.models import Prospect


def test_seven_daily_backups_are_kept(workspace: Workspace, tmp_path: Path) -> None:
    folder = tmp_path / "dailies"
    start = date(2026, 11, 1)
    for offset in range(10):
        daily_backup(workspace.paths.database, folder, start + timedelta(offset))
    names = sorted(p.name for p in folder.glob("daily-*.sqlite"))
    assert names == [f"daily-2026-11-{d:02d}.sqlite" for d in range(4, 11)]
    # Same day twice: no second copy.
    assert daily_backup(workspace.paths.database, folder, date(2026, 11, 10)) is None
    # Opening a workspace makes today's copy.
    assert list(workspace.paths.backups.glob("daily-*.sqlite"))


def test_backup_while_writing_is_consistent(workspace: Workspace, tmp_path: Path) -> None:
    stop = threading.Event()

    def writer() -> None:
        from sqlalchemy import insert

        n = 0
        while not stop.is_set():
            with workspace.write() as session:
                session.execute(
                    insert(Prospect),
                    [{"business_name": f"Shop {n}-{i}", "name_key": ""} for i in range(50)],
                )
            n += 1

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        copies = [
            copy_database(workspace.paths.database, tmp_path / f"b{i}.sqlite") for i in range(5)
        ]
    finally:
        stop.set()
        thread.join()
    for copy in copies:
        assert check_integrity(copy) == "ok"
        with sqlite3.connect(copy) as conn:
            count = conn.execute("SELECT count(*) FROM prospects").fetchone()[0]
        assert count % 50 == 0  # whole transactions only


def test_restore_replaces_and_keeps_previous(tmp_path: Path) -> None:
    paths = WorkspacePaths(tmp_path / "ws")
    ws = Workspace.open(paths)
    ProspectService(ws).add({"business_name": "Kept"})
    backup = copy_database(paths.database, tmp_path / "backup.sqlite")
    ProspectService(ws).add({"business_name": "Lost after restore"})
    ws.close()
    restore_database(backup, paths.database)
    assert list(paths.backups.glob("before-restore-*.sqlite"))
    ws = Workspace.open(paths)
    try:
        from localpro_desktop.store.queries.prospects import ProspectFilter

        names = [p.business_name for p in ProspectService(ws).search(ProspectFilter()).rows]
        assert names == ["Kept"]
    finally:
        ws.close()


def test_damaged_backup_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    target = tmp_path / "live.sqlite"
    try:
        restore_database(bad, target)
    except (ValueError, sqlite3.DatabaseError) as exc:
        assert "damaged" in str(exc) or "malformed" in str(exc) or "not a database" in str(exc)
    else:
        raise AssertionError("a damaged backup was restored")
    assert not target.exists()
