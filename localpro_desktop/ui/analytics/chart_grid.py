"""The Analytics tab's five charts, drawn from one ``AnalyticsData`` in one go.

Each chart keeps readers that give back what was drawn (values, labels) so tests compare
the QtCharts objects themselves with the service's numbers.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QHorizontalStackedBarSeries,
    QLineSeries,
    QPieSeries,
    QPieSlice,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QCursor, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.domain.pipeline import PipelineStatus
from localpro_desktop.services.analytics import OTHER, UNSPECIFIED
from localpro_desktop.services.analytics_dashboard import RATE_WINDOW, AnalyticsData
from localpro_desktop.ui import formatting, labels
from localpro_desktop.ui.analytics.channel_figures import ChannelFigures
from localpro_desktop.ui.analytics.charts import (
    BarEndLabels,
    CardGrid,
    ChartCard,
    DayAxis,
    PlotNote,
    count_axis,
    new_chart,
    percent_axis,
    style_axis,
)
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.style import (
    CHANNEL_COLORS,
    MUTED_COLOR,
    PROSPECT_COLOR,
    STATUS_COLORS,
)

# More sources than this and the smallest are merged into one slice, so the legend fits.
MAX_SLICES = 7
RESPONSE_COLOR = STATUS_COLORS[PipelineStatus.CONTACTED]
CONVERSION_COLOR = STATUS_COLORS[PipelineStatus.CLIENT]

SeriesReader = Callable[[], list[float]]


def _bar_values(bar_set: QBarSet) -> list[float]:
    return [bar_set.at(i) for i in range(bar_set.count())]


def _line_ys(drawn: list[QLineSeries]) -> list[float]:
    return [s.at(i).y() for s in drawn for i in range(s.count())]


def _line_xs(drawn: list[QLineSeries]) -> list[float]:
    return [s.at(i).x() for s in drawn for i in range(s.count())]


def _runs(points: list[tuple[int, float | None]]) -> list[list[tuple[int, float]]]:
    """Consecutive measured points, split wherever a day has no value."""
    runs: list[list[tuple[int, float]]] = []
    current: list[tuple[int, float]] = []
    for x, y in points:
        if y is None:
            if current:
                runs.append(current)
            current = []
        else:
            current.append((x, y))
    if current:
        runs.append(current)
    return runs


def _category_rows(
    chart: QChart, series: QHorizontalStackedBarSeries, categories: list[str]
) -> QValueAxis:
    """Name the rows on the left; the value axis stays hidden (bars carry their labels)."""
    category_axis = QBarCategoryAxis()
    category_axis.append(categories)
    style_axis(category_axis, grid=False)
    value_axis = QValueAxis()
    value_axis.setVisible(False)
    chart.addAxis(category_axis, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(value_axis, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(category_axis)
    series.attachAxis(value_axis)
    return value_axis


class ChartGrid(CardGrid):
    """Messages per day (two columns wide), the pipeline, rates, sources and sectors."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._readers: dict[str, SeriesReader] = {}
        self._categories: dict[str, list[str]] = {}
        self._notes: dict[str, str] = {}
        # Python-side helpers (axes that relabel, bar-end labels) of the charts on screen.
        self._keep: list[object] = []
        self._data: AnalyticsData | None = None
        self.cards: dict[str, ChartCard] = {
            "messages": ChartCard(self.tr("Messages sent per day, by channel")),
            "funnel": ChartCard(self.tr("Pipeline")),
            "rates": ChartCard(self.tr("Response and conversion rates")),
            "sources": ChartCard(self.tr("Prospects by source")),
            "sectors": ChartCard(self.tr("Prospects by sector")),
        }
        self.set_cards(list(self.cards.values()))
        self.channel_figures = ChannelFigures()
        self.cards["messages"].add_side(self.channel_figures)

    def draw(self, data: AnalyticsData) -> None:
        """Replace every chart with ``data``'s."""
        self._data = data
        self._keep.clear()
        self._readers.clear()
        self._categories.clear()
        self._notes.clear()
        self._draw_messages(data)
        self.channel_figures.show_figures(data)
        self._draw_funnel(data)
        self._draw_rates(data)
        self._draw_sources(data)
        self._draw_sectors(data)

    def _note(self, name: str, chart: QChart, lines: list[str]) -> None:
        note = PlotNote(chart, lines)
        self._notes[name] = note.text

    def notes(self) -> dict[str, str]:
        """Sentences shown on charts with nothing to plot in the range, by chart name."""
        return dict(self._notes)

    def _tooltip(self, text: str, shown: bool) -> None:
        if shown:
            QToolTip.showText(QCursor.pos(), text, self)
        else:
            QToolTip.hideText()

    def _draw_messages(self, data: AnalyticsData) -> None:
        card = self.cards["messages"]
        days = data.days
        series_by_channel = {ch: data.messages.get(ch, [0] * len(days)) for ch in Channel}
        total = sum(sum(values) for values in series_by_channel.values())
        chart = new_chart()
        series = QStackedBarSeries()
        series.setBarWidth(0.8 if len(days) > 31 else 0.6)
        for channel, values in series_by_channel.items():
            channel_name = labels.channel(channel)
            bar_set = QBarSet(channel_name)
            bar_set.append([float(v) for v in values])
            color = QColor(CHANNEL_COLORS[channel])
            bar_set.setColor(color)
            bar_set.setBorderColor(color)
            bar_set.hovered.connect(
                lambda shown, index, name=channel_name, values=values: self._tooltip(
                    formatting.plural(
                        values[index], self.tr("%1, %2: 1 sent"), self.tr("%1, %2: %3 sent")
                    )
                    .replace("%1", formatting.day(days[index]))
                    .replace("%2", name)
                    .replace("%3", formatting.number(values[index])),
                    shown,
                )
            )
            series.append(bar_set)
            self._readers[f"messages:{channel.value}"] = partial(_bar_values, bar_set)
        chart.addSeries(series)
        day_axis = DayAxis(chart, days)
        chart.addAxis(day_axis.axis, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(day_axis.axis)
        busiest = max(sum(col) for col in zip(*series_by_channel.values(), strict=True))
        value_axis = count_axis(busiest)
        chart.addAxis(value_axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(value_axis)
        legend = chart.legend()
        legend.setVisible(True)
        legend.setAlignment(Qt.AlignmentFlag.AlignTop)
        if total == 0:
            self._note(
                "messages",
                chart,
                [
                    self.tr("No messages sent in the last %1 days.").replace(
                        "%1", str(data.period)
                    ),
                    self.tr("Send a campaign and its messages will show up here."),
                ],
            )
        self._keep.append(day_axis)
        self._categories["messages"] = day_axis.labels
        note = (
            self.tr("Sent in %1 days: %2")
            .replace("%1", str(data.period))
            .replace("%2", formatting.number(total))
        )
        card.set_chart(chart, note)

    def _draw_funnel(self, data: AnalyticsData) -> None:
        card = self.cards["funnel"]
        stages = data.funnel
        if not stages or all(stage.reached == 0 for stage in stages):
            card.show_empty(
                self.tr("No contacts yet.")
                + "\n"
                + self.tr("Turn prospects into contacts to follow them along the pipeline.")
            )
            return
        chart = new_chart()
        # Rows go bottom-up in QtCharts, so New is listed last to be drawn on top.
        rows = list(reversed(stages))
        count = len(rows)
        series = QHorizontalStackedBarSeries()
        series.setBarWidth(0.7)
        now_sets: dict[PipelineStatus, QBarSet] = {}
        moved_sets: dict[PipelineStatus, QBarSet] = {}
        for row, stage in enumerate(rows):
            color = QColor(STATUS_COLORS[stage.status])
            light = QColor(color)
            light.setAlpha(70)
            tooltip = (
                self.tr("%1: %2 now; %3 (%4) reached this stage")
                .replace("%1", labels.status(stage.status))
                .replace("%2", formatting.number(stage.count))
                .replace("%3", formatting.number(stage.reached))
                .replace("%4", formatting.percent(stage.share))
            )
            # Solid: in the stage now; light, stacked after it: reached it and moved on,
            # so the whole bar is "reached". One set per stage with zeros on the other
            # rows, because QtCharts colours a set, not a single bar.
            for value, fill, store in (
                (stage.count, color, now_sets),
                (stage.reached - stage.count, light, moved_sets),
            ):
                bar_set = QBarSet(labels.status(stage.status))
                bar_set.append([float(value) if r == row else 0.0 for r in range(count)])
                bar_set.setColor(fill)
                bar_set.setBorderColor(fill)
                bar_set.setPen(QPen(Qt.PenStyle.NoPen))
                bar_set.hovered.connect(
                    lambda shown, _index, tooltip=tooltip: self._tooltip(tooltip, shown)
                )
                series.append(bar_set)
                store[stage.status] = bar_set
        chart.addSeries(series)
        categories = [labels.status(stage.status) for stage in rows]
        value_axis = _category_rows(chart, series, categories)
        end_labels = BarEndLabels(
            chart,
            series,
            value_axis,
            [float(stage.reached) for stage in rows],
            [
                formatting.plural(
                    stage.count, self.tr("1 now · %2 reached"), self.tr("%1 now · %2 reached")
                )
                .replace("%1", formatting.number(stage.count))
                .replace("%2", formatting.percent(stage.share))
                for stage in rows
            ],
        )
        self._keep.append(end_labels)
        order = [stage.status for stage in stages]
        self._readers["funnel"] = lambda: [
            now_sets[status].at(count - 1 - i) for i, status in enumerate(order)
        ]
        self._readers["funnel_reached"] = lambda: [
            now_sets[status].at(count - 1 - i) + moved_sets[status].at(count - 1 - i)
            for i, status in enumerate(order)
        ]
        self._categories["funnel"] = list(reversed(categories))
        self._categories["funnel_labels"] = list(reversed(end_labels.texts))
        card.set_chart(chart, self.tr("solid: now · light: ever reached"))

    def _draw_rates(self, data: AnalyticsData) -> None:
        card = self.cards["rates"]
        points = data.rate_trend
        lines = {
            "response_rate": (
                self.tr("Response rate"),
                RESPONSE_COLOR,
                [(i, p.response_rate) for i, p in enumerate(points)],
            ),
            "conversion_rate": (
                self.tr("Conversion rate"),
                CONVERSION_COLOR,
                [(i, p.conversion_rate) for i, p in enumerate(points)],
            ),
        }
        values = [v for _, _, pts in lines.values() for _, v in pts if v is not None]
        chart = new_chart()
        day_axis = DayAxis(chart, data.days)
        chart.addAxis(day_axis.axis, Qt.AlignmentFlag.AlignBottom)
        rate_axis = percent_axis(max(values, default=0.0) * 1.1)
        chart.addAxis(rate_axis, Qt.AlignmentFlag.AlignLeft)
        legend = chart.legend()
        for key, (name, color, pts) in lines.items():
            measured = any(y is not None for _, y in pts)
            label = name if measured else self.tr("%1 (no data)").replace("%1", name)
            pen = QPen(QColor(color))
            pen.setWidthF(2.0)
            drawn: list[QLineSeries] = []
            # Days without a measure (nothing sent, nobody added) are gaps, not zeros and
            # not a line drawn across them: one series per run of measured days.
            for run in _runs(pts) or [[]]:
                series = QLineSeries()
                series.setName(label)
                series.setPen(pen)
                series.setColor(QColor(color))
                series.append([QPointF(x, y) for x, y in run])
                series.setPointsVisible(len(points) <= 14 or len(run) == 1)
                series.setMarkerSize(5)
                series.hovered.connect(
                    lambda point, shown, name=name, pts=pts: self._rate_tooltip(
                        name, pts, point, shown
                    )
                )
                chart.addSeries(series)
                series.attachAxis(day_axis.axis)
                series.attachAxis(rate_axis)
                if drawn:  # one legend entry per rate, not per run
                    for marker in legend.markers(series):
                        marker.setVisible(False)
                drawn.append(series)
            self._readers[key] = partial(_line_ys, drawn)
            self._readers[f"{key}:x"] = partial(_line_xs, drawn)
        legend.setVisible(True)
        legend.setAlignment(Qt.AlignmentFlag.AlignTop)
        if not values:
            self._note(
                "rates",
                chart,
                [
                    self.tr("No rates for the last %1 days yet.").replace("%1", str(data.period)),
                    self.tr("They appear once messages are sent or contacts are added."),
                ],
            )
        self._keep.append(day_axis)
        card.set_chart(chart, self.tr("%1-day rolling").replace("%1", str(RATE_WINDOW)))

    def _rate_tooltip(
        self, name: str, pts: list[tuple[int, float | None]], point: QPointF, shown: bool
    ) -> None:
        data = self._data
        index = round(point.x())
        if data is None or not 0 <= index < len(pts) or not shown:
            QToolTip.hideText()
            return
        text = (  # translated for French typography ("jour, série : taux")
            self.tr("%1, %2: %3")
            .replace("%1", formatting.day(data.days[index]))
            .replace("%2", name)
            .replace("%3", formatting.percent(pts[index][1]))
        )
        self._tooltip(text, True)

    def _prospects_tip(self, name: str, count: int) -> str:
        sentence = formatting.plural(count, self.tr("%1: 1 prospect"), self.tr("%1: %2 prospects"))
        return sentence.replace("%1", name).replace("%2", formatting.number(count))

    def _source_name(self, source: str) -> str:
        if source == UNSPECIFIED:
            return self.tr("Not specified")
        if source == OTHER:
            return self.tr("Other")
        return labels.source(source)

    def _draw_sources(self, data: AnalyticsData) -> None:
        card = self.cards["sources"]
        items = list(data.sources.items())
        total = sum(count for _, count in items)
        if total == 0:
            card.show_empty(self.tr("No prospects yet."))
            return
        if len(items) > MAX_SLICES:
            rest = sum(count for _, count in items[MAX_SLICES - 1 :])
            items = [*items[: MAX_SLICES - 1], (OTHER, rest)]
        chart = new_chart()
        series = QPieSeries()
        series.setHoleSize(0.5)
        series.setPieSize(0.85)
        base = QColor(PROSPECT_COLOR)
        for i, (source, count) in enumerate(items):
            name = self._source_name(source)
            label = f"{name} · {formatting.percent(count / total)}"
            pie_slice = series.append(label, float(count))
            color = QColor(MUTED_COLOR) if source == OTHER else self._shade(base, i, len(items))
            pie_slice.setColor(color)
            # White gaps between slices; a lone slice gets none (a seam at 12 o'clock).
            pie_slice.setBorderColor(QColor("white") if len(items) > 1 else color)

            def hovered(
                shown: bool, pie_slice: QPieSlice = pie_slice, name: str = name, count: int = count
            ) -> None:
                pie_slice.setExploded(shown)
                self._tooltip(self._prospects_tip(name, count), shown)

            pie_slice.hovered.connect(hovered)
        chart.addSeries(series)
        legend = chart.legend()
        legend.setVisible(True)
        legend.setAlignment(Qt.AlignmentFlag.AlignRight)
        self._readers["sources"] = lambda: [s.value() for s in series.slices()]
        self._categories["sources"] = [self._source_name(source) for source, _ in items]
        card.set_chart(chart, self.tr("Total: %1").replace("%1", formatting.number(total)))

    @staticmethod
    def _shade(base: QColor, index: int, count: int) -> QColor:
        """Tints of the prospect colour: one hue keeps the chart calm, lightness tells
        slices apart (largest darkest)."""
        if count <= 1:
            return QColor(base)
        hue, saturation, value = base.hsvHue(), base.hsvSaturation(), base.value()
        share = index / (count - 1)
        return QColor.fromHsv(
            hue, max(40, round(saturation * (1 - 0.6 * share))), min(255, round(value + 60 * share))
        )

    def _sector_name(self, sector: str) -> str:
        if sector == OTHER:
            return self.tr("Other sectors")
        if sector == UNSPECIFIED:
            return self.tr("Not specified")
        return labels.sector(sector, self.ctx.language)

    def _draw_sectors(self, data: AnalyticsData) -> None:
        card = self.cards["sectors"]
        sectors = data.sectors
        total = sum(count for _, count in sectors)
        if total == 0:
            card.show_empty(self.tr("No prospects yet."))
            return
        chart = new_chart()
        rows = list(reversed(sectors))  # largest on top
        count = len(rows)
        series = QHorizontalStackedBarSeries()
        series.setBarWidth(0.7)
        named = QBarSet(self.tr("Sector"))
        rest = QBarSet(self.tr("Other sectors"))
        for bar_set, color in ((named, PROSPECT_COLOR), (rest, MUTED_COLOR)):
            bar_set.setColor(QColor(color))
            bar_set.setBorderColor(QColor(color))
            series.append(bar_set)
        for sector, value in rows:
            named.append(0.0 if sector == OTHER else float(value))
            rest.append(float(value) if sector == OTHER else 0.0)
        for bar_set in (named, rest):
            bar_set.hovered.connect(
                lambda shown, index: self._tooltip(
                    self._prospects_tip(self._sector_name(rows[index][0]), rows[index][1]),
                    shown,
                )
            )
        chart.addSeries(series)
        categories = [self._sector_name(sector) for sector, _ in rows]
        value_axis = _category_rows(chart, series, categories)
        end_labels = BarEndLabels(
            chart,
            series,
            value_axis,
            [float(value) for _, value in rows],
            [
                f"{formatting.number(value)} · {formatting.percent(value / total)}"
                for _, value in rows
            ],
        )
        self._keep.append(end_labels)
        self._readers["sectors"] = lambda: [
            named.at(i) + rest.at(i) for i in reversed(range(count))
        ]
        self._categories["sectors"] = list(reversed(categories))
        named_count = sum(1 for sector, _ in sectors if sector != OTHER)
        card.set_chart(chart, self.tr("Top %1").replace("%1", str(named_count)))

    # -- for tests ------------------------------------------------------------------------

    def series_names(self) -> list[str]:
        return sorted(self._readers)

    def series_values(self, name: str) -> list[float]:
        """Values read back from the drawn chart series, in the order the service returns
        them: "messages:<channel>", "funnel", "funnel_reached", "response_rate",
        "conversion_rate" (and ":x" for their day indexes), "sources", "sectors"."""
        return self._readers[name]()

    def categories(self, name: str) -> list[str]:
        """The labels drawn next to a chart's bars or slices, in service order."""
        return list(self._categories[name])

    def chart(self, name: str) -> QChart:
        return self.cards[name].chart
