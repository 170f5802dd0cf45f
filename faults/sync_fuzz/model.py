"""The virtual clock every device and the server read, and the reference model: last
writer wins per field over every write any device made."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from synckit import (
    Device,
)

import localpro_cloud.sync as cloud_sync
from faults.sync_fuzz.readers import reader
from faults.sync_fuzz.settings import Key
from localpro_protocol.wire import DELETED, FieldValue, merge


class NothingWritten(Exception):
    """The step changed nothing (a contact already in the segment, say)."""


# -- the virtual clock and the server's clamps -------------------------------------------


class VirtualClock:
    """Milliseconds that move only when the campaign says so, read by devices and server."""

    def __init__(self) -> None:
        self.ms = int(time.time() * 1000)

    def seconds(self) -> float:
        return self.ms / 1000

    def wall(self, offset: int) -> Callable[[], int]:
        return lambda: self.ms + offset

    def advance(self, ms: int) -> None:
        self.ms += ms


@contextlib.contextmanager
def recorded_clamps() -> Iterator[dict[str, str]]:
    """Every clock the server pulled back, as it did it: sent clock → kept clock."""
    seen: dict[str, str] = {}
    original = cloud_sync._clamped

    def recording(hlc: str, ceiling: int, mine: FieldValue | None) -> str:
        fixed = original(hlc, ceiling, mine)
        if fixed != hlc and fixed > seen.get(hlc, ""):
            seen[hlc] = fixed
        return fixed

    cloud_sync._clamped = recording  # type: ignore[assignment]
    try:
        yield seen
    finally:
        cloud_sync._clamped = original  # type: ignore[assignment]


# -- the reference model ------------------------------------------------------------------


@dataclass
class Write:
    device: int
    key: Key
    name: str
    value: Any
    hlc: str


@dataclass
class Model:
    """Every write of the case, field by field, in the order each device made them."""

    clamps: dict[str, str]
    writes: list[Write] = field(default_factory=list)

    def effective(self, hlc: str) -> str:
        return self.clamps.get(hlc, hlc)

    def record(self, device: Device, index: int, mark: str) -> list[Write]:
        """What the last local unit of work on ``device`` wrote: every clock newer than
        ``mark`` (a stamp taken just before it), with the row's values."""
        with reader(device) as conn:
            stamps = conn.execute(
                "SELECT tbl, row_id, field, hlc FROM sync_clock WHERE hlc > ?", (mark,)
            ).fetchall()
            rows: dict[Key, dict[str, Any]] = {}
            out: list[Write] = []
            for table, row_id, name, hlc in stamps:
                if not hlc.endswith(device.ws.device_id):
                    continue
                if table == "workspace_settings" and name == "*":
                    continue  # its defaults travel with the zero clock (engine.DEFAULT_ROW)
                key = (table, row_id)
                if key not in rows:
                    cursor = conn.execute(f"SELECT * FROM {table} WHERE id = ?", (row_id,))
                    names = [d[0] for d in cursor.description]
                    found = cursor.fetchone()
                    rows[key] = dict(zip(names, found, strict=True)) if found else {}
                row = rows[key]
                names = [n for n in row if n not in ("id", "updated_at")] if name == "*" else [name]
                out += [Write(index, key, n, row.get(n), hlc) for n in names]
        self.writes += out
        return out

    def keys(self) -> set[Key]:
        return {w.key for w in self.writes}

    def expected(self) -> dict[Key, dict[str, Any]]:
        """Per row, per field: what last-writer-wins makes of the writes that reached the
        server (a device's earlier write of a field its own later write replaced before
        sending is not sent at all: the later one carries the field)."""
        last: dict[tuple[int, Key, str], Write] = {}
        for write in self.writes:
            last[(write.device, write.key, write.name)] = write
        merged: dict[Key, dict[str, FieldValue]] = {}
        for write in sorted(last.values(), key=lambda w: self.effective(w.hlc)):
            current = merged.get(write.key, {})
            merged[write.key], _ = merge(
                current, {write.name: (write.value, self.effective(write.hlc))}
            )
        return {key: {n: v for n, (v, _h) in fields.items()} for key, fields in merged.items()}

    def own_last(self, device: int) -> dict[tuple[Key, str], Write]:
        out: dict[tuple[Key, str], Write] = {}
        for write in self.writes:
            if write.device == device:
                out[(write.key, write.name)] = write
        return out

    def may_replace(self, mine: Write, value: Any, row_hlc: str) -> bool:
        """Whether ``value`` may stand where ``mine`` was: another write of the field with
        a later clock wrote it (or, for a delete mark, a later write revived the row)."""
        own = self.effective(mine.hlc)
        for other in self.writes:
            if other.key != mine.key or self.effective(other.hlc) <= own:
                continue
            if other.name == mine.name and other.value == value:
                return True
            if mine.name == DELETED and value is None:
                return True  # a later write of any field revives a deleted row
        return False


# -- one run ------------------------------------------------------------------------------


@dataclass
class Stats:
    steps: dict[str, int] = field(default_factory=dict)
    writes: int = 0
    conflicts: int = 0
    skew_cases: dict[str, int] = field(default_factory=dict)

    def count(self, kind: str) -> None:
        self.steps[kind] = self.steps.get(kind, 0) + 1
