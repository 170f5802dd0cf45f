"""The composer's notice that a channel has no service to send with yet.

Said as soon as the channel is chosen, before Send, with what the channel needs, and a
button that opens the Channels settings on that channel (``sig_set_up``).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.services.channel_setup import not_set_up_message
from localpro_desktop.ui.i18n import translate_message
from localpro_desktop.ui.widgets import MessageBar, Tone


class ChannelNotice(MessageBar):
    """A warning bar shown while the chosen channel cannot send; it cannot be closed."""

    sig_set_up = Signal(object)
    """The user wants to set up this channel (``Channel``) now."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # It states a fact of the workspace; closing it would not change the fact.
        self.close_button.hide()
        self.set_up: frozenset[Channel] | None = None
        """Channels a service can send on (None until read)."""
        self._channel = Channel.WHATSAPP

    def ready(self, channel: Channel) -> bool | None:
        """A service can send on ``channel``; None while that is being read."""
        return None if self.set_up is None else channel in self.set_up

    def problem(self, channel: Channel, *, refused: bool = False) -> str:
        """Why nothing can be sent on ``channel``, what it needs and where; or ""."""
        if self.ready(channel) is not False:
            return ""
        return translate_message(not_set_up_message(channel, refused=refused))

    def show_for(self, channel: Channel) -> None:
        problem = self.problem(channel)
        if not problem:
            self.dismiss()
            return
        self._channel = channel
        meanwhile = self.tr(
            "Meanwhile, “Save draft” keeps the campaign: nothing is sent or counted."
        )
        self.show_message(
            f"{problem} {meanwhile}",
            Tone.WARNING,
            action=self.set_up_text(channel),
            on_action=lambda: self.sig_set_up.emit(self._channel),
        )

    def set_up_text(self, channel: Channel) -> str:
        return {
            Channel.EMAIL: self.tr("Set up e-mail…"),
            Channel.SMS: self.tr("Set up SMS…"),
            Channel.WHATSAPP: self.tr("Set up WhatsApp…"),
        }[channel]
