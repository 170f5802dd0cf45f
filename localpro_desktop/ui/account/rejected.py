"""The changes the cloud refused, with its reasons, so a user can fix the record.

A rejected change stays on this computer (nothing is lost) but never reaches the other
devices; without this list the user would only notice the difference weeks later.
"""

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from localpro_desktop.services.workspace import Workspace
from localpro_desktop.sync import state
from localpro_desktop.ui import formatting as fmt
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.style import ERROR_COLOR

NAME_FIELDS = ("business_name", "company", "name", "first_name", "last_name", "subject")
"""Fields that name a record, best first, read from the refused change itself."""


@dataclass(frozen=True)
class RejectedRow:
    table: str
    row_id: str
    name: str
    reason: str
    rejected_at: datetime | None


def load_rejected(ws: Workspace) -> list[RejectedRow]:
    """Read on a worker thread (the list can be long after a refused import)."""
    with ws.read() as session:
        return [
            RejectedRow(r.tbl, r.row_id, _name(r.payload), r.reason, r.rejected_at)
            for r in state.rejected(session)
        ]


def _name(payload: str) -> str:
    try:
        fields: dict[str, Any] = json.loads(payload).get("fields", {})
    except (ValueError, AttributeError):
        return ""
    for key in NAME_FIELDS:
        value = fields.get(key)
        if isinstance(value, list) and value and isinstance(value[0], str) and value[0].strip():
            return value[0].strip()
    return ""


class RejectedModel(QAbstractTableModel):
    """Rows held in memory: the list is what the server refused, small in practice."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RejectedRow] = []
        self._kinds = {
            "workspace_settings": self.tr("Workspace settings"),
            "prospects": self.tr("Prospect"),
            "contacts": self.tr("Contact"),
            "activities": self.tr("Activity"),
            "segments": self.tr("Segment"),
            "segment_members": self.tr("Segment member"),
            "campaigns": self.tr("Campaign"),
            "campaign_recipients": self.tr("Campaign recipient"),
            "usage_events": self.tr("Usage record"),
        }
        self._headers = [self.tr("Record"), self.tr("Reason"), self.tr("When")]

    def set_rows(self, rows: list[RejectedRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                kind = self._kinds.get(row.table, row.table)
                return f"{kind} · {row.name}" if row.name else f"{kind} · {row.row_id[:8]}"
            if index.column() == 1:
                return row.reason
            return fmt.moment(row.rejected_at)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.table} {row.row_id}\n{row.reason}"
        return None


class RejectedDialog(QDialog):
    """Lists refused changes; loads on the pool so opening it never freezes the window."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Changes the cloud refused"))
        self.resize(760, 420)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The cloud refused these changes: they are kept on this computer but did "
                "not reach your other devices. The reason says what the cloud objected to."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model = RejectedModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(0, 240)
        layout.addWidget(self.table)
        self.error = QLabel()
        self.error.setStyleSheet(f"color: {ERROR_COLOR};")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.loaded = False
        self.reload()

    def reload(self) -> None:
        ws = self.ctx.ws
        self.ctx.runner.run(
            lambda: load_rejected(ws), database=False, on_done=self._show, on_error=self._failed
        )

    @Slot(object)
    def _show(self, rows: list[RejectedRow]) -> None:
        self.model.set_rows(rows)
        self.table.resizeRowsToContents()
        self.loaded = True

    @Slot(str, bool)
    def _failed(self, message: str, _is_bug: bool) -> None:
        self.error.setText(message)
        self.error.show()
        self.loaded = True
