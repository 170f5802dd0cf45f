"""Benchmark: ``export_records(ws, "contacts", fmt, path)`` for 100,000 contacts.

The contacts are built quickly and directly: ``generate_demo`` converts only ~10 % of its
prospects, so N businesses from ``iter_businesses`` are bulk-inserted as contacts with
SQLAlchemy Core (statuses, notes, opt-outs and last-contacted dates filled in), then the
workspace is reopened so the export starts on a new engine, as after an app start.

Timed: CSV (the headline: target ≤ 3 s for 100,000 rows, proportional for other sizes;
best of ``--repeat`` runs, as is the baseline), then XLSX and GeoJSON once each as
secondary figures.
Baseline: ``pandas.read_sql`` of the same columns in the same order through a plain
``sqlite3`` connection + ``DataFrame.to_csv`` (no formula guard, no tag/date/flag
formatting, no atomic rename). All three formats are compared with that CSV baseline.

    .venv/bin/python bench/bench_export.py [--rows 100000] [--seed 7] [--formats csv,xlsx,geojson]
"""

from __future__ import annotations

import random
import sqlite3
import tempfile
from collections.abc import Sequence
from pathlib import Path

import pandas as pd
from _common import (
    Metric,
    Stopwatch,
    base_parser,
    contact_row,
    fresh_workspace,
    machine_summary,
    print_metrics,
    quiet_logs,
    write_json,
)
from sqlalchemy import insert

from localpro_desktop.discovery.demo.generator import iter_businesses
from localpro_desktop.domain.ids import utcnow
from localpro_desktop.paths import WorkspacePaths
from localpro_desktop.services.exporting.exporters import (
    CONTACT_COLUMNS,
    ExportFormat,
    export_records,
)
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import Contact

DEFAULT_ROWS = 100_000
TARGET_CSV_SECONDS = 3.0  # for TARGET_ROWS rows; other sizes get a proportional target
TARGET_ROWS = 100_000
BATCH = 5000


def fill_contacts(ws: Workspace, rows: int, seed: int) -> float:
    """Insert ``rows`` contacts with Core; returns seconds."""
    rng = random.Random(seed)
    now = utcnow()
    statement = insert(Contact).execution_options(render_nulls=True)
    with Stopwatch() as sw, ws.write() as session:
        batch = []
        for b in iter_businesses(seed=seed, count=rows):
            batch.append(contact_row(b, now, rng))
            if len(batch) >= BATCH:
                session.execute(statement, batch)
                batch = []
        if batch:
            session.execute(statement, batch)
    return sw.seconds


def run_baseline(database: Path, out: Path) -> float:
    """pandas.read_sql + DataFrame.to_csv of the exported columns, oldest first."""
    columns = ", ".join(name for name, _kind in CONTACT_COLUMNS)
    sql = f"SELECT {columns} FROM contacts WHERE deleted_at IS NULL ORDER BY created_at, id"
    with Stopwatch() as sw:
        conn = sqlite3.connect(database)
        try:
            frame = pd.read_sql(sql, conn)
        finally:
            conn.close()
        frame.to_csv(out, index=False)
    return sw.seconds


def _runs(values: Sequence[float]) -> str:
    return ", ".join(f"{v:.2f}" for v in values) + " s"


def main(argv: Sequence[str] | None = None) -> list[Metric]:
    parser = base_parser(__doc__ or "", DEFAULT_ROWS)
    parser.add_argument(
        "--formats", default="csv,xlsx,geojson", help="formats to time (default all three)"
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="time CSV and the baseline this many times and keep the best (default 3)",
    )
    args = parser.parse_args(argv)
    formats = [ExportFormat(f.strip().lower()) for f in args.formats.split(",") if f.strip()]
    print(machine_summary())

    timings: dict[ExportFormat, tuple[float, int, int]] = {}
    with tempfile.TemporaryDirectory(prefix="localpro-bench-export-") as tmp:
        root = Path(tmp)
        with quiet_logs():
            ws = fresh_workspace(root, "ws")
        try:
            fill_s = fill_contacts(ws, args.rows, args.seed)
        finally:
            ws.close()
        print(f"workspace: {args.rows:,} contacts inserted in {fill_s:.1f} s")

        base_out = root / "baseline.csv"
        database = WorkspacePaths(root / "ws").database
        base_runs = [run_baseline(database, base_out) for _ in range(max(args.repeat, 1))]
        base_seconds = min(base_runs)
        print(
            f"baseline (pandas.read_sql + DataFrame.to_csv): best {base_seconds:.2f} s of "
            f"{_runs(base_runs)}, {base_out.stat().st_size / 1e6:.1f} MB"
        )

        ws = Workspace.open(WorkspacePaths(root / "ws"), daily_backup=False)
        try:
            for fmt in formats:
                out = root / f"contacts.{fmt.value}"
                runs: list[float] = []
                # XLSX is slow enough that one run is plenty; CSV is the one with a target.
                for _ in range(max(args.repeat, 1) if fmt is ExportFormat.CSV else 1):
                    with Stopwatch() as sw:
                        result = export_records(ws, "contacts", fmt, out)
                    runs.append(sw.seconds)
                best = min(runs)
                size = out.stat().st_size
                timings[fmt] = (best, result.rows_written, size)
                print(
                    f"export {fmt.value:8}: {best:6.2f} s"
                    + (f" (best of {_runs(runs)})" if len(runs) > 1 else "")
                    + f", {result.rows_written / best:>9,.0f} rows/s, "
                    f"{result.rows_written:,} rows, {size / 1e6:.1f} MB"
                    + (
                        f", {result.rows_without_coordinates:,} rows without coordinates"
                        if result.rows_without_coordinates
                        else ""
                    )
                )
                if result.rows_written + result.rows_without_coordinates != args.rows:
                    print(f"  WARNING: expected {args.rows:,} rows")
        finally:
            ws.close()

    n = f"{args.rows:,}"
    metrics: list[Metric] = []
    for fmt, (seconds, _rows, _size) in timings.items():
        scaled = TARGET_CSV_SECONDS * args.rows / TARGET_ROWS
        target = scaled if fmt is ExportFormat.CSV else None
        note = "" if fmt is ExportFormat.CSV else "baseline: pandas CSV"
        metrics.append(
            Metric(
                f"Export {n} contacts to {fmt.value.upper()}",
                seconds,
                "s",
                target,
                base_seconds,
                note=note,
            )
        )
    print_metrics("bench_export", metrics)
    write_json(args.json, "bench_export", vars(args), metrics)
    return metrics


if __name__ == "__main__":
    main()
