"""The board area of the CRM tab: six columns, one selected card, counts, the empty state.

A view over ``services.board`` results: it shows the pages and counts it is given, moves
cards between columns on screen, and keeps one card selected on the whole board. Its only
reads, off the UI thread like the columns' next pages, find a card asked for by id.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping
from dataclasses import replace
from datetime import UTC, datetime

from PySide6.QtCore import QItemSelection, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QWidget,
)

from localpro_desktop.domain.pipeline import PIPELINE_ORDER, PipelineStatus
from localpro_desktop.services.board import BoardCounts, BoardFilter, BoardPage, Card, locate
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.crm.column import BoardColumn
from localpro_desktop.ui.crm.delegate import CardDelegate
from localpro_desktop.ui.crm.model import CardModel
from localpro_desktop.ui.style import MUTED_COLOR
from localpro_desktop.ui.tasks import guarded
from localpro_desktop.ui.widgets import EmptyState


class BoardArea(QStackedWidget):
    """ "Loading", the six columns, or what to do when there is nothing to show."""

    sig_card_chosen = Signal(str)
    """The user (or ``reveal``) selected a card: the contact's panel should open."""
    sig_hidden = Signal(str)
    """A contact asked for by ``reveal`` is not shown under the current filter."""
    sig_drop = Signal(list, str, str)
    """Cards dragged onto another column: (contact ids, source status, target status)."""
    sig_shift = Signal(str, int)
    """Ctrl+←/→ on a card: (contact id, -1 or +1 stage)."""
    sig_context_menu = Signal(str, QPoint)
    """Right click on a card: (contact id, global position)."""
    sig_open = Signal(str)
    """A card was activated (double click, Enter): its contact id."""
    sig_failed = Signal(str)
    """A column could not load its next page: the reason."""
    sig_counts_shown = Signal(object)
    """The BoardCounts now on the column headers (after a load, a move or a refresh)."""
    sig_add_requested = Signal()
    """The empty state's "+ Add a contact" was pressed."""
    sig_clear_filter_requested = Signal()
    """The empty state's "Clear the filter" was pressed."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.filter = BoardFilter()
        """The filter applied: the shown cards were (or are being) loaded under it."""
        self.counts: BoardCounts | None = None
        self.generation = 0
        """Bumped by each reload: answers asked for an older board are dropped."""
        self.pending: str | None = None
        """A contact to select as soon as its card is on the board."""
        self._syncing_selection = False
        self.delegate = CardDelegate(self)
        self.models: dict[PipelineStatus, CardModel] = {}
        self.columns: dict[PipelineStatus, BoardColumn] = {}
        board = QWidget()
        columns_row = QHBoxLayout(board)
        columns_row.setContentsMargins(6, 4, 6, 6)
        columns_row.setSpacing(6)
        for status in PIPELINE_ORDER:
            model = CardModel(ctx, status, self)
            column = BoardColumn(model, self.delegate)
            self.models[status] = model
            self.columns[status] = column
            columns_row.addWidget(column, 1)
            self._connect_column(status)
        self.board_scroll = QScrollArea()
        self.board_scroll.setWidget(board)
        self.board_scroll.setWidgetResizable(True)
        self.board_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.board_scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.empty = EmptyState()
        self.loading = QLabel(self.tr("Loading the board…"))
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.loading.setStyleSheet(f"color: {MUTED_COLOR};")
        self.addWidget(self.loading)
        self.addWidget(self.board_scroll)
        self.addWidget(self.empty)

    def _connect_column(self, status: PipelineStatus) -> None:
        model, view = self.models[status], self.columns[status].view
        model.sig_move_requested.connect(self.sig_drop)
        model.sig_failed.connect(self.sig_failed)
        model.sig_page_loaded.connect(lambda _n: self._page_loaded())
        view.selectionModel().selectionChanged.connect(
            lambda selected, _deselected: self._selection_changed(status, selected)
        )
        view.sig_context_menu.connect(self.sig_context_menu)
        view.sig_open.connect(self.sig_open)
        view.sig_neighbour.connect(lambda step: self.focus_neighbour(status, step))
        view.sig_shift.connect(self.sig_shift)
        view.sig_clicked.connect(self.sig_card_chosen)

    # -- what is shown ------------------------------------------------------------------

    def begin_loading(self, flt: BoardFilter) -> int:
        """The board is being read again under ``flt``: its generation, to match the answer."""
        self.generation += 1
        self.filter = flt
        for column in self.columns.values():
            column.set_count(None)
        return self.generation

    def load(self, page: BoardPage) -> None:
        """Show a fresh board: every column's first cards and the counts."""
        keep = self.selected_id()
        self.counts = page.counts
        for status, model in self.models.items():
            model.reset(self.filter, page.columns[status], page.counts.per_status[status])
        self._show_counts()
        self._show_board_or_empty()
        if self.pending is not None:
            if not self.select(self.pending):
                self._locate(self.pending)
        elif keep is not None:
            self.select(keep, announce=False)

    def set_counts(self, counts: BoardCounts) -> None:
        """Counts read again after moves or changes elsewhere."""
        self.counts = counts
        self._show_counts()
        self._show_board_or_empty()

    def adjust_count(self, status: PipelineStatus | None, delta: int) -> None:
        """A card moved on screen before the database answered: headers follow at once."""
        if status is None or self.counts is None:
            return
        self.counts.per_status[status] = max(self.counts.per_status[status] + delta, 0)
        self._show_counts()

    def _show_counts(self) -> None:
        counts = self.counts
        if counts is None:
            return
        for status, column in self.columns.items():
            self.models[status].set_total(counts.per_status[status])
            column.set_count(counts.per_status[status])
            if not self.filter.shows(status):
                column.set_placeholder(self.tr("Not in this segment"))
            else:
                column.set_placeholder(self.tr("No contacts at this stage"))
        self.sig_counts_shown.emit(counts)

    def _show_board_or_empty(self) -> None:
        counts = self.counts
        if counts is None:
            return
        if counts.everyone == 0:
            self.empty.show_state(
                self.tr("No contacts yet"),
                self.tr(
                    "Contacts are the people and businesses you work with. Convert a prospect"
                    " from the Prospects tab, import a file, or add someone by hand."
                ),
                [(self.tr("+ Add a contact"), self.sig_add_requested.emit)],
            )
            self.setCurrentWidget(self.empty)
        elif counts.matching == 0:
            flt, language = self.filter, self.ctx.language
            typed = BoardFilter(flt.text).rule.describe(language) if flt.text.strip() else ""
            what = " · ".join(
                part for part in (flt.segment.name if flt.segment else "", typed) if part
            ) or flt.rule.describe(language)
            explain = self.tr(
                "Filter: {what}. Check the spelling, or clear the filter to see everyone."
            )
            self.empty.show_state(
                self.tr("No contact matches this filter"),
                explain.format(what=what),
                [(self.tr("Clear the filter"), self.sig_clear_filter_requested.emit)],
            )
            self.setCurrentWidget(self.empty)
        else:
            self.setCurrentWidget(self.board_scroll)

    # -- cards --------------------------------------------------------------------------

    def status_of(self, contact_id: str) -> PipelineStatus | None:
        for status, model in self.models.items():
            if model.row_of(contact_id) is not None:
                return status
        return None

    def take(self, status: PipelineStatus, contact_id: str) -> tuple[int, Card] | None:
        """Remove a card without Qt selecting its neighbour (and opening that contact)."""
        model, view = self.models[status], self.columns[status].view
        row = model.row_of(contact_id)
        if row is None:
            return None
        with self.quiet_selection():
            if view.currentIndex().row() == row:
                view.selectionModel().clear()
            return model.take(contact_id)

    def put(self, card: Card, row: int | None = None) -> int | None:
        with self.quiet_selection():
            return self.models[card.status].put(card, row)

    def card(self, contact_id: str) -> Card | None:
        for model in self.models.values():
            row = model.row_of(contact_id)
            if row is not None:
                return model.card_at(row)
        return None

    def apply_cards(self, cards: Mapping[str, Card | None], *, skip: set[str]) -> None:
        """Fresh cards from a refresh: each goes to its column (``None``: leaves the board)."""
        for ident, card in cards.items():
            if ident in skip:
                continue  # our own move is on its way; its result wins
            for status in PIPELINE_ORDER:
                if card is None or status is not card.status:
                    self.take(status, ident)
            if card is not None:
                self.put(card)

    # -- selection ----------------------------------------------------------------------

    def selected_id(self) -> str | None:
        for column in self.columns.values():
            ident = column.view.current_id()
            if ident:
                return ident
        return None

    def reveal(self, contact_id: str, *, search: bool = True) -> None:
        """Select a contact's card; if it is not loaded, select it once it is.

        ``search``: ask the service where the card is now, rather than wait for the next
        load (a card deep in a long column is then shown at the top of its column).
        """
        if self.select(contact_id):
            return
        self.pending = contact_id
        if search:
            self._locate(contact_id)

    def select(self, contact_id: str, *, announce: bool = True) -> bool:
        """``select_card``, and ``announce`` it (``sig_card_chosen``) as if the user had."""
        if not self.select_card(contact_id):
            return False
        if self.pending == contact_id:
            self.pending = None
        if announce:
            self.sig_card_chosen.emit(contact_id)
        return True

    def _page_loaded(self) -> None:
        if self.pending is not None:
            self.select(self.pending)

    def _locate(self, contact_id: str) -> None:
        """Find a card the board has not loaded: insert it, or say the filter hides it."""
        ws, flt, generation = self.ctx.ws, self.filter, self.generation
        self.ctx.runner.run(
            lambda: locate(ws, flt, contact_id),
            on_done=guarded(self, lambda card: self._located(generation, contact_id, card)),
            on_error=guarded(self, lambda _message, _bug: None),
        )

    def _located(self, generation: int, contact_id: str, card: Card | None) -> None:
        if generation != self.generation or self.pending != contact_id:
            return
        if card is None:
            self.pending = None
            self.sig_hidden.emit(contact_id)
            return
        if self.models[card.status].row_of(card.id) is None:
            # Deep in a long column: show it at the top rather than paging to it.
            self.put(card, 0)
        self.select(contact_id)

    def select_card(self, contact_id: str) -> bool:
        """Select and show a loaded card; False when no column holds it."""
        for status, model in self.models.items():
            row = model.row_of(contact_id)
            if row is None:
                continue
            view = self.columns[status].view
            index = model.index(row)
            with self.quiet_selection():
                self.clear_selections(keep=status)
                view.setCurrentIndex(index)
                view.selectionModel().select(
                    index, view.selectionModel().SelectionFlag.ClearAndSelect
                )
            view.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
            return True
        return False

    @contextlib.contextmanager
    def quiet_selection(self) -> Iterator[None]:
        """Selection changes made by the board itself (not the user) open no panel."""
        before = self._syncing_selection
        self._syncing_selection = True
        try:
            yield
        finally:
            self._syncing_selection = before

    def clear_selections(self, keep: PipelineStatus | None = None) -> None:
        with self.quiet_selection():
            for status, column in self.columns.items():
                if status is not keep:
                    column.view.selectionModel().clear()

    def _selection_changed(self, status: PipelineStatus, selected: QItemSelection) -> None:
        if selected.isEmpty() or self._syncing_selection:
            return
        # One column holds the selection on the whole board, not one per column.
        self.clear_selections(keep=status)
        view = self.columns[status].view
        if view.pressing:
            return  # the panel opens on release: nothing may move during a drag
        ident = view.current_id()
        if ident:
            self.sig_card_chosen.emit(ident)

    def focus_neighbour(self, status: PipelineStatus, step: int) -> None:
        order = list(PIPELINE_ORDER)
        index = order.index(status) + step
        if 0 <= index < len(order):
            view = self.columns[order[index]].view
            view.setFocus(Qt.FocusReason.OtherFocusReason)
            if view.model().rowCount() and not view.currentIndex().isValid():
                view.setCurrentIndex(view.model().index(0, 0))


def with_status(card: Card, status: PipelineStatus, *, updated_at: datetime | None = None) -> Card:
    """The card as it stands after a move: new column, and (as the store) just updated."""
    stamp = updated_at if updated_at is not None else datetime.now(UTC).replace(tzinfo=None)
    return replace(card, status=status, updated_at=stamp)
