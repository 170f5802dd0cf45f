"""SMS settings: the provider (Africa's Talking or Twilio), its account and the sender id.

The two providers name their account differently (a username and an API key; an account
SID and an auth token), so the captions follow the provider chosen.
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.services.channel_config import ChannelSettings, SmsSettings
from localpro_desktop.ui.channels.form import ChannelForm, muted
from localpro_desktop.ui.context import UiContext

AFRICASTALKING = "africastalking"
TWILIO = "twilio"


class SmsForm(ChannelForm):
    """Which SMS provider, its account, the sender id and the price per SMS part."""

    channel = Channel.SMS

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.intro.setText(
            self.tr(
                "SMS go out through your account with an SMS provider. The API key or auth "
                "token is kept in this computer's keyring, never in a file."
            )
        )
        self.test_address.setPlaceholderText(self.tr("your own mobile, e.g. +221 77 123 45 67"))

    def title(self) -> str:
        return "SMS"

    def build_fields(self, form: QFormLayout) -> None:
        self.provider = QComboBox()
        self.provider.addItem("Africa's Talking", AFRICASTALKING)
        self.provider.addItem("Twilio", TWILIO)
        self.provider.currentIndexChanged.connect(self._provider_changed)
        self.provider_hint = muted()
        form.addRow(self.tr("Provider"), self.with_hint(self.provider, self.provider_hint))
        self.account = QLineEdit()
        self.account_label = QLabel()
        form.addRow(self.account_label, self.account)
        self.secret_label = QLabel()
        form.addRow(self.secret_label, self.secret_edit)
        self.sender_id = QLineEdit()
        self.sender_id.setMaxLength(20)
        form.addRow(self.tr("Sender ID"), self.sender_id)
        self.parts_hint = muted(
            self.tr(
                "An SMS part holds 160 plain characters (70 with accents such as ê or emoji); "
                "a longer message is billed as several parts."
            )
        )
        form.addRow(
            self.tr("Price per SMS part"),
            self.with_hint(self.price_row(self.tr("{currency} per SMS part")), self.parts_hint),
        )
        self.watch(self.provider, self.account, self.sender_id)
        self._provider_changed()

    def twilio(self) -> bool:
        return bool(self.provider.currentData() == TWILIO)

    @Slot()
    def _provider_changed(self, *_args: object) -> None:
        if self.twilio():
            self.account_label.setText(self.tr("Account SID"))
            self.account.setPlaceholderText(self.tr("starts with AC…"))
            self.secret_label.setText(self.tr("Auth token"))
            self.sender_id.setPlaceholderText(self.tr("a Twilio number (+1…) or a name"))
            self.provider_hint.setText(
                self.tr("In the Twilio Console: Account Info shows the Account SID and token.")
            )
        else:
            self.account_label.setText(self.tr("Username"))
            self.account.setPlaceholderText(self.tr("your Africa's Talking app's username"))
            self.secret_label.setText(self.tr("API key"))
            self.sender_id.setPlaceholderText(self.tr("e.g. AISSATA (approved by the provider)"))
            self.provider_hint.setText(
                self.tr(
                    "In your Africa's Talking account: the app's username, and an API key "
                    "from Settings → API Key."
                )
            )
        self.account_label.setBuddy(self.account)
        self.secret_label.setBuddy(self.secret_edit)
        self.secret_edit.setPlaceholderText(self.secret_placeholder())

    def fill(self, settings: ChannelSettings | None) -> None:
        sms = settings if isinstance(settings, SmsSettings) else None
        provider = sms.provider if sms is not None else AFRICASTALKING
        self.provider.setCurrentIndex(max(self.provider.findData(provider), 0))
        if sms is None:
            self.account.clear()
            self.sender_id.clear()
        else:
            self.account.setText(sms.account_sid if self.twilio() else sms.username)
            self.sender_id.setText(sms.sender_id)
        self._provider_changed()

    def read(self) -> SmsSettings:
        twilio = self.twilio()
        account = self.required(
            self.account,
            self.tr("Enter the Account SID.") if twilio else self.tr("Enter the username."),
        )
        return self.keep_hidden(
            SmsSettings(
                provider=TWILIO if twilio else AFRICASTALKING,
                username="" if twilio else account,
                account_sid=account if twilio else "",
                sender_id=self.sender_id.text().strip(),
                price=self.read_price(),
            ),
            ("provider", "username", "account_sid", "sender_id", "price"),
        )

    def missing_secret(self) -> str:
        return self.tr("Enter the auth token.") if self.twilio() else self.tr("Enter the API key.")

    def test_address_missing(self) -> str:
        return self.tr("Type the mobile number the test should go to.")
