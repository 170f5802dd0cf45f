"""The run: a workspace, the pre-warmed process, the cases in a seeded order, the figures."""

from __future__ import annotations

import random
import time
from collections.abc import Iterator
from pathlib import Path

from faults._common import CampaignResult
from faults.hostile_files import runner
from faults.hostile_files.case import EXEC_EVERY, Gen
from faults.hostile_files.checks import check_case
from faults.hostile_files.generators import FULL_ONLY, GENERATORS, schedule
from faults.hostile_files.workspace import seed_workspace


def run(cases: int, seed: int, workdir: Path) -> CampaignResult:
    result = CampaignResult("hostile_files", cases, seed)
    rng = random.Random(seed)
    full = cases >= 50
    started = time.monotonic()
    files = workdir / "files"
    files.mkdir(parents=True, exist_ok=True)
    workspaces = {"main": workdir / "ws-main", "capacity": workdir / "ws-capacity"}
    seed_workspace(workspaces["main"], random.Random(seed))
    runner._FORKER = runner._Forker()
    try:
        _run_cases(cases, seed, workdir, result, rng, full, files, workspaces, started)
    finally:
        runner._FORKER.close()
        runner._FORKER = None
    return result


def _run_cases(
    cases: int,
    seed: int,
    workdir: Path,
    result: CampaignResult,
    rng: random.Random,
    full: bool,
    files: Path,
    workspaces: dict[str, Path],
    started: float,
) -> None:
    cache: dict[str, Path] = {}
    stats: dict[str, object] = {}
    order = schedule(cases, rng, full)
    generators = {**GENERATORS, **FULL_ONLY}
    execed = 0
    for number, kind in enumerate(order):
        case_rng = random.Random(f"{seed}-{number}")
        case = generators[kind](Gen(case_rng, files, number + 1, full, cache))
        workspace = workspaces[case.workspace]
        if not workspace.exists():
            seed_workspace(workspace, random.Random(seed))
        # The largest file always runs exec'ed: its figure is the one a user's import has.
        exec_it = (full and number % EXEC_EVERY == 0) or case.workspace == "capacity"
        execed += exec_it
        try:
            check_case(case, number + 1, seed, workspace, files, exec_it, result, stats)
        except Exception as exc:  # a bug of the campaign itself: report it, go on
            result.fail(f"seed {seed} case {number + 1} ({kind}): campaign error {exc!r}")
        if case.path.exists() and case.path not in cache.values():
            case.path.unlink()
    peaks = stats.get("peak_rss", {})
    slowest = stats.get("slowest", {})
    outcomes = stats.get("outcomes", {})
    assert isinstance(peaks, dict) and isinstance(slowest, dict) and isinstance(outcomes, dict)
    result.figures = {
        "cases by kind": dict(sorted(_count(order).items())),
        "exec'ed as a real command": execed,
        "largest file": _largest(cache),
        "peak RSS MB by kind (max)": {k: round(v) for k, v in sorted(peaks.items())},
        "max peak RSS MB": round(max(peaks.values(), default=0.0)),
        "slowest s by kind": {k: round(v, 1) for k, v in sorted(slowest.items())},
        "exit codes (kind:code)": dict(sorted(outcomes.items())),
    }
    result.fixed = FIXED
    result.seconds = time.monotonic() - started


def _count(order: list[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for kind in order:
        counts[kind] = counts.get(kind, 0) + 1
    return counts


def _largest(cache: dict[str, Path]) -> str:
    sizes = [p.stat().st_size for p in cache.values() if p.exists()]
    return f"{max(sizes) / 1e6:.0f} MB on disk" if sizes else "-"


def iter_kinds() -> Iterator[str]:
    yield from GENERATORS


FIXED: list[str] = [
    "Any CSV was read whole however big (a 40 MB, 100,000-row file peaked at 541 MB, issue 14's "
    "50 MB line at 5.4 GB): files over 24 MB or 100,000 rows are refused at once, with a "
    "message to split them (test_hostile_readers: size, rows, cells bounds).",
    "A zip-bomb XLSX was inflated by openpyxl: each part's unpacked size is checked from the "
    "zip directory before opening (sheet 128 MB, shared strings 16 MB); a sheet claiming row "
    "99,999,999 took 121 s, now refused past Excel's last row or 10 M cells at once.",
    "Binary files named .csv (a picture, random bytes, an .xlsx renamed) were decoded as cp1252 "
    "and read as hundreds of garbage rows: now 'not a text file' / 'an Excel workbook with a "
    "CSV name'.",
    "A file mixing UTF-8 and cp1252 lines (or UTF-8 with stray bytes) was decoded whole as "
    "cp1252, every UTF-8 accent stored as mojibake ('FaÃ§on'): now the UTF-8 stays UTF-8 and "
    "only the other bytes are read as cp1252.",
    "An endless cell (a quote never closed) gave csv's 'field larger than field limit "
    "(131072)': now a message naming the row and the unclosed quote.",
]
