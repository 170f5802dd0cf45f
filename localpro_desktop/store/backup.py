"""Consistent copies of a live database, with SQLite's online backup API.

Copying the file while the app writes could capture half a transaction (and miss the WAL);
the backup API copies a consistent snapshot even while another connection is writing.
"""

import contextlib
import logging
import sqlite3
from datetime import date, datetime
from pathlib import Path

from localpro_desktop.domain.disk import DiskError, disk_error
from localpro_desktop.domain.messages import workspace as msg
from localpro_desktop.paths import PRIVATE_DIR, create_private

log = logging.getLogger(__name__)

DAILY_PREFIX = "daily-"
KEEP_DAILY = 7


def copy_database(source: Path, target: Path) -> Path:
    """A consistent copy of ``source`` at ``target``, whole or not at all.

    A full or failing disk raises ``DiskError`` and leaves neither ``target`` nor a partial
    file behind (half a copy would only take the space the user is short of).
    """
    _copy_to_partial(source, target).replace(target)
    return target


def _partial(target: Path) -> Path:
    return target.with_suffix(target.suffix + ".partial")


def _copy_to_partial(source: Path, target: Path) -> Path:
    """Copy ``source`` beside ``target`` under a ``.partial`` name; the caller renames it.

    Rename last: a crash mid-copy never leaves a file that looks like a good backup.
    """
    partial = _partial(target)
    try:
        target.parent.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        # A copy is as private as the database (0600 on POSIX; its journal takes the same mode).
        create_private(partial)
        src = sqlite3.connect(source)
        try:
            dst = sqlite3.connect(partial)
            try:
                src.backup(dst, pages=4096)
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()
    except (sqlite3.Error, OSError) as exc:
        _discard(partial)
        found = disk_error(exc, target.parent)
        if found is not None:
            raise found from exc
        raise
    return partial


def _discard(partial: Path) -> None:
    for suffix in ("", "-journal"):
        with contextlib.suppress(OSError):
            Path(f"{partial}{suffix}").unlink(missing_ok=True)


def check_integrity(path: Path) -> str:
    conn = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def daily_backup(database: Path, backups: Path, today: date | None = None) -> Path | None:
    """Write today's backup once, then keep only the newest seven daily files."""
    today = today or date.today()
    target = backups / f"{DAILY_PREFIX}{today.isoformat()}.sqlite"
    made: Path | None = None
    if not target.exists() and database.exists():
        try:
            made = copy_database(database, target)
        except DiskError as exc:
            # Opening the workspace matters more than today's copy: the user can still
            # read and free space; the next start tries again.
            log.warning("no daily backup today: %s", exc)
    prune_daily(backups)
    return made


def prune_daily(backups: Path, keep: int = KEEP_DAILY) -> list[Path]:
    dailies = sorted(backups.glob(f"{DAILY_PREFIX}*.sqlite"))
    removed = dailies[:-keep] if len(dailies) > keep else []
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def manual_backup_name(now: datetime | None = None) -> str:
    return f"backup-{(now or datetime.now()).strftime('%Y%m%d-%H%M%S')}.sqlite"


def restore_database(backup: Path, database: Path) -> None:
    """Replace the live database with a backup, keeping the replaced file aside.

    The WAL and shared-memory files belong to the old database and must go with it.
    """
    if check_integrity(backup) != "ok":
        raise ValueError(msg.BACKUP_DAMAGED(path=str(backup)))
    if database.exists():
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        copy_database(database, database.parent / "backups" / f"before-restore-{stamp}.sqlite")
    # The whole copy first: a disk that fills up mid-copy leaves the live database as it was.
    partial = _copy_to_partial(backup, database)
    for suffix in ("-wal", "-shm"):
        Path(str(database) + suffix).unlink(missing_ok=True)
    partial.replace(database)
