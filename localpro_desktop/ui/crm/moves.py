"""Moving cards on the CRM board: on screen at once, in the database next, undone if refused.

A drag, "Move to" or Ctrl+←/→ must feel instant, so the card changes column before the
service answers; the service still decides. When it refuses, the card goes back to the
row it came from and the owner is told why.

One user action (a drag of one or several cards, a menu choice, a key) is one *batch*:
once every move in it is answered, ``sig_batch_done`` lets the tab offer "Undo", and the
batch joins a short undo stack (Ctrl+Z takes back the latest). Undoing a batch moves its
cards back on screen at once and asks ``ContactService.undo_moves`` to take all of them
back together.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from localpro_desktop.domain.pipeline import PIPELINE_ORDER, PipelineStatus
from localpro_desktop.services.board import Card
from localpro_desktop.services.contacts import ContactService, MovedContact, UndoneMoves
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.crm.board_area import BoardArea, with_status
from localpro_desktop.ui.tasks import guarded

UNDO_DEPTH = 20
"""User actions Ctrl+Z can take back, newest first."""


@dataclass(eq=False)
class _Batch:
    """The moves of one user action, gathered as the service answers them."""

    waiting: int
    moved: list[MovedContact] = field(default_factory=list)
    refused: int = 0

    def answered(self, moved: MovedContact | None) -> bool:
        """Note one answer (None: refused); True once every move is answered."""
        self.waiting -= 1
        if moved is None:
            self.refused += 1
        else:
            self.moved.append(moved)
        return self.waiting == 0


class MoveController(QObject):
    sig_moved = Signal(object)
    """The service stored a move (or put a contact back on undo): the MovedContact."""
    sig_refused = Signal(str, object, str)
    """The service refused a move (the card is back): (contact id, target status, reason)."""
    sig_batch_done = Signal(object, int)
    """Every move of one user action is answered: (the tuple of MovedContacts stored, how
    many were refused)."""
    sig_undone = Signal(object)
    """An undo was stored: the UndoneMoves."""
    sig_undo_failed = Signal(str)
    """An undo was refused (its cards are back where it found them): the reason."""
    sig_reread = Signal(object)
    """Contact ids whose cards must be read again (after an undo: the board may not have
    shown them, e.g. under a segment that hides the stage they left)."""

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
        self.undo_stack: list[tuple[MovedContact, ...]] = []
        """Stored batches that can still be undone, oldest first."""

    # -- moving -------------------------------------------------------------------------

    def drop(self, ids: list[str], source: str, target: str) -> None:
        """Cards dropped on another column: one batch, undone together."""
        self.move_many(ids, PipelineStatus(target), PipelineStatus(source))

    def shift(self, contact_id: str, step: int) -> None:
        """Ctrl+←/→: one stage back or on."""
        current = self.area.status_of(contact_id)
        if current is None:
            return
        index = PIPELINE_ORDER.index(current) + step
        if 0 <= index < len(PIPELINE_ORDER):
            self.move(contact_id, PIPELINE_ORDER[index], current)

    def move(
        self,
        contact_id: str,
        target: PipelineStatus,
        source: PipelineStatus | None = None,
    ) -> None:
        """Move on screen now, in the database next; undone on screen if refused."""
        self.move_many([contact_id], target, source)

    def move_many(
        self,
        ids: list[str],
        target: PipelineStatus,
        source: PipelineStatus | None = None,
    ) -> None:
        """Move several cards as one user action (one batch for "Undo")."""
        wanted = [
            ident
            for ident in dict.fromkeys(ids)
            if (source or self.area.status_of(ident)) is not target
        ]
        if not wanted:
            return
        batch = _Batch(len(wanted))
        for ident in wanted:
            self._move_one(ident, target, source or self.area.status_of(ident), batch)

    def _move_one(
        self,
        contact_id: str,
        target: PipelineStatus,
        source: PipelineStatus | None,
        batch: _Batch,
    ) -> None:
        origin = self._show_move(contact_id, source, target)
        self.in_flight[contact_id] = target
        service, initiator = self.service, self._initiator

        def done(moved: MovedContact) -> None:
            self._done(contact_id, target, moved)
            self._answered(batch, moved)

        def failed(message: str, _is_bug: bool) -> None:
            self._failed(contact_id, source, target, origin, message)
            self._answered(batch, None)

        self.ctx.runner.run(
            # The initiator is the tab: it skips its own change when it comes back.
            lambda: service.move_card(contact_id, target, initiator=initiator),
            on_done=guarded(self, done),
            on_error=guarded(self, failed),
        )

    def _show_move(
        self, contact_id: str, source: PipelineStatus | None, target: PipelineStatus
    ) -> tuple[int, Card] | None:
        """The card changes column on screen; returns where it was (to put it back)."""
        area = self.area
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
        return origin

    def _answered(self, batch: _Batch, moved: MovedContact | None) -> None:
        if not batch.answered(moved):
            return
        stored = tuple(batch.moved)
        if stored:
            self.undo_stack.append(stored)
            del self.undo_stack[:-UNDO_DEPTH]
        self.sig_batch_done.emit(stored, batch.refused)

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

    # -- undo ---------------------------------------------------------------------------

    def can_undo(self) -> bool:
        return bool(self.undo_stack)

    def undo(self, moves: tuple[MovedContact, ...] | None = None) -> bool:
        """Take back ``moves`` (a stored batch), or the latest batch; False if none is left."""
        if moves is None:
            if not self.undo_stack:
                return False
            moves = self.undo_stack.pop()
        elif moves in self.undo_stack:
            self.undo_stack.remove(moves)
        else:
            return False  # undone already (Ctrl+Z, then the message's button)
        for moved in moves:
            if moved.previous is not None and self.area.status_of(moved.id) is moved.status:
                self._show_move(moved.id, moved.status, moved.previous)
                self.in_flight[moved.id] = moved.previous
        service, initiator, batch = self.service, self._initiator, moves
        self.ctx.runner.run(
            lambda: service.undo_moves(batch, initiator=initiator),
            on_done=guarded(self, lambda undone: self._undone(batch, undone)),
            on_error=guarded(self, lambda message, _bug: self._undo_failed(batch, message)),
        )
        return True

    def _undone(self, moves: tuple[MovedContact, ...], undone: UndoneMoves) -> None:
        restored = {moved.id for moved in undone.restored}
        self._put_back([moved for moved in moves if moved.id not in restored])
        for moved in undone.restored:
            self._done(moved.id, moved.status, moved)
        self.sig_undone.emit(undone)
        self.sig_reread.emit([moved.id for moved in moves])

    def _undo_failed(self, moves: tuple[MovedContact, ...], message: str) -> None:
        self._put_back(list(moves))
        self.sig_undo_failed.emit(message)
        self.sig_reread.emit([moved.id for moved in moves])

    def _put_back(self, moves: list[MovedContact]) -> None:
        """Cards the service did not take back return where the undo found them."""
        for moved in moves:
            self.in_flight.pop(moved.id, None)
            if moved.previous is not None and self.area.status_of(moved.id) is moved.previous:
                self._show_move(moved.id, moved.previous, moved.status)
