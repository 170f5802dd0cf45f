"""The cloud's webhooks for this account: turn one on (or rotate it) per channel, list them.

Providers call webhooks on the internet while the laptop is closed half the time, so the
cloud receives them for the account and every laptop gets the events by sync (issue 11).
This module says which provider a channel's webhook is for (the SMS channel configured on
this laptop says Africa's Talking or Twilio), resolves its signing secret (WhatsApp's app
secret, Twilio's auth token: the one saved with the SMS channel when none is given), and
remembers the e-mail hook in the workspace's local state, so that queued e-mails carry
its links: an open pixel and an unsubscribe page per message (``EmailLinks``), each
behind the token ``{hook_id}.{key}`` (the outbox key: no personal data in the URL).

Everything but ``email_links`` goes to the cloud: call it off the UI thread.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from localpro_desktop.channels import secrets
from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.messages import Message
from localpro_desktop.domain.messages import channels as msg
from localpro_desktop.services import channel_config
from localpro_desktop.services.channel_config import SmsSettings
from localpro_desktop.services.channel_config.settings import PROVIDER_NAMES
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store import local_state
from localpro_desktop.store.database import Database
from localpro_desktop.store.local_state import StateKey
from localpro_protocol.wire import HookChannel, HookInfo

if TYPE_CHECKING:
    from localpro_desktop.services.account import CloudAccount

__all__ = [
    "SIGNED_PROVIDERS",
    "EmailLinks",
    "HookPlan",
    "email_links",
    "enable",
    "hook_id_of",
    "listing",
    "paste_urls",
    "plan",
    "provider_for",
    "provider_name",
]

SIGNED_PROVIDERS = frozenset({"whatsapp", "twilio"})
"""Providers that sign their calls with a secret the cloud must know."""
MAX_SECRET_CHARS = 500
"""What the cloud accepts (``HookRequest.secret``); real ones are 32 to 64 characters."""
_HOOK_ID = re.compile(r"^[A-Za-z0-9_\-]{8,64}$")
_HOOK_CHANNELS: dict[Channel, HookChannel] = {
    Channel.WHATSAPP: "whatsapp",
    Channel.SMS: "sms",
    Channel.EMAIL: "email",
}


# -- what a channel's webhook needs ------------------------------------------------------


def provider_for(ws: Workspace, channel: Channel) -> str:
    """The provider whose webhook ``channel`` gets: the SMS channel's configured provider,
    ``"whatsapp"`` or ``"email"``. ``UserError`` when SMS is not configured here."""
    if channel is Channel.SMS:
        settings = channel_config.load(ws, Channel.SMS)
        if not isinstance(settings, SmsSettings):
            raise UserError(msg.WEBHOOK_SMS_FIRST)
        return settings.provider
    return channel.value


def provider_name(provider: str) -> str:
    """How a provider is named to the user ("Africa's Talking"; the e-mail hook: LocalPro)."""
    return PROVIDER_NAMES.get(provider, "LocalPro" if provider == "email" else provider)


@dataclass(frozen=True)
class HookPlan:
    """What enabling a channel's webhook takes, known before any secret is asked for."""

    channel: Channel
    provider: str
    secret_label: Message | None
    """The signing secret to ask for ("WhatsApp app secret"), None when none is needed."""
    secret_stored: bool
    """A secret is already on this laptop (Twilio's auth token): asking may get nothing."""


def plan(ws: Workspace, account: CloudAccount, channel: Channel) -> HookPlan:
    """Check the sign-in and the channel before asking anything (``UserError`` otherwise)."""
    _require_sign_in(account)
    provider = provider_for(ws, channel)
    label = msg.WEBHOOK_SECRET_NAME[provider]() if provider in SIGNED_PROVIDERS else None
    stored = provider == "twilio" and channel_config.has_secret(ws, Channel.SMS)
    return HookPlan(channel, provider, label, stored)


def _require_sign_in(account: CloudAccount) -> None:
    if not account.signed_in():
        raise UserError(msg.WEBHOOK_SIGN_IN_FIRST)


def _signing_secret(ws: Workspace, hook: HookPlan, given: str | None) -> str:
    """The secret to send: the one given, else (Twilio) the SMS channel's auth token."""
    if hook.secret_label is None:
        return ""
    secret = (given or "").strip()
    if not secret and hook.secret_stored:
        label = msg.SECRET_NAME[hook.provider]()
        secret = (secrets.load_secret(ws.device_id, Channel.SMS.value, label) or "").strip()
    if not secret:
        raise UserError(msg.WEBHOOK_SECRET_NEEDED[hook.provider])
    if "\n" in secret or "\r" in secret:
        raise UserError(msg.SECRET_EMPTY, secret=hook.secret_label)
    if len(secret) > MAX_SECRET_CHARS:
        raise UserError(
            msg.WEBHOOK_SECRET_TOO_LONG, secret=hook.secret_label, limit=MAX_SECRET_CHARS
        )
    return secret


# -- the cloud calls ---------------------------------------------------------------------


def enable(
    ws: Workspace, account: CloudAccount, channel: Channel, secret: str | None = None
) -> HookInfo:
    """Turn on (again: rotate) the account's webhook for ``channel``; the cloud's answer.

    ``secret``: the provider's signing secret as the user gave it (None or "": none given;
    for Twilio the SMS channel's stored auth token is then used). It goes to the cloud in
    the request body and nowhere else. The e-mail hook is remembered for the links.
    """
    hook = plan(ws, account, channel)
    signing = _signing_secret(ws, hook, secret)
    info = account.enable_webhook(_HOOK_CHANNELS[channel], hook.provider, signing)
    if channel is Channel.EMAIL:
        remember_email_hook(ws, info)
    return info


def listing(ws: Workspace, account: CloudAccount) -> list[HookInfo]:
    """Every webhook the account has on, by channel; the e-mail hook is remembered (or
    forgotten when the account has none any more)."""
    _require_sign_in(account)
    found = sorted(account.webhooks(), key=lambda h: h.channel)
    email = next((h for h in found if h.channel == Channel.EMAIL.value), None)
    remember_email_hook(ws, email)
    return found


def hook_id_of(info: HookInfo) -> str:
    """The hook id: as the cloud says it, else the provider URL's last segment."""
    if info.hook_id:
        return info.hook_id
    if info.channel == Channel.EMAIL.value:
        return ""  # its URL is the base of the per-message links: no id in it
    return info.url.rstrip("/").rpartition("/")[2]


def paste_urls(info: HookInfo) -> dict[str, str]:
    """The URLs to paste into the provider's console, by role."""
    if info.provider == "africastalking":
        base = info.url.rstrip("/")
        return {
            "delivery": info.urls.get("delivery") or f"{base}/delivery",
            "inbound": info.urls.get("inbound") or f"{base}/inbound",
        }
    return dict(info.urls)


# -- the e-mail links ----------------------------------------------------------------------


@dataclass(frozen=True)
class EmailLinks:
    """The e-mail hook: ``{base}/{hook_id}.{key}/open.gif`` and ``…/unsubscribe``."""

    base: str
    """The cloud's e-mail hook URL, ``{public}/e`` (no trailing slash)."""
    hook_id: str

    def token(self, key: str) -> str:
        """The message's opaque token: the hook finds the account, the outbox key the
        message; nothing about the person."""
        return f"{self.hook_id}.{key}"

    def unsubscribe_url(self, key: str) -> str:
        return f"{self.base}/{self.token(key)}/unsubscribe"

    def open_pixel_url(self, key: str) -> str:
        return f"{self.base}/{self.token(key)}/open.gif"


def remember_email_hook(ws: Database, info: HookInfo | None) -> None:
    """Keep (or forget, given None) the account's e-mail hook for this laptop's e-mails."""
    value = ""
    hook_id = hook_id_of(info) if info is not None else ""
    if info is not None and _HOOK_ID.match(hook_id) and _is_web(info.url):
        with ws.read() as session:
            account_id = local_state.get(session, StateKey.ACCOUNT)
        value = json.dumps(
            {"account_id": account_id, "url": info.url.rstrip("/"), "hook_id": hook_id}
        )
    with ws.write() as session:
        local_state.put(session, StateKey.EMAIL_HOOK, value)


def email_links(ws: Workspace) -> EmailLinks | None:
    """The e-mail hook this laptop knows for the account it is signed in to, else None
    (e-mails then keep the ``mailto:`` unsubscribe address and no pixel). No network."""
    with ws.read() as session:
        text = local_state.get(session, StateKey.EMAIL_HOOK)
        account_id = local_state.get(session, StateKey.ACCOUNT)
    if not text or not account_id:
        return None
    try:
        data = json.loads(text)
        url, hook_id = str(data["url"]), str(data["hook_id"])
        same_account = data.get("account_id") == account_id
    except (ValueError, KeyError, TypeError, AttributeError):
        return None
    if not same_account or not _HOOK_ID.match(hook_id) or not _is_web(url):
        return None
    return EmailLinks(url.rstrip("/"), hook_id)


def _is_web(url: str) -> bool:
    return url.lower().startswith(("https://", "http://"))
