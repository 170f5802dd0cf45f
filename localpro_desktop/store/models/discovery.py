"""Discovery's bookkeeping on this laptop: cached results, saved searches, merges, geocodes.

All local (no sync triggers): what one laptop fetched from Overpass or Google, and the
searches it saved while offline, are its own. The prospects a search adds or merges are
ordinary synced prospects.
"""

from datetime import datetime

from sqlalchemy import DateTime, Float, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from localpro_desktop.domain.ids import new_id, utcnow
from localpro_desktop.store.models.base import Base


class DiscoveryResult(Base):
    """One search's answer, kept so that running it again is instant and works offline."""

    __tablename__ = "discovery_results"

    key: Mapped[str] = mapped_column(String(300), primary_key=True)
    """source|country|folded city|sector|radius: what makes two searches the same."""
    source: Mapped[str] = mapped_column(String(20))
    sector: Mapped[str] = mapped_column(String(80))
    city: Mapped[str] = mapped_column(String(200))
    country: Mapped[str] = mapped_column(String(2))
    radius_km: Mapped[float] = mapped_column(Float)
    latitude: Mapped[float] = mapped_column(Float)
    longitude: Mapped[float] = mapped_column(Float)
    places: Mapped[str] = mapped_column(Text)
    """JSON list of ``FoundPlace.to_json()``."""
    fetched_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class DiscoverySearch(Base):
    """A search asked for with no connection: it runs by itself when the connection returns."""

    __tablename__ = "discovery_searches"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    source: Mapped[str] = mapped_column(String(20))
    sector: Mapped[str] = mapped_column(String(80))
    city: Mapped[str] = mapped_column(String(200))
    country: Mapped[str] = mapped_column(String(2), default="")
    radius_km: Mapped[float | None] = mapped_column(Float, default=None)
    add_mode: Mapped[str] = mapped_column(String(10), default="none")
    state: Mapped[str] = mapped_column(String(12), default="queued")
    """queued | done | failed"""
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    result_key: Mapped[str] = mapped_column(String(300), default="")
    found: Mapped[int] = mapped_column(Integer, default=0)
    new: Mapped[int] = mapped_column(Integer, default=0)
    added: Mapped[int] = mapped_column(Integer, default=0)
    problem: Mapped[str] = mapped_column(Text, default="")
    told: Mapped[bool] = mapped_column(default=False)
    """The user has been told the outcome (the screen's banner, the status bar)."""

    __table_args__ = (Index("ix_discovery_searches_state", "state"),)


class DiscoveryMerge(Base):
    """A found place merged into a known prospect: what changed, so it can be undone."""

    __tablename__ = "discovery_merges"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    prospect_id: Mapped[str] = mapped_column(String(36))
    ref: Mapped[str] = mapped_column(String(300))
    place_name: Mapped[str] = mapped_column(String(300), default="")
    reason: Mapped[str] = mapped_column(String(20), default="")
    before: Mapped[str] = mapped_column(Text, default="{}")
    """JSON {field: old value} of every field the merge changed."""
    after: Mapped[str] = mapped_column(Text, default="{}")
    merged_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    undone_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)

    __table_args__ = (Index("ix_discovery_merges_merged_at", "merged_at"),)


class GeocodeAnswer(Base):
    """A Nominatim answer, kept: its usage policy asks clients to cache what they ask."""

    __tablename__ = "geocode_cache"

    key: Mapped[str] = mapped_column(String(300), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    fetched_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
