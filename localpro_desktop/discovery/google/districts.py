"""Splitting a big search circle into overlapping district circles (pure geometry).

Text Search (New) "returns a maximum of 60 results across all pages"
(https://developers.google.com/maps/documentation/places/web-service/text-search): "pharmacy"
over all of Lagos would stop at the 60 best known. A city is therefore searched district by
district: the circle the user asked for is covered by smaller circles whose centres sit on
a hexagonal grid. With centres ``r·√3`` apart, circles of radius ``r`` cover the plane with
no gap (every point is within ``r`` of its nearest grid centre), and neighbours overlap, so
a business on a district's edge is found by both and merged by its place id.

Only the grid centres whose circle reaches the search circle are kept. The district radius
grows with the search radius (a third of it, at least ``DISTRICT_RADIUS_KM``) so a wide
search costs a bounded number of requests (about 20 districts at most), and it never
exceeds the 50,000 m Google accepts for a ``locationBias`` circle.

Distances use an equirectangular approximation (1° of latitude ≈ 111.32 km): for radii of
tens of kilometres the error is a few metres, far below a district's overlap.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

KM_PER_DEGREE = 111.32
SPLIT_ABOVE_KM = 8.0
"""A search circle wider than this is split into districts."""
DISTRICT_RADIUS_KM = 5.0
"""The smallest district radius."""
MAX_BIAS_RADIUS_M = 50_000.0
"""Google's upper bound for ``locationBias.circle.radius``."""


@dataclass(frozen=True, slots=True)
class Circle:
    lat: float
    lon: float
    radius_m: float


def district_radius_km(radius_km: float) -> float:
    return max(DISTRICT_RADIUS_KM, radius_km / 3.0)


def split_circle(
    lat: float, lon: float, radius_km: float, *, split_above_km: float = SPLIT_ABOVE_KM
) -> list[Circle]:
    """The circles to search for a search of ``radius_km`` around (lat, lon), centre first.

    One circle when the radius is at most ``split_above_km``; otherwise districts on a
    hexagonal grid that together cover the whole circle.
    """
    if radius_km <= 0:
        raise ValueError("the search radius must be positive")
    if radius_km <= split_above_km:
        return [Circle(lat, lon, min(radius_km * 1000.0, MAX_BIAS_RADIUS_M))]
    r = min(district_radius_km(radius_km), MAX_BIAS_RADIUS_M / 1000.0)
    spacing = r * math.sqrt(3.0)
    row_height = spacing * math.sqrt(3.0) / 2.0
    reach = radius_km + r
    rows = math.ceil(reach / row_height)
    offsets: list[tuple[float, float]] = []
    for row in range(-rows, rows + 1):
        y = row * row_height
        shift = spacing / 2.0 if row % 2 else 0.0
        columns = math.ceil(reach / spacing) + 1
        for column in range(-columns, columns + 1):
            x = column * spacing + shift
            if math.hypot(x, y) <= reach + 1e-9:
                offsets.append((x, y))
    offsets.sort(key=lambda xy: (math.hypot(*xy), xy[1], xy[0]))
    return [Circle(*_moved(lat, lon, x, y), r * 1000.0) for x, y in offsets]


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Equirectangular distance, good to metres at city scale."""
    mean_lat = math.radians((lat1 + lat2) / 2.0)
    dx = _lon_delta(lon2 - lon1) * math.cos(mean_lat) * KM_PER_DEGREE
    dy = (lat2 - lat1) * KM_PER_DEGREE
    return math.hypot(dx, dy)


def _moved(lat: float, lon: float, east_km: float, north_km: float) -> tuple[float, float]:
    new_lat = max(-90.0, min(90.0, lat + north_km / KM_PER_DEGREE))
    cos_lat = max(math.cos(math.radians(lat)), 1e-6)
    new_lon = lon + east_km / (KM_PER_DEGREE * cos_lat)
    return new_lat, _wrap(new_lon)


def _wrap(lon: float) -> float:
    return (lon + 180.0) % 360.0 - 180.0


def _lon_delta(delta: float) -> float:
    return (delta + 180.0) % 360.0 - 180.0
