"""The Campaigns tab: every campaign with its results, one campaign in detail, the composer.

Two pages in a stack: the list (campaign table above, the selected campaign's KPI tiles and
recipients below) and the composer. The composer is a page, not a dialog, so the message,
audience and preview fit side by side at 1366×768. Drafts and scheduled campaigns reopen
in the composer; sent ones are history and can only be duplicated.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QItemSelection,
    QModelIndex,
    QPoint,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from localpro_desktop.domain.campaigns import CampaignStatus
from localpro_desktop.services import campaign_drafts
from localpro_desktop.services.campaign_views import CampaignRow, load_overview
from localpro_desktop.ui import formatting as fmt
from localpro_desktop.ui.campaigns import widgets
from localpro_desktop.ui.campaigns.columns import CampaignTable
from localpro_desktop.ui.campaigns.composer import CampaignComposer
from localpro_desktop.ui.campaigns.detail import CampaignDetail
from localpro_desktop.ui.campaigns.models import (
    ID_ROLE,
    VALUE_ROLE,
    CampaignListModel,
)
from localpro_desktop.ui.changes import concerns
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.style import MUTED_COLOR
from localpro_desktop.ui.widgets import MessageBar, Tone

_REFRESH_DELAY_MS = 150
"""Coalesces bursts of changes (save = create + recipients + schedule) into one reload."""
_LIVE_DELAY_MS = 1000
"""While messages go out (a change per message), the list reloads at most this often."""


class CampaignsTab(QWidget):
    sig_open_record = Signal(str, str)
    """("contact", id): show a recipient in the CRM."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._ready = False
        self._generation = 0
        self._loading = False
        self._stale = False
        self._pending_select: str | None = None
        self._on_its_way: tuple[str, str] | None = None  # (campaign id, the words shown)
        self._deleted_name = ""
        self.model = CampaignListModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(VALUE_ROLE)
        self.stack = QStackedWidget()
        self.list_page = self._build_list_page()
        self.composer = CampaignComposer(ctx)
        self.stack.addWidget(self.list_page)
        self.stack.addWidget(self.composer)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self.stack)

        self.composer.sig_closed.connect(self.show_list)
        self.composer.sig_saved.connect(self._composer_saved)
        self.composer.sig_sent.connect(self._composer_sent)
        self.detail.sig_edit.connect(self.edit_campaign)
        self.detail.sig_duplicate.connect(self.duplicate_campaign)
        self.detail.sig_delete.connect(self.delete_campaign)
        self.detail.sig_open_contact.connect(lambda cid: self.sig_open_record.emit("contact", cid))
        self.detail.sig_open_draft.connect(self._follow_up_made)

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(_REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        ctx.bridge.sig_changed.connect(self._on_changed)
        self.refresh()

    # == construction ===================================================================

    def _build_list_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        top = QHBoxLayout()
        title = QLabel(self.tr("Campaigns"))
        title.setStyleSheet("font-size: 18px; font-weight: 600;")
        top.addWidget(title)
        self.count_label = QLabel()
        self.count_label.setStyleSheet(f"color: {MUTED_COLOR};")
        top.addWidget(self.count_label)
        top.addStretch(1)
        self.new_button = QPushButton("+ " + self.tr("New campaign"))
        self.new_button.setMinimumHeight(30)
        self.new_button.setToolTip(
            self.tr("Write a message for a segment on WhatsApp, e-mail or SMS")
        )
        self.new_button.clicked.connect(self.new_campaign)
        top.addWidget(self.new_button)
        layout.addLayout(top)
        self.message = MessageBar()
        layout.addWidget(self.message)

        self.content = QStackedWidget()
        self.loading_label = QLabel(self.tr("Loading campaigns…"))
        self.loading_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.loading_label.setStyleSheet(f"color: {MUTED_COLOR};")
        self.content.addWidget(self.loading_label)
        self.content.addWidget(self._build_empty_state())
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_table())
        self.detail = CampaignDetail(self.ctx)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([230, 420])
        self.splitter = splitter
        self.content.addWidget(splitter)
        layout.addWidget(self.content, 1)
        return page

    def _build_table(self) -> QTableView:
        # The name stretches and keeps its room; some counts step aside on small screens.
        table = CampaignTable(self.model)
        table.setModel(self.proxy)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setMinimumHeight(140)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(26)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        # No sort indicator until the user clicks: the service's order (newest first) stays.
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        table.doubleClicked.connect(self._row_double_clicked)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._context_menu)
        self.table = table
        return table

    def _build_empty_state(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel(self.tr("No campaigns yet"))
        title.setStyleSheet("font-size: 20px; font-weight: 600;")
        text = QLabel(
            self.tr(
                "Write a message once and send it to a whole segment on WhatsApp, e-mail "
                "or SMS. Everyone receives it with their own name, and you follow who "
                "received, read and answered it here."
            )
        )
        text.setWordWrap(True)
        # A fixed width lets the wrapped text claim its real height in a centred layout.
        text.setFixedWidth(540)
        text.setStyleSheet(f"color: {MUTED_COLOR};")
        for label in (title, text):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(16)
        self.empty_new_button = QPushButton(self.tr("Create your first campaign"))
        self.empty_new_button.setMinimumSize(260, 40)
        self.empty_new_button.clicked.connect(self.new_campaign)
        layout.addWidget(self.empty_new_button, 0, Qt.AlignmentFlag.AlignHCenter)
        self.empty_state = page
        return page

    # == public API =====================================================================

    def is_ready(self) -> bool:
        """True once the first list is shown (the screenshot command waits for it)."""
        return self._ready

    @Slot()
    def refresh(self) -> None:
        """Reload the campaign list (off the UI thread); the selection is kept."""
        self._refresh_timer.stop()
        self._generation += 1
        self._loading = True
        generation = self._generation
        ws = self.ctx.ws

        def load() -> tuple[int, list[CampaignRow]]:
            return generation, load_overview(ws)

        self.ctx.runner.run(load, on_done=self._loaded, on_error=self._load_failed)

    def select_campaign(self, campaign_id: str) -> None:
        """Show a campaign in detail (now if listed, else after the next load)."""
        if not self._may_leave_composer():
            return
        self.show_list()
        if not self._select_id(campaign_id):
            self._pending_select = campaign_id
            self.refresh()

    select_record = select_campaign

    def selected_campaign(self) -> CampaignRow | None:
        return self.detail.row

    def new_campaign(self) -> None:
        if not self._may_leave_composer():
            return
        self.composer.new_campaign()
        self.stack.setCurrentWidget(self.composer)

    def compose_text(self, body: str) -> None:
        """Open a new campaign with ``body`` as its message (e.g. an assistant's answer)."""
        if not self._may_leave_composer():
            return
        self.composer.new_campaign()
        self.composer.body_edit.setPlainText(body)
        self.stack.setCurrentWidget(self.composer)

    def compose_for(self, contact_ids: Sequence[str]) -> None:
        """Open the composer with these contacts (e.g. selected in the CRM) as recipients."""
        if not self._may_leave_composer():
            return
        self.composer.new_campaign(contact_ids)
        self.stack.setCurrentWidget(self.composer)

    @Slot(str)
    def edit_campaign(self, campaign_id: str) -> None:
        row = self._row(campaign_id)
        if row is not None and not row.editable:
            self.message.show_message(
                self.tr("A sent campaign cannot be changed; duplicate it to send it again."),
                Tone.WARNING,
            )
            return
        if not self._may_leave_composer():
            return
        self.composer.edit_campaign(campaign_id)
        self.stack.setCurrentWidget(self.composer)

    @Slot(str)
    def duplicate_campaign(self, campaign_id: str) -> None:
        """A new draft with the same content, opened in the composer to choose recipients."""
        row = self._row(campaign_id)
        name = self.tr("{name} (copy)").format(name=row.name if row else "")
        ws = self.ctx.ws
        self.ctx.runner.run(
            lambda: campaign_drafts.duplicate(ws, campaign_id, name),
            on_done=self._duplicated,
            on_error=self._action_failed,
        )

    @Slot(str)
    def delete_campaign(self, campaign_id: str) -> None:
        row = self._row(campaign_id)
        if row is None:
            return
        if not widgets.ask(
            self,
            self.tr("Delete campaign"),
            self.tr("Delete “{name}”? Its results are deleted with it.").format(name=row.name),
            self.tr("Delete"),
            self.tr("Keep it"),
        ):
            return
        ws = self.ctx.ws
        self._deleted_name = row.name
        self.ctx.runner.run(
            lambda: campaign_drafts.delete(ws, campaign_id),
            on_done=self._after_delete,
            on_error=self._action_failed,
        )

    @Slot()
    def show_list(self) -> None:
        self.stack.setCurrentWidget(self.list_page)

    def _may_leave_composer(self) -> bool:
        """Another request (e.g. "new campaign" from the CRM) must not drop unsaved edits."""
        composer = self.composer
        if self.stack.currentWidget() is not composer or not composer.has_unsaved_changes():
            return True
        return widgets.ask(
            self,
            self.tr("Discard changes?"),
            self.tr("The campaign you are writing is not saved. Discard it?"),
            self.tr("Discard"),
            self.tr("Keep editing"),
        )

    # == loading ========================================================================

    @Slot(object)
    def _on_changed(self, changes: object) -> None:
        if concerns(changes, "campaigns", "campaign_recipients", me=self):
            # A reload in flight is followed by one more; otherwise one soon. A burst never
            # postpones it (a campaign going out changes something every few milliseconds).
            if self._loading:
                self._stale = True
            elif not self._refresh_timer.isActive():
                self._refresh_timer.start(_REFRESH_DELAY_MS)
        if concerns(changes, "segments", "segment_members", me=self):
            self.composer.refresh_segments()

    @Slot(object)
    def _loaded(self, result: tuple[int, list[CampaignRow]]) -> None:
        generation, rows = result
        if generation != self._generation:
            return
        self._loaded_once()
        wanted = self._pending_select or (self.detail.row.id if self.detail.row else None)
        self._pending_select = None
        self.model.set_rows(rows)
        self._drop_finished_notice(rows)
        self.count_label.setText(self._count_text(rows))
        if not rows:
            self.content.setCurrentWidget(self.empty_state)
            self.detail.show_campaign(None)
        else:
            self.content.setCurrentWidget(self.splitter)
            if wanted is None or not self._select_id(wanted):
                self._select_id(self._default_campaign(rows))
        self._ready = True

    def _drop_finished_notice(self, rows: list[CampaignRow]) -> None:
        """The "on its way… as soon as a connection is available" message is untrue once the
        campaign finished (seconds later on a good connection): dropped, unless replaced."""
        if self._on_its_way is None:
            return
        campaign_id, text = self._on_its_way
        row = next((r for r in rows if r.id == campaign_id), None)
        if row is None or row.status in (CampaignStatus.COMPLETED, CampaignStatus.FAILED):
            self._on_its_way = None
            if self.message.message == text:
                self.message.hide()

    def _loaded_once(self) -> None:
        self._loading = False
        if self._stale:
            self._stale = False
            self._refresh_timer.start(_LIVE_DELAY_MS)

    @Slot(str, bool)
    def _load_failed(self, message: str, _is_bug: bool) -> None:
        self._loaded_once()
        self.loading_label.setText(
            self.tr("The campaigns could not be loaded: {error}").format(error=message)
        )
        self._ready = True

    def _count_text(self, rows: list[CampaignRow]) -> str:
        if not rows:
            return ""
        drafts = sum(r.editable for r in rows)
        text = (self.tr("1 campaign") if len(rows) == 1 else self.tr("{n} campaigns")).format(
            n=fmt.number(len(rows))
        )
        if drafts:
            one, many = self.tr("1 not sent yet"), self.tr("{n} not sent yet")
            text += " · " + (one if drafts == 1 else many).format(n=fmt.number(drafts))
        return text

    @staticmethod
    def _default_campaign(rows: list[CampaignRow]) -> str:
        """The latest campaign that went out: its results are what people come to see."""
        sent = (r for r in rows if not r.editable)
        return next(sent, rows[0]).id

    def _select_id(self, campaign_id: str) -> bool:
        row = self.model.row_of(campaign_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        # selectRow on the already-selected row emits nothing: show the fresh row anyway.
        fresh = self.model.campaign(row)
        if self.detail.row is not fresh:
            self.detail.show_campaign(fresh)
        return True

    def _row(self, campaign_id: str) -> CampaignRow | None:
        return self.model.campaign(self.model.row_of(campaign_id))

    # == reacting =======================================================================

    @Slot(QItemSelection, QItemSelection)
    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        row = self._row(rows[0].data(ID_ROLE))
        if row is not None and self.detail.row is not row:
            self.detail.show_campaign(row)

    @Slot(QModelIndex)
    def _row_double_clicked(self, index: QModelIndex) -> None:
        campaign_id = index.data(ID_ROLE)
        row = self._row(campaign_id)
        if row is not None and row.editable:
            self.edit_campaign(campaign_id)

    @Slot(QPoint)
    def _context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        row = self._row(index.data(ID_ROLE))
        if row is None:
            return
        menu = QMenu(self)
        if row.editable:
            menu.addAction(self.tr("Edit…"), lambda: self.edit_campaign(row.id))
        menu.addAction(self.tr("Duplicate"), lambda: self.duplicate_campaign(row.id))
        if row.status is not CampaignStatus.SENT:
            menu.addAction(self.tr("Delete…"), lambda: self.delete_campaign(row.id))
        menu.exec(self.table.viewport().mapToGlobal(pos))

    @Slot(str)
    def _composer_saved(self, campaign_id: str) -> None:
        draft = self.composer.draft()
        if draft.schedule_at is not None:
            text = self.tr("“{name}” is scheduled for {when}.").format(
                name=draft.name, when=fmt.moment(draft.schedule_at)
            )
        else:
            text = self.tr("“{name}” is saved as a draft.").format(name=draft.name)
        self._after_composer(campaign_id, text)

    @Slot(str, int)
    def _composer_sent(self, campaign_id: str, queued: int) -> None:
        if queued == 1:
            text = self.tr(
                "“{name}” is on its way: 1 message is queued and goes out as soon as a "
                "connection is available."
            )
        else:
            text = self.tr(
                "“{name}” is on its way: {n} messages are queued and go out as soon as a "
                "connection is available."
            )
        text = text.format(name=self.composer.draft().name, n=fmt.number(queued))
        self._after_composer(campaign_id, text)
        self._on_its_way = (campaign_id, text)

    def _after_composer(self, campaign_id: str, message: str) -> None:
        self._pending_select = campaign_id
        self.show_list()
        self._flash(message)
        self.refresh()

    @Slot(str)
    def _follow_up_made(self, campaign_id: str) -> None:
        """A follow-up draft (SMS for those not on WhatsApp…): opened to check and send."""
        self._pending_select = campaign_id
        self.refresh()
        if not self._may_leave_composer():
            return
        self.composer.edit_campaign(campaign_id)
        self.stack.setCurrentWidget(self.composer)

    @Slot(object)
    def _duplicated(self, campaign_id: str) -> None:
        self._pending_select = campaign_id
        self.refresh()
        self.edit_campaign(campaign_id)

    @Slot(object)
    def _after_delete(self, _result: object) -> None:
        self._flash(self.tr("“{name}” was deleted.").format(name=self._deleted_name))
        self._pending_select = None
        self.detail.show_campaign(None)
        self.refresh()

    @Slot(str, bool)
    def _action_failed(self, message: str, _is_bug: bool) -> None:
        self.message.show_message(message, Tone.ERROR)

    def _flash(self, text: str) -> None:
        self.message.show_message(text, Tone.SUCCESS, timeout_ms=10_000)
