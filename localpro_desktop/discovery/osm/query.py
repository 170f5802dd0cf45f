"""Overpass QL for "the businesses of one sector in one area".

The shape follows the Overpass API user's manual and language guide
(https://dev.overpass-api.de/overpass-doc/en/, https://wiki.openstreetmap.org/wiki/Overpass_API/Language_Guide):

- ``[out:json][timeout:25]``: JSON answers, and a modest declared timeout so that the
  public instance schedules the query among the light ones;
- ``nwr[...]`` per tag value, in a union: a business may be mapped as a point (node), a
  building outline (way) or a multipolygon (relation);
- ``out center tags;``: tags only, with the centre of the bounding box for ways and
  relations (``center``, http://osmlab.github.io/learnoverpass/en/docs/actions/print/):
  one coordinate per place, none of the geometry.

Each value is its own ``["key"="value"]`` filter rather than one regular expression, so a
value the user adds to the table can never change the query's meaning; strings are quoted
and escaped as Overpass QL escapes them (backslash before ``"`` and ``\\``).
"""

from __future__ import annotations

from dataclasses import dataclass

from localpro_desktop.discovery.osm.tags import OsmSector

TIMEOUT_SECONDS = 25
"""Declared to the server; the client waits a little longer (``overpass.py``)."""


@dataclass(frozen=True, slots=True)
class NamedArea:
    """A city or district by its OSM name, inside a country (ISO 3166-1 alpha-2)."""

    name: str
    country: str


@dataclass(frozen=True, slots=True)
class BBox:
    south: float
    west: float
    north: float
    east: float

    def __post_init__(self) -> None:
        if not (-90 <= self.south <= self.north <= 90):
            raise ValueError("a bounding box needs -90 <= south <= north <= 90")
        if not (-180 <= self.west <= 180 and -180 <= self.east <= 180):
            raise ValueError("longitudes must lie within -180 and 180")


@dataclass(frozen=True, slots=True)
class Around:
    """A circle: ``radius_m`` metres around a point."""

    radius_m: float
    lat: float
    lon: float

    def __post_init__(self) -> None:
        if self.radius_m <= 0:
            raise ValueError("the radius must be positive")
        if not (-90 <= self.lat <= 90 and -180 <= self.lon <= 180):
            raise ValueError("latitude or longitude out of range")


Area = NamedArea | BBox | Around


def quote(text: str) -> str:
    """An Overpass QL string literal."""
    escaped = (
        text.replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\n", "\\n")
        .replace("\t", "\\t")
        .replace("\r", "")
    )
    return f'"{escaped}"'


def _number(value: float) -> str:
    return format(value, ".7f").rstrip("0").rstrip(".") or "0"


def build_query(sector: OsmSector, area: Area, *, timeout: int = TIMEOUT_SECONDS) -> str:
    """The whole request text, one statement a line (readable in logs and tests)."""
    lines = [f"[out:json][timeout:{timeout}];"]
    if isinstance(area, NamedArea):
        country = area.country.strip().upper()
        if len(country) != 2 or not country.isalpha():
            raise ValueError(f"not an ISO 3166-1 country code: {area.country!r}")
        if not area.name.strip():
            raise ValueError("the area needs a name")
        # The country's boundary, then the administrative boundaries of that name within
        # it, turned into areas (``map_to_area``) to search inside.
        lines.append(f'area["ISO3166-1"={quote(country)}][admin_level="2"]->.country;')
        lines.append(
            f'rel(area.country)["boundary"="administrative"]["name"={quote(area.name.strip())}];'
        )
        lines.append("map_to_area->.searchArea;")
        spatial = "(area.searchArea)"
    elif isinstance(area, BBox):
        spatial = (
            f"({_number(area.south)},{_number(area.west)},"
            f"{_number(area.north)},{_number(area.east)})"
        )
    else:
        spatial = f"(around:{_number(area.radius_m)},{_number(area.lat)},{_number(area.lon)})"
    lines.append("(")
    for tag in sector.filters:
        for value in tag.values:
            lines.append(f"  nwr[{quote(tag.key)}={quote(value)}]{spatial};")
    lines.append(");")
    lines.append("out center tags;")
    return "\n".join(lines)
