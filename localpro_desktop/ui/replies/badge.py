"""The keyword badge of the Replies list: a small coloured pill ("Opted out")."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from localpro_desktop.ui.replies.model import BADGE_COLOR_ROLE

_PAD_X = 8
_HEIGHT = 18


class BadgeDelegate(QStyledItemDelegate):
    """Draws the cell's text white on a rounded pill of the row's badge colour."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        color = index.data(BADGE_COLOR_ROLE)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        # The row's background and selection first, without the text.
        plain = QStyleOptionViewItem(option)
        self.initStyleOption(plain, index)
        plain.text = ""
        style = plain.widget.style() if plain.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, plain, painter, plain.widget)
        if not color or not text:
            return
        font = _bold(option.font)
        metrics = QFontMetrics(font)
        # A few pixels to spare: the painter and the metrics round text widths apart.
        width = min(metrics.horizontalAdvance(text) + 2 * _PAD_X + 4, option.rect.width() - 4)
        rect = QRectF(
            option.rect.x() + 4,
            option.rect.center().y() - _HEIGHT / 2 + 1,
            width,
            _HEIGHT,
        )
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(str(color)))
        painter.drawRoundedRect(rect, _HEIGHT / 2, _HEIGHT / 2)
        painter.setPen(QColor("white"))
        painter.setFont(font)
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(width) - 2 * _PAD_X + 2)
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), shown)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        base = super().sizeHint(option, index)
        width = QFontMetrics(_bold(option.font)).horizontalAdvance(text) + 2 * _PAD_X + 14
        return QSize(max(base.width(), width), base.height())


def _bold(font: QFont) -> QFont:
    bold = QFont(font)
    bold.setBold(True)
    return bold
