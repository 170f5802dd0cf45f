"""A local stand-in for Nominatim's search API: a real HTTP server on 127.0.0.1.

It answers ``GET /search?q=...&format=jsonv2`` like https://nominatim.org/release-docs/develop/api/Search/
with the documented ``jsonv2`` output (https://nominatim.org/release-docs/develop/api/Output/):
a JSON list of places, each with ``place_id``, ``licence``, ``osm_type``, ``osm_id``,
``lat``/``lon`` as strings, ``category`` and ``type`` (``class`` renamed in jsonv2),
``place_rank``, ``importance``, ``addresstype``, ``name``, ``display_name``, ``address``
(only with ``addressdetails=1``) and ``boundingbox`` as four strings
(min lat, max lat, min lon, max lon). ``countrycodes`` and ``limit`` filter the gazetteer
below; errors (429 with ``Retry-After``, slow answers) are scripted with ``StandIn.script``
(tests/channels/sms_standins.py).
"""

from __future__ import annotations

from typing import Any

from tests.channels.sms_standins import Received, Reply, StandIn

PATH = "/search"
_NOT_DISPLAYED = {"country_code", "ISO3166-2-lvl4"}
LICENCE = "Data © OpenStreetMap contributors, ODbL 1.0. http://osm.org/copyright"


def place(
    place_id: int,
    osm: tuple[str, int],
    name: str,
    lat: str,
    lon: str,
    *,
    category: str = "place",
    kind: str = "town",
    rank: int = 16,
    addresstype: str | None = None,
    address: dict[str, str] | None = None,
    bbox: list[str] | None = None,
    importance: float = 0.4,
) -> dict[str, Any]:
    """One ``jsonv2`` place, as the documented example is laid out."""
    body: dict[str, Any] = {
        "place_id": place_id,
        "licence": LICENCE,
        "osm_type": osm[0],
        "osm_id": osm[1],
        "lat": lat,
        "lon": lon,
        "category": category,
        "type": kind,
        "place_rank": rank,
        "importance": importance,
        "addresstype": addresstype or kind,
        "name": name,
        "display_name": ", ".join(
            v for k, v in (address or {"name": name}).items() if k not in _NOT_DISPLAYED
        ),
    }
    if address is not None:
        body["address"] = address
    if bbox is not None:
        body["boundingbox"] = bbox
    return body


COCODY = place(
    246371,
    ("relation", 3426418),
    "Cocody",
    "5.3602164",
    "-3.9674371",
    category="boundary",
    kind="administrative",
    rank=16,
    addresstype="suburb",
    address={
        "suburb": "Cocody",
        "city": "Abidjan",
        "state": "District Autonome d'Abidjan",
        "ISO3166-2-lvl4": "CI-AB",
        "country": "Côte d'Ivoire",
        "country_code": "ci",
    },
    bbox=["5.3208050", "5.4218560", "-4.0060840", "-3.9128700"],
)
COCODY_ROAD = place(
    98127302,
    ("way", 24539871),
    "Boulevard de Cocody",
    "5.3301100",
    "-4.0015200",
    category="highway",
    kind="primary",
    rank=26,
    addresstype="road",
    address={"road": "Boulevard de Cocody", "country": "Côte d'Ivoire", "country_code": "ci"},
    bbox=["5.3290000", "5.3310000", "-4.0100000", "-3.9900000"],
)
"""The same name on a road: not a place a business search can run in."""
TIASSALE = place(
    1293012,
    ("node", 2470016591),
    "Tiassalé",
    "5.8983",
    "-4.8228",
    kind="town",
    rank=18,
    address={
        "town": "Tiassalé",
        "state": "Lagunes",
        "country": "Côte d'Ivoire",
        "country_code": "ci",
    },
    bbox=["5.8583", "5.9383", "-4.8628", "-4.7828"],
)
ERRACHIDIA_AR = place(
    1450033,
    ("node", 250940017),
    "الرشيدية",
    "31.9314",
    "-4.4244",
    kind="city",
    rank=16,
    address={
        "city": "الرشيدية",
        "state": "جهة درعة تافيلالت",
        "country": "المغرب",
        "country_code": "ma",
    },
    bbox=["31.7714", "32.0914", "-4.5844", "-4.2644"],
)
BARE_VILLAGE: dict[str, Any] = {
    # An older server's answer: no name, addresstype, address or boundingbox.
    "place_id": 7701,
    "licence": LICENCE,
    "osm_type": "node",
    "osm_id": 4410001,
    "lat": "12.6421",
    "lon": "-8.0012",
    "category": "place",
    "type": "village",
    "place_rank": 19,
    "importance": 0.1,
    "display_name": "Kati Koko, Cercle de Kati, Koulikoro, Mali",
}
NO_COORDINATES: dict[str, Any] = {**BARE_VILLAGE, "place_id": 7702, "lat": "", "lon": None}
MALI_CITY_BOUNDARY_WITHOUT_ADDRESSTYPE: dict[str, Any] = {
    "place_id": 7703,
    "licence": LICENCE,
    "osm_type": "relation",
    "osm_id": 3411001,
    "lat": "12.6392",
    "lon": "-8.0029",
    "category": "boundary",
    "type": "administrative",
    "place_rank": 14,
    "importance": 0.5,
    "name": "Kati",
    "display_name": "Kati, Cercle de Kati, Koulikoro, Mali",
    "address": {"town": "Kati", "state": "Koulikoro", "country": "Mali", "country_code": "ml"},
    "boundingbox": ["12.60", "12.68", "-8.05", "-7.95"],
}
KOULIKORO_REGION: dict[str, Any] = {
    **MALI_CITY_BOUNDARY_WITHOUT_ADDRESSTYPE,
    "place_id": 7704,
    "name": "Koulikoro",
    "place_rank": 8,
    "display_name": "Koulikoro, Mali",
}
"""A region (rank 8): too large to search for businesses in, so not a city."""

GAZETTEER: dict[str, list[dict[str, Any]]] = {
    "cocody": [COCODY, COCODY_ROAD],
    "tiassale": [TIASSALE],
    "tiassalé": [TIASSALE],
    "الرشيدية": [ERRACHIDIA_AR],
    "kati": [
        NO_COORDINATES,
        BARE_VILLAGE,
        MALI_CITY_BOUNDARY_WITHOUT_ADDRESSTYPE,
        KOULIKORO_REGION,
    ],
}


def country_of(entry: dict[str, Any]) -> str:
    address = entry.get("address") or {}
    if "country_code" in address:
        return str(address["country_code"])
    return "ml"  # BARE_VILLAGE and NO_COORDINATES


def nominatim(gazetteer: dict[str, list[dict[str, Any]]] | None = None) -> StandIn:
    """Answers ``/search`` from ``gazetteer`` (by lower-cased ``q``); unknown names: ``[]``."""
    table = GAZETTEER if gazetteer is None else gazetteer

    def respond(request: Received) -> Reply:
        query = request.query
        if request.method != "GET" or request.path != PATH or "q" not in query:
            return Reply(400, {"error": {"code": 400, "message": "Nothing to search for."}})
        if query.get("format") != ["jsonv2"]:
            return Reply(400, {"error": {"code": 400, "message": "Parameter 'format' invalid."}})
        found = list(table.get(query["q"][0].strip().lower(), []))
        if "countrycodes" in query:
            codes = query["countrycodes"][0].lower().split(",")
            found = [e for e in found if country_of(e) in codes]
        if query.get("addressdetails") != ["1"]:
            found = [{k: v for k, v in e.items() if k != "address"} for e in found]
        limit = int(query.get("limit", ["10"])[0])
        return Reply(200, found[:limit])

    return StandIn(respond)


__all__ = [
    "BARE_VILLAGE",
    "COCODY",
    "ERRACHIDIA_AR",
    "PATH",
    "TIASSALE",
    "Received",
    "Reply",
    "StandIn",
    "nominatim",
]
