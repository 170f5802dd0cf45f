""" "Share this map": a selection of records as ONE self-contained HTML file, made with folium.

A field agent opens the file on a phone, often with no connection, to plan a day of visits,
so everything the page needs is inside it:

* folium's ``Map`` would link Leaflet, jQuery, Bootstrap and Font Awesome from CDNs (its
  ``default_js``/``default_css``). ``_OfflineMap`` empties those lists and the file carries
  our vendored Leaflet and Leaflet.markercluster (``resources/map/vendor``) inline, with the
  images Leaflet's CSS names turned into ``data:`` URLs. Markers are canvas circles (no icon
  font, no image), so nothing else is needed.
* Records go in as one JSON literal (``<``, ``>`` and ``&`` written as ``\\u`` escapes, so
  no name can close the script) and ``resources/map/share.js`` turns them into markers, one
  cluster group per layer. The popups are the app's: the same fields (``popup_fields`` in
  ``services/map_points.py``), the same colours (``domain/colors.py``), and the same builder
  (``resources/map/popup.js``) putting every value in with ``textContent``, never as HTML.
  folium's own ``Popup`` is not used: it builds HTML strings and needs jQuery.
* The background tiles are the one thing that needs a connection (OpenStreetMap by default,
  with its attribution); the file says so in its legend, and points and popups work without.

The text around the records (legend, labels, status names) follows the workspace's language,
not the laptop's: the file is written for someone else, also from ``localpro export map``
where no Qt translator runs; so the words are here per language, like
``domain/recipient_texts.py``, with the status and sector names from the domain.

Size: about 180 kB of Leaflet and markercluster, plus ~150 bytes a record.
"""

from __future__ import annotations

import base64
import contextlib
import html
import json
import os
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from localpro_desktop.domain.colors import CONTACT_CLUSTER_COLOR, PROSPECT_COLOR, STATUS_COLORS
from localpro_desktop.domain.disk import disk_error
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.messages import exporting as msg
from localpro_desktop.domain.names import fold
from localpro_desktop.domain.phones import format_for_region, parse_phone
from localpro_desktop.domain.pipeline import PIPELINE_ORDER, PipelineStatus
from localpro_desktop.domain.segment_rules import status_label
from localpro_desktop.resources import resource
from localpro_desktop.services.map_points import (
    Layer,
    LayerCoverage,
    PlacedRecord,
    PopupWords,
    placed_records,
    popup_fields,
)
from localpro_desktop.services.segments import SegmentService
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import Prospect

__all__ = [
    "OSM_TILES",
    "MapExportResult",
    "MapSelection",
    "TileSource",
    "export_map_html",
    "ids_from_lines",
    "render_map_html",
]


@dataclass(frozen=True)
class TileSource:
    """Where the file's background comes from (a ``{z}/{x}/{y}`` URL) and its credit line."""

    url: str
    attribution: str


OSM_TILES = TileSource(
    "https://tile.openstreetmap.org/{z}/{x}/{y}.png", "© OpenStreetMap contributors"
)
_OSM_CREDIT = (
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
)


@dataclass(frozen=True)
class MapSelection:
    """What goes on the shared map; the parts add up (a record in two parts appears once).

    * ``segment``: a segment's contacts, by id or name (as ``localpro segments`` shows them).
    * ``contact_ids``/``prospect_ids``: a list the user has in front of them (a discovery
      result, the records a list shows).
    * ``city``: the prospects in that city, ignoring case and accents ("thies" is "Thiès").
    * ``views``: what the map tab shows (its layers' filters, see ``map_points``).
    * ``title``: what the file's legend is headed with (default: the segment or city).
    """

    segment: str | None = None
    contact_ids: tuple[str, ...] = ()
    prospect_ids: tuple[str, ...] = ()
    city: str | None = None
    views: tuple[tuple[Layer, object | None], ...] = ()
    """Layers as the map tab shows them: each with its filter (None: the whole layer)."""
    title: str = ""

    def is_empty(self) -> bool:
        return not (
            self.segment or self.contact_ids or self.prospect_ids or self.city or self.views
        )


@dataclass(frozen=True)
class MapExportResult:
    points: int
    """Markers in the file (both layers)."""
    without_location: int
    """Selected records with neither coordinates nor a city the map knows: left out."""
    path: Path
    contacts: int = 0
    prospects: int = 0
    size: int = 0
    """Bytes written."""
    coverage: dict[str, LayerCoverage] = field(default_factory=dict)


# -- words, per workspace language ------------------------------------------------------

_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "contacts": "Contacts",
        "prospects": "Prospects",
        "prospect": "Prospect",
        "converted": "Prospect (converted)",
        "approximate": "approximate (centre of the city)",
        "hollow": "Hollow: approximate position (centre of the city)",
        "unnamed": "(no name)",
        "sector": "Sector:",
        "city": "City:",
        "phone": "Phone:",
        "status": "Status:",
        "position": "Position:",
        "title": "LocalPro map",
        "made": "Made with LocalPro on {day}: {contacts} contacts, {prospects} prospects.",
        "missing": "{count} without a known place are not on this map.",
        "offline": "The background map needs a connection; the points and their details "
        "work without one.",
        "segment": "Segment {name}",
        "city_title": "Prospects in {city}",
    },
    "fr": {
        "contacts": "Contacts",
        "prospects": "Prospects",
        "prospect": "Prospect",
        "converted": "Prospect (converti)",
        "approximate": "approximative (centre de la ville)",
        "hollow": "Creux : position approximative (centre de la ville)",
        "unnamed": "(sans nom)",
        "sector": "Secteur :",
        "city": "Ville :",
        "phone": "Téléphone :",
        "status": "Statut :",
        "position": "Position :",
        "title": "Carte LocalPro",
        "made": "Faite avec LocalPro le {day} : {contacts} contacts, {prospects} prospects.",
        "missing": "{count} sans lieu connu ne sont pas sur cette carte.",
        "offline": "Le fond de carte demande une connexion ; les points et leurs détails "
        "fonctionnent sans.",
        "segment": "Segment {name}",
        "city_title": "Prospects à {city}",
    },
}
"""The file's own words (the app's map says the same, translated by Qt in ``ui/map``)."""


def _words(language: str) -> dict[str, str]:
    return _WORDS.get(language[:2].lower(), _WORDS["en"])


# -- the selection, read ------------------------------------------------------------------


def _city_prospect_ids(ws: Workspace, city: str) -> list[str]:
    """Live prospects whose city folds to ``city``'s fold; SQLite's ``lower()`` knows no
    accents, so the cities are compared here (id and city only: cheap for 100,000 rows)."""
    wanted = fold(city)
    query = select(Prospect.id, Prospect.city).where(
        Prospect.deleted_at.is_(None), Prospect.city.is_not(None), Prospect.city != ""
    )
    with ws.read() as session:
        return [str(i) for i, c in session.execute(query) if fold(c or "") == wanted]


def _read(
    ws: Workspace, selection: MapSelection
) -> tuple[dict[Layer, list[PlacedRecord]], dict[str, LayerCoverage]]:
    contact_ids: list[str] = list(selection.contact_ids)
    if selection.segment:
        contact_ids += SegmentService(ws).contact_ids(selection.segment)
    prospect_ids: list[str] = list(selection.prospect_ids)
    if selection.city:
        prospect_ids += _city_prospect_ids(ws, selection.city)
    wanted: dict[Layer, list[tuple[object | None, list[str] | None]]] = {
        "contacts": [(None, contact_ids)] if contact_ids else [],
        "prospects": [(None, prospect_ids)] if prospect_ids else [],
    }
    for layer, flt in selection.views:
        wanted[layer].append((flt, None))
    records: dict[Layer, list[PlacedRecord]] = {}
    coverage: dict[str, LayerCoverage] = {}
    for layer, parts in wanted.items():
        if not parts:
            continue
        by_id: dict[str, PlacedRecord] = {}
        covers = []
        for flt, ids in parts:
            placed, cover = placed_records(ws, layer, flt, ids)
            by_id.update((r.details.id, r) for r in placed)
            covers.append(cover)
        records[layer] = sorted(
            by_id.values(), key=lambda r: (r.details.name.casefold(), r.details.id)
        )
        coverage[layer] = LayerCoverage(
            *(
                sum(getattr(c, name) for c in covers)
                for name in ("located", "approximate", "no_city", "unknown_city")
            )
        )
    return records, coverage


def _shown_phone(raw: str, home: str) -> str:
    """As the app shows a typed number: national at home, international otherwise."""
    if not raw:
        return ""
    e164 = parse_phone(raw, home or "ZZ").e164
    if not e164:
        return raw
    try:
        return format_for_region(e164, home)
    except Exception:  # a number phonenumbers cannot re-read: shown as stored
        return e164


# -- the page -----------------------------------------------------------------------------

_FIELDS = ("kind", "name", "company", "sector", "city", "phone", "status", "statusColor")
_FIELDS_TAIL = ("approximate",)
"""The popup fields, in the order ``share.js`` reads them from a point's row."""


def _script_json(value: object) -> str:
    """``value`` as a JS literal that cannot end the ``<script>`` it sits in."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, escape in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escape)
    return text


def _asset(*parts: str) -> str:
    text = resource("map", *parts).read_text(encoding="utf-8")
    if re.search(r"</(script|style)", text, re.IGNORECASE):
        raise ValueError(f"{'/'.join(parts)} would end the tag it is inlined in")
    return text


def _inline_images(css: str, folder: Path) -> str:
    """``url(images/x.png)`` in Leaflet's CSS as ``data:`` URLs: the file has no neighbours."""

    def data_url(match: re.Match[str]) -> str:
        target = folder / match.group(1)
        if not target.is_file():
            return match.group(0)
        encoded = base64.b64encode(target.read_bytes()).decode("ascii")
        return f"url(data:image/png;base64,{encoded})"

    return re.sub(r"url\((images/[\w.-]+\.png)\)", data_url, css)


_EXTRA_CSS = """
.lp-legend { max-width: 260px; }
.lp-legend-note { color: #6b6b6b; font-size: 12px; margin-top: 4px; white-space: normal; }
.folium-map { background: #c6e2ec; }
"""


def _inline_assets() -> tuple[str, str]:
    """(CSS, JS) of everything the page runs, read from ``resources/map``."""
    leaflet = resource("map", "vendor", "leaflet")
    css = "\n".join(
        [
            _inline_images(_asset("vendor", "leaflet", "leaflet.css"), leaflet),
            _asset("vendor", "leaflet.markercluster", "MarkerCluster.css"),
            _asset("map.css"),
            _EXTRA_CSS,
        ]
    )
    js = "\n".join(
        [
            _asset("vendor", "leaflet", "leaflet.js"),
            _asset("vendor", "leaflet.markercluster", "leaflet.markercluster.js"),
            _asset("popup.js"),
            _asset("share.js"),
        ]
    )
    return css, js


def _payload(
    records: dict[Layer, list[PlacedRecord]],
    coverage: dict[str, LayerCoverage],
    language: str,
    home: str,
    title: str,
) -> dict[str, Any]:
    w = _words(language)
    popup_words = PopupWords(
        prospect=w["prospect"],
        converted=w["converted"],
        approximate=w["approximate"],
        status=lambda value: (
            status_label(PipelineStatus(value), language) if value in set(PIPELINE_ORDER) else value
        ),
        language=language,
    )
    layers: dict[str, Any] = {}
    shown: tuple[tuple[Layer, str], ...] = (
        ("contacts", CONTACT_CLUSTER_COLOR),
        ("prospects", PROSPECT_COLOR),
    )
    for layer, color in shown:
        rows = []
        for record in records.get(layer, []):
            d = record.details
            fields = popup_fields(d, popup_words, _shown_phone(d.phone, home))
            # [lat, lon, approximate, kind, name, ..., statusColor, approximate text]
            rows.append(
                [record.lat, record.lon, 1 if d.approximate else 0]
                + [fields[name] for name in _FIELDS + _FIELDS_TAIL]
            )
        if rows or layer in records:
            layers[layer] = {"label": w[layer], "color": color, "points": rows}
    legend: list[dict[str, Any]] = []
    if "contacts" in layers:
        legend += [
            {"label": status_label(s, language), "color": STATUS_COLORS[s], "hollow": False}
            for s in PIPELINE_ORDER
        ]
    if "prospects" in layers:
        legend.append({"label": w["prospect"], "color": PROSPECT_COLOR, "hollow": False})
    if any(r.details.approximate for rs in records.values() for r in rs):
        legend.append({"label": w["hollow"], "color": "#555555", "hollow": True})
    counts = {
        layer: len(layers.get(layer, {}).get("points", [])) for layer in ("contacts", "prospects")
    }
    notes = [
        w["made"].format(
            day=date.today().isoformat(), contacts=counts["contacts"], prospects=counts["prospects"]
        )
    ]
    missing = sum(c.missing for c in coverage.values())
    if missing:
        notes.append(w["missing"].format(count=missing))
    notes.append(w["offline"])
    labels = {key: w[key] for key in ("unnamed", "sector", "city", "phone", "status", "position")}
    return {"title": title, "layers": layers, "legend": legend, "notes": notes, "labels": labels}


def _title(selection: MapSelection, language: str, ws: Workspace) -> str:
    w = _words(language)
    if selection.title:
        return selection.title
    if selection.segment and not (
        selection.city or selection.contact_ids or selection.prospect_ids
    ):
        return w["segment"].format(name=SegmentService(ws).get(selection.segment).name)
    if selection.city and not (
        selection.segment or selection.contact_ids or selection.prospect_ids
    ):
        return w["city_title"].format(city=selection.city)
    return w["title"]


def render_map_html(
    ws: Workspace,
    selection: MapSelection,
    language: str | None = None,
    tiles: TileSource | None = None,
) -> tuple[str, MapExportResult]:
    """The page's HTML and what it holds (``path`` empty: nothing is written)."""
    if selection.is_empty():
        raise UserError(msg.MAP_NOTHING_CHOSEN)
    settings = ws.settings()
    language = language or settings.language
    records, coverage = _read(ws, selection)
    title = _title(selection, language, ws)
    payload = _payload(records, coverage, language, settings.country, title)
    tiles = tiles or OSM_TILES
    credit = _OSM_CREDIT if tiles.url == OSM_TILES.url else html.escape(tiles.attribution)
    css, js = _inline_assets()
    from localpro_desktop.services.exporting.folium_page import build_page  # on demand

    page = build_page(
        title=title,
        tiles_url=tiles.url,
        credit=credit,
        css=css,
        js=js,
        payload=_script_json(payload),
    )
    contacts = len(records.get("contacts", []))
    prospects = len(records.get("prospects", []))
    result = MapExportResult(
        points=contacts + prospects,
        without_location=sum(c.missing for c in coverage.values()),
        path=Path(),
        contacts=contacts,
        prospects=prospects,
        size=len(page.encode("utf-8")),
        coverage=coverage,
    )
    return page, result


def export_map_html(
    ws: Workspace,
    selection: MapSelection,
    output: Path,
    language: str | None = None,
    tiles: TileSource | None = None,
) -> MapExportResult:
    """Write the selection's map to ``output`` (replaced whole, never half-written).

    ``language``: the words around the records (default: the workspace's). Runs anywhere
    (no Qt): the map tab calls it on a worker thread, ``localpro export map`` directly.
    """
    page, result = render_map_html(ws, selection, language, tiles)
    output = Path(output)
    data = page.encode("utf-8")
    _write_whole(output, data)
    return MapExportResult(
        result.points,
        result.without_location,
        output,
        result.contacts,
        result.prospects,
        len(data),
        result.coverage,
    )


def _write_whole(path: Path, data: bytes) -> None:
    folder = path.parent if str(path.parent) else Path()
    if not folder.is_dir():
        raise UserError(msg.NO_FOLDER, folder=str(folder))
    try:
        handle, temp = tempfile.mkstemp(prefix=".localpro-", suffix=".html.tmp", dir=folder)
    except OSError as exc:
        full = disk_error(exc, folder)
        if full is not None:
            raise full from exc
        raise UserError(msg.CANNOT_WRITE_IN, folder=str(folder), detail=exc.strerror) from exc
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temp, path)
    except PermissionError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise UserError(msg.FILE_IN_USE, file=str(path)) from exc
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        full = disk_error(exc, folder)
        if full is not None:
            raise full from exc
        raise UserError(msg.COULD_NOT_WRITE, file=str(path), detail=exc.strerror) from exc


def ids_from_lines(lines: Sequence[str]) -> list[str]:
    """Record ids from a text file's lines (one per line; blanks and ``#`` comments skipped)."""
    return [s for s in (line.split("#", 1)[0].strip() for line in lines) if s]
