"""Test kit for end-to-end sync: a real server, real workspaces, real services.

Each device is a workspace on disk with its own ``SyncClient``; devices of one test share
an account on a server that runs for the whole session (one per database backend), so a
test costs a registration, not a server start. Assertions compare what matters to a
user: every synced table's rows on every device, and the server's stored documents.
"""

import json
import random
import sqlite3
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, insert, text

from localpro_cloud import db
from localpro_cloud.loopback import running  # noqa: F401 - re-exported for the tests
from localpro_desktop.domain.ids import new_id, utcnow
from localpro_desktop.paths import WorkspacePaths
from localpro_desktop.services.contacts import ContactService
from localpro_desktop.services.prospects import ProspectService
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store import local_state
from localpro_desktop.store.capture import capture_of
from localpro_desktop.store.local_state import StateKey
from localpro_desktop.store.models import Contact
from localpro_desktop.sync import engine
from localpro_desktop.sync.client import SyncClient, SyncReport
from localpro_protocol.hlc import HybridClock
from localpro_protocol.wire import SYNCED_TABLES, RegisterRequest

SECRET = "sync-tests-only-secret-" + "s" * 40
PASSWORD = "correct horse battery"
DAY_MS = 86_400_000
IGNORED_COLUMNS = {"updated_at"}
"""Each device keeps its own ``updated_at``; everything else must match."""


class ServerClock:
    """Real time plus an offset a test may move (the server's clamp ceiling follows it)."""

    def __init__(self) -> None:
        self.offset = 0.0

    def __call__(self) -> float:
        return time.time() + self.offset


@dataclass
class Cloud:
    """A running server and a way to look into its database."""

    url: str
    database_url: str
    clock: ServerClock
    backend: str
    _engine: Engine | None = None

    def sql(self, statement: str, **params: Any) -> list[Any]:
        if self._engine is None:
            self._engine = db.make_engine(self.database_url)
        with self._engine.connect() as conn:
            return list(conn.execute(text(statement), params))

    def execute(self, statement: str, **params: Any) -> None:
        """Change the server's database behind its back (to play a restored backup)."""
        self.sql("SELECT 1")
        assert self._engine is not None
        with self._engine.begin() as conn:
            conn.execute(text(statement), params)

    def rows(self, account_id: str) -> dict[tuple[str, str], dict[str, Any]]:
        """The account's stored documents: (table, row id) → {field: value}."""
        return {
            (table, row_id): {name: pair[0] for name, pair in json.loads(fields).items()}
            for table, row_id, fields in self.sql(
                "SELECT table_name, row_id, fields FROM sync_rows WHERE account_id = :a",
                a=account_id,
            )
        }

    def seq(self, account_id: str) -> int:
        return int(self.sql("SELECT seq FROM accounts WHERE id = :a", a=account_id)[0][0])

    def last_op_id(self, account_id: str, device_id: str) -> int:
        return int(
            self.sql(
                "SELECT last_op_id FROM devices WHERE account_id = :a AND device_id = :d",
                a=account_id,
                d=device_id,
            )[0][0]
        )

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()


@dataclass
class Device:
    """A workspace on disk, signed in to the test's account through ``url``."""

    name: str
    ws: Workspace
    client: SyncClient

    @property
    def contacts(self) -> ContactService:
        return ContactService(self.ws)

    @property
    def prospects(self) -> ProspectService:
        return ProspectService(self.ws)

    @property
    def account_id(self) -> str:

        with self.ws.read() as session:
            return local_state.get(session, StateKey.ACCOUNT)

    def sync(self) -> SyncReport:
        return self.client.sync_once()

    def set_wall(self, wall: Callable[[], int]) -> None:
        """Give this device a wrong wall clock (its HLC still never goes backwards)."""
        capture = capture_of(self.ws.engine)
        old = capture.clock
        clock = HybridClock(self.ws.device_id, wall=wall)
        clock.observe(old.now())
        capture.clock = clock

    def dump(self) -> dict[str, dict[str, dict[str, Any]]]:
        return dump(self.ws.paths.database)

    def pending(self) -> int:
        return engine.pending(self.ws)

    def close(self) -> None:
        self.client.close()
        self.ws.close()


@dataclass
class Fleet:
    """The devices of one test, all on one fresh account."""

    cloud: Cloud
    root: Path
    stall: float = 30.0
    """The app's own stall timeout: a loaded CI box can take seconds to apply a push."""
    email: str = field(default_factory=lambda: f"u-{uuid.uuid4().hex[:12]}@example.sn")
    devices: list[Device] = field(default_factory=list)

    def device(self, name: str, *, url: str | None = None, stall: float | None = None) -> Device:
        ws = open_workspace(self.root / name)
        client = SyncClient(ws, url or self.cloud.url, stall=stall or self.stall)
        if not self.devices:
            client.register(RegisterRequest(email=self.email, password=PASSWORD, name=name))
        else:
            client.login(self.email, PASSWORD)
        device = Device(name, ws, client)
        self.devices.append(device)
        return device

    def reopen(self, device: Device, *, url: str | None = None) -> Device:
        """Close a device's workspace and open it again (a restart of the app)."""
        device.close()
        ws = open_workspace(device.ws.paths.root)
        fresh = Device(device.name, ws, SyncClient(ws, url or self.cloud.url, stall=self.stall))
        self.devices[self.devices.index(device)] = fresh
        return fresh

    def reopen_path(self, name: str, root: Path, *, url: str | None = None) -> Device:
        """Open a workspace folder another process used, as a device of this fleet."""
        ws = open_workspace(root)
        device = Device(name, ws, SyncClient(ws, url or self.cloud.url, stall=self.stall))
        self.devices.append(device)
        return device

    @property
    def account_id(self) -> str:
        return self.devices[0].account_id

    def sync_all(self, rounds: int = 2) -> None:
        """Everyone syncs, ``rounds`` times (the second round brings the others' pushes)."""
        for _ in range(rounds):
            for device in self.devices:
                device.sync()

    def close(self) -> None:
        for device in self.devices:
            device.close()


CITIES = ["Dakar", "Thiès", "Abidjan", "Lagos", "Accra", "Nairobi", "Kumasi", "Mbour"]


def add_bulk_contacts(ws: Workspace, count: int, seed: int = 7) -> list[str]:
    """``count`` realistic contacts in one transaction, through the capture triggers (as
    an import does): fast enough for big workspaces, captured like any other write."""
    rng = random.Random(seed)
    now = utcnow()
    rows = [
        {
            "id": new_id(),
            "first_name": f"Awa{i}",
            "last_name": rng.choice(["Ndiaye", "Diop", "Mensah", "Okafor", "Kamau"]),
            "company": f"Boutique {i}",
            "name_key": f"awa{i}",
            "city": rng.choice(CITIES),
            "country": "SN",
            "phone": f"77{i:07d}",
            "phone_e164": f"+22177{i:07d}",
            "status": rng.choice(["new", "contacted", "client"]),
            "tags": ["vip"] if i % 7 == 0 else [],
            "notes": "Client fidèle depuis 2019. " * (i % 3),
            "latitude": 14.7 + rng.random(),
            "longitude": -17.4 + rng.random(),
            "created_at": now,
            "updated_at": now,
        }
        for i in range(count)
    ]
    with ws.write() as session:
        for start in range(0, len(rows), 5000):
            session.execute(insert(Contact), rows[start : start + 5000])
    return [row["id"] for row in rows]


def open_workspace(root: Path) -> Workspace:
    return Workspace.open(WorkspacePaths(root), daily_backup=False)


def dump(database: Path) -> dict[str, dict[str, dict[str, Any]]]:
    """Every synced table's rows (minus per-device bookkeeping), read with plain sqlite3."""
    conn = sqlite3.connect(database)
    try:
        out: dict[str, dict[str, dict[str, Any]]] = {}
        for table in SYNCED_TABLES:
            cursor = conn.execute(f"SELECT * FROM {table}")
            names = [d[0] for d in cursor.description]
            out[table] = {
                row[names.index("id")]: {
                    n: v for n, v in zip(names, row, strict=True) if n not in IGNORED_COLUMNS
                }
                for row in cursor
            }
        return out
    finally:
        conn.close()


def count_rows(snapshot: dict[str, dict[str, dict[str, Any]]]) -> int:
    return sum(len(rows) for rows in snapshot.values())


def assert_converged(fleet: Fleet, *, settle: bool = True) -> dict[str, dict[str, dict[str, Any]]]:
    """Every device holds the same rows, and the server holds exactly those rows too.

    ``settle`` first lets every device sync twice with nothing failing (the last device's
    push reaches the others on the second round), as a user's devices eventually do.
    """
    if settle:
        fleet.sync_all(rounds=2)
    snapshots = [d.dump() for d in fleet.devices]
    first = snapshots[0]
    for device, snapshot in zip(fleet.devices, snapshots, strict=True):
        for table in SYNCED_TABLES:
            if snapshot[table] != first[table]:
                raise AssertionError(
                    f"{device.name} differs from {fleet.devices[0].name} in {table}:\n"
                    + describe_difference(first[table], snapshot[table])
                )
        assert device.pending() == 0, f"{device.name} still has changes waiting"
    server = fleet.cloud.rows(fleet.account_id)
    assert len(server) == count_rows(first), "the server's row count differs from the devices'"
    for (table, row_id), fields in server.items():
        local = first[table][row_id]
        for name, value in fields.items():
            assert _same(local[name], value), (table, row_id, name, local[name], value)
    return first


def describe_difference(
    left: dict[str, dict[str, Any]], right: dict[str, dict[str, Any]], limit: int = 5
) -> str:
    lines: list[str] = []
    for row_id in sorted(set(left) | set(right)):
        a, b = left.get(row_id), right.get(row_id)
        if a is None or b is None:
            lines.append(f"  {row_id}: only on {'the second' if a is None else 'the first'}")
        elif a != b:
            diff = {k: (a.get(k), b.get(k)) for k in set(a) | set(b) if a.get(k) != b.get(k)}
            lines.append(f"  {row_id}: {diff}")
        if len(lines) >= limit:
            break
    return "\n".join(lines)


def _same(local: Any, remote: Any) -> bool:
    """A local SQLite value against the server's JSON value for the same field."""
    if local is None or remote is None:
        return local is remote
    if isinstance(remote, bool):
        return bool(local) == remote
    if isinstance(remote, list | dict):
        return json.loads(local) == remote if isinstance(local, str) else local == remote
    if isinstance(remote, str) and isinstance(local, str) and remote != local:
        # Date-times: the server keeps ISO text, SQLite keeps microseconds.
        from datetime import datetime

        try:
            return datetime.fromisoformat(local) == datetime.fromisoformat(remote)
        except ValueError:
            return False
    return bool(local == remote)


def integrity_ok(database: Path) -> bool:
    conn = sqlite3.connect(database)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
