"""Disk full and I/O errors: every write path on a disk with no room, or one that fails.

The workspace lives on a small filesystem (a tmpfs mounted for the run, as root) filled by a
seeded amount, so each write path hits the wall at a different point: opening and migrating a
workspace, adding and editing prospects and contacts, moving a card along the pipeline,
notes, import, export (CSV, XLSX, the HTML map), backup and restore, the demo, settings,
this laptop's own state, segments, campaigns, assistant conversations, a sync pull and the
logs. The "I/O error" flavour comes from a file-size limit (RLIMIT_FSIZE: SQLite gets EFBIG
and says "disk I/O error"), in this process or in a ``localpro`` child process; it is the
only flavour when the run is not root (a tmpfs cannot be mounted), never a skip.

Each case checks that the operation either worked or failed with the message a user
understands (``DiskError``: "The disk is full: free some space…", exit status 1 for the
command line, no traceback, no crash report); that the data already there is intact
(``PRAGMA integrity_check`` ok, every table row for row as before, an earlier export still
whole, no partial file left to take the space); and that the app keeps running: once space
is freed the same operation, on the same open workspace, succeeds.

    python -m faults.disk_full --cases 300 --seed 1
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import random
import resource
import shutil
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from faults._common import CampaignResult, machine_load, main_for

DEFAULT_CASES = 300
MOUNT_BYTES = 48 * 1024 * 1024
DEMO_SIZE = 200
DISK_WORDS = ("The disk is full", "could not write to the disk")
"""The two messages of ``DiskError`` (domain/messages/disk.py), in English."""
RAW_WORDS = ("Traceback", "OperationalError", "sqlite3", "Errno", "disk I/O error")
"""What a user must never read."""
SLACKS = (0, 0, 4096, 16_384, 65_536, 262_144, 1_048_576, 4_194_304)
"""Free bytes left on the filled disk (seeded choice): the wall comes at different points."""
REPO = Path(__file__).resolve().parents[1]
OLD_WORKSPACE = REPO / "tests" / "fixtures" / "workspace-0001.sqlite"
SCRATCH_SUFFIXES = (".part", ".partial", ".tmp", "-journal")


class CaseFailure(Exception):
    """A broken promise in one case (the message says which)."""


# -- the kit: files made once per run ------------------------------------------------------


@dataclass
class Kit:
    workdir: Path
    template: Path
    """A demo workspace's database (copied for every case)."""
    contacts: list[str]
    new_contacts: list[str]
    """Contacts still at the pipeline's first stage (any move is a real move)."""
    prospects: list[str]
    city: str
    import_csv: Path
    body_file: Path
    pull_page: object
    """A ``PullResponse`` of rows another laptop made."""


def _quiet_logging() -> None:
    import logging

    logging.disable(logging.INFO)


def build_kit(workdir: Path) -> Kit:
    from localpro_desktop.paths import WorkspacePaths
    from localpro_desktop.services.demo import generate_demo
    from localpro_desktop.services.workspace import Workspace
    from localpro_desktop.sync import engine
    from localpro_protocol.wire import Change, PullResponse

    kit_dir = workdir / "kit"
    shutil.rmtree(kit_dir, ignore_errors=True)
    kit_dir.mkdir(parents=True)
    ws = Workspace.open(WorkspacePaths(kit_dir / "template"), daily_backup=False)
    generate_demo(ws, size=DEMO_SIZE, seed=7)
    ws.close()
    template = kit_dir / "template" / "localpro.sqlite"
    with contextlib.closing(sqlite3.connect(template)) as conn:
        contacts = [r[0] for r in conn.execute("SELECT id FROM contacts ORDER BY id LIMIT 40")]
        prospects = [r[0] for r in conn.execute("SELECT id FROM prospects ORDER BY id LIMIT 40")]
        new_contacts = [
            r[0] for r in conn.execute("SELECT id FROM contacts WHERE status = 'new' ORDER BY id")
        ]
        city = conn.execute(
            "SELECT city FROM prospects WHERE latitude IS NOT NULL AND city != '' "
            "GROUP BY city ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()[0]
    import_csv = kit_dir / "import.csv"
    lines = ["business_name,city,phone,email"]
    lines += [f"Imported {i} SARL,Dakar,+22177{i:07d},shop{i}@example.org" for i in range(1, 151)]
    import_csv.write_text("\n".join(lines) + "\n", encoding="utf-8")
    body_file = kit_dir / "body.txt"
    body_file.write_text("Bonjour {first_name}, une offre pour vous.", encoding="utf-8")
    # Another laptop's rows, as the cloud would hand them over in one pull page.
    other = Workspace.open(WorkspacePaths(kit_dir / "other"), daily_backup=False)
    generate_demo(other, size=60, seed=99)
    ops = engine.prepare_ops(other, max_ops=500)
    other.close()
    changes = [
        Change(table=op.table, row_id=op.row_id, seq=i, fields=op.fields)
        for i, op in enumerate(ops, start=1)
    ]
    page = PullResponse(
        changes=changes,
        next_cursor=len(changes),
        has_more=False,
        server_hlc=max(h for c in changes for _v, h in c.fields.values()),
    )
    return Kit(
        workdir, template, contacts, new_contacts, prospects, city, import_csv, body_file, page
    )


# -- the disk: a small tmpfs filled by a seeded amount, or a file-size limit ------------------


class SmallDisk:
    """A tmpfs of ``MOUNT_BYTES`` at ``root`` (root only), filled on demand."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.filler = root / ".filler"
        self.mounted = False

    def mount(self) -> bool:
        if not hasattr(os, "geteuid") or os.geteuid() != 0 or shutil.which("mount") is None:
            return False
        self.root.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(
            [
                "mount",
                "-t",
                "tmpfs",
                "-o",
                f"size={MOUNT_BYTES // 1024}k,mode=0700",
                "tmpfs",
                str(self.root),
            ],
            capture_output=True,
            check=False,
        )
        self.mounted = done.returncode == 0
        return self.mounted

    def unmount(self) -> None:
        if self.mounted:
            done = subprocess.run(["umount", str(self.root)], capture_output=True, check=False)
            if done.returncode != 0:  # a file still open: detach now, freed when closed
                subprocess.run(["umount", "-l", str(self.root)], capture_output=True, check=False)
            self.mounted = False

    def free_bytes(self) -> int:
        stat = os.statvfs(self.root)
        return stat.f_bavail * stat.f_frsize

    def fill(self, slack: int) -> None:
        """Leave about ``slack`` bytes free."""
        self.free()
        size = self.free_bytes() - slack
        fd = os.open(self.filler, os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            while size > 0:
                try:
                    os.posix_fallocate(fd, 0, size)
                    break
                except OSError:
                    size -= 64 * 1024
        finally:
            os.close(fd)

    def free(self) -> None:
        self.filler.unlink(missing_ok=True)


@contextlib.contextmanager
def file_size_limit(limit: int) -> Iterator[None]:
    """Writes past ``limit`` bytes in any file fail with EFBIG (Python ignores SIGXFSZ)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))


class Wall:
    """For tests: a folder on a small disk, and a block during which it has no room.

    A tmpfs filled to the last byte when root (CI is), else a file-size limit of 0 bytes
    (every write that grows a file fails: SQLite's "disk I/O error", EFBIG for files).
    """

    def __init__(self, base: Path) -> None:
        self.disk = SmallDisk(base / "small-disk")
        self.tmpfs = self.disk.mount()
        self.root = self.disk.root if self.tmpfs else base / "plain-disk"
        self.root.mkdir(parents=True, exist_ok=True)

    @contextlib.contextmanager
    def no_room(self, leave: int = 0) -> Iterator[None]:
        """No room left, or about ``leave`` bytes (the size limit: files up to that size)."""
        if self.tmpfs:
            self.disk.fill(leave)
            try:
                yield
            finally:
                self.disk.free()
        else:
            with file_size_limit(leave):
                yield

    def close(self) -> None:
        self.disk.unmount()


# -- what a case looks at ----------------------------------------------------------------------


def snapshot(database: Path) -> dict[str, str]:
    """Every table's rows, hashed (the database must be as it was, row for row)."""
    found: dict[str, str] = {}
    with contextlib.closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as conn:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        for table in sorted(tables):
            digest = hashlib.sha256()
            for row in sorted(repr(r) for r in conn.execute(f'SELECT * FROM "{table}"')):
                digest.update(row.encode())
            found[table] = digest.hexdigest()
    return found


def integrity(database: Path) -> str:
    with contextlib.closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as conn:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])


def leftovers(folder: Path) -> list[str]:
    """Scratch files a failed write left behind (they would keep the space the user lacks)."""
    if not folder.is_dir():
        return []
    return sorted(
        p.name
        for p in folder.rglob("*")
        if p.is_file() and p.name.endswith(SCRATCH_SUFFIXES) and not p.name.startswith("localpro.")
    )


def run_cli(argv: list[str]) -> tuple[int, str]:
    """``localpro ARGV`` in this process; its exit status and what it wrote to stderr."""
    from localpro_desktop.cli.main import main

    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, err.getvalue()


def run_cli_child(argv: list[str], limit: int | None) -> tuple[int, str]:
    """``localpro ARGV`` in a child process, under a file-size limit if given."""

    def limited() -> None:
        if limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    env = {k: v for k, v in os.environ.items() if not k.startswith(("LOCALPRO_", "OPENAI_"))}
    done = subprocess.run(
        [sys.executable, "-m", "localpro_desktop", *argv],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        preexec_fn=limited,
        timeout=120,
        check=False,
    )
    return done.returncode, done.stderr


# -- the write paths -------------------------------------------------------------------------


@dataclass
class Place:
    """Where one case's workspace and output files are."""

    root: Path
    kit: Kit
    rng: random.Random

    @property
    def ws_dir(self) -> Path:
        return self.root / "ws"

    @property
    def database(self) -> Path:
        return self.ws_dir / "localpro.sqlite"

    @property
    def out(self) -> Path:
        return self.root / "out"


@dataclass
class Op:
    name: str
    argv: Callable[[Place], list[str]] | None = None
    """A command line (run with ``--data-dir`` the case's workspace)."""
    call: Callable[[object, Place], object] | None = None
    """A service call on the open workspace (the app's way: the workspace stays open)."""
    output: Callable[[Place], Path] | None = None
    """A file the operation writes (its earlier version must survive a failure)."""
    fresh: bool = False
    """Works on a new, empty workspace folder (nothing to compare but its soundness)."""
    old: bool = False
    """Starts from a workspace as an older version wrote it (a migration runs)."""
    prepare: Callable[[Place], None] | None = None


def _pick(items: list[str], rng: random.Random) -> str:
    return items[rng.randrange(len(items))]


def _prospect_edit(ws: object, place: Place) -> object:
    from localpro_desktop.services.prospects import ProspectService

    pid = _pick(place.kit.prospects, place.rng)
    return ProspectService(ws).update(pid, {"notes": "Visited; " + "x" * place.rng.randrange(9000)})  # type: ignore[arg-type]


def _contact_move(ws: object, place: Place) -> object:
    from localpro_desktop.services.contacts import ContactService

    cid = _pick(place.kit.new_contacts, place.rng)
    status = place.rng.choice(["contacted", "interested", "negotiation", "client"])
    return ContactService(ws).move(cid, status)  # type: ignore[arg-type]


def _conversation(ws: object, place: Place) -> object:
    from localpro_desktop.services.assistant import conversations
    from localpro_desktop.services.assistant.context import Mode

    mode = next(iter(Mode))
    conversation = conversations.start(ws, mode, title="Which prospects first?")  # type: ignore[arg-type]
    text = "Start with the pharmacies. " * place.rng.randrange(1, 400)
    return conversations.add_message(ws, conversation, "assistant", text)  # type: ignore[arg-type]


def _pull(ws: object, place: Place) -> object:
    from localpro_desktop.sync import engine

    return engine.apply_pull(ws, place.kit.pull_page)  # type: ignore[arg-type]


def _local_state(ws: object, place: Place) -> object:
    from localpro_desktop.store import local_state
    from localpro_desktop.store.local_state import StateKey

    with ws.write() as session:  # type: ignore[attr-defined]
        local_state.put(session, StateKey.LAST_ERROR, "y" * place.rng.randrange(100, 200_000))
    return None


def _export_argv(kind: str, fmt: str) -> Callable[[Place], list[str]]:
    suffix = {"csv": "csv", "xlsx": "xlsx", "geojson": "geojson"}[fmt]
    return lambda p: ["export", kind, "--format", fmt, "--output", str(p.out / f"{kind}.{suffix}")]


def _restore_prepare(place: Place) -> None:
    backups = place.ws_dir / "backups"
    backups.mkdir(parents=True, exist_ok=True)
    shutil.copy(place.kit.template, backups / "backup-20260101-000000.sqlite")


OPS: tuple[Op, ...] = (
    Op(
        "prospect add (cli)",
        argv=lambda p: [
            "prospects",
            "add",
            f"Boutique {p.rng.randrange(10**6)}",
            "--city",
            "Thiès",
            "--notes",
            "n" * p.rng.randrange(20_000),
            "--allow-duplicate",
        ],
    ),
    Op(
        "contact add (cli)",
        argv=lambda p: [
            "contacts",
            "add",
            "--full-name",
            f"Awa Diop {p.rng.randrange(10**6)}",
            "--phone",
            f"77{p.rng.randrange(10**7):07d}",
        ],
    ),
    Op(
        "crm stage move (cli)",
        argv=lambda p: [
            "contacts",
            "move",
            _pick(p.kit.new_contacts, p.rng),
            "interested",
            "--note",
            "called",
        ],
    ),
    Op(
        "contact note (cli)",
        argv=lambda p: [
            "contacts",
            "note",
            _pick(p.kit.contacts, p.rng),
            "m" * p.rng.randrange(1, 30_000),
        ],
    ),
    Op("import (cli)", argv=lambda p: ["import", "prospects", str(p.kit.import_csv)]),
    Op(
        "export csv",
        argv=_export_argv("prospects", "csv"),
        output=lambda p: p.out / "prospects.csv",
    ),
    Op(
        "export xlsx",
        argv=_export_argv("contacts", "xlsx"),
        output=lambda p: p.out / "contacts.xlsx",
    ),
    Op(
        "export geojson",
        argv=_export_argv("prospects", "geojson"),
        output=lambda p: p.out / "prospects.geojson",
    ),
    Op(
        "export map html",
        argv=lambda p: ["export", "map", "--city", p.kit.city, "--output", str(p.out / "map.html")],
        output=lambda p: p.out / "map.html",
    ),
    Op(
        "backup (cli)",
        argv=lambda p: ["backup", "--output", str(p.out / "copy.sqlite")],
        output=lambda p: p.out / "copy.sqlite",
    ),
    Op(
        "restore (cli)",
        argv=lambda p: [
            "restore",
            "--yes",
            str(p.ws_dir / "backups" / "backup-20260101-000000.sqlite"),
        ],
        prepare=_restore_prepare,
    ),
    Op(
        "demo on a new workspace (cli)",
        argv=lambda _p: ["demo", "--size", "200", "--seed", "3"],
        fresh=True,
    ),
    Op("open and migrate an old workspace (cli)", argv=lambda _p: ["workspace", "show"], old=True),
    Op(
        "settings (cli)",
        argv=lambda p: [
            "workspace",
            "set",
            "--name",
            f"Atelier {p.rng.randrange(10**6)}",
            "--timezone",
            "Africa/Abidjan",
        ],
    ),
    Op(
        "ai settings / local state (cli)",
        argv=lambda p: [
            "ai",
            "settings",
            "--model",
            f"llama3.{p.rng.randrange(9)}",
            "--cap",
            "20000",
        ],
    ),
    Op(
        "segment create (cli)",
        argv=lambda p: ["segments", "create", f"Seg {p.rng.randrange(10**6)}", "--city", "Dakar"],
    ),
    Op(
        "campaign create (cli)",
        argv=lambda p: [
            "campaigns",
            "create",
            "--name",
            f"Promo {p.rng.randrange(10**6)}",
            "--channel",
            "sms",
            "--contact",
            *p.kit.contacts[: p.rng.randrange(1, 30)],
            "--body-file",
            str(p.kit.body_file),
        ],
    ),
    Op("prospect edit (open app)", call=_prospect_edit),
    Op("crm stage move (open app)", call=_contact_move),
    Op("assistant conversation (open app)", call=_conversation),
    Op("sync pull writes (open app)", call=_pull),
    Op("local state (open app)", call=_local_state),
)


# -- one case --------------------------------------------------------------------------------


@dataclass
class Tally:
    outcomes: Counter[str] = field(default_factory=Counter)
    by_op: dict[str, Counter[str]] = field(default_factory=dict)
    messages: Counter[str] = field(default_factory=Counter)

    def add(self, op: str, outcome: str) -> None:
        self.outcomes[outcome] += 1
        self.by_op.setdefault(op, Counter())[outcome] += 1


def _is_disk_message(text: str) -> bool:
    return any(words in text for words in DISK_WORDS)


def _check_message(text: str, where: str) -> None:
    if not _is_disk_message(text):
        lines = text.strip().splitlines()
        shown = " | ".join(lines[-3:]) if "Traceback" in text else text.strip()
        raise CaseFailure(f"{where}: not the disk message: {shown[:240]!r}")
    raw = [w for w in RAW_WORDS if w in text]
    if raw:
        raise CaseFailure(f"{where}: raw error words {raw} shown: {text.strip()[:160]!r}")


def _prepare_place(op: Op, place: Place) -> None:
    shutil.rmtree(place.ws_dir, ignore_errors=True)
    shutil.rmtree(place.out, ignore_errors=True)
    place.out.mkdir(parents=True)
    if op.fresh:
        return
    place.ws_dir.mkdir(parents=True)
    shutil.copy(OLD_WORKSPACE if op.old else place.kit.template, place.database)
    if op.prepare is not None:
        op.prepare(place)
    if op.output is not None and place.rng.random() < 0.5:
        # An earlier export of the same name: a failed one must leave it whole.
        op.output(place).write_bytes(b"an earlier export\n" * 50)


class Attempt:
    """One try of an operation under the current disk: 'written' or 'refused' (checked)."""

    def __init__(self, op: Op, place: Place, ws: object | None) -> None:
        self.op = op
        self.place = place
        self.ws = ws

    def __call__(self, limit_child: int | None = None, child: bool = False) -> tuple[str, str]:
        op, place = self.op, self.place
        if op.call is not None:
            from localpro_desktop.domain.disk import DiskError

            try:
                op.call(self.ws, place)
            except DiskError as exc:
                return "refused", str(exc)
            except Exception as exc:
                raise CaseFailure(f"raised {type(exc).__name__}: {str(exc)[:160]}") from exc
            return "written", ""
        assert op.argv is not None
        argv = ["--data-dir", str(place.ws_dir), *op.argv(place)]
        code, err = run_cli_child(argv, limit_child) if child else run_cli(argv)
        if code == 0:
            return "written", err
        if code != 1:
            raise CaseFailure(f"exit status {code}: {err.strip()[-200:]!r}")
        return "refused", err


def run_case(kit: Kit, disk: SmallDisk | None, case: int, seed: int, tally: Tally) -> None:
    rng = random.Random(f"{seed}-{case}")
    op = OPS[case % len(OPS)]
    first_pass = case < len(OPS)
    if first_pass:
        # Each path once against a disk with no room left (a few under a size limit), so
        # a short run (the CI subset) sees every path refused; child processes come later.
        flavour = "fsize" if disk is None or case % 5 == 2 else "full"
    else:
        flavours = ["full"] * 6 if disk is not None else []
        flavours += ["fsize"] * 3 + (["child"] if op.argv is not None else [])
        flavour = rng.choice(flavours)
    base = disk.root if flavour == "full" and disk is not None else kit.workdir / "fsize"
    place = Place(base, kit, rng)
    if disk is not None:
        disk.free()
    _prepare_place(op, place)
    before = None if op.fresh else snapshot(place.database)
    earlier = op.output(place).read_bytes() if op.output and op.output(place).exists() else None

    ws = None
    if op.call is not None:
        from localpro_desktop.paths import WorkspacePaths
        from localpro_desktop.services.workspace import Workspace

        ws = Workspace.open(WorkspacePaths(place.ws_dir), daily_backup=False)
    attempt = Attempt(op, place, ws)
    try:
        if flavour == "full":
            assert disk is not None
            slack = 0 if first_pass else rng.choice(SLACKS)
            disk.fill(slack)
            try:
                outcome, text = attempt()
            finally:
                disk.free()
            detail = f"full, {slack} bytes free"
        else:
            db_size = place.database.stat().st_size if place.database.exists() else 0
            limit = rng.choice([0, 4096, 65_536, 262_144, max(db_size // 2, 1), db_size + 65_536])
            if flavour == "child":
                outcome, text = attempt(limit_child=limit, child=True)
            else:
                with file_size_limit(limit):
                    outcome, text = attempt()
            detail = f"{flavour} limit {limit} bytes"
        tally.add(op.name, f"{flavour}:{outcome}")
        if outcome == "refused":
            _check_message(text, f"{op.name} ({detail})")
            tally.messages["full" if DISK_WORDS[0] in text else "io"] += 1
            _check_intact(op, place, before, earlier, detail)
            # The app keeps running: with space back, the same operation succeeds.
            again, text = Attempt(op, place, ws)()
            if again != "written":
                raise CaseFailure(f"{op.name}: still refused once space was freed: {text[:160]!r}")
        if place.database.exists():
            verdict = integrity(place.database)
            if verdict != "ok":
                raise CaseFailure(f"{op.name} ({detail}): integrity {verdict[:100]}")
        crash = place.ws_dir / "logs" / "crash.log"
        if crash.exists():
            raise CaseFailure(f"{op.name} ({detail}): a crash report was written")
    finally:
        if ws is not None:
            ws.close()


def _check_intact(
    op: Op, place: Place, before: dict[str, str] | None, earlier: bytes | None, detail: str
) -> None:
    where = f"{op.name} ({detail})"
    if place.database.exists() and place.database.stat().st_size:
        verdict = integrity(place.database)
        if verdict != "ok":
            raise CaseFailure(f"{where}: integrity {verdict[:100]}")
        if before is not None:
            after = snapshot(place.database)
            changed = sorted(t for t in before if before[t] != after.get(t))
            if changed:
                raise CaseFailure(f"{where}: refused but tables changed: {changed[:5]}")
    scraps = leftovers(place.out) + leftovers(place.ws_dir)
    if scraps:
        raise CaseFailure(f"{where}: partial files left: {scraps[:4]}")
    if op.output is not None:
        target = op.output(place)
        now = target.read_bytes() if target.exists() else None
        if now != earlier:
            raise CaseFailure(f"{where}: the earlier file was damaged or a partial one kept")


# -- the logs and crash reports on a full disk --------------------------------------------------


def check_logging(root: Path, disk: SmallDisk | None) -> list[str]:
    """A full disk must not crash the logger, print its tracebacks, or make a crash report."""
    import logging

    problems: list[str] = []
    try:
        from localpro_desktop.ui import crash
    except Exception:  # Qt missing: nothing of the window's logging to check
        return problems
    logs = root / "logs-check"
    shutil.rmtree(logs, ignore_errors=True)
    handler = crash.CrashHandler(logs, interactive=False).install()
    err = io.StringIO()
    previous = logging.root.manager.disable
    logging.disable(logging.NOTSET)
    try:
        with contextlib.redirect_stderr(err):
            logger = logging.getLogger("localpro.faults")
            if disk is not None and root == disk.root:
                disk.fill(0)
                context: contextlib.AbstractContextManager[None] = contextlib.nullcontext()
            else:
                context = file_size_limit(0)
            try:
                with context:
                    for i in range(300):
                        logger.warning("line %d %s", i, "w" * 400)
                    from localpro_desktop.domain.disk import DiskError

                    try:
                        raise DiskError(root, full=True)
                    except DiskError:
                        handler.handle(*sys.exc_info())
            finally:
                if disk is not None:
                    disk.free()
            logger.warning("after space came back")
    except Exception as exc:
        problems.append(f"logging on a full disk raised {type(exc).__name__}: {exc}"[:200])
    finally:
        logging.disable(previous)
        handler.uninstall()
    if "Logging error" in err.getvalue() or "Traceback" in err.getvalue():
        problems.append("logging on a full disk printed tracebacks to the console")
    if (logs / crash.CRASH_LOG).exists():
        problems.append("a full disk's error was written as a crash report")
    app_log = logs / crash.APP_LOG
    if not app_log.exists() or "after space came back" not in app_log.read_text("utf-8"):
        problems.append("the app log did not resume once space was freed")
    return problems


# -- the campaign ------------------------------------------------------------------------------


def run(cases: int, seed: int, workdir: Path) -> CampaignResult:
    result = CampaignResult("disk_full", cases, seed)
    started = time.monotonic()
    _quiet_logging()
    workdir = workdir.resolve()
    kit = build_kit(workdir)
    disk = SmallDisk(workdir / "small-disk")
    mounted = disk.mount()
    tally = Tally()
    try:
        for case in range(cases):
            try:
                run_case(kit, disk if mounted else None, case, seed, tally)
            except CaseFailure as exc:
                result.fail(f"case {case} (seed {seed}): {exc}")
            except Exception as exc:
                result.fail(
                    f"case {case} (seed {seed}): campaign error {type(exc).__name__}: {exc}"
                )
        for problem in check_logging(disk.root if mounted else workdir, disk if mounted else None):
            result.fail(f"logging (seed {seed}): {problem}")
    finally:
        disk.unmount()
    result.figures = {
        "filesystem": f"tmpfs of {MOUNT_BYTES // 2**20} MB (root)"
        if mounted
        else "file-size limit only (not root: no tmpfs)",
        "write paths": len(OPS),
        "outcomes": dict(sorted(tally.outcomes.items())),
        "refusal messages (full / io)": f"{tally.messages['full']} / {tally.messages['io']}",
        "per path (written/refused)": {
            name: "/".join(
                str(sum(v for k, v in counts.items() if k.endswith(kind)))
                for kind in ("written", "refused")
            )
            for name, counts in tally.by_op.items()
        },
    }
    result.fixed = FIXED
    result.seconds = time.monotonic() - started
    result.load = machine_load()
    return result


FIXED = [
    "A full disk or a failing one (SQLITE_FULL, SQLITE_IOERR, ENOSPC, EFBIG, EIO) is one "
    "DiskError with a translatable message ('The disk is full: free some space on…'), raised "
    "by the store for every statement and commit, by backups and by the exporters; the CLI "
    "said 'Unexpected error (OperationalError: database or disk is full)' and wrote a crash "
    "report, the window showed 'OperationalError: …' as a bug.",
    "Opening a workspace on a full disk failed (the daily backup and the statistics refresh "
    "could not be written): both are now skipped with a warning, the workspace opens.",
    "A backup or restore that ran out of space left its '.partial' copy behind, taking the "
    "space the user lacked; restore also deleted the live database's WAL before knowing the "
    "copy would fit.",
    "The log file on a full disk printed a '--- Logging error ---' traceback per line; a "
    "DiskError reaching the window's exception hook opened the crash dialog and tried to "
    "write a crash report.",
]


if __name__ == "__main__":
    raise SystemExit(main_for(run, __doc__, DEFAULT_CASES))
