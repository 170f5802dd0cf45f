"""A full or failing disk under the store: one DiskError, the data intact, the app going on.

Found by the disk-full campaign (``faults/disk_full/``, issue 14). The disk is a tmpfs
filled to the last byte when the tests run as root (CI does), else a 0-byte file-size limit.
"""

import errno
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from faults.disk_full import Wall
from localpro_desktop.domain.disk import DiskError, disk_error
from localpro_desktop.domain.errors import UserError
from localpro_desktop.paths import WorkspacePaths
from localpro_desktop.services import backups
from localpro_desktop.services.prospects import ProspectService
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.backup import check_integrity, daily_backup, restore_database
from localpro_desktop.store.models import Prospect

DISK_WORDS = ("The disk is full", "could not write to the disk")


@pytest.fixture
def wall(tmp_path: Path) -> Iterator[Wall]:
    made = Wall(tmp_path)
    try:
        yield made
    finally:
        made.close()


@pytest.fixture
def ws_on_wall(wall: Wall) -> Iterator[Workspace]:
    ws = Workspace.open(WorkspacePaths(wall.root / "ws"), daily_backup=False)
    ProspectService(ws).add({"business_name": "Pharmacie Awa", "city": "Dakar"})
    try:
        yield ws
    finally:
        ws.close()


def _count(ws: Workspace) -> int:
    with ws.read() as session:
        return int(session.scalar(select(func.count()).select_from(Prospect)) or 0)


def test_disk_errors_are_recognised_through_wrappers() -> None:
    full = sqlite3.OperationalError("database or disk is full")
    full.sqlite_errorcode = 13
    wrapped = OperationalError("INSERT …", {}, full)
    found = disk_error(wrapped, "/data")
    assert found is not None and found.full and found.folder == "/data"
    found = disk_error(OSError(errno.ENOSPC, "No space left on device", "/media/usb/x.csv"))
    assert found is not None and found.full and found.folder == "/media/usb"
    assert disk_error(OSError(errno.EIO, "Input/output error")) is not None
    assert disk_error(OSError(errno.EACCES, "Permission denied")) is None
    assert disk_error(sqlite3.OperationalError("no such table: x")) is None
    chained = RuntimeError("zip failed")
    chained.__context__ = OSError(errno.EFBIG, "File too large")
    assert disk_error(chained) is not None
    assert isinstance(DiskError("/x", full=True), UserError)


def test_a_write_on_a_full_disk_is_a_disk_error_and_the_next_one_works(
    wall: Wall, ws_on_wall: Workspace
) -> None:
    service = ProspectService(ws_on_wall)
    with wall.no_room(), pytest.raises(DiskError) as refused:
        service.add({"business_name": "Quincaillerie " + "x" * 300_000, "city": "Thiès"})
    assert any(words in str(refused.value) for words in DISK_WORDS)
    assert "sqlite" not in str(refused.value).lower()
    assert _count(ws_on_wall) == 1
    # The same open workspace goes on once there is room again.
    service.add({"business_name": "Quincaillerie Ndiaye", "city": "Thiès"})
    assert _count(ws_on_wall) == 2
    assert check_integrity(ws_on_wall.paths.database) == "ok"


def test_a_workspace_opens_on_a_full_disk_without_its_daily_backup(wall: Wall) -> None:
    paths = WorkspacePaths(wall.root / "ws")
    Workspace.open(paths, daily_backup=False).close()
    # Room for SQLite's shared memory (32 KB), not for a copy of the database.
    with wall.no_room(leave=40_000):
        ws = Workspace.open(paths)  # the daily backup cannot be written: skipped
    try:
        assert _count(ws) == 0
        assert not [p for p in paths.backups.iterdir() if p.name.endswith(".partial")]
    finally:
        ws.close()
    # With room again, the next start makes it.
    assert daily_backup(paths.database, paths.backups, date(2026, 12, 7)) is not None


def test_a_backup_without_room_leaves_no_partial_copy(wall: Wall, ws_on_wall: Workspace) -> None:
    target = wall.root / "copies" / "copy.sqlite"
    with wall.no_room(), pytest.raises(DiskError):
        backups.back_up(ws_on_wall.paths, target)
    assert not target.exists()
    assert list(target.parent.iterdir()) == []
    assert backups.back_up(ws_on_wall.paths, target).ok


def test_a_restore_without_room_leaves_the_live_database_and_its_wal(
    wall: Wall, tmp_path: Path, ws_on_wall: Workspace
) -> None:
    backup = tmp_path / "good.sqlite"
    backups.back_up(ws_on_wall.paths, backup)
    ProspectService(ws_on_wall).add({"business_name": "Added after the backup"})
    database = ws_on_wall.paths.database
    wal = Path(f"{database}-wal")
    assert wal.exists() and wal.stat().st_size  # the last change is still only in the WAL
    with wall.no_room(), pytest.raises(DiskError):
        restore_database(backup, database)
    assert wal.exists() and wal.stat().st_size
    assert _count(ws_on_wall) == 2
    assert not [p.name for p in database.parent.rglob("*.partial")]
