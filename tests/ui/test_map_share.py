""" "Share this map" in a real QtWebEngine: the saved file works with no network at all.

The file is loaded from disk in a page whose interceptor blocks (and records) every request
that is not ``file:``/``data:``/``blob:``, as a phone with no connection would fail them:
the markers, clusters, legend and popups must all be there anyway. The tab's button writes
the file off the UI thread.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import pytestqt.exceptions

from localpro_desktop.ui.map.scheme import register_schemes

register_schemes()  # before the engine starts (see test_map_tab.py)

from PySide6.QtCore import QUrl  # noqa: E402
from PySide6.QtWebEngineCore import (  # noqa: E402
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineSettings,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
)
from PySide6.QtWebEngineWidgets import QWebEngineView  # noqa: E402

from localpro_desktop.services.exporting.map_html import (  # noqa: E402
    MapExportResult,
    MapSelection,
    export_map_html,
)
from localpro_desktop.store.models import Contact, Prospect  # noqa: E402

EVIL = "<script>alert(1)</script>"
ARABIC = "مطعم السلام"
ACCENTS = "Boutique Élégance à Thiès"

qt_noise = pytest.mark.qt_log_ignore(
    r"QRhiGles2: Failed to create",
    r"Failed to create RHI",
    r"This plugin does not support propagateSizeHints",
    r"GPUInfo not initialized",
)


class Offline(QWebEngineUrlRequestInterceptor):
    """Every request the page makes; anything but the file itself and inline data blocked."""

    def __init__(self) -> None:
        super().__init__()
        self.lock = threading.Lock()
        self.blocked: list[str] = []

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:
        url = info.requestUrl()
        if url.scheme() not in ("file", "data", "blob"):
            with self.lock:
                self.blocked.append(url.toString())
            info.block(True)


class Page(QWebEnginePage):
    def __init__(self, profile: QWebEngineProfile) -> None:
        super().__init__(profile)
        self.errors: list[str] = []

    def javaScriptConsoleMessage(self, level: Any, message: str, line: int, source: str) -> None:
        if level == QWebEnginePage.JavaScriptConsoleMessageLevel.ErrorMessageLevel:
            self.errors.append(f"{source}:{line}: {message}")


@pytest.fixture
def viewer(qtbot: Any) -> Iterator[tuple[QWebEngineView, Page, Offline]]:
    profile = QWebEngineProfile()  # off the record
    offline = Offline()
    profile.setUrlRequestInterceptor(offline)
    page = Page(profile)
    # As a phone's browser does: a page opened from a file may ask for web images (tiles).
    # Without this Chromium refuses them before the interceptor could see them.
    page.settings().setAttribute(
        QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, True
    )
    view = QWebEngineView()
    view.setPage(page)
    view.resize(900, 650)
    view.show()
    qtbot.addWidget(view)
    yield view, page, offline
    view.setPage(None)  # type: ignore[arg-type]
    page.deleteLater()
    qtbot.wait(50)
    profile.deleteLater()


def js(qtbot: Any, page: QWebEnginePage, script: str) -> Any:
    box: list[Any] = []
    deadline = time.monotonic() + 60
    while True:
        page.runJavaScript(script, 0, box.append)
        try:
            qtbot.waitUntil(lambda: bool(box), timeout=10_000)
        except pytestqt.exceptions.TimeoutError:
            if time.monotonic() < deadline:
                continue
            raise
        return box[0]


def wait_js(qtbot: Any, page: QWebEnginePage, script: str, timeout: int = 20_000) -> Any:
    seen: list[Any] = [None]

    def check() -> bool:
        seen[0] = js(qtbot, page, script)
        return bool(seen[0])

    qtbot.waitUntil(check, timeout=timeout)
    return seen[0]


def add(ws: Any, model: type, **fields: object) -> str:
    with ws.write() as session:
        row = model(**fields)
        session.add(row)
        session.flush()
        return str(row.id)


@qt_noise
def test_saved_file_draws_markers_and_escaped_popups_offline(
    qtbot: Any, ui_ctx: Any, viewer: Any, tmp_path: Path
) -> None:
    ws = ui_ctx.ws
    place = {"city": "Thiès", "country": "SN"}
    ids = [
        add(ws, Prospect, business_name=EVIL, latitude=14.79, longitude=-16.93, **place),
        add(ws, Prospect, business_name=ARABIC, latitude=14.8, longitude=-16.92, **place),
        add(
            ws,
            Contact,
            first_name=ACCENTS,
            status="client",
            latitude=14.78,
            longitude=-16.94,
            **place,
        ),
    ]
    target = tmp_path / "visits.html"
    result = export_map_html(
        ws, MapSelection(contact_ids=(ids[2],), prospect_ids=tuple(ids[:2])), target
    )
    assert result.points == 3

    view, page, offline = viewer
    page.load(QUrl.fromLocalFile(str(target)))
    counts = json.loads(
        wait_js(
            qtbot,
            page,
            "window.LocalProShare && Object.keys(LocalProShare.counts()).length"
            " && JSON.stringify(LocalProShare.counts())",
        )
    )
    assert counts == {"contacts": 1, "prospects": 2}
    # Clusters or circles are on the map; the legend and layer switch are drawn.
    assert js(qtbot, page, "document.querySelectorAll('.lp-legend-row').length") >= 7
    assert js(qtbot, page, "document.querySelector('.leaflet-control-layers') !== null")
    assert js(qtbot, page, "typeof alert === 'function' && !window.__pwned")

    # Popups: the names as text, not markup (the page has no <script> made from data).
    scripts_before = js(qtbot, page, "document.scripts.length")
    names = set()
    for index in range(2):
        assert js(qtbot, page, f"LocalProShare.openPopup('prospects', {index})")
        names.add(
            wait_js(
                qtbot, page, "(document.querySelector('.leaflet-popup .lp-name') || {}).textContent"
            )
        )
        js(qtbot, page, "document.querySelector('.leaflet-popup-close-button').click()")
        wait_js(qtbot, page, "!document.querySelector('.leaflet-popup')")
    assert names == {EVIL, ARABIC}
    assert js(qtbot, page, "document.scripts.length") == scripts_before
    assert js(qtbot, page, "LocalProShare.openPopup('contacts', 0)")
    text = wait_js(
        qtbot, page, "(document.querySelector('.leaflet-popup .lp-popup') || {}).innerText"
    )
    assert ACCENTS in text and "Client" in text

    # Nothing but tiles was asked of the network (and those were refused).
    assert offline.blocked, "the tiles should have been asked for"
    assert all(url.startswith("https://tile.openstreetmap.org/") for url in offline.blocked)
    assert page.errors == []
    view.grab().save(str(tmp_path / "shared.png"))


@qt_noise
def test_share_button_writes_what_the_map_shows(qtbot: Any, ui_ctx: Any, tmp_path: Path) -> None:
    from localpro_desktop.store.queries.prospects import ProspectFilter
    from localpro_desktop.ui.map.tab import MapTab

    tab = MapTab(ui_ctx)
    qtbot.addWidget(tab)
    assert tab.share.button.text().startswith("Share this map")
    with ui_ctx.ws.read() as session:
        city = session.query(Prospect.city).filter(Prospect.latitude.is_not(None)).first()[0]
        in_city = (
            session.query(Prospect)
            .filter(Prospect.city == city, Prospect.deleted_at.is_(None))
            .count()
        )
    tab.apply_filter("prospects", ProspectFilter(city=city))

    target = tmp_path / "shown.html"
    with qtbot.waitSignal(tab.share.sig_done, timeout=30_000) as done:
        tab.share.export_to(target)
    result = done.args[0]
    assert isinstance(result, MapExportResult)
    assert result.prospects + result.coverage["prospects"].missing == in_city
    assert result.path == target and target.is_file()
    assert tab.share.state.isVisibleTo(tab) and str(target) in tab.share.state.text()

    with qtbot.waitSignal(tab.share.sig_message, timeout=30_000) as failed:
        tab.share.export_to(tmp_path / "missing-folder" / "x.html")
    qtbot.waitUntil(lambda: not tab.share.busy, timeout=30_000)
    assert "does not exist" in tab.share.state.text() or failed.args[1] is False
    tab.close()
    tab.tile_store.close()
    qtbot.wait(50)
