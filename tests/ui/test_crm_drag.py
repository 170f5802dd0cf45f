"""Dragging cards on the CRM board with the mouse, and taking a slip back (issue 16, item 1).

A press used to open the contact panel, which narrowed every column while the drag was
under way: the card landed in the column that had slid under the pointer. These tests
press real cards with mouse events, drop where the user aimed (the widget under that
point, as the platform's drag does) and read the database back.

The offscreen platform has no drag loop of its own (``QDrag.exec`` returns at once), so
the drop is delivered the way the platform would: drag enter, move and drop events to
the widget under the pointer once the press and the first moves were handled.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QMimeData, QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QMouseEvent
from PySide6.QtWidgets import QWidget

from localpro_desktop.domain.activities import ActivityKind
from localpro_desktop.domain.pipeline import PipelineStatus
from localpro_desktop.services.contacts import ContactService
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.crm.tab import CrmTab
from tests.ui.test_crm_tab import _close, _open, _status_in_db, _wait_idle

NEW, CONTACTED, INTERESTED, CLIENT = (
    PipelineStatus.NEW,
    PipelineStatus.CONTACTED,
    PipelineStatus.INTERESTED,
    PipelineStatus.CLIENT,
)
LEFT, NO_KEYS = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier


@pytest.fixture
def tab(qtbot, ui_ctx: UiContext) -> Iterator[CrmTab]:  # type: ignore[no-untyped-def]
    widget = _open(qtbot, ui_ctx)
    assert widget.sidebar.isVisible() and not widget.panel.isVisible()
    yield widget
    _close(widget, ui_ctx)


def _card_point(tab: CrmTab, status: PipelineStatus, row: int) -> tuple[QWidget, QPoint]:
    view = tab.columns[status].view
    return view.viewport(), view.visualRect(view.model().index(row, 0)).center()


def _aim(tab: CrmTab, status: PipelineStatus) -> QPoint:
    """Where the user points to drop on a column: its middle, in global coordinates."""
    viewport = tab.columns[status].view.viewport()
    return viewport.mapToGlobal(viewport.rect().center())


def _press_and_pull(tab: CrmTab, status: PipelineStatus, row: int, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Press a card and pull it past the drag distance, as a hand does."""
    viewport, point = _card_point(tab, status, row)
    qtbot.mousePress(viewport, LEFT, NO_KEYS, point)
    for step in (8, 24, 48):
        pos = QPointF(point + QPoint(step, 2))
        move = QMouseEvent(
            QEvent.Type.MouseMove,
            pos,
            QPointF(viewport.mapToGlobal(pos)),
            Qt.MouseButton.NoButton,
            LEFT,
            NO_KEYS,
        )
        QCoreApplication.sendEvent(viewport, move)
        QCoreApplication.processEvents()  # the layout settles, as it would mid-drag


def _drop_at(tab: CrmTab, aim: QPoint, data: QMimeData) -> None:
    """The platform's part of a drag: enter, move and drop on the widget under ``aim``."""
    target = tab.childAt(tab.mapFromGlobal(aim))
    while target is not None and not target.acceptDrops():
        target = target.parentWidget()
    assert target is not None, "nothing under the pointer takes drops"
    local = QPointF(target.mapFromGlobal(aim))
    move = Qt.DropAction.MoveAction
    enter = QDragEnterEvent(local.toPoint(), move, data, LEFT, NO_KEYS)
    QCoreApplication.sendEvent(target, enter)
    hover = QDragMoveEvent(local.toPoint(), move, data, LEFT, NO_KEYS)
    QCoreApplication.sendEvent(target, hover)
    QCoreApplication.sendEvent(target, QDropEvent(local, move, data, LEFT, NO_KEYS))


def _dragged(tab: CrmTab, status: PipelineStatus) -> QMimeData:
    """What a drag from ``status`` carries: its selected cards (as ``startDrag`` packs)."""
    view = tab.columns[status].view
    return view.model().mimeData(sorted(view.selectedIndexes(), key=lambda i: i.row()))


def _geometry(tab: CrmTab) -> dict[PipelineStatus, QRect]:
    return {s: QRect(c.mapTo(tab, QPoint(0, 0)), c.size()) for s, c in tab.columns.items()}


def test_the_board_stays_still_while_a_card_is_dragged_and_it_lands_where_aimed(  # type: ignore[no-untyped-def]
    qtbot, tab: CrmTab, ui_ctx
) -> None:
    card = tab.models[NEW].cards[0]
    aim = _aim(tab, INTERESTED)
    before = _geometry(tab)

    _press_and_pull(tab, NEW, 0, qtbot)
    assert tab.selected_id() == card.id
    # Mid-drag nothing moved under the pointer: no panel, the sidebar in place.
    still = (tab.panel.isVisible(), tab.sidebar.isVisible(), _geometry(tab))
    _drop_at(tab, aim, _dragged(tab, NEW))
    _wait_idle(qtbot, tab)

    assert _status_in_db(ui_ctx.ws, card.id) == "interested"
    assert tab.models[INTERESTED].row_of(card.id) == 0
    assert still == (False, True, before)
    assert not tab.panel.isVisible()  # a drag is not a click


def test_a_click_opens_the_panel_on_release(qtbot, tab: CrmTab) -> None:  # type: ignore[no-untyped-def]
    card = tab.models[CONTACTED].cards[1]
    viewport, point = _card_point(tab, CONTACTED, 1)
    qtbot.mousePress(viewport, LEFT, NO_KEYS, point)
    QCoreApplication.processEvents()
    assert tab.selected_id() == card.id and not tab.panel.isVisible()
    qtbot.mouseRelease(viewport, LEFT, NO_KEYS, point)
    assert tab.panel.isVisible() and tab.panel.contact_id == card.id
    qtbot.waitUntil(lambda: tab.panel.details is not None and tab.panel.details.id == card.id)
    # The keyboard still opens what it selects: no press, nothing to wait for.
    view = tab.columns[CONTACTED].view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert tab.panel.contact_id == tab.models[CONTACTED].cards[2].id


def test_a_drop_on_a_column_header_lands_in_that_column(qtbot, tab: CrmTab, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    card = tab.models[NEW].cards[0]
    header = tab.columns[CLIENT].header
    _press_and_pull(tab, NEW, 0, qtbot)
    _drop_at(tab, header.mapToGlobal(header.rect().center()), _dragged(tab, NEW))
    _wait_idle(qtbot, tab)
    assert _status_in_db(ui_ctx.ws, card.id) == "client"


def _moves_of(ctx: UiContext, contact_id: str) -> list[tuple[str | None, str | None]]:
    entries = ContactService(ctx.ws).timeline(contact_id)
    return [(a.old_status, a.new_status) for a in entries if a.kind == ActivityKind.STATUS_CHANGE]


def test_undo_in_the_message_bar_takes_a_mistaken_move_back(qtbot, tab: CrmTab, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    card = tab.models[NEW].cards[0]
    history = _moves_of(ui_ctx, card.id)
    before_ids = [c.id for c in tab.models[NEW].cards]
    _press_and_pull(tab, NEW, 0, qtbot)
    _drop_at(tab, _aim(tab, CLIENT), _dragged(tab, NEW))
    _wait_idle(qtbot, tab)
    assert _status_in_db(ui_ctx.ws, card.id) == "client"
    assert tab.message.message == f"{card.name} moved to Client."
    assert tab.message.action.isVisible() and tab.message.action.text() == "Undo"

    qtbot.mouseClick(tab.message.action, LEFT)
    _wait_idle(qtbot, tab)

    assert _status_in_db(ui_ctx.ws, card.id) == "new"
    assert _moves_of(ui_ctx, card.id) == history  # the slip left no trace
    assert tab.models[CLIENT].row_of(card.id) is None
    assert tab.models[NEW].row_of(card.id) == 0
    assert sorted(c.id for c in tab.models[NEW].cards) == sorted(before_ids)
    assert tab.message.message == f"Move undone: {card.name} is back in New."
    # Undone already: nothing more for Ctrl+Z to take back.
    assert not tab.moves.can_undo()


def test_ctrl_z_on_the_board_undoes_a_drag_of_several_cards_together(  # type: ignore[no-untyped-def]
    qtbot, tab: CrmTab, ui_ctx
) -> None:
    first, second = tab.models[CONTACTED].cards[:2]
    viewport, point = _card_point(tab, CONTACTED, 0)
    qtbot.mouseClick(viewport, LEFT, NO_KEYS, point)
    viewport, point = _card_point(tab, CONTACTED, 1)
    qtbot.mouseClick(viewport, LEFT, Qt.KeyboardModifier.ControlModifier, point)
    assert {i.row() for i in tab.columns[CONTACTED].view.selectedIndexes()} == {0, 1}
    qtbot.mousePress(viewport, LEFT, NO_KEYS, point)  # on a selected card: keeps both
    _drop_at(tab, _aim(tab, INTERESTED), _dragged(tab, CONTACTED))
    _wait_idle(qtbot, tab)
    assert {_status_in_db(ui_ctx.ws, c.id) for c in (first, second)} == {"interested"}
    assert tab.message.message == "2 contacts moved to Interested."

    view = tab.columns[INTERESTED].view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    _wait_idle(qtbot, tab)

    assert {_status_in_db(ui_ctx.ws, c.id) for c in (first, second)} == {"contacted"}
    assert tab.message.message == "Move undone: 2 contacts are back in Contacted."
    assert {tab.models[CONTACTED].row_of(c.id) for c in (first, second)} == {0, 1}
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert tab.message.message == "Nothing to undo."


def test_escape_in_the_search_box_clears_it(qtbot, tab: CrmTab) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(tab.sig_board_loaded, timeout=10_000):
        tab.search.setText("Dakar")
    assert tab.current_filter.text == "Dakar"
    tab.search.setFocus()
    with qtbot.waitSignal(tab.sig_board_loaded, timeout=10_000):
        qtbot.keyClick(tab.search, Qt.Key.Key_Escape)
    assert tab.search.text() == "" and tab.current_filter.text == ""
