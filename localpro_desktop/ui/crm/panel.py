"""The contact panel beside the board: who this is, how to reach them, what happened.

It shows one contact at a time, always re-read from the store rather than patched, so
what is shown is what was saved. Notes and opt-outs go straight to the service on the
task runner; the change then comes back through the bridge and the tab refreshes the
card (its "last activity") and this panel. Edits open the contact dialog, and moves go
through the tab, which owns the board and shows the card moving at once.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from localpro_desktop.domain.activities import ActivityKind
from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.domain.pipeline import PIPELINE_ORDER, PipelineStatus
from localpro_desktop.services.contacts import (
    NOTE_KINDS,
    ContactDetails,
    ContactService,
    TimelineEntry,
)
from localpro_desktop.ui import formatting as fmt
from localpro_desktop.ui import labels
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.crm.merge_dialog import MergeLink
from localpro_desktop.ui.crm.opt_out_lines import OptOutLines
from localpro_desktop.ui.style import ERROR_COLOR, MUTED_COLOR, STATUS_COLORS
from localpro_desktop.ui.tasks import guarded

PANEL_WIDTH = 360
_OPT_OUT_NOTE = re.compile(r"^(Opted out of|Opted back in to) (whatsapp|email|sms)$")
_MERGED_NOTE = re.compile(r"^Merged with (.+)$")  # contact_merge.py's note


class ContactPanel(QFrame):
    sig_close = Signal()
    """The user closed the panel."""
    sig_move_requested = Signal(str, str)
    """"Move to" chosen here: (contact id, status); the tab performs the move."""
    sig_edit_requested = Signal(object)
    """"Edit…" clicked: the ContactDetails to edit."""
    sig_loaded = Signal(str)
    """A contact's details are shown (its id), after each (re)load."""
    sig_failed = Signal(str)
    """Something the panel asked the service failed; the message is for the user."""
    sig_open_prospect = Signal(str)
    """"Open the prospect" clicked: the id of the prospect this contact came from."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.service = ContactService(ctx.ws)
        self.details: ContactDetails | None = None
        self._wanted: str | None = None
        self._request = 0
        self.setObjectName("contactPanel")
        self.setStyleSheet("#contactPanel { border-left: 1px solid #d5d9df; }")
        self.setFixedWidth(PANEL_WIDTH)
        self._build()

    # -- construction -----------------------------------------------------------------

    def _build(self) -> None:
        top, actions = self._build_header()
        opt_row = self._build_opt_outs()
        timeline_title = QLabel(self.tr("Timeline"))
        timeline_title.setStyleSheet("font-weight: 600;")
        note_row = self._build_note_box()
        self.timeline = QTextBrowser()
        self.timeline.setOpenLinks(False)
        self.timeline.setFrameShape(QFrame.Shape.NoFrame)
        self.timeline.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.timeline.document().setDocumentMargin(2)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        self.fields = QFormLayout()
        self.fields.setContentsMargins(0, 4, 0, 0)
        self.fields.setVerticalSpacing(3)
        self.fields.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 10, 8)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.subtitle)
        layout.addLayout(actions)
        layout.addWidget(self.prospect_link)
        layout.addWidget(self.merge_link)
        layout.addWidget(_rule())
        layout.addLayout(self.fields)
        layout.addLayout(opt_row)
        layout.addWidget(self.opt_out_lines)
        layout.addWidget(_rule())
        layout.addWidget(timeline_title)
        layout.addWidget(self.note_edit)
        layout.addLayout(note_row)
        layout.addWidget(self.message)
        layout.addWidget(self.timeline, 1)

    def _build_header(self) -> tuple[QHBoxLayout, QHBoxLayout]:
        """Name and close button; status, Edit and Move to; the prospect link."""
        self.name = QLabel()
        self.name.setWordWrap(True)
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.name.font()
        font.setPointSizeF(font.pointSizeF() + 3)
        font.setBold(True)
        self.name.setFont(font)
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("Close the panel"))
        self.close_button.clicked.connect(self.sig_close.emit)
        top = QHBoxLayout()
        top.addWidget(self.name, 1)
        top.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)

        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        self.subtitle.setStyleSheet(f"color: {MUTED_COLOR};")
        self.status_chip = QLabel()
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.move_button = QPushButton(self.tr("Move to"))
        self.move_menu = QMenu(self.move_button)
        self.move_button.setMenu(self.move_menu)
        actions = QHBoxLayout()
        actions.addWidget(self.status_chip)
        actions.addStretch(1)
        actions.addWidget(self.edit_button)
        actions.addWidget(self.move_button)
        self.edit_button.clicked.connect(self._edit)
        self.prospect_link = QLabel()
        self.prospect_link.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.prospect_link.linkActivated.connect(self._open_prospect)
        self.prospect_link.hide()
        self.merge_link = MergeLink(self.ctx)  # an inbound contact: into who it is
        self.merge_link.sig_merged.connect(self.load)
        return top, actions

    def _build_opt_outs(self) -> QHBoxLayout:
        self.opt_outs: dict[Channel, QCheckBox] = {}
        opt_row = QHBoxLayout()
        opt_caption = QLabel(self.tr("Opted out of:"))
        opt_caption.setToolTip(
            self.tr("Campaigns never send on a channel the contact opted out of.")
        )
        opt_row.addWidget(opt_caption)
        for channel in (Channel.WHATSAPP, Channel.EMAIL, Channel.SMS):
            box = QCheckBox(labels.channel(channel))
            box.setToolTip(
                self.tr("Checked: never send {channel} messages to this contact.").format(
                    channel=labels.channel(channel)
                )
            )
            box.clicked.connect(lambda checked, c=channel: self._set_opt_out(c, checked))
            self.opt_outs[channel] = box
            opt_row.addWidget(box)
        opt_row.addStretch(1)
        self.opt_out_lines = OptOutLines(self.ctx)  # what the person asked, and when
        return opt_row

    def _build_note_box(self) -> QHBoxLayout:
        """The note editor (added to the layout by the caller) and its kind and Add row."""
        self.note_kind = QComboBox()
        kind_names = {
            ActivityKind.NOTE: self.tr("Note"),
            ActivityKind.CALL: self.tr("Call"),
            ActivityKind.MEETING: self.tr("Meeting"),
        }
        for kind in NOTE_KINDS:
            self.note_kind.addItem(kind_names[kind], kind.value)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setPlaceholderText(self.tr("What happened? (Ctrl+Enter to add)"))
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(52)
        self.add_note_button = QPushButton(self.tr("Add"))
        self.add_note_button.setEnabled(False)
        self.add_note_button.clicked.connect(self.add_note)
        self.note_edit.textChanged.connect(self._note_changed)
        note_row = QHBoxLayout()
        note_row.addWidget(self.note_kind)
        note_row.addStretch(1)
        note_row.addWidget(self.add_note_button)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self.note_edit, self.add_note)
        return note_row

    # -- loading ------------------------------------------------------------------------

    @property
    def contact_id(self) -> str | None:
        """The contact shown or being loaded."""
        return self._wanted

    def load(self, contact_id: str) -> None:
        """Show a contact (re-reading it when it is already shown)."""
        if contact_id != self._wanted:
            self.note_edit.clear()
            self._show_message("")
        self._wanted = contact_id
        self.opt_out_lines.load(contact_id)
        self._request += 1
        request = self._request
        service = self.service
        self.ctx.runner.run(
            lambda: service.details(contact_id),
            on_done=guarded(self, lambda details: self._loaded(request, details)),
            on_error=guarded(self, lambda message, _bug: self._load_failed(request, message)),
        )

    def clear(self) -> None:
        self._wanted = None
        self.details = None
        self._request += 1
        self.opt_out_lines.clear_lines()

    def _loaded(self, request: int, details: ContactDetails) -> None:
        if request != self._request:
            return
        self.details = details
        self._show(details)
        self.sig_loaded.emit(details.id)

    def _load_failed(self, request: int, message: str) -> None:
        if request != self._request:
            return
        self._show_message(message, error=True)

    # -- showing ------------------------------------------------------------------------

    def _show(self, d: ContactDetails) -> None:
        self.name.setText(d.display_name)
        person = f"{d.first_name} {d.last_name}".strip()
        where = ", ".join(part for part in (d.city, d.country) if part)
        self.subtitle.setText(" · ".join(p for p in ((d.company if person else ""), where) if p))
        color = STATUS_COLORS[d.status]
        self.status_chip.setText(labels.status(d.status))
        self.status_chip.setStyleSheet(
            f"color: white; background: {color}; border-radius: 9px; padding: 2px 9px;"
            " font-weight: 600;"
        )
        self.move_menu.clear()
        for status in PIPELINE_ORDER:
            if status is d.status:
                continue
            action = QAction(labels.status(status), self.move_menu)
            action.triggered.connect(
                lambda _checked=False, s=status: self.sig_move_requested.emit(d.id, s.value)
            )
            self.move_menu.addAction(action)
        self._show_fields(d)
        self.merge_link.show_for(d)
        self.prospect_link.setVisible(bool(d.prospect_id))
        if d.prospect_id:
            link = html.escape(self.tr("Open the prospect it came from"))
            self.prospect_link.setText(f"<a href='prospect'>{link}</a>")
        for channel, box in self.opt_outs.items():
            box.setChecked(bool(getattr(d, f"opt_out_{channel.value}")))
        self.timeline.setHtml(self.timeline_html(d.timeline))

    def _show_fields(self, d: ContactDetails) -> None:
        while self.fields.rowCount():
            self.fields.removeRow(0)
        rows: list[tuple[str, str]] = [
            (self.tr("Phone"), self._address(fmt.phone(d.phone, d.phone_e164), d.phone_e164)),
            (
                labels.channel("whatsapp"),
                self._address(fmt.phone(d.whatsapp, d.whatsapp_e164), d.whatsapp_e164),
            ),
            (labels.channel("email"), self._address(d.email, d.email_normalized)),
            (self.tr("Address"), html.escape(d.address)),
            (self.tr("Sector"), html.escape(labels.sector(d.sector, self.ctx.language))),
            (self.tr("Tags"), html.escape(", ".join(d.tags))),
            (self.tr("Website"), html.escape(d.website)),
            (self.tr("Notes"), html.escape(d.notes).replace("\n", "<br>")),
        ]
        muted = f"color: {MUTED_COLOR};"
        for caption, value in rows:
            if not value:
                continue
            label = QLabel(value)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            name = QLabel(caption)
            name.setStyleSheet(muted)
            self.fields.addRow(name, label)
        if not self.fields.rowCount():
            empty = QLabel(self.tr("No phone, e-mail or address yet: use Edit… to add them."))
            empty.setWordWrap(True)
            empty.setStyleSheet(muted)
            self.fields.addRow(empty)

    def _address(self, raw: str, normalized: str | None) -> str:
        if not raw:
            return ""
        if normalized:
            return f"{html.escape(raw)} <span style='color:#1b7f3b'>✓</span>"
        warning = html.escape(self.tr("not valid"))
        return f"{html.escape(raw)} <span style='color:{ERROR_COLOR}'>⚠ {warning}</span>"

    def entry_title(self, entry: TimelineEntry) -> str:
        kind = entry.kind
        if kind == ActivityKind.STATUS_CHANGE.value:
            old = labels.status(entry.old_status) if entry.old_status else "?"
            new = labels.status(entry.new_status) if entry.new_status else "?"
            return self.tr("Moved from {old} to {new}").format(old=old, new=new)
        if kind == ActivityKind.CONVERTED.value and entry.source:
            return self.tr("Converted from prospect ({source})").format(
                source=labels.source(entry.source)
            )
        return {
            ActivityKind.NOTE.value: self.tr("Note"),
            ActivityKind.CALL.value: self.tr("Call"),
            ActivityKind.MEETING.value: self.tr("Meeting"),
            ActivityKind.MESSAGE.value: self.tr("Message"),
            ActivityKind.CREATED.value: self.tr("Contact created"),
            ActivityKind.CONVERTED.value: self.tr("Converted from a prospect"),
            ActivityKind.REPLY.value: self.tr("Reply received"),
        }.get(kind, kind)

    def entry_body(self, entry: TimelineEntry) -> str:
        body = entry.body.strip()
        if entry.kind == ActivityKind.CREATED.value and body == "Contact created":
            return ""
        if entry.kind == ActivityKind.CONVERTED.value:
            # Written by the app in English when it happened; the title says it (and its
            # source) in the user's language.
            return ""
        match = _OPT_OUT_NOTE.match(body)
        if match:
            channel = labels.channel(match.group(2))
            if match.group(1) == "Opted out of":
                return self.tr("Opted out of {channel}").format(channel=channel)
            return self.tr("Opted back in to {channel}").format(channel=channel)
        if merged := _MERGED_NOTE.match(body):
            return self.tr("Merged with {name}").format(name=merged.group(1))
        return body

    def timeline_html(self, entries: tuple[TimelineEntry, ...]) -> str:
        if not entries:
            nothing = self.tr("Nothing yet.")
            return f"<p style='color:{MUTED_COLOR}'>{html.escape(nothing)}</p>"
        parts = []
        for entry in entries:
            color = (
                STATUS_COLORS[PipelineStatus(entry.new_status)]
                if entry.kind == ActivityKind.STATUS_CHANGE.value and entry.new_status
                else MUTED_COLOR
            )
            body = self.entry_body(entry)
            body_html = "<br>" + html.escape(body).replace("\n", "<br>") if body else ""
            parts.append(
                "<table width='100%' cellspacing='0' cellpadding='0' style='margin-bottom:8px'>"
                f"<tr><td width='10' valign='top' style='color:{color}'>●</td><td>"
                f"<b>{html.escape(self.entry_title(entry))}</b>"
                f"&nbsp;&nbsp;<span style='color:{MUTED_COLOR}'>"
                f"{html.escape(fmt.moment(entry.occurred_at))}</span>{body_html}</td></tr></table>"
            )
        return "".join(parts)

    def timeline_text(self) -> str:
        """The timeline as plain text (what a screen reader or a test reads)."""
        return self.timeline.toPlainText()

    def _show_message(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {ERROR_COLOR if error else MUTED_COLOR};")
        self.message.setVisible(bool(text))

    # -- actions ------------------------------------------------------------------------

    def _edit(self) -> None:
        if self.details is not None:
            self.sig_edit_requested.emit(self.details)

    def _open_prospect(self, _link: str = "") -> None:
        if self.details is not None and self.details.prospect_id:
            self.sig_open_prospect.emit(self.details.prospect_id)

    def _note_changed(self) -> None:
        self.add_note_button.setEnabled(
            bool(self.note_edit.toPlainText().strip()) and self._wanted is not None
        )

    def add_note(self) -> None:
        """Log the typed note, call or meeting on the shown contact's timeline."""
        body = self.note_edit.toPlainText().strip()
        contact_id = self._wanted
        if not body or contact_id is None:
            return
        kind = ActivityKind(self.note_kind.currentData())
        self.add_note_button.setEnabled(False)
        service = self.service
        self.ctx.runner.run(
            lambda: service.add_activity(contact_id, body, kind=kind),
            on_done=guarded(self, lambda _activity: self._note_added(contact_id)),
            on_error=guarded(self, self._action_failed),
        )

    def _note_added(self, contact_id: str) -> None:
        if contact_id == self._wanted:
            self.note_edit.clear()
            self._show_message("")
            self.load(contact_id)

    def _set_opt_out(self, channel: Channel, opted_out: bool) -> None:
        contact_id = self._wanted
        if contact_id is None:
            return
        service = self.service
        self.ctx.runner.run(
            lambda: service.set_opt_out(contact_id, channel, opted_out),
            on_error=guarded(self, self._action_failed),
        )

    def _action_failed(self, message: str, _is_bug: bool = False) -> None:
        self._show_message(message, error=True)
        self._note_changed()
        if self._wanted is not None:
            self.load(self._wanted)  # put the checkboxes back to what is stored
        self.sig_failed.emit(message)


def _rule() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.Shape.HLine)
    line.setStyleSheet("color: #e1e4e8;")
    return line
