"""Change capture for sync: SQLite triggers record every local write, field by field.

Triggers (migration 0003) call two SQL functions registered on each connection:
``lp_hlc()`` stamps the change with this device's hybrid logical clock, and
``lp_capture()`` is 0 while the sync engine applies changes pulled from the server, so
those are not sent back. Capturing in the database itself means every path — the ORM,
bulk imports, the demo generator — is recorded in the same transaction as the change.
"""

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from localpro_desktop.sync.hlc import HybridClock

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
