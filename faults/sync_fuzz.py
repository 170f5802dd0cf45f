"""Sync fuzzing: seeded operation sequences over three devices, with partial syncs, cuts,
kills and one device whose clock is a day wrong.

Three devices (real workspaces, real SQLite files) of one account sync with the real cloud
(uvicorn on 127.0.0.1, SQLite) through a fault proxy. A *case* is one short seeded
sequence (3 to 12 steps) of local writes on random devices — contacts and prospects added,
edited, tagged, moved on the board, deleted; static segments made, contacts added to and
taken out of them; the workspace's name changed; the same field edited on two devices
before either syncs; a delete on one device against an edit on another; one contact added
to one segment on two devices; an unsent edit under a pulled page that carries the row —
interleaved with full syncs, push-only and pull-only rounds, rounds cut through the proxy
(request cut after N bytes, answer cut, answer lost after the server committed, at a random
request of the round), app restarts, pauses, and now and then ``kill -9`` of a device's
sync running as the real command line in a subprocess (at a random moment, right after
the server committed its first push, or right after its first page landed). Every device
and the server read one virtual clock, so a run is the same from its seed (except where a
random kill lands); one device per account reads it a day ahead or a day behind, and
sometimes loses its correction again (the clock set wrong again).

Checked: after each local write, the device reads what it wrote (read-your-writes); after
each of its own sync steps, every field it last wrote holds its value unless a write with
a later clock legitimately replaced it. After the case, all three sync fully: every row the
case touched is identical on the three devices and on the server, nothing waits to be sent,
and each field holds what the reference model says: last writer wins per field by hybrid
logical clock (``protocol.merge``, a delete losing to a later write), over every write any
device made, each with the clock the server kept for it (the server pulls a clock more than
a minute ahead back to its own time, which is how a device a day ahead is stopped from
winning every conflict; the model takes those clamped clocks from the server as it applies
them). Every ``FULL_CHECK_EVERY`` cases and at the end of an account, whole tables are
compared and ``PRAGMA integrity_check`` run on every workspace.

Devices and server are reused across cases (each case writes new records); a fresh account
with three fresh devices starts every ``EPOCH`` cases, which bounds the tables' growth.
"""

from __future__ import annotations

import contextlib
import logging
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from faults._common import CampaignResult, main_for

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "sync"))

from faultproxy import FaultProxy
from synckit import (
    DAY_MS,
    SECRET,
    Cloud,
    Device,
    Fleet,
    assert_converged,
    integrity_ok,
    running,
)

import localpro_cloud.sync as cloud_sync
from localpro_cloud.app import create_app
from localpro_desktop.domain.errors import UserError
from localpro_desktop.services.segments import SegmentService
from localpro_desktop.store import local_state
from localpro_desktop.store.capture import capture_of
from localpro_desktop.store.local_state import CorrectedClock, StateKey
from localpro_desktop.store.models import SyncClock, SyncOutbox
from localpro_desktop.sync.transport import SyncUnavailable
from localpro_protocol.wire import DELETED, FieldValue, merge
from tests.channels import local_kit

DEFAULT_CASES = 10_000
EPOCH = 150
"""Cases per account: then a fresh account and three fresh devices."""
FULL_CHECK_EVERY = 25
PROGRESS_EVERY = 100
STEPS = (3, 12)
STEP_MS = (100, 3_000)
"""Virtual time between two steps (ms)."""
PAUSE_MS = (61_000, 240_000)
"""A pause: longer than the server's clamp window, so a later edit beats a clamped one."""
STATUSES = ("new", "contacted", "interested", "negotiation", "client", "inactive")
CITIES = ("Dakar", "Thiès", "Abidjan", "Accra", "Lomé", "Kumasi", "Mbour", "Bamako")
TAGS = ("vip", "relance", "grossiste", "nord", "sud")
CONTACT_FIELDS = ("city", "notes", "first_name", "company")
PROSPECT_FIELDS = ("city", "notes", "business_name", "contact_person")
FAULTS = ("cut_request", "cut_response", "drop_response")
ROUTES = ("POST /v1/sync/push", "GET /v1/sync/pull")
KILL_WEIGHT = 0.6
"""Kills are slow (a subprocess starts Python and the app): a small share of the steps."""

Key = tuple[str, str]

FIXED = [
    "An unsent edit that won by device tie-break (same millisecond and counter, common once "
    "laptops have seen a clock running ahead) was overwritten on pull by the losing edit and "
    "never sent: the pull compared with the outbox stamp, a tick older than the field's clock "
    "(sync/pulled.py; test_fuzz_findings::test_unsent_edit_winning_by_device_tie_break_"
    "survives_a_pull).",
    "One contact added to one static segment on two laptops offline made two membership rows "
    "that UNIQUE (segment_id, contact_id) made every other device refuse: never converged "
    "(membership id derived from the pair, services/segments.py; test_fuzz_findings::"
    "test_same_contact_added_to_a_segment_on_two_devices_converges).",
]


class NothingWritten(Exception):
    """The step changed nothing (a contact already in the segment, say)."""


# -- the virtual clock and the server's clamps -------------------------------------------


class VirtualClock:
    """Milliseconds that move only when the campaign says so, read by devices and server."""

    def __init__(self) -> None:
        self.ms = int(time.time() * 1000)

    def seconds(self) -> float:
        return self.ms / 1000

    def wall(self, offset: int) -> Callable[[], int]:
        return lambda: self.ms + offset

    def advance(self, ms: int) -> None:
        self.ms += ms


@contextlib.contextmanager
def recorded_clamps() -> Iterator[dict[str, str]]:
    """Every clock the server pulled back, as it did it: sent clock → kept clock."""
    seen: dict[str, str] = {}
    original = cloud_sync._clamped

    def recording(hlc: str, ceiling: int, mine: FieldValue | None) -> str:
        fixed = original(hlc, ceiling, mine)
        if fixed != hlc and fixed > seen.get(hlc, ""):
            seen[hlc] = fixed
        return fixed

    cloud_sync._clamped = recording  # type: ignore[assignment]
    try:
        yield seen
    finally:
        cloud_sync._clamped = original  # type: ignore[assignment]


# -- the reference model ------------------------------------------------------------------


@dataclass
class Write:
    device: int
    key: Key
    name: str
    value: Any
    hlc: str


@dataclass
class Model:
    """Every write of the case, field by field, in the order each device made them."""

    clamps: dict[str, str]
    writes: list[Write] = field(default_factory=list)

    def effective(self, hlc: str) -> str:
        return self.clamps.get(hlc, hlc)

    def record(self, device: Device, index: int, mark: str) -> list[Write]:
        """What the last local unit of work on ``device`` wrote: every clock newer than
        ``mark`` (a stamp taken just before it), with the row's values."""
        with reader(device) as conn:
            stamps = conn.execute(
                "SELECT tbl, row_id, field, hlc FROM sync_clock WHERE hlc > ?", (mark,)
            ).fetchall()
            rows: dict[Key, dict[str, Any]] = {}
            out: list[Write] = []
            for table, row_id, name, hlc in stamps:
                if not hlc.endswith(device.ws.device_id):
                    continue
                if table == "workspace_settings" and name == "*":
                    continue  # its defaults travel with the zero clock (engine.DEFAULT_ROW)
                key = (table, row_id)
                if key not in rows:
                    cursor = conn.execute(f"SELECT * FROM {table} WHERE id = ?", (row_id,))
                    names = [d[0] for d in cursor.description]
                    found = cursor.fetchone()
                    rows[key] = dict(zip(names, found, strict=True)) if found else {}
                row = rows[key]
                names = [n for n in row if n not in ("id", "updated_at")] if name == "*" else [name]
                out += [Write(index, key, n, row.get(n), hlc) for n in names]
        self.writes += out
        return out

    def keys(self) -> set[Key]:
        return {w.key for w in self.writes}

    def expected(self) -> dict[Key, dict[str, Any]]:
        """Per row, per field: what last-writer-wins makes of the writes that reached the
        server (a device's earlier write of a field its own later write replaced before
        sending is not sent at all: the later one carries the field)."""
        last: dict[tuple[int, Key, str], Write] = {}
        for write in self.writes:
            last[(write.device, write.key, write.name)] = write
        merged: dict[Key, dict[str, FieldValue]] = {}
        for write in sorted(last.values(), key=lambda w: self.effective(w.hlc)):
            current = merged.get(write.key, {})
            merged[write.key], _ = merge(
                current, {write.name: (write.value, self.effective(write.hlc))}
            )
        return {key: {n: v for n, (v, _h) in fields.items()} for key, fields in merged.items()}

    def own_last(self, device: int) -> dict[tuple[Key, str], Write]:
        out: dict[tuple[Key, str], Write] = {}
        for write in self.writes:
            if write.device == device:
                out[(write.key, write.name)] = write
        return out

    def may_replace(self, mine: Write, value: Any, row_hlc: str) -> bool:
        """Whether ``value`` may stand where ``mine`` was: another write of the field with
        a later clock wrote it (or, for a delete mark, a later write revived the row)."""
        own = self.effective(mine.hlc)
        for other in self.writes:
            if other.key != mine.key or self.effective(other.hlc) <= own:
                continue
            if other.name == mine.name and other.value == value:
                return True
            if mine.name == DELETED and value is None:
                return True  # a later write of any field revives a deleted row
        return False


# -- one run ------------------------------------------------------------------------------


@dataclass
class Stats:
    steps: dict[str, int] = field(default_factory=dict)
    writes: int = 0
    conflicts: int = 0
    skew_cases: dict[str, int] = field(default_factory=dict)

    def count(self, kind: str) -> None:
        self.steps[kind] = self.steps.get(kind, 0) + 1


class Campaign:
    def __init__(self, workdir: Path, seed: int, result: CampaignResult) -> None:
        self.workdir = workdir
        self.seed = seed
        self.result = result
        self.stats = Stats()
        self.clock = VirtualClock()
        self.clamps: dict[str, str] = {}
        self.cloud: Cloud | None = None
        self.proxy: FaultProxy | None = None
        self.fleet: Fleet | None = None
        self.devices: list[Device] = []
        self.skewed = 0
        self.skew = 0
        self.kill_seconds = 6.0
        """How long an unkilled sync subprocess took (a kill lands at a random moment of it)."""
        self.epoch = EPOCH
        self.last_whole = ""
        self.case = -1
        self.case_failures = 0
        self.counter = 0
        self.settings_writes: list[Write] = []
        """The settings row is one per account: its writes carry over from case to case."""

    # -- setting up ------------------------------------------------------------------

    def new_account(self, epoch: int) -> None:
        assert self.cloud is not None and self.proxy is not None
        if self.fleet is not None:
            self.fleet.close()
        close_readers()
        rng = random.Random(f"{self.seed}:epoch:{epoch}")
        self.fleet = Fleet(self.cloud, self.workdir / f"account-{epoch}", stall=5.0)
        self.skewed = rng.randrange(3)
        self.skew = rng.choice((DAY_MS, -DAY_MS))
        self.devices = []
        self.settings_writes = []
        for name in ("a", "b", "c"):
            device = self.fleet.device(name, url=self.proxy.url)
            self.devices.append(device)
            self.tune(len(self.devices) - 1)

    def tune(self, index: int, *, reopened: bool = False) -> None:
        """Small batches and pages (a round is several requests, to cut in the middle),
        and the device's wall clock: the virtual clock, a day off for the skewed one.

        A reopened workspace gets what the app gives it at start — its wall clock plus
        the correction the server last measured, after the newest clock it holds —
        except that the correction a killed subprocess measured against the machine's
        real clock is forgotten (measured again at the next sync)."""
        device = self.devices[index]
        device.client.batch_size = 4
        device.client.page_bytes = 6000
        wall = self.clock.wall(self.skew if index == self.skewed else 0)
        if not reopened:
            device.set_wall(wall)  # the clock set wrong again: the correction is lost
            return
        with device.ws.write() as session:
            offset = int(local_state.get(session, StateKey.CLOCK_OFFSET, "0") or 0)
            newest = max(
                session.scalar(select(func.max(SyncClock.hlc))) or "",
                session.scalar(select(func.max(SyncOutbox.hlc))) or "",
            )
        clock = CorrectedClock(device.ws.device_id, wall, offset)
        if newest:
            clock.observe(newest)
        capture_of(device.ws.engine).clock = clock

    # -- checks ----------------------------------------------------------------------

    def fail(self, message: str) -> None:
        """Record a failure; at most three per case (one broken case says it all). Each is
        also written whole to ``failures.txt`` in the work folder."""
        with (self.workdir / "failures.txt").open("a", encoding="utf-8") as out:
            out.write(message + "\n")
        self.case_failures += 1
        if self.case_failures <= 3:
            self.result.fail(message)

    def where(self) -> str:
        return f"seed {self.seed} case {self.case}"

    def check_own_writes(self, model: Model, index: int, step: str) -> None:
        """Read-your-writes: each field this device last wrote still shows its value,
        unless a write with a later clock replaced it."""
        own = model.own_last(index)
        if not own:
            return
        device = self.devices[index]
        rows = read_rows(device, {key for key, _name in own})
        clocks = read_clocks(device, {key for key, _name in own})
        for (key, name), write in own.items():
            row = rows.get(key)
            if row is None:
                self.fail(
                    f"{self.where()}: {device.name} lost its own {key[0]} row {key[1]} after {step}"
                )
                continue
            value = row.get(name)
            if value == write.value:
                continue
            row_hlc = max(clocks.get(key, {}).values(), default="")
            if not model.may_replace(write, value, row_hlc):
                local = clocks.get(key, {})
                others = [
                    (self.devices[w.device].name, w.value, model.effective(w.hlc)[:19], w.hlc[:19])
                    for w in model.writes
                    if w.key == key and w.name == name
                ]
                self.fail(
                    f"{self.where()}: {device.name} no longer sees its own write "
                    f"{key[0]}.{name}={write.value!r} after {step} (shows {value!r}, "
                    "and no later write wrote that); "
                    f"mine {model.effective(write.hlc)[:19]}, local clock "
                    f"{max(local.get(name, ''), local.get('*', ''))[:19]}, writes {others}"
                )

    def check_case(self, model: Model) -> None:
        """After the full sync: identical rows everywhere, and what the model expects."""
        keys = model.keys()
        snapshots = [read_rows(d, keys) for d in self.devices]
        first = snapshots[0]
        for device, snapshot in zip(self.devices[1:], snapshots[1:], strict=True):
            for key in keys:
                if snapshot.get(key) != first.get(key):
                    self.fail(
                        f"{self.where()}: {device.name} differs from a on {key[0]} {key[1]}: "
                        f"{diff(first.get(key), snapshot.get(key))}"
                    )
                    return
        for device in self.devices:
            if device.pending():
                self.fail(f"{self.where()}: {device.name} still has changes to send")
        assert self.fleet is not None and self.cloud is not None
        server = self.cloud.rows(self.fleet.account_id)
        for key, fields in model.expected().items():
            row = first.get(key)
            if row is None:
                self.fail(f"{self.where()}: {key[0]} {key[1]} was lost everywhere")
                continue
            if key not in server:
                self.fail(f"{self.where()}: the server lacks {key[0]} {key[1]}")
            for name, value in fields.items():
                if row.get(name) != value:
                    self.fail(
                        f"{self.where()}: {key[0]}.{name} of {key[1]} is {row.get(name)!r} "
                        f"everywhere, last writer by clock wrote {value!r}"
                    )

    def full_check(self) -> None:
        assert self.fleet is not None
        for device in self.devices:
            if not integrity_ok(device.ws.paths.database):
                self.fail(f"{self.where()}: integrity_check failed on {device.name}")
        try:
            assert_converged(self.fleet, settle=False)
        except AssertionError as exc:
            if str(exc) != self.last_whole:  # the same difference again: said once
                self.fail(f"{self.where()}: whole tables differ: {exc}")
            self.last_whole = str(exc)

    # -- one case --------------------------------------------------------------------

    def run_case(self, case: int) -> None:
        self.case = case
        self.case_failures = 0
        rng = random.Random(f"{self.seed}:{case}")
        model = Model(self.clamps, list(self.settings_writes))
        pool: list[Key] = []
        if rng.random() < 0.08:
            # The clock set wrong again: the correction the server measured is forgotten.
            self.tune(self.skewed)
            self.stats.count("clock wrong again")
        if rng.random() < 0.5:
            # A record every device holds, so that edits on several devices collide.
            owner = rng.randrange(3)
            adder = self.add_contact if rng.random() < 0.7 else self.add_prospect
            self.write(model, owner, lambda d: adder(d, rng, pool), "add")
            if rng.random() < 0.4:
                if adder is not self.add_contact:
                    self.write(model, owner, lambda d: self.add_contact(d, rng, pool), "add")
                self.write(
                    model, owner, lambda d: self.new_segment(d, rng, pool, empty=True), "add"
                )
            for index in (owner, *(i for i in range(3) if i != owner)):
                self.sync_step("sync", index, rng)
        for _ in range(rng.randint(*STEPS)):
            self.clock.advance(rng.randint(*STEP_MS))
            self.step(rng, model, pool)
        self.proxy_clear()
        assert self.fleet is not None
        self.clock.advance(rng.randint(*STEP_MS))
        # Everyone syncs; then the first two again for what the others pushed after them.
        for index in (0, 1, 2, 0, 1):
            device = self.devices[index]
            try:
                device.sync()
            except (SyncUnavailable, UserError) as exc:
                self.fail(f"{self.where()}: final sync of {device.name}: {exc}")
                return
            self.check_own_writes(model, index, "the final sync")
        self.check_case(model)
        self.settings_writes = [w for w in model.writes if w.key[0] == "workspace_settings"]
        self.stats.writes += len(model.writes)
        side = "ahead" if self.skew > 0 else "behind"
        self.stats.skew_cases[side] = self.stats.skew_cases.get(side, 0) + 1

    def proxy_clear(self) -> None:
        assert self.proxy is not None
        self.proxy.clear()

    def step(self, rng: random.Random, model: Model, pool: list[Key]) -> None:
        kinds = {
            "add contact": 10,
            "add prospect": 5,
            "edit": 16,
            "move": 7,
            "tags": 5,
            "delete": 4,
            "conflict": 8,
            "delete vs edit": 5,
            "edit under a pull": 6,
            "sync": 12,
            "push only": 5,
            "pull only": 7,
            "cut": 8,
            "restart": 1.5,
            "pause": 2,
            "segment": 3,
            "join": 4,
            "join on two": 3,
            "leave": 2,
            "settings": 2,
            "kill": KILL_WEIGHT,
        }
        kind = rng.choices(list(kinds), weights=list(kinds.values()))[0]
        index = rng.randrange(3)
        if kind in ("edit", "move", "tags", "delete") and not self.records(index, pool):
            kind = "add contact"
        if kind in ("conflict", "delete vs edit", "edit under a pull"):
            pair = rng.sample(range(3), 2)
            shared = [k for k in self.records(pair[0], pool) if k in self.records(pair[1], pool)]
            if not shared:
                kind = "sync"
        if kind in ("join", "leave", "join on two") and not self.memberships(index, pool):
            kind = "segment"
        if kind == "join on two":
            pair = rng.sample(range(3), 2)
            both = [
                m for m in self.memberships(pair[0], pool) if m in self.memberships(pair[1], pool)
            ]
            if not both:
                kind = "segment"
        self.stats.count(kind)
        if kind == "add contact":
            self.write(model, index, lambda d: self.add_contact(d, rng, pool), "add")
        elif kind == "add prospect":
            self.write(model, index, lambda d: self.add_prospect(d, rng, pool), "add")
        elif kind in ("edit", "move", "tags", "delete"):
            target = rng.choice(self.records(index, pool))
            self.write(model, index, lambda d: self.change(d, kind, target, rng), kind)
        elif kind == "conflict":
            target = rng.choice(shared)
            name = rng.choice(fields_of(target[0]))
            self.stats.conflicts += 1
            for side in pair:
                self.write(model, side, lambda d: self.edit(d, target, name), "conflict")
        elif kind == "delete vs edit":
            target = rng.choice(shared)
            self.stats.conflicts += 1
            changes = ["delete", "edit"]
            rng.shuffle(changes)
            for side, change in zip(pair, changes, strict=True):
                self.write(model, side, lambda d, c=change: self.change(d, c, target, rng), change)
        elif kind == "edit under a pull":
            # An unsent edit, then a page that carries the row as another device left it.
            target = rng.choice(shared)
            first, other = pair
            self.stats.conflicts += 1
            names = fields_of(target[0])
            self.write(model, first, lambda d: self.edit(d, target, rng.choice(names)), kind)
            self.write(model, other, lambda d: self.edit(d, target, rng.choice(names)), kind)
            self.sync_step("sync", other, rng)
            self.sync_step("pull only", first, rng)
            self.check_own_writes(model, first, kind)
        elif kind == "segment":
            self.write(model, index, lambda d: self.new_segment(d, rng, pool), kind)
        elif kind in ("join", "leave"):
            segment, contact = rng.choice(self.memberships(index, pool))
            self.write(model, index, lambda d: self.member(d, kind, segment, contact), kind)
        elif kind == "join on two":
            segment, contact = rng.choice(both)
            self.stats.conflicts += 1
            for side in pair:
                self.write(model, side, lambda d: self.member(d, "join", segment, contact), kind)
        elif kind == "settings":
            name = self.next_value("name")
            self.write(model, index, lambda d: d.ws.update_settings(name=name), kind)
        elif kind == "pause":
            self.clock.advance(rng.randint(*PAUSE_MS))
        elif kind == "restart":
            assert self.fleet is not None and self.proxy is not None
            self.devices[index] = self.fleet.reopen(self.devices[index], url=self.proxy.url)
            self.tune(index, reopened=True)
        elif kind == "kill":
            self.kill(index, rng)
            self.check_own_writes(model, index, "a killed sync")
        else:
            self.sync_step(kind, index, rng)
            self.check_own_writes(model, index, kind)

    def sync_step(self, kind: str, index: int, rng: random.Random) -> None:
        device = self.devices[index]
        assert self.proxy is not None
        try:
            if kind == "sync":
                device.sync()
            elif kind == "push only":
                device.client.push_batch()
            elif kind == "pull only":
                device.client.pull_page()
            elif kind == "cut":
                self.proxy.inject(
                    rng.choice(FAULTS),  # type: ignore[arg-type]
                    rng.choice(ROUTES),
                    at=rng.uniform(0.05, 0.95),
                    skip=rng.randint(0, 2),
                )
                with contextlib.suppress(SyncUnavailable):
                    device.sync()
                self.proxy.clear()
        except SyncUnavailable as exc:
            self.fail(f"{self.where()}: {kind} of {device.name} failed: {exc}")

    # -- local writes ----------------------------------------------------------------

    def write(self, model: Model, index: int, action: Callable[[Device], Any], what: str) -> None:
        device = self.devices[index]
        mark = capture_of(device.ws.engine).clock.now()
        try:
            action(device)
        except (UserError, NothingWritten):
            return  # refused (the same status twice, a row deleted meanwhile): nothing written
        written = model.record(device, index, mark)
        if not written and what != "tags":  # the same tags again change nothing
            self.fail(f"{self.where()}: {what} on {device.name} recorded no change")
        # Read-your-writes right after the write: the service reads back what it wrote.
        self.check_own_writes(model, index, what)

    def next_value(self, name: str) -> str:
        self.counter += 1
        if name == "city":
            return f"{CITIES[self.counter % len(CITIES)]} {self.counter}"
        return f"{name} {self.case}-{self.counter}"

    def add_contact(self, device: Device, rng: random.Random, pool: list[Key]) -> None:
        contact = device.contacts.add(
            {"first_name": self.next_value("first_name"), "city": rng.choice(CITIES)}
        )
        pool.append(("contacts", contact.id))

    def add_prospect(self, device: Device, rng: random.Random, pool: list[Key]) -> None:
        prospect = device.prospects.add(
            {"business_name": self.next_value("business_name"), "city": rng.choice(CITIES)},
            allow_duplicate=True,
        )
        pool.append(("prospects", prospect.id))

    def edit(self, device: Device, target: Key, name: str) -> None:
        value = self.next_value(name)
        if target[0] == "contacts":
            device.contacts.update(target[1], {name: value})
        else:
            device.prospects.update(target[1], {name: value})

    def change(self, device: Device, kind: str, target: Key, rng: random.Random) -> None:
        table, row_id = target
        if kind == "edit":
            self.edit(device, target, rng.choice(fields_of(table)))
        elif kind == "tags":
            tags = sorted(rng.sample(TAGS, rng.randint(0, 3)))
            if table == "contacts":
                device.contacts.update(row_id, {"tags": tags})
            else:
                device.prospects.update(row_id, {"tags": tags})
        elif kind == "move" and table == "contacts":
            device.contacts.move(row_id, rng.choice(STATUSES))
        elif kind == "move":
            self.edit(device, target, "city")
        elif kind == "delete":
            if table == "contacts":
                device.contacts.delete([row_id])
            else:
                device.prospects.delete([row_id])

    def new_segment(
        self, device: Device, rng: random.Random, pool: list[Key], *, empty: bool = False
    ) -> None:
        live = self.live(device_index(self, device), pool)
        contacts = [k[1] for k in live if k[0] == "contacts"]
        chosen = [] if empty else rng.sample(contacts, min(len(contacts), rng.randint(0, 2)))
        segment = SegmentService(device.ws).create_static(self.next_value("segment"), chosen)
        pool.append(("segments", segment.id))

    def member(self, device: Device, kind: str, segment: str, contact: str) -> None:
        service = SegmentService(device.ws)
        if kind == "join":
            if not service.add_members(segment, [contact]):
                raise NothingWritten
        elif not service.remove_members(segment, [contact]):
            raise NothingWritten

    def records(self, index: int, pool: list[Key]) -> list[Key]:
        """This case's contacts and prospects live on this device (edits pick from these)."""
        return [k for k in self.live(index, pool) if k[0] in ("contacts", "prospects")]

    def memberships(self, index: int, pool: list[Key]) -> list[tuple[str, str]]:
        """(segment, contact) pairs both live on this device, from this case's records."""
        live = self.live(index, pool)
        segments = [k[1] for k in live if k[0] == "segments"]
        contacts = [k[1] for k in live if k[0] == "contacts"]
        return [(s, c) for s in segments for c in contacts]

    def live(self, index: int, pool: list[Key]) -> list[Key]:
        if not pool:
            return []
        with reader(self.devices[index]) as conn:
            out = []
            for table, row_id in pool:
                row = conn.execute(
                    f"SELECT 1 FROM {table} WHERE id = ? AND deleted_at IS NULL", (row_id,)
                ).fetchone()
                if row:
                    out.append((table, row_id))
            return out

    # -- kill -9 ---------------------------------------------------------------------

    def kill(self, index: int, rng: random.Random) -> None:
        """Run this device's sync as the real command line and SIGKILL it: at a random
        moment, right after the server committed its first push (the answer is lost), or
        right after its first pulled page landed; reopen the workspace, check it, and let
        the next steps finish the work."""
        assert self.fleet is not None and self.proxy is not None and self.cloud is not None
        device = self.devices[index]
        root = device.ws.paths.root
        account, node = device.account_id, device.ws.device_id
        moment = rng.choice(("random", "push committed", "page landed"))
        if moment == "push committed" and not device.pending():
            moment = "page landed"
        device.close()
        self.fleet.devices.remove(device)
        before = (self.cloud.last_op_id(account, node), local_cursor(root))
        env = {
            **os.environ,
            "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
            "XDG_DATA_HOME": str(self.workdir / "xdg"),
            "QT_QPA_PLATFORM": "offscreen",
        }
        command = [sys.executable, "-m", "localpro_desktop", "--data-dir", str(root)]
        started = time.monotonic()
        process = subprocess.Popen(
            [*command, "sync", "--server", self.proxy.url],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        deadline = started + (
            rng.uniform(0.3, 1.1) * self.kill_seconds if moment == "random" else 90
        )
        while process.poll() is None and time.monotonic() < deadline:
            if moment == "push committed" and self.cloud.last_op_id(account, node) > before[0]:
                break
            if moment == "page landed" and local_cursor(root) != before[1]:
                break
            time.sleep(0.005)
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            process.communicate(timeout=30)
            self.stats.count(f"kill: {moment}")
        else:
            self.kill_seconds = 0.7 * self.kill_seconds + 0.3 * (time.monotonic() - started)
            self.stats.count("kill: the sync ended first")
            _out, err = process.communicate()
            if process.returncode != 0:
                self.fail(
                    f"{self.where()}: the sync command failed ({process.returncode}): "
                    f"{err.decode(errors='replace')[-200:]}"
                )
        fresh = self.fleet.reopen_path(device.name, root, url=self.proxy.url)
        self.fleet.devices.remove(fresh)
        self.fleet.devices.insert(index, fresh)
        self.devices[index] = fresh
        with fresh.ws.write() as session:  # measured by the subprocess on the real clock
            local_state.put(session, StateKey.CLOCK_OFFSET, "0")
        self.tune(index, reopened=True)
        if not integrity_ok(fresh.ws.paths.database):
            self.fail(f"{self.where()}: integrity_check failed after a kill")

    # -- the whole run ---------------------------------------------------------------

    def run(self, cases: int) -> None:
        database_url = f"sqlite:///{(self.workdir / 'cloud.sqlite').as_posix()}"
        app = create_app(
            database_url, secret=SECRET, clock=self.clock.seconds, registrations_per_hour=100_000
        )
        with (
            local_kit.file_keyring(self.workdir),
            recorded_clamps() as clamps,
            running(app) as url,
            FaultProxy(url, timeout=10) as proxy,
        ):
            self.clamps = clamps
            self.cloud = Cloud(url=url, database_url=database_url, clock=None, backend="sqlite")  # type: ignore[arg-type]
            self.proxy = proxy
            started = time.monotonic()
            try:
                self.loop(cases, started)
            except KeyboardInterrupt:
                # Ctrl-C (or ``timeout -s INT``): stop here and report what was done.
                self.result.figures["stopped early"] = f"after case {self.case}"
            finally:
                elapsed = time.monotonic() - started
                if self.fleet is not None:
                    self.fleet.close()
                close_readers()
                self.cloud.close()
        self.report(elapsed)

    def loop(self, cases: int, started: float) -> None:
        """The cases, a fresh account every ``epoch``, whole checks now and then."""
        for case in range(cases):
            if case % self.epoch == 0:
                if case:
                    self.full_check()
                self.new_account(case // self.epoch)
            before = len(self.result.failures)
            self.run_case(case)
            if (case + 1) % FULL_CHECK_EVERY == 0 or case == cases - 1:
                self.full_check()
            if (case + 1) % PROGRESS_EVERY == 0:
                rate = (case + 1) / (time.monotonic() - started)
                print(
                    f"sync_fuzz: {case + 1} sequences, {len(self.result.failures)} "
                    f"failures, {rate:.2f}/s",
                    file=sys.stderr,
                    flush=True,
                )
            if len(self.result.failures) > before and len(self.result.failures) > 200:
                self.result.fail("stopped after 200 failures")
                break

    def report(self, elapsed: float) -> None:
        done = max(1, self.case + 1)
        self.result.cases = done
        self.result.figures.update(
            {
                "sequences": done,
                "steps": sum(self.stats.steps.values()),
                "local writes (fields)": self.stats.writes,
                "conflicting pairs (same field, delete vs edit)": self.stats.conflicts,
                "cases with the wrong clock ahead / behind": (
                    f"{self.stats.skew_cases.get('ahead', 0)} / "
                    f"{self.stats.skew_cases.get('behind', 0)}"
                ),
                "clocks clamped by the server": len(self.clamps),
                "step kinds": dict(sorted(self.stats.steps.items())),
                "sequences per second": round(done / elapsed, 2) if elapsed else 0,
                "10,000 sequences would take (min)": round(10_000 * elapsed / done / 60, 1),
            }
        )


def device_index(campaign: Campaign, device: Device) -> int:
    return campaign.devices.index(device)


def local_cursor(root: Path) -> str:
    """The workspace's pull cursor, read without waiting on its writer ("" if unreadable)."""
    try:
        conn = sqlite3.connect(f"file:{root / 'localpro.sqlite'}?mode=ro", uri=True, timeout=1)
        try:
            row = conn.execute("SELECT value FROM sync_state WHERE key = 'pull_cursor'").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return ""
    return str(row[0]) if row else "0"


def fields_of(table: str) -> tuple[str, ...]:
    return CONTACT_FIELDS if table == "contacts" else PROSPECT_FIELDS


_READERS: dict[Path, sqlite3.Connection] = {}


@contextlib.contextmanager
def reader(device: Device) -> Iterator[sqlite3.Connection]:
    """A plain sqlite3 connection to the device's file, kept open between reads (the
    campaign reads after every step; opening a connection each time costs more)."""
    path = device.ws.paths.database
    conn = _READERS.get(path)
    if conn is None:
        conn = _READERS[path] = sqlite3.connect(path, check_same_thread=False)
    yield conn


def close_readers() -> None:
    for conn in _READERS.values():
        conn.close()
    _READERS.clear()


def read_rows(device: Device, keys: set[Key]) -> dict[Key, dict[str, Any]]:
    """The rows ``keys`` on a device, every column but its own ``updated_at``."""
    with reader(device) as conn:
        out: dict[Key, dict[str, Any]] = {}
        for table, row_id in keys:
            cursor = conn.execute(f"SELECT * FROM {table} WHERE id = ?", (row_id,))
            names = [d[0] for d in cursor.description]
            row = cursor.fetchone()
            if row is not None:
                out[(table, row_id)] = {
                    n: v for n, v in zip(names, row, strict=True) if n != "updated_at"
                }
        return out


def read_clocks(device: Device, keys: set[Key]) -> dict[Key, dict[str, str]]:
    with reader(device) as conn:
        out: dict[Key, dict[str, str]] = {}
        for table, row_id in keys:
            for name, hlc in conn.execute(
                "SELECT field, hlc FROM sync_clock WHERE tbl = ? AND row_id = ?", (table, row_id)
            ):
                out.setdefault((table, row_id), {})[name] = hlc
        return out


def diff(left: dict[str, Any] | None, right: dict[str, Any] | None) -> str:
    if left is None or right is None:
        return "missing on one side"
    return str({k: (left.get(k), right.get(k)) for k in left if left.get(k) != right.get(k)})[:200]


def run(cases: int, seed: int, workdir: Path, *, epoch: int = EPOCH) -> CampaignResult:
    """``cases`` sequences from ``seed``; a fresh account every ``epoch`` of them."""
    result = CampaignResult(name="sync_fuzz", cases=cases, seed=seed, fixed=list(FIXED))
    campaign = Campaign(workdir, seed, result)
    campaign.epoch = epoch
    # The app's own warnings (a pulled row it refused...) would bury the report: the
    # campaign states every failure itself.
    sync_log = logging.getLogger("localpro_desktop.sync")
    level = sync_log.level
    sync_log.setLevel(logging.ERROR)
    try:
        campaign.run(cases)
    finally:
        sync_log.setLevel(level)
    return result


if __name__ == "__main__":
    raise SystemExit(main_for(run, __doc__, DEFAULT_CASES))
