"""One case: an operation against the disk with no room, then the checks and the retry."""

from __future__ import annotations

import random
import shutil
from collections import Counter
from dataclasses import dataclass, field

from faults.disk_full.constants import DISK_WORDS, OLD_WORKSPACE, RAW_WORDS, SLACKS, CaseFailure
from faults.disk_full.disk import SmallDisk, file_size_limit
from faults.disk_full.kit import Kit
from faults.disk_full.observe import integrity, leftovers, run_cli, run_cli_child, snapshot
from faults.disk_full.write_paths import OPS, Op, Place


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
