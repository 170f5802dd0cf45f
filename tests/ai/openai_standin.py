"""A local stand-in for OpenAI's Chat Completions API: a real HTTP server on 127.0.0.1.

``POST /v1/chat/completions`` answered with the documented shapes, for the real ``openai``
client (``base_url=stand_in.url``). Its own small server, not ``tests/channels`` StandIn,
because answers must be streamed (chunked server-sent events, a cut mid-stream).

- ``chat.completion``: ``id``, ``object``, ``created``, ``model``, ``choices[{index,
  message{role, content, refusal}, finish_reason}]`` (``n`` of them), ``usage{prompt_tokens,
  completion_tokens, total_tokens}``: https://platform.openai.com/docs/api-reference/chat/create
- streaming: ``data: {chat.completion.chunk}`` events (``delta`` role, then content
  pieces, then ``finish_reason``); with ``stream_options: {"include_usage": true}`` a last
  chunk with empty ``choices`` and the request's ``usage`` (the others ``"usage": null``),
  then ``data: [DONE]``: https://platform.openai.com/docs/api-reference/chat-streaming
- structured outputs (``response_format`` ``json_schema`` with ``name``, ``schema``,
  ``strict``), content being the JSON text: https://platform.openai.com/docs/guides/structured-outputs
- errors ``{"error": {"message", "type", "param", "code"}}``, 401 ``invalid_api_key`` (key
  masked "sk-ab***wxyz"), 404 ``model_not_found``, 429 ``rate_limit_exceeded`` (with
  ``retry-after``) vs 429 ``insufficient_quota``, 500, 503:
  https://platform.openai.com/docs/guides/error-codes
- ``x-request-id``, ``x-ratelimit-{limit,remaining,reset}-{requests,tokens}``:
  https://platform.openai.com/docs/guides/rate-limits

Use (client, service, CLI and UI tests)::

    with OpenAiStandIn(answers=[reply("Bonjour")], key="sk-test") as server:
        AiConfig(api_key="sk-test", base_url=server.url)
        server.script(rate_limited(), reply("Encore"))   # queued answers, in order
        server.requests[-1].messages                       # what was sent

An empty queue: ``default`` answers (an ``Answer`` or a function of the ``ChatRequest``).
``key=``: any other key gets a 401; ``models=``: any other model a 404. ``stream_ends``
gets a ``StreamEnd`` per streamed answer: read to the end, or the client went away.
"""

from __future__ import annotations

import json
import queue
import re
import socket
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

PATH = "/v1/chat/completions"
CREATED = 1_765_000_000
RATE_LIMITS = {
    "openai-processing-ms": "42",
    "x-ratelimit-limit-requests": "10000",
    "x-ratelimit-remaining-requests": "9999",
    "x-ratelimit-limit-tokens": "200000",
    "x-ratelimit-remaining-tokens": "199000",
    "x-ratelimit-reset-requests": "6ms",
    "x-ratelimit-reset-tokens": "300ms",
}


@dataclass
class ChatRequest:
    """One request as received: headers (lower-case names) and the raw body."""

    method: str
    path: str
    headers: dict[str, str]
    raw: bytes

    @property
    def json(self) -> dict[str, Any]:
        try:
            body = json.loads(self.raw or b"{}")
        except ValueError:
            return {}
        return body if isinstance(body, dict) else {}

    @property
    def key(self) -> str | None:
        auth = self.headers.get("authorization", "")
        return auth.removeprefix("Bearer ") if auth.startswith("Bearer ") else None

    @property
    def model(self) -> str | None:
        return self.json.get("model")

    @property
    def messages(self) -> list[dict[str, Any]]:
        return list(self.json.get("messages") or [])

    @property
    def streamed(self) -> bool:
        return bool(self.json.get("stream"))

    @property
    def n(self) -> int:
        return int(self.json.get("n") or 1)


@dataclass
class Answer:
    """What the stand-in answers to one request.

    ``texts``: one content per choice (fewer than ``n``: the last is repeated with a
    number). ``error``: an error body's ``error`` object, sent with ``status``.
    ``cut``: the connection is closed without an answer. ``cut_after``: a streamed
    answer stops (connection dropped) after that many content pieces. ``chunk_delay``:
    a pause before each streamed piece. ``usage``: (prompt, completion) tokens; by
    default counted as words.
    """

    texts: list[str] = field(default_factory=lambda: ["OK"])
    usage: tuple[int, int] | None = None
    model: str | None = None
    status: int = 200
    error: dict[str, Any] | None = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    cut: bool = False
    cut_after: int | None = None
    chunk_delay: float = 0.0
    finish_reason: str = "stop"
    refusal: str | None = None


@dataclass(frozen=True)
class StreamEnd:
    """How a streamed answer ended: ``sent`` of ``total`` SSE events written."""

    sent: int
    total: int
    complete: bool


# --- answers -------------------------------------------------------------------------


def reply(*texts: str, usage: tuple[int, int] | None = None, **more: Any) -> Answer:
    """A successful answer; several texts are the ``n`` choices."""
    return Answer(texts=list(texts) or [""], usage=usage, **more)


def json_reply(*values: Any, usage: tuple[int, int] | None = None) -> Answer:
    """A structured-output answer: each value serialised as one choice's content."""
    return Answer(texts=[json.dumps(value, ensure_ascii=False) for value in values], usage=usage)


def error(
    status: int,
    message: str,
    *,
    type: str,
    code: str | None = None,
    param: str | None = None,
    headers: dict[str, str] | None = None,
) -> Answer:
    """An error answer; ``{key}``, ``{masked_key}`` and ``{model}`` in the message are
    filled in from the request (servers echo the key, OpenAI masks it)."""
    body = {"message": message, "type": type, "param": param, "code": code}
    return Answer(status=status, error=body, headers=dict(headers or {}))


def invalid_api_key() -> Answer:
    return error(
        401,
        "Incorrect API key provided: {masked_key}. You can find your API key at "
        "https://platform.openai.com/account/api-keys.",
        type="invalid_request_error",
        code="invalid_api_key",
    )


def model_not_found() -> Answer:
    return error(
        404,
        "The model `{model}` does not exist or you do not have access to it.",
        type="invalid_request_error",
        code="model_not_found",
    )


def rate_limited(retry_after: str = "0.01") -> Answer:
    return error(
        429,
        "Rate limit reached for gpt-4o-mini in organization org-standin on requests per "
        "min (RPM): Limit 3, Used 3, Requested 1. Please try again in 20s.",
        type="requests",
        code="rate_limit_exceeded",
        headers={"retry-after": retry_after, "x-ratelimit-remaining-requests": "0"},
    )


def insufficient_quota() -> Answer:
    return error(
        429,
        "You exceeded your current quota, please check your plan and billing details. For "
        "more information on this error, read the docs: "
        "https://platform.openai.com/docs/guides/error-codes/api-errors.",
        type="insufficient_quota",
        code="insufficient_quota",
    )


SERVER_ERRORS = {
    500: "The server had an error while processing your request. Sorry about that!",
    503: "The engine is currently overloaded, please try again later.",
}


def server_error(status: int = 500, retry_after_ms: str | None = "10") -> Answer:
    """A 5xx (500, or 503 overloaded); a short ``retry-after-ms`` keeps retries fast."""
    headers = {"retry-after-ms": retry_after_ms} if retry_after_ms else {}
    return error(status, SERVER_ERRORS[status], type="server_error", headers=headers)


def overloaded(retry_after_ms: str | None = "10") -> Answer:
    return server_error(503, retry_after_ms)


def dropped() -> Answer:
    """The request is read, then the connection closes without an answer."""
    return Answer(cut=True)


def dropped_mid_stream(text: str, after: int = 1) -> Answer:
    """A streamed answer cut after ``after`` pieces of ``text``."""
    return Answer(texts=[text], cut_after=after)


def slow(seconds: float, answer: Answer | None = None) -> Answer:
    base = answer or Answer()
    base.delay = seconds
    return base


# --- the server ----------------------------------------------------------------------


def pieces(text: str) -> list[str]:
    """A text in word-sized pieces, as a model streams it (spaces kept)."""
    return re.findall(r"\s*\S+\s*", text) or ([text] if text else [])


def _words(value: Any) -> int:
    if isinstance(value, str):
        return len(value.split())
    if isinstance(value, list):
        return sum(_words(part.get("text", "")) for part in value if isinstance(part, dict))
    return 0


def _masked(key: str | None) -> str:
    if not key:
        return ""
    return key[:5] + "*" * max(len(key) - 9, 3) + key[-4:] if len(key) > 9 else "***"


class OpenAiStandIn:
    """A threaded HTTP server answering like the Chat Completions API."""

    def __init__(
        self,
        answers: Iterable[Answer] = (),
        *,
        key: str | None = None,
        models: Iterable[str] | None = None,
        default: Answer | Callable[[ChatRequest], Answer] | None = None,
    ) -> None:
        self.key = key
        self.models = set(models) if models is not None else None
        self.default = default if default is not None else Answer()
        self.requests: list[ChatRequest] = []
        self.stream_ends: queue.Queue[StreamEnd] = queue.Queue()
        self._script: deque[Answer] = deque(answers)
        self._lock = threading.Lock()
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                stand_in._handle(self)

            def do_GET(self) -> None:
                stand_in._handle(self)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.05,), daemon=True
        )

    @property
    def url(self) -> str:
        """The base URL to give the client (ends in ``/v1``, like OpenAI's)."""
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/v1"

    def script(self, *answers: Answer) -> None:
        """Queue answers for the next requests, in order."""
        with self._lock:
            self._script.extend(answers)

    def start(self) -> OpenAiStandIn:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> OpenAiStandIn:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    # --- answering ---------------------------------------------------------------

    def _choose(self, request: ChatRequest) -> Answer:
        if request.method != "POST" or request.path != PATH:
            return error(
                404,
                f"Invalid URL ({request.method} {request.path})",
                type="invalid_request_error",
            )
        if self.key is not None and request.key != self.key:
            return invalid_api_key()
        if self.models is not None and request.model not in self.models:
            return model_not_found()
        with self._lock:
            scripted = self._script.popleft() if self._script else None
        if scripted is not None:
            return scripted
        return self.default(request) if callable(self.default) else self.default

    def _handle(self, handler: BaseHTTPRequestHandler) -> None:
        length = int(handler.headers.get("Content-Length") or 0)
        raw = handler.rfile.read(length) if length else b""
        request = ChatRequest(
            method=handler.command,
            path=handler.path.split("?", 1)[0],
            headers={k.lower(): v for k, v in handler.headers.items()},
            raw=raw,
        )
        with self._lock:
            self.requests.append(request)
        answer = self._choose(request)
        if answer.delay:
            time.sleep(answer.delay)
        if answer.cut:
            handler.close_connection = True
            handler.connection.shutdown(socket.SHUT_RDWR)
            return
        headers = {"x-request-id": f"req_{uuid.uuid4().hex}", **RATE_LIMITS, **answer.headers}
        try:
            if answer.error is not None:
                self._send_json(
                    handler, answer.status, {"error": self._fill(answer, request)}, headers
                )
            elif request.streamed:
                self._send_stream(handler, request, answer, headers)
            else:
                self._send_json(handler, answer.status, self._completion(request, answer), headers)
        except (BrokenPipeError, ConnectionResetError):
            handler.close_connection = True

    def _fill(self, answer: Answer, request: ChatRequest) -> dict[str, Any]:
        body = dict(answer.error or {})
        body["message"] = (
            str(body.get("message", ""))
            .replace("{masked_key}", _masked(request.key))
            .replace("{key}", request.key or "")
            .replace("{model}", request.model or "")
        )
        return body

    @staticmethod
    def _send_json(
        handler: BaseHTTPRequestHandler, status: int, body: Any, headers: dict[str, str]
    ) -> None:
        payload = json.dumps(body).encode()
        handler.send_response(status)
        handler.send_header("Content-Type", "application/json")
        for name, value in headers.items():
            handler.send_header(name, value)
        handler.send_header("Content-Length", str(len(payload)))
        handler.end_headers()
        handler.wfile.write(payload)

    @staticmethod
    def _texts(request: ChatRequest, answer: Answer) -> list[str]:
        texts = list(answer.texts)
        while len(texts) < request.n:
            texts.append(f"{answer.texts[-1]} ({len(texts) + 1})")
        return texts[: request.n]

    def _usage(self, request: ChatRequest, answer: Answer, texts: list[str]) -> dict[str, int]:
        if answer.usage is not None:
            prompt, completion = answer.usage
        else:
            prompt = sum(_words(m.get("content")) for m in request.messages) + 3
            completion = sum(_words(text) for text in texts)
        return {
            "prompt_tokens": prompt,
            "completion_tokens": completion,
            "total_tokens": prompt + completion,
        }

    def _completion(self, request: ChatRequest, answer: Answer) -> dict[str, Any]:
        texts = self._texts(request, answer)
        return {
            "id": f"chatcmpl-{uuid.uuid4().hex[:24]}",
            "object": "chat.completion",
            "created": CREATED,
            "model": answer.model or request.model or "gpt-4o-mini",
            "system_fingerprint": "fp_standin",
            "choices": [
                {
                    "index": index,
                    "message": {
                        "role": "assistant",
                        "content": None if answer.refusal else text,
                        "refusal": answer.refusal,
                    },
                    "logprobs": None,
                    "finish_reason": answer.finish_reason,
                }
                for index, text in enumerate(texts)
            ],
            "usage": self._usage(request, answer, texts),
        }

    def _events(self, request: ChatRequest, answer: Answer) -> tuple[list[str], int | None]:
        """The SSE ``data`` payloads of a streamed answer, and where to cut it."""
        texts = self._texts(request, answer)
        include_usage = bool((request.json.get("stream_options") or {}).get("include_usage"))
        base: dict[str, Any] = {
            "id": f"chatcmpl-{uuid.uuid4().hex[:24]}",
            "object": "chat.completion.chunk",
            "created": CREATED,
            "model": answer.model or request.model or "gpt-4o-mini",
            "system_fingerprint": "fp_standin",
        }

        def chunk(index: int, delta: dict[str, Any], finish: str | None = None) -> str:
            choice = {"index": index, "delta": delta, "logprobs": None, "finish_reason": finish}
            body = {**base, "choices": [choice]}
            if include_usage:
                body["usage"] = None
            return json.dumps(body)

        events: list[str] = []
        cut_at: int | None = None
        for index, text in enumerate(texts):
            events.append(chunk(index, {"role": "assistant", "content": "", "refusal": None}))
            for number, piece in enumerate(pieces(text)):
                if index == 0 and answer.cut_after is not None and number == answer.cut_after:
                    cut_at = len(events)
                events.append(chunk(index, {"content": piece}))
            events.append(chunk(index, {}, answer.finish_reason))
        if include_usage:
            usage = self._usage(request, answer, texts)
            events.append(json.dumps({**base, "choices": [], "usage": usage}))
        events.append("[DONE]")
        if answer.cut_after is not None and cut_at is None:
            cut_at = len(events) - 1
        return events, cut_at

    def _send_stream(
        self,
        handler: BaseHTTPRequestHandler,
        request: ChatRequest,
        answer: Answer,
        headers: dict[str, str],
    ) -> None:
        events, cut_at = self._events(request, answer)
        handler.send_response(answer.status)
        handler.send_header("Content-Type", "text/event-stream; charset=utf-8")
        handler.send_header("Cache-Control", "no-cache")
        handler.send_header("Transfer-Encoding", "chunked")
        for name, value in headers.items():
            handler.send_header(name, value)
        handler.end_headers()
        sent = 0
        try:
            for number, data in enumerate(events):
                if number == cut_at:
                    handler.wfile.flush()
                    handler.close_connection = True
                    handler.connection.shutdown(socket.SHUT_RDWR)
                    self.stream_ends.put(StreamEnd(sent, len(events), complete=False))
                    return
                if answer.chunk_delay:
                    time.sleep(answer.chunk_delay)
                frame = f"data: {data}\n\n".encode()
                handler.wfile.write(b"%x\r\n%s\r\n" % (len(frame), frame))
                handler.wfile.flush()
                sent += 1
            handler.wfile.write(b"0\r\n\r\n")
            handler.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            handler.close_connection = True
            self.stream_ends.put(StreamEnd(sent, len(events), complete=False))
            return
        self.stream_ends.put(StreamEnd(sent, len(events), complete=True))
