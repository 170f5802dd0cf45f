"""Checks every target shares: the database's soundness, counts, the child's log."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

# -- shared checks -------------------------------------------------------------------------


def integrity(database: Path) -> str:
    """``PRAGMA integrity_check``'s answer ("ok" when sound; a missing file is sound)."""
    if not database.exists():
        return "ok"
    conn = sqlite3.connect(database, timeout=30)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def count(database: Path, sql: str) -> int:
    if not database.exists():
        return 0
    conn = sqlite3.connect(database, timeout=30)
    try:
        return int(conn.execute(sql).fetchone()[0])
    except sqlite3.OperationalError:  # the tables are not there yet (killed in creation)
        return 0
    finally:
        conn.close()


def log_tail(root: Path, chars: int = 200) -> str:
    path = Path(str(root) + ".log")
    try:
        return path.read_text(encoding="utf-8", errors="replace")[-chars:].replace("\n", " | ")
    except OSError:
        return ""


def database_of(root: Path) -> Path:
    from localpro_desktop.paths import WorkspacePaths

    return WorkspacePaths(root).database


def open_ws(root: Path) -> Any:
    from localpro_desktop.paths import WorkspacePaths
    from localpro_desktop.services.workspace import Workspace

    return Workspace.open(WorkspacePaths(root), daily_backup=False)
