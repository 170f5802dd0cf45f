"""The prospect table's model: rows arrive in pages from the database worker.

The view asks for more (``canFetchMore``/``fetchMore``) as the user scrolls; each page is
one keyset query on the task runner, so the window never waits and 100,000 prospects cost
no more than 200. A generation number discards pages that belong to an older filter or
sort: typing fast in the search field must never mix two result lists.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon

from localpro_desktop.domain.pipeline import PipelineStatus
from localpro_desktop.services.prospect_search import (
    Column,
    Page,
    ProspectFilter,
    ProspectRow,
    Sort,
    fetch_page,
)
from localpro_desktop.ui import formatting, labels
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.prospects.background import run_for
from localpro_desktop.ui.style import MUTED_COLOR, STATUS_COLORS
from localpro_desktop.ui.widgets import validity_icon

PAGE_SIZE = 200
ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""The prospect id of a row, for selection and actions."""

AnyIndex = QModelIndex | QPersistentModelIndex


class ProspectTableModel(QAbstractTableModel):
    sig_loaded = Signal(bool)
    """Rows arrived; True when it was the first page of a new query (or a refresh)."""
    sig_total = Signal(int)
    """How many prospects the current filter matches."""
    sig_failed = Signal(str)
    """A page could not be loaded; the message is for the user."""

    def __init__(self, ctx: UiContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._rows: list[ProspectRow] = []
        self._index: dict[str, int] = {}
        self._total = 0
        self._filter: ProspectFilter | None = None
        self._sort = Sort()
        self._generation = 0
        self._pending = False
        self._waiters: list[tuple[int, Callable[[], None]]] = []
        self._headers = {
            Column.NAME: self.tr("Name"),
            Column.SECTOR: self.tr("Sector"),
            Column.CITY: self.tr("City"),
            Column.PHONE: self.tr("Phone"),
            Column.WHATSAPP: self.tr("WhatsApp"),
            Column.SOURCE: self.tr("Source"),
            Column.CONVERTED: self.tr("Converted"),
        }

    # -- state ------------------------------------------------------------------------

    @property
    def total(self) -> int:
        return self._total

    @property
    def current_filter(self) -> ProspectFilter | None:
        return self._filter

    @property
    def current_sort(self) -> Sort:
        return self._sort

    @property
    def loading(self) -> bool:
        return self._pending

    def row_at(self, row: int) -> ProspectRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, prospect_id: str) -> int | None:
        return self._index.get(prospect_id)

    def converted_among(self, prospect_ids: list[str]) -> set[str]:
        """Which of these (loaded) prospects are contacts already."""
        rows = (self.row_at(self._index.get(ident, -1)) for ident in prospect_ids)
        return {row.id for row in rows if row is not None and row.contact_id}

    # -- queries ----------------------------------------------------------------------

    def set_query(self, flt: ProspectFilter, sort: Sort | None = None) -> None:
        """Show another filter (or order): the old rows go at once, the first page follows."""
        self._filter = flt
        if sort is not None:
            self._sort = sort
        self.beginResetModel()
        self._rows = []
        self._index = {}
        self._total = 0
        self.endResetModel()
        self._request(limit=PAGE_SIZE, reset=True)

    def refresh(self) -> None:
        """Reload what is loaded (at least a page), keeping the list where the user was."""
        if self._filter is None:
            return
        self._request(limit=max(len(self._rows), PAGE_SIZE), reset=True)

    def ensure_loaded(self, count: int, then: Callable[[], None]) -> None:
        """Load rows until ``count`` are present (or all are), then call ``then``."""
        if len(self._rows) >= min(count, self._total) and not self._pending:
            then()
            return
        self._waiters.append((count, then))
        if not self._pending:
            self._request(limit=max(count - len(self._rows), PAGE_SIZE), reset=False)

    def _request(self, *, limit: int, reset: bool) -> None:
        assert self._filter is not None
        self._generation += 1
        generation = self._generation
        self._pending = True
        ws, flt, sort = self.ctx.ws, self._filter, self._sort
        after = None if reset or not self._rows else self._rows[-1].key

        def load() -> Page:
            return fetch_page(ws, flt, sort, after=after, limit=limit, with_total=reset)

        run_for(
            self,
            self.ctx.runner,
            load,
            on_done=lambda page: self._arrived(generation, page, reset),
            on_error=lambda message, _bug: self._failed(generation, message),
        )

    def _arrived(self, generation: int, page: Page, reset: bool) -> None:
        if generation != self._generation:
            return  # an older query's page: a newer one is on its way
        self._pending = False
        if reset:
            self.beginResetModel()
            self._rows = list(page.rows)
            self._total = page.total or 0
            self.endResetModel()
            self.sig_total.emit(self._total)
        elif page.rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self.endInsertRows()
        if len(page.rows) == 0 and not reset:
            # The data shrank under us; stop asking for pages that are not there.
            self._total = len(self._rows)
            self.sig_total.emit(self._total)
        self._index = {row.id: i for i, row in enumerate(self._rows)}
        self.sig_loaded.emit(reset)
        self._serve_waiters()

    def _serve_waiters(self) -> None:
        waiting, self._waiters = self._waiters, []
        for count, then in waiting:
            self.ensure_loaded(count, then)

    def _failed(self, generation: int, message: str) -> None:
        if generation != self._generation:
            return
        self._pending = False
        self._waiters.clear()
        self.sig_failed.emit(message)

    # -- Qt model ---------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._filter is not None and len(self._rows) < self._total

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if self._pending or not self.canFetchMore(parent):
            return
        self._request(limit=PAGE_SIZE, reset=False)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting re-queries: the database orders 100,000 rows faster than a proxy would."""
        if not 0 <= column < len(Column):
            return
        wanted = Sort(Column(column), order == Qt.SortOrder.DescendingOrder)
        if wanted == self._sort:
            return
        self._sort = wanted
        if self._filter is not None:
            self.set_query(self._filter)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[Column(section)]
        if role == Qt.ItemDataRole.TextAlignmentRole and section == Column.CONVERTED:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.DecorationRole:
            return self._decoration(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == Column.CONVERTED and row.contact_id:
                return QBrush(QColor(STATUS_COLORS[PipelineStatus.CLIENT]))
            if column == Column.SOURCE:
                return QBrush(QColor(MUTED_COLOR))
            return None
        if role == Qt.ItemDataRole.FontRole and column == Column.NAME:
            font = QFont()
            font.setWeight(QFont.Weight.DemiBold)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == Column.CONVERTED:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def _display(self, row: ProspectRow, column: Column) -> str:
        if column == Column.NAME:
            return row.business_name
        if column == Column.SECTOR:
            return labels.sector(row.sector, self.ctx.language) if row.sector else ""
        if column == Column.CITY:
            return row.city
        if column == Column.PHONE:
            return formatting.phone(row.phone, row.phone_e164)
        if column == Column.WHATSAPP:
            return formatting.phone(row.whatsapp, row.whatsapp_e164)
        if column == Column.SOURCE:
            return labels.source(row.source)
        return self.tr("✓ Contact") if row.contact_id else ""

    def _decoration(self, row: ProspectRow, column: Column) -> QIcon | None:
        if column == Column.PHONE and row.phone:
            return validity_icon(bool(row.phone_e164))
        if column == Column.WHATSAPP and row.whatsapp:
            return validity_icon(bool(row.whatsapp_e164))
        return None

    def _tooltip(self, row: ProspectRow, column: Column) -> str | None:
        if column in (Column.PHONE, Column.WHATSAPP):
            raw, e164 = (
                (row.phone, row.phone_e164)
                if column == Column.PHONE
                else (row.whatsapp, row.whatsapp_e164)
            )
            if e164:
                return self.tr("Valid number, as typed: {raw}").format(raw=raw)
            if raw:
                return self.tr("This number is not valid; open the prospect to fix it")
            return None
        if column == Column.CONVERTED and row.contact_id:
            return self.tr("Already converted to a contact")
        if column == Column.NAME:
            return row.business_name
        return None
