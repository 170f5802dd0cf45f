"""Per-day counts over live rows: the building blocks of the daily series.

Each counts with one short statement per day on an indexed timestamp (``by_day``) or one
GROUP BY on the shifted local day (``by_local_day``), and subtracts the rows of tombstoned
parents (``net``) rather than filtering them out row by row.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import (
    ColumnElement,
    DateTime,
    Select,
    and_,
    bindparam,
    case,
    func,
    literal_column,
    or_,
    select,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql import operators
from sqlalchemy.sql.elements import UnaryExpression

from localpro_desktop.domain.activities import ActivityKind
from localpro_desktop.domain.pipeline import PipelineStatus
from localpro_desktop.services.analytics.local_days import Calendar, SqlColumn
from localpro_desktop.store.models import Activity, Campaign, CampaignRecipient, Contact, Prospect

STATUS_CHANGE = ActivityKind.STATUS_CHANGE.value
CLIENT = PipelineStatus.CLIENT.value

_Rows = Iterable[Sequence[Any]]


def no_index(column: SqlColumn) -> ColumnElement[Any]:
    """``+column``: SQLite's documented way to keep a term from choosing the index.

    Without ANALYZE statistics the planner prefers an equality such as ``deleted_at IS
    NULL`` (ix_prospects_live_name) or an index that yields GROUP BY order to the narrow
    date range, and would then walk every live row once per day.
    """
    expr = column.expression
    return UnaryExpression(expr, operator=operators.custom_op("+"), type_=expr.type)


def by_day(
    session: Session,
    cal: Calendar,
    column: SqlColumn,
    where: Sequence[ColumnElement[bool]],
    values: Sequence[ColumnElement[Any]],
    keys: Sequence[SqlColumn] = (),
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


def by_local_day(
    session: Session,
    cal: Calendar,
    column: SqlColumn,
    where: Sequence[ColumnElement[bool]],
    values: Sequence[ColumnElement[Any]],
    keys: Sequence[SqlColumn] = (),
) -> Iterator[Sequence[Any]]:
    """Same rows as ``by_day`` from a single GROUP BY on the shifted local date: the
    better plan for few rows, or when ``where`` holds a subquery."""
    day = cal.local_day(column)
    statement = select(day, *keys, *values).where(*where, cal.in_range(column)).group_by(day, *keys)
    for row in session.execute(statement):
        i = cal.position(row[0])
        if i is not None:
            yield (i, *row[1:])


def net(live: _Rows, gone: _Rows, keys: int) -> dict[tuple[Any, ...], list[int]]:
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


def recipients_of_deleted() -> ColumnElement[bool]:
    """Live recipients of a tombstoned contact or campaign; found through their indexes."""
    r = CampaignRecipient
    return and_(
        r.deleted_at.is_(None),
        or_(r.contact_id.in_(_deleted_contact_ids()), r.campaign_id.in_(_deleted_campaign_ids())),
    )


# -- per-day building blocks ---------------------------------------------------------------


def created_per_day(
    session: Session, cal: Calendar, model: type[Prospect] | type[Contact]
) -> list[int]:
    """Rows added per day: every row, counted from the created_at index alone (no table
    reads), minus the tombstoned ones, which are few and found through deleted_at."""
    every = by_day(session, cal, model.created_at, [], [func.count()])
    # "> ''" rather than IS NOT NULL: SQLite walks an index on deleted_at (prospects have
    # ix_prospects_live_name) for a range, not for IS NOT NULL.
    tombstoned = model.deleted_at > literal_column("''")
    deleted = by_local_day(session, cal, no_index(model.created_at), [tombstoned], [func.count()])
    return _series(net(every, deleted, 1), cal.size, 1)[0]


def sent_per_day(session: Session, cal: Calendar) -> list[int]:
    r = CampaignRecipient
    live = by_day(session, cal, r.sent_at, [r.deleted_at.is_(None)], [func.count()])
    gone = by_local_day(
        session, cal, no_index(r.sent_at), [recipients_of_deleted()], [func.count()]
    )
    return _series(net(live, gone, 1), cal.size, 1)[0]


# Dated by their own timestamps; "sent" has an index of its own (see sent_per_day).
_LATER_EVENTS: tuple[tuple[str, SqlColumn], ...] = (
    ("delivered", CampaignRecipient.delivered_at),
    ("opened", CampaignRecipient.opened_at),
    ("replied", CampaignRecipient.replied_at),
    ("failed", CampaignRecipient.failed_at),
)


def message_events(session: Session, cal: Calendar) -> dict[str, list[int]]:
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

    counts = net(
        rows(CampaignRecipient.deleted_at.is_(None)), rows(recipients_of_deleted()), len(days)
    )
    out = {name: [0] * cal.size for name, _ in _LATER_EVENTS}
    for key, (count,) in counts.items():
        for (name, _), day in zip(_LATER_EVENTS, key, strict=True):
            i = cal.position(day)
            if i is not None:
                out[name][i] += count
    return out


def status_moves(session: Session, cal: Calendar) -> tuple[list[int], list[int]]:
    """Status changes and moves to Client per day, without those of deleted contacts."""
    a = Activity
    values = [func.count(), func.sum(case((a.new_status == CLIENT, 1), else_=0))]
    live = by_day(
        session, cal, a.occurred_at, [a.kind == STATUS_CHANGE, a.deleted_at.is_(None)], values
    )
    gone = by_local_day(
        session,
        cal,
        no_index(a.occurred_at),
        [
            no_index(a.kind) == STATUS_CHANGE,
            a.deleted_at.is_(None),
            a.contact_id.in_(_deleted_contact_ids()),
        ],
        values,
    )
    moves, clients = _series(net(live, gone, 1), cal.size, 2)
    return moves, clients
