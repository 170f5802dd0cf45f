"""How a card looks: painted by a delegate, so a column of 3,000 cards is one widget.

A card reads top to bottom: who (name), where they work (company), where they are (city),
then how to reach them and how fresh the relationship is. The three badges always sit in
the same place (phone, WhatsApp, e-mail) so the eye can run down a column: filled in the
channel's colour when the address is valid, red outline when it was typed but cannot be
used, grey and struck through when the contact opted out, faint when there is none.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.services.board import Card, Reach
from localpro_desktop.ui import formatting as fmt
from localpro_desktop.ui.crm.model import CARD_ROLE
from localpro_desktop.ui.style import CHANNEL_COLORS, ERROR_COLOR, MUTED_COLOR, STATUS_COLORS

MARGIN_X = 6
MARGIN_Y = 3
PAD_X = 10
PAD_Y = 6
GAP = 2
BADGE_W = 19
BADGE_GAP = 3
RADIUS = 6
ACCENT = 4
BORDER = QColor("#d5d9df")
BORDER_HOVER = QColor("#a9b1bc")
ABSENT = QColor("#cfd3d8")
OPTED_OUT = QColor("#a8a8a8")

# (glyph, colour) per badge slot; the phone badge stands for calls and SMS.
_BADGES: tuple[tuple[str, QColor], ...] = (
    ("☎", QColor(CHANNEL_COLORS[Channel.SMS])),
    ("W", QColor(CHANNEL_COLORS[Channel.WHATSAPP])),
    ("@", QColor(CHANNEL_COLORS[Channel.EMAIL])),
)

AnyIndex = QModelIndex | QPersistentModelIndex


class CardDelegate(QStyledItemDelegate):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._font_key = ""
        self._fonts: dict[str, QFont] = {}
        self._metrics: dict[str, QFontMetrics] = {}
        self._widest_key = ""
        self._widest = 0

    # -- fonts are derived once per base font, not per paint -----------------------------

    def _prepare(self, base: QFont) -> None:
        key = base.key()
        if key == self._font_key:
            return
        bold = QFont(base)
        bold.setBold(True)
        small = QFont(base)
        size = base.pointSizeF()
        if size > 0:
            small.setPointSizeF(max(size - 1.0, 7.0))
        else:
            small.setPixelSize(max(base.pixelSize() - 1, 9))
        badge = QFont(small)
        badge.setBold(True)
        self._fonts = {"name": bold, "text": QFont(base), "small": small, "badge": badge}
        self._metrics = {name: QFontMetrics(font) for name, font in self._fonts.items()}
        self._font_key = key

    def _line(self, name: str) -> int:
        return self._metrics[name].height()

    def card_height(self, base: QFont) -> int:
        self._prepare(base)
        badge_h = self._line("small") + 3
        return (
            2 * MARGIN_Y
            + 2 * PAD_Y
            + self._line("name")
            + 2 * self._line("text")
            + badge_h
            + 3 * GAP
        )

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        return QSize(max(option.rect.width(), 120), self.card_height(option.font))

    # -- painting -----------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        card = index.data(CARD_ROLE)
        if not isinstance(card, Card):
            super().paint(painter, option, index)
            return
        self._prepare(option.font)
        state = option.state
        selected = bool(state & QStyle.StateFlag.State_Selected)
        hover = bool(state & QStyle.StateFlag.State_MouseOver)
        accent = QColor(STATUS_COLORS[card.status])
        palette = option.palette

        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(option.rect).adjusted(MARGIN_X, MARGIN_Y, -MARGIN_X, -MARGIN_Y)
        shape = QPainterPath()
        shape.addRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), RADIUS, RADIUS)
        background = QColor(palette.base().color())
        if selected:
            tint = QColor(accent)
            tint.setAlphaF(0.10)
            painter.fillPath(shape, background)
            background = tint
        painter.fillPath(shape, background)
        # The status stripe on the left edge, clipped to the rounded card.
        painter.save()
        painter.setClipPath(shape)
        painter.fillRect(QRectF(rect.left(), rect.top(), ACCENT, rect.height()), accent)
        painter.restore()
        border = accent if selected else (BORDER_HOVER if hover else BORDER)
        painter.setPen(QPen(border, 2.0 if selected else 1.0))
        painter.drawPath(shape)

        left = rect.left() + PAD_X
        width = rect.width() - PAD_X - 8
        y = rect.top() + PAD_Y
        text_color = palette.text().color()
        muted = QColor(MUTED_COLOR)

        y = self._text(painter, "name", card.name, left, y, width, text_color)
        y = self._text(painter, "text", card.company, left, y + GAP, width, muted)
        y = self._text(painter, "text", card.city, left, y + GAP, width, text_color)

        badge_h = self._line("small") + 3
        y += GAP
        x = left
        for (glyph, color), reach in zip(
            _BADGES, (card.phone_reach, card.whatsapp_reach, card.email_reach), strict=True
        ):
            self._badge(painter, QRectF(x, y, BADGE_W, badge_h), glyph, color, reach)
            x += BADGE_W + BADGE_GAP
        room = rect.right() - 8 - (x + 2)
        small = self._metrics["small"]
        # One form per column width, so cards side by side never mix "6 days ago" and "4 wk".
        short = room < self._widest_long_form(small)
        when = self.relative(card.last_activity, short=short)
        if room > 16:
            painter.setFont(self._fonts["small"])
            painter.setPen(muted)
            text = small.elidedText(when, Qt.TextElideMode.ElideRight, int(room))
            painter.drawText(
                QRectF(x + 2, y, room, badge_h),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                text,
            )
        painter.restore()

    def _text(
        self,
        painter: QPainter,
        font: str,
        text: str,
        x: float,
        y: float,
        width: float,
        color: QColor,
    ) -> float:
        height = self._line(font)
        if text:
            painter.setFont(self._fonts[font])
            painter.setPen(color)
            shown = self._metrics[font].elidedText(text, Qt.TextElideMode.ElideRight, int(width))
            painter.drawText(
                QRectF(x, y, width, height),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                shown,
            )
        return y + height

    def _badge(
        self, painter: QPainter, rect: QRectF, glyph: str, color: QColor, reach: Reach
    ) -> None:
        painter.save()
        shape = QPainterPath()
        shape.addRoundedRect(rect, 3, 3)
        if reach is Reach.VALID:
            painter.fillPath(shape, color)
            fg = QColor("white")
        elif reach is Reach.OPTED_OUT:
            painter.fillPath(shape, OPTED_OUT)
            fg = QColor("white")
        elif reach is Reach.INVALID:
            painter.setPen(QPen(QColor(ERROR_COLOR), 1.2))
            painter.drawPath(shape)
            fg = QColor(ERROR_COLOR)
        else:
            pen = QPen(ABSENT, 1.0)
            pen.setStyle(Qt.PenStyle.DotLine)
            painter.setPen(pen)
            painter.drawPath(shape)
            fg = ABSENT
        painter.setFont(self._fonts["badge"])
        painter.setPen(fg)
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), glyph)
        if reach is Reach.OPTED_OUT:
            painter.setPen(QPen(QColor("white"), 1.4))
            painter.drawLine(rect.bottomLeft() + QPointF(4, -3), rect.topRight() + QPointF(-4, 3))
        painter.restore()

    # -- words --------------------------------------------------------------------------

    def _widest_long_form(self, metrics: QFontMetrics) -> int:
        key = self._font_key + self.tr("{n} months ago")
        if self._widest_key != key:
            samples = (
                self.tr("{n} days ago").format(n=13),
                self.tr("{n} weeks ago").format(n=8),
                self.tr("{n} months ago").format(n=11),
                self.tr("{n} years ago").format(n=12),
                self.tr("yesterday"),
                self.tr("no activity yet"),
            )
            self._widest = max(metrics.horizontalAdvance(text) for text in samples)
            self._widest_key = key
        return self._widest

    def relative(
        self, moment: datetime | None, now: datetime | None = None, *, short: bool = False
    ) -> str:
        """ "3 days ago" in the user's calendar (the store keeps naive UTC).

        ``short`` ("3 d") is for narrow columns, e.g. while the contact panel is open.
        """
        if moment is None:
            return self.tr("no activity") if short else self.tr("no activity yet")
        local = moment.replace(tzinfo=UTC).astimezone()
        today = (now or datetime.now(UTC)).astimezone().date()
        days = (today - local.date()).days
        if days <= 0:
            if short:  # the time of day says more than "today" in fewer letters
                return fmt.clock(local.time())
            return self.tr("today")
        if days == 1 and not short:
            return self.tr("yesterday")
        if days < 14:
            text = self.tr("{n} d") if short else self.tr("{n} days ago")
            return text.format(n=days)
        if days < 60:
            text = self.tr("{n} wk") if short else self.tr("{n} weeks ago")
            return text.format(n=days // 7)
        if days < 365:
            text = self.tr("{n} mo") if short else self.tr("{n} months ago")
            return text.format(n=days // 30)
        if days < 730:
            return self.tr("1 yr") if short else self.tr("a year ago")
        text = self.tr("{n} yr") if short else self.tr("{n} years ago")
        return text.format(n=days // 365)
