"""What the CRM tab says after a move, with the "Undo" a slip of the mouse calls for.

A card dropped in the wrong column is a move like any other for the database; the owner
must see what happened and take it back at once, as Trello and Twenty users do: each
stored action is announced on the message line with an "Undo" button, and Ctrl+Z takes
back the latest one (``MoveController`` keeps the stack and asks the service).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from localpro_desktop.services.board import BoardFilter
from localpro_desktop.services.contacts import MovedContact, UndoneMoves
from localpro_desktop.ui import formatting as fmt
from localpro_desktop.ui import labels
from localpro_desktop.ui.crm.moves import MoveController

ShowMessage = Callable[..., None]
"""``CrmTab.show_message(text, *, error=False, action="", slot=None)``."""


class MoveMessages(QObject):
    def __init__(
        self,
        moves: MoveController,
        current_filter: Callable[[], BoardFilter],
        show: ShowMessage,
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self.moves = moves
        self._filter = current_filter
        self._show = show
        moves.sig_batch_done.connect(self._moved)
        moves.sig_undone.connect(self._undone)
        moves.sig_undo_failed.connect(lambda reason: self._show(reason, error=True))

    def undo(self, moves: tuple[MovedContact, ...] | None = None) -> None:
        """Take back ``moves`` (a message's "Undo"), or the latest action (Ctrl+Z)."""
        if not self.moves.undo(moves):
            self._show(self.tr("Nothing to undo."))

    def _moved(self, moves: tuple[MovedContact, ...], refused: int) -> None:
        if not moves or refused:
            return  # the tab said why a move was refused: that stays on screen
        first = moves[0]
        if len(moves) > 1:
            text = self.tr("{count} contacts moved to {status}.")
        elif self._filter().shows(first.status):
            text = self.tr("{name} moved to {status}.")
        else:
            text = self.tr("{name} moved to {status}; this segment does not show that stage.")
        self._show(
            text.format(
                name=first.display_name,
                count=fmt.number(len(moves)),
                status=labels.status(first.status),
            ),
            action=self.tr("Undo"),
            slot=lambda: self.undo(moves),
        )

    def _undone(self, undone: UndoneMoves) -> None:
        restored = undone.restored
        if undone.stale:
            text = self.tr("Move undone for {names}; {others} moved again since, left as is.")
        elif len(restored) > 1:
            text = self.tr("Move undone: {count} contacts are back in {status}.")
        else:
            text = self.tr("Move undone: {names} is back in {status}.")
        self._show(
            text.format(
                names=", ".join(moved.display_name for moved in restored),
                others=", ".join(undone.stale),
                count=fmt.number(len(restored)),
                status=labels.status(restored[0].status),
            )
        )
