"""The hostile bodies: the endpoints they go to and each kind's maker."""

from __future__ import annotations

import gzip
import json
import random
import secrets
import time
import uuid
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from faults.api_fuzz.accounts import Account
from localpro_protocol.fields import MAX_FIELDS_PER_OP
from localpro_protocol.wire import MAX_BODY_BYTES


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
