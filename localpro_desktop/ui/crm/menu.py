"""A card's context menu: Open, Move to ▸ (the keyboard's way to move a card), Add a note, Edit."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QMenu, QWidget

from localpro_desktop.domain.pipeline import PIPELINE_ORDER, PipelineStatus
from localpro_desktop.ui import labels
from localpro_desktop.ui.style import STATUS_COLORS


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


class CardMenu(QMenu):
    """The menu for one card; it only says what was picked, the tab does it."""

    sig_open = Signal()
    """"Open": select the card and show the contact's panel."""
    sig_move = Signal(object)
    """"Move to" a stage: the target PipelineStatus."""
    sig_note = Signal()
    """"Add a note…": open the panel with the note box focused."""
    sig_edit = Signal()
    """"Edit…": open the contact's editor."""

    def __init__(self, current: PipelineStatus | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.addAction(self.tr("Open")).triggered.connect(self.sig_open)
        move_menu = self.addMenu(self.tr("Move to"))
        for status in PIPELINE_ORDER:
            action = QAction(status_icon(status), labels.status(status), move_menu)
            action.setEnabled(status is not current)
            action.triggered.connect(lambda _checked=False, s=status: self.sig_move.emit(s))
            move_menu.addAction(action)
        self.addSeparator()
        self.addAction(self.tr("Add a note…")).triggered.connect(self.sig_note)
        self.addAction(self.tr("Edit…")).triggered.connect(self.sig_edit)
