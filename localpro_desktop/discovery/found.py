"""A business found by a discovery source, in one shape whatever the source.

OpenStreetMap, Google Places (and whatever comes next) each turn their answers into
``FoundPlace``; de-duplication, the preview, the cache and adding to the workspace then
never look at a source's own format.

``ref`` is the source reference with its scheme (``osm:node/123``, ``google:ChIJ…``): the
same place found twice by the same source has the same ``ref``, whatever its name became.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class DiscoverySource(StrEnum):
    """The sources a search can run on (``--source osm|google``)."""

    OSM = "osm"
    GOOGLE = "google"


REF_SCHEMES: dict[DiscoverySource, str] = {
    DiscoverySource.OSM: "osm:",
    DiscoverySource.GOOGLE: "google:",
}


@dataclass(frozen=True, slots=True)
class FoundPlace:
    source: DiscoverySource
    ref: str
    """``osm:node/123``, ``osm:way/45``, ``google:ChIJN1t_tDeuEmsRUsoyG83frY4``."""
    name: str
    phones: tuple[str, ...] = ()
    """E.164, best first."""
    unparsed_phones: tuple[str, ...] = ()
    """Numbers as the source wrote them that are not valid numbers."""
    whatsapp: str | None = None
    """E.164."""
    email: str | None = None
    website: str | None = None
    address: str | None = None
    city: str | None = None
    country: str = ""
    """ISO 3166-1 alpha-2, upper case ("" when unknown)."""
    opening_hours: str | None = None
    lat: float | None = None
    lon: float | None = None
    coordinates_storable: bool = True
    """False for Google: its terms allow caching place ids, not coordinates (30 days at
    most); such a prospect is saved without them and reaches the map once geocoded."""
    extra: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def phone(self) -> str | None:
        return self.phones[0] if self.phones else None

    @property
    def reachable_by(self) -> tuple[str, ...]:
        """How the business can be reached: any of "phone", "whatsapp", "email", "website"."""
        ways = []
        if self.phones:
            ways.append("phone")
        if self.whatsapp:
            ways.append("whatsapp")
        if self.email:
            ways.append("email")
        if self.website:
            ways.append("website")
        return tuple(ways)

    def to_json(self) -> dict[str, Any]:
        """Plain JSON for the results cache (``from_json`` reads it back)."""
        return {
            "source": self.source.value,
            "ref": self.ref,
            "name": self.name,
            "phones": list(self.phones),
            "unparsed_phones": list(self.unparsed_phones),
            "whatsapp": self.whatsapp,
            "email": self.email,
            "website": self.website,
            "address": self.address,
            "city": self.city,
            "country": self.country,
            "opening_hours": self.opening_hours,
            "lat": self.lat,
            "lon": self.lon,
            "coordinates_storable": self.coordinates_storable,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> FoundPlace:
        return cls(
            source=DiscoverySource(data["source"]),
            ref=str(data["ref"]),
            name=str(data.get("name") or ""),
            phones=tuple(data.get("phones") or ()),
            unparsed_phones=tuple(data.get("unparsed_phones") or ()),
            whatsapp=data.get("whatsapp"),
            email=data.get("email"),
            website=data.get("website"),
            address=data.get("address"),
            city=data.get("city"),
            country=str(data.get("country") or ""),
            opening_hours=data.get("opening_hours"),
            lat=data.get("lat"),
            lon=data.get("lon"),
            coordinates_storable=bool(data.get("coordinates_storable", True)),
        )
