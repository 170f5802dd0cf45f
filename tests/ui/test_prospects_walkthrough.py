"""Issue 16 on the Prospects tab, driven as a shop owner would: keyboard, bad input,
conversions and the import's duplicates (items 4, 5, 8, 10 and 13)."""

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from localpro_desktop.services.prospects import ProspectService
from localpro_desktop.store.models import Prospect
from localpro_desktop.store.queries.prospects import ProspectFilter
from localpro_desktop.ui.prospects import outcomes
from localpro_desktop.ui.prospects.import_wizard import ImportWizard
from localpro_desktop.ui.prospects.tab import ProspectsTab


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


def _settle(ctx) -> None:  # type: ignore[no-untyped-def]
    for _ in range(5):
        ctx.runner.wait()
        QCoreApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _answer(qtbot, box: QMessageBox | None, text: str) -> None:  # type: ignore[no-untyped-def]
    assert box is not None and box.isVisible()
    button = next(b for b in box.buttons() if b.text() == text)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _stored(ws, name: str):  # type: ignore[no-untyped-def]
    with ws.read() as session:
        return session.scalars(select(Prospect).where(Prospect.business_name == name)).first()


# -- 8. keyboard ----------------------------------------------------------------------


def test_escape_in_an_empty_add_form_just_closes(qtbot, tab) -> None:  # type: ignore[no-untyped-def]
    dialog = tab.add_prospect()
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.question is None


def test_escape_in_a_filled_add_form_asks_before_throwing_it_away(qtbot, tab, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    dialog = tab.add_prospect()
    qtbot.keyClicks(dialog.name, "Chez Fatou Couture")
    qtbot.keyClicks(dialog.phone, "77 123 45 67")
    qtbot.keyClick(dialog.phone, Qt.Key.Key_Escape)
    assert dialog.isVisible(), "Escape threw the typed prospect away without asking"
    assert dialog.question is not None and "Discard" in dialog.question.windowTitle()
    _answer(qtbot, dialog.question, "Keep editing")
    assert dialog.isVisible() and dialog.name.text() == "Chez Fatou Couture"
    assert dialog.question is None

    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)
    _answer(qtbot, dialog.question, "Discard")
    assert not dialog.isVisible()
    assert _stored(ui_ctx.ws, "Chez Fatou Couture") is None


def test_escape_in_the_search_box_clears_it(qtbot, tab) -> None:  # type: ignore[no-untyped-def]
    total = tab.model.total
    qtbot.keyClicks(tab.search, "boutique")
    qtbot.waitUntil(lambda: tab.model.current_filter == ProspectFilter(text="boutique"))
    qtbot.keyClick(tab.search, Qt.Key.Key_Escape)
    assert tab.search.text() == ""
    qtbot.waitUntil(lambda: tab.model.current_filter == ProspectFilter() and not tab.model.loading)
    assert tab.model.total == total


# -- 10. a malformed e-mail -----------------------------------------------------------


def test_a_malformed_email_is_asked_about_before_it_is_saved(qtbot, tab, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    dialog = tab.add_prospect()
    qtbot.keyClicks(dialog.name, "Pharmacie Awa")
    qtbot.keyClicks(dialog.email, "awa@pharmacie")
    assert "⚠" in dialog.email_feedback.text()
    dialog.save()
    assert dialog.question is not None, "the malformed e-mail was saved without a word"
    assert "awa@pharmacie" in dialog.question.informativeText()
    _answer(qtbot, dialog.question, "Fix it")
    assert dialog.isVisible() and dialog.email.selectedText() == "awa@pharmacie"
    _settle(ui_ctx)
    assert _stored(ui_ctx.ws, "Pharmacie Awa") is None

    dialog.save()
    with qtbot.waitSignal(dialog.sig_saved, timeout=10_000):
        _answer(qtbot, dialog.question, "Save anyway")
    stored = _stored(ui_ctx.ws, "Pharmacie Awa")
    assert stored is not None and stored.email == "awa@pharmacie"
    assert stored.email_normalized is None  # kept as typed, flagged like an import's


# -- 5. one WhatsApp rule -------------------------------------------------------------


def test_the_form_takes_a_mobile_as_whatsapp_and_not_a_landline(qtbot, tab, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    dialog = tab.add_prospect()
    dialog.name.setText("Garage Médina Frères")
    qtbot.keyClicks(dialog.phone, "77 123 45 67")
    assert dialog.same_whatsapp.isChecked() and dialog.whatsapp.text() == "77 123 45 67"
    dialog.phone.clear()
    qtbot.keyClicks(dialog.phone, "33 821 00 00")  # a Dakar landline
    assert not dialog.same_whatsapp.isChecked(), "a landline was taken as the WhatsApp number"
    assert dialog.whatsapp.text() == ""
    assert "landline" in dialog.whatsapp_feedback.text()
    with qtbot.waitSignal(dialog.sig_saved, timeout=10_000) as saved:
        dialog.save()
    assert saved.args[0].whatsapp_e164 is None

    # The user's own choice wins over the rule.
    chosen = tab.add_prospect()
    qtbot.mouseClick(chosen.same_whatsapp, Qt.MouseButton.LeftButton)  # unticks it
    qtbot.keyClicks(chosen.phone, "77 123 45 67")
    assert not chosen.same_whatsapp.isChecked() and chosen.whatsapp.text() == ""
    chosen.discard()


def test_the_mapping_page_states_the_whatsapp_rule(qtbot, tab, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "sans-whatsapp.csv"
    path.write_bytes("Nom;Téléphone\r\nCouture Fatou;77 123 45 67\r\n".encode("cp1252"))
    wizard = tab.start_import(path)
    qtbot.waitUntil(wizard.file_page.isComplete, timeout=10_000)
    wizard.next()
    rule = wizard.mapping_page.whatsapp_rule.text()
    assert "no WhatsApp column" in rule and "mobile numbers are also taken" in rule
    wizard.mapping_page.set_field("Téléphone", "whatsapp")
    assert "from the WhatsApp column only" in wizard.mapping_page.whatsapp_rule.text()
    wizard.reject()


# -- 13. the panel after a conversion -------------------------------------------------


def test_after_converting_the_panel_stops_offering_to_convert(qtbot, tab, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    rows = [tab.model.row_at(i) for i in range(tab.model.rowCount())]
    targets = [i for i, row in enumerate(rows) if row is not None and not row.contact_id][:2]
    tab.table.clearSelection()
    for row in targets:
        tab.table.selectionModel().select(
            tab.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    qtbot.waitUntil(lambda: tab.detail.pages.currentIndex() == 2)
    assert tab.detail.many_convert.text() == "Convert 2 to contacts"
    tab.detail.many_convert.click()
    qtbot.waitUntil(lambda: "2 prospects converted" in tab.message.message, timeout=10_000)
    assert not tab.detail.many_convert.isVisible(), "still offers to convert the converted"
    assert tab.detail.many_converted.text() == "✓ They are all contacts in the CRM already."
    # Still so once the list has reloaded (the selection is put back).
    tab.ctx.runner.wait()
    qtbot.waitUntil(lambda: not tab.model.loading)
    _settle(ui_ctx)
    assert tab.detail.pages.currentIndex() == 2 and not tab.detail.many_convert.isVisible()


# -- 4. duplicates say what they matched ----------------------------------------------

_WITH_DUPLICATES = (
    "Raison sociale;Téléphone;Ville;E-mail\r\n"
    "Boulangerie Étoile;77 555 12 34;Thiès;\r\n"
    "Boulangerie Étoile (2);+221775551234;Thiès;\r\n"
    "{name};;{city};{email}\r\n"
    "Quincaillerie;70 12;Dakar;\r\n"
)


def test_import_duplicates_say_what_they_matched_everywhere(qtbot, tab, ui_ctx, tmp_path) -> None:  # type: ignore[no-untyped-def]
    existing = ProspectService(ui_ctx.ws).search(ProspectFilter(has_phone=True), limit=1).rows[0]
    ProspectService(ui_ctx.ws).update(existing.id, {"email": "deja@exemple.sn"})
    path = tmp_path / "doublons.csv"
    text = _WITH_DUPLICATES.format(name="Autre nom", city="Ailleurs", email="deja@exemple.sn")
    path.write_bytes(text.encode("cp1252"))
    wizard = tab.start_import(path)
    qtbot.waitUntil(wizard.file_page.isComplete, timeout=10_000)
    wizard.next()
    wizard.next()
    qtbot.waitUntil(wizard.duplicates_page.isComplete, timeout=10_000)
    summary = wizard.duplicates_page.summary.text()
    # The in-file repeat is not called a record the user has.
    assert "Rows matching records you have: 1, to skip" in summary
    assert "Rows repeating an earlier row of the file: 1, to skip" in summary
    assert "Row 3: Matches row 2 of the file (same phone +221775551234)" in summary
    assert f"Row 4: Matches “{existing.business_name} ({existing.city})”" in summary

    with qtbot.waitSignal(wizard.sig_imported, timeout=20_000) as imported:
        wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.REPORT, timeout=5000)
    problems = wizard.report_page.problems
    listed = {
        problems.index(i, 0).data(): (problems.index(i, 1).data(), problems.index(i, 2).data())
        for i in range(problems.rowCount())
    }
    assert listed["3"] == (
        "Skipped, a duplicate",
        "Matches row 2 of the file (same phone +221775551234)",
    )
    assert listed["4"][1].startswith(f"Matches “{existing.business_name} ({existing.city})”")
    assert listed["5"] == (
        "Imported, to check",
        "Phone “70 12”: too short, digits are missing",  # worded, not phonenumbers' English
    )

    banner, _tone = outcomes.imported(imported.args[0])
    assert "2 skipped as duplicates" in banner and "1 to check" in banner
    assert "row 3: Matches row 2 of the file" in banner
    qtbot.waitUntil(lambda: "2 skipped as duplicates" in tab.message.message)
    wizard.accept()
