"""Run the fault campaigns one after the other and print the README's table.

``python -m faults.run_all`` runs every campaign with its full number of cases (about an
hour and a half on two CPUs); ``--only kill_points,secrets_scan`` picks some, ``--cases N``
overrides the number of cases of each. Each campaign runs in its own process (they kill
children, mount small filesystems and start servers) and writes its result as JSON.

Columns: the cases of this run, the failures found (those the campaign found while it was
written, since fixed, plus any this run found), how many of them are fixed, and this run's
time and machine load.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from tempfile import TemporaryDirectory

CAMPAIGNS = (
    ("kill_points", "Kill points (`kill -9` in import, demo, sync, dispatch)"),
    ("disk_full", "Disk full and I/O errors"),
    ("hostile_files", "Hostile import files"),
    ("api_fuzz", "API fuzzing (schemathesis + hostile bodies)"),
    ("sync_fuzz", "Sync fuzzing (three devices, cuts, kills, a wrong clock)"),
    ("load", "Load (200 devices; two instances on one PostgreSQL)"),
    ("secrets_scan", "Secrets in files, logs and outputs"),
)


def _row(title: str, result: dict[str, object]) -> str:
    fixed = result.get("fixed") or []
    failures = result.get("failures") or []
    assert isinstance(fixed, list) and isinstance(failures, list)
    found = len(fixed) + len(failures)
    seconds = float(str(result.get("seconds", 0)))
    return (
        f"| {title} | {result.get('cases')} | {found} | {len(fixed)} "
        f"| {len(failures)} | {seconds / 60:.1f} min, {result.get('load')} |"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", default="", help="comma-separated campaign names")
    parser.add_argument("--cases", type=int, default=None, help="cases of each campaign")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    chosen = {name for name in args.only.split(",") if name}
    rows = []
    status = 0
    with TemporaryDirectory(prefix="localpro-faults-") as tmp:
        for name, title in CAMPAIGNS:
            if chosen and name not in chosen:
                continue
            output = Path(tmp) / f"{name}.json"
            command = [sys.executable, "-m", f"faults.{name}", "--seed", str(args.seed)]
            if args.cases is not None:
                command += ["--cases", str(args.cases)]
            print(f"== {name}", flush=True)
            code = subprocess.call([*command, "--json", str(output)])
            status = status or code
            if output.exists():
                rows.append(_row(title, json.loads(output.read_text(encoding="utf-8"))))
            else:
                rows.append(f"| {title} | – | – | – | did not finish (exit {code}) | – |")
    print()
    print("| Campaign | Cases | Failures found | Fixed | Failures this run | Time, machine |")
    print("|---|---:|---:|---:|---:|---|")
    print("\n".join(rows))
    return status


if __name__ == "__main__":
    raise SystemExit(main())
