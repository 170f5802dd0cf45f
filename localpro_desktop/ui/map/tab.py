"""The map tab: contacts (coloured by pipeline status) and prospects on an offline-first map.

Page: hand-written, not folium
------------------------------
The page is ``resources/map/index.html`` + ``map.js`` using the vendored Leaflet 1.9 and
Leaflet.markercluster (``build_scripts/vendor_map_assets.py``). folium was tried as the
template and dropped because everything that matters here is custom JavaScript folium cannot
express: data fetched from our scheme, chunked clustering of 50,000 markers, popups built
with ``textContent``, the QWebChannel bridge, the country-outline basemap. With folium we
would override ``default_js``/``default_css`` (class attributes), fight randomly named
variables and inline ``<script>`` blocks, and ship folium/branca in the installer for a page
whose content never depends on Python at render time. The hand-written page has *no* inline
script, so it carries a strict Content-Security-Policy (scripts and data only from
``localpro:``): even a name that slipped past ``textContent`` could not run code next to a
bridge that opens records in the app.

How the pieces fit
------------------
* ``scheme.py`` serves ``localpro:/map/…`` (page, assets), ``localpro:/data/…`` (answered
  here: config, points per layer, one record's popup details; the points and details
  are the read model ``services/map_points.py``, read on the database worker) and
  ``localpro:/tiles/…`` (``tiles.py``: SQLite cache in the workspace cache folder, fetched
  with httpx when online).
* ``share.py`` is "Share this map": what the tab shows as one offline HTML file (folium,
  ``services/exporting/map_html.py``), sharing popups (``popup.js``) and colours with this page.
* ``page.py`` is the page object (stays on our page, logs its console) and its teardown.
* The view uses its own off-the-record profile with the scheme handler and a request
  interceptor (``interceptor.py``) that records every URL and blocks anything else.
* ``bridge.py`` is the QWebChannel object: the page reports ``ready``/``layerLoaded`` and
  asks to open a record; this tab asks the page to reload a layer, change tiles, or show a
  record.
* Filters (``apply_filter``) and committed changes bump a layer's generation; the page
  refetches ``points/<layer>.json?g=<generation>``. A layer whose served generation is
  behind the wanted one after a load is reloaded again, so no filter is ever lost in
  the race with page start-up.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QLocale, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile, QWebEngineSettings
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from localpro_desktop.domain.colors import CONTACT_CLUSTER_COLOR
from localpro_desktop.domain.pipeline import PIPELINE_ORDER
from localpro_desktop.services.exporting.map_html import MapSelection, TileSource
from localpro_desktop.services.map_points import (
    LAYERS,
    SOURCES,
    UNUSABLE,
    ContactLayerFilter,
    Layer,
    LayerCoverage,
    LayerData,
    PopupWords,
    RecordDetails,
    as_layer,
    layer_data,
    layer_filter,
    popup_fields,
    record_details,
)
from localpro_desktop.ui import formatting as fmt
from localpro_desktop.ui import labels
from localpro_desktop.ui.changes import concerns
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.map.bridge import MapBridge
from localpro_desktop.ui.map.interceptor import RequestRecorder
from localpro_desktop.ui.map.page import MapPage, teardown
from localpro_desktop.ui.map.scheme import (
    PAGE_URL,
    SCHEME,
    SCHEME_BYTES,
    LocalProSchemeHandler,
    Responder,
    is_registered,
    register_schemes,
)
from localpro_desktop.ui.map.share import MapShare, web_tiles
from localpro_desktop.ui.map.summary import missing_tooltip, summary_text
from localpro_desktop.ui.map.tile_dialog import (
    TileSourceDialog,
    load_tile_settings,
    map_settings,
    save_tile_settings,
)
from localpro_desktop.ui.map.tiles import TileStore
from localpro_desktop.ui.style import MUTED_COLOR, PROSPECT_COLOR, STATUS_COLORS

log = logging.getLogger(__name__)

AFRICA_BOUNDS = [[-35.0, -20.0], [38.0, 52.0]]
"""The view before any point is known (and when there are none)."""
JSON_TYPE = "application/json"
MAX_RENDERER_RESTARTS = 3
"""Page-process crashes survived by reloading before the tab gives up and says so."""


class MapTab(QWidget):
    sig_open_record = Signal(str, str)
    """("prospect"|"contact", id): the user pressed "Open" in a popup."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        register_schemes()  # no-op when ensure_app() already did it (the normal case)
        if not is_registered():
            log.error("the localpro: scheme is not registered; the map cannot load its data")
        self.ctx = ctx
        self._filters: dict[Layer, object | None] = {"contacts": None, "prospects": None}
        self._generation: dict[Layer, int] = {"contacts": 0, "prospects": 0}
        self._served: dict[Layer, int] = {"contacts": -1, "prospects": -1}
        self._points: dict[Layer, _PointsJob] = {}
        self._counts: dict[Layer, int] = {"contacts": 0, "prospects": 0}
        self._coverage: dict[Layer, LayerCoverage] = {}  # placed approximately, missing, why
        self._ready = False
        self._page_errors: list[str] = []
        self._changed: set[Layer] = set()
        self._tile_settings = load_tile_settings(map_settings())

        self.summary = QLabel()
        self.summary.setWordWrap(True)  # a long "why not shown" must not widen the window
        self.tile_state = QLabel()
        self.tile_state.setStyleSheet(f"color: {MUTED_COLOR};")
        self.tiles_button = QPushButton(self.tr("Tiles…"))
        self.tiles_button.setToolTip(self.tr("Choose the server the map's background comes from"))
        self.tiles_button.clicked.connect(self.edit_tiles)
        self.share = MapShare(ctx, self, self.shown_selection, self._share_tiles)
        top = QHBoxLayout()
        top.setContentsMargins(8, 4, 8, 4)
        top.addWidget(self.summary, 1)
        top.addWidget(self.tile_state)
        top.addSpacing(8)
        top.addWidget(self.share.button)
        top.addWidget(self.tiles_button)

        self.view = QWebEngineView(self)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        # Off the record: the page keeps nothing on disk; tiles are cached by tiles.py.
        self.profile = QWebEngineProfile(self)
        self.recorder = RequestRecorder(self.profile)
        self.profile.setUrlRequestInterceptor(self.recorder)
        self.tile_store = TileStore(ctx.paths.cache / "tiles.sqlite", self._tile_settings.url)
        self.handler = LocalProSchemeHandler(self.tile_store, self._serve_data, self.profile)
        self.profile.installUrlSchemeHandler(SCHEME_BYTES, self.handler)
        self.page = MapPage(self.profile, self.view)
        attribute = QWebEngineSettings.WebAttribute
        settings = self.page.settings()
        settings.setAttribute(attribute.JavascriptCanOpenWindows, False)
        settings.setAttribute(attribute.LocalContentCanAccessRemoteUrls, False)
        settings.setAttribute(attribute.LocalContentCanAccessFileUrls, False)
        settings.setAttribute(attribute.ErrorPageEnabled, False)
        self.bridge = MapBridge(self)
        self.bridge.sig_ready.connect(self._on_ready)
        self.bridge.sig_layer_loaded.connect(self._on_layer_loaded)
        self.bridge.sig_open_record.connect(self.sig_open_record)
        self.bridge.sig_page_error.connect(self._on_page_error)
        self.page.renderProcessTerminated.connect(self._on_renderer_gone)
        self.renderer_restarts = 0
        self.channel = QWebChannel(self.page)
        self.channel.registerObject("bridge", self.bridge)
        self.page.setWebChannel(self.channel)
        self.view.setPage(self.page)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(top)
        layout.addWidget(self.share.state)
        layout.addWidget(self.view, 1)

        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(400)
        self._reload_timer.timeout.connect(self._reload_changed)
        self._state_timer = QTimer(self)
        self._state_timer.setInterval(3000)
        self._state_timer.timeout.connect(self._show_tile_state)
        self._state_timer.start()
        self.destroyed.connect(teardown(self.page, self.tile_store))
        ctx.bridge.sig_changed.connect(self._on_changed)
        self._show_summary()
        self._show_tile_state()
        for layer in ("prospects", "contacts"):
            self._load_points(layer)
        self.view.load(QUrl(PAGE_URL))

    # -- public API -------------------------------------------------------------------

    def is_ready(self) -> bool:
        """True once the page has drawn the basemap and added every marker."""
        return self._ready

    def marker_count(self) -> int:
        """Markers on the page, as the page reported them (both layers)."""
        return sum(self._counts.values())

    def layer_count(self, layer: str) -> int:
        known = as_layer(layer)
        return 0 if known is None else self._counts[known]

    def external_requests(self) -> list[str]:
        """Requests the page tried to send outside ``localpro:``/``qrc:``/``data:`` (blocked)."""
        return self.recorder.external()

    def requests(self) -> list[str]:
        return self.recorder.requests()

    def page_errors(self) -> list[str]:
        """JavaScript errors and console errors from the page (should stay empty)."""
        return [*self._page_errors, *self.page.console_errors]

    def apply_filter(self, source: str, flt: object) -> None:
        """Show only what the list in tab ``source`` shows ("prospects" or "crm").

        ``flt`` is a ProspectFilter for prospects; for contacts a SegmentRule or the CRM
        tab's BoardFilter (rule + static segment); None shows everything.
        """
        layer = SOURCES.get(source)
        if layer is None:
            return
        wanted = layer_filter(layer, flt)
        if wanted is UNUSABLE:
            log.warning("map: ignoring a %s filter of type %s", source, type(flt).__name__)
            return
        self._filters[layer] = wanted
        self._request_reload(layer)

    def shown_selection(self) -> MapSelection:
        """What the map shows: both layers, each with the filter its list gave it."""
        return MapSelection(views=tuple((layer, self._filters[layer]) for layer in LAYERS))

    def show_record(self, kind: str, record_id: str) -> None:
        """Zoom to a record and open its popup (if it has coordinates)."""
        self.bridge.showRecord.emit(kind, record_id)

    # -- data for the page (answered from the handler) ---------------------------------

    def _serve_data(self, path: str, _query: dict[str, str], respond: Responder) -> None:
        if path == "config.json":
            respond(_json(self._config()), JSON_TYPE)
            return
        parts = path.split("/")
        if len(parts) == 2 and parts[0] == "points" and parts[1].endswith(".json"):
            layer = as_layer(parts[1][: -len(".json")])
            if layer is not None:
                self._serve_points(layer, respond)
                return
        if len(parts) == 3 and parts[0] == "details" and parts[2].endswith(".json"):
            self._serve_details(parts[1], parts[2][: -len(".json")], respond)
            return
        respond(None, "")

    def _load_points(self, layer: Layer) -> _PointsJob:
        """Start reading the layer's points for its current generation (once per generation).

        Called at construction, before the page exists: the query (~0.5 s for 50,000
        prospects, a full scan) then runs while QtWebEngine starts, instead of after the page
        asks. Prospects are queued first because they are the long pole to cluster.
        """
        generation = self._generation[layer]
        job = self._points.get(layer)
        if job is not None and job.generation == generation:
            return job
        job = _PointsJob(generation)
        self._points[layer] = job
        ws, flt = self.ctx.ws, self._filters[layer]

        def done(data: object) -> None:
            job.body = data.body if isinstance(data, LayerData) else None
            if isinstance(data, LayerData):
                self._coverage[layer] = data.coverage
                self._show_summary()
            self._answer_points(layer, job)

        def failed(message: str, _is_bug: bool) -> None:
            log.error("map points: %s", message)
            self._answer_points(layer, job)

        def read() -> LayerData:
            started = time.perf_counter()
            data = layer_data(ws, layer, flt)
            spent = time.perf_counter() - started
            log.debug("map %s: %d bytes in %.2f s", layer, len(data.body), spent)
            return data

        self.ctx.runner.run(read, on_done=done, on_error=failed)
        return job

    def _serve_points(self, layer: Layer, respond: Responder) -> None:
        job = self._load_points(layer)
        job.waiters.append(respond)
        if job.finished:
            self._answer_points(layer, job)

    def _answer_points(self, layer: Layer, job: _PointsJob) -> None:
        job.finished = True
        if not job.waiters:
            return  # prefetched: kept until the page asks
        waiters, job.waiters = job.waiters, []
        for respond in waiters:
            respond(job.body, JSON_TYPE)
        self._served[layer] = job.generation
        if self._points.get(layer) is job:
            del self._points[layer]  # served: do not keep megabytes of JSON around

    def _serve_details(self, kind: str, ident: str, respond: Responder) -> None:
        ws = self.ctx.ws
        language = self.ctx.language

        def done(found: object) -> None:
            if isinstance(found, RecordDetails):
                respond(_json(self._details(found, language)), JSON_TYPE)
            else:
                respond(None, "")

        # `or False`: a None result would travel through an `object` signal (see scheme.py).
        self.ctx.runner.run(
            lambda: record_details(ws, kind, ident) or False,
            on_done=done,
            on_error=lambda _message, _bug: respond(None, ""),
        )

    def _details(self, d: RecordDetails, language: str) -> dict[str, Any]:
        words = PopupWords(
            prospect=self.tr("Prospect"),
            converted=self.tr("Prospect (converted)"),
            approximate=self.tr("approximate (centre of the city)"),
            status=labels.status,
            language=language,
        )
        return popup_fields(d, words, fmt.typed_phone(d.phone))  # phones as in the lists

    def _points_url(self, layer: Layer) -> str:
        return f"{SCHEME}:/data/points/{layer}.json?g={self._generation[layer]}"

    def _tiles_url(self) -> str:
        return f"{SCHEME}:/tiles/{{z}}/{{x}}/{{y}}.png?s={self.tile_store.source}"

    def _config(self) -> dict[str, Any]:
        return {
            "locale": QLocale().bcp47Name() or "en",
            "labels": {
                "loading": self.tr("Loading…"),
                "missing": self.tr("This record no longer exists."),
                "unnamed": self.tr("(no name)"),
                "open": self.tr("Open"),
                "sector": self.tr("Sector:"),
                "city": self.tr("City:"),
                "phone": self.tr("Phone:"),
                "status": self.tr("Status:"),
                "legend": self.tr("Pipeline"),
                "position": self.tr("Position:"),
                "approximate": self.tr("Hollow: approximate position (centre of the city)"),
            },
            "layers": {
                "contacts": {
                    "label": self.tr("Contacts"),
                    "kind": "contact",
                    "color": CONTACT_CLUSTER_COLOR,
                    "url": self._points_url("contacts"),
                },
                "prospects": {
                    "label": self.tr("Prospects"),
                    "kind": "prospect",
                    "color": PROSPECT_COLOR,
                    "url": self._points_url("prospects"),
                },
            },
            "statuses": [
                {"label": labels.status(s), "color": STATUS_COLORS[s]} for s in PIPELINE_ORDER
            ],
            "prospectColor": PROSPECT_COLOR,
            "tiles": {"url": self._tiles_url(), "attribution": self._tile_settings.attribution},
            "basemap": f"{SCHEME}:/map/vendor/world-atlas/countries-110m.json",
            "view": {"bounds": AFRICA_BOUNDS},
        }

    # -- page events --------------------------------------------------------------------

    @Slot(int)
    def _on_ready(self, _total: int) -> None:
        self._ready = True
        self._show_summary()
        self._show_tile_state()
        for layer in LAYERS:
            self._catch_up(layer)

    @Slot(str, int)
    def _on_layer_loaded(self, layer: str, count: int) -> None:
        known = as_layer(layer)
        if known is not None:
            self._counts[known] = count
            self._show_summary()
            self._catch_up(known)

    def _catch_up(self, layer: Layer) -> None:
        """A filter or change arrived while the page was loading: load it now."""
        if self._ready and self._served[layer] != self._generation[layer]:
            self.bridge.reloadLayer.emit(layer, self._points_url(layer))

    @Slot(str)
    def _on_page_error(self, text: str) -> None:
        self._page_errors.append(text)
        log.error("map page: %s", text)

    @Slot(QWebEnginePage.RenderProcessTerminationStatus, int)
    def _on_renderer_gone(
        self, status: QWebEnginePage.RenderProcessTerminationStatus, exit_code: int
    ) -> None:
        """Chromium's page process died (out of memory on a small laptop, a GPU driver):
        load the page again rather than leave a frozen map; give up after a few tries."""
        log.error("map page process ended (%s, exit code %s)", status.name, exit_code)
        self._ready = False
        self._served = {"contacts": -1, "prospects": -1}
        if self.renderer_restarts >= MAX_RENDERER_RESTARTS:
            self.summary.setText(
                self.tr("The map stopped working. Close and reopen LocalPro to show it again.")
            )
            return
        self.renderer_restarts += 1
        self._show_summary()
        self.view.load(QUrl(PAGE_URL))

    def _request_reload(self, layer: Layer) -> None:
        self._generation[layer] += 1
        self._load_points(layer)
        if self._ready:
            self.bridge.reloadLayer.emit(layer, self._points_url(layer))

    @Slot(object)
    def _on_changed(self, changes: object) -> None:
        if concerns(changes, "prospects", me=self):
            self._changed.add("prospects")
        contact_tables = ["contacts"]
        flt = self._filters["contacts"]
        if isinstance(flt, ContactLayerFilter) and flt.static_segment_id:
            contact_tables += ["segments", "segment_members"]  # the shown list itself changed
        if concerns(changes, *contact_tables, me=self):
            self._changed.add("contacts")
        if self._changed:
            self._reload_timer.start()  # imports commit in batches: reload once at the end

    @Slot()
    def _reload_changed(self) -> None:
        changed, self._changed = self._changed, set()
        for layer in LAYERS:
            if layer in changed:
                self._request_reload(layer)

    # -- widgets ------------------------------------------------------------------------

    def _show_summary(self) -> None:
        if not self._ready:
            self.summary.setText(self.tr("Loading the map…"))
            return
        coverage = list(self._coverage.values())
        self.summary.setText(
            summary_text(self._counts["contacts"], self._counts["prospects"], coverage)
        )
        self.summary.setToolTip(missing_tooltip() if any(c.missing for c in coverage) else "")

    @Slot()
    def _show_tile_state(self) -> None:
        if self.tile_store.offline:
            self.tile_state.setText(self.tr("Offline: saved tiles and country outlines"))
        else:
            self.tile_state.setText("")

    def _share_tiles(self) -> TileSource | None:
        return web_tiles(self._tile_settings.url, self._tile_settings.attribution)

    @Slot()
    def edit_tiles(self) -> None:
        dialog = TileSourceDialog(self._tile_settings, self)
        if not dialog.exec():
            return
        chosen = dialog.value()
        save_tile_settings(map_settings(), chosen)
        self._tile_settings = chosen
        self.tile_store.set_template(chosen.url)
        self.bridge.tilesChanged.emit(self._tiles_url(), chosen.attribution)
        self._show_tile_state()


@dataclass
class _PointsJob:
    """One generation of a layer's points: read once, handed to whoever asked for it."""

    generation: int
    body: bytes | None = None
    finished: bool = False
    waiters: list[Responder] = field(default_factory=list)


def _json(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
