"""Backups as the user asks for them: "Back up now", ``localpro backup`` and ``restore``.

The copying itself (SQLite's online backup API, a consistent snapshot of a live file) is
``store/backup.py``; this is what the menu and the command line do with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.messages import workspace as msg
from localpro_desktop.paths import WorkspacePaths
from localpro_desktop.store import backup as store_backup


@dataclass(frozen=True)
class BackupResult:
    path: Path
    integrity: str | None
    """SQLite's ``integrity_check`` answer for the copy ("ok" when sound); None: unchecked."""

    @property
    def ok(self) -> bool:
        return self.integrity == "ok"


def back_up(
    paths: WorkspacePaths, target: Path | None = None, *, check: bool = True
) -> BackupResult:
    """A consistent copy of the live database (default: a dated file in the backups folder);
    ``check`` reads it back, so a bad disk is found now rather than on the day of a restore."""
    path = target or paths.backups / store_backup.manual_backup_name()
    store_backup.copy_database(paths.database, path)
    return BackupResult(path, store_backup.check_integrity(path) if check else None)


def list_backups(paths: WorkspacePaths) -> list[Path]:
    """The backup files, newest first."""
    return sorted(paths.backups.glob("*.sqlite"), reverse=True)


def restore(paths: WorkspacePaths, source: Path) -> None:
    """Replace the (closed) workspace database with ``source``; the old one is kept aside."""
    if not source.exists():
        raise UserError(msg.NO_BACKUP, path=str(source))
    try:
        store_backup.restore_database(source, paths.database)
    except ValueError as exc:
        raise UserError(exc.args[0] if exc.args else str(exc)) from None
