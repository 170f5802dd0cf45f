"""The Replies tab: every message people sent back, newest first, and the answer to it.

The list (``model.py``) comes from ``services.inbound.replies.list_replies`` on the
database worker; the channel filter and the search work on the rows loaded. The selected
message shows on the side (``conversation.py``) with its answer box (``answer.py``). The
list reloads when synced events, contacts, opt-outs or campaigns change (a burst of
changes, such as a sync applying a hundred events, makes one reload).
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.services.inbound.replies import LIMIT, Reply, list_replies
from localpro_desktop.ui import formatting as fmt
from localpro_desktop.ui import labels
from localpro_desktop.ui.campaigns.widgets import channel_icon
from localpro_desktop.ui.changes import concerns
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.replies.badge import BadgeDelegate
from localpro_desktop.ui.replies.conversation import SIDE_WIDTH, ReplySide
from localpro_desktop.ui.replies.model import ID_ROLE, ReplyColumn, ReplyFilter, ReplyListModel
from localpro_desktop.ui.replies.table import ReplyTable
from localpro_desktop.ui.style import MUTED_COLOR
from localpro_desktop.ui.tasks import guarded
from localpro_desktop.ui.widgets import EmptyState, MessageBar, Tone, clear_on_escape

_REFRESH_DELAY_MS = 300
"""Coalesces a burst of changes (a sync applying many events) into one reload."""
WATCHED = ("inbound_events", "contacts", "contact_opt_outs", "campaigns")
"""Tables whose changes may change what the list shows."""
WIDE = 1200
"""From this tab width on, the side gets its usual width; below, a narrower one."""
NARROW_SIDE_WIDTH = 350


class RepliesTab(QWidget):
    sig_open_record = Signal(str, str)
    """("contact", id): show the person who wrote in the CRM."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._ready = False
        self._loading = False
        self._stale = False
        self._generation = 0
        self._sized = False
        self.model = ReplyListModel(self)
        self.proxy = ReplyFilter(self)
        self.proxy.setSourceModel(self.model)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(6)
        layout.addLayout(self._build_top())
        self.message = MessageBar()
        layout.addWidget(self.message)
        self.content = QStackedWidget()
        self.loading_label = QLabel(self.tr("Loading replies…"))
        self.loading_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.loading_label.setStyleSheet(f"color: {MUTED_COLOR};")
        self.content.addWidget(self.loading_label)
        self.empty_state = EmptyState()
        self.empty_state.show_state(
            self.tr("No replies yet"),
            self.tr(
                "Replies, delivery receipts and STOP requests come through your LocalPro "
                "cloud account: set up webhooks under File → Workspace settings → Channels, "
                "or run "
                "`localpro channels webhooks enable …`. Each reply then shows here, "
                "newest first, with the contact and the campaign it answers."
            ),
            [],
        )
        self.content.addWidget(self.empty_state)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self._build_table())
        self.side = ReplySide(ctx)
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setSizes([900, SIDE_WIDTH])
        self.content.addWidget(self.splitter)
        layout.addWidget(self.content, 1)

        self.side.sig_open_contact.connect(lambda cid: self.sig_open_record.emit("contact", cid))
        self.side.answer.sig_answered.connect(self._answered)
        self.side.answer.sig_failed.connect(self._answer_failed)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(_REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        ctx.bridge.sig_changed.connect(self._on_changed)
        self.refresh()

    # == construction ===================================================================

    def _build_top(self) -> QHBoxLayout:
        top = QHBoxLayout()
        title = QLabel(self.tr("Replies"))
        title.setStyleSheet("font-size: 18px; font-weight: 600;")
        top.addWidget(title)
        self.count_label = QLabel()
        self.count_label.setStyleSheet(f"color: {MUTED_COLOR};")
        top.addWidget(self.count_label)
        top.addStretch(1)
        self.channel_filter = QComboBox()
        self.channel_filter.addItem(self.tr("All channels"), None)
        for channel in (Channel.WHATSAPP, Channel.SMS, Channel.EMAIL):
            self.channel_filter.addItem(channel_icon(channel), labels.channel(channel), channel)
        self.channel_filter.currentIndexChanged.connect(self._filter_changed)
        top.addWidget(self.channel_filter)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search name, number, campaign or text"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(260)
        self.search.textChanged.connect(self._filter_changed)
        clear_on_escape(self.search)
        top.addWidget(self.search)
        return top

    def _build_table(self) -> ReplyTable:
        table = ReplyTable()
        table.setModel(self.proxy)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.setMinimumWidth(420)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(26)
        table.setItemDelegateForColumn(ReplyColumn.BADGE, BadgeDelegate(table))
        table.horizontalHeader().setHighlightSections(False)
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table = table
        return table

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized:
            # A small screen gives the side less, so the list keeps its message column.
            self._sized = True
            side = SIDE_WIDTH if self.width() >= WIDE else NARROW_SIDE_WIDTH
            self.splitter.setSizes([max(self.width() - side, 420), side])

    # == public API =====================================================================

    def is_ready(self) -> bool:
        """True once the first list is shown (the screenshot command waits for it)."""
        return self._ready

    @Slot()
    def refresh(self) -> None:
        """Reload the replies (off the UI thread); the selection is kept."""
        self._refresh_timer.stop()
        self._generation += 1
        self._loading = True
        generation = self._generation
        ws = self.ctx.ws
        self.ctx.runner.run(
            lambda: (generation, list_replies(ws)),
            on_done=guarded(self, self._loaded),
            on_error=guarded(self, self._load_failed),
        )

    def select_reply(self, reply_id: str) -> bool:
        """Select a listed reply (False when it is not shown)."""
        row = self.model.row_of(reply_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    def selected_reply(self) -> Reply | None:
        return self.side.reply

    # == loading ========================================================================

    @Slot(object)
    def _on_changed(self, changes: object) -> None:
        if not concerns(changes, *WATCHED, me=self):
            return
        if self._loading:
            self._stale = True
        elif not self._refresh_timer.isActive():
            self._refresh_timer.start(_REFRESH_DELAY_MS)

    def _loaded(self, result: tuple[int, list[Reply]]) -> None:
        generation, rows = result
        if generation != self._generation:
            return
        self._loading = False
        if self._stale:
            self._stale = False
            self._refresh_timer.start(_REFRESH_DELAY_MS)
        wanted = self.side.reply.id if self.side.reply is not None else None
        self.model.set_rows(rows)
        self.content.setCurrentWidget(self.splitter if rows else self.empty_state)
        for widget in (self.channel_filter, self.search):
            widget.setVisible(bool(rows))  # nothing to filter yet
        self._update_count()
        if not rows:
            self.side.show_reply(None)
        elif wanted is None or not self.select_reply(wanted):
            self._select_first()
        else:
            reply = self.model.reply(self.model.row_of(wanted))
            self.side.show_reply(reply)  # fresh data (a contact matched, an opt-out…)
        self._ready = True

    def _load_failed(self, message: str, _is_bug: bool) -> None:
        self._loading = False
        self.loading_label.setText(
            self.tr("The replies could not be loaded: {error}").format(error=message)
        )
        self.content.setCurrentWidget(self.loading_label)
        self._ready = True

    def _update_count(self) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        if not total:
            self.count_label.setText("")
            return
        if total == 1:
            text = self.tr("1 message")
        elif total >= LIMIT:
            text = self.tr("the latest {n} messages")
        else:
            text = self.tr("{n} messages")
        text = text.format(n=fmt.number(total))
        if shown != total:
            text = self.tr("{shown} of {all}").format(shown=fmt.number(shown), all=text)
        self.count_label.setText(text)

    def _select_first(self) -> None:
        if self.proxy.rowCount():
            self.table.selectRow(0)
        else:
            self.side.show_reply(None)

    # == reacting =======================================================================

    @Slot()
    def _filter_changed(self, *_args: object) -> None:
        data = self.channel_filter.currentData()
        self.proxy.set_channel(Channel(data) if data else None)
        self.proxy.set_search(self.search.text())
        self._update_count()
        if not self.table.selectionModel().selectedRows():
            self._select_first()

    @Slot(QItemSelection, QItemSelection)
    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        reply = self.model.reply(self.model.row_of(str(rows[0].data(ID_ROLE))))
        if reply is not None and reply != self.side.reply:
            self.side.show_reply(reply)

    def _answered(self, _campaign_id: str) -> None:
        self.message.show_message(
            self.tr("Your answer is queued and goes out with the next connection."),
            Tone.SUCCESS,
            timeout_ms=10_000,
        )

    def _answer_failed(self, message: str) -> None:
        self.message.show_message(message, Tone.ERROR)

    def index_of(self, reply_id: str) -> QModelIndex:
        """The proxy index of a reply's first cell (invalid when filtered out)."""
        row = self.model.row_of(reply_id)
        return self.proxy.mapFromSource(self.model.index(row, 0)) if row >= 0 else QModelIndex()
