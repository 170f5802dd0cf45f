"""The FastAPI application: ``create_app`` wires the database, secret, clock and routes.

The app keeps no state of its own between requests (sessions, rate-limit counters, sync
cursors all live in the database), so any number of instances can serve one database
behind a load balancer.
"""

import os
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.gzip import GZipMiddleware

from localpro_cloud import __version__, accounts, db, errors, hooks, sync
from localpro_cloud.bodies import RequestBodyMiddleware
from localpro_cloud.context import Clock, Service
from localpro_cloud.hooks import registry as hook_registry
from localpro_cloud.settings import MIN_SECRET_LENGTH, PUBLIC_URL_ENV, resolve_secret
from localpro_protocol.wire import PushRequest

DESCRIPTION = """Accounts and offline-first sync for the LocalPro desktop app.

Sign in with `/v1/auth/login` (binding the device), then push field-level changes with
`/v1/sync/push` and page through the account's changes with `/v1/sync/pull`. Bodies may be
sent with `Content-Encoding: gzip`; responses are gzipped when the client accepts it.
"""


def create_app(
    database_url: str,
    *,
    secret: str | None = None,
    clock: Clock | None = None,
    public_url: str | None = None,
    registrations_per_hour: int | None = None,
) -> FastAPI:
    """Build the service on ``database_url`` (migrated to head before this returns).

    ``secret`` signs access tokens (default: ``LOCALPRO_CLOUD_SECRET`` or the data folder's
    file); ``clock`` returns seconds since the epoch (default ``time.time``) and is what
    tests move to expire tokens and rate-limit windows. ``public_url``: what providers and
    recipients reach (default ``LOCALPRO_CLOUD_PUBLIC_URL``, else each request's own base).
    ``registrations_per_hour``: accounts one client address may create an hour (default
    ``LOCALPRO_CLOUD_REGISTRATIONS_PER_HOUR``, else 20; a test rig or a company's own
    server on one address raises it).
    """
    if secret is not None and len(secret) < MIN_SECRET_LENGTH:
        raise ValueError(f"The token secret must be at least {MIN_SECRET_LENGTH} characters.")
    engine = db.make_engine(database_url)
    db.migrate(engine)
    service = Service(
        engine=engine,
        secret=secret or resolve_secret(),
        clock=clock or time.time,
        public_url=(public_url or os.environ.get(PUBLIC_URL_ENV) or "").rstrip("/"),
        registrations_per_hour=registrations_per_hour
        or int(os.environ.get("LOCALPRO_CLOUD_REGISTRATIONS_PER_HOUR") or 20),
    )

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        engine.dispose()

    app = FastAPI(
        title="LocalPro Cloud", version=__version__, description=DESCRIPTION, lifespan=lifespan
    )
    app.state.service = service
    app.add_exception_handler(RequestValidationError, errors.validation_error)
    app.add_exception_handler(StarletteHTTPException, errors.http_error)
    app.include_router(accounts.router, tags=["accounts"])
    app.include_router(sync.router)
    app.include_router(hook_registry.router)
    for provider in hooks.PROVIDER_ROUTERS:
        app.include_router(provider, tags=["provider callbacks"])

    @app.get("/health", tags=["health"])
    def health() -> JSONResponse:
        """Liveness and database reachability, for load balancers and monitoring."""
        try:
            with db.read(engine) as conn:
                conn.execute(text("SELECT 1"))
        except SQLAlchemyError:
            return JSONResponse({"status": "error", "database": "unreachable"}, status_code=503)
        return JSONResponse({"status": "ok", "database": "ok", "version": __version__})

    # Inner first: bodies are inflated before routing; responses gzipped on the way out.
    app.add_middleware(RequestBodyMiddleware)
    app.add_middleware(GZipMiddleware, minimum_size=500)
    app.add_middleware(errors.SafeErrors)  # outermost: no exception reaches uvicorn's log
    # method-assign: replacing app.openapi is how FastAPI documents customising the schema.
    # FastAPI documents replacing app.openapi; mypy sees a method being assigned.
    app.openapi = _openapi_with_push_body(app)  # type: ignore[method-assign]
    return app


def _openapi_with_push_body(app: FastAPI) -> Callable[[], dict[str, Any]]:
    """The push endpoint reads its body op by op; publish the PushRequest schema anyway."""

    def build() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = get_openapi(
            title=app.title,
            version=app.version,
            description=app.description,
            routes=app.routes,
        )
        push = PushRequest.model_json_schema(ref_template="#/components/schemas/{model}")
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        for name, definition in push.pop("$defs", {}).items():
            components.setdefault(name, definition)
        components["PushRequest"] = push
        _document_schema_versions(schema)
        _document_errors(schema)
        app.openapi_schema = schema
        return schema

    return build


def _document_schema_versions(schema: dict[str, Any]) -> None:
    """The data schema versions this server serves, where the app gives its version
    (outside them it answers 426 with words a user can act on, not a 422)."""
    versions = {
        "type": "integer",
        "minimum": sync.MIN_SCHEMA_VERSION,
        "maximum": sync.MAX_SCHEMA_VERSION,
    }
    push = schema["components"]["schemas"]["PushRequest"]["properties"]
    push["schema_version"] = {**push["schema_version"], **versions}
    for path, operations in schema.get("paths", {}).items():
        if not path.startswith("/v1/sync/"):
            continue
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                if parameter.get("name") == "schema_version":
                    parameter["schema"] = {
                        "anyOf": [versions, {"type": "null"}],
                        "title": "Schema Version",
                    }


_ERROR = {
    "description": "",
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "properties": {"detail": {"type": "string"}},
                "required": ["detail"],
            }
        }
    },
}
_WITH_BODY = {
    "400": "Invalid gzip or JSON body",
    "413": "Body larger than 16 MiB once inflated",
    "415": "Content-Encoding other than gzip",
    "422": "A field is missing or invalid",
}


_VALIDATION_422 = {
    "type": "object",
    "required": ["detail"],
    "properties": {
        "detail": {
            "anyOf": [
                {"type": "string"},
                {"type": "array", "items": {"$ref": "#/components/schemas/ValidationError"}},
            ]
        }
    },
}
"""422 is FastAPI's list of field errors, or one sentence when the fields are well formed
but refused (an e-mail address, a password too easy to guess, a push that is no object)."""
_HOOKS = {
    "403": "The provider's signature or verify token does not match",
    "404": "No webhook has this address (unknown or rotated)",
}


def _document_errors(schema: dict[str, Any]) -> None:
    """Publish the error answers middleware and dependencies give (schemathesis checks
    every status a route answers against its document)."""
    for path, operations in schema.get("paths", {}).items():
        for method, operation in operations.items():
            answers = operation.setdefault("responses", {})
            extra: dict[str, str] = {}
            if "requestBody" in operation or method in ("post", "put", "patch"):
                extra.update(_WITH_BODY)
            if operation.get("security") or path.startswith(
                ("/v1/account", "/v1/sync", "/v1/hooks")
            ):
                extra["401"] = "Missing, expired or revoked access token"
            if path.startswith("/v1/sync"):
                extra["426"] = "Schema version not supported: update the app"
            if path.startswith("/v1/auth/"):
                extra["429"] = "Too many attempts; see Retry-After"
            if path.startswith("/hooks/"):
                extra.update(_HOOKS)
            for code, words in extra.items():
                answers.setdefault(code, {**_ERROR, "description": words})
            if "422" in answers:
                answers["422"] = {
                    "description": answers["422"].get("description") or _WITH_BODY["422"],
                    "content": {"application/json": {"schema": _VALIDATION_422}},
                }
