"""Background sync: when to run a round, and what the status bar should say about it.

A round (``SyncClient.sync_once``) does network I/O that can take minutes on a 2G link, so
it runs on the task runner's pool, never on the UI thread and never on the serial database
worker (user actions queued there must not wait behind a slow upload). Rounds start:

* ~5 s after the last local change to a synced table (debounced: typing a note is one round),
* every 5 minutes (to receive other devices' changes),
* when the operating system says the network is back,
* when the user presses "Sync now" or signs in.

Never two at once: a trigger during a round asks for one more round after it. When the cloud
cannot be reached, retries back off exponentially with jitter (so thousands of laptops coming
back online together do not hammer the server in step) and the status shows Offline.

Every cloud call of the window (rounds, and the account screen's sign-in, sign-out and
profile) goes through ``call`` and so through one ``SyncClient``, one at a time: the server
rotates refresh tokens and treats a token used twice as stolen (signing the device out), so
two clients refreshing at once must never happen.
"""

from __future__ import annotations

import contextlib
import logging
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import TypeVar

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtNetwork import QNetworkInformation

from localpro_desktop.domain.changes import ChangeSet
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store import local_state
from localpro_desktop.store.local_state import StateKey
from localpro_desktop.sync import engine
from localpro_desktop.sync.client import SyncClient, SyncReport
from localpro_desktop.sync.transport import backoff_delays
from localpro_desktop.ui.account.cloud import (
    CloudResult,
    Failure,
    LocalSyncState,
    call,
    classify,
    ensure_worker_thread,
    read_local_state,
)
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.tasks import TaskHandle, Wants
from localpro_protocol.wire import SYNCED_TABLES

log = logging.getLogger(__name__)

DEBOUNCE_MS = 5_000
INTERVAL_MS = 5 * 60 * 1000
START_DELAY_MS = 3_000
"""The first round waits a little: start-up has the disk to itself."""
REFRESH_MS = 250
"""Counting waiting changes is coalesced: an import publishes many change sets."""
BACKOFF_BASE = 5.0
BACKOFF_CAP = 300.0


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


ClientFactory = Callable[[Workspace, str | None], SyncClient]
T = TypeVar("T")


class SyncScheduler(QObject):
    """Decides when sync rounds run (one at a time, off the UI thread) and reports state."""

    sig_state = Signal(object)
    """A SyncStatus, each time any part of it changes."""
    sig_round_done = Signal(object)
    """A RoundOutcome after every round, including skipped and failed ones."""

    def __init__(
        self,
        ctx: UiContext,
        parent: QObject | None = None,
        *,
        debounce_ms: int = DEBOUNCE_MS,
        interval_ms: int = INTERVAL_MS,
        start_delay_ms: int = START_DELAY_MS,
        backoff_base: float = BACKOFF_BASE,
        backoff_cap: float = BACKOFF_CAP,
        client_factory: ClientFactory = SyncClient,
        rng: random.Random | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._client_factory = client_factory
        self._backoff_base = backoff_base
        self._backoff_cap = backoff_cap
        self._rng = rng or random.Random()
        self._status = SyncStatus()
        self._failures = 0
        self._handle: TaskHandle | None = None
        self._again: Trigger | None = None
        self._stopped = True
        # One client for every cloud call (it keeps the access token across rounds), used
        # under the lock only, on worker threads.
        self._client: SyncClient | None = None
        self._lock = threading.Lock()

        self._debounce = self._timer(debounce_ms, single=True, slot=self._debounced)
        self._periodic = self._timer(interval_ms, single=False, slot=self._tick)
        self._retry = self._timer(0, single=True, slot=self._retry_now)
        self._first = self._timer(start_delay_ms, single=True, slot=self._first_round)
        self._refresh_soon = self._timer(REFRESH_MS, single=True, slot=self.refresh)
        ctx.bridge.sig_changed.connect(self._on_changed)
        self._network: QNetworkInformation | None = None
        if QNetworkInformation.loadDefaultBackend():
            self._network = QNetworkInformation.instance()
        if self._network is not None:
            self._network.reachabilityChanged.connect(self._on_reachability)

    def _timer(self, msecs: int, *, single: bool, slot: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(single)
        timer.setInterval(msecs)
        timer.timeout.connect(slot)
        return timer

    # -- public -----------------------------------------------------------------------

    @property
    def status(self) -> SyncStatus:
        return self._status

    @property
    def running(self) -> bool:
        return self._handle is not None

    def start(self) -> None:
        """Read the local state now; first round shortly, then every few minutes."""
        self._stopped = False
        self.refresh()
        self._periodic.start()
        self._first.start()

    def stop(self) -> None:
        """For shutdown: no new rounds; a round in flight is cut (it resumes next start)."""
        self._stopped = True
        for timer in (self._debounce, self._periodic, self._retry, self._first, self._refresh_soon):
            timer.stop()
        client = self._client
        if client is not None:
            # Closing the connection makes a read stalled on a slow link fail at once; the
            # round is transactional per batch and page, so nothing is half-applied.
            with contextlib.suppress(Exception):
                client.close()

    @Slot()
    def sync_now(self) -> None:
        """The user asked: run now, even while an automatic retry is pending."""
        self._request(Trigger.USER)

    def call(
        self,
        fn: Callable[[SyncClient], T],
        on_done: Callable[[CloudResult[T]], None],
        *,
        server: str | None = None,
    ) -> TaskHandle:
        """Run ``fn(client)`` on the pool, after any round in flight; never raises.

        ``server`` switches (and remembers) the cloud address, for signing in elsewhere.
        """

        def work() -> CloudResult[T]:
            ensure_worker_thread()
            with self._lock:
                return call(lambda: fn(self._client_for(server)))

        return self.ctx.runner.run(work, database=False, on_done=on_done)

    @Slot()
    def account_changed(self) -> None:
        """After sign-in or sign-out: sync now (or settle the signed-out state at once)."""
        self._failures = 0
        self._retry.stop()
        self._publish(retry_at=None)
        self._request(Trigger.ACCOUNT)

    @Slot()
    def refresh(self) -> None:
        """Re-read waiting/rejected counts, last sync and the sign-in (on a worker)."""
        ws = self.ctx.ws
        self.ctx.runner.run(
            lambda: read_local_state(ws),
            database=False,
            on_done=self._on_local_state,
            on_error=lambda message, _bug: log.warning("sync state unreadable: %s", message),
        )

    # -- triggers ---------------------------------------------------------------------

    @Slot(object)
    def _on_changed(self, changes: object) -> None:
        if not isinstance(changes, ChangeSet) or changes.initiator is self:
            return
        if not changes.tables & set(SYNCED_TABLES) or self._stopped:
            return
        self._refresh_soon.start()
        if self._status.signed_in or not self._status.loaded:
            self._debounce.start()  # (re)start: the round comes once the edits pause

    @Slot()
    def _debounced(self) -> None:
        self._request(Trigger.CHANGES)

    @Slot()
    def _tick(self) -> None:
        self._request(Trigger.TIMER)

    @Slot()
    def _retry_now(self) -> None:
        self._request(Trigger.RETRY)

    @Slot()
    def _first_round(self) -> None:
        self._request(Trigger.START)

    @Slot(object)
    def _on_reachability(self, reachability: object) -> None:
        if reachability == QNetworkInformation.Reachability.Online:
            # The network came back: no reason to wait out the backoff.
            self._retry.stop()
            self._request(Trigger.NETWORK)

    def _request(self, trigger: Trigger) -> None:
        if self._stopped:
            return
        if trigger in AUTOMATIC and self._status.loaded and not self._status.signed_in:
            return
        if trigger in DEFERRED_BY_BACKOFF and self._retry.isActive():
            return
        if self._handle is not None:
            # One round at a time; remember to go again (a deliberate trigger wins).
            if self._again is None or self._again is Trigger.CHANGES:
                self._again = trigger
            return
        self._retry.stop()
        if trigger is not Trigger.CHANGES:
            self._debounce.stop()  # this round pushes those changes too
        self._handle = self.ctx.runner.run(
            lambda progress: self._round(trigger, progress),
            database=False,
            wants=Wants.PROGRESS,
            on_progress=self._on_round_started,
            on_done=self._on_round_done,
            on_error=self._on_round_crashed,
        )

    # -- the round (worker thread) ----------------------------------------------------

    def _round(self, trigger: Trigger, progress: Callable[[str, int, int], None]) -> RoundOutcome:
        """One sync round; runs on a pool thread and never raises."""
        ensure_worker_thread()
        with self._lock:
            return self._locked_round(trigger, progress)

    def _locked_round(
        self, trigger: Trigger, progress: Callable[[str, int, int], None]
    ) -> RoundOutcome:
        ws = self.ctx.ws
        failure: Failure | None = None
        message = ""
        report: SyncReport | None = None
        try:
            client = self._client_for(None)
            if not client.signed_in():
                return RoundOutcome(trigger, Failure.SIGNED_OUT, local=read_local_state(ws))
            if trigger is Trigger.CHANGES and engine.pending(ws) == 0:
                return RoundOutcome(trigger, skipped=True, local=read_local_state(ws))
            progress("sync", 0, 0)
            report = client.sync_once()
        except Exception as exc:
            failure, message = classify(exc)
            if failure is not Failure.SIGNED_OUT:
                with contextlib.suppress(Exception), ws.write() as session:
                    local_state.put(session, StateKey.LAST_ERROR, message[:500])
        local: LocalSyncState | None
        try:
            local = read_local_state(ws)
        except Exception:
            log.exception("sync state unreadable after a round")
            local = None
        return RoundOutcome(trigger, failure, message, report=report, local=local)

    def _client_for(self, server: str | None) -> SyncClient:
        """The shared client; a new one when another server is asked for (under the lock)."""
        wanted = server.rstrip("/") if server else None
        if self._client is not None and (
            (wanted and wanted != self._client.server_url) or self._client.http.is_closed
        ):
            self._client.close()
            self._client = None
        if self._client is None:
            self._client = self._client_factory(self.ctx.ws, wanted)
        return self._client

    # -- results (UI thread) ----------------------------------------------------------

    @Slot(str, int, int)
    def _on_round_started(self, _phase: str, _done: int, _total: int) -> None:
        if not self._status.syncing:
            self._publish(syncing=True)

    @Slot(object)
    def _on_round_done(self, outcome: RoundOutcome) -> None:
        self._handle = None
        changes: dict[str, object] = {"syncing": False}
        if outcome.local is not None:
            changes.update(_local_fields(outcome.local))
        if outcome.failure is None:
            if not outcome.skipped:
                self._failures = 0
                changes.update(online=True, retry_at=None)
        elif outcome.failure is Failure.OFFLINE:
            changes.update(online=False, last_error=outcome.message)
            if not self._stopped:
                changes["retry_at"] = self._schedule_retry()
        elif outcome.failure is Failure.SIGNED_OUT:
            self._retry.stop()
            changes.update(signed_in=False, retry_at=None)
        else:
            # Reached, but refused (or a bug): no hammering; the periodic round tries again.
            changes.update(online=True, last_error=outcome.message, retry_at=None)
        self._publish(**changes)
        self.sig_round_done.emit(outcome)
        self._after_round(outcome)

    @Slot(str, bool)
    def _on_round_crashed(self, message: str, _is_bug: bool) -> None:
        # _round never raises; this is a last resort so the scheduler cannot wedge.
        log.error("sync round crashed: %s", message)
        self._handle = None
        self._publish(syncing=False, last_error=message)
        self.sig_round_done.emit(RoundOutcome(Trigger.USER, Failure.BUG, message))
        self._after_round(None)

    def _after_round(self, outcome: RoundOutcome | None) -> None:
        if self._stopped:
            return
        again, self._again = self._again, None
        if again is not None:
            self._request(again)
        elif (
            outcome is not None
            and outcome.failure is None
            and not outcome.skipped
            and self._status.waiting
        ):
            self._debounce.start()  # edits made while the round ran

    def _schedule_retry(self) -> datetime:
        self._failures += 1
        delays = backoff_delays(
            self._failures, base=self._backoff_base, cap=self._backoff_cap, rng=self._rng
        )
        # Full jitter may draw ~0; a floor keeps a dead server from being hit in a loop.
        seconds = max(self._backoff_base, delays[-1])
        self._retry.start(int(seconds * 1000))
        return datetime.now(UTC) + timedelta(seconds=seconds)

    @Slot(object)
    def _on_local_state(self, local: LocalSyncState) -> None:
        fields = _local_fields(local)
        if self._handle is not None:
            # A round in flight owns the error and the counts it will report.
            fields.pop("last_error")
        self._publish(**fields)

    def _publish(self, **changes: object) -> None:
        status = replace(self._status, **changes)  # type: ignore[arg-type]
        if status != self._status:
            self._status = status
            self.sig_state.emit(status)


def _local_fields(local: LocalSyncState) -> dict[str, object]:
    return {
        "loaded": True,
        "signed_in": local.signed_in,
        "email": local.email,
        "server": local.server,
        "last_sync_at": local.last_sync_at,
        "last_error": local.last_error,
        "waiting": local.waiting,
        "rejected": local.rejected,
    }
