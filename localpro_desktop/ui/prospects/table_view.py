"""The prospect table's view: its look, its selection, and keeping the user's place.

A reload (a refresh, an edit elsewhere, a sort) resets the lazy model; the view notes
what was selected and how far the list was scrolled before, and puts both back when the
first page of the new rows arrives.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from localpro_desktop.services.prospect_search import Column
from localpro_desktop.ui.prospects.model import ProspectTableModel

_COLUMN_WIDTHS = {
    Column.SECTOR: 135,
    Column.CITY: 100,
    Column.PHONE: 160,
    Column.WHATSAPP: 160,
    Column.SOURCE: 95,
    Column.CONVERTED: 90,
}


@dataclass
class _ViewState:
    """What to put back after a reload: the user must not lose their place."""

    selected: list[str]
    scroll: int | None  # None after a new filter: its results start at the top


class ProspectTableView(QTableView):
    sig_delete = Signal()
    """The Delete key, in the table: delete the selected prospects (after asking)."""
    sig_edit = Signal()
    """Return or Enter, in the table: edit the current prospect."""

    def __init__(self, model: ProspectTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prospects = model
        self._restore: _ViewState | None = None
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setShowGrid(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(28)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.NAME, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        for column, width in _COLUMN_WIDTHS.items():
            self.setColumnWidth(column, width)
        header.setSortIndicator(Column.NAME, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.sig_delete)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            edit = QShortcut(QKeySequence(key), self)
            edit.setContext(Qt.ShortcutContext.WidgetShortcut)
            edit.activated.connect(self.sig_edit)

    def selected_ids(self) -> list[str]:
        rows = sorted(index.row() for index in self.selectionModel().selectedRows())
        found = (self.prospects.row_at(row) for row in rows)
        return [row.id for row in found if row is not None]

    def select_row(self, row: int) -> None:
        index = self.prospects.index(row, 0)
        self.selectionModel().select(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
        self.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def remember(self, *, keep_scroll: bool = False) -> None:
        """Note the selection (and the scroll) before a reload; the first note wins."""
        if self._restore is None:
            scroll = self.verticalScrollBar().value() if keep_scroll else None
            self._restore = _ViewState(self.selected_ids(), scroll)

    def put_back(self) -> bool | None:
        """Restore what ``remember`` noted: True when something is selected again.

        None when nothing was noted; False when none of the selected rows came back (the
        selection is then empty without Qt saying so: the caller updates what follows it).
        """
        state, self._restore = self._restore, None
        if state is None:
            return None
        selection = QItemSelection()
        for ident in state.selected:
            row = self.prospects.row_of(ident)
            if row is not None:
                last = self.prospects.index(row, len(Column) - 1)
                selection.select(self.prospects.index(row, 0), last)
        if not selection.isEmpty():
            self.selectionModel().select(
                selection, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        if state.scroll is not None:
            self.verticalScrollBar().setValue(state.scroll)
        return not selection.isEmpty()
