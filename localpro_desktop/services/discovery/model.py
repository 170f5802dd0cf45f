"""What a discovery search is asked with and what it gives back: plain values for screens.

A ``Preview`` is what the search found, each place marked new or known (and why), before
anything is added; the screen and ``localpro discover`` show it, then add all of it, the
new part, or a selection.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from localpro_desktop.discovery.found import DiscoverySource, FoundPlace
from localpro_desktop.domain.messages import Message
from localpro_desktop.domain.messages import discovery as msg

RADIUS_KM = (0.5, 50.0)
"""The radius a search may ask for: a street to a whole metropolis."""


class AddMode(StrEnum):
    """``--add``: every result (new ones added, known ones merged), the new ones, nothing."""

    ALL = "all"
    NEW = "new"
    NONE = "none"


class MatchKind(StrEnum):
    NEW = "new"
    SAME_REF = "same_ref"
    """Already added from this source (same OSM id or place id): nothing to do."""
    SAME_PHONE = "same_phone"
    SIMILAR_NAME = "similar_name"
    """A close name within about 100 m."""
    SIMILAR_NAME_CITY = "similar_name_city"
    """A close name in the same city, one of the two having no coordinates."""
    REPEAT = "repeat"
    """The same business twice in this result (a node and a building, two districts)."""


@dataclass(frozen=True, slots=True)
class SearchRequest:
    sector: str
    """A sector key of ``domain.sectors`` (``localpro discover --sectors``)."""
    city: str
    country: str | None = None
    radius_km: float | None = None
    """None: chosen from the city's size."""
    source: DiscoverySource = DiscoverySource.OSM


@dataclass(frozen=True, slots=True)
class CityChoice:
    name: str
    country: str
    lat: float
    lon: float
    population: int
    source: str
    """"offline" (the bundled table) or "nominatim"."""

    @property
    def label(self) -> str:
        return f"{self.name}, {self.country}"


@dataclass(frozen=True, slots=True)
class PreviewRow:
    place: FoundPlace
    match: MatchKind
    known_id: str | None = None
    """The prospect it matches (None for new ones; the earlier row's ref for a repeat)."""
    known_name: str | None = None

    @property
    def is_new(self) -> bool:
        return self.match is MatchKind.NEW

    @property
    def can_merge(self) -> bool:
        """Known, and this source's reference is not on the prospect yet."""
        return self.match in (
            MatchKind.SAME_PHONE,
            MatchKind.SIMILAR_NAME,
            MatchKind.SIMILAR_NAME_CITY,
        )


@dataclass(frozen=True)
class Preview:
    request: SearchRequest
    city: CityChoice
    radius_km: float
    rows: tuple[PreviewRow, ...]
    fetched_at: datetime
    from_cache: bool
    unnamed: int = 0
    """Places the source returned without a name (not offered: a prospect needs one)."""
    result_key: str = ""

    @property
    def found(self) -> int:
        return len(self.rows)

    @property
    def new(self) -> int:
        return sum(1 for row in self.rows if row.is_new)

    @property
    def known(self) -> int:
        return self.found - self.new

    @property
    def without_phone(self) -> int:
        """Places with no phone and no WhatsApp: the screen offers the other sources."""
        return sum(1 for row in self.rows if not row.place.phones and not row.place.whatsapp)

    def row(self, ref: str) -> PreviewRow | None:
        return next((row for row in self.rows if row.place.ref == ref), None)


@dataclass(frozen=True, slots=True)
class Queued:
    """No connection: the search was saved and runs when the connection is back."""

    search_id: str
    request: SearchRequest


@dataclass(frozen=True, slots=True)
class CostEstimate:
    requests: int
    usd: Decimal
    sku: str


@dataclass(frozen=True)
class AddOutcome:
    added: int = 0
    merged: int = 0
    already: int = 0
    """Known from this very source before: nothing to do, nothing counted."""
    over_limit: int = 0
    """New places not added because the plan's monthly limit was reached."""
    plan: str = ""
    limit: int | None = None
    """The plan's monthly prospect limit (None: unlimited)."""
    remaining: int | None = None
    """What the limit allowed before this add."""
    added_refs: tuple[str, ...] = ()
    merged_refs: tuple[str, ...] = ()
    prospect_ids: tuple[str, ...] = field(default=(), repr=False)

    def limit_message(self) -> Message | None:
        """What the user must know when some new places did not fit in the plan."""
        if not self.over_limit:
            return None
        return msg.OVER_LIMIT(
            count=self.over_limit, plan=self.plan, limit=self.limit, remaining=self.remaining
        )


@dataclass(frozen=True, slots=True)
class MergeRecord:
    id: str
    prospect_id: str
    prospect_name: str
    place_name: str
    ref: str
    reason: MatchKind
    fields: tuple[str, ...]
    """The prospect fields the merge filled in (the reference aside)."""
    merged_at: datetime
    undone_at: datetime | None


@dataclass(frozen=True, slots=True)
class SavedSearch:
    id: str
    request: SearchRequest
    add_mode: AddMode
    state: str
    """queued | done | failed"""
    created_at: datetime
    finished_at: datetime | None
    found: int
    new: int
    added: int
    problem: str
    result_key: str
