"""Moving cards on the CRM board: on screen at once, in the database next, undone if refused.

A drag, "Move to" or Ctrl+←/→ must feel instant, so the card changes column before the
service answers; the service still decides. When it refuses, the card goes back to the
row it came from and the owner is told why.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from localpro_desktop.domain.pipeline import PipelineStatus
from localpro_desktop.services.board import Card
from localpro_desktop.services.contacts import ContactService, MovedContact
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.crm.board_area import BoardArea, with_status
from localpro_desktop.ui.tasks import guarded


class MoveController(QObject):
    sig_moved = Signal(object)
    """The service stored a move: the MovedContact."""
    sig_refused = Signal(str, object, str)
    """The service refused a move (the card is back): (contact id, target status, reason)."""

    def __init__(
        self,
        ctx: UiContext,
        area: BoardArea,
        service: ContactService,
        initiator: QObject,
    ) -> None:
        super().__init__(initiator)
        self.ctx = ctx
        self.area = area
        self.service = service
        self._initiator = initiator
        self.in_flight: dict[str, PipelineStatus] = {}
        """Contacts whose move the service has not answered yet, and where they go."""

    def move(
        self,
        contact_id: str,
        target: PipelineStatus,
        source: PipelineStatus | None = None,
    ) -> None:
        """Move on screen now, in the database next; undone on screen if refused."""
        area = self.area
        source = source or area.status_of(contact_id)
        if source is target:
            return
        was_selected = area.selected_id() == contact_id
        origin = area.take(source, contact_id) if source is not None else None
        if origin is not None:
            _row, card = origin
            area.adjust_count(source, -1)
            if area.filter.shows(target):
                area.put(with_status(card, target), 0)
                area.adjust_count(target, +1)
                if was_selected:
                    area.select(contact_id, announce=False)
        self.in_flight[contact_id] = target
        service, initiator = self.service, self._initiator

        def done(moved: MovedContact) -> None:
            self._done(contact_id, target, moved)

        def failed(message: str, _is_bug: bool) -> None:
            self._failed(contact_id, source, target, origin, message)

        self.ctx.runner.run(
            # The initiator is the tab: it skips its own change when it comes back.
            lambda: service.move_card(contact_id, target, initiator=initiator),
            on_done=guarded(self, done),
            on_error=guarded(self, failed),
        )

    def _done(self, contact_id: str, target: PipelineStatus, moved: MovedContact) -> None:
        self.in_flight.pop(contact_id, None)
        model = self.area.models[target]
        row = model.row_of(contact_id)
        card = model.card_at(row) if row is not None else None
        if card is not None:
            model.replace(with_status(card, target, updated_at=moved.updated_at))
        self.sig_moved.emit(moved)

    def _failed(
        self,
        contact_id: str,
        source: PipelineStatus | None,
        target: PipelineStatus,
        origin: tuple[int, Card] | None,
        message: str,
    ) -> None:
        self.in_flight.pop(contact_id, None)
        area = self.area
        if area.take(target, contact_id) is not None:
            area.adjust_count(target, -1)
        if origin is not None and source is not None:
            row, card = origin
            area.put(card, row)
            area.adjust_count(source, +1)
        self.sig_refused.emit(contact_id, target, message)
