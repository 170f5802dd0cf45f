"""WhatsApp Cloud API webhooks: the verification handshake, then signed event notifications.

Meta calls one URL per hook (``/hooks/whatsapp/{hook_id}``):

- ``GET`` when the user saves the callback URL in the app dashboard, with
  ``hub.mode=subscribe``, ``hub.challenge`` and ``hub.verify_token``. We answer the challenge
  as plain text only when the verify token is the hook's own (403 otherwise), so nobody can
  point their own Meta app at this URL.
- ``POST`` for each batch of events, signed with ``X-Hub-Signature-256: sha256=<hex>``, the
  HMAC-SHA256 of the raw body keyed with the app secret (the hook's secret). A missing or
  wrong signature is refused (403) before the body is even parsed. Once the signature is
  good the answer is always 200: Meta retries anything else for up to a day, and a payload
  we cannot use would only come back again.

What is kept (``value.statuses`` and ``value.messages`` of ``field: "messages"`` changes):

- a status (``sent``, ``delivered``, ``read``, ``failed``) about a message this account sent
  (its ``sent_index``; anything else is ignored) becomes a receipt; a failure keeps the first
  error's code and words. Error 131050 means the person stopped marketing messages from
  this business, so it also becomes an opt-out for the WhatsApp channel;
- a message from a person (text, quick-reply button, interactive reply; media with its
  caption) becomes an inbound event with its text.

Each event's ``dedupe_key`` is what makes Meta's retries harmless: the same status of the
same message, or the same incoming message, always gives the same event id (one row).

Meta's documentation:
- verification and signatures:
  https://developers.facebook.com/docs/graph-api/webhooks/getting-started/
- status payloads (``statuses[].errors[]``):
  https://developers.secure.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/status/
- quick-reply buttons:
  https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/button/
- interactive replies:
  https://developers.secure.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/interactive
- error 131050 ("user stopped marketing messages"): https://dualhook.com/docs/whatsapp-error-131050
"""

import hashlib
import hmac
import json
import logging
from collections.abc import Iterator, Mapping
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request, Response, status
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import PlainTextResponse

from localpro_cloud.context import Service, service
from localpro_cloud.hooks.events import Event, e164, make_inbound, make_receipt, record
from localpro_cloud.hooks.registry import require_hook

log = logging.getLogger(__name__)
router = APIRouter(tags=["webhooks"])

PROVIDER = "whatsapp"
CHANNEL = "whatsapp"
SIGNATURE_HEADER = "X-Hub-Signature-256"
STOPPED_MARKETING = "131050"
"""The person chose to stop marketing messages from this business (an opt-out)."""
RECEIPT_STATUSES = frozenset({"sent", "delivered", "read", "failed"})
SKIPPED_TYPES = frozenset({"system", "unsupported", "errors"})
"""Message types that are not something the person wrote (number changes, errors)."""
MAX_TEXT = 4096
MAX_WORDS = 500

NOT_FOUND = "No WhatsApp webhook has this address. Copy the current URL from LocalPro."
FORBIDDEN_VERIFY = "The verify token does not match this webhook's. Copy it from LocalPro."
FORBIDDEN_SIGNATURE = (
    "The X-Hub-Signature-256 signature is missing or wrong: check that the app secret given "
    "to LocalPro is the one of the Meta app sending these events."
)


@router.get("/hooks/whatsapp/{hook_id}", response_class=PlainTextResponse)
async def verify(
    hook_id: str,
    request: Request,
    mode: Annotated[str, Query(alias="hub.mode")] = "",
    verify_token: Annotated[str, Query(alias="hub.verify_token")] = "",
    challenge: Annotated[str, Query(alias="hub.challenge")] = "",
) -> PlainTextResponse:
    """Meta's subscription check: echo ``hub.challenge`` for the hook's own verify token."""
    hook = await run_in_threadpool(require_hook, service(request), hook_id, PROVIDER, NOT_FOUND)
    expected = hook.verify_token.encode()
    if (
        mode != "subscribe"
        or not expected
        or not hmac.compare_digest(verify_token.encode(), expected)
    ):
        raise HTTPException(status.HTTP_403_FORBIDDEN, detail=FORBIDDEN_VERIFY)
    return PlainTextResponse(challenge)


@router.post("/hooks/whatsapp/{hook_id}")
async def receive(hook_id: str, request: Request) -> Response:
    """One batch of signed events: receipts, opt-outs and incoming messages, recorded once."""
    svc = service(request)
    hook = await run_in_threadpool(require_hook, svc, hook_id, PROVIDER, NOT_FOUND)
    body = await request.body()
    if not signature_ok(body, request.headers.get(SIGNATURE_HEADER), hook.secret):
        raise HTTPException(status.HTTP_403_FORBIDDEN, detail=FORBIDDEN_SIGNATURE)
    try:
        payload = json.loads(body)
    except (ValueError, RecursionError):
        log.warning("whatsapp: a signed body that is not JSON was ignored")
        payload = None
    recorded = await run_in_threadpool(_apply, svc, hook.account_id, payload)
    return Response(
        content=json.dumps({"recorded": recorded}), media_type="application/json", status_code=200
    )


def signature_ok(body: bytes, header: str | None, secret: str) -> bool:
    """``sha256=<hex HMAC-SHA256 of the raw body, keyed with the app secret>``."""
    if not header or not secret:
        return False
    scheme, _, given = header.strip().partition("=")
    if scheme.lower() != "sha256" or not given:
        return False
    expected = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(given.strip().lower().encode(), expected.encode())


def _apply(svc: Service, account_id: str, payload: Any) -> int:
    # Receipts and opt-outs about messages this account never sent are dropped by ``record``.
    return record(svc, account_id, list(events_of(payload)))


def events_of(payload: Any) -> Iterator[Event]:
    """The events of a notification, in the documented shape; anything else is skipped."""
    if not isinstance(payload, Mapping) or payload.get("object") != "whatsapp_business_account":
        return
    for entry in _dicts(payload.get("entry")):
        for change in _dicts(entry.get("changes")):
            value = change.get("value")
            if change.get("field") != "messages" or not isinstance(value, Mapping):
                continue
            for state in _dicts(value.get("statuses")):
                yield from _status_events(state)
            for message in _dicts(value.get("messages")):
                event = _message_event(message)
                if event is not None:
                    yield event


def _status_events(state: Mapping[str, Any]) -> Iterator[Event]:
    wamid = _text(state.get("id"))
    kind = _text(state.get("status")).lower()
    if not wamid or kind not in RECEIPT_STATUSES:
        return
    code, words = _error(state) if kind == "failed" else ("", "")
    address = e164(_text(state.get("recipient_id")))
    occurred = _seconds_to_ms(state.get("timestamp"))
    yield make_receipt(
        CHANNEL,
        PROVIDER,
        wamid,
        kind,
        code=code,
        words=words,
        address=address,
        occurred_ms=occurred,
    )
    if code == STOPPED_MARKETING:
        yield Event(
            kind="opt_out",
            channel=CHANNEL,
            provider=PROVIDER,
            dedupe_key=f"opt_out|{wamid}",
            message_id=wamid,
            error_code=code,
            error_words=words,
            address=address,
            occurred_ms=occurred,
        )


def _error(state: Mapping[str, Any]) -> tuple[str, str]:
    """The first error's code and its words (title, then the details when they add any)."""
    errors = list(_dicts(state.get("errors")))
    if not errors:
        return "", ""
    first = errors[0]
    code = _text(first.get("code"))
    details = first.get("error_data")
    parts = [
        _text(first.get("title")) or _text(first.get("message")),
        _text(details.get("details")) if isinstance(details, Mapping) else "",
    ]
    words = ": ".join(dict.fromkeys(part for part in parts if part))
    return code, words[:MAX_WORDS]


def _message_event(message: Mapping[str, Any]) -> Event | None:
    message_id = _text(message.get("id"))
    kind = _text(message.get("type"))
    if not message_id or kind in SKIPPED_TYPES:
        return None
    return make_inbound(
        CHANNEL,
        PROVIDER,
        message_id,
        e164(_text(message.get("from"))),
        _message_text(kind, message),
        _seconds_to_ms(message.get("timestamp")),
    )


def _message_text(kind: str, message: Mapping[str, Any]) -> str:
    """What the person wrote or tapped: text body, button label, reply title, caption."""
    content = message.get(kind)
    if not isinstance(content, Mapping):
        return ""
    if kind == "text":
        return _text(content.get("body"))
    if kind == "button":
        return _text(content.get("text")) or _text(content.get("payload"))
    if kind == "interactive":
        reply = content.get(_text(content.get("type")))
        return _text(reply.get("title")) if isinstance(reply, Mapping) else ""
    if kind == "reaction":
        return _text(content.get("emoji"))
    return _text(content.get("caption"))


def _dicts(items: Any) -> Iterator[Mapping[str, Any]]:
    if isinstance(items, list):
        yield from (item for item in items if isinstance(item, Mapping))


def _text(value: Any) -> str:
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, str | int):
        return str(value).strip()
    return ""


def _seconds_to_ms(value: Any) -> int | None:
    """Meta's ``timestamp`` is Unix seconds as a string; None (now) when it is not one."""
    text = _text(value)
    return int(text) * 1000 if text.isdigit() else None
