"""The map tab in a real QtWebEngine (offscreen): markers, offline tiles, escaping, filters.

No test here reaches the internet: tiles come from a tiny HTTP server on 127.0.0.1 (the
tile URL setting points at it), and the page's own requests are checked to stay inside the
``localpro:`` scheme.
"""

from __future__ import annotations

import json
import os
import signal
import struct
import threading
import time
import zlib
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest
import pytestqt.exceptions

# QtWebEngine wants custom schemes registered before it starts (and ideally before the
# QApplication exists): pytest imports this module while collecting, before pytest-qt
# creates the application, so this is the test-side twin of ensure_app()'s call.
from localpro_desktop.ui.map.scheme import register_schemes

register_schemes()

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWebEngineCore import QWebEnginePage  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from localpro_desktop.domain.pipeline import PipelineStatus  # noqa: E402
from localpro_desktop.domain.segment_rules import SegmentRule  # noqa: E402
from localpro_desktop.store.models import Contact, Prospect  # noqa: E402
from localpro_desktop.store.queries.prospects import ProspectFilter  # noqa: E402
from localpro_desktop.ui.map import tiles as tiles_module  # noqa: E402
from localpro_desktop.ui.map.tiles import (  # noqa: E402
    DEFAULT_LIFETIME,
    CachedTile,
    TileCache,
    TileStore,
    TileUrlError,
    freshness_lifetime,
    source_key,
    validate_template,
)

EVIL = "<img src=x onerror=alert(1)>"

# Harmless engine noise on a headless machine without a GPU or D-Bus; anything else fails.
ENGINE_NOISE = [
    r"QRhiGles2: Failed to create",
    r"Failed to create RHI",
    r"This plugin does not support propagateSizeHints",
    r"GPUInfo not initialized",
]


qt_noise = pytest.mark.qt_log_ignore(*ENGINE_NOISE)


# -- a local tile server ------------------------------------------------------------------


def tiny_png() -> bytes:
    """A valid 1x1 PNG (light grey), built by hand so the test needs no image library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xdd\xdd\xdd")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


class TileServer:
    def __init__(self) -> None:
        self.png = tiny_png()
        self.hits: list[str] = []
        self.agents: set[str] = set()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.hits.append(self.path)
                server.agents.add(self.headers.get("User-Agent", ""))
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.send_header("Cache-Control", "max-age=3600")
                self.send_header("Content-Length", str(len(server.png)))
                self.end_headers()
                self.wfile.write(server.png)

            def log_message(self, *_args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/{{z}}/{{x}}/{{y}}.png"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        self.running = True

    def stop(self) -> None:
        if self.running:
            self.httpd.shutdown()
            self.httpd.server_close()
            self.running = False


@pytest.fixture
def tile_server(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[TileServer]:
    """A local tile server, set as the user's tile URL in a throwaway settings file."""
    server = TileServer()
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    ini = tmp_path / "settings.ini"
    settings = QSettings(str(ini), QSettings.Format.IniFormat)
    settings.setValue("map/tile_url", server.url)
    settings.setValue("map/tile_attribution", "Test tiles")
    settings.sync()
    monkeypatch.setattr(
        "localpro_desktop.ui.map.tab.map_settings",
        lambda: QSettings(str(ini), QSettings.Format.IniFormat),
    )
    yield server
    server.stop()


# -- helpers ------------------------------------------------------------------------------


def open_map(qtbot: Any, ctx: Any) -> Any:
    from localpro_desktop.ui.map.tab import MapTab

    tab = MapTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1100, 700)
    tab.show()
    qtbot.waitUntil(tab.is_ready, timeout=30_000)
    return tab


def run_js(qtbot: Any, tab: Any, script: str) -> Any:
    """Run ``script`` in the page and return its value.

    Asked again every 10 s: on the busy 2-core CI box an answer was twice never delivered
    (the page kept working), and a page process restarted by the tab drops the calls made
    to the old one. Gives up after a minute, saying whether the page process restarted.
    """
    box: list[Any] = []
    deadline = time.monotonic() + 60
    while True:
        tab.page.runJavaScript(script, 0, box.append)
        try:
            qtbot.waitUntil(lambda: bool(box), timeout=10_000)
        except pytestqt.exceptions.TimeoutError:
            if time.monotonic() < deadline:
                continue
            raise AssertionError(
                f"no answer to {script!r} in 60 s (page process restarts: "
                f"{tab.renderer_restarts}, ready: {tab.is_ready()})"
            ) from None
        return box[0]


def stats(qtbot: Any, tab: Any) -> dict[str, Any]:
    return json.loads(run_js(qtbot, tab, "JSON.stringify(LocalProMap.stats())"))


def wait_js(qtbot: Any, tab: Any, script: str, timeout: int = 10_000) -> Any:
    """Poll a JS expression until it is truthy; returns its value."""
    seen: list[Any] = [None]

    def check() -> bool:
        seen[0] = run_js(qtbot, tab, script)
        return bool(seen[0])

    qtbot.waitUntil(check, timeout=timeout)
    return seen[0]


def located_counts(ctx: Any) -> tuple[int, int]:
    """Live contacts and prospects with coordinates, counted straight from the database."""
    with ctx.ws.read() as session:
        contacts = session.scalar(
            select(func.count())
            .select_from(Contact)
            .where(
                Contact.deleted_at.is_(None),
                Contact.latitude.is_not(None),
                Contact.longitude.is_not(None),
            )
        )
        prospects = session.scalar(
            select(func.count())
            .select_from(Prospect)
            .where(
                Prospect.deleted_at.is_(None),
                Prospect.latitude.is_not(None),
                Prospect.longitude.is_not(None),
            )
        )
    return int(contacts or 0), int(prospects or 0)


def first_located(ctx: Any, model: type) -> str:
    with ctx.ws.read() as session:
        return str(
            session.scalar(
                select(model.id)
                .where(model.deleted_at.is_(None), model.latitude.is_not(None))
                .order_by(model.id)
                .limit(1)
            )
        )


def close(qtbot: Any, tab: Any) -> None:
    """Close now; pytest-qt deletes it at teardown (deleting it here would upset that)."""
    tab.close()
    tab.tile_store.close()
    qtbot.wait(50)


# -- the page -----------------------------------------------------------------------------


@qt_noise
def test_one_marker_per_located_record_tiles_fetched_then_served_offline(
    qtbot: Any, ui_ctx: Any, tile_server: TileServer
) -> None:
    contacts, prospects = located_counts(ui_ctx)
    assert contacts > 0 and prospects > 0

    tab = open_map(qtbot, ui_ctx)
    assert tab.marker_count() == contacts + prospects
    assert (tab.layer_count("contacts"), tab.layer_count("prospects")) == (contacts, prospects)
    page = stats(qtbot, tab)
    assert page["counts"] == {"contacts": contacts, "prospects": prospects}
    assert page["basemapFeatures"] > 100  # country outlines under the tiles
    assert page["errors"] == []

    # Empty cache: the tiles in view are fetched from the (local) tile server and cached.
    wait_js(qtbot, tab, "LocalProMap.stats().tilesLoaded > 0")
    cache = TileCache(ui_ctx.paths.cache / "tiles.sqlite")
    qtbot.waitUntil(lambda: cache.count() > 0, timeout=10_000)
    assert tile_server.hits
    assert tile_server.agents == {tiles_module.USER_AGENT}
    assert any(url.startswith("localpro:/tiles/") for url in tab.requests())
    assert tab.external_requests() == []
    assert all(url.startswith("localpro:") for url in tab.requests())
    assert tab.page_errors() == []
    close(qtbot, tab)

    # Offline: the server is gone, the second map still shows the cached tiles.
    tile_server.stop()
    hits = len(tile_server.hits)
    tab = open_map(qtbot, ui_ctx)
    wait_js(qtbot, tab, "LocalProMap.stats().tilesLoaded > 0")
    assert len(tile_server.hits) == hits
    assert tab.tile_store.fetched == 0
    assert tab.external_requests() == []
    cache.close()


# One marker with every pattern: pytest-qt reads only the closest qt_log_ignore, so a
# second one would drop the engine's start-up noise when this test starts it first.
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL to crash the page")
@pytest.mark.qt_log_ignore(*ENGINE_NOISE, ".*[Rr]ender.*", ".*crash.*", ".*terminated.*")
def test_a_crashed_page_process_is_restarted_with_every_marker(
    qtbot: Any, ui_ctx: Any, tile_server: TileServer
) -> None:
    tab = open_map(qtbot, ui_ctx)
    before = tab.marker_count()
    pid = tab.page.renderProcessPid()
    assert pid > 0
    os.kill(pid, signal.SIGKILL)
    qtbot.waitUntil(lambda: tab.renderer_restarts == 1, timeout=20_000)
    qtbot.waitUntil(tab.is_ready, timeout=45_000)
    assert tab.page.renderProcessPid() not in (0, pid)
    assert tab.marker_count() == before
    assert stats(qtbot, tab)["counts"]["contacts"] == tab.layer_count("contacts")
    close(qtbot, tab)


@qt_noise
def test_the_interceptor_sees_and_blocks_requests_that_would_leave(
    qtbot: Any, ui_ctx: Any, tile_server: TileServer
) -> None:
    tab = open_map(qtbot, ui_ctx)
    assert tab.external_requests() == []
    # A page without our CSP on the same profile: its external image must be caught.
    probe = QWebEnginePage(tab.profile)
    with qtbot.waitSignal(probe.loadFinished, timeout=10_000):
        probe.setHtml('<img src="https://tiles.example.invalid/1/2/3.png">')
    qtbot.waitUntil(lambda: bool(tab.external_requests()), timeout=10_000)
    assert tab.external_requests() == ["https://tiles.example.invalid/1/2/3.png"]
    probe.deleteLater()
    qtbot.wait(50)
    # The map page itself cannot be navigated away either.
    run_js(qtbot, tab, "location.href = 'https://example.invalid/'; 1")
    qtbot.wait(300)
    assert tab.page.url().toString() == "localpro:/map/index.html"


@qt_noise
def test_business_names_from_the_internet_are_text_not_html(
    qtbot: Any, ui_ctx: Any, tile_server: TileServer
) -> None:
    ident = first_located(ui_ctx, Prospect)
    with ui_ctx.ws.write() as session:
        session.get(Prospect, ident).business_name = EVIL
    tab = open_map(qtbot, ui_ctx)
    run_js(qtbot, tab, "window.__alerts = []; window.alert = (m) => __alerts.push(m); 1")
    assert run_js(qtbot, tab, f"LocalProMap.openPopup('prospect', {json.dumps(ident)})")
    name = wait_js(
        qtbot, tab, "(document.querySelector('.leaflet-popup-content .lp-name') || {}).textContent"
    )
    assert name == EVIL
    inner = run_js(qtbot, tab, "document.querySelector('.lp-popup .lp-name').innerHTML")
    assert inner == "&lt;img src=x onerror=alert(1)&gt;"
    assert run_js(qtbot, tab, "document.querySelectorAll('.leaflet-popup-content img').length") == 0
    assert run_js(qtbot, tab, "document.querySelector('.leaflet-popup-content .lp-open') !== null")
    qtbot.wait(200)
    assert run_js(qtbot, tab, "__alerts.length") == 0
    assert tab.page_errors() == []


@qt_noise
def test_markup_slipped_into_the_page_cannot_run_script(
    qtbot: Any, ui_ctx: Any, tile_server: TileServer
) -> None:
    """Defence in depth: even raw HTML injection is inert under the page's CSP."""
    tab = open_map(qtbot, ui_ctx)
    run_js(
        qtbot,
        tab,
        "document.body.insertAdjacentHTML('beforeend',"
        ' \'<img id="evil" src="data:,x" onerror="window.__pwned = 1">\'); 1',
    )
    qtbot.wait(300)
    assert run_js(qtbot, tab, "typeof window.__pwned") == "undefined"


@qt_noise
def test_apply_filter_reloads_only_matching_records(
    qtbot: Any, ui_ctx: Any, tile_server: TileServer
) -> None:
    contacts, prospects = located_counts(ui_ctx)
    with ui_ctx.ws.read() as session:
        sector, in_sector = session.execute(
            select(Prospect.sector, func.count())
            .where(Prospect.deleted_at.is_(None), Prospect.latitude.is_not(None))
            .group_by(Prospect.sector)
            .order_by(func.count().desc())
        ).first()
        clients = session.scalar(
            select(func.count())
            .select_from(Contact)
            .where(
                Contact.deleted_at.is_(None),
                Contact.latitude.is_not(None),
                Contact.status == PipelineStatus.CLIENT.value,
            )
        )
    assert 0 < in_sector < prospects
    tab = open_map(qtbot, ui_ctx)

    tab.apply_filter("prospects", ProspectFilter(sector=sector))
    qtbot.waitUntil(lambda: tab.layer_count("prospects") == in_sector, timeout=15_000)
    assert stats(qtbot, tab)["counts"]["prospects"] == in_sector
    assert tab.layer_count("contacts") == contacts

    tab.apply_filter("crm", SegmentRule(statuses=(PipelineStatus.CLIENT,)))
    qtbot.waitUntil(lambda: tab.layer_count("contacts") == clients, timeout=15_000)
    assert clients < contacts

    tab.apply_filter("prospects", None)
    qtbot.waitUntil(lambda: tab.layer_count("prospects") == prospects, timeout=15_000)
    assert stats(qtbot, tab)["counts"] == {"contacts": clients, "prospects": prospects}
    assert tab.page_errors() == []


@qt_noise
def test_a_filter_given_while_the_page_loads_is_not_lost(
    qtbot: Any, ui_ctx: Any, tile_server: TileServer
) -> None:
    from localpro_desktop.ui.map.tab import MapTab

    with ui_ctx.ws.read() as session:
        city, in_city = session.execute(
            select(Prospect.city, func.count())
            .where(Prospect.deleted_at.is_(None), Prospect.latitude.is_not(None))
            .group_by(Prospect.city)
            .order_by(func.count().desc())
        ).first()
    tab = MapTab(ui_ctx)
    qtbot.addWidget(tab)
    tab.show()
    tab.apply_filter("prospects", ProspectFilter(city=city))  # before the page is up
    qtbot.waitUntil(tab.is_ready, timeout=30_000)
    qtbot.waitUntil(lambda: tab.layer_count("prospects") == in_city, timeout=15_000)


@qt_noise
def test_open_button_in_a_popup_asks_the_app_to_open_the_record(
    qtbot: Any, ui_ctx: Any, tile_server: TileServer
) -> None:
    ident = first_located(ui_ctx, Contact)
    tab = open_map(qtbot, ui_ctx)
    assert run_js(qtbot, tab, f"LocalProMap.openPopup('contact', {json.dumps(ident)})")
    wait_js(qtbot, tab, "document.querySelector('.leaflet-popup-content .lp-open') !== null")
    with qtbot.waitSignal(tab.sig_open_record, timeout=10_000) as blocker:
        run_js(qtbot, tab, "document.querySelector('.leaflet-popup-content .lp-open').click(); 1")
    assert blocker.args == ["contact", ident]


@qt_noise
def test_bridge_refuses_malformed_open_requests(
    qtbot: Any, ui_ctx: Any, tile_server: TileServer
) -> None:
    tab = open_map(qtbot, ui_ctx)
    with qtbot.assertNotEmitted(tab.sig_open_record, wait=100):
        tab.bridge.openRecord("campaign", "x")
        tab.bridge.openRecord("contact", "<script>")


# -- tiles without Qt -----------------------------------------------------------------------


def test_freshness_follows_cache_control_then_expires() -> None:
    now = 1_000_000.0
    assert freshness_lifetime({"Cache-Control": "public, max-age=600"}, now) == 600
    assert freshness_lifetime({"Cache-Control": "max-age=600", "Age": "100"}, now) == 500
    assert freshness_lifetime({"Cache-Control": "no-store"}, now) is None
    assert freshness_lifetime({"Cache-Control": "no-cache"}, now) == 0
    expires = {
        "Date": "Mon, 01 Jan 2024 00:00:00 GMT",
        "Expires": "Mon, 01 Jan 2024 02:00:00 GMT",
    }
    assert freshness_lifetime(expires, now) == 7200
    assert freshness_lifetime({"Expires": "garbage"}, now) == 0
    assert freshness_lifetime({}, now) == DEFAULT_LIFETIME


def test_tile_urls_must_be_http_with_z_x_y() -> None:
    assert validate_template(" https://a.example/{z}/{x}/{y}.png ") == (
        "https://a.example/{z}/{x}/{y}.png"
    )
    for bad in ("file:///tmp/{z}/{x}/{y}.png", "https://a.example/{z}/{x}.png", "tiles"):
        with pytest.raises(TileUrlError):
            validate_template(bad)


def test_cache_is_mbtiles_style_with_tms_rows(tmp_path: Path) -> None:
    cache = TileCache(tmp_path / "tiles.sqlite")
    cache.put("src", 3, 2, 1, CachedTile(b"png", "image/png", 99.0, None, None))
    row = cache._db.execute("SELECT zoom_level, tile_column, tile_row FROM tiles").fetchone()
    assert row == (3, 2, 6)  # y=1 at zoom 3 is TMS row 8-1-1
    assert cache.get("src", 3, 2, 1) == CachedTile(b"png", "image/png", 99.0, None, None)
    assert cache.get("other-source", 3, 2, 1) is None
    cache.close()


def _store(tmp_path: Path, handler: Any) -> TileStore:
    client = httpx.Client(
        transport=httpx.MockTransport(handler), headers={"User-Agent": tiles_module.USER_AGENT}
    )
    return TileStore(tmp_path / "tiles.sqlite", "https://t.example/{z}/{x}/{y}.png", client=client)


def _get(store: TileStore, z: int = 1, x: int = 0, y: int = 1) -> tuple[bytes | None, str]:
    result: list[tuple[bytes | None, str]] = []
    done = threading.Event()

    def callback(body: bytes | None, content_type: str) -> None:
        result.append((body, content_type))
        done.set()

    store.request(z, x, y, callback, wanted=lambda: True)
    assert done.wait(10)
    return result[0]


def test_stale_tiles_are_served_at_once_and_revalidated(tmp_path: Path) -> None:
    seen: list[httpx.Request] = []

    def server(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.headers.get("if-none-match") == '"v1"':
            return httpx.Response(304, headers={"Cache-Control": "max-age=600"})
        return httpx.Response(
            200,
            content=b"tile",
            headers={"Content-Type": "image/png", "ETag": '"v1"', "Cache-Control": "no-cache"},
        )

    store = _store(tmp_path, server)
    assert _get(store) == (b"tile", "image/png")  # fetched
    assert seen[0].headers["user-agent"].startswith("LocalPro/")
    assert _get(store) == (b"tile", "image/png")  # stale: served, then revalidated
    deadline = time.monotonic() + 5
    while len(seen) < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert seen[1].headers["if-none-match"] == '"v1"'
    deadline = time.monotonic() + 5
    cached = store.cache.get(store.source, 1, 0, 1)
    while cached is not None and not cached.fresh(time.time()) and time.monotonic() < deadline:
        time.sleep(0.01)
        cached = store.cache.get(store.source, 1, 0, 1)
    assert cached is not None and cached.fresh(time.time())  # the 304 renewed it
    store.close()


def test_offline_serves_cache_and_backs_off(tmp_path: Path) -> None:
    calls: list[str] = []
    online = {"up": True}

    def server(request: httpx.Request) -> httpx.Response:
        calls.append(str(request.url))
        if not online["up"]:
            raise httpx.ConnectError("no route", request=request)
        return httpx.Response(200, content=b"t", headers={"Content-Type": "image/png"})

    store = _store(tmp_path, server)
    assert _get(store, 2, 1, 1)[0] == b"t"
    online["up"] = False
    assert _get(store, 2, 1, 1)[0] == b"t"  # cached (fresh for 7 days by default)
    assert _get(store, 2, 3, 3)[0] is None  # missing and unreachable
    assert store.offline
    before = len(calls)
    assert _get(store, 2, 2, 2)[0] is None  # within the back-off: no new attempt
    assert len(calls) == before
    assert source_key(store.template) == store.source
    store.close()


def test_unwanted_tiles_are_never_fetched(tmp_path: Path) -> None:
    calls: list[str] = []

    def server(request: httpx.Request) -> httpx.Response:
        calls.append(str(request.url))
        return httpx.Response(200, content=b"t", headers={"Content-Type": "image/png"})

    store = _store(tmp_path, server)
    done = threading.Event()
    store.request(4, 1, 1, lambda *_a: done.set(), wanted=lambda: False)
    assert done.wait(10)
    assert calls == []
    store.close()


@qt_noise
def test_committed_changes_reload_the_layer(
    qtbot: Any, ui_ctx: Any, tile_server: TileServer
) -> None:
    from localpro_desktop.services.prospects import ProspectService

    _contacts, prospects = located_counts(ui_ctx)
    tab = open_map(qtbot, ui_ctx)
    ProspectService(ui_ctx.ws).delete([first_located(ui_ctx, Prospect)])
    qtbot.waitUntil(lambda: tab.layer_count("prospects") == prospects - 1, timeout=15_000)


@qt_noise
def test_show_record_opens_its_popup(qtbot: Any, ui_ctx: Any, tile_server: TileServer) -> None:
    ident = first_located(ui_ctx, Contact)
    with ui_ctx.ws.read() as session:
        name = session.get(Contact, ident).display_name
    tab = open_map(qtbot, ui_ctx)
    tab.show_record("contact", ident)
    shown = wait_js(
        qtbot, tab, "(document.querySelector('.lp-popup .lp-name') || {}).textContent", 20_000
    )
    assert shown == name


@qt_noise
def test_changing_the_tile_server_is_saved_and_applied(
    qtbot: Any, ui_ctx: Any, tile_server: TileServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    from localpro_desktop.ui.map import tab as tab_module
    from localpro_desktop.ui.map.tile_dialog import TileSourceDialog, load_tile_settings

    tab = open_map(qtbot, ui_ctx)
    before = stats(qtbot, tab)["tileUrl"]
    new_url = "https://tiles.example.org/{z}/{x}/{y}.png"

    def accept(dialog: TileSourceDialog) -> int:
        dialog.url.setText(new_url)
        dialog.attribution.setText("Example <b>tiles</b>")
        return 1

    monkeypatch.setattr(TileSourceDialog, "exec", accept)
    tab.edit_tiles()
    assert load_tile_settings(tab_module.map_settings()).url == new_url
    assert tab.tile_store.template == new_url
    page = wait_js(
        qtbot,
        tab,
        f"LocalProMap.stats().tileUrl !== {json.dumps(before)} && "
        "JSON.stringify(LocalProMap.stats())",
    )
    page = json.loads(page)
    assert page["tileUrl"].startswith("localpro:/tiles/{z}/{x}/{y}.png?s=")
    assert page["attribution"] == "Example &lt;b&gt;tiles&lt;/b&gt;"  # shown as text


def test_tile_dialog_refuses_an_unusable_address(qtbot: Any) -> None:
    from PySide6.QtWidgets import QDialog

    from localpro_desktop.ui.map.tile_dialog import TileSettings, TileSourceDialog

    dialog = TileSourceDialog(TileSettings())
    qtbot.addWidget(dialog)
    dialog.url.setText("ftp://tiles.example.org/{z}/{x}/{y}.png")
    dialog._check_and_accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert not dialog.error.isHidden()
    dialog.url.setText("https://tiles.example.org/{z}/{x}/{y}.png")
    dialog._check_and_accept()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_scheme_serves_only_page_files_from_resources_map(qapp: Any, tmp_path: Path) -> None:
    from localpro_desktop.ui.map.scheme import LocalProSchemeHandler

    store = TileStore(tmp_path / "tiles.sqlite")
    handler = LocalProSchemeHandler(store, lambda _path, _query, respond: respond(None, ""))
    body, content_type = handler._load_static("map.js") or (b"", "")
    assert body.startswith(b"/*") and content_type.startswith("text/javascript")
    assert (handler._load_static("qwebchannel.js") or (b"", ""))[0].find(b"QWebChannel") >= 0
    for outside in ("../../pyproject.toml", "../map/../../README.md", "README.md", "nope.js"):
        assert handler._load_static(outside) is None, outside
    store.close()


@qt_noise
def test_a_static_segment_from_the_crm_tab_shows_only_its_members(
    qtbot: Any, ui_ctx: Any, tile_server: TileServer
) -> None:
    from dataclasses import dataclass

    from localpro_desktop.services.segments import SegmentService

    with ui_ctx.ws.read() as session:
        members = list(
            session.scalars(
                select(Contact.id)
                .where(Contact.deleted_at.is_(None), Contact.latitude.is_not(None))
                .order_by(Contact.id)
                .limit(3)
            )
        )
    segment = SegmentService(ui_ctx.ws).create_static("Map test", members)

    @dataclass(frozen=True)
    class BoardFilterLike:  # what CrmTab.sig_filter_changed carries, by duck typing
        rule: SegmentRule
        segment_id: str
        is_static: bool = True

    tab = open_map(qtbot, ui_ctx)
    tab.apply_filter("crm", BoardFilterLike(SegmentRule(), segment.id))
    qtbot.waitUntil(lambda: tab.layer_count("contacts") == len(members), timeout=15_000)


@pytest.fixture
def dakar_ctx(qapp: Any, tmp_path: Path) -> Iterator[Any]:
    """A new workspace in Senegal (the default country), with nothing in it yet."""
    from localpro_desktop.paths import WorkspacePaths
    from localpro_desktop.services.workspace import Workspace
    from localpro_desktop.ui.app import build_context

    paths = WorkspacePaths(tmp_path / "dakar")
    ws = Workspace.open(paths, daily_backup=False)
    ctx = build_context(ws, paths, "en")
    try:
        yield ctx
    finally:
        ctx.runner.wait(30_000)
        ctx.bridge.close()
        ws.close()


@qt_noise
def test_records_with_only_a_city_are_shown_approximate_and_the_rest_explained(
    qtbot: Any, dakar_ctx: Any, tile_server: TileServer
) -> None:
    from localpro_desktop.services.prospects import ProspectService

    tab = open_map(qtbot, dakar_ctx)
    # Nothing to show: the map looks at Senegal, not at the whole of Africa (polled: Leaflet
    # animates the move, and a busy machine read the centre half-way once).
    in_senegal = (
        "(function () { var c = LocalProMap.stats().center;"
        " return !!c && c[0] > 12 && c[0] < 17 && c[1] > -18 && c[1] < -11; })()"
    )
    wait_js(qtbot, tab, in_senegal, timeout=20_000)
    assert tab.summary.text() == "0 contacts and 0 prospects on the map"

    service = ProspectService(dakar_ctx.ws)
    thies = service.add({"business_name": "Boutique Awa", "city": "Thiès"}).id
    service.add({"business_name": "Quincaillerie", "city": "dakar"})
    service.add({"business_name": "Cabine", "city": "Ndiaganiao"})
    service.add({"business_name": "Sans ville"})
    qtbot.waitUntil(lambda: tab.layer_count("prospects") == 2, timeout=15_000)
    qtbot.waitUntil(lambda: "not on the map" in tab.summary.text(), timeout=5_000)
    assert tab.summary.text() == (
        "0 contacts and 2 prospects on the map · 2 at their city's centre (approximate)"
        " · 2 not on the map: 1 without a city, 1 in a town the map does not know"
    )
    assert tab.summary.toolTip()
    assert stats(qtbot, tab)["approximateLegend"] is True
    run_js(qtbot, tab, f"LocalProMap.openPopup('prospect', {json.dumps(thies)})")
    shown = wait_js(
        qtbot, tab, "(document.querySelector('.lp-popup') || {}).textContent || ''", 20_000
    )
    assert "approximate (centre of the city)" in shown or wait_js(
        qtbot, tab, "document.querySelector('.lp-popup').textContent.includes('approximate')"
    )
    assert tab.page_errors() == []
    close(qtbot, tab)
