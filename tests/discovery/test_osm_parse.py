"""Overpass elements -> places: names, phones, WhatsApp, address, coordinates."""

from __future__ import annotations

from localpro_desktop.discovery.osm.parse import parse_element, parse_elements


def test_a_node_with_every_useful_tag() -> None:
    place = parse_element(
        {
            "type": "node",
            "id": 1001,
            "lat": 5.3575,
            "lon": -3.9889,
            "tags": {
                "amenity": "pharmacy",
                "name": "Pharmacie de la Riviéra",
                "phone": "+225 27 22 44 55 66; 07 07 12 34 56",
                "contact:mobile": "+2250707123456",  # the same number again
                "contact:whatsapp": "https://wa.me/2250505123456",
                "email": "contact@riviera.ci",
                "website": "https://pharmacie-riviera.ci",
                "addr:housenumber": "12",
                "addr:street": "Boulevard Latrille",
                "addr:suburb": "Cocody",
                "addr:city": "Abidjan",
                "opening_hours": "Mo-Sa 08:00-20:00",
            },
        },
        "CI",
    )
    assert place is not None
    assert place.osm_ref == "node/1001"
    assert place.name == "Pharmacie de la Riviéra"
    assert place.phones == ("+2252722445566", "+2250707123456")
    assert place.unparsed_phones == ()
    assert place.whatsapp == "+2250505123456"
    assert place.email == "contact@riviera.ci"
    assert place.website == "https://pharmacie-riviera.ci"
    assert place.address == "12 Boulevard Latrille, Cocody"
    assert place.city == "Abidjan"
    assert place.opening_hours == "Mo-Sa 08:00-20:00"
    assert (place.lat, place.lon) == (5.3575, -3.9889)


def test_name_fallbacks_and_way_centre() -> None:
    way = {
        "type": "way",
        "id": 2002,
        "center": {"lat": 5.31, "lon": -4.02},
        "tags": {"shop": "bakery", "name:fr": "Boulangerie Sainte-Thérèse", "brand": "X"},
    }
    relation = {
        "type": "relation",
        "id": 3003,
        "center": {"lat": 33.57, "lon": -7.59},
        "tags": {"amenity": "pharmacy", "name": "صيدلية النور", "phone": "0522-123456"},
    }
    branded = {"type": "node", "id": 4004, "lat": 1.0, "lon": 2.0, "tags": {"brand": "Total"}}
    english = {"type": "node", "id": 4005, "tags": {"name:en": "Hope Clinic", "brand": "Y"}}
    places = parse_elements([way, relation, branded, english], "MA")
    assert [p.osm_ref for p in places] == ["way/2002", "relation/3003", "node/4004", "node/4005"]
    assert [p.name for p in places] == [
        "Boulangerie Sainte-Thérèse",
        "صيدلية النور",
        "Total",
        "Hope Clinic",
    ]
    assert (places[0].lat, places[0].lon) == (5.31, -4.02)
    assert places[1].phones == ("+212522123456",)
    assert (places[3].lat, places[3].lon) == (None, None)


def test_missing_fields_and_unusable_elements() -> None:
    bare = {"type": "node", "id": 7, "lat": 0.0, "lon": 0.0, "tags": {"shop": "hardware"}}
    place = parse_element(bare, "GH")
    assert place is not None
    assert place.name is None
    assert place.phones == place.unparsed_phones == ()
    assert place.whatsapp is place.email is place.website is place.address is None
    assert place.opening_hours is None
    assert parse_element({"type": "node", "id": 8, "lat": 0.0, "lon": 0.0}, "GH") is None
    assert parse_element({"type": "area", "id": 9, "tags": {"name": "x"}}, "GH") is None
    assert parse_element({"type": "node", "tags": {"name": "x"}}, "GH") is None
    assert parse_element("node/1", "GH") is None


def test_separators_invalid_numbers_and_whatsapp_links() -> None:
    place = parse_element(
        {
            "type": "node",
            "id": 10,
            "tags": {
                "contact:phone": "0803 123 4567, 123;  ; +234 803 123 4567",
                "website": "https://api.whatsapp.com/send?phone=2348031234567&text=hi",
            },
        },
        "NG",
    )
    assert place is not None
    assert place.phones == ("+2348031234567",)
    assert place.unparsed_phones == ("123",)
    assert place.whatsapp == "+2348031234567"
    assert place.website is None  # the link is the WhatsApp contact, not a website


def test_whatsapp_tag_as_a_plain_local_number() -> None:
    place = parse_element(
        {
            "type": "node",
            "id": 11,
            "tags": {"name": "Salon Awa", "contact:whatsapp": "77 123 45 67"},
        },
        "SN",
    )
    assert place is not None
    assert place.whatsapp == "+221771234567"
    assert place.phones == ()
