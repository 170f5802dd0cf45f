"""The preview of a discovery search as a table model: one model, thousands of rows.

"All shops in Lagos" is thousands of places; a widget per row would freeze the window, so
the rows stay plain values (``PreviewRow``) and Qt asks for the cells it draws. The check
boxes live in a set of references, so checking every row is one reset, not a signal per
row. Texts shown in cells are worded once per preview (``_Shown``), not on every paint.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from localpro_desktop.domain.messages import discovery as msg
from localpro_desktop.services.discovery import MatchKind, Preview, PreviewRow
from localpro_desktop.ui import formatting as fmt
from localpro_desktop.ui.i18n import translate_message
from localpro_desktop.ui.style import MUTED_COLOR
from localpro_desktop.ui.widgets import OK_COLOR

REF_ROLE = Qt.ItemDataRole.UserRole + 1
"""The place's source reference (``osm:node/1``), for tests and callers."""

_Index = QModelIndex | QPersistentModelIndex


class Col(IntEnum):
    CHECK = 0
    NAME = 1
    REACH = 2
    PHONE = 3
    ADDRESS = 4
    STATUS = 5


@dataclass(frozen=True, slots=True)
class _Shown:
    reach: str
    phone: str
    status: str
    tooltip: str


def reach_text(row: PreviewRow) -> str:
    ways = row.place.reachable_by
    if not ways:
        return "—"
    return ", ".join(translate_message(msg.REACH[way]()) for way in ways)


def phone_text(row: PreviewRow) -> str:
    place = row.place
    numbers = list(place.phones) or ([place.whatsapp] if place.whatsapp else [])
    if not numbers:
        return place.unparsed_phones[0] if place.unparsed_phones else ""
    first = fmt.phone(numbers[0], numbers[0])
    return first if len(numbers) == 1 else f"{first} (+{len(numbers) - 1})"


class PreviewModel(QAbstractTableModel):
    sig_checked = Signal(int)
    """How many rows are checked now."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.preview: Preview | None = None
        self._rows: tuple[PreviewRow, ...] = ()
        self._shown: list[_Shown | None] = []
        self._checked: set[str] = set()

    # -- content ----------------------------------------------------------------------

    def set_preview(self, preview: Preview | None) -> None:
        """Show ``preview``; rows still in it stay checked (a refresh keeps the choice)."""
        self.beginResetModel()
        self.preview = preview
        self._rows = preview.rows if preview is not None else ()
        self._shown = [None] * len(self._rows)
        refs = {row.place.ref for row in self._rows}
        self._checked &= refs
        self.endResetModel()
        self.sig_checked.emit(len(self._checked))

    def row_at(self, row: int) -> PreviewRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def checked_refs(self) -> list[str]:
        """In the preview's order (the order places are added in)."""
        return [row.place.ref for row in self._rows if row.place.ref in self._checked]

    def set_checked(self, refs: set[str] | None) -> None:
        """Check exactly ``refs`` (None: every row)."""
        every = {row.place.ref for row in self._rows}
        self._checked = every if refs is None else refs & every
        if self._rows:
            self.dataChanged.emit(
                self.index(0, Col.CHECK),
                self.index(len(self._rows) - 1, Col.CHECK),
                [Qt.ItemDataRole.CheckStateRole],
            )
        self.sig_checked.emit(len(self._checked))

    # -- Qt's model interface ---------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's default)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Col)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            Col.CHECK: "",
            Col.NAME: self.tr("Name"),
            Col.REACH: self.tr("How to reach"),
            Col.PHONE: self.tr("Phone"),
            Col.ADDRESS: self.tr("Address"),
            Col.STATUS: self.tr("Status"),
        }[Col(section)]

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == Col.CHECK:
            base |= Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        column = index.column()
        if role == REF_ROLE:
            return row.place.ref
        if role == Qt.ItemDataRole.CheckStateRole and column == Col.CHECK:
            checked = row.place.ref in self._checked
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(index.row(), row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in (Col.STATUS, Col.NAME):
            return self._shown_at(index.row(), row).tooltip
        if role == Qt.ItemDataRole.ToolTipRole and column == Col.ADDRESS:
            return row.place.address or None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == Col.STATUS:
                return QBrush(QColor(OK_COLOR if row.is_new else MUTED_COLOR))
            if not row.is_new:
                return QBrush(QColor(MUTED_COLOR))
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None or role != Qt.ItemDataRole.CheckStateRole or index.column() != Col.CHECK:
            return False
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self._checked.add(row.place.ref)
        else:
            self._checked.discard(row.place.ref)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.sig_checked.emit(len(self._checked))
        return True

    # -- cells ------------------------------------------------------------------------

    def _display(self, number: int, row: PreviewRow, column: int) -> str | None:
        if column == Col.NAME:
            return row.place.name
        if column == Col.ADDRESS:
            return row.place.address or ""
        if column == Col.CHECK:
            return None
        shown = self._shown_at(number, row)
        return {Col.REACH: shown.reach, Col.PHONE: shown.phone, Col.STATUS: shown.status}[
            Col(column)
        ]

    def _shown_at(self, number: int, row: PreviewRow) -> _Shown:
        shown = self._shown[number]
        if shown is None:
            shown = self._shown[number] = self._word(row)
        return shown

    def _word(self, row: PreviewRow) -> _Shown:
        if row.is_new:
            status = self.tr("New")
            tooltip = self.tr("Not among your prospects yet.")
        else:
            why = translate_message(msg.MATCH[row.match.value]())
            if row.match is MatchKind.REPEAT:
                status = self.tr("Listed twice")
            elif row.known_name:
                status = self.tr("Known: {name}").format(name=row.known_name)
            else:
                status = self.tr("Known")
            tooltip = (
                self.tr("Known ({why}): {name}").format(why=why, name=row.known_name)
                if row.known_name
                else why
            )
        return _Shown(reach_text(row), phone_text(row), status, tooltip)
