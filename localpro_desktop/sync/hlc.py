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
        self._last = Timestamp(0, 0, node)
        self._lock = threading.Lock()

    def now(self) -> str:
        """A timestamp for a local event, later than every one seen before."""
        with self._lock:
            wall = self._wall()
            if wall > self._last.millis:
                self._last = Timestamp(wall, 0, self.node)
            else:
                self._bump()
            return self._last.encode()

    def observe(self, remote: str) -> None:
        """Move past a timestamp received from elsewhere (a pulled change, the server)."""
        other = Timestamp.decode(remote)
        with self._lock:
            if other.millis > self._last.millis or (
                other.millis == self._last.millis and other.counter > self._last.counter
            ):
                self._last = Timestamp(other.millis, other.counter, self.node)

    def _bump(self) -> None:
        if self._last.counter >= MAX_COUNTER:
            self._last = Timestamp(self._last.millis + 1, 0, self.node)
        else:
            self._last = Timestamp(self._last.millis, self._last.counter + 1, self.node)


def clamp(hlc: str, ceiling_millis: int, node: str) -> str:
    """Server side: a clock too far in the future is pulled back to the ceiling.

    Without this, one laptop dated next year would win every conflict for a year.
    """
    stamp = Timestamp.decode(hlc)
    if stamp.millis <= ceiling_millis:
        return hlc
    return Timestamp(ceiling_millis, stamp.counter, node).encode()
