"""The status bar: connection state, this month's usage and a busy indicator."""

from PySide6.QtCore import QTimer, Slot
from PySide6.QtNetwork import QNetworkInformation
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QWidget

from localpro_desktop.domain.plans import Metric
from localpro_desktop.services import usage
from localpro_desktop.ui import formatting as fmt
from localpro_desktop.ui.changes import concerns
from localpro_desktop.ui.context import UiContext


class AppStatusBar(QStatusBar):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.connection = QLabel()
        self.usage = QLabel()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(90)
        self.busy.setMaximumHeight(12)
        self.busy.hide()
        self.addPermanentWidget(self.busy)
        self.addPermanentWidget(self.usage)
        self.addPermanentWidget(self.connection)
        ctx.runner.sig_busy.connect(self.busy.setVisible)
        ctx.bridge.sig_changed.connect(self._on_changed)
        self._network: QNetworkInformation | None = None
        if QNetworkInformation.loadDefaultBackend():
            self._network = QNetworkInformation.instance()
        if self._network is not None:
            self._network.reachabilityChanged.connect(self._show_connection)
        self._show_connection()
        # Usage changes with the calendar month too, not only with our writes.
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh_usage)
        self._timer.start(10 * 60 * 1000)
        self.refresh_usage()

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
        if concerns(changes, "usage_events", "workspace_settings"):
            self.refresh_usage()

    def refresh_usage(self) -> None:
        ws = self.ctx.ws
        self.ctx.runner.run(lambda: usage.current_report(ws), on_done=self._show_usage)

    @Slot(object)
    def _show_usage(self, report: usage.UsageReport) -> None:
        messages = report.line(Metric.MESSAGES)
        prospects = report.line(Metric.PROSPECTS)
        self.usage.setText(
            self.tr("{plan} · messages {used} / {limit} · prospects {pused} / {plimit}").format(
                plan=report.plan.label,
                used=fmt.number(messages.used),
                limit=fmt.limit(messages.limit),
                pused=fmt.number(prospects.used),
                plimit=fmt.limit(prospects.limit),
            )
        )
        self.usage.setToolTip(
            self.tr("Monthly usage; resets on {date}").format(date=fmt.day(report.resets_on))
        )
