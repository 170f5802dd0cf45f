"""When to run a sync round, how to back off, and what to say about it: the policy, no I/O.

A round (``SyncClient.sync_once``) does network I/O that can take minutes on a 2G link.
Rounds start:

* ~5 s after the last local change to a synced table (debounced: typing a note is one round),
* every 5 minutes (to receive other devices' changes),
* when the network comes back,
* when the user asks ("Sync now", ``localpro sync``) or signs in.

Never two at once: a trigger during a round asks for one more round after it. When the cloud
cannot be reached, retries back off exponentially with jitter (so thousands of laptops coming
back online together do not hammer the server in step) and the status says Offline.

``SyncSchedule`` only decides; whoever drives it (the window's Qt timers, ``localpro sync
--watch``'s loop) runs the rounds and tells it how they ended. Time comes from an injectable
monotonic clock, so the policy is tested without Qt and without sleeping.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

from localpro_desktop.domain.errors import UserError
from localpro_desktop.sync.client import NotSignedIn, SyncReport
from localpro_desktop.sync.transport import SyncUnavailable, backoff_delays

log = logging.getLogger(__name__)


class Trigger(StrEnum):
    START = "start"
    CHANGES = "changes"
    TIMER = "timer"
    NETWORK = "network"
    RETRY = "retry"
    USER = "user"
    ACCOUNT = "account"


AUTOMATIC = frozenset(
    {Trigger.START, Trigger.CHANGES, Trigger.TIMER, Trigger.RETRY, Trigger.NETWORK}
)
"""Triggers that do nothing while signed out (the user did not ask)."""
DEFERRED_BY_BACKOFF = frozenset({Trigger.CHANGES, Trigger.TIMER})
"""Triggers that wait for the pending retry instead of knocking on a dead server."""


class Failure(StrEnum):
    OFFLINE = "offline"
    """The server could not be reached or was busy: try again later."""
    SIGNED_OUT = "signed_out"
    """No sign-in on this computer (or it was revoked)."""
    REFUSED = "refused"
    """The server said no; the message is user-ready (English, from the server)."""
    BUG = "bug"
    """Unexpected: logged with its trace."""


def classify(exc: BaseException) -> tuple[Failure, str]:
    """Which kind of failure ``exc`` is; NotSignedIn before UserError (it is one)."""
    if isinstance(exc, NotSignedIn):
        return Failure.SIGNED_OUT, str(exc)
    if isinstance(exc, SyncUnavailable):
        return Failure.OFFLINE, str(exc)
    if isinstance(exc, UserError):
        return Failure.REFUSED, str(exc)
    log.exception("cloud call failed", exc_info=exc)
    return Failure.BUG, f"{type(exc).__name__}: {exc}"


@dataclass(frozen=True)
class LocalSyncState:
    """What this workspace knows about its sync without asking the server."""

    signed_in: bool
    email: str
    server: str
    last_sync_at: datetime | None
    last_error: str
    waiting: int
    rejected: int


@dataclass(frozen=True)
class SyncStatus:
    """Everything the status bar and the account screen show about sync."""

    signed_in: bool = False
    online: bool | None = None
    """True when the last round reached the cloud, False when it could not, None: not tried."""
    syncing: bool = False
    last_sync_at: datetime | None = None
    waiting: int = 0
    """Local changes the cloud has not acknowledged yet (records, as users count them)."""
    last_error: str = ""
    rejected: int = 0
    email: str = ""
    server: str = ""
    retry_at: datetime | None = None
    """When the next automatic retry happens after a failed round (UTC)."""
    loaded: bool = False
    """False until the workspace's sync state was first read (show nothing definite)."""


@dataclass(frozen=True)
class RoundOutcome:
    trigger: Trigger
    failure: Failure | None = None
    message: str = ""
    skipped: bool = False
    """A change-triggered round found nothing to push (e.g. the changes were pulled ones)."""
    report: SyncReport | None = None
    local: LocalSyncState | None = None


@dataclass(frozen=True)
class ScheduleConfig:
    """Seconds. The defaults are the app's; tests and ``sync --watch`` pass their own."""

    debounce: float = 5.0
    interval: float = 5 * 60.0
    start_delay: float = 3.0
    """The first round waits a little: start-up has the disk to itself."""
    backoff_base: float = 5.0
    backoff_cap: float = 300.0


class SyncSchedule:
    """Decides when rounds run (one at a time) and folds their outcomes into a SyncStatus.

    The driver calls the event methods (``local_changed``, ``sync_now``, ``network_back``,
    ``account_changed``), ``due()`` when ``next_wakeup()`` seconds have passed, and
    ``round_finished`` after each round. A method returning a Trigger means "start a round
    now, for this reason"; the schedule then counts that round as running.
    """

    def __init__(
        self,
        config: ScheduleConfig | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        wall: Callable[[], datetime] = lambda: datetime.now(UTC),
        rng: random.Random | None = None,
        on_status: Callable[[SyncStatus], None] | None = None,
    ) -> None:
        self.config = config or ScheduleConfig()
        self._clock = clock
        self._wall = wall
        self._rng = rng or random.Random()
        self._on_status = on_status
        self._status = SyncStatus()
        self._stopped = True
        self._running = False
        self._again: Trigger | None = None
        self._failures = 0
        # Deadlines on the monotonic clock; None: not armed.
        self._first_at: float | None = None
        self._retry_at: float | None = None
        self._debounce_at: float | None = None
        self._tick_at: float | None = None

    # -- what the driver reads ----------------------------------------------------------

    @property
    def status(self) -> SyncStatus:
        return self._status

    @property
    def running(self) -> bool:
        return self._running

    @property
    def stopped(self) -> bool:
        return self._stopped

    @property
    def retry_pending(self) -> bool:
        return self._retry_at is not None

    def next_wakeup(self) -> float | None:
        """Seconds until ``due()`` may have something to start (None: nothing armed)."""
        armed = [t for t in self._deadlines() if t is not None]
        if self._stopped or not armed:
            return None
        return max(min(armed) - self._clock(), 0.0)

    # -- events -------------------------------------------------------------------------

    def start(self, *, first_round: bool = True) -> None:
        """A first round after ``start_delay`` (unless the driver starts one itself), then
        every ``interval``."""
        now = self._clock()
        self._stopped = False
        self._tick_at = now + self.config.interval
        self._first_at = now + self.config.start_delay if first_round else None

    def stop(self) -> None:
        """No new rounds (a round in flight still reports its end)."""
        self._stopped = True
        self._first_at = self._retry_at = self._debounce_at = self._tick_at = None

    def local_changed(self) -> bool:
        """A synced table changed here; True when the waiting count is worth re-reading."""
        if self._stopped:
            return False
        if self._status.signed_in or not self._status.loaded:
            # (Re)start: the round comes once the edits pause.
            self._debounce_at = self._clock() + self.config.debounce
        return True

    def sync_now(self) -> Trigger | None:
        """The user asked: run now, even while an automatic retry is pending."""
        return self.request(Trigger.USER)

    def network_back(self) -> Trigger | None:
        """The network came back: no reason to wait out the backoff."""
        self._retry_at = None
        return self.request(Trigger.NETWORK)

    def account_changed(self) -> Trigger | None:
        """After sign-in or sign-out: sync now (or settle the signed-out state at once)."""
        self._failures = 0
        self._retry_at = None
        self._publish(retry_at=None)
        return self.request(Trigger.ACCOUNT)

    def due(self) -> Trigger | None:
        """Fire the deadlines that have passed; the trigger of the round to start, if any."""
        now = self._clock()
        started: Trigger | None = None
        if self._first_at is not None and self._first_at <= now:
            self._first_at = None
            started = self.request(Trigger.START) or started
        if self._retry_at is not None and self._retry_at <= now:
            self._retry_at = None
            started = self.request(Trigger.RETRY) or started
        if self._debounce_at is not None and self._debounce_at <= now:
            self._debounce_at = None
            started = self.request(Trigger.CHANGES) or started
        if self._tick_at is not None and self._tick_at <= now:
            self._tick_at = now + self.config.interval
            started = self.request(Trigger.TIMER) or started
        return started

    def request(self, trigger: Trigger) -> Trigger | None:
        """Ask for a round; ``trigger`` when it starts now, None when it waits or is moot."""
        if self._stopped:
            return None
        if trigger in AUTOMATIC and self._status.loaded and not self._status.signed_in:
            return None
        if trigger in DEFERRED_BY_BACKOFF and self._retry_at is not None:
            return None
        if self._running:
            # One round at a time; remember to go again (a deliberate trigger wins).
            if self._again is None or self._again is Trigger.CHANGES:
                self._again = trigger
            return None
        self._retry_at = None
        if trigger is not Trigger.CHANGES:
            self._debounce_at = None  # this round pushes those changes too
        self._running = True
        return trigger

    def mark_syncing(self) -> None:
        """The round really talks to the cloud (it was not skipped or signed out)."""
        if not self._status.syncing:
            self._publish(syncing=True)

    def local_state_read(self, local: LocalSyncState) -> None:
        fields_ = local_fields(local)
        if self._running:
            # A round in flight owns the error and the counts it will report.
            fields_.pop("last_error")
        self._publish(**fields_)

    def round_finished(self, outcome: RoundOutcome) -> Trigger | None:
        """Fold ``outcome`` into the status; the trigger of a follow-up round to start now."""
        self._running = False
        changes: dict[str, Any] = {"syncing": False}
        if outcome.local is not None:
            changes.update(local_fields(outcome.local))
        if outcome.failure is None:
            if not outcome.skipped:
                self._failures = 0
                changes.update(online=True, retry_at=None)
        elif outcome.failure is Failure.OFFLINE:
            changes.update(online=False, last_error=outcome.message)
            if not self._stopped:
                changes["retry_at"] = self._schedule_retry()
        elif outcome.failure is Failure.SIGNED_OUT:
            self._retry_at = None
            changes.update(signed_in=False, retry_at=None)
        else:
            # Reached, but refused (or a bug): no hammering; the periodic round tries again.
            changes.update(online=True, last_error=outcome.message, retry_at=None)
        self._publish(**changes)
        return self._after_round(outcome)

    def round_crashed(self, message: str) -> Trigger | None:
        """The driver's last resort when a round raised, so the schedule cannot wedge."""
        self._running = False
        self._publish(syncing=False, last_error=message)
        return self._after_round(None)

    # -- inside -------------------------------------------------------------------------

    def _deadlines(self) -> tuple[float | None, ...]:
        return (self._first_at, self._retry_at, self._debounce_at, self._tick_at)

    def _after_round(self, outcome: RoundOutcome | None) -> Trigger | None:
        if self._stopped:
            return None
        again, self._again = self._again, None
        if again is not None:
            return self.request(again)
        if (
            outcome is not None
            and outcome.failure is None
            and not outcome.skipped
            and self._status.waiting
        ):
            # Edits made while the round ran.
            self._debounce_at = self._clock() + self.config.debounce
        return None

    def _schedule_retry(self) -> datetime:
        self._failures += 1
        base, cap = self.config.backoff_base, self.config.backoff_cap
        delays = backoff_delays(self._failures, base=base, cap=cap, rng=self._rng)
        # Full jitter may draw ~0; a floor keeps a dead server from being hit in a loop.
        seconds = max(base, delays[-1])
        self._retry_at = self._clock() + seconds
        return self._wall() + timedelta(seconds=seconds)

    def _publish(self, **changes: Any) -> None:
        status = replace(self._status, **changes)
        if status != self._status:
            self._status = status
            if self._on_status is not None:
                self._on_status(status)


def local_fields(local: LocalSyncState) -> dict[str, Any]:
    """The SyncStatus fields a LocalSyncState sets (and ``loaded``)."""
    values = {f.name: getattr(local, f.name) for f in fields(LocalSyncState)}
    return {"loaded": True, **values}
