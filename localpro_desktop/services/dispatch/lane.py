"""One channel in a dispatcher round: its adapter, sending threads, throttle and how many
messages it claims and keeps with the provider at once."""

from __future__ import annotations

import math
import queue
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from localpro_desktop.channels.base import Channel, ChannelKind
from localpro_desktop.services.dispatch.claims import Claimed
from localpro_desktop.services.dispatch.outcomes import Outcome, Verdict
from localpro_desktop.services.dispatch.throttle import Gate, Throttle


@dataclass
class Learned:
    """What a channel's earlier rounds measured (moving averages, seconds), carried into
    the next round: without it each round of a long campaign started at four messages in
    flight and a small reserve, and slowed down until the first answers came back."""

    latency: float | None = None
    """The provider's answer time."""
    write_seconds: float | None = None
    """One batch of outcomes written to the database."""


def _average(last: float | None, value: float) -> float:
    return value if last is None else 0.8 * last + 0.2 * value


class Lane:
    """One channel in a round: its adapter, threads, throttle and claimed window.

    How many messages it keeps with the provider at once (``target``, held by a gate its
    threads pass) follows Little's law: the rate it may send at times how long the
    provider takes to answer (measured), with a margin, never more than ``width``. A fast
    provider is then served by a few threads at a time (more would only fight over the
    interpreter), a slow one by as many as the rate needs. A few more are claimed than
    sent (``reserve``): the threads stay busy while the dispatcher writes a batch, and
    each claim takes several rows.
    """

    CEILING = 1000.0
    """Messages per second one process can hand to providers (an unthrottled channel's
    rate for the window's sake)."""
    BATCH_ROOM = 32
    """On a wide channel, answers that may wait for one write (a transaction costs a few
    milliseconds whatever it carries: they are written together)."""

    def __init__(
        self,
        kind: ChannelKind,
        channel: Channel,
        throttle: Throttle | None,
        width: int,
        results: queue.SimpleQueue[Outcome],
        learned: Learned | None = None,
    ) -> None:
        self.kind = kind
        self.channel = channel
        self.throttle = throttle
        self.width = max(1, width)
        self.learned = learned if learned is not None else Learned()
        self.stopped = threading.Event()
        self.in_flight = 0
        self.unwritten = 0
        """Answered, the outcome not yet written (still ``sending`` in the database)."""
        self.drained = False
        self.gate = Gate(self.target)
        self._results = results
        # A thread per claimed message at most (threads waiting at the gate cost nothing).
        widest = self.width + (max(4, self.width // 4) if self.wide else 0)
        self._pool = ThreadPoolExecutor(max_workers=widest, thread_name_prefix=f"send-{kind}")

    def learn(self, outcome: Outcome) -> None:
        if outcome.seconds > 0:
            self.learned.latency = _average(self.learned.latency, outcome.seconds)
            if (target := self.target) != self.gate.limit:
                self.gate.limit = target

    def wrote(self, seconds: float) -> None:
        """A batch of outcomes took ``seconds`` to write (the reserve covers that long)."""
        self.learned.write_seconds = _average(self.learned.write_seconds, seconds)

    @property
    def rate(self) -> float:
        return min(self.throttle.rate if self.throttle else self.CEILING, self.CEILING)

    @property
    def target(self) -> int:
        """Messages to keep with the provider at once."""
        least = min(self.width, 4)
        if self.learned.latency is None:
            return least  # until the first answers say how slow the provider is
        wanted = math.ceil(self.rate * self.learned.latency * 1.25) + 1
        return max(least, min(self.width, wanted))

    @property
    def wide(self) -> bool:
        return self.width >= 8

    @property
    def reserve(self) -> int:
        """Claimed messages waiting their turn, on wide channels: enough to go on sending
        at the channel's rate while the dispatcher writes a batch (measured: ~30 ms for
        25 answers on a busy 2-core laptop, during which nothing new can be claimed)."""
        if not self.wide:
            return 0
        least = max(4, self.target // 4)
        if self.learned.write_seconds is None:
            return least
        return min(self.width, max(least, math.ceil(self.rate * self.learned.write_seconds * 1.5)))

    @property
    def cap(self) -> int:
        """Claimed and not yet answered: ``target`` plus the ``reserve``."""
        return self.target + self.reserve

    @property
    def window(self) -> int:
        """Messages ``sending`` in the database at most: ``cap``, plus on wide channels
        room for a batch of answers waiting for one write; none on narrow ones (SMTP
        writes each answer before its place is used again). What a kill can cost: those
        are resolved as left-overs (unknown where the provider has no look-up)."""
        return self.cap + (max(self.BATCH_ROOM, self.target) if self.wide else 0)

    @property
    def free(self) -> int:
        """Places to claim into now."""
        return min(self.cap - self.in_flight, self.window - self.in_flight - self.unwritten)

    @property
    def refill(self) -> int:
        """Claim again once this many places are free (several rows per transaction on
        wide channels; each free place at once on narrow ones)."""
        return max(1, self.cap // 2) if self.wide else 1

    @property
    def blocked(self) -> bool:
        """Answers waiting to be written keep new messages from being claimed."""
        return self.unwritten > 0 and self.window - self.in_flight - self.unwritten < self.refill

    def submit(self, task: Callable[..., Outcome], row: Claimed, *args: Any) -> None:
        self.in_flight += 1
        self._pool.submit(self._run, task, row, *args)

    def _run(self, task: Callable[..., Outcome], row: Claimed, *args: Any) -> None:
        try:
            outcome = task(self.channel, row, *args)
        except BaseException as exc:  # pragma: no cover - the tasks never raise
            outcome = Outcome(row, Verdict.UNKNOWN, words=f"{type(exc).__name__}: {exc}")
        self._results.put(outcome)

    def close(self) -> None:
        self._pool.shutdown(wait=True)
