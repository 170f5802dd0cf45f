"""Channel configuration: settings in the workspace, secrets in a (file) keyring, real servers.

Real parts only: a real workspace (SQLite on disk), a keyrings.alt file keyring under
tmp_path (never the OS one), aiosmtpd with AUTH for e-mail, the HTTP stand-ins of
tests/channels for Africa's Talking, Twilio and WhatsApp (providers' documented shapes:
AT user data https://developers.africastalking.com/docs/data/user_data, Twilio Account
https://www.twilio.com/docs/iam/api/account, WhatsApp phone number
https://developers.facebook.com/docs/whatsapp/cloud-api/reference/phone-numbers).
"""

from __future__ import annotations

import email
import json
import socket
from collections.abc import Iterator
from decimal import Decimal
from email.policy import default as default_policy
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backends.fail import Keyring as NoKeyring
from keyrings.alt.file import PlaintextKeyring

from localpro_desktop.channels.africastalking import AfricasTalkingSms
from localpro_desktop.channels.base import ChannelKind
from localpro_desktop.channels.email import SmtpChannel
from localpro_desktop.channels.twilio import TwilioSms
from localpro_desktop.channels.whatsapp import WhatsAppCloud
from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.domain.errors import UserError
from localpro_desktop.services import channel_config, channel_setup
from localpro_desktop.services.channel_config import (
    EmailSettings,
    SmsSettings,
    WhatsAppSettings,
)
from localpro_desktop.services.workspace import Workspace
from tests.channels import local_kit, sms_standins, whatsapp_standin
from tests.channels.whatsapp_standin import PHONE_NUMBER_ID, TOKEN, WABA_ID

PASSWORD = "s3cret-P@ss-4-smtp"
AT_KEY = "atsk_0123456789abcdef-secret-key"
TWILIO_SID = "AC0123456789abcdef0123456789abcdef"
TWILIO_TOKEN = "tok_secret_0123456789abcdef"
FROM = "boutique@aissata-couture.sn"


# -- fixtures ------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def file_keyring(tmp_path: Path) -> Iterator[PlaintextKeyring]:
    """A keyring in a file under tmp_path (never the OS one)."""
    with local_kit.file_keyring(tmp_path) as backend:
        yield backend


@pytest.fixture(autouse=True)
def no_provider_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LOCALPRO_AFRICASTALKING_URL", "LOCALPRO_TWILIO_URL", "LOCALPRO_WHATSAPP_URL"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def smtp() -> Iterator[tuple[local_kit.Inbox, int]]:
    """aiosmtpd on 127.0.0.1 with AUTH (no TLS: auth_require_tls=False for the test)."""
    with local_kit.smtp_with_login("tailor", PASSWORD) as (inbox, port):
        yield inbox, port


WhatsAppStandIn = whatsapp_standin.StandIn


TEMPLATES = [
    {
        "name": "tabaski_offer",
        "language": "fr",
        "status": "APPROVED",
        "category": "MARKETING",
        "id": "1",
        "components": [{"type": "BODY", "text": "Bonjour {{2}}, -20% sur {{1}}. {{2}}!"}],
    },
    {
        "name": "draft_one",
        "language": "en_US",
        "status": "PENDING",
        "category": "UTILITY",
        "id": "2",
        "components": [{"type": "BODY", "text": "Hi {{1}}"}],
    },
    {
        "name": "reservation",
        "language": "en_US",
        "status": "APPROVED",
        "category": "UTILITY",
        "parameter_format": "NAMED",
        "id": "3",
        "components": [{"type": "BODY", "text": "For {{guests}} on {{day}}, {{guests}}."}],
    },
]


@pytest.fixture
def wa() -> Iterator[WhatsAppStandIn]:
    stand_in = WhatsAppStandIn(TEMPLATES).start()
    try:
        yield stand_in
    finally:
        stand_in.stop()


def _email(port: int, **kwargs: Any) -> EmailSettings:
    values: dict[str, Any] = {
        "host": "127.0.0.1",
        "port": port,
        "security": "none",
        "from_address": FROM,
        "from_name": "Boutique Aïssata",
        "username": "tailor",
    }
    values.update(kwargs)
    return EmailSettings(**values)


def _file_bytes(ws: Workspace) -> bytes:
    folder = Path(ws.paths.database).parent
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


# -- settings and secrets ------------------------------------------------------------------


def test_saved_email_settings_and_password_live_apart_and_set_the_channel_up(
    workspace: Workspace, file_keyring: PlaintextKeyring
) -> None:
    assert channel_setup.set_up_channels(workspace) == frozenset()
    settings = _email(2525, price=Decimal("0.002"), rate=1.5)
    channel_config.save(workspace, settings, PASSWORD)

    loaded = channel_config.load(workspace, Channel.EMAIL)
    assert loaded == settings
    entry = f"channel-email:{workspace.device_id}"
    assert file_keyring.get_password("LocalPro", entry) == PASSWORD
    assert Path(file_keyring.file_path).read_text().startswith("[LocalPro]")  # in tmp_path
    assert PASSWORD.encode() not in _file_bytes(workspace)  # database, WAL, backups
    assert channel_setup.set_up_channels(workspace) == frozenset({Channel.EMAIL})
    adapters = channel_setup.build_channels(workspace)
    assert set(adapters) == {ChannelKind.EMAIL}
    adapter = adapters[ChannelKind.EMAIL]
    assert isinstance(adapter, SmtpChannel) and adapter.username == "tailor"
    assert PASSWORD not in repr(adapter)

    (summary,) = channel_config.summaries(workspace)
    assert (summary.channel, summary.provider, summary.has_secret, summary.ready) == (
        Channel.EMAIL,
        "smtp",
        True,
        True,
    )
    assert summary.description == (
        "Boutique Aïssata <boutique@aissata-couture.sn> via 127.0.0.1:2525 (no encryption), "
        "signed in as tailor"
    )
    assert (summary.price, summary.currency, summary.rate) == (Decimal("0.002"), "XOF", 1.5)
    assert PASSWORD not in repr(summary)
    assert channel_config.price_for(workspace, Channel.EMAIL) == Decimal("0.002")
    assert channel_config.rates(workspace) == {
        ChannelKind.EMAIL: 1.5,
        ChannelKind.SMS: 10.0,
        ChannelKind.WHATSAPP: 20.0,
    }


def test_the_settings_are_reopened_from_the_file_in_another_workspace_object(
    workspace: Workspace,
) -> None:
    channel_config.save(workspace, _email(2525), PASSWORD)
    again = Workspace.open(workspace.paths, daily_backup=False)
    try:
        assert again.device_id == workspace.device_id
        assert channel_setup.is_set_up(again, Channel.EMAIL)
    finally:
        again.close()


@pytest.mark.parametrize(
    ("settings", "words"),
    [
        (_email(0), "The port must be a number from 1 to 65535, not 0."),
        (_email(587, security="tls"), "Security must be starttls, ssl or none, not 'tls'."),
        (_email(587, host="https://smtp.gmail.com"), "is not a server name"),
        (_email(587, host=" "), "Give the SMTP server's name"),
        (_email(587, from_address="boutique@"), "The sender address 'boutique@' is not valid"),
        (_email(587, from_name="A\nBcc: x@y.z"), "The sender name must fit on one line"),
        (_email(587, price=Decimal("-1")), "must be a number of 0 or more, not '-1'"),
        (_email(587, rate=0.0), "more than 0 and at most 50 messages a second"),
        (
            _email(587, host="smtp.office365.com", rate=1.0),
            "at most 0.5 messages a second for Outlook / Office 365, not 1.0",
        ),
        (_email(587, logo_path="/no/such/logo.png"), "The logo '/no/such/logo.png' cannot"),
        (SmsSettings("orange"), "Unknown SMS provider 'orange'"),
        (SmsSettings("africastalking"), "Africa's Talking needs the account's username"),
        (SmsSettings("twilio", account_sid="AC123"), "A Twilio account SID is AC followed"),
        (
            SmsSettings("twilio", account_sid=TWILIO_SID),
            "Twilio needs a sender id",
        ),
        (
            SmsSettings("twilio", username="me", account_sid=TWILIO_SID),
            "Twilio uses an account SID, not a username.",
        ),
        (
            SmsSettings("africastalking", username="sandbox", sender_id="BOUTIQUEAISSATA"),
            "The sender id 'BOUTIQUEAISSATA' is not valid",
        ),
        (
            SmsSettings("africastalking", username="sandbox", sender_id="12"),
            "The sender id '12' is not valid",
        ),
        (
            SmsSettings("twilio", account_sid=TWILIO_SID, sender_id="+15005550006", rate=2001),
            "at most 2000 messages a second for Twilio",
        ),
        (WhatsAppSettings("abc", WABA_ID), "The WhatsApp phone number id is the number"),
        (WhatsAppSettings(PHONE_NUMBER_ID, ""), "The WhatsApp Business Account id is"),
        (
            WhatsAppSettings(PHONE_NUMBER_ID, WABA_ID, base_url="graph.local"),
            "must start with https:// or http://",
        ),
    ],
)
def test_save_refuses_invalid_settings_saying_what_to_fix(
    workspace: Workspace, settings: channel_config.ChannelSettings, words: str
) -> None:
    with pytest.raises(UserError) as refused:
        channel_config.save(workspace, settings, "a-secret")
    assert words in str(refused.value)
    assert channel_config.load(workspace, channel_config.channel_of(settings)) is None
    assert not channel_config.has_secret(workspace, channel_config.channel_of(settings))


def test_valid_settings_are_tidied(workspace: Workspace, tmp_path: Path) -> None:
    logo = tmp_path / "logo.PNG"
    logo.write_bytes(b"\x89PNG\r\n\x1a\n")
    channel_config.save(
        workspace,
        _email(
            587,
            host=" SMTP.Example.SN ",
            security="STARTTLS",
            from_address=" boutique@Aissata-Couture.sn",
            logo_path=str(logo),
        ),
        PASSWORD,
    )
    stored = channel_config.load(workspace, Channel.EMAIL)
    assert isinstance(stored, EmailSettings)
    assert (stored.host, stored.security, stored.from_address, stored.logo_path) == (
        "smtp.example.sn",
        "starttls",
        "boutique@aissata-couture.sn",
        str(logo.resolve()),
    )
    adapter = channel_config.build_adapter(workspace, Channel.EMAIL)
    assert isinstance(adapter, SmtpChannel) and adapter.logo == logo.resolve()
    for sender in ("LOCALPRO", "Boutique 1", "+221770000001", "21606", "MG" + "a" * 32):
        settings = SmsSettings("twilio", account_sid=TWILIO_SID, sender_id=sender)
        assert channel_config.validate(settings).sender_id == sender
    assert channel_config.parse_price("0,05") == Decimal("0.05")
    with pytest.raises(UserError, match="not 'abc'"):
        channel_config.parse_price("abc")


def test_no_secret_given_and_none_stored_saves_nothing(workspace: Workspace) -> None:
    with pytest.raises(UserError) as refused:
        channel_config.save(workspace, _email(2525), None)
    assert str(refused.value).startswith("No SMTP password is stored for this channel")
    assert "Nothing was saved" in str(refused.value)
    assert channel_config.load(workspace, Channel.EMAIL) is None
    assert not channel_setup.is_set_up(workspace, Channel.EMAIL)


def test_none_keeps_the_stored_secret_and_a_server_without_sign_in_needs_none(
    workspace: Workspace,
) -> None:
    channel_config.save(workspace, _email(2525), PASSWORD)
    channel_config.save(workspace, _email(2526, from_name="Aïssata"), None)
    assert channel_config.has_secret(workspace, Channel.EMAIL)
    stored = channel_config.load(workspace, Channel.EMAIL)
    assert isinstance(stored, EmailSettings) and stored.port == 2526

    channel_config.save(workspace, _email(25, username=""), None)  # a relay, no sign-in
    assert not channel_config.has_secret(workspace, Channel.EMAIL)  # the old one is gone
    assert channel_setup.is_set_up(workspace, Channel.EMAIL)


def test_switching_sms_provider_needs_the_new_providers_secret(workspace: Workspace) -> None:
    channel_config.save(workspace, SmsSettings("africastalking", username="sandbox"), AT_KEY)
    twilio = SmsSettings("twilio", account_sid=TWILIO_SID, sender_id="+15005550006")
    with pytest.raises(UserError) as refused:
        channel_config.save(workspace, twilio, None)
    assert str(refused.value) == (
        "Switching to Twilio needs its Twilio auth token: give it on standard input or at the "
        "prompt. Nothing was saved."
    )
    stored = channel_config.load(workspace, Channel.SMS)
    assert isinstance(stored, SmsSettings) and stored.provider == "africastalking"
    channel_config.save(workspace, twilio, TWILIO_TOKEN)
    assert isinstance(channel_setup.build_channels(workspace)[ChannelKind.SMS], TwilioSms)


def test_without_a_keyring_save_says_so_and_nothing_is_set_up(workspace: Workspace) -> None:
    keyring.set_keyring(NoKeyring())
    with pytest.raises(UserError) as refused:
        channel_config.save(workspace, _email(2525), PASSWORD)
    assert str(refused.value).startswith("No OS keyring is available to keep the SMTP password")
    assert PASSWORD not in str(refused.value)
    assert channel_config.load(workspace, Channel.EMAIL) is None
    assert channel_setup.set_up_channels(workspace) == frozenset()


def test_secrets_are_refused_when_empty_multiline_or_too_large(workspace: Workspace) -> None:
    for secret in ("", "two\nlines", "x" * 2561):
        with pytest.raises(UserError):
            channel_config.save(workspace, _email(2525), secret)
    assert channel_config.load(workspace, Channel.EMAIL) is None


def test_a_channel_with_settings_but_no_secret_in_the_keyring_is_not_set_up(
    workspace: Workspace, file_keyring: PlaintextKeyring
) -> None:
    channel_config.save(workspace, WhatsAppSettings(PHONE_NUMBER_ID, WABA_ID), TOKEN)
    assert channel_setup.is_set_up(workspace, Channel.WHATSAPP)
    file_keyring.delete_password("LocalPro", f"channel-whatsapp:{workspace.device_id}")
    assert not channel_setup.is_set_up(workspace, Channel.WHATSAPP)
    assert channel_setup.build_channels(workspace) == {}
    (summary,) = channel_config.summaries(workspace)
    assert (summary.has_secret, summary.ready) == (False, False)
    with pytest.raises(UserError, match="not in this laptop's keyring"):
        channel_config.check_connection(workspace, Channel.WHATSAPP)


def test_remove_forgets_settings_and_secret(workspace: Workspace) -> None:
    channel_config.save(workspace, WhatsAppSettings(PHONE_NUMBER_ID, WABA_ID), TOKEN)
    channel_config.remove(workspace, Channel.WHATSAPP)
    assert channel_config.load(workspace, Channel.WHATSAPP) is None
    assert not channel_config.has_secret(workspace, Channel.WHATSAPP)
    assert channel_config.summaries(workspace) == []
    with pytest.raises(UserError) as refused:
        channel_config.send_test(workspace, Channel.WHATSAPP, "+221770000001")
    assert "The WhatsApp channel is not configured on this laptop" in str(refused.value)


def test_saving_clears_the_dispatchers_stop_note_for_that_channel(workspace: Workspace) -> None:
    from localpro_desktop.store import local_state
    from localpro_desktop.store.local_state import StateKey

    with workspace.write() as session:
        problems = {"email": "535 refused", "sms": "401 refused"}
        local_state.put(session, StateKey.CHANNEL_PROBLEMS, json.dumps(problems))
    channel_config.save(workspace, _email(2525), PASSWORD)
    with workspace.read() as session:
        left = json.loads(local_state.get(session, StateKey.CHANNEL_PROBLEMS))
    assert left == {"sms": "401 refused"}


def test_rates_default_inside_each_providers_limit(workspace: Workspace) -> None:
    outlook = channel_config.EMAIL_PRESETS["outlook"]
    channel_config.save(
        workspace,
        _email(outlook.port, host=outlook.host, security=outlook.security),
        PASSWORD,
    )
    channel_config.save(
        workspace, SmsSettings("africastalking", username="shop", rate=400.0), AT_KEY
    )
    rates = channel_config.rates(workspace)
    assert rates == {ChannelKind.EMAIL: 0.5, ChannelKind.SMS: 400.0, ChannelKind.WHATSAPP: 20.0}
    assert channel_config.price_for(workspace, Channel.SMS) is None
    assert set(channel_config.EMAIL_PRESETS) == {"gmail", "outlook", "custom"}


# -- e-mail against a real SMTP server -----------------------------------------------------


def test_email_check_and_test_message_through_a_real_smtp_server(
    workspace: Workspace, smtp: tuple[local_kit.Inbox, int]
) -> None:
    inbox, port = smtp
    channel_config.save(workspace, _email(port), PASSWORD)

    said = channel_config.check_connection(workspace, Channel.EMAIL)
    assert said == f"Connected to 127.0.0.1:{port} (no encryption) and signed in as tailor."
    assert inbox.received == []

    message_id = channel_config.send_test(workspace, Channel.EMAIL, "Me@Example.org")
    ((rcpts, raw),) = inbox.received
    assert rcpts == ["me@example.org"]
    parsed = email.message_from_bytes(raw, policy=default_policy)
    assert parsed["Subject"].startswith("LocalPro test message: if you can read this")
    assert str(parsed["Message-ID"]).strip() == message_id
    assert "Boutique" in str(parsed["From"]) and FROM in str(parsed["From"])
    assert "LocalPro test message" in parsed.get_body(("plain",)).get_content()  # type: ignore[union-attr]


def test_a_wrong_smtp_password_is_a_clear_error_without_the_password(
    workspace: Workspace, smtp: tuple[local_kit.Inbox, int]
) -> None:
    _inbox, port = smtp
    wrong = "wrong-Pa55word-xyz"
    channel_config.save(workspace, _email(port), wrong)
    with pytest.raises(UserError) as refused:
        channel_config.check_connection(workspace, Channel.EMAIL)
    words = str(refused.value)
    assert words.startswith(f"The SMTP server 127.0.0.1:{port} did not accept the check:")
    assert "refused the login for user 'tailor'" in words and "535" in words
    assert wrong not in words
    with pytest.raises(UserError) as not_sent:
        channel_config.send_test(workspace, Channel.EMAIL, "me@example.org")
    assert "The test message was not sent (535)" in str(not_sent.value)
    assert wrong not in str(not_sent.value)


def test_an_unreachable_smtp_server_says_so(workspace: Workspace) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])  # closed again: nothing listens there
    channel_config.save(workspace, _email(port), PASSWORD)
    with pytest.raises(UserError, match=r"could not reach 127\.0\.0\.1"):
        channel_config.check_connection(workspace, Channel.EMAIL)


# -- SMS against the stand-ins ---------------------------------------------------------------


def test_africas_talking_follows_the_environment_url(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    with sms_standins.StandIn(sms_standins.africastalking("shop", AT_KEY)) as server:
        monkeypatch.setenv("LOCALPRO_AFRICASTALKING_URL", server.url)
        channel_config.save(
            workspace, SmsSettings("africastalking", username="shop", sender_id="AISSATA"), AT_KEY
        )
        said = channel_config.check_connection(workspace, Channel.SMS)
        assert said == (
            "Africa's Talking accepted the API key of user shop (balance KES 1785.5000)."
        )
        check = server.requests[-1]
        assert (check.method, check.path, check.query) == (
            "GET",
            "/version1/user",
            {"username": ["shop"]},
        )
        assert check.headers["apikey"] == AT_KEY

        provider_id = channel_config.send_test(workspace, Channel.SMS, "+254711000101")
        assert provider_id.startswith("ATXid_")
        sent = server.requests[-1]
        assert sent.form["message"][0].startswith("LocalPro test message")
        assert sent.form["from"] == ["AISSATA"]
        adapter = channel_setup.build_channels(workspace)[ChannelKind.SMS]
        assert isinstance(adapter, AfricasTalkingSms) and adapter.base_url == server.url

        channel_config.save(
            workspace, SmsSettings("africastalking", username="shop"), "atsk_wrong_key_123"
        )
        with pytest.raises(UserError) as refused:
            channel_config.check_connection(workspace, Channel.SMS)
        assert str(refused.value).startswith("Africa's Talking did not accept the check: HTTP 401")
        assert "atsk_wrong_key_123" not in str(refused.value)

        with pytest.raises(UserError) as refused:
            channel_config.send_test(workspace, Channel.SMS, "not a number")
        assert str(refused.value).startswith("Send the test to a phone number")


def test_africas_talking_sandbox_user_talks_to_the_sandbox_by_default(
    workspace: Workspace,
) -> None:
    channel_config.save(workspace, SmsSettings("africastalking", username="sandbox"), AT_KEY)
    settings = channel_config.load(workspace, Channel.SMS)
    assert isinstance(settings, SmsSettings)
    assert channel_config.base_url(settings) == "https://api.sandbox.africastalking.com"
    live = SmsSettings("africastalking", username="shop")
    assert channel_config.base_url(live) == "https://api.africastalking.com"


def test_twilio_check_reads_the_account_and_never_shows_its_token(
    workspace: Workspace,
) -> None:
    account = sms_standins.TwilioAccount(TWILIO_SID, TWILIO_TOKEN)
    with sms_standins.StandIn(account) as server:
        settings = SmsSettings(
            "twilio", account_sid=TWILIO_SID, sender_id="+15005550006", base_url=server.url
        )
        channel_config.save(workspace, settings, TWILIO_TOKEN)
        said = channel_config.check_connection(workspace, Channel.SMS)
        assert said == (
            "Twilio accepted the account SID and auth token (account Boutique Aissata "
            "Couture, status active)."
        )
        assert TWILIO_TOKEN not in said
        assert server.requests[-1].path == f"/2010-04-01/Accounts/{TWILIO_SID}.json"

        sid = channel_config.send_test(workspace, Channel.SMS, "+221770000001")
        assert sid.startswith("SM") and account.messages[0]["body"].startswith(
            "LocalPro test message"
        )
        assert account.messages[0]["from"] == "+15005550006"

        with pytest.raises(UserError) as refused:
            channel_config.send_test(workspace, Channel.SMS, "+15005550001")
        assert "The test message was not sent (21211)" in str(refused.value)

        account.status = "suspended"
        with pytest.raises(UserError, match="is suspended: it cannot send"):
            channel_config.check_connection(workspace, Channel.SMS)

        channel_config.save(workspace, settings, "tok_wrong_token")
        with pytest.raises(UserError) as refused:
            channel_config.check_connection(workspace, Channel.SMS)
        assert str(refused.value) == (
            "Twilio did not accept the check: HTTP 401: 20003 Authenticate"
        )


def test_twilio_follows_the_environment_url_and_a_messaging_service(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    account = sms_standins.TwilioAccount(TWILIO_SID, TWILIO_TOKEN)
    service = "MG" + "0123456789abcdef" * 2
    with sms_standins.StandIn(account) as server:
        monkeypatch.setenv("LOCALPRO_TWILIO_URL", server.url)
        settings = SmsSettings("twilio", account_sid=TWILIO_SID, sender_id=service)
        channel_config.save(workspace, settings, TWILIO_TOKEN)
        adapter = channel_setup.build_channels(workspace)[ChannelKind.SMS]
        assert isinstance(adapter, TwilioSms)
        assert (adapter.base_url, adapter.messaging_service_sid, adapter.from_number) == (
            server.url,
            service,
            "",
        )
        channel_config.send_test(workspace, Channel.SMS, "+221770000001")
        assert server.requests[-1].form["MessagingServiceSid"] == [service]


# -- WhatsApp against the stand-in -----------------------------------------------------------


def test_whatsapp_check_templates_and_test_message(
    workspace: Workspace, wa: WhatsAppStandIn, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LOCALPRO_WHATSAPP_URL", wa.url)
    channel_config.save(workspace, WhatsAppSettings(PHONE_NUMBER_ID, WABA_ID), TOKEN)

    said = channel_config.check_connection(workspace, Channel.WHATSAPP)
    assert said == (
        "WhatsApp accepted the access token for the number +221 77 555 01 01 (Boutique "
        "Aissata); the business account's templates can be read."
    )

    templates = channel_config.whatsapp_templates(workspace)
    assert [(t.name, t.language, t.category, t.params) for t in templates] == [
        ("tabaski_offer", "fr", "MARKETING", ("1", "2")),
        ("reservation", "en_US", "UTILITY", ("guests", "day")),
    ]
    assert templates[0].body == "Bonjour {{2}}, -20% sur {{1}}. {{2}}!"
    assert templates[1].parameter_format == "NAMED"

    wamid = channel_config.send_test(workspace, Channel.WHATSAPP, "+221 77 555 01 02")
    assert wamid.startswith("wamid.")
    payload = wa.received[-1].json()
    assert payload["to"] == "221775550102"
    assert payload["template"] == {"name": "hello_world", "language": {"code": "en_US"}}
    adapter = channel_setup.build_channels(workspace)[ChannelKind.WHATSAPP]
    assert isinstance(adapter, WhatsAppCloud) and adapter.base_url == wa.url


def test_a_refused_whatsapp_token_never_appears_in_the_error(
    workspace: Workspace, wa: WhatsAppStandIn
) -> None:
    wrong = "EAAwrong-token-456"
    settings = WhatsAppSettings(PHONE_NUMBER_ID, WABA_ID, base_url=wa.url)
    channel_config.save(workspace, settings, wrong)
    with pytest.raises(UserError) as refused:
        channel_config.check_connection(workspace, Channel.WHATSAPP)
    assert str(refused.value).startswith("WhatsApp did not accept the check: HTTP 401: 190 ")
    with pytest.raises(UserError) as refused_templates:
        channel_config.whatsapp_templates(workspace)
    assert str(refused_templates.value).startswith(
        "The WhatsApp templates could not be read (190): The WhatsApp access token was refused"
    )
    for error in (refused.value, refused_templates.value):
        assert wrong not in str(error)
