"""The CRM tab on a real demo workspace: board, drag and drop, filters, segments, panel.

Every check reads the database (or the service) back: a board that only looks right
on screen while the store disagrees fails here.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QMenu
from sqlalchemy import select

from localpro_desktop.domain.activities import ActivityKind
from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.pipeline import PIPELINE_ORDER, PipelineStatus
from localpro_desktop.domain.segment_rules import SegmentRule
from localpro_desktop.paths import WorkspacePaths
from localpro_desktop.services.board import PAGE_SIZE, BoardFilter, Reach
from localpro_desktop.services.contacts import ContactService
from localpro_desktop.services.exporting.exporters import ExportFormat
from localpro_desktop.services.segments import SegmentService
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import Contact
from localpro_desktop.ui import labels
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.crm import model as model_module
from localpro_desktop.ui.crm import tab as tab_module
from localpro_desktop.ui.crm.delegate import CardDelegate
from localpro_desktop.ui.crm.model import CardModel, decode_drag
from localpro_desktop.ui.crm.tab import CrmTab

NEW, CONTACTED, INTERESTED, CLIENT = (
    PipelineStatus.NEW,
    PipelineStatus.CONTACTED,
    PipelineStatus.INTERESTED,
    PipelineStatus.CLIENT,
)


def _settle(ctx: UiContext) -> None:
    for _ in range(5):
        ctx.runner.wait()
        QCoreApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _open(qtbot, ctx: UiContext) -> CrmTab:  # type: ignore[no-untyped-def]
    widget = CrmTab(ctx)
    widget.resize(1366, 690)  # the tab's share of a 1366×768 window
    widget.show()
    qtbot.waitUntil(widget.is_ready, timeout=15_000)
    qtbot.waitUntil(lambda: widget.segment_combo.count() > 1 or not _segments(ctx))
    return widget


def _close(widget: CrmTab, ctx: UiContext) -> None:
    # Let queued work finish while the context lives: a late result must find nothing.
    _settle(ctx)
    widget.close()
    widget.deleteLater()
    _settle(ctx)


def _segments(ctx: UiContext) -> list[object]:
    return list(SegmentService(ctx.ws).list())


@pytest.fixture
def tab(qtbot, ui_ctx: UiContext) -> Iterator[CrmTab]:  # type: ignore[no-untyped-def]
    widget = _open(qtbot, ui_ctx)
    yield widget
    _close(widget, ui_ctx)


def _ids(model: CardModel) -> list[str]:
    return [card.id for card in model.cards]


def _header_counts(tab: CrmTab) -> dict[PipelineStatus, int]:
    return {s: int(c.header.count.text().replace(",", "")) for s, c in tab.columns.items()}


def _wait_idle(qtbot, tab: CrmTab) -> None:  # type: ignore[no-untyped-def]
    """Until queued reads, moves and refreshes have all landed."""

    def idle() -> bool:
        tab.ctx.runner.wait()
        QCoreApplication.processEvents()
        # A callback just run may have queued more work (a refresh, a count).
        return (
            tab.ctx.runner._running == 0
            and not tab.refresher.timer.isActive()
            and not tab.moves.in_flight
            and not any(m.loading for m in tab.models.values())
        )

    qtbot.waitUntil(idle, timeout=10_000)


def _apply_text(qtbot, tab: CrmTab, text: str) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(tab.sig_board_loaded, timeout=10_000):
        tab.search.setText(text)  # debounced: the board reloads once typing pauses


def _drop(tab: CrmTab, contact_id: str, source: PipelineStatus, target: PipelineStatus) -> bool:
    """What a real drag does: the source model's mime data dropped on the target model."""
    model = tab.models[source]
    row = model.row_of(contact_id)
    assert row is not None
    data = model.mimeData([model.index(row)])
    target_model = tab.models[target]
    action = Qt.DropAction.MoveAction
    assert target_model.canDropMimeData(data, action, -1, -1, QModelIndex())
    return target_model.dropMimeData(data, action, -1, -1, QModelIndex())


def _status_in_db(ws: Workspace, contact_id: str) -> str:
    with ws.read() as session:
        return str(session.scalar(select(Contact.status).where(Contact.id == contact_id)))


# -- the board ----------------------------------------------------------------------------


def test_board_counts_and_first_cards_match_the_service(tab: CrmTab, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    service = ContactService(ui_ctx.ws)
    counts = service.status_counts()
    assert _header_counts(tab) == counts
    assert {s: m.total for s, m in tab.models.items()} == counts
    with ui_ctx.ws.read() as session:
        for status in PIPELINE_ORDER:
            # Written out here, not through services.board: the test must be able to disagree.
            first = session.scalars(
                select(Contact.id)
                .where(Contact.deleted_at.is_(None), Contact.status == status.value)
                .order_by(Contact.updated_at.desc(), Contact.id)
                .limit(PAGE_SIZE)
            )
            assert _ids(tab.models[status]) == list(first)
    assert [c.header.title.text() for c in tab.columns.values()] == [
        labels.status(s) for s in PIPELINE_ORDER
    ]
    total = sum(counts.values())
    assert tab.count_label.text() == f"{total} contacts"
    assert tab.stack.currentWidget() is tab.board_scroll
    assert not tab.panel.isVisible()  # six columns get the width until a card is picked


def test_cards_say_which_channels_are_usable(qtbot, tab: CrmTab, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    service = ContactService(ui_ctx.ws)
    card = tab.models[NEW].cards[0]
    contact = service.get(card.id)
    assert card.phone_reach is (Reach.VALID if contact.phone_e164 else Reach.ABSENT)
    service.update(card.id, {"email": "not an address"})
    service.set_opt_out(card.id, Channel.WHATSAPP)
    _wait_idle(qtbot, tab)
    fresh = next(c for m in tab.models.values() for c in m.cards if c.id == card.id)
    assert fresh.email_reach is Reach.INVALID
    if contact.whatsapp_e164:
        assert fresh.whatsapp_reach is Reach.OPTED_OUT
    tip = (
        tab.models[fresh.status]
        .index(tab.models[fresh.status].row_of(card.id))
        .data(Qt.ItemDataRole.ToolTipRole)
    )
    assert "not an address (not valid)" in tip


def test_dragging_a_card_moves_the_contact_and_logs_it(qtbot, tab: CrmTab, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    ws = ui_ctx.ws
    before = ContactService(ws).status_counts()
    card = tab.models[NEW].cards[0]
    # A card cannot be dropped back on its own column.
    own = tab.models[NEW].mimeData([tab.models[NEW].index(0)])
    assert decode_drag(own) == ([card.id], NEW)
    assert not tab.models[NEW].canDropMimeData(own, Qt.DropAction.MoveAction, -1, -1, QModelIndex())

    assert _drop(tab, card.id, NEW, CONTACTED)
    # On screen at once, before the database answers.
    assert tab.models[NEW].row_of(card.id) is None
    assert tab.models[CONTACTED].row_of(card.id) == 0
    _wait_idle(qtbot, tab)

    assert _status_in_db(ws, card.id) == "contacted"
    entries = ContactService(ws).timeline(card.id)
    moves = [a for a in entries if a.kind == ActivityKind.STATUS_CHANGE.value]
    assert (moves[0].old_status, moves[0].new_status) == ("new", "contacted")
    after = ContactService(ws).status_counts()
    assert after[NEW] == before[NEW] - 1 and after[CONTACTED] == before[CONTACTED] + 1
    assert _header_counts(tab) == after
    assert tab.models[CONTACTED].cards[0].status is CONTACTED


def test_a_drop_on_the_column_view_moves_the_card(qtbot, tab: CrmTab, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    """The view's own drag events (enter, move, drop) reach the model, as with a mouse."""
    source = tab.models[CONTACTED]
    card = source.cards[0]
    data = source.mimeData([source.index(0)])
    viewport = tab.columns[CLIENT].view.viewport()
    point = QPointF(viewport.rect().center())
    move, no_buttons = Qt.DropAction.MoveAction, Qt.MouseButton.NoButton
    no_keys = Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point.toPoint(), move, data, no_buttons, no_keys)
    QCoreApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    hover = QDragMoveEvent(point.toPoint(), move, data, no_buttons, no_keys)
    QCoreApplication.sendEvent(viewport, hover)
    assert hover.isAccepted()
    QCoreApplication.sendEvent(viewport, QDropEvent(point, move, data, no_buttons, no_keys))
    _wait_idle(qtbot, tab)
    assert _status_in_db(ui_ctx.ws, card.id) == "client"
    assert tab.models[CLIENT].row_of(card.id) == 0

    # Hovering a card over its own column is refused: no drop, no move.
    own = tab.columns[CLIENT].view.viewport()
    back = tab.models[CLIENT].mimeData([tab.models[CLIENT].index(0)])
    hover = QDragMoveEvent(point.toPoint(), move, back, no_buttons, no_keys)
    QCoreApplication.sendEvent(own, hover)
    assert not hover.isAccepted()


def test_a_refused_move_puts_the_card_back_and_says_why(  # type: ignore[no-untyped-def]
    qtbot, tab: CrmTab, ui_ctx, monkeypatch
) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise UserError("This contact is locked by another device.")

    monkeypatch.setattr(tab.contacts, "move_card", refuse)
    before_ids = _ids(tab.models[NEW])
    before_counts = _header_counts(tab)
    card = tab.models[NEW].cards[2]
    assert _drop(tab, card.id, NEW, CLIENT)
    assert tab.models[CLIENT].row_of(card.id) == 0
    _wait_idle(qtbot, tab)
    assert _ids(tab.models[NEW]) == before_ids  # back in its place
    assert tab.models[CLIENT].row_of(card.id) is None
    assert _header_counts(tab) == before_counts
    assert tab.message.isVisible()
    assert "locked by another device" in tab.message.text.text()
    assert _status_in_db(ui_ctx.ws, card.id) == "new"


def test_move_to_menu_is_the_keyboard_way_to_move(qtbot, tab: CrmTab, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    card = tab.models[CONTACTED].cards[0]
    menu = tab.build_context_menu(card.id)
    move_menu = next(
        a.menu() for a in menu.actions() if isinstance(a.menu(), QMenu) and a.text() == "Move to"
    )
    by_text = {a.text(): a for a in move_menu.actions()}
    assert not by_text[labels.status(CONTACTED)].isEnabled()  # already there
    by_text[labels.status(INTERESTED)].trigger()
    _wait_idle(qtbot, tab)
    assert _status_in_db(ui_ctx.ws, card.id) == "interested"
    assert tab.models[INTERESTED].row_of(card.id) == 0

    # Ctrl+→ on a selected card moves it one stage on.
    tab.select_record(card.id)
    view = tab.columns[INTERESTED].view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    _wait_idle(qtbot, tab)
    assert _status_in_db(ui_ctx.ws, card.id) == "negotiation"


# -- filters and segments -------------------------------------------------------------


def test_text_filter_narrows_every_column_to_the_services_result(
    qtbot, tab: CrmTab, ui_ctx
) -> None:  # type: ignore[no-untyped-def]
    service = SegmentService(ui_ctx.ws)
    city = tab.models[NEW].cards[0].city
    word = city.split()[0]
    seen: list[object] = []
    tab.sig_filter_changed.connect(seen.append)
    _apply_text(qtbot, tab, word)
    total = 0
    for status in PIPELINE_ORDER:
        expected = service.preview(SegmentRule(text=word, statuses=(status,)), limit=1000)
        loaded = tab.models[status]
        assert loaded.total == expected.count
        assert sorted(_ids(loaded)) == sorted(c.id for c in expected.contacts)
        total += expected.count
    assert 0 < total < sum(ContactService(ui_ctx.ws).status_counts().values())
    assert tab.count_label.text().startswith(f"{total} of ")
    assert isinstance(seen[-1], BoardFilter)
    assert seen[-1].rule == SegmentRule(text=word)  # the map gets the same rule


def test_filter_that_matches_nothing_says_so(qtbot, tab: CrmTab) -> None:  # type: ignore[no-untyped-def]
    _apply_text(qtbot, tab, "zzqxw")
    assert tab.stack.currentWidget() is tab.empty
    assert tab.empty.title.text() == "No contact matches this filter"
    with qtbot.waitSignal(tab.sig_board_loaded):
        tab.empty.click("Clear the filter")
    assert tab.search.text() == ""
    assert tab.stack.currentWidget() is tab.board_scroll


def test_segment_filter_from_combo_and_sidebar(qtbot, tab: CrmTab, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    hot = next(s for s in SegmentService(ui_ctx.ws).list() if s.name == "Hot leads")
    with (
        qtbot.waitSignal(tab.sig_filter_changed) as emitted,
        qtbot.waitSignal(tab.sig_board_loaded),
    ):
        tab.sidebar.sig_segment_chosen.emit(hot.id)
    flt = emitted.args[0]
    assert flt.segment_id == hot.id and flt.rule == hot.rule
    assert tab.segment_combo.currentData() == hot.id
    counts = {s: m.total for s, m in tab.models.items()}
    assert sum(counts.values()) == hot.member_count
    assert counts[NEW] == 0 and tab.columns[NEW].view.placeholder == "Not in this segment"
    assert not tab.save_segment_button.isEnabled()  # nothing typed: the segment exists already


def test_save_as_segment_creates_a_rule_segment(qtbot, tab: CrmTab, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    word = tab.models[CONTACTED].cards[0].city.split()[0]
    _apply_text(qtbot, tab, word)
    shown = sum(m.total for m in tab.models.values())
    assert tab.save_segment_button.isEnabled()
    tab.save_filter_as_segment("People in " + word)
    qtbot.waitUntil(lambda: tab.segment_combo.currentText() == "People in " + word)
    _wait_idle(qtbot, tab)
    saved = SegmentService(ui_ctx.ws).get("People in " + word)
    assert saved.rule == SegmentRule(text=word)
    assert saved.member_count == shown
    # The board now shows the segment (the search moved into it): same contacts.
    assert tab.search.text() == ""
    assert tab.current_filter.segment_id == saved.id
    assert sum(m.total for m in tab.models.values()) == shown
    assert saved.id in tab.sidebar.ids()


# -- paging ---------------------------------------------------------------------------


def test_a_long_column_loads_more_as_it_scrolls(qtbot, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    service = ContactService(ui_ctx.ws)
    for i in range(2 * PAGE_SIZE):
        service.add({"first_name": f"Awa {i:03d}", "company": "Marché", "status": "negotiation"})
    tab = _open(qtbot, ui_ctx)
    try:
        model = tab.models[PipelineStatus.NEGOTIATION]
        expected = service.status_counts()[PipelineStatus.NEGOTIATION]
        assert expected > 2 * PAGE_SIZE
        assert model.rowCount() == PAGE_SIZE and model.total == expected
        assert model.canFetchMore(QModelIndex())
        view = tab.columns[PipelineStatus.NEGOTIATION].view
        view.scrollToBottom()  # the view asks the model for more by itself
        qtbot.waitUntil(lambda: model.rowCount() == 2 * PAGE_SIZE, timeout=10_000)
        model.fetchMore(QModelIndex())
        qtbot.waitUntil(lambda: model.rowCount() == expected, timeout=10_000)
        assert not model.canFetchMore(QModelIndex())
        with ui_ctx.ws.read() as session:
            ordered = list(
                session.scalars(
                    select(Contact.id)
                    .where(Contact.deleted_at.is_(None), Contact.status == "negotiation")
                    .order_by(Contact.updated_at.desc(), Contact.id)
                )
            )
        assert _ids(model) == ordered  # no card twice, none skipped, in board order
    finally:
        _close(tab, ui_ctx)


def test_select_record_finds_a_card_not_loaded_yet(qtbot, ui_ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # Pages of three cards: the view fills its height with a few, never the whole column.
    monkeypatch.setattr(tab_module, "PAGE_SIZE", 3)
    monkeypatch.setattr(model_module, "PAGE_SIZE", 3)
    tab = _open(qtbot, ui_ctx)
    try:
        _wait_idle(qtbot, tab)
        board = ContactService(ui_ctx.ws).board(per_column=50)
        deep = next(c for c in board if c.status is NEW).contacts[-1]
        assert tab.models[NEW].row_of(deep.id) is None
        tab.select_record(deep.id)
        qtbot.waitUntil(lambda: tab.selected_id() == deep.id)
        assert tab.models[NEW].row_of(deep.id) == 0
        qtbot.waitUntil(lambda: tab.panel.details is not None and tab.panel.details.id == deep.id)
    finally:
        _close(tab, ui_ctx)


def test_a_card_moved_out_of_the_segment_leaves_the_board(qtbot, tab: CrmTab, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    hot = next(s for s in SegmentService(ui_ctx.ws).list() if s.name == "Hot leads")
    with qtbot.waitSignal(tab.sig_board_loaded):
        tab.choose_segment(hot.id)
    card = tab.models[INTERESTED].cards[0]
    assert _drop(tab, card.id, INTERESTED, CLIENT)
    _wait_idle(qtbot, tab)
    assert _status_in_db(ui_ctx.ws, card.id) == "client"
    assert tab.models[CLIENT].rowCount() == 0  # "Hot leads" shows no clients
    assert "does not show that stage" in tab.message.text.text()
    assert sum(m.total for m in tab.models.values()) == SegmentService(ui_ctx.ws).count(hot.id)
    qtbot.waitUntil(lambda: _sidebar_count(tab, hot.id) == hot.member_count - 1)


def _sidebar_count(tab: CrmTab, segment_id: str) -> int:
    tree = tab.sidebar.tree
    for row in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(row)
        if item is not None and item.data(0, Qt.ItemDataRole.UserRole + 1) == segment_id:
            return int(item.text(1).replace(",", ""))
    return -1


# -- the contact panel ----------------------------------------------------------------


def test_select_record_opens_the_panel_and_add_note_lands_in_the_timeline(  # type: ignore[no-untyped-def]
    qtbot, tab: CrmTab, ui_ctx
) -> None:
    card = tab.models[INTERESTED].cards[0]
    tab.select_record(card.id)
    qtbot.waitUntil(lambda: tab.panel.details is not None and tab.panel.details.id == card.id)
    assert tab.panel.isVisible()
    assert tab.selected_id() == card.id
    assert tab.panel.name.text() == card.name

    tab.panel.note_kind.setCurrentIndex(tab.panel.note_kind.findData("call"))
    tab.panel.note_edit.setPlainText("Called: wants 3 quotes by Friday")
    assert tab.panel.add_note_button.isEnabled()
    tab.panel.add_note_button.click()
    qtbot.waitUntil(lambda: "wants 3 quotes by Friday" in tab.panel.timeline_text())
    assert tab.panel.note_edit.toPlainText() == ""
    entries = ContactService(ui_ctx.ws).timeline(card.id)
    assert (entries[0].kind, entries[0].body) == ("call", "Called: wants 3 quotes by Friday")
    assert "Call" in tab.panel.timeline_text()
    # A call is contact: the card's "last activity" follows.
    _wait_idle(qtbot, tab)
    fresh = next(c for c in tab.models[INTERESTED].cards if c.id == card.id)
    assert fresh.last_activity is not None and fresh.last_activity >= entries[0].occurred_at


def test_panel_shows_moves_and_opt_outs(qtbot, tab: CrmTab, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    card = tab.models[NEW].cards[1]
    tab.select_record(card.id)
    qtbot.waitUntil(lambda: tab.panel.details is not None and tab.panel.details.id == card.id)
    tab.panel.sig_move_requested.emit(card.id, "interested")
    _wait_idle(qtbot, tab)
    qtbot.waitUntil(lambda: "Moved from New to Interested" in tab.panel.timeline_text())
    box = tab.panel.opt_outs[Channel.EMAIL]
    box.click()
    qtbot.waitUntil(lambda: ContactService(ui_ctx.ws).get(card.id).opt_out_email)
    qtbot.waitUntil(lambda: "Opted out of E-mail" in tab.panel.timeline_text())


def test_open_the_prospect_a_contact_came_from(qtbot, tab: CrmTab, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    with ui_ctx.ws.read() as session:
        contact_id, prospect_id = session.execute(
            select(Contact.id, Contact.prospect_id).where(Contact.prospect_id.is_not(None))
        ).first()
    tab.select_record(contact_id)
    qtbot.waitUntil(lambda: tab.panel.details is not None and tab.panel.details.id == contact_id)
    assert tab.panel.prospect_link.isVisible()
    with qtbot.waitSignal(tab.sig_open_record) as opened:
        tab.panel.prospect_link.linkActivated.emit("prospect")
    assert opened.args == ["prospect", prospect_id]


def test_edit_dialog_checks_phone_and_email_as_typed(qtbot, tab: CrmTab, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    card = tab.models[NEW].cards[0]
    tab.select_record(card.id)
    qtbot.waitUntil(lambda: tab.panel.details is not None and tab.panel.details.id == card.id)
    details = tab.panel.details
    dialog = tab.edit_contact(details)
    assert dialog is not None
    # The sector reads as its label but is kept as the stored id.
    assert dialog.sector.currentText() == labels.sector(details.sector, "en")
    assert dialog.sector_value() == details.sector
    dialog.edits["phone"].setText("12")
    assert "Not a valid number" in dialog.checks["phone"].text()
    dialog.edits["phone"].setText("+221 77 123 45 67")
    assert dialog.checks["phone"].text().startswith("✓ +221 77")
    dialog.edits["email"].setText("awa@@example")
    assert "Not a valid e-mail" in dialog.checks["email"].text()
    dialog.edits["email"].setText("awa@example.com")
    dialog.edits["company"].setText("Awa Couture")
    with qtbot.waitSignal(dialog.sig_saved, timeout=10_000):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    saved = ContactService(ui_ctx.ws).get(card.id)
    assert (saved.phone_e164, saved.email, saved.company, saved.sector) == (
        "+221771234567",
        "awa@example.com",
        "Awa Couture",
        details.sector,
    )
    _wait_idle(qtbot, tab)
    assert next(c for c in tab.models[NEW].cards if c.id == card.id).company == "Awa Couture"


# -- changes made elsewhere -----------------------------------------------------------


def test_changes_from_elsewhere_move_only_the_named_cards(qtbot, tab: CrmTab, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    service = ContactService(ui_ctx.ws)
    card = tab.models[NEW].cards[3]
    untouched = tab.models[CONTACTED]
    reloads: list[None] = []
    tab.sig_board_loaded.connect(lambda: reloads.append(None))
    before = list(untouched.cards)
    service.move(card.id, CLIENT)  # another view, no initiator: the board must follow
    _wait_idle(qtbot, tab)
    assert tab.models[NEW].row_of(card.id) is None
    assert tab.models[CLIENT].row_of(card.id) is not None
    assert untouched.cards == before
    assert _header_counts(tab) == service.status_counts()
    assert reloads == []  # scoped: no full reload for one contact


def test_no_contacts_yet_shows_the_empty_state(qtbot, tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    from localpro_desktop.ui.app import build_context

    ws = Workspace.open(WorkspacePaths(tmp_path / "empty"), daily_backup=False)
    ctx = build_context(ws, WorkspacePaths(tmp_path / "empty"), "en")
    try:
        tab = _open(qtbot, ctx)
        assert tab.stack.currentWidget() is tab.empty
        assert tab.empty.title.text() == "No contacts yet"
        assert tab.count_label.text() == "0 contacts"
        ContactService(ws).add({"first_name": "Fatou", "last_name": "Sow"})
        qtbot.waitUntil(lambda: tab.stack.currentWidget() is tab.board_scroll, timeout=10_000)
        assert [c.name for c in tab.models[NEW].cards] == ["Fatou Sow"]
        _close(tab, ctx)
    finally:
        ctx.runner.wait()
        ctx.bridge.close()
        ws.close()


# -- export ---------------------------------------------------------------------------


def test_export_writes_what_the_filter_shows(qtbot, tab: CrmTab, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    word = tab.models[NEW].cards[0].city.split()[0]
    _apply_text(qtbot, tab, word)
    shown = {c.id for m in tab.models.values() for c in m.cards}
    target = tmp_path / "contacts.csv"
    with qtbot.waitSignal(tab.sig_export_done, timeout=15_000):
        tab.export_to(target, ExportFormat.CSV)
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {row["id"] for row in rows} == shown
    assert "Exported" in tab.message.text.text()


# -- small pieces ---------------------------------------------------------------------


def test_last_activity_reads_like_a_person_would_say_it(qapp) -> None:  # type: ignore[no-untyped-def]
    delegate = CardDelegate()
    now = datetime(2026, 6, 30, 12, 0, tzinfo=UTC)

    def ago(days: int) -> str:
        return delegate.relative((now - timedelta(days=days)).replace(tzinfo=None), now)

    assert ago(0) == "today"
    assert ago(1) == "yesterday"
    assert ago(3) == "3 days ago"
    assert ago(20) == "2 weeks ago"
    assert ago(90) == "3 months ago"
    assert ago(400) == "a year ago"
    assert ago(1100) == "3 years ago"
    assert delegate.relative(None) == "no activity yet"
    # Narrow columns (panel open) get the short forms, all of one kind.
    short = [
        delegate.relative((now - timedelta(days=d)).replace(tzinfo=None), now, short=True)
        for d in (1, 3, 20, 90, 1100)
    ]
    assert short == ["1 d", "3 d", "2 wk", "3 mo", "3 yr"]
