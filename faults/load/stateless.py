"""The statelessness checks on two instances sharing one PostgreSQL database."""

from __future__ import annotations

import asyncio
import functools
import random
import secrets
import threading
from typing import Any

import httpx

from faults.load.devices import _make_fleet, _register
from faults.load.event_loop import _run_loop
from faults.load.settings import REGISTRATIONS_PER_HOUR, TIMEOUT
from faults.load.stats import Stats
from faults.load.verify import _verify

STATELESS_CHECKS = (
    "registration limit counted once for requests sent at once to A and B",
    "sign-in throttle counted once for guesses sent at once to A and B; the right password "
    "from elsewhere still works",
    "refresh rotated on A, grace retry on B, replay on B revokes the family on A",
    "concurrent refreshes of one token on A and B keep the session",
    "sign-out on A holds on B",
    "concurrent pushes of one account on A and B: unique, gap-free seqs",
)


def stateless_checks(url_a: str, url_b: str, seed: int, database_url: str) -> list[str]:
    """The checks named in ``STATELESS_CHECKS``, talking to each instance directly."""
    problems: list[str] = []
    tag = secrets.token_hex(3)
    rng = random.Random(f"stateless-{seed}")
    with (
        httpx.Client(base_url=url_a, timeout=TIMEOUT) as a,
        httpx.Client(base_url=url_b, timeout=TIMEOUT) as b,
    ):

        def say(ok: bool, message: str) -> None:
            if not ok:
                problems.append(message)

        def register(client: httpx.Client, email: str, password: str, ip: str) -> httpx.Response:
            return client.post(
                "/v1/auth/register",
                json={"email": email, "password": password},
                headers={"X-Forwarded-For": ip},
            )

        password = f"Mango-{rng.getrandbits(40):x}-tree"
        email = f"owner-{tag}@example.sn"
        owner = register(a, email, password, f"10.249.{rng.randrange(250)}.2")
        say(
            owner.status_code == 201,
            f"registering the checks' account: {owner.status_code}",
        )
        # 1. Registrations from one address, all at once, half on A and half on B: the
        # limit is counted once, in the database.
        ip = f"10.250.{rng.randrange(250)}.7"
        count = REGISTRATIONS_PER_HOUR + 3
        answers = _at_once(
            [
                functools.partial(register, (a, b)[i % 2], f"reg{i}-{tag}@example.sn", password, ip)
                for i in range(count)
            ]
        )
        codes = sorted(r.status_code for r in answers)
        say(
            codes == [201] * REGISTRATIONS_PER_HOUR + [429] * 3
            and all(r.headers.get("Retry-After") for r in answers if r.status_code == 429),
            f"registration limit {REGISTRATIONS_PER_HOUR} with {count} at once on A and B: "
            f"{codes} (want the limit of 201s, then 429 with Retry-After)",
        )
        # 2. Wrong passwords for one (e-mail, address) pair, all at once on A and B.
        attacker = f"10.251.{rng.randrange(250)}.9"

        def login(client: httpx.Client, pw: str, ip: str, device: str) -> httpx.Response:
            return client.post(
                "/v1/auth/login",
                json={"email": email, "password": pw, "device_id": device},
                headers={"X-Forwarded-For": ip},
            )

        guesses = _at_once(
            [
                functools.partial(login, (a, b)[i % 2], f"wrong-{i}-{tag}", attacker, f"st-{tag}-x")
                for i in range(8)
            ]
        )
        wrong = sorted(r.status_code for r in guesses)
        blocked = login(b, f"wrong-9-{tag}", attacker, f"st-{tag}-x")
        elsewhere = login(b, password, f"10.252.{rng.randrange(250)}.3", f"st-{tag}-1")
        say(
            wrong == [401] * 5 + [429] * 3
            and blocked.status_code == 429
            and blocked.headers.get("Retry-After") is not None
            and elsewhere.status_code == 200,
            f"sign-in throttle, 8 wrong passwords at once on A and B: {wrong} (want five 401 "
            f"and 429s), then {blocked.status_code} (want 429), the right password from "
            f"another address {elsewhere.status_code} (want 200)",
        )
        if elsewhere.status_code != 200:
            return problems
        pair = elsewhere.json()
        # 3. Rotate on A (answer "lost"), retry on B (grace), then replay on B (revoked).
        r0 = pair["refresh_token"]

        def refresh(client: httpx.Client, token: str) -> httpx.Response:
            return client.post("/v1/auth/refresh", json={"refresh_token": token})

        first = refresh(a, r0)
        grace = refresh(b, r0)
        later = refresh(a, grace.json()["refresh_token"]) if grace.is_success else grace
        say(
            first.status_code == 200 and grace.status_code == 200 and later.status_code == 200,
            f"refresh grace across instances: A {first.status_code}, retry on B "
            f"{grace.status_code}, next on A {later.status_code} (want 200 each)",
        )
        replay = refresh(b, r0)
        after = refresh(a, later.json()["refresh_token"]) if later.is_success else later
        access = later.json()["access_token"] if later.is_success else ""
        profile = b.get("/v1/account", headers={"Authorization": f"Bearer {access}"})
        say(
            replay.status_code == 401 and after.status_code == 401 and profile.status_code == 401,
            f"refresh replay on B: {replay.status_code}, then the family on A "
            f"{after.status_code} and its access token on B {profile.status_code} (want 401)",
        )
        # 4. Two refreshes of one token at the same moment, one on each instance.
        fresh = login(b, password, f"10.253.{rng.randrange(250)}.4", f"st-{tag}-2")
        token = fresh.json()["refresh_token"] if fresh.is_success else ""
        raced = _at_once(
            [functools.partial(refresh, a, token), functools.partial(refresh, b, token)]
        )
        # One of the two answers was issued last: its token must go on working.
        survivors = [
            refresh(client, r.json()["refresh_token"]).status_code
            for client, r in zip((b, a), raced, strict=True)
            if r.is_success
        ]
        say(
            sorted(r.status_code for r in raced) == [200, 200] and 200 in survivors,
            f"concurrent refreshes on A and B: {[r.status_code for r in raced]}, "
            f"then {survivors} (want both 200 and the session alive)",
        )
        # 5. Sign out on A; B refuses the session's tokens at once.
        out = login(a, password, f"10.253.{rng.randrange(250)}.5", f"st-{tag}-3")
        if out.is_success:
            tokens = out.json()
            a.post("/v1/auth/logout", json={"refresh_token": tokens["refresh_token"]})
            gone = b.get(
                "/v1/account",
                headers={"Authorization": f"Bearer {tokens['access_token']}"},
            )
            again = refresh(b, tokens["refresh_token"])
            say(
                gone.status_code == 401 and again.status_code == 401,
                f"sign-out on A: B answered {gone.status_code} / {again.status_code} (want 401)",
            )
        else:
            say(False, f"sign-in for the sign-out check answered {out.status_code}")
    problems += _concurrent_pushes(url_a, url_b, seed, tag, database_url)
    return problems


def _at_once(calls: list[Any]) -> list[httpx.Response]:
    """Run the calls in threads released together; their answers in call order.

    httpx's sync clients are thread-safe; the calls share the two instances' clients."""
    barrier = threading.Barrier(len(calls))
    answers: list[Any] = [None] * len(calls)

    def one(index: int) -> None:
        barrier.wait()
        answers[index] = calls[index]()

    threads = [threading.Thread(target=one, args=(i,)) for i in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers


def _concurrent_pushes(url_a: str, url_b: str, seed: int, tag: str, database_url: str) -> list[str]:
    """Two devices of one account, one per instance, pushing at once: every push of one
    account is serialised by its row lock whatever the instance; seqs stay unique and
    the account's sequence ends at the number of rows stamped."""
    problems: list[str] = []

    async def go() -> None:
        stats = Stats()
        clients = [httpx.AsyncClient(base_url=u, timeout=TIMEOUT) for u in (url_a, url_b)]
        try:
            [account] = _make_fleet(seed, 2, clients, stats, f"cp{tag}")
            account.email = f"cp-{tag}@example.sn"
            account.address = f"10.254.{random.Random(seed).randrange(250)}.1"
            if not await _register(account, clients[0], stats):
                problems.append(f"concurrent pushes: register failed {stats.failures[:1]}")
                return
            for device in account.devices:
                await device.login()
            for _ in range(10):
                for device in account.devices:
                    device.make_changes()
                    device.rounds += 1
                await asyncio.gather(*(d.push() for d in account.devices))
            for device in account.devices:
                await device.pull()
            problems.extend(f"concurrent pushes: {m}" for m in stats.failures)
        finally:
            for client in clients:
                await client.aclose()
        _verify(
            database_url,
            [account],
            lambda m: problems.append(f"concurrent pushes: {m}"),
        )

    _run_loop(go())
    return problems
