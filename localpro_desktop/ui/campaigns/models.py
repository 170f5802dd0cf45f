"""Table models of the Campaigns tab: the campaign list and one campaign's recipients.

The campaign list is short (tens of rows), so it holds every row; a campaign's recipients
can be thousands, so that model fetches pages on demand through the task runner, as the UI
guide asks of big lists.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor, QFont

from localpro_desktop.domain.campaigns import CampaignStatus, Channel, RecipientStatus, ShownState
from localpro_desktop.services.campaign_views import (
    RECIPIENT_PAGE,
    CampaignRow,
    RecipientRow,
    load_recipients,
)
from localpro_desktop.ui import formatting as fmt
from localpro_desktop.ui import labels
from localpro_desktop.ui.campaigns.widgets import (
    RECIPIENT_STATUS_COLORS,
    STATE_COLORS,
    channel_icon,
    dot_icon,
    state_label,
)
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.style import ERROR_COLOR, MUTED_COLOR

ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""The record id of a row (campaign or recipient)."""
VALUE_ROLE = Qt.ItemDataRole.UserRole + 2
"""The raw value behind a cell: sorting, and tests comparing with the services."""
ROW_ROLE = Qt.ItemDataRole.UserRole + 3
"""The whole row snapshot (``CampaignRow`` or ``RecipientRow``)."""

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_NOT_SENT = (CampaignStatus.DRAFT, CampaignStatus.SCHEDULED)


class CampaignColumn(IntEnum):
    NAME = 0
    CHANNEL = 1
    STATUS = 2
    RECIPIENTS = 3
    SENT = 4
    DELIVERED = 5
    OPENED = 6
    REPLIED = 7
    FAILED = 8
    CREATED = 9
    WHEN = 10


_COUNT_ATTR = {
    CampaignColumn.RECIPIENTS: "recipients",
    CampaignColumn.SENT: "sent",
    CampaignColumn.DELIVERED: "delivered",
    CampaignColumn.OPENED: "opened",
    CampaignColumn.REPLIED: "replied",
    CampaignColumn.FAILED: "failed",
}


def opens_tracked(channel: Channel) -> bool:
    """SMS has no read receipts: its "opened" is unknown, not zero."""
    return channel is not Channel.SMS


class CampaignListModel(QAbstractTableModel):
    """Every live campaign with its counts; replaced wholesale on each refresh."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[CampaignRow] = []
        self._italic = QFont()
        self._italic.setItalic(True)

    # -- content ----------------------------------------------------------------------

    def set_rows(self, rows: list[CampaignRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[CampaignRow]:
        return list(self._rows)

    def row_of(self, campaign_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == campaign_id), -1)

    def campaign(self, row: int) -> CampaignRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    # -- Qt model API -----------------------------------------------------------------

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(CampaignColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        column = CampaignColumn(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers()[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._header_tips().get(column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _COUNT_ATTR:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _headers(self) -> dict[CampaignColumn, str]:
        return {
            CampaignColumn.NAME: self.tr("Campaign"),
            CampaignColumn.CHANNEL: self.tr("Channel"),
            CampaignColumn.STATUS: self.tr("Status"),
            CampaignColumn.RECIPIENTS: self.tr("Recipients"),
            CampaignColumn.SENT: self.tr("Sent"),
            CampaignColumn.DELIVERED: self.tr("Delivered"),
            CampaignColumn.OPENED: self.tr("Opened"),
            CampaignColumn.REPLIED: self.tr("Replied"),
            CampaignColumn.FAILED: self.tr("Failed"),
            CampaignColumn.CREATED: self.tr("Created"),
            CampaignColumn.WHEN: self.tr("Sent / scheduled"),
        }

    def _header_tips(self) -> dict[CampaignColumn, str]:
        return {
            CampaignColumn.RECIPIENTS: self.tr("People the campaign goes to"),
            CampaignColumn.REPLIED: self.tr("Recipients who answered the message"),
            CampaignColumn.WHEN: self.tr("When it was sent, or when it is scheduled to go"),
        }

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = CampaignColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == ID_ROLE:
            return row.id
        if role == ROW_ROLE:
            return row
        if role == VALUE_ROLE:
            return self._value(row, column)
        if role == Qt.ItemDataRole.DecorationRole:
            if column is CampaignColumn.CHANNEL:
                return channel_icon(row.channel)
            if column is CampaignColumn.STATUS:
                return dot_icon(STATE_COLORS[row.state])
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(row, column)
        if role == Qt.ItemDataRole.FontRole:
            if column is CampaignColumn.WHEN and row.status is CampaignStatus.SCHEDULED:
                return self._italic
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _COUNT_ATTR:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        return None

    def _blank(self, row: CampaignRow, column: CampaignColumn) -> bool:
        """Counts that cannot exist yet (a draft has sent nothing) show a dash, not 0."""
        if column is CampaignColumn.RECIPIENTS:
            return False
        if column is CampaignColumn.OPENED and not opens_tracked(row.channel):
            return True
        return row.status in _NOT_SENT and column in _COUNT_ATTR

    def _display(self, row: CampaignRow, column: CampaignColumn) -> str:
        if column is CampaignColumn.NAME:
            return row.name
        if column is CampaignColumn.CHANNEL:
            return labels.channel(row.channel)
        if column is CampaignColumn.STATUS:
            return state_label(row.state)
        if column in _COUNT_ATTR:
            if self._blank(row, column):
                return "—"
            return fmt.number(int(getattr(row.stats, _COUNT_ATTR[column])))
        if column is CampaignColumn.CREATED:
            return fmt.moment(row.created_at)
        when = self._when(row)
        return fmt.moment(when) if when else "—"

    @staticmethod
    def _when(row: CampaignRow) -> datetime | None:
        return row.scheduled_at if row.status is CampaignStatus.SCHEDULED else row.sent_at

    def _value(self, row: CampaignRow, column: CampaignColumn) -> Any:
        if column is CampaignColumn.NAME:
            return row.name.casefold()
        if column is CampaignColumn.CHANNEL:
            return labels.channel(row.channel)
        if column is CampaignColumn.STATUS:
            return list(ShownState).index(row.state)
        if column in _COUNT_ATTR:
            return int(getattr(row.stats, _COUNT_ATTR[column]))
        when = row.created_at if column is CampaignColumn.CREATED else self._when(row)
        return when.isoformat() if when else ""

    def _foreground(self, row: CampaignRow, column: CampaignColumn) -> QColor | None:
        if column is CampaignColumn.STATUS:
            return QColor(STATE_COLORS[row.state])
        if column is CampaignColumn.FAILED and row.stats.failed and not self._blank(row, column):
            return QColor(ERROR_COLOR)
        if column in _COUNT_ATTR and self._blank(row, column):
            return QColor(MUTED_COLOR)
        return None

    def _tooltip(self, row: CampaignRow, column: CampaignColumn) -> str | None:
        if column is CampaignColumn.NAME:
            return row.name
        if column is CampaignColumn.OPENED and not opens_tracked(row.channel):
            return self.tr("SMS does not report when a message is read.")
        if column is CampaignColumn.STATUS and row.failure_reason:
            return row.failure_reason
        if column is CampaignColumn.STATUS and row.state is ShownState.WAITING:
            return waiting_text(row)
        if column in _COUNT_ATTR and column is not CampaignColumn.RECIPIENTS:
            total = row.stats.recipients
            if total and not self._blank(row, column):
                share = int(getattr(row.stats, _COUNT_ATTR[column])) / total
                return self.tr("{share} of recipients").format(share=fmt.percent(share))
        if column is CampaignColumn.WHEN and row.status is CampaignStatus.SCHEDULED:
            return self.tr("Scheduled for {when}").format(when=fmt.moment(row.scheduled_at))
        return None


def waiting_text(row: CampaignRow) -> str:
    """Why a queued campaign has sent nothing: no service for its channel, or the outbox."""
    queued = row.stats.by_status.get(RecipientStatus.QUEUED.value, 0)
    # Literal contexts below: lupdate reads only literal arguments.
    if not row.channel_set_up:
        one = QCoreApplication.translate(
            "CampaignStates", "No {channel} service is set up yet: 1 message waits until one is."
        )
        many = QCoreApplication.translate(
            "CampaignStates", "No {channel} service is set up yet: {n} messages wait until one is."
        )
    else:
        one = QCoreApplication.translate(
            "CampaignStates", "1 message waits in the outbox; no provider has accepted it yet."
        )
        many = QCoreApplication.translate(
            "CampaignStates", "{n} messages wait in the outbox; no provider has accepted one yet."
        )
    return (one if queued == 1 else many).format(
        n=fmt.number(queued), channel=labels.channel(row.channel)
    )


# -- recipients ---------------------------------------------------------------------------


class RecipientColumn(IntEnum):
    CONTACT = 0
    ADDRESS = 1
    STATUS = 2
    ERROR = 3
    SENT = 4
    DELIVERED = 5
    OPENED = 6
    REPLIED = 7


_TIME_ATTR = {
    RecipientColumn.SENT: "sent_at",
    RecipientColumn.DELIVERED: "delivered_at",
    RecipientColumn.OPENED: "opened_at",
    RecipientColumn.REPLIED: "replied_at",
}


@dataclass(frozen=True)
class _Query:
    campaign_id: str
    status: RecipientStatus | None


class RecipientsModel(QAbstractTableModel):
    """One campaign's recipients, fetched a page at a time as the table scrolls."""

    sig_loaded = Signal()
    """A page (or a refresh) arrived and is shown."""
    sig_failed = Signal(str)
    """Loading failed; the message is for the user."""

    def __init__(self, ctx: UiContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._query: _Query | None = None
        self._rows: list[RecipientRow] = []
        self._generation = 0
        self._loading = False
        self._exhausted = True

    # -- what is shown ----------------------------------------------------------------

    def show_campaign(self, campaign_id: str | None, status: RecipientStatus | None = None) -> None:
        """Start over on another campaign or filter; the first page loads at once."""
        self.beginResetModel()
        self._generation += 1
        self._query = _Query(campaign_id, status) if campaign_id else None
        self._rows = []
        self._loading = False
        self._exhausted = self._query is None
        self.endResetModel()
        if self._query is not None:
            self._fetch(offset=0, limit=RECIPIENT_PAGE, refresh=False)

    def refresh(self) -> None:
        """Reload the rows already shown in place, keeping the scroll position."""
        if self._query is None:
            return
        self._generation += 1
        self._loading = False
        self._fetch(offset=0, limit=max(len(self._rows), RECIPIENT_PAGE), refresh=True)

    @property
    def campaign_id(self) -> str | None:
        return self._query.campaign_id if self._query else None

    @property
    def loading(self) -> bool:
        return self._loading

    def recipient(self, row: int) -> RecipientRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    # -- lazy loading -----------------------------------------------------------------

    def canFetchMore(self, parent: _Index = _ROOT) -> bool:
        return not parent.isValid() and not self._exhausted and not self._loading

    def fetchMore(self, parent: _Index = _ROOT) -> None:
        if self.canFetchMore(parent):
            self._fetch(offset=len(self._rows), limit=RECIPIENT_PAGE, refresh=False)

    def _fetch(self, *, offset: int, limit: int, refresh: bool) -> None:
        query = self._query
        if query is None:
            return
        self._loading = True
        generation = self._generation
        ws = self.ctx.ws

        def load() -> tuple[int, bool, int, list[RecipientRow]]:
            rows = load_recipients(ws, query.campaign_id, query.status, limit=limit, offset=offset)
            return generation, refresh, limit, rows

        self.ctx.runner.run(load, on_done=self._arrived, on_error=self._failed)

    @Slot(object)
    def _arrived(self, result: tuple[int, bool, int, list[RecipientRow]]) -> None:
        generation, refresh, limit, rows = result
        if generation != self._generation:
            return  # the campaign or the filter changed meanwhile
        self._loading = False
        self._exhausted = len(rows) < limit
        if refresh:
            self._replace(rows)
        elif rows:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self.sig_loaded.emit()

    def _replace(self, rows: list[RecipientRow]) -> None:
        old = len(self._rows)
        if len(rows) < old:
            self.beginRemoveRows(QModelIndex(), len(rows), old - 1)
            del self._rows[len(rows) :]
            self.endRemoveRows()
        common = min(old, len(rows))
        self._rows[:common] = rows[:common]
        if common:
            self.dataChanged.emit(
                self.index(0, 0), self.index(common - 1, len(RecipientColumn) - 1)
            )
        if len(rows) > common:
            self.beginInsertRows(QModelIndex(), common, len(rows) - 1)
            self._rows.extend(rows[common:])
            self.endInsertRows()

    @Slot(str, bool)
    def _failed(self, message: str, _is_bug: bool) -> None:
        self._loading = False
        self._exhausted = True
        self.sig_failed.emit(message)

    # -- Qt model API -----------------------------------------------------------------

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(RecipientColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            RecipientColumn.CONTACT: self.tr("Contact"),
            RecipientColumn.ADDRESS: self.tr("Address"),
            RecipientColumn.STATUS: self.tr("Status"),
            RecipientColumn.ERROR: self.tr("Error"),
            RecipientColumn.SENT: self.tr("Sent"),
            RecipientColumn.DELIVERED: self.tr("Delivered"),
            RecipientColumn.OPENED: self.tr("Opened"),
            RecipientColumn.REPLIED: self.tr("Replied"),
        }[RecipientColumn(section)]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = RecipientColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == ID_ROLE:
            return row.id
        if role == ROW_ROLE:
            return row
        if role == VALUE_ROLE:
            if column in _TIME_ATTR:
                return getattr(row, _TIME_ATTR[column])
            return (
                self._display(row, column) if column is not RecipientColumn.STATUS else row.status
            )
        if role == Qt.ItemDataRole.DecorationRole and column is RecipientColumn.STATUS:
            return dot_icon(RECIPIENT_STATUS_COLORS[row.status])
        if role == Qt.ItemDataRole.ForegroundRole:
            if column is RecipientColumn.STATUS:
                return QColor(RECIPIENT_STATUS_COLORS[row.status])
            if column is RecipientColumn.ERROR:
                return QColor(ERROR_COLOR)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column is RecipientColumn.ERROR and row.error:
                return row.error
            if column is RecipientColumn.STATUS and row.queued_at:
                return self.tr("Queued {when}").format(when=fmt.moment(row.queued_at))
            if column is RecipientColumn.CONTACT:
                return self.tr("Double-click to open the contact")
        return None

    def _display(self, row: RecipientRow, column: RecipientColumn) -> str:
        if column is RecipientColumn.CONTACT:
            return row.name
        if column is RecipientColumn.ADDRESS:  # a number as everywhere else; e-mails as is
            return fmt.typed_phone(row.address) if row.address.startswith("+") else row.address
        if column is RecipientColumn.STATUS:
            return labels.recipient_status(row.status)
        if column is RecipientColumn.ERROR:
            return row.error
        return fmt.moment(getattr(row, _TIME_ATTR[column]))
