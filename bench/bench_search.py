"""Benchmark: prospect search latency (``prospect_search.fetch_page``) on a large workspace.

A fresh workspace is filled with ``generate_demo(ws, size=N)`` up to 100,000 prospects.
Above that (``--rows 1000000``) ``generate_demo`` is unusable — its cost grows with
contacts × prospects, see README.md — so the prospects are bulk-inserted with SQLAlchemy
Core from the same generator, rows shaped like ``services.demo._prospect_row``, the FTS
triggers filling the search index as usual (``--fill demo|core`` forces either way). Then
200 queries are drawn from the data itself, as a user would type them:

* 60 % sector + city + the first one or two words of a real business name, the last word
  cut to a prefix ("Boulangerie Dë" while typing "Boulangerie Dëggo");
* 20 % sector + city only (the filter drop-downs);
* 20 % text only.

Each query is ``fetch_page(ws, ProspectFilter(...), Sort(), limit=100, with_total=True)``:
the first page *and* the total count, the one search the prospects screen and the CLI run.
Ten warm-up queries are not counted. The baseline runs the same filters against a plain
copy of the table in a fresh SQLite file (indexes on (sector, city), city and
business_name; no FTS): ``SELECT ... WHERE sector=? AND city=? AND (business_name LIKE ?
OR address LIKE ? ...) ORDER BY business_name LIMIT 100`` plus the matching ``COUNT(*)``,
through plain ``sqlite3``.

Targets (issue): p95 ≤ 20 ms at 100,000 prospects, ≤ 100 ms at 1,000,000.

    .venv/bin/python bench/bench_search.py [--rows 100000|1000000] [--queries 200] [--seed 7]
        [--fill auto|demo|core]
"""

from __future__ import annotations

import random
import re
import sqlite3
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _common import (
    Metric,
    Stopwatch,
    base_parser,
    fresh_workspace,
    machine_summary,
    percentile,
    print_metrics,
    prospect_row,
    quiet_logs,
    sqlite_connect,
    write_json,
)
from sqlalchemy import func, insert, select, text

from localpro_desktop.discovery.demo.generator import iter_businesses
from localpro_desktop.domain.ids import utcnow
from localpro_desktop.paths import WorkspacePaths
from localpro_desktop.services.demo import generate_demo
from localpro_desktop.services.prospect_search import Sort, fetch_page, page_query
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import Prospect
from localpro_desktop.store.queries.prospects import ProspectFilter, count_query

DEFAULT_ROWS = 100_000
DEMO_MAX = 1_000_000  # generate_demo refuses larger sizes
AUTO_DEMO_MAX = 100_000  # --fill auto: generate_demo up to this size, Core inserts above
CORE_BATCH = 5000
WARMUP = 10
LIMIT = 100
_WORD = re.compile(r"\w+", re.UNICODE)
# Columns searched by the FTS index, minus sector and city (exact filters here).
_LIKE_COLUMNS = ("business_name", "address", "notes", "tags", "phone", "email")


def target_ms(rows: int) -> float:
    return 20.0 if rows <= 100_000 else 100.0


@dataclass(frozen=True)
class Query:
    kind: str  # "sector+city+text", "sector+city" or "text"
    sector: str | None
    city: str | None
    text: str | None

    def describe(self) -> str:
        parts = (("sector", self.sector), ("city", self.city), ("text", self.text))
        return ", ".join(f"{name}={value!r}" for name, value in parts if value)


# -- filling the workspace --------------------------------------------------------------


def core_insert_prospects(ws: Workspace, count: int, seed: int) -> None:
    """Bulk-insert ``count`` generated prospects with Core (render_nulls keeps batches whole)."""
    now = utcnow()
    statement = insert(Prospect).execution_options(render_nulls=True)
    with ws.write() as session:
        batch: list[dict[str, Any]] = []
        for b in iter_businesses(seed=seed, count=count):
            batch.append(prospect_row(b, now))
            if len(batch) >= CORE_BATCH:
                session.execute(statement, batch)
                batch = []
        if batch:
            session.execute(statement, batch)


def populate(ws: Workspace, rows: int, seed: int, fill: str) -> str:
    """Fill the workspace with ``rows`` prospects; returns how, with the time taken.

    ``demo``: ``generate_demo`` (up to its 1,000,000 cap, Core top-up beyond);
    ``core``: Core bulk inserts only (prospects, no contacts or campaigns);
    ``auto``: ``demo`` up to ``AUTO_DEMO_MAX`` rows, ``core`` above, because
    ``generate_demo`` slows down quadratically with size (see bench/README.md).
    """
    mode = fill if fill != "auto" else ("demo" if rows <= AUTO_DEMO_MAX else "core")
    done = 0
    parts: list[str] = []
    if mode == "demo":
        done = min(rows, DEMO_MAX)
        with Stopwatch() as demo:
            generate_demo(ws, size=done, seed=seed)
        parts.append(f"generate_demo({done:,}) {demo.seconds:.1f} s")
    chunk_seed = seed
    while done < rows:
        size = min(rows - done, DEMO_MAX)
        with Stopwatch() as sw:
            core_insert_prospects(ws, size, chunk_seed)
        parts.append(f"Core insert of {size:,} (seed {chunk_seed}) {sw.seconds:.1f} s")
        chunk_seed += 1_000
        done += size
    return " + ".join(parts)


# -- queries ----------------------------------------------------------------------------


def _prefix_text(name: str, rng: random.Random) -> str | None:
    words = _WORD.findall(name)
    if not words:
        return None
    words = words[: rng.choice((1, 2))]
    last = words[-1]
    if len(last) > 3:
        words[-1] = last[: rng.randint(3, len(last))]
    return " ".join(words)


def draw_queries(ws: Workspace, count: int, seed: int) -> list[Query]:
    """Queries built from randomly chosen real rows, so each one has at least one hit."""
    rng = random.Random(seed)
    with ws.read() as session:
        max_rowid = int(session.scalar(text("SELECT MAX(rowid) FROM prospects")) or 0)
        picks = sorted(rng.sample(range(1, max_rowid + 1), min(count * 2, max_rowid)))
        rows = _fetch_sample(session, picks)
    rng.shuffle(rows)
    queries: list[Query] = []
    for sector, city, name in rows[:count]:
        r = rng.random()
        if r < 0.6:
            queries.append(Query("sector+city+text", sector, city, _prefix_text(name, rng)))
        elif r < 0.8:
            queries.append(Query("sector+city", sector, city, None))
        else:
            queries.append(Query("text", None, None, _prefix_text(name, rng)))
    return queries


def _fetch_sample(session: Any, rowids: Sequence[int]) -> list[tuple[str, str, str]]:
    """sector, city, business_name of the rows with these rowids (gaps are skipped)."""
    out: list[tuple[str, str, str]] = []
    for start in range(0, len(rowids), 500):
        marks = ",".join(str(int(r)) for r in rowids[start : start + 500])
        sql = f"SELECT sector, city, business_name FROM prospects WHERE rowid IN ({marks})"
        out.extend((str(s), str(c), str(n)) for s, c, n in session.execute(text(sql)))
    return out


# -- timing -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Timing:
    query: Query
    ms: float
    total: int
    returned: int


def time_app(ws: Workspace, queries: Sequence[Query]) -> list[Timing]:
    out: list[Timing] = []
    for q in queries:
        flt = ProspectFilter(sector=q.sector, city=q.city, text=q.text)
        start = time.perf_counter()
        page = fetch_page(ws, flt, Sort(), limit=LIMIT, with_total=True)
        ms = (time.perf_counter() - start) * 1000
        out.append(Timing(q, ms, page.total or 0, len(page.rows)))
    return out


def build_baseline(ws_db: Path, db: Path) -> float:
    """Copy prospects into a plain, indexed table of a fresh SQLite file; returns seconds."""
    with Stopwatch() as sw:
        conn = sqlite_connect(db)
        try:
            conn.execute("ATTACH DATABASE ? AS ws", (str(ws_db),))
            conn.execute("CREATE TABLE prospects AS SELECT * FROM ws.prospects WHERE 0")
            with conn:
                conn.execute("INSERT INTO prospects SELECT * FROM ws.prospects")
            conn.execute("DETACH DATABASE ws")
            conn.execute("CREATE INDEX ix_sector_city ON prospects (sector, city)")
            conn.execute("CREATE INDEX ix_city ON prospects (city)")
            conn.execute("CREATE INDEX ix_name ON prospects (business_name)")
            conn.execute("ANALYZE")
        finally:
            conn.close()
    return sw.seconds


def _baseline_sql(q: Query) -> tuple[str, list[str]]:
    where = ["deleted_at IS NULL"]
    params: list[str] = []
    if q.sector:
        where.append("sector = ?")
        params.append(q.sector)
    if q.city:
        where.append("city = ?")
        params.append(q.city)
    for word in _WORD.findall(q.text or ""):
        where.append("(" + " OR ".join(f"{c} LIKE ?" for c in _LIKE_COLUMNS) + ")")
        params.extend([f"%{word}%"] * len(_LIKE_COLUMNS))
    return " AND ".join(where), params


def time_baseline(db: Path, queries: Sequence[Query]) -> list[Timing]:
    conn = sqlite3.connect(db)
    out: list[Timing] = []
    try:
        for q in queries:
            where, params = _baseline_sql(q)
            start = time.perf_counter()
            rows = conn.execute(
                f"SELECT * FROM prospects WHERE {where} ORDER BY business_name, id LIMIT {LIMIT}",
                params,
            ).fetchall()
            total = conn.execute(f"SELECT COUNT(*) FROM prospects WHERE {where}", params).fetchone()
            ms = (time.perf_counter() - start) * 1000
            out.append(Timing(q, ms, int(total[0]), len(rows)))
    finally:
        conn.close()
    return out


def _stats(timings: Sequence[Timing]) -> dict[str, float]:
    values = [t.ms for t in timings]
    return {
        "p50": percentile(values, 50),
        "p95": percentile(values, 95),
        "p99": percentile(values, 99),
        "max": max(values) if values else float("nan"),
    }


def _explain(ws: Workspace, q: Query, matches: int) -> list[str]:
    """The plans the service ran: the page's depends on the count (``matches``)."""
    flt = ProspectFilter(sector=q.sector, city=q.city, text=q.text)
    page = page_query(flt, Sort(), limit=LIMIT, matches=matches)
    lines: list[str] = []
    with ws.engine.connect() as conn:
        for label, stmt in (("page", page), ("count", count_query(flt))):
            compiled = stmt.compile(conn, compile_kwargs={"literal_binds": True})
            plan = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}").all()
            lines.append(f"    {label}: " + " | ".join(str(row[-1]) for row in plan))
    return lines


def main(argv: Sequence[str] | None = None) -> list[Metric]:
    parser = base_parser(__doc__ or "", DEFAULT_ROWS)
    parser.add_argument("--queries", type=int, default=200, help="measured queries (default 200)")
    parser.add_argument(
        "--fill",
        choices=("auto", "demo", "core"),
        default="auto",
        help="how to fill the workspace: generate_demo, Core bulk inserts, or auto "
        f"(generate_demo up to {AUTO_DEMO_MAX:,} prospects, Core above; default)",
    )
    args = parser.parse_args(argv)
    print(machine_summary())

    with tempfile.TemporaryDirectory(prefix="localpro-bench-search-") as tmp:
        root = Path(tmp)
        with quiet_logs():
            ws = fresh_workspace(root, "ws")
        try:
            how = populate(ws, args.rows, args.seed, args.fill)
        finally:
            ws.close()
        # Reopen: the measured searches start on a new engine, as after an app start.
        ws = Workspace.open(WorkspacePaths(root / "ws"), daily_backup=False)
        try:
            with ws.read() as session:
                stored = int(session.scalar(select(func.count()).select_from(Prospect)) or 0)
            print(f"workspace: {stored:,} prospects ({how})")

            queries = draw_queries(ws, args.queries + WARMUP, args.seed)
            warmup, measured = queries[:WARMUP], queries[WARMUP:]
            cold = time_app(ws, warmup[:1])[0]
            time_app(ws, warmup[1:])
            app = time_app(ws, measured)

            base_db = root / "baseline_search.sqlite"
            copy_s = build_baseline(ws.paths.database, base_db)
            print(f"baseline table built in {copy_s:.1f} s")
            time_baseline(base_db, warmup)
            base = time_baseline(base_db, measured)

            app_stats, base_stats = _stats(app), _stats(base)
            print(f"first (cold) query: {cold.ms:.1f} ms ({cold.query.describe()})")
            print(f"{'':22}{'n':>5}{'p50':>10}{'p95':>10}{'p99':>10}{'max':>10}   baseline p95")
            kinds = ("all", "sector+city+text", "sector+city", "text")
            for kind in kinds:
                a = [t for t in app if kind == "all" or t.query.kind == kind]
                b = [t for t in base if kind == "all" or t.query.kind == kind]
                if not a:
                    continue
                s, bs = _stats(a), _stats(b)
                print(
                    f"{kind:22}{len(a):>5}{s['p50']:>8.1f}ms{s['p95']:>8.1f}ms"
                    f"{s['p99']:>8.1f}ms{s['max']:>8.1f}ms   {bs['p95']:>8.1f}ms"
                )
            hits = sorted(t.total for t in app)
            print(f"matches per query: median {hits[len(hits) // 2]:,}, max {hits[-1]:,}")
            print("slowest app queries:")
            for t in sorted(app, key=lambda t: t.ms, reverse=True)[:3]:
                print(f"  {t.ms:7.1f} ms  {t.total:>7,} hits  {t.query.describe()}")
                for line in _explain(ws, t.query, t.total):
                    print(line)
        finally:
            ws.close()

    target = target_ms(args.rows)
    n = f"{args.rows:,}"
    metrics = [
        Metric(f"Search p95 ({n} prospects)", app_stats["p95"], "ms", target, base_stats["p95"]),
        Metric(f"Search p50 ({n} prospects)", app_stats["p50"], "ms", None, base_stats["p50"]),
        Metric(f"Search p99 ({n} prospects)", app_stats["p99"], "ms", None, base_stats["p99"]),
        Metric(f"Search max ({n} prospects)", app_stats["max"], "ms", None, base_stats["max"]),
    ]
    print_metrics("bench_search", metrics)
    write_json(args.json, "bench_search", vars(args), metrics)
    return metrics


if __name__ == "__main__":
    main()
