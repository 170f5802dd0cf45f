"""One board column's model: a status, its cards in order, more on demand, drag and drop.

Each column holds only the cards the user has scrolled to: 50 at first, 50 more whenever
the view reaches the bottom (``canFetchMore``/``fetchMore``), each page one keyset query
on the database worker. A generation number drops pages that belong to an older filter,
so typing fast never mixes two result lists.

Dropping a card on another column does not touch the database here: the model only says
which cards were dropped where (``sig_move_requested``); the tab moves them on screen at
once, asks the service, and puts them back if the service refuses.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from localpro_desktop.domain.pipeline import PipelineStatus
from localpro_desktop.services.board import PAGE_SIZE, BoardFilter, Card, Reach, load_cards
from localpro_desktop.ui import formatting as fmt
from localpro_desktop.ui import labels
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.tasks import guarded

MIME_TYPE = "application/x-localpro-contacts"
"""Drag payload: JSON {"ids": [...], "status": "<source column>"}."""
CARD_ROLE = Qt.ItemDataRole.UserRole + 1
"""The row's Card (what the delegate paints)."""
ID_ROLE = Qt.ItemDataRole.UserRole + 2
"""The contact id of a row."""

AnyIndex = QModelIndex | QPersistentModelIndex


def encode_drag(ids: Sequence[str], status: PipelineStatus) -> QMimeData:
    data = QMimeData()
    payload = json.dumps({"ids": list(ids), "status": status.value})
    data.setData(MIME_TYPE, QByteArray(payload.encode("utf-8")))
    return data


def decode_drag(data: QMimeData) -> tuple[list[str], PipelineStatus] | None:
    """The dragged ids and their column, or None for anything that is not our cards."""
    if data is None or not data.hasFormat(MIME_TYPE):
        return None
    try:
        payload = json.loads(bytes(data.data(MIME_TYPE).data()).decode("utf-8"))
        ids = [str(i) for i in payload["ids"]]
        status = PipelineStatus(payload["status"])
    except (ValueError, KeyError, TypeError):
        return None
    return (ids, status) if ids else None


class CardModel(QAbstractListModel):
    sig_move_requested = Signal(list, str, str)
    """Cards were dropped here: (contact ids, from status, to status)."""
    sig_page_loaded = Signal(int)
    """A further page arrived (how many cards it held)."""
    sig_failed = Signal(str)
    """A page could not be loaded; the message is for the user."""

    def __init__(
        self, ctx: UiContext, status: PipelineStatus, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.status = status
        self.page_size = PAGE_SIZE
        self._cards: list[Card] = []
        self._total = 0
        self._filter = BoardFilter()
        self._generation = 0
        self._loading = False

    # -- contents ---------------------------------------------------------------------

    @property
    def total(self) -> int:
        """Cards the filter puts in this column, loaded or not (the header's count)."""
        return self._total

    @property
    def cards(self) -> list[Card]:
        return list(self._cards)

    @property
    def loading(self) -> bool:
        return self._loading

    def reset(self, flt: BoardFilter, cards: list[Card], total: int) -> None:
        """A new filter (or a full reload): a new generation, so older pages are dropped."""
        self.beginResetModel()
        self._filter = flt
        self._cards = list(cards)
        self._total = max(total, len(cards))
        self._generation += 1
        self._loading = False
        self.endResetModel()

    def set_total(self, total: int) -> None:
        self._total = max(total, len(self._cards))

    def row_of(self, contact_id: str) -> int | None:
        for row, card in enumerate(self._cards):
            if card.id == contact_id:
                return row
        return None

    def card_at(self, row: int) -> Card | None:
        return self._cards[row] if 0 <= row < len(self._cards) else None

    def take(self, contact_id: str) -> tuple[int, Card] | None:
        """Remove a card (moved away, deleted, filtered out); returns where it was."""
        row = self.row_of(contact_id)
        if row is None:
            return None
        self.beginRemoveRows(QModelIndex(), row, row)
        card = self._cards.pop(row)
        self.endRemoveRows()
        return row, card

    def put(self, card: Card, row: int | None = None) -> int | None:
        """Insert a card at ``row``, or where the column order puts it.

        A card that sorts after the last loaded one while more remain to be fetched is
        not inserted: the next page brings it, in its place.
        """
        if self.row_of(card.id) is not None:
            self.replace(card)
            return self.row_of(card.id)
        if row is None:
            row = next(
                (i for i, other in enumerate(self._cards) if card.comes_before(other)),
                len(self._cards),
            )
            if row == len(self._cards) and len(self._cards) < self._total:
                return None
        row = max(0, min(row, len(self._cards)))
        self.beginInsertRows(QModelIndex(), row, row)
        self._cards.insert(row, card)
        self.endInsertRows()
        return row

    def replace(self, card: Card) -> bool:
        """Update a card in place (same column, new details); False when it is not here."""
        row = self.row_of(card.id)
        if row is None:
            return False
        self._cards[row] = card
        index = self.index(row)
        self.dataChanged.emit(index, index)
        return True

    # -- Qt model ---------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._cards)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        card = self.card_at(index.row()) if index.isValid() else None
        if card is None:
            return None
        if role == CARD_ROLE:
            return card
        if role == ID_ROLE:
            return card.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return ", ".join(part for part in (card.name, card.company, card.city) if part)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(card)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            # Drops land on the column, never "on" a card: order is by recency anyway.
            return Qt.ItemFlag.ItemIsDropEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def _tooltip(self, card: Card) -> str:
        lines = [card.name]
        if card.company:
            lines.append(card.company)
        for label, value, reach in (
            (self.tr("Phone"), fmt.typed_phone(card.phone), card.phone_reach),
            (labels.channel("whatsapp"), fmt.typed_phone(card.whatsapp), card.whatsapp_reach),
            (labels.channel("email"), card.email, card.email_reach),
        ):
            lines.append(f"{label}: {self._reach_text(value, reach)}")
        if card.last_activity is not None:
            lines.append(
                self.tr("Last activity: {when}").format(when=fmt.moment(card.last_activity))
            )
        return "\n".join(lines)

    def _reach_text(self, value: str, reach: Reach) -> str:
        if reach is Reach.ABSENT:
            return self.tr("none")
        if reach is Reach.INVALID:
            return self.tr("{value} (not valid)").format(value=value)
        if reach is Reach.OPTED_OUT:
            return self.tr("{value} (opted out)").format(value=value)
        return value

    # -- paging -----------------------------------------------------------------------

    def canFetchMore(self, parent: AnyIndex) -> bool:
        return not parent.isValid() and not self._loading and len(self._cards) < self._total

    def fetchMore(self, parent: AnyIndex) -> None:
        if not self.canFetchMore(parent):
            return
        self._loading = True
        generation = self._generation
        ws, flt, status = self.ctx.ws, self._filter, self.status
        after = self._cards[-1] if self._cards else None
        size = self.page_size
        self.ctx.runner.run(
            lambda: load_cards(ws, flt, status, after, size),
            on_done=guarded(self, lambda cards: self._append(generation, cards)),
            on_error=guarded(self, lambda message, _bug: self._page_failed(generation, message)),
        )

    def _append(self, generation: int, cards: list[Card]) -> None:
        if generation != self._generation:
            return
        self._loading = False
        known = {card.id for card in self._cards}
        fresh = [card for card in cards if card.id not in known]
        if fresh:
            first = len(self._cards)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            self._cards.extend(fresh)
            self.endInsertRows()
        if len(cards) < self.page_size:
            # The column ended early (cards moved away meanwhile): stop asking for more.
            self._total = len(self._cards)
        self.sig_page_loaded.emit(len(fresh))

    def _page_failed(self, generation: int, message: str) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self._total = len(self._cards)  # do not retry in a loop; a reload starts over
        self.sig_failed.emit(message)

    # -- drag and drop ----------------------------------------------------------------

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        ids = [
            card.id
            for card in (self.card_at(i.row()) for i in indexes if i.isValid())
            if card is not None
        ]
        return encode_drag(list(dict.fromkeys(ids)), self.status)

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def canDropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: AnyIndex,
    ) -> bool:
        decoded = decode_drag(data)
        return (
            decoded is not None
            and decoded[1] is not self.status
            and action in (Qt.DropAction.MoveAction, Qt.DropAction.CopyAction)
        )

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: AnyIndex,
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        decoded = decode_drag(data)
        assert decoded is not None
        ids, source = decoded
        self.sig_move_requested.emit(ids, source.value, self.status.value)
        return True
