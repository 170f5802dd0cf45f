"""SMS through Twilio's Messages resource (API version 2010-04-01).

Documented exchange (https://www.twilio.com/docs/messaging/api/message-resource):
``POST {base}/2010-04-01/Accounts/{AccountSid}/Messages.json`` with HTTP basic auth
(account SID, auth token) and form fields ``To``, ``From`` or ``MessagingServiceSid``,
``Body``; ``201`` answers the Message JSON (``sid``, ``status``, ``num_segments``, ...).
Errors answer ``{"code", "message", "more_info", "status"}``
(https://www.twilio.com/docs/usage/twilios-response): 21211 invalid To, 21408 region not
enabled, 21610 unsubscribed recipient, 21614 not a mobile number, 20003 authentication,
20429 / HTTP 429 too many requests (https://www.twilio.com/docs/api/errors).

Channel-wide refusals (``scope="channel"``, nothing sent, every message would meet the
same answer): 20003 authentication failed, 20005 account not active, 21212 invalid From
number, 21606 the From number cannot send SMS for this account, and an unreachable server.

``lookup`` reads the Message list filtered by ``To`` and ``DateSent>=YYYY-MM-DD``
(https://www.twilio.com/docs/messaging/tutorials/how-to-retrieve-and-modify-message-history)
and, because a message still queued has no ``date_sent`` yet, then the newest messages to
that number without the date filter, matching the body and sender.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any

from localpro_desktop.channels.base import (
    Accepted,
    AmbiguousSend,
    ChannelKind,
    OutboundMessage,
    SendError,
)
from localpro_desktop.channels.http_client import HttpClient, HttpResponse, TransportFailure
from localpro_desktop.channels.transport import (
    HttpAdapter,
    post_form,
    retry_after_seconds,
    short_text,
)

PUBLIC_URL = "https://api.twilio.com"
URL_ENV = "LOCALPRO_TWILIO_URL"
API_VERSION = "2010-04-01"
TRANSIENT_CODES = frozenset({20429, 20500, 20503})
AUTH_CODES = frozenset({20003, 20005})
SENDER_CODES = frozenset({21212, 21606})
"""The sender number (``From``) is refused: every message would be."""
CLOCK_SLACK = timedelta(minutes=2)
"""Our clock and Twilio's may disagree a little: a match may be this much before ``since``."""
LOOKUP_PAGE_SIZE = 100


class TwilioSms(HttpAdapter):
    """One Twilio account: a sender number or a Messaging Service."""

    kind = ChannelKind.SMS

    def __init__(
        self,
        account_sid: str,
        auth_token: str,
        from_number: str = "",
        messaging_service_sid: str = "",
        base_url: str | None = None,
        *,
        timeout: float = 30.0,
    ) -> None:
        if not (from_number or messaging_service_sid):
            raise ValueError("Twilio needs a sender number or a Messaging Service SID")
        self.account_sid = account_sid
        self.from_number = from_number
        self.messaging_service_sid = messaging_service_sid
        self.base_url = (base_url or os.environ.get(URL_ENV) or PUBLIC_URL).rstrip("/")
        self._client = HttpClient(timeout, basic_auth=(account_sid, auth_token))

    def __repr__(self) -> str:
        return (
            f"TwilioSms(account_sid={self.account_sid!r}, from_number="
            f"{self.from_number!r}, messaging_service_sid={self.messaging_service_sid!r}, "
            f"base_url={self.base_url!r})"
        )

    @property
    def _messages_url(self) -> str:
        return f"{self.base_url}/{API_VERSION}/Accounts/{self.account_sid}/Messages.json"

    def send(self, message: OutboundMessage) -> Accepted:
        form = {"To": message.to}
        if self.messaging_service_sid:
            form["MessagingServiceSid"] = self.messaging_service_sid
        if self.from_number:
            form["From"] = self.from_number
        form["Body"] = message.body
        response = post_form(self._client, self._messages_url, "Twilio", data=form)
        if response.status_code in (200, 201):
            return _accepted(_json_object(response))
        raise _error(response)

    def lookup(self, message: OutboundMessage, since: datetime) -> Accepted | None:
        if since.tzinfo is None:
            since = since.replace(tzinfo=UTC)
        since = since.astimezone(UTC)
        earliest = since - CLOCK_SLACK
        dated = {"To": message.to, "DateSent>": earliest.strftime("%Y-%m-%d")}
        for params in (dated, {"To": message.to}):
            params["PageSize"] = str(LOOKUP_PAGE_SIZE)
            for item in self._list(params):
                if self._matches(item, message, earliest):
                    return _accepted(item)
        return None

    def _list(self, params: dict[str, str]) -> list[dict[str, Any]]:
        # The key "DateSent>" goes on the wire as "DateSent%3E=YYYY-MM-DD" (as the SDK).
        try:
            response = self._client.get(self._messages_url, params=params)
        except TransportFailure as exc:
            raise SendError(
                "unreachable",
                f"could not ask Twilio ({exc})",
                transient=True,
                scope="channel",
            ) from None
        if response.status_code != 200:
            raise _error(response)
        messages = _json_object(response).get("messages") or []
        return [m for m in messages if isinstance(m, dict)]

    def _matches(self, item: dict[str, Any], message: OutboundMessage, earliest: datetime) -> bool:
        if not str(item.get("direction", "")).startswith("outbound"):
            return False
        if item.get("to") != message.to:
            return False
        body = str(item.get("body") or "")
        # Trial accounts prefix "Sent from your Twilio trial account - ".
        if body != message.body and not body.endswith(" - " + message.body):
            return False
        if self.messaging_service_sid:
            if item.get("messaging_service_sid") != self.messaging_service_sid:
                return False
        elif item.get("from") != self.from_number:
            return False
        created = _rfc2822(item.get("date_created"))
        return created is not None and created >= earliest


def _accepted(data: dict[str, Any]) -> Accepted:
    sid = str(data.get("sid") or "")
    if not sid:
        raise AmbiguousSend("Twilio answered success without a message SID")
    try:
        parts = int(str(data.get("num_segments")))
    except (TypeError, ValueError):
        parts = 1
    # Through a Messaging Service num_segments is 0 until a sender is assigned.
    return Accepted(
        provider_id=sid, status=str(data.get("status") or "queued"), parts=max(1, parts)
    )


def _json_object(response: HttpResponse) -> dict[str, Any]:
    try:
        data = response.json()
    except ValueError:
        data = None
    if not isinstance(data, dict):
        raise AmbiguousSend(
            f"Twilio answered HTTP {response.status_code} without the documented JSON; "
            "the message may have been taken"
        )
    return data


def _error(response: HttpResponse) -> SendError:
    status = response.status_code
    try:
        data = response.json()
    except ValueError:
        data = None
    if not isinstance(data, dict):
        data = {}
    raw_code = data.get("code")
    code = str(raw_code) if raw_code is not None else str(status)
    words = str(data.get("message") or short_text(response) or f"HTTP {status}")
    numeric = int(code) if code.isdigit() else 0
    if numeric in AUTH_CODES or status == 401:
        return SendError(
            code,
            "Twilio refused the account SID or auth token; check the SMS channel's "
            f"credentials ({words})",
            transient=False,
            scope="channel",
        )
    if numeric in SENDER_CODES:
        return SendError(
            code,
            f"Twilio refused the sender number; check the SMS channel's sender ({words})",
            transient=False,
            scope="channel",
        )
    if status == 429 or status >= 500 or numeric in TRANSIENT_CODES:
        return SendError(
            code,
            words,
            transient=True,
            retry_after=retry_after_seconds(response.headers.get("Retry-After")),
        )
    return SendError(code, words, transient=False)


def _rfc2822(value: object) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)
