"""The two tables beside a sent campaign's recipients: its failures and the messages to check.

``FailuresView`` lists failed messages with the provider's code and words (the commonest
reasons first); ``UnknownView`` lists the messages the dispatcher could not confirm, with
Resend and Give up (``CampaignProgress`` asks and acts).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import cache
from typing import Any

from PySide6.QtCore import QItemSelection, Qt, Signal, Slot
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from localpro_desktop.domain.messages import Message
from localpro_desktop.domain.messages import campaigns as campaign_msg
from localpro_desktop.domain.messages import outbox as outbox_msg
from localpro_desktop.ui import formatting as fmt
from localpro_desktop.ui.i18n import translate_message
from localpro_desktop.ui.style import ERROR_COLOR


def _table() -> QTableView:
    table = QTableView()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(26)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return table


def _item(text: str, color: str | None = None, tip: str | None = None) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    if color:
        item.setForeground(QColor(color))
    if tip:
        item.setToolTip(tip)
    return item


def _code(code: str) -> str:
    """The provider's code; "unknown" is ours (a message given up after a cut), not one."""
    return "" if code == "unknown" else code


def _address(address: str) -> str:
    return fmt.typed_phone(address) if address.startswith("+") else address


class FailuresView(QWidget):
    """The failed messages with the provider's code and words, the commonest reasons first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(4)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.summary)
        self.model = QStandardItemModel(0, 4, self)
        self.model.setHorizontalHeaderLabels(
            [self.tr("Contact"), self.tr("Address"), self.tr("Code"), self.tr("Reason")]
        )
        self.table = _table()
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        for column, width in enumerate((165, 180, 70)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.count = 0

    def show_failures(self, failures: Sequence[Any], total: int = 0) -> None:
        """``failures``: ``FailedMessage`` (name, address, code, words), at most 50 of them."""
        self.count = max(total, len(failures))
        self.model.removeRows(0, self.model.rowCount())  # the columns keep their widths
        for failure in failures:
            words = stored_words(failure.words)
            self.model.appendRow(
                [
                    _item(failure.name),
                    _item(_address(failure.address)),
                    _item(_code(failure.code), ERROR_COLOR),
                    _item(words, ERROR_COLOR, words),
                ]
            )
        reasons = Counter((_code(f.code), stored_words(f.words)) for f in failures)
        lines = [
            (self.tr("{n} × {code} {words}") if code else self.tr("{n} × {words}")).format(
                n=fmt.number(n), code=code, words=words
            )
            for (code, words), n in reasons.most_common(3)
        ]
        head = fmt.plural(
            self.count,
            self.tr("1 message failed; the provider said why:"),
            self.tr("{n} messages failed; the providers said why:"),
        ).format(n=fmt.number(self.count))
        if self.count > len(failures):
            head += " " + self.tr("(the latest {n} below)").format(n=fmt.number(len(failures)))
        self.summary.setText("\n".join([head, *lines]) if failures else "")
        self.table.setVisible(bool(failures))


class UnknownView(QWidget):
    """Messages that may or may not have left: check, then Resend or Give up."""

    sig_resend = Signal(list)
    """Send these recipients' messages again (ids); the panel asks first."""
    sig_give_up = Signal(list)
    """Do not send these recipients' messages again (ids)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(4)
        self.explain = QLabel(
            self.tr(
                "LocalPro could not confirm that these messages left: the connection was cut, "
                "or the computer stopped, while they were being sent. Check before resending "
                "— a person who got one would get it twice."
            )
        )
        self.explain.setWordWrap(True)
        layout.addWidget(self.explain)
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels(
            [self.tr("Contact"), self.tr("Address"), self.tr("What happened")]
        )
        self.table = _table()
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        header = self.table.horizontalHeader()
        for column, width in enumerate((165, 180)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.select_all_button = QPushButton(self.tr("Select all"))
        self.select_all_button.clicked.connect(self.table.selectAll)
        self.resend_button = QPushButton()
        self.resend_button.clicked.connect(lambda: self.sig_resend.emit(self.chosen()))
        self.give_up_button = QPushButton()
        self.give_up_button.setToolTip(
            self.tr("Count them as not sent and never send them again from this campaign")
        )
        self.give_up_button.clicked.connect(lambda: self.sig_give_up.emit(self.chosen()))
        buttons.addWidget(self.select_all_button)
        buttons.addStretch(1)
        buttons.addWidget(self.give_up_button)
        buttons.addWidget(self.resend_button)
        layout.addLayout(buttons)
        self._ids: list[str] = []
        self._busy = False
        self._selection_changed(QItemSelection(), QItemSelection())

    @property
    def count(self) -> int:
        return len(self._ids)

    def show_unknown(self, unknown: Sequence[Any]) -> None:
        """``unknown``: ``UnknownMessage`` (recipient_id, name, address, words)."""
        ids = [u.recipient_id for u in unknown]
        if ids == self._ids:
            return  # a refresh with nothing new keeps the user's selection
        kept = set(self.chosen(everyone=False))
        self._ids = ids
        self.model.removeRows(0, self.model.rowCount())  # the columns keep their widths
        for message in unknown:
            words = stored_words(message.words)
            self.model.appendRow(
                [_item(message.name), _item(_address(message.address)), _item(words, None, words)]
            )
        for row, recipient_id in enumerate(ids):
            if recipient_id in kept:
                self.table.selectRow(row)
        self._selection_changed(QItemSelection(), QItemSelection())

    def chosen(self, *, everyone: bool = True) -> list[str]:
        """The selected recipients' ids; all of them when none is selected (``everyone``)."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        picked = [self._ids[row] for row in rows if 0 <= row < len(self._ids)]
        return picked or (list(self._ids) if everyone else [])

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._selection_changed(QItemSelection(), QItemSelection())

    @Slot(QItemSelection, QItemSelection)
    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        picked = len(self.chosen(everyone=False))
        if picked == 1:
            self.resend_button.setText(self.tr("Resend…"))
            self.give_up_button.setText(self.tr("Give up"))
        elif picked:
            self.resend_button.setText(self.tr("Resend {n}…").format(n=fmt.number(picked)))
            self.give_up_button.setText(self.tr("Give up"))
        else:
            self.resend_button.setText(self.tr("Resend all…"))
            self.give_up_button.setText(self.tr("Give up all"))
        for button in (self.resend_button, self.give_up_button, self.select_all_button):
            button.setEnabled(bool(self._ids) and not self._busy)


@cache
def _stored_sentences() -> dict[str, Message]:
    """Sentences the dispatcher stores as text on a message (its English), by that text."""
    known = (outbox_msg.UNKNOWN_OUTCOME(), campaign_msg.NOT_RESENT())
    return {str(message): message for message in known}


def stored_words(words: str) -> str:
    """A message's stored words in the UI language: the dispatcher keeps its own sentences
    ("check before resending") as English text, the providers' words as they said them."""
    known = _stored_sentences().get(words.strip())
    return translate_message(known if known is not None else words)
