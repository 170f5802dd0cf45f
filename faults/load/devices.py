"""The simulated devices: accounts, devices speaking the app's wire protocol, and the
fleet of them registered on a server."""

from __future__ import annotations

import asyncio
import gzip
import json
import random
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

import httpx

from faults.load.settings import (
    CITIES,
    DEVICES_PER_ACCOUNT,
    FIRST_UPLOAD,
    OWN_FIELDS,
    PULL_MAX_BYTES,
    PUSH_BATCH,
    REFRESH_ONE_IN,
    STATUSES,
)
from faults.load.stats import Stats
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
                request.model_dump(mode="json"),
                separators=(",", ":"),
                ensure_ascii=False,
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
    body = {
        "email": account.email,
        "password": account.password,
        "name": f"Shop {account.index}",
    }
    for _ in range(5):
        try:
            response = await client.post(
                "/v1/auth/register",
                json=body,
                headers={"X-Forwarded-For": account.address},
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
