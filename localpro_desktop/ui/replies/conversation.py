"""The side of the Replies tab: the message selected, who sent it, and the answer box.

The message shows at once from the list's row; who the person is (their opt-outs, what
each channel allows, WhatsApp's window) is read on the database worker
(``services.inbound.answer.answer_context``) and handed to the answer box.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from localpro_desktop.domain.opt_outs import KeywordAction
from localpro_desktop.services.inbound.answer import AnswerContext, answer_context
from localpro_desktop.services.inbound.replies import Reply
from localpro_desktop.ui import formatting as fmt
from localpro_desktop.ui import labels
from localpro_desktop.ui.campaigns.widgets import BUBBLE_TEXT, PREVIEW_BUBBLES
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.crm.opt_out_lines import OptOutLines
from localpro_desktop.ui.replies.answer import AnswerBox
from localpro_desktop.ui.replies.model import badge_of, sender_text, shown_address
from localpro_desktop.ui.style import ERROR_COLOR, MUTED_COLOR
from localpro_desktop.ui.tasks import guarded

SIDE_WIDTH = 400
"""The side's usual width: the answer box and a message of a few lines, at 1366×768."""


class ReplySide(QScrollArea):
    """One reply and its answer; scrolls rather than squeezes on a small screen."""

    sig_open_contact = Signal(str)
    """"Open contact" clicked: the contact's id."""
    sig_context_shown = Signal(str)
    """What answering a reply allows (its id) is read and shown."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.reply: Reply | None = None
        self.context: AnswerContext | None = None
        self._request = 0
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(340)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(12, 4, 8, 4)
        layout.setSpacing(6)
        top = QHBoxLayout()
        self.name = QLabel()
        self.name.setWordWrap(True)
        self.name.setTextFormat(Qt.TextFormat.PlainText)
        self.name.setStyleSheet("font-size: 15px; font-weight: 600;")
        top.addWidget(self.name, 1)
        self.open_link = QLabel()
        self.open_link.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        link = html.escape(self.tr("Open contact"))
        self.open_link.setText(f"<a href='contact'>{link}</a>")
        self.open_link.setToolTip(self.tr("Show this contact in the CRM"))
        self.open_link.linkActivated.connect(self._open_contact)
        top.addWidget(self.open_link, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        self.meta = self._muted_label()
        layout.addWidget(self.meta)
        self.campaign = self._muted_label()
        layout.addWidget(self.campaign)
        self.bubble = QLabel()
        self.bubble.setWordWrap(True)
        self.bubble.setTextFormat(Qt.TextFormat.PlainText)
        self.bubble.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.bubble.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        layout.addWidget(self.bubble)
        self.keyword = QLabel()
        self.keyword.setWordWrap(True)
        self.keyword.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.keyword)
        self.opt_out_lines = OptOutLines()
        layout.addWidget(self.opt_out_lines)
        rule = QFrame()
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setStyleSheet("color: #e1e4e8;")
        layout.addWidget(rule)
        self.answer = AnswerBox(ctx)
        layout.addWidget(self.answer, 1)
        self.setWidget(inner)
        self.show_reply(None)

    @staticmethod
    def _muted_label() -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setStyleSheet(f"color: {MUTED_COLOR};")
        return label

    # -- showing ------------------------------------------------------------------------

    def show_reply(self, reply: Reply | None) -> None:
        """Show ``reply`` (None: nothing selected) and read what answering it allows."""
        same = reply is not None and self.reply is not None and reply.id == self.reply.id
        self.reply = reply
        if not same:
            self.context = None
        self._show_message(reply)
        self.answer.set_context(reply, self.context)
        if reply is not None:
            self._load_context(reply)

    def _show_message(self, reply: Reply | None) -> None:
        for widget in (self.name, self.meta, self.campaign, self.bubble, self.keyword):
            widget.setVisible(reply is not None)
        self.open_link.setVisible(reply is not None and bool(reply.contact_id))
        if reply is None:
            self.opt_out_lines.show_views(())
            return
        self.name.setText(sender_text(reply))
        address = shown_address(reply.address)
        if _digits(address) and _digits(address) == _digits(sender_text(reply)):
            address = ""  # a new contact named by its number: said once
        parts = [labels.channel(reply.channel), address, fmt.moment(reply.at)]
        self.meta.setText(" · ".join(p for p in parts if p))
        self.campaign.setVisible(bool(reply.campaign_name))
        self.campaign.setText(
            self.tr("Answers the campaign “{name}”").format(name=reply.campaign_name)
        )
        background = PREVIEW_BUBBLES[reply.channel]
        self.bubble.setStyleSheet(
            f"background: {background}; color: {BUBBLE_TEXT}; border: 1px solid #d5d9df;"
            " border-radius: 8px; padding: 8px 10px;"
        )
        self.bubble.setText(reply.text)
        badge = badge_of(reply)
        self.keyword.setVisible(badge is not None)
        if badge is KeywordAction.OPT_OUT:
            self.keyword.setStyleSheet(f"color: {ERROR_COLOR};")
            self.keyword.setText(
                self.tr(
                    "A stop word: {channel} campaigns leave this contact out from now on."
                ).format(channel=labels.channel(reply.channel))
            )
        elif badge is KeywordAction.OPT_IN:
            self.keyword.setStyleSheet("color: #1b7f3b;")
            self.keyword.setText(self.tr("A start word: SMS campaigns reach this contact again."))

    def _load_context(self, reply: Reply) -> None:
        self._request += 1
        request = self._request
        ws, reply_id = self.ctx.ws, reply.id
        self.ctx.runner.run(
            lambda: answer_context(ws, reply_id),
            on_done=guarded(self, lambda context: self._context_loaded(request, context)),
            on_error=guarded(self, lambda message, _bug: self._context_failed(request, message)),
        )

    def _context_loaded(self, request: int, context: AnswerContext) -> None:
        if request != self._request or self.reply is None:
            return
        self.context = context
        self.open_link.setVisible(bool(context.contact_id))
        if context.contact_name:
            self.name.setText(context.contact_name)
        self.opt_out_lines.show_views(context.opt_outs)
        self.answer.set_context(self.reply, context)
        self.sig_context_shown.emit(context.reply_id)

    def _context_failed(self, request: int, message: str) -> None:
        if request != self._request:
            return
        self.answer.state.setText(message)
        self.answer.state.setStyleSheet(f"color: {ERROR_COLOR};")
        self.answer.state.show()

    def _open_contact(self, _link: str = "") -> None:
        contact_id = (self.context.contact_id if self.context else None) or (
            self.reply.contact_id if self.reply else None
        )
        if contact_id:
            self.sig_open_contact.emit(contact_id)


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())[-9:]
