"""The checks of a case: read-your-writes after each step, convergence and the model at
the end, whole tables now and then."""

from __future__ import annotations

from synckit import (
    assert_converged,
    integrity_ok,
)

from faults.sync_fuzz.model import Model
from faults.sync_fuzz.readers import diff, read_clocks, read_rows


class CampaignChecks:
    """The checks, mixed into ``Campaign``."""

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
