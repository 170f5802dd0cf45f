"""The composer's notice that a channel has no service to send with (none can, yet).

Said as soon as the channel is chosen, before Send, with what the channel needs and where
it will be set up: the notice is text, never a button to a screen that does not exist.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.services.channel_setup import not_set_up_message
from localpro_desktop.ui.i18n import translate_message
from localpro_desktop.ui.widgets import MessageBar, Tone


class ChannelNotice(MessageBar):
    """A warning bar shown while the chosen channel cannot send; it cannot be closed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # It states a fact of the workspace; closing it would not change the fact.
        self.close_button.hide()
        self.set_up: frozenset[Channel] | None = None
        """Channels a service can send on (None until read); none before the outbox."""

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
        meanwhile = self.tr(
            "Meanwhile, “Save draft” keeps the campaign: nothing is sent or counted."
        )
        self.show_message(f"{problem} {meanwhile}", Tone.WARNING)
