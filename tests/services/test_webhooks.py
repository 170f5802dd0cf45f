"""``services.webhooks``: which provider, which secret, the sign-in it needs, and the e-mail
hook remembered for the links, against the real cloud on 127.0.0.1."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from keyrings.alt.file import PlaintextKeyring

from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.domain.errors import UserError
from localpro_desktop.paths import WorkspacePaths
from localpro_desktop.services import channel_config, webhooks
from localpro_desktop.services.account import CloudAccount
from localpro_desktop.services.channel_config import SmsSettings
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store import local_state
from localpro_desktop.store.local_state import StateKey
from tests.channels import local_kit
from tests.channels.hooks_cloud import PASSWORD, live_cloud, sign_up

APP_SECRET = "wa-app-secret-service-0123456789"
TWILIO_TOKEN = "twilio-auth-token-service-0123456789"


@pytest.fixture(scope="module")
def cloud(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with live_cloud(tmp_path_factory.mktemp("cloud")) as url:
        yield url


@pytest.fixture(autouse=True)
def file_keyring(tmp_path: Path) -> Iterator[PlaintextKeyring]:
    with local_kit.file_keyring(tmp_path) as backend:
        yield backend


@pytest.fixture
def account(workspace: Workspace, cloud: str) -> Iterator[CloudAccount]:
    with CloudAccount(workspace, cloud) as acc:
        yield acc


def twilio(ws: Workspace) -> None:
    settings = SmsSettings(
        provider="twilio", account_sid="AC" + "ab" * 16, sender_id="+14155550100"
    )
    channel_config.save(ws, settings, TWILIO_TOKEN)


def stored_hook(ws: Workspace) -> str:
    with ws.read() as session:
        return local_state.get(session, StateKey.EMAIL_HOOK)


# -- no network --------------------------------------------------------------------------------


def test_the_provider_follows_the_channel_and_the_configured_sms_provider(
    workspace: Workspace,
) -> None:
    assert webhooks.provider_for(workspace, Channel.WHATSAPP) == "whatsapp"
    assert webhooks.provider_for(workspace, Channel.EMAIL) == "email"
    with pytest.raises(UserError, match="Configure the SMS channel first"):
        webhooks.provider_for(workspace, Channel.SMS)
    twilio(workspace)
    assert webhooks.provider_for(workspace, Channel.SMS) == "twilio"
    channel_config.save(
        workspace, SmsSettings(provider="africastalking", username="sandbox"), "atsk_key_1"
    )
    assert webhooks.provider_for(workspace, Channel.SMS) == "africastalking"


def test_nothing_goes_to_the_cloud_without_a_sign_in(
    workspace: Workspace, account: CloudAccount
) -> None:
    for channel in Channel:
        with pytest.raises(UserError, match=r"Sign in to your LocalPro cloud account first"):
            webhooks.enable(workspace, account, channel, APP_SECRET)
    with pytest.raises(UserError, match=r"localpro account login --email"):
        webhooks.listing(workspace, account)


def test_a_missing_or_malformed_secret_is_refused_before_any_call(
    workspace: Workspace, account: CloudAccount, cloud: str
) -> None:
    sign_up(workspace, cloud)
    with pytest.raises(UserError, match="app secret"):
        webhooks.enable(workspace, account, Channel.WHATSAPP, None)
    with pytest.raises(UserError, match="too long"):
        webhooks.enable(workspace, account, Channel.WHATSAPP, "x" * 501)
    with pytest.raises(UserError, match="spans several lines"):
        webhooks.enable(workspace, account, Channel.WHATSAPP, "two\nlines")
    twilio(workspace)
    plan = webhooks.plan(workspace, account, Channel.SMS)
    assert (plan.provider, plan.secret_stored) == ("twilio", True)
    assert str(plan.secret_label) == "Twilio auth token"
    assert webhooks.listing(workspace, account) == []


# -- against the cloud ------------------------------------------------------------------------


def test_enable_and_list_with_the_cloud(
    workspace: Workspace, account: CloudAccount, cloud: str
) -> None:
    sign_up(workspace, cloud)
    wa = webhooks.enable(workspace, account, Channel.WHATSAPP, f"  {APP_SECRET}  ")
    assert wa.url == f"{cloud}/hooks/whatsapp/{webhooks.hook_id_of(wa)}"
    assert wa.verify_token
    twilio(workspace)
    sms = webhooks.enable(workspace, account, Channel.SMS)  # the stored auth token
    assert (sms.channel, sms.provider) == ("sms", "twilio")
    listed = webhooks.listing(workspace, account)
    assert [(h.channel, h.url) for h in listed] == [("sms", sms.url), ("whatsapp", wa.url)]
    assert webhooks.email_links(workspace) is None  # no e-mail hook: mailto stays


def test_the_email_hook_is_remembered_for_its_account_only(
    workspace: Workspace, account: CloudAccount, cloud: str, tmp_path: Path
) -> None:
    email = sign_up(workspace, cloud)
    info = webhooks.enable(workspace, account, Channel.EMAIL)
    links = webhooks.email_links(workspace)
    assert links == webhooks.EmailLinks(f"{cloud}/e", info.hook_id)
    assert links.unsubscribe_url("k-1") == f"{cloud}/e/{info.hook_id}.k-1/unsubscribe"
    assert links.open_pixel_url("k-1") == f"{cloud}/e/{info.hook_id}.k-1/open.gif"
    assert "secret" not in stored_hook(workspace)

    # The links answer on the cloud (the pixel is a GIF; the page asks before recording).
    pixel = httpx.get(links.open_pixel_url("a0b1c2d3-0000-4000-8000-000000000001"))
    assert (pixel.status_code, pixel.headers["content-type"]) == (200, "image/gif")
    assert httpx.get(links.unsubscribe_url("a0b1c2d3-0000-4000-8000-000000000001")).is_success

    # Rotated: the old links stop, the new hook is remembered.
    rotated = webhooks.enable(workspace, account, Channel.EMAIL)
    assert rotated.hook_id != info.hook_id
    assert httpx.get(links.unsubscribe_url("x")).status_code == 404
    assert webhooks.email_links(workspace) == webhooks.EmailLinks(f"{cloud}/e", rotated.hook_id)

    # Signed out (or another account): no links; signed in again: back.
    account.sign_out()
    assert webhooks.email_links(workspace) is None
    account.sign_in(email, PASSWORD)
    assert webhooks.email_links(workspace) is not None

    # Another laptop of the account learns the hook by listing.
    office = Workspace.open(WorkspacePaths(tmp_path / "office"), daily_backup=False)
    try:
        with CloudAccount(office, cloud) as other:
            other.sign_in(email, PASSWORD)
            assert webhooks.email_links(office) is None
            webhooks.listing(office, other)
        assert webhooks.email_links(office) == webhooks.EmailLinks(f"{cloud}/e", rotated.hook_id)
    finally:
        office.close()


def test_another_laptop_learns_the_email_hook_by_syncing(
    workspace: Workspace, account: CloudAccount, cloud: str, tmp_path: Path
) -> None:
    """No command needed on the second laptop: its next sync asks which hooks the account
    has (at most every few hours), so its e-mails get the pixel and the one-click link."""
    email = sign_up(workspace, cloud)
    info = webhooks.enable(workspace, account, Channel.EMAIL)
    office = Workspace.open(WorkspacePaths(tmp_path / "office"), daily_backup=False)
    try:
        with CloudAccount(office, cloud) as other:
            other.sign_in(email, PASSWORD)
            assert webhooks.email_links(office) is None
            other.sync_once()
            assert webhooks.email_links(office) == webhooks.EmailLinks(f"{cloud}/e", info.hook_id)
            # Rotated elsewhere later: learnt at the next check, not at every sync.
            rotated = webhooks.enable(workspace, account, Channel.EMAIL)
            other.sync_once()
            assert webhooks.email_links(office) == webhooks.EmailLinks(f"{cloud}/e", info.hook_id)
            with office.write() as session:
                local_state.put(session, StateKey.HOOKS_CHECKED_AT, "2000-01-01T00:00:00")
            other.sync_once()
            assert webhooks.email_links(office) == webhooks.EmailLinks(
                f"{cloud}/e", rotated.hook_id
            )
    finally:
        office.close()


def test_a_stale_or_foreign_email_hook_is_not_used(
    workspace: Workspace, account: CloudAccount, cloud: str
) -> None:
    sign_up(workspace, cloud)
    with workspace.read() as session:
        account_id = local_state.get(session, StateKey.ACCOUNT)
    foreign = {"account_id": "someone-else", "url": f"{cloud}/e", "hook_id": "h" * 43}
    with workspace.write() as session:
        local_state.put(session, StateKey.EMAIL_HOOK, json.dumps(foreign))
    assert webhooks.email_links(workspace) is None
    for broken in ("{", '{"url": 1}', json.dumps({**foreign, "account_id": account_id})[:-2]):
        with workspace.write() as session:
            local_state.put(session, StateKey.EMAIL_HOOK, broken)
        assert webhooks.email_links(workspace) is None
    mine = {**foreign, "account_id": account_id}
    with workspace.write() as session:
        local_state.put(session, StateKey.EMAIL_HOOK, json.dumps(mine))
    assert webhooks.email_links(workspace) == webhooks.EmailLinks(f"{cloud}/e", "h" * 43)
    # The account has no e-mail hook (any more): listing forgets it.
    assert webhooks.listing(workspace, account) == []
    assert webhooks.email_links(workspace) is None
    assert stored_hook(workspace) == ""
