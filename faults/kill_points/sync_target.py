"""The sync target: one round against the real cloud on 127.0.0.1."""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from collections import Counter
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from faults.kill_points.runner import Outcome
from faults.kill_points.shared_checks import count, database_of, integrity, open_ws
from faults.kill_points.targets import Target


class SyncTarget(Target):
    name = "sync"

    def __init__(self, workdir: Path, stack: ExitStack, scale: float = 1.0) -> None:
        super().__init__(workdir, stack, scale)
        from localpro_cloud.app import create_app
        from localpro_cloud.loopback import running
        from tests.channels import local_kit
        from tests.sync import synckit

        self.kit = synckit
        stack.enter_context(local_kit.file_keyring(workdir))
        database_url = f"sqlite:///{(workdir / 'cloud.sqlite').as_posix()}"
        clock = synckit.ServerClock()
        app = create_app(
            database_url, secret=synckit.SECRET, clock=clock, registrations_per_hour=1_000_000
        )
        url = stack.enter_context(running(app))
        self.cloud = synckit.Cloud(url, database_url, clock, "sqlite")
        stack.callback(self.cloud.close)
        self.template = workdir / "sync-template"
        open_ws(self.template).close()
        self.fleet: Any = None

    def prepare(self, case: Path) -> dict[str, Any]:
        from sqlalchemy import text

        kit = self.kit
        for name, size, seed in (("a", self.sync_a, 7), ("b", self.sync_b, 8)):
            # A copy of an empty workspace made a new device (the server binds a device
            # identity to one account): its id is dropped, the next open makes one.
            shutil.copytree(self.template, case / name)
            conn = sqlite3.connect(database_of(case / name))
            with conn:
                conn.execute("DELETE FROM sync_state WHERE key = 'device_id'")
            conn.close()
            ws = kit.open_workspace(case / name)
            try:
                kit.add_bulk_contacts(ws, size, seed=seed)
                if name == "b":  # names apart from a's: a duplicate would show
                    with ws.write() as session:
                        session.execute(text("UPDATE contacts SET first_name = 'Bintou' || id"))
            finally:
                ws.close()
        fleet = kit.Fleet(self.cloud, case, email=f"k-{uuid.uuid4().hex[:12]}@example.sn")
        a = fleet.device("a")
        b = fleet.device("b")
        b.sync()  # something for a to pull
        a.close()
        fleet.devices.remove(a)
        self.fleet = fleet
        self.account = b.account_id
        return {"root": str(case / "a"), "url": self.cloud.url}

    def check(self, case: Path, outcome: Outcome) -> list[str]:
        kit, fleet = self.kit, self.fleet
        root = case / "a"
        problems: list[str] = []
        try:
            ok = integrity(database_of(root))
            if ok != "ok":
                return [f"integrity_check: {ok[:100]}"]
            local = count(database_of(root), "SELECT count(*) FROM contacts")
            if local < self.sync_a:
                problems.append(f"the device lost local rows: {local} < {self.sync_a}")
            acknowledged = self.cloud.rows(self.account)
            fleet.reopen_path("a", root)
            try:
                final = kit.assert_converged(fleet)
            except AssertionError as exc:
                return [*problems, f"no convergence after the rerun: {str(exc)[:150]}"]
            server = self.cloud.rows(self.account)
            lost = [key for key, fields in acknowledged.items() if server.get(key) != fields]
            if lost:
                problems.append(f"{len(lost)} acknowledged rows lost or changed, e.g. {lost[0]}")
            contacts = final["contacts"]
            names = Counter((row["first_name"], row["phone"]) for row in contacts.values())
            if len(contacts) != self.sync_a + self.sync_b or max(names.values()) > 1:
                expected = self.sync_a + self.sync_b
                problems.append(f"{len(contacts)} contacts after the rerun, expected {expected}")
        finally:
            fleet.close()
            self.fleet = None
        return problems
