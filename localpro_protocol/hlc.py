"""Hybrid logical clocks: an order for edits that survives wrong laptop clocks.

A timestamp is wall-clock milliseconds, a counter and the device id, encoded as a
fixed-width string so that comparing strings compares clocks (and SQLite can ``max()``
them). A clock never goes backwards: it takes the larger of its wall clock and anything
it has seen from other devices or the server, so after one sync a laptop whose date is a
day behind still stamps its next edit after everything it received.
"""

import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

_FORMAT = re.compile(r"^(\d{13})-(\d{5})-([0-9a-z\-]{1,40})$")
MAX_COUNTER = 99_999


@dataclass(frozen=True, order=True)
class Timestamp:
    millis: int
    counter: int
    node: str

    def encode(self) -> str:
        return f"{self.millis:013d}-{self.counter:05d}-{self.node}"

    @classmethod
    def decode(cls, text: str) -> "Timestamp":
        match = _FORMAT.match(text)
        if not match:
            raise ValueError(f"not a hybrid logical clock value: {text!r}")
        return cls(int(match[1]), int(match[2]), match[3])


ZERO = "0000000000000-00000-0"


class HybridClock:
    """Thread-safe; one per device (the node is the device id)."""

    def __init__(self, node: str, wall: Callable[[], int] | None = None) -> None:
        if not re.fullmatch(r"[0-9a-z\-]{1,40}", node):
            raise ValueError(f"bad clock node id {node!r}")
        self.node = node
        self._wall = wall or (lambda: int(time.time() * 1000))
        self._millis = 0  # the last timestamp given or seen, without its node
        self._counter = 0
        self._lock = threading.Lock()

    def read_wall(self) -> int:
        """The wall clock this clock reads, in milliseconds (before any counter)."""
        return self._wall()

    def now(self) -> str:
        """A timestamp for a local event, later than every one seen before.

        Called by the capture triggers for every row written, so it works on plain
        integers rather than building ``Timestamp`` objects.
        """
        millis, counter = self._take(1)
        return f"{millis:013d}-{counter:05d}-{self.node}"

    def reserve(self, count: int) -> tuple[int, int]:
        """``count`` consecutive stamps at once, for rows captured in bulk.

        Returns ``(millis, counter)``: the stamps are that millisecond with counters
        ``counter`` .. ``counter + count - 1``, all later than every stamp before, and the
        next ``now()`` comes after them.
        """
        if not 0 < count <= MAX_COUNTER + 1:
            raise ValueError(f"cannot reserve {count} stamps at once")
        return self._take(count)

    def _take(self, count: int) -> tuple[int, int]:
        with self._lock:
            wall = self._wall()
            millis, counter = self._millis, self._counter
            if wall > millis:
                millis, counter = wall, 0
            else:
                counter += 1
            if counter + count - 1 > MAX_COUNTER:
                millis, counter = millis + 1, 0
            self._millis, self._counter = millis, counter + count - 1
            return millis, counter

    def observe(self, remote: str) -> None:
        """Move past a timestamp received from elsewhere (a pulled change, the server)."""
        other = Timestamp.decode(remote)
        with self._lock:
            if (other.millis, other.counter) > (self._millis, self._counter):
                self._millis, self._counter = other.millis, other.counter


def clamp(hlc: str, ceiling_millis: int, node: str) -> str:
    """Server side: a clock too far in the future is pulled back to the ceiling.

    Without this, one laptop dated next year would win every conflict for a year.
    """
    stamp = Timestamp.decode(hlc)
    if stamp.millis <= ceiling_millis:
        return hlc
    return Timestamp(ceiling_millis, stamp.counter, node).encode()
