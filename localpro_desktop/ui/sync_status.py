"""The sync corner of the status bar: "Synced 2 min ago", "14 changes waiting", "Offline".

Users of an offline-first app need to know one thing at a glance: is my work safe in the
cloud yet? The text answers that; "Sync now" is there for the moment before closing the
laptop, and a red "3 rejected" appears only when the server refused something, with the
reasons one click away.
"""

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QTimer, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from localpro_desktop.ui import formatting as fmt
from localpro_desktop.ui.account.scheduler import SyncScheduler, SyncStatus
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.style import ERROR_COLOR, MUTED_COLOR

OK_COLOR = "#1b7f3b"
WARN_COLOR = "#8a6d00"


def synced_phrase(last: datetime | None, now: datetime | None = None) -> str:
    """ "Synced 2 min ago": minutes matter right after a sync, the date days later."""
    if last is None:
        return QCoreApplication.translate("SyncStatus", "Not synced yet")
    now = now or datetime.now(UTC)
    if last.tzinfo is None:
        last = last.replace(tzinfo=UTC)
    minutes = max(int((now - last).total_seconds() // 60), 0)
    if minutes < 1:
        return QCoreApplication.translate("SyncStatus", "Synced just now")
    if minutes == 1:
        return QCoreApplication.translate("SyncStatus", "Synced 1 min ago")
    if minutes < 60:
        return QCoreApplication.translate("SyncStatus", "Synced {count} min ago").format(
            count=fmt.number(minutes)
        )
    hours = minutes // 60
    if hours == 1:
        return QCoreApplication.translate("SyncStatus", "Synced 1 hour ago")
    if hours < 24:
        return QCoreApplication.translate("SyncStatus", "Synced {count} hours ago").format(
            count=fmt.number(hours)
        )
    local = last.astimezone()
    return QCoreApplication.translate("SyncStatus", "Synced on {date}").format(
        date=fmt.day(local.date())
    )


def waiting_phrase(count: int) -> str:
    if count == 1:
        return QCoreApplication.translate("SyncStatus", "1 change waiting")
    return QCoreApplication.translate("SyncStatus", "{count} changes waiting").format(
        count=fmt.number(count)
    )


def rejected_phrase(count: int) -> str:
    if count == 1:
        return QCoreApplication.translate("SyncStatus", "1 change rejected")
    return QCoreApplication.translate("SyncStatus", "{count} changes rejected").format(
        count=fmt.number(count)
    )


def describe(status: SyncStatus, now: datetime | None = None) -> tuple[str, str, str]:
    """(text, colour, tooltip) for ``status``: the most useful fact first."""
    if not status.loaded:
        return "", MUTED_COLOR, ""
    if not status.signed_in:
        return (
            QCoreApplication.translate("SyncStatus", "Not signed in"),
            MUTED_COLOR,
            QCoreApplication.translate(
                "SyncStatus",
                "Everything works offline. Sign in to back up your data and share it "
                "between computers.",
            ),
        )
    where = QCoreApplication.translate("SyncStatus", "Signed in as {email} on {server}").format(
        email=status.email or "?", server=status.server
    )
    if status.syncing:
        return QCoreApplication.translate("SyncStatus", "Syncing…"), OK_COLOR, where
    if status.online is False:
        text = QCoreApplication.translate("SyncStatus", "Offline")
        if status.waiting:
            text = f"{text} · {waiting_phrase(status.waiting)}"
        tip = QCoreApplication.translate(
            "SyncStatus",
            "The cloud cannot be reached; your changes are kept and sent automatically.",
        )
        if status.retry_at is not None:
            seconds = max(int((status.retry_at - (now or datetime.now(UTC))).total_seconds()), 0)
            tip += "\n" + QCoreApplication.translate(
                "SyncStatus", "Next try in {seconds} s."
            ).format(seconds=fmt.number(seconds))
        if status.last_error:
            tip += "\n" + status.last_error
        return text, WARN_COLOR, tip
    if status.last_error and status.online:
        # Reached but refused (this session): an old "cannot reach" is not a problem.
        text = QCoreApplication.translate("SyncStatus", "Sync problem")
        if status.waiting:
            text = f"{text} · {waiting_phrase(status.waiting)}"
        return text, ERROR_COLOR, f"{status.last_error}\n{where}"
    if status.waiting:
        return waiting_phrase(status.waiting), WARN_COLOR, where
    return synced_phrase(status.last_sync_at, now), OK_COLOR, where


class SyncStatusWidget(QWidget):
    """Sync state, "Sync now", the rejected count and the way to the account screen."""

    sig_open_account = Signal()
    """The user wants the account screen (to sign in, or to see the plan)."""
    sig_show_rejected = Signal()
    """The user wants the list of changes the server refused, with reasons."""

    def __init__(
        self, ctx: UiContext, scheduler: SyncScheduler, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.scheduler = scheduler
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.label = QLabel()
        self.rejected_button = self._link_button(ERROR_COLOR)
        self.rejected_button.clicked.connect(self.sig_show_rejected)
        self.sync_button = self._link_button(None)
        self.sync_button.setText(self.tr("Sync now"))
        self.sync_button.setToolTip(self.tr("Send your changes and fetch the others' now"))
        self.sync_button.clicked.connect(scheduler.sync_now)
        self.account_button = self._link_button(None)
        self.account_button.clicked.connect(self.sig_open_account)
        for widget in (self.label, self.rejected_button, self.sync_button, self.account_button):
            layout.addWidget(widget)
        scheduler.sig_state.connect(self.show_status)
        # "2 min ago" goes stale on its own.
        self._clock = QTimer(self)
        self._clock.timeout.connect(self._redraw)
        self._clock.start(30_000)
        self.show_status(scheduler.status)

    def _link_button(self, color: str | None) -> QPushButton:
        button = QPushButton()
        button.setFlat(True)
        style = "QPushButton { border: none; padding: 0 2px; text-decoration: underline;"
        style += f" color: {color or '#1a5fb4'}; }}"
        button.setStyleSheet(style)
        return button

    @Slot(object)
    def show_status(self, status: SyncStatus) -> None:
        text, color, tip = describe(status)
        self.label.setText(f"{'●' if status.signed_in else '○'} {text}" if text else "")
        self.label.setStyleSheet(f"color: {color};")
        self.label.setToolTip(tip)
        self.rejected_button.setText(rejected_phrase(status.rejected))
        self.rejected_button.setToolTip(self.tr("Show the changes the cloud refused, and why"))
        self.rejected_button.setVisible(status.rejected > 0)
        self.sync_button.setVisible(status.loaded and status.signed_in)
        self.sync_button.setEnabled(not status.syncing)
        self.account_button.setText(
            self.tr("Account…") if status.signed_in else self.tr("Sign in…")
        )
        self.account_button.setVisible(status.loaded)

    @Slot()
    def _redraw(self) -> None:
        self.show_status(self.scheduler.status)
