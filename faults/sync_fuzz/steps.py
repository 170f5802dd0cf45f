"""The random steps of a case: local writes, sync rounds cut through the proxy, restarts,
pauses and ``kill -9`` of a sync subprocess."""

from __future__ import annotations

import contextlib
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from synckit import (
    Device,
    integrity_ok,
)

from faults.sync_fuzz.model import Model, NothingWritten
from faults.sync_fuzz.readers import fields_of, local_cursor, reader
from faults.sync_fuzz.settings import (
    CITIES,
    FAULTS,
    KILL_WEIGHT,
    PAUSE_MS,
    ROUTES,
    STATUSES,
    TAGS,
    Key,
)
from localpro_desktop.domain.errors import UserError
from localpro_desktop.services.segments import SegmentService
from localpro_desktop.store import local_state
from localpro_desktop.store.capture import capture_of
from localpro_desktop.store.local_state import StateKey
from localpro_desktop.sync.transport import SyncUnavailable

if TYPE_CHECKING:
    from faults.sync_fuzz.campaign import Campaign


def device_index(campaign: Campaign, device: Device) -> int:
    return campaign.devices.index(device)


class CampaignSteps:
    """The steps, mixed into ``Campaign``."""

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
