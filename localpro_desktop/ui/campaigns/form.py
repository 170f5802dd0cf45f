"""The composer's left column: name, channel, recipients, template, subject, attachment,
message and when.

The recipients, the message editor and the schedule are parts of their own (the composer
makes them and reacts to them); this form lays them out under their captions and owns the
two fields that are only a line each: the campaign's name and its channel.

Its words are the composer's (translation context ``CampaignComposer``): they were written
there first, and the French catalogue keeps them under that name.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.ui import labels
from localpro_desktop.ui.campaigns.widgets import channel_icon

CHANNELS = (Channel.WHATSAPP, Channel.EMAIL, Channel.SMS)


class ComposerForm(QWidget):
    """The campaign's fields, one captioned row each; the subject shows for e-mail only."""

    sig_channel_changed = Signal()
    """The user (or ``set_channel``, unless quiet) picked another channel."""

    def __init__(
        self,
        recipients: QWidget,
        subject_edit: QWidget,
        editor: QWidget,
        schedule: QWidget,
        template: QWidget,
        attachment: QWidget,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setVerticalSpacing(8)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._form = form
        self._subject_edit = subject_edit
        self._template = template
        self._attachment = attachment
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(200)
        self.name_edit.setPlaceholderText(
            QCoreApplication.translate("CampaignComposer", "e.g. Tabaski promotion")
        )
        form.addRow(QCoreApplication.translate("CampaignComposer", "Name"), self.name_edit)
        form.addRow(
            QCoreApplication.translate("CampaignComposer", "Channel"), self._build_channels()
        )
        form.addRow(QCoreApplication.translate("CampaignComposer", "Recipients"), recipients)
        form.addRow(QCoreApplication.translate("CampaignComposer", "Template"), template)
        form.addRow(QCoreApplication.translate("CampaignComposer", "Subject"), subject_edit)
        form.addRow(QCoreApplication.translate("CampaignComposer", "Attachment"), attachment)
        form.addRow(QCoreApplication.translate("CampaignComposer", "Message"), editor)
        form.addRow(QCoreApplication.translate("CampaignComposer", "When"), schedule)

    def _build_channels(self) -> QHBoxLayout:
        channel_row = QHBoxLayout()
        channel_row.setSpacing(16)
        self.channel_group = QButtonGroup(self)
        self.channel_buttons: dict[Channel, QRadioButton] = {}
        for number, channel in enumerate(CHANNELS):
            button = QRadioButton(labels.channel(channel))
            button.setIcon(channel_icon(channel))
            self.channel_group.addButton(button, number)
            self.channel_buttons[channel] = button
            channel_row.addWidget(button)
        channel_row.addStretch(1)
        self.channel_buttons[Channel.WHATSAPP].setChecked(True)
        self.channel_group.idToggled.connect(self._channel_toggled)
        return channel_row

    def channel(self) -> Channel:
        return CHANNELS[max(self.channel_group.checkedId(), 0)]

    def set_channel(self, channel: Channel, *, quiet: bool = False) -> None:
        """Tick ``channel``; ``quiet`` when filling the form, so nothing counts as an edit."""
        if quiet:
            with QSignalBlocker(self.channel_group):
                self.channel_buttons[channel].setChecked(True)
        else:
            self.channel_buttons[channel].setChecked(True)

    def show_for(self, channel: Channel) -> None:
        """The rows ``channel`` uses: subject and attachment for e-mail, template for
        WhatsApp."""
        email = channel is Channel.EMAIL
        self._form.setRowVisible(self._subject_edit, email)
        self._form.setRowVisible(self._attachment, email)
        self._form.setRowVisible(self._template, channel is Channel.WHATSAPP)

    @Slot(int, bool)
    def _channel_toggled(self, _id: int, checked: bool) -> None:
        if checked:
            self.sig_channel_changed.emit()
