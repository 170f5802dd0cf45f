"""The Analytics tab: how the business is doing over the last 7, 30 or 90 days.

One background task computes every figure (``data.load_analytics``) and the charts are
then built on the UI thread in one go, so a refresh never shows half old, half new
numbers. Changes elsewhere in the app refresh the tab after a short pause, because an
import or a campaign send commits many times in a row and one reload is enough.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QHorizontalStackedBarSeries,
    QLineSeries,
    QPieSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QPointF, Qt, QTimer, Slot
from PySide6.QtGui import QColor, QCursor, QPen, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.domain.pipeline import PipelineStatus
from localpro_desktop.services.analytics import OTHER, UNSPECIFIED, KpiChange
from localpro_desktop.ui import formatting, labels
from localpro_desktop.ui.analytics.charts import (
    BarEndLabels,
    ChartCard,
    DayAxis,
    PlotNote,
    count_axis,
    new_chart,
    percent_axis,
    style_axis,
)
from localpro_desktop.ui.analytics.data import (
    RANGES,
    RATE_WINDOW,
    AnalyticsData,
    load_analytics,
)
from localpro_desktop.ui.analytics.tiles import KpiTile
from localpro_desktop.ui.changes import concerns
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.style import (
    CHANNEL_COLORS,
    ERROR_COLOR,
    MUTED_COLOR,
    PROSPECT_COLOR,
    STATUS_COLORS,
)

WATCHED_TABLES: tuple[str, ...] = (
    "prospects",
    "contacts",
    "activities",
    "campaign_recipients",
    "campaigns",
    "usage_events",
    # The plan sets the meters' limits and the time zone decides what "today" is.
    "workspace_settings",
)
REFRESH_DELAY_MS = 1000
DEFAULT_RANGE = 30
# More sources than this and the smallest are merged into one slice, so the legend fits.
MAX_SLICES = 7
RESPONSE_COLOR = STATUS_COLORS[PipelineStatus.CONTACTED]
CONVERSION_COLOR = STATUS_COLORS[PipelineStatus.CLIENT]

_TAB_STYLE = """
QFrame#kpiTile, QFrame#chartCard {
    background: palette(base);
    border: 1px solid palette(midlight);
    border-radius: 6px;
}
QLabel#kpiTitle, QLabel#kpiDetail { color: %(muted)s; }
QPushButton#rangeButton {
    border: 1px solid palette(mid);
    background: palette(base);
    padding: 4px 14px;
    margin: 0;
    min-width: 56px;
}
QPushButton#rangeButton:hover { background: palette(midlight); }
QPushButton#rangeButton:checked {
    background: palette(highlight);
    color: palette(highlighted-text);
    border-color: palette(highlight);
}
QPushButton#rangeButton[segment="first"] {
    border-top-left-radius: 5px; border-bottom-left-radius: 5px;
}
QPushButton#rangeButton[segment="last"] {
    border-top-right-radius: 5px; border-bottom-right-radius: 5px;
}
QPushButton#rangeButton[segment="middle"], QPushButton#rangeButton[segment="last"] {
    border-left: none;
}
"""

SeriesReader = Callable[[], list[float]]


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


class AnalyticsTab(QWidget):
    """KPI tiles over five charts; see the module docstring for how data arrives."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._period = DEFAULT_RANGE
        self._data: AnalyticsData | None = None
        self._ready = False
        self._loading = False
        self._again = False
        self._stale = False
        self._readers: dict[str, SeriesReader] = {}
        self._categories: dict[str, list[str]] = {}
        self._notes: dict[str, str] = {}
        # Python-side helpers (axes that relabel, bar-end labels) of the charts on screen.
        self._keep: list[object] = []
        self.setStyleSheet(_TAB_STYLE % {"muted": MUTED_COLOR})

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self._refresh_due)

        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_dashboard())
        self.pages.addWidget(self._build_empty_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(8)
        layout.addLayout(self._build_header())
        layout.addWidget(self.pages, 1)

        ctx.bridge.sig_changed.connect(self._on_changed)
        self.reload()

    # -- building the screen ----------------------------------------------------------

    def _build_header(self) -> QHBoxLayout:
        self.range_group = QButtonGroup(self)
        self.range_group.setExclusive(True)
        self.range_buttons: dict[int, QPushButton] = {}
        segments = QHBoxLayout()
        segments.setSpacing(0)
        for i, days in enumerate(RANGES):
            button = QPushButton(self.tr("%1 days").replace("%1", str(days)))
            button.setObjectName("rangeButton")
            button.setCheckable(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setToolTip(self.tr("Show the last %1 days").replace("%1", str(days)))
            position = "first" if i == 0 else "last" if i == len(RANGES) - 1 else "middle"
            button.setProperty("segment", position)
            button.setChecked(days == self._period)
            self.range_group.addButton(button, days)
            self.range_buttons[days] = button
            segments.addWidget(button)
        self.range_group.idClicked.connect(self.set_period)
        self.period_label = QLabel()
        self.period_label.setStyleSheet(f"color: {MUTED_COLOR};")
        self.status_label = QLabel()
        self.status_label.setStyleSheet(f"color: {MUTED_COLOR};")
        self.status_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        header = QHBoxLayout()
        header.setSpacing(12)
        header.addLayout(segments)
        header.addWidget(self.period_label)
        header.addStretch(1)
        header.addWidget(self.status_label)
        return header

    def _build_dashboard(self) -> QWidget:
        page = QWidget()
        self.tiles: dict[str, KpiTile] = {
            "contacts": KpiTile(self.tr("Contacts")),
            "clients": KpiTile(self.tr("Clients")),
            "response_rate": KpiTile(self.tr("Response rate")),
            "messages": KpiTile(self.tr("Messages this month")),
            "prospects": KpiTile(self.tr("Prospects this month")),
        }
        self.tiles["contacts"].setToolTip(
            self.tr("Contacts in your CRM, and how many were added in the period.")
        )
        self.tiles["clients"].setToolTip(
            self.tr("Contacts at the Client stage, and how many became clients in the period.")
        )
        self.tiles["response_rate"].setToolTip(
            self.tr("Share of the messages sent in the period that got a reply.")
        )
        self.tiles["messages"].setToolTip(
            self.tr(
                "Messages counted against your plan this month; the trend compares "
                "messages sent in the period with the period before."
            )
        )
        self.tiles["prospects"].setToolTip(
            self.tr(
                "Prospects counted against your plan this month; the trend compares "
                "prospects added in the period with the period before."
            )
        )
        tiles = QHBoxLayout()
        tiles.setSpacing(8)
        for tile in self.tiles.values():
            tiles.addWidget(tile, 1)

        self.cards: dict[str, ChartCard] = {
            "messages": ChartCard(self.tr("Messages sent per day, by channel")),
            "funnel": ChartCard(self.tr("Pipeline")),
            "rates": ChartCard(self.tr("Response and conversion rates")),
            "sources": ChartCard(self.tr("Prospects by source")),
            "sectors": ChartCard(self.tr("Prospects by sector")),
        }
        grid = QGridLayout()
        grid.setSpacing(8)
        grid.addWidget(self.cards["messages"], 0, 0, 1, 2)
        grid.addWidget(self.cards["funnel"], 0, 2)
        grid.addWidget(self.cards["rates"], 1, 0)
        grid.addWidget(self.cards["sources"], 1, 1)
        grid.addWidget(self.cards["sectors"], 1, 2)
        for column in range(3):
            grid.setColumnStretch(column, 1)
        for row in range(2):
            grid.setRowStretch(row, 1)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(tiles)
        layout.addLayout(grid, 1)
        return page

    def _build_empty_page(self) -> QWidget:
        page = QWidget()
        title = QLabel(self.tr("Nothing to analyse yet"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint = QLabel(
            self.tr(
                "Your charts appear here as soon as there is something to count.\n"
                "Import prospects or load demo data from the Prospects tab to get started."
            )
        )
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {MUTED_COLOR};")
        self.empty_title, self.empty_hint = title, hint
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addStretch(2)
        return page

    # -- loading ------------------------------------------------------------------------

    def is_ready(self) -> bool:
        """True once the first data is drawn (the screenshot command waits for this)."""
        return self._ready

    @property
    def period(self) -> int:
        return self._period

    @property
    def data(self) -> AnalyticsData | None:
        """The figures currently on screen."""
        return self._data

    @Slot(int)
    def set_period(self, days: int) -> None:
        """Show the last ``days`` days (one of ``RANGES``)."""
        if days not in RANGES:
            raise ValueError(f"The analytics range must be one of {RANGES}, not {days}.")
        button = self.range_buttons[days]
        if not button.isChecked():
            button.setChecked(True)
        if days != self._period:
            self._period = days
            self.reload()

    def reload(self) -> None:
        """Recompute everything in one background task; a reload asked for while one runs
        is queued (once) so the result never lags behind the data."""
        self._stale = False
        if self._loading:
            self._again = True
            return
        self._loading = True
        self.status_label.setStyleSheet(f"color: {MUTED_COLOR};")
        self.status_label.setText(self.tr("Updating…"))
        ws, period = self.ctx.ws, self._period
        self.ctx.runner.run(
            lambda: load_analytics(ws, period), on_done=self._loaded, on_error=self._failed
        )

    @Slot(object)
    def _on_changed(self, changes: object) -> None:
        if concerns(changes, *WATCHED_TABLES, me=self):
            self._refresh_timer.start()  # restarts: a burst of commits gives one reload

    @Slot()
    def _refresh_due(self) -> None:
        if self.isVisible() or not self._ready:
            self.reload()
        else:
            self._stale = True  # reload when the user comes back to the tab

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    @Slot(object)
    def _loaded(self, result: object) -> None:
        self._loading = False
        assert isinstance(result, AnalyticsData)
        if result.period == self._period:
            self._show(result)
        if self._again:
            self._again = False
            self.reload()

    @Slot(str, bool)
    def _failed(self, message: str, _is_bug: bool) -> None:
        self._loading = False
        self.status_label.setStyleSheet(f"color: {ERROR_COLOR};")
        text = self.tr("Could not update the figures: %1").replace("%1", message)
        self.status_label.setText(text)
        self._ready = True  # what there is to show (the error) is shown
        if self._again:
            self._again = False
            self.reload()

    # -- drawing --------------------------------------------------------------------------

    def _show(self, data: AnalyticsData) -> None:
        self._data = data
        self.status_label.setText("")
        if data.days:
            first, last = formatting.day(data.days[0]), formatting.day(data.days[-1])
            self.period_label.setText(f"{first} – {last}")
        if data.empty:
            self.pages.setCurrentIndex(1)
        else:
            self.pages.setCurrentIndex(0)
            self._keep.clear()
            self._readers.clear()
            self._categories.clear()
            self._notes.clear()
            self._show_tiles(data)
            self._draw_messages(data)
            self._draw_funnel(data)
            self._draw_rates(data)
            self._draw_sources(data)
            self._draw_sectors(data)
        self._ready = True

    def _comparison(self, days: int) -> str:
        return self.tr("vs previous %1 days").replace("%1", str(days))

    def _set_trend(self, tile: KpiTile, change: KpiChange, days: int) -> None:
        if change.change is not None:
            tile.set_trend(change.change, self._comparison(days), "")
            return
        if change.current == 0 and change.previous == 0:
            missing = self.tr("None in this or the previous %1 days").replace("%1", str(days))
        else:
            missing = self.tr("Nothing to compare with yet")
        tile.set_trend(None, "", missing)

    def _new_in_period(self, count: int, days: int) -> str:
        return (
            self.tr("New in %1 days: %2")
            .replace("%1", str(days))
            .replace("%2", formatting.number(count))
        )

    def _show_tiles(self, data: AnalyticsData) -> None:
        kpis, trend, days = data.kpis, data.trend, data.period
        new_contacts = int(trend.contacts_added.current or 0)
        new_clients = int(trend.new_clients.current or 0)
        tile = self.tiles["contacts"]
        tile.set_value(
            formatting.number(kpis.total_contacts),
            self._new_in_period(new_contacts, days),
        )
        self._set_trend(tile, trend.contacts_added, days)

        tile = self.tiles["clients"]
        tile.set_value(
            formatting.number(kpis.clients),
            self._new_in_period(new_clients, days),
        )
        self._set_trend(tile, trend.new_clients, days)

        tile = self.tiles["response_rate"]
        sent = int(trend.messages_sent.current or 0)
        replied = int(trend.messages_replied.current or 0)
        tile.set_value(
            formatting.percent(trend.response_rate.current),
            self.tr("%1 replies to %2 messages")
            .replace("%1", formatting.number(replied))
            .replace("%2", formatting.number(sent))
            if sent
            else self.tr("No messages sent in %1 days").replace("%1", str(days)),
        )
        self._set_trend(tile, trend.response_rate, days)

        plan = kpis.plan.label
        for key, used, limit, change in (
            ("messages", kpis.messages_this_month, kpis.messages_limit, trend.messages_sent),
            ("prospects", kpis.prospects_this_month, kpis.prospects_limit, trend.prospects_added),
        ):
            tile = self.tiles[key]
            if limit is None:
                detail = self.tr("%1 plan: %2").replace("%1", plan)
                detail = detail.replace("%2", formatting.limit(None))
                tile.set_meter(None)
            else:
                detail = (
                    self.tr("of %1 on the %2 plan")
                    .replace("%1", formatting.limit(limit))
                    .replace("%2", plan)
                )
                tile.set_meter(used / limit if limit else 1.0)
            tile.set_value(formatting.number(used), detail)
            self._set_trend(tile, change, days)

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

    # The charts --------------------------------------------------------------------------

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
                    self.tr("%1, %2: %3 sent")
                    .replace("%1", formatting.day(days[index]))
                    .replace("%2", name)
                    .replace("%3", formatting.number(values[index])),
                    shown,
                )
            )
            series.append(bar_set)
            self._readers[f"messages:{channel.value}"] = lambda bar_set=bar_set: [
                bar_set.at(i) for i in range(bar_set.count())
            ]
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
        category_axis = QBarCategoryAxis()
        category_axis.append(categories)
        style_axis(category_axis, grid=False)
        value_axis = QValueAxis()
        value_axis.setVisible(False)
        chart.addAxis(category_axis, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(value_axis, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(category_axis)
        series.attachAxis(value_axis)
        end_labels = BarEndLabels(
            chart,
            series,
            value_axis,
            [float(stage.reached) for stage in rows],
            [
                self.tr("%1 now · %2 reached")
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
            self._readers[key] = lambda drawn=drawn: [
                s.at(i).y() for s in drawn for i in range(s.count())
            ]
            self._readers[f"{key}:x"] = lambda drawn=drawn: [
                s.at(i).x() for s in drawn for i in range(s.count())
            ]
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
            pie_slice.hovered.connect(
                lambda shown, pie_slice=pie_slice, name=name, count=count: (
                    pie_slice.setExploded(shown),
                    self._tooltip(
                        self.tr("%1: %2 prospects")
                        .replace("%1", name)
                        .replace("%2", formatting.number(count)),
                        shown,
                    ),
                )
            )
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
        hue, saturation, value, _ = base.getHsv()
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
                    self.tr("%1: %2 prospects")
                    .replace("%1", self._sector_name(rows[index][0]))
                    .replace("%2", formatting.number(rows[index][1])),
                    shown,
                )
            )
        chart.addSeries(series)
        categories = [self._sector_name(sector) for sector, _ in rows]
        category_axis = QBarCategoryAxis()
        category_axis.append(categories)
        style_axis(category_axis, grid=False)
        value_axis = QValueAxis()
        value_axis.setVisible(False)
        chart.addAxis(category_axis, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(value_axis, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(category_axis)
        series.attachAxis(value_axis)
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
