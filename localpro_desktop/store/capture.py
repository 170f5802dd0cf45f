"""Change capture for sync: SQLite triggers record every local write, field by field.

Triggers (migration 0003) call two SQL functions registered on each connection:
``lp_hlc()`` stamps the change with this device's hybrid logical clock, and
``lp_capture()`` is 0 while the sync engine applies changes pulled from the server, so
those are not sent back. Capturing in the database itself means every path — the ORM,
bulk imports, the demo generator — is recorded in the same transaction as the change.
"""

import sqlite3
import threading
import weakref
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine

from localpro_protocol.hlc import HybridClock

PENDING_NODE = "pending"


class CaptureState:
    def __init__(self) -> None:
        self.clock = HybridClock(PENDING_NODE)
        self._local = threading.local()

    def attach(self, device_id: str, newest_seen: str | None) -> None:
        """Use the device's own clock, never earlier than anything already recorded."""
        clock = HybridClock(device_id)
        if newest_seen:
            clock.observe(newest_seen)
        self.clock = clock

    @property
    def capturing(self) -> bool:
        return not getattr(self._local, "suspended", False)

    @contextmanager
    def suspended(self) -> Iterator[None]:
        """Writes in this block (on this thread) come from the server: do not capture."""
        self._local.suspended = True
        try:
            yield
        finally:
            self._local.suspended = False

    def register(self, connection: sqlite3.Connection) -> None:
        connection.create_function("lp_hlc", 0, lambda: self.clock.now())
        connection.create_function("lp_capture", 0, lambda: 1 if self.capturing else 0)


_CAPTURES: "weakref.WeakKeyDictionary[Engine, CaptureState]" = weakref.WeakKeyDictionary()
"""Each engine's capture state, kept beside the engine rather than patched onto it."""


def bind_capture(engine: Engine, capture: CaptureState) -> None:
    """Make ``capture`` the one ``capture_of(engine)`` returns (``make_engine`` does it)."""
    _CAPTURES[engine] = capture


def capture_of(engine: Engine) -> CaptureState:
    """The capture state ``store.engine.make_engine`` made for the engine."""
    try:
        return _CAPTURES[engine]
    except KeyError:
        raise LookupError("this engine was not made by store.engine.make_engine") from None


@contextmanager
def captured_in_bulk(conn: Connection, table: str, source: str, id_column: str) -> Iterator[None]:
    """Insert rows in the block uncaptured, then capture them in two set-based statements.

    What the ``sync_{table}_ai`` trigger (migration 0003) records row by row: one outbox
    entry and one clock entry ``(table, id, '*', hlc)`` per new row, in insert order.
    Done per statement instead, a bulk insert runs no trigger program and no Python
    callback per row: the clock hands out a block of consecutive stamps at once (up to
    100,000 rows per block). The new rows' ids are ``id_column`` of the table ``source``,
    in its rowid order (the insert order). Like the trigger, it records nothing while the
    sync engine applies pulled changes on this thread.
    """
    capture = capture_of(conn.engine)
    if not capture.capturing:
        yield
        return
    with capture.suspended():
        yield
    count = conn.exec_driver_sql(f"SELECT count(*) FROM {source}").scalar() or 0
    if not count:
        return
    last = conn.exec_driver_sql("SELECT coalesce(max(seq), 0) FROM sync_outbox").scalar()
    clock = capture.clock
    millis, first = clock.reserve(count)
    # The stamps clock.now() would have given one by one, made by SQLite itself.
    conn.exec_driver_sql(
        "INSERT INTO sync_outbox (tbl, row_id, field, hlc) "
        f"SELECT ?, {id_column}, '*', printf('%013d-%05d-%s', ?, "
        f"? + row_number() OVER (ORDER BY rowid) - 1, ?) FROM {source} ORDER BY rowid",
        (table, millis, first, clock.node),
    )
    conn.exec_driver_sql(
        "INSERT OR REPLACE INTO sync_clock (tbl, row_id, field, hlc) "
        "SELECT tbl, row_id, field, hlc FROM sync_outbox WHERE seq > ? ORDER BY seq",
        (last,),
    )
