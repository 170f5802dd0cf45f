"""Answering a reply: the channel, what it allows for this person, the text, Send.

WhatsApp takes free text while its 24-hour window is open (the person wrote less than a
day ago); outside it the box says so and offers the account's approved templates
(``campaigns/template_picker.py``). SMS takes text (counted in parts), e-mail a subject
and a body. Send runs ``services.inbound.answer.answer`` on the database worker: a
one-recipient campaign through the outbox, so opt-outs, the plan and the dispatcher apply.
What the context already says cannot go (opted out, no address, no service set up) is
said before the user writes, and Send stays off.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from localpro_desktop.domain.campaigns import Channel, SkipReason
from localpro_desktop.domain.sms import sms_length
from localpro_desktop.services.campaign_content import MessageOptions
from localpro_desktop.services.inbound.answer import AnswerContext, answer
from localpro_desktop.services.inbound.replies import Reply
from localpro_desktop.ui import formatting as fmt
from localpro_desktop.ui import labels
from localpro_desktop.ui.campaigns.template_picker import TemplatePicker
from localpro_desktop.ui.campaigns.widgets import channel_icon
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.replies.model import sender_text, shown_address
from localpro_desktop.ui.style import ERROR_COLOR, MUTED_COLOR
from localpro_desktop.ui.tasks import guarded
from localpro_desktop.ui.widgets import WARN_COLOR

ANSWER_ORDER = (Channel.WHATSAPP, Channel.SMS, Channel.EMAIL)


class AnswerBox(QWidget):
    sig_answered = Signal(str)
    """The answer is queued: the id of the one-recipient campaign it made."""
    sig_failed = Signal(str)
    """Sending was refused or failed; the message is for the user."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.reply: Reply | None = None
        self.context: AnswerContext | None = None
        self.sending = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        top = QHBoxLayout()
        title = QLabel(self.tr("Answer"))
        title.setStyleSheet("font-weight: 600;")
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("on")))
        self.channel_combo = QComboBox()
        for channel in ANSWER_ORDER:
            self.channel_combo.addItem(channel_icon(channel), labels.channel(channel), channel)
        self.channel_combo.currentIndexChanged.connect(self._channel_changed)
        top.addWidget(self.channel_combo)
        layout.addLayout(top)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.state)
        self.subject_edit = QLineEdit()
        self.subject_edit.setPlaceholderText(self.tr("Subject"))
        self.subject_edit.textChanged.connect(self._update_send)
        layout.addWidget(self.subject_edit)
        self.body_edit = QPlainTextEdit()
        self.body_edit.setPlaceholderText(self.tr("Write your answer…"))
        self.body_edit.setTabChangesFocus(True)
        self.body_edit.setMinimumHeight(90)
        self.body_edit.setMaximumHeight(260)
        self.body_edit.textChanged.connect(self._update_send)
        # The editor takes the room; without it (a template, a refusal) the rest stays on top.
        layout.addWidget(self.body_edit, 100)
        self.picker = AnswerTemplatePicker(ctx, self._field_names())
        self.picker.sig_changed.connect(self._update_send)
        self.picker.sig_loaded.connect(self._update_send)
        layout.addWidget(self.picker)
        bottom = QHBoxLayout()
        self.counter = QLabel()
        self.counter.setStyleSheet(f"color: {MUTED_COLOR};")
        bottom.addWidget(self.counter)
        bottom.addStretch(1)
        self.send_button = QPushButton(self.tr("Send answer"))
        self.send_button.setMinimumHeight(30)
        self.send_button.setDefault(True)
        self.send_button.clicked.connect(self.send)
        bottom.addWidget(self.send_button)
        layout.addLayout(bottom)
        layout.addStretch(1)
        self.set_context(None, None)

    def _field_names(self) -> dict[str, str]:
        return {
            "first_name": self.tr("First name"),
            "last_name": self.tr("Last name"),
            "full_name": self.tr("Full name"),
            "company": self.tr("Company"),
            "city": self.tr("City"),
            "sector": self.tr("Sector"),
            "phone": self.tr("Phone"),
            "email": self.tr("E-mail"),
        }

    # -- what the reply allows -----------------------------------------------------------

    def set_context(self, reply: Reply | None, context: AnswerContext | None) -> None:
        """Show what answering ``reply`` allows (``context`` None: still being read).

        The text typed stays while the same reply is shown again (a refresh); another
        reply starts a new answer on the channel it came on.
        """
        another = reply is None or self.reply is None or reply.id != self.reply.id
        self.reply = reply
        self.context = context
        if another:
            self.body_edit.clear()
            self.subject_edit.clear()
            self.picker.reset()
            if reply is not None:
                self._choose(reply.channel)
        self._show_state()

    def channel(self) -> Channel:
        data = self.channel_combo.currentData()
        return Channel(data) if data else Channel.SMS

    def _choose(self, channel: Channel) -> None:
        with QSignalBlocker(self.channel_combo):
            self.channel_combo.setCurrentIndex(max(self.channel_combo.findData(channel), 0))

    @Slot(int)
    def _channel_changed(self, _index: int) -> None:
        self._show_state()

    def window_closed(self) -> bool:
        """WhatsApp chosen and the person has not written in the last 24 hours."""
        context = self.context
        return (
            self.channel() is Channel.WHATSAPP
            and context is not None
            and context.whatsapp_window_until is None
        )

    def _show_state(self) -> None:
        channel = self.channel()
        text, color, writable = self._state_text()
        self.state.setText(text)
        self.state.setStyleSheet(f"color: {color};")
        self.state.setVisible(bool(text))
        templated = writable and self.window_closed()
        self.subject_edit.setVisible(channel is Channel.EMAIL and writable)
        self.body_edit.setVisible(writable and not templated)
        self.picker.setVisible(templated)
        if templated:
            self.picker.load()
        self.channel_combo.setEnabled(self.context is not None and bool(self.context.contact_id))
        self._update_send()

    def _state_text(self) -> tuple[str, str, bool]:
        """What to tell the user about this channel, its colour, and whether to write."""
        context = self.context
        if self.reply is None:
            return "", MUTED_COLOR, False
        if context is None:
            return self.tr("Reading the contact…"), MUTED_COLOR, False
        if context.contact_id is None:
            return (
                self.tr(
                    "This message is not linked to a contact yet: it is matched after the "
                    "next sync."
                ),
                MUTED_COLOR,
                False,
            )
        channel = self.channel()
        choice = context.choices.get(channel)
        name = context.contact_name or sender_text(self.reply)
        shown = labels.channel(channel)
        if choice is None:
            return self._refusal(SkipReason.NO_ADDRESS, name, shown), ERROR_COLOR, False
        if choice.refusal is not None:
            return self._refusal(choice.refusal, name, shown), ERROR_COLOR, False
        if not choice.set_up:
            text = self.tr(
                "No {channel} service is set up on this computer yet: set one up under "
                "File → Workspace settings → Channels."
            )
            return text.format(channel=shown), WARN_COLOR, False
        if channel is Channel.WHATSAPP:
            if context.whatsapp_window_until is not None:
                text = self.tr(
                    "WhatsApp's 24-hour window is open until {time}: you can write freely."
                )
                until = fmt.moment(context.whatsapp_window_until)
                return text.format(time=until), MUTED_COLOR, True
            return self._closed_text(name), WARN_COLOR, True
        text = self.tr("To {address}").format(address=shown_address(choice.address or ""))
        return text, MUTED_COLOR, True

    def _closed_text(self, name: str) -> str:
        last = self.context.whatsapp_last_at if self.context is not None else None
        if last is None:
            text = self.tr(
                "Outside WhatsApp's 24-hour window only an approved template can be sent: "
                "{name} has not written on WhatsApp."
            )
            return text.format(name=name)
        text = self.tr(
            "Outside WhatsApp's 24-hour window only an approved template can be sent: "
            "{name} last wrote on WhatsApp on {when}."
        )
        return text.format(name=name, when=fmt.moment(last))

    def _refusal(self, reason: SkipReason, name: str, channel: str) -> str:
        if reason is SkipReason.OPTED_OUT:
            text = self.tr("{name} opted out of {channel}: answer on another channel.")
        elif reason is SkipReason.NOT_ON_WHATSAPP:
            text = self.tr("{name} is not on WhatsApp: answer by SMS instead.")
        else:
            text = self.tr(
                "{name} has no {channel} address: add one with Edit… in the CRM, or answer "
                "on another channel."
            )
        return text.format(name=name, channel=channel)

    @Slot()
    def _update_send(self) -> None:
        channel = self.channel()
        writable = self.body_edit.isVisibleTo(self) or self.picker.isVisibleTo(self)
        if self.picker.isVisibleTo(self):
            ready = self.picker.uses_template()
        else:
            ready = bool(self.body_edit.toPlainText().strip())
            if channel is Channel.EMAIL:
                ready = ready and bool(self.subject_edit.text().strip())
        self.send_button.setEnabled(writable and ready and not self.sending)
        body = self.body_edit.toPlainText()
        show_count = channel is Channel.SMS and writable and bool(body)
        self.counter.setVisible(show_count)
        if show_count:
            length = sms_length(body)
            self.counter.setText(
                self.tr("{segments} SMS · {units} characters").format(
                    segments=fmt.number(length.segments), units=fmt.number(length.units)
                )
            )

    # -- sending ----------------------------------------------------------------------

    @Slot()
    def send(self) -> None:
        reply, context = self.reply, self.context
        if reply is None or context is None or not self.send_button.isEnabled():
            return
        channel = self.channel()
        name = context.contact_name or sender_text(reply)
        campaign_name = self.tr("Answer to {name}").format(name=name)
        template: MessageOptions | None = None
        if self.picker.isVisibleTo(self):
            template_name, language, variables = self.picker.selection()
            template = MessageOptions(template_name, language, tuple(variables))
            text = self.picker.message_text() or template_name
        else:
            text = self.body_edit.toPlainText()
        subject = self.subject_edit.text() if channel is Channel.EMAIL else ""
        ws, reply_id = self.ctx.ws, reply.id
        self.sending = True
        self._update_send()
        self.ctx.runner.run(
            lambda: answer(
                ws,
                reply_id,
                text,
                subject,
                name=campaign_name,
                channel=channel,
                template=template,
            ),
            on_done=guarded(self, lambda campaign_id: self._sent(reply_id, campaign_id)),
            on_error=guarded(self, self._failed),
        )

    def _sent(self, reply_id: str, campaign_id: str) -> None:
        self.sending = False
        if self.reply is not None and self.reply.id == reply_id:
            self.body_edit.clear()
            self.subject_edit.clear()
            self.picker.reset()
        self._update_send()
        self.sig_answered.emit(campaign_id)

    def _failed(self, message: str, _is_bug: bool) -> None:
        self.sending = False
        self._update_send()
        self.sig_failed.emit(message)


class AnswerTemplatePicker(TemplatePicker):
    """The campaigns' template picker, where "no template" is not an option."""

    def _fill_combo(self, wanted: tuple[str, str, dict[str, str]] | None = None) -> None:
        super()._fill_combo(wanted)
        self.combo.setItemText(0, self.tr("Choose an approved template…"))
