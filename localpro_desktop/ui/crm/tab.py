"""The CRM tab: contacts on the pipeline board, filtered, moved, and looked at one by one.

Layout: a filter bar (segments toggle, search, segment, save as segment, count, add,
export); an inline message line; then the segments sidebar, the six-column board and the
contact panel side by side. Sidebar and panel fold away so the six columns keep their
width on a 1366-pixel screen; when the panel opens on a narrow window the sidebar steps
aside by itself.

Data flow: every read and write runs on the task runner. The board loads counts and the
first 50 cards of each column in one read; columns page in more as they scroll. A drag
(or "Move to", or Ctrl+←/→) moves the card on screen at once and asks the service; if the
service refuses, the card goes back where it was and the reason is shown. Changes made
elsewhere arrive as change sets: only the named contacts are re-read (their cards move,
update or leave), a bulk change reloads the board, and the open panel follows its contact.
"""

from __future__ import annotations

import contextlib
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelection, QPoint, QStandardPaths, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from localpro_desktop.domain.activities import ActivityKind
from localpro_desktop.domain.pipeline import PIPELINE_ORDER, PipelineStatus
from localpro_desktop.services.contacts import ContactService
from localpro_desktop.services.exporting.exporters import ExportFormat, ExportResult, export_records
from localpro_desktop.services.segments import SegmentInfo, SegmentKind, SegmentService
from localpro_desktop.store.models import Contact
from localpro_desktop.ui import formatting as fmt
from localpro_desktop.ui import labels
from localpro_desktop.ui.changes import concerns
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.crm.column import COLUMN_MIN_WIDTH, BoardColumn
from localpro_desktop.ui.crm.delegate import CardDelegate
from localpro_desktop.ui.crm.dialogs import ContactDialog
from localpro_desktop.ui.crm.model import CardModel
from localpro_desktop.ui.crm.panel import PANEL_WIDTH, ContactPanel
from localpro_desktop.ui.crm.queries import (
    PAGE_SIZE,
    BoardCounts,
    BoardFilter,
    BoardPage,
    Card,
    ContactDetails,
    RefreshedCards,
    load_board,
    load_counts,
    locate,
    matching_ids,
    refresh_cards,
)
from localpro_desktop.ui.crm.sidebar import SIDEBAR_WIDTH, SegmentSidebar
from localpro_desktop.ui.style import ERROR_COLOR, MUTED_COLOR, STATUS_COLORS
from localpro_desktop.ui.tasks import Wants, guarded

SEARCH_DELAY_MS = 250
REFRESH_DELAY_MS = 120
MESSAGE_TIMEOUT_MS = 8000


def status_icon(status: PipelineStatus) -> QIcon:
    """A dot in the stage's colour, so menus read like the board."""
    pixmap = QPixmap(12, 12)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(STATUS_COLORS[status]))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(1, 1, 10, 10)
    painter.end()
    return QIcon(pixmap)


class _MessageBar(QFrame):
    """One line under the filter bar for outcomes and refusals; never a modal box."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crmMessage")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.action = QPushButton()
        self.action.setFlat(True)
        self.action.hide()
        close = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 3, 4, 3)
        row.addWidget(self.text, 1)
        row.addWidget(self.action)
        row.addWidget(close)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self._slot: Callable[[], None] | None = None
        self.hide()

    def show_message(
        self,
        text: str,
        *,
        error: bool = False,
        action: str = "",
        slot: Callable[[], None] | None = None,
    ) -> None:
        background = "#fdecee" if error else "#eef4fb"
        color = ERROR_COLOR if error else "#1f3b57"
        self.setStyleSheet(f"#crmMessage {{ background: {background}; border-radius: 4px; }}")
        self.text.setStyleSheet(f"color: {color};")
        self.text.setText(text)
        if self._slot is not None:
            self.action.clicked.disconnect(self._slot)
            self._slot = None
        self.action.setVisible(bool(action and slot))
        if action and slot is not None:
            self.action.setText(action)
            self.action.clicked.connect(slot)
            self._slot = slot
        self.show()
        if error:
            self._timer.stop()  # refusals stay until read and closed
        else:
            self._timer.start(MESSAGE_TIMEOUT_MS)


class _EmptyState(QWidget):
    """What the board area says when there is nothing to show, and what to do about it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() + 4)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setStyleSheet(f"color: {MUTED_COLOR};")
        self.text.setFixedWidth(480)  # a wrapped label needs a width to know its height
        self.button = QPushButton()
        self._slot: Callable[[], None] | None = None
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(self.title)
        layout.addWidget(self.text, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(8)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)

    def set_text(self, text: str) -> None:
        self.text.setText(text)
        # A centred word-wrapped label gets its one-line height unless told the wrapped one.
        self.text.setMinimumHeight(self.text.heightForWidth(self.text.width()))

    def set_action(self, text: str, slot: Callable[[], None]) -> None:
        if self._slot is not None:
            self.button.clicked.disconnect(self._slot)
        self.button.setText(text)
        self.button.clicked.connect(slot)
        self._slot = slot


class CrmTab(QWidget):
    sig_open_record = Signal(str, str)
    """Show a record in its own tab: ("prospect", id) for the prospect a contact came from."""
    sig_filter_changed = Signal(object)
    """The BoardFilter now applied (``.rule`` a SegmentRule, ``.segment_id``): the map follows."""
    sig_board_loaded = Signal()
    """The board was (re)loaded from the database: counts and first cards are shown."""
    sig_export_done = Signal(str)
    """An export finished: the path of the written file."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.contacts = ContactService(ctx.ws)
        self.segment_service = SegmentService(ctx.ws)
        self._filter = BoardFilter()
        self._segments: dict[str, SegmentInfo] = {}
        self._counts: BoardCounts | None = None
        self._generation = 0
        self._ready = False
        self._region = ""
        self._pending_select: str | None = None
        self._select_segment_after_load: str | None = None
        self._moves_in_flight: dict[str, PipelineStatus] = {}
        self._dirty_ids: set[str] = set()
        self._dirty_activities: set[str] = set()
        self._dirty_all = False
        self._dirty_panel = False
        self._dirty_segments = False
        self._sidebar_stepped_aside = False
        self._syncing_selection = False
        self.first_display_ms: float | None = None
        """Construction to first board on screen, for timing on big workspaces."""
        self._started = time.perf_counter()
        self.delegate = CardDelegate(self)
        self.models: dict[PipelineStatus, CardModel] = {}
        self.columns: dict[PipelineStatus, BoardColumn] = {}
        self._build()
        self._connect()
        # The board first: the serial database worker runs these in order.
        self._reload_board()
        self._load_settings()
        self._load_segments()

    # -- construction -----------------------------------------------------------------

    def _build(self) -> None:
        self.sidebar_button = QToolButton()
        self.sidebar_button.setText(self.tr("Segments"))
        self.sidebar_button.setCheckable(True)
        self.sidebar_button.setChecked(True)
        self.sidebar_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.sidebar_button.setToolTip(self.tr("Show or hide the list of segments"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search names, companies, cities, phones…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(220)
        self.segment_combo = QComboBox()
        self.segment_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.segment_combo.setMinimumContentsLength(16)
        self.segment_combo.setToolTip(self.tr("Show only the contacts of a segment"))
        self.segment_combo.addItem(self.tr("All contacts"), "")
        self.save_segment_button = QPushButton(self.tr("Save as segment…"))
        self.save_segment_button.setEnabled(False)
        self.count_label = QLabel()
        self.count_label.setStyleSheet("font-weight: 600;")
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.add_button = QPushButton(self.tr("+ Add a contact"))
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setToolTip(
            self.tr("Save the contacts shown (filter and segment) as CSV, Excel or GeoJSON")
        )
        bar = QHBoxLayout()
        bar.setContentsMargins(8, 6, 8, 2)
        bar.addWidget(self.sidebar_button)
        bar.addWidget(self.search, 3)
        bar.addWidget(self.segment_combo, 1)
        bar.addWidget(self.save_segment_button)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        bar.addSpacing(8)
        bar.addWidget(self.add_button)
        bar.addWidget(self.export_button)

        self.message = _MessageBar()
        message_row = QHBoxLayout()
        message_row.setContentsMargins(8, 2, 8, 2)
        message_row.addWidget(self.message)

        self.sidebar = SegmentSidebar(self.ctx.language)

        board = QWidget()
        columns_row = QHBoxLayout(board)
        columns_row.setContentsMargins(6, 4, 6, 6)
        columns_row.setSpacing(6)
        for status in PIPELINE_ORDER:
            model = CardModel(self.ctx, status, self)
            column = BoardColumn(model, self.delegate)
            self.models[status] = model
            self.columns[status] = column
            columns_row.addWidget(column, 1)
        self.board_scroll = QScrollArea()
        self.board_scroll.setWidget(board)
        self.board_scroll.setWidgetResizable(True)
        self.board_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.board_scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.empty = _EmptyState()
        self.loading = QLabel(self.tr("Loading the board…"))
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.loading.setStyleSheet(f"color: {MUTED_COLOR};")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.loading)
        self.stack.addWidget(self.board_scroll)
        self.stack.addWidget(self.empty)

        self.panel = ContactPanel(self.ctx)
        self.panel.hide()

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.sidebar)
        body.addWidget(self.stack, 1)
        body.addWidget(self.panel)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addLayout(message_row)
        layout.addLayout(body, 1)

    def _connect(self) -> None:
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self.apply_filter)
        self.segment_combo.currentIndexChanged.connect(self._segment_picked)
        self.sidebar.sig_segment_chosen.connect(self.choose_segment)
        self.sidebar_button.toggled.connect(self._toggle_sidebar)
        self.save_segment_button.clicked.connect(self._ask_segment_name)
        self.add_button.clicked.connect(self.add_contact)
        self.export_button.clicked.connect(self._choose_export_file)

        for status, model in self.models.items():
            view = self.columns[status].view
            model.sig_move_requested.connect(self._drop_requested)
            model.sig_failed.connect(lambda message: self.show_message(message, error=True))
            model.sig_page_loaded.connect(lambda _n, s=status: self._page_loaded(s))
            view.selectionModel().selectionChanged.connect(
                lambda selected, _deselected, s=status: self._selection_changed(s, selected)
            )
            view.sig_context_menu.connect(self._context_menu)
            view.sig_open.connect(self.select_record)
            view.sig_neighbour.connect(lambda step, s=status: self._focus_neighbour(s, step))
            view.sig_shift.connect(self._shift)

        self.panel.sig_close.connect(self.close_panel)
        self.panel.sig_move_requested.connect(
            lambda ident, status: self.move_contact(ident, PipelineStatus(status))
        )
        self.panel.sig_edit_requested.connect(self.edit_contact)
        self.panel.sig_open_prospect.connect(
            lambda ident: self.sig_open_record.emit("prospect", ident)
        )
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close_panel)
        QShortcut(QKeySequence.StandardKey.Find, self, self._focus_search)

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self._flush_refresh)
        self.ctx.bridge.sig_changed.connect(self._on_changed)

    def _load_settings(self) -> None:
        ws = self.ctx.ws
        self._run(lambda: ws.settings().country, self._set_region)

    def _set_region(self, region: object) -> None:
        self._region = str(region or "")

    def _run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[str, bool], None] | None = None,
    ) -> None:
        """Runner call whose callbacks are dropped if the tab is gone meanwhile."""
        self.ctx.runner.run(
            fn,
            on_done=guarded(self, on_done),
            on_error=guarded(self, on_error or self._failed),
        )

    def _failed(self, message: str, _is_bug: bool = False) -> None:
        self.show_message(message, error=True)

    # -- public API ---------------------------------------------------------------------

    def is_ready(self) -> bool:
        """True once the board's first load is on screen (the screenshot waits for it)."""
        return self._ready

    @property
    def current_filter(self) -> BoardFilter:
        return self._filter

    def select_record(self, contact_id: str) -> None:
        """Select a contact's card (if the filter shows it) and open its panel."""
        self.open_panel(contact_id)
        if self._select_card(contact_id):
            return
        self._pending_select = contact_id
        if self._ready:
            self._locate(contact_id)

    def show_message(
        self,
        text: str,
        *,
        error: bool = False,
        action: str = "",
        slot: Callable[[], None] | None = None,
    ) -> None:
        """Say what happened on the message line; ``action`` adds a button running ``slot``."""
        self.message.show_message(text, error=error, action=action, slot=slot)

    # -- filter -------------------------------------------------------------------------

    def _focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _segment_picked(self, _index: int) -> None:
        self.sidebar.select(self.segment_combo.currentData() or "")
        self.apply_filter()

    def choose_segment(self, segment_id: str) -> None:
        """Filter by a segment ("" for everyone), as the combo or the sidebar do."""
        index = self.segment_combo.findData(segment_id or "")
        if index < 0:
            index = 0
        if index == self.segment_combo.currentIndex():
            self.apply_filter()
        else:
            self.segment_combo.setCurrentIndex(index)  # applies through _segment_picked

    def _filter_from_widgets(self) -> BoardFilter:
        segment_id = self.segment_combo.currentData() or ""
        return BoardFilter(self.search.text().strip(), self._segments.get(segment_id))

    @Slot()
    def apply_filter(self) -> None:
        """Read the filter bar and reload every column under it."""
        self._search_timer.stop()
        flt = self._filter_from_widgets()
        changed = not flt.same_as(self._filter)
        self._filter = flt
        self._update_save_button()
        self._reload_board()
        if changed:
            self.sig_filter_changed.emit(flt)

    def clear_filter(self) -> None:
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.segment_combo.blockSignals(True)
        self.segment_combo.setCurrentIndex(0)
        self.segment_combo.blockSignals(False)
        self.sidebar.select("")
        self.apply_filter()

    def _update_save_button(self) -> None:
        flt = self._filter
        can = not flt.is_static and not flt.rule.is_empty and bool(self.search.text().strip())
        self.save_segment_button.setEnabled(can)
        if flt.is_static:
            tip = self.tr("A hand-picked list cannot become a rule: pick “All contacts” first.")
        elif can:
            tip = self.tr("Save “{rule}” as a segment that stays up to date").format(
                rule=flt.rule.describe(self.ctx.language)
            )
        else:
            tip = self.tr("Type a search first; the segment keeps it as a rule.")
        self.save_segment_button.setToolTip(tip)

    # -- segments -----------------------------------------------------------------------

    def _load_segments(self) -> None:
        service = self.segment_service
        self._run(service.list, self._segments_loaded)

    def _segments_loaded(self, segments: list[SegmentInfo]) -> None:
        self._segments = {info.id: info for info in segments}
        wanted = self._select_segment_after_load or (self.segment_combo.currentData() or "")
        self._select_segment_after_load = None
        self.segment_combo.blockSignals(True)
        self.segment_combo.clear()
        self.segment_combo.addItem(self.tr("All contacts"), "")
        for info in segments:
            self.segment_combo.addItem(info.name, info.id)
            row = self.segment_combo.count() - 1
            if info.problem:
                self.segment_combo.setItemData(row, info.problem, Qt.ItemDataRole.ToolTipRole)
                item = self.segment_combo.model().index(row, 0)
                self.segment_combo.model().setData(item, 0, Qt.ItemDataRole.UserRole - 1)
            elif info.kind is SegmentKind.RULE and info.rule is not None:
                self.segment_combo.setItemData(
                    row, info.rule.describe(self.ctx.language), Qt.ItemDataRole.ToolTipRole
                )
        index = self.segment_combo.findData(wanted)
        self.segment_combo.setCurrentIndex(max(index, 0))
        self.segment_combo.blockSignals(False)
        everyone = self._counts.everyone if self._counts is not None else None
        self.sidebar.set_segments(segments, everyone)
        self.sidebar.select(self.segment_combo.currentData() or "")
        # The applied segment may have changed (rule edited) or gone (deleted elsewhere);
        # a new member count alone changes nothing on the board.
        fresh = self._filter_from_widgets()
        if fresh.same_as(self._filter):
            self._filter = fresh
            self._update_save_button()
        else:
            self.apply_filter()

    def _ask_segment_name(self) -> None:
        rule = self._filter.rule
        suggestion = rule.describe(self.ctx.language)
        suggestion = suggestion if len(suggestion) <= 60 else ""
        name, ok = QInputDialog.getText(
            self,
            self.tr("Save as segment"),
            self.tr("Name of the new segment (it will follow this filter as contacts change):"),
            QLineEdit.EchoMode.Normal,
            suggestion,
        )
        if ok and name.strip():
            self.save_filter_as_segment(name)

    def save_filter_as_segment(self, name: str) -> None:
        """Create a rule segment from the current filter, then show the board through it."""
        rule = self._filter.rule
        if self._filter.is_static or rule.is_empty:
            return
        service = self.segment_service
        description = rule.describe(self.ctx.language)
        self._run(
            lambda: service.create_rule(name, rule, description),
            self._segment_saved,
        )

    def _segment_saved(self, info: SegmentInfo) -> None:
        # The segment now holds the search, so the box is cleared: same contacts, one filter.
        self._select_segment_after_load = info.id
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        saved = (
            self.tr("Segment “{name}” saved: 1 contact.")
            if info.member_count == 1
            else self.tr("Segment “{name}” saved: {count} contacts.")
        )
        self.show_message(saved.format(name=info.name, count=fmt.number(info.member_count)))
        self._load_segments()

    # -- board loading ------------------------------------------------------------------

    def _reload_board(self) -> None:
        """Counts and first pages of all six columns under the current filter."""
        self._generation += 1
        generation = self._generation
        ws, flt = self.ctx.ws, self._filter
        size = PAGE_SIZE
        for column in self.columns.values():
            column.set_count(None)
        self._run(
            lambda: load_board(ws, flt, size),
            lambda page: self._board_loaded(generation, flt, page),
            lambda message, _bug: self._board_failed(generation, message),
        )

    def _board_loaded(self, generation: int, flt: BoardFilter, page: BoardPage) -> None:
        if generation != self._generation:
            return
        keep = self.selected_id()
        self._counts = page.counts
        for status, model in self.models.items():
            model.reset(flt, page.columns[status], page.counts.per_status[status])
        self._show_counts()
        self._show_board_or_empty()
        if not self._ready:
            self._ready = True
            self.first_display_ms = (time.perf_counter() - self._started) * 1000
        self.sig_board_loaded.emit()
        if self._pending_select is not None:
            pending = self._pending_select
            if not self._select_card(pending):
                self._locate(pending)
        elif keep is not None:
            self._select_card(keep, open_panel=False)

    def _board_failed(self, generation: int, message: str) -> None:
        if generation != self._generation:
            return
        self._ready = True  # a broken board must not hang the screenshot
        self.show_message(message, error=True)

    def _page_loaded(self, status: PipelineStatus) -> None:
        if self._pending_select is not None:
            self._select_card(self._pending_select)

    def _show_counts(self) -> None:
        counts = self._counts
        if counts is None:
            return
        for status, column in self.columns.items():
            model = self.models[status]
            model.set_total(counts.per_status[status])
            column.set_count(counts.per_status[status])
            if not self._filter.shows(status):
                column.set_placeholder(self.tr("Not in this segment"))
            else:
                column.set_placeholder(self.tr("No contacts at this stage"))
        matching, everyone = counts.matching, counts.everyone
        if self._filter.is_empty:
            text = (
                self.tr("1 contact")
                if everyone == 1
                else self.tr("{n} contacts").format(n=fmt.number(everyone))
            )
        else:
            text = self.tr("{n} of {total} contacts").format(
                n=fmt.number(matching), total=fmt.number(everyone)
            )
        self.count_label.setText(text)
        self.sidebar.set_everyone(everyone)

    def _show_board_or_empty(self) -> None:
        counts = self._counts
        if counts is None:
            return
        if counts.everyone == 0:
            self.empty.title.setText(self.tr("No contacts yet"))
            self.empty.set_text(
                self.tr(
                    "Contacts are the people and businesses you work with. Convert a prospect"
                    " from the Prospects tab, import a file, or add someone by hand."
                )
            )
            self._set_empty_button(self.tr("+ Add a contact"), self.add_contact)
            self.stack.setCurrentWidget(self.empty)
        elif counts.matching == 0:
            self.empty.title.setText(self.tr("No contact matches this filter"))
            flt, language = self._filter, self.ctx.language
            typed = BoardFilter(flt.text).rule.describe(language) if flt.text.strip() else ""
            what = " · ".join(
                part for part in (flt.segment.name if flt.segment else "", typed) if part
            ) or flt.rule.describe(language)
            explain = self.tr(
                "Filter: {what}. Check the spelling, or clear the filter to see everyone."
            )
            self.empty.set_text(explain.format(what=what))
            self._set_empty_button(self.tr("Clear the filter"), self.clear_filter)
            self.stack.setCurrentWidget(self.empty)
        else:
            self.stack.setCurrentWidget(self.board_scroll)

    def _set_empty_button(self, text: str, slot: Callable[[], None]) -> None:
        self.empty.set_action(text, slot)

    # -- selection and the panel --------------------------------------------------------

    def selected_id(self) -> str | None:
        for column in self.columns.values():
            ident = column.view.current_id()
            if ident:
                return ident
        return None

    def _select_card(self, contact_id: str, *, open_panel: bool = True) -> bool:
        for status, model in self.models.items():
            row = model.row_of(contact_id)
            if row is None:
                continue
            view = self.columns[status].view
            index = model.index(row)
            with self._quiet_selection():
                self._clear_selections(keep=status)
                view.setCurrentIndex(index)
                view.selectionModel().select(
                    index, view.selectionModel().SelectionFlag.ClearAndSelect
                )
            view.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
            if self._pending_select == contact_id:
                self._pending_select = None
            if open_panel:
                self.open_panel(contact_id)
            return True
        return False

    @contextlib.contextmanager
    def _quiet_selection(self) -> Iterator[None]:
        """Selection changes made by the board itself (not the user) open no panel."""
        before = self._syncing_selection
        self._syncing_selection = True
        try:
            yield
        finally:
            self._syncing_selection = before

    def _clear_selections(self, keep: PipelineStatus | None = None) -> None:
        with self._quiet_selection():
            for status, column in self.columns.items():
                if status is not keep:
                    column.view.selectionModel().clear()

    def _take(self, status: PipelineStatus, contact_id: str) -> tuple[int, Card] | None:
        """Remove a card without Qt selecting its neighbour (and opening that contact)."""
        model, view = self.models[status], self.columns[status].view
        row = model.row_of(contact_id)
        if row is None:
            return None
        with self._quiet_selection():
            if view.currentIndex().row() == row:
                view.selectionModel().clear()
            return model.take(contact_id)

    def _put(self, card: Card, row: int | None = None) -> int | None:
        with self._quiet_selection():
            return self.models[card.status].put(card, row)

    def _locate(self, contact_id: str) -> None:
        """Find a card the board has not loaded: insert it, or say the filter hides it."""
        ws, flt, generation = self.ctx.ws, self._filter, self._generation
        self._run(
            lambda: locate(ws, flt, contact_id),
            lambda card: self._located(generation, contact_id, card),
            lambda _message, _bug: None,
        )

    def _located(self, generation: int, contact_id: str, card: Card | None) -> None:
        if generation != self._generation or self._pending_select != contact_id:
            return
        if card is None:
            self._pending_select = None
            self.show_message(
                self.tr("This contact is hidden by the current filter."),
                action=self.tr("Clear the filter"),
                slot=self._clear_filter_and_select,
            )
            return
        if self.models[card.status].row_of(card.id) is None:
            # Deep in a long column: show it at the top rather than paging to it.
            self._put(card, 0)
        self._select_card(contact_id)

    def _clear_filter_and_select(self) -> None:
        self._pending_select = self.panel.contact_id
        self.message.hide()
        self.clear_filter()

    def _selection_changed(self, status: PipelineStatus, selected: QItemSelection) -> None:
        if selected.isEmpty() or self._syncing_selection:
            return
        # One card is selected on the whole board, not one per column.
        self._clear_selections(keep=status)
        ident = self.columns[status].view.current_id()
        if ident:
            self.open_panel(ident)

    def open_panel(self, contact_id: str) -> None:
        if contact_id != self.panel.contact_id or not self.panel.isVisible():
            self.panel.load(contact_id)
        if not self.panel.isVisible():
            self._make_room_for_panel()
            self.panel.show()

    def close_panel(self) -> None:
        if not self.panel.isVisible():
            return
        self.panel.hide()
        self.panel.clear()
        if self._sidebar_stepped_aside:
            self._sidebar_stepped_aside = False
            self.sidebar_button.setChecked(True)

    def _make_room_for_panel(self) -> None:
        """Six columns need ~6 × 160 px: on a laptop screen the sidebar makes way."""
        needed = 6 * (COLUMN_MIN_WIDTH + 6) + 12 + PANEL_WIDTH
        if self.sidebar.isVisible() and self.width() < needed + SIDEBAR_WIDTH:
            self._sidebar_stepped_aside = True
            self.sidebar_button.setChecked(False)

    def _toggle_sidebar(self, on: bool) -> None:
        self.sidebar.setVisible(on)
        if on:
            self._sidebar_stepped_aside = False

    def _focus_neighbour(self, status: PipelineStatus, step: int) -> None:
        order = list(PIPELINE_ORDER)
        index = order.index(status) + step
        if 0 <= index < len(order):
            view = self.columns[order[index]].view
            view.setFocus(Qt.FocusReason.OtherFocusReason)
            if view.model().rowCount() and not view.currentIndex().isValid():
                view.setCurrentIndex(view.model().index(0, 0))

    # -- moving cards -------------------------------------------------------------------

    def _drop_requested(self, ids: list[str], source: str, target: str) -> None:
        for ident in ids:
            self.move_contact(ident, PipelineStatus(target), PipelineStatus(source))

    def _shift(self, contact_id: str, step: int) -> None:
        current = self._status_of(contact_id)
        if current is None:
            return
        index = PIPELINE_ORDER.index(current) + step
        if 0 <= index < len(PIPELINE_ORDER):
            self.move_contact(contact_id, PIPELINE_ORDER[index], current)

    def _status_of(self, contact_id: str) -> PipelineStatus | None:
        for status, model in self.models.items():
            if model.row_of(contact_id) is not None:
                return status
        return None

    def move_contact(
        self,
        contact_id: str,
        target: PipelineStatus,
        source: PipelineStatus | None = None,
    ) -> None:
        """Move on screen now, in the database next; undone on screen if refused."""
        source = source or self._status_of(contact_id)
        if source is target:
            return
        was_selected = self.selected_id() == contact_id
        origin: tuple[int, Card] | None = None
        if source is not None:
            origin = self._take(source, contact_id)
        moved = None
        if origin is not None:
            _row, card = origin
            moved = _with_status(card, target)
            self._adjust_count(source, -1)
            if self._filter.shows(target):
                self._put(moved, 0)
                self._adjust_count(target, +1)
                if was_selected:
                    self._select_card(contact_id, open_panel=False)
        self._moves_in_flight[contact_id] = target
        service = self.contacts

        def done(contact: Contact) -> None:
            self._move_done(contact_id, target, contact)

        def failed(message: str, _is_bug: bool) -> None:
            self._move_failed(contact_id, source, target, origin, message)

        self._run(lambda: service.move(contact_id, target, initiator=self), done, failed)

    def _adjust_count(self, status: PipelineStatus | None, delta: int) -> None:
        if status is None or self._counts is None:
            return
        self._counts.per_status[status] = max(self._counts.per_status[status] + delta, 0)
        self._show_counts()

    def _move_done(self, contact_id: str, target: PipelineStatus, contact: Contact) -> None:
        self._moves_in_flight.pop(contact_id, None)
        model = self.models[target]
        row = model.row_of(contact_id)
        card = model.card_at(row) if row is not None else None
        if card is not None:
            model.replace(_with_status(card, target, updated_at=contact.updated_at))
        if not self._filter.shows(target):
            self.show_message(
                self.tr("{name} moved to {status}; this segment does not show that stage.").format(
                    name=contact.display_name, status=labels.status(target)
                )
            )
        if self.panel.contact_id == contact_id:
            self.panel.load(contact_id)
        if not self._moves_in_flight:
            self._refresh_counts()
        self._dirty_segments = True  # status rules ("Hot leads") change size
        self._refresh_timer.start()

    def _move_failed(
        self,
        contact_id: str,
        source: PipelineStatus | None,
        target: PipelineStatus,
        origin: tuple[int, Card] | None,
        message: str,
    ) -> None:
        self._moves_in_flight.pop(contact_id, None)
        if self._take(target, contact_id) is not None:
            self._adjust_count(target, -1)
        if origin is not None and source is not None:
            row, card = origin
            self._put(card, row)
            self._adjust_count(source, +1)
            if self.panel.contact_id == contact_id:
                self._select_card(contact_id, open_panel=False)
        self.show_message(
            self.tr("Could not move the contact to {status}: {reason}").format(
                status=labels.status(target), reason=message
            ),
            error=True,
        )
        # The card may be gone for good (deleted elsewhere): re-read what the board shows.
        self._dirty_ids.add(contact_id)
        self._refresh_timer.start()

    def _refresh_counts(self) -> None:
        ws, flt, generation = self.ctx.ws, self._filter, self._generation

        def done(counts: BoardCounts) -> None:
            if generation == self._generation and not self._moves_in_flight:
                self._counts = counts
                self._show_counts()
                self._show_board_or_empty()

        self._run(lambda: load_counts(ws, flt), done, lambda _m, _b: None)

    # -- context menu -------------------------------------------------------------------

    def _context_menu(self, contact_id: str, pos: QPoint) -> None:
        menu = self.build_context_menu(contact_id)
        menu.exec(pos)

    def build_context_menu(self, contact_id: str) -> QMenu:
        """Open, Move to ▸ (the keyboard's way to move a card), Add a note, Edit."""
        menu = QMenu(self)
        current = self._status_of(contact_id)
        open_action = menu.addAction(self.tr("Open"))
        open_action.triggered.connect(lambda: self.select_record(contact_id))
        move_menu = menu.addMenu(self.tr("Move to"))
        for status in PIPELINE_ORDER:
            action = QAction(status_icon(status), labels.status(status), move_menu)
            action.setEnabled(status is not current)
            action.triggered.connect(
                lambda _checked=False, s=status: self.move_contact(contact_id, s, current)
            )
            move_menu.addAction(action)
        menu.addSeparator()
        note = menu.addAction(self.tr("Add a note…"))
        note.triggered.connect(lambda: self._start_note(contact_id))
        edit = menu.addAction(self.tr("Edit…"))
        edit.triggered.connect(lambda: self._edit_by_id(contact_id))
        return menu

    def _start_note(self, contact_id: str, kind: ActivityKind = ActivityKind.NOTE) -> None:
        self.select_record(contact_id)
        index = self.panel.note_kind.findData(kind.value)
        self.panel.note_kind.setCurrentIndex(max(index, 0))
        self.panel.note_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- add and edit -------------------------------------------------------------------

    def add_contact(self) -> ContactDialog:
        dialog = ContactDialog(self.ctx, self._region or "SN", None, self)
        dialog.sig_saved.connect(self._contact_added)
        dialog.open()
        return dialog

    def _contact_added(self, contact_id: str) -> None:
        self.show_message(self.tr("Contact added."))
        self.select_record(contact_id)

    def edit_contact(self, details: object) -> ContactDialog | None:
        if not isinstance(details, ContactDetails):
            return None
        dialog = ContactDialog(self.ctx, details.region, details, self)
        dialog.open()
        return dialog

    def _edit_by_id(self, contact_id: str) -> None:
        if self.panel.details is not None and self.panel.details.id == contact_id:
            self.edit_contact(self.panel.details)
            return
        self.select_record(contact_id)

        def loaded(ident: str) -> None:
            self.panel.sig_loaded.disconnect(loaded)
            if ident == contact_id:
                self.edit_contact(self.panel.details)

        self.panel.sig_loaded.connect(loaded)

    # -- export -------------------------------------------------------------------------

    def _choose_export_file(self) -> None:
        filters = {
            self.tr("CSV (*.csv)"): (ExportFormat.CSV, False),
            self.tr("CSV for Excel in French, with semicolons (*.csv)"): (ExportFormat.CSV, True),
            self.tr("Excel workbook (*.xlsx)"): (ExportFormat.XLSX, False),
            self.tr("GeoJSON for maps (*.geojson)"): (ExportFormat.GEOJSON, False),
        }
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = self._filter.segment.name if self._filter.segment is not None else "contacts"
        stem = re.sub(r"[^\w-]+", "-", name).strip("-") or "contacts"
        default = str(Path(folder) / f"{stem}-{date.today().isoformat()}.csv")
        chosen = list(filters)[1 if self.ctx.language == "fr" else 0]
        path, selected = QFileDialog.getSaveFileName(
            self, self.tr("Export contacts"), default, ";;".join(filters), chosen
        )
        if not path:
            return
        export_format, semicolon = filters.get(selected, (ExportFormat.CSV, False))
        suffix = "." + export_format.value
        target = Path(path)
        if target.suffix.lower() != suffix:
            target = target.with_suffix(suffix)
        self.export_to(target, export_format, semicolon=semicolon)

    def export_to(
        self, path: Path, export_format: ExportFormat, *, semicolon: bool = False
    ) -> None:
        """Write the contacts the board shows (filter and segment) to ``path``."""
        ws, flt = self.ctx.ws, self._filter
        progress_dialog = QProgressDialog(
            self.tr("Exporting contacts…"), self.tr("Cancel"), 0, 0, self
        )
        progress_dialog.setWindowTitle(self.tr("Export"))
        progress_dialog.setMinimumDuration(400)
        progress_dialog.setAutoClose(False)
        progress_dialog.setAutoReset(False)

        def job(progress, cancel) -> ExportResult:  # type: ignore[no-untyped-def]
            ids = matching_ids(ws, flt)
            return export_records(
                ws,
                "contacts",
                export_format,
                path,
                ids=ids,
                semicolon=semicolon,
                progress=lambda done, total: progress("export", done, total),
                cancel=cancel,
            )

        def on_progress(_phase: str, done: int, total: int) -> None:
            progress_dialog.setMaximum(max(total, 1))
            progress_dialog.setValue(min(done, max(total, 1)))

        def finished(result: ExportResult) -> None:
            progress_dialog.close()
            progress_dialog.deleteLater()
            text = self.tr("Exported {n} contacts to {file}.").format(
                n=fmt.number(result.rows_written), file=result.path.name
            )
            if result.rows_without_coordinates:
                left_out = self.tr("{n} without a location were left out of the map file.")
                text += " " + left_out.format(n=fmt.number(result.rows_without_coordinates))
            self.show_message(text)
            self.sig_export_done.emit(str(result.path))

        def failed(message: str, is_bug: bool) -> None:
            progress_dialog.close()
            progress_dialog.deleteLater()
            if handle.token.is_set() and not is_bug:
                self.show_message(self.tr("Export cancelled: no file was written."))
            else:
                self.show_message(message, error=True)

        handle = self.ctx.runner.run(
            job,
            on_done=guarded(self, finished),
            on_error=guarded(self, failed),
            on_progress=guarded(self, on_progress),
            database=False,
            wants=Wants.PROGRESS | Wants.CANCEL,
        )
        progress_dialog.canceled.connect(handle.cancel)

    # -- refresh from changes made elsewhere ------------------------------------------

    @Slot(object)
    def _on_changed(self, changes: object) -> None:
        if not concerns(changes, "contacts", "activities", "segments", "segment_members", me=self):
            return
        ids: dict[str, set[str]] = getattr(changes, "ids", {})
        if "segments" in ids or "segment_members" in ids:
            self._dirty_segments = True
            if "segment_members" in ids and self._filter.is_static:
                self._dirty_all = True
        if "contacts" in ids:
            self._dirty_segments = True
            if ids["contacts"]:
                self._dirty_ids.update(ids["contacts"])
            else:
                self._dirty_all = True  # a bulk change (import, sync): read it all again
        if "activities" in ids:
            if ids["activities"]:
                self._dirty_activities.update(ids["activities"])
            else:
                self._dirty_panel = True
        self._refresh_timer.start()

    def _flush_refresh(self) -> None:
        if self._dirty_segments:
            self._dirty_segments = False
            self._load_segments()
        panel_id = self.panel.contact_id if self.panel.isVisible() else None
        if self._dirty_all:
            self._dirty_all = False
            self._dirty_ids.clear()
            self._dirty_activities.clear()
            self._dirty_panel = False
            self._reload_board()
            if panel_id:
                self.panel.load(panel_id)
            return
        contact_ids, activity_ids = set(self._dirty_ids), set(self._dirty_activities)
        self._dirty_ids.clear()
        self._dirty_activities.clear()
        reload_panel = self._dirty_panel
        self._dirty_panel = False
        if contact_ids or activity_ids:
            ws, flt, generation = self.ctx.ws, self._filter, self._generation
            self._run(
                lambda: refresh_cards(ws, flt, contact_ids, activity_ids),
                lambda result: self._apply_refresh(generation, result, reload_panel),
            )
        elif reload_panel and panel_id:
            self.panel.load(panel_id)

    def _apply_refresh(self, generation: int, result: RefreshedCards, reload_panel: bool) -> None:
        if generation != self._generation:
            return  # a new filter reloaded everything meanwhile
        selected = self.selected_id()
        for ident, card in result.cards.items():
            if ident in self._moves_in_flight:
                continue  # our own move is on its way; its result wins
            for status in PIPELINE_ORDER:
                if card is None or status is not card.status:
                    self._take(status, ident)
            if card is not None:
                self._put(card)
        if not self._moves_in_flight:
            self._counts = result.counts
            self._show_counts()
            self._show_board_or_empty()
        if selected is not None and self.selected_id() is None:
            self._select_card(selected, open_panel=False)
        panel_id = self.panel.contact_id if self.panel.isVisible() else None
        if panel_id and (reload_panel or panel_id in result.cards):
            self.panel.load(panel_id)


def _with_status(card: Card, status: PipelineStatus, *, updated_at: datetime | None = None) -> Card:
    """The card as it stands after a move: new column, and (as the store) just updated."""
    stamp = updated_at if updated_at is not None else datetime.now(UTC).replace(tzinfo=None)
    return replace(card, status=status, updated_at=stamp)


__all__ = ["BoardFilter", "CrmTab"]
