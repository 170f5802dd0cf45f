"""The sector table and the Overpass QL built from it."""

from __future__ import annotations

import re

import pytest

from localpro_desktop.discovery.osm.query import Around, BBox, NamedArea, build_query, quote
from localpro_desktop.discovery.osm.tags import OSM_SECTORS, osm_sector
from localpro_desktop.domain.sectors import SECTORS


def test_every_osm_sector_is_a_product_sector() -> None:
    assert set(OSM_SECTORS) <= set(SECTORS)
    # the sectors the issue names, under the product's keys
    for key in (
        "restaurant",
        "pharmacy",
        "hair_salon",
        "hotel",
        "auto_repair",
        "hardware",
        "clothing",
        "grocery",
        "school",
        "clinic",
        "bakery",
        "phone_repair",
    ):
        assert key in OSM_SECTORS


@pytest.mark.parametrize(
    ("sector", "expected"),
    [
        ("restaurant", {("amenity", "restaurant"), ("amenity", "fast_food"), ("amenity", "cafe")}),
        ("pharmacy", {("amenity", "pharmacy")}),
        ("hair_salon", {("shop", "hairdresser"), ("shop", "beauty")}),
        ("hotel", {("tourism", "hotel"), ("tourism", "guest_house")}),
        ("auto_repair", {("shop", "car_repair"), ("shop", "tyres")}),
        ("hardware", {("shop", "hardware"), ("shop", "doityourself")}),
        ("grocery", {("shop", "supermarket"), ("shop", "convenience"), ("shop", "greengrocer")}),
        ("school", {("amenity", "school")}),
        ("clinic", {("amenity", "clinic"), ("amenity", "doctors"), ("amenity", "hospital")}),
        ("bakery", {("shop", "bakery")}),
        ("phone_repair", {("shop", "mobile_phone"), ("craft", "electronics_repair")}),
    ],
)
def test_sector_tags(sector: str, expected: set[tuple[str, str]]) -> None:
    found = {(f.key, v) for f in osm_sector(sector).filters for v in f.values}
    assert found == expected


def test_unknown_sector_is_a_key_error() -> None:
    with pytest.raises(KeyError, match="consulting"):
        osm_sector("consulting")


def _filters(query: str) -> list[str]:
    return re.findall(r"nwr(\[[^\n]*?\])\(", query)


def test_query_for_a_named_city() -> None:
    query = build_query(osm_sector("restaurant"), NamedArea("Abidjan", "ci"))
    lines = query.splitlines()
    assert lines[0] == "[out:json][timeout:25];"
    assert 'area["ISO3166-1"="CI"][admin_level="2"]->.country;' in lines
    assert 'rel(area.country)["boundary"="administrative"]["name"="Abidjan"];' in lines
    assert "map_to_area->.searchArea;" in lines
    assert _filters(query) == [
        '["amenity"="restaurant"]',
        '["amenity"="fast_food"]',
        '["amenity"="cafe"]',
    ]
    assert query.count("(area.searchArea);") == 3
    assert lines[-1] == "out center tags;"


def test_query_for_a_bbox_and_a_circle() -> None:
    bbox = build_query(osm_sector("pharmacy"), BBox(5.25, -4.1, 5.45, -3.9))
    assert '  nwr["amenity"="pharmacy"](5.25,-4.1,5.45,-3.9);' in bbox.splitlines()
    assert "area" not in bbox
    around = build_query(osm_sector("bakery"), Around(2000, 6.5244, 3.3792))
    assert '  nwr["shop"="bakery"](around:2000,6.5244,3.3792);' in around.splitlines()
    assert around.endswith("out center tags;")


def test_names_are_quoted_and_escaped() -> None:
    query = build_query(osm_sector("pharmacy"), NamedArea('Lomé "centre"\\', "TG"))
    assert '["name"="Lomé \\"centre\\"\\\\"]' in query
    assert quote("الدار البيضاء") == '"الدار البيضاء"'


@pytest.mark.parametrize(
    "make",
    [
        lambda: NamedArea("Abidjan", "CIV"),
        lambda: NamedArea("  ", "CI"),
    ],
)
def test_bad_named_areas(make) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError):
        build_query(osm_sector("pharmacy"), make())


def test_bad_geometry() -> None:
    with pytest.raises(ValueError):
        BBox(6.0, 3.0, 5.0, 4.0)
    with pytest.raises(ValueError):
        Around(0, 6.5, 3.3)
