"""What the discovery service, CLI and screen tests share: Overpass elements around
Abidjan's Plateau, as the Overpass JSON output gives them
(https://dev.overpass-api.de/output_formats.html#json), and a stand-in serving them."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from tests.discovery.overpass_standin import PATH, StandIn, overpass

# Plateau, Abidjan: a few hundred metres apart.
LAT, LON = 5.3236, -4.0197


def node(ident: int, lat: float, lon: float, **tags: str) -> dict[str, Any]:
    return {"type": "node", "id": ident, "lat": lat, "lon": lon, "tags": tags}


def way(ident: int, lat: float, lon: float, **tags: str) -> dict[str, Any]:
    return {
        "type": "way",
        "id": ident,
        "center": {"lat": lat, "lon": lon},
        "nodes": [1, 2, 3, 1],
        "tags": tags,
    }


PHARMACIES: list[dict[str, Any]] = [
    node(
        101,
        LAT,
        LON,
        amenity="pharmacy",
        name="Pharmacie du Plateau",
        phone="+225 27 20 21 22 23",
        opening_hours="Mo-Sa 08:00-20:00",
    ),
    node(
        102,
        LAT + 0.004,
        LON + 0.002,
        amenity="pharmacy",
        name="Pharmacie Sainte Anne",
        **{"contact:whatsapp": "https://wa.me/2250707123456"},
    ),
    node(
        103,
        LAT - 0.003,
        LON,
        amenity="pharmacy",
        name="صيدلية النور",
        **{"addr:street": "Boulevard de la République"},
    ),
    # The same pharmacy as node 101, mapped again as its building: a repeat.
    way(201, LAT + 0.0003, LON + 0.0002, amenity="pharmacy", name="Pharmacie du Plateau"),
    node(104, LAT + 0.01, LON - 0.01, amenity="pharmacy"),  # no name: left out
    node(
        105,
        LAT + 0.02,
        LON + 0.02,
        amenity="pharmacy",
        name="Pharmacie des Lagunes",
        phone="27 22 44 55 66",
        email="contact@lagunes.ci",
    ),
]


@contextmanager
def overpass_at(
    monkeypatch: pytest.MonkeyPatch, elements: list[dict[str, Any]] | None = None
) -> Iterator[StandIn]:
    with overpass(PHARMACIES if elements is None else elements) as server:
        monkeypatch.setenv("LOCALPRO_OVERPASS_URL", server.url + PATH)
        yield server


def closed_port_url() -> str:
    """An address where nothing listens: a search there is "no connection"."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/api/interpreter"
