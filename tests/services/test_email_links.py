"""The e-mail links of issue 11: with the cloud's e-mail hook on, each e-mail's unsubscribe
link is its own page and its HTML part an open pixel, both behind ``{hook_id}.{key}``
(the outbox key); without the hook, the ``mailto:`` unsubscribe stays and there is no pixel.

Rendering is checked on its own, then through the real path: queue a campaign, dispatch it
to aiosmtpd through the configured SMTP channel, read the headers and parts that arrived;
and once end to end with the cloud, whose pixel and one-click POST record the events.
"""

from __future__ import annotations

import email
import json
import re
import sqlite3
from collections.abc import Iterator
from email.message import EmailMessage
from email.policy import default as default_policy
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
from keyrings.alt.file import PlaintextKeyring
from sqlalchemy import select

from localpro_desktop.channels.base import ChannelKind
from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.services import campaign_render, channel_config, webhooks
from localpro_desktop.services.account import CloudAccount
from localpro_desktop.services.campaign_render import (
    MessageSpec,
    SenderInfo,
    html_body,
    outbox_extra,
)
from localpro_desktop.services.campaigns import CampaignService
from localpro_desktop.services.channel_config import EmailSettings
from localpro_desktop.services.contacts import ContactService
from localpro_desktop.services.dispatch import dispatch_once
from localpro_desktop.services.dispatch.throttle import Throttle
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store import local_state
from localpro_desktop.store.local_state import StateKey
from localpro_desktop.store.models import OutboxMessage
from tests.channels import local_kit
from tests.channels.hooks_cloud import live_cloud, sign_up

FROM = "boutique@aissata-couture.sn"
HOOK = "Hk_" + "a1B2c3D4" * 5
BASE = "https://cloud.example.sn/e"
MAILTO = f"mailto:{FROM}?subject=unsubscribe"
SPEC = MessageSpec("c-1", Channel.EMAIL, "Offre", "Bonjour Awa,\n\n-20% pour la Tabaski.")


@pytest.fixture(autouse=True)
def file_keyring(tmp_path: Path) -> Iterator[PlaintextKeyring]:
    with local_kit.file_keyring(tmp_path) as backend:
        yield backend


@pytest.fixture
def smtp() -> Iterator[tuple[local_kit.Inbox, int]]:
    with local_kit.smtp_with_login("unused", "unused") as (inbox, port):
        yield inbox, port


# -- rendering ----------------------------------------------------------------------------------


def test_with_the_hook_each_email_gets_its_own_token_links() -> None:
    sender = SenderInfo("Boutique Aïssata", MAILTO, webhooks.EmailLinks(BASE, HOOK))
    extra = outbox_extra(SPEC, sender, SPEC.body, {}, key="rcpt-1")
    token = f"{HOOK}.rcpt-1"
    assert extra["unsubscribe_url"] == f"{BASE}/{token}/unsubscribe"
    pixel = f'<img src="{BASE}/{token}/open.gif" width="1" height="1" alt="">'
    assert extra["html"].count(pixel) == 1
    assert extra["html"].index(pixel) < extra["html"].index("</body>")
    assert "Awa" not in extra["unsubscribe_url"]  # no personal data in the links
    other = outbox_extra(SPEC, sender, SPEC.body, {}, key="rcpt-2")
    assert other["unsubscribe_url"] == f"{BASE}/{HOOK}.rcpt-2/unsubscribe"


def test_without_the_hook_or_a_key_the_mailto_stays_and_there_is_no_pixel() -> None:
    plain = SenderInfo("Boutique Aïssata", MAILTO)
    for sender, key in (
        (plain, "rcpt-1"),
        (SenderInfo("B", MAILTO, webhooks.EmailLinks(BASE, HOOK)), ""),
    ):
        extra = outbox_extra(SPEC, sender, SPEC.body, {}, key=key)
        assert extra["unsubscribe_url"] == MAILTO
        assert "<img" not in extra["html"] and "open.gif" not in extra["html"]
    # Other channels carry none of it.
    sms = MessageSpec("c-2", Channel.SMS, "", "Bonjour")
    assert (
        outbox_extra(
            sms, SenderInfo("B", MAILTO, webhooks.EmailLinks(BASE, HOOK)), "x", {}, key="k"
        )
        == {}
    )


def test_the_pixel_url_is_escaped_in_the_html() -> None:
    markup = html_body("Bonjour", "Sig", open_pixel='https://x.sn/e/a"b&c/open.gif')
    assert 'src="https://x.sn/e/a&quot;b&amp;c/open.gif"' in markup


# -- the real path: queue, dispatch, aiosmtpd -------------------------------------------------


def configure_email(ws: Workspace, port: int) -> None:
    settings = EmailSettings(
        host="127.0.0.1", port=port, security="none", from_address=FROM, from_name="Boutique"
    )
    channel_config.save(ws, settings, None)


def remember_hook(ws: Workspace, url: str, hook_id: str = HOOK) -> None:
    """The e-mail hook as ``channels webhooks`` leaves it, for a signed-in account."""
    with ws.write() as session:
        local_state.put(session, StateKey.ACCOUNT, "acct-1")
        local_state.put(
            session,
            StateKey.EMAIL_HOOK,
            json.dumps({"account_id": "acct-1", "url": url, "hook_id": hook_id}),
        )


def send_campaign(ws: Workspace, addresses: list[str]) -> tuple[str, list[OutboxMessage]]:
    contacts = ContactService(ws)
    ids = [
        contacts.add({"first_name": f"Client{i}", "email": address}).id
        for i, address in enumerate(addresses)
    ]
    svc = CampaignService(ws)
    camp = svc.create("Tabaski", Channel.EMAIL, "Bonjour {{first_name}}, -20%.", subject="Offre")
    svc.set_recipients(camp.id, ids)
    svc.queue_send(camp.id)
    with ws.read() as session:
        rows = list(
            session.scalars(select(OutboxMessage).where(OutboxMessage.campaign_id == camp.id))
        )
    return camp.id, rows


def dispatch(ws: Workspace, inbox: local_kit.Inbox) -> dict[str, EmailMessage]:
    adapter = channel_config.build_adapter(ws, Channel.EMAIL)
    throttles = {kind: Throttle(1e9, burst=1e9) for kind in ChannelKind}
    report = dispatch_once(ws, {ChannelKind.EMAIL: adapter}, throttles=throttles)
    assert report.failed == 0
    parsed = [email.message_from_bytes(raw, policy=default_policy) for _to, raw in inbox.received]
    return {str(m["To"]): m for m in parsed}  # type: ignore[misc]


def parts(message: EmailMessage) -> tuple[str, str]:
    plain = message.get_body(("plain",))
    rich = message.get_body(("html",))
    assert plain is not None and rich is not None
    return plain.get_content(), rich.get_content()  # type: ignore[attr-defined]


def test_queued_emails_carry_the_links_and_the_smtp_server_gets_the_headers(
    workspace: Workspace, smtp: tuple[local_kit.Inbox, int]
) -> None:
    inbox, port = smtp
    configure_email(workspace, port)
    remember_hook(workspace, BASE)
    _camp, rows = send_campaign(workspace, ["awa@example.sn", "moussa@example.sn"])
    assert len(rows) == 2
    for row in rows:
        assert row.key == row.recipient_id
        assert row.extra["unsubscribe_url"] == f"{BASE}/{HOOK}.{row.key}/unsubscribe"
        assert f'src="{BASE}/{HOOK}.{row.key}/open.gif"' in row.extra["html"]

    received = dispatch(workspace, inbox)
    assert set(received) == {"awa@example.sn", "moussa@example.sn"}
    for row in rows:
        message = received[row.address]
        link = f"{BASE}/{HOOK}.{row.key}/unsubscribe"
        assert str(message["List-Unsubscribe"]) == f"<{link}>, <{MAILTO}>"
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        text, markup = parts(message)
        assert link in text and "open.gif" not in text  # the pixel is in the HTML only
        assert f'<img src="{BASE}/{HOOK}.{row.key}/open.gif" width="1" height="1" alt="">' in markup
        assert f'href="{link}"' in markup
        assert markup.count("open.gif") == 1


def test_without_the_hook_the_mailto_unsubscribe_stays(
    workspace: Workspace, smtp: tuple[local_kit.Inbox, int]
) -> None:
    inbox, port = smtp
    configure_email(workspace, port)
    _camp, (row,) = send_campaign(workspace, ["awa@example.sn"])
    assert row.extra["unsubscribe_url"] == MAILTO
    message = dispatch(workspace, inbox)["awa@example.sn"]
    assert str(message["List-Unsubscribe"]) == f"<{MAILTO}>"
    assert message["List-Unsubscribe-Post"] is None
    text, markup = parts(message)
    assert "open.gif" not in text + markup and "<img" not in markup
    assert FROM in text


def test_an_http_hook_gets_no_one_click_header(
    workspace: Workspace, smtp: tuple[local_kit.Inbox, int]
) -> None:
    """RFC 8058 one-click needs an HTTPS URI: a plain-http cloud keeps the link, not the
    ``List-Unsubscribe-Post`` header."""
    inbox, port = smtp
    configure_email(workspace, port)
    remember_hook(workspace, "http://192.168.1.10:8000/e")
    _camp, (row,) = send_campaign(workspace, ["awa@example.sn"])
    message = dispatch(workspace, inbox)["awa@example.sn"]
    link = f"http://192.168.1.10:8000/e/{HOOK}.{row.key}/unsubscribe"
    assert str(message["List-Unsubscribe"]) == f"<{link}>, <{MAILTO}>"
    assert message["List-Unsubscribe-Post"] is None


def test_a_hook_remembered_for_another_account_is_not_used(workspace: Workspace) -> None:
    remember_hook(workspace, BASE)
    with workspace.write() as session:
        local_state.put(session, StateKey.ACCOUNT, "acct-2")
    assert campaign_render.sender_info(workspace).email_links is None


# -- end to end with the cloud --------------------------------------------------------------------


def test_the_links_of_a_sent_email_record_the_open_and_the_one_click_unsubscribe(
    workspace: Workspace, smtp: tuple[local_kit.Inbox, int], tmp_path: Path
) -> None:
    inbox, port = smtp
    with live_cloud(tmp_path / "cloud", public_url="https://hooks.localpro.test") as cloud:
        sign_up(workspace, cloud)
        with CloudAccount(workspace, cloud) as account:
            info = webhooks.enable(workspace, account, Channel.EMAIL)
        assert info.url == "https://hooks.localpro.test/e"
        configure_email(workspace, port)
        _camp, (row,) = send_campaign(workspace, ["awa@example.sn"])
        message = dispatch(workspace, inbox)["awa@example.sn"]

        header = str(message["List-Unsubscribe"])
        link = re.findall(r"<(https://[^>]+)>", header)[0]
        assert link == f"https://hooks.localpro.test/e/{info.hook_id}.{row.key}/unsubscribe"
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        _text, markup = parts(message)
        pixel = re.findall(r'<img src="([^"]+/open\.gif)"', markup)[0]

        def here(url: str) -> str:  # the public URL, on the test server's own address
            return cloud + urlsplit(url).path

        gif = httpx.get(here(pixel))
        assert (gif.status_code, gif.headers["content-type"]) == (200, "image/gif")
        one_click = httpx.post(
            here(link),
            content=b"List-Unsubscribe=One-Click",
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
        assert one_click.status_code == 200

        db = sqlite3.connect(tmp_path / "cloud" / "cloud.sqlite")
        try:
            found = [
                {name: value for name, (value, _hlc) in json.loads(fields).items()}
                for (fields,) in db.execute(
                    "SELECT fields FROM sync_rows WHERE table_name = 'inbound_events'"
                )
            ]
        finally:
            db.close()
        about = sorted((e["kind"], e["status"]) for e in found if e["message_id"] == row.key)
        assert about == [("opt_out", ""), ("receipt", "opened")]
        assert all(e["channel"] == "email" for e in found)
