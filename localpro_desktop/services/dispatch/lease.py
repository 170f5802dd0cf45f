"""One dispatcher per workspace: a lease kept in the workspace's local state.

The app's worker and ``localpro dispatch`` may both want to send; two at once would each
take the other's ``sending`` messages for left-overs of a crash. Whoever takes the lease
(in a write transaction, so two cannot both win) holds it until its expiry, renews it
while it works (a thread, every third of the time to live) and gives it back at the end.
A lease whose holder died (killed, power cut) expires and is taken over.
"""

from __future__ import annotations

import json
import logging
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime

from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store import local_state
from localpro_desktop.store.local_state import StateKey

log = logging.getLogger(__name__)

DEFAULT_TTL = 30.0
"""Seconds a lease lasts without renewal (the app and the CLI renew it every 10 s)."""

Clock = Callable[[], float]


@dataclass(frozen=True)
class LeaseHolder:
    """Who dispatches for the workspace now, and until when (without a renewal)."""

    owner: str
    expires_at: datetime
    """UTC, with its time zone."""


@dataclass(frozen=True)
class _Stored:
    owner: str
    token: str
    expires: float

    @classmethod
    def parse(cls, text: str) -> _Stored | None:
        try:
            data = json.loads(text) if text else None
            if not isinstance(data, dict):
                return None
            return cls(str(data["owner"]), str(data["token"]), float(data["expires"]))
        except (ValueError, KeyError, TypeError):
            return None

    def dump(self) -> str:
        return json.dumps(
            {"owner": self.owner, "token": self.token, "expires": self.expires},
            ensure_ascii=False,
        )

    def holder(self) -> LeaseHolder:
        return LeaseHolder(self.owner, datetime.fromtimestamp(self.expires, UTC))


class Lease:
    """A try at the workspace's dispatch lease: true while held (``bool(lease)``)."""

    def __init__(self, ws: Workspace, owner: str, ttl: float, *, clock: Clock = time.time) -> None:
        if ttl <= 0:
            raise ValueError("ttl must be > 0")
        self.ws = ws
        self.owner = owner
        self.ttl = ttl
        self.token = uuid.uuid4().hex
        self.held = False
        self.lost = False
        self.holder: LeaseHolder | None = None
        """The other dispatcher holding it, when this try did not get it."""
        self._clock = clock
        self._lock = threading.Lock()

    def __bool__(self) -> bool:
        return self.held and not self.lost

    def __repr__(self) -> str:
        return f"Lease(owner={self.owner!r}, held={self.held}, lost={self.lost})"

    def acquire(self) -> bool:
        """Take the lease if it is free, expired or already ours; True when held."""
        with self._lock, self.ws.write() as session:
            now = self._clock()
            current = _Stored.parse(local_state.get(session, StateKey.DISPATCH_LEASE))
            if current is not None and current.token != self.token and current.expires > now:
                self.held = False
                self.holder = current.holder()
                return False
            mine = _Stored(self.owner, self.token, now + self.ttl)
            local_state.put(session, StateKey.DISPATCH_LEASE, mine.dump())
            self.held = True
            self.holder = None
            return True

    def renew(self) -> bool:
        """Push the expiry ``ttl`` seconds on; False (and ``lost``) if another took it."""
        if not self.held or self.lost:
            return False
        with self._lock, self.ws.write() as session:
            now = self._clock()
            current = _Stored.parse(local_state.get(session, StateKey.DISPATCH_LEASE))
            if current is not None and current.token != self.token:
                self.lost = True
                self.holder = current.holder()
                return False
            mine = _Stored(self.owner, self.token, now + self.ttl)
            local_state.put(session, StateKey.DISPATCH_LEASE, mine.dump())
            return True

    def release(self) -> None:
        """Give the lease back (only if it is still ours)."""
        if not self.held:
            return
        with self._lock, self.ws.write() as session:
            current = _Stored.parse(local_state.get(session, StateKey.DISPATCH_LEASE))
            if current is not None and current.token == self.token:
                local_state.put(session, StateKey.DISPATCH_LEASE, "")
        self.held = False


def lease_holder(ws: Workspace, *, clock: Clock = time.time) -> LeaseHolder | None:
    """Who holds the workspace's dispatch lease now (None: nobody, or it expired)."""
    with ws.read() as session:
        current = _Stored.parse(local_state.get(session, StateKey.DISPATCH_LEASE))
    if current is None or current.expires <= clock():
        return None
    return current.holder()


@contextmanager
def lease(
    ws: Workspace,
    owner: str,
    ttl: float = DEFAULT_TTL,
    *,
    renew_every: float | None = None,
    clock: Clock = time.time,
) -> Iterator[Lease]:
    """Try to hold the workspace's dispatch lease for the block.

    Yields a ``Lease``, true when held: ``with lease(ws, "localpro dispatch") as held:``.
    When it is not, ``held.holder`` says who has it. While held, a thread renews it every
    ``renew_every`` seconds (a third of ``ttl``); it is released at the end of the block.
    ``owner`` is shown to whoever is refused (e.g. "the LocalPro app (pid 4242)").
    """
    held = Lease(ws, owner, ttl, clock=clock)
    if not held.acquire():
        yield held
        return
    stop = threading.Event()

    def keep() -> None:
        every = renew_every if renew_every is not None else ttl / 3
        while not stop.wait(every):
            try:
                if not held.renew():
                    log.warning("the dispatch lease was taken over by %s", held.holder)
                    return
            except Exception:  # a busy or closed database: try again at the next tick
                log.exception("could not renew the dispatch lease")

    keeper = threading.Thread(target=keep, name="dispatch-lease", daemon=True)
    keeper.start()
    try:
        yield held
    finally:
        stop.set()
        keeper.join()
        try:
            held.release()
        except Exception:  # it expires on its own
            log.exception("could not release the dispatch lease")
