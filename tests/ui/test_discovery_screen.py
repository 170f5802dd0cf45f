"""The discovery page of the prospects tab, against a local server that answers like Overpass.

Real widgets, a real demo workspace, and a real HTTP stand-in on 127.0.0.1
(tests/discovery/overpass_standin.py) answering in Overpass' documented JSON output
(https://dev.overpass-api.de/output_formats.html#json; ``out center`` puts a ``center`` on
ways: https://osmlab.github.io/learnoverpass/en/docs/actions/print/), with the tags the
OpenStreetMap wiki documents for businesses (``phone`` with ``;``-separated numbers,
``contact:whatsapp``, ``addr:street``: https://wiki.openstreetmap.org/wiki/Key:phone,
https://wiki.openstreetmap.org/wiki/Key:contact). The endpoint is pointed at it through
``LOCALPRO_OVERPASS_URL``, as a user's mirror would be.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt

from localpro_desktop.services.discovery import DiscoveryService
from localpro_desktop.services.discovery import settings as discovery_settings
from localpro_desktop.services.prospects import ProspectService
from localpro_desktop.ui.prospects.discovery.merges_dialog import MergesDialog
from localpro_desktop.ui.prospects.discovery.panel import DiscoveryPanel
from localpro_desktop.ui.prospects.discovery.preview_model import Col
from localpro_desktop.ui.prospects.discovery.sources_dialog import SourcesDialog
from localpro_desktop.ui.prospects.tab import ProspectsTab
from tests.discovery.overpass_standin import PATH, StandIn, overpass

KNOWN_PHONE = "+225 27 22 44 55 66"

ELEMENTS: list[dict[str, Any]] = [
    {
        "type": "node",
        "id": 4242001,
        "lat": 5.3575,
        "lon": -3.9889,
        "tags": {
            "amenity": "pharmacy",
            "name": "Pharmacie de la Riviéra",
            "phone": f"{KNOWN_PHONE};07 07 12 34 56",
            "contact:whatsapp": "https://wa.me/2250505123456",
            "addr:street": "Boulevard Latrille",
            "opening_hours": "Mo-Sa 08:00-20:00",
        },
    },
    {
        "type": "way",
        "id": 99001,
        "center": {"lat": 5.3201, "lon": -4.0163},
        "tags": {"amenity": "pharmacy", "name": "صيدلية الأمل"},
    },
    {
        "type": "node",
        "id": 4242002,
        "lat": 5.3301,
        "lon": -4.0211,
        "tags": {"amenity": "pharmacy", "name": "Pharmacie du Plateau", "phone": "0707998877"},
    },
    {
        "type": "node",
        "id": 4242003,
        "lat": 5.3402,
        "lon": -4.0102,
        # No name: left out of the preview, counted.
        "tags": {"amenity": "pharmacy"},
    },
]


def _settle(ctx) -> None:  # type: ignore[no-untyped-def]
    for _ in range(5):
        ctx.runner.wait()
        QCoreApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[StandIn]:
    with overpass(ELEMENTS) as stand_in:
        monkeypatch.setenv("LOCALPRO_OVERPASS_URL", stand_in.url + PATH)
        yield stand_in


@pytest.fixture
def tab(qtbot, ui_ctx):  # type: ignore[no-untyped-def]
    widget = ProspectsTab(ui_ctx)
    widget.resize(1366, 700)
    widget.show()
    qtbot.waitUntil(widget.is_ready, timeout=10_000)
    yield widget
    _settle(ui_ctx)
    widget.close()
    widget.deleteLater()
    _settle(ui_ctx)


def _open(qtbot, tab: ProspectsTab) -> DiscoveryPanel:  # type: ignore[no-untyped-def]
    tab.find_button.click()
    panel = tab.discovery
    assert panel is not None and tab.pages.currentWidget() is panel
    qtbot.waitUntil(lambda: panel.form.sector.count() > 5)
    panel.form.sector.setCurrentIndex(panel.form.sector.findData("pharmacy"))
    panel.form.city.setText("Abidjan")
    return panel


def _search(qtbot, panel: DiscoveryPanel) -> None:  # type: ignore[no-untyped-def]
    before = panel.preview
    panel.form.search_button.click()
    qtbot.waitUntil(lambda: panel.preview is not before, timeout=20_000)
    qtbot.waitUntil(lambda: panel.form.search_button.isEnabled())


def _statuses(panel: DiscoveryPanel) -> dict[str, str]:
    model = panel.model
    return {
        model.index(r, Col.NAME).data(): model.index(r, Col.STATUS).data()
        for r in range(model.rowCount())
    }


def _closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}{PATH}"


def test_search_shows_the_preview_with_its_counts(qtbot, tab, server) -> None:  # type: ignore[no-untyped-def]
    panel = _open(qtbot, tab)
    _search(qtbot, panel)

    assert len(server.requests) == 1 and server.requests[0].path == PATH
    assert panel.body.currentWidget() is panel.table
    assert panel.model.rowCount() == 3
    assert _statuses(panel) == {
        "Pharmacie de la Riviéra": "New",
        "صيدلية الأمل": "New",
        "Pharmacie du Plateau": "New",
    }
    assert panel.summary.text() == (
        "3 found · 3 new · 0 already known · 1 without a phone · 1 without a name left out"
    )
    assert panel.result_title.text().startswith("Pharmacy in Abidjan, Côte d'Ivoire (")
    assert panel.cache_label.text() == "Searched just now (OpenStreetMap)."
    riviera = next(
        r for r in range(3) if panel.model.index(r, Col.NAME).data() == "Pharmacie de la Riviéra"
    )
    assert panel.model.index(riviera, Col.REACH).data() == "phone, WhatsApp"
    assert panel.model.index(riviera, Col.PHONE).data().endswith("(+1)")
    # One in three without a phone: the other source is offered.
    assert panel.hint.isVisible()
    assert panel.hint.action.text() == "Try Google Places for phone numbers"
    assert panel.add_new_button.text() == "Add all new (3)" and panel.add_new_button.isEnabled()
    assert not panel.add_selected_button.isEnabled()

    # Searching again without "refresh" reads the saved results: no request, dated.
    _search(qtbot, panel)
    assert len(server.requests) == 1
    assert panel.cache_label.text().startswith("From your saved results of ")
    panel.again_button.click()
    qtbot.waitUntil(lambda: len(server.requests) == 2, timeout=20_000)


def test_add_all_new_puts_them_in_the_prospect_list(qtbot, tab, server, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: tab.model.total > 0)
    before = tab.model.total
    panel = _open(qtbot, tab)
    _search(qtbot, panel)
    with qtbot.waitSignal(panel.sig_added, timeout=20_000) as added:
        panel.add_new_button.click()
    assert added.args[0].added == 3
    assert panel.message.message == "3 added."
    # The preview is read again: the places are known now, and nothing is left to add.
    qtbot.waitUntil(lambda: set(_statuses(panel).values()) != {"New"}, timeout=20_000)
    assert all(s.startswith("Known: ") for s in _statuses(panel).values())
    assert not panel.add_new_button.isEnabled()
    # "Show in the list": back to the list, which reloaded by itself.
    panel.message.action.click()
    assert tab.pages.currentWidget() is tab.list_page
    qtbot.waitUntil(lambda: tab.model.total == before + 3, timeout=10_000)
    tab.search.setText("Riviéra")
    qtbot.waitUntil(lambda: tab.model.current_filter.text == "Riviéra" and not tab.model.loading)
    names = [tab.model.row_at(i).business_name for i in range(tab.model.rowCount())]
    assert "Pharmacie de la Riviéra" in names


def test_a_known_place_shows_as_known_and_merges_then_undoes(qtbot, tab, server, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    mine = ProspectService(ui_ctx.ws).add(
        {"business_name": "Pharmacie Riviera 2", "phone": KNOWN_PHONE, "city": "Abidjan"},
        allow_duplicate=True,
    )
    panel = _open(qtbot, tab)
    _search(qtbot, panel)
    statuses = _statuses(panel)
    assert statuses["Pharmacie de la Riviéra"] == "Known: Pharmacie Riviera 2"
    assert panel.summary.text().startswith("3 found · 2 new · 1 already known")
    row = next(
        r for r in range(3) if panel.model.index(r, Col.NAME).data() == "Pharmacie de la Riviéra"
    )
    tooltip = panel.model.index(row, Col.STATUS).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip == "Known (same phone as a known prospect): Pharmacie Riviera 2"

    # Select the known one and one new one: one merged, one added.
    plateau = next(
        r for r in range(3) if panel.model.index(r, Col.NAME).data() == "Pharmacie du Plateau"
    )
    for r in (row, plateau):
        panel.model.setData(
            panel.model.index(r, Col.CHECK), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
        )
    assert panel.add_selected_button.text() == "Add selected (2)"
    with qtbot.waitSignal(panel.sig_added, timeout=20_000):
        panel.add_selected_button.click()
    assert panel.message.message == "1 added, 1 merged into a known prospect."
    merged = ProspectService(ui_ctx.ws).get(mine.id)
    assert "osm:node/4242001" in (merged.source_ref or "")

    dialog = panel.open_merges()
    assert isinstance(dialog, MergesDialog)
    qtbot.waitUntil(lambda: dialog.loaded)
    assert dialog.table.rowCount() == 1
    cells = [dialog.table.item(0, column) for column in range(3)]
    assert [cell.text() if cell else None for cell in cells] == [
        "Pharmacie Riviera 2",
        "Pharmacie de la Riviéra",
        "same phone as a known prospect",
    ]
    dialog.table.selectRow(0)
    assert dialog.undo_button.isEnabled()
    dialog.undo_button.click()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 0 and dialog.empty.isVisible())
    assert dialog.message.message == "Merge into “Pharmacie Riviera 2” undone."
    assert "osm:node/4242001" not in (ProspectService(ui_ctx.ws).get(mine.id).source_ref or "")
    dialog.close()


def test_offline_search_is_saved_then_runs_and_the_user_is_told(  # type: ignore[no-untyped-def]
    qtbot, tab, ui_ctx, monkeypatch
) -> None:
    monkeypatch.setenv("LOCALPRO_OVERPASS_URL", _closed_port_url())
    panel = _open(qtbot, tab)
    panel.form.search_button.click()
    qtbot.waitUntil(lambda: "No connection" in panel.message.message, timeout=20_000)
    qtbot.waitUntil(panel.saved_list.isVisible)
    assert panel.saved_list.items.count() == 1
    assert panel.saved_list.title.text() == "1 search waiting for a connection"
    assert panel.saved_list.items.item(0).text().startswith("Pharmacy in Abidjan (OpenStreetMap)")
    assert panel.preview is None
    assert tab.saved_watcher.timer.isActive()  # it will try again by itself

    # Back on the list, the connection returns: the saved search runs and the user is told.
    tab.show_list()
    with overpass(ELEMENTS) as stand_in:
        monkeypatch.setenv("LOCALPRO_OVERPASS_URL", stand_in.url + PATH)
        with qtbot.waitSignal(tab.saved_watcher.sig_arrived, timeout=20_000) as arrived:
            tab.saved_watcher.check_now()
        assert len(stand_in.requests) == 1
    [done] = arrived.args[0]
    assert done.state == "done" and done.found == 3
    assert tab.message.message == (
        "Your saved search “Pharmacy in Abidjan (OpenStreetMap)” has run: 3 found, 3 new."
    )
    qtbot.waitUntil(lambda: not panel.saved_list.isVisible())
    assert not tab.saved_watcher.timer.isActive()
    qtbot.waitUntil(lambda: DiscoveryService(ui_ctx.ws).untold() == [])

    # "Show results" opens the page with the saved results (no network needed).
    tab.message.action.click()
    assert tab.pages.currentWidget() is panel
    qtbot.waitUntil(lambda: panel.preview is not None, timeout=20_000)
    assert panel.model.rowCount() == 3
    assert panel.cache_label.text().startswith("From your saved results of ")


def test_sources_dialog_saves_an_endpoint_and_shows_an_environment_override(  # type: ignore[no-untyped-def]
    qtbot, tab, ui_ctx, monkeypatch
) -> None:
    monkeypatch.delenv("LOCALPRO_OVERPASS_URL", raising=False)
    monkeypatch.setenv("LOCALPRO_NOMINATIM_URL", "http://127.0.0.1:9/nominatim")
    panel = _open(qtbot, tab)
    dialog = panel.open_sources()
    assert isinstance(dialog, SourcesDialog)
    qtbot.waitUntil(lambda: dialog.loaded is not None)
    overpass_edit = dialog.urls["overpass"]
    assert overpass_edit.isEnabled() and overpass_edit.text() == ""
    assert overpass_edit.placeholderText() == "https://overpass-api.de/api/interpreter"
    nominatim = dialog.urls["nominatim"]
    assert not nominatim.isEnabled() and nominatim.text() == "http://127.0.0.1:9/nominatim"
    assert "LOCALPRO_NOMINATIM_URL" in dialog.notes["nominatim"].text()
    assert dialog.key_state.text().startswith("No key saved")

    # A bad address is refused in the dialog, which stays open.
    overpass_edit.setText("overpass.example.org")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    qtbot.waitUntil(lambda: "is not a web address" in dialog.message.message)
    assert dialog.isVisible()

    overpass_edit.setText("https://overpass.kumi.systems/api/interpreter")
    with qtbot.waitSignal(dialog.sig_saved, timeout=10_000):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert discovery_settings.endpoint_url(ui_ctx.ws, "overpass") == (
        "https://overpass.kumi.systems/api/interpreter"
    )
    views = {v.name: v for v in discovery_settings.endpoints(ui_ctx.ws)}
    assert views["overpass"].configured == "https://overpass.kumi.systems/api/interpreter"
    assert views["nominatim"].configured == ""  # the overridden one was left alone


def test_tags_added_in_the_sources_dialog_reach_the_sector(qtbot, tab, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    panel = _open(qtbot, tab)
    dialog = panel.open_sources()
    qtbot.waitUntil(lambda: dialog.loaded is not None)
    dialog.tag_sector.setCurrentIndex(dialog.tag_sector.findData("grocery"))
    dialog.new_tag.setText("shop=kiosk")
    with qtbot.waitSignal(dialog.sig_saved, timeout=10_000):
        dialog.add_tag_button.click()
    qtbot.waitUntil(lambda: dialog.tags.count() == 1)
    assert dialog.tags.item(0).text() == "shop=kiosk"
    grocery = next(s for s in DiscoveryService(ui_ctx.ws).sectors() if s.key == "grocery")
    assert "shop=kiosk" in grocery.added_tags
    dialog.new_tag.setText("not a tag")
    dialog.add_tag_button.click()
    qtbot.waitUntil(lambda: "is not an OpenStreetMap tag" in dialog.message.message)
    dialog.close()
