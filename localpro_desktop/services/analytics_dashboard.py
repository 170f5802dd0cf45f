"""The Analytics screen's read model: every figure of one refresh, computed in one call.

A screen asks for all of it at once so its database worker runs one job per refresh, and
every chart and tile of a refresh describes the same moment.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.services.analytics import (
    TREND_PERIODS,
    AnalyticsService,
    ChannelRates,
    FunnelStage,
    Kpis,
    RatePoint,
    Trend,
)
from localpro_desktop.services.workspace import Workspace

RANGES: tuple[int, ...] = TREND_PERIODS
"""The periods the range selector offers (the ones ``AnalyticsService.trends`` compares)."""
SECTOR_LIMIT = 10
RATE_WINDOW = 7


@dataclass(frozen=True)
class AnalyticsData:
    """One refresh of the dashboard; per-day lists are aligned with ``days``."""

    period: int
    days: list[date]
    messages: dict[Channel, list[int]]
    rate_trend: list[RatePoint]
    funnel: list[FunnelStage]
    sources: dict[str, int]
    sectors: list[tuple[str, int]]
    trend: Trend
    kpis: Kpis
    channels: dict[Channel, ChannelRates] = field(default_factory=dict)
    """Per channel, the messages sent in the period and what became of them (delivered,
    opened, replied: the recipients' receipts); the response rate is replied ÷ sent."""
    opt_outs: dict[Channel, int] = field(default_factory=dict)
    """Per channel, the people who opted out in the period (and are still out)."""

    @property
    def empty(self) -> bool:
        """Nothing imported or entered yet: a screen shows a hint instead of blank charts."""
        return self.kpis.total_prospects == 0 and self.kpis.total_contacts == 0


def load_analytics(ws: Workspace, period: int) -> AnalyticsData:
    """Every figure for the last ``period`` days (one of ``RANGES``)."""
    service = AnalyticsService(ws)
    return AnalyticsData(
        period=period,
        days=service.day_range(period),
        messages=service.messages_by_channel(period),
        rate_trend=service.rate_trend(period, window=RATE_WINDOW),
        funnel=service.funnel(),
        sources=service.prospects_by_source(),
        sectors=service.prospects_by_sector(SECTOR_LIMIT),
        trend=service.trends(period),
        kpis=service.kpis(),
        channels=service.rates(period).by_channel,
        opt_outs=service.opt_outs(period),
    )
