"""Settings → Channels: "Replies, receipts and opt-outs", against the real cloud service.

The cloud app runs under uvicorn on 127.0.0.1 (SQLite); the workspace signs up to it the
way the account screen does (``CloudAccount.register``), the refresh token goes to a file
keyring under tmp_path. The URLs the box shows are then called as the providers would
(WhatsApp's handshake and a signed POST), which proves both the URL and that the app
secret reached the cloud, while it appears nowhere on screen.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit

from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.domain.messages import channels as msg
from localpro_desktop.services import channel_config
from localpro_desktop.services.channel_config import SmsSettings
from localpro_desktop.services.webhooks import HookPlan
from localpro_desktop.store import local_state
from localpro_desktop.store.local_state import StateKey
from localpro_desktop.ui.account.dialog import AccountDialog
from localpro_desktop.ui.channels import form as form_module
from localpro_desktop.ui.channels import webhook_parts
from localpro_desktop.ui.channels.page import ChannelsPage
from localpro_desktop.ui.channels.webhook_box import WebhookBox
from localpro_desktop.ui.channels.webhook_parts import SecretDialog
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.settings_dialog import SettingsDialog
from tests.channels import local_kit
from tests.channels.hooks_cloud import live_cloud, sign_up, whatsapp_signature

APP_SECRET = "wa-app-secret-ui-7f3c9e1d5b2a4c6e"
TWILIO_TOKEN = "twilio-auth-token-ui-0123456789abcdef"
TWILIO_SID = "AC" + "0123456789abcdef" * 2
SLOW = 30_000  # ms: a sign-up hashes a password; CI machines are slow


@pytest.fixture
def cloud(tmp_path: Path) -> Iterator[str]:
    """A cloud of the test's own: every test's workspace is a copy of one demo, so they
    share a device id, and a device belongs to one account per cloud."""
    with live_cloud(tmp_path / "cloud") as url:
        yield url


@pytest.fixture(autouse=True)
def keyring_file(tmp_path: Path) -> Iterator[object]:
    with local_kit.file_keyring(tmp_path) as backend:
        yield backend


@pytest.fixture(autouse=True)
def own_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> QSettings:
    settings = QSettings(str(tmp_path / "user.ini"), QSettings.Format.IniFormat)
    monkeypatch.setattr(form_module, "user_settings", lambda: settings)
    return settings


@pytest.fixture
def no_secret_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(_parent: object, _plan: HookPlan) -> str | None:
        raise AssertionError("no secret should be asked for here")

    monkeypatch.setattr(webhook_parts, "ask_secret", refuse)


def open_box(
    qtbot, ctx: UiContext, channel: Channel, state: str
) -> tuple[ChannelsPage, WebhookBox]:  # type: ignore[no-untyped-def]
    page = ChannelsPage(ctx)
    qtbot.addWidget(page)
    page.resize(900, 600)
    page.show_channel(channel)
    page.show()
    box = page.forms[channel].webhooks
    qtbot.waitUntil(lambda: box.state == state, timeout=SLOW)
    return page, box


def click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def enable(qtbot, box: WebhookBox) -> dict[str, str]:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(box.sig_enabled, timeout=SLOW):
        click(qtbot, box.button)
    assert box.state == "on"
    return {key: edit.text() for key, edit in box.paste.edits.items()}


def local(cloud: str, url: str) -> str:
    """A URL the cloud gave, on the test server's own address (the same path)."""
    return cloud + "/" + url.split("/", 3)[3]


def handshake(cloud: str, url: str, token: str) -> httpx.Response:
    params = {"hub.mode": "subscribe", "hub.verify_token": token, "hub.challenge": "4242"}
    return httpx.get(local(cloud, url), params=params)


def whatsapp_post(cloud: str, url: str, secret: str) -> int:
    body = json.dumps({"object": "whatsapp_business_account", "entry": []}).encode()
    headers = {
        "Content-Type": "application/json",
        "X-Hub-Signature-256": whatsapp_signature(body, secret),
    }
    return httpx.post(local(cloud, url), content=body, headers=headers).status_code


# -- not signed in ----------------------------------------------------------------------------


def test_not_signed_in_the_box_says_so_and_offers_to_sign_in(qtbot, ui_ctx: UiContext) -> None:  # type: ignore[no-untyped-def]
    page, box = open_box(qtbot, ui_ctx, Channel.WHATSAPP, "signed_out")

    assert "not signed in" in box.status.text()
    assert box.sign_in_link.isVisibleTo(page)
    assert "Sign in…" in box.sign_in_link.text()
    assert not box.button.isVisibleTo(page)
    assert not box.paste.isVisibleTo(page)

    box.sign_in_link.linkActivated.emit("sign-in")
    dialog = box.sign_in_dialog
    assert isinstance(dialog, AccountDialog)
    qtbot.waitUntil(dialog.isVisible)
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.signed_out_page)
    dialog.reject()


# -- WhatsApp: enable, then rotate --------------------------------------------------------------


def test_enabling_whatsapp_shows_the_callback_url_and_verify_token_never_the_secret(  # type: ignore[no-untyped-def]
    qtbot, ui_ctx: UiContext, cloud: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    sign_up(ui_ctx.ws, cloud)
    asked: list[HookPlan] = []

    def give_secret(_parent: object, plan: HookPlan) -> str:
        asked.append(plan)
        return APP_SECRET

    monkeypatch.setattr(webhook_parts, "ask_secret", give_secret)
    page, box = open_box(qtbot, ui_ctx, Channel.WHATSAPP, "off")
    assert box.button.text() == "Receive replies…"
    assert "Off" in box.status.text()

    shown = enable(qtbot, box)

    assert [plan.provider for plan in asked] == ["whatsapp"]
    assert shown["url"].startswith(f"{cloud}/hooks/whatsapp/")
    assert len(shown["verify_token"]) >= 16
    assert all(edit.isReadOnly() for edit in box.paste.edits.values())
    assert "On" in box.status.text()
    assert "Meta's App Dashboard" in box.where.text()
    assert box.button.text() == "Change the address…"
    # The secret went to the cloud: Meta's handshake and a POST signed with it both work.
    assert handshake(cloud, shown["url"], shown["verify_token"]).text == "4242"
    assert whatsapp_post(cloud, shown["url"], APP_SECRET) == 200
    assert whatsapp_post(cloud, shown["url"], "a-forged-secret") == 403
    # …and it is shown nowhere, on the box or anywhere on the page.
    assert not any(APP_SECRET in text for text in box.texts())
    assert not any(APP_SECRET in edit.text() for edit in page.findChildren(QLineEdit))

    click(qtbot, box.paste.copy_buttons["url"])
    clipboard = QGuiApplication.clipboard()
    assert clipboard.text() == shown["url"]
    assert "copied" in box.message.text.text()

    # Opened again later, the box reads the same hook back from the cloud.
    _again, second_box = open_box(qtbot, ui_ctx, Channel.WHATSAPP, "on")
    assert {k: e.text() for k, e in second_box.paste.edits.items()} == shown


def test_changing_the_address_gives_a_new_url_and_the_old_one_stops(  # type: ignore[no-untyped-def]
    qtbot, ui_ctx: UiContext, cloud: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    sign_up(ui_ctx.ws, cloud)
    monkeypatch.setattr(webhook_parts, "ask_secret", lambda _parent, _plan: APP_SECRET)
    _page, box = open_box(qtbot, ui_ctx, Channel.WHATSAPP, "off")
    first = enable(qtbot, box)

    questions: list[str] = []

    def answer(_parent: object, title: str, text: str, _yes: str, _no: str) -> bool:
        questions.append(text)
        return len(questions) > 1  # "Keep it" the first time, "Change it" the second

    monkeypatch.setattr(form_module, "ask", answer)
    click(qtbot, box.button)
    assert box.state == "on" and box.paste.edits["url"].text() == first["url"]

    second = enable(qtbot, box)

    assert "stops working" in questions[0]
    assert second["url"] != first["url"]
    assert second["verify_token"] != first["verify_token"]
    assert "previous one no longer works" in box.message.text.text()
    assert handshake(cloud, first["url"], first["verify_token"]).status_code == 404
    assert handshake(cloud, second["url"], second["verify_token"]).text == "4242"


def test_cancelling_the_secret_changes_nothing(  # type: ignore[no-untyped-def]
    qtbot, ui_ctx: UiContext, cloud: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    sign_up(ui_ctx.ws, cloud)
    monkeypatch.setattr(webhook_parts, "ask_secret", lambda _parent, _plan: None)
    _page, box = open_box(qtbot, ui_ctx, Channel.WHATSAPP, "off")
    click(qtbot, box.button)
    assert box.state == "off"
    assert not box.paste.edits


def test_the_secret_is_asked_in_a_password_field(qtbot) -> None:  # type: ignore[no-untyped-def]
    plan = HookPlan(Channel.WHATSAPP, "whatsapp", msg.WEBHOOK_SECRET_NAME["whatsapp"](), False)
    dialog = SecretDialog(plan)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "WhatsApp app secret"
    assert dialog.secret.echoMode() is QLineEdit.EchoMode.Password
    assert not dialog.ok_button.isEnabled()
    dialog.secret.setText("  " + APP_SECRET + " ")
    assert dialog.ok_button.isEnabled()
    assert dialog.value() == APP_SECRET


# -- SMS and e-mail ----------------------------------------------------------------------------


def test_sms_waits_for_the_sms_channel(qtbot, ui_ctx: UiContext, cloud: str) -> None:  # type: ignore[no-untyped-def]
    sign_up(ui_ctx.ws, cloud)
    page, box = open_box(qtbot, ui_ctx, Channel.SMS, "sms_first")
    assert "SMS channel above first" in box.status.text()
    assert not box.button.isVisibleTo(page)


def test_twilio_uses_the_stored_auth_token(  # type: ignore[no-untyped-def]
    qtbot, ui_ctx: UiContext, cloud: str, no_secret_asked: None
) -> None:
    sign_up(ui_ctx.ws, cloud)
    settings = SmsSettings(provider="twilio", account_sid=TWILIO_SID, sender_id="+15005550006")
    channel_config.save(ui_ctx.ws, settings, TWILIO_TOKEN)
    _page, box = open_box(qtbot, ui_ctx, Channel.SMS, "off")

    shown = enable(qtbot, box)

    assert list(shown) == ["url"]
    assert shown["url"].startswith(f"{cloud}/hooks/twilio/")
    assert "A message comes in" in box.where.text()
    assert not any(TWILIO_TOKEN in text for text in box.texts())


def test_email_has_nothing_to_paste(
    qtbot, ui_ctx: UiContext, cloud: str, no_secret_asked: None
) -> None:  # type: ignore[no-untyped-def]
    sign_up(ui_ctx.ws, cloud)
    page, box = open_box(qtbot, ui_ctx, Channel.EMAIL, "off")
    assert box.button.text() == "Track opens and unsubscribes…"

    enable(qtbot, box)

    assert not box.paste.edits and not box.paste.isVisibleTo(page)
    assert "Nothing to paste" in box.where.text()


# -- the cloud out of reach ----------------------------------------------------------------------


def test_an_unreachable_cloud_is_said_and_can_be_tried_again(
    qtbot, ui_ctx: UiContext, cloud: str
) -> None:  # type: ignore[no-untyped-def]
    sign_up(ui_ctx.ws, cloud)
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    dead = f"http://127.0.0.1:{probe.getsockname()[1]}"
    probe.close()
    with ui_ctx.ws.write() as session:
        local_state.put(session, StateKey.SERVER, dead)
    page, box = open_box(qtbot, ui_ctx, Channel.WHATSAPP, "offline")
    assert "cannot be reached" in box.status.text()
    assert box.button.text() == "Try again" and box.button.isVisibleTo(page)

    with qtbot.waitSignal(box.sig_loaded, timeout=SLOW):
        click(qtbot, box.button)  # asks again, and says so again
    assert box.state == "offline"

    with ui_ctx.ws.write() as session:
        local_state.put(session, StateKey.SERVER, cloud)
    open_box(qtbot, ui_ctx, Channel.WHATSAPP, "off")


# -- in the settings dialog ---------------------------------------------------------------------


def test_the_settings_dialog_shows_the_box_under_each_channel(qtbot, ui_ctx: UiContext) -> None:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(ui_ctx.ws.settings(), ctx=ui_ctx, channel=Channel.WHATSAPP)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.channels is not None
    box = dialog.channels.forms[Channel.WHATSAPP].webhooks
    qtbot.waitUntil(lambda: box.state == "signed_out", timeout=SLOW)
    assert box.isVisibleTo(dialog)
    # The other channels' boxes ask the cloud only once they are shown.
    assert dialog.channels.forms[Channel.SMS].webhooks.state == "idle"
