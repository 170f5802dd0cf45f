"""The analytics service: the calls screens and commands make, each in its own read."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date, datetime, timedelta, tzinfo

from sqlalchemy import ColumnElement, and_, case, func, literal_column, or_, select

from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.messages import analytics as msg
from localpro_desktop.domain.pipeline import PIPELINE_ORDER, PipelineStatus
from localpro_desktop.domain.plans import PLAN_LIMITS, Metric, month_key
from localpro_desktop.domain.zones import zone_or_utc
from localpro_desktop.services import usage
from localpro_desktop.services.analytics.cohorts import (
    conversions_by_day,
    rates_between,
    sent_cohorts,
)
from localpro_desktop.services.analytics.daily import (
    CLIENT,
    created_per_day,
    message_events,
    no_index,
    sent_per_day,
    status_moves,
)
from localpro_desktop.services.analytics.local_days import Calendar, TextColumn
from localpro_desktop.services.analytics.opt_outs import opt_outs_per_channel
from localpro_desktop.services.analytics.results import (
    OTHER,
    TREND_PERIODS,
    UNSPECIFIED,
    DailyMetrics,
    FunnelStage,
    KpiChange,
    Kpis,
    RatePoint,
    Rates,
    Trend,
    kpi_change,
    ratio,
)
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import Activity, Contact, Prospect

# Ten years: enough for any chart, and a bound on the number of per-day statements.
MAX_DAYS = 3660

# Stages a contact climbs; Inactive is an exit that can happen from any of them.
_PROGRESSION: tuple[PipelineStatus, ...] = tuple(
    s for s in PIPELINE_ORDER if s is not PipelineStatus.INACTIVE
)
_INACTIVE = PipelineStatus.INACTIVE.value


def _rank(column: TextColumn) -> ColumnElement[int]:
    return case({s.value: s.rank for s in _PROGRESSION}, value=column, else_=-1)


def _is_inactive(column: TextColumn) -> ColumnElement[int]:
    return case((column == _INACTIVE, 1), else_=0)


class AnalyticsService:
    """Read-only numbers for screens and commands; every call opens its own read session."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    # -- calendar ------------------------------------------------------------------------

    def zone(self) -> tzinfo:
        return zone_or_utc(self.ws.settings().timezone)

    def today(self) -> date:
        """Today where the user is, which is what "today" on a chart means."""
        return datetime.now(self.zone()).date()

    def day_range(self, days: int = 30, *, end: date | None = None) -> list[date]:
        """The x axis every per-day series of the same arguments is aligned with."""
        return list(self._calendar(days, end).days)

    def _calendar(self, days: int, end: date | None, zone: tzinfo | None = None) -> Calendar:
        if not 1 <= days <= MAX_DAYS:
            raise UserError(msg.PERIOD, max=MAX_DAYS, days=days)
        zone = zone or self.zone()
        last = end or datetime.now(zone).date()
        return Calendar.build(zone, last - timedelta(days=days - 1), days)

    # -- series --------------------------------------------------------------------------

    def daily_metrics(self, days: int = 30, *, end: date | None = None) -> list[DailyMetrics]:
        """One row per day, zeros included, so a chart never skips a quiet day."""
        cal = self._calendar(days, end)
        with self.ws.read() as session:
            prospects = created_per_day(session, cal, Prospect)
            contacts = created_per_day(session, cal, Contact)
            sent = sent_per_day(session, cal)
            events = message_events(session, cal)
            moves, clients = status_moves(session, cal)
        return [
            DailyMetrics(
                day=key,
                prospects_added=prospects[i],
                contacts_added=contacts[i],
                messages_sent=sent[i],
                messages_delivered=events["delivered"][i],
                messages_opened=events["opened"][i],
                messages_replied=events["replied"][i],
                messages_failed=events["failed"][i],
                status_moves=moves[i],
                new_clients=clients[i],
            )
            for i, key in enumerate(cal.keys)
        ]

    def messages_by_channel(
        self, days: int = 30, *, end: date | None = None
    ) -> dict[Channel, list[int]]:
        """Messages sent per day for every channel (zeros included), aligned with
        ``day_range``; a campaign's channel decides where its messages count."""
        cal = self._calendar(days, end)
        with self.ws.read() as session:
            _, channels = sent_cohorts(session, cal)
        return {channel: cohort.sent for channel, cohort in channels.items()}

    def rates(self, days: int = 30, *, end: date | None = None) -> Rates:
        """Response, open, delivery and conversion rates; see ``Rates`` for definitions."""
        cal = self._calendar(days, end)
        with self.ws.read() as session:
            overall, channels = sent_cohorts(session, cal)
            conversions = conversions_by_day(session, cal)
        return rates_between(cal, overall, channels, conversions, 0, cal.size - 1)

    def opt_outs(self, days: int = 30, *, end: date | None = None) -> dict[Channel, int]:
        """People who opted out of each channel on the local days of the range (STOP, an
        unsubscribe link, WhatsApp's "stop promotions"), and have not opted back in."""
        cal = self._calendar(days, end)
        with self.ws.read() as session:
            return opt_outs_per_channel(session, cal)

    def rate_trend(
        self, days: int = 30, *, end: date | None = None, window: int = 7
    ) -> list[RatePoint]:
        """Rolling rates per day: a single day has too few messages for a readable line.

        The point for day D uses the ``window`` days ending on D with the rules of
        ``Rates``, so the first point already has a full window behind it.
        """
        if window < 1:
            raise UserError(msg.WINDOW, window=window)
        cal = self._calendar(days + window - 1, end)
        with self.ws.read() as session:
            overall, _ = sent_cohorts(session, cal)
            conversions = conversions_by_day(session, cal)
        points = []
        for last in range(window - 1, cal.size):
            first = last - window + 1
            sent, _, _, replied = overall.totals(first, last)
            added, converted = conversions.window(first, last)
            points.append(
                RatePoint(
                    day=cal.days[last].isoformat(),
                    sent=sent,
                    replied=replied,
                    contacts_added=added,
                    converted=converted,
                    response_rate=ratio(replied, sent),
                    conversion_rate=ratio(converted, added),
                )
            )
        return points

    # -- pipeline and prospect mix -------------------------------------------------------

    def funnel(self) -> list[FunnelStage]:
        """Stages in ``PIPELINE_ORDER``; see ``FunnelStage`` for what "reached" means."""
        c, a = Contact, Activity
        per_contact = (
            select(
                c.status.label("status"),
                func.max(_rank(c.status)).label("now"),
                func.max(_rank(a.new_status)).label("to"),
                func.max(_rank(a.old_status)).label("from_"),
                func.max(
                    _is_inactive(c.status) + _is_inactive(a.new_status) + _is_inactive(a.old_status)
                ).label("inactive"),
            )
            .select_from(c)
            .outerjoin(
                a,
                and_(
                    a.contact_id == c.id,
                    a.deleted_at.is_(None),
                    or_(a.new_status.is_not(None), a.old_status.is_not(None)),
                ),
            )
            .where(c.deleted_at.is_(None))
            .group_by(c.id)
            .subquery()
        )
        # Scalar max(): the best of now/to/from, never below New (every contact entered).
        none: ColumnElement[int] = literal_column("-1")
        new: ColumnElement[int] = literal_column("0")
        best = func.max(
            func.coalesce(per_contact.c.now, none),
            func.coalesce(per_contact.c.to, none),
            func.coalesce(per_contact.c.from_, none),
            new,
        )
        with self.ws.read() as session:
            rows = session.execute(
                select(
                    per_contact.c.status,
                    best,
                    func.count(),
                    func.sum(case((per_contact.c.inactive > 0, 1), else_=0)),
                ).group_by(per_contact.c.status, best)
            ).all()
        now: Counter[str] = Counter()
        best_counts: Counter[int] = Counter()
        ever_inactive = total = 0
        for status, best_rank, count, inactive in rows:
            now[status] += int(count)
            best_counts[int(best_rank)] += int(count)
            ever_inactive += int(inactive or 0)
            total += int(count)
        stages = []
        for status in PIPELINE_ORDER:
            if status is PipelineStatus.INACTIVE:
                reached = ever_inactive
            else:
                reached = sum(n for rank, n in best_counts.items() if rank >= status.rank)
            stages.append(FunnelStage(status, now[status.value], reached, ratio(reached, total)))
        return stages

    def prospects_by_source(self) -> dict[str, int]:
        """Live prospects per source, largest first (ties by name, for stable charts)."""
        p = Prospect
        with self.ws.read() as session:
            rows = session.execute(
                select(p.source, func.count())
                .where(no_index(p.deleted_at).is_(None))
                .group_by(p.source)
            ).all()
        counts: Counter[str] = Counter()
        for source, count in rows:
            counts[(source or "").strip() or UNSPECIFIED] += int(count)
        return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))

    def prospects_by_sector(self, limit: int = 10) -> list[tuple[str, int]]:
        """The ``limit`` largest sectors, then everything else as ``OTHER``.

        Sectors are free text, so "Bakery" and "bakery " are one sector, shown with its
        most common spelling. SQL groups by the raw text (a few hundred distinct values
        at most) and Python folds case, which SQLite's ASCII-only lower() gets wrong for
        "Épicerie". A blank sector is ``UNSPECIFIED``; a sector literally called "other"
        joins ``OTHER``.
        """
        if limit < 0:
            raise UserError(msg.NEGATIVE_SECTORS, limit=limit)
        p = Prospect
        # +sector: walking ix_prospects_search (sector first) for GROUP BY order reads the
        # table in random order; one sequential scan and a sort is three times faster.
        sector = no_index(p.sector)
        with self.ws.read() as session:
            rows = session.execute(
                select(sector, func.count())
                .where(no_index(p.deleted_at).is_(None))
                .group_by(sector)
            ).all()
        totals: Counter[str] = Counter()
        spellings: dict[str, Counter[str]] = {}
        for sector, count in rows:
            label = (sector or "").strip() or UNSPECIFIED
            key = label.casefold()
            totals[key] += int(count)
            spellings.setdefault(key, Counter())[label] += int(count)
        rest = totals.pop(OTHER, 0)
        spellings.pop(OTHER, None)
        ranked = sorted(totals.items(), key=lambda item: (-item[1], item[0]))
        top = [
            (min(spellings[key].items(), key=lambda s: (-s[1], s[0]))[0], count)
            for key, count in ranked[:limit]
        ]
        rest += sum(count for _, count in ranked[limit:])
        if rest:
            top.append((OTHER, rest))
        return top

    # -- comparisons and headline numbers ------------------------------------------------

    def trends(self, days: int = 30, *, end: date | None = None) -> Trend:
        """Each KPI over the last ``days`` days against the ``days`` days before them."""
        if days not in TREND_PERIODS:
            periods = ", ".join(str(p) for p in TREND_PERIODS)
            raise UserError(msg.TREND_PERIODS, periods=periods, days=days)
        cal = self._calendar(2 * days, end)
        with self.ws.read() as session:
            prospects = created_per_day(session, cal, Prospect)
            contacts = created_per_day(session, cal, Contact)
            moves, clients = status_moves(session, cal)
            overall, channels = sent_cohorts(session, cal)
            conversions = conversions_by_day(session, cal)
        prev = rates_between(cal, overall, channels, conversions, 0, days - 1)
        cur = rates_between(cal, overall, channels, conversions, days, 2 * days - 1)

        def compare(series: Sequence[int]) -> KpiChange:
            return kpi_change(sum(series[days:]), sum(series[:days]))

        return Trend(
            days=days,
            current_start=cur.start,
            current_end=cur.end,
            previous_start=prev.start,
            previous_end=prev.end,
            prospects_added=compare(prospects),
            contacts_added=compare(contacts),
            messages_sent=compare(overall.sent),
            messages_replied=kpi_change(cur.replied, prev.replied),
            status_moves=compare(moves),
            new_clients=compare(clients),
            response_rate=kpi_change(cur.response_rate, prev.response_rate),
            conversion_rate=kpi_change(cur.conversion_rate, prev.conversion_rate),
        )

    def kpis(self, today: date | None = None) -> Kpis:
        """Headline numbers for the dashboard.

        The 30-day response rate ends on the user's local today. Plan usage is read from
        the month key the limit check writes to (``usage.today_utc``), so the meter shows
        exactly what will block the user; pass ``today`` to pin both to one date.
        """
        settings = self.ws.settings()
        zone = zone_or_utc(settings.timezone)
        local_today = today or datetime.now(zone).date()
        usage_day = today or usage.today_utc()
        cal = self._calendar(30, local_today, zone)
        with self.ws.read() as session:
            total_contacts, clients = session.execute(
                select(
                    func.count(), func.coalesce(func.sum(case((Contact.status == CLIENT, 1))), 0)
                ).where(Contact.deleted_at.is_(None))
            ).one()
            prospects = session.scalar(
                select(func.count()).select_from(Prospect).where(Prospect.deleted_at.is_(None))
            )
            messages_used = usage.used_this_month(session, Metric.MESSAGES, usage_day)
            prospects_used = usage.used_this_month(session, Metric.PROSPECTS, usage_day)
            overall, _ = sent_cohorts(session, cal)
        sent, _, _, replied = overall.totals(0, cal.size - 1)
        limits = PLAN_LIMITS[settings.plan]
        return Kpis(
            today=local_today.isoformat(),
            month=month_key(usage_day),
            plan=settings.plan,
            total_contacts=int(total_contacts),
            clients=int(clients),
            total_prospects=int(prospects or 0),
            response_rate_30d=ratio(replied, sent),
            messages_this_month=messages_used,
            messages_limit=limits[Metric.MESSAGES],
            prospects_this_month=prospects_used,
            prospects_limit=limits[Metric.PROSPECTS],
        )
