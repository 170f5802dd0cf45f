"""Local stand-ins for the SMS providers: real HTTP servers on 127.0.0.1.

Each answers with the provider's documented shapes (see the test modules' docstrings for
the URLs) and records every request byte for byte, so tests assert on what was received.
A test can script the next answers (``StandIn.script``): an error body, a rate-limited
answer with ``Retry-After``, a slow answer (``delay``) or a cut connection (``cut``: the
request is read in full, then the socket is closed without an answer).
"""

from __future__ import annotations

import base64
import json
import socket
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit


@dataclass
class Received:
    method: str
    path: str
    raw_query: str
    headers: dict[str, str]
    body: bytes

    @property
    def form(self) -> dict[str, list[str]]:
        return parse_qs(self.body.decode("ascii"), keep_blank_values=True)

    @property
    def query(self) -> dict[str, list[str]]:
        return parse_qs(self.raw_query, keep_blank_values=True)


@dataclass
class Reply:
    status: int = 200
    body: Any = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    cut: bool = False

    def payload(self) -> bytes:
        if isinstance(self.body, bytes):
            return self.body
        if isinstance(self.body, str):
            return self.body.encode()
        return json.dumps(self.body).encode()


class StandIn:
    """A threaded HTTP server; ``responder`` answers unless a scripted reply is queued."""

    def __init__(self, responder: Callable[[Received], Reply]) -> None:
        self.responder = responder
        self.requests: list[Received] = []
        self._script: deque[Reply] = deque()
        self._lock = threading.Lock()
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # Headers and body leave in two writes: without TCP_NODELAY, Nagle's algorithm
            # and the client's delayed ACK add 40 ms to each answer on a kept-alive connection.
            disable_nagle_algorithm = True

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                stand_in._handle(self)

            def do_POST(self) -> None:
                stand_in._handle(self)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.05,), daemon=True
        )

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def script(self, *replies: Reply) -> None:
        with self._lock:
            self._script.extend(replies)

    def __enter__(self) -> StandIn:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _handle(self, handler: BaseHTTPRequestHandler) -> None:
        length = int(handler.headers.get("Content-Length") or 0)
        body = handler.rfile.read(length) if length else b""
        if len(body) < length:
            # The client went away mid-request (a dispatcher killed while writing): like any
            # HTTP server, a provider never acts on an incomplete message (RFC 9112 §8).
            handler.close_connection = True
            return
        split = urlsplit(handler.path)
        received = Received(
            method=handler.command,
            path=split.path,
            raw_query=split.query,
            headers={k.lower(): v for k, v in handler.headers.items()},
            body=body,
        )
        with self._lock:
            self.requests.append(received)
            reply = self._script.popleft() if self._script else None
        if reply is None:
            reply = self.responder(received)
        if reply.delay:
            time.sleep(reply.delay)
        if reply.cut:
            handler.close_connection = True
            handler.connection.shutdown(socket.SHUT_RDWR)
            return
        payload = reply.payload()
        headers = {"Content-Type": "application/json", **reply.headers}
        try:
            handler.send_response(reply.status)
            for name, value in headers.items():
                handler.send_header(name, value)
            handler.send_header("Content-Length", str(len(payload)))
            handler.end_headers()
            handler.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):
            handler.close_connection = True  # the client gave up waiting (slow answer)


# --- Africa's Talking ---------------------------------------------------------------

AT_STATUS = {
    101: "Success",
    102: "Queued",
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


def gsm_segments(text: str) -> int:
    """Segments of a GSM-7 text (160, or 153 per part when concatenated)."""
    return 1 if len(text) <= 160 else -(-len(text) // 153)


def at_number_for(code: int) -> str:
    """A Kenyan number whose last three digits pick the stand-in's status code."""
    return f"+254711000{code:03d}"


def africastalking(username: str, api_key: str) -> Callable[[Received], Reply]:
    """``POST /version1/messaging``: per-recipient status picked by the number's tail."""
    counter = iter(range(1, 1_000_000))

    def respond(request: Received) -> Reply:
        if request.path == "/version1/user" and request.method == "GET":
            return _at_user_data(request, username, api_key)
        if request.path != "/version1/messaging" or request.method != "POST":
            return Reply(404, "Not Found", {"Content-Type": "text/plain"})
        if request.headers.get("apikey") != api_key:
            return Reply(
                401,
                "The supplied authentication is invalid",
                {"Content-Type": "text/plain"},
            )
        form = request.form
        if form.get("username") != [username]:
            return Reply(401, "The supplied authentication is invalid")
        to = form["to"][0]
        code = int(to[-3:]) if to[-3:].isdigit() and int(to[-3:]) in AT_STATUS else 101
        recipient: dict[str, Any] = {
            "statusCode": code,
            "number": to,
            "status": AT_STATUS[code],
            "cost": "KES 0.8000" if code in (101, 102) else "0",
            "messageId": f"ATXid_{next(counter):032x}" if code in (101, 102) else "None",
        }
        if code in (101, 102):
            recipient["messageParts"] = gsm_segments(form["message"][0])
        sent = 1 if code in (101, 102) else 0
        return Reply(
            201,
            {
                "SMSMessageData": {
                    "Message": f"Sent to {sent}/1 Total Cost: KES {0.8 * sent:.4f}",
                    "Recipients": [recipient],
                }
            },
        )

    return respond


AT_BALANCE = "KES 1785.5000"


def _at_user_data(request: Received, username: str, api_key: str) -> Reply:
    """``GET /version1/user?username=``: the account's balance
    (https://developers.africastalking.com/docs/data/user_data)."""
    if request.headers.get("apikey") != api_key or request.query.get("username") != [username]:
        return Reply(401, "The supplied authentication is invalid", {"Content-Type": "text/plain"})
    return Reply(200, {"UserData": {"balance": AT_BALANCE}})


# --- Twilio -------------------------------------------------------------------------

TWILIO_ERRORS = {
    "+15005550001": (400, 21211, "The 'To' number +15005550001 is not a valid phone number."),
    "+15005550004": (400, 21610, "Attempt to send to unsubscribed recipient"),
    "+15005550009": (400, 21614, "'To' number is not a valid mobile number"),
    "+15005550010": (
        400,
        21408,
        "Permission to send an SMS has not been enabled for the region indicated by the "
        "'To' number",
    ),
}
"""The magic test numbers of https://www.twilio.com/docs/iam/test-credentials."""
TWILIO_FROM_ERRORS = {
    "+15005550001": (400, 21212, "The 'From' number +15005550001 is not a valid phone number."),
    "+15005550007": (
        400,
        21606,
        "The 'From' phone number provided is not a valid, message-capable Twilio phone number "
        "for this destination.",
    ),
}
"""Magic ``From`` numbers (same page): every message from them is refused."""


def twilio_error(status: int, code: int, message: str) -> dict[str, Any]:
    return {
        "code": code,
        "message": message,
        "more_info": f"https://www.twilio.com/docs/errors/{code}",
        "status": status,
    }


class TwilioAccount:
    """``/2010-04-01/Accounts/{sid}/Messages.json``: create (POST) and list (GET)."""

    def __init__(self, account_sid: str, auth_token: str) -> None:
        self.account_sid = account_sid
        self.auth_token = auth_token
        self.messages: list[dict[str, Any]] = []  # newest first, as Twilio lists them

    friendly_name = "Boutique Aissata Couture"
    status = "active"

    def __call__(self, request: Received) -> Reply:
        if request.path == f"/2010-04-01/Accounts/{self.account_sid}.json":
            return self._account(request)
        if request.path != f"/2010-04-01/Accounts/{self.account_sid}/Messages.json":
            return Reply(404, twilio_error(404, 20404, "The requested resource was not found"))
        expected = base64.b64encode(f"{self.account_sid}:{self.auth_token}".encode())
        if request.headers.get("authorization") != "Basic " + expected.decode():
            return Reply(401, twilio_error(401, 20003, "Authenticate"))
        if request.method == "POST":
            return self._create(request)
        return self._list(request)

    def _account(self, request: Received) -> Reply:
        """``GET /2010-04-01/Accounts/{sid}.json``: the Account resource
        (https://www.twilio.com/docs/iam/api/account), auth token included as Twilio does."""
        expected = base64.b64encode(f"{self.account_sid}:{self.auth_token}".encode())
        if request.headers.get("authorization") != "Basic " + expected.decode():
            return Reply(401, twilio_error(401, 20003, "Authenticate"))
        if request.method != "GET":
            return Reply(405, twilio_error(405, 20004, "Method not allowed"))
        base = f"/2010-04-01/Accounts/{self.account_sid}"
        return Reply(
            200,
            {
                "auth_token": self.auth_token,
                "date_created": "Thu, 30 Jul 2015 20:00:00 +0000",
                "date_updated": "Thu, 30 Jul 2015 20:00:00 +0000",
                "friendly_name": self.friendly_name,
                "owner_account_sid": self.account_sid,
                "sid": self.account_sid,
                "status": self.status,
                "subresource_uris": {"messages": f"{base}/Messages.json"},
                "type": "Full",
                "uri": f"{base}.json",
            },
        )

    def add(self, sender: str | None = None, **fields: Any) -> dict[str, Any]:
        """Keep a message as Twilio would list it (``sender`` is its ``from``)."""
        now = datetime.now(UTC)
        message: dict[str, Any] = {
            "account_sid": self.account_sid,
            "api_version": "2010-04-01",
            "body": "",
            "date_created": format_datetime(now, usegmt=True),
            "date_sent": None,
            "date_updated": format_datetime(now, usegmt=True),
            "direction": "outbound-api",
            "error_code": None,
            "error_message": None,
            "from": None,
            "messaging_service_sid": None,
            "num_media": "0",
            "num_segments": "1",
            "price": None,
            "price_unit": "USD",
            "sid": f"SM{len(self.messages) + 1:032x}",
            "status": "queued",
            "subresource_uris": {},
            "to": "",
            "uri": "",
        }
        message.update(fields)
        message["from"] = sender
        message["uri"] = f"/2010-04-01/Accounts/{self.account_sid}/Messages/{message['sid']}.json"
        self.messages.insert(0, message)
        return message

    def _create(self, request: Received) -> Reply:
        form = {k: v[0] for k, v in request.form.items()}
        to = form.get("To", "")
        if to in TWILIO_ERRORS:
            status, code, words = TWILIO_ERRORS[to]
            return Reply(status, twilio_error(status, code, words))
        if form.get("From") in TWILIO_FROM_ERRORS:
            status, code, words = TWILIO_FROM_ERRORS[form["From"]]
            return Reply(status, twilio_error(status, code, words))
        body = form.get("Body", "")
        service = form.get("MessagingServiceSid")
        message = self.add(
            form.get("From"),
            to=to,
            body=body,
            messaging_service_sid=service,
            # Through a Messaging Service: "accepted" and 0 segments until a sender is set.
            status="accepted" if service else "queued",
            num_segments="0" if service else str(gsm_segments(body)),
        )
        return Reply(201, message)

    def _list(self, request: Received) -> Reply:
        query = {k: v[0] for k, v in request.query.items()}
        found = [m for m in self.messages if m["to"] == query.get("To", m["to"])]
        after = query.get("DateSent>")
        if after is not None:
            floor = datetime.strptime(after, "%Y-%m-%d").replace(tzinfo=UTC)
            found = [m for m in found if m["date_sent"] and _parse_date(m["date_sent"]) >= floor]
        size = int(query.get("PageSize", "50"))
        base = f"/2010-04-01/Accounts/{self.account_sid}/Messages.json"
        return Reply(
            200,
            {
                "end": min(size, len(found)) - 1,
                "first_page_uri": f"{base}?PageSize={size}&Page=0",
                "next_page_uri": None,
                "page": 0,
                "page_size": size,
                "previous_page_uri": None,
                "messages": found[:size],
                "start": 0,
                "uri": f"{base}?PageSize={size}&Page=0",
            },
        )


def _parse_date(value: str) -> datetime:
    return parsedate_to_datetime(value)
