"""What the map shows, read from the store as compact data (no Qt here; runs on the DB worker).

The page gets each layer as one JSON document of ``[lat, lon, id, code]`` rows rather than
one object per marker: 50,000 prospects are ~3 MB of JSON that V8 parses in tens of
milliseconds, where per-marker HTML (folium's ``MarkerCluster``) took seconds for 10,000.
``code`` is the pipeline status' position for contacts (colour and label are looked up in
the page's config) and 0 for prospects. Names, phones and the rest are fetched one record at
a time when a popup opens, so the bulk payload carries nothing a user typed or scraped.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select

from localpro_desktop.domain.pipeline import PIPELINE_ORDER, PipelineStatus
from localpro_desktop.domain.segment_rules import SegmentRule
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import Contact, Prospect
from localpro_desktop.store.queries.contacts import contact_filter, in_static_segment
from localpro_desktop.store.queries.prospects import ProspectFilter, apply_filter

Layer = Literal["contacts", "prospects"]
LAYERS: tuple[Layer, ...] = ("contacts", "prospects")
KIND_OF_LAYER: dict[Layer, str] = {"contacts": "contact", "prospects": "prospect"}
STATUS_CODES: dict[str, int] = {status.value: i for i, status in enumerate(PIPELINE_ORDER)}
COORD_DIGITS = 5
"""~1 m: finer is noise for a business location and only makes the JSON bigger."""


@dataclass(frozen=True)
class RecordDetails:
    """One record's popup fields, raw (the UI thread translates sector and status)."""

    kind: str
    id: str
    name: str
    company: str
    sector: str
    city: str
    phone: str
    status: str | None
    converted: bool


def _coordinates_ok(lat: Any, lon: Any) -> bool:
    return lat is not None and lon is not None and -90 <= lat <= 90 and -180 <= lon <= 180


def prospect_points(ws: Workspace, flt: ProspectFilter | None) -> list[list[Any]]:
    query = apply_filter(
        select(Prospect.latitude, Prospect.longitude, Prospect.id), flt or ProspectFilter()
    ).where(Prospect.latitude.is_not(None), Prospect.longitude.is_not(None))
    with ws.read() as session:
        rows = session.execute(query).all()
    return [
        [round(lat, COORD_DIGITS), round(lon, COORD_DIGITS), ident, 0]
        for lat, lon, ident in rows
        if _coordinates_ok(lat, lon)
    ]


def _workspace_tz(ws: Workspace) -> ZoneInfo | None:
    try:
        return ZoneInfo(ws.settings().timezone)
    except (ZoneInfoNotFoundError, ValueError):
        return None


@dataclass(frozen=True)
class ContactLayerFilter:
    """Which contacts the map shows: a rule, and for a static segment its member list."""

    rule: SegmentRule | None = None
    static_segment_id: str | None = None


def contact_points(ws: Workspace, flt: ContactLayerFilter | None) -> list[list[Any]]:
    flt = flt or ContactLayerFilter()
    clauses = contact_filter(flt.rule or SegmentRule(), tz=_workspace_tz(ws))
    if flt.static_segment_id:
        clauses.append(in_static_segment(flt.static_segment_id))
    query = select(Contact.latitude, Contact.longitude, Contact.id, Contact.status).where(
        *clauses, Contact.latitude.is_not(None), Contact.longitude.is_not(None)
    )
    with ws.read() as session:
        rows = session.execute(query).all()
    return [
        [round(lat, COORD_DIGITS), round(lon, COORD_DIGITS), ident, STATUS_CODES.get(status, 0)]
        for lat, lon, ident, status in rows
        if _coordinates_ok(lat, lon)
    ]


def layer_points(ws: Workspace, layer: Layer, flt: object | None) -> list[list[Any]]:
    if layer == "prospects":
        return prospect_points(ws, flt if isinstance(flt, ProspectFilter) else None)
    return contact_points(ws, flt if isinstance(flt, ContactLayerFilter) else None)


def encode_layer(layer: Layer, points: list[list[Any]]) -> bytes:
    return json.dumps(
        {"layer": layer, "points": points}, separators=(",", ":"), ensure_ascii=False
    ).encode("utf-8")


def record_details(ws: Workspace, kind: str, ident: str) -> RecordDetails | None:
    """The popup's fields, or None for a deleted or unknown record."""
    with ws.read() as session:
        if kind == "prospect":
            p = session.get(Prospect, ident)
            if p is None or p.deleted_at is not None:
                return None
            return RecordDetails(
                "prospect",
                p.id,
                p.business_name,
                "",
                p.sector,
                p.city,
                p.phone,
                None,
                p.contact_id is not None,
            )
        if kind == "contact":
            c = session.get(Contact, ident)
            if c is None or c.deleted_at is not None:
                return None
            name = c.display_name
            return RecordDetails(
                "contact",
                c.id,
                name,
                c.company if c.company != name else "",
                c.sector,
                c.city,
                c.phone or c.whatsapp,
                PipelineStatus(c.status).value if c.status in STATUS_CODES else c.status,
                False,
            )
    return None
