"""What the load campaign (faults/load/) found under concurrency, on SQLite and PostgreSQL.

Concurrency is made deterministic here by holding a database lock from the test while the
server's requests queue behind it, then releasing it.
"""

import threading
import time
from collections.abc import Callable

import httpx
from cloudkit import PASSWORD, Cloud, new_id
from sqlalchemy import text

from localpro_cloud import db, throttle
from localpro_cloud.security import token_hash
from localpro_protocol.wire import TokenPair


def _wait_for_lock_waiters(cloud: Cloud, count: int) -> None:
    """Until ``count`` server sessions wait on a lock (PostgreSQL), or a moment (SQLite)."""
    if cloud.backend != "postgresql":
        time.sleep(0.5)
        return
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        waiting = cloud.sql(
            "SELECT count(*) FROM pg_stat_activity "
            "WHERE wait_event_type = 'Lock' AND datname = current_database()"
        )[0][0]
        if waiting >= count:
            return
        time.sleep(0.02)
    raise AssertionError(f"{count} requests never queued behind the test's lock")


def test_two_concurrent_refreshes_of_one_token_keep_the_session(cloud: Cloud) -> None:
    """A client's retry while its first refresh is still running (or two instances behind
    a load balancer each getting one) is a lost answer, not a stolen token: before the
    fix, on PostgreSQL both read the token unused, one claim failed and revoked the family."""
    device = cloud.register().device()
    token = device.tokens.refresh_token
    answers: list[httpx.Response] = []

    def refresh() -> None:
        with httpx.Client(base_url=cloud.url, timeout=60) as client:
            answers.append(client.post("/v1/auth/refresh", json={"refresh_token": token}))

    engine = db.make_engine(cloud.database_url)
    try:
        with engine.begin() as conn:  # holds the token's row (PostgreSQL) or the file (SQLite)
            conn.execute(
                text("UPDATE refresh_tokens SET expires_ms = expires_ms WHERE token_hash = :h"),
                {"h": token_hash(token)},
            )
            threads = [threading.Thread(target=refresh) for _ in range(2)]
            for thread in threads:
                thread.start()
            _wait_for_lock_waiters(cloud, 2)
        for thread in threads:
            thread.join(timeout=60)
    finally:
        engine.dispose()
    assert sorted(a.status_code for a in answers) == [200, 200], [a.text for a in answers]
    # The session lives on: the token of the answer issued last goes on rotating.
    alive = [
        cloud.http.post(
            "/v1/auth/refresh",
            json={"refresh_token": TokenPair.model_validate_json(a.content).refresh_token},
        ).status_code
        for a in answers
    ]
    assert 200 in alive, alive


def _at_once(
    count: int, send: Callable[[httpx.Client, int], httpx.Response], url: str
) -> list[int]:
    """``count`` requests released together (one client each); their status codes."""
    barrier = threading.Barrier(count)
    codes: list[int] = []

    def one(index: int) -> None:
        with httpx.Client(base_url=url, timeout=60) as client:
            barrier.wait()
            codes.append(send(client, index).status_code)

    threads = [threading.Thread(target=one, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return sorted(codes)


def test_parallel_wrong_passwords_still_stop_at_the_pair_limit(cloud: Cloud) -> None:
    """Before the fix, on PostgreSQL every one of 12 guesses sent at once was checked (each
    gate counted before any other had written its attempt)."""
    victim = cloud.register()
    count = throttle.MAX_FAILURES_PER_PAIR + 7

    def guess(client: httpx.Client, index: int) -> httpx.Response:
        return client.post(
            "/v1/auth/login",
            json={"email": victim.email, "password": f"wrong guess {index}", "device_id": new_id()},
            headers={"X-Forwarded-For": "203.0.113.77"},
        )

    codes = _at_once(count, guess, cloud.url)
    assert codes.count(401) == throttle.MAX_FAILURES_PER_PAIR, codes
    assert codes.count(429) == count - throttle.MAX_FAILURES_PER_PAIR, codes


def test_parallel_registrations_still_stop_at_the_limit(cloud: Cloud) -> None:
    limit = 20  # the default of create_app, which the cloud fixture uses
    count = limit + 4

    def register(client: httpx.Client, index: int) -> httpx.Response:
        return client.post(
            "/v1/auth/register",
            json={"email": f"shop{index}-{new_id()[:8]}@example.sn", "password": PASSWORD},
            headers={"X-Forwarded-For": "198.51.100.99"},
        )

    codes = _at_once(count, register, cloud.url)
    assert codes.count(201) == limit, codes
    assert codes.count(429) == count - limit, codes
