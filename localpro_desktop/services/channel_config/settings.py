"""What each channel's settings are, the rules they must meet, and their JSON form.

No I/O here: ``validate`` checks and tidies what a person typed (raising ``UserError``
saying what to fix), ``to_json`` / ``from_json`` are the form kept in the workspace's
local state (never a secret: those are in the OS keyring, see ``channels/secrets.py``).

Sending rates (messages a second) stay inside each provider's documented limit:

- Outlook / Office 365: 30 messages a minute ("Exchange Online limits", sending limits,
  https://learn.microsoft.com/office365/servicedescriptions/exchange-online-service-description/exchange-online-limits);
  other SMTP servers publish no common figure: LocalPro's own ceiling of 50/s;
- Twilio: 2,000 messages a second for an account and its subaccounts (error 63017,
  https://www.twilio.com/docs/api/errors/63017); each sender's own rate is queued by Twilio;
- Africa's Talking publishes no numeric API rate (its throughput is set by the carriers):
  LocalPro's own ceiling of 1,000/s;
- WhatsApp Cloud API: 80 messages a second per number by default, 1,000 once Meta
  upgrades the number ("Throughput", https://developers.facebook.com/docs/whatsapp/cloud-api/overview#throughput).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import asdict, dataclass, fields, replace
from decimal import Decimal, InvalidOperation
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final

from email_validator import EmailNotValidError, validate_email

from localpro_desktop.channels.base import ChannelKind
from localpro_desktop.channels.email import presets as smtp_presets
from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.messages import Message
from localpro_desktop.domain.messages import channels as msg

SECURITIES: Final = ("starttls", "ssl", "none")
SMS_PROVIDERS: Final = ("africastalking", "twilio")
LOGO_SUFFIXES: Final = frozenset({".png", ".jpg", ".jpeg", ".gif"})
FROM_NAME_LIMIT: Final = 100
JSON_VERSION: Final = 1


@dataclass(frozen=True)
class EmailSettings:
    host: str
    port: int
    security: str
    """"starttls", "ssl" or "none"."""
    from_address: str
    from_name: str = ""
    username: str = ""
    """Empty: the server takes mail without a sign-in (then no password is kept)."""
    price: Decimal | None = None
    rate: float | None = None
    logo_path: str = ""
    """An image shown in the e-mails' signature (optional, on this laptop)."""


@dataclass(frozen=True)
class SmsSettings:
    provider: str
    """"africastalking" or "twilio"."""
    username: str = ""
    """Africa's Talking's account (app) username."""
    account_sid: str = ""
    """Twilio's account SID (AC + 32 hexadecimal characters)."""
    sender_id: str = ""
    """Alphanumeric sender id, short code or number; Twilio also takes a Messaging
    Service SID (MG…)."""
    price: Decimal | None = None
    rate: float | None = None
    base_url: str = ""
    """The provider's address; empty: ``LOCALPRO_AFRICASTALKING_URL`` /
    ``LOCALPRO_TWILIO_URL`` or the public API."""


@dataclass(frozen=True)
class WhatsAppSettings:
    phone_number_id: str
    business_account_id: str
    price: Decimal | None = None
    rate: float | None = None
    base_url: str = ""
    """Empty: ``LOCALPRO_WHATSAPP_URL`` or https://graph.facebook.com."""


ChannelSettings = EmailSettings | SmsSettings | WhatsAppSettings


@dataclass(frozen=True)
class EmailPreset:
    """A known e-mail provider's submission server (``custom``: the user types it)."""

    key: str
    label: str
    host: str
    port: int
    security: str
    max_rate: float
    note: Message


_OUTLOOK_HOSTS: Final = frozenset({"smtp.office365.com", "smtp-mail.outlook.com"})
OUTLOOK_MAX_RATE: Final = 0.5  # 30 messages a minute
SMTP_MAX_RATE: Final = 50.0

EMAIL_PRESETS: dict[str, EmailPreset] = {
    "gmail": EmailPreset(
        "gmail",
        "Gmail",
        smtp_presets["gmail"].host,
        smtp_presets["gmail"].port,
        smtp_presets["gmail"].security,
        SMTP_MAX_RATE,
        msg.GMAIL_NOTE(),
    ),
    "outlook": EmailPreset(
        "outlook",
        "Outlook / Office 365",
        smtp_presets["outlook"].host,
        smtp_presets["outlook"].port,
        smtp_presets["outlook"].security,
        OUTLOOK_MAX_RATE,
        msg.OUTLOOK_NOTE(),
    ),
    "custom": EmailPreset(
        "custom", msg.PRESET_CUSTOM(), "", 587, "starttls", SMTP_MAX_RATE, msg.CUSTOM_NOTE()
    ),
}

MAX_RATES: Final = MappingProxyType(
    {
        "africastalking": 1000.0,
        "twilio": 2000.0,
        "whatsapp": 1000.0,
    }
)
DEFAULT_RATES: Final = MappingProxyType(
    {
        # Well inside each provider's limits (the dispatcher's defaults).
        ChannelKind.EMAIL: 2.0,
        ChannelKind.SMS: 10.0,
        ChannelKind.WHATSAPP: 20.0,
    }
)

PROVIDER_NAMES: Final = MappingProxyType(
    {
        "smtp": "SMTP",
        "africastalking": "Africa's Talking",
        "twilio": "Twilio",
        "whatsapp": "WhatsApp Cloud API",
    }
)

_TWILIO_SID = re.compile(r"AC[0-9a-fA-F]{32}")
_MESSAGING_SERVICE_SID = re.compile(r"MG[0-9a-fA-F]{32}")
_ALPHANUMERIC_SENDER = re.compile(r"[A-Za-z0-9 ]{1,11}")
_HOST = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9.\-]*[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\]")
_META_ID = re.compile(r"[0-9]{1,30}")


# -- what a settings object is about --------------------------------------------------------


def channel_of(settings: ChannelSettings) -> Channel:
    if isinstance(settings, EmailSettings):
        return Channel.EMAIL
    if isinstance(settings, SmsSettings):
        return Channel.SMS
    return Channel.WHATSAPP


def provider_of(settings: ChannelSettings) -> str:
    """ "smtp", "africastalking", "twilio" or "whatsapp"."""
    if isinstance(settings, EmailSettings):
        return "smtp"
    if isinstance(settings, SmsSettings):
        return settings.provider
    return "whatsapp"


def needs_secret(settings: ChannelSettings) -> bool:
    """An SMTP server without a sign-in needs no password; every API needs its key."""
    return not (isinstance(settings, EmailSettings) and not settings.username)


def secret_label(settings: ChannelSettings) -> Message:
    """What the secret is called ("SMTP password", "Twilio auth token"...)."""
    provider = provider_of(settings)
    return msg.SECRET_NAME["email" if provider == "smtp" else provider]()


def rate_limit(settings: ChannelSettings) -> tuple[float, str]:
    """The highest rate allowed (messages a second) and whose limit it is."""
    if isinstance(settings, EmailSettings):
        if settings.host.lower() in _OUTLOOK_HOSTS:
            return OUTLOOK_MAX_RATE, "Outlook / Office 365"
        return SMTP_MAX_RATE, settings.host
    provider = provider_of(settings)
    return MAX_RATES[provider], PROVIDER_NAMES[provider]


def effective_rate(settings: ChannelSettings) -> float:
    """The configured rate, or the default kept under the provider's limit."""
    if settings.rate is not None:
        return settings.rate
    limit, _who = rate_limit(settings)
    return min(DEFAULT_RATES[ChannelKind(channel_of(settings).value)], limit)


def security_label(security: str) -> str:
    return {"starttls": "STARTTLS", "ssl": "SSL/TLS"}.get(security) or msg.NO_ENCRYPTION()


def describe(settings: ChannelSettings) -> Message:
    """One line saying which account the channel uses (never a secret)."""
    if isinstance(settings, EmailSettings):
        sender = (
            f"{settings.from_name} <{settings.from_address}>"
            if settings.from_name
            else settings.from_address
        )
        args = {
            "sender": sender,
            "server": f"{settings.host}:{settings.port}",
            "security": security_label(settings.security),
        }
        if settings.username:
            return msg.DESCRIBE_EMAIL_LOGIN(username=settings.username, **args)
        return msg.DESCRIBE_EMAIL(**args)
    if isinstance(settings, SmsSettings):
        if settings.provider == "twilio":
            return msg.DESCRIBE_TWILIO(sid=settings.account_sid, sender=settings.sender_id)
        if settings.sender_id:
            return msg.DESCRIBE_AT_SENDER(username=settings.username, sender=settings.sender_id)
        return msg.DESCRIBE_AT(username=settings.username)
    return msg.DESCRIBE_WHATSAPP(
        number_id=settings.phone_number_id, account_id=settings.business_account_id
    )


# -- checking what was typed -----------------------------------------------------------------


def parse_price(text: str) -> Decimal:
    """A price typed by a person ("0.05", "25", "0,05"), or ``UserError``."""
    try:
        value = Decimal(text.strip().replace(",", "."))
    except InvalidOperation:
        raise UserError(msg.BAD_PRICE, value=text) from None
    if not value.is_finite() or value < 0:
        raise UserError(msg.BAD_PRICE, value=text)
    return value


def _check_price(value: Decimal | None) -> Decimal | None:
    if value is None:
        return None
    if not value.is_finite() or value < 0:
        raise UserError(msg.BAD_PRICE, value=str(value))
    return value


def _check_rate(settings: ChannelSettings) -> float | None:
    rate = settings.rate
    if rate is None:
        return None
    limit, who = rate_limit(settings)
    if not math.isfinite(rate) or rate <= 0 or rate > limit:
        raise UserError(msg.BAD_RATE, value=rate, limit=f"{limit:g}", provider=who)
    return float(rate)


def _one_line(text: str) -> bool:
    return "\n" not in text and "\r" not in text


def _check_base_url(url: str) -> str:
    url = url.strip()
    if url and not re.match(r"https?://[^\s/]+", url):
        raise UserError(msg.BAD_BASE_URL, url=url)
    return url.rstrip("/")


def check_sender_id(sender: str, provider: str) -> str:
    sender = sender.strip()
    if not sender:
        return ""
    if provider == "twilio" and _MESSAGING_SERVICE_SID.fullmatch(sender):
        return sender
    digits = sender.removeprefix("+")
    if digits.isdigit() and digits.isascii():
        if 3 <= len(digits) <= 15:
            return sender
    elif _ALPHANUMERIC_SENDER.fullmatch(sender) and any(c.isalpha() for c in sender):
        return sender
    raise UserError(msg.BAD_SENDER_ID, sender=sender)


def _check_email(settings: EmailSettings) -> EmailSettings:
    host = settings.host.strip().lower()
    if not host:
        raise UserError(msg.NO_HOST)
    if len(host) > 253 or not _HOST.fullmatch(host):
        raise UserError(msg.BAD_HOST, host=settings.host)
    if not 1 <= settings.port <= 65535:
        raise UserError(msg.BAD_PORT, port=settings.port)
    security = settings.security.strip().lower()
    if security not in SECURITIES:
        raise UserError(msg.BAD_SECURITY, value=settings.security)
    try:
        from_address = validate_email(
            settings.from_address.strip(), check_deliverability=False
        ).normalized
    except EmailNotValidError as exc:
        raise UserError(msg.BAD_FROM, address=settings.from_address, detail=str(exc)) from None
    from_name = settings.from_name.strip()
    if not _one_line(from_name) or len(from_name) > FROM_NAME_LIMIT:
        raise UserError(msg.BAD_FROM_NAME, limit=FROM_NAME_LIMIT)
    username = settings.username
    if not _one_line(username) or username != username.strip():
        raise UserError(msg.BAD_USERNAME)
    logo = settings.logo_path.strip()
    if logo:
        path = Path(logo).expanduser()
        if path.suffix.lower() not in LOGO_SUFFIXES or not path.is_file():
            raise UserError(msg.BAD_LOGO, path=logo)
        logo = str(path.resolve())
    return replace(
        settings,
        host=host,
        security=security,
        from_address=from_address,
        from_name=from_name,
        logo_path=logo,
    )


def _check_sms(settings: SmsSettings) -> SmsSettings:
    provider = settings.provider.strip().lower().replace("'", "").replace(" ", "")
    if provider not in SMS_PROVIDERS:
        raise UserError(msg.UNKNOWN_PROVIDER, name=settings.provider)
    username = settings.username.strip()
    account_sid = settings.account_sid.strip()
    if provider == "africastalking":
        if account_sid:
            raise UserError(msg.AT_NO_ACCOUNT_SID)
        if not username or not _one_line(username) or " " in username:
            raise UserError(msg.AT_NEEDS_USERNAME)
    else:
        if username:
            raise UserError(msg.TWILIO_NO_USERNAME)
        if not _TWILIO_SID.fullmatch(account_sid):
            raise UserError(msg.BAD_TWILIO_SID, sid=account_sid)
    sender_id = check_sender_id(settings.sender_id, provider)
    if provider == "twilio" and not sender_id:
        raise UserError(msg.TWILIO_NEEDS_SENDER)
    return replace(
        settings,
        provider=provider,
        username=username,
        account_sid=account_sid,
        sender_id=sender_id,
        base_url=_check_base_url(settings.base_url),
    )


def _check_whatsapp(settings: WhatsAppSettings) -> WhatsAppSettings:
    number_id = settings.phone_number_id.strip()
    if not _META_ID.fullmatch(number_id):
        raise UserError(msg.BAD_PHONE_NUMBER_ID, value=settings.phone_number_id)
    account_id = settings.business_account_id.strip()
    if not _META_ID.fullmatch(account_id):
        raise UserError(msg.BAD_BUSINESS_ACCOUNT_ID, value=settings.business_account_id)
    return replace(
        settings,
        phone_number_id=number_id,
        business_account_id=account_id,
        base_url=_check_base_url(settings.base_url),
    )


def validate(settings: ChannelSettings) -> ChannelSettings:
    """The settings tidied (trimmed, normalised), or ``UserError`` saying what to fix."""
    checked: ChannelSettings
    if isinstance(settings, EmailSettings):
        checked = _check_email(settings)
    elif isinstance(settings, SmsSettings):
        checked = _check_sms(settings)
    else:
        checked = _check_whatsapp(settings)
    return replace(checked, price=_check_price(checked.price), rate=_check_rate(checked))


# -- the stored form -------------------------------------------------------------------------

_TYPES: Final[dict[Channel, type[EmailSettings] | type[SmsSettings] | type[WhatsAppSettings]]] = {
    Channel.EMAIL: EmailSettings,
    Channel.SMS: SmsSettings,
    Channel.WHATSAPP: WhatsAppSettings,
}


def to_json(settings: ChannelSettings) -> str:
    data: dict[str, Any] = asdict(settings)
    data["price"] = str(settings.price) if settings.price is not None else None
    data["version"] = JSON_VERSION
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def from_json(channel: Channel, text: str) -> ChannelSettings | None:
    """The stored settings; ``None`` when there are none (or they cannot be read)."""
    if not text:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    kind = _TYPES[channel]
    known = {f.name for f in fields(kind)}
    values = {k: v for k, v in data.items() if k in known}
    try:
        if values.get("price") is not None:
            values["price"] = Decimal(str(values["price"]))
        if values.get("rate") is not None:
            values["rate"] = float(values["rate"])
        if "port" in values:
            values["port"] = int(values["port"])
        return kind(**values)
    except (TypeError, ValueError, InvalidOperation):
        return None
