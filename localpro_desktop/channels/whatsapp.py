"""WhatsApp through Meta's WhatsApp Business Cloud API (a Graph API product).

``send`` posts one message to ``POST /{version}/{phone-number-id}/messages`` with a bearer
token: an approved template (the only way to open a conversation) or free text (only
inside the 24 hours after the person last wrote). The API keeps no idempotency key, so the
outbox key travels in ``biz_opaque_callback_data``, which Meta echoes back on the status
webhooks; the returned ``wamid`` is the provider id. There is no per-message look-up:
``lookup`` raises ``NotImplementedError`` and a message left in ``sending`` stays unknown.

Errors are the Graph error body ``{"error": {"message", "type", "code", "error_data":
{"details"}, "error_subcode", "fbtrace_id"}}``; the codes this adapter understands are in
``_PERMANENT``, ``_CHANNEL_WIDE`` and ``_RATE_LIMITS`` (Meta's "WhatsApp error codes" page,
https://developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes/).
``_CHANNEL_WIDE`` errors (token expired or lacking permission, account locked or blocked, a
payment problem, the number not registered) concern every message: ``scope="channel"``.
The access token never appears in a repr, an exception or a log line: provider words are
scrubbed of it.

Templates take their body values positionally (``{{1}}``, ``{{2}}``: in order) or by name
(``{{first_name}}``: each value carries its ``parameter_name``), per the template's
``parameter_format`` ("Parameter formats" in Meta's template fundamentals,
https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/overview).
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from localpro_desktop.channels.base import (
    Accepted,
    AmbiguousSend,
    ChannelKind,
    OutboundMessage,
    SendError,
)
from localpro_desktop.channels.http_client import (
    HttpClient,
    HttpResponse,
    Interrupted,
    TransportFailure,
    Unreachable,
)
from localpro_desktop.channels.transport import HttpAdapter, retry_after_seconds

URL_ENV = "LOCALPRO_WHATSAPP_URL"
PUBLIC_URL = "https://graph.facebook.com"
# Graph API v25.0 was released 18 Feb 2026 and is available until 29 Jul 2028
# (https://developers.facebook.com/docs/graph-api/changelog/versions/); v21.0 ends 21 Jan 2027.
DEFAULT_VERSION = "v25.0"
DEFAULT_TIMEOUT = 30.0
"""Seconds for an answer (connecting: at most 10)."""
MAX_TEMPLATE_PAGES = 50

# Codes whose refusal is final for this message; the words say what to do instead.
_PERMANENT: dict[int, str] = {
    131026: (
        "This number cannot receive WhatsApp messages (not on WhatsApp, old app or "
        "terms not accepted); an SMS may reach them"
    ),
    131047: (
        "More than 24 hours since this person last wrote: only an approved template can "
        "reach them now"
    ),
    131049: (
        "Meta did not deliver this marketing message (per-person marketing limit); "
        "do not resend it now"
    ),
    131050: "This person stopped marketing messages from this business",
}
# Codes that concern the account or the token, hence every message (nothing was sent).
_TOKEN_WORDS = "The WhatsApp access token was refused (expired or invalid): set a new one"
_CHANNEL_WIDE: dict[int, str] = {
    0: _TOKEN_WORDS,
    190: _TOKEN_WORDS,
    3: "The WhatsApp access token lacks a permission this needs: set a new one",
    10: "The WhatsApp access token lacks a permission this needs: set a new one",
    368: "The WhatsApp Business Account is blocked for a policy violation (see WhatsApp Manager)",
    131005: "WhatsApp denied access to this phone number with this token",
    131031: "The WhatsApp Business Account has been locked (see WhatsApp Manager)",
    131042: "A payment problem on the WhatsApp Business Account (check its payment method)",
    133010: "The business phone number is not registered on the WhatsApp Cloud API",
}
_PERMISSION_RANGE = range(200, 300)  # "API Permission": not granted or removed
# Rate limits: (words, seconds to wait when the answer names no Retry-After).
_RATE_LIMITS: dict[int, tuple[str, float]] = {
    130429: ("Cloud API throughput for this number reached: slow down", 1.0),
    131048: ("Spam rate limit: too many messages from this number were blocked or reported", 60.0),
    131056: ("Too many messages to this person in a short time (pair rate limit)", 6.0),
    4: ("Graph API application request limit reached", 60.0),
    80007: ("WhatsApp Business Account rate limit reached", 60.0),
}
_SERVER_TROUBLE = {1, 2, 131000}  # unknown error, service unavailable, something went wrong
_VARIABLE = re.compile(r"\{\{\s*([A-Za-z0-9_]+)\s*\}\}")


@dataclass(frozen=True)
class WhatsAppTemplate:
    """One message template of the WhatsApp Business Account, as the picker needs it."""

    name: str
    language: str
    category: str
    status: str
    body: str
    """The BODY component's text with its ``{{1}}`` / ``{{name}}`` placeholders."""
    variables: int
    """How many distinct body variables a send must fill (in order of appearance)."""
    variable_names: tuple[str, ...] = ()
    parameter_format: str = "POSITIONAL"


class WhatsAppCloud(HttpAdapter):
    """The WhatsApp Business Cloud API adapter (``Channel`` protocol)."""

    kind = ChannelKind.WHATSAPP

    def __init__(
        self,
        phone_number_id: str,
        access_token: str,
        business_account_id: str = "",
        api_version: str = DEFAULT_VERSION,
        base_url: str | None = None,
        *,
        timeout: float = DEFAULT_TIMEOUT,
    ) -> None:
        self.phone_number_id = phone_number_id
        self.business_account_id = business_account_id
        self.api_version = api_version
        self.base_url = (base_url or os.environ.get(URL_ENV) or PUBLIC_URL).rstrip("/")
        self.__token = access_token
        self._client = HttpClient(timeout, headers={"Authorization": f"Bearer {access_token}"})

    def __repr__(self) -> str:
        return (
            f"WhatsAppCloud(phone_number_id={self.phone_number_id!r}, "
            f"business_account_id={self.business_account_id!r}, "
            f"api_version={self.api_version!r}, base_url={self.base_url!r})"
        )

    # -- sending -------------------------------------------------------------------------

    def send(self, message: OutboundMessage) -> Accepted:
        payload = build_payload(message)
        url = f"{self.base_url}/{self.api_version}/{self.phone_number_id}/messages"
        try:
            response = self._client.post(url, json=payload)
        except Unreachable as exc:
            raise SendError("unreachable", str(exc), transient=True, scope="channel") from None
        except Interrupted as exc:
            raise AmbiguousSend(
                f"WhatsApp may have taken the request but did not answer ({exc}): "
                "check the chat before resending"
            ) from None
        if response.is_success:
            return _accepted(response)
        raise self._error(response)

    def lookup(self, message: OutboundMessage, since: datetime) -> Accepted | None:
        raise NotImplementedError(
            "The WhatsApp Cloud API has no per-message look-up; receipts come by webhook"
        )

    def _error(self, response: HttpResponse) -> SendError:
        """Map a Graph error answer to a ``SendError`` (never carrying the token)."""
        error = _graph_error(response)
        code = error.get("code")
        retry_after = _retry_after(response)
        detail = self._scrub(_detail(error))
        if isinstance(code, int) and code in _RATE_LIMITS:
            words, wait = _RATE_LIMITS[code]
            return SendError(
                str(code),
                _join(words, detail),
                transient=True,
                retry_after=retry_after if retry_after is not None else wait,
            )
        if response.status_code == 401 or code == 190:
            return SendError("190", _TOKEN_WORDS, transient=False, scope="channel")
        if isinstance(code, int) and (code in _CHANNEL_WIDE or code in _PERMISSION_RANGE):
            words = _CHANNEL_WIDE.get(code, _CHANNEL_WIDE[10])
            return SendError(str(code), _join(words, detail), transient=False, scope="channel")
        if isinstance(code, int) and code in _PERMANENT:
            return SendError(str(code), _join(_PERMANENT[code], detail), transient=False)
        if response.status_code >= 500 or code in _SERVER_TROUBLE:
            return SendError(
                str(code) if code is not None else f"http-{response.status_code}",
                _join("WhatsApp had a temporary problem", detail),
                transient=True,
                retry_after=retry_after,
            )
        if response.status_code == 429:
            return SendError(
                str(code) if code is not None else "http-429",
                _join("Too many requests", detail),
                transient=True,
                retry_after=retry_after if retry_after is not None else 60.0,
            )
        return SendError(
            str(code) if code is not None else f"http-{response.status_code}",
            detail or f"WhatsApp refused the message (HTTP {response.status_code})",
            transient=False,
        )

    def _scrub(self, words: str) -> str:
        return words.replace(self.__token, "[token]") if self.__token else words

    # -- templates -----------------------------------------------------------------------

    def list_templates(self, *, approved_only: bool = True) -> list[WhatsAppTemplate]:
        """The account's message templates (approved ones only, unless told otherwise).

        Follows Graph cursor paging: ``after`` from ``paging.cursors`` while the answer
        carries ``paging.next`` (its absence marks the last page). The next-page URL itself
        is not followed, so a changed base URL is never left for the public host.
        """
        if not self.business_account_id:
            raise SendError(
                "no-waba", "No WhatsApp Business Account id is configured", transient=False
            )
        url = f"{self.base_url}/{self.api_version}/{self.business_account_id}/message_templates"
        params = {"fields": "name,language,status,category,components,parameter_format"}
        found: list[WhatsAppTemplate] = []
        for _ in range(MAX_TEMPLATE_PAGES):
            try:
                response = self._client.get(url, params=params)
            except TransportFailure as exc:
                raise SendError("unreachable", str(exc), transient=True) from None
            if not response.is_success:
                raise self._error(response)
            page = _json(response)
            for item in page.get("data") or []:
                if isinstance(item, dict):
                    template = parse_template(item)
                    if not approved_only or template.status == "APPROVED":
                        found.append(template)
            paging = page.get("paging") or {}
            after = (paging.get("cursors") or {}).get("after")
            if not paging.get("next") or not after:
                break
            params = {**params, "after": str(after)}
        return found


def build_payload(message: OutboundMessage) -> dict[str, Any]:
    """The documented request body for one message (template when one is named)."""
    to = re.sub(r"[\s().+-]", "", message.to)
    if not to.isdigit():
        raise SendError(
            "invalid-number", "Not a phone number with its country code", transient=False
        )
    payload: dict[str, Any] = {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "to": to,
    }
    if message.template:
        if not message.template_language:
            raise SendError("no-language", "The template's language is missing", transient=False)
        template: dict[str, Any] = {
            "name": message.template,
            "language": {"code": message.template_language},
        }
        if message.template_params:
            template["components"] = [{"type": "body", "parameters": template_parameters(message)}]
        payload.update(type="template", template=template)
    else:
        payload.update(type="text", text={"body": message.body})
    if message.key:
        payload["biz_opaque_callback_data"] = message.key
    return payload


def template_parameters(message: OutboundMessage) -> list[dict[str, str]]:
    """The body's parameter objects: named (``parameter_name``) or positional, in order.

    Names "1", "2", … (or none) are positional: the values go in the placeholders' order.
    Any other name makes the template a named one, each value carrying its name.
    """
    values = message.template_params
    names = message.template_param_names
    if names and len(names) != len(values):
        raise SendError(
            "template-params", "The template's variables and values do not match", transient=False
        )
    if not names:
        return [{"type": "text", "text": value} for value in values]
    if all(name.isdigit() for name in names):
        ordered = sorted(zip(names, values, strict=True), key=lambda pair: int(pair[0]))
        return [{"type": "text", "text": value} for _name, value in ordered]
    return [
        {"type": "text", "parameter_name": name, "text": value}
        for name, value in zip(names, values, strict=True)
    ]


def parse_template(item: dict[str, Any]) -> WhatsAppTemplate:
    body = ""
    for component in item.get("components") or []:
        if isinstance(component, dict) and str(component.get("type", "")).upper() == "BODY":
            body = str(component.get("text") or "")
            break
    names = tuple(dict.fromkeys(_VARIABLE.findall(body)))
    return WhatsAppTemplate(
        name=str(item.get("name") or ""),
        language=str(item.get("language") or ""),
        category=str(item.get("category") or ""),
        status=str(item.get("status") or ""),
        body=body,
        variables=len(names),
        variable_names=names,
        parameter_format=str(item.get("parameter_format") or "POSITIONAL"),
    )


def _accepted(response: HttpResponse) -> Accepted:
    try:
        first = _json(response)["messages"][0]
        wamid = str(first["id"])
    except (KeyError, IndexError, TypeError):
        raise AmbiguousSend(
            f"WhatsApp answered HTTP {response.status_code} without a message id: "
            "check the chat before resending"
        ) from None
    return Accepted(provider_id=wamid, status=str(first.get("message_status") or "accepted"))


def _json(response: HttpResponse) -> dict[str, Any]:
    try:
        data = response.json()
    except (json.JSONDecodeError, UnicodeDecodeError):
        return {}
    return data if isinstance(data, dict) else {}


def _graph_error(response: HttpResponse) -> dict[str, Any]:
    error = _json(response).get("error")
    return error if isinstance(error, dict) else {}


def _detail(error: dict[str, Any]) -> str:
    data = error.get("error_data")
    details = data.get("details") if isinstance(data, dict) else None
    return str(details or error.get("message") or "")


def _retry_after(response: HttpResponse) -> float | None:
    return retry_after_seconds(response.headers.get("Retry-After"))


def _join(words: str, detail: str) -> str:
    return f"{words} ({detail})" if detail else words
