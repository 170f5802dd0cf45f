"""Prospect search: indexed filters plus the FTS5 index, never a full-table LIKE."""

import re
from dataclasses import dataclass

from sqlalchemy import Select, func, select, text

from localpro_desktop.store.models import Prospect

_TOKEN = re.compile(r"\w+", re.UNICODE)
_FTS_MATCH = text(
    "prospects.rowid IN (SELECT rowid FROM prospects_fts WHERE prospects_fts MATCH :q)"
)


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


def apply_filter(query: Select, flt: ProspectFilter) -> Select:  # type: ignore[type-arg]
    query = query.where(Prospect.deleted_at.is_(None))
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


def search_query(flt: ProspectFilter, *, limit: int, offset: int = 0) -> Select:  # type: ignore[type-arg]
    return (
        apply_filter(select(Prospect), flt)
        .order_by(Prospect.business_name, Prospect.id)
        .limit(limit)
        .offset(offset)
    )


def count_query(flt: ProspectFilter) -> Select:  # type: ignore[type-arg]
    return apply_filter(select(func.count()).select_from(Prospect), flt)


def ids_query(flt: ProspectFilter) -> Select:  # type: ignore[type-arg]
    return apply_filter(select(Prospect.id), flt).order_by(Prospect.business_name, Prospect.id)
