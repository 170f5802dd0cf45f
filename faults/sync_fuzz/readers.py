"""Reading a device's workspace directly (rows, field clocks, its sync cursor) for the
checks."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from synckit import (
    Device,
)

from faults.sync_fuzz.settings import CONTACT_FIELDS, PROSPECT_FIELDS, Key


def local_cursor(root: Path) -> str:
    """The workspace's pull cursor, read without waiting on its writer ("" if unreadable)."""
    try:
        conn = sqlite3.connect(f"file:{root / 'localpro.sqlite'}?mode=ro", uri=True, timeout=1)
        try:
            row = conn.execute("SELECT value FROM sync_state WHERE key = 'pull_cursor'").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return ""
    return str(row[0]) if row else "0"


def fields_of(table: str) -> tuple[str, ...]:
    return CONTACT_FIELDS if table == "contacts" else PROSPECT_FIELDS


_READERS: dict[Path, sqlite3.Connection] = {}


@contextlib.contextmanager
def reader(device: Device) -> Iterator[sqlite3.Connection]:
    """A plain sqlite3 connection to the device's file, kept open between reads (the
    campaign reads after every step; opening a connection each time costs more)."""
    path = device.ws.paths.database
    conn = _READERS.get(path)
    if conn is None:
        conn = _READERS[path] = sqlite3.connect(path, check_same_thread=False)
    yield conn


def close_readers() -> None:
    for conn in _READERS.values():
        conn.close()
    _READERS.clear()


def read_rows(device: Device, keys: set[Key]) -> dict[Key, dict[str, Any]]:
    """The rows ``keys`` on a device, every column but its own ``updated_at``."""
    with reader(device) as conn:
        out: dict[Key, dict[str, Any]] = {}
        for table, row_id in keys:
            cursor = conn.execute(f"SELECT * FROM {table} WHERE id = ?", (row_id,))
            names = [d[0] for d in cursor.description]
            row = cursor.fetchone()
            if row is not None:
                out[(table, row_id)] = {
                    n: v for n, v in zip(names, row, strict=True) if n != "updated_at"
                }
        return out


def read_clocks(device: Device, keys: set[Key]) -> dict[Key, dict[str, str]]:
    with reader(device) as conn:
        out: dict[Key, dict[str, str]] = {}
        for table, row_id in keys:
            for name, hlc in conn.execute(
                "SELECT field, hlc FROM sync_clock WHERE tbl = ? AND row_id = ?", (table, row_id)
            ):
                out.setdefault((table, row_id), {})[name] = hlc
        return out


def diff(left: dict[str, Any] | None, right: dict[str, Any] | None) -> str:
    if left is None or right is None:
        return "missing on one side"
    return str({k: (left.get(k), right.get(k)) for k in left if left.get(k) != right.get(k)})[:200]
