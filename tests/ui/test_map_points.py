"""The map's layer documents, written by SQLite, against the same rows read in Python."""

import json
from pathlib import Path
from typing import Any

from sqlalchemy import update

from localpro_desktop.domain.pipeline import PIPELINE_ORDER
from localpro_desktop.domain.segment_rules import SegmentRule
from localpro_desktop.paths import WorkspacePaths
from localpro_desktop.services.contacts import ContactService
from localpro_desktop.services.map_points import (
    ContactLayerFilter,
    LayerCoverage,
    layer_body,
    layer_data,
    record_details,
)
from localpro_desktop.services.prospects import ProspectService
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import Contact, Prospect
from localpro_desktop.store.queries.prospects import ProspectFilter

CODES = {status.value: code for code, status in enumerate(PIPELINE_ORDER)}


def _expected(rows: list[Any], code: Any) -> list[list[Any]]:
    """What the page must get, computed the plain way."""
    return [
        [round(r.latitude, 5), round(r.longitude, 5), r.id, code(r)]
        for r in rows
        if r.latitude is not None
        and r.longitude is not None
        and -90 <= r.latitude <= 90
        and -180 <= r.longitude <= 180
    ]


def _body(ws: Workspace, layer: str, flt: object | None) -> dict[str, Any]:
    document = json.loads(layer_body(ws, layer, flt).decode("utf-8"))  # type: ignore[arg-type]
    assert document["layer"] == layer
    return document


def _by_id(points: list[list[Any]]) -> dict[str, list[Any]]:
    return {point[2]: point for point in points}


def _exact(points: list[list[Any]]) -> list[list[Any]]:
    """The records placed by their own coordinates (approximate ones have a fifth element)."""
    return [point for point in points if len(point) == 4]


def _same_points(got: list[list[Any]], want: list[list[Any]]) -> bool:
    """Same records and codes; coordinates within the last digit (SQLite rounds half away
    from zero on the decimal value, Python to even on the binary one: both ~1 m)."""
    got_by_id, want_by_id = _by_id(got), _by_id(want)
    assert len(got_by_id) == len(got), "a record twice"
    assert got_by_id.keys() == want_by_id.keys()
    for ident, (lat, lon, _ident, code) in got_by_id.items():
        want_lat, want_lon, _, want_code = want_by_id[ident]
        assert code == want_code, ident
        assert abs(lat - want_lat) <= 1.01e-5 and abs(lon - want_lon) <= 1.01e-5, ident
    return True


def test_layers_hold_every_located_record_rounded_with_its_code(demo_paths: WorkspacePaths) -> None:
    ws = Workspace.open(demo_paths, daily_backup=False)
    try:
        with ws.write() as session:
            first, second, third = session.query(Prospect.id).order_by(Prospect.id).limit(3)
            # A scraped record with a wrong latitude, one without coordinates, one precise.
            session.execute(update(Prospect).where(Prospect.id == first.id).values(latitude=95.0))
            session.execute(update(Prospect).where(Prospect.id == second.id).values(longitude=None))
            session.execute(
                update(Prospect)
                .where(Prospect.id == third.id)
                .values(latitude=14.6927123456, longitude=-17.4467198765)
            )
        with ws.read() as session:
            prospects = session.query(Prospect).filter(Prospect.deleted_at.is_(None)).all()
            contacts = session.query(Contact).filter(Contact.deleted_at.is_(None)).all()

        points = _body(ws, "prospects", None)["points"]
        assert _same_points(_exact(points), _expected(prospects, lambda _r: 0))
        got = _by_id(points)
        # Without usable coordinates: at their (demo) city's centre, marked approximate.
        assert got[first.id][4] == 1 and got[second.id][4] == 1
        assert got[third.id][:2] == [14.69271, -17.44672]

        points = _exact(_body(ws, "contacts", None)["points"])
        assert _same_points(points, _expected(contacts, lambda r: CODES[r.status]))
        assert {point[3] for point in points} == set(CODES.values())  # demo: every status
    finally:
        ws.close()


def test_layers_follow_the_filters(demo_paths: WorkspacePaths) -> None:
    ws = Workspace.open(demo_paths, daily_backup=False)
    try:
        with ws.read() as session:
            city = session.query(Prospect.city).filter(Prospect.latitude.is_not(None)).first()[0]
            in_city = session.query(Prospect).filter(Prospect.city == city).all()
            clients = session.query(Contact).filter(Contact.status == "client").all()
        flt = ProspectFilter(city=city)
        points = _exact(_body(ws, "prospects", flt)["points"])
        assert _same_points(points, _expected(in_city, lambda _r: 0))
        rule = ContactLayerFilter(rule=SegmentRule(statuses=("client",)))
        points = _exact(_body(ws, "contacts", rule)["points"])
        assert _same_points(points, _expected(clients, lambda _r: CODES["client"]))
    finally:
        ws.close()


def test_an_empty_workspace_gives_empty_layers(tmp_path: Path) -> None:
    ws = Workspace.open(WorkspacePaths(tmp_path / "empty"), daily_backup=False)
    try:
        assert _body(ws, "prospects", None)["points"] == []
        assert _body(ws, "contacts", None)["points"] == []
    finally:
        ws.close()


def test_records_with_a_city_but_no_coordinates_sit_at_its_centre(tmp_path: Path) -> None:
    """The shop owner's case: typed or imported with a city, never geocoded."""
    ws = Workspace.open(WorkspacePaths(tmp_path / "dakar"), daily_backup=False)  # country SN
    try:
        prospects = ProspectService(ws)
        add = lambda **fields: prospects.add(fields).id  # noqa: E731
        thies = add(business_name="Boutique Awa", city="THIES")  # accents and case ignored
        dakar = add(business_name="Pharmacie", city="Dakar, Plateau")
        near = add(business_name="Atelier", city="Dakar", latitude="14.7", longitude="-17.45")
        hamlet = add(business_name="Cabine", city="Ndiaganiao")  # under 15,000 people
        add(business_name="Sans ville")
        lagos_sn = add(business_name="Homonyme", city="Lagos")  # only searched in Senegal
        contact = ContactService(ws).add({"first_name": "Ada", "city": "Lagos", "country": "NG"})

        data = layer_data(ws, "prospects", None)
        document = json.loads(data.body)
        got = _by_id(document["points"])
        assert got[thies][:2] == [14.78944, -16.92602] and got[thies][4] == 1
        assert got[dakar][:2] == [14.6937, -17.44406] and got[dakar][4] == 1
        assert got[near] == [14.7, -17.45, near, 0]  # its own position, not approximate
        assert hamlet not in got and lagos_sn not in got
        assert data.coverage == LayerCoverage(located=1, approximate=2, no_city=1, unknown_city=2)
        # With points to show the page fits them: the city table is not read for a box.
        assert document["country"] is None
        # Nothing to show: the page centres on the workspace's country (Senegal).
        empty = json.loads(layer_data(ws, "prospects", ProspectFilter(text="zzqx")).body)
        assert empty["points"] == []
        (south, west), (north, east) = empty["country"]
        assert 12 < south < north < 17 and -18 < west < east < -11

        contacts = layer_data(ws, "contacts", None)
        point = json.loads(contacts.body)["points"][0]
        assert point[2] == contact.id and point[4] == 1 and 6 < point[0] < 7  # Lagos, Nigeria
        assert contacts.coverage == LayerCoverage(approximate=1)

        details = record_details(ws, "prospect", thies)
        assert details is not None and details.approximate
        exact = record_details(ws, "prospect", near)
        assert exact is not None and not exact.approximate
    finally:
        ws.close()
