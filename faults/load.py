"""Load: devices syncing against real servers, then two instances behind a proxy.

    python -m faults.load [--devices 200] [--duration 300] [--backend all|sqlite|postgresql|two]
                          [--seed 1] [--workdir D] [--json F]

``--devices`` is the campaign's ``--cases``. Each backend gets a fresh database and real
``localpro-cloud serve`` subprocesses on 127.0.0.1: ``sqlite`` (one server on a SQLite
file), ``postgresql`` (one server on a fresh PostgreSQL database, ``LOCALPRO_TEST_PG_URL``)
and ``two`` (two servers on one PostgreSQL database behind a round-robin TCP proxy,
``faults/_proxy.py``). The devices are asyncio tasks speaking the app's wire protocol as
``localpro_desktop.sync.client`` does (gzip column-block pushes with the pull cursor, pulls
in ``blocks`` layout by cursor, refresh-token rotation), several devices per account, each
doing push/pull rounds with think time for the duration.

What counts as a failure: any non-2xx answer or protocol error (a 429 with Retry-After is
honoured and counted apart), a rejected op, an error in a server log; and at the end, for
every account: the server's documents differ from what its devices pushed (merged by HLC,
field by field: nothing lost, nothing extra), its sequence is not exactly the number of row
stamps its pushes made (no gap, no reuse), seqs not unique, or a device's data differs from
the server's after a last pull.

On ``two`` the instances must share everything through the database (the service is
stateless): the registration limit and the sign-in throttle count across instances, a
refresh token rotated on A and presented again on B is a grace retry once and a replay
after that (family revoked on both), two concurrent refreshes of one token on A and B do
not sign the user out, a sign-out on A holds on B, and concurrent pushes of one account on
both instances get unique, gap-free seqs.

Timing makes runs differ (devices interleave as the scheduler lets them); the data each
device writes, and so every check, follows from the seed.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import functools
import gzip
import json
import os
import random
import secrets
import signal
import socket
import ssl
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Coroutine, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import httpx
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from faults._common import CampaignResult, machine_load, main_for, peak_rss_mb
from faults._proxy import ProxyProcess
from localpro_protocol.fields import problem_with
from localpro_protocol.hlc import HybridClock
from localpro_protocol.wire import (
    SCHEMA_VERSION,
    FieldValue,
    PullResponse,
    PushOp,
    PushRequest,
    PushResponse,
    TokenPair,
    merge,
    to_push_blocks,
)

T = TypeVar("T")
DEFAULT_CASES = 200
DEFAULT_DURATION = 300.0
DEVICES_PER_ACCOUNT = 5
BACKENDS = ("sqlite", "postgresql", "two")
PG_ENV = "LOCALPRO_TEST_PG_URL"
SECRET = "load-campaign-secret-" + "k" * 40
REGISTRATIONS_PER_HOUR = 3
"""The servers' registration limit per address (the campaign's accounts come from one
address each; the statelessness check spends this limit across the two instances)."""
PULL_MAX_BYTES = 1024 * 1024
PUSH_BATCH = 1000
FIRST_UPLOAD = 20
"""Contacts a device creates on its first round (a first upload)."""
THINK = (1.0, 6.0)
"""Seconds a device waits between rounds (uniform)."""
REFRESH_ONE_IN = 25
"""A device rotates its refresh token on about one round in this many."""
TIMEOUT = 60.0
MAX_FAILURES_KEPT = 40
OWN_FIELDS = ("address", "website", "company", "sector", "city", "name_key", "whatsapp", "email")
"""Each device of an account writes its own one of these on every contact it changes: so
every op changes its row whatever the order of commits, and an account's sequence must end
at exactly the number of (push, row) pairs its pushes stamped."""
SHARED_FIELDS = ("status", "notes", "tags", "updated_at")
"""Fields several devices of an account write (conflicts, resolved by HLC)."""
STATUSES = ("new", "contacted", "qualified", "customer", "lost")
CITIES = ("Dakar", "Thiès", "Abidjan", "Lagos", "Accra", "Nairobi", "Kumasi", "Mbour")


# -- servers ------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class Server:
    """``localpro-cloud serve`` as a subprocess on 127.0.0.1."""

    def __init__(self, database_url: str, folder: Path, name: str) -> None:
        self.database_url = database_url
        self.folder = folder
        self.name = name
        self.port = 0
        self.proc: subprocess.Popen[bytes] | None = None
        self.log = folder / f"{name}.log"
        self.peak_rss: float | None = None
        self.cpu_s = 0.0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> Server:
        self.folder.mkdir(parents=True, exist_ok=True)
        self.port = _free_port()
        env = {**os.environ, "LOCALPRO_CLOUD_SECRET": SECRET}
        command = [
            sys.executable,
            "-m",
            "localpro_cloud",
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--database-url",
            self.database_url,
            "--data-dir",
            str(self.folder / f"{self.name}-data"),
            "--registrations-per-hour",
            str(REGISTRATIONS_PER_HOUR),
            "--log-level",
            "warning",
        ]
        with self.log.open("wb") as log:
            self.proc = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)
        return self

    def wait_ready(self) -> Server:
        """Until ``/health`` answers (instances starting together also migrate in turn)."""
        assert self.proc is not None
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server {self.name} exited: {self.log_tail()}")
            with contextlib.suppress(httpx.TransportError):
                if httpx.get(f"{self.url}/health", timeout=2).status_code == 200:
                    return self
            time.sleep(0.1)
        raise RuntimeError(f"server {self.name} did not start: {self.log_tail()}")

    def sample(self) -> None:
        """Read the peak RSS and CPU time while the process lives."""
        if self.proc is None or self.proc.poll() is not None:
            return
        rss = peak_rss_mb(self.proc.pid)
        if rss is not None:
            self.peak_rss = rss
        with contextlib.suppress(OSError, ValueError, IndexError):
            fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
            self.cpu_s = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        self.sample()
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def log_tail(self, size: int = 600) -> str:
        try:
            return self.log.read_text(errors="replace")[-size:]
        except OSError:
            return ""

    def log_errors(self) -> list[str]:
        """Lines of the server's log that say something went wrong."""
        try:
            lines = self.log.read_text(errors="replace").splitlines()
        except OSError:
            return []
        return [
            line
            for line in lines
            if line.startswith(("ERROR", "CRITICAL")) or "Traceback" in line or "WARNING" in line
        ]


@contextlib.contextmanager
def fresh_postgres(base: str) -> Iterator[str]:
    """A new, empty PostgreSQL database for one run, dropped after it."""
    name = f"localpro_load_{secrets.token_hex(6)}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(base).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


# -- figures ------------------------------------------------------------------------------


def percentiles(values: list[float]) -> str:
    if not values:
        return "n/a"
    ordered = sorted(values)

    def at(q: float) -> float:
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000

    return f"p50 {at(0.50):.0f} / p95 {at(0.95):.0f} / p99 {at(0.99):.0f} / max {at(1.0):.0f} ms"


@dataclass
class Stats:
    rounds: int = 0
    pushes: int = 0
    pulls: int = 0
    ops: int = 0
    refreshes: int = 0
    throttled: int = 0
    """429 answers with Retry-After, honoured (not failures)."""
    errors: int = 0
    push_s: list[float] = field(default_factory=list)
    pull_s: list[float] = field(default_factory=list)
    lag_s: list[float] = field(default_factory=list)
    """How late the devices' event loop woke up (client-side share of the latencies)."""
    failures: list[str] = field(default_factory=list)
    setup_s: float = 0.0
    """Registering the accounts and signing every device in."""

    def fail(self, message: str) -> None:
        self.errors += 1
        if len(self.failures) < MAX_FAILURES_KEPT:
            self.failures.append(message[:300])


# -- devices ------------------------------------------------------------------------------


def _iso(millis: int) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(millis / 1000)) + "+00:00"


def _row_id(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


@dataclass
class Account:
    index: int
    email: str
    password: str
    address: str
    account_id: str = ""
    devices: list[Device] = field(default_factory=list)
    expected: dict[tuple[str, str], dict[str, FieldValue]] = field(default_factory=dict)
    """What its devices pushed, merged by HLC in acknowledgement order."""
    stamps: int = 0
    """Rows its acknowledged pushes stamped (each push stamps each distinct row once)."""
    sign_in: asyncio.Lock = field(default_factory=asyncio.Lock)


@dataclass
class Device:
    account: Account
    position: int
    device_id: str
    rng: random.Random
    http: httpx.AsyncClient
    stats: Stats
    clock: HybridClock = field(init=False)
    access: str = ""
    refresh: str = ""
    op_id: int = 0
    cursor: int = 0
    pending: list[PushOp] = field(default_factory=list)
    view: dict[tuple[str, str], dict[str, FieldValue]] = field(default_factory=dict)
    contacts: list[str] = field(default_factory=list)
    rounds: int = 0

    def __post_init__(self) -> None:
        self.clock = HybridClock(self.device_id)

    @property
    def own_field(self) -> str:
        return OWN_FIELDS[self.position % len(OWN_FIELDS)]

    def where(self) -> str:
        return f"account {self.account.index} device {self.position}"

    # -- http ---------------------------------------------------------------------------

    async def call(
        self, method: str, path: str, *, auth: bool = True, **kwargs: Any
    ) -> httpx.Response | None:
        """One request; a failure is recorded and None returned. 429s wait Retry-After."""
        headers = dict(kwargs.pop("headers", {}) or {})
        headers["X-Forwarded-For"] = self.account.address
        if auth:
            headers["Authorization"] = f"Bearer {self.access}"
        for _attempt in range(5):
            try:
                response = await self.http.request(method, path, headers=headers, **kwargs)
            except httpx.HTTPError as exc:
                self.stats.fail(f"{self.where()}: {method} {path}: {type(exc).__name__} {exc}")
                return None
            if response.status_code == 429 and response.headers.get("Retry-After"):
                self.stats.throttled += 1
                await asyncio.sleep(min(float(response.headers["Retry-After"]), 30.0))
                continue
            if response.is_success:
                return response
            self.stats.fail(
                f"{self.where()}: {method} {path} answered {response.status_code} "
                f"{response.text[:150]}"
            )
            return None
        self.stats.fail(f"{self.where()}: {method} {path}: still 429 after 5 tries")
        return None

    async def login(self) -> bool:
        body = {
            "email": self.account.email,
            "password": self.account.password,
            "device_id": self.device_id,
            "device_name": f"Laptop {self.position}",
        }
        async with self.account.sign_in:  # an office's laptops sign in one after another
            response = await self.call("POST", "/v1/auth/login", auth=False, json=body)
        if response is None:
            return False
        self._store(TokenPair.model_validate_json(response.content))
        return True

    def _store(self, pair: TokenPair) -> None:
        self.access, self.refresh = pair.access_token, pair.refresh_token
        self.account.account_id = pair.account_id

    async def rotate(self) -> None:
        response = await self.call(
            "POST", "/v1/auth/refresh", auth=False, json={"refresh_token": self.refresh}
        )
        if response is not None:
            self.stats.refreshes += 1
            self._store(TokenPair.model_validate_json(response.content))

    # -- changes ------------------------------------------------------------------------

    def _op(self, table: str, row_id: str, fields: dict[str, Any]) -> PushOp:
        stamp = self.clock.now()
        self.op_id += 1
        stamped = {name: (value, stamp) for name, value in fields.items()}
        if self.op_id <= FIRST_UPLOAD + 5:  # the generator's own check, on its first ops
            problem = problem_with(table, stamped)
            if problem:
                raise AssertionError(f"the load campaign made an invalid op: {problem}")
        return PushOp(op_id=self.op_id, table=table, row_id=row_id, fields=stamped)

    def _new_contact(self) -> PushOp:
        rng, now = self.rng, self.clock.read_wall()
        first = rng.choice(["Awa", "Moussa", "Fatou", "Kofi", "Ama", "Chinedu", "Aïcha"])
        last = rng.choice(["Diop", "Ndiaye", "Mensah", "Okafor", "Traoré", "Kamau", "Fall"])
        city = rng.choice(CITIES)
        number = f"77{rng.randrange(10**7):07d}"
        row_id = _row_id(rng)
        fields: dict[str, Any] = {
            "first_name": first,
            "last_name": last,
            "company": f"{last} & Fils",
            "name_key": f"{first} {last}".lower(),
            "sector": rng.choice(["bakery", "garage", "pharmacy", "hotel", "school"]),
            "phone": f"+221 {number}",
            "phone_e164": f"+221{number}",
            "whatsapp": f"+221 {number}",
            "whatsapp_e164": f"+221{number}",
            "email": f"{first.lower()}.{rng.randrange(10**6)}@example.sn",
            "email_normalized": None,
            "website": "",
            "address": f"{rng.randrange(1, 200)} rue {rng.randrange(1, 60)}, {city}",
            "city": city,
            "country": "SN",
            "latitude": round(rng.uniform(12.0, 16.0), 6),
            "longitude": round(rng.uniform(-17.5, -12.0), 6),
            "status": "new",
            "tags": rng.sample(["vip", "retail", "wholesale", "north", "south"], 2),
            "notes": "",
            "last_contacted_at": None,
            "prospect_id": None,
            "opt_out_whatsapp": False,
            "opt_out_email": False,
            "opt_out_sms": False,
            "created_at": _iso(now),
            "updated_at": _iso(now),
            "deleted_at": None,
        }
        self.contacts.append(row_id)
        return self._op("contacts", row_id, fields)

    def _activity(self, contact_id: str) -> PushOp:
        now = _iso(self.clock.read_wall())
        fields = {
            "contact_id": contact_id,
            "kind": "note",
            "body": f"Called about the order ({self.rng.randrange(1000)})",
            "old_status": None,
            "new_status": None,
            "occurred_at": now,
            "created_at": now,
            "updated_at": now,
            "deleted_at": None,
        }
        return self._op("activities", _row_id(self.rng), fields)

    def _edit(self, contact_id: str, *, delete: bool = False) -> PushOp:
        rng, now = self.rng, _iso(self.clock.read_wall())
        fields: dict[str, Any] = {self.own_field: f"{self.own_field} {rng.randrange(10**6)}"}
        if self.own_field == "email":
            fields["email"] = f"edit{rng.randrange(10**6)}@example.sn"
        fields["updated_at"] = now
        if delete:
            fields["deleted_at"] = now
        else:
            fields["status"] = rng.choice(STATUSES)
            if rng.random() < 0.5:
                fields["notes"] = f"Visit {rng.randrange(10**4)}"
            if rng.random() < 0.3:
                fields["tags"] = rng.sample(["vip", "retail", "wholesale", "north", "south"], 2)
        return self._op("contacts", contact_id, fields)

    def _alive(self, contact_id: str) -> bool:
        tomb = self.view.get(("contacts", contact_id), {}).get("deleted_at")
        return tomb is None or tomb[0] is None

    def make_changes(self) -> None:
        rng = self.rng
        if self.rounds == 0:
            self.pending += [self._new_contact() for _ in range(FIRST_UPLOAD)]
            return
        for _ in range(rng.randrange(0, 3)):
            self.pending.append(self._new_contact())
        # Like the app's screens, a device edits only the contacts it holds as not deleted:
        # an edit of one it holds as deleted would revive it locally with this edit's clock,
        # while the server may already have revived it with an older one (see _edit).
        known = [c for c in self.contacts if self._alive(c)]
        for _ in range(rng.randrange(0, 4) if known else 0):
            self.pending.append(self._edit(rng.choice(known)))
        if known and rng.random() < 0.3:
            self.pending.append(self._activity(rng.choice(known)))
        if known and rng.random() < 0.05:
            self.pending.append(self._edit(rng.choice(known), delete=True))

    # -- sync ---------------------------------------------------------------------------

    async def push(self) -> bool:
        while self.pending:
            ops = self.pending[:PUSH_BATCH]
            sent_cursor = self.cursor
            request = PushRequest(
                device_id=self.device_id,
                schema_version=SCHEMA_VERSION,
                blocks=to_push_blocks(ops),
                cursor=sent_cursor,
            )
            payload = json.dumps(
                request.model_dump(mode="json"), separators=(",", ":"), ensure_ascii=False
            ).encode("utf-8")
            body = gzip.compress(payload, compresslevel=6)
            headers = {"Content-Type": "application/json", "Content-Encoding": "gzip"}
            started = time.perf_counter()
            response = await self.call("POST", "/v1/sync/push", content=body, headers=headers)
            if response is None:
                return False
            self.stats.push_s.append(time.perf_counter() - started)
            self.stats.pushes += 1
            try:
                answer = PushResponse.model_validate_json(response.content)
            except ValueError as exc:
                self.stats.fail(f"{self.where()}: push answer does not parse: {exc}")
                return False
            if answer.acked_op_id != ops[-1].op_id:
                self.stats.fail(
                    f"{self.where()}: push acked {answer.acked_op_id}, sent up to {ops[-1].op_id}"
                )
                return False
            for rejection in answer.rejected:
                self.stats.fail(
                    f"{self.where()}: op {rejection.op_id} rejected: {rejection.reason}"
                )
            self._acknowledged(ops, {r.op_id for r in answer.rejected})
            self.clock.observe(answer.server_hlc)
            if answer.cursor is not None and self.cursor == sent_cursor:
                self.cursor = answer.cursor
            del self.pending[: len(ops)]
        return True

    def _acknowledged(self, ops: list[PushOp], rejected: set[int]) -> None:
        account = self.account
        rows: set[tuple[str, str]] = set()
        for op in ops:
            self.stats.ops += 1
            key = (op.table, op.row_id)
            fields = {name: (value, hlc) for name, (value, hlc) in op.fields.items()}
            mine, _ = merge(self.view.get(key, {}), fields)
            self.view[key] = mine
            if op.op_id in rejected:
                continue
            rows.add(key)
            account.expected[key], _ = merge(account.expected.get(key, {}), fields)
        account.stamps += len(rows)

    async def pull(self) -> bool:
        for _ in range(10_000):
            params = {
                "cursor": self.cursor,
                "max_bytes": PULL_MAX_BYTES,
                "layout": "blocks",
                "schema_version": SCHEMA_VERSION,
            }
            started = time.perf_counter()
            response = await self.call("GET", "/v1/sync/pull", params=params)
            if response is None:
                return False
            self.stats.pull_s.append(time.perf_counter() - started)
            self.stats.pulls += 1
            try:
                page = PullResponse.model_validate_json(response.content)
            except ValueError as exc:
                self.stats.fail(f"{self.where()}: pull page does not parse: {exc}")
                return False
            changes = page.all_changes()
            seen = page.server_hlc
            if page.next_cursor < self.cursor or (changes and page.next_cursor == self.cursor):
                self.stats.fail(
                    f"{self.where()}: pull from {self.cursor} answered next_cursor "
                    f"{page.next_cursor} with {len(changes)} changes"
                )
                return False
            for change in changes:
                key = (change.table, change.row_id)
                fields = {name: (value, hlc) for name, (value, hlc) in change.fields.items()}
                self.view[key], _ = merge(self.view.get(key, {}), fields)
                newest = max(hlc for _value, hlc in fields.values())
                if newest > seen:
                    seen = newest
                if change.table == "contacts" and key[1] not in self.contacts:
                    self.contacts.append(key[1])
            self.clock.observe(seen)
            self.cursor = page.next_cursor
            if not page.has_more:
                return True
        self.stats.fail(f"{self.where()}: pull never ended")
        return False

    async def round(self) -> None:
        if self.rounds and self.rng.randrange(REFRESH_ONE_IN) == 0:
            await self.rotate()
        self.make_changes()
        if await self.push():
            await self.pull()
        self.rounds += 1
        self.stats.rounds += 1


def _make_fleet(
    seed: int, devices: int, http: list[httpx.AsyncClient], stats: Stats, tag: str
) -> list[Account]:
    rng = random.Random(f"load-{seed}")
    count = max(1, -(-devices // DEVICES_PER_ACCOUNT))
    accounts = [
        Account(
            index=i,
            email=f"load{i}-{tag}@example.sn",
            password=f"Baobab-{rng.getrandbits(48):x}-quartz",
            address=f"10.{20 + i // 250}.{i % 250}.{1 + i % 200}",
        )
        for i in range(count)
    ]
    for n in range(devices):
        account = accounts[n % count]
        position = len(account.devices)
        device = Device(
            account=account,
            position=position,
            device_id=f"load-{tag}-{n:04d}",
            rng=random.Random(f"load-{seed}-device-{n}"),
            http=http[n % len(http)],
            stats=stats,
        )
        account.devices.append(device)
    return accounts


async def _register(account: Account, client: httpx.AsyncClient, stats: Stats) -> bool:
    body = {"email": account.email, "password": account.password, "name": f"Shop {account.index}"}
    for _ in range(5):
        try:
            response = await client.post(
                "/v1/auth/register", json=body, headers={"X-Forwarded-For": account.address}
            )
        except httpx.HTTPError as exc:
            stats.fail(f"account {account.index}: register: {type(exc).__name__} {exc}")
            return False
        if response.status_code == 429 and response.headers.get("Retry-After"):
            stats.throttled += 1
            await asyncio.sleep(min(float(response.headers["Retry-After"]), 30.0))
            continue
        if response.status_code != 201:
            stats.fail(f"account {account.index}: register answered {response.status_code}")
            return False
        account.account_id = response.json()["account_id"]
        return True
    return False


async def _lag_probe(stats: Stats, stop: asyncio.Event, servers: list[Server]) -> None:
    """How late the loop wakes up, ten times a second; the servers' RSS and CPU."""
    while not stop.is_set():
        started = time.perf_counter()
        await asyncio.sleep(0.1)
        stats.lag_s.append(time.perf_counter() - started - 0.1)
        for server in servers:
            server.sample()


async def _drive(
    url: str, seed: int, devices: int, duration: float, tag: str, servers: list[Server]
) -> tuple[Stats, list[Account]]:
    stats = Stats()
    limits = httpx.Limits(keepalive_expiry=2.0)
    timeout = httpx.Timeout(TIMEOUT)
    tls = ssl.create_default_context()  # unused on http://, but each client would load one
    clients = [
        httpx.AsyncClient(
            base_url=url,
            timeout=timeout,
            limits=limits,
            verify=tls,
            headers={"User-Agent": "LocalPro/load", "Accept-Encoding": "zstd, gzip"},
        )
        for _ in range(devices)
    ]
    accounts = _make_fleet(seed, devices, clients, stats, tag)
    stop = asyncio.Event()
    try:
        setup = time.monotonic()
        gate = asyncio.Semaphore(8)

        async def register(account: Account) -> bool:
            async with gate:
                return await _register(account, clients[account.index % len(clients)], stats)

        registered = await asyncio.gather(*(register(a) for a in accounts))
        fleet = [d for a, ok in zip(accounts, registered, strict=True) if ok for d in a.devices]

        async def sign_in(device: Device) -> bool:
            async with gate:
                return await device.login()

        signed = await asyncio.gather(*(sign_in(d) for d in fleet))
        fleet = [d for d, ok in zip(fleet, signed, strict=True) if ok]
        stats.setup_s = time.monotonic() - setup
        probe = asyncio.create_task(_lag_probe(stats, stop, servers))
        ends = time.monotonic() + duration
        spread = min(THINK[1], duration / 3)

        async def live(device: Device) -> None:
            # Devices start spread over the first think time, as laptops switched on.
            await asyncio.sleep(device.rng.uniform(0, spread))
            while time.monotonic() < ends:
                await device.round()
                think = device.rng.uniform(*THINK)
                await asyncio.sleep(max(0.0, min(think, ends - time.monotonic())))

        await asyncio.gather(*(live(d) for d in fleet))
        stop.set()
        await probe
        # A last round each, one after another: every device catches up with the server.
        for device in fleet:
            if await device.push():
                await device.pull()
    finally:
        stop.set()
        for client in clients:
            await client.aclose()
    return stats, accounts


def _verify(database_url: str, accounts: list[Account], fail: Any) -> dict[str, int]:
    """Every account on the server is what its devices pushed; its seqs unique, gap-free."""
    engine = create_engine(database_url)
    checked = {"accounts": 0, "rows": 0, "devices": 0}
    try:
        with engine.connect() as conn:
            for account in accounts:
                if not account.account_id:
                    continue
                checked["accounts"] += 1
                where = f"account {account.index}"
                seq = conn.scalar(
                    text("SELECT seq FROM accounts WHERE id = :a"), {"a": account.account_id}
                )
                stored = {
                    (t, r): (s, {n: (v, h) for n, (v, h) in json.loads(f).items()})
                    for t, r, s, f in conn.execute(
                        text(
                            "SELECT table_name, row_id, seq, fields FROM sync_rows "
                            "WHERE account_id = :a"
                        ),
                        {"a": account.account_id},
                    )
                }
                checked["rows"] += len(stored)
                seqs = [s for s, _f in stored.values()]
                if seq != account.stamps:
                    fail(f"{where}: sequence at {seq}, its pushes stamped {account.stamps} rows")
                if len(set(seqs)) != len(seqs) or any(not 1 <= s <= (seq or 0) for s in seqs):
                    fail(f"{where}: seqs not unique or outside 1..{seq}")
                if seqs and max(seqs) != seq:
                    fail(f"{where}: newest row has seq {max(seqs)}, the account {seq}")
                documents = {key: fields for key, (_s, fields) in stored.items()}
                missing = set(account.expected) - set(documents)
                extra = set(documents) - set(account.expected)
                differ = [
                    k
                    for k in account.expected
                    if k in documents and documents[k] != _norm(account.expected[k])
                ]
                if missing or extra or differ:
                    fail(
                        f"{where}: {len(missing)} rows lost, {len(extra)} extra, "
                        f"{len(differ)} differ from what its devices pushed"
                    )
                last_ops: dict[str, int] = dict(
                    conn.execute(
                        text("SELECT device_id, last_op_id FROM devices WHERE account_id = :a"),
                        {"a": account.account_id},
                    ).all()
                )
                for device in account.devices:
                    checked["devices"] += 1
                    if device.access and last_ops.get(device.device_id) != device.op_id:
                        fail(
                            f"{where} device {device.position}: server last op "
                            f"{last_ops.get(device.device_id)}, device sent {device.op_id}"
                        )
                    view = {k: _norm(v) for k, v in device.view.items()}
                    if device.access and view != documents:
                        fail(
                            f"{where} device {device.position}: its data differs from the "
                            f"server's after a last pull ({len(view)} rows vs {len(documents)}"
                            f"): {_first_difference(view, documents)}"
                        )
    finally:
        engine.dispose()
    return checked


def _first_difference(mine: dict[Any, Any], theirs: dict[Any, Any]) -> str:
    """Where a device's copy first differs from the server's: row, field, both versions."""
    for key in sorted(set(mine) | set(theirs)):
        a, b = mine.get(key), theirs.get(key)
        if a == b:
            continue
        if a is None or b is None:
            return f"{key[0]} {key[1][:8]} only on {'the server' if a is None else 'the device'}"
        names = sorted(n for n in set(a) | set(b) if a.get(n) != b.get(n))
        name = names[0]
        return (
            f"{key[0]} {key[1][:8]} {len(names)} fields, {name}: device {a.get(name)}, "
            f"server {b.get(name)}"
        )
    return "no difference"


def _norm(fields: dict[str, Any]) -> dict[str, Any]:
    return {name: (value, hlc) for name, (value, hlc) in fields.items()}


def load_run(
    backend: str,
    database_url: str,
    workdir: Path,
    seed: int,
    devices: int,
    duration: float,
    result: CampaignResult,
) -> None:
    """One backend's run: start its server(s), drive the devices, verify, report."""
    folder = workdir / backend
    servers = [Server(database_url, folder, "server-a")]
    if backend == "two":
        servers.append(Server(database_url, folder, "server-b"))
    proxy: ProxyProcess | None = None
    load_before = os.getloadavg()[0]
    started = time.monotonic()
    try:
        for server in servers:
            server.start()
        for server in servers:
            server.wait_ready()
        url = servers[0].url
        if backend == "two":
            proxy = ProxyProcess([("127.0.0.1", s.port) for s in servers]).start()
            url = proxy.url
            for message in stateless_checks(servers[0].url, servers[1].url, seed, database_url):
                result.fail(f"two instances: {message}")
            result.figures["two: statelessness checks"] = f"{len(STATELESS_CHECKS)} run"
        if not devices:
            return
        tag = f"{backend[:2]}{secrets.token_hex(3)}"
        cpu_before = time.process_time()
        stats, accounts = _run_loop(_drive(url, seed, devices, duration, tag, servers))
        client_cpu = time.process_time() - cpu_before
        for server in servers:
            server.sample()
        checked = _verify(database_url, accounts, lambda m: result.fail(f"{backend}: {m}"))
    finally:
        if proxy is not None:
            proxy.stop()
        for server in servers:
            server.stop()
    wall = time.monotonic() - started
    for message in stats.failures:
        result.fail(f"{backend} (seed {result.seed}): {message}")
    if stats.errors > len(stats.failures):
        result.fail(f"{backend}: {stats.errors - len(stats.failures)} more errors not listed")
    for server in servers:
        for line in server.log_errors()[:5]:
            result.fail(f"{backend} {server.name} log: {line[:200]}")
    accounts_ok = sum(1 for a in accounts if a.account_id)
    figures = result.figures
    figures[f"{backend}: devices / accounts"] = f"{devices} / {accounts_ok}"
    figures[f"{backend}: rounds / pushes / pulls / ops"] = (
        f"{stats.rounds} / {stats.pushes} / {stats.pulls} / {stats.ops} in {duration:.0f} s"
    )
    figures[f"{backend}: errors / 429 honoured / refreshes"] = (
        f"{stats.errors} / {stats.throttled} / {stats.refreshes}"
    )
    figures[f"{backend}: sign-ins"] = f"{devices} devices signed in in {stats.setup_s:.1f} s"
    figures[f"{backend}: push latency"] = percentiles(stats.push_s)
    figures[f"{backend}: pull latency"] = percentiles(stats.pull_s)
    figures[f"{backend}: devices' loop lag"] = percentiles(stats.lag_s)
    figures[f"{backend}: server peak RSS"] = ", ".join(
        f"{s.name} {s.peak_rss:.0f} MB" if s.peak_rss else f"{s.name} n/a" for s in servers
    )
    figures[f"{backend}: CPU"] = (
        ", ".join(f"{s.name} {s.cpu_s:.0f} s ({100 * s.cpu_s / wall:.0f} %)" for s in servers)
        + f", devices {client_cpu:.0f} s; load {load_before:.2f} → {os.getloadavg()[0]:.2f}"
    )
    figures[f"{backend}: verified"] = (
        f"{checked['accounts']} accounts, {checked['rows']} rows, {checked['devices']} devices"
    )
    if proxy is not None:
        figures["two: connections per instance"] = " / ".join(map(str, proxy.connections))


# -- statelessness across two instances ---------------------------------------------------

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
        say(owner.status_code == 201, f"registering the checks' account: {owner.status_code}")
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
                "/v1/account", headers={"Authorization": f"Bearer {tokens['access_token']}"}
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
        _verify(database_url, [account], lambda m: problems.append(f"concurrent pushes: {m}"))

    _run_loop(go())
    return problems


def _run_loop(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run on uvloop where installed (uvicorn[standard] brings it): the devices' own
    overhead then weighs less in the latencies they measure."""
    try:
        import uvloop
    except ImportError:  # pragma: no cover - plain asyncio works, a little slower
        return asyncio.run(coroutine)
    with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
        return runner.run(coroutine)


# -- the campaign -------------------------------------------------------------------------


def run(
    cases: int,
    seed: int,
    workdir: Path,
    *,
    duration: float = DEFAULT_DURATION,
    backends: tuple[str, ...] = BACKENDS,
    two_devices: int | None = None,
) -> CampaignResult:
    """``cases`` devices on each backend for ``duration`` seconds; ``two_devices`` (default
    ``cases``) on the two instances, 0 for the statelessness checks alone (the CI subset)."""

    result = CampaignResult(name="load", cases=cases, seed=seed)
    started = time.monotonic()
    pg_base = os.environ.get(PG_ENV)

    def one(backend: str, count: int) -> None:
        if backend == "sqlite":
            url = f"sqlite:///{(workdir / 'sqlite' / 'cloud.sqlite').as_posix()}"
            load_run(backend, url, workdir, seed, count, duration, result)
            return
        if not pg_base:
            result.fail(f"{backend}: {PG_ENV} is not set, so this backend could not run")
            return
        with fresh_postgres(pg_base) as url:
            load_run(backend, url, workdir, seed, count, duration, result)

    # The statelessness checks alone (no devices on the two instances) run beside the
    # other backends: the CI subset's time is then the longest of the two, not their sum.
    beside: threading.Thread | None = None
    if "two" in backends and two_devices == 0:
        beside = threading.Thread(target=one, args=("two", 0), name="two-instances")
        beside.start()
    for backend in backends:
        if beside is not None and backend == "two":
            continue
        one(backend, cases if backend != "two" or two_devices is None else two_devices)
    if beside is not None:
        beside.join()
    result.fixed = list(FIXED)
    result.seconds = time.monotonic() - started
    result.load = machine_load()
    return result


FIXED: tuple[str, ...] = (
    "Two refreshes of one token at once (a client's retry while the first still runs, or "
    "two instances each getting one) revoked the whole family on PostgreSQL: the token row "
    "is now read FOR UPDATE, so the second is a grace retry "
    "(tests/cloud/test_scale_out.py::test_two_concurrent_refreshes_of_one_token_keep_the_session).",
    "Sign-in and registration limits were bypassed by requests sent at once on PostgreSQL "
    "(12 wrong passwords at once were all checked against a limit of 5; each gate counted "
    "before the others wrote): a transaction advisory lock per key now serialises the "
    "count and the insert across instances (tests/cloud/test_scale_out.py::"
    "test_parallel_wrong_passwords_still_stop_at_the_pair_limit, "
    "test_parallel_registrations_still_stop_at_the_limit).",
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--duration", type=float, default=DEFAULT_DURATION)
    parser.add_argument("--devices", type=int, default=None)
    parser.add_argument("--backend", choices=("all", *BACKENDS), default="all")
    known, rest = parser.parse_known_args(argv)
    if known.devices is not None:
        rest += ["--cases", str(known.devices)]
    backends = BACKENDS if known.backend == "all" else (known.backend,)
    campaign = functools.partial(run, duration=known.duration, backends=backends)
    return main_for(campaign, __doc__ or "", DEFAULT_CASES, rest)


if __name__ == "__main__":
    raise SystemExit(main())
