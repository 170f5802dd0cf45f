"""The selected campaign: what it is, how it did (KPI tiles) and where each message stands.

Once sent, a campaign also shows its live progress (``progress.py``): "120 of 500 sent",
pause/resume/cancel, and beside the recipients list its failures with the providers'
reasons and the messages to check before resending.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal, SignalInstance, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from localpro_desktop.domain.campaigns import CampaignStatus, Channel, RecipientStatus, ShownState
from localpro_desktop.services.campaign_views import CampaignRow
from localpro_desktop.ui import formatting as fmt
from localpro_desktop.ui import labels
from localpro_desktop.ui.campaigns.columns import moment_width
from localpro_desktop.ui.campaigns.models import (
    RecipientColumn,
    RecipientsModel,
    opens_tracked,
    waiting_text,
)
from localpro_desktop.ui.campaigns.progress import CampaignProgress
from localpro_desktop.ui.campaigns.widgets import (
    RECIPIENT_STATUS_COLORS,
    STATE_COLORS,
    dot_icon,
    state_label,
)
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.style import CHANNEL_COLORS, ERROR_COLOR, MUTED_COLOR
from localpro_desktop.ui.widgets import KpiTile

_KPIS = ("recipients", "sent", "delivered", "opened", "replied", "failed")


class CampaignDetail(QWidget):
    """Shows one ``CampaignRow``; the tab feeds it a fresh row after every refresh."""

    sig_edit = Signal(str)
    """Reopen this draft or scheduled campaign (id) in the composer."""
    sig_duplicate = Signal(str)
    """Make a new draft from this campaign's content (id)."""
    sig_delete = Signal(str)
    """Delete this campaign (id); the tab asks for confirmation."""
    sig_open_contact = Signal(str)
    """Show this contact (id) in the CRM."""
    sig_open_draft = Signal(str)
    """A follow-up draft (id) was made from this campaign: open it in the composer."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.row: CampaignRow | None = None
        self.model = RecipientsModel(ctx, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(self._build_header())
        layout.addLayout(self._build_tiles())
        self.sending = CampaignProgress(ctx)
        self.sending.sig_open_draft.connect(self.sig_open_draft)
        self.sending.sig_loaded.connect(self._update_lists)
        layout.addWidget(self.sending)
        body = QSplitter(Qt.Orientation.Horizontal)
        body.setChildrenCollapsible(False)
        body.addWidget(self._build_lists())
        body.addWidget(self._build_message())
        body.setStretchFactor(0, 3)
        body.setStretchFactor(1, 1)
        body.setSizes([1000, 290])
        layout.addWidget(body, 1)
        self.model.sig_loaded.connect(self._update_recipients_state)
        self.model.modelReset.connect(self._update_recipients_state)
        self.model.sig_failed.connect(self._show_load_error)

    # -- construction -----------------------------------------------------------------

    def _build_header(self) -> QHBoxLayout:
        header = QHBoxLayout()
        header.setSpacing(8)
        titles = QVBoxLayout()
        titles.setSpacing(2)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 16px; font-weight: 600;")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subtitle = QLabel()
        self.subtitle.setTextFormat(Qt.TextFormat.RichText)
        self.subtitle.setWordWrap(True)  # a waiting campaign says why, at any width
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        header.addLayout(titles, 1)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setToolTip(self.tr("Change the message, recipients or schedule"))
        self.edit_button.clicked.connect(lambda: self._emit(self.sig_edit))
        self.duplicate_button = QPushButton(self.tr("Duplicate"))
        self.duplicate_button.setToolTip(
            self.tr("Start a new draft with the same channel and message")
        )
        self.duplicate_button.clicked.connect(lambda: self._emit(self.sig_duplicate))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.clicked.connect(lambda: self._emit(self.sig_delete))
        for button in (self.edit_button, self.duplicate_button, self.delete_button):
            header.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        return header

    def _build_tiles(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(8)
        names = {
            "recipients": self.tr("Recipients"),
            "sent": self.tr("Sent"),
            "delivered": self.tr("Delivered"),
            "opened": self.tr("Opened"),
            "replied": self.tr("Replied"),
            "failed": self.tr("Failed"),
        }
        self.tiles: dict[str, KpiTile] = {}
        for key in _KPIS:
            tile = KpiTile(names[key])
            self.tiles[key] = tile
            row.addWidget(tile)
        return row

    def _build_lists(self) -> QWidget:
        """The recipients, and once sent the failures and the messages to check."""
        self.lists = QTabWidget()
        self.lists.setDocumentMode(True)
        self.lists.addTab(self._build_recipients(), self.tr("Recipients"))
        self.lists.addTab(self.sending.failures_view, self.tr("Failures"))
        self.lists.addTab(self.sending.unknown_view, self.tr("To check"))
        self._update_lists()
        return self.lists

    def _build_recipients(self) -> QWidget:
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(4)
        bar = QHBoxLayout()
        show = QLabel(self.tr("Show:"))
        bar.addWidget(show)
        self.status_filter = QComboBox()
        self.status_filter.setMinimumWidth(190)
        self.status_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        show.setBuddy(self.status_filter)
        self.status_filter.currentIndexChanged.connect(self._filter_changed)
        bar.addWidget(self.status_filter)
        bar.addStretch(1)
        self.recipients_note = QLabel()
        self.recipients_note.setStyleSheet(f"color: {MUTED_COLOR};")
        bar.addWidget(self.recipients_note)
        layout.addLayout(bar)
        self.recipients_stack = QStackedWidget()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.doubleClicked.connect(self._open_contact)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Times as wide as the locale writes them; the error column takes what is left.
        widths = {
            RecipientColumn.CONTACT: 165,
            RecipientColumn.ADDRESS: 140,
            RecipientColumn.STATUS: 100,
        }
        times = max(122, moment_width(self.table.fontMetrics()))
        for column in RecipientColumn:
            header.resizeSection(column, widths.get(column, times))
        header.setSectionResizeMode(RecipientColumn.ERROR, QHeaderView.ResizeMode.Stretch)
        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet(f"color: {MUTED_COLOR};")
        self.recipients_stack.addWidget(self.table)
        self.recipients_stack.addWidget(self.empty_label)
        layout.addWidget(self.recipients_stack, 1)
        return panel

    def _build_message(self) -> QWidget:
        panel = QFrame()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        caption = QLabel(self.tr("Message"))
        caption.setStyleSheet("font-weight: 600;")
        layout.addWidget(caption)
        self.subject_label = QLabel()
        self.subject_label.setWordWrap(True)
        self.subject_label.setTextFormat(Qt.TextFormat.PlainText)
        self.subject_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.subject_label)
        self.body_view = QPlainTextEdit()
        self.body_view.setReadOnly(True)
        self.body_view.setMinimumWidth(240)
        layout.addWidget(self.body_view, 1)
        hint = QLabel(self.tr("Placeholders such as {{first_name}} are filled for each person."))
        hint.setWordWrap(True)
        hint.setTextFormat(Qt.TextFormat.PlainText)
        hint.setStyleSheet(f"color: {MUTED_COLOR};")
        layout.addWidget(hint)
        return panel

    # -- showing a campaign -----------------------------------------------------------

    def show_campaign(self, row: CampaignRow | None) -> None:
        """Show ``row``; the same campaign again (after a refresh) keeps filter and scroll."""
        same = row is not None and self.row is not None and row.id == self.row.id
        self.row = row
        self.setEnabled(row is not None)
        if row is None:
            self.title.setText(self.tr("No campaign selected"))
            self.subtitle.clear()
            self.model.show_campaign(None)
            self.sending.show_campaign(None)
            self._update_lists()
            return
        self.title.setText(row.name)
        self.subtitle.setText(self._subtitle(row))
        self.edit_button.setVisible(row.editable)
        self.delete_button.setVisible(row.status is not CampaignStatus.SENT)
        self.duplicate_button.setDefault(not row.editable)
        self._show_tiles(row)
        self._show_message(row)
        self._fill_filter(row, keep=same)
        if same:
            self.model.refresh()
        else:
            self.model.show_campaign(row.id, self.current_filter())
        self.sending.show_campaign(row.id, row.status, name=row.name, channel=row.channel)
        self._update_lists()

    @Slot()
    def _update_lists(self) -> None:
        """The failures and to-check tabs, with their counts, only when there are some."""
        failures, unknown = self.sending.failures_view.count, self.sending.unknown_view.count
        for index, count, name in (
            (1, failures, self.tr("Failures ({n})")),
            (2, unknown, self.tr("To check ({n})")),
        ):
            self.lists.setTabText(index, name.format(n=fmt.number(count)))
            self.lists.setTabVisible(index, bool(count))
        self.lists.setTabToolTip(
            2, self.tr("Messages that may or may not have arrived: check before resending")
        )
        if unknown:
            self.lists.tabBar().setTabTextColor(2, QColor(ERROR_COLOR))

    def refresh_recipients(self) -> None:
        self.model.refresh()

    def _subtitle(self, row: CampaignRow) -> str:
        channel_color = CHANNEL_COLORS[row.channel]
        status_color = STATE_COLORS[row.state]
        parts = [
            f'<span style="color:{channel_color}">●</span> {_esc(labels.channel(row.channel))}',
            f'<span style="color:{status_color}">{_esc(state_label(row.state))}</span>',
        ]
        if row.status is CampaignStatus.SCHEDULED and row.scheduled_at:
            parts.append(_esc(self.tr("goes out {when}").format(when=fmt.moment(row.scheduled_at))))
        elif row.sent_at:
            parts.append(_esc(self.tr("sent {when}").format(when=fmt.moment(row.sent_at))))
        else:
            parts.append(_esc(self.tr("created {when}").format(when=fmt.moment(row.created_at))))
        if row.state is ShownState.WAITING:
            parts.append(_esc(waiting_text(row)))
        if row.failure_reason:
            parts.append(f'<span style="color:{ERROR_COLOR}">{_esc(row.failure_reason)}</span>')
        return f'<span style="color:{MUTED_COLOR}">' + " · ".join(parts) + "</span>"

    def _show_tiles(self, row: CampaignRow) -> None:
        stats = row.stats
        total = stats.recipients
        self.tiles["recipients"].set_value(fmt.number(total), self._audience_note(row))
        not_sent = row.status in (CampaignStatus.DRAFT, CampaignStatus.SCHEDULED)
        for key in _KPIS[1:]:
            tile = self.tiles[key]
            value = int(getattr(stats, key))
            if not_sent:
                tile.set_value("—", self.tr("not sent yet"), MUTED_COLOR)
            elif key == "opened" and not opens_tracked(row.channel):
                tile.set_value("—", self.tr("SMS has no read receipts"), MUTED_COLOR)
            else:
                # Receipts and replies are shares of what was sent (the response rate
                # counts replies over messages sent); failures a share of everyone.
                base = total if key in ("sent", "failed") else stats.sent
                rate = fmt.percent(value / base) if base else ""
                if key == "replied" and stats.opted_out:
                    rate = self.tr("{rate} · {n} opted out").format(
                        rate=rate, n=fmt.number(stats.opted_out)
                    )
                color = ERROR_COLOR if key == "failed" and value else None
                tile.set_value(fmt.number(value), rate, color)

    def _audience_note(self, row: CampaignRow) -> str:
        queued = row.stats.by_status.get(RecipientStatus.QUEUED.value, 0)
        if row.status is CampaignStatus.SENT and queued:
            return self.tr("{n} queued").format(n=fmt.number(queued))
        if not row.stats.recipients and row.editable:
            return self.tr("none chosen yet")
        return self.tr("on {channel}").format(channel=labels.channel(row.channel))

    def _show_message(self, row: CampaignRow) -> None:
        self.subject_label.setVisible(row.channel is Channel.EMAIL)
        self.subject_label.setText(self.tr("Subject: {subject}").format(subject=row.subject or "—"))
        if self.body_view.toPlainText() != row.body:
            self.body_view.setPlainText(row.body)

    def _fill_filter(self, row: CampaignRow, *, keep: bool) -> None:
        wanted = self.current_filter() if keep else None
        self.status_filter.blockSignals(True)
        self.status_filter.clear()
        self.status_filter.addItem(
            self.tr("All ({n})").format(n=fmt.number(row.stats.recipients)), None
        )
        for status in RecipientStatus:
            count = row.stats.by_status.get(status.value, 0)
            if count or status is wanted:
                self.status_filter.addItem(
                    dot_icon(RECIPIENT_STATUS_COLORS[status]),
                    self.tr("{status} ({n})").format(
                        status=labels.recipient_status(status), n=fmt.number(count)
                    ),
                    status.value,
                )
        index = self.status_filter.findData(wanted.value) if wanted else 0
        self.status_filter.setCurrentIndex(max(index, 0))
        self.status_filter.blockSignals(False)

    def current_filter(self) -> RecipientStatus | None:
        value = self.status_filter.currentData()
        return RecipientStatus(value) if value else None

    def set_filter(self, status: RecipientStatus | None) -> None:
        """Select a status in the filter (tests and future deep links)."""
        index = self.status_filter.findData(status.value if status else None)
        if index >= 0:
            self.status_filter.setCurrentIndex(index)

    @Slot(int)
    def _filter_changed(self, _index: int) -> None:
        if self.row is not None:
            self.model.show_campaign(self.row.id, self.current_filter())

    @Slot()
    def _update_recipients_state(self) -> None:
        rows = self.model.rowCount()
        if rows or self.model.loading:
            self.recipients_stack.setCurrentWidget(self.table)
        else:
            self.empty_label.setText(self._empty_text())
            self.recipients_stack.setCurrentWidget(self.empty_label)
        row = self.row
        if row is None:
            self.recipients_note.clear()
            return
        status = self.current_filter()
        total = row.stats.by_status.get(status.value, 0) if status else row.stats.recipients
        if rows and rows < total:
            self.recipients_note.setText(
                self.tr("{shown} of {total} loaded · scroll for more").format(
                    shown=fmt.number(rows), total=fmt.number(total)
                )
            )
        else:
            self.recipients_note.clear()

    def _empty_text(self) -> str:
        row = self.row
        if row is None:
            return ""
        status = self.current_filter()
        if status is not None:
            return self.tr("No recipient is “{status}”.").format(
                status=labels.recipient_status(status)
            )
        if row.editable:
            return self.tr("No recipients yet.\nClick “Edit…” and choose a segment or contacts.")
        return self.tr("This campaign had no recipients.")

    @Slot(str)
    def _show_load_error(self, message: str) -> None:
        self.empty_label.setText(
            self.tr("The recipients could not be loaded: {error}").format(error=message)
        )
        self.recipients_stack.setCurrentWidget(self.empty_label)

    @Slot(QModelIndex)
    def _open_contact(self, index: QModelIndex) -> None:
        recipient = self.model.recipient(index.row())
        if recipient is not None:
            self.sig_open_contact.emit(recipient.contact_id)

    def _emit(self, signal: SignalInstance) -> None:
        if self.row is not None:
            signal.emit(self.row.id)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
