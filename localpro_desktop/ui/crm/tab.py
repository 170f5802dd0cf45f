"""The CRM tab: contacts on the pipeline board, filtered, moved, and looked at one by one.

Layout: a filter bar (segments toggle, search, segment, save as segment, count, add,
export); an inline message line; then the segments sidebar, the six-column board and the
contact panel side by side. Sidebar and panel fold away so the six columns keep their
width on a 1366-pixel screen; when the panel opens on a narrow window the sidebar steps
aside by itself.

Data flow: every read and write runs on the task runner, through the services
(``services.board`` for the board, ``ContactService`` and ``SegmentService``). The board
loads counts and the first 50 cards of each column in one read; columns page in more as
they scroll. A drag (or "Move to", or Ctrl+←/→) moves the card on screen at once and asks
the service (``moves.MoveController``); if the service refuses, the card goes back where it
was and the reason is shown. Changes made elsewhere arrive as change sets: only the named
contacts are re-read (their cards move, update or leave), a bulk change reloads the board,
and the open panel follows its contact.

The pieces: ``filter_bar``, ``board_area`` (columns, selection, empty state), ``moves``,
``refresh`` (changes made elsewhere), ``export``, ``menu``, ``panel`` and ``sidebar``; this
class wires them together and owns the filter.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QMenu, QVBoxLayout, QWidget

from localpro_desktop.domain.activities import ActivityKind
from localpro_desktop.domain.pipeline import PipelineStatus
from localpro_desktop.services.board import (
    PAGE_SIZE,
    BoardCounts,
    BoardFilter,
    BoardPage,
    load_board,
    load_counts,
)
from localpro_desktop.services.contacts import ContactDetails, ContactService, MovedContact
from localpro_desktop.services.exporting.exporters import ExportFormat
from localpro_desktop.services.segments import SegmentInfo, SegmentService
from localpro_desktop.ui import formatting as fmt
from localpro_desktop.ui import labels
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.crm.ask_words import CrmAskWords
from localpro_desktop.ui.crm.board_area import BoardArea
from localpro_desktop.ui.crm.column import COLUMN_MIN_WIDTH
from localpro_desktop.ui.crm.dialogs import ContactDialog
from localpro_desktop.ui.crm.export import ExportController
from localpro_desktop.ui.crm.filter_bar import FilterBar
from localpro_desktop.ui.crm.menu import CardMenu
from localpro_desktop.ui.crm.move_messages import MoveMessages
from localpro_desktop.ui.crm.moves import MoveController
from localpro_desktop.ui.crm.panel import PANEL_WIDTH, ContactPanel
from localpro_desktop.ui.crm.refresh import BoardRefresher
from localpro_desktop.ui.crm.sidebar import SIDEBAR_WIDTH, SegmentSidebar
from localpro_desktop.ui.tasks import guarded
from localpro_desktop.ui.widgets import MessageBar, Tone

MESSAGE_TIMEOUT_MS = 8000


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
        self._ready = False
        self._region = ""
        self._select_segment_after_load: str | None = None
        self._sidebar_stepped_aside = False
        self.first_display_ms: float | None = None
        """Construction to first board on screen, for timing on big workspaces."""
        self._started = time.perf_counter()
        self._build()
        self._connect()
        # The board first: the serial database worker runs these in order.
        self._reload_board()
        self._load_settings()
        self._load_segments()

    # -- construction -----------------------------------------------------------------

    def _build(self) -> None:
        self.filter_bar = FilterBar(self.ctx.language)
        # Parts under the tab's own names too: tests and bench/bench_ui.py read them there.
        self.search = self.filter_bar.search
        self.segment_combo = self.filter_bar.segment_combo
        self.save_segment_button = self.filter_bar.save_segment_button
        self.count_label = self.filter_bar.count_label
        self.sidebar_button = self.filter_bar.sidebar_button
        self.message = MessageBar()
        self.ask_words = CrmAskWords(self.ctx)  # its field in the sidebar, its answer on a line
        message_row = QVBoxLayout()
        message_row.setContentsMargins(8, 2, 8, 2)
        message_row.addWidget(self.ask_words)
        message_row.addWidget(self.message)
        self.sidebar = SegmentSidebar(self.ctx.language)
        self.sidebar.add_tool(self.ask_words.field)
        self.area = BoardArea(self.ctx)
        self.stack = self.area
        self.models = self.area.models
        self.columns = self.area.columns
        self.board_scroll = self.area.board_scroll
        self.empty = self.area.empty
        self.panel = ContactPanel(self.ctx)
        self.panel.hide()
        self.moves = MoveController(self.ctx, self.area, self.contacts, self)
        self.move_messages = MoveMessages(self.moves, lambda: self._filter, self.show_message, self)
        self.exporter = ExportController(self.ctx, self)
        self.refresher = BoardRefresher(self.ctx, self.area, self.moves, self.panel, self)

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.sidebar)
        body.addWidget(self.area, 1)
        body.addWidget(self.panel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.filter_bar)
        layout.addLayout(message_row)
        layout.addLayout(body, 1)

    def _connect(self) -> None:
        bar = self.filter_bar
        bar.sig_apply.connect(self.apply_filter)
        bar.sig_segment_picked.connect(self._segment_picked)
        bar.sig_save_segment.connect(self.save_filter_as_segment)
        bar.sidebar_button.toggled.connect(self._toggle_sidebar)
        bar.add_button.clicked.connect(self.add_contact)
        bar.export_button.clicked.connect(lambda: self.exporter.choose_file(self._filter))
        self.sidebar.sig_segment_chosen.connect(self.choose_segment)
        self.ask_words.sig_apply.connect(bar.show_unsaved)
        self.ask_words.sig_saved.connect(self._segment_saved)

        area = self.area
        area.sig_drop.connect(self.moves.drop)
        area.sig_shift.connect(self.moves.shift)
        area.sig_failed.connect(lambda message: self.show_message(message, error=True))
        area.sig_hidden.connect(self._hidden)
        area.sig_card_chosen.connect(self.open_panel)
        area.sig_context_menu.connect(self._context_menu)
        area.sig_open.connect(self.select_record)
        area.sig_counts_shown.connect(self._counts_shown)
        area.sig_add_requested.connect(self.add_contact)
        area.sig_clear_filter_requested.connect(self.clear_filter)
        self.moves.sig_moved.connect(self._move_done)
        self.moves.sig_refused.connect(self._move_refused)
        self.moves.sig_reread.connect(self.refresher.reread)
        self.exporter.sig_done.connect(self.sig_export_done)
        self.exporter.sig_message.connect(lambda text, error: self.show_message(text, error=error))

        self.panel.sig_close.connect(self.close_panel)
        self.panel.sig_move_requested.connect(
            lambda ident, status: self.move_contact(ident, PipelineStatus(status))
        )
        self.panel.sig_edit_requested.connect(self.edit_contact)
        self.panel.sig_open_prospect.connect(
            lambda ident: self.sig_open_record.emit("prospect", ident)
        )
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close_panel)
        QShortcut(QKeySequence.StandardKey.Find, self, bar.focus_search)
        # Within the tab only; the search box and the note editor undo their own typing.
        undo = QShortcut(QKeySequence.StandardKey.Undo, self, self.undo_move)
        undo.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

        self.refresher.sig_reload.connect(self._reload_board)
        self.refresher.sig_segments_changed.connect(self._load_segments)
        self.refresher.sig_failed.connect(lambda message: self.show_message(message, error=True))

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

    @property
    def _counts(self) -> BoardCounts | None:
        """The counts on the column headers (read by bench/bench_ui.py)."""
        return self.area.counts

    def selected_id(self) -> str | None:
        return self.area.selected_id()

    def select_record(self, contact_id: str) -> None:
        """Select a contact's card (if the filter shows it) and open its panel."""
        self.open_panel(contact_id)
        self.area.reveal(contact_id, search=self._ready)

    def show_message(
        self,
        text: str,
        *,
        error: bool = False,
        action: str = "",
        slot: Callable[[], None] | None = None,
    ) -> None:
        """Say what happened on the message line; ``action`` adds a button running ``slot``."""
        self.message.show_message(
            text,
            Tone.ERROR if error else Tone.INFO,
            action=action if slot is not None else None,
            on_action=slot,
            # Refusals stay until read and closed; outcomes fade, even with a button.
            timeout_ms=0 if error else MESSAGE_TIMEOUT_MS,
        )

    # -- filter and segments --------------------------------------------------------------

    def _segment_picked(self, segment_id: str) -> None:
        self.sidebar.select(segment_id)
        self.apply_filter()

    def choose_segment(self, segment_id: str) -> None:
        """Filter by a segment ("" for everyone), as the combo or the sidebar do."""
        if not self.filter_bar.choose_segment(segment_id):
            self.apply_filter()  # already picked: the combo emitted nothing

    @Slot()
    def apply_filter(self) -> None:
        """Read the filter bar and reload every column under it."""
        self.filter_bar.settle()
        flt = self.filter_bar.current_filter()
        changed = not flt.same_as(self._filter)
        self._filter = flt
        self.filter_bar.set_applied(flt)
        self._reload_board()
        if changed:
            self.sig_filter_changed.emit(flt)

    def clear_filter(self) -> None:
        self.filter_bar.clear()
        self.sidebar.select("")
        self.apply_filter()

    def _load_segments(self) -> None:
        self._run(self.segment_service.list, self._segments_loaded)

    def _segments_loaded(self, segments: list[SegmentInfo]) -> None:
        self.filter_bar.set_segments(segments, self._select_segment_after_load)
        self._select_segment_after_load = None
        counts = self.area.counts
        self.sidebar.set_segments(segments, counts.everyone if counts is not None else None)
        self.sidebar.select(self.filter_bar.segment_id())
        # The applied segment may have changed (rule edited) or gone (deleted elsewhere);
        # a new member count alone changes nothing on the board.
        fresh = self.filter_bar.current_filter()
        if fresh.same_as(self._filter):
            self._filter = fresh
            self.filter_bar.set_applied(fresh)
        else:
            self.apply_filter()

    def save_filter_as_segment(self, name: str) -> None:
        """Create a rule segment from the current filter, then show the board through it."""
        rule = self._filter.rule
        if self._filter.is_static or rule.is_empty:
            return
        service = self.segment_service
        description = rule.describe(self.ctx.language)
        self._run(lambda: service.create_rule(name, rule, description), self._segment_saved)

    def _segment_saved(self, info: SegmentInfo) -> None:
        # The segment now holds the search, so the box is cleared: same contacts, one filter.
        self._select_segment_after_load = info.id
        self.filter_bar.clear_search()
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
        ws, flt = self.ctx.ws, self._filter
        size = PAGE_SIZE
        generation = self.area.begin_loading(flt)
        self._run(
            lambda: load_board(ws, flt, size),
            lambda page: self._board_loaded(generation, flt, page),
            lambda message, _bug: self._board_failed(generation, message),
        )

    def _board_loaded(self, generation: int, flt: BoardFilter, page: BoardPage) -> None:
        if generation != self.area.generation:
            return
        self.area.load(page)
        if not self._ready:
            self._ready = True
            self.first_display_ms = (time.perf_counter() - self._started) * 1000
        self.sig_board_loaded.emit()

    def _board_failed(self, generation: int, message: str) -> None:
        if generation != self.area.generation:
            return
        self._ready = True  # a broken board must not hang the screenshot
        self.show_message(message, error=True)

    def _counts_shown(self, counts: BoardCounts) -> None:
        self.filter_bar.show_counts(counts, self._filter)
        self.sidebar.set_everyone(counts.everyone)

    def _refresh_counts(self) -> None:
        ws, flt, generation = self.ctx.ws, self._filter, self.area.generation

        def done(counts: BoardCounts) -> None:
            if generation == self.area.generation and not self.moves.in_flight:
                self.area.set_counts(counts)

        self._run(lambda: load_counts(ws, flt), done, lambda _m, _b: None)

    # -- selection and the panel --------------------------------------------------------

    def _hidden(self, _contact_id: str) -> None:
        self.show_message(
            self.tr("This contact is hidden by the current filter."),
            action=self.tr("Clear the filter"),
            slot=self._clear_filter_and_select,
        )

    def _clear_filter_and_select(self) -> None:
        self.area.pending = self.panel.contact_id
        self.message.dismiss()
        self.clear_filter()

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

    # -- moving cards -------------------------------------------------------------------

    def move_contact(
        self,
        contact_id: str,
        target: PipelineStatus,
        source: PipelineStatus | None = None,
    ) -> None:
        """Move on screen now, in the database next; undone on screen if refused."""
        self.moves.move(contact_id, target, source)

    def _move_done(self, moved: MovedContact) -> None:
        if self.panel.contact_id == moved.id:
            self.panel.load(moved.id)
        if not self.moves.in_flight:
            self._refresh_counts()
        self.refresher.pending.segments = True  # status rules ("Hot leads") change size
        self.refresher.soon()

    def undo_move(self) -> None:
        """Ctrl+Z: take back the latest move (the message's "Undo" names its own)."""
        self.move_messages.undo()

    def _move_refused(self, contact_id: str, target: PipelineStatus, reason: str) -> None:
        if self.panel.contact_id == contact_id:
            self.area.select(contact_id, announce=False)
        self.show_message(
            self.tr("Could not move the contact to {status}: {reason}").format(
                status=labels.status(target), reason=reason
            ),
            error=True,
        )
        # The card may be gone for good (deleted elsewhere): re-read what the board shows.
        self.refresher.pending.contact_ids.add(contact_id)
        self.refresher.soon()

    # -- context menu, add and edit ---------------------------------------------------------

    def _context_menu(self, contact_id: str, pos: QPoint) -> None:
        menu = self.build_context_menu(contact_id)
        menu.exec(pos)

    def build_context_menu(self, contact_id: str) -> QMenu:
        """Open, Move to ▸ (the keyboard's way to move a card), Add a note, Edit."""
        current = self.area.status_of(contact_id)
        menu = CardMenu(current, self)
        menu.sig_open.connect(lambda: self.select_record(contact_id))
        menu.sig_move.connect(lambda status: self.move_contact(contact_id, status, current))
        menu.sig_note.connect(lambda: self._start_note(contact_id))
        menu.sig_edit.connect(lambda: self._edit_by_id(contact_id))
        return menu

    def _start_note(self, contact_id: str, kind: ActivityKind = ActivityKind.NOTE) -> None:
        self.select_record(contact_id)
        index = self.panel.note_kind.findData(kind.value)
        self.panel.note_kind.setCurrentIndex(max(index, 0))
        self.panel.note_edit.setFocus(Qt.FocusReason.OtherFocusReason)

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

    def export_to(
        self, path: Path, export_format: ExportFormat, *, semicolon: bool = False
    ) -> None:
        """Write the contacts the board shows (filter and segment) to ``path``."""
        self.exporter.export_to(self._filter, path, export_format, semicolon=semicolon)


__all__ = ["BoardFilter", "CrmTab"]
