"""The list of conversations: newest first, each its title and, below, its mode and date.

The rows come from ``services.assistant.conversations.list_conversations`` on the
database worker; the model only holds them. The delegate draws the two lines (a list
of item widgets would cost a widget per conversation).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from localpro_desktop.domain.messages import assistant as msg
from localpro_desktop.services.assistant.context import Mode
from localpro_desktop.services.assistant.conversations import ConversationRow
from localpro_desktop.ui import formatting as fmt
from localpro_desktop.ui.i18n import translate_message
from localpro_desktop.ui.style import MUTED_COLOR

ID_ROLE = Qt.ItemDataRole.UserRole + 1
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 2
"""The second line: mode and date."""

AnyIndex = QModelIndex | QPersistentModelIndex


def mode_label(mode: Mode | str) -> str:
    """A mode's name in the user's language ("General help", "Aide générale")."""
    return translate_message(msg.MODE[str(mode)]())


class ConversationModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ConversationRow] = []

    def set_rows(self, rows: list[ConversationRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def row(self, index: int) -> ConversationRow | None:
        return self._rows[index] if 0 <= index < len(self._rows) else None

    def row_of(self, conversation_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == conversation_id), -1)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row = self.row(index.row()) if index.isValid() else None
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return row.title
        if role == DETAIL_ROLE:
            return f"{mode_label(row.mode)} · {fmt.moment(row.updated_at)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.title}\n{mode_label(row.mode)} · {fmt.moment(row.updated_at)}"
        if role == ID_ROLE:
            return row.id
        return None


class ConversationDelegate(QStyledItemDelegate):
    """Title on the first line, mode · date in grey below; both elided to the width."""

    PADDING = 6

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        line = option.fontMetrics.height()
        return QSize(200, 2 * line + 2 * self.PADDING + 2)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        self.initStyleOption(option, index)
        widget: QWidget | None = option.widget
        style = widget.style() if widget is not None else None
        opt = QStyleOptionViewItem(option)
        opt.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect: QRect = option.rect.adjusted(self.PADDING, self.PADDING, -self.PADDING, -self.PADDING)
        metrics = option.fontMetrics
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = option.palette
        painter.save()
        title_color = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        painter.setPen(title_color)
        title = metrics.elidedText(
            str(index.data() or ""), Qt.TextElideMode.ElideRight, rect.width()
        )
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, title)
        painter.setPen(title_color if selected else QColor(MUTED_COLOR))
        detail = metrics.elidedText(
            str(index.data(DETAIL_ROLE) or ""), Qt.TextElideMode.ElideRight, rect.width()
        )
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, detail)
        painter.restore()
