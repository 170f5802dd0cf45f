"""Local calendar days over naive-UTC timestamps: where each day starts, and SQL that
buckets a timestamp by the day it fell on in the workspace's time zone (see the package
docstring)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

from sqlalchemy import ColumnElement, Integer, String, and_, case, cast, func, literal_column
from sqlalchemy.orm import InstrumentedAttribute
from sqlalchemy.sql.expression import ColumnClause

# SQLAlchemy's storage format for DateTime on SQLite; literals must compare as stored.
_SQLITE_DATETIME = "%Y-%m-%d %H:%M:%S.%f"
# Julian days start at noon: (seconds since the Julian epoch + noon + UTC offset) // 86400
# numbers local days, and a day's number minus its date's ordinal is this constant.
_NOON = 43_200
_ORDINAL_TO_DAY_NUMBER = 1_721_425

# A column as SQL builders take it: a Core expression or a mapped attribute (Contact.id).
SqlColumn = ColumnElement[Any] | InstrumentedAttribute[Any]
TextColumn = ColumnElement[str | None] | InstrumentedAttribute[str | None]


def _offset_seconds(zone: tzinfo, instant: datetime) -> int:
    delta = instant.replace(tzinfo=UTC).astimezone(zone).utcoffset()
    return int(delta.total_seconds()) if delta is not None else 0


def _utc_midnight(zone: tzinfo, day: date) -> datetime:
    """The naive UTC instant a local day starts (a skipped midnight resolves forwards)."""
    return datetime.combine(day, time(), tzinfo=zone).astimezone(UTC).replace(tzinfo=None)


def _find_change(zone: tzinfo, start: datetime, end: datetime, before: int) -> datetime:
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
class Calendar:
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
    def build(cls, zone: tzinfo, first: date, count: int) -> Calendar:
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

    def in_range(self, column: SqlColumn) -> ColumnElement[bool]:
        return and_(
            column >= _sql_datetime(self.bounds[0]), column < _sql_datetime(self.bounds[-1])
        )

    def local_day(self, column: SqlColumn) -> ColumnElement[int]:
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
