"""Request bodies: gzip decoding with a hard cap on the decompressed size.

A push of a first sync can be megabytes of JSON; clients gzip it (5-10x smaller on slow
mobile links). The cap protects the server from a "gzip bomb" (a few KiB that inflate to
gigabytes): decompression stops as soon as the output passes the cap, answering 413.
This is a plain ASGI middleware so it sees the raw bytes before FastAPI parses anything.
"""

import json
import re
import zlib
from typing import Any

from anyio import to_thread
from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from localpro_protocol.fields import MAX_FIELDS_PER_OP
from localpro_protocol.wire import MAX_BODY_BYTES, MAX_OPS_PER_PUSH

_WITH_BODY = {"POST", "PUT", "PATCH"}
INFLATE_IN_THREAD = 64 * 1024
"""Compressed bodies above this are inflated off the event loop (it must keep serving)."""
MAX_JSON_ITEMS = MAX_OPS_PER_PUSH * MAX_FIELDS_PER_OP * 4
"""Values (strings, numbers, lists, objects, literals) one JSON body may hold: an op is a
few dozen at most, so a full push of the widest rows fits four times over, while a small
gzip body of millions of tiny values is refused before Python builds them (each costs
50-70 bytes of memory: 16 MiB of ``0,`` would be half a gigabyte)."""
_SURROGATE = re.compile(rb"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


class BodyTooLarge(Exception):
    """The decompressed body exceeds the cap (answered with 413)."""


class BadEncoding(Exception):
    """The body is not valid gzip, or uses an encoding we do not accept."""


class BadJson(Exception):
    """The body is not JSON this server accepts (answered with 400, the reason short)."""


def load_json(body: bytes, max_items: int = MAX_JSON_ITEMS) -> Any:
    """Parse a request body with bounds on what it may build.

    Counting quotes, brackets and literals is a few milliseconds of C over 16 MiB and
    bounds strings, containers and ``null/true/false``; numbers are counted as they are
    parsed. Refused: more than ``max_items`` values (``BodyTooLarge``), invalid JSON,
    nesting too deep for the parser, lone UTF-16 surrogates (``BadJson``). ``NaN`` and
    ``Infinity`` come back as floats: the push validates each field and rejects that op.
    """
    items = (
        body.count(b'"') // 2
        + body.count(b"[")
        + body.count(b"{")
        + body.count(b"null")
        + body.count(b"true")
        + body.count(b"false")
    )
    numbers = 0

    def counted(parse: Any) -> Any:
        def number(text: str) -> Any:
            nonlocal numbers
            numbers += 1
            if items + numbers > max_items:
                raise BodyTooLarge
            return parse(text)

        return number

    if items > max_items:
        raise BodyTooLarge
    try:
        doc = json.loads(body, parse_int=counted(int), parse_float=counted(float))
    except RecursionError:
        raise BadJson("The body is nested too deeply.") from None
    except ValueError as exc:
        raise BadJson(f"The body is not JSON ({str(exc)[:80]}).") from None
    if _SURROGATE.search(body) and _has_lone_surrogate(doc):
        raise BadJson("The body holds a lone UTF-16 surrogate (\\ud800-\\udfff): not text.")
    return doc


def _has_lone_surrogate(doc: Any) -> bool:
    stack = [doc]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                return True
        elif isinstance(item, dict):
            stack += item.keys()
            stack += item.values()
        elif isinstance(item, list):
            stack += item
    return False


class RequestBodyMiddleware:
    """Buffers request bodies (capped), inflating ``Content-Encoding: gzip`` ones."""

    def __init__(self, app: ASGIApp, max_bytes: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in _WITH_BODY:
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        encoding = headers.get("content-encoding", "identity").strip().lower()
        if encoding not in ("identity", "", "gzip"):
            await _error(415, f"Unsupported Content-Encoding {encoding!r}: use gzip.")(
                scope, receive, send
            )
            return
        try:
            declared = int(headers.get("content-length", "0") or 0)
        except ValueError:
            declared = 0
        try:
            if declared > self.max_bytes:
                raise BodyTooLarge
            body = await _read(receive, self.max_bytes)
            if encoding == "gzip" and len(body) > INFLATE_IN_THREAD:
                body = await to_thread.run_sync(inflate, body, self.max_bytes)
            elif encoding == "gzip":
                body = inflate(body, self.max_bytes)
        except BodyTooLarge:
            limit = self.max_bytes // (1024 * 1024)
            await _error(
                413, f"Request body larger than {limit} MiB: send fewer changes per push."
            )(scope, receive, send)
            return
        except BadEncoding as exc:
            await _error(400, str(exc))(scope, receive, send)
            return
        raw_headers = [
            (k, v) for k, v in scope["headers"] if k not in (b"content-encoding", b"content-length")
        ]
        raw_headers.append((b"content-length", str(len(body)).encode("ascii")))
        scope = {**scope, "headers": raw_headers}
        await self.app(scope, _replay(body, receive), send)


async def _read(receive: Receive, max_bytes: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > max_bytes:
            raise BodyTooLarge
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def inflate(data: bytes, max_bytes: int) -> bytes:
    """Decompress gzip (possibly several members) without ever holding more than the cap."""
    out = bytearray()
    while data:
        inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
        try:
            out += inflater.decompress(data, max_bytes + 1 - len(out))
        except zlib.error as exc:
            raise BadEncoding(f"The request body is not valid gzip ({exc}).") from None
        if len(out) > max_bytes or inflater.unconsumed_tail:
            raise BodyTooLarge
        if not inflater.eof:
            raise BadEncoding("The gzip request body is truncated.")
        data = inflater.unused_data
    return bytes(out)


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()  # after the body: wait for the disconnect as usual

    return replay


def _error(status: int, detail: str) -> JSONResponse:
    return JSONResponse({"detail": detail}, status_code=status)
