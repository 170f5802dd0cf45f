"""The app's dispatcher: a background thread that sends the outbox while the window is open.

The headless loop is the service's (``dispatcher.dispatch_until_idle(watch=True)``, the same
one ``localpro dispatch --watch`` runs); this object only gives it a thread, the dispatch
lease and the adapters of the channels set up, and wakes it:

- when a campaign is queued, resumed or taken over, or the user resends a message (the
  change hub names ``campaigns`` or ``campaign_recipients``);
- when the connection comes back (``QNetworkInformation``);
- every ``idle_seconds`` anyway (retries fall due, scheduled campaigns reach their time).

One dispatcher per workspace: while another process (``localpro dispatch``) holds the lease
the thread only waits and asks again. Channel adapters are built again every
``rebuild_seconds`` and on ``wake(rebuild=True)``, so a channel set up in the settings
starts sending without a restart.

The thread never touches a widget: it reports through queued signals (``sig_state``,
``sig_round``), delivered on the UI thread. ``stop`` (on quit) asks the loop to end between
rounds and waits for the thread, so nothing is left running when the window closes.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtNetwork import QNetworkInformation

from localpro_desktop.domain.campaigns import CampaignStatus, Channel
from localpro_desktop.services import campaign_sending
from localpro_desktop.services import dispatch as dispatcher
from localpro_desktop.services.campaigns import CampaignService
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.ui.changes import concerns
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.network_info import network_information

log = logging.getLogger(__name__)

IDLE_SECONDS = 5.0
"""Between idle rounds: a retry or a scheduled campaign waits at most this long."""
REBUILD_SECONDS = 60.0
"""Channel adapters are rebuilt this often (a channel just set up starts sending)."""
BUSY_SECONDS = 30.0
"""While another process holds the lease, ask for it again this often."""
START_DELAY_MS = 2_000
"""The first round waits a little: start-up has the disk to itself."""


def owner_name() -> str:
    """Who holds the lease, as ``localpro dispatch`` tells the user it is refused."""
    return f"the LocalPro app (pid {os.getpid()})"


@dataclass(frozen=True)
class DispatchState:
    """What the worker is doing, for the status bar."""

    running: bool = False
    """The thread runs."""
    leased: bool = False
    """This app holds the dispatch lease (else another process sends, or nothing yet)."""
    channels: frozenset[Channel] = field(default_factory=frozenset)
    """The channels it can send on (set up, adapters built)."""
    error: str = ""
    """The last unexpected failure of a round (logged; the loop carries on)."""


@dataclass(frozen=True)
class SendingTotals:
    """Messages of this laptop's campaigns going out now: ``done`` of ``total``."""

    done: int = 0
    total: int = 0
    campaigns: int = 0

    @property
    def sending(self) -> bool:
        return self.total > self.done


def sending_totals(ws: Workspace, channels: frozenset[Channel]) -> SendingTotals:
    """Done and total over the campaigns this laptop is sending on ``channels`` now.

    Paused, cancelled and other laptops' campaigns are not "sending here"; skipped
    recipients never go out and are left out of the total; a campaign whose only messages
    left wait for a person (unknown: check before resending) is not sending either.
    """
    done = total = campaigns = 0
    for campaign, _stats in CampaignService(ws).overview():
        if (
            campaign.status != CampaignStatus.SENT.value
            or Channel(campaign.channel) not in channels
            or campaign.paused_at is not None
            or campaign.cancelled_at is not None
            or campaign.sender_device_id != ws.device_id
        ):
            continue
        progress = campaign_sending.progress(ws, campaign.id)
        waiting = progress.counts["queued"] + progress.counts["sending"]
        if not waiting:
            continue
        counted = progress.total - progress.counts["skipped"]
        total += counted
        done += max(counted - waiting, 0)
        campaigns += 1
    return SendingTotals(done, total, campaigns)


class DispatchWorker(QObject):
    """Runs the dispatcher on its own thread for as long as the window is open."""

    sig_state = Signal(object)
    """A ``DispatchState`` each time it changes (queued to the UI thread)."""
    sig_round = Signal(object)
    """A round sent, retried, resolved or finished something: its report (``as_dict``)."""

    def __init__(
        self,
        ctx: UiContext,
        parent: QObject | None = None,
        *,
        idle_seconds: float = IDLE_SECONDS,
        rebuild_seconds: float = REBUILD_SECONDS,
        busy_seconds: float = BUSY_SECONDS,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.idle_seconds = idle_seconds
        self.rebuild_seconds = rebuild_seconds
        self.busy_seconds = busy_seconds
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()
        self._wake = threading.Event()
        self._rebuild = threading.Event()
        self._lock = threading.Lock()
        self._state = DispatchState()
        self._rebuild_at = 0.0
        self._start_timer = QTimer(self)
        self._start_timer.setSingleShot(True)
        self._start_timer.timeout.connect(self._start_now)
        ctx.bridge.sig_changed.connect(self._on_changed)
        self._network: QNetworkInformation | None = network_information()
        if self._network is not None:
            self._network.reachabilityChanged.connect(self._on_reachability)

    # -- control (UI thread) ----------------------------------------------------------

    @property
    def state(self) -> DispatchState:
        with self._lock:
            return self._state

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, delay_ms: int = 0) -> None:
        """Start the thread now, or after ``delay_ms`` (start-up has the disk first)."""
        if self.running or self._stopping.is_set():
            return
        if delay_ms > 0:
            self._start_timer.start(delay_ms)
        else:
            self._start_now()

    @Slot()
    def _start_now(self) -> None:
        if self.running or self._stopping.is_set():
            return
        self._thread = threading.Thread(target=self._run, name="localpro-dispatch", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 30.0) -> bool:
        """Ask the loop to end (between rounds) and wait for the thread; True when it did."""
        self._start_timer.stop()
        self._stopping.set()
        self._wake.set()
        thread = self._thread
        if thread is None:
            return True
        thread.join(timeout)
        if thread.is_alive():
            log.warning("the dispatcher did not stop within %.0f s", timeout)
            return False
        self._thread = None
        return True

    def wake(self, *, rebuild: bool = False) -> None:
        """Run a round now (a campaign was queued); ``rebuild``: read the channels again."""
        if rebuild:
            self._rebuild.set()
        self._wake.set()

    @Slot(object)
    def _on_changed(self, changes: object) -> None:
        # Queued, resumed, taken over (the campaign row), resent (its recipients). The
        # worker's own writes wake it too: at most one more round, which finds nothing.
        if concerns(changes, "campaigns", "campaign_recipients"):
            self.wake()

    @Slot(object)
    def _on_reachability(self, reachability: object) -> None:
        if reachability == QNetworkInformation.Reachability.Online:
            self.wake()

    # -- the thread -------------------------------------------------------------------

    def _run(self) -> None:
        ws = self.ctx.ws
        self._publish(running=True)
        try:
            while not self._stopping.is_set():
                self._wake.clear()
                self._rebuild.clear()
                pause = self.idle_seconds
                try:
                    pause = self._session(ws)
                except Exception as exc:  # a bug or a closed database: log, carry on
                    log.exception("dispatcher round failed")
                    self._publish(error=f"{type(exc).__name__}: {exc}")
                if pause:
                    self._sleep(pause)
        finally:
            self._publish(running=False, leased=False)

    def _session(self, ws: Workspace) -> float:
        """Hold the lease and dispatch until stopped, woken to rebuild, or due to rebuild.

        Returns how long to wait before the next session (0: at once).
        """
        with dispatcher.lease(ws, owner_name()) as held:
            if not held:
                self._publish(leased=False, channels=frozenset())
                return self.busy_seconds
            adapters = dispatcher.channels_for(ws)
            kinds = frozenset(Channel(kind.value) for kind in adapters)
            self._publish(leased=True, channels=kinds, error="")
            if not adapters:
                return self.idle_seconds
            self._rebuild_at = time.monotonic() + self.rebuild_seconds
            dispatcher.dispatch_until_idle(
                ws,
                adapters,
                watch=True,
                interval=self.idle_seconds,
                sleep=self._sleep,
                should_stop=self._should_end_session,
                on_round=self._on_round,
                rates=dispatcher.configured_rates(ws),
                lease=held,
            )
            if not held:  # another dispatcher took the lease over: ask again later
                self._publish(leased=False, channels=frozenset())
                return self.busy_seconds
        return 0.0

    def _should_end_session(self) -> bool:
        return (
            self._stopping.is_set()
            or self._rebuild.is_set()
            or time.monotonic() >= self._rebuild_at
        )

    def _sleep(self, seconds: float) -> None:
        """Wait ``seconds``, or less when woken or stopped."""
        if self._wake.wait(max(seconds, 0.0)):
            self._wake.clear()

    def _on_round(self, report: Any) -> None:
        as_dict = getattr(report, "as_dict", None)
        self.sig_round.emit(as_dict() if callable(as_dict) else report)

    def _publish(self, **changes: Any) -> None:
        with self._lock:
            values: Mapping[str, Any] = {**self._state.__dict__, **changes}
            state = DispatchState(**values)
            if state == self._state:
                return
            self._state = state
        self.sig_state.emit(state)


__all__ = [
    "DispatchState",
    "DispatchWorker",
    "SendingTotals",
    "sending_totals",
]
