"""The one prospect search: pages, counts and positions in any column order.

The Prospects screen, the CLI (``localpro prospects search``) and ``ProspectService.search``
all page through here. The table sorts by any column, needs only the ten columns it
shows, and must find where one prospect sits in the current order (``position_of``)
without loading everything before it. Pages are fetched by *keyset* ("rows after this
sort key"), so page 400 of 100,000 prospects costs what page 1 does, and a row inserted
meanwhile never shifts a page; ``offset`` remains for the CLI's ``--offset``.

Headless: the screen calls these on the task runner's database worker, never on the UI
thread. Filtering is the store's own ``apply_filter`` so the table, the map and the CLI
always agree on what a filter matches.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import Prospect
from localpro_desktop.store.queries.prospects import (
    ProspectFilter,
    apply_filter,
    count_query,
    fts_query,
    starts_from_text,
)

__all__ = [
    "Choices",
    "Column",
    "Page",
    "ProspectFilter",
    "ProspectRow",
    "Sort",
    "fetch_page",
    "load_choices",
    "page_query",
    "position_of",
    "read_page",
]


SortKey = ColumnElement[Any] | InstrumentedAttribute[Any]
"""One term of an ORDER BY: a mapped column or an expression over columns."""


class Column(IntEnum):
    """The table's columns, in display order."""

    NAME = 0
    SECTOR = 1
    CITY = 2
    PHONE = 3
    WHATSAPP = 4
    SOURCE = 5
    CONVERTED = 6


@dataclass(frozen=True, slots=True)
class Sort:
    column: Column = Column.NAME
    descending: bool = False


@dataclass(frozen=True, slots=True)
class ProspectRow:
    """What one table line shows; ``key`` is its position in the sort, for the next page.

    Phones stay raw here: formatting one costs a phonenumbers parse, which is cheap for
    the rows on screen but not for the 70,000 rows ``select_record`` may load at once.
    """

    id: str
    business_name: str
    sector: str
    city: str
    phone: str
    phone_e164: str | None
    whatsapp: str
    whatsapp_e164: str | None
    source: str
    contact_id: str | None
    key: tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class Page:
    rows: list[ProspectRow]
    total: int | None  # only counted when asked (first page, refresh)


@dataclass(frozen=True)
class Choices:
    """What the filter drop-downs offer: only values live prospects actually have."""

    sectors: list[str]
    sources: list[str]
    cities_by_sector: dict[str, list[str]]

    def cities(self, sector: str | None = None) -> list[str]:
        if sector:
            return list(self.cities_by_sector.get(sector, []))
        every = {city for cities in self.cities_by_sector.values() for city in cities}
        return sorted(every, key=str.casefold)


def _keys(column: Column) -> list[SortKey]:
    """Sort expressions for a column; the name breaks ties so equal cities read A→Z.

    NULL-free expressions only: a row-value comparison with a NULL is never true, which
    would make keyset paging stop early.
    """
    name = Prospect.business_name
    by_column: dict[Column, list[SortKey]] = {
        Column.NAME: [name],
        Column.SECTOR: [Prospect.sector, name],
        Column.CITY: [Prospect.city, name],
        Column.PHONE: [func.coalesce(Prospect.phone_e164, Prospect.phone), name],
        Column.WHATSAPP: [func.coalesce(Prospect.whatsapp_e164, Prospect.whatsapp), name],
        Column.SOURCE: [Prospect.source, name],
        Column.CONVERTED: [case((Prospect.contact_id.is_(None), 0), else_=1), name],
    }
    return [*by_column[column], Prospect.id]


def _after(keys: Sequence[SortKey], values: Sequence[Any], descending: bool) -> Any:
    """Rows strictly after ``values`` in the sort, written out as nested OR/AND.

    Plain (a, b) > (x, y) row values would do, but spelled out SQLite can use the
    (deleted_at, business_name) index for the first key.
    """
    clauses = []
    for i, key in enumerate(keys):
        equal = [keys[j] == values[j] for j in range(i)]
        beyond = key < values[i] if descending else key > values[i]
        clauses.append(and_(*equal, beyond))
    return or_(*clauses)


def _whole_table(flt: ProspectFilter, sort: Sort | None) -> bool:
    """Whether the query reads most of the table in a way no index helps with.

    Then SQLite (without ANALYZE statistics) still walks ix_prospects_live_name for
    ``deleted_at IS NULL`` and fetches every row through it in name order: 600 ms on
    100,000 prospects where a plain scan takes 60. Sector, city and text filters are
    selective and indexed, so their plans are left alone; so is a name order (the index
    gives it) and a bare count (the index covers it).
    """
    if flt.sector or flt.city or (flt.text and fts_query(flt.text)):
        return False
    if sort is not None:
        return sort.column != Column.NAME
    unindexed = (flt.source, flt.country, flt.converted, flt.has_phone, flt.has_coordinates)
    return any(value is not None for value in unindexed)


def _execute(session: Session, statement: Select[*tuple[Any, ...]], *, scan: bool) -> Any:
    """Run a statement; with ``scan``, as a plain table scan (``NOT INDEXED``).

    SQLAlchemy's SQLite dialect cannot render table hints, so the compiled SQL gets the
    two words added; binds stay binds.
    """
    if not scan:
        return session.execute(statement)
    compiled = statement.compile(dialect=session.get_bind().dialect)
    sql = str(compiled)
    hinted = sql.replace("FROM prospects", "FROM prospects NOT INDEXED", 1)
    if hinted == sql:  # the shape changed under us: run it as it is
        return session.execute(statement)
    params = tuple(compiled.params[name] for name in compiled.positiontup or ())
    return session.connection().exec_driver_sql(hinted, params)


_SHOWN = (
    Prospect.id,
    Prospect.business_name,
    Prospect.sector,
    Prospect.city,
    Prospect.phone,
    Prospect.phone_e164,
    Prospect.whatsapp,
    Prospect.whatsapp_e164,
    Prospect.source,
    Prospect.contact_id,
)


def page_query(
    flt: ProspectFilter,
    sort: Sort,
    *,
    after: tuple[Any, ...] | None = None,
    offset: int = 0,
    limit: int = 200,
    matches: int | None = None,
) -> Select[*tuple[Any, ...]]:
    """The statement of one page: the shown columns, then the row's sort key.

    ``matches`` (the count, when known) picks the faster side for a text search (see
    ``starts_from_text``); same rows, same order either way: only the plan changes.
    """
    keys = _keys(sort.column)
    query = apply_filter(select(*_SHOWN, *keys), flt, from_text=starts_from_text(flt, matches))
    if after is not None:
        query = query.where(_after(keys, after, sort.descending))
    query = query.order_by(*(k.desc() if sort.descending else k.asc() for k in keys))
    query = query.limit(limit)
    return query.offset(offset) if offset else query


def read_page(
    session: Session,
    flt: ProspectFilter,
    sort: Sort,
    *,
    after: tuple[Any, ...] | None = None,
    offset: int = 0,
    limit: int = 200,
    with_total: bool = False,
) -> Page:
    """Up to ``limit`` rows following ``after`` (the last row's ``key``) in the sort.

    The total, when asked, is counted first: for a text search it tells whether starting
    from the FTS matches beats walking the name index (``starts_from_text``). Both run in
    the caller's read transaction, so the total always describes the page.
    """
    width = len(_SHOWN)
    total = None
    if with_total:
        counted = _execute(session, count_query(flt), scan=_whole_table(flt, None)).scalar()
        total = int(counted or 0)
    query = page_query(flt, sort, after=after, offset=offset, limit=limit, matches=total)
    rows = [
        _row(record, width) for record in _execute(session, query, scan=_whole_table(flt, sort))
    ]
    return Page(rows, total)


def _row(record: Any, width: int) -> ProspectRow:
    """A result line (the ``_SHOWN`` columns, then the sort key) as a table row."""
    return ProspectRow(
        record[0],
        record[1],
        record[2],
        record[3],
        record[4],
        record[5],
        record[6],
        record[7],
        record[8],
        record[9],
        key=tuple(record[width:]),
    )


def fetch_page(
    ws: Workspace,
    flt: ProspectFilter,
    sort: Sort,
    *,
    after: tuple[Any, ...] | None = None,
    offset: int = 0,
    limit: int = 200,
    with_total: bool = False,
) -> Page:
    """``read_page`` in a read transaction of its own (what the screen's table asks)."""
    with ws.read() as session:
        return read_page(
            session, flt, sort, after=after, offset=offset, limit=limit, with_total=with_total
        )


def position_of(ws: Workspace, flt: ProspectFilter, sort: Sort, prospect_id: str) -> int | None:
    """Row index of a prospect in the filtered, sorted list; None when it is not in it."""
    keys = _keys(sort.column)
    with ws.read() as session:
        found = session.execute(
            apply_filter(select(*keys), flt).where(Prospect.id == prospect_id)
        ).first()
        if found is None:
            return None
        before = apply_filter(select(func.count()).select_from(Prospect), flt).where(
            _after(keys, tuple(found), not sort.descending)
        )
        counted = _execute(session, before, scan=_whole_table(flt, sort)).scalar()
        return int(counted or 0)


def load_choices(ws: Workspace) -> Choices:
    """Sectors, sources and each sector's cities, in one pass over the table.

    Three ``ProspectService.choices`` calls would cost three slow index walks (see
    ``_whole_table``); one scan gives all three lists and the sector→city pairs, so
    changing the sector needs no query at all.
    """
    query = (
        select(Prospect.sector, Prospect.city, Prospect.source)
        .distinct()
        .where(Prospect.deleted_at.is_(None))
    )
    sectors: set[str] = set()
    sources: set[str] = set()
    cities: dict[str, set[str]] = {}
    with ws.read() as session:
        for sector, city, source in _execute(session, query, scan=True):
            if sector:
                sectors.add(sector)
            if source:
                sources.add(source)
            if city:
                cities.setdefault(sector or "", set()).add(city)
    return Choices(
        sorted(sectors, key=str.casefold),
        sorted(sources, key=str.casefold),
        {sector: sorted(found, key=str.casefold) for sector, found in cities.items()},
    )
