"""WhatsApp settings: the WhatsApp Business Cloud API number, account and access token."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLineEdit, QVBoxLayout, QWidget

from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.services.channel_config import ChannelSettings, WhatsAppSettings
from localpro_desktop.ui.channels.form import ChannelForm, muted
from localpro_desktop.ui.context import UiContext


class WhatsAppForm(ChannelForm):
    """The phone number id, the business account id, the token and the price per message."""

    channel = Channel.WHATSAPP

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.intro.setText(
            self.tr(
                "WhatsApp campaigns go out through Meta's WhatsApp Business Cloud API. The "
                "access token is kept in this computer's keyring, never in a file."
            )
        )
        self.test_address.setPlaceholderText(self.tr("your own WhatsApp number, e.g. +221 77…"))

    def title(self) -> str:
        return "WhatsApp"

    def build_fields(self, form: QFormLayout) -> None:
        self.where = muted(
            self.tr(
                "In Meta's WhatsApp Manager, “API setup” shows both ids. Use a permanent "
                "access token (a system user's), not the 24-hour test token."
            )
        )
        self.phone_number_id = QLineEdit()
        self.phone_number_id.setPlaceholderText(self.tr("e.g. 106540352242922"))
        form.addRow(self.tr("Phone number ID"), self.phone_number_id)
        self.business_account_id = QLineEdit()
        self.business_account_id.setPlaceholderText(self.tr("e.g. 102290129340398"))
        form.addRow(self.tr("Business account ID"), self.business_account_id)
        form.addRow(self.tr("Access token"), self.secret_edit)
        rule = muted(
            self.tr(
                "The first message to a person must be a template Meta approved; you choose "
                "it in the campaign. Free text is allowed only within 24 hours after the "
                "person wrote to you."
            )
        )
        form.addRow(
            self.tr("Price per message"),
            self.with_hint(self.price_row(self.tr("{currency} per message")), rule),
        )
        self.watch(self.phone_number_id, self.business_account_id)

    def add_below(self, layout: QVBoxLayout) -> None:
        layout.insertWidget(layout.indexOf(self.intro) + 1, self.where)

    def fill(self, settings: ChannelSettings | None) -> None:
        whatsapp = settings if isinstance(settings, WhatsAppSettings) else None
        self.phone_number_id.setText(whatsapp.phone_number_id if whatsapp else "")
        self.business_account_id.setText(whatsapp.business_account_id if whatsapp else "")

    def read(self) -> WhatsAppSettings:
        phone_id = self.required(self.phone_number_id, self.tr("Enter the phone number ID."))
        account_id = self.required(
            self.business_account_id, self.tr("Enter the business account ID.")
        )
        return self.keep_hidden(
            WhatsAppSettings(
                phone_number_id=phone_id,
                business_account_id=account_id,
                price=self.read_price(),
            ),
            ("phone_number_id", "business_account_id", "price"),
        )

    def missing_secret(self) -> str:
        return self.tr("Enter the access token.")

    def test_address_missing(self) -> str:
        return self.tr("Type the WhatsApp number the test should go to.")
