"""The map tab's "show this record" (``MapTab.show_record``) in a real QtWebEngine.

The markers are canvas circles (``L.circleMarker``), not icon markers, and
Leaflet.markercluster's ``zoomToShowLayer(marker, callback)`` was written for icon markers:
it checks ``marker._icon`` (never set on a circle) and, for a marker stacked with others at
the very same point, calls back only after a spiderfy. Each case a user meets is checked
here against what the page really shows: the record's popup open with its name in it.

* a record inside a cluster at the first, zoomed-out view;
* a record already drawn on its own on the screen (a second record shown next door);
* two businesses at the very same point (same building: only a spiderfy separates them);
* records with only a city, all drawn at its centre (approximate);
* the prospects layer switched off in the layer control.

Tiles come from the tile server of test_map_tab.py on 127.0.0.1; nothing leaves the machine.
"""

from __future__ import annotations

from typing import Any

from localpro_desktop.ui.map.scheme import register_schemes

register_schemes()  # before the engine starts (see test_map_tab.py)

from sqlalchemy import select  # noqa: E402

from localpro_desktop.services.prospects import ProspectService  # noqa: E402
from localpro_desktop.store.models import Prospect  # noqa: E402
from tests.ui.test_map_tab import (  # noqa: E402
    TileServer,
    close,
    open_map,
    qt_noise,
    run_js,
    tile_server,
    wait_js,
)

__all__ = ["tile_server"]  # the fixture, used by name

POPUP_NAME = "(document.querySelector('.leaflet-popup .lp-name') || {}).textContent || ''"


def show_and_read(qtbot: Any, tab: Any, ident: str, name: str) -> None:
    """Ask the tab to show the prospect, then wait for its popup to carry its name."""
    run_js(qtbot, tab, "LocalProMap.closePopup && LocalProMap.closePopup()")
    wait_js(qtbot, tab, "!document.querySelector('.leaflet-popup')")
    tab.show_record("prospect", ident)
    shown: list[str] = [""]

    def popup_shows_name() -> bool:
        shown[0] = run_js(qtbot, tab, POPUP_NAME)
        return shown[0] == name

    try:
        qtbot.waitUntil(popup_shows_name, timeout=15_000)
    except Exception:
        raise AssertionError(f"popup of {name!r} not open; the page shows {shown[0]!r}") from None


def add_prospect(ctx: Any, name: str, **place: Any) -> str:
    # Similar names in one city are what this test wants: no duplicate check.
    service = ProspectService(ctx.ws)
    return str(service.add({"business_name": name, **place}, allow_duplicate=True).id)


def first_located(ctx: Any) -> tuple[str, str]:
    with ctx.ws.read() as session:
        row = session.execute(
            select(Prospect.id, Prospect.business_name)
            .where(Prospect.deleted_at.is_(None), Prospect.latitude.is_not(None))
            .order_by(Prospect.id)
            .limit(1)
        ).one()
    return str(row[0]), str(row[1])


@qt_noise
def test_show_record_opens_the_popup_of_a_clustered_visible_stacked_or_hidden_prospect(
    qtbot: Any, ui_ctx: Any, tile_server: TileServer
) -> None:
    with ui_ctx.ws.read() as session:
        lat, lon = session.execute(
            select(Prospect.latitude, Prospect.longitude)
            .where(Prospect.deleted_at.is_(None), Prospect.latitude.is_not(None))
            .order_by(Prospect.id)
            .limit(1)
        ).one()
        city, country = session.execute(
            select(Prospect.city, Prospect.country)
            .where(Prospect.city.is_not(None), Prospect.country.is_not(None))
            .order_by(Prospect.id)
            .limit(1)
        ).one()
    # Same building: two records at the very same point; a neighbour 300 m away.
    twin_a = add_prospect(ui_ctx, "Pharmacie Jumelle A", latitude=lat, longitude=lon)
    twin_b = add_prospect(ui_ctx, "Pharmacie Jumelle B", latitude=lat, longitude=lon)
    neighbour = add_prospect(ui_ctx, "Boutique Voisine", latitude=lat + 0.003, longitude=lon)
    # City only: drawn at the city's centre, with every other city-only record there.
    approx = [
        add_prospect(ui_ctx, f"Sans adresse {n}", city=city, country=country) for n in range(3)
    ]

    tab = open_map(qtbot, ui_ctx)
    assert tab.layer_count("prospects") > 50  # the first view is clustered

    # 1. In a cluster at the zoomed-out first view.
    ident, name = first_located(ui_ctx)
    show_and_read(qtbot, tab, ident, name)

    # 2. Stacked at the same point as another record (and as the demo record above).
    show_and_read(qtbot, tab, twin_a, "Pharmacie Jumelle A")
    show_and_read(qtbot, tab, twin_b, "Pharmacie Jumelle B")

    # 3. Already drawn alone on the screen, next door.
    run_js(qtbot, tab, f"LocalProMap.zoomTo({lat + 0.003}, {lon}, 18)")
    wait_js(qtbot, tab, "LocalProMap.stats().zoom === 18")
    show_and_read(qtbot, tab, neighbour, "Boutique Voisine")

    # 4. Approximate records, all at their city's centre.
    show_and_read(qtbot, tab, approx[1], "Sans adresse 1")

    # 5. The prospects layer switched off by the user.
    run_js(
        qtbot,
        tab,
        "Array.from(document.querySelectorAll('.leaflet-control-layers-overlays input'))"
        ".forEach(function (box, i) { if (i === 1 && box.checked) box.click(); })",
    )
    wait_js(qtbot, tab, "!LocalProMap.layerShown('prospects')")
    show_and_read(qtbot, tab, neighbour, "Boutique Voisine")

    # Two requests in a row: only the last one's popup opens, now and after later moves.
    run_js(qtbot, tab, "LocalProMap.closePopup()")
    run_js(qtbot, tab, "LocalProMap.zoomTo(0, 0, 3)")
    tab.show_record("prospect", ident)
    tab.show_record("prospect", twin_a)
    wait_js(qtbot, tab, f"{POPUP_NAME} === 'Pharmacie Jumelle A'")
    run_js(qtbot, tab, "LocalProMap.closePopup()")
    for lat_, lon_, zoom in ((0, 0, 3), (lat, lon, 12), (lat, lon, 18), (lat, lon, 15)):
        run_js(qtbot, tab, f"LocalProMap.zoomTo({lat_}, {lon_}, {zoom})")
        qtbot.wait(400)
        assert run_js(qtbot, tab, POPUP_NAME) == "", "an earlier request opened its popup late"

    # Unknown ids do nothing and raise nothing.
    tab.show_record("prospect", "no-such-record")
    qtbot.wait(300)
    assert tab.page_errors() == []
    close(qtbot, tab)
