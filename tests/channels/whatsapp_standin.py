"""A local stand-in for the WhatsApp Business Cloud API on 127.0.0.1 (stdlib http.server).

It answers with the documented shapes: the send answer ``{"messaging_product",
"contacts": [{"input", "wa_id"}], "messages": [{"id": "wamid..."}]}``, the Graph error
body ``{"error": {"message", "type", "code", "error_data": {"messaging_product",
"details"}, "error_subcode", "fbtrace_id"}}`` and the templates list ``{"data": [...],
"paging": {"cursors": {"before", "after"}, "next"}}``. Every request is recorded (method,
path, query, headers, raw body) so tests assert on what really arrived. Scripted answers
(``script``) replace the default success for the next sends: an error body, a
``Retry-After``, a slow answer or a connection cut after the request was read.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

TOKEN = "EAAtest-secret-token-123"
PHONE_NUMBER_ID = "106540352242922"
WABA_ID = "102290129340398"


@dataclass
class Received:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class Answer:
    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    cut: bool = False
    """Close the connection after reading the request, without answering."""


def graph_error(
    code: int, message: str, details: str = "", *, subcode: int | None = None
) -> dict[str, Any]:
    error: dict[str, Any] = {
        "message": message,
        "type": "OAuthException",
        "code": code,
        "fbtrace_id": "Az8or2yhqkZfEZ-_4Qn_Bam",
    }
    if details:
        error["error_data"] = {"messaging_product": "whatsapp", "details": details}
    if subcode is not None:
        error["error_subcode"] = subcode
    return {"error": error}


class StandIn:
    def __init__(self, templates: list[dict[str, Any]] | None = None, page_size: int = 2) -> None:
        self.received: list[Received] = []
        self.answers: deque[Answer] = deque()
        self.templates = templates or []
        self.page_size = page_size
        self._count = 0
        self._lock = threading.Lock()
        self._server = _QuietServer(("127.0.0.1", 0), _handler(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> StandIn:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def script(self, *answers: Answer) -> None:
        self.answers.extend(answers)

    def next_wamid(self) -> str:
        with self._lock:
            self._count += 1
            return f"wamid.HBgLMjIxNzc1NTUwMTAxFQIAERgS{self._count:06d}"

    # -- answering -----------------------------------------------------------------------

    def answer(self, got: Received) -> Answer:
        if got.headers.get("authorization") != f"Bearer {TOKEN}":
            return Answer(
                401,
                graph_error(
                    190,
                    "Error validating access token: Session has expired on Sunday, 06-Dec-26.",
                    subcode=463,
                ),
            )
        if got.method == "GET" and got.path.endswith(f"/{WABA_ID}/message_templates"):
            return self._templates(got)
        if got.method == "GET" and got.path.endswith(f"/{PHONE_NUMBER_ID}"):
            # The number's own data, which "Test connection" reads:
            # https://developers.facebook.com/docs/whatsapp/cloud-api/reference/phone-numbers
            return Answer(
                200,
                {
                    "verified_name": "Boutique Aissata",
                    "display_phone_number": "+221 77 555 01 01",
                    "quality_rating": "GREEN",
                    "id": PHONE_NUMBER_ID,
                },
            )
        if got.method == "POST" and got.path.endswith(f"/{PHONE_NUMBER_ID}/messages"):
            if self.answers:
                return self.answers.popleft()
            to = str(got.json().get("to"))
            return Answer(
                200,
                {
                    "messaging_product": "whatsapp",
                    "contacts": [{"input": to, "wa_id": to}],
                    "messages": [{"id": self.next_wamid()}],
                },
            )
        return Answer(
            400,
            graph_error(100, "Unsupported request - method type: get", subcode=33),
        )

    def _templates(self, got: Received) -> Answer:
        if self.answers:
            return self.answers.popleft()
        start = int(got.query.get("after", ["0"])[0])
        page = self.templates[start : start + self.page_size]
        end = start + len(page)
        paging: dict[str, Any] = {"cursors": {"before": str(start), "after": str(end)}}
        if end < len(self.templates):
            paging["next"] = (
                f"https://graph.facebook.com/v25.0/{WABA_ID}/message_templates?after={end}"
            )
        return Answer(200, {"data": page, "paging": paging})


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that gave up on a slow answer leaves a broken pipe: expected


def _handler(standin: StandIn) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # no 40 ms Nagle + delayed-ACK wait per answer

        def log_message(self, format: str, *args: Any) -> None:
            pass

        def _serve(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            if len(body) < length:  # the client went away mid-request: never acted on
                self.close_connection = True
                return
            parts = urlsplit(self.path)
            got = Received(
                self.command,
                parts.path,
                parse_qs(parts.query),
                {k.lower(): v for k, v in self.headers.items()},
                body,
            )
            standin.received.append(got)
            answer = standin.answer(got)
            if answer.delay:
                time.sleep(answer.delay)
            if answer.cut:
                self.close_connection = True
                self.connection.shutdown(socket.SHUT_RDWR)
                return
            data = json.dumps(answer.body).encode() if answer.body is not None else b""
            self.send_response(answer.status)
            self.send_header("Content-Type", "application/json; charset=UTF-8")
            self.send_header("Content-Length", str(len(data)))
            for name, value in answer.headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)

        do_GET = _serve
        do_POST = _serve

    return Handler
