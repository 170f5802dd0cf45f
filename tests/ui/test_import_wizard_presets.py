"""The import wizard's "File from" choice, on a real demo workspace, offscreen.

The fixtures have the shapes of the real downloads (see tests/importing/test_presets.py
for the sources): LinkedIn's Connections.csv with its "Notes:" lines, Meta's lead-ads
download in UTF-16 with tabs and "p:"/"l:" prefixes.
"""

import shutil
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent
from sqlalchemy import select

from localpro_desktop.store.models import Prospect
from localpro_desktop.ui.prospects.import_wizard import ImportWizard

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "importing"


def _copy(tmp_path: Path, name: str) -> Path:
    target = tmp_path / name
    shutil.copyfile(FIXTURES / name, target)
    return target


def _close(wizard: ImportWizard, ctx) -> None:  # type: ignore[no-untyped-def]
    ctx.runner.wait()
    QCoreApplication.processEvents()
    wizard.close()
    wizard.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_a_linkedin_export_is_recognised_and_imported_from_linkedin(  # type: ignore[no-untyped-def]
    qtbot, ui_ctx, tmp_path
) -> None:
    wizard = ImportWizard(ui_ctx, path=_copy(tmp_path, "Connections.csv"))
    wizard.show()
    page = wizard.file_page
    qtbot.waitUntil(page.isComplete, timeout=10_000)
    assert page.preset_combo.currentData() == "auto"
    assert "Recognised as a LinkedIn connections export" in page.preset_note.text()
    assert "1 rows have neither a name nor a company" in page.preset_note.text()
    assert "6 rows" in page.status.text()  # as read: the set-aside row is counted
    wizard.next()
    assert wizard.currentId() == ImportWizard.MAPPING
    chosen = {
        header: combo.currentData()
        for header, combo in zip(wizard.table.headers, wizard.mapping_page.combos, strict=True)  # type: ignore[union-attr]
    }
    assert chosen["Business name"] == "business_name"
    assert chosen["Contact person"] == "contact_person"
    assert chosen["URL"] == "source_ref" and chosen["Company"] == ""
    wizard.next()
    qtbot.waitUntil(wizard.duplicates_page.isComplete, timeout=10_000)
    summary = wizard.duplicates_page.summary.text()
    assert "New records to add: <b>5</b>" in summary
    assert "Rows that cannot be imported: 1" in summary
    with qtbot.waitSignal(wizard.sig_imported, timeout=20_000) as imported:
        wizard.next()
    report = imported.args[0]
    assert (report.preset, report.source, report.created) == ("linkedin", "linkedin", 5)
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.REPORT, timeout=5000)
    listed = wizard.report_page.rows_listed()
    assert any(row == 8 and rejected for row, _reason, rejected in listed)
    with ui_ctx.ws.read() as session:
        people = dict(
            session.execute(
                select(Prospect.business_name, Prospect.contact_person).where(
                    Prospect.source == "linkedin"
                )
            ).all()
        )
    assert people["Okonkwo Pharmacy Ltd"] == "Adaeze Okonkwo"
    assert people["Wanjiru Kamau"] == "Wanjiru Kamau"
    wizard.accept()
    _close(wizard, ui_ctx)


def test_the_user_can_change_or_turn_off_the_preset(qtbot, ui_ctx, tmp_path) -> None:  # type: ignore[no-untyped-def]
    wizard = ImportWizard(ui_ctx, path=_copy(tmp_path, "facebook_leads.csv"))
    wizard.show()
    page = wizard.file_page
    qtbot.waitUntil(page.isComplete, timeout=10_000)
    assert "Recognised as a Facebook lead ads download" in page.preset_note.text()
    assert "utf-16-le" in page.status.text() and "tabs" in page.status.text()
    assert wizard.table is not None and wizard.table.headers[0] == "Business name"

    # Not a LinkedIn file: the reason is shown and Next stays off.
    page.set_preset("linkedin")
    qtbot.waitUntil(lambda: "does not look like" in page.status.text(), timeout=10_000)
    assert not page.isComplete() and wizard.table is None

    # No preset: the file's own columns, matched by name; the import records "import".
    page.set_preset("none")
    qtbot.waitUntil(page.isComplete, timeout=10_000)
    assert wizard.preset == "none" and wizard.table is not None
    assert "Business name" not in wizard.table.headers
    wizard.next()
    chosen = {
        header: combo.currentData()
        for header, combo in zip(wizard.table.headers, wizard.mapping_page.combos, strict=True)
    }
    assert chosen["company_name"] == "business_name"
    wizard.next()
    qtbot.waitUntil(wizard.duplicates_page.isComplete, timeout=10_000)
    assert wizard.duplicates_page.dry is not None
    dry_report = wizard.duplicates_page.dry.report
    assert dry_report is not None and dry_report.preset is None
    assert dry_report.source == "import"

    # Back to the start, and the preset again: the columns follow.
    wizard.back()
    wizard.back()
    page.set_preset("facebook-leads")
    qtbot.waitUntil(page.isComplete, timeout=10_000)
    assert "Read as a Facebook lead ads download" in page.preset_note.text()
    wizard.next()
    chosen = {
        header: combo.currentData()
        for header, combo in zip(wizard.table.headers, wizard.mapping_page.combos, strict=True)
    }
    assert chosen["Business name"] == "business_name" and chosen["id"] == "source_ref"
    assert chosen["phone_number"] == "phone"
    wizard.reject()
    _close(wizard, ui_ctx)
