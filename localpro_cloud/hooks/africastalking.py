"""Africa's Talking SMS callbacks: delivery reports and incoming messages.

Africa's Talking posts ``application/x-www-form-urlencoded`` forms to the two URLs the user
sets in its dashboard (SMS → SMS Callback URLs):

- ``/hooks/africastalking/{hook_id}/delivery``: ``id`` (the ``ATXid_…`` returned when the
  message was sent), ``status`` (``Sent``, ``Submitted``, ``Buffered``, ``Rejected``,
  ``Success``, ``Failed``), ``phoneNumber``, ``networkCode``, ``failureReason`` (on
  ``Rejected``/``Failed`` only), ``retryCount``. ``Success`` becomes a ``delivered`` receipt,
  ``Failed``/``Rejected`` a ``failed`` one with the failure reason, ``Sent`` a ``sent`` one;
  the in-between states are ignored;
- ``/hooks/africastalking/{hook_id}/inbound``: ``date``, ``from``, ``id``, ``linkId``,
  ``text``, ``to``, ``networkCode``. It becomes an inbound event; keywords such as STOP are
  recognised on the laptop, from the text.

Africa's Talking signs nothing. The unguessable hook id is the only secret (the user can
rotate it), and a delivery report is applied only when its ``id`` is a message this account
really sent (its ``sent_index``): someone who learnt the URL still cannot move a message the
account never sent, nor one of another account. The same report twice has one effect.

Africa's Talking's documentation:
- https://developers.africastalking.com/docs/sms/notifications (also at
  http://docs.africastalking.com/sms/notifications)
- delivery reports: http://docs.africastalking.com/sms/deliveryreports
- incoming messages: http://docs.africastalking.com/sms/callback
"""

import json
import logging
from datetime import UTC, datetime
from urllib.parse import parse_qsl

from fastapi import APIRouter, Request, Response
from fastapi.concurrency import run_in_threadpool

from localpro_cloud.context import Service, service
from localpro_cloud.hooks.events import Event, e164, make_inbound, make_receipt, record
from localpro_cloud.hooks.registry import require_hook

log = logging.getLogger(__name__)
router = APIRouter(tags=["webhooks"])

PROVIDER = "africastalking"
CHANNEL = "sms"
RECEIPTS = {"success": "delivered", "sent": "sent", "failed": "failed", "rejected": "failed"}
"""Africa's Talking's delivery ``status`` → our receipt status (others are in transit)."""
FAILURE_WORDS = {
    "InsufficientCredit": "The subscriber does not have enough airtime",
    "InvalidLinkId": "The message was sent with an invalid linkId",
    "UserIsInactive": "The subscriber is inactive or their account was deactivated",
    "UserInBlackList": "The subscriber blocked messages from this sender",
    "UserAccountSuspended": "The subscriber's account is suspended",
    "NotNetworkSubscriber": "The number is not on the network the message was sent to",
    "UserNotSubscribedToProduct": "The subscriber is not subscribed to this product",
    "UserDoesNotExist": "The number does not exist",
    "DeliveryFailure": "The network could not deliver the message",
}
"""``failureReason`` values as the delivery-report documentation explains them."""
MAX_TEXT = 4096
MAX_WORDS = 500

NOT_FOUND = "No Africa's Talking webhook has this address. Copy the current URL from LocalPro."


@router.post("/hooks/africastalking/{hook_id}/delivery")
async def delivery(hook_id: str, request: Request) -> Response:
    """A delivery report, applied only to a message this account sent."""
    event = delivery_event(form_fields(await request.body()))
    return _answer(await run_in_threadpool(_take, service(request), hook_id, event))


@router.post("/hooks/africastalking/{hook_id}/inbound")
async def inbound(hook_id: str, request: Request) -> Response:
    """A message someone sent to the account's number or short code."""
    event = inbound_event(form_fields(await request.body()))
    return _answer(await run_in_threadpool(_take, service(request), hook_id, event))


def _take(svc: Service, hook_id: str, event: Event | None) -> int:
    """The hook checked and the event recorded in one worker-thread hop (each hop costs
    the event loop a hand-over; at hundreds of reports a second they add up)."""
    hook = require_hook(svc, hook_id, PROVIDER, NOT_FOUND)
    return _apply(svc, hook.account_id, event) if event is not None else 0


def form_fields(body: bytes) -> dict[str, str]:
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        text = body.decode("latin-1")
    return dict(parse_qsl(text, keep_blank_values=True))


def delivery_event(form: dict[str, str]) -> Event | None:
    message_id = form.get("id", "").strip()
    status = RECEIPTS.get(form.get("status", "").strip().lower())
    if not message_id or status is None:
        return None
    reason = form.get("failureReason", "").strip() if status == "failed" else ""
    words = ""
    if status == "failed":
        words = FAILURE_WORDS.get(reason, reason) or f"Africa's Talking: {form['status'].strip()}"
    return make_receipt(
        CHANNEL,
        PROVIDER,
        message_id,
        status,
        code=reason,
        words=words,
        address=e164(form.get("phoneNumber", "")),
    )


def inbound_event(form: dict[str, str]) -> Event | None:
    message_id = form.get("id", "").strip()
    sender = e164(form.get("from", ""))
    if not message_id or not sender:
        return None
    return make_inbound(
        CHANNEL, PROVIDER, message_id, sender, form.get("text", ""), _date_ms(form.get("date", ""))
    )


def _apply(svc: Service, account_id: str, event: Event) -> int:
    # A report about a message this account never sent is dropped by ``record``.
    return record(svc, account_id, [event])


def _answer(recorded: int) -> Response:
    return Response(content=json.dumps({"recorded": recorded}), media_type="application/json")


def _date_ms(value: str) -> int | None:
    """The ``date`` of an incoming message (ISO 8601, UTC when no offset); None → now."""
    value = value.strip()
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return int(when.timestamp() * 1000)
