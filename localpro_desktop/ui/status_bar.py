"""The status bar: connection state, this month's usage, a busy indicator and, while the
app's dispatcher sends, "Sending 120 of 500…"."""

from PySide6.QtCore import QTimer, Slot
from PySide6.QtNetwork import QNetworkInformation
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QWidget

from localpro_desktop.domain.plans import Metric
from localpro_desktop.services import usage
from localpro_desktop.services.assistant import usage as ai_usage
from localpro_desktop.ui import formatting as fmt
from localpro_desktop.ui.changes import concerns
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.dispatch_worker import (
    DispatchState,
    DispatchWorker,
    SendingTotals,
    sending_totals,
)
from localpro_desktop.ui.network_info import network_information

SENDING_POLL_MS = 2_000
"""While messages go out, the count is read again this often."""
SENDING_SOON_MS = 500
"""A burst of changes (one per message sent) becomes one count."""


class AppStatusBar(QStatusBar):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.connection = QLabel()
        self.usage = QLabel()
        self.sending = QLabel()
        self.sending.setStyleSheet("color: #1a5fb4;")
        self.sending.hide()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(90)
        self.busy.setMaximumHeight(12)
        self.busy.hide()
        self.addPermanentWidget(self.busy)
        self.addPermanentWidget(self.sending)
        self.addPermanentWidget(self.usage)
        self.addPermanentWidget(self.connection)
        ctx.runner.sig_busy.connect(self.busy.setVisible)
        ctx.bridge.sig_changed.connect(self._on_changed)
        self._network: QNetworkInformation | None = network_information()
        if self._network is not None:
            self._network.reachabilityChanged.connect(self._show_connection)
        self._show_connection()
        # Usage changes with the calendar month too, not only with our writes.
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh_usage)
        self._timer.start(10 * 60 * 1000)
        self.refresh_usage()
        self._dispatch_state = DispatchState()
        self._counting = False
        self._count_again = False
        self._sending_soon = QTimer(self)
        self._sending_soon.setSingleShot(True)
        self._sending_soon.setInterval(SENDING_SOON_MS)
        self._sending_soon.timeout.connect(self.refresh_sending)
        self._sending_poll = QTimer(self)
        self._sending_poll.setInterval(SENDING_POLL_MS)
        self._sending_poll.timeout.connect(self.refresh_sending)

    def attach_dispatch(self, worker: DispatchWorker) -> None:
        """Show what the app's dispatcher sends: "Sending 120 of 500…" while it works."""
        worker.sig_state.connect(self._dispatch_changed)
        worker.sig_round.connect(self._sending_changed)
        self._dispatch_changed(worker.state)

    @Slot(object)
    def _dispatch_changed(self, state: DispatchState) -> None:
        self._dispatch_state = state
        self.refresh_sending()

    @Slot(object)
    def _sending_changed(self, _report: object = None) -> None:
        if not self._sending_soon.isActive():
            self._sending_soon.start()

    @Slot()
    def refresh_sending(self) -> None:
        """Count the messages going out (on the database worker), one count at a time."""
        state = self._dispatch_state
        if not (state.running and state.leased and state.channels):
            self._show_sending(SendingTotals())
            return
        if self._counting:
            self._count_again = True
            return
        self._counting = True
        ws, channels = self.ctx.ws, state.channels
        self.ctx.runner.run(
            lambda: sending_totals(ws, channels),
            on_done=self._show_sending,
            on_error=self._sending_unreadable,
        )

    @Slot(object)
    def _show_sending(self, totals: SendingTotals) -> None:
        self._counting = False
        if totals.sending:
            self.sending.setText(
                self.tr("Sending {done} of {total}…").format(
                    done=fmt.number(totals.done), total=fmt.number(totals.total)
                )
            )
            self.sending.setToolTip(
                self.tr("Your campaigns go out in the background; you can keep working.")
            )
            self.sending.show()
            if not self._sending_poll.isActive():
                self._sending_poll.start()
        else:
            self.sending.hide()
            self._sending_poll.stop()
        if self._count_again:
            self._count_again = False
            self._sending_changed()

    @Slot(str, bool)
    def _sending_unreadable(self, _message: str, _is_bug: bool) -> None:
        self._counting = False

    def attach_sync(self, widget: QWidget) -> None:
        """Show the sync status instead of the bare network dot.

        "Online" from the operating system says nothing about whether the cloud answers or
        whether the work is backed up; the sync status says both.
        """
        self.connection.hide()
        self.addPermanentWidget(widget)

    @property
    def online(self) -> bool:
        if self._network is None:
            return False
        return self._network.reachability() == QNetworkInformation.Reachability.Online

    @Slot()
    def _show_connection(self, *_args: object) -> None:
        if self.online:
            self.connection.setText("● " + self.tr("Online"))
            self.connection.setStyleSheet("color: #1b7f3b;")
        else:
            self.connection.setText("○ " + self.tr("Offline"))
            self.connection.setStyleSheet("color: #8a6d00;")
        self.connection.setToolTip(
            self.tr("Everything works offline; changes sync when a connection appears.")
        )

    @Slot(object)
    def _on_changed(self, changes: object) -> None:
        if concerns(changes, "usage_events", "workspace_settings", "ai_usage"):
            self.refresh_usage()
        if concerns(changes, "campaigns", "campaign_recipients") and (self._dispatch_state.leased):
            self._sending_changed()

    def refresh_usage(self) -> None:
        ws = self.ctx.ws
        self.ctx.runner.run(
            lambda: (usage.current_report(ws), ai_usage.month_usage(ws)),
            on_done=self._show_usage,
        )

    @Slot(object)
    def _show_usage(self, reports: tuple[usage.UsageReport, ai_usage.AiUsage]) -> None:
        report, ai = reports
        messages = report.line(Metric.MESSAGES)
        prospects = report.line(Metric.PROSPECTS)
        text = self.tr("{plan} · messages {used} / {limit} · prospects {pused} / {plimit}").format(
            plan=report.plan.label,
            used=fmt.number(messages.used),
            limit=fmt.limit(messages.limit),
            pused=fmt.number(prospects.used),
            plimit=fmt.limit(prospects.limit),
        )
        if ai.total:  # the assistant's tokens, beside the plan's usage, once it was used
            text += " · " + self.tr("AI {tokens} tokens").format(tokens=fmt.number(ai.total))
        self.usage.setText(text)
        self.usage.setToolTip(
            self.tr("Monthly usage; resets on {date}").format(date=fmt.day(report.resets_on))
        )
