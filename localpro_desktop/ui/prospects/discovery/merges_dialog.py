"""Review the places merged into known prospects, and undo a merge.

A merge fills a prospect's empty fields from a found place and records the place's
reference; a wrong match (two "Pharmacie du Marché" 80 m apart) must be easy to take
back. Undo puts the fields back, unless the user changed them since (the service decides).
The list is short (the latest 200), so a table widget is enough.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from localpro_desktop.domain.messages import discovery as msg
from localpro_desktop.services.discovery import DiscoveryService, MergeRecord
from localpro_desktop.ui import formatting as fmt
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.i18n import translate_message
from localpro_desktop.ui.prospects.background import run_for
from localpro_desktop.ui.widgets import MessageBar, Tone

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class MergesDialog(QDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.service = DiscoveryService(ctx.ws)
        self.merges: list[MergeRecord] = []
        self.loaded = False
        self.setWindowTitle(self.tr("Merges from discovery"))
        self.resize(900, 420)
        intro = QLabel(
            self.tr(
                "Places found by a search that matched a prospect you had were merged into "
                "it: its empty fields were filled. Undo a merge that was wrong."
            )
        )
        intro.setWordWrap(True)
        self.message = MessageBar()
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Prospect"),
                self.tr("Place found"),
                self.tr("Why"),
                self.tr("Fields filled"),
                self.tr("Date"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(self.tr("No merges yet."))
        self.empty.hide()
        self.undo_button = QPushButton(self.tr("Undo this merge"))
        self.undo_button.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.undo_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self.undo_button.clicked.connect(self.undo_selected)
        self.table.itemSelectionChanged.connect(
            lambda: self.undo_button.setEnabled(self.selected_id() is not None)
        )
        self.reload()

    def reload(self) -> None:
        run_for(self, self.ctx.runner, self.service.merges, on_done=self._show)

    def _show(self, merges: list[MergeRecord]) -> None:
        self.merges = merges
        self.table.setRowCount(len(merges))
        for row, merge in enumerate(merges):
            fields = ", ".join(dict.fromkeys(self._field(n) for n in merge.fields)) or "—"
            cells = (
                merge.prospect_name,
                merge.place_name,
                translate_message(msg.MATCH[merge.reason.value]()),
                fields,
                fmt.moment(merge.merged_at),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, merge.id)
                item.setToolTip(merge.ref if column == 1 else text)
                self.table.setItem(row, column, item)
        self.table.setVisible(bool(merges))
        self.empty.setVisible(not merges)
        self.undo_button.setEnabled(self.selected_id() is not None)
        self.loaded = True

    def _field(self, name: str) -> str:
        return {
            "phone": self.tr("phone"),
            "whatsapp": self.tr("WhatsApp"),
            "email": self.tr("e-mail"),
            "website": self.tr("website"),
            "address": self.tr("address"),
            "latitude": self.tr("location"),
            "longitude": self.tr("location"),
        }.get(name, name)

    def selected_id(self) -> str | None:
        items = self.table.selectedItems()
        return str(items[0].data(ID_ROLE)) if items else None

    def undo_selected(self) -> None:
        ident = self.selected_id()
        if ident is None:
            return
        merge = next((m for m in self.merges if m.id == ident), None)
        service = self.service
        self.undo_button.setEnabled(False)
        run_for(
            self,
            self.ctx.runner,
            lambda: service.undo_merge(ident),
            on_done=lambda _none: self._undone(merge),
            on_error=lambda message, _bug: self.message.show_message(message, Tone.ERROR),
        )

    def _undone(self, merge: MergeRecord | None) -> None:
        name = merge.prospect_name if merge else ""
        self.message.show_message(
            self.tr("Merge into “{name}” undone.").format(name=name), Tone.SUCCESS
        )
        self.reload()
