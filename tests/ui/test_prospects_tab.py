"""The Prospects tab on a real demo workspace: list, filters, paging, dialogs, import."""

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, Qt
from PySide6.QtWidgets import QWizard
from sqlalchemy import func, select

from localpro_desktop.domain.changes import ChangeSet
from localpro_desktop.domain.plans import Metric
from localpro_desktop.domain.prospect_fields import EDITABLE
from localpro_desktop.services import usage
from localpro_desktop.services.prospect_search import Column
from localpro_desktop.services.prospects import ProspectService
from localpro_desktop.store.models import Contact, Prospect
from localpro_desktop.store.queries.prospects import ProspectFilter
from localpro_desktop.ui import labels
from localpro_desktop.ui.prospects.editor import ProspectDialog
from localpro_desktop.ui.prospects.import_wizard import ImportWizard
from localpro_desktop.ui.prospects.model import PAGE_SIZE
from localpro_desktop.ui.prospects.tab import ProspectsTab


@pytest.fixture
def tab(qtbot, ui_ctx):  # type: ignore[no-untyped-def]
    widget = ProspectsTab(ui_ctx)
    widget.resize(1366, 700)
    widget.show()
    qtbot.waitUntil(widget.is_ready, timeout=10_000)
    qtbot.waitUntil(lambda: widget.sector_combo.count() > 1)
    yield widget
    # Destroy the tab while the context lives, and let every task still queued finish
    # before the context (and its runner) go: a late result must find nothing to call.
    _settle(ui_ctx)
    widget.close()
    widget.deleteLater()
    _settle(ui_ctx)


def _settle(ctx) -> None:  # type: ignore[no-untyped-def]
    for _ in range(5):
        ctx.runner.wait()
        QCoreApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _live_count(ws) -> int:  # type: ignore[no-untyped-def]
    with ws.read() as session:
        return int(
            session.scalar(
                select(func.count()).select_from(Prospect).where(Prospect.deleted_at.is_(None))
            )
            or 0
        )


def _loaded_ids(tab: ProspectsTab) -> list[str]:
    rows = (tab.model.row_at(i) for i in range(tab.model.rowCount()))
    return [row.id for row in rows if row is not None]


def _wait_for_query(qtbot, tab: ProspectsTab, flt: ProspectFilter) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: tab.model.current_filter == flt and not tab.model.loading)


def test_opens_with_the_services_total_and_first_page(tab, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    page = ProspectService(ui_ctx.ws).search(ProspectFilter(), limit=PAGE_SIZE)
    assert page.total > PAGE_SIZE  # the demo holds 600: paging is exercised
    assert tab.model.total == page.total
    assert tab.count_label.text() == f"{page.total} prospects"
    assert _loaded_ids(tab) == [p.id for p in page.rows]
    assert tab.list_stack.currentWidget() is tab.table
    # The sector column speaks the user's language, not the stored id.
    assert tab.model.index(0, Column.SECTOR).data() == labels.sector(page.rows[0].sector, "en")


def test_sector_city_and_text_filters_match_the_service(qtbot, tab, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    service = ProspectService(ui_ctx.ws)
    sample = service.search(ProspectFilter(), limit=50).rows[17]
    word = sample.business_name.split()[0]
    wanted = ProspectFilter(sector=sample.sector, city=sample.city, text=word)
    expected = service.search(wanted, limit=1000)
    assert expected.total >= 1

    emitted: list[object] = []
    tab.sig_filter_changed.connect(emitted.append)
    tab.sector_combo.setCurrentIndex(tab.sector_combo.findData(sample.sector))
    qtbot.waitUntil(lambda: tab.city_combo.findData(sample.city) > 0)
    tab.city_combo.setCurrentIndex(tab.city_combo.findData(sample.city))
    qtbot.keyClicks(tab.search, word)
    _wait_for_query(qtbot, tab, wanted)

    assert tab.model.total == expected.total
    assert _loaded_ids(tab) == [p.id for p in expected.rows]
    assert sample.id in _loaded_ids(tab)
    assert emitted[-1] == wanted
    # The city list followed the sector: every city offered has prospects of that sector.
    cities = {tab.city_combo.itemData(i) for i in range(1, tab.city_combo.count())}
    assert cities == set(service.choices("city", sector=sample.sector))


def test_text_search_is_debounced(qtbot, tab) -> None:  # type: ignore[no-untyped-def]
    emitted: list[object] = []
    tab.sig_filter_changed.connect(emitted.append)
    qtbot.keyClicks(tab.search, "boutique")
    assert emitted == []  # nothing queried per keystroke
    qtbot.waitUntil(lambda: len(emitted) == 1)
    assert emitted[0] == ProspectFilter(text="boutique")


def test_the_lazy_model_fetches_more_on_scroll(qtbot, tab, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    total = tab.model.total
    assert tab.model.rowCount() == PAGE_SIZE < total
    while tab.model.rowCount() < total:
        before = tab.model.rowCount()
        tab.table.scrollToBottom()
        qtbot.waitUntil(lambda before=before: tab.model.rowCount() > before)
    ids = _loaded_ids(tab)
    every = ProspectService(ui_ctx.ws).search(ProspectFilter(), limit=total)
    assert ids == [p.id for p in every.rows]  # pages join without gaps or repeats
    assert not tab.model.canFetchMore()


def test_sorting_by_a_column_requeries_in_that_order(qtbot, tab, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    tab.table.sortByColumn(Column.CITY, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: tab.model.current_sort.column == Column.CITY)
    qtbot.waitUntil(lambda: not tab.model.loading and tab.model.rowCount() > 0)
    with ui_ctx.ws.read() as session:
        expected = list(
            session.scalars(
                select(Prospect.id)
                .where(Prospect.deleted_at.is_(None))
                .order_by(Prospect.city.desc(), Prospect.business_name.desc(), Prospect.id.desc())
                .limit(PAGE_SIZE + 40)
            )
        )
    tab.table.scrollToBottom()
    qtbot.waitUntil(lambda: tab.model.rowCount() > PAGE_SIZE)
    assert _loaded_ids(tab)[: len(expected)] == expected


def test_select_record_loads_pages_up_to_it_and_clears_filters(qtbot, tab, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    service = ProspectService(ui_ctx.ws)
    last = service.search(ProspectFilter(), limit=1, offset=tab.model.total - 1).rows[0]
    tab.select_record(last.id)
    qtbot.waitUntil(lambda: tab.selected_ids() == [last.id])
    qtbot.waitUntil(lambda: tab.detail.prospect is not None and tab.detail.prospect.id == last.id)

    other_sector = next(s for s in service.choices("sector") if s != last.sector)
    tab.sector_combo.setCurrentIndex(tab.sector_combo.findData(other_sector))
    _wait_for_query(qtbot, tab, ProspectFilter(sector=other_sector))
    tab.select_record(last.id)  # not in these results: the filters make way
    qtbot.waitUntil(lambda: tab.selected_ids() == [last.id])
    assert tab.current_filter() == ProspectFilter()


def test_detail_panel_shows_every_field(qtbot, tab, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    def shown() -> bool:
        # A late refresh of the first page (the demo's last writes being announced) may
        # replace the rows under the first click: click again until the detail shows.
        if not tab.table.selectionModel().hasSelection():
            tab.table.selectRow(0)
        return tab.detail.prospect is not None

    qtbot.waitUntil(shown, timeout=30_000)
    prospect = tab.detail.prospect
    assert tab.detail.title.text() == prospect.business_name
    if prospect.latitude is not None:
        assert tab.detail.field_text("coordinates") == (
            f"{prospect.latitude:.5f}, {prospect.longitude:.5f}"
        )
    assert prospect.source_ref in tab.detail.field_text("source_ref")
    for tag in prospect.tags:
        assert tag in tab.detail.field_text("tags")


def test_add_dialog_validates_while_typing_and_saves(qtbot, tab, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    before = _live_count(ui_ctx.ws)
    dialog = tab.add_prospect()
    dialog.save()  # no name yet
    assert "required" in dialog.name_feedback.text()
    assert _live_count(ui_ctx.ws) == before

    qtbot.keyClicks(dialog.name, "Chez Tante Aminata Couture")
    assert dialog.name_feedback.text() == ""
    qtbot.keyClicks(dialog.phone, "77 12")
    assert dialog.phone_feedback.text() == "⚠ +2217712: too short, digits are missing"
    assert "b00020" in dialog.phone_feedback.styleSheet()  # shown as a problem
    dialog.phone.clear()
    qtbot.keyClicks(dialog.phone, "77 123 45 67")
    assert dialog.phone_feedback.text() == "+221 77 123 45 67 ✓"  # the workspace is in SN
    assert dialog.whatsapp.text() == "77 123 45 67"  # "same as phone" by default
    qtbot.keyClicks(dialog.email, "aminata@")
    assert "⚠" in dialog.email_feedback.text()
    qtbot.keyClicks(dialog.email, "example.sn")
    assert dialog.email_feedback.text() == "✓"
    dialog.city.setEditText("Dakar")

    with qtbot.waitSignal(dialog.sig_saved, timeout=10_000) as saved:
        dialog.save()
    prospect = saved.args[0]
    assert prospect.phone_e164 == "+221771234567"
    assert _live_count(ui_ctx.ws) == before + 1
    qtbot.waitUntil(lambda: tab.selected_ids() == [prospect.id], timeout=10_000)
    assert "added" in tab.message.message
    qtbot.waitUntil(lambda: tab.model.total == before + 1)


def test_add_dialog_warns_about_duplicates_and_can_add_anyway(qtbot, tab, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    existing = ProspectService(ui_ctx.ws).search(ProspectFilter(has_phone=True), limit=1).rows[0]
    before = _live_count(ui_ctx.ws)
    dialog = tab.add_prospect()
    dialog.country.setCurrentIndex(dialog.country.findData(existing.country))
    qtbot.keyClicks(dialog.name, "Another name entirely")
    qtbot.keyClicks(dialog.phone, existing.phone_e164)
    qtbot.waitUntil(lambda: dialog.duplicate_box.isVisible(), timeout=5000)
    assert existing.business_name in dialog.duplicate_text.text()
    assert dialog.save_button.text() == "Add anyway"
    with qtbot.waitSignal(dialog.sig_saved, timeout=10_000):
        dialog.save()
    assert _live_count(ui_ctx.ws) == before + 1


def test_plan_limit_is_explained_in_the_dialog(qtbot, tab, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    with ui_ctx.ws.write(ChangeSet({"usage_events": set()})) as session:
        usage.record(session, Metric.PROSPECTS, 200, "test: starter plan used up")
    qtbot.waitUntil(lambda: tab.usage_meter.used == 200)
    assert tab.usage_meter.label.text() == "Prospects this month: 200 / 200"
    dialog = tab.add_prospect()
    qtbot.keyClicks(dialog.name, "One Too Many Ltd")
    before = _live_count(ui_ctx.ws)
    dialog.save()
    qtbot.waitUntil(lambda: dialog.error_bar.isVisible(), timeout=5000)
    assert "200" in dialog.error_bar.message and "Starter" in dialog.error_bar.message
    assert dialog.isVisible()  # nothing typed is lost
    assert _live_count(ui_ctx.ws) == before


def test_convert_one_prospect_writes_a_contact_and_offers_to_open_it(qtbot, tab, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    service = ProspectService(ui_ctx.ws)
    target = service.search(ProspectFilter(converted=False), limit=1).rows[0]
    tab.select_record(target.id)
    qtbot.waitUntil(lambda: tab.detail.prospect is not None and tab.detail.prospect.id == target.id)
    assert tab.detail.convert_button.text() == "Convert to contact"
    tab.detail.convert_button.click()
    qtbot.waitUntil(lambda: "now a contact" in tab.message.message, timeout=10_000)
    with ui_ctx.ws.read() as session:
        contact = session.scalars(select(Contact).where(Contact.prospect_id == target.id)).one()
    assert contact.company == target.business_name
    with qtbot.waitSignal(tab.sig_open_record) as opened:
        tab.message.action.click()
    assert opened.args == ["contact", contact.id]
    # The list and the panel follow the change on their own.
    qtbot.waitUntil(lambda: tab.detail.convert_button.text() == "Open contact", timeout=5000)


def test_convert_many_selected_prospects(qtbot, tab, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    tab.converted_combo.setCurrentIndex(tab.converted_combo.findData(False))
    _wait_for_query(qtbot, tab, ProspectFilter(converted=False))
    ids = _loaded_ids(tab)[:3]
    tab.table.clearSelection()
    for row in range(3):
        tab.table.selectionModel().select(
            tab.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    qtbot.waitUntil(lambda: tab.detail.pages.currentIndex() == 2)
    tab.detail.many_convert.click()
    qtbot.waitUntil(lambda: "3 prospects converted" in tab.message.message, timeout=10_000)
    with ui_ctx.ws.read() as session:
        made = session.scalars(select(Contact.prospect_id).where(Contact.prospect_id.in_(ids)))
        assert set(made) == set(ids)
    # They no longer match "not converted yet".
    qtbot.waitUntil(lambda: not set(ids) & set(_loaded_ids(tab)), timeout=5000)


def test_delete_removes_the_rows(qtbot, tab, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    ids = _loaded_ids(tab)[:2]
    before = tab.model.total
    tab.delete(ids, confirm=False)
    qtbot.waitUntil(lambda: tab.model.total == before - 2, timeout=5000)
    assert not set(ids) & set(_loaded_ids(tab))


def test_empty_state_offers_to_clear_the_filters(qtbot, tab) -> None:  # type: ignore[no-untyped-def]
    total = tab.model.total
    qtbot.keyClicks(tab.search, "zzqxw")
    qtbot.waitUntil(lambda: tab.list_stack.currentWidget() is tab.empty)
    assert tab.empty.title.text() == "No prospect matches “zzqxw”"
    assert tab.count_label.text() == "0 prospects"
    tab.empty.click("Clear filters")
    qtbot.waitUntil(
        lambda: tab.model.total == total and tab.list_stack.currentWidget() is tab.table
    )
    assert tab.search.text() == ""


def test_reloads_only_for_changes_to_prospects(qtbot, tab, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    resets: list[int] = []
    tab.model.modelReset.connect(lambda: resets.append(1))
    ui_ctx.ws.changes.publish(ChangeSet({"campaigns": {"x"}}))
    qtbot.wait(REFRESH_WAIT_MS)
    assert resets == []
    ui_ctx.ws.changes.publish(ChangeSet({"prospects": set()}))
    qtbot.waitUntil(lambda: len(resets) == 1)


REFRESH_WAIT_MS = 400

# -- import ---------------------------------------------------------------------------

_FRENCH_EXCEL = (
    "Raison sociale;Secteur;Ville;Téléphone;E-mail;Remarques\r\n"
    "Boulangerie Thiès Étoile;bakery;Thiès;77 555 12 34;etoile@exemple.sn;Pain chaud dès 6h\r\n"
    ";restaurant;Dakar;78 111 22 33;;Ligne sans nom\r\n"
    "Garage Médina Frères;auto_repair;Dakar;33 821 00 00;;\r\n"
    "Quincaillerie Keur Massar;hardware;Dakar;70 12;;Numéro incomplet\r\n"
)


def _french_csv(tmp_path: Path) -> Path:
    path = tmp_path / "prospects-excel.csv"
    path.write_bytes(_FRENCH_EXCEL.encode("cp1252"))
    return path


def _run_to_duplicates(qtbot, wizard: ImportWizard) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(wizard.file_page.isComplete, timeout=10_000)
    wizard.next()
    assert wizard.currentId() == ImportWizard.MAPPING
    wizard.next()
    assert wizard.currentId() == ImportWizard.DUPLICATES
    qtbot.waitUntil(wizard.duplicates_page.isComplete, timeout=10_000)


def test_import_wizard_end_to_end_with_a_french_excel_file(qtbot, tab, ui_ctx, tmp_path) -> None:  # type: ignore[no-untyped-def]
    before = _live_count(ui_ctx.ws)
    wizard = tab.start_import(_french_csv(tmp_path))
    qtbot.waitUntil(wizard.file_page.isComplete, timeout=10_000)
    assert "4 rows" in wizard.file_page.status.text()
    assert "cp1252" in wizard.file_page.status.text()
    wizard.next()
    page = wizard.mapping_page
    fields = {combo.currentData() for combo in page.combos}
    assert {"business_name", "sector", "city", "phone", "email", "notes"} <= fields
    # Taking the name away is refused with the reason; giving it back allows Next.
    page.set_field("Raison sociale", None)
    assert not page.isComplete() and "Business name" in page.status.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    page.set_field("Raison sociale", "business_name")
    assert page.isComplete()
    wizard.next()
    qtbot.waitUntil(wizard.duplicates_page.isComplete, timeout=10_000)
    summary = wizard.duplicates_page.summary.text()
    assert "New records to add: <b>3</b>" in summary
    assert "Rows that cannot be imported: 1" in summary
    assert _live_count(ui_ctx.ws) == before  # the preview wrote nothing

    with qtbot.waitSignal(wizard.sig_imported, timeout=20_000):
        wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.REPORT, timeout=5000)
    listed = wizard.report_page.rows_listed()
    assert (3, "business name is empty", True) in listed  # row 3 as Excel numbers it
    problems = wizard.report_page.problems
    assert problems.index(0, 0).data() == "3"
    assert problems.index(0, 2).data() == "The business name is empty"  # worded for people
    assert any(row == 5 and not rejected for row, _reason, rejected in listed)  # bad phone
    assert wizard.report_page.counts["created"].text() == "3"
    assert wizard.report_page.counts["rejected"].text() == "1"
    assert _live_count(ui_ctx.ws) == before + 3
    with ui_ctx.ws.read() as session:
        names = set(
            session.scalars(select(Prospect.business_name).where(Prospect.source == "import"))
        )
    assert "Boulangerie Thiès Étoile" in names  # accents survived cp1252
    qtbot.waitUntil(lambda: tab.model.total == before + 3, timeout=5000)
    wizard.accept()


def test_cancelling_the_import_leaves_the_workspace_unchanged(qtbot, tab, ui_ctx, tmp_path) -> None:  # type: ignore[no-untyped-def]
    before = _live_count(ui_ctx.ws)
    wizard = tab.start_import(_french_csv(tmp_path))
    _run_to_duplicates(qtbot, wizard)
    # Hold the database worker so the import is still queued when Cancel is pressed.
    release = threading.Event()
    ui_ctx.runner.run(lambda: release.wait(10))
    wizard.next()
    assert wizard.currentId() == ImportWizard.PROGRESS and wizard.progress_page.running
    with qtbot.waitSignal(wizard.rejected, timeout=10_000):
        wizard.button(QWizard.WizardButton.CancelButton).click()
        release.set()
    assert wizard.cancelled and wizard.report is None
    assert _live_count(ui_ctx.ws) == before
    qtbot.waitUntil(lambda: "cancelled" in tab.message.message)


def test_the_wizard_can_import_contacts_too(qtbot, tab, ui_ctx, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "clients.csv"
    path.write_bytes(
        "Prénom;Nom;Téléphone;Statut\r\nAwa;Ndiaye;77 100 20 30;client\r\n".encode("cp1252")
    )
    with ui_ctx.ws.read() as session:
        before = session.scalar(select(func.count()).select_from(Contact))
    wizard = tab.start_import()
    wizard.file_page.contacts_radio.setChecked(True)
    wizard.file_page.load(path)
    _run_to_duplicates(qtbot, wizard)
    fields = {combo.currentData() for combo in wizard.mapping_page.combos}
    assert {"first_name", "last_name", "phone", "status"} <= fields
    with qtbot.waitSignal(wizard.sig_imported, timeout=20_000) as imported:
        wizard.next()
    assert imported.args[0].kind == "contacts" and imported.args[0].created == 1
    with ui_ctx.ws.read() as session:
        assert session.scalar(select(func.count()).select_from(Contact)) == before + 1
    wizard.accept()


def test_edit_dialog_saves_and_the_panel_follows(qtbot, tab, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: tab.detail.prospect is not None)  # the first row is shown
    prospect = tab.detail.prospect
    tab.detail.edit_button.click()
    dialog = next(w for w in tab.findChildren(ProspectDialog) if w.isVisible())
    assert dialog.name.text() == prospect.business_name
    assert dialog.save_button.text() == "Save"
    dialog.notes.setPlainText("Call after 10am; ask for the owner.")
    with qtbot.waitSignal(dialog.sig_saved, timeout=10_000):
        dialog.save()
    qtbot.waitUntil(lambda: "after 10am" in tab.detail.field_text("notes"), timeout=5000)
    assert (
        ProspectService(ui_ctx.ws).get(prospect.id).notes == "Call after 10am; ask for the owner."
    )


def test_the_dialogs_never_read_the_database_on_the_ui_thread(  # type: ignore[no-untyped-def]
    qtbot, tab, ui_ctx, monkeypatch
) -> None:
    """The workspace's country arrives with the filter choices, or through the runner."""
    ui_thread = threading.current_thread()
    read_on_ui: list[str] = []
    real_read = type(ui_ctx.ws).read

    def watched_read(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        if threading.current_thread() is ui_thread:
            read_on_ui.append("read")
        return real_read(self, *args, **kwargs)

    monkeypatch.setattr(type(ui_ctx.ws), "read", watched_read)
    added = tab.add_prospect()
    qtbot.waitUntil(lambda: tab.detail.prospect is not None)
    edited = tab.edit_record(tab.detail.prospect.id)  # the panel's record: no query at all
    alone = ProspectDialog(ui_ctx)  # opened without the region: it loads it itself
    assert read_on_ui == []
    for dialog in (added, edited):
        assert dialog is not None and dialog.region == "SN"
    qtbot.waitUntil(lambda: alone.region == "SN")
    assert alone.country.currentData() == "SN"
    qtbot.keyClicks(alone.phone, "77 123 45 67")
    assert alone.phone_feedback.text() == "+221 77 123 45 67 ✓"
    assert set(alone.values()) == set(EDITABLE)
    assert read_on_ui == []
    for dialog in (added, edited, alone):
        dialog.discard()  # closes without asking (reject() asks once something is typed)
    alone.deleteLater()
