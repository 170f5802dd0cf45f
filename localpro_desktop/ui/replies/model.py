"""The Replies list: every message people sent, newest first, and its filter.

The read model (``services.inbound.replies.list_replies``) returns at most a few hundred
rows, so the model holds them all and the proxy filters them on the UI thread (channel and
a search over the name, number, campaign and text); nothing here reads the database.
"""

from __future__ import annotations

import unicodedata
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.domain.opt_outs import KeywordAction, opt_in_by_keyword
from localpro_desktop.services.inbound.replies import Reply
from localpro_desktop.ui import formatting as fmt
from localpro_desktop.ui import labels
from localpro_desktop.ui.campaigns.widgets import channel_icon
from localpro_desktop.ui.style import ERROR_COLOR, MUTED_COLOR

ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""The reply's id."""
REPLY_ROLE = Qt.ItemDataRole.UserRole + 2
"""The whole ``Reply``."""
BADGE_COLOR_ROLE = Qt.ItemDataRole.UserRole + 3
"""The badge column's colour (the delegate draws a pill)."""

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
SUBSCRIBED_COLOR = "#1b7f3b"


class ReplyColumn(IntEnum):
    WHEN = 0
    CHANNEL = 1
    FROM = 2
    CAMPAIGN = 3
    MESSAGE = 4
    BADGE = 5


def badge_of(reply: Reply) -> KeywordAction | None:
    """A stop word opts out on its channel; a start word re-subscribes on SMS only."""
    if reply.keyword is KeywordAction.OPT_IN and not opt_in_by_keyword(reply.channel.value):
        return None
    return reply.keyword


def sender_text(reply: Reply) -> str:
    """The contact's name, else the number (as every list shows it) or the address."""
    return reply.contact_name or shown_address(reply.address)


def shown_address(address: str) -> str:
    """A number as every list shows it (national at home); an e-mail address as it is."""
    return fmt.phone(address, address) if address.startswith("+") else address


def one_line(text: str) -> str:
    return " ".join(text.split())


class ReplyListModel(QAbstractTableModel):
    """The loaded replies, newest first; replaced wholesale on each refresh."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Reply] = []

    def set_rows(self, rows: list[Reply]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Reply]:
        return list(self._rows)

    def row_of(self, reply_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == reply_id), -1)

    def reply(self, row: int) -> Reply | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    # -- Qt model API -----------------------------------------------------------------

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(ReplyColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        column = ReplyColumn(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                ReplyColumn.WHEN: self.tr("When"),
                ReplyColumn.CHANNEL: self.tr("Channel"),
                ReplyColumn.FROM: self.tr("From"),
                ReplyColumn.CAMPAIGN: self.tr("Campaign"),
                ReplyColumn.MESSAGE: self.tr("Message"),
                ReplyColumn.BADGE: "",
            }[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column is ReplyColumn.CAMPAIGN:
                return self.tr("The campaign this message answers (sent in the week before)")
            if column is ReplyColumn.BADGE:
                return self.tr("Stop and start words change what the contact receives")
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        reply = self._rows[index.row()]
        column = ReplyColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(reply, column)
        if role == ID_ROLE:
            return reply.id
        if role == REPLY_ROLE:
            return reply
        if role == Qt.ItemDataRole.DecorationRole and column is ReplyColumn.CHANNEL:
            return channel_icon(reply.channel)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column is ReplyColumn.CAMPAIGN and not reply.campaign_name:
                return QColor(MUTED_COLOR)
            if column is ReplyColumn.FROM and not reply.contact_id:
                return QColor(MUTED_COLOR)
            return None
        if role == BADGE_COLOR_ROLE and column is ReplyColumn.BADGE:
            badge = badge_of(reply)
            if badge is None:
                return None
            return ERROR_COLOR if badge is KeywordAction.OPT_OUT else SUBSCRIBED_COLOR
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(reply, column)
        return None

    def _display(self, reply: Reply, column: ReplyColumn) -> str:
        if column is ReplyColumn.WHEN:
            return fmt.moment(reply.at)
        if column is ReplyColumn.CHANNEL:
            return labels.channel(reply.channel)
        if column is ReplyColumn.FROM:
            return sender_text(reply)
        if column is ReplyColumn.CAMPAIGN:
            return reply.campaign_name or "—"
        if column is ReplyColumn.MESSAGE:
            return one_line(reply.text)
        return self.badge_text(reply)

    def badge_text(self, reply: Reply) -> str:
        badge = badge_of(reply)
        if badge is KeywordAction.OPT_OUT:
            return self.tr("Opted out")
        if badge is KeywordAction.OPT_IN:
            return self.tr("Subscribed again")
        return ""

    def _tooltip(self, reply: Reply, column: ReplyColumn) -> str | None:
        if column is ReplyColumn.MESSAGE:
            return reply.text
        if column is ReplyColumn.FROM:
            if not reply.contact_id:
                return self.tr("Not linked to a contact yet: that happens after the next sync.")
            return reply.address
        if column is ReplyColumn.CAMPAIGN and reply.campaign_name:
            return reply.campaign_name
        if column is ReplyColumn.BADGE:
            badge = badge_of(reply)
            if badge is KeywordAction.OPT_OUT:
                return self.tr("A stop word: {channel} campaigns leave this contact out.").format(
                    channel=labels.channel(reply.channel)
                )
            if badge is KeywordAction.OPT_IN:
                return self.tr("A start word: SMS campaigns reach this contact again.")
        return None


class ReplyFilter(QSortFilterProxyModel):
    """Shows the replies on one channel (or all) whose name, number, campaign or text
    contains every word searched (any case, any accents typed or not)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.channel: Channel | None = None
        self._words: list[str] = []

    def set_channel(self, channel: Channel | None) -> None:
        self.beginFilterChange()
        self.channel = channel
        self.endFilterChange()

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._words = [_fold(word) for word in text.split()]
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, ReplyListModel):
            return True
        reply = model.reply(source_row)
        if reply is None:
            return False
        if self.channel is not None and reply.channel is not self.channel:
            return False
        if not self._words:
            return True
        haystack = _fold(
            " ".join(
                (
                    reply.contact_name,
                    reply.address,
                    sender_text(reply),
                    reply.campaign_name,
                    reply.text,
                )
            )
        )
        return all(word in haystack for word in self._words)


def _fold(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in plain if not unicodedata.combining(ch)).casefold()
