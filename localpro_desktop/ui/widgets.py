"""Small widgets every screen shares: message bar, usage meter, empty state, icons.

Each is self-contained (no service calls): screens give them text and listen to signals.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from enum import Enum
from functools import cache

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QKeyEvent, QPainter, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from localpro_desktop.domain.pipeline import PipelineStatus
from localpro_desktop.ui import formatting as fmt
from localpro_desktop.ui.style import ERROR_COLOR, MUTED_COLOR, STATUS_COLORS

OK_COLOR = "#1b7f3b"
WARN_COLOR = "#b26a00"


@cache
def validity_icon(valid: bool) -> QIcon:
    """A small round ✓ (green) or ! (amber) badge, drawn once: no image files to ship."""
    size = 32
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(OK_COLOR if valid else WARN_COLOR))
    painter.drawEllipse(QRectF(3, 3, size - 6, size - 6))
    painter.setPen(QColor("white"))
    font = QFont()
    font.setPixelSize(20)
    font.setBold(True)
    painter.setFont(font)
    painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, "✓" if valid else "!")
    painter.end()
    return QIcon(pixmap)


class Tone(Enum):
    INFO = ("#e8f0fe", "#1a4fa0")
    SUCCESS = ("#e6f4ea", OK_COLOR)
    WARNING = ("#fff4e5", WARN_COLOR)
    ERROR = ("#fdecea", ERROR_COLOR)


class MessageBar(QFrame):
    """An inline notice above the list, with at most one action ("Open in CRM").

    A status-bar message disappears while the user looks elsewhere and cannot carry a
    button; a modal box interrupts. This sits in the tab until closed or replaced
    (success notices fade after a while, errors stay).
    """

    sig_closed = Signal()
    """The user dismissed the message."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 4, 4)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)  # names the user typed are not HTML
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.action = QPushButton()
        self.action.hide()
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("Dismiss"))
        layout.addWidget(self.text, 1)
        layout.addWidget(self.action)
        layout.addWidget(self.close_button)
        self._callback: Callable[[], None] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.dismiss)
        self.action.clicked.connect(self._act)
        self.close_button.clicked.connect(self.dismiss)
        self.hide()

    def show_message(
        self,
        text: str,
        tone: Tone = Tone.INFO,
        *,
        action: str | None = None,
        on_action: Callable[[], None] | None = None,
        timeout_ms: int | None = None,
    ) -> None:
        background, foreground = tone.value
        self.setStyleSheet(
            f"#messageBar {{ background: {background}; border: 1px solid {foreground};"
            f" border-radius: 4px; }} #messageBar QLabel {{ color: {foreground}; }}"
        )
        self.text.setText(text)
        self._callback = on_action
        self.action.setVisible(bool(action))
        if action:
            self.action.setText(action)
        if timeout_ms is None:
            timeout_ms = 0 if tone in (Tone.ERROR, Tone.WARNING) or action else 8000
        if timeout_ms:
            self._timer.start(timeout_ms)
        else:
            self._timer.stop()
        self.show()

    @property
    def message(self) -> str:
        return self.text.text() if self.isVisible() else ""

    def _act(self) -> None:
        callback = self._callback
        self.dismiss()
        if callback is not None:
            callback()

    def dismiss(self) -> None:
        self._timer.stop()
        self._callback = None
        if self.isVisible():
            self.hide()
            self.sig_closed.emit()


class UsageMeter(QWidget):
    """This month's prospects against the plan, with a thin bar that turns amber, then red."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setFixedSize(110, 8)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        self.used = 0
        self.limit: int | None = None

    def set_usage(self, used: int, limit: int | None, resets_on: str) -> None:
        self.used, self.limit = used, limit
        if limit is None:
            self.label.setText(
                self.tr("Prospects this month: {used} (unlimited)").format(used=fmt.number(used))
            )
            self.bar.hide()
        else:
            self.label.setText(
                self.tr("Prospects this month: {used} / {limit}").format(
                    used=fmt.number(used), limit=fmt.number(limit)
                )
            )
            self.bar.show()
            self.bar.setRange(0, max(limit, 1))
            self.bar.setValue(min(used, limit))
            share = used / limit if limit else 1.0
            color = ERROR_COLOR if share >= 1 else WARN_COLOR if share >= 0.8 else OK_COLOR
            self.bar.setStyleSheet(
                "QProgressBar { border: none; background: #e4e4e4; border-radius: 4px; }"
                f"QProgressBar::chunk {{ background: {color}; border-radius: 4px; }}"
            )
            self.label.setStyleSheet(f"color: {ERROR_COLOR};" if share >= 1 else "")
        self.setToolTip(
            self.tr(
                "New prospects added or imported this month count against your plan. "
                "The count resets on {date}."
            ).format(date=resets_on)
        )


class EmptyState(QWidget):
    """What replaces the list when there is nothing to show, and what to do about it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # A fixed-width column in the middle: wrapped labels need a width to wrap to.
        column = QWidget()
        column.setFixedWidth(520)
        inner = QVBoxLayout(column)
        inner.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 17px; font-weight: 600;")
        self.detail = QLabel()
        self.detail.setStyleSheet(f"color: {MUTED_COLOR};")
        for label in (self.title, self.detail):
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            inner.addWidget(label)
        inner.addSpacing(12)
        self.buttons = QHBoxLayout()
        self.buttons.setSpacing(12)
        inner.addLayout(self.buttons)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addLayout(row)
        layout.addStretch(3)
        self._buttons: list[QPushButton] = []

    def show_state(
        self, title: str, detail: str, actions: list[tuple[str, Callable[[], None]]]
    ) -> None:
        self.title.setText(title)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        while self.buttons.count():
            item = self.buttons.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self._buttons = []
        self.buttons.addStretch(1)
        for text, callback in actions:
            button = QPushButton(text)
            button.setMinimumWidth(160)
            button.clicked.connect(callback)
            self.buttons.addWidget(button)
            self._buttons.append(button)
        self.buttons.addStretch(1)

    def button_texts(self) -> list[str]:
        return [button.text() for button in self._buttons]

    def click(self, text: str) -> None:
        """Press the action labelled ``text`` (tests, keyboard shortcuts)."""
        for button in self._buttons:
            if button.text() == text:
                button.click()
                return
        raise KeyError(text)


TREND_UP_COLOR = STATUS_COLORS[PipelineStatus.CLIENT]
TREND_DOWN_COLOR = ERROR_COLOR
# A plan meter turns orange, then red, as the user nears the limit that will block them.
METER_WARN_AT = 0.8
METER_WARN_COLOR = STATUS_COLORS[PipelineStatus.NEGOTIATION]
METER_COLOR = STATUS_COLORS[PipelineStatus.NEW]


def trend_arrow(change: float | None) -> tuple[str, str]:
    """(text, colour) for a relative change: "▲ 12.0%" in green, "▼ 5.0%" in red."""
    if change is None:
        return "", MUTED_COLOR
    if change > 0:
        return f"▲ {fmt.percent(change)}", TREND_UP_COLOR
    if change < 0:
        return f"▼ {fmt.percent(-change)}", TREND_DOWN_COLOR
    return f"= {fmt.percent(0.0)}", MUTED_COLOR


class KpiTile(QFrame):
    """A headline number: its name, a big value and a line under it (a rate, a limit).

    ``meter=True`` adds a plan-usage bar, ``trend=True`` a "▲ 12% vs previous 30 days"
    line. The texts are given by the screen (which owns the translations); the tile only
    lays them out, so a row of tiles lines up whatever the language.
    """

    def __init__(
        self, title: str, parent: QWidget | None = None, *, meter: bool = False, trend: bool = False
    ) -> None:
        super().__init__(parent)
        self.setObjectName("kpiTile")
        self.setStyleSheet(
            "#kpiTile { background: palette(base); border: 1px solid palette(midlight);"
            " border-radius: 6px; }"
            f" QLabel#kpiTitle, QLabel#kpiDetail {{ color: {MUTED_COLOR}; }}"
        )
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(2)
        self.title_label = self._label("kpiTitle", title)
        layout.addWidget(self.title_label)
        self.value_label = QLabel("—")
        self.value_label.setObjectName("kpiValue")
        self.value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        big = QFont(self.value_label.font())
        big.setPointSizeF(big.pointSizeF() * 1.7)
        big.setBold(True)
        self.value_label.setFont(big)
        layout.addWidget(self.value_label)
        self.meter: QProgressBar | None = None
        self._meter_style = ""
        if meter:
            self.meter = QProgressBar()
            self.meter.setObjectName("kpiMeter")
            self.meter.setTextVisible(False)
            self.meter.setFixedHeight(5)
            self.meter.setRange(0, 1000)
            keep_room = self.meter.sizePolicy()
            keep_room.setRetainSizeWhenHidden(True)
            self.meter.setSizePolicy(keep_room)
            layout.addWidget(self.meter)
            self.set_meter(None)
        self.detail_label = self._label("kpiDetail", " ")
        layout.addWidget(self.detail_label)
        self.trend_label: QLabel | None = None
        self._trend_plain = ""
        if trend:
            self.trend_label = self._label("kpiTrend", "")
            self.trend_label.setTextFormat(Qt.TextFormat.RichText)
            layout.addWidget(self.trend_label)
        layout.addStretch(1)  # a tile taller than its text (a neighbour wrapped) pads below

    @staticmethod
    def _label(name: str, text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName(name)
        # A long sentence wraps onto a second line (a small screen, French) rather than
        # being cut; Ignored keeps it from widening its tile past the others.
        label.setWordWrap(True)
        label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def set_value(self, value: str, detail: str = "", color: str | None = None) -> None:
        """``color`` tints the value (a failure count in red, "—" when there is none)."""
        self.value_label.setText(value)
        self.value_label.setStyleSheet(f"color: {color};" if color else "")
        # A space, not nothing: the line keeps its height so tiles in a row line up.
        self.detail_label.setText(detail or " ")
        self.detail_label.setToolTip(detail)

    def set_meter(self, used_share: float | None) -> None:
        """Fill the plan meter; ``None`` (unlimited) hides it but keeps its room, so the
        tiles stay aligned."""
        if self.meter is None:
            return
        if used_share is None:
            self.meter.setVisible(False)
            return
        self.meter.setVisible(True)
        self.meter.setValue(round(min(max(used_share, 0.0), 1.0) * 1000))
        if used_share >= 1:
            color = TREND_DOWN_COLOR
        else:
            color = METER_WARN_COLOR if used_share >= METER_WARN_AT else METER_COLOR
        style = (
            "QProgressBar { border: none; border-radius: 2px; background: palette(midlight); }"
            f"QProgressBar::chunk {{ border-radius: 2px; background: {color}; }}"
        )
        if style != self._meter_style:
            self._meter_style = style
            self.meter.setStyleSheet(style)

    def set_trend(self, change: float | None, comparison: str, missing: str) -> None:
        """``comparison`` follows the arrow ("vs previous 30 days"); ``missing`` replaces
        both when there is nothing to compare with (no activity in the earlier period)."""
        if self.trend_label is None:
            return
        arrow, color = trend_arrow(change)
        self._trend_plain = f"{arrow} {comparison}" if arrow else missing
        # The tile may be narrower than the sentence (small screens, French): keep it whole
        # in the tooltip.
        self.trend_label.setToolTip(self._trend_plain)
        if not arrow:
            self.trend_label.setText(
                f'<span style="color:{MUTED_COLOR}">{html.escape(missing)}</span>'
            )
            return
        self.trend_label.setText(
            f'<span style="color:{color}; font-weight:600">{arrow}</span>'
            f'<span style="color:{MUTED_COLOR}">&nbsp;{html.escape(comparison)}</span>'
        )

    @property
    def trend_text(self) -> str:
        """The trend line as plain text (for tests and accessibility)."""
        return self._trend_plain


class _ClearOnEscape(QObject):
    """Escape in a non-empty line edit clears it; in an empty one it goes on as usual."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(watched, QLineEdit) or not watched.text():
            return False
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        assert isinstance(event, QKeyEvent)
        if event.key() != Qt.Key.Key_Escape or event.modifiers() != Qt.KeyboardModifier.NoModifier:
            return False
        if kind == QEvent.Type.ShortcutOverride:
            # Claim the key, so a window's Escape shortcut (close a panel) waits for the
            # next press: the first one only empties the box.
            event.accept()
            return True
        watched.clear()  # textChanged follows: a search box re-runs its (empty) search
        return True


def clear_on_escape(line_edit: QLineEdit) -> None:
    """Make Escape clear ``line_edit`` (a search box), as in a browser or a mail client.

    Only a box with text takes the key: in an empty one, Escape still closes the dialog
    or the panel around it.
    """
    line_edit.installEventFilter(_ClearOnEscape(line_edit))
