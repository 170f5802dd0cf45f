"""Sign-in and registration throttles, counted in the database (stateless instances).

Sign-in (issue 14, finding 4): a wrong password is counted three times, under its
(e-mail, address) pair, its e-mail and its address. Only the *pair* is ever refused
(429 + Retry-After, after ``MAX_FAILURES_PER_PAIR`` in the window): the attacker's own
pair stops, while the right password from anywhere else still works, so nobody can lock
a victim out, and a shared address (a cybercafé, a carrier NAT) locks nobody. Failures
per e-mail (many addresses against one account) and per address (one address against
many accounts) *slow down* every answer on that e-mail or address instead, by up to
``MAX_DELAY_S`` (waited without holding a worker thread).

Registration: ``Service.registrations_per_hour`` (default ``MAX_REGISTRATIONS_PER_IP``) per
address per hour.

IPv6 addresses are counted per /64, the block one subscriber usually holds.
"""

import ipaddress
import math
import secrets
from dataclasses import dataclass

from fastapi import HTTPException, Request, status
from sqlalchemy import Connection, delete, func, insert, select

from localpro_cloud import db
from localpro_cloud.context import Service

LOGIN_WINDOW_MS = 15 * 60 * 1000
MAX_FAILURES_PER_PAIR = 5
SLOW_AFTER_EMAIL_FAILURES = 10
SLOW_AFTER_IP_FAILURES = 20
DELAY_STEP_S = 0.25
MAX_DELAY_S = 2.0
REGISTER_WINDOW_MS = 60 * 60 * 1000
MAX_REGISTRATIONS_PER_IP = 20
PRUNE_ONE_IN = 50
failures = db.login_failures


@dataclass(frozen=True)
class Attempt:
    nonce: str
    keys: tuple[str, ...]
    delay_s: float


def client_address(request: Request) -> str:
    """The client's address (from X-Forwarded-For behind a trusted proxy); IPv6 per /64."""
    host = request.client.host if request.client else "unknown"
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host[:64]
    if address.version == 6 and not address.ipv4_mapped:
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address.ipv4_mapped or address) if address.version == 6 else str(address)


def _serialise(conn: Connection, key: str) -> None:
    """Count-then-insert for ``key`` one transaction at a time, whatever the instance.

    SQLite writers already go one at a time (``BEGIN IMMEDIATE``). On PostgreSQL two
    transactions would both count before either inserted: 12 wrong passwords sent at once
    were all checked against a limit of 5 (faults/load.py). A transaction-scoped advisory
    lock on the key's hash queues them (an unlucky hash collision only queues two keys).
    """
    if conn.dialect.name == "postgresql":
        conn.execute(select(func.pg_advisory_xact_lock(func.hashtext(key))))


def _prune(conn: Connection, keys: tuple[str, ...], since: int) -> None:
    stale = failures.c.at_ms <= since
    if secrets.randbelow(PRUNE_ONE_IN) == 0:
        conn.execute(delete(failures).where(stale))
    else:
        conn.execute(delete(failures).where(failures.c.key.in_(keys), stale))


def _times(conn: Connection, key: str, since: int) -> list[int]:
    return list(
        conn.scalars(
            select(failures.c.at_ms)
            .where(failures.c.key == key, failures.c.at_ms > since)
            .order_by(failures.c.at_ms)
        )
    )


def _count(conn: Connection, key: str, since: int) -> int:
    return int(
        conn.scalar(select(func.count()).where(failures.c.key == key, failures.c.at_ms > since))
        or 0
    )


def _too_many(times: list[int], limit: int, window_ms: int, now: int, what: str) -> HTTPException:
    # Free again when enough of the counted attempts have left the window.
    frees_at = times[len(times) - limit] + window_ms
    retry = max(1, math.ceil((frees_at - now) / 1000))
    minutes = max(1, math.ceil(retry / 60))
    return HTTPException(
        status.HTTP_429_TOO_MANY_REQUESTS,
        detail=f"{what} Try again in {minutes} minute{'s' if minutes > 1 else ''}.",
        headers={"Retry-After": str(retry)},
    )


def login_gate(svc: Service, email: str, address: str) -> Attempt:
    """Refuse the attacker's pair; otherwise record this attempt as failed (for now).

    The attempt is written *before* the password is checked and removed after a success
    (``forget``), so parallel guesses see each other instead of all passing a stale count.
    """
    now = svc.now_ms()
    since = now - LOGIN_WINDOW_MS
    pair, by_email, by_ip = f"pair:{email}|{address}", f"email:{email}", f"ip:{address}"
    keys = (pair, by_email, by_ip)
    nonce = secrets.token_hex(8)
    with db.write(svc.engine) as conn:
        _serialise(conn, pair)
        _prune(conn, keys, since)
        times = _times(conn, pair, since)
        if len(times) >= MAX_FAILURES_PER_PAIR:
            blocked = _too_many(
                times,
                MAX_FAILURES_PER_PAIR,
                LOGIN_WINDOW_MS,
                now,
                "Too many failed sign-in attempts for this e-mail from this network address.",
            )
        else:
            blocked = None
            over = max(
                _count(conn, by_email, since) - SLOW_AFTER_EMAIL_FAILURES + 1,
                _count(conn, by_ip, since) - SLOW_AFTER_IP_FAILURES + 1,
                0,
            )
            for key in keys:
                conn.execute(insert(failures).values(key=key, at_ms=now, nonce=nonce))
    if blocked is not None:
        raise blocked
    return Attempt(nonce, keys, min(MAX_DELAY_S, DELAY_STEP_S * over))


def forget(conn: Connection, attempt: Attempt) -> None:
    """A good password: this attempt does not count against any limit."""
    conn.execute(
        delete(failures).where(failures.c.key.in_(attempt.keys), failures.c.nonce == attempt.nonce)
    )


def register_gate(svc: Service, address: str) -> None:
    """At most ``svc.registrations_per_hour`` registrations per address and hour (429)."""
    now = svc.now_ms()
    since = now - REGISTER_WINDOW_MS
    key = f"register:{address}"
    with db.write(svc.engine) as conn:
        _serialise(conn, key)
        conn.execute(delete(failures).where(failures.c.key == key, failures.c.at_ms <= since))
        times = _times(conn, key, since)
        if len(times) < svc.registrations_per_hour:
            conn.execute(insert(failures).values(key=key, at_ms=now, nonce=secrets.token_hex(8)))
            return
    raise _too_many(
        times,
        svc.registrations_per_hour,
        REGISTER_WINDOW_MS,
        now,
        "Too many accounts were created from this network address.",
    )
