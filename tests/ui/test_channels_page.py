"""The Channels page of the settings, on real widgets against real servers.

E-mail is set up against an SMTP server on 127.0.0.1 (aiosmtpd, with a login), tested and
sent a real test message; WhatsApp against the Cloud API stand-in
(``tests/channels/whatsapp_standin.py``, reached through ``LOCALPRO_WHATSAPP_URL``). The
keyring is a file under tmp_path (keyrings.alt), never the real one; the remembered test
address goes to an INI file of the test's own.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from localpro_desktop.channels.whatsapp import URL_ENV as WHATSAPP_URL_ENV
from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.services import channel_config
from localpro_desktop.services.channel_config import EmailSettings, SmsSettings
from localpro_desktop.ui.channels import form as form_module
from localpro_desktop.ui.channels.dialog import ChannelsDialog
from localpro_desktop.ui.channels.email_form import EmailForm
from localpro_desktop.ui.channels.page import ChannelsPage
from localpro_desktop.ui.channels.sms_form import SmsForm
from localpro_desktop.ui.channels.whatsapp_form import WhatsAppForm
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.settings_dialog import SettingsDialog
from tests.channels.whatsapp_standin import PHONE_NUMBER_ID, TOKEN, WABA_ID
from tests.ui.channel_helpers import (
    SMTP_PASSWORD,
    TEMPLATES,
    Mailbox,
    WhatsAppStandIn,
    file_keyring,
    smtp_server,
)

SENDER = "boutique@aissata-couture.sn"


@pytest.fixture(autouse=True)
def keyring_file(tmp_path: Path) -> Iterator[object]:
    with file_keyring(tmp_path) as backend:
        yield backend


@pytest.fixture(autouse=True)
def own_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> QSettings:
    settings = QSettings(str(tmp_path / "user.ini"), QSettings.Format.IniFormat)
    monkeypatch.setattr(form_module, "user_settings", lambda: settings)
    return settings


@pytest.fixture
def smtp() -> Iterator[tuple[Mailbox, int]]:
    with smtp_server() as running:
        yield running


@pytest.fixture
def page(qtbot, ui_ctx: UiContext) -> Iterator[ChannelsPage]:  # type: ignore[no-untyped-def]
    widget = ChannelsPage(ui_ctx)
    qtbot.addWidget(widget)
    widget.resize(900, 560)
    widget.show()
    qtbot.waitUntil(lambda: not widget.is_busy())
    yield widget
    ui_ctx.runner.wait()


def idle(qtbot, page: ChannelsPage) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=15_000)


def click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def type_into(qtbot, edit, text: str) -> None:  # type: ignore[no-untyped-def]
    edit.selectAll()
    edit.del_()
    qtbot.keyClicks(edit, text)


def fill_email(qtbot, form: EmailForm, port: int, password: str) -> None:  # type: ignore[no-untyped-def]
    form.preset.setCurrentIndex(form.preset.findData("custom"))
    type_into(qtbot, form.host, "127.0.0.1")
    form.port.setValue(port)
    form.security.setCurrentIndex(form.security.findData("none"))
    type_into(qtbot, form.from_address, SENDER)
    type_into(qtbot, form.from_name, "Aissata Couture")
    type_into(qtbot, form.username, "tailor")
    type_into(qtbot, form.secret_edit, password)
    type_into(qtbot, form.price_edit, "2,5")


# -- e-mail ---------------------------------------------------------------------------------


def test_email_is_set_up_tested_and_a_test_message_arrives(  # type: ignore[no-untyped-def]
    qtbot, page, ui_ctx, smtp, own_settings
) -> None:
    mailbox, port = smtp
    form = page.forms[Channel.EMAIL]
    assert isinstance(form, EmailForm)
    assert form.state_label.text() == "Not set up"
    assert "Not set up" in page.list.item(0).text()
    assert not form.test_button.isEnabled()  # nothing to test yet
    # Gmail is offered first and fills its server; "custom" leaves it to the user.
    assert form.preset.currentData() == "gmail" and form.host.text() == "smtp.gmail.com"
    assert "app password" in form.preset_hint.text()
    fill_email(qtbot, form, port, SMTP_PASSWORD)
    assert form.preset.currentData() == "custom"
    assert "Changes not saved" in page.list.item(0).text()

    click(qtbot, form.save_button)
    idle(qtbot, page)
    stored = channel_config.load(ui_ctx.ws, Channel.EMAIL)
    assert stored == EmailSettings(
        host="127.0.0.1",
        port=port,
        security="none",
        from_address=SENDER,
        from_name="Aissata Couture",
        username="tailor",
        price=Decimal("2.5"),
    )
    assert channel_config.has_secret(ui_ctx.ws, Channel.EMAIL)
    # The password is never shown back: the box is empty and says one is stored.
    assert form.secret_edit.text() == ""
    assert form.secret_edit.echoMode() == form.secret_edit.EchoMode.Password
    assert "leave empty to keep the stored one" in form.secret_edit.placeholderText()
    assert form.state_label.text() == "✓ Set up"
    assert page.list.item(0).text().endswith("Set up")
    assert SENDER in page.list.item(0).toolTip()
    assert form.price_edit.text() == "2.5"

    with qtbot.waitSignal(form.sig_checked, timeout=15_000) as checked:
        click(qtbot, form.test_button)
    assert checked.args == [True]
    assert form.message.message.startswith("The connection works.")
    assert "signed in as tailor" in form.message.message
    assert mailbox.received == []  # a check sends nothing

    type_into(qtbot, form.test_address, "awa@example.org")
    with qtbot.waitSignal(form.sig_checked, timeout=15_000) as checked:
        click(qtbot, form.send_test_button)
    assert checked.args == [True]
    assert "Test sent to awa@example.org" in form.message.message
    ((mail_from, rcpt_tos, raw),) = mailbox.received
    assert (mail_from, rcpt_tos) == (SENDER, ["awa@example.org"])
    assert b"LocalPro test message" in raw
    assert own_settings.value("channels/test_address/email") == "awa@example.org"

    # An edit with the password box left empty keeps the stored password.
    type_into(qtbot, form.from_name, "Boutique Aissata")
    with qtbot.waitSignal(form.sig_checked, timeout=15_000) as checked:
        click(qtbot, form.test_button)  # saves first, then tests
    assert checked.args == [True]
    loaded = channel_config.load(ui_ctx.ws, Channel.EMAIL)
    assert loaded is not None and loaded.from_name == "Boutique Aissata"

    # A wrong password: said in the server's words, never echoing the password.
    type_into(qtbot, form.secret_edit, "wrong-password")
    with qtbot.waitSignal(form.sig_checked, timeout=15_000) as checked:
        click(qtbot, form.test_button)
    assert checked.args == [False]
    said = form.message.message
    assert said.startswith("It did not work:") and "wrong-password" not in said
    assert "tailor" in said


def test_email_form_problems_are_said_before_anything_is_stored(qtbot, page, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    form = page.forms[Channel.EMAIL]
    type_into(qtbot, form.from_address, "boutique")
    click(qtbot, form.save_button)
    assert form.message.message == "“boutique” is not an e-mail address."
    assert form.from_address.hasFocus()
    type_into(qtbot, form.from_address, SENDER)
    type_into(qtbot, form.username, "tailor")
    click(qtbot, form.save_button)
    assert form.message.message == "Enter the password for tailor."
    # The service's own checks come back in its words (a price below zero cannot be typed).
    type_into(qtbot, form.secret_edit, SMTP_PASSWORD)
    type_into(qtbot, form.host, "https://smtp.gmail.com")
    click(qtbot, form.save_button)
    idle(qtbot, page)
    assert "is not a server name" in form.message.message
    assert channel_config.load(ui_ctx.ws, Channel.EMAIL) is None
    assert form.has_unsaved_changes()
    # "Undo changes" is offered only for a stored channel; SPF/DKIM/DMARC are explained.
    assert not form.revert_button.isVisible()
    assert form.spam_text.isHidden()
    click(qtbot, form.spam_toggle)
    assert form.spam_text.isVisible()
    for word in ("SPF", "DKIM", "DMARC", "spam"):
        assert word in form.spam_text.text()


# -- SMS ------------------------------------------------------------------------------------


def test_sms_captions_follow_the_provider_and_secrets_are_required(qtbot, page, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    page.show_channel(Channel.SMS)
    form = page.forms[Channel.SMS]
    assert isinstance(form, SmsForm)
    assert page.stack.currentIndex() == 1
    assert form.account_label.text() == "Username" and form.secret_label.text() == "API key"
    form.provider.setCurrentIndex(form.provider.findData("twilio"))
    assert form.account_label.text() == "Account SID"
    assert form.secret_label.text() == "Auth token"
    type_into(qtbot, form.account, "AC" + "0" * 32)
    type_into(qtbot, form.sender_id, "AISSATA")
    click(qtbot, form.save_button)
    assert form.message.message == "Enter the auth token."
    type_into(qtbot, form.secret_edit, "token-123")
    type_into(qtbot, form.price_edit, "0.0075")
    click(qtbot, form.save_button)
    idle(qtbot, page)
    assert channel_config.load(ui_ctx.ws, Channel.SMS) == SmsSettings(
        provider="twilio",
        account_sid="AC" + "0" * 32,
        sender_id="AISSATA",
        price=Decimal("0.0075"),
    )
    assert "Set up" in page.list.item(1).text()
    # Back to Africa's Talking without a key: the service refuses, in its words.
    form.provider.setCurrentIndex(form.provider.findData("africastalking"))
    type_into(qtbot, form.account, "aissata")
    click(qtbot, form.save_button)
    idle(qtbot, page)
    assert "Switching to Africa's Talking needs its" in form.message.message
    stored = channel_config.load(ui_ctx.ws, Channel.SMS)
    assert stored is not None and stored.provider == "twilio"
    # "Undo changes" shows what is stored again.
    click(qtbot, form.revert_button)
    idle(qtbot, page)
    assert form.twilio() and form.account.text() == "AC" + "0" * 32
    assert not form.has_unsaved_changes()


# -- WhatsApp -------------------------------------------------------------------------------


@pytest.fixture
def whatsapp(monkeypatch: pytest.MonkeyPatch) -> Iterator[WhatsAppStandIn]:
    standin = WhatsAppStandIn(TEMPLATES).start()
    monkeypatch.setenv(WHATSAPP_URL_ENV, standin.url)
    try:
        yield standin
    finally:
        standin.stop()


def test_whatsapp_is_set_up_against_the_cloud_api_and_removed(  # type: ignore[no-untyped-def]
    qtbot, page, ui_ctx, whatsapp, monkeypatch
) -> None:
    page.show_channel(Channel.WHATSAPP)
    form = page.forms[Channel.WHATSAPP]
    assert isinstance(form, WhatsAppForm)
    type_into(qtbot, form.phone_number_id, PHONE_NUMBER_ID)
    type_into(qtbot, form.business_account_id, WABA_ID)
    type_into(qtbot, form.secret_edit, TOKEN)
    with qtbot.waitSignal(form.sig_checked, timeout=15_000) as checked:
        click(qtbot, form.test_button)  # saves, then checks
    assert checked.args == [True], form.message.message
    assert channel_config.is_ready(ui_ctx.ws, Channel.WHATSAPP)
    assert any(r.headers.get("authorization") == f"Bearer {TOKEN}" for r in whatsapp.received)
    for shown in (form.message.message, form.secret_edit.text(), page.list.item(2).toolTip()):
        assert TOKEN not in shown

    asked: list[str] = []

    def answer(_parent, title, _text, _yes, _no) -> bool:  # type: ignore[no-untyped-def]
        asked.append(title)
        return True

    monkeypatch.setattr(form_module, "ask", answer)
    click(qtbot, form.remove_button)
    idle(qtbot, page)
    assert asked == ["Remove the WhatsApp settings?"]
    assert channel_config.load(ui_ctx.ws, Channel.WHATSAPP) is None
    assert form.state_label.text() == "Not set up"
    assert form.phone_number_id.text() == ""


# -- the settings dialog --------------------------------------------------------------------


def test_settings_dialog_has_a_channels_tab_that_asks_before_dropping_edits(  # type: ignore[no-untyped-def]
    qtbot, ui_ctx, monkeypatch
) -> None:
    dialog = SettingsDialog(ui_ctx.ws.settings(), ctx=ui_ctx, channel=Channel.SMS)
    qtbot.addWidget(dialog)
    dialog.show()
    channels = dialog.channels
    assert channels is not None
    qtbot.waitUntil(lambda: not channels.is_busy())
    assert dialog.tabs.currentWidget() is channels
    assert channels.current_channel() is Channel.SMS
    # On Channels the dialog only closes (each channel saves itself)…
    assert not dialog.save_button.isVisible() and dialog.cancel_button.text() == "Close"
    dialog.tabs.setCurrentIndex(0)
    assert dialog.save_button.isVisible() and dialog.cancel_button.text() == "Cancel"
    # …unless the workspace form was changed.
    dialog.name.setText("Aissata Couture")
    dialog.tabs.setCurrentWidget(channels)
    assert dialog.save_button.isVisible()

    form = channels.forms[Channel.SMS]
    type_into(qtbot, form.account, "aissata")
    answers: list[bool] = [False, True]
    monkeypatch.setattr(form_module, "ask", lambda *_a: answers.pop(0))
    dialog.reject()
    assert dialog.isVisible()  # "Keep editing"
    dialog.reject()
    assert not dialog.isVisible()
    ui_ctx.runner.wait()


def test_the_channels_window_opens_on_the_channel_asked(qtbot, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    dialog = ChannelsDialog(ui_ctx, Channel.WHATSAPP)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.page.is_busy())
    assert dialog.page.current_channel() is Channel.WHATSAPP
    assert dialog.windowTitle() == "Channels"
    ui_ctx.runner.wait()


def test_a_channel_the_dispatcher_stopped_says_why_until_it_is_saved_again(  # type: ignore[no-untyped-def]
    qtbot, page, ui_ctx, smtp
) -> None:
    import json

    from localpro_desktop.store import local_state
    from localpro_desktop.store.local_state import StateKey

    _mailbox, port = smtp
    settings = EmailSettings("127.0.0.1", port, "none", SENDER, username="tailor")
    channel_config.save(ui_ctx.ws, settings, SMTP_PASSWORD)
    # As the dispatcher records it when the server refuses the login (ProblemBook).
    with ui_ctx.ws.write() as session:
        words = "535 5.7.8 Authentication credentials invalid"
        local_state.put(session, StateKey.CHANNEL_PROBLEMS, json.dumps({"email": words}))
    page.reload()
    idle(qtbot, page)
    form = page.forms[Channel.EMAIL]
    assert page.list.item(0).text().endswith("Sending stopped")
    assert form.message.message.startswith(
        "Sending on E-mail stopped: 535 5.7.8 Authentication credentials invalid"
    )
    type_into(qtbot, form.secret_edit, SMTP_PASSWORD)
    click(qtbot, form.save_button)
    idle(qtbot, page)
    assert page.list.item(0).text().endswith("Set up")
    assert form.message.message == "E-mail settings saved."
