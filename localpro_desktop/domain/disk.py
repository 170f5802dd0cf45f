"""A full disk or a failing one, as one error the command line and the window show.

SQLite says ``database or disk is full`` (SQLITE_FULL) or ``disk I/O error`` (SQLITE_IOERR:
also what a write beyond the file-size limit, EFBIG, becomes); files say ENOSPC, EDQUOT,
EFBIG or EIO. Each layer that writes (the store for the database, the exporters and backups
for files) turns these into a ``DiskError`` naming the folder, so the user reads "the disk
is full: free some space…" rather than a traceback, and the code above can tell a disk
problem from a bug. ``disk_error()`` is the one classifier they all use; the command line
and the window's task runner call it too, as a safety net for a write path that forgot.
"""

from __future__ import annotations

import errno
import shutil
import sqlite3
from pathlib import Path

from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.messages import disk as msg

__all__ = ["DiskError", "disk_error", "is_disk_full"]

_FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})
_IO_ERRNOS = frozenset({errno.EIO})
_SQLITE_FULL = 13
_SQLITE_IOERR = 10
# Without an error code (older Pythons), SQLite's own words for the two.
_SQLITE_WORDS = {"database or disk is full": True, "disk i/o error": False}


class DiskError(UserError):
    """The disk is full or failed to write; nothing already saved was lost."""

    def __init__(self, folder: Path | str, *, full: bool) -> None:
        super().__init__(msg.DISK_FULL if full else msg.DISK_ERROR, folder=str(folder))
        self.folder = str(folder)
        self.full = full


def _sqlite_kind(exc: sqlite3.Error) -> bool | None:
    """True: full, False: I/O error, None: another SQLite error."""
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        primary = code & 0xFF
        if primary == _SQLITE_FULL:
            return True
        if primary == _SQLITE_IOERR:
            return False
        return None
    return _SQLITE_WORDS.get(str(exc).strip().lower())


def _os_kind(exc: OSError) -> bool | None:
    if exc.errno in _FULL_ERRNOS:
        return True
    if exc.errno in _IO_ERRNOS:
        return False
    return None


NEARLY_FULL_BYTES = 256 * 1024
"""SQLite reports a failed shared-memory or WAL extension as an I/O error even when the disk
is simply full: with less free space than this, the user is told the disk is full."""


def _nearly_full(folder: Path | str) -> bool:
    try:
        return shutil.disk_usage(folder).free < NEARLY_FULL_BYTES
    except (OSError, ValueError):
        return False


def disk_error(exc: BaseException, folder: Path | str | None = None) -> DiskError | None:
    """The ``DiskError`` that ``exc`` (or an exception it wraps) means, else None.

    Looks through SQLAlchemy's wrapper (``.orig``) and the cause/context chain, so a
    failure re-raised by a library is still recognised. ``folder`` names where the disk
    is; without it, the file the error names (its folder) or "the workspace".
    """
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, DiskError):
            return current
        kind: bool | None = None
        where: str | None = None
        orig = getattr(current, "orig", None)
        if isinstance(orig, sqlite3.Error):
            kind = _sqlite_kind(orig)
        elif isinstance(current, sqlite3.Error):
            kind = _sqlite_kind(current)
        elif isinstance(current, OSError):
            kind = _os_kind(current)
            if current.filename:
                where = str(Path(str(current.filename)).parent)
        if kind is not None:
            place = folder if folder is not None else where or "the workspace"
            return DiskError(place, full=kind or _nearly_full(place))
        current = current.__cause__ or current.__context__
    return None


def is_disk_full(exc: BaseException) -> bool:
    found = disk_error(exc)
    return found is not None and found.full
