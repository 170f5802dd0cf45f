"""What in the composer follows the channel: which rows show, WhatsApp's template standing
in for the text, e-mail's attachment, and whether a service can send (with the way to
set one up).

The composer owns the widgets; this keeps their channel rules in one place. Reading which
channels can send, and the Channels settings window opened from the notice, go through
the task runner and a dialog; ``sig_set_up_read`` says when the answer is in.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QWidget

from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.services.campaign_content import MessageOptions, options_of
from localpro_desktop.services.campaigns import CampaignService
from localpro_desktop.services.channel_setup import set_up_channels
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.ui.campaigns.attachment_picker import AttachmentPicker
from localpro_desktop.ui.campaigns.channel_notice import ChannelNotice
from localpro_desktop.ui.campaigns.form import ComposerForm
from localpro_desktop.ui.campaigns.message_editor import MessageEditor
from localpro_desktop.ui.campaigns.preview import MessagePreview
from localpro_desktop.ui.campaigns.template_picker import TemplatePicker
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.tasks import guarded


def saved_options(ws: Workspace, campaign_id: str) -> MessageOptions:
    """The saved campaign's WhatsApp template and e-mail attachment (on the worker)."""
    return options_of(CampaignService(ws).get(campaign_id))


class ChannelParts(QObject):
    """The channel rules over the composer's form, editor, preview, pickers and notice."""

    sig_set_up_read = Signal()
    """Which channels can send was read again (the notice and Send follow it)."""

    def __init__(
        self,
        ctx: UiContext,
        form: ComposerForm,
        editor: MessageEditor,
        preview: MessagePreview,
        template_picker: TemplatePicker,
        attachment: AttachmentPicker,
        notice: ChannelNotice,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.owner = parent
        self.form = form
        self.editor = editor
        self.preview = preview
        self.template_picker = template_picker
        self.attachment = attachment
        self.notice = notice
        self.channels_dialog: QWidget | None = None
        notice.sig_set_up.connect(self.set_up)

    def show(self, channel: Channel) -> None:
        """The rows, the editor, the preview bubble and the notice for ``channel``."""
        self.form.show_for(channel)
        self.editor.set_channel(channel)
        self.preview.set_channel(channel)
        self.notice.show_for(channel)
        self.show_template(channel)
        if channel is Channel.WHATSAPP and self.notice.ready(channel):
            self.template_picker.load()

    def show_template(self, channel: Channel) -> None:
        """A chosen WhatsApp template stands in for the text (shown read-only)."""
        picker = self.template_picker
        if channel is Channel.WHATSAPP and picker.uses_template():
            self.editor.use_template(picker.message_text())
        else:
            self.editor.use_template(None)

    def options(self, channel: Channel) -> MessageOptions:
        """What the draft keeps of the template (WhatsApp) and the attachment (e-mail)."""
        name, language, variables = (
            self.template_picker.selection() if channel is Channel.WHATSAPP else ("", "", [])
        )
        attachment = self.attachment.path() if channel is Channel.EMAIL else ""
        return MessageOptions(name, language, tuple(variables), attachment)

    def show_saved(self, options: MessageOptions) -> None:
        self.template_picker.set_selection(
            options.template_name, options.template_language, options.template_vars
        )
        self.attachment.set_path(options.attachment_path)

    def reset(self) -> None:
        self.template_picker.reset()
        self.attachment.set_path("")

    # == setting a channel up ===============================================================

    @Slot(object)
    def set_up(self, channel: Channel) -> None:
        """Open the Channels settings on ``channel``; read what can send when it closes."""
        from localpro_desktop.ui.channels.dialog import ChannelsDialog

        dialog = ChannelsDialog(self.ctx, channel, self.owner)
        dialog.finished.connect(self.reread)
        dialog.finished.connect(dialog.deleteLater)
        self.channels_dialog = dialog
        dialog.open()

    @Slot()
    def reread(self, *_args: object) -> None:
        """Which channels can send (after a refusal, or the Channels settings closed)."""
        ws = self.ctx.ws

        def read(set_up: frozenset[Channel]) -> None:
            self.notice.set_up = set_up
            self.sig_set_up_read.emit()

        self.ctx.runner.run(lambda: set_up_channels(ws), on_done=guarded(self.owner, read))
