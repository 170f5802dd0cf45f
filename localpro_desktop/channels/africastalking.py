"""SMS through Africa's Talking (``POST {base}/version1/messaging``).

The documented exchange (https://developers.africastalking.com/docs/sms/sending/bulk):
a form-encoded request (``username``, ``to``, ``message``, optional ``from``) with the
``apiKey`` and ``Accept: application/json`` headers, answered by
``{"SMSMessageData": {"Message": ..., "Recipients": [{"statusCode", "number", "status",
"cost", "messageId"[, "messageParts"]}]}}``. Each recipient carries its own status code:
100 Processed, 101 Sent, 102 Queued (taken); 401 RiskHold, 402 InvalidSenderId,
403 InvalidPhoneNumber, 404 UnsupportedNumberType, 405 InsufficientBalance,
406 UserInBlacklist, 407 CouldNotRoute, 409 DoNotDisturbRejection, 500 InternalServerError,
501 GatewayError, 502 RejectedByGateway (refused).

Channel-wide refusals (``scope="channel"``: nothing was sent, every message would meet the
same answer): HTTP 401 (username or API key refused), 402 InvalidSenderId and
405 InsufficientBalance, and an unreachable server.

Africa's Talking has no look-up of a sent message: its ``GET /version1/messaging`` fetches
the *inbox* (incoming messages, ``lastReceivedId``), so ``lookup`` raises
``NotImplementedError`` and the outbox holds an ambiguous message as unknown.
"""

from __future__ import annotations

import os
from datetime import datetime
from typing import Any

from localpro_desktop.channels.base import (
    Accepted,
    AmbiguousSend,
    ChannelKind,
    OutboundMessage,
    SendError,
)
from localpro_desktop.channels.http_client import HttpClient, HttpResponse
from localpro_desktop.channels.transport import (
    HttpAdapter,
    post_form,
    retry_after_seconds,
    short_text,
)

PUBLIC_URL = "https://api.africastalking.com"
SANDBOX_URL = "https://api.sandbox.africastalking.com"
URL_ENV = "LOCALPRO_AFRICASTALKING_URL"

ACCEPTED_CODES = {100: "processed", 101: "sent", 102: "queued"}
REFUSAL_NAMES = {
    401: "RiskHold",
    402: "InvalidSenderId",
    403: "InvalidPhoneNumber",
    404: "UnsupportedNumberType",
    405: "InsufficientBalance",
    406: "UserInBlacklist",
    407: "CouldNotRoute",
    409: "DoNotDisturbRejection",
    500: "InternalServerError",
    501: "GatewayError",
    502: "RejectedByGateway",
}
TRANSIENT_CODES = frozenset({405, 500, 501, 502})
"""Not the recipient's fault and nothing was sent: worth trying again later. RiskHold (401)
is *not* here: the provider holds that message for review, so a resend could duplicate it."""
CHANNEL_CODES = {
    402: "Africa's Talking refused the sender id; check the SMS channel's sender id",
    405: "The Africa's Talking account has no balance left; top it up",
}
"""Per-recipient codes that say the account, not the person, is the problem."""


class AfricasTalkingSms(HttpAdapter):
    """One Africa's Talking account (``username`` + API key), optional sender id."""

    kind = ChannelKind.SMS

    def __init__(
        self,
        username: str,
        api_key: str,
        sender_id: str = "",
        base_url: str | None = None,
        *,
        timeout: float = 30.0,
    ) -> None:
        self.username = username
        self.sender_id = sender_id
        self.base_url = (base_url or os.environ.get(URL_ENV) or PUBLIC_URL).rstrip("/")
        self._api_key = api_key
        self._client = HttpClient(timeout)

    def __repr__(self) -> str:
        return (
            f"AfricasTalkingSms(username={self.username!r}, "
            f"sender_id={self.sender_id!r}, base_url={self.base_url!r})"
        )

    def send(self, message: OutboundMessage) -> Accepted:
        form = {"username": self.username, "to": message.to, "message": message.body}
        if self.sender_id:
            form["from"] = self.sender_id
        response = post_form(
            self._client,
            f"{self.base_url}/version1/messaging",
            "Africa's Talking",
            data=form,
            headers={"apiKey": self._api_key, "Accept": "application/json"},
        )
        _raise_for_http(response)
        return _recipient_outcome(_json(response), message.to)

    def lookup(self, message: OutboundMessage, since: datetime) -> Accepted | None:
        raise NotImplementedError(
            "Africa's Talking offers no look-up of sent messages (its fetch API reads "
            "the inbox only)"
        )


def _raise_for_http(response: HttpResponse) -> None:
    status = response.status_code
    if status in (200, 201):
        return
    words = short_text(response)
    if status == 401:
        raise SendError(
            "401",
            "Africa's Talking refused the username or API key; check the SMS channel's "
            f"credentials ({words})",
            transient=False,
            scope="channel",
        )
    if status == 429 or status >= 500:
        raise SendError(
            str(status),
            words or f"Africa's Talking answered HTTP {status}",
            transient=True,
            retry_after=retry_after_seconds(response.headers.get("Retry-After")),
        )
    raise SendError(str(status), words or f"HTTP {status}", transient=False)


def _json(response: HttpResponse) -> dict[str, Any]:
    try:
        data = response.json()
    except ValueError:
        raise AmbiguousSend(
            "Africa's Talking answered without JSON; the message may have been taken: "
            + short_text(response)
        ) from None
    if not isinstance(data, dict):
        raise AmbiguousSend("Africa's Talking answered an unexpected shape")
    return data


def _recipient_outcome(data: dict[str, Any], to: str) -> Accepted:
    sms_data = data.get("SMSMessageData") or {}
    recipients = sms_data.get("Recipients") or []
    if not recipients:
        # Whole request refused (e.g. "InvalidSenderId"): nothing was sent.
        words = str(sms_data.get("Message") or "no recipient in the answer")
        for code, name in ((402, "InvalidSenderId"), (405, "InsufficientBalance")):
            if name.lower() in words.lower():
                raise SendError(
                    str(code), f"{CHANNEL_CODES[code]} ({words})", transient=False, scope="channel"
                )
        raise SendError("no_recipient", words, transient=False)
    recipient = next((r for r in recipients if r.get("number") == to), recipients[0])
    try:
        code = int(recipient.get("statusCode"))
    except (TypeError, ValueError):
        raise AmbiguousSend("Africa's Talking answered a recipient without a status code") from None
    status_words = str(recipient.get("status") or REFUSAL_NAMES.get(code, ""))
    if code in ACCEPTED_CODES:
        return Accepted(
            provider_id=str(recipient.get("messageId") or ""),
            status=ACCEPTED_CODES[code],
            parts=_parts(recipient.get("messageParts")),
        )
    if code in CHANNEL_CODES:
        raise SendError(
            str(code),
            f"{CHANNEL_CODES[code]} ({status_words})" if status_words else CHANNEL_CODES[code],
            transient=code in TRANSIENT_CODES,
            scope="channel",
        )
    raise SendError(
        str(code),
        status_words or f"refused with status code {code}",
        transient=code in TRANSIENT_CODES,
    )


def _parts(value: object) -> int:
    try:
        parts = int(str(value))
    except (TypeError, ValueError):
        return 1
    return parts if parts > 0 else 1
