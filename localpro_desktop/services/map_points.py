"""The map's read model: what it shows, read from the store as compact data (runs on the DB
worker; the map tab only serves it to its page).

The page gets each layer as one JSON document of ``[lat, lon, id, code]`` rows (written by
SQLite itself, see ``_points_json``) rather than one object per marker: 50,000 prospects
are ~3 MB of JSON that V8 parses in tens of milliseconds, where per-marker HTML (folium's
``MarkerCluster``) took seconds for 10,000. ``code`` is the pipeline status' position for
contacts (colour and label are looked up in the page's config) and 0 for prospects. Names,
phones and the rest are fetched one record at a time when a popup opens, so the bulk
payload carries nothing a user typed or scraped.

A record with a city but no coordinates (typed by hand, imported from a list) is placed at
its city's centre from the bundled city table (``services/geo.py``), as a row with a fifth
element ``1`` that the page draws as "approximate"; what still has no place is counted, by
reason, in the layer's ``LayerCoverage`` so the map can say why it shows fewer records.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import Select, and_, case, func, literal, not_, select
from sqlalchemy.orm import Session

from localpro_desktop.domain.colors import PROSPECT_COLOR, STATUS_COLORS, UNKNOWN_STATUS_COLOR
from localpro_desktop.domain.pipeline import PIPELINE_ORDER, PipelineStatus
from localpro_desktop.domain.sectors import sector_label
from localpro_desktop.domain.segment_rules import SegmentRule
from localpro_desktop.services.geo import CountryCities, country_cities
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import Contact, Prospect
from localpro_desktop.store.queries.contacts import contact_filter, in_static_segment
from localpro_desktop.store.queries.prospects import ProspectFilter, apply_filter

Layer = Literal["contacts", "prospects"]
LAYERS: tuple[Layer, ...] = ("contacts", "prospects")
KIND_OF_LAYER: dict[Layer, str] = {"contacts": "contact", "prospects": "prospect"}


def as_layer(name: str) -> Layer | None:
    """``name`` as a layer, or None when it names none (a page or URL said it)."""
    return next((layer for layer in LAYERS if layer == name), None)


SOURCES: dict[str, Layer] = {"prospects": "prospects", "crm": "contacts", "contacts": "contacts"}
"""Which layer a list's filter applies to, by the list's name (the tab keys of the window)."""
STATUS_CODES: dict[str, int] = {status.value: i for i, status in enumerate(PIPELINE_ORDER)}
COORD_DIGITS = 5
"""~1 m: finer is noise for a business location and only makes the JSON bigger."""


@dataclass(frozen=True)
class LayerCoverage:
    """How many of a layer's records (after its filter) the map can place, and why not."""

    located: int = 0
    """With their own coordinates."""
    approximate: int = 0
    """At their city's centre: no coordinates, a city the bundled table knows."""
    no_city: int = 0
    """No coordinates and no city."""
    unknown_city: int = 0
    """No coordinates, and a city the table does not have in the record's country (a
    district, a village under 15,000 people, a misspelling)."""

    @property
    def shown(self) -> int:
        return self.located + self.approximate

    @property
    def missing(self) -> int:
        return self.no_city + self.unknown_city


@dataclass(frozen=True)
class LayerData:
    """What the page fetches for a layer (``body``) and what the tab says about it."""

    body: bytes
    coverage: LayerCoverage


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
    approximate: bool = False
    """No coordinates of its own: shown at its city's centre."""


def _located(lat: Any, lon: Any) -> list[Any]:
    return [
        lat.is_not(None),
        lon.is_not(None),
        lat.between(-90, 90),
        lon.between(-180, 180),
    ]


def _has_position(lat: float | None, lon: float | None) -> bool:
    """The Python twin of ``_located``: coordinates present and on the globe."""
    return lat is not None and lon is not None and -90 <= lat <= 90 and -180 <= lon <= 180


def _points_json(session: Session, query: Select[Any]) -> str:
    """``query``'s rows as one JSON array of arrays, built by SQLite.

    A layer of 100,000 points made in Python was 100,000 result rows, 100,000 lists and
    the JSON text at once (about 40 MB at its peak, in the app process that also hosts
    QtWebEngine); SQLite writes the text directly, so only the text itself is held.
    """
    inner = query.subquery()
    total = select(func.json_group_array(func.json(inner.c.point)))
    return str(session.scalar(total) or "[]")


def _point(lat: Any, lon: Any, ident: Any, code: Any) -> Any:
    return func.json_array(
        func.round(lat, COORD_DIGITS), func.round(lon, COORD_DIGITS), ident, code
    ).label("point")


def prospect_points(ws: Workspace, flt: ProspectFilter | None) -> str:
    """The located prospects matching ``flt``, as JSON ``[[lat, lon, id, 0], ...]``."""
    lat, lon = Prospect.latitude, Prospect.longitude
    query = apply_filter(
        select(_point(lat, lon, Prospect.id, literal(0))), flt or ProspectFilter()
    ).where(*_located(lat, lon))
    with ws.read() as session:
        return _points_json(session, query)


def _prospect_layer(ws: Workspace, flt: ProspectFilter | None) -> tuple[str, _Placed]:
    flt = flt or ProspectFilter()
    lat, lon = Prospect.latitude, Prospect.longitude
    unlocated = apply_filter(
        select(Prospect.id, literal(0), Prospect.city, Prospect.country), flt
    ).where(not_(and_(*_located(lat, lon))))
    located = apply_filter(select(func.count()).select_from(Prospect), flt)
    with ws.read() as session:
        count = int(session.scalar(located.where(*_located(lat, lon))) or 0)
        rows = [tuple(row) for row in session.execute(unlocated)]
    return prospect_points(ws, flt), _Placed(count, rows)


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


def contact_points(ws: Workspace, flt: ContactLayerFilter | None) -> str:
    """The located contacts matching ``flt``, as JSON ``[[lat, lon, id, status code], ...]``."""
    clauses = _contact_clauses(ws, flt)
    lat, lon = Contact.latitude, Contact.longitude
    code = case(STATUS_CODES, value=Contact.status, else_=0)
    query = select(_point(lat, lon, Contact.id, code)).where(*clauses, *_located(lat, lon))
    with ws.read() as session:
        return _points_json(session, query)


def _contact_clauses(ws: Workspace, flt: ContactLayerFilter | None) -> list[Any]:
    flt = flt or ContactLayerFilter()
    clauses = contact_filter(flt.rule or SegmentRule(), tz=_workspace_tz(ws))
    if flt.static_segment_id:
        clauses.append(in_static_segment(flt.static_segment_id))
    return clauses


def _contact_layer(ws: Workspace, flt: ContactLayerFilter | None) -> tuple[str, _Placed]:
    clauses = _contact_clauses(ws, flt)
    lat, lon = Contact.latitude, Contact.longitude
    code = case(STATUS_CODES, value=Contact.status, else_=0)
    unlocated = select(Contact.id, code, Contact.city, Contact.country).where(
        *clauses, not_(and_(*_located(lat, lon)))
    )
    located = select(func.count()).select_from(Contact).where(*clauses, *_located(lat, lon))
    with ws.read() as session:
        count = int(session.scalar(located) or 0)
        rows = [tuple(row) for row in session.execute(unlocated)]
    return contact_points(ws, flt), _Placed(count, rows)


@dataclass(frozen=True)
class _Placed:
    located: int
    unlocated: list[tuple[Any, ...]]
    """(id, code, city, country) of each record without usable coordinates."""


def _at_city_centres(
    unlocated: list[tuple[Any, ...]], home: str
) -> tuple[list[list[Any]], int, int]:
    """Rows at their city's centre, and how many had no city / an unknown one.

    A record without a country is taken to be in the workspace's (``home``).
    """
    points: list[list[Any]] = []
    no_city = unknown = 0
    for ident, code, city, country in unlocated:
        if not (city or "").strip():
            no_city += 1
            continue
        cities = country_cities(country or home)
        centre = cities.find(city) if cities is not None else None
        if centre is None:
            unknown += 1
            continue
        lat = round(centre.latitude, COORD_DIGITS)
        points.append([lat, round(centre.longitude, COORD_DIGITS), ident, code, 1])
    return points, no_city, unknown


def layer_data(ws: Workspace, layer: Layer, flt: object | None) -> LayerData:
    """The layer's document and coverage: located records, then those at their city's centre.

    ``{"layer": ..., "points": [...], "country": [[s, w], [n, e]] | null}``: ``country`` is
    the box around the workspace country's cities, where the page looks when it has nothing
    to show (rather than at the whole of Africa).
    """
    if layer == "prospects":
        exact, placed = _prospect_layer(ws, flt if isinstance(flt, ProspectFilter) else None)
    else:
        exact, placed = _contact_layer(ws, flt if isinstance(flt, ContactLayerFilter) else None)
    home = ws.settings().country
    approx, no_city, unknown = _at_city_centres(placed.unlocated, home)
    points = exact
    if approx:
        extra = json.dumps(approx, ensure_ascii=False, separators=(",", ":"))
        points = extra if exact == "[]" else f"{exact[:-1]},{extra[1:]}"
    # The box is only for a map with nothing on it: reading the city table costs ~50 MB and
    # half a second the first time (measured with bench_ui), so a map with points skips it.
    cities: CountryCities | None = country_cities(home) if points == "[]" else None
    box = json.dumps(cities.bounds if cities is not None else None)
    body = f'{{"layer":{json.dumps(layer)},"points":{points},"country":{box}}}'.encode()
    return LayerData(body, LayerCoverage(placed.located, len(approx), no_city, unknown))


def layer_body(ws: Workspace, layer: Layer, flt: object | None) -> bytes:
    """What the page fetches for a layer: ``{"layer": ..., "points": [...]}`` as UTF-8."""
    return layer_data(ws, layer, flt).body


def _prospect_details(p: Prospect) -> RecordDetails:
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
        not _has_position(p.latitude, p.longitude),
    )


def _contact_details(c: Contact) -> RecordDetails:
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
        not _has_position(c.latitude, c.longitude),
    )


def record_details(ws: Workspace, kind: str, ident: str) -> RecordDetails | None:
    """The popup's fields, or None for a deleted or unknown record."""
    with ws.read() as session:
        if kind == "prospect":
            p = session.get(Prospect, ident)
            if p is None or p.deleted_at is not None:
                return None
            return _prospect_details(p)
        if kind == "contact":
            c = session.get(Contact, ident)
            if c is None or c.deleted_at is not None:
                return None
            return _contact_details(c)
    return None


@dataclass(frozen=True)
class PopupWords:
    """The words a popup adds around a record's own fields, in the reader's language.

    The map tab fills them from Qt's translations (the interface language); the shared
    HTML file from the workspace's language, with no Qt (``services/exporting/map_html``).
    """

    prospect: str
    converted: str
    approximate: str
    status: Callable[[str], str]
    """A pipeline status value (``"client"``) as the reader calls it."""
    language: str
    """For sector labels (``domain/sectors.py``)."""


def popup_fields(d: RecordDetails, words: PopupWords, phone: str) -> dict[str, str]:
    """What a popup shows for ``d``, as plain text (never HTML): the app's page and the
    shared file both put each value in a node with ``textContent`` (``resources/map/popup.js``).

    ``phone`` is ``d.phone`` as the caller shows numbers (national at home, else
    international); colours are the domain's, so a status looks the same everywhere.
    """
    status = color = ""
    if d.kind == "contact" and d.status:
        status = words.status(d.status)
        known = d.status in STATUS_CODES
        color = STATUS_COLORS[PipelineStatus(d.status)] if known else UNKNOWN_STATUS_COLOR
    elif d.kind == "prospect":
        status = words.converted if d.converted else words.prospect
        color = PROSPECT_COLOR
    return {
        "kind": d.kind,
        "id": d.id,
        "name": d.name,
        "company": d.company,
        "sector": sector_label(d.sector, words.language) if d.sector else "",
        "city": d.city,
        "phone": phone,
        "status": status,
        "statusColor": color,
        "approximate": words.approximate if d.approximate else "",
    }


@dataclass(frozen=True)
class PlacedRecord:
    """A record where a map draws it, with its popup's raw fields."""

    lat: float
    lon: float
    details: RecordDetails


_ID_CHUNK = 500
"""Ids per ``IN (...)``: well under SQLite's bound-variable limit on every build."""


def placed_records(
    ws: Workspace,
    layer: Layer,
    flt: object | None = None,
    ids: Collection[str] | None = None,
) -> tuple[list[PlacedRecord], LayerCoverage]:
    """Every record of ``layer`` matching ``flt`` (and, when given, among ``ids``) with the
    place the map draws it at: its own coordinates, else its city's centre, as
    ``layer_data`` places them; the rest is counted by reason in the coverage.

    For a whole list at once (the shared map file), where ``layer_data`` serves ids only and
    ``record_details`` reads one record per popup.
    """
    if layer == "prospects":
        pflt = flt if isinstance(flt, ProspectFilter) else ProspectFilter()
        base: Select[Any] = apply_filter(select(Prospect), pflt)
        model: Any = Prospect
        convert: Callable[[Any], RecordDetails] = _prospect_details
    else:
        cflt = flt if isinstance(flt, ContactLayerFilter) else None
        base = select(Contact).where(*_contact_clauses(ws, cflt))
        model, convert = Contact, _contact_details
    queries = [base]
    if ids is not None:
        wanted = sorted(set(ids))
        chunks = [wanted[i : i + _ID_CHUNK] for i in range(0, len(wanted), _ID_CHUNK)]
        queries = [base.where(model.id.in_(chunk)) for chunk in chunks]
    home = ws.settings().country
    placed: list[PlacedRecord] = []
    located = approximate = no_city = unknown = 0
    with ws.read() as session:
        for query in queries:
            for row in session.scalars(query):
                lat, lon = row.latitude, row.longitude
                if _has_position(lat, lon):
                    located += 1
                elif not (row.city or "").strip():
                    no_city += 1
                    continue
                else:
                    cities = country_cities(row.country or home)
                    centre = cities.find(row.city) if cities is not None else None
                    if centre is None:
                        unknown += 1
                        continue
                    approximate += 1
                    lat, lon = centre.latitude, centre.longitude
                point = (round(float(lat), COORD_DIGITS), round(float(lon), COORD_DIGITS))
                placed.append(PlacedRecord(point[0], point[1], convert(row)))
    return placed, LayerCoverage(located, approximate, no_city, unknown)


UNUSABLE = object()
"""What ``layer_filter`` answers for a filter it cannot read (the caller logs and ignores it)."""


def layer_filter(layer: Layer, flt: object) -> object | None:
    """The filter ``layer``'s query takes, read from what a list tab emits, or ``UNUSABLE``.

    Prospects: a ProspectFilter (or an object carrying one as ``filter``). Contacts: a
    SegmentRule, or the CRM tab's BoardFilter (its ``rule``, plus ``segment_id`` when
    ``is_static``: a static segment's members are a list, not a rule).
    """
    if flt is None:
        return None
    if layer == "prospects":
        if isinstance(flt, ProspectFilter):
            return flt
        inner = getattr(flt, "filter", None)
        return inner if isinstance(inner, ProspectFilter) else UNUSABLE
    if isinstance(flt, ContactLayerFilter):
        return flt
    if isinstance(flt, SegmentRule):
        return ContactLayerFilter(flt)
    rule = getattr(flt, "rule", None)
    if not isinstance(rule, SegmentRule):
        return UNUSABLE
    segment_id = getattr(flt, "segment_id", None) if getattr(flt, "is_static", False) else None
    return ContactLayerFilter(rule, segment_id if isinstance(segment_id, str) else None)
