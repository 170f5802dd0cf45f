"""Randomised runs: three devices, random edits, partial syncs, restarts and network cuts.

After a final full sync of everyone (twice, nothing failing) every device must hold the
same data as the server, and that data must be exactly what per-field last-writer-wins
makes of every write any device made (``protocol.merge`` over the writes, each with the
clock its device gave it). So no write is lost that should have won, and each device sees
its own writes unless a later one replaced them. Devices may also get a wall clock a day
behind or ahead; once one runs ahead the server clamps its stamps, and only convergence
(not the merge of the devices' own stamps) is checked for that run.
"""

import contextlib
import sqlite3
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from faultproxy import FaultProxy
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from synckit import DAY_MS, Cloud, Device, Fleet, assert_converged, dump

from localpro_desktop.domain.errors import UserError
from localpro_desktop.sync.transport import SyncUnavailable
from localpro_protocol.wire import SYNCED_TABLES, FieldValue, merge

DEVICES = ("a", "b", "c")
CITIES = ("Dakar", "Thiès", "Abidjan", "Accra", "Lomé")
STATUSES = ("new", "contacted", "interested", "client", "inactive")
FAULTS = ("cut_request", "cut_response", "drop_response")

device_index = st.integers(0, len(DEVICES) - 1)
pick = st.integers(0, 3)  # few targets: edits of one record on several devices collide
edit = st.one_of(
    st.tuples(st.just("update"), device_index, pick, st.sampled_from(["city", "notes"])),
    st.tuples(st.just("move"), device_index, pick, st.sampled_from(STATUSES)),
)
steps = st.one_of(
    edit,
    edit,  # edits of the shared records are the interesting part: twice as likely
    st.tuples(st.just("add"), device_index, st.sampled_from(CITIES)),
    st.tuples(st.just("delete"), device_index, pick),
    st.tuples(st.just("prospect"), device_index, st.sampled_from(CITIES)),
    st.tuples(st.just("sync"), device_index),
    st.tuples(st.just("sync"), device_index),
    st.tuples(st.just("push_one"), device_index),
    st.tuples(st.just("pull_one"), device_index),
    st.tuples(st.just("restart"), device_index),
    st.tuples(st.just("skew"), device_index, st.sampled_from([-DAY_MS, DAY_MS, DAY_MS])),
    st.tuples(
        st.just("cut"),
        device_index,
        st.sampled_from(FAULTS),
        st.sampled_from(["POST /v1/sync/push", "GET /v1/sync/pull"]),
        st.floats(0.05, 0.95),
    ),
)


@dataclass
class Oracle:
    """Every write every device made, with the clock its device gave it."""

    writes: dict[tuple[str, str], list[dict[str, FieldValue]]] = field(default_factory=dict)
    skews: dict[int, int] = field(default_factory=dict)
    """Device index → how far its wall clock is off (ms)."""

    @property
    def clamped(self) -> bool:
        """A clock ran ahead: the server pulled those stamps back, so the stamps the
        devices gave are no longer the ones that decide (convergence is still checked)."""
        return any(offset > 0 for offset in self.skews.values())

    def record(self, device: Device, before: dict[tuple[str, str, str], str]) -> None:
        """What the last local unit of work wrote: the clocks it moved, and the values."""
        after = clocks(device)
        rows = dump(device.ws.paths.database)
        for (table, row_id, name), hlc in after.items():
            if before.get((table, row_id, name)) == hlc or not hlc.endswith(device.ws.device_id):
                continue
            if table == "workspace_settings":
                continue
            row = rows[table][row_id]
            names = [n for n in row if n != "id"] if name == "*" else [name]
            self.writes.setdefault((table, row_id), []).append({n: (row[n], hlc) for n in names})

    def expected(self) -> dict[tuple[str, str], dict[str, Any]]:
        out: dict[tuple[str, str], dict[str, Any]] = {}
        for key, writes in self.writes.items():
            merged: dict[str, FieldValue] = {}
            for write in writes:
                merged, _changed = merge(merged, write)
            out[key] = {name: value for name, (value, _hlc) in merged.items()}
        return out


def clocks(device: Device) -> dict[tuple[str, str, str], str]:
    conn = sqlite3.connect(device.ws.paths.database)
    try:
        return {(t, r, f): h for t, r, f, h in conn.execute("SELECT * FROM sync_clock")}
    finally:
        conn.close()


def live_contacts(device: Device) -> list[str]:
    conn = sqlite3.connect(device.ws.paths.database)
    try:
        return [
            r[0]
            for r in conn.execute(
                "SELECT id FROM contacts WHERE deleted_at IS NULL ORDER BY created_at, id"
            )
        ]
    finally:
        conn.close()


def skewed_wall(offset: int) -> Any:
    return lambda: int(time.time() * 1000) + offset


def run(fleet: Fleet, proxy: FaultProxy, plan: list[tuple[Any, ...]]) -> Oracle:
    devices = [fleet.device(name, url=proxy.url, stall=2.0) for name in DEVICES]
    for device in devices:
        device.client.batch_size = 4
        device.client.page_bytes = 6000
    oracle = Oracle()
    # Start from records every device holds, so that random edits collide.
    before = clocks(devices[0])
    for city in CITIES[:3]:
        devices[0].contacts.add({"first_name": f"Commun {city}", "city": city})
    oracle.record(devices[0], before)
    for device in (*devices, devices[0]):
        device.sync()
    counter = 0
    for step in plan:
        kind, index = step[0], step[1]
        device = devices[index]
        before = clocks(device)
        live = live_contacts(device)
        try:
            if kind == "add":
                counter += 1
                device.contacts.add({"first_name": f"Client {counter}", "city": step[2]})
            elif kind == "prospect":
                counter += 1
                device.prospects.add(
                    {"business_name": f"Boutique {counter}", "city": step[2]},
                    allow_duplicate=True,
                )
            elif kind in ("update", "move", "delete") and live:
                target = live[step[2] % len(live)]
                if kind == "update":
                    device.contacts.update(target, {step[3]: f"{step[3]} {counter}"})
                    counter += 1
                elif kind == "move":
                    device.contacts.move(target, step[3])
                else:
                    device.contacts.delete([target])
            elif kind == "sync":
                device.sync()
            elif kind == "push_one":
                device.client.push_batch()
            elif kind == "pull_one":
                device.client.pull_page()
            elif kind == "restart":
                device = devices[index] = fleet.reopen(device, url=proxy.url)
                device.client.batch_size = 4
                device.client.page_bytes = 6000
                if index in oracle.skews:
                    device.set_wall(skewed_wall(oracle.skews[index]))
            elif kind == "skew":
                oracle.skews[index] = step[2]
                device.set_wall(skewed_wall(step[2]))
            elif kind == "cut":
                proxy.inject(step[2], step[3], at=step[4])
                with contextlib.suppress(SyncUnavailable):
                    device.sync()
                proxy.clear()
        except UserError:
            pass  # a refused edit (the same status twice): nothing was written
        oracle.record(device, before)
    return oracle


@pytest.mark.parametrize("examples", [15])
def test_random_edits_syncs_and_cuts_converge(
    cloud: Cloud, tmp_path_factory: pytest.TempPathFactory, examples: int
) -> None:
    count = examples if cloud.backend == "sqlite" else max(4, examples // 3)

    @settings(
        max_examples=count,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        database=None,
    )
    @example(  # an unsent edit must survive a page that carries an older value of it
        plan=[("update", 1, 0, "notes"), ("sync", 1), ("update", 0, 0, "city"), ("pull_one", 0)]
    )
    @example(  # two laptops a day ahead edit one field in turn (the server clamps both)
        plan=[
            ("skew", 0, DAY_MS),
            ("skew", 1, DAY_MS),
            ("update", 0, 1, "city"),
            ("sync", 0),
            ("sync", 1),
            ("update", 1, 1, "city"),
            ("sync", 1),
        ]
    )
    @given(plan=st.lists(steps, min_size=4, max_size=22))
    def scenario(plan: list[tuple[Any, ...]]) -> None:
        root: Path = tmp_path_factory.mktemp(f"random-{uuid.uuid4().hex[:6]}")
        fleet = Fleet(cloud, root)
        with FaultProxy(cloud.url, timeout=10) as proxy:
            try:
                oracle = run(fleet, proxy, plan)
                proxy.clear()
                snapshot = assert_converged(fleet)  # everyone syncs twice, then compare
                expected = {} if oracle.clamped else oracle.expected()
                for (table, row_id), values in expected.items():
                    row = snapshot[table].get(row_id)
                    assert row is not None, f"{table} {row_id} was lost"
                    for name, value in values.items():
                        assert row[name] == value, (table, row_id, name, row[name], value)
                for table in SYNCED_TABLES:
                    if table != "workspace_settings":
                        written = {r for (t, r) in oracle.writes if t == table}
                        assert set(snapshot[table]) == written, f"unexpected rows in {table}"
            finally:
                fleet.close()

    scenario()
