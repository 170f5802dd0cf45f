"""Benchmark: ``generate_demo(ws, size=N)`` into a fresh workspace.

The issue says the demo generator "scales to 100,000 prospects"; this measures what that
costs end to end (prospects, ~10 % of them converted to contacts with their timelines,
campaigns, recipients, segments, one transaction), split by the ``progress`` callback into
the prospects phase and everything after it (contacts, activities, campaigns, commit).

Also measured, for context:

* the bare generator, ``iter_businesses(seed=, count=N)`` consumed into a list;
* the baseline: the same N prospects written to a CSV beforehand (not timed), then
  ``pandas.read_csv`` + ``sqlite3.executemany`` into a plain table with the same columns
  as ``prospects`` in a fresh SQLite file (no indexes, no FTS, no foreign keys).

There is no time target in the issue; the figure is reported with its baseline ratio.

    .venv/bin/python bench/bench_demo.py [--rows 100000] [--seed 7]
"""

from __future__ import annotations

import csv
import json
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from _common import (
    Metric,
    Stopwatch,
    base_parser,
    fresh_workspace,
    machine_summary,
    print_metrics,
    prospect_row,
    quiet_logs,
    sqlite_connect,
    write_json,
)

from localpro_desktop.discovery.demo.generator import iter_businesses
from localpro_desktop.domain.ids import utcnow
from localpro_desktop.services.demo import DemoSummary, generate_demo

DEFAULT_ROWS = 100_000


@dataclass
class ProgressClock:
    start: float = 0.0
    events: list[tuple[str, int, int, float]] = field(default_factory=list)

    def __call__(self, phase: str, done: int, total: int) -> None:
        self.events.append((phase, done, total, time.perf_counter()))

    def last(self, phase: str) -> float | None:
        times = [t for p, _d, _n, t in self.events if p == phase]
        return times[-1] if times else None


def write_prospects_csv(path: Path, rows: int, seed: int) -> list[str]:
    """The prospects generate_demo would insert, as a UTF-8 CSV; returns the header."""
    now = utcnow()
    header: list[str] = []
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        for b in iter_businesses(seed=seed, count=rows):
            row = prospect_row(b, now)
            if not header:
                header = list(row)
                writer.writerow(header)
            row["tags"] = json.dumps(row["tags"])
            writer.writerow(["" if v is None else v for v in row.values()])
    return header


def run_baseline(root: Path, csv_path: Path, header: Sequence[str]) -> float:
    db = root / "baseline_demo.sqlite"
    columns = ", ".join(f'"{name}"' for name in header)
    marks = ", ".join("?" * len(header))
    with Stopwatch() as sw:
        frame = pd.read_csv(csv_path, dtype=str, keep_default_na=False)
        conn = sqlite_connect(db)
        try:
            conn.execute(f"CREATE TABLE prospects ({columns})")
            with conn:
                conn.executemany(
                    f"INSERT INTO prospects VALUES ({marks})",
                    frame.itertuples(index=False, name=None),
                )
        finally:
            conn.close()
    return sw.seconds


def main(argv: Sequence[str] | None = None) -> list[Metric]:
    parser = base_parser(__doc__ or "", DEFAULT_ROWS)
    args = parser.parse_args(argv)
    print(machine_summary())

    with tempfile.TemporaryDirectory(prefix="localpro-bench-demo-") as tmp:
        root = Path(tmp)
        with Stopwatch() as gen:
            generated = sum(1 for _ in iter_businesses(seed=args.seed, count=args.rows))
        print(f"iter_businesses alone: {gen.seconds:.2f} s for {generated:,} businesses")

        csv_path = root / "prospects.csv"
        header = write_prospects_csv(csv_path, args.rows, args.seed)
        base_seconds = run_baseline(root, csv_path, header)
        print(
            f"baseline (pandas.read_csv + sqlite3.executemany, {len(header)} columns): "
            f"{base_seconds:.2f} s"
        )

        with quiet_logs():
            ws = fresh_workspace(root, "ws")
        try:
            clock = ProgressClock()
            clock.start = time.perf_counter()
            summary: DemoSummary = generate_demo(ws, size=args.rows, seed=args.seed, progress=clock)
            end = time.perf_counter()
        finally:
            ws.close()
        wall = end - clock.start
        prospects_done = clock.last("prospects") or clock.start
        print(
            f"generate_demo: {wall:.2f} s ({args.rows / wall:,.0f} prospects/s) — "
            f"{summary.prospects:,} prospects, {summary.contacts:,} contacts, "
            f"{summary.activities:,} activities, {summary.campaigns} campaigns, "
            f"{summary.recipients:,} recipients, {summary.segments} segments"
        )
        print(
            f"  phases: prospects {prospects_done - clock.start:.2f} s, contacts + "
            f"activities + campaigns + commit {end - prospects_done:.2f} s"
        )

    n = f"{args.rows:,}"
    metrics = [
        Metric(f"generate_demo({n})", wall, "s", None, base_seconds),
        Metric(
            "generate_demo throughput",
            args.rows / wall,
            "rows/s",
            None,
            args.rows / base_seconds,
            higher_is_better=True,
            note="prospects per second",
        ),
    ]
    print_metrics("bench_demo", metrics)
    write_json(args.json, "bench_demo", vars(args), metrics)
    return metrics


if __name__ == "__main__":
    main()
