"""Twilio SMS webhooks: status callbacks and incoming messages on one signed URL.

The user pastes ``/hooks/twilio/{hook_id}`` both as the number's "A message comes in" URL and
as the status callback of the messages LocalPro sends. Twilio posts
``application/x-www-form-urlencoded`` forms:

- a status callback carries ``MessageSid``, ``MessageStatus`` (``queued``, ``sending``,
  ``sent``, ``delivered``, ``undelivered``, ``failed``, ``read`` …), ``ErrorCode`` on
  failures, ``To`` and ``From``. ``sent``, ``delivered`` and ``read`` become receipts,
  ``failed``/``undelivered`` a ``failed`` receipt with the error code, and only for messages
  this account really sent (its ``sent_index``); the in-between states are ignored;
- an incoming message carries ``Body``, ``From``, ``To``, ``MessageSid`` and
  ``SmsStatus=received`` (no ``MessageStatus``). It becomes an inbound event and is answered
  with an empty TwiML ``<Response/>``, so Twilio sends no automatic reply. Keywords such as
  STOP are recognised on the laptop, from the text.

Every request is checked against ``X-Twilio-Signature``: the Base64 HMAC-SHA1, keyed with the
account's auth token (the hook's secret), of the full URL Twilio called followed by each POST
parameter's name and value, sorted by name. The URL is the public one (``--public-url``, which
the user pasted into Twilio), not the address this process sees behind a proxy. A missing or
wrong signature is refused (403).

Twilio's documentation:
- signatures: https://www.twilio.com/docs/usage/webhooks/webhooks-security
- status callbacks: https://www.twilio.com/docs/messaging/guides/track-outbound-message-status
  and https://www.twilio.com/docs/messaging/guides/outbound-message-status-in-status-callbacks
- incoming messages: https://www.twilio.com/docs/messaging/guides/webhook-request
"""

import base64
import hashlib
import hmac
import logging
from collections.abc import Sequence
from urllib.parse import parse_qsl, urlsplit, urlunsplit

from fastapi import APIRouter, HTTPException, Request, Response, status
from fastapi.concurrency import run_in_threadpool

from localpro_cloud.context import Service, service
from localpro_cloud.hooks.events import Event, make_inbound, make_receipt, record
from localpro_cloud.hooks.registry import public_url, require_hook

log = logging.getLogger(__name__)
router = APIRouter(tags=["webhooks"])

PROVIDER = "twilio"
CHANNEL = "sms"
SIGNATURE_HEADER = "X-Twilio-Signature"
EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>'
RECEIPTS = {
    "sent": "sent",
    "delivered": "delivered",
    "read": "read",
    "failed": "failed",
    "undelivered": "failed",
}
"""Twilio's ``MessageStatus`` → our receipt status; other states are not receipts."""
INBOUND_STATES = frozenset({"received", "receiving"})
KNOWN_ERRORS = {
    "30003": "Unreachable destination handset (switched off or out of coverage)",
    "30004": "Message blocked (the person blocked the sender, or the carrier did)",
    "30005": "Unknown destination handset (the number does not exist)",
    "30006": "Landline or unreachable carrier",
    "30007": "Message filtered by the carrier",
    "30008": "Unknown error from the carrier",
}
"""Words for the commonest delivery errors when Twilio sends a code without its message:
https://www.twilio.com/docs/api/errors"""
MAX_TEXT = 4096
MAX_WORDS = 500

NOT_FOUND = "No Twilio webhook has this address. Copy the current URL from LocalPro."
FORBIDDEN = (
    "The X-Twilio-Signature signature is missing or wrong: check that the auth token given "
    "to LocalPro is the one of the Twilio account calling, and that LocalPro's public URL "
    "is the address Twilio calls."
)

Params = Sequence[tuple[str, str]]


@router.post(
    "/hooks/twilio/{hook_id}",
    response_class=Response,
    responses={200: {"description": "Empty TwiML", "content": {"text/xml": {}}}},
)
async def receive(hook_id: str, request: Request) -> Response:
    """A status callback or an incoming SMS, checked against Twilio's signature."""
    svc = service(request)
    hook = await run_in_threadpool(require_hook, svc, hook_id, PROVIDER, NOT_FOUND)
    params = form_params(await request.body())
    url = public_url(request, svc) + request.url.path
    if request.url.query:
        url += "?" + request.url.query
    if not signature_ok(url, params, request.headers.get(SIGNATURE_HEADER), hook.secret):
        raise HTTPException(status.HTTP_403_FORBIDDEN, detail=FORBIDDEN)
    event = event_of(dict(params))
    if event is not None:
        await run_in_threadpool(_apply, svc, hook.account_id, event)
    # Empty TwiML: valid for a status callback, and "no reply" for an incoming message.
    return Response(content=EMPTY_TWIML, media_type="text/xml")


def form_params(body: bytes) -> list[tuple[str, str]]:
    """The urlencoded form as Twilio sent it (every pair, blank values included)."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        text = body.decode("latin-1")
    return parse_qsl(text, keep_blank_values=True)


def expected_signature(url: str, params: Params, auth_token: str) -> str:
    """Base64(HMAC-SHA1(auth token, URL + name1 + value1 + name2 + value2 …)), sorted by name."""
    data = url + "".join(name + value for name, value in sorted(params))
    digest = hmac.new(auth_token.encode(), data.encode("utf-8"), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()


def signature_ok(url: str, params: Params, header: str | None, auth_token: str) -> bool:
    """Twilio's check, for the URL with and without its default port (as its own SDKs do)."""
    if not header or not auth_token:
        return False
    given = header.strip().encode()
    return any(
        hmac.compare_digest(given, expected_signature(candidate, params, auth_token).encode())
        for candidate in _url_variants(url)
    )


def _url_variants(url: str) -> list[str]:
    parts = urlsplit(url)
    default = {"https": 443, "http": 80}.get(parts.scheme)
    host = parts.hostname or ""
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    variants = [url]
    if default is not None and (parts.port is None or parts.port == default):
        netloc_auth = parts.netloc.rpartition("@")[0]
        prefix = f"{netloc_auth}@" if netloc_auth else ""
        for netloc in (f"{prefix}{host}", f"{prefix}{host}:{default}"):
            candidate = urlunsplit(parts._replace(netloc=netloc))
            if candidate not in variants:
                variants.append(candidate)
    return variants


def event_of(form: dict[str, str]) -> Event | None:
    """The event a form describes, or None when there is nothing to record."""
    sid = form.get("MessageSid", "").strip() or form.get("SmsSid", "").strip()
    if not sid:
        return None
    message_status = form.get("MessageStatus", "").strip().lower()
    sms_status = form.get("SmsStatus", "").strip().lower()
    if (message_status or sms_status) in INBOUND_STATES or (not message_status and "Body" in form):
        return make_inbound(
            CHANNEL, PROVIDER, sid, form.get("From", "").strip(), form.get("Body", "")
        )
    status = RECEIPTS.get(message_status)
    if status is None:
        return None  # queued, sending, accepted, scheduled …: nothing happened to the person
    code = form.get("ErrorCode", "").strip() if status == "failed" else ""
    words = ""
    if status == "failed":
        words = (
            form.get("ErrorMessage", "").strip()
            or KNOWN_ERRORS.get(code, "")
            or f"Twilio reports the message {message_status}"
        )
    return make_receipt(
        CHANNEL, PROVIDER, sid, status, code=code, words=words, address=form.get("To", "").strip()
    )


def _apply(svc: Service, account_id: str, event: Event) -> int:
    # A receipt about a message this account never sent is dropped by ``record``.
    return record(svc, account_id, [event])
