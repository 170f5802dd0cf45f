"""API fuzzing: schemathesis over the cloud's OpenAPI document, then hostile bodies.

    python -m faults.api_fuzz [--cases 600] [--seed 1] [--workdir D] [--json F]

Against the real cloud (uvicorn on 127.0.0.1; SQLite, and a fresh PostgreSQL database
too when ``LOCALPRO_TEST_PG_URL`` is set), signed in as a real account with a device:

1. **schemathesis**, every check it has (server errors, status codes, content types,
   response schemas and headers, negative data rejected, positive data accepted,
   use-after-free, resource availability, ignored auth, Allow headers...), in all its
   phases (examples, coverage, fuzzing, stateful), ``max(3, cases // 10)`` examples per
   operation, seeded; signed in again every 10 minutes (an access token lasts 15).
2. **hostile bodies**, ``cases`` of them, over every endpoint that takes a body (the
   provider callbacks with a real hook too): NaN/Infinity, lone surrogates, nesting up
   to 100,000 deep, 10^20 and 10^400 integers, 1e400 floats, a gzip push of 4,000 unknown
   columns, strings of 15 MB, bodies up to 200 MB, gzip bombs up to 1 GiB, wrong
   content types and encodings, truncated gzip, bytes that are not UTF-8, top-level
   values that are not objects. Each answer must be a 4xx with a short message that
   echoes no secret (a push whose envelope is sound rejects the hostile *op* instead,
   and a provider callback may answer "nothing recorded"); never a 5xx.
3. Afterwards: ``/health`` answers, a second device of the account pulls the whole
   history (nothing stored by the fuzzing breaks a pull, issue 14 finding 2) and the
   server's log holds no error, no traceback, no password and no token.

Case ``i`` of the hostile bodies is drawn from ``Random(f"{seed}:{i}")``: a failure names
its seed and case, and ``--seed S --cases N`` replays it.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import logging
import os
import random
import re
import secrets
import select
import socket
import time
import uuid
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import httpx
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from faults._common import CampaignResult, machine_load, main_for
from localpro_cloud.app import create_app
from localpro_cloud.loopback import running
from localpro_protocol.fields import MAX_FIELDS_PER_OP
from localpro_protocol.wire import MAX_BODY_BYTES, PullResponse, PushResponse, TokenPair

DEFAULT_CASES = 600
PG_ENV = "LOCALPRO_TEST_PG_URL"
MAX_ANSWER = 4000
"""A refusal is a short message: longer means something was echoed."""
MAX_SECONDS = 20.0
"""Any single answer slower than this is a failure (a parser or a bomb that got through)."""
SCHEMA_MISMATCH_CHECKS = frozenset(
    {
        "status_code_conformance",
        "content_type_conformance",
        "response_schema_conformance",
        "response_headers_conformance",
        "allow_header_conformance",
    }
)
FIXED = [
    "422 answers were documented as FastAPI's list of field errors only, while register, "
    "push and /v1/hooks answer one sentence (a refused address, password or push): the "
    "document says string or list (schema mismatch on 3 operations)",
    "405 answers listed only the first route's method in Allow (OPTIONS /v1/account: GET, "
    "not GET, PATCH; /v1/hooks and /hooks/whatsapp/{id} alike): Allow names every method",
    "provider callbacks answered 404 (unknown hook) and 403 (bad signature) that the "
    "document did not declare, and Twilio's TwiML was documented as JSON: declared",
    "a push with cursor false, cursor 1.0 or schema_version true was accepted (pydantic "
    "read them as integers; the document says integer): op ids, cursors and schema "
    "versions are strict integers",
    "schema-valid requests were refused: names and addresses with control characters, an "
    "address without x@y.z, schema_version 0 (426), /v1/hooks with a provider of another "
    "channel or a blank signing secret (also one blank only to Python: \\x1c, \\x85); the "
    "document publishes each rule now",
]


# -- the server and the account ------------------------------------------------------------


class LogTrap(logging.Handler):
    """Every log record of the server (its own, uvicorn's), to search for errors and secrets."""

    NAMES = ("", "localpro_cloud", "uvicorn", "uvicorn.error", "uvicorn.access", "fastapi")

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[tuple[int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        try:
            text = record.getMessage()
        except Exception:  # a record that cannot be formatted is still a record
            text = str(record.msg)
        if record.exc_info:
            text += " Traceback " + logging.Formatter().formatException(record.exc_info)
        self.lines.append((record.levelno, f"{record.name}: {text}"))

    @contextlib.contextmanager
    def installed(self) -> Iterator[LogTrap]:
        loggers = [logging.getLogger(name) for name in self.NAMES]
        for logger in loggers:
            logger.addHandler(self)
        try:
            yield self
        finally:
            for logger in loggers:
                logger.removeHandler(self)


@contextlib.contextmanager
def fresh_postgres(base: str) -> Iterator[str]:
    """A new, empty PostgreSQL database for one run, dropped after it."""
    name = f"localpro_fuzz_{secrets.token_hex(6)}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(base).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


@dataclass
class Account:
    """The fuzzing account: its password, a device and a token that stays fresh."""

    base: str
    email: str
    password: str
    device_id: str
    tokens: TokenPair | None = None
    signed_in_at: float = 0.0
    sign_ins: int = 0
    secrets_seen: set[str] = field(default_factory=set)

    def sign_in(self) -> str:
        response = httpx.post(
            f"{self.base}/v1/auth/login",
            json={
                "email": self.email,
                "password": self.password,
                "device_id": self.device_id,
                "device_name": "fuzzer",
            },
            headers={"X-Forwarded-For": "192.0.2.1"},
            timeout=60,
        )
        response.raise_for_status()
        self.tokens = TokenPair.model_validate_json(response.content)
        self.secrets_seen |= {self.tokens.access_token, self.tokens.refresh_token}
        self.signed_in_at = time.monotonic()
        self.sign_ins += 1
        return self.tokens.access_token

    def token(self) -> str:
        """A valid access token (signed in again after 10 minutes of its 15)."""
        if self.tokens is None or time.monotonic() - self.signed_in_at > 600:
            return self.sign_in()
        return self.tokens.access_token

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token()}"}


def _register(base: str, rng: random.Random) -> Account:
    email = f"fuzz-{rng.getrandbits(48):012x}@example.sn"
    password = f"Fz-{rng.getrandbits(64):016x}-{rng.getrandbits(32):08x}"
    response = httpx.post(
        f"{base}/v1/auth/register",
        json={"email": email, "password": password, "name": "Fuzz"},
        timeout=60,
    )
    response.raise_for_status()
    account = Account(base, email, password, str(uuid.UUID(int=rng.getrandbits(128))))
    account.secrets_seen.add(password)
    account.sign_in()
    _push_contacts(account, rng, 5)
    return account


def _push_contacts(account: Account, rng: random.Random, count: int) -> None:
    """A few real rows, so a pull after the fuzzing has something to carry."""
    hlc = f"{int(time.time() * 1000):013d}-00000-{account.device_id}"
    ops = [
        {
            "op_id": op_id,
            "table": "contacts",
            "row_id": str(uuid.UUID(int=rng.getrandbits(128))),
            "fields": {
                "first_name": [f"Contact {op_id}", hlc],
                "phone": [f"+22177000{op_id:04d}", hlc],
            },
        }
        for op_id in range(1, count + 1)
    ]
    response = httpx.post(
        f"{account.base}/v1/sync/push",
        json={"device_id": account.device_id, "schema_version": 1, "ops": ops},
        headers=account.auth,
        timeout=60,
    )
    response.raise_for_status()
    if PushResponse.model_validate_json(response.content).rejected:
        raise RuntimeError(f"the fuzzing account's first push was refused: {response.text[:200]}")


# -- 1. schemathesis ---------------------------------------------------------------------------


@dataclass
class FuzzFigures:
    cases_per_operation: Counter[str] = field(default_factory=Counter)
    stateful_steps: int = 0
    checks_run: Counter[str] = field(default_factory=Counter)
    responses: int = 0
    status_codes: Counter[int] = field(default_factory=Counter)
    server_errors: int = 0
    schema_mismatches: int = 0
    other_failures: int = 0
    seconds: float = 0.0
    passwords_sent: set[str] = field(default_factory=set)
    """Passwords schemathesis sent (register, login): none may reach the server's log."""


def _schemathesis_config(seed: int, max_examples: int, coverage: bool = True) -> Any:
    import schemathesis

    return schemathesis.Config.from_dict(
        {
            "seed": seed,
            "color": False,
            "continue-on-failure": True,
            "generation": {
                "max-examples": max_examples,
                "database": "none",  # nothing written to the repository's .hypothesis
            },
            "checks": {
                "enabled": True,
                # Refusals too: 413 (more ops than a push may hold) and 426 (a data
                # schema version this server does not serve: "update the app").
                "negative_data_rejection": {
                    "expected-statuses": [
                        400,
                        401,
                        403,
                        404,
                        405,
                        406,
                        409,
                        413,
                        415,
                        422,
                        426,
                        428,
                        429,
                        "5xx",
                    ]
                },
            },
            "phases": {
                "examples": {"enabled": True},
                "coverage": {"enabled": coverage},
                "fuzzing": {"enabled": True},
                "stateful": {"enabled": True, "max-steps": max(4, max_examples)},
            },
            "cache": {"enabled": False},
            "operations": [
                {
                    # What JSON Schema cannot say: a password among the most common, or
                    # the user's own name; an address mixing alphabets (look-alikes).
                    "include-name": "POST /v1/auth/register",
                    "checks": {
                        "positive_data_acceptance": {
                            "expected-statuses": ["2xx", 401, 409, 422, 429]
                        }
                    },
                },
                {
                    # Nor that a block's columns have one value per row id and its
                    # other_hlcs name cells of the block, nor the values a push may hold.
                    "include-name": "POST /v1/sync/push",
                    "checks": {
                        "positive_data_acceptance": {
                            "expected-statuses": ["2xx", 401, 403, 409, 413, 422, 429]
                        }
                    },
                },
            ],
        }
    )


def run_schemathesis(
    base: str,
    account: Account,
    seed: int,
    max_examples: int,
    result: CampaignResult,
    tag: str,
    coverage: bool = True,
) -> FuzzFigures:
    """Every phase and check of schemathesis, signed in; failures go to ``result``."""
    import schemathesis
    from schemathesis.engine import events, from_schema

    figures = FuzzFigures()
    started = time.monotonic()
    schema = schemathesis.openapi.from_url(
        f"{base}/openapi.json", config=_schemathesis_config(seed, max_examples, coverage)
    )
    schema.config.update(base_url=base)

    addresses = iter(range(1, 2**24))

    class BearerAuth:
        def get(self, _case: Any, _ctx: Any) -> str:
            return account.token()

        def set(self, case: Any, data: str, _ctx: Any) -> None:
            # Each case from its own address: the fuzzer stands for many clients, and the
            # sign-in throttle (tested on its own) would slow every wrong password to 2 s.
            n = next(addresses)
            case.headers = {
                **(case.headers or {}),
                "Authorization": f"Bearer {data}",
                "X-Forwarded-For": f"10.{n >> 16 & 255}.{n >> 8 & 255}.{n & 255}",
            }

    schema.auth(refresh_interval=None)(BearerAuth)  # account.token() keeps it fresh

    seen: set[tuple[str, str, str]] = set()
    secrets_bytes = [x.encode() for x in account.secrets_seen]
    for event in from_schema(schema).execute():
        if isinstance(event, events.ScenarioFinished):
            recorder = event.recorder
            if str(event.phase) == "stateful" or "stateful" in str(event.phase).lower():
                figures.stateful_steps += len(recorder.cases)
            else:
                figures.cases_per_operation[recorder.label] += len(recorder.cases)
            for interaction in recorder.interactions.values():
                figures.passwords_sent |= _passwords_in(interaction.request.body)
                if interaction.response is not None:
                    if any(x in interaction.response.content for x in secrets_bytes):
                        result.fail(
                            f"[{tag} schemathesis seed {seed}] {recorder.label}: an answer "
                            "holds the fuzzing account's password or a token"
                        )
                    figures.responses += 1
                    figures.status_codes[interaction.response.status_code] += 1
                    if interaction.response.status_code >= 500:
                        figures.server_errors += 1
            for checks in recorder.checks.values():
                for check in checks:
                    figures.checks_run[check.name] += 1
                    if check.failure_info is None:
                        continue
                    failure = check.failure_info.failure
                    if check.name in SCHEMA_MISMATCH_CHECKS:
                        figures.schema_mismatches += 1
                    elif check.name != "not_a_server_error":
                        figures.other_failures += 1
                    key = (recorder.label, check.name, failure.title)
                    if key in seen:
                        continue
                    seen.add(key)
                    steps = check.failure_info.steps
                    curl = _scrub(steps[-1].curl, account) if steps else ""
                    if os.environ.get("API_FUZZ_VERBOSE"):  # the whole story, to debug
                        print(f"{recorder.label} {check.name}\n{failure}\n{curl}\n")
                    sent = re.search(r"-d '(.*)' http", curl)
                    request = (
                        f"{steps[-1].method} {steps[-1].path} {sent.group(1) if sent else ''}"
                        if steps
                        else ""
                    )
                    result.fail(
                        f"[{tag} schemathesis seed {seed}] {recorder.label}: {check.name}: "
                        f"{failure.title} | {request[:200]}"
                    )
        elif isinstance(event, events.NonFatalError):
            result.fail(f"[{tag} schemathesis seed {seed}] error on {event.label}: {event.info}")
        elif isinstance(event, events.FatalError):
            result.fail(f"[{tag} schemathesis seed {seed}] fatal: {event.exception!r}")
    figures.seconds = time.monotonic() - started
    return figures


def _passwords_in(body: bytes | None) -> set[str]:
    """The password of a JSON request body, if it is one worth looking for in a log."""
    if not body or b'"password"' not in body:
        return set()
    try:
        doc = json.loads(body)
    except ValueError:
        return set()
    password = doc.get("password") if isinstance(doc, dict) else None
    if isinstance(password, str) and len(password) >= 10 and len(set(password)) >= 4:
        return {password}
    return set()


def _scrub(text: str, account: Account) -> str:
    for secret in account.secrets_seen:
        text = text.replace(secret, "[secret]")
    return text


# -- 2. hostile bodies ------------------------------------------------------------------------


@dataclass(frozen=True)
class Endpoint:
    method: str
    path: str
    kind: str
    """json (a pydantic body), push, form (a provider's callback), signed (403 first)."""
    auth: bool


@dataclass
class Hostile:
    """One request: its body (bytes, or chunks for the huge ones) and what may answer."""

    kind: str
    endpoint: Endpoint
    body: bytes | None = None
    chunks: Callable[[], Iterator[bytes]] | None = None
    length: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    ok_2xx: bool = False
    """A 2xx is right too (a hostile op in a sound push is rejected in a 200)."""
    rejected_op: int | None = None
    """With ``ok_2xx`` on a push: this op id must be listed as rejected."""


def _endpoints(hooks: dict[str, str]) -> list[Endpoint]:
    found = [
        Endpoint("POST", "/v1/auth/register", "json", False),
        Endpoint("POST", "/v1/auth/login", "json", False),
        Endpoint("POST", "/v1/auth/refresh", "json", False),
        Endpoint("POST", "/v1/auth/logout", "json", False),
        Endpoint("PATCH", "/v1/account", "json", True),
        Endpoint("POST", "/v1/hooks", "json", True),
        Endpoint("POST", "/v1/sync/push", "push", True),
    ]
    for path, provider in sorted(hooks.items()):
        kind = "form" if provider == "africastalking" else "signed"
        found.append(Endpoint("POST", path, kind, False))
    return found


def _plausible(endpoint: Endpoint, account: Account, rng: random.Random) -> dict[str, Any]:
    """A body that is nearly right for the endpoint (the hostile part goes into it)."""
    path = endpoint.path
    if path.endswith("/register"):
        return {"email": f"r{rng.getrandbits(40):x}@example.sn", "password": account.password}
    if path.endswith("/login"):
        return {"email": account.email, "password": account.password, "device_id": "d1"}
    if path.endswith(("/refresh", "/logout")):
        return {"refresh_token": f"{uuid.uuid4()}.{secrets.token_urlsafe(8)}"}
    if path == "/v1/account":
        return {"name": "Awa", "business_name": "Boutique"}
    if path == "/v1/hooks":
        return {"channel": "sms", "provider": "africastalking", "secret": account.password}
    if endpoint.kind == "push":
        return {"device_id": account.device_id, "schema_version": 1, "ops": []}
    return {"id": "ATXid_1", "status": "Success", "phoneNumber": "+221770000000"}


def _dumps(doc: Any) -> bytes:
    return json.dumps(doc, allow_nan=True).encode("utf-8")


def _plant(doc: dict[str, Any], rng: random.Random, literal: str, form: bool = False) -> bytes:
    """The body with ``literal`` (raw text) as the value of one of its fields: JSON, or
    ``application/x-www-form-urlencoded`` for a provider's callback."""
    marker = f"__HOSTILE_{rng.getrandbits(32):08x}__"
    keys = [k for k in doc if k != "password"] or list(doc)
    doc = {**doc, rng.choice(keys): marker}
    if form:
        text = "&".join(f"{quote(k)}={quote(str(v))}" for k, v in doc.items())
        return text.replace(marker, literal).encode("utf-8", "surrogatepass")
    return _dumps(doc).replace(f'"{marker}"'.encode(), literal.encode("utf-8", "surrogatepass"))


def _op(account: Account, op_id: int, value_literal: str, rng: random.Random) -> str:
    row = str(uuid.UUID(int=rng.getrandbits(128)))
    name = rng.choice(["latitude", "longitude", "first_name", "tags"])
    table = (
        rng.choice(["prospects", "contacts"]) if name in ("latitude", "longitude") else "contacts"
    )
    hlc = f"{int(time.time() * 1000):013d}-00000-{account.device_id}"
    return (
        f'{{"op_id":{op_id},"table":"{table}","row_id":"{row}",'
        f'"fields":{{"{name}":[{value_literal},"{hlc}"]}}}}'
    )


_OP_IDS = iter(range(1_000_000, 2**62))


def _next_op_id() -> int:
    """Increasing op ids: a lower one would be taken for a replay of an earlier push."""
    return next(_OP_IDS)


_SCALARS = {
    "nan": ["NaN", "-NaN"],
    "infinity": ["Infinity", "-Infinity"],
    "big_int": ["1" + "0" * 20, "-1" + "0" * 30, "1" + "0" * 400, "9" * 4300],
    "big_float": ["1e400", "-1e400", "1" + "0" * 400 + ".5", "1e-400"],
    "surrogate": ['"a\\ud800b"', '"\\udfff"', '"x\\udbff"'],
}


def _make_scalar(kind: str, endpoint: Endpoint, account: Account, rng: random.Random) -> Hostile:
    literal = rng.choice(_SCALARS[kind])
    doc = _plausible(endpoint, account, rng)
    if endpoint.kind == "push" and kind != "surrogate" and rng.random() < 0.6:
        # Inside one op of a sound push: that op is rejected, the push answered 200.
        op_id = _next_op_id()
        body = (
            f'{{"device_id":"{account.device_id}","schema_version":1,'
            f'"ops":[{_op(account, op_id, literal, rng)}]}}'
        ).encode()
        return Hostile(kind, endpoint, body=body, ok_2xx=True, rejected_op=op_id)
    if endpoint.kind == "push":
        choice = rng.choice(["envelope", "op_id", "cursor"])
        if choice == "op_id":
            body = (
                f'{{"device_id":"{account.device_id}","schema_version":1,'
                f'"ops":[{_op(account, 1, "1", rng).replace(":1,", ":" + literal + ",", 1)}]}}'
            ).encode()
            return Hostile(kind, endpoint, body=body)
        if choice == "cursor":
            doc = {**doc, "cursor": "__C__"}
            return Hostile(kind, endpoint, body=_dumps(doc).replace(b'"__C__"', literal.encode()))
    form = endpoint.kind == "form"
    return Hostile(kind, endpoint, body=_plant(doc, rng, literal, form))


def _make_deep(endpoint: Endpoint, account: Account, rng: random.Random) -> Hostile:
    depth = rng.choice([900, 1000, 5000, 100_000])
    opener, closer = rng.choice([("[", "]"), ('{"a":', "}")])
    literal = opener * depth + "1" + closer * depth
    body = _plant(_plausible(endpoint, account, rng), rng, literal, endpoint.kind == "form")
    return Hostile("deep", endpoint, body=body)


def _make_huge_string(endpoint: Endpoint, account: Account, rng: random.Random) -> Hostile:
    size = rng.choice([10_000, 1_000_000, 15_000_000])
    literal = json.dumps(rng.choice("aé漢") * size, ensure_ascii=False)
    body = _plant(_plausible(endpoint, account, rng), rng, literal, endpoint.kind == "form")
    return Hostile("huge_string", endpoint, body=body)


def _make_many_keys(endpoint: Endpoint, account: Account, rng: random.Random) -> Hostile:
    keys = rng.choice([5_000, 200_000])
    literal = "{" + ",".join(f'"k{i}":{i}' for i in range(keys)) + "}"
    body = _plant(_plausible(endpoint, account, rng), rng, literal, endpoint.kind == "form")
    return Hostile("many_keys", endpoint, body=body)


def _make_unknown_columns(endpoint: Endpoint, account: Account, rng: random.Random) -> Hostile:
    """Issue 14 finding 1: a block of rows x 4,000 unknown columns, gzipped (84 KB)."""
    rows = rng.choice([1, 50, 2000])
    columns = rng.choice([MAX_FIELDS_PER_OP + 1, 4000])
    values = "[" + ",".join(["0"] * rows) + "]"
    row_ids = [json.dumps(str(uuid.UUID(int=rng.getrandbits(128)))) for _ in range(rows)]
    hlc = f"{int(time.time() * 1000):013d}-00000-{account.device_id}"
    block = (
        '{"table":"contacts",'
        f'"op_ids":[{",".join(str(i + 1) for i in range(rows))}],'
        f'"row_ids":[{",".join(row_ids)}],'
        f'"hlcs":[{",".join([json.dumps(hlc)] * rows)}],'
        '"columns":{' + ",".join(f'"c{i:04d}":{values}' for i in range(columns)) + "}}"
    )
    raw = (f'{{"device_id":"{account.device_id}","schema_version":1,"blocks":[{block}]}}').encode()
    body = gzip.compress(raw, compresslevel=6)
    return Hostile("unknown_columns", endpoint, body=body, headers={"Content-Encoding": "gzip"})


_BOMBS: dict[int, bytes] = {}


def _bomb(size: int) -> bytes:
    """gzip of ``size`` zero bytes, made once per size. Up to 64 MiB one gzip member;
    beyond, members of 64 MiB end to end (a valid gzip file: 1 GiB in about 1 MB, made in
    a fraction of a second instead of deflating 1 GiB)."""
    member = 64 << 20
    if size not in _BOMBS:
        if size > member:
            _BOMBS[size] = _bomb(member) * (size // member)
        else:
            packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
            chunk = b"\0" * (1 << 20)
            parts = [packer.compress(chunk) for _ in range(size >> 20)]
            parts.append(packer.compress(b"\0" * (size & ((1 << 20) - 1))))
            parts.append(packer.flush())
            _BOMBS[size] = b"".join(parts)
    return _BOMBS[size]


def _make_bomb(endpoint: Endpoint, account: Account, rng: random.Random) -> Hostile:
    size = rng.choice([MAX_BODY_BYTES + 1, MAX_BODY_BYTES + (1 << 20), 64 << 20, 1 << 30])
    body = _bomb(size)
    if rng.random() < 0.3:  # several members, each under the cap, together over it
        body = gzip.compress(b"{" + b" " * (12 << 20)) * 2
    return Hostile("gzip_bomb", endpoint, body=body, headers={"Content-Encoding": "gzip"})


def _make_huge_body(endpoint: Endpoint, account: Account, rng: random.Random) -> Hostile:
    size = rng.choice([MAX_BODY_BYTES + 1, 64 << 20, 200 << 20])
    declared = rng.random() < 0.5

    def chunks() -> Iterator[bytes]:
        piece = b"[" + b"0," * ((1 << 20) // 2 - 1)
        sent = 0
        while sent < size:
            part = piece[: size - sent]
            sent += len(part)
            yield part

    return Hostile("huge_body", endpoint, chunks=chunks, length=size if declared else None)


def _make_content_type(endpoint: Endpoint, account: Account, rng: random.Random) -> Hostile:
    doc = _plausible(endpoint, account, rng)
    doc["unexpected"] = True  # the body stays wrong whatever parser reads it
    content_type = rng.choice(
        [
            "text/plain",
            "application/xml",
            "multipart/form-data; boundary=x",
            "application/x-www-form-urlencoded",
            "application/json; charset=latin-1",
            "image/png",
            "",
        ]
    )
    body = _dumps(doc)
    if content_type.startswith("application/x-www-form"):
        body = b"&".join(f"{k}={v}".encode() for k, v in doc.items())
    return Hostile(
        "content_type",
        endpoint,
        body=body,
        headers={"Content-Type": content_type},
    )


def _make_encoding(endpoint: Endpoint, account: Account, rng: random.Random) -> Hostile:
    doc = _plausible(endpoint, account, rng)
    doc["unexpected"] = True
    raw = _dumps(doc)
    choice = rng.choice(
        ["br", "deflate", "compress", "gzip, gzip", "x-gzip", "not-gzip", "truncated", "zstd"]
    )
    if choice == "not-gzip":
        return Hostile("encoding", endpoint, body=raw, headers={"Content-Encoding": "gzip"})
    if choice == "truncated":
        packed = gzip.compress(raw)
        cut = packed[: rng.randrange(1, len(packed) - 1)]
        return Hostile("encoding", endpoint, body=cut, headers={"Content-Encoding": "gzip"})
    body = zlib.compress(raw) if choice == "deflate" else raw
    return Hostile("encoding", endpoint, body=body, headers={"Content-Encoding": choice})


def _make_bad_bytes(endpoint: Endpoint, account: Account, rng: random.Random) -> Hostile:
    doc = _plausible(endpoint, account, rng)
    doc["unexpected"] = True
    text = json.dumps(doc)
    choice = rng.choice(["latin1", "utf16", "utf32", "bom", "nul", "random", "invalid-utf8"])
    if choice == "latin1":
        body = text.replace("}", ', "n": "caf\u00e9"}').encode("latin-1")
    elif choice == "utf16":
        body = text.encode("utf-16")
    elif choice == "utf32":
        body = text.encode("utf-32")
    elif choice == "bom":
        body = b"\xef\xbb\xbf" + text.encode()
    elif choice == "nul":
        body = text.encode().replace(b"{", b"{\0", 1)
    elif choice == "random":
        body = rng.randbytes(rng.choice([1, 100, 10_000]))
    else:
        body = text.encode().replace(b"}", b', "n": "\xff\xfe\xc3"}')
    return Hostile("bad_bytes", endpoint, body=body)


def _make_shape(endpoint: Endpoint, account: Account, rng: random.Random) -> Hostile:
    choice = rng.choice(
        ["[]", "null", '"text"', "0", "true", "", " ", "{}{}", '{"a":1', "[{}]" * 3, "{,}"]
    )
    doc = _plausible(endpoint, account, rng)
    if rng.random() < 0.3:  # duplicate keys, the second one wrong
        first = _dumps(doc)[:-1]
        body = first + b', "' + rng.choice(list(doc)).encode() + b'": [[]]}'
    else:
        body = choice.encode()
    return Hostile("shape", endpoint, body=body)


KINDS: dict[str, Callable[[Endpoint, Account, random.Random], Hostile]] = {
    "nan": lambda e, a, r: _make_scalar("nan", e, a, r),
    "infinity": lambda e, a, r: _make_scalar("infinity", e, a, r),
    "surrogate": lambda e, a, r: _make_scalar("surrogate", e, a, r),
    "big_int": lambda e, a, r: _make_scalar("big_int", e, a, r),
    "big_float": lambda e, a, r: _make_scalar("big_float", e, a, r),
    "deep": _make_deep,
    "huge_string": _make_huge_string,
    "many_keys": _make_many_keys,
    "unknown_columns": _make_unknown_columns,
    "gzip_bomb": _make_bomb,
    "huge_body": _make_huge_body,
    "content_type": _make_content_type,
    "encoding": _make_encoding,
    "bad_bytes": _make_bad_bytes,
    "shape": _make_shape,
}
PUSH_ONLY = frozenset({"unknown_columns"})
HEAVY = frozenset({"gzip_bomb", "huge_body", "unknown_columns", "huge_string", "many_keys"})


def _case(i: int, seed: int, endpoints: list[Endpoint], account: Account) -> Hostile:
    rng = random.Random(f"{seed}:{i}")
    names = list(KINDS)
    kind = names[i % len(names)] if i < 2 * len(names) else rng.choice(names)
    if kind in HEAVY and i >= 2 * len(names) and rng.random() < 0.5:
        kind = rng.choice([k for k in names if k not in HEAVY])  # the rest stay quick
    choices = [e for e in endpoints if e.kind == "push"] if kind in PUSH_ONLY else endpoints
    endpoint = choices[rng.randrange(len(choices))]
    hostile = KINDS[kind](endpoint, account, rng)
    if endpoint.kind == "form":
        hostile.headers.setdefault("Content-Type", "application/x-www-form-urlencoded")
    return hostile


@dataclass
class Answer:
    status: int
    body: bytes
    seconds: float


def _send(base: str, hostile: Hostile, headers: dict[str, str]) -> Answer:
    """The request on a raw socket: a huge body is sent only until the server answers."""
    parts = urlsplit(base)
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    head = {"Host": f"{host}:{port}", "Connection": "close", **headers}
    if hostile.body is not None:
        head["Content-Length"] = str(len(hostile.body))
        chunks: Iterator[bytes] = iter([hostile.body])
        chunked = False
    else:
        assert hostile.chunks is not None
        chunks = hostile.chunks()
        chunked = hostile.length is None
        if chunked:
            head["Transfer-Encoding"] = "chunked"
        else:
            head["Content-Length"] = str(hostile.length)
    lines = [f"{hostile.endpoint.method} {hostile.endpoint.path} HTTP/1.1"]
    lines += [f"{k}: {v}" for k, v in head.items() if v != ""]
    started = time.monotonic()
    with socket.create_connection((host, port), timeout=MAX_SECONDS) as sock:
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))
        answered = False
        try:
            for chunk in chunks:
                data = f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n" if chunked else chunk
                view = memoryview(data)
                while view:
                    readable, _w, _x = select.select([sock], [], [], 0)
                    if readable:
                        answered = True
                        break
                    sent = sock.send(view[: 1 << 20])
                    view = view[sent:]
                if answered:
                    break
            if chunked and not answered:
                sock.sendall(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server answered and closed while we were still sending
        raw = b""
        try:
            while True:
                piece = sock.recv(1 << 16)
                if not piece:
                    break
                raw += piece
                if len(raw) > 1 << 20:
                    break
        except (ConnectionResetError, TimeoutError):
            pass
    seconds = time.monotonic() - started
    head_bytes, _sep, body = raw.partition(b"\r\n\r\n")
    status_line = head_bytes.split(b"\r\n", 1)[0].split()
    status = int(status_line[1]) if len(status_line) > 1 and status_line[1].isdigit() else 0
    if b"transfer-encoding: chunked" in head_bytes.lower():
        body = _dechunk(body)
    return Answer(status, body, seconds)


def _dechunk(data: bytes) -> bytes:
    out = b""
    while data:
        size_line, _sep, rest = data.partition(b"\r\n")
        try:
            size = int(size_line.split(b";")[0], 16)
        except ValueError:
            return out
        if size == 0:
            break
        out += rest[:size]
        data = rest[size + 2 :]
    return out


@dataclass
class HostileFigures:
    by_kind: Counter[str] = field(default_factory=Counter)
    statuses: Counter[int] = field(default_factory=Counter)
    bytes_sent: int = 0
    slowest_s: float = 0.0
    longest_answer: int = 0
    seconds: float = 0.0


def run_hostile(
    base: str,
    account: Account,
    endpoints: list[Endpoint],
    cases: int,
    seed: int,
    result: CampaignResult,
    tag: str,
) -> HostileFigures:
    figures = HostileFigures()
    started = time.monotonic()
    for i in range(cases):
        hostile = _case(i, seed, endpoints, account)
        headers = {
            "Content-Type": "application/json",
            "X-Forwarded-For": f"198.51.100.{i % 250 + 1}",
        }
        if hostile.endpoint.auth:
            headers.update(account.auth)
        headers.update(hostile.headers)
        answer = _send(base, hostile, headers)
        figures.by_kind[hostile.kind] += 1
        figures.statuses[answer.status] += 1
        figures.bytes_sent += len(hostile.body) if hostile.body is not None else hostile.length or 0
        figures.slowest_s = max(figures.slowest_s, answer.seconds)
        figures.longest_answer = max(figures.longest_answer, len(answer.body))
        target = f"{hostile.endpoint.method} {hostile.endpoint.path}"
        where = f"[{tag} hostile seed {seed} case {i}] {hostile.kind} {target}"
        problem = _judge(hostile, answer, account)
        if problem:
            result.fail(f"{where}: {problem}")
    figures.seconds = time.monotonic() - started
    return figures


def _judge(hostile: Hostile, answer: Answer, account: Account) -> str | None:
    text = answer.body.decode("utf-8", "replace")
    for secret in account.secrets_seen:
        if secret in text:
            return f"answer {answer.status} echoes a secret"
    if answer.status == 0:
        return f"no HTTP answer after {answer.seconds:.1f} s"
    if answer.status >= 500:
        return f"server error {answer.status}: {text[:120]}"
    if answer.seconds > MAX_SECONDS:
        return f"answered {answer.status} after {answer.seconds:.1f} s"
    if len(answer.body) > MAX_ANSWER:
        return f"answer {answer.status} of {len(answer.body)} bytes (input echoed?)"
    if 400 <= answer.status < 500:
        try:
            detail = json.loads(answer.body).get("detail")
        except (ValueError, AttributeError):
            return f"{answer.status} without a JSON detail: {text[:80]!r}"
        if not detail:
            return f"{answer.status} without a message"
        if '"input"' in text:
            return f"{answer.status} repeats the input"
        return None
    if 200 <= answer.status < 300 and hostile.endpoint.kind == "form":
        # A provider's callback answers 2xx to what it ignores (else the provider retries
        # for days), but a hostile body must record nothing.
        try:
            recorded = json.loads(answer.body).get("recorded")
        except (ValueError, AttributeError):
            return f"callback answer {answer.status} is not JSON: {text[:80]!r}"
        return None if recorded == 0 else f"a hostile callback recorded {recorded} event(s)"
    if 200 <= answer.status < 300 and hostile.ok_2xx:
        if hostile.rejected_op is None:
            return None
        try:
            pushed = PushResponse.model_validate_json(answer.body)
        except ValueError:
            return f"{answer.status} that is no PushResponse: {text[:80]!r}"
        if hostile.rejected_op not in {r.op_id for r in pushed.rejected}:
            return f"the hostile op {hostile.rejected_op} was stored, not rejected"
        return None
    return f"hostile body accepted: {answer.status} {text[:100]!r}"


# -- 3. afterwards ----------------------------------------------------------------------------


def _enable_hooks(base: str, account: Account) -> dict[str, str]:
    """Real webhook paths of the account (path -> provider), so callbacks parse bodies."""
    paths: dict[str, str] = {}
    # One provider per channel: enabling Twilio for SMS would retire Africa's Talking's.
    for channel, provider in (("sms", "africastalking"), ("whatsapp", "")):
        response = httpx.post(
            f"{base}/v1/hooks",
            json={"channel": channel, "provider": provider, "secret": "s" * 32},
            headers=account.auth,
            timeout=30,
        )
        response.raise_for_status()
        info = response.json()
        for url in [info["url"], *info.get("urls", {}).values()]:
            if url.rstrip("/") != info["url"].rstrip("/") or info["provider"] != "africastalking":
                paths[urlsplit(url).path] = info["provider"]
    paths["/hooks/twilio/no-such-hook"] = "twilio"  # unknown: refused before any parsing
    return paths


def _after(
    base: str,
    account: Account,
    result: CampaignResult,
    tag: str,
    log: LogTrap,
    passwords_sent: set[str],
) -> dict[str, Any]:
    figures: dict[str, Any] = {}
    health = httpx.get(f"{base}/health", timeout=30)
    if health.status_code != 200:
        result.fail(f"[{tag}] /health answers {health.status_code} after the fuzzing")
    other = Account(base, account.email, account.password, str(uuid.uuid4()))
    other.sign_in()
    account.secrets_seen |= other.secrets_seen
    cursor, rows, pages = 0, 0, 0
    while True:
        response = httpx.get(
            f"{base}/v1/sync/pull",
            params={"cursor": cursor, "layout": "blocks" if pages % 2 else "changes"},
            headers=other.auth,
            timeout=60,
        )
        if response.status_code != 200:
            result.fail(
                f"[{tag}] a second device cannot pull: {response.status_code} {response.text[:120]}"
            )
            break
        page = PullResponse.model_validate_json(response.content)
        rows += len(page.all_changes())
        pages += 1
        cursor = page.next_cursor
        if not page.has_more:
            break
    figures["rows pulled by a second device"] = rows
    errors = [text for level, text in log.lines if level >= logging.ERROR]
    for text in errors[:3]:
        result.fail(f"[{tag}] server log error: {text[:200]}")
    secrets_found = {s for s in account.secrets_seen if any(s in text for _l, text in log.lines)}
    if secrets_found:
        result.fail(f"[{tag}] the server log holds {len(secrets_found)} secret(s) (password/token)")
    logged = [p for p in passwords_sent if any(p in text for _l, text in log.lines)]
    if logged:
        result.fail(f"[{tag}] the server log holds {len(logged)} password(s) schemathesis sent")
    figures["passwords sent by schemathesis, none logged"] = len(passwords_sent)
    if any("Traceback" in text for _l, text in log.lines):
        result.fail(f"[{tag}] the server log holds a traceback")
    figures["server log lines"] = len(log.lines)
    figures["server log errors"] = len(errors)
    return figures


# -- the campaign -----------------------------------------------------------------------------


def _backends(workdir: Path) -> Iterator[tuple[str, contextlib.AbstractContextManager[str]]]:
    yield "sqlite", contextlib.nullcontext(f"sqlite:///{(workdir / 'cloud.sqlite').as_posix()}")
    base = os.environ.get(PG_ENV)
    if base:
        yield "postgresql", fresh_postgres(base)


def run(
    cases: int,
    seed: int,
    workdir: Path,
    backends: tuple[str, ...] = ("sqlite", "postgresql"),
    coverage: bool = True,
) -> CampaignResult:
    """The campaign on each backend of ``backends`` that is available (PostgreSQL needs
    ``LOCALPRO_TEST_PG_URL``). ``coverage=False`` leaves out schemathesis's coverage
    phase (its boundary values of every field, some 800 requests whatever the examples):
    for the CI subset, whose budget it would take alone."""
    result = CampaignResult(name="api_fuzz", cases=cases, seed=seed)
    started = time.monotonic()
    max_examples = max(3, cases // 10)
    result.figures["schemathesis examples per operation"] = max_examples
    result.figures["schemathesis phases"] = (
        "examples, coverage, fuzzing, stateful" if coverage else "examples, fuzzing, stateful"
    )
    backends_run = []
    for tag, database in _backends(workdir):
        if tag not in backends:
            continue
        rng = random.Random(f"{seed}:{tag}:setup")
        with database as url:
            secret = "fuzz-secret-" + "".join(
                rng.choice("abcdefghjkmnpqrstuvwxyz") for _ in range(40)
            )
            app = create_app(url, secret=secret, registrations_per_hour=1_000_000)
            # The trap goes in once uvicorn has set up its loggers (that drops handlers).
            with running(app) as base, LogTrap().installed() as log:
                account = _register(base, rng)
                account.secrets_seen.add(secret)
                fuzz = run_schemathesis(base, account, seed, max_examples, result, tag, coverage)
                endpoints = _endpoints(_enable_hooks(base, account))
                hostile = run_hostile(base, account, endpoints, cases, seed, result, tag)
                after = _after(base, account, result, tag, log, fuzz.passwords_sent)
        backends_run.append(tag)
        _report(result, tag, fuzz, hostile, after, account)
    result.figures["backends"] = ", ".join(backends_run)
    result.fixed = list(FIXED)
    result.seconds = time.monotonic() - started
    result.load = machine_load()
    return result


def _report(
    result: CampaignResult,
    tag: str,
    fuzz: FuzzFigures,
    hostile: HostileFigures,
    after: dict[str, Any],
    account: Account,
) -> None:
    figures = result.figures
    total = sum(fuzz.cases_per_operation.values())
    figures[f"{tag}: schemathesis cases"] = (
        f"{total} over {len(fuzz.cases_per_operation)} operations + "
        f"{fuzz.stateful_steps} stateful steps, {fuzz.responses} responses, {fuzz.seconds:.1f} s"
    )
    figures[f"{tag}: cases per operation"] = ", ".join(
        f"{label} {n}" for label, n in sorted(fuzz.cases_per_operation.items())
    )
    figures[f"{tag}: checks run"] = (
        f"{sum(fuzz.checks_run.values())} ({len(fuzz.checks_run)} checks: "
        + ", ".join(f"{name} {n}" for name, n in sorted(fuzz.checks_run.items()))
        + ")"
    )
    figures[f"{tag}: server errors"] = fuzz.server_errors
    figures[f"{tag}: schema mismatches"] = fuzz.schema_mismatches
    figures[f"{tag}: other check failures"] = fuzz.other_failures
    figures[f"{tag}: status codes"] = dict(sorted(fuzz.status_codes.items()))
    figures[f"{tag}: hostile bodies"] = (
        f"{sum(hostile.by_kind.values())} in {hostile.seconds:.1f} s, "
        f"{hostile.bytes_sent / 1e6:.0f} MB sent, slowest answer {hostile.slowest_s:.2f} s, "
        f"longest {hostile.longest_answer} bytes"
    )
    figures[f"{tag}: hostile kinds"] = dict(sorted(hostile.by_kind.items()))
    figures[f"{tag}: hostile statuses"] = dict(sorted(hostile.statuses.items()))
    figures[f"{tag}: sign-ins of the fuzzing account"] = account.sign_ins
    for key, value in after.items():
        figures[f"{tag}: {key}"] = value


if __name__ == "__main__":
    raise SystemExit(main_for(run, __doc__, DEFAULT_CASES))
