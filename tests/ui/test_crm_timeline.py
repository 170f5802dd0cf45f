"""The contact panel's timeline in the user's language (issue 16, item 6).

A conversion entry's body is an English sentence written when it happened ("Converted
from prospect (import)"); the panel must say it in French without parsing that English,
for new conversions and for rows stored long ago alike.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from sqlalchemy import select

from localpro_desktop.domain.sources import ProspectSource
from localpro_desktop.services.prospects import ProspectService
from localpro_desktop.store.models import Contact, Prospect
from localpro_desktop.ui import labels
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.crm.tab import CrmTab
from tests.ui.test_crm_tab import _close, _open

_FRENCH = {
    (
        "ContactPanel",
        "Converted from prospect ({source})",
    ): "Converti depuis un prospect ({source})",
    ("ContactPanel", "Converted from a prospect"): "Converti depuis un prospect",
    ("labels", "Imported file"): "Fichier importé",
}


class _French(QTranslator):
    """The few French strings this test needs, whatever the shipped catalogue holds yet."""

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return _FRENCH.get((context, source))  # None: not ours, Qt keeps the source text

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def french(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    translator = _French(qapp)
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


@pytest.fixture
def tab(qtbot, ui_ctx: UiContext) -> Iterator[CrmTab]:  # type: ignore[no-untyped-def]
    widget = _open(qtbot, ui_ctx)
    yield widget
    _close(widget, ui_ctx)


def _timeline_of(qtbot, tab: CrmTab, contact_id: str) -> str:  # type: ignore[no-untyped-def]
    tab.select_record(contact_id)
    qtbot.waitUntil(lambda: tab.panel.details is not None and tab.panel.details.id == contact_id)
    return tab.panel.timeline_text()


def test_a_conversion_reads_in_french_with_its_source(  # type: ignore[no-untyped-def]
    qtbot, ui_ctx: UiContext, french, tab: CrmTab
) -> None:
    prospects = ProspectService(ui_ctx.ws)
    prospect = prospects.add({"business_name": "Pharmacie du Port"}, source=ProspectSource.IMPORT)
    contact = prospects.convert([prospect.id]).contacts[0]
    text = _timeline_of(qtbot, tab, contact.id)
    assert "Converti depuis un prospect (Fichier importé)" in text
    assert "Converted" not in text and "(import)" not in text


def test_stored_demo_conversions_read_well_too(  # type: ignore[no-untyped-def]
    qtbot, ui_ctx: UiContext, french, tab: CrmTab
) -> None:
    """Rows written before this fix: "Converted from prospect (demo)", in English."""
    with ui_ctx.ws.read() as session:
        contact_id, source = session.execute(
            select(Contact.id, Prospect.source).join(Prospect, Prospect.id == Contact.prospect_id)
        ).first()
    text = _timeline_of(qtbot, tab, contact_id)
    assert f"Converti depuis un prospect ({labels.source(source)})" in text
    assert "Converted from prospect" not in text and "(demo)" not in text
