"""Prospect search: indexed filters plus the FTS5 index, never a full-table LIKE.

Which side a search starts from decides its speed (``bench/bench_search.py``):

* sector + city (with or without text): ``ix_prospects_search`` holds each sector + city
  group in name order, so a page reads only its rows and a count only the index;
* text alone: from the FTS index. SQLite, left to itself, walks every live prospect in
  name order (``ix_prospects_live_name``) and looks each one up in the list of matches:
  25 ms for 13 matches among 100,000 prospects, 0.4 ms the other way round. The walk
  only wins when the matches are so many that a page fills after a few hundred steps,
  hence ``FEW_TEXT_MATCHES``.
"""

import re
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, column, func, literal_column, select, table, text
from sqlalchemy.orm import InstrumentedAttribute
from sqlalchemy.sql import operators
from sqlalchemy.sql.elements import UnaryExpression

from localpro_desktop.store.models import Prospect

_TOKEN = re.compile(r"\w+", re.UNICODE)
_FTS_MATCH = text(
    "prospects.rowid IN (SELECT rowid FROM prospects_fts WHERE prospects_fts MATCH :q)"
)
_FTS_TABLE = table("prospects_fts", column("rowid"))
# Up to this many matches, a text-only page starts from the FTS side: it fetches and sorts
# every match, about 4 µs each among 1,000,000 prospects (63 ms for 17,816), a cost known
# in advance. Walking the name index until a page of matches is found costs nothing like
# that when matches are spread out, but names that start with the typed word sit together
# in name order, and the walk reaches them late: 355 ms for those same 17,816 ("Qui",
# mostly "Quincaillerie …"). Above this many matches they are common enough that the walk
# meets a page of them soon (69,576 for "Le": 15 ms, against 225 ms from the FTS side).
FEW_TEXT_MATCHES = 20_000

AnySelect = TypeVar("AnySelect", bound=Select[*tuple[Any, ...]])
"""Any SELECT: the filter adds WHERE clauses and keeps the row shape it was given."""


def fts_query(user_text: str) -> str | None:
    """Each word becomes a quoted prefix term, so "chez fat" finds "Chez Fatou".

    Quoting every token keeps FTS5 syntax characters typed by users (quotes, AND, *, -)
    from being read as operators.
    """
    tokens = _TOKEN.findall(user_text)
    if not tokens:
        return None
    return " ".join(f'"{token}"*' for token in tokens)


@dataclass(frozen=True)
class ProspectFilter:
    sector: str | None = None
    city: str | None = None
    text: str | None = None
    source: str | None = None
    country: str | None = None
    converted: bool | None = None
    has_phone: bool | None = None
    has_coordinates: bool | None = None


def text_only(flt: ProspectFilter) -> bool:
    """Whether the filter is a text search and nothing else (the search box alone)."""
    if not (flt.text and fts_query(flt.text)):
        return False
    others = (flt.sector, flt.city, flt.source, flt.country)
    flags = (flt.converted, flt.has_phone, flt.has_coordinates)
    return not any(others) and all(flag is None for flag in flags)


def starts_from_text(flt: ProspectFilter, matches: int | None) -> bool:
    """Whether to start from the FTS matches: a text search alone, with few matches.

    ``matches`` is the search's count (None when not known: then SQLite chooses).
    """
    return matches is not None and matches <= FEW_TEXT_MATCHES and text_only(flt)


def _no_index(attribute: InstrumentedAttribute[Any]) -> ColumnElement[Any]:
    """``+column``: SQLite's documented way to keep a term from choosing an index."""
    expr = attribute.expression
    return UnaryExpression(expr, operator=operators.custom_op("+"), type_=expr.type)


def apply_filter(
    query: AnySelect,
    flt: ProspectFilter,
    *,
    from_text: bool = False,
) -> AnySelect:
    """Add the filter's conditions to ``query``; the rows matched never depend on ``from_text``.

    ``from_text`` keeps ``deleted_at IS NULL`` from choosing ``ix_prospects_live_name``, so
    SQLite starts from the FTS matches (by rowid) instead of walking every live prospect.
    Only worth it for a text search with few matches (see ``FEW_TEXT_MATCHES``).
    """
    deleted_at = _no_index(Prospect.deleted_at) if from_text else Prospect.deleted_at
    query = query.where(deleted_at.is_(None))
    if flt.sector:
        query = query.where(Prospect.sector == flt.sector)
    if flt.city:
        query = query.where(Prospect.city == flt.city)
    if flt.source:
        query = query.where(Prospect.source == flt.source)
    if flt.country:
        query = query.where(Prospect.country == flt.country.upper())
    if flt.converted is not None:
        query = query.where(
            Prospect.contact_id.is_not(None) if flt.converted else Prospect.contact_id.is_(None)
        )
    if flt.has_phone is not None:
        query = query.where(
            Prospect.phone_e164.is_not(None) if flt.has_phone else Prospect.phone_e164.is_(None)
        )
    if flt.has_coordinates is not None:
        query = query.where(
            Prospect.latitude.is_not(None) if flt.has_coordinates else Prospect.latitude.is_(None)
        )
    if flt.text and (match := fts_query(flt.text)):
        query = query.where(_FTS_MATCH.bindparams(q=match))
    return query


def count_query(flt: ProspectFilter) -> Select[Any]:
    """How many live prospects match; for a text search alone, counted in the FTS index.

    Every prospect has exactly one entry in ``prospects_fts`` (the triggers keep it so),
    so the live matches are the index's matches minus the deleted prospects among them.
    That reads only the FTS posting lists and the few deleted rows: 0.7 ms for 7,198
    matches among 100,000 prospects, where checking each match's row took 15 ms and
    walking the name index 53 ms.
    """
    if not text_only(flt):
        return apply_filter(select(func.count()).select_from(Prospect), flt)
    deleted: Select[Any] = select(literal_column("prospects.rowid")).where(
        Prospect.deleted_at.is_not(None)
    )
    return (
        select(func.count())
        .select_from(_FTS_TABLE)
        .where(
            text("prospects_fts MATCH :q").bindparams(q=fts_query(flt.text or "")),
            _FTS_TABLE.c.rowid.not_in(deleted),
        )
    )
