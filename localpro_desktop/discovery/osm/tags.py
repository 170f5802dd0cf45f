"""Which OpenStreetMap tags make a business of each sector.

The keys are the product's sector keys (``domain.sectors``: the ones records store and the
demo generator uses), so a place found here lands in the same sector as an imported or a
demo one. A sector matches when any of its filters does: ``shop=hardware`` or
``shop=doityourself`` for a hardware store. Tag values follow the OSM wiki's Map Features
pages (https://wiki.openstreetmap.org/wiki/Map_features).

Sectors with no reliable OSM tag (transport, construction, consulting) are left out: a
search for them would return unrelated places.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType


@dataclass(frozen=True, slots=True)
class TagFilter:
    """``key=value`` for any of ``values``: ``TagFilter("amenity", ("pharmacy",))``."""

    key: str
    values: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class OsmSector:
    key: str
    filters: tuple[TagFilter, ...]


def _sector(key: str, *filters: tuple[str, str]) -> OsmSector:
    """``_sector("hotel", ("tourism", "hotel|guest_house"))``."""
    return OsmSector(key, tuple(TagFilter(k, tuple(v.split("|"))) for k, v in filters))


OSM_SECTOR_LIST: tuple[OsmSector, ...] = (
    _sector("restaurant", ("amenity", "restaurant|fast_food|cafe")),
    _sector("hair_salon", ("shop", "hairdresser|beauty")),
    _sector("grocery", ("shop", "supermarket|convenience|greengrocer")),
    _sector("pharmacy", ("amenity", "pharmacy")),
    _sector("hardware", ("shop", "hardware|doityourself")),
    _sector("tailor", ("shop", "tailor"), ("craft", "tailor|dressmaker")),
    _sector("auto_repair", ("shop", "car_repair|tyres")),
    _sector("electronics", ("shop", "electronics")),
    _sector("hotel", ("tourism", "hotel|guest_house")),
    _sector("bakery", ("shop", "bakery")),
    _sector("clothing", ("shop", "clothes")),
    _sector("phone_repair", ("shop", "mobile_phone"), ("craft", "electronics_repair")),
    _sector("school", ("amenity", "school")),
    _sector("clinic", ("amenity", "clinic|doctors|hospital")),
    _sector("printing", ("shop", "copyshop"), ("craft", "printer")),
    _sector("cosmetics", ("shop", "cosmetics|perfumery")),
    _sector("furniture", ("shop", "furniture"), ("craft", "carpenter")),
)

OSM_SECTORS: Mapping[str, OsmSector] = MappingProxyType({s.key: s for s in OSM_SECTOR_LIST})
"""Sector key -> its OSM filters, in the product's order."""


def osm_sector(key: str) -> OsmSector:
    """The sector's filters; ``KeyError`` naming the key when it has none."""
    try:
        return OSM_SECTORS[key]
    except KeyError:
        raise KeyError(f"no OpenStreetMap tags for sector {key!r}") from None
