"""The adapters' HTTP client against real HTTP servers on 127.0.0.1.

What it must get right for the outbox: a failure before any connection is ``Unreachable``
(the message may be sent again), any failure after the request left is ``Interrupted``
(never resent blindly); no retries and no redirects of its own; connections kept alive;
the system's proxy settings honoured (``HTTP_PROXY``/``NO_PROXY``, as urllib reads them).
"""

from __future__ import annotations

import base64
import json
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from localpro_desktop.channels.http_client import (
    USER_AGENT,
    HttpClient,
    Interrupted,
    Unreachable,
)
from tests.channels.sms_standins import Received, Reply, StandIn


def echo(request: Received) -> Reply:
    return Reply(200, {"path": request.path, "query": request.raw_query})


@pytest.fixture
def server() -> Iterator[StandIn]:
    with StandIn(echo) as stand_in:
        yield stand_in


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_form_post_carries_the_fields_auth_and_agent(server: StandIn) -> None:
    client = HttpClient(5.0, basic_auth=("AC123", "s3cret"))
    try:
        answer = client.post(
            f"{server.url}/send", data={"to": "+221 77", "message": "Thiéboudienne"}
        )
    finally:
        client.close()
    assert answer.status_code == 200 and answer.is_success
    seen = server.requests[0]
    assert seen.form == {"to": ["+221 77"], "message": ["Thiéboudienne"]}
    assert seen.headers["content-type"] == "application/x-www-form-urlencoded"
    assert seen.headers["user-agent"] == USER_AGENT
    assert seen.headers["authorization"] == "Basic " + base64.b64encode(b"AC123:s3cret").decode()


def test_json_post_and_query_string(server: StandIn) -> None:
    client = HttpClient(5.0, headers={"Authorization": "Bearer t"})
    try:
        client.post(f"{server.url}/messages", json={"text": {"body": "Tabaski 🐏"}})
        answer = client.get(f"{server.url}/list", params={"DateSent>": "2026-12-01", "To": "+1"})
    finally:
        client.close()
    posted = server.requests[0]
    assert posted.headers["content-type"] == "application/json"
    assert json.loads(posted.body.decode("utf-8")) == {"text": {"body": "Tabaski 🐏"}}
    assert posted.headers["authorization"] == "Bearer t"
    assert answer.json()["query"] == "DateSent%3E=2026-12-01&To=%2B1"


def test_answers_are_read_whatever_their_status(server: StandIn) -> None:
    server.script(Reply(429, {"code": 20429}, {"Retry-After": "7"}), Reply(500, b"\xff oops"))
    client = HttpClient(5.0)
    try:
        limited = client.post(f"{server.url}/a", data={})
        broken = client.post(f"{server.url}/b", data={})
    finally:
        client.close()
    assert (limited.status_code, limited.headers.get("retry-after")) == (429, "7")
    assert not broken.is_success
    assert "oops" in broken.text
    with pytest.raises(ValueError):
        broken.json()
    assert len(server.requests) == 2  # no retry of its own: the outbox decides


def test_redirects_are_not_followed(server: StandIn) -> None:
    server.script(Reply(302, b"", {"Location": f"{server.url}/elsewhere"}))
    client = HttpClient(5.0)
    try:
        answer = client.post(f"{server.url}/send", data={"a": "b"})
    finally:
        client.close()
    assert answer.status_code == 302
    assert [r.path for r in server.requests] == ["/send"]


def test_connections_are_kept_alive() -> None:
    recorder = _Recorder()
    client = HttpClient(5.0)
    try:
        for _ in range(3):
            client.post(f"{recorder.url}/send", data={"a": "b"})
    finally:
        client.close()
        recorder.close()
    assert len(recorder.seen) == 3
    assert len({port for port, _line in recorder.seen}) == 1  # one connection, one handshake


def test_nothing_listening_is_unreachable() -> None:
    client = HttpClient(2.0)
    with pytest.raises(Unreachable) as caught:
        client.post(f"http://127.0.0.1:{closed_port()}/send", data={"a": "b"})
    assert str(caught.value) == "NewConnectionError"


def test_a_cut_after_the_request_is_interrupted(server: StandIn) -> None:
    server.script(Reply(cut=True))
    client = HttpClient(5.0, headers={"apiKey": "SECRET-KEY"})
    with pytest.raises(Interrupted) as caught:
        client.post(f"{server.url}/send", data={"to": "+254711000101"})
    assert len(server.requests) == 1  # it arrived: the provider may have taken it
    assert "SECRET-KEY" not in str(caught.value)


def test_a_slow_answer_past_the_timeout_is_interrupted(server: StandIn) -> None:
    server.script(Reply(200, {}, delay=1.0))
    client = HttpClient(0.2)
    with pytest.raises(Interrupted) as caught:
        client.post(f"{server.url}/send", data={})
    assert str(caught.value) == "ReadTimeoutError"


class _Recorder:
    """An HTTP server recording each request's client port and request line; as a forward
    proxy, it answers itself (the request line then carries the absolute URL)."""

    def __init__(self) -> None:
        self.seen: list[tuple[int, str]] = []
        recorder = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                recorder.seen.append((self.client_address[1], f"{self.command} {self.path}"))
                body = b'{"via": "proxy"}'
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def test_the_system_proxy_is_used_and_no_proxy_honoured(
    server: StandIn, monkeypatch: pytest.MonkeyPatch
) -> None:
    proxy = _Recorder()
    try:
        for name in ("HTTP_PROXY", "http_proxy", "NO_PROXY", "no_proxy"):
            monkeypatch.delenv(name, raising=False)
        monkeypatch.setenv("http_proxy", proxy.url)
        client = HttpClient(5.0)
        try:
            # A host only the proxy knows: the request line carries the absolute URL.
            via = client.post("http://api.provider.test/version1/messaging", data={"a": "b"})
            monkeypatch.setenv("no_proxy", "127.0.0.1")
            direct = client.post(f"{server.url}/version1/messaging", data={"a": "b"})
        finally:
            client.close()
    finally:
        proxy.close()
    assert via.json() == {"via": "proxy"}
    assert [line for _port, line in proxy.seen] == [
        "POST http://api.provider.test/version1/messaging"
    ]
    assert direct.json()["path"] == "/version1/messaging"
    assert len(server.requests) == 1
