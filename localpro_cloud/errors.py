"""Error answers that never echo input and never put a secret in a log (issue 14, #6).

- Validation errors: the field's location and a short message only. FastAPI's default
  422 repeats the offending input (a password, a 15 MB name, a 900-deep list that made
  rendering recurse, a NaN that JSON cannot encode → 500).
- Unexpected exceptions: a 500 with a generic message; the log gets the exception's type
  and where it was raised, never its message or arguments (a pydantic error's message
  holds the input values).
"""

import logging
import traceback
from typing import Any

from fastapi import Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("localpro_cloud")
MAX_ERRORS = 20
MAX_MESSAGE = 200
_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")


def _location(loc: Any) -> list[str | int]:
    return [part if isinstance(part, int) else str(part)[:64] for part in loc][:10]


async def validation_error(_request: Request, exc: Exception) -> JSONResponse:
    errors = exc.errors() if isinstance(exc, RequestValidationError) else []
    detail = [
        {
            "loc": _location(error.get("loc", ())),
            "msg": str(error.get("msg", "invalid value"))[:MAX_MESSAGE],
            "type": str(error.get("type", "value_error"))[:64],
        }
        for error in errors[:MAX_ERRORS]
    ]
    return JSONResponse({"detail": detail}, status_code=422)


async def http_error(request: Request, exc: Exception) -> Response:
    """FastAPI's answer, except that a 405 lists every method of the path in ``Allow``.

    Starlette answers 405 from the first route whose path matches, so ``OPTIONS
    /v1/account`` said ``Allow: GET`` although ``PATCH`` is served too (RFC 9110 §15.5.6:
    the methods the *resource* supports)."""
    assert isinstance(exc, StarletteHTTPException)
    if exc.status_code == 405:
        methods = {
            method
            for method in _METHODS
            for route in request.app.routes
            if route.matches({**request.scope, "method": method})[0] == Match.FULL
        }
        if methods:
            exc.headers = {**(exc.headers or {}), "Allow": ", ".join(sorted(methods))}
    return await http_exception_handler(request, exc)


def redacted_trace(exc: BaseException) -> str:
    """Type and frames (file, line, function) only: no message, no values."""
    frames = traceback.extract_tb(exc.__traceback__)[-12:]
    where = "; ".join(f"{f.filename.rsplit('/', 1)[-1]}:{f.lineno} {f.name}" for f in frames)
    return f"{type(exc).__name__} at {where}"


class SafeErrors:
    """Outermost middleware: an exception becomes a plain 500 (or 400 for a body nested
    too deep to parse), logged without its message; nothing reaches uvicorn's traceback."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watch(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, watch)
        except Exception as exc:
            if isinstance(exc, RecursionError):
                status, detail = 400, "The request body is nested too deeply."
            else:
                status, detail = 500, "The server failed to answer this request; try again later."
                log.error(
                    "%s %s failed: %s", scope.get("method"), scope.get("path"), redacted_trace(exc)
                )
            if not started:
                await JSONResponse({"detail": detail}, status_code=status)(scope, receive, send)
