"""Asking the providers: check a connection, send one test message, list WhatsApp templates.

Everything here uses the network: call it off the UI thread. Failures come back as a
``UserError`` with the provider's own words, scrubbed of the secret (a provider may echo a
key or token back, and Twilio's Account resource even carries the auth token).

The checks are each provider's cheapest documented read:

- SMTP: connect (with STARTTLS or SSL as set), sign in, ``NOOP`` (RFC 5321 §4.1.1.9);
- Africa's Talking: the user data, ``GET /version1/user?username=`` (answers
  ``{"UserData": {"balance": "KES 1785.50"}}``,
  https://developers.africastalking.com/docs/data/user_data);
- Twilio: the Account resource, ``GET /2010-04-01/Accounts/{AccountSid}.json``
  (``friendly_name``, ``status`` active|suspended|closed,
  https://www.twilio.com/docs/iam/api/account);
- WhatsApp Cloud API: the phone number, ``GET /{version}/{phone-number-id}``
  (``display_phone_number``, ``verified_name``,
  https://developers.facebook.com/docs/whatsapp/cloud-api/reference/phone-numbers), then one
  template of the business account (``GET /{version}/{waba-id}/message_templates``).
"""

from __future__ import annotations

import contextlib
import smtplib
from base64 import b64encode
from dataclasses import dataclass
from typing import Any

from localpro_desktop.channels.base import AmbiguousSend, OutboundMessage, SendError
from localpro_desktop.channels.email import SmtpChannel
from localpro_desktop.channels.http_client import HttpClient, HttpResponse, TransportFailure
from localpro_desktop.channels.whatsapp import DEFAULT_VERSION, WhatsAppCloud, WhatsAppTemplate
from localpro_desktop.domain import recipient_texts
from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.domain.emails import check_email
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.ids import new_id
from localpro_desktop.domain.messages import channels as msg
from localpro_desktop.domain.phones import parse_phone
from localpro_desktop.services.channel_config.settings import (
    EmailSettings,
    SmsSettings,
    WhatsAppSettings,
    security_label,
)
from localpro_desktop.services.channel_config.stored import adapter_for, base_url, require
from localpro_desktop.services.workspace import Workspace

CHECK_TIMEOUT = 20.0
SMTP_CHECK_TIMEOUT = 20.0
WORDS_LIMIT = 300
TEST_TEMPLATE = "hello_world"
"""Meta's sample template, approved in every new WhatsApp Business Account (no variables)."""
TEST_TEMPLATE_LANGUAGE = "en_US"


@dataclass(frozen=True)
class WhatsAppTemplateInfo:
    """An approved template, as the composer maps contact fields onto it."""

    name: str
    language: str
    category: str
    body: str
    """The body text with its ``{{1}}`` / ``{{name}}`` placeholders."""
    params: tuple[str, ...]
    """The body's parameter names in the order a send passes them: "1", "2"… for
    positional templates, the names for named ones."""
    parameter_format: str = "POSITIONAL"


# -- checking the connection -------------------------------------------------------------------


def check_connection(ws: Workspace, channel: Channel) -> str:
    """Ask the provider whether the settings and secret work; say what was verified."""
    settings, secret = require(ws, channel)
    if isinstance(settings, EmailSettings):
        return _check_smtp(settings, secret)
    assert secret is not None
    if isinstance(settings, SmsSettings):
        if settings.provider == "twilio":
            return _check_twilio(settings, secret)
        return _check_africastalking(settings, secret)
    return _check_whatsapp(settings, secret)


def _check_smtp(settings: EmailSettings, secret: str | None) -> str:
    adapter = adapter_for(settings, secret)
    assert isinstance(adapter, SmtpChannel)
    adapter.timeout = SMTP_CHECK_TIMEOUT
    server = f"{settings.host}:{settings.port}"
    security = security_label(settings.security)
    try:
        # The adapter's own steps, so the check fails exactly as a send would.
        smtp = adapter._connect()
        try:
            adapter._login(smtp)
            code, reply = smtp.noop()
        finally:
            with contextlib.suppress(OSError, smtplib.SMTPException):
                smtp.quit()
    except SendError as exc:
        words = _scrub(exc.words, secret)
        raise UserError(msg.SMTP_CHECK_FAILED, server=server, words=words) from None
    except (OSError, smtplib.SMTPException) as exc:
        words = _scrub(str(exc) or type(exc).__name__, secret)
        raise UserError(msg.SMTP_CHECK_FAILED, server=server, words=words) from None
    if code != 250:
        text = reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)
        words = _scrub(f"{code} {' '.join(text.split())}", secret)
        raise UserError(msg.SMTP_CHECK_FAILED, server=server, words=words)
    if settings.username:
        return msg.CHECKED_SMTP_LOGIN(server=server, security=security, username=settings.username)
    return msg.CHECKED_SMTP(server=server, security=security)


def _check_africastalking(settings: SmsSettings, secret: str) -> str:
    provider = "Africa's Talking"
    response = _get(
        provider,
        f"{base_url(settings)}/version1/user",
        params={"username": settings.username},
        headers={"apiKey": secret, "Accept": "application/json"},
    )
    if response.status_code != 200:
        raise _refused(provider, response, secret)
    data = _json(response)
    user = data.get("UserData") if isinstance(data.get("UserData"), dict) else None
    if user is None:
        raise UserError(msg.UNEXPECTED_ANSWER, provider=provider, status=response.status_code)
    balance = _scrub(str(user.get("balance") or "?"), secret)
    return msg.CHECKED_AT(username=settings.username, balance=balance)


def _check_twilio(settings: SmsSettings, secret: str) -> str:
    provider = "Twilio"
    basic = b64encode(f"{settings.account_sid}:{secret}".encode()).decode()
    response = _get(
        provider,
        f"{base_url(settings)}/2010-04-01/Accounts/{settings.account_sid}.json",
        basic_auth=(settings.account_sid, secret),
    )
    if response.status_code != 200:
        raise _refused(provider, response, secret, basic)
    data = _json(response)
    # The Account resource carries the auth token too: only these two fields are read.
    name = _scrub(str(data.get("friendly_name") or settings.account_sid), secret)
    status = _scrub(str(data.get("status") or "?"), secret)
    if status != "active":
        raise UserError(msg.TWILIO_NOT_ACTIVE, name=name, status=status)
    return msg.CHECKED_TWILIO(name=name, status=status)


def _check_whatsapp(settings: WhatsAppSettings, secret: str) -> str:
    provider = "WhatsApp"
    root = f"{base_url(settings)}/{DEFAULT_VERSION}"
    headers = {"Authorization": f"Bearer {secret}"}
    response = _get(
        provider,
        f"{root}/{settings.phone_number_id}",
        params={"fields": "display_phone_number,verified_name,quality_rating"},
        headers=headers,
    )
    if response.status_code != 200:
        raise _refused(provider, response, secret)
    number = _json(response)
    templates = _get(
        provider,
        f"{root}/{settings.business_account_id}/message_templates",
        params={"fields": "name", "limit": "1"},
        headers=headers,
    )
    if templates.status_code != 200:
        raise _refused(provider, templates, secret)
    return msg.CHECKED_WHATSAPP(
        number=_scrub(str(number.get("display_phone_number") or settings.phone_number_id), secret),
        name=_scrub(str(number.get("verified_name") or "?"), secret),
    )


def _get(
    provider: str,
    url: str,
    *,
    params: dict[str, str] | None = None,
    headers: dict[str, str] | None = None,
    basic_auth: tuple[str, str] | None = None,
) -> HttpResponse:
    client = HttpClient(CHECK_TIMEOUT, basic_auth=basic_auth)
    try:
        return client.get(url, params=params, headers=headers)
    except TransportFailure as exc:
        # The class only: an exception's text may carry the request and its headers.
        raise UserError(msg.UNREACHABLE, provider=provider, reason=str(exc)) from None
    finally:
        client.close()


def _json(response: HttpResponse) -> dict[str, Any]:
    try:
        data = response.json()
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _refused(provider: str, response: HttpResponse, *secrets: str) -> UserError:
    """The provider's own words (Graph and Twilio error bodies, else the text)."""
    data = _json(response)
    error = data.get("error") if isinstance(data.get("error"), dict) else data
    words = ""
    if isinstance(error, dict) and error.get("message"):
        code = error.get("code")
        words = f"{code} {error['message']}" if code is not None else str(error["message"])
    if not words:
        words = " ".join(response.text.split())
    words = f"HTTP {response.status_code}: {words}" if words else f"HTTP {response.status_code}"
    return UserError(
        msg.PROVIDER_CHECK_FAILED, provider=provider, words=_scrub(words, *secrets)[:WORDS_LIMIT]
    )


def _scrub(text: str, *secrets: str | None) -> str:
    """The text without any secret, nor its base64 (HTTP basic, SMTP AUTH PLAIN) forms."""
    for secret in secrets:
        if not secret:
            continue
        forms = {secret, b64encode(secret.encode()).decode()}
        for form in sorted(forms, key=len, reverse=True):
            text = text.replace(form, "***")
    return text


# -- one test message --------------------------------------------------------------------------


def send_test(
    ws: Workspace,
    channel: Channel,
    to: str,
    *,
    text: str | None = None,
    subject: str | None = None,
) -> str:
    """Send one real message through the dispatcher's adapter; returns the provider's id.

    ``text``: the words to send (default: a test sentence in the workspace's language);
    ``subject`` (e-mail): default, the text's first line. On WhatsApp the test is Meta's
    ``hello_world`` template (a first message must be a template; every new account has
    that one approved).
    """
    settings, secret = require(ws, channel)
    language = ws.settings().language
    words = text or recipient_texts.test_message(channel.value, language)
    first_line = next((line.strip() for line in words.splitlines() if line.strip()), "")
    address = _test_address(ws, channel, to)
    message = OutboundMessage(
        key=f"localpro-test-{new_id()}",
        to=address,
        body=words,
        subject=(subject or first_line or words)[:200],
        template=TEST_TEMPLATE if channel is Channel.WHATSAPP else "",
        template_language=TEST_TEMPLATE_LANGUAGE if channel is Channel.WHATSAPP else "",
    )
    adapter = adapter_for(settings, secret, language=language)
    try:
        accepted = adapter.send(message)
    except SendError as exc:
        words_ = _scrub(exc.words, secret)
        raise UserError(msg.TEST_REFUSED, code=exc.code, words=words_) from None
    except AmbiguousSend as exc:
        raise UserError(msg.TEST_UNKNOWN, words=_scrub(exc.words, secret)) from None
    finally:
        _close(adapter)
    return accepted.provider_id


def _test_address(ws: Workspace, channel: Channel, to: str) -> str:
    if channel is Channel.EMAIL:
        checked = check_email(to)
        if not checked.valid or checked.normalized is None:
            raise UserError(msg.TEST_BAD_EMAIL, detail=checked.problem or to)
        return checked.normalized
    phone = parse_phone(to, ws.region)
    if not phone.valid or phone.e164 is None:
        raise UserError(msg.TEST_BAD_PHONE, detail=phone.problem or to)
    return phone.e164


def _close(adapter: object) -> None:
    close = getattr(adapter, "close", None)
    if callable(close):
        close()


# -- WhatsApp templates -----------------------------------------------------------------------


def whatsapp_templates(ws: Workspace) -> list[WhatsAppTemplateInfo]:
    """The business account's approved templates, with their body parameters in order."""
    settings, secret = require(ws, Channel.WHATSAPP)
    adapter = adapter_for(settings, secret)
    assert isinstance(adapter, WhatsAppCloud)
    try:
        found = adapter.list_templates(approved_only=True)
    except SendError as exc:
        words = _scrub(exc.words, secret)
        raise UserError(msg.TEMPLATES_FAILED, code=exc.code, words=words) from None
    finally:
        adapter.close()
    return [_info(t) for t in found]


def _info(template: WhatsAppTemplate) -> WhatsAppTemplateInfo:
    names = template.variable_names
    if template.parameter_format.upper() != "NAMED" and all(n.isdigit() for n in names):
        # Positional: the send passes {{1}}, {{2}}… in number order, whatever the text's.
        names = tuple(sorted(names, key=int))
    return WhatsAppTemplateInfo(
        name=template.name,
        language=template.language,
        category=template.category,
        body=template.body,
        params=names,
        parameter_format=template.parameter_format.upper() or "POSITIONAL",
    )
