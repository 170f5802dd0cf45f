"""The composer's "Send later, on …" row: a local date and time, stored as naive UTC."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone, Signal
from PySide6.QtWidgets import QCheckBox, QDateTimeEdit, QHBoxLayout, QLabel, QWidget

from localpro_desktop.ui.style import MUTED_COLOR


def local_to_utc(value: QDateTime) -> datetime:
    """The picker shows local time; the services store naive UTC."""
    utc = value.toUTC()
    d, t = utc.date(), utc.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), t.second())


def utc_to_local(value: datetime) -> QDateTime:
    utc = QDateTime(
        QDate(value.year, value.month, value.day),
        QTime(value.hour, value.minute, value.second),
        QTimeZone.utc(),
    )
    return utc.toLocalTime()


class ScheduleField(QWidget):
    """A tick box ("Send later, on") and the moment, in the user's local time."""

    sig_changed = Signal()
    """Ticked, unticked, or another moment chosen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.check = QCheckBox(self.tr("Send later, on"))
        self.check.toggled.connect(self._toggled)
        row.addWidget(self.check)
        self.edit = QDateTimeEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setEnabled(False)
        self.edit.dateTimeChanged.connect(self.sig_changed)
        row.addWidget(self.edit)
        row.addSpacing(6)
        self.hint = QLabel(self.tr("your local time"))
        self.hint.setStyleSheet(f"color: {MUTED_COLOR};")
        row.addWidget(self.hint)
        row.addStretch(1)

    def _toggled(self, checked: bool) -> None:
        self.edit.setEnabled(checked)
        self.sig_changed.emit()

    def reset(self) -> None:
        """Unticked, proposing the next full hour."""
        self.check.setChecked(False)
        now = QDateTime.currentDateTime()
        self.edit.setMinimumDateTime(now)
        start = now.addSecs(3600)
        start.setTime(QTime(start.time().hour(), 0))
        self.edit.setDateTime(start)

    def show_moment(self, when: datetime) -> None:
        """Ticked at ``when`` (naive UTC), even if that moment has just passed."""
        self.check.setChecked(True)
        local = utc_to_local(when)
        self.edit.setMinimumDateTime(min(local, QDateTime.currentDateTime()))
        self.edit.setDateTime(local)

    def moment(self) -> datetime | None:
        """The chosen moment in naive UTC, or None when it is not ticked."""
        return local_to_utc(self.edit.dateTime()) if self.check.isChecked() else None

    def in_past(self) -> bool:
        return self.edit.dateTime() <= QDateTime.currentDateTime()
