"""Test kit for the cloud service: a real uvicorn server, accounts, devices and ops.

Tests talk HTTP to a server on a real socket (as the app will), so middleware, gzip,
status codes and headers are exercised exactly as in production.
"""

import time
import uuid
from dataclasses import dataclass, field
from typing import Any

import httpx
from sqlalchemy import Engine, text

from localpro_cloud import db
from localpro_cloud.loopback import running  # noqa: F401 - re-exported for the tests
from localpro_protocol.wire import (
    SCHEMA_VERSION,
    Change,
    PullResponse,
    PushResponse,
    TokenPair,
)

SECRET = "tests-only-secret-" + "s" * 40
PASSWORD = "correct horse battery"


class FakeClock:
    """Real time plus an offset the test can move forward (token expiry, rate windows)."""

    def __init__(self) -> None:
        self.offset = 0.0

    def __call__(self) -> float:
        return time.time() + self.offset

    def advance(self, seconds: float) -> None:
        self.offset += seconds

    def ms(self) -> int:
        return int(self() * 1000)


def stamp(millis: int, node: str, counter: int = 0) -> str:
    """A hybrid logical clock value as the app encodes it."""
    return f"{millis:013d}-{counter:05d}-{node}"


def new_id() -> str:
    return str(uuid.uuid4())


@dataclass
class Cloud:
    """One running server: its URL, database and clock, with helpers to drive it."""

    url: str
    database_url: str
    clock: FakeClock
    http: httpx.Client
    _engine: Engine | None = None

    # -- database access for assertions ------------------------------------------------

    def sql(self, statement: str, **params: Any) -> list[Any]:
        if self._engine is None:
            self._engine = db.make_engine(self.database_url)
        with self._engine.connect() as conn:
            return list(conn.execute(text(statement), params))

    def execute(self, statement: str, **params: Any) -> None:
        """Change the server's database behind its back (committed)."""
        if self._engine is None:
            self._engine = db.make_engine(self.database_url)
        with self._engine.begin() as conn:
            conn.execute(text(statement), params)

    @property
    def backend(self) -> str:
        return "postgresql" if self.database_url.startswith("postgresql") else "sqlite"

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()

    # -- accounts ----------------------------------------------------------------------

    def register(
        self, email: str | None = None, password: str = PASSWORD, **extra: str
    ) -> "Account":
        email = email or f"user-{uuid.uuid4().hex[:10]}@example.sn"
        response = self.http.post(
            "/v1/auth/register", json={"email": email, "password": password, **extra}
        )
        assert response.status_code == 201, response.text
        tokens = TokenPair.model_validate_json(response.content)
        return Account(self, email.strip().lower(), password, tokens)

    def login(
        self, email: str, password: str, device_id: str, device_name: str = ""
    ) -> httpx.Response:
        return self.http.post(
            "/v1/auth/login",
            json={
                "email": email,
                "password": password,
                "device_id": device_id,
                "device_name": device_name,
            },
        )


@dataclass
class Account:
    cloud: Cloud
    email: str
    password: str
    tokens: TokenPair

    @property
    def id(self) -> str:
        return self.tokens.account_id

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens.access_token}"}

    def device(self, device_id: str | None = None, name: str = "laptop") -> "Device":
        device_id = device_id or new_id()
        response = self.cloud.login(self.email, self.password, device_id, name)
        assert response.status_code == 200, response.text
        return Device(self, device_id, TokenPair.model_validate_json(response.content))

    def profile(self) -> dict[str, Any]:
        response = self.cloud.http.get("/v1/account", headers=self.headers)
        assert response.status_code == 200, response.text
        return dict(response.json())


@dataclass
class Device:
    """A signed-in device: numbers its ops 1, 2, 3 … like the app does."""

    account: Account
    device_id: str
    tokens: TokenPair
    next_op: int = 1
    counter: int = field(default=0)
    client: httpx.Client | None = None
    """Its own connection (for tests that push from several threads at once)."""

    @property
    def http(self) -> httpx.Client:
        return self.client or self.account.cloud.http

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens.access_token}"}

    def hlc(self, at_ms: int | None = None) -> str:
        """A fresh stamp from this device (counter keeps stamps distinct within a ms)."""
        self.counter += 1
        return stamp(at_ms or self.account.cloud.clock.ms(), self.device_id, self.counter)

    def op(self, table: str, row_id: str, at_ms: int | None = None, **values: Any) -> dict:
        """An op writing ``values`` with one stamp (``at_ms`` defaults to now)."""
        hlc = self.hlc(at_ms)
        op = {
            "op_id": self.next_op,
            "table": table,
            "row_id": row_id,
            "fields": {name: [value, hlc] for name, value in values.items()},
        }
        self.next_op += 1
        return op

    def push_raw(self, ops: list[dict], **overrides: Any) -> httpx.Response:
        body = {
            "device_id": self.device_id,
            "schema_version": SCHEMA_VERSION,
            "ops": ops,
            **overrides,
        }
        return self.http.post("/v1/sync/push", json=body, headers=self.headers)

    def push(self, ops: list[dict]) -> PushResponse:
        response = self.push_raw(ops)
        assert response.status_code == 200, response.text
        return PushResponse.model_validate_json(response.content)

    def pull(
        self, cursor: int = 0, max_bytes: int | None = None, layout: str | None = None
    ) -> PullResponse:
        params: dict[str, int | str] = {"cursor": cursor}
        if max_bytes is not None:
            params["max_bytes"] = max_bytes
        if layout is not None:
            params["layout"] = layout
        response = self.http.get("/v1/sync/pull", params=params, headers=self.headers)
        assert response.status_code == 200, response.text
        return PullResponse.model_validate_json(response.content)

    def pull_all(
        self, cursor: int = 0, max_bytes: int | None = None, layout: str | None = None
    ) -> tuple[list[Change], int]:
        changes: list[Change] = []
        while True:
            page = self.pull(cursor, max_bytes, layout)
            changes += page.all_changes()
            cursor = page.next_cursor
            if not page.has_more:
                return changes, cursor


def latest(changes: list[Change]) -> dict[tuple[str, str], dict[str, Any]]:
    """(table, row id) → {field: value} as a client ends up after applying the changes."""
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    for change in changes:
        rows[(change.table, change.row_id)] = {n: v for n, (v, _h) in change.fields.items()}
    return rows
