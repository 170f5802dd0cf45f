"""One pipeline column: a coloured header with its count over a lazy list of cards.

The list is a plain ``QListView`` on a ``CardModel`` painted by ``CardDelegate``. It adds
what a board needs on top: a dashed outline while a card is dragged over it, a word in the
empty column (so "nothing here" never looks like "still loading"), and keys so the board
works without a mouse: ←/→ go to the neighbouring column, Ctrl+←/→ move the card one
stage, Enter opens it, the Menu key opens its context menu.

A press selects a card but opens nothing: the contact panel opens on release (a click),
because opening it narrows every column, and during a drag that would move the column
the user is aiming at from under the pointer. Ctrl/Shift+click select several cards of a
column, dragged together. Drops land on the whole column, header included.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, QRect, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QVBoxLayout,
    QWidget,
)

from localpro_desktop.domain.pipeline import PipelineStatus
from localpro_desktop.ui import formatting as fmt
from localpro_desktop.ui import labels
from localpro_desktop.ui.crm.delegate import CardDelegate
from localpro_desktop.ui.crm.model import ID_ROLE, CardModel
from localpro_desktop.ui.style import MUTED_COLOR, STATUS_COLORS

COLUMN_MIN_WIDTH = 160
COLUMN_BACKGROUND = "#f1f3f6"
# A slim scroll bar: six columns each paying 15 px for Fusion's bar is a card's margin.
_LIST_STYLE = f"""
QListView {{ background: {COLUMN_BACKGROUND}; }}
QScrollBar:vertical {{ width: 8px; background: transparent; margin: 2px 1px 2px 0px; }}
QScrollBar::handle:vertical {{ background: #c4c9d0; border-radius: 3px; min-height: 28px; }}
QScrollBar::handle:vertical:hover {{ background: #a2aab4; }}
QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical {{ height: 0px; }}
QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical {{ background: none; }}
"""


class CardListView(QListView):
    sig_context_menu = Signal(str, QPoint)
    """Right click or Menu key on a card: (contact id, global position)."""
    sig_open = Signal(str)
    """Enter or double click on a card: show its panel."""
    sig_neighbour = Signal(int)
    """←/→ pressed: move the focus one column left (-1) or right (+1)."""
    sig_shift = Signal(str, int)
    """Ctrl+←/→ on a card: move the contact one stage back (-1) or forward (+1)."""
    sig_clicked = Signal(str)
    """A card was pressed and released without a drag: show its panel."""

    def __init__(self, model: CardModel, delegate: CardDelegate, parent: QWidget | None = None):
        super().__init__(parent)
        self.card_model = model
        self.placeholder = ""
        self._drop_hover = False
        self.pressing = False
        """A mouse button is down on the list: selecting now opens nothing until release."""
        self.setModel(model)
        self.setItemDelegate(delegate)
        self.setUniformItemSizes(True)  # one sizeHint for all rows: layout stays O(1)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(False)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalScrollBar().setSingleStep(24)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMouseTracking(True)
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_Hover)
        self.setStyleSheet(_LIST_STYLE)
        self.doubleClicked.connect(self._double_clicked)

    def current_id(self) -> str | None:
        index = self.currentIndex()
        if not index.isValid() or not self.selectionModel().isSelected(index):
            return None
        value = index.data(ID_ROLE)
        return str(value) if value else None

    def _double_clicked(self, index: QModelIndex) -> None:
        value = index.data(ID_ROLE)
        if value:
            self.sig_open.emit(str(value))

    # -- mouse ------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.pressing = True
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        clicked = self.pressing and event.button() == Qt.MouseButton.LeftButton
        self.pressing = False
        super().mouseReleaseEvent(event)
        current = self.current_id()
        index = self.indexAt(event.position().toPoint())
        if clicked and current and index.isValid() and index.data(ID_ROLE) == current:
            self.sig_clicked.emit(current)

    def startDrag(self, supportedActions: Qt.DropAction) -> None:
        self.pressing = False  # a drag is not a click: the panel stays as it is
        super().startDrag(supportedActions)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.pressing = False  # a release lost to a menu or another window
        super().focusOutEvent(event)

    # -- keyboard ---------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.pressing = False
        key = event.key()
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}.get(Qt.Key(key))
        current = self.current_id()
        if step is not None and ctrl and current:
            self.sig_shift.emit(current, step)
            return
        if step is not None and not ctrl:
            self.sig_neighbour.emit(step)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and current:
            self.sig_open.emit(current)
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            index = self.currentIndex()
            pos = self.visualRect(index).center() if index.isValid() else QPoint(8, 8)
        else:
            pos = event.pos()
            index = self.indexAt(pos)
            if index.isValid():
                self.setCurrentIndex(index)
        self.pressing = False  # the menu takes the release
        if index.isValid():
            self.sig_context_menu.emit(str(index.data(ID_ROLE)), self.viewport().mapToGlobal(pos))
            event.accept()

    # -- drop feedback ----------------------------------------------------------------

    def set_drop_hover(self, on: bool) -> None:
        if self._drop_hover != on:
            self._drop_hover = on
            self.viewport().update()

    def accepts(self, event: QDropEvent) -> bool:
        """Cards from another column (never this one's own)."""
        return self.card_model.canDropMimeData(
            event.mimeData(), Qt.DropAction.MoveAction, -1, -1, self.rootIndex()
        )

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        super().dragEnterEvent(event)
        accepted = self.accepts(event)
        self.set_drop_hover(accepted)
        if accepted:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self.set_drop_hover(False)
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self.set_drop_hover(False)
        super().dropEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._drop_hover and (self.card_model.rowCount() or not self.placeholder):
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = self.viewport().rect()
        if self.card_model.rowCount() == 0 and self.placeholder:
            painter.setPen(QColor(MUTED_COLOR))
            painter.drawText(
                area.adjusted(12, 24, -12, -12),
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
                | int(Qt.TextFlag.TextWordWrap),
                self.placeholder,
            )
        if self._drop_hover:
            pen = QPen(QColor(STATUS_COLORS[self.card_model.status]), 2)
            pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawRoundedRect(area.adjusted(3, 3, -3, -3), 6, 6)
        painter.end()


class _Header(QWidget):
    """Title and count under a stripe in the stage's colour (the map and charts use it too)."""

    def __init__(self, status: PipelineStatus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = status
        self.title = QLabel(labels.status(status))
        self.title.setStyleSheet("font-weight: 600;")
        self.count = QLabel("…")
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.count.setStyleSheet(
            f"color: white; background: {STATUS_COLORS[status]}; border-radius: 8px;"
            " padding: 0px 7px; font-weight: 600;"
        )
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 9, 8, 5)
        row.addWidget(self.title, 1)
        row.addWidget(self.count)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(QRect(0, 0, self.width(), 4), QColor(STATUS_COLORS[self.status]))
        painter.end()


class BoardColumn(QFrame):
    """A stage of the pipeline as the user sees it: header and cards."""

    def __init__(
        self, model: CardModel, delegate: CardDelegate, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.status = model.status
        self.model = model
        self.setObjectName("boardColumn")
        self.setStyleSheet(
            f"#boardColumn {{ background: {COLUMN_BACKGROUND}; border-radius: 6px; }}"
        )
        self.setMinimumWidth(COLUMN_MIN_WIDTH)
        self.header = _Header(model.status)
        self.view = CardListView(model, delegate)
        self.view.setAccessibleName(labels.status(model.status))
        self.setAcceptDrops(True)  # the header too: the column under the pointer takes it
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.view, 1)

    # Drops on the header (the list handles its own): the same rules as the list.

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.dragMoveEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        accepted = self.view.accepts(event)
        self.view.set_drop_hover(accepted)
        if accepted:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self.view.set_drop_hover(False)

    def dropEvent(self, event: QDropEvent) -> None:
        self.view.set_drop_hover(False)
        if self.view.accepts(event):
            self.model.dropMimeData(
                event.mimeData(), Qt.DropAction.MoveAction, -1, -1, QModelIndex()
            )
            event.acceptProposedAction()

    def set_count(self, count: int | None) -> None:
        self.header.count.setText("…" if count is None else fmt.number(count))
        self.header.count.setToolTip(
            ""
            if count is None
            else self.tr("{count} in this column").format(count=fmt.number(count))
        )

    def set_placeholder(self, text: str) -> None:
        self.view.placeholder = text
        self.view.viewport().update()
