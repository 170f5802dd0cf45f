"""The contact panel's "Merge into an existing contact…" for a contact an inbound message made."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from localpro_desktop.domain.opt_outs import inbound_contact_id
from localpro_desktop.services.contacts import ContactService
from localpro_desktop.services.inbound import apply_pending
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.crm.merge_dialog import MergeDialog
from localpro_desktop.ui.crm.tab import CrmTab
from tests.services.inbound_kit import inbound, pull
from tests.ui.test_crm_tab import _close, _open

STRANGER = "+221769998877"


@pytest.fixture
def tab(qtbot, ui_ctx: UiContext) -> Iterator[CrmTab]:  # type: ignore[no-untyped-def]
    widget = _open(qtbot, ui_ctx)
    yield widget
    _close(widget, ui_ctx)


def test_an_inbound_contact_is_merged_from_the_panel(  # type: ignore[no-untyped-def]
    qtbot, ui_ctx: UiContext, tab: CrmTab
) -> None:
    ws = ui_ctx.ws
    karim = ContactService(ws).add({"first_name": "Karimou", "last_name": "Zeta"}).id
    pull(ws, inbound(STRANGER, "Bonjour", 10))
    apply_pending(ws)
    stranger = inbound_contact_id(STRANGER)

    tab.select_record(karim)
    qtbot.waitUntil(lambda: tab.panel.details is not None and tab.panel.details.id == karim)
    assert tab.panel.merge_link.isHidden()  # not an inbound contact

    tab.select_record(stranger)
    qtbot.waitUntil(lambda: tab.panel.details is not None and tab.panel.details.id == stranger)
    assert not tab.panel.merge_link.isHidden()

    dialog = tab.panel.merge_link.open_dialog()
    assert isinstance(dialog, MergeDialog)
    dialog.search.setText("Karimou")
    dialog.search_contacts()
    qtbot.waitUntil(lambda: dialog.results.count() == 1)
    item = dialog.results.item(0)
    assert item.data(Qt.ItemDataRole.UserRole) == karim
    dialog.results.setCurrentRow(0)
    assert dialog.merge_button.isEnabled()
    with qtbot.waitSignal(dialog.sig_merged, timeout=10_000) as merged:
        dialog.merge_button.click()
    assert merged.args == [karim]

    qtbot.waitUntil(lambda: tab.panel.details is not None and tab.panel.details.id == karim)
    assert tab.panel.details is not None
    assert tab.panel.details.whatsapp_e164 == STRANGER
    assert "Bonjour" in tab.panel.timeline_text()
