"""Consistent copies of a live database, with SQLite's online backup API.

Copying the file while the app writes could capture half a transaction (and miss the WAL);
the backup API copies a consistent snapshot even while another connection is writing.
"""

import sqlite3
from datetime import date, datetime
from pathlib import Path

from localpro_desktop.domain.messages import workspace as msg
from localpro_desktop.paths import PRIVATE_DIR, create_private

DAILY_PREFIX = "daily-"
KEEP_DAILY = 7


def copy_database(source: Path, target: Path) -> Path:
    target.parent.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    partial = target.with_suffix(target.suffix + ".partial")
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
    # Rename last: a crash mid-copy never leaves a file that looks like a good backup.
    partial.replace(target)
    return target


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
        made = copy_database(database, target)
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
    for suffix in ("-wal", "-shm"):
        Path(str(database) + suffix).unlink(missing_ok=True)
    copy_database(backup, database)
