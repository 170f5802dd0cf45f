"""Chart plumbing for the Analytics tab: cards, readable axes and labels at bar ends.

QtCharts draws what it is given but leaves readability to us: a category axis with 90
dates writes them on top of each other, value axes print "12.5" messages, and bar labels
cannot say "75 · 71% reached". These helpers fix that once for every chart of the tab.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCharts import (
    QAbstractSeries,
    QBarCategoryAxis,
    QCategoryAxis,
    QChart,
    QChartView,
    QValueAxis,
)
from PySide6.QtCore import QLocale, QMargins, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsSimpleTextItem,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from localpro_desktop.ui import formatting
from localpro_desktop.ui.style import MUTED_COLOR

# Label every Nth day with N from this list: steps users read as "every week", "fortnight".
DAY_STEPS: tuple[int, ...] = (1, 2, 3, 5, 7, 10, 14, 15, 30, 60, 90, 180, 365)


def chart_font(scale: float = 0.85, *, bold: bool = False) -> QFont:
    """Smaller than the window font: axes and legends are secondary to the data."""
    font = QFont()
    font.setPointSizeF(max(font.pointSizeF() * scale, 7.0))
    font.setBold(bold)
    return font


def new_chart() -> QChart:
    """A chart that blends into its card: no frame, tight margins, no animation (a
    screenshot or a test sees the final bars at once)."""
    chart = QChart()
    chart.setBackgroundVisible(False)
    chart.setPlotAreaBackgroundVisible(False)
    chart.setMargins(QMargins(2, 2, 6, 2))
    layout = chart.layout()
    if layout is not None:
        layout.setContentsMargins(0, 0, 0, 0)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    legend = chart.legend()
    legend.setFont(chart_font())
    legend.setLabelColor(QColor("#333333"))
    legend.setVisible(False)
    return chart


def style_axis(axis: QValueAxis | QBarCategoryAxis, *, grid: bool) -> None:
    axis.setLabelsFont(chart_font())
    axis.setLabelsColor(QColor("#444444"))
    axis.setLinePen(QPen(QColor("#c8c8c8")))
    axis.setGridLineVisible(grid)
    axis.setGridLinePen(QPen(QColor("#e6e6e6")))
    axis.setMinorGridLineVisible(False)
    # QtCharts elides a label as soon as it thinks space is short, down to "..." for 11
    # sectors in a small card; our axes choose their labels so they fit instead.
    axis.setTruncateLabels(False)


def nice_step(top: float, ticks: int = 4) -> float:
    """A 1-2-5 step that splits 0..top into at most ``ticks`` intervals."""
    if top <= 0:
        return 1.0
    raw = top / ticks
    magnitude: float = 10 ** math.floor(math.log10(raw))
    for multiple in (1, 2, 2.5, 5, 10):
        if multiple * magnitude >= raw:
            return multiple * magnitude
    return 10 * magnitude


def _labelled_axis(top: float, step: float, text: Callable[[float], str]) -> QCategoryAxis:
    """0..top with a label on every ``step``; QtCharts' own number labels are not
    localised reliably (``%d`` with localised numbers prints nothing), ours go through
    ``ui/formatting.py``."""
    end = max(step, math.ceil(round(top / step, 6)) * step)
    axis = QCategoryAxis()
    axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    axis.setStartValue(-step / 1000)
    axis.setRange(0, end)
    for i in range(round(end / step) + 1):
        axis.append(text(i * step), i * step)
    return axis


def count_axis(top: float, *, grid: bool = True) -> QCategoryAxis:
    """0..top with whole-number ticks: "1.5 messages" is not a thing."""
    step = max(1.0, nice_step(top))
    axis = _labelled_axis(top, step, lambda value: formatting.number(round(value)))
    style_axis(axis, grid=grid)
    return axis


def axis_percent(fraction: float) -> str:
    """``formatting.percent`` without a trailing ",0" on round ticks (20 %, not 20,0 %)."""
    text = formatting.percent(fraction)
    if round(fraction * 100, 6).is_integer():
        locale = QLocale()
        text = text.replace(locale.decimalPoint() + locale.zeroDigit(), "", 1)
    return text


def percent_axis(top: float) -> QCategoryAxis:
    """0..top (fractions, at most 100 %) labelled as percentages in the user's language."""
    top = min(max(top, 0.01), 1.0)
    step = nice_step(top * 100) / 100
    axis = _labelled_axis(min(top, 1.0), step, axis_percent)
    style_axis(axis, grid=True)
    return axis


class DayAxis(QObject):
    """A date axis for per-day series plotted at x = 0..n-1.

    Labels every Nth day, N chosen from the width the plot really has, and always labels
    the last day (today), so dates never overlap at 7, 30 or 90 days in either language.
    """

    def __init__(self, chart: QChart, days: Sequence[date], parent: QObject | None = None) -> None:
        super().__init__(parent or chart)
        self.axis = QCategoryAxis()
        self.axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        style_axis(self.axis, grid=False)
        self.labels = [formatting.day(d) for d in days]
        count = len(self.labels)
        self.axis.setStartValue(-0.5)
        self.axis.setRange(-0.5, count - 0.5)
        self._step = 0
        self._relabel(self._step_for(len(self.labels) * 1000.0))
        # Room for half of today's label, which is centred on the plot's last bar.
        margins = chart.margins()
        margins.setRight(max(margins.right(), round(self._widest() / 2)))
        chart.setMargins(margins)
        chart.plotAreaChanged.connect(self._fit)

    @property
    def step(self) -> int:
        return self._step

    def _widest(self) -> float:
        metrics = QFontMetricsF(self.axis.labelsFont())
        return max((metrics.horizontalAdvance(text) for text in self.labels), default=0.0)

    def _step_for(self, width: float) -> int:
        room = max(1, int(width // (self._widest() + 14)))
        count = len(self.labels)
        return next((s for s in DAY_STEPS if math.ceil(count / s) <= room), max(count, 1))

    def _fit(self, plot: QRectF) -> None:
        if plot.width() > 0:
            self._relabel(self._step_for(plot.width()))

    def _relabel(self, step: int) -> None:
        if step == self._step:
            return
        self._step = step
        for label in self.axis.categoriesLabels():
            self.axis.remove(label)
        count = len(self.labels)
        for i in range((count - 1) % step, count, step):
            self.axis.append(self.labels[i], i)


class BarEndLabels(QObject):
    """Text just past the end of each horizontal bar ("75 · 71% reached").

    QtCharts bar labels only print the value; these are scene items placed from the
    series' own coordinates whenever the plot moves. The value axis is stretched just
    enough that the longest label still fits inside the card.
    """

    GAP = 6.0

    def __init__(
        self,
        chart: QChart,
        series: QAbstractSeries,
        value_axis: QValueAxis,
        ends: Sequence[float],
        texts: Sequence[str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent or chart)
        self.chart = chart
        self.series = series
        self.axis = value_axis
        self.ends = list(ends)
        self.items: list[QGraphicsSimpleTextItem] = []
        for text in texts:
            item = QGraphicsSimpleTextItem(text, chart)
            item.setFont(chart_font())
            item.setBrush(QBrush(QColor("#333333")))
            self.items.append(item)
        chart.plotAreaChanged.connect(self.place)

    @property
    def texts(self) -> list[str]:
        return [item.text() for item in self.items]

    def place(self, plot: QRectF | None = None) -> None:
        plot = plot if plot is not None else self.chart.plotArea()
        width = plot.width()
        if width <= 0:
            return
        top = 1.0
        for end, item in zip(self.ends, self.items, strict=True):
            room = max(width - item.boundingRect().width() - 2 * self.GAP, width * 0.2)
            top = max(top, end * width / room)
        self.axis.setRange(0, top)
        for row, (end, item) in enumerate(zip(self.ends, self.items, strict=True)):
            point = self.chart.mapToPosition(QPointF(end, row), self.series)
            height = item.boundingRect().height()
            item.setPos(point.x() + self.GAP, point.y() - height / 2)


class ChartCard(QFrame):
    """A titled card holding one chart, or a friendly sentence when it has nothing to show."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chartCard")
        self.title_label = QLabel(title)
        self.title_label.setObjectName("chartTitle")
        self.title_label.setFont(chart_font(1.0, bold=True))
        self.title_label.setWordWrap(True)  # a title alone still too long takes two lines
        self.title_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.note_label = QLabel()
        self.note_label.setObjectName("chartNote")
        self.note_label.setFont(chart_font())
        self.note_label.setStyleSheet(f"color: {MUTED_COLOR};")
        self.note_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.view = QChartView()
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setFrameShape(QFrame.Shape.NoFrame)
        self.view.setMinimumSize(10, 10)
        self.view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.view.setStyleSheet("background: transparent;")
        self.chart: QChart = self.view.chart()
        self.empty_label = QLabel()
        self.empty_label.setObjectName("chartEmpty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet(f"color: {MUTED_COLOR}; padding: 12px;")
        self.header = QGridLayout()
        self.header.setContentsMargins(0, 0, 0, 0)
        self.header.setHorizontalSpacing(self.HEADER_GAP)
        self.header.addWidget(self.title_label, 0, 0)
        self.header.addWidget(self.note_label, 0, 1)
        self.header.setColumnStretch(0, 1)
        body = QWidget()
        self.stack = QStackedLayout(body)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty_label)
        self._note_below = False
        self._outer = QVBoxLayout(self)
        self._outer.setContentsMargins(10, 6, 8, 4)
        self._outer.setSpacing(0)
        self._outer.addLayout(self.header)
        self._body_row = QHBoxLayout()
        self._body_row.setContentsMargins(0, 0, 0, 0)
        self._body_row.addWidget(body, 1)
        self._outer.addLayout(self._body_row, 1)

    HEADER_GAP = 8

    def add_side(self, widget: QWidget) -> None:
        """Put ``widget`` to the right of the chart (figures that go with it)."""
        self._body_row.addWidget(widget)

    @property
    def note_below(self) -> bool:
        """Whether the note sits under the title (a narrow card) instead of beside it."""
        return self._note_below

    def _arrange_header(self) -> None:
        """Title and note side by side when both fit the card, else the note goes under
        the title (left-aligned): a small window never runs one into the other."""
        margins = self._outer.contentsMargins()
        room = self.width() - margins.left() - margins.right()
        title = self.title_label.fontMetrics().horizontalAdvance(self.title_label.text())
        note = self.note_label.sizeHint().width() if self.note_label.text() else 0
        below = bool(note) and title + self.HEADER_GAP + note > room
        if below == self._note_below:
            return
        self._note_below = below
        self.header.removeWidget(self.note_label)
        if below:
            self.header.addWidget(self.note_label, 1, 0)
            self.note_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        else:
            self.header.addWidget(self.note_label, 0, 1)
            self.note_label.setAlignment(
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange_header()

    def set_chart(self, chart: QChart, note: str = "") -> None:
        """Show ``chart`` (the card keeps it; the previous one is deleted)."""
        old = self.chart
        self.view.setChart(chart)
        self.chart = chart
        if old is not None and old is not chart:
            old.deleteLater()
        self.note_label.setText(note)
        self._arrange_header()
        self.stack.setCurrentWidget(self.view)
        self.view.setAccessibleName(self.title_label.text())

    def show_empty(self, text: str) -> None:
        self.note_label.setText("")
        self._arrange_header()
        self.empty_label.setText(text)
        self.stack.setCurrentWidget(self.empty_label)

    @property
    def showing_chart(self) -> bool:
        return self.stack.currentWidget() is self.view


class PlotNote(QObject):
    """Muted sentences centred on an empty plot ("No messages sent in the last 7 days").

    The axes stay drawn so switching ranges does not make the card jump, and the user
    still sees which days were quiet. One item per line, so every line is centred.
    """

    def __init__(self, chart: QChart, lines: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent or chart)
        self.chart = chart
        self.items: list[QGraphicsSimpleTextItem] = []
        for line in lines:
            item = QGraphicsSimpleTextItem(line, chart)
            item.setFont(chart_font(1.0))
            item.setBrush(QBrush(QColor(MUTED_COLOR)))
            self.items.append(item)
        chart.plotAreaChanged.connect(self.place)

    @property
    def text(self) -> str:
        return "\n".join(item.text() for item in self.items)

    def place(self, plot: QRectF | None = None) -> None:
        plot = plot if plot is not None else self.chart.plotArea()
        height = sum(item.boundingRect().height() for item in self.items)
        y = plot.center().y() - height / 2
        for item in self.items:
            box = item.boundingRect()
            item.setPos(plot.center().x() - box.width() / 2, y)
            y += box.height()


class CardGrid(QWidget):
    """Chart cards in three columns, or two when the window is narrow (1024 px): a card
    never gets so narrow that its legend or row names are cut. The first card spans two
    columns. Cards keep a minimum height; the tab scrolls rather than squash them."""

    WIDE_FROM = 1200  # px of grid width for three columns
    CARD_MIN_HEIGHT = 220

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(8)
        self._cards: list[QWidget] = []
        self.columns = 0

    def set_cards(self, cards: Sequence[QWidget]) -> None:
        self._cards = list(cards)
        for card in self._cards:
            card.setMinimumHeight(self.CARD_MIN_HEIGHT)
        self._place(3)

    def _place(self, columns: int) -> None:
        if columns == self.columns:
            return
        self.columns = columns
        for card in self._cards:
            self._grid.removeWidget(card)
        first, *rest = self._cards
        self._grid.addWidget(first, 0, 0, 1, 2)
        slots = [(0, 2)] if columns == 3 else []
        slots += [(1 + i // columns, i % columns) for i in range(len(rest) + 2)]
        used = 1
        for card, (row, column) in zip(rest, slots, strict=False):
            self._grid.addWidget(card, row, column)
            used = max(used, row + 1)
        for column in range(3):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)
        for row in range(self._grid.rowCount()):  # rows left empty by a switch take no room
            self._grid.setRowStretch(row, 1 if row < used else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place(3 if event.size().width() >= self.WIDE_FROM else 2)
