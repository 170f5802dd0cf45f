"""The composer's page: its parts, laid out, and what they hold (the draft as typed).

``CampaignComposer`` (``composer.py``) is this page with what happens on it: opening a
campaign, following the edits, Save, Send and leaving. Here are the parts, where they sit
(the form and the preview side by side, the notice and the buttons below), the state the
composer keeps, and the reading of it all: the channel, the recipients, the draft, the
counted audience and whether work is under way.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.services.campaign_drafts import AudienceView, CampaignDraft, RecipientSource
from localpro_desktop.ui.campaigns.attachment_picker import AttachmentPicker
from localpro_desktop.ui.campaigns.audience import AudiencePicker
from localpro_desktop.ui.campaigns.channel_notice import ChannelNotice
from localpro_desktop.ui.campaigns.channel_parts import ChannelParts
from localpro_desktop.ui.campaigns.composer_bars import ComposerFooter, ComposerHeader
from localpro_desktop.ui.campaigns.form import ComposerForm
from localpro_desktop.ui.campaigns.message_editor import MessageEditor
from localpro_desktop.ui.campaigns.preview import MessagePreview
from localpro_desktop.ui.campaigns.schedule import ScheduleField
from localpro_desktop.ui.campaigns.send_flow import SendFlow
from localpro_desktop.ui.campaigns.template_picker import TemplatePicker
from localpro_desktop.ui.context import UiContext


class ComposerPage(QWidget):
    """The composer's parts and layout; ``CampaignComposer`` connects them and acts."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.campaign_id: str | None = None
        self._load_generation = 0
        self._loading = False
        self._busy = False
        self._dirty = False
        self._template_error = ""
        self.recipients = AudiencePicker(ctx)
        self.editor = MessageEditor()
        self.schedule = ScheduleField()
        self.preview = MessagePreview(self.editor.field_names())
        self.template_picker = TemplatePicker(ctx, self.editor.field_names())
        self.attachment = AttachmentPicker(ctx)
        self.form = ComposerForm(
            self.recipients,
            self.editor.subject_edit,
            self.editor,
            self.schedule,
            self.template_picker,
            self.attachment,
        )
        self.flow = SendFlow(ctx, self)
        # The parts' widgets under the names the tab and the tests use.
        self.source_combo = self.recipients.source_combo
        self.audience_label = self.recipients.audience_label
        self.subject_edit = self.editor.subject_edit
        self.name_edit = self.form.name_edit
        self.body_edit = self.editor.body_edit
        self.schedule_check = self.schedule.check
        self.schedule_edit = self.schedule.edit
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(8)
        self.header = ComposerHeader()
        self.back_button, self.heading = self.header.back_button, self.header.heading
        layout.addWidget(self.header)
        columns = QHBoxLayout()
        columns.setSpacing(16)
        columns.addWidget(self.form, 3)
        columns.addWidget(self.preview, 2)
        layout.addLayout(columns, 1)
        # Said before Send is pressed: nothing can go out on a channel with no service.
        self.channel_notice = ChannelNotice()
        layout.addWidget(self.channel_notice)
        self.parts = ChannelParts(
            ctx,
            self.form,
            self.editor,
            self.preview,
            self.template_picker,
            self.attachment,
            self.channel_notice,
            self,
        )
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout.addWidget(line)
        self.footer = ComposerFooter()
        self.status_label = self.footer.status_label
        self.cancel_button = self.footer.cancel_button
        self.save_button = self.footer.save_button
        self.send_button = self.footer.send_button
        layout.addWidget(self.footer)

    # == reading the form ===============================================================

    def channel(self) -> Channel:
        return self.form.channel()

    def set_channel(self, channel: Channel) -> None:
        self.form.set_channel(channel)

    def source(self) -> RecipientSource:
        return self.recipients.source()

    def select_segment(self, segment_id: str) -> bool:
        return self.recipients.select_segment(segment_id)

    def draft(self) -> CampaignDraft:
        channel = self.channel()
        options = self.parts.options(channel)
        return CampaignDraft(
            campaign_id=self.campaign_id,
            name=self.name_edit.text().strip(),
            channel=channel,
            subject=self.editor.subject(),
            body=self.editor.body(),
            source=self.source(),
            schedule_at=self.schedule.moment(),
            template_name=options.template_name,
            template_language=options.template_language,
            template_vars=options.template_vars,
            attachment_path=options.attachment_path,
        )

    @property
    def audience(self) -> AudienceView | None:
        """The counted audience for the current choice; None while counting."""
        return self.recipients.audience

    def select_preview_contact(self, contact_id: str) -> bool:
        return self.preview.select(contact_id)

    def template_error(self) -> str:
        """The message's template error ("" when it renders)."""
        return self._template_error

    def is_busy(self) -> bool:
        """Loading, counting, saving or sending: tests wait until this is false."""
        return self._loading or self._busy or (self.audience is None and self.source().chosen)
