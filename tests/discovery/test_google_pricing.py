"""Pricing a Google Places search before it runs, and the district geometry it rests on.

Field -> SKU: the "FieldMask" section of Text Search (New)
(https://developers.google.com/maps/documentation/places/web-service/text-search); billing
at the dearest field's SKU: https://developers.google.com/maps/documentation/places/web-service/usage-and-billing;
prices: https://developers.google.com/maps/billing-and-pricing/pricing (Text Search Pro
$32.00, Enterprise $35.00, Enterprise + Atmosphere $40.00 per 1,000; Essentials IDs Only
free), read 2026-12-07. The 50,000 m bias radius limit and 60 results a query: the Text
Search page.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from decimal import Decimal

import pytest

from localpro_desktop.discovery.google import FIELD_MASK, PlacesClient, estimate
from localpro_desktop.discovery.google.districts import (
    MAX_BIAS_RADIUS_M,
    Circle,
    distance_km,
    split_circle,
)
from localpro_desktop.discovery.google.pricing import (
    ENTERPRISE,
    ENTERPRISE_ATMOSPHERE,
    ESSENTIALS_IDS,
    PRO,
    SKUS,
    cost_usd,
    sku_for_field_mask,
    sku_of_field,
)
from localpro_desktop.discovery.google.queries import QUERY_WORDS, query_words
from localpro_desktop.domain.sectors import SECTORS


@dataclass(frozen=True)
class City:
    name: str
    country: str
    lat: float
    lon: float


ACCRA = City("Accra", "GH", 5.6037, -0.1870)
KUMASI = City("Kumasi", "GH", 6.6885, -1.6244)


# --- SKU from the field mask -------------------------------------------------------------


def test_the_client_field_mask_bills_as_text_search_enterprise() -> None:
    assert sku_for_field_mask(FIELD_MASK) is ENTERPRISE
    assert ENTERPRISE.name == "Places API Text Search Enterprise"
    assert ENTERPRISE.per_thousand == Decimal("35.00")
    assert ENTERPRISE.free_per_month == 1_000


@pytest.mark.parametrize(
    ("field", "sku"),
    [
        ("places.nationalPhoneNumber", ENTERPRISE),
        ("places.internationalPhoneNumber", ENTERPRISE),
        ("places.websiteUri", ENTERPRISE),
        ("places.regularOpeningHours.weekdayDescriptions", ENTERPRISE),
        ("places.displayName", PRO),
        ("places.location", PRO),
        ("places.businessStatus", PRO),
        ("places.formattedAddress", PRO),
        ("places.id", ESSENTIALS_IDS),
        ("nextPageToken", ESSENTIALS_IDS),
        ("places.reviews", ENTERPRISE_ATMOSPHERE),
        ("*", ENTERPRISE_ATMOSPHERE),
    ],
)
def test_each_field_bills_at_its_documented_sku(field: str, sku: object) -> None:
    assert sku_of_field(field) is sku


def test_the_bill_follows_the_dearest_field() -> None:
    assert sku_for_field_mask("places.id,nextPageToken") is ESSENTIALS_IDS
    assert sku_for_field_mask("places.id,places.displayName,places.location") is PRO
    without_contacts = [
        f
        for f in FIELD_MASK.split(",")
        if "Phone" not in f and "website" not in f and "OpeningHours" not in f
    ]
    assert sku_for_field_mask(without_contacts) is PRO
    assert sku_for_field_mask(f"{FIELD_MASK},places.reviews") is ENTERPRISE_ATMOSPHERE


def test_an_unknown_field_or_an_empty_mask_is_refused_rather_than_priced_low() -> None:
    with pytest.raises(ValueError, match=r"places\.phoneNumber"):
        sku_for_field_mask("places.id,places.phoneNumber")
    with pytest.raises(ValueError):
        sku_for_field_mask("")


def test_one_row_per_sku_each_field_in_one_row_dearer_rows_cost_more() -> None:
    assert [s.rank for s in SKUS] == [0, 1, 2, 3]
    assert [s.per_thousand for s in SKUS] == [
        Decimal("0.00"),
        Decimal("32.00"),
        Decimal("35.00"),
        Decimal("40.00"),
    ]
    assert [s.free_per_month for s in SKUS] == [None, 5_000, 1_000, 1_000]
    seen: set[str] = set()
    for sku in SKUS:
        assert not sku.fields & seen
        seen |= sku.fields


def test_cost_is_rounded_to_the_cent() -> None:
    assert cost_usd(3, ENTERPRISE) == Decimal("0.11")  # 0.105
    assert cost_usd(1000, ENTERPRISE) == Decimal("35.00")
    assert cost_usd(0, ENTERPRISE) == Decimal("0.00")
    assert cost_usd(57, ESSENTIALS_IDS) == Decimal("0.00")
    with pytest.raises(ValueError):
        cost_usd(-1, PRO)


# --- the estimate -----------------------------------------------------------------------


def test_a_small_search_is_three_requests_at_the_enterprise_price() -> None:
    quote = estimate("pharmacy", KUMASI, 5)
    assert quote.requests == 3
    assert quote.districts == 1
    assert quote.sku == "Places API Text Search Enterprise"
    assert quote.per_thousand == Decimal("35.00")
    assert quote.usd == Decimal("0.11")
    assert quote.free_per_month == 1_000


def test_a_wide_search_is_every_district_times_three_pages() -> None:
    quote = estimate("pharmacy", ACCRA, 20)
    districts = len(split_circle(ACCRA.lat, ACCRA.lon, 20))
    assert quote.districts == districts > 1
    assert quote.requests == districts * 3
    assert quote.usd == (Decimal("35.00") * quote.requests / 1000).quantize(Decimal("0.01"))
    with PlacesClient("any key", "http://127.0.0.1:9") as client:  # no request is made
        assert client.estimate("pharmacy", ACCRA, 20) == quote


def test_the_estimate_is_the_most_the_search_can_ask() -> None:
    """Matches the client: as many requests as districts × pages, never more."""
    for radius in (1, 8, 8.5, 15, 30, 60):
        circles = split_circle(ACCRA.lat, ACCRA.lon, radius)
        assert estimate("bakery", ACCRA, radius).requests == len(circles) * 3


# --- districts ---------------------------------------------------------------------------


def covered(point: tuple[float, float], circles: list[Circle]) -> bool:
    return any(distance_km(c.lat, c.lon, *point) <= c.radius_m / 1000 + 1e-6 for c in circles)


def random_points(city: City, radius_km: float, count: int) -> list[tuple[float, float]]:
    rng = random.Random(12)
    points = []
    for _ in range(count):
        r = radius_km * math.sqrt(rng.random())
        angle = rng.random() * 2 * math.pi
        lat = city.lat + r * math.sin(angle) / 111.32
        lon = city.lon + r * math.cos(angle) / (111.32 * math.cos(math.radians(city.lat)))
        points.append((lat, lon))
    return points


def test_a_small_circle_is_one_district_with_the_asked_radius() -> None:
    assert split_circle(ACCRA.lat, ACCRA.lon, 8) == [Circle(ACCRA.lat, ACCRA.lon, 8000.0)]
    assert split_circle(ACCRA.lat, ACCRA.lon, 2.5) == [Circle(ACCRA.lat, ACCRA.lon, 2500.0)]


@pytest.mark.parametrize("radius", [9, 15, 25, 40, 120])
def test_districts_cover_the_whole_circle_and_stay_few(radius: float) -> None:
    circles = split_circle(ACCRA.lat, ACCRA.lon, radius)
    assert 1 < len(circles) <= 21
    assert all(0 < c.radius_m <= MAX_BIAS_RADIUS_M for c in circles)
    points = [*random_points(ACCRA, radius, 400), (ACCRA.lat + radius / 111.32, ACCRA.lon)]
    assert all(covered(p, circles) for p in points)
    # The first district is the centre, and every district reaches the circle.
    assert (circles[0].lat, circles[0].lon) == pytest.approx((ACCRA.lat, ACCRA.lon))
    for c in circles:
        assert distance_km(ACCRA.lat, ACCRA.lon, c.lat, c.lon) <= radius + c.radius_m / 1000


def test_neighbouring_districts_overlap() -> None:
    circles = split_circle(ACCRA.lat, ACCRA.lon, 20)
    centre, *ring = circles
    nearest = min(ring, key=lambda c: distance_km(centre.lat, centre.lon, c.lat, c.lon))
    gap = distance_km(centre.lat, centre.lon, nearest.lat, nearest.lon)
    assert gap < (centre.radius_m + nearest.radius_m) / 1000


def test_a_district_near_the_antimeridian_keeps_a_valid_longitude() -> None:
    circles = split_circle(-17.7, 179.95, 20)  # Fiji: the wrap must hold anywhere
    assert all(-180 <= c.lon < 180 for c in circles)
    assert any(c.lon < 0 for c in circles)


def test_a_radius_must_be_positive() -> None:
    with pytest.raises(ValueError):
        split_circle(ACCRA.lat, ACCRA.lon, 0)


# --- query words -------------------------------------------------------------------------


def test_every_product_sector_has_english_and_french_query_words() -> None:
    assert set(QUERY_WORDS) == set(SECTORS)
    assert query_words("pharmacy") == "pharmacy"
    assert query_words("pharmacy", "fr") == "pharmacie"
    assert query_words("hardware", "fr_FR") == "quincaillerie"
    assert query_words("grocery", "sw") == "grocery store"


def test_a_sector_typed_by_the_user_is_searched_as_typed() -> None:
    assert query_words("solar_panels") == "solar panels"
    with pytest.raises(ValueError):
        query_words(" _ ")
