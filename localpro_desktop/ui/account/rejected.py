"""The changes the cloud refused, with its reasons, so a user can fix the record.

A rejected change stays on this computer (nothing is lost) but never reaches the other
devices; without this list the user would only notice the difference weeks later.
"""

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

from localpro_desktop.services.account import RejectedRow, load_rejected
from localpro_desktop.ui import formatting as fmt
from localpro_desktop.ui.account.cloud import ensure_worker_thread
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.style import ERROR_COLOR


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

        def read() -> list[RejectedRow]:
            ensure_worker_thread()  # the list can be long after a refused import
            return load_rejected(ws)

        self.ctx.runner.run(read, database=False, on_done=self._show, on_error=self._failed)

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
