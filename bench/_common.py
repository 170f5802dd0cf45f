"""Shared helpers for the LocalPro benchmark scripts (not a test suite, not a library).

Every script builds its data under a temporary directory that is deleted at the end, times
the app's own entry point, times a naive "no validation" baseline on the same data in the
same process, and prints the figures plus their ratio. ``--json PATH`` additionally writes
the headline metrics so ``run_all.py`` can assemble one Markdown table.
"""

from __future__ import annotations

import argparse
import json
import logging
import math
import os
import platform
import random
import sqlite3
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from localpro_desktop.discovery.demo.generator import DemoBusiness
from localpro_desktop.paths import WorkspacePaths
from localpro_desktop.services import demo
from localpro_desktop.services.demo import prospect_row
from localpro_desktop.services.workspace import Workspace

__all__ = [
    "Metric",
    "Stopwatch",
    "base_parser",
    "contact_row",
    "fresh_workspace",
    "machine_summary",
    "percentile",
    "print_metrics",
    "prospect_row",
    "quiet_logs",
    "sqlite_connect",
    "write_json",
]


@dataclass(frozen=True)
class Metric:
    """One headline figure: lower is better unless ``higher_is_better``.

    ``target`` is the figure the issue asks for (None when there is none); ``baseline`` is
    the naive pandas + sqlite3 equivalent measured in the same process, in the same unit.
    """

    name: str
    value: float
    unit: str
    target: float | None = None
    baseline: float | None = None
    higher_is_better: bool = False
    note: str = ""

    @property
    def ratio(self) -> float | None:
        """Measured / baseline (for rates: baseline / measured), so > 1 means slower."""
        if self.baseline is None or not self.baseline or not self.value:
            return None
        if self.higher_is_better:
            return self.baseline / self.value
        return self.value / self.baseline

    @property
    def meets_target(self) -> bool | None:
        if self.target is None:
            return None
        if self.higher_is_better:
            return self.value >= self.target
        return self.value <= self.target

    def as_dict(self) -> dict[str, object]:
        data: dict[str, object] = asdict(self)
        data["ratio"] = self.ratio
        data["meets_target"] = self.meets_target
        return data


def format_value(value: float | None, unit: str) -> str:
    """Human-readable number with its unit ("7.84 s", "12.3 ms", "12,760 rows/s")."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if unit == "rows/s":
        return f"{value:,.0f} rows/s"
    if unit == "s":
        return f"{value:.2f} s"
    if unit == "ms":
        return f"{value:.1f} ms" if value < 100 else f"{value:.0f} ms"
    if unit == "MB":
        return f"{value:.0f} MB"
    return f"{value:g} {unit}".strip()


def format_target(metric: Metric) -> str:
    if metric.target is None:
        return "–"
    op = "≥" if metric.higher_is_better else "≤"
    return f"{op} {format_value(metric.target, metric.unit)}"


def format_ratio(metric: Metric) -> str:
    ratio = metric.ratio
    return "–" if ratio is None else f"{ratio:.1f}×"


class Stopwatch:
    """``with Stopwatch() as sw: ...`` then ``sw.seconds``; uses ``time.perf_counter``."""

    def __init__(self) -> None:
        self.start = 0.0
        self.seconds = 0.0

    def __enter__(self) -> Stopwatch:
        self.start = time.perf_counter()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.seconds = time.perf_counter() - self.start


def print_markdown_table(
    metrics: Sequence[Metric], *, baseline: str = "Baseline", ratio: str = "Ratio"
) -> None:
    """Metric | measured | target | baseline | ratio | note, ready for the README."""
    print(f"\n| Metric | Measured | Target | {baseline} | {ratio} | Note |")
    print("|---|---:|---|---:|---:|---|")
    for m in metrics:
        target = format_target(m)
        if m.meets_target is not None:
            target += " ✅" if m.meets_target else " ❌"
        print(
            f"| {m.name} | {format_value(m.value, m.unit)} | {target} | "
            f"{format_value(m.baseline, m.unit)} | {format_ratio(m)} | {m.note} |"
        )


def percentile(values: Sequence[float], pct: float) -> float:
    """Linear-interpolated percentile (same definition as numpy's default)."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = (len(ordered) - 1) * pct / 100.0
    low = math.floor(rank)
    high = math.ceil(rank)
    if low == high:
        return ordered[low]
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def base_parser(description: str, default_rows: int) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        description=description, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--rows", type=int, default=default_rows, help=f"data size (default {default_rows:,})"
    )
    parser.add_argument("--seed", type=int, default=7, help="generator seed (default 7)")
    parser.add_argument(
        "--json", type=Path, default=None, help="also write the headline metrics to this file"
    )
    return parser


def fresh_workspace(root: Path, name: str, *, country: str | None = None) -> Workspace:
    """A new, empty workspace in ``root/name`` (no daily backup: nothing to back up)."""
    ws = Workspace.open(WorkspacePaths(root / name), daily_backup=False)
    if country and ws.settings().country != country:
        ws.update_settings(country=country)
    return ws


def sqlite_connect(path: Path) -> sqlite3.Connection:
    """A plain sqlite3 connection for the baselines: library defaults, nothing tuned."""
    return sqlite3.connect(path)


@contextmanager
def quiet_logs() -> Iterator[None]:
    """Alembic logs every migration at INFO; keep the benchmark output readable."""
    previous = logging.root.manager.disable
    logging.disable(logging.INFO)
    try:
        yield
    finally:
        logging.disable(previous)


def machine_summary() -> str:
    """Interpreter, CPU count, SQLite version and the current load (others' jobs skew timings)."""
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    text = (
        f"Python {platform.python_version()} on {platform.system()} {platform.machine()}, "
        f"{os.cpu_count()} CPU(s), SQLite {sqlite3.sqlite_version}, load average {load:.2f}"
    )
    if load > 0.5 * (os.cpu_count() or 1):
        text += " — WARNING: the machine is busy, timings will be pessimistic"
    return text


def print_metrics(title: str, metrics: Sequence[Metric]) -> None:
    print()
    print(f"== {title} ==")
    width = max(len(m.name) for m in metrics)
    for m in metrics:
        verdict = {True: "OK", False: "MISSED", None: ""}[m.meets_target]
        parts = [f"{m.name:<{width}}  {format_value(m.value, m.unit):>16}"]
        if m.target is not None:
            parts.append(f"target {format_target(m):>12} {verdict:<6}")
        if m.baseline is not None:
            baseline = format_value(m.baseline, m.unit)
            parts.append(f"baseline {baseline:>14}  ratio {format_ratio(m)}")
        if m.note:
            parts.append(f"({m.note})")
        print("  ".join(parts))
    sys.stdout.flush()


def write_json(
    path: Path | None, script: str, args: dict[str, object], metrics: Sequence[Metric]
) -> None:
    """Write the metrics for ``run_all.py`` (nothing when ``path`` is None)."""
    if path is None:
        return
    payload = {
        "script": script,
        "args": {k: (str(v) if isinstance(v, Path) else v) for k, v in args.items()},
        "machine": machine_summary(),
        "metrics": [m.as_dict() for m in metrics],
    }
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False), encoding="utf-8")


# -- rows for Core bulk inserts ---------------------------------------------------------
# The demo generator's own row builders, so benchmark data has exactly the app's shape.
# Insert them with ``insert(Model).execution_options(render_nulls=True)``: without it
# SQLAlchemy drops the None values and sends thousands of single-row INSERTs.


def contact_row(b: DemoBusiness, now: datetime, rng: random.Random) -> dict[str, Any]:
    return demo.contact_row(b, None, rng, now)
