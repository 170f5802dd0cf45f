"""Background sync in the window: Qt timers and the task runner drive the headless schedule.

When to run a round, how to back off and what the status says is decided by
``SyncSchedule`` (``sync/schedule.py``, through ``services.account``); this object only
arms one timer for its next deadline, tells it about edits, the network and the user, runs
the rounds and shows its state.

A round does network I/O that can take minutes on a 2G link, so it runs on the task
runner's pool, never on the UI thread and never on the serial database worker (user
actions queued there must not wait behind a slow upload).

Every cloud call of the window (rounds, and the account screen's sign-in, sign-out and
profile) goes through ``call`` and so through one ``CloudAccount``, one at a time: the
server rotates refresh tokens and treats a token used twice as stolen (signing the device
out), so two clients refreshing at once must never happen.
"""

from __future__ import annotations

import logging
import math
import random
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtNetwork import QNetworkInformation

from localpro_desktop.domain.changes import ChangeSet
from localpro_desktop.services.account import (
    ClientFactory,
    CloudAccount,
    CloudResult,
    Failure,
    LocalSyncState,
    RoundOutcome,
    ScheduleConfig,
    SyncSchedule,
    SyncStatus,
    Trigger,
    attempt,
    read_local_state,
)
from localpro_desktop.ui.account.cloud import ensure_worker_thread
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.network_info import network_information
from localpro_desktop.ui.tasks import TaskHandle, Wants
from localpro_protocol.wire import SYNCED_TABLES

__all__ = ["RoundOutcome", "SyncScheduler", "SyncStatus", "Trigger"]

log = logging.getLogger(__name__)

DEBOUNCE_MS = 5_000
INTERVAL_MS = 5 * 60 * 1000
START_DELAY_MS = 3_000
"""The first round waits a little: start-up has the disk to itself."""
REFRESH_MS = 250
"""Counting waiting changes is coalesced: an import publishes many change sets."""
BACKOFF_BASE = 5.0
BACKOFF_CAP = 300.0

T = TypeVar("T")


class SyncScheduler(QObject):
    """Runs sync rounds when the schedule says (one at a time, off the UI thread)."""

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
        client_factory: ClientFactory | None = None,
        rng: random.Random | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        config = ScheduleConfig(
            debounce=debounce_ms / 1000,
            interval=interval_ms / 1000,
            start_delay=start_delay_ms / 1000,
            backoff_base=backoff_base,
            backoff_cap=backoff_cap,
        )
        self.schedule = SyncSchedule(config, rng=rng, on_status=self.sig_state.emit)
        self.account = CloudAccount(
            ctx.ws, client_factory=client_factory, guard=ensure_worker_thread
        )
        self._handle: TaskHandle | None = None
        self._wake = QTimer(self)
        self._wake.setSingleShot(True)
        self._wake.timeout.connect(self._on_wake)
        self._refresh_soon = QTimer(self)
        self._refresh_soon.setSingleShot(True)
        self._refresh_soon.setInterval(REFRESH_MS)
        self._refresh_soon.timeout.connect(self.refresh)
        ctx.bridge.sig_changed.connect(self._on_changed)
        self._network: QNetworkInformation | None = network_information()
        if self._network is not None:
            self._network.reachabilityChanged.connect(self._on_reachability)

    # -- public -----------------------------------------------------------------------

    @property
    def status(self) -> SyncStatus:
        return self.schedule.status

    @property
    def running(self) -> bool:
        return self._handle is not None

    def start(self) -> None:
        """Read the local state now; first round shortly, then every few minutes."""
        self.schedule.start()
        self.refresh()
        self._rearm()

    def stop(self) -> None:
        """For shutdown: no new rounds; a round in flight is cut (it resumes next start)."""
        self.schedule.stop()
        self._wake.stop()
        self._refresh_soon.stop()
        self.account.close()

    @Slot()
    def sync_now(self) -> None:
        """The user asked: run now, even while an automatic retry is pending."""
        self._launch(self.schedule.sync_now())

    def call(
        self, fn: Callable[[CloudAccount], T], on_done: Callable[[CloudResult[T]], None]
    ) -> TaskHandle:
        """Run ``fn(account)`` on the pool, after any round in flight; never raises."""
        account = self.account

        def work() -> CloudResult[T]:
            ensure_worker_thread()
            return attempt(lambda: fn(account))

        return self.ctx.runner.run(work, database=False, on_done=on_done)

    @Slot()
    def account_changed(self) -> None:
        """After sign-in or sign-out: sync now (or settle the signed-out state at once)."""
        self._launch(self.schedule.account_changed())

    @Slot()
    def refresh(self) -> None:
        """Re-read waiting/rejected counts, last sync and the sign-in (on a worker)."""
        ws = self.ctx.ws

        def read() -> LocalSyncState:
            ensure_worker_thread()
            return read_local_state(ws)

        self.ctx.runner.run(
            read,
            database=False,
            on_done=self._on_local_state,
            on_error=lambda message, _bug: log.warning("sync state unreadable: %s", message),
        )

    # -- triggers ---------------------------------------------------------------------

    @Slot(object)
    def _on_changed(self, changes: object) -> None:
        if not isinstance(changes, ChangeSet) or changes.initiator is self:
            return
        if not changes.tables & set(SYNCED_TABLES):
            return
        if self.schedule.local_changed():
            self._refresh_soon.start()
            self._rearm()

    @Slot()
    def _on_wake(self) -> None:
        self._launch(self.schedule.due())

    @Slot(object)
    def _on_reachability(self, reachability: object) -> None:
        if reachability == QNetworkInformation.Reachability.Online:
            self._launch(self.schedule.network_back())

    def _request(self, trigger: Trigger) -> None:
        """Ask for a round for ``trigger`` (the schedule decides whether it runs now)."""
        self._launch(self.schedule.request(trigger))

    def _launch(self, trigger: Trigger | None) -> None:
        """Start the round the schedule just allowed (if any), then re-arm the timer."""
        if trigger is not None:
            account = self.account
            self._handle = self.ctx.runner.run(
                lambda progress: account.run_round(trigger, lambda: progress("sync", 0, 0)),
                database=False,
                wants=Wants.PROGRESS,
                on_progress=self._on_round_started,
                on_done=self._on_round_done,
                on_error=self._on_round_crashed,
            )
        self._rearm()

    def _rearm(self) -> None:
        wake = self.schedule.next_wakeup()
        if wake is None:
            self._wake.stop()
        else:
            # Rounded up: a timer firing a hair early would find nothing due.
            self._wake.start(math.ceil(wake * 1000))

    # -- results (UI thread) ----------------------------------------------------------

    @Slot(str, int, int)
    def _on_round_started(self, _phase: str, _done: int, _total: int) -> None:
        self.schedule.mark_syncing()

    @Slot(object)
    def _on_round_done(self, outcome: RoundOutcome) -> None:
        self._handle = None
        follow = self.schedule.round_finished(outcome)
        self.sig_round_done.emit(outcome)
        self._launch(follow)

    @Slot(str, bool)
    def _on_round_crashed(self, message: str, _is_bug: bool) -> None:
        # run_round never raises; this is a last resort so the scheduler cannot wedge.
        log.error("sync round crashed: %s", message)
        self._handle = None
        follow = self.schedule.round_crashed(message)
        self.sig_round_done.emit(RoundOutcome(Trigger.USER, Failure.BUG, message))
        self._launch(follow)

    @Slot(object)
    def _on_local_state(self, local: LocalSyncState) -> None:
        self.schedule.local_state_read(local)
