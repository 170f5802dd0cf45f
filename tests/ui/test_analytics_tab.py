"""The Analytics tab draws exactly what AnalyticsService computes, and keeps up with changes.

Values are read back from the QtCharts objects themselves (QBarSet, QLineSeries,
QPieSeries), not from the data the tab was given, so a chart that drops, reorders or
rescales a series fails here.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarSet,
    QCategoryAxis,
    QLineSeries,
    QPieSeries,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF

from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.domain.changes import ChangeSet
from localpro_desktop.domain.pipeline import PIPELINE_ORDER, PipelineStatus
from localpro_desktop.domain.plans import Plan
from localpro_desktop.paths import WorkspacePaths
from localpro_desktop.services.analytics import OTHER, AnalyticsService
from localpro_desktop.services.contacts import ContactService
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.ui import formatting, labels
from localpro_desktop.ui.analytics import chart_grid
from localpro_desktop.ui.analytics import tab as tab_module
from localpro_desktop.ui.analytics.tab import AnalyticsTab
from localpro_desktop.ui.context import UiContext


def _open(qtbot, ctx: UiContext) -> AnalyticsTab:  # type: ignore[no-untyped-def]
    widget = AnalyticsTab(ctx)
    qtbot.addWidget(widget)
    widget.resize(1346, 690)  # the tab's share of a 1366×768 window
    widget.show()
    qtbot.waitUntil(widget.is_ready, timeout=15_000)
    return widget


@pytest.fixture
def tab(ui_ctx: UiContext, qtbot) -> Iterator[AnalyticsTab]:  # type: ignore[no-untyped-def]
    # ui_ctx first: it is torn down last, after qtbot has closed the widget.
    yield _open(qtbot, ui_ctx)


@pytest.fixture
def service(ui_ctx: UiContext) -> AnalyticsService:
    return AnalyticsService(ui_ctx.ws)


def _set_values(bar_set: QBarSet) -> list[float]:
    return [bar_set.at(i) for i in range(bar_set.count())]


def _bar_sets(tab: AnalyticsTab, chart: str) -> dict[str, QBarSet]:
    series = [s for s in tab.chart(chart).series() if isinstance(s, QAbstractBarSeries)]
    assert len(series) == 1
    return {bar_set.label(): bar_set for bar_set in series[0].barSets()}


def _line_points(tab: AnalyticsTab, name: str) -> list[tuple[float, float]]:
    """Every point of a rate, over the runs it is drawn in (gaps split the line)."""
    runs = [s for s in tab.chart("rates").series() if isinstance(s, QLineSeries)]
    return [(s.at(i).x(), s.at(i).y()) for s in runs if s.name() == name for i in range(s.count())]


def _wait_period(qtbot, tab: AnalyticsTab, days: int) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: tab.data is not None and tab.data.period == days, timeout=15_000)


# -- the charts show the service's numbers --------------------------------------------------


def test_messages_per_day_match_the_service_for_30_days(
    tab: AnalyticsTab, service: AnalyticsService
) -> None:
    expected = service.messages_by_channel(30)
    assert sum(map(sum, expected.values())) > 0, "the demo should have messages to chart"
    sets = _bar_sets(tab, "messages")
    for channel in Channel:
        drawn = _set_values(sets[labels.channel(channel)])
        assert drawn == [float(v) for v in expected[channel]], channel
        assert tab.series_values(f"messages:{channel.value}") == drawn
    assert tab.categories("messages") == [formatting.day(d) for d in service.day_range(30)]


def test_funnel_shows_every_stage_in_pipeline_order(
    tab: AnalyticsTab, service: AnalyticsService
) -> None:
    stages = service.funnel()
    assert [s.status for s in stages] == list(PIPELINE_ORDER)
    assert tab.series_values("funnel") == [float(s.count) for s in stages]
    assert tab.series_values("funnel_reached") == [float(s.reached) for s in stages]
    assert tab.categories("funnel") == [labels.status(s.status) for s in stages]
    # The text beside each bar gives the count now and the share that reached the stage.
    for text, stage in zip(tab.categories("funnel_labels"), stages, strict=True):
        assert formatting.number(stage.count) in text
        assert formatting.percent(stage.share) in text
    # Read the stacked sets directly: each stage's solid set holds its count on its row only.
    sets = [s for s in _bar_sets_all(tab, "funnel") if s.color().alpha() == 255]
    assert sorted(sum(_set_values(s)) for s in sets) == sorted(float(s.count) for s in stages)


def _bar_sets_all(tab: AnalyticsTab, chart: str) -> list[QBarSet]:
    series = [s for s in tab.chart(chart).series() if isinstance(s, QAbstractBarSeries)]
    return [bar_set for s in series for bar_set in s.barSets()]


def test_sectors_are_the_top_ten_then_other(tab: AnalyticsTab, service: AnalyticsService) -> None:
    expected = service.prospects_by_sector(10)
    assert expected[-1][0] == OTHER and len(expected) == 11
    assert tab.series_values("sectors") == [float(count) for _, count in expected]
    named = [labels.sector(sector, "en") for sector, _ in expected[:-1]]
    assert tab.categories("sectors") == [*named, "Other sectors"]
    # Largest on top: QtCharts draws row 0 at the bottom, so the sets hold the reverse.
    sets = _bar_sets_all(tab, "sectors")
    drawn = [sum(column) for column in zip(*map(_set_values, sets), strict=True)]
    assert drawn == [float(count) for _, count in reversed(expected)]


def test_sources_pie_matches_the_service(tab: AnalyticsTab, service: AnalyticsService) -> None:
    expected = service.prospects_by_source()
    (pie,) = [s for s in tab.chart("sources").series() if isinstance(s, QPieSeries)]
    assert [s.value() for s in pie.slices()] == [float(v) for v in expected.values()]
    assert tab.series_values("sources") == [float(v) for v in expected.values()]


def test_rate_lines_are_the_rolling_rates_of_the_service(
    tab: AnalyticsTab, service: AnalyticsService
) -> None:
    points = service.rate_trend(30, window=7)
    for key, name in (("response_rate", "Response rate"), ("conversion_rate", "Conversion rate")):
        expected = [
            (float(i), getattr(p, key)) for i, p in enumerate(points) if getattr(p, key) is not None
        ]
        assert expected, f"the demo should have some {key} points"
        assert _line_points(tab, name) == expected
        assert tab.series_values(key) == [y for _, y in expected]
    # The rate axis is in percent, in the user's format.
    axis = tab.chart("rates").axes(Qt.Orientation.Vertical)[0]
    assert isinstance(axis, QCategoryAxis)
    assert all(label.endswith("%") for label in axis.categoriesLabels())


class _ToolTips:
    """Stands in for QToolTip: the offscreen platform cannot raise a real tooltip window."""

    def __init__(self) -> None:
        self.text = ""

    def showText(self, _pos: object, text: str, _widget: object = None) -> None:
        self.text = text

    def hideText(self) -> None:
        self.text = ""


def test_hovering_a_bar_or_slice_explains_it(
    tab: AnalyticsTab, service: AnalyticsService, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    tips = _ToolTips()
    monkeypatch.setattr(chart_grid, "QToolTip", tips)

    whatsapp = _bar_sets(tab, "messages")["WhatsApp"]
    busiest = max(range(whatsapp.count()), key=whatsapp.at)
    whatsapp.hovered.emit(True, busiest)
    day = service.day_range(30)[busiest]
    assert tips.text == f"{formatting.day(day)}, WhatsApp: {int(whatsapp.at(busiest))} sent"
    whatsapp.hovered.emit(False, busiest)
    assert tips.text == ""

    stage = service.funnel()[PipelineStatus.CONTACTED.rank]
    funnel_sets = [s for s in _bar_sets_all(tab, "funnel") if s.label() == "Contacted"]
    funnel_sets[0].hovered.emit(True, 0)
    assert tips.text.startswith(f"Contacted: {stage.count} now; {stage.reached} (")

    sector_sets = _bar_sets_all(tab, "sectors")
    top = service.prospects_by_sector(10)[0]
    sector_sets[0].hovered.emit(True, sector_sets[0].count() - 1)
    assert tips.text == f"{labels.sector(top[0], 'en')}: {top[1]} prospects"

    (pie,) = [s for s in tab.chart("sources").series() if isinstance(s, QPieSeries)]
    pie.slices()[0].hovered.emit(True)
    assert pie.slices()[0].isExploded() and tips.text.endswith("prospects")
    pie.slices()[0].hovered.emit(False)
    assert not pie.slices()[0].isExploded()

    line = next(
        s
        for s in tab.chart("rates").series()
        if isinstance(s, QLineSeries) and s.name() == "Response rate" and s.count()
    )
    point = line.at(0)
    line.hovered.emit(point, True)
    expected = service.rate_trend(30)[int(point.x())].response_rate
    assert tips.text.endswith(f"Response rate: {formatting.percent(expected)}")


def test_runs_split_at_days_without_a_value() -> None:
    points = [(0, None), (1, 0.5), (2, 0.25), (3, None), (4, None), (5, 0.0), (6, None)]
    assert chart_grid._runs(points) == [[(1, 0.5), (2, 0.25)], [(5, 0.0)]]
    assert chart_grid._runs([(0, None)]) == []


def test_days_without_a_rate_break_the_line(tab: AnalyticsTab, qtbot) -> None:  # type: ignore[no-untyped-def]
    tab.set_period(90)
    _wait_period(qtbot, tab, 90)
    assert tab.data is not None
    rates = [p.response_rate for p in tab.data.rate_trend]
    starts = sum(
        1 for i, rate in enumerate(rates) if rate is not None and (i == 0 or rates[i - 1] is None)
    )
    runs = [
        s
        for s in tab.chart("rates").series()
        if isinstance(s, QLineSeries) and s.name() == "Response rate"
    ]
    assert len(runs) == starts
    # One legend entry per rate however many runs draw it.
    legend = tab.chart("rates").legend()
    visible = [m.label() for m in legend.markers() if m.isVisible()]
    assert visible.count("Response rate") == 1


# -- the range selector -----------------------------------------------------------------------


def test_switching_range_redraws_with_as_many_points_as_days(
    tab: AnalyticsTab, service: AnalyticsService, qtbot
) -> None:  # type: ignore[no-untyped-def]
    assert tab.period == 30 and tab.range_buttons[30].isChecked()
    for days in (7, 90):
        qtbot.mouseClick(tab.range_buttons[days], Qt.MouseButton.LeftButton)
        _wait_period(qtbot, tab, days)
        assert tab.range_buttons[days].isChecked() and not tab.range_buttons[30].isChecked()
        expected = service.messages_by_channel(days)
        for channel in Channel:
            values = tab.series_values(f"messages:{channel.value}")
            assert len(values) == days
            assert values == [float(v) for v in expected[channel]]
        xs = tab.series_values("response_rate:x") + tab.series_values("conversion_rate:x")
        assert xs and max(xs) <= days - 1
        assert len(tab.categories("messages")) == days
        if service.trends(days).contacts_added.change is not None:
            assert tab.tiles["contacts"].trend_text.endswith(f"vs previous {days} days")


def test_quick_range_clicks_never_draw_a_stale_range(tab: AnalyticsTab, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    drawn: list[tuple[int, int]] = []
    real_show = tab._show

    def spy(data):  # type: ignore[no-untyped-def]
        drawn.append((data.period, tab.period))
        real_show(data)

    monkeypatch.setattr(tab, "_show", spy)
    tab.set_period(7)
    tab.set_period(90)  # while the 7-day figures are still being computed
    _wait_period(qtbot, tab, 90)
    assert drawn and all(period == shown for period, shown in drawn), drawn
    assert len(tab.series_values("messages:sms")) == 90


def test_day_labels_never_overlap(tab: AnalyticsTab, qtbot) -> None:  # type: ignore[no-untyped-def]
    for days in (30, 90):
        tab.set_period(days)
        _wait_period(qtbot, tab, days)
        for chart_name in ("messages", "rates"):
            chart = tab.chart(chart_name)
            qtbot.waitUntil(lambda chart=chart: chart.plotArea().width() > 100)
            axis = chart.axes(Qt.Orientation.Horizontal)[0]
            assert isinstance(axis, QCategoryAxis)
            shown = axis.categoriesLabels()
            metrics = QFontMetricsF(axis.labelsFont())
            needed = sum(metrics.horizontalAdvance(text) for text in shown)
            assert needed < chart.plotArea().width(), (chart_name, days, shown)
            # Today is always labelled, so the user can read the right edge.
            assert shown[-1] == tab.categories("messages")[-1]
            if days == 90:
                assert len(shown) < 30


# -- KPI tiles --------------------------------------------------------------------------------


def test_kpi_tiles_show_kpis(tab: AnalyticsTab, service: AnalyticsService) -> None:
    kpis = service.kpis()
    tiles = tab.tiles
    assert tiles["contacts"].value_label.text() == formatting.number(kpis.total_contacts)
    assert tiles["clients"].value_label.text() == formatting.number(kpis.clients)
    assert tiles["response_rate"].value_label.text() == formatting.percent(kpis.response_rate_30d)
    assert tiles["messages"].value_label.text() == formatting.number(kpis.messages_this_month)
    assert tiles["prospects"].value_label.text() == formatting.number(kpis.prospects_this_month)
    assert kpis.messages_limit is not None and kpis.prospects_limit is not None
    assert formatting.number(kpis.messages_limit) in tiles["messages"].detail_label.text()
    assert formatting.number(kpis.prospects_limit) in tiles["prospects"].detail_label.text()
    meter = tiles["messages"].meter
    assert not meter.isHidden()
    assert meter.value() == round(kpis.messages_this_month / kpis.messages_limit * 1000)
    # Trends: an arrow and the share, as trends(30) computes them.
    change = service.trends(30).contacts_added.change
    assert change is not None
    arrow = "▲" if change > 0 else "▼"
    assert tiles["contacts"].trend_text == (
        f"{arrow} {formatting.percent(abs(change))} vs previous 30 days"
    )


def test_enterprise_plan_is_unlimited(tab: AnalyticsTab, ui_ctx: UiContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    ui_ctx.ws.update_settings(plan=Plan.ENTERPRISE)
    tile = tab.tiles["messages"]
    qtbot.waitUntil(lambda: "unlimited" in tile.detail_label.text(), timeout=15_000)
    assert tile.meter.isHidden()
    assert "Enterprise" in tile.detail_label.text()


# -- refreshing -------------------------------------------------------------------------------


def test_a_burst_of_changes_refreshes_the_funnel_once(
    tab: AnalyticsTab, ui_ctx: UiContext, qtbot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    calls: list[int] = []
    real = tab_module.load_analytics

    def counting(ws: Workspace, period: int):  # type: ignore[no-untyped-def]
        calls.append(period)
        return real(ws, period)

    monkeypatch.setattr(tab_module, "load_analytics", counting)
    contacts = ContactService(ui_ctx.ws)
    new = [c.id for c in contacts.board()[0].contacts[:3]]
    assert len(new) == 3
    clients_before = tab.series_values("funnel")[PipelineStatus.CLIENT.rank]
    for contact_id in new:  # spread over 0.5 s, like an import committing in batches
        contacts.move(contact_id, PipelineStatus.CLIENT)
        qtbot.wait(250)
    qtbot.waitUntil(
        lambda: tab.series_values("funnel")[PipelineStatus.CLIENT.rank] == clients_before + 3,
        timeout=15_000,
    )
    assert calls == [30], "three commits in a row should give a single reload"
    assert tab.series_values("funnel") == [
        float(s.count) for s in AnalyticsService(ui_ctx.ws).funnel()
    ]
    assert tab.tiles["clients"].value_label.text() == formatting.number(
        AnalyticsService(ui_ctx.ws).kpis().clients
    )


def test_unrelated_or_own_changes_do_not_reload(
    tab: AnalyticsTab, ui_ctx: UiContext, qtbot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    calls: list[int] = []
    real = tab_module.load_analytics

    def counting(ws: Workspace, period: int):  # type: ignore[no-untyped-def]
        calls.append(period)
        return real(ws, period)

    monkeypatch.setattr(tab_module, "load_analytics", counting)
    ui_ctx.bridge.sig_changed.emit(ChangeSet(ids={"segments": {"s1"}}))
    ui_ctx.bridge.sig_changed.emit(ChangeSet(ids={"contacts": {"c1"}}, initiator=tab))
    qtbot.wait(tab_module.REFRESH_DELAY_MS + 300)
    assert calls == []
    ui_ctx.bridge.sig_changed.emit(ChangeSet(ids={"usage_events": set()}))
    # 15 s: on a CI box busy with the other half of the suite the reload once took over 5 s.
    qtbot.waitUntil(lambda: calls == [30], timeout=15_000)


def test_a_hidden_tab_reloads_when_shown_again(tab: AnalyticsTab, ui_ctx: UiContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    tab.hide()
    contacts = ContactService(ui_ctx.ws)
    contact_id = contacts.board()[0].contacts[0].id
    before = tab.series_values("funnel")[PipelineStatus.CLIENT.rank]
    contacts.move(contact_id, PipelineStatus.CLIENT)
    qtbot.wait(tab_module.REFRESH_DELAY_MS + 300)
    assert tab.series_values("funnel")[PipelineStatus.CLIENT.rank] == before
    tab.show()
    qtbot.waitUntil(
        lambda: tab.series_values("funnel")[PipelineStatus.CLIENT.rank] == before + 1,
        timeout=15_000,
    )


def test_closing_the_tab_while_it_loads_is_harmless(ui_ctx: UiContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    widget = AnalyticsTab(ui_ctx)
    widget.set_period(90)  # a second load queued behind the first
    widget.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(widget))
    assert ui_ctx.runner.wait(15_000)
    qtbot.wait(200)  # the results arrive for a widget that is gone: nothing may raise


def test_a_failed_load_is_reported(ui_ctx: UiContext, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def broken(ws: Workspace, period: int) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(tab_module, "load_analytics", broken)
    widget = _open(qtbot, ui_ctx)
    assert "disk on fire" in widget.status_label.text()


# -- empty workspace --------------------------------------------------------------------------


def test_empty_workspace_says_what_to_do(qapp, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from localpro_desktop.ui.app import build_context

    paths = WorkspacePaths(tmp_path / "empty").ensure()
    ws = Workspace.open(paths, daily_backup=False)
    ctx = build_context(ws, paths, "en")
    try:
        widget = _open(qtbot, ctx)
        assert widget.pages.currentIndex() == 1
        assert "Import prospects or load demo data" in widget.empty_hint.text()
        assert widget.empty_hint.isVisible()
        widget.close()
    finally:
        ctx.runner.wait(30_000)
        ctx.bridge.close()
        ws.close()
