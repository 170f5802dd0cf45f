"""Request bodies: gzip decoding with a hard cap on the decompressed size.

A push of a first sync can be megabytes of JSON; clients gzip it (5-10x smaller on slow
mobile links). The cap protects the server from a "gzip bomb" (a few KiB that inflate to
gigabytes): decompression stops as soon as the output passes the cap, answering 413.
This is a plain ASGI middleware so it sees the raw bytes before FastAPI parses anything.
"""

import zlib

from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from localpro_protocol.wire import MAX_BODY_BYTES

_WITH_BODY = {"POST", "PUT", "PATCH"}


class BodyTooLarge(Exception):
    """The decompressed body exceeds the cap (answered with 413)."""


class BadEncoding(Exception):
    """The body is not valid gzip, or uses an encoding we do not accept."""


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
            if encoding == "gzip":
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
