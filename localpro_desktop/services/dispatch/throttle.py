"""How fast each channel may send: a token bucket shared by a channel's sending threads,
the default rates and how many messages each channel sends at once."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Final

from localpro_desktop.channels.base import ChannelKind

DEFAULT_RATES: Final = MappingProxyType(
    {
        # Messages per second, well inside each provider's documented limits.
        ChannelKind.EMAIL: 2.0,
        ChannelKind.SMS: 10.0,
        ChannelKind.WHATSAPP: 20.0,
    }
)

DEFAULT_CONCURRENCY: Final = MappingProxyType(
    {
        # Messages in flight at once: SMTP servers limit connections per account (each
        # message is one connection); HTTP providers answer in parallel over kept-alive
        # connections, and at 50 ms an answer 32 in flight carry 640 messages/s.
        ChannelKind.EMAIL: 2,
        ChannelKind.SMS: 32,
        ChannelKind.WHATSAPP: 16,
    }
)

Clock = Callable[[], float]
Sleep = Callable[[float], None]


class Throttle:
    """A token bucket: at most ``rate`` messages per second, bursts of ``burst``.

    Thread-safe: each ``acquire`` reserves the next token under a lock and sleeps outside
    it, so threads sharing one bucket leave in turn, ``1 / rate`` seconds apart.
    """

    def __init__(
        self,
        rate: float,
        burst: float = 1.0,
        *,
        clock: Clock = time.monotonic,
        sleep: Sleep = time.sleep,
    ) -> None:
        if rate <= 0 or burst < 1:
            raise ValueError("rate must be > 0 and burst >= 1")
        self.rate = rate
        self.burst = burst
        self._clock = clock
        self._sleep = sleep
        self._tokens = burst
        self._last = clock()
        self._lock = threading.Lock()

    def acquire(self) -> float:
        """Take one token, waiting for it if needed; returns the seconds waited."""
        with self._lock:
            now = self._clock()
            self._tokens = min(self.burst, self._tokens + (now - self._last) * self.rate)
            self._last = now
            self._tokens -= 1.0
            # A negative balance is a reservation: this caller's turn comes when it is paid.
            wait = -self._tokens / self.rate if self._tokens < 0 else 0.0
        if wait > 0:
            self._sleep(wait)
        return wait


def throttles_for(
    rates: Mapping[ChannelKind, float], kinds: Iterable[ChannelKind]
) -> dict[ChannelKind, Throttle]:
    """One bucket per channel in ``kinds`` at its rate (the default where none is given)."""
    return {kind: Throttle(float(rates.get(kind) or DEFAULT_RATES[kind])) for kind in kinds}


class Gate:
    """At most ``limit`` holders at once; the limit may change while threads wait.

    A channel's threads pass it around each provider call, so the dispatcher can keep
    fewer messages with the provider than it has threads (see ``lane.Lane``).
    """

    def __init__(self, limit: int) -> None:
        self._cond = threading.Condition()
        self._active = 0
        self._limit = max(1, limit)

    @property
    def limit(self) -> int:
        return self._limit

    @limit.setter
    def limit(self, value: int) -> None:
        with self._cond:
            more = max(1, value) - self._limit
            self._limit = max(1, value)
            if more > 0:
                self._cond.notify(more)  # wake only as many as may now pass

    def __enter__(self) -> Gate:
        with self._cond:
            while self._active >= self._limit:
                self._cond.wait()
            self._active += 1
        return self

    def __exit__(self, *_exc: object) -> None:
        with self._cond:
            self._active -= 1
            self._cond.notify()
