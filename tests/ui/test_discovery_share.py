""" "Share as a map…" on the Find prospects page: a search result saved as one HTML file.

Real widgets on a real demo workspace; the search goes to a local server answering like
Overpass (tests/services/discovery_kit.py: Overpass' documented JSON output,
https://dev.overpass-api.de/output_formats.html#json), pointed at through
``LOCALPRO_OVERPASS_URL``. Only the native save dialog is replaced (it would wait for a
person), by a function answering the path a user would pick; the file is written by the
real export (``services/exporting/map_html.py``) on the database worker.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QFileDialog

from localpro_desktop.services.exporting.map_html import MapExportResult
from localpro_desktop.ui.prospects.discovery.panel import DiscoveryPanel
from localpro_desktop.ui.prospects.discovery.share import result_prospect_ids
from localpro_desktop.ui.prospects.tab import ProspectsTab
from tests.services.discovery_kit import overpass_at

NAMES = ["Pharmacie du Plateau", "Pharmacie Sainte Anne", "صيدلية النور", "Pharmacie des Lagunes"]


def _settle(ctx: Any) -> None:
    for _ in range(5):
        ctx.runner.wait()
        QCoreApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def tab(qtbot: Any, ui_ctx: Any) -> Iterator[ProspectsTab]:
    widget = ProspectsTab(ui_ctx)
    widget.resize(1366, 700)
    widget.show()
    qtbot.waitUntil(widget.is_ready, timeout=10_000)
    yield widget
    _settle(ui_ctx)
    widget.close()
    widget.deleteLater()
    _settle(ui_ctx)


def _search(qtbot: Any, tab: ProspectsTab) -> DiscoveryPanel:
    tab.find_button.click()
    panel = tab.discovery
    assert panel is not None
    qtbot.waitUntil(lambda: panel.form.sector.count() > 5)
    panel.form.sector.setCurrentIndex(panel.form.sector.findData("pharmacy"))
    panel.form.city.setText("Abidjan")
    before = panel.preview
    panel.form.search_button.click()
    qtbot.waitUntil(lambda: panel.preview is not before, timeout=20_000)
    qtbot.waitUntil(lambda: panel.form.search_button.isEnabled())
    return panel


def _in_file(text: str, name: str) -> bool:
    """The name as the file holds it: plain, or as a JSON string with \\u escapes."""
    return name in text or json.dumps(name)[1:-1] in text


def test_share_a_result_after_adding_it(
    qtbot: Any, tab: ProspectsTab, ui_ctx: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    with overpass_at(monkeypatch):
        panel = _search(qtbot, tab)
        assert panel.preview is not None and panel.preview.new == 4  # and a repeat of one

        # Nothing of it is a prospect yet: nothing to put on a map.
        button = panel.share_button
        assert button.text() == "Share as a map…"
        assert not button.isEnabled()
        assert button.toolTip() == "Add places first: the map shows your prospects"

        with qtbot.waitSignal(panel.sig_added, timeout=20_000) as added:
            panel.add_new_button.click()
        assert added.args[0].added == 4
        # The preview is read again: the places are known now, so the button works.
        qtbot.waitUntil(button.isEnabled, timeout=20_000)
        ids = result_prospect_ids(panel.preview)
        assert len(ids) == 4
        assert "4 prospects" in button.toolTip() and "Google" not in button.toolTip()

        # The user picks a file in the save dialog (replaced: it would wait for a person).
        picked = tmp_path / "pharmacies abidjan"  # typed without ".html"
        asked: list[str] = []

        def save_dialog(_parent: Any, _title: str, default: str, _filter: str) -> tuple[str, str]:
            asked.append(default)
            return str(picked), "Web page (*.html)"

        monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
        with qtbot.waitSignal(panel.share.sig_done, timeout=30_000) as done:
            button.click()

    assert Path(asked[0]).name.startswith("Pharmacy-Abidjan-")
    result = done.args[0]
    assert isinstance(result, MapExportResult)
    target = picked.with_suffix(".html")
    assert result.path == target and target.is_file()
    assert result.prospects == 4 and result.contacts == 0 and result.without_location == 0
    text = target.read_text(encoding="utf-8")
    for name in NAMES:
        assert _in_file(text, name), name
    # Only this result: none of the workspace's 600 other records.
    assert result.points == 4
    assert str(target) in panel.message.message
    assert "opens without a connection" in panel.message.message
    assert button.isEnabled()

    # From Google Places the same places would have no stored coordinates: the tooltip
    # says they are placed at their city's centre.
    preview = panel.preview
    assert preview is not None
    google = dataclasses.replace(
        preview,
        rows=tuple(
            dataclasses.replace(
                row, place=dataclasses.replace(row.place, coordinates_storable=False)
            )
            for row in preview.rows
        ),
    )
    panel.share.set_preview(google)
    assert "city's centre (approximate)" in button.toolTip()
    panel.share.set_preview(None)
    assert not button.isEnabled()


def test_a_failed_save_is_said_and_the_button_works_again(
    qtbot: Any, tab: ProspectsTab, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    with overpass_at(monkeypatch):
        panel = _search(qtbot, tab)
        with qtbot.waitSignal(panel.sig_added, timeout=20_000):
            panel.add_new_button.click()
        qtbot.waitUntil(panel.share_button.isEnabled, timeout=20_000)
    panel.share.export_to(tmp_path / "no-such-folder" / "map.html")
    qtbot.waitUntil(lambda: "was not saved" in panel.message.message, timeout=30_000)
    assert "does not exist" in panel.message.message
    assert panel.share_button.isEnabled()
