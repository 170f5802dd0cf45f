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
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import (
    ColumnElement,
    DateTime,
    Integer,
    Select,
    String,
    and_,
    bindparam,
    case,
    cast,
    func,
    literal_column,
    or_,
    select,
)
from sqlalchemy.orm import InstrumentedAttribute, Session
from sqlalchemy.sql import operators
from sqlalchemy.sql.elements import UnaryExpression
from sqlalchemy.sql.expression import ColumnClause

from localpro_desktop.domain.activities import ActivityKind
from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.messages import analytics as msg
from localpro_desktop.domain.pipeline import PIPELINE_ORDER, PipelineStatus
from localpro_desktop.domain.plans import PLAN_LIMITS, Metric, Plan, month_key
from localpro_desktop.services import usage
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import (
    Activity,
    Campaign,
    CampaignRecipient,
    Contact,
    Prospect,
)

TREND_PERIODS: tuple[int, ...] = (7, 30, 90)
# Ten years: enough for any chart, and a bound on the number of per-day statements.
MAX_DAYS = 3660
OTHER = "other"
UNSPECIFIED = "unspecified"

# Stages a contact climbs; Inactive is an exit that can happen from any of them.
_PROGRESSION: tuple[PipelineStatus, ...] = tuple(
    s for s in PIPELINE_ORDER if s is not PipelineStatus.INACTIVE
)
_STATUS_CHANGE = ActivityKind.STATUS_CHANGE.value
_CLIENT = PipelineStatus.CLIENT.value
_INACTIVE = PipelineStatus.INACTIVE.value
# SQLAlchemy's storage format for DateTime on SQLite; literals must compare as stored.
_SQLITE_DATETIME = "%Y-%m-%d %H:%M:%S.%f"
# Julian days start at noon: (seconds since the Julian epoch + noon + UTC offset) // 86400
# numbers local days, and a day's number minus its date's ordinal is this constant.
_NOON = 43_200
_ORDINAL_TO_DAY_NUMBER = 1_721_425

# A column as SQL builders take it: a Core expression or a mapped attribute (Contact.id).
_Column = ColumnElement[Any] | InstrumentedAttribute[Any]
_TextColumn = ColumnElement[str | None] | InstrumentedAttribute[str | None]


# -- results ------------------------------------------------------------------------------


@dataclass(frozen=True)
class DailyMetrics:
    """What happened on one local calendar day; each event is dated by its own timestamp."""

    day: str
    prospects_added: int
    contacts_added: int
    messages_sent: int
    messages_delivered: int
    messages_opened: int
    messages_replied: int
    messages_failed: int
    status_moves: int
    new_clients: int


@dataclass(frozen=True)
class ChannelRates:
    channel: Channel
    sent: int
    delivered: int
    opened: int
    replied: int
    delivery_rate: float | None
    open_rate: float | None
    response_rate: float | None


@dataclass(frozen=True)
class Rates:
    """Rates over the local days ``start``..``end`` (inclusive).

    Message rates follow the cohort of messages *sent* in the range: ``response_rate`` is
    the share of them that got a reply, whenever the reply came. A later stage proves the
    earlier ones (a reply proves the message was delivered and read) because receipts get
    lost or arrive out of order, so ``opened`` counts opened-or-replied and ``delivered``
    counts delivered-or-opened-or-replied; that keeps replied <= opened <= delivered <= sent.

    ``conversion_rate``: of the contacts *added* in the range, the share that had been
    moved to Client (a status_change activity to ``client``) by the end of the range.
    The numerator is a subset of the denominator, so the rate stays in [0, 1]; a contact
    entered directly as a client is not a conversion. Every rate is None, never a
    division by zero, when its denominator is 0.
    """

    start: str
    end: str
    sent: int
    delivered: int
    opened: int
    replied: int
    contacts_added: int
    converted: int
    response_rate: float | None
    open_rate: float | None
    delivery_rate: float | None
    conversion_rate: float | None
    by_channel: dict[Channel, ChannelRates]


@dataclass(frozen=True)
class RatePoint:
    """Rates over the ``window`` days ending on ``day``, with the counts behind them."""

    day: str
    sent: int
    replied: int
    contacts_added: int
    converted: int
    response_rate: float | None
    conversion_rate: float | None


@dataclass(frozen=True)
class FunnelStage:
    """One pipeline stage: ``count`` live contacts in it now, ``reached`` ever got there.

    For the climbing stages (New → Client), ``reached`` counts live contacts whose best
    stage ever, from their current status and every status on their timeline, is at least
    this one: a contact that was a Client and is Inactive now still counts as having
    reached Client, Negotiation, and so on. Every contact has reached New. Inactive is an
    exit, not a step, so its ``reached`` counts contacts that are or ever were inactive.
    ``share`` is ``reached`` over all live contacts (None when there are none).
    """

    status: PipelineStatus
    count: int
    reached: int
    share: float | None


@dataclass(frozen=True)
class KpiChange:
    """``change`` is (current - previous) / previous: +0.25 means 25 % up.

    None when previous is 0 or either value is unknown (a rate with nothing to measure).
    """

    current: float | None
    previous: float | None
    change: float | None


@dataclass(frozen=True)
class Trend:
    """The last ``days`` days (ending ``current_end``) against the ``days`` before them."""

    days: int
    current_start: str
    current_end: str
    previous_start: str
    previous_end: str
    prospects_added: KpiChange
    contacts_added: KpiChange
    messages_sent: KpiChange
    messages_replied: KpiChange
    status_moves: KpiChange
    new_clients: KpiChange
    response_rate: KpiChange
    conversion_rate: KpiChange


@dataclass(frozen=True)
class Kpis:
    """Headline numbers; a limit of None means the plan has no limit on that metric."""

    today: str
    month: str
    plan: Plan
    total_contacts: int
    clients: int
    total_prospects: int
    response_rate_30d: float | None
    messages_this_month: int
    messages_limit: int | None
    prospects_this_month: int
    prospects_limit: int | None


def ratio(numerator: float, denominator: float) -> float | None:
    """A rate that is unknown rather than zero (or a crash) when nothing was measured."""
    return None if not denominator else numerator / denominator


def _change(current: float | None, previous: float | None) -> KpiChange:
    if current is None or previous is None or previous == 0:
        return KpiChange(current, previous, None)
    return KpiChange(current, previous, (current - previous) / previous)


# -- local calendar days -----------------------------------------------------------------


def _offset_seconds(zone: ZoneInfo, instant: datetime) -> int:
    delta = instant.replace(tzinfo=UTC).astimezone(zone).utcoffset()
    return int(delta.total_seconds()) if delta is not None else 0


def _utc_midnight(zone: ZoneInfo, day: date) -> datetime:
    """The naive UTC instant a local day starts (a skipped midnight resolves forwards)."""
    return datetime.combine(day, time(), tzinfo=zone).astimezone(UTC).replace(tzinfo=None)


def _find_change(zone: ZoneInfo, start: datetime, end: datetime, before: int) -> datetime:
    """First whole second after ``start`` with an offset other than ``before``.

    Transitions fall on whole seconds, and both bounds are whole seconds, so bisecting on
    integer seconds finds the exact instant and no message is put on the wrong day.
    """
    low, high = 0, int((end - start).total_seconds())
    while high - low > 1:
        mid = (low + high) // 2
        if _offset_seconds(zone, start + timedelta(seconds=mid)) == before:
            low = mid
        else:
            high = mid
    return start + timedelta(seconds=high)


def _sql_datetime(value: datetime) -> ColumnClause[str]:
    # Inlined rather than bound, so SELECT and GROUP BY hold the very same expression.
    return literal_column(f"'{value.strftime(_SQLITE_DATETIME)}'", String)


@dataclass(frozen=True)
class _Calendar:
    """Local days ``days[0]``..``days[-1]`` and the two ways SQL buckets timestamps by them.

    ``bounds[i]`` is the UTC instant day i starts (``bounds[-1]`` ends the last day), so
    a per-day range on an indexed column is exact even on a DST day. Where the table must
    be scanned anyway, ``local_day`` shifts each timestamp by the zone's offset instead:
    ``pieces`` are (first UTC instant, offset in seconds) runs with a constant offset, the
    first one also covering everything before the range and the last everything after.
    Applied piece by piece, an offset never moves a timestamp from outside the range onto
    a day inside it.
    """

    days: tuple[date, ...]
    bounds: tuple[datetime, ...]
    pieces: tuple[tuple[datetime, int], ...]

    @classmethod
    def build(cls, zone: ZoneInfo, first: date, count: int) -> _Calendar:
        days = tuple(first + timedelta(days=i) for i in range(count))
        bounds = [_utc_midnight(zone, first + timedelta(days=i)) for i in range(count + 1)]
        offsets = [_offset_seconds(zone, b) for b in bounds]
        pieces = [(bounds[0], offsets[0])]
        for i in range(count):
            if offsets[i] != offsets[i + 1]:
                at = _find_change(zone, bounds[i], bounds[i + 1], offsets[i])
                pieces.append((at, _offset_seconds(zone, at)))
        return cls(days, tuple(bounds), tuple(pieces))

    @property
    def size(self) -> int:
        return len(self.days)

    @property
    def keys(self) -> list[str]:
        return [d.isoformat() for d in self.days]

    def position(self, day_number: int | None) -> int | None:
        """Index in ``days`` of a ``local_day`` number; None when outside the range."""
        if day_number is None:
            return None
        i = int(day_number) - _ORDINAL_TO_DAY_NUMBER - self.days[0].toordinal()
        return i if 0 <= i < self.size else None

    def before(self, day_number: int) -> bool:
        return int(day_number) - _ORDINAL_TO_DAY_NUMBER < self.days[0].toordinal()

    def in_range(self, column: _Column) -> ColumnElement[bool]:
        return and_(
            column >= _sql_datetime(self.bounds[0]), column < _sql_datetime(self.bounds[-1])
        )

    def local_day(self, column: _Column) -> ColumnElement[int]:
        """SQL for the local day number of a naive-UTC timestamp (see ``position``).

        Integer arithmetic on whole seconds, because SQLite rounds fractions to the
        millisecond: 20:59:59.9999 UTC would otherwise become 21:00, the next day in
        Nairobi. julianday() also parses faster than date(), and an integer sorts faster
        than a date string in a GROUP BY.
        """
        whole_seconds = func.substr(column, literal_column("1"), literal_column("19"))
        seconds = cast(
            func.julianday(whole_seconds) * literal_column("86400") + literal_column("0.5"),
            Integer,
        )
        shifts: list[ColumnElement[Any]] = [
            literal_column(str(_NOON + offset)) for _, offset in self.pieces
        ]
        shift: ColumnElement[Any] = shifts[0]
        if len(shifts) > 1:
            whens = [
                (column < _sql_datetime(start), value)
                for (start, _), value in zip(self.pieces[1:], shifts, strict=False)
            ]
            shift = case(*whens, else_=shifts[-1])
        # Integer division (both sides are integers); the precedence makes the sum a group.
        return (seconds + shift).op("/", precedence=8)(literal_column("86400"))


_Rows = Iterable[Sequence[Any]]


def _no_index(column: _Column) -> ColumnElement[Any]:
    """``+column``: SQLite's documented way to keep a term from choosing the index.

    Without ANALYZE statistics the planner prefers an equality such as ``deleted_at IS
    NULL`` (ix_prospects_live_name) or an index that yields GROUP BY order to the narrow
    date range, and would then walk every live row once per day.
    """
    expr = column.expression
    return UnaryExpression(expr, operator=operators.custom_op("+"), type_=expr.type)


def _by_day(
    session: Session,
    cal: _Calendar,
    column: _Column,
    where: Sequence[ColumnElement[bool]],
    values: Sequence[ColumnElement[Any]],
    keys: Sequence[_Column] = (),
) -> Iterator[Sequence[Any]]:
    """Rows of (day index, *keys, *values) from one short statement per local day.

    For an indexed timestamp over many rows this beats one GROUP BY over the whole range:
    each day is a narrow index range that needs neither a date function per row nor a
    sort of every matching row, and its UTC bounds are exact whatever DST does that day.
    The statement is the same for every day (only the bound values change), so SQLAlchemy
    compiles it once per process and SQLite prepares it once per connection; one UNION
    of 90 SELECTs would cost more to compile than to run. ``where`` must not hold a
    subquery, which SQLite would run again for every day.
    """
    lo, hi = bindparam("day_lo", type_=DateTime), bindparam("day_hi", type_=DateTime)
    statement = select(*keys, *values).where(*where, column >= lo, column < hi)
    if keys:
        statement = statement.group_by(*keys)
    for i in range(cal.size):
        params = {"day_lo": cal.bounds[i], "day_hi": cal.bounds[i + 1]}
        for row in session.execute(statement, params):
            yield (i, *row)


def _by_local_day(
    session: Session,
    cal: _Calendar,
    column: _Column,
    where: Sequence[ColumnElement[bool]],
    values: Sequence[ColumnElement[Any]],
    keys: Sequence[_Column] = (),
) -> Iterator[Sequence[Any]]:
    """Same rows as ``_by_day`` from a single GROUP BY on the shifted local date: the
    better plan for few rows, or when ``where`` holds a subquery."""
    day = cal.local_day(column)
    statement = select(day, *keys, *values).where(*where, cal.in_range(column)).group_by(day, *keys)
    for row in session.execute(statement):
        i = cal.position(row[0])
        if i is not None:
            yield (i, *row[1:])


def _net(live: _Rows, gone: _Rows, keys: int) -> dict[tuple[Any, ...], list[int]]:
    """Counts from ``live`` minus counts from ``gone``, matched on the first ``keys`` columns.

    Rows whose parent (contact, campaign) is tombstoned are counted by a cheap second
    query through the parent's index and subtracted: filtering them out directly with
    ``NOT IN`` costs a lookup on each of 200,000 rows, or a re-run subquery per day.
    """
    out: dict[tuple[Any, ...], list[int]] = {}
    for sign, rows in ((1, live), (-1, gone)):
        for row in rows:
            values = out.setdefault(tuple(row[:keys]), [0] * (len(row) - keys))
            for i, value in enumerate(row[keys:]):
                values[i] += sign * int(value or 0)
    return out


def _series(counts: dict[tuple[Any, ...], list[int]], size: int, width: int) -> list[list[int]]:
    """``width`` per-day lists from counts keyed by (day index,)."""
    out = [[0] * size for _ in range(width)]
    for (day, *_), values in counts.items():
        for k in range(width):
            out[k][int(day)] += values[k]
    return out


# -- live-row filters ----------------------------------------------------------------------


def _deleted_contact_ids() -> Select[str]:
    return select(Contact.id).where(Contact.deleted_at.is_not(None))


def _deleted_campaign_ids() -> Select[str]:
    return select(Campaign.id).where(Campaign.deleted_at.is_not(None))


def _recipients_of_deleted() -> ColumnElement[bool]:
    """Live recipients of a tombstoned contact or campaign; found through their indexes."""
    r = CampaignRecipient
    return and_(
        r.deleted_at.is_(None),
        or_(r.contact_id.in_(_deleted_contact_ids()), r.campaign_id.in_(_deleted_campaign_ids())),
    )


# -- per-day building blocks ---------------------------------------------------------------


def _created_per_day(
    session: Session, cal: _Calendar, model: type[Prospect] | type[Contact]
) -> list[int]:
    """Rows added per day: every row, counted from the created_at index alone (no table
    reads), minus the tombstoned ones, which are few and found through deleted_at."""
    every = _by_day(session, cal, model.created_at, [], [func.count()])
    # "> ''" rather than IS NOT NULL: SQLite walks an index on deleted_at (prospects have
    # ix_prospects_live_name) for a range, not for IS NOT NULL.
    tombstoned = model.deleted_at > literal_column("''")
    deleted = _by_local_day(session, cal, _no_index(model.created_at), [tombstoned], [func.count()])
    return _series(_net(every, deleted, 1), cal.size, 1)[0]


def _sent_per_day(session: Session, cal: _Calendar) -> list[int]:
    r = CampaignRecipient
    live = _by_day(session, cal, r.sent_at, [r.deleted_at.is_(None)], [func.count()])
    gone = _by_local_day(
        session, cal, _no_index(r.sent_at), [_recipients_of_deleted()], [func.count()]
    )
    return _series(_net(live, gone, 1), cal.size, 1)[0]


# Dated by their own timestamps; "sent" has an index of its own (see _sent_per_day).
_LATER_EVENTS: tuple[tuple[str, _Column], ...] = (
    ("delivered", CampaignRecipient.delivered_at),
    ("opened", CampaignRecipient.opened_at),
    ("replied", CampaignRecipient.replied_at),
    ("failed", CampaignRecipient.failed_at),
)


def _message_events(session: Session, cal: _Calendar) -> dict[str, list[int]]:
    """Delivered/opened/replied/failed per day: a reply today to last week's message counts
    today.

    No index covers these columns, so the table must be scanned; one scan grouped by the
    four local days together costs far less than four scans. Receipts follow a message
    within hours or days, so the combinations stay few (a few thousand groups).
    """
    days = [
        case((cal.in_range(column), cal.local_day(column)), else_=None)
        for _, column in _LATER_EVENTS
    ]
    any_in_range = or_(*(cal.in_range(column) for _, column in _LATER_EVENTS))

    def rows(scope: ColumnElement[bool]) -> _Rows:
        return session.execute(
            select(*days, func.count()).where(scope, any_in_range).group_by(*days)
        )

    counts = _net(
        rows(CampaignRecipient.deleted_at.is_(None)), rows(_recipients_of_deleted()), len(days)
    )
    out = {name: [0] * cal.size for name, _ in _LATER_EVENTS}
    for key, (count,) in counts.items():
        for (name, _), day in zip(_LATER_EVENTS, key, strict=True):
            i = cal.position(day)
            if i is not None:
                out[name][i] += count
    return out


def _status_moves(session: Session, cal: _Calendar) -> tuple[list[int], list[int]]:
    """Status changes and moves to Client per day, without those of deleted contacts."""
    a = Activity
    values = [func.count(), func.sum(case((a.new_status == _CLIENT, 1), else_=0))]
    live = _by_day(
        session, cal, a.occurred_at, [a.kind == _STATUS_CHANGE, a.deleted_at.is_(None)], values
    )
    gone = _by_local_day(
        session,
        cal,
        _no_index(a.occurred_at),
        [
            _no_index(a.kind) == _STATUS_CHANGE,
            a.deleted_at.is_(None),
            a.contact_id.in_(_deleted_contact_ids()),
        ],
        values,
    )
    moves, clients = _series(_net(live, gone, 1), cal.size, 2)
    return moves, clients


@dataclass
class _Cohorts:
    """Messages by the local day they were sent, with what became of them so far."""

    sent: list[int]
    delivered: list[int]
    opened: list[int]
    replied: list[int]

    @classmethod
    def zeros(cls, size: int) -> _Cohorts:
        return cls([0] * size, [0] * size, [0] * size, [0] * size)

    def add(self, i: int, counts: Sequence[int]) -> None:
        self.sent[i] += counts[0]
        self.delivered[i] += counts[1]
        self.opened[i] += counts[2]
        self.replied[i] += counts[3]

    def totals(self, first: int, last: int) -> tuple[int, int, int, int]:
        span = slice(first, last + 1)
        return (
            sum(self.sent[span]),
            sum(self.delivered[span]),
            sum(self.opened[span]),
            sum(self.replied[span]),
        )


def _sent_cohorts(session: Session, cal: _Calendar) -> tuple[_Cohorts, dict[Channel, _Cohorts]]:
    """Overall and per-channel cohorts by sent day.

    A channel this version does not know (from a newer device, through sync) only adds
    to the overall numbers.
    """
    r, c = CampaignRecipient, Campaign
    replied = r.replied_at.is_not(None)
    opened = or_(replied, r.opened_at.is_not(None))
    delivered = or_(opened, r.delivered_at.is_not(None))
    values = [
        func.count(),
        func.sum(case((delivered, 1), else_=0)),
        func.sum(case((opened, 1), else_=0)),
        func.sum(case((replied, 1), else_=0)),
    ]
    # "+campaign_id" keeps the messages the outer loop: one campaign lookup per message.
    joined = c.id == _no_index(r.campaign_id)
    live = _by_day(
        session, cal, r.sent_at, [joined, r.deleted_at.is_(None)], values, keys=[c.channel]
    )
    gone = _by_local_day(
        session,
        cal,
        _no_index(r.sent_at),
        [joined, _recipients_of_deleted()],
        values,
        keys=[c.channel],
    )
    overall = _Cohorts.zeros(cal.size)
    channels = {ch: _Cohorts.zeros(cal.size) for ch in Channel}
    for (day, channel), counted in _net(live, gone, 2).items():
        overall.add(int(day), counted)
        if channel in channels:
            channels[Channel(channel)].add(int(day), counted)
    return overall, channels


@dataclass
class _Conversions:
    """``added[i]``: contacts added on day i; ``clients[i]``: (day index, count) of when
    those contacts were first moved to Client, -1 meaning before the range."""

    added: list[int]
    clients: list[list[tuple[int, int]]]

    def window(self, first: int, last: int) -> tuple[int, int]:
        """Contacts added on days first..last, and how many of them were Clients by the end
        of day ``last``: the conversion rule of ``Rates``."""
        added = sum(self.added[first : last + 1])
        converted = sum(
            count for i in range(first, last + 1) for day, count in self.clients[i] if day <= last
        )
        return added, converted


def _conversions(session: Session, cal: _Calendar) -> _Conversions:
    a, c = Activity, Contact
    first_client = (
        select(a.contact_id.label("contact_id"), func.min(a.occurred_at).label("at"))
        .where(a.kind == _STATUS_CHANGE, a.new_status == _CLIENT, a.deleted_at.is_(None))
        .group_by(a.contact_id)
        .subquery()
    )
    added_day = cal.local_day(c.created_at)
    client_day = cal.local_day(first_client.c.at)
    rows = session.execute(
        select(added_day, client_day, func.count())
        .select_from(c)
        .outerjoin(first_client, first_client.c.contact_id == c.id)
        .where(c.deleted_at.is_(None), cal.in_range(c.created_at))
        .group_by(added_day, client_day)
    )
    added = [0] * cal.size
    clients: list[list[tuple[int, int]]] = [[] for _ in range(cal.size)]
    for added_key, client_key, count in rows:
        i = cal.position(added_key)
        if i is None:
            continue
        added[i] += int(count)
        if client_key is None:
            continue
        # A move dated before the contact's range (clock skew between devices) still means
        # "a client by the end"; one dated after the range does not count yet.
        day = -1 if cal.before(client_key) else cal.position(client_key)
        if day is not None:
            clients[i].append((day, int(count)))
    return _Conversions(added, clients)


def _rates(
    cal: _Calendar,
    overall: _Cohorts,
    channels: dict[Channel, _Cohorts],
    conversions: _Conversions,
    first: int,
    last: int,
) -> Rates:
    sent, delivered, opened, replied = overall.totals(first, last)
    added, converted = conversions.window(first, last)
    by_channel = {}
    for channel, cohort in channels.items():
        c_sent, c_delivered, c_opened, c_replied = cohort.totals(first, last)
        by_channel[channel] = ChannelRates(
            channel,
            c_sent,
            c_delivered,
            c_opened,
            c_replied,
            delivery_rate=ratio(c_delivered, c_sent),
            open_rate=ratio(c_opened, c_sent),
            response_rate=ratio(c_replied, c_sent),
        )
    return Rates(
        start=cal.days[first].isoformat(),
        end=cal.days[last].isoformat(),
        sent=sent,
        delivered=delivered,
        opened=opened,
        replied=replied,
        contacts_added=added,
        converted=converted,
        response_rate=ratio(replied, sent),
        open_rate=ratio(opened, sent),
        delivery_rate=ratio(delivered, sent),
        conversion_rate=ratio(converted, added),
        by_channel=by_channel,
    )


def _zone(name: str) -> ZoneInfo:
    """An unknown zone name (from a newer device, through sync) falls back to UTC rather
    than breaking every screen."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def _rank(column: _TextColumn) -> ColumnElement[int]:
    return case({s.value: s.rank for s in _PROGRESSION}, value=column, else_=-1)


def _is_inactive(column: _TextColumn) -> ColumnElement[int]:
    return case((column == _INACTIVE, 1), else_=0)


# -- the service ---------------------------------------------------------------------------


class AnalyticsService:
    """Read-only numbers for screens and commands; every call opens its own read session."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    # -- calendar ------------------------------------------------------------------------

    def zone(self) -> ZoneInfo:
        return _zone(self.ws.settings().timezone)

    def today(self) -> date:
        """Today where the user is, which is what "today" on a chart means."""
        return datetime.now(self.zone()).date()

    def day_range(self, days: int = 30, *, end: date | None = None) -> list[date]:
        """The x axis every per-day series of the same arguments is aligned with."""
        return list(self._calendar(days, end).days)

    def _calendar(self, days: int, end: date | None, zone: ZoneInfo | None = None) -> _Calendar:
        if not 1 <= days <= MAX_DAYS:
            raise UserError(msg.PERIOD, max=MAX_DAYS, days=days)
        zone = zone or self.zone()
        last = end or datetime.now(zone).date()
        return _Calendar.build(zone, last - timedelta(days=days - 1), days)

    # -- series --------------------------------------------------------------------------

    def daily_metrics(self, days: int = 30, *, end: date | None = None) -> list[DailyMetrics]:
        """One row per day, zeros included, so a chart never skips a quiet day."""
        cal = self._calendar(days, end)
        with self.ws.read() as session:
            prospects = _created_per_day(session, cal, Prospect)
            contacts = _created_per_day(session, cal, Contact)
            sent = _sent_per_day(session, cal)
            events = _message_events(session, cal)
            moves, clients = _status_moves(session, cal)
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
            _, channels = _sent_cohorts(session, cal)
        return {channel: cohort.sent for channel, cohort in channels.items()}

    def rates(self, days: int = 30, *, end: date | None = None) -> Rates:
        """Response, open, delivery and conversion rates; see ``Rates`` for definitions."""
        cal = self._calendar(days, end)
        with self.ws.read() as session:
            overall, channels = _sent_cohorts(session, cal)
            conversions = _conversions(session, cal)
        return _rates(cal, overall, channels, conversions, 0, cal.size - 1)

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
            overall, _ = _sent_cohorts(session, cal)
            conversions = _conversions(session, cal)
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
                .where(_no_index(p.deleted_at).is_(None))
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
        sector = _no_index(p.sector)
        with self.ws.read() as session:
            rows = session.execute(
                select(sector, func.count())
                .where(_no_index(p.deleted_at).is_(None))
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
            prospects = _created_per_day(session, cal, Prospect)
            contacts = _created_per_day(session, cal, Contact)
            moves, clients = _status_moves(session, cal)
            overall, channels = _sent_cohorts(session, cal)
            conversions = _conversions(session, cal)
        prev = _rates(cal, overall, channels, conversions, 0, days - 1)
        cur = _rates(cal, overall, channels, conversions, days, 2 * days - 1)

        def compare(series: Sequence[int]) -> KpiChange:
            return _change(sum(series[days:]), sum(series[:days]))

        return Trend(
            days=days,
            current_start=cur.start,
            current_end=cur.end,
            previous_start=prev.start,
            previous_end=prev.end,
            prospects_added=compare(prospects),
            contacts_added=compare(contacts),
            messages_sent=compare(overall.sent),
            messages_replied=_change(cur.replied, prev.replied),
            status_moves=compare(moves),
            new_clients=compare(clients),
            response_rate=_change(cur.response_rate, prev.response_rate),
            conversion_rate=_change(cur.conversion_rate, prev.conversion_rate),
        )

    def kpis(self, today: date | None = None) -> Kpis:
        """Headline numbers for the dashboard.

        The 30-day response rate ends on the user's local today. Plan usage is read from
        the month key the limit check writes to (``usage.today_utc``), so the meter shows
        exactly what will block the user; pass ``today`` to pin both to one date.
        """
        settings = self.ws.settings()
        zone = _zone(settings.timezone)
        local_today = today or datetime.now(zone).date()
        usage_day = today or usage.today_utc()
        cal = self._calendar(30, local_today, zone)
        with self.ws.read() as session:
            total_contacts, clients = session.execute(
                select(
                    func.count(), func.coalesce(func.sum(case((Contact.status == _CLIENT, 1))), 0)
                ).where(Contact.deleted_at.is_(None))
            ).one()
            prospects = session.scalar(
                select(func.count()).select_from(Prospect).where(Prospect.deleted_at.is_(None))
            )
            messages_used = usage.used_this_month(session, Metric.MESSAGES, usage_day)
            prospects_used = usage.used_this_month(session, Metric.PROSPECTS, usage_day)
            overall, _ = _sent_cohorts(session, cal)
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
