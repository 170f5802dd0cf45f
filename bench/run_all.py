"""Run every LocalPro benchmark at its default size and print one Markdown table.

Each script runs in its own Python process (the importer starts worker processes, and
caches warmed by one benchmark must not flatter the next), writes its headline metrics
with ``--json``, and its full output streams to the terminal as it goes. The table at the
end (metric | measured | target | baseline | ratio) is meant for the main README.

    .venv/bin/python bench/run_all.py                  # defaults: 100,000 rows everywhere
    .venv/bin/python bench/run_all.py --with-1m        # also search over 1,000,000 prospects
    .venv/bin/python bench/run_all.py --rows 10000     # quick smoke run
    .venv/bin/python bench/run_all.py --only import,export --markdown results.md
    .venv/bin/python bench/run_all.py --only queue,dispatch   # the outbox (10,000 messages)
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from _common import Metric, format_ratio, format_target, format_value, machine_summary

HERE = Path(__file__).resolve().parent
BENCHES: dict[str, str] = {
    "import": "bench_import.py",
    "search": "bench_search.py",
    "export": "bench_export.py",
    "demo": "bench_demo.py",
    "sync": "bench_sync.py",
    "ui": "bench_ui.py",
    "queue": "bench_queue.py",
    "dispatch": "bench_dispatch.py",
    "discovery": "bench_discovery.py",
}


def run_one(script: str, extra: Sequence[str], json_path: Path) -> tuple[list[Metric], float, int]:
    """Run one benchmark script; returns its metrics, wall time and exit code."""
    command = [sys.executable, str(HERE / script), "--json", str(json_path), *extra]
    print(f"\n$ {' '.join(command[1:])}", flush=True)
    start = time.perf_counter()
    code = subprocess.run(command, check=False).returncode
    seconds = time.perf_counter() - start
    if code != 0 or not json_path.exists():
        return [], seconds, code or 1
    data = json.loads(json_path.read_text(encoding="utf-8"))
    fields = ("name", "value", "unit", "target", "baseline", "higher_is_better", "note")
    metrics = [Metric(**{k: m[k] for k in fields}) for m in data["metrics"]]
    return metrics, seconds, 0


def markdown_table(metrics: Sequence[Metric]) -> str:
    lines = [
        "| Metric | Measured | Target | Baseline | Ratio |",
        "|---|---:|---|---:|---:|",
    ]
    for m in metrics:
        target = format_target(m)
        if m.meets_target is not None:
            target += " ✅" if m.meets_target else " ❌"
        lines.append(
            f"| {m.name} | {format_value(m.value, m.unit)} | {target} | "
            f"{format_value(m.baseline, m.unit)} | {format_ratio(m)} |"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=None, help="override every script's size")
    parser.add_argument("--seed", type=int, default=None, help="override every script's seed")
    parser.add_argument(
        "--only", default=",".join(BENCHES), help=f"comma-separated subset of {', '.join(BENCHES)}"
    )
    parser.add_argument(
        "--with-1m", action="store_true", help="also run bench_search.py --rows 1000000"
    )
    parser.add_argument("--markdown", type=Path, default=None, help="also write the table here")
    args = parser.parse_args(argv)

    wanted = [name.strip() for name in args.only.split(",") if name.strip()]
    unknown = [name for name in wanted if name not in BENCHES]
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(unknown)}; choose from {list(BENCHES)}")
    common: list[str] = []
    if args.rows is not None:
        common += ["--rows", str(args.rows)]
    if args.seed is not None:
        common += ["--seed", str(args.seed)]
    runs: list[tuple[str, list[str]]] = [(name, common) for name in wanted]
    if args.with_1m:
        seed = ["--seed", str(args.seed)] if args.seed is not None else []
        runs.insert(
            wanted.index("search") + 1 if "search" in wanted else len(runs),
            ("search", ["--rows", "1000000", *seed]),
        )

    started = datetime.now()
    summary = machine_summary()
    all_metrics: list[Metric] = []
    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="localpro-bench-all-") as tmp:
        for index, (name, extra) in enumerate(runs):
            metrics, seconds, code = run_one(BENCHES[name], extra, Path(tmp) / f"{index}.json")
            print(f"[{name}: {seconds:.0f} s{'' if code == 0 else f', exit code {code}'}]")
            if code:
                failures.append(name)
            all_metrics.extend(metrics)

    table = markdown_table(all_metrics)
    footer = f"_{summary}; run on {started:%Y-%m-%d %H:%M}._"
    print("\n" + table + "\n\n" + footer)
    if args.markdown:
        args.markdown.write_text(table + "\n\n" + footer + "\n", encoding="utf-8")
    if failures:
        print(f"\nFAILED: {', '.join(failures)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
