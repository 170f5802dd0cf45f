"""Merge the contact made for an unknown number into the person it is (issue 11).

A message from a number nobody has creates a New contact tagged "inbound". The contact
panel shows it a "Merge into an existing contact…" link (``MergeLink``); the dialog finds
the person by name, company, phone, e-mail or city (the segments' contact search, the one
the CLI's ``contacts list --text`` uses) and merges on the task runner
(``services.contact_merge``): its timeline, campaign messages, opt-outs and WhatsApp window
move to the person, and the inbound contact is deleted.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from localpro_desktop.domain.segment_rules import SegmentRule
from localpro_desktop.services.contact_merge import INBOUND_TAG, MergeResult, merge_contacts
from localpro_desktop.services.contacts import ContactDetails
from localpro_desktop.services.segments import SegmentService
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.style import ERROR_COLOR, MUTED_COLOR
from localpro_desktop.ui.tasks import guarded

SEARCH_LIMIT = 50
"""Contacts listed for one search (type more to narrow it)."""
SEARCH_DELAY_MS = 250


class MergeDialog(QDialog):
    """Pick the existing contact, then Merge; ``sig_merged`` carries the target's id."""

    sig_merged = Signal(str)

    def __init__(
        self, ctx: UiContext, source_id: str, source_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.source_id = source_id
        self._request = 0
        self.setWindowTitle(self.tr("Merge into an existing contact"))
        intro = QLabel(
            self.tr(
                "{name} will be merged into the contact you pick: its messages, campaigns and "
                "opt-outs move there, and {name} is deleted."
            ).format(name=source_name)
        )
        intro.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search name, company, phone, e-mail or city"))
        self.search.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = QPushButton(self.tr("Merge"))
        self.merge_button.setEnabled(False)
        self.buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.rejected.connect(self.reject)
        self.merge_button.clicked.connect(self.merge)
        self.results.currentItemChanged.connect(lambda *_: self._update_button())
        self.results.itemDoubleClicked.connect(lambda _item: self.merge())
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search_contacts)
        self.search.textChanged.connect(lambda _text: self._timer.start())

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.search)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(420, 420)
        self.search_contacts()

    def search_contacts(self) -> None:
        """List the contacts matching the search box (all of them, first ones, when empty)."""
        self._request += 1
        request = self._request
        rule = SegmentRule(text=self.search.text().strip() or None)
        segments = SegmentService(self.ctx.ws)
        self.ctx.runner.run(
            lambda: segments.preview(rule, limit=SEARCH_LIMIT + 1).contacts,
            on_done=guarded(self, lambda rows: self._found(request, rows)),
            on_error=guarded(self, lambda message, _bug: self._show_message(message, error=True)),
        )

    def _found(self, request: int, rows: list[Any]) -> None:
        if request != self._request:
            return
        self.results.clear()
        for contact in rows:
            if contact.id == self.source_id:
                continue
            reach = contact.phone or contact.whatsapp or contact.email
            words = " · ".join(
                part
                for part in (contact.display_name, contact.company, reach, contact.city)
                if part
            )
            item = QListWidgetItem(words)
            item.setData(Qt.ItemDataRole.UserRole, contact.id)
            self.results.addItem(item)
        self._show_message(self.tr("No contact matches.") if not self.results.count() else "")
        self._update_button()

    def _update_button(self) -> None:
        self.merge_button.setEnabled(self.results.currentItem() is not None)

    def merge(self) -> None:
        item = self.results.currentItem()
        if item is None:
            return
        into_id = str(item.data(Qt.ItemDataRole.UserRole))
        source_id, ws = self.source_id, self.ctx.ws
        self.merge_button.setEnabled(False)
        self.ctx.runner.run(
            lambda: merge_contacts(ws, source_id, into_id),
            on_done=guarded(self, self._merged),
            on_error=guarded(self, self._failed),
        )

    def _merged(self, result: MergeResult) -> None:
        self.sig_merged.emit(result.into_id)
        self.accept()

    def _failed(self, message: str, _bug: bool) -> None:
        self._show_message(message, error=True)
        self._update_button()

    def _show_message(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(f"color: {ERROR_COLOR if error else MUTED_COLOR};")
        self.message.setText(text)
        self.message.setVisible(bool(text))


class MergeLink(QLabel):
    """The panel's "Merge into an existing contact…" link, shown for inbound contacts."""

    sig_merged = Signal(str)
    """The shown contact was merged: the id of the contact it now is."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.details: ContactDetails | None = None
        self.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.linkActivated.connect(lambda _link: self.open_dialog())
        self.setToolTip(
            self.tr(
                "A message from a number nobody had made this contact: merge it into who it is."
            )
        )
        self.hide()

    def show_for(self, details: ContactDetails) -> None:
        self.details = details
        link = html.escape(self.tr("Merge into an existing contact…"))
        self.setText(f"<a href='merge'>{link}</a>")
        self.setVisible(INBOUND_TAG in details.tags)

    def open_dialog(self) -> MergeDialog | None:
        if self.details is None:
            return None
        dialog = MergeDialog(self.ctx, self.details.id, self.details.display_name, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.sig_merged.connect(self.sig_merged.emit)
        dialog.open()
        return dialog
