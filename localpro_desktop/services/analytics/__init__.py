"""Analytics for dashboards and commands: daily series, rates, funnel, trends and KPIs.

Every number is an SQL aggregate over live rows. Tombstoned rows never count, and neither
do the messages and timeline entries of a tombstoned contact or campaign: the user deleted
them, so charts must not keep showing them. Loading rows into Python would not survive
100,000 prospects and 200,000 recipients on a modest laptop.

Days are calendar days in the workspace's time zone while timestamps are stored as naive
UTC, so a message sent at 22:30 UTC on the 1st was sent on the 2nd in Nairobi. SQLite has
no time zones, so Python works out where each local day starts in UTC and the zone's
offset over the range (one constant for every African zone except Africa/Casablanca; a
few pieces split at each DST change otherwise). SQL then either counts each day as a
range of an indexed timestamp, or, where the table has to be scanned anyway, shifts each
timestamp by its piece's offset and groups by the resulting day.

Results are frozen dataclasses whose ``dataclasses.asdict`` passes ``json.dumps``: days
are ISO strings (``YYYY-MM-DD``) and enums are ``StrEnum`` values.

The package: ``results`` (what the calls return), ``local_days`` (the calendar and its SQL),
``daily`` (per-day counts), ``cohorts`` (rates from messages by sent day and contacts by
day added) and ``service`` (``AnalyticsService``, the calls themselves).
"""

from localpro_desktop.services.analytics.results import (
    OTHER,
    TREND_PERIODS,
    UNSPECIFIED,
    ChannelRates,
    DailyMetrics,
    FunnelStage,
    KpiChange,
    Kpis,
    RatePoint,
    Rates,
    Trend,
    ratio,
)
from localpro_desktop.services.analytics.service import MAX_DAYS, AnalyticsService

__all__ = [
    "MAX_DAYS",
    "OTHER",
    "TREND_PERIODS",
    "UNSPECIFIED",
    "AnalyticsService",
    "ChannelRates",
    "DailyMetrics",
    "FunnelStage",
    "KpiChange",
    "Kpis",
    "RatePoint",
    "Rates",
    "Trend",
    "ratio",
]
