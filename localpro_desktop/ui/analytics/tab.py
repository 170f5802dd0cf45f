"""The Analytics tab: how the business is doing over the last 7, 30 or 90 days.

One background task computes every figure (``services.analytics_dashboard.load_analytics``)
and the tiles and charts (``chart_grid.py``) are then drawn on the UI thread in one go, so
a refresh never shows half old, half new numbers. Changes elsewhere in the app refresh the
tab after a short pause, because an import or a campaign send commits many times in a row
and one reload is enough.
"""

from __future__ import annotations

from PySide6.QtCharts import QChart
from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from localpro_desktop.services.analytics import KpiChange
from localpro_desktop.services.analytics_dashboard import RANGES, AnalyticsData, load_analytics
from localpro_desktop.ui import formatting
from localpro_desktop.ui.analytics.chart_grid import ChartGrid
from localpro_desktop.ui.changes import concerns
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.style import ERROR_COLOR, MUTED_COLOR
from localpro_desktop.ui.widgets import KpiTile
from localpro_protocol.wire import Table

WATCHED_TABLES: tuple[str, ...] = (
    Table.PROSPECTS,
    Table.CONTACTS,
    Table.ACTIVITIES,
    Table.CAMPAIGN_RECIPIENTS,
    Table.CAMPAIGNS,
    Table.CONTACT_OPT_OUTS,
    Table.USAGE_EVENTS,
    # The plan sets the meters' limits and the time zone decides what "today" is.
    Table.WORKSPACE_SETTINGS,
)
REFRESH_DELAY_MS = 1000
DEFAULT_RANGE = 30

_TAB_STYLE = """
QFrame#chartCard {
    background: palette(base);
    border: 1px solid palette(midlight);
    border-radius: 6px;
}
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
            "contacts": KpiTile(self.tr("Contacts"), meter=True, trend=True),
            "clients": KpiTile(self.tr("Clients"), meter=True, trend=True),
            "response_rate": KpiTile(self.tr("Response rate"), meter=True, trend=True),
            "messages": KpiTile(self.tr("Messages this month"), meter=True, trend=True),
            "prospects": KpiTile(self.tr("Prospects this month"), meter=True, trend=True),
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

        self.charts = ChartGrid(self.ctx)
        self.cards = self.charts.cards

        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(tiles)
        layout.addWidget(self.charts, 1)
        # A short window (1024×600) scrolls the dashboard rather than squash the charts.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(page)
        self.scroll_area = scroll
        return scroll

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
            self._show_tiles(data)
            self.charts.draw(data)
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

    def _replies(self, replied: int, sent: int) -> str:
        """ "%1 replies to %2 messages", agreeing with both numbers in either language."""
        if sent == 1:
            text = formatting.plural(
                replied, self.tr("1 reply to 1 message"), self.tr("%1 replies to 1 message")
            )
        else:
            text = formatting.plural(
                replied, self.tr("1 reply to %2 messages"), self.tr("%1 replies to %2 messages")
            )
        return text.replace("%1", formatting.number(replied)).replace("%2", formatting.number(sent))

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
            self._replies(replied, sent)
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

    # -- for tests ------------------------------------------------------------------------

    def notes(self) -> dict[str, str]:
        """Sentences shown on charts with nothing to plot in the range, by chart name."""
        return self.charts.notes()

    def series_names(self) -> list[str]:
        return self.charts.series_names()

    def series_values(self, name: str) -> list[float]:
        """Values read back from the drawn chart series (see ``ChartGrid.series_values``)."""
        return self.charts.series_values(name)

    def categories(self, name: str) -> list[str]:
        return self.charts.categories(name)

    def chart(self, name: str) -> QChart:
        return self.charts.chart(name)
