"""Kill points: `kill -9` an import, a demo generation, a sync round and a campaign dispatch.

Each target's operation runs in a child process (forked from a pre-warmed process, see
``faults._kill_child``; a fresh interpreter where there is no fork) and is killed with
SIGKILL at a seeded random moment drawn uniformly over the measured duration of an
unkilled run of the same operation. After each kill:

- ``import``: the contacts import service (what ``localpro contacts import`` calls) on a
  CSV of a few thousand rows: ``PRAGMA integrity_check`` ok; all rows or none in the
  database; the rerun imports the rest, no duplicate.
- ``demo``: a new workspace created and filled with demo data (``localpro --data-dir NEW
  demo``): the workspace opens again; no demo rows or all of them; the rerun gives the
  complete demo workspace, nothing twice.
- ``sync``: one round (push of a device's contacts, pull of another device's) against the
  real cloud on 127.0.0.1: every row the server acknowledged before the kill is there
  after the rerun, the devices and the server converge, no duplicate row.
- ``dispatch``: an SMS campaign sent through the outbox to a Twilio stand-in on
  127.0.0.1 (which counts what it received): no recipient got the message twice; after
  the rerun every recipient got it exactly once, or is flagged ``unknown`` for a person
  to check (it reached the provider at most once).

    python -m faults.kill_points [--target import|demo|sync|dispatch|all] [--cases N]
        [--seed S] [--workdir D] [--json F]

``--cases`` is per target. A failure names the target, seed, case and delay: rerun with the
same ``--target``, ``--seed`` and at least that many cases (a kill moment is a time, so
the replay lands near, not exactly at, the same instruction).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import select
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from faults._common import CampaignResult, machine_load, main_for

TARGETS = ("import", "demo", "sync", "dispatch")
DEFAULT_CASES = 1000
REPO = Path(__file__).resolve().parent.parent
CHILD_TIMEOUT = 300.0

IMPORT_ROWS = 3000
DEMO_SIZE = 1500
SYNC_A, SYNC_B = 1500, 400
DISPATCH_RECIPIENTS = 120
DEMO_TABLES = ("prospects", "contacts", "activities", "campaigns", "campaign_recipients")


# -- running a child and killing it --------------------------------------------------------


@dataclass
class Outcome:
    """How one child ended: killed mid-operation, or finished (code 0) or raised (3)."""

    killed: bool
    code: int | None
    seconds: float


class Runner:
    """Forks each operation from a pre-warmed zygote process, or spawns one per case."""

    def __init__(self, env: dict[str, str]) -> None:
        self.env = env
        self.fork = hasattr(os, "fork")
        self._zygote: subprocess.Popen[bytes] | None = None
        self._buffer = b""
        if self.fork:
            self._zygote = subprocess.Popen(
                [sys.executable, "-m", "faults._kill_child"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                cwd=REPO,
                env=env,
            )
            if self._line(120.0) != "ready":
                raise RuntimeError("the kill-points zygote did not start")

    def _line(self, timeout: float | None) -> str | None:
        """The zygote's next answer line, None when none came within ``timeout``."""
        assert self._zygote is not None and self._zygote.stdout is not None
        fd = self._zygote.stdout.fileno()
        deadline = None if timeout is None else time.monotonic() + timeout
        while b"\n" not in self._buffer:
            left = None if deadline is None else max(deadline - time.monotonic(), 0.0)
            ready, _, _ = select.select([fd], [], [], left)
            if not ready:
                return None
            chunk = os.read(fd, 4096)
            if not chunk:
                raise RuntimeError("the kill-points zygote died")
            self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        return line.decode()

    def run(self, command: dict[str, Any], delay: float | None) -> Outcome:
        """Run ``command``; SIGKILL its process group ``delay`` seconds after it started."""
        if not self.fork:
            return self._spawn(command, delay)
        assert self._zygote is not None and self._zygote.stdin is not None
        self._zygote.stdin.write((json.dumps(command) + "\n").encode())
        self._zygote.stdin.flush()
        answer = self._line(60.0)
        if answer is None or not answer.startswith("pid "):
            raise RuntimeError(f"the zygote did not fork: {answer!r}")
        pid = int(answer.split()[1])
        started = time.monotonic()
        done = self._line(CHILD_TIMEOUT if delay is None else delay)
        if done is None:
            with suppress(ProcessLookupError):  # it finished as the kill left
                os.killpg(pid, signal.SIGKILL)
            done = self._line(CHILD_TIMEOUT)
        seconds = time.monotonic() - started
        if done is None:
            raise RuntimeError(f"child {pid} outlived its SIGKILL")
        end = done.split()[2]
        if end.startswith("signal:"):
            return Outcome(True, None, seconds)
        return Outcome(False, int(end.split(":")[1]), seconds)

    def _spawn(self, command: dict[str, Any], delay: float | None) -> Outcome:
        """The fallback without fork: a fresh interpreter per case (about a second more)."""
        process = subprocess.Popen(
            [sys.executable, "-m", "faults._kill_child", "--once", json.dumps(command)],
            cwd=REPO,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=os.name == "posix",
        )
        started = time.monotonic()
        try:
            code = process.wait(timeout=CHILD_TIMEOUT if delay is None else delay)
            return Outcome(False, code, time.monotonic() - started)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
            return Outcome(True, None, time.monotonic() - started)

    def close(self) -> None:
        if self._zygote is not None:
            assert self._zygote.stdin is not None
            self._zygote.stdin.close()
            try:
                self._zygote.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._zygote.kill()
                self._zygote.wait()
            self._zygote = None


# -- shared checks -------------------------------------------------------------------------


def integrity(database: Path) -> str:
    """``PRAGMA integrity_check``'s answer ("ok" when sound; a missing file is sound)."""
    if not database.exists():
        return "ok"
    conn = sqlite3.connect(database, timeout=30)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def count(database: Path, sql: str) -> int:
    if not database.exists():
        return 0
    conn = sqlite3.connect(database, timeout=30)
    try:
        return int(conn.execute(sql).fetchone()[0])
    except sqlite3.OperationalError:  # the tables are not there yet (killed in creation)
        return 0
    finally:
        conn.close()


def log_tail(root: Path, chars: int = 200) -> str:
    path = Path(str(root) + ".log")
    try:
        return path.read_text(encoding="utf-8", errors="replace")[-chars:].replace("\n", " | ")
    except OSError:
        return ""


def database_of(root: Path) -> Path:
    from localpro_desktop.paths import WorkspacePaths

    return WorkspacePaths(root).database


def open_ws(root: Path) -> Any:
    from localpro_desktop.paths import WorkspacePaths
    from localpro_desktop.services.workspace import Workspace

    return Workspace.open(WorkspacePaths(root), daily_backup=False)


# -- the targets ---------------------------------------------------------------------------


class Target:
    """One operation: set up once, prepare each case, check what a kill left."""

    name = ""

    def __init__(self, workdir: Path, stack: ExitStack, scale: float = 1.0) -> None:
        self.workdir = workdir
        self.stack = stack
        self.rows = max(int(IMPORT_ROWS * scale), 10)
        self.demo_size = max(int(DEMO_SIZE * scale), 10)
        self.sync_a = max(int(SYNC_A * scale), 10)
        self.sync_b = max(int(SYNC_B * scale), 10)
        self.recipients = max(int(DISPATCH_RECIPIENTS * scale), 10)

    def prepare(self, case: Path) -> dict[str, Any]:
        raise NotImplementedError

    def check(self, case: Path, outcome: Outcome) -> list[str]:
        """What is wrong after the kill and the rerun (empty: it held)."""
        raise NotImplementedError


class ImportTarget(Target):
    name = "import"

    def __init__(self, workdir: Path, stack: ExitStack, scale: float = 1.0) -> None:
        super().__init__(workdir, stack, scale)
        self.template = workdir / "import-template"
        open_ws(self.template).close()
        self.csv = workdir / "contacts.csv"
        rng = random.Random(11)
        lines = ["first_name,last_name,company,phone,email,city,notes"]
        cities = ["Dakar", "Thiès", "Saint-Louis", "Ziguinchor", "Kaolack", "Mbour"]
        for i in range(self.rows):
            last = rng.choice(["Ndiaye", "Diop", "Fall", "Sow", "Ba", "Gueye"])
            lines.append(
                f"Awa{i},{last},Boutique {i},+22177{i:07d},awa{i}@example.sn,"
                f"{rng.choice(cities)},Cliente depuis {2015 + i % 9}"
            )
        self.csv.write_text("\n".join(lines) + "\n", encoding="utf-8")

    def prepare(self, case: Path) -> dict[str, Any]:
        shutil.copytree(self.template, case)
        return {"root": str(case), "csv": str(self.csv), "workers": None}

    def check(self, case: Path, outcome: Outcome) -> list[str]:
        from localpro_desktop.services.importing.importer import import_file

        db = database_of(case)
        problems: list[str] = []
        ok = integrity(db)
        if ok != "ok":
            return [f"integrity_check: {ok[:100]}"]
        live = "SELECT count(*) FROM contacts WHERE deleted_at IS NULL"
        after_kill = count(db, live)
        if after_kill not in (0, self.rows):
            problems.append(f"not all-or-nothing: {after_kill} of {self.rows} rows")
        if not outcome.killed and after_kill != self.rows:
            problems.append(f"finished run left {after_kill} rows")
        ws = open_ws(case)
        try:
            report = import_file(ws, "contacts", self.csv, workers=1)
        finally:
            ws.close()
        total = count(db, live)
        distinct = count(db, "SELECT count(DISTINCT phone_e164) FROM contacts")
        if total != self.rows or distinct != self.rows:
            problems.append(
                f"after the rerun {total} rows ({distinct} distinct phones, created "
                f"{report.created}), expected {self.rows}"
            )
        if integrity(db) != "ok":
            problems.append("integrity_check failed after the rerun")
        return problems


class DemoTarget(Target):
    name = "demo"
    expected: dict[str, int] | None = None

    def prepare(self, case: Path) -> dict[str, Any]:
        return {"root": str(case), "size": self.demo_size, "seed": 7}

    def counts(self, db: Path) -> dict[str, int]:
        return {t: count(db, f"SELECT count(*) FROM {t}") for t in DEMO_TABLES}

    def check(self, case: Path, outcome: Outcome) -> list[str]:
        from localpro_desktop.services.demo import generate_demo, has_demo_data

        db = database_of(case)
        ok = integrity(db)
        if ok != "ok":
            return [f"integrity_check: {ok[:100]}"]
        problems: list[str] = []
        after_kill = self.counts(db)
        if not outcome.killed and self.expected is None:
            self.expected = after_kill
        try:
            ws = open_ws(case)
        except Exception as exc:
            return [f"the workspace does not open again: {type(exc).__name__}: {exc}"]
        try:
            had = has_demo_data(ws)
            if had and self.expected is not None and after_kill != self.expected:
                problems.append(f"demo marked done but partial: {after_kill}")
            if not had and any(after_kill.values()):
                problems.append(f"partial demo rows without the mark: {after_kill}")
            if not had:
                generate_demo(ws, size=self.demo_size, seed=7)
        finally:
            ws.close()
        final = self.counts(db)
        if self.expected is not None and final != self.expected:
            problems.append(f"after the rerun {final}, expected {self.expected}")
        dupes = count(
            db,
            "SELECT count(*) FROM (SELECT name, city FROM prospects GROUP BY name, city, "
            "phone, latitude HAVING count(*) > 1)",
        )
        if dupes:
            problems.append(f"{dupes} prospects twice after the rerun")
        return problems


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


class DispatchTarget(Target):
    """Cases alternate between two providers: Twilio, which can be asked whether it took a
    message (a message left ``sending`` by the kill is looked up, then sent or requeued),
    and Africa's Talking, which cannot (such a message is flagged ``unknown``, never
    resent)."""

    name = "dispatch"
    SID, TOKEN, FROM = "AC" + "0" * 32, "kill-points-token", "+15005550006"
    AT_USER, AT_KEY = "sandbox", "kill-points-key"

    def __init__(self, workdir: Path, stack: ExitStack, scale: float = 1.0) -> None:
        super().__init__(workdir, stack, scale)
        from localpro_desktop.domain.campaigns import Channel
        from localpro_desktop.domain.plans import Plan
        from localpro_desktop.services import campaign_sending, channel_setup
        from localpro_desktop.services.campaigns import CampaignService
        from tests.channels.sms_standins import StandIn, TwilioAccount, africastalking
        from tests.sync.synckit import add_bulk_contacts

        self.account = TwilioAccount(self.SID, self.TOKEN)
        self.account_class = TwilioAccount
        lock = threading.Lock()

        def respond(request: Any) -> Any:
            with lock:  # one account, many sending threads: keep its list whole
                return self.account(request)

        self.twilio = stack.enter_context(StandIn(respond))
        self.at = stack.enter_context(StandIn(africastalking(self.AT_USER, self.AT_KEY)))
        for stand_in in (self.twilio, self.at):
            # A dispatcher killed mid-request resets its connections: expected, not news.
            stand_in._server.handle_error = lambda *_args: None  # type: ignore[method-assign]
        self.provider = "twilio"
        self.prepared = 0
        self.flagged = 0
        self.unreceived = 0
        self.template = workdir / "dispatch-template"
        ws = open_ws(self.template)
        try:
            ws.update_settings(plan=Plan.ENTERPRISE, country="SN")
            ids = add_bulk_contacts(ws, self.recipients)
            with channel_setup.registered(_Ready(Channel.SMS)):
                svc = CampaignService(ws)
                campaign = svc.create("Tabaski", Channel.SMS, "Bonjour {{first_name}} !")
                svc.set_recipients(campaign.id, ids)
                campaign_sending.send(ws, campaign.id)
        finally:
            ws.close()

    def prepare(self, case: Path) -> dict[str, Any]:
        shutil.copytree(self.template, case)
        self.provider = "twilio" if self.prepared % 2 == 0 else "africastalking"
        self.prepared += 1
        self.account = self.account_class(self.SID, self.TOKEN)  # a new count
        with self.at._lock:
            self.at.requests.clear()
        if self.provider == "twilio":
            return {
                "root": str(case),
                "provider": "twilio",
                "url": self.twilio.url,
                "sid": self.SID,
                "token": self.TOKEN,
                "from": self.FROM,
            }
        return {
            "root": str(case),
            "provider": "africastalking",
            "url": self.at.url,
            "username": self.AT_USER,
            "key": self.AT_KEY,
        }

    def received(self) -> Counter[str]:
        if self.provider == "twilio":
            return Counter(str(m["to"]) for m in self.account.messages)
        with self.at._lock:
            requests = list(self.at.requests)
        return Counter(r.form["to"][0] for r in requests if r.path == "/version1/messaging")

    def channel(self) -> Any:
        from localpro_desktop.channels.africastalking import AfricasTalkingSms
        from localpro_desktop.channels.twilio import TwilioSms

        if self.provider == "twilio":
            return TwilioSms(self.SID, self.TOKEN, from_number=self.FROM, base_url=self.twilio.url)
        return AfricasTalkingSms(self.AT_USER, self.AT_KEY, base_url=self.at.url)

    def check(self, case: Path, outcome: Outcome) -> list[str]:
        from localpro_desktop.channels.base import ChannelKind
        from localpro_desktop.services.dispatch import Throttle, dispatch_until_idle

        self.flagged = self.unreceived = 0
        db = database_of(case)
        ok = integrity(db)
        if ok != "ok":
            return [f"integrity_check: {ok[:100]}"]
        problems: list[str] = []
        twice = [to for to, n in self.received().items() if n > 1]
        if twice:
            problems.append(f"{len(twice)} recipients messaged twice before the rerun")
        ws = open_ws(case)
        sms = self.channel()
        try:
            dispatch_until_idle(
                ws,
                {ChannelKind.SMS: sms},
                throttles={ChannelKind.SMS: Throttle(1e9, burst=1e9)},
            )
        finally:
            sms.close()
            ws.close()
        got = self.received()
        conn = sqlite3.connect(db, timeout=30)
        try:
            rows = conn.execute("SELECT address, state FROM outbox_messages").fetchall()
        finally:
            conn.close()
        states = Counter(state for _address, state in rows)
        for address, state in rows:
            n = got.get(address, 0)
            if n > 1:
                problems.append(f"{address} messaged {n} times (outbox: {state})")
            elif state == "sent" and n != 1:
                problems.append(f"{address} marked sent but the provider has it {n} times")
            elif state not in ("sent", "unknown"):
                problems.append(f"{address} left {state} after the rerun (received {n})")
            if len(problems) > 3:
                break
        if len(rows) != self.recipients:
            problems.append(f"{len(rows)} outbox rows, expected {self.recipients}")
        self.flagged = states.get("unknown", 0)
        self.unreceived = sum(1 for a, st in rows if st == "unknown" and not got.get(a))
        if problems:
            problems.insert(0, f"provider {self.provider}")
        return problems


class _Ready:
    """Says the campaign's channel is set up (queueing refuses a channel without one)."""

    def __init__(self, channel: Any) -> None:
        self.channel = channel

    def is_set_up(self, _ws: Any) -> bool:
        return True


TARGET_CLASSES: dict[str, type[Target]] = {
    "import": ImportTarget,
    "demo": DemoTarget,
    "sync": SyncTarget,
    "dispatch": DispatchTarget,
}


# -- the campaign --------------------------------------------------------------------------


@dataclass
class Tally:
    cases: int = 0
    mid: int = 0
    after: int = 0
    failures: int = 0
    flagged: int = 0
    unreceived: int = 0
    seconds: float = 0.0
    operation: float = 0.0

    def figure(self) -> str:
        text = (
            f"{self.cases} kills ({self.mid} mid-operation, {self.after} after it finished), "
            f"{self.failures} failures; operation {self.operation:.2f} s unkilled, "
            f"{self.seconds:.0f} s in all"
        )
        if self.flagged:
            text += (
                f"; {self.flagged} messages flagged unknown for review ({self.unreceived} of "
                "them had not reached the provider)"
            )
        return text


@contextmanager
def _quiet() -> Iterator[None]:
    import logging

    previous = logging.root.manager.disable
    logging.disable(logging.WARNING)
    try:
        yield
    finally:
        logging.disable(previous)


def fresh(case: Path) -> Path:
    """An empty place for a case (a kept work folder may hold an earlier run's)."""
    shutil.rmtree(case, ignore_errors=True)
    Path(str(case) + ".log").unlink(missing_ok=True)
    return case


def run_target(
    name: str,
    cases: int,
    seed: int,
    workdir: Path,
    runner: Runner,
    result: CampaignResult,
    scale: float = 1.0,
    measures: int = 2,
) -> Tally:
    tally = Tally()
    started = time.monotonic()
    rng = random.Random(f"{seed}-{name}")
    base = workdir / name
    shutil.rmtree(base, ignore_errors=True)  # a kept work folder may hold an earlier run
    base.mkdir(parents=True)
    with ExitStack() as stack:
        target = TARGET_CLASSES[name](base, stack, scale)
        # Unkilled runs (two: the first warms the caches): the kill window is the quickest
        # one's duration, so that most kills land inside the operation.
        durations: list[float] = []
        for i in range(measures):
            case = fresh(base / f"measure-{i}")
            outcome = runner.run({"target": name, "args": target.prepare(case)}, None)
            try:
                problems = target.check(case, outcome)
            except Exception as exc:
                problems = [f"the check raised {type(exc).__name__}: {exc}"]
            if outcome.code != 0 or problems:
                result.fail(
                    f"{name}: the unkilled run failed (exit {outcome.code}): "
                    f"{'; '.join(problems)} {log_tail(case)}"
                )
            durations.append(outcome.seconds)
            fresh(case)
        window = max(min(durations), 0.01)
        tally.operation = window
        for index in range(cases):
            delay = rng.uniform(0.0, window)
            case = fresh(base / f"case-{index}")
            outcome = runner.run({"target": name, "args": target.prepare(case)}, delay)
            tally.cases += 1
            if outcome.killed:
                tally.mid += 1
            else:
                tally.after += 1
            where = f"{name} seed {seed} case {index} (kill at {delay:.3f} s of {window:.2f})"
            try:
                problems = target.check(case, outcome)
            except Exception as exc:
                problems = [f"the check or rerun raised {type(exc).__name__}: {exc}"]
            if outcome.code not in (None, 0):
                problems.append(f"the child raised: {log_tail(case)}")
            tally.flagged += getattr(target, "flagged", 0)
            tally.unreceived += getattr(target, "unreceived", 0)
            if problems:
                tally.failures += 1
                result.fail(f"{where}: {'; '.join(problems)}")
            else:
                shutil.rmtree(case, ignore_errors=True)
                Path(str(case) + ".log").unlink(missing_ok=True)
    tally.seconds = time.monotonic() - started
    return tally


def run(
    cases: int,
    seed: int,
    workdir: Path,
    targets: tuple[str, ...] = TARGETS,
    scale: float = 1.0,
    measures: int = 2,
) -> CampaignResult:
    """``cases`` kills per target; ``scale`` shrinks the data and ``measures`` is how many
    unkilled runs measure the kill window (the CI subset: 0.2 and 1)."""
    result = CampaignResult("kill_points", cases * len(targets), seed)
    env = {
        **os.environ,
        "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
        "XDG_DATA_HOME": str(workdir / "sync" / "xdg"),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
    }
    started = time.monotonic()
    runner = Runner(env)
    result.figures["children"] = "forked from a pre-warmed process" if runner.fork else "spawned"
    try:
        with _quiet():
            for name in targets:
                tally = run_target(name, cases, seed, workdir, runner, result, scale, measures)
                result.figures[name] = tally.figure()
    finally:
        runner.close()
    result.seconds = time.monotonic() - started
    result.load = machine_load()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--target", choices=[*TARGETS, "all"], default="all")
    known, rest = parser.parse_known_args(argv)
    targets = TARGETS if known.target == "all" else (known.target,)

    def campaign(cases: int, seed: int, workdir: Path) -> CampaignResult:
        return run(cases, seed, workdir, targets)

    return main_for(campaign, __doc__ or "", DEFAULT_CASES, rest)


if __name__ == "__main__":
    raise SystemExit(main())
