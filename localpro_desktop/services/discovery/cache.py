"""Search answers and city look-ups kept on this laptop.

A search run again is answered from here — instantly, offline, and without counting
anything against a quota or a Google bill — until the user asks to search again. Google's
terms allow keeping place ids but coordinates for 30 days at most, so a Google answer is
dropped once 30 days old (the prospects it added keep only their place id).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete
from sqlalchemy.orm import Session

from localpro_desktop.discovery.found import DiscoverySource, FoundPlace
from localpro_desktop.domain.ids import utcnow
from localpro_desktop.domain.names import fold
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import DiscoveryResult, GeocodeAnswer

GOOGLE_MAX_AGE = timedelta(days=30)
"""Places API policies: latitude/longitude may be cached for 30 consecutive days."""


@dataclass(frozen=True)
class CachedAnswer:
    key: str
    places: list[FoundPlace]
    fetched_at: datetime


def result_key(
    source: DiscoverySource,
    country: str,
    city: str,
    sector: str,
    radius_km: float,
    filters: Sequence[str] = (),
) -> str:
    """What makes two searches the same; the sector's tags are part of it (a tag the user
    adds makes an older answer stale)."""
    tags = hashlib.sha1("|".join(sorted(filters)).encode("utf-8")).hexdigest()[:8]
    return f"{source.value}|{country.upper()}|{fold(city)}|{sector}|{radius_km:g}|{tags}"


def load(ws: Workspace, key: str) -> CachedAnswer | None:
    with ws.read() as session:
        row = session.get(DiscoveryResult, key)
        if row is None:
            return None
        if row.source == DiscoverySource.GOOGLE.value and utcnow() - row.fetched_at > (
            GOOGLE_MAX_AGE
        ):
            return None
        data = json.loads(row.places)
        fetched = row.fetched_at
    return CachedAnswer(key, [FoundPlace.from_json(item) for item in data], fetched)


def save(
    session: Session,
    key: str,
    *,
    source: DiscoverySource,
    sector: str,
    city: str,
    country: str,
    radius_km: float,
    lat: float,
    lon: float,
    places: Sequence[FoundPlace],
) -> datetime:
    now = utcnow()
    session.merge(
        DiscoveryResult(
            key=key,
            source=source.value,
            sector=sector,
            city=city,
            country=country,
            radius_km=radius_km,
            latitude=lat,
            longitude=lon,
            places=json.dumps([p.to_json() for p in places], ensure_ascii=False),
            fetched_at=now,
        )
    )
    return now


def drop_expired(session: Session) -> int:
    """Forget Google answers older than the terms allow (run before each search)."""
    cutoff = utcnow() - GOOGLE_MAX_AGE
    result = session.execute(
        delete(DiscoveryResult).where(
            DiscoveryResult.source == DiscoverySource.GOOGLE.value,
            DiscoveryResult.fetched_at < cutoff,
        )
    )
    return int(getattr(result, "rowcount", 0) or 0)


class GeocodeStore:
    """Nominatim's answers in the workspace (``discovery.nominatim.GeocodeCache``)."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    def get(self, key: str) -> str | None:
        with self.ws.read() as session:
            row = session.get(GeocodeAnswer, key)
            return None if row is None else row.value

    def put(self, key: str, value: str) -> None:
        with self.ws.write() as session:
            session.merge(GeocodeAnswer(key=key, value=value, fetched_at=utcnow()))
