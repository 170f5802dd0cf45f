"""The account screen's signed-in page: who, the plan and this month's usage, the sync state.

It only shows what it is given and emits what the user asks; the account dialog owns the
cloud calls and decides which page is shown.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from localpro_desktop.domain.plans import Metric, Plan
from localpro_desktop.services.account import SyncStatus
from localpro_desktop.ui import formatting as fmt
from localpro_desktop.ui.style import ERROR_COLOR, MUTED_COLOR
from localpro_desktop.ui.sync_status import rejected_phrase, synced_phrase, waiting_phrase
from localpro_protocol.wire import Profile


class SignedInPage(QWidget):
    """Account, plan, usage and sync, with "Sync now" and "Sign out"."""

    sig_sync_now = Signal()
    """The user wants a round now."""
    sig_sign_out = Signal()
    """The user wants to sign this computer out."""
    sig_show_rejected = Signal()
    """The user wants the list of refused changes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.who = QLabel()
        self.who.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.who.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.who_detail = QLabel()
        self.who_detail.setStyleSheet(f"color: {MUTED_COLOR};")
        self.who_detail.hide()
        layout.addWidget(self.who)
        layout.addWidget(self.who_detail)
        layout.addWidget(self._build_plan_box())
        layout.addWidget(self._build_sync_box())

        row = QHBoxLayout()
        self.sync_button = QPushButton(self.tr("Sync now"))
        self.sync_button.clicked.connect(self.sig_sync_now)
        self.logout_button = QPushButton(self.tr("Sign out"))
        self.logout_button.setToolTip(
            self.tr("Your data stays on this computer; it syncs again when you sign in.")
        )
        self.logout_button.clicked.connect(self.sig_sign_out)
        row.addWidget(self.sync_button)
        row.addStretch(1)
        row.addWidget(self.logout_button)
        layout.addLayout(row)
        layout.addStretch(1)

    def _build_plan_box(self) -> QGroupBox:
        self.plan_box = QGroupBox(self.tr("Plan and usage this month"))
        plan_layout = QVBoxLayout(self.plan_box)
        self.plan_label = QLabel()
        self.plan_label.setStyleSheet("font-weight: 600;")
        plan_layout.addWidget(self.plan_label)
        self.usage_grid = QGridLayout()
        self.usage_grid.setColumnStretch(1, 1)
        plan_layout.addLayout(self.usage_grid)
        self.usage_rows: dict[str, tuple[QLabel, QProgressBar, QLabel]] = {}
        self.plan_note = QLabel()
        self.plan_note.setWordWrap(True)
        self.plan_note.setStyleSheet(f"color: {MUTED_COLOR};")
        self.plan_note.hide()
        plan_layout.addWidget(self.plan_note)
        return self.plan_box

    def _build_sync_box(self) -> QGroupBox:
        sync_box = QGroupBox(self.tr("Sync"))
        form = QFormLayout(sync_box)
        self.last_sync_label = QLabel()
        self.waiting_label = QLabel()
        self.server_label = QLabel()
        self.server_label.setStyleSheet(f"color: {MUTED_COLOR};")
        self.server_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rejected_button = QPushButton()
        self.rejected_button.setFlat(True)
        self.rejected_button.setStyleSheet(
            f"QPushButton {{ color: {ERROR_COLOR}; text-decoration: underline; border: none;"
            " text-align: left; padding: 0; }"
        )
        self.rejected_button.clicked.connect(self.sig_show_rejected)
        form.addRow(self.tr("Last sync"), self.last_sync_label)
        form.addRow(self.tr("Waiting to send"), self.waiting_label)
        form.addRow(self.tr("Server"), self.server_label)
        form.addRow("", self.rejected_button)
        return sync_box

    # -- showing ------------------------------------------------------------------------

    def show_note(self, text: str) -> None:
        """A line under the plan (fetching it, or why it cannot be shown)."""
        self.plan_note.setText(text)
        self.plan_note.show()

    def show_profile(self, profile: Profile) -> None:
        self.who.setText(profile.email)
        detail = " · ".join(p for p in (profile.name, profile.business_name) if p)
        self.who_detail.setText(detail)
        self.who_detail.setVisible(bool(detail))
        try:
            plan = Plan(profile.plan).label
        except ValueError:
            plan = profile.plan
        self.plan_label.setText(self.tr("{plan} plan").format(plan=plan))
        self.plan_note.hide()
        for line in profile.usage:
            self._usage_row(line.metric, line.used, line.limit)

    def _usage_row(self, metric: str, used: int, limit: int | None) -> None:
        if metric not in self.usage_rows:
            names = {
                Metric.PROSPECTS.value: self.tr("Prospects added"),
                Metric.MESSAGES.value: self.tr("Messages sent"),
            }
            label = QLabel(names.get(metric, metric))
            bar = QProgressBar()
            bar.setTextVisible(False)
            bar.setMaximumHeight(12)
            value = QLabel()
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            row = self.usage_grid.rowCount()
            self.usage_grid.addWidget(label, row, 0)
            self.usage_grid.addWidget(bar, row, 1)
            self.usage_grid.addWidget(value, row, 2)
            self.usage_rows[metric] = (label, bar, value)
        _label, bar, value = self.usage_rows[metric]
        if limit is None:
            bar.setRange(0, 1)
            bar.setValue(0)
            value.setText(self.tr("{used} (unlimited)").format(used=fmt.number(used)))
        else:
            bar.setRange(0, max(limit, 1))
            bar.setValue(min(used, limit))
            value.setText(f"{fmt.number(used)} / {fmt.limit(limit)}")
            full = used >= limit
            bar.setStyleSheet(
                f"QProgressBar::chunk {{ background: {ERROR_COLOR}; }}" if full else ""
            )

    def show_status(self, status: SyncStatus, *, busy: bool) -> None:
        if status.syncing:
            self.last_sync_label.setText(self.tr("Syncing…"))
        elif status.online is False:
            self.last_sync_label.setText(
                self.tr("Offline · {when}").format(when=synced_phrase(status.last_sync_at))
            )
        else:
            self.last_sync_label.setText(synced_phrase(status.last_sync_at))
        self.waiting_label.setText(
            waiting_phrase(status.waiting) if status.waiting else self.tr("Nothing: all sent")
        )
        self.server_label.setText(status.server)
        self.rejected_button.setText(rejected_phrase(status.rejected))
        self.rejected_button.setVisible(status.rejected > 0)
        self.sync_button.setEnabled(not status.syncing and not busy)
