"""Where a channel's configuration lives: settings in the workspace, the secret in the keyring.

Both are this laptop's own: the settings are local state of the workspace (the
``sync_state`` table, never synced to other laptops) and the secret is in this laptop's OS
keyring under the workspace's device id. A channel is ready when its settings are stored
and, where it needs one, its secret is in the keyring.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from sqlalchemy.orm import Session

from localpro_desktop.channels import africastalking, secrets, twilio, whatsapp
from localpro_desktop.channels.base import Channel as Adapter
from localpro_desktop.channels.base import ChannelKind
from localpro_desktop.channels.email import Security, SmtpChannel
from localpro_desktop.domain import recipient_texts
from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.messages import Message
from localpro_desktop.domain.messages import channels as msg
from localpro_desktop.services.channel_config.settings import (
    DEFAULT_RATES,
    PROVIDER_NAMES,
    ChannelSettings,
    EmailSettings,
    SmsSettings,
    WhatsAppSettings,
    channel_of,
    describe,
    effective_rate,
    from_json,
    needs_secret,
    provider_of,
    secret_label,
    to_json,
    validate,
)
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store import local_state
from localpro_desktop.store.local_state import StateKey

_KEYS = {
    Channel.EMAIL: StateKey.CHANNEL_EMAIL,
    Channel.SMS: StateKey.CHANNEL_SMS,
    Channel.WHATSAPP: StateKey.CHANNEL_WHATSAPP,
}
ORDER = (Channel.EMAIL, Channel.SMS, Channel.WHATSAPP)
_SECURITY: dict[str, Security] = {"starttls": "starttls", "ssl": "ssl", "none": "none"}


@dataclass(frozen=True)
class ChannelSummary:
    """One configured channel as a list shows it: never a secret."""

    channel: Channel
    provider: str
    """"smtp", "africastalking", "twilio" or "whatsapp"."""
    description: str
    """Which account (a translatable ``Message``)."""
    has_secret: bool
    """Its secret is in this laptop's keyring."""
    price: Decimal | None
    currency: str
    rate: float
    """Messages a second the dispatcher sends at (configured or the default)."""
    ready: bool = False
    """Settings stored and, where one is needed, the secret too: campaigns can go out."""


def channel_name(channel: Channel) -> Message:
    return msg.CHANNEL_NAME[channel.value]()


# -- reading and writing --------------------------------------------------------------------


def load(ws: Workspace, channel: Channel) -> ChannelSettings | None:
    """The channel's settings on this laptop, ``None`` when it is not configured."""
    with ws.read() as session:
        text = local_state.get(session, _KEYS[channel])
    return from_json(channel, text)


def has_secret(ws: Workspace, channel: Channel) -> bool:
    """Whether the channel's secret is in the keyring (no keyring: no)."""
    return secrets.has_secret(ws.device_id, channel.value)


def is_ready(ws: Workspace, channel: Channel) -> bool:
    """Settings stored and the secret they need in the keyring (no network)."""
    settings = load(ws, channel)
    if settings is None:
        return False
    return not needs_secret(settings) or has_secret(ws, channel)


def save(ws: Workspace, settings: ChannelSettings, secret: str | None) -> None:
    """Check and store the settings, and the secret in the keyring (``None``: keep it).

    Refused with a ``UserError`` saying what to fix, before anything is written: invalid
    settings, no secret given and none stored, a new SMS provider without its secret, no
    keyring. A channel the dispatcher had stopped (e.g. after a refused login) is tried
    again once saved.
    """
    settings = validate(settings)
    channel = channel_of(settings)
    label = secret_label(settings)
    if needs_secret(settings):
        if secret is None:
            previous = load(ws, channel)
            if (
                isinstance(previous, SmsSettings)
                and isinstance(settings, SmsSettings)
                and previous.provider != settings.provider
            ):
                raise UserError(
                    msg.SECRET_FOR_NEW_PROVIDER,
                    provider=provider_label(settings),
                    secret=label,
                )
            if not secrets.load_secret(ws.device_id, channel.value, label):
                raise UserError(msg.SECRET_MISSING, secret=label)
        else:
            secrets.save_secret(ws.device_id, channel.value, secret, label)
    else:
        secrets.delete_secret(ws.device_id, channel.value)
    with ws.write() as session:
        local_state.put(session, _KEYS[channel], to_json(settings))
        _clear_problem(session, channel)


def remove(ws: Workspace, channel: Channel) -> None:
    """Forget the channel on this laptop: its settings and its secret."""
    with ws.write() as session:
        local_state.put(session, _KEYS[channel], "")
        _clear_problem(session, channel)
    secrets.delete_secret(ws.device_id, channel.value)


def _clear_problem(session: Session, channel: Channel) -> None:
    """Drop the dispatcher's "stopped" note for this channel (JSON {channel: words})."""
    text = local_state.get(session, StateKey.CHANNEL_PROBLEMS)
    if not text:
        return
    try:
        problems = json.loads(text)
    except ValueError:
        return
    if isinstance(problems, dict) and channel.value in problems:
        del problems[channel.value]
        local_state.put(session, StateKey.CHANNEL_PROBLEMS, json.dumps(problems))


# -- read models -----------------------------------------------------------------------------


def provider_label(settings: ChannelSettings) -> str:
    return PROVIDER_NAMES[provider_of(settings)]


def summaries(ws: Workspace) -> list[ChannelSummary]:
    """The channels configured on this laptop, in a fixed order; never a secret."""
    currency = ws.settings().currency
    found: list[ChannelSummary] = []
    for channel in ORDER:
        settings = load(ws, channel)
        if settings is None:
            continue
        stored = has_secret(ws, channel)
        found.append(
            ChannelSummary(
                channel=channel,
                provider=provider_of(settings),
                description=describe(settings),
                has_secret=stored,
                price=settings.price,
                currency=currency,
                rate=effective_rate(settings),
                ready=stored or not needs_secret(settings),
            )
        )
    return found


def price_for(ws: Workspace, channel: Channel) -> Decimal | None:
    """The price per message (per SMS segment) the user set, in the workspace currency."""
    settings = load(ws, channel)
    return settings.price if settings is not None else None


def rates(ws: Workspace) -> dict[ChannelKind, float]:
    """Messages a second per channel: the configured rate, else a default under the limit."""
    found: dict[ChannelKind, float] = {}
    for channel in ORDER:
        kind = ChannelKind(channel.value)
        settings = load(ws, channel)
        found[kind] = effective_rate(settings) if settings is not None else DEFAULT_RATES[kind]
    return found


# -- the adapters ----------------------------------------------------------------------------


def require(ws: Workspace, channel: Channel) -> tuple[ChannelSettings, str | None]:
    """The settings and secret, or ``UserError`` saying how to configure the channel."""
    settings = load(ws, channel)
    if settings is None:
        raise UserError(msg.NOT_CONFIGURED, channel=channel_name(channel), command=channel.value)
    if not needs_secret(settings):
        return settings, None
    label = secret_label(settings)
    secret = secrets.load_secret(ws.device_id, channel.value, label)
    if not secret:
        raise UserError(msg.SECRET_NOT_STORED, secret=label, channel=channel_name(channel))
    return settings, secret


def build_adapter(ws: Workspace, channel: Channel) -> Adapter:
    """The adapter the dispatcher sends through, from this laptop's settings and secret."""
    settings, secret = require(ws, channel)
    return adapter_for(settings, secret, language=ws.settings().language)


def adapter_for(settings: ChannelSettings, secret: str | None, *, language: str = "en") -> Adapter:
    """``language``: the workspace's, for the words LocalPro adds to what people receive."""
    if isinstance(settings, EmailSettings):
        security = _SECURITY[settings.security]
        return SmtpChannel(
            settings.host,
            settings.port,
            security,
            settings.from_address,
            username=settings.username or None,
            password=secret,
            from_name=settings.from_name,
            unsubscribe_mailto=recipient_texts.unsubscribe_mailto(settings.from_address, language),
            unsubscribe_line=recipient_texts.unsubscribe_line(language),
            logo=Path(settings.logo_path) if settings.logo_path else None,
        )
    assert secret is not None
    if isinstance(settings, SmsSettings):
        if settings.provider == "twilio":
            service = settings.sender_id if settings.sender_id.startswith("MG") else ""
            return twilio.TwilioSms(
                settings.account_sid,
                secret,
                from_number="" if service else settings.sender_id,
                messaging_service_sid=service,
                base_url=settings.base_url or None,
            )
        return africastalking.AfricasTalkingSms(
            settings.username,
            secret,
            settings.sender_id,
            base_url=africastalking_url(settings),
        )
    return whatsapp.WhatsAppCloud(
        settings.phone_number_id,
        secret,
        settings.business_account_id,
        base_url=settings.base_url or None,
    )


def africastalking_url(settings: SmsSettings) -> str | None:
    """The setting, else the environment; the "sandbox" user talks to the sandbox API."""
    if settings.base_url:
        return settings.base_url
    if os.environ.get(africastalking.URL_ENV):
        return None  # the adapter reads it
    return africastalking.SANDBOX_URL if settings.username == "sandbox" else None


def base_url(settings: SmsSettings | WhatsAppSettings) -> str:
    """The provider address the adapters use: setting, environment, public API."""
    if isinstance(settings, WhatsAppSettings):
        return (
            settings.base_url or os.environ.get(whatsapp.URL_ENV) or whatsapp.PUBLIC_URL
        ).rstrip("/")
    if settings.provider == "twilio":
        return (settings.base_url or os.environ.get(twilio.URL_ENV) or twilio.PUBLIC_URL).rstrip(
            "/"
        )
    url = africastalking_url(settings)
    return (url or os.environ.get(africastalking.URL_ENV) or africastalking.PUBLIC_URL).rstrip("/")
