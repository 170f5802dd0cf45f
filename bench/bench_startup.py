"""Start-up of the desktop app to the window shown: from source and from the built bundle.

    .venv/bin/python bench/bench_startup.py                 # median of 3, source and bundle
    .venv/bin/python bench/bench_startup.py --drop-caches   # truly cold: page cache dropped
    .venv/bin/python bench/bench_startup.py --runs 5 --rows 2000 --bundle dist/LocalPro/LocalPro

Each run is a new process started on the same demo workspace (``--rows`` prospects, made
once in a temporary folder) with ``LOCALPRO_STARTUP_PROBE=quit``: the app prints the wall
clock at its window's first paint and closes. The time reported is that instant minus the
instant just before the process was spawned, so it includes the interpreter (or the
bundle's bootloader), imports, opening and migrating the workspace, building the window
and its first tab, and the first paint. Peak memory is the process's peak resident set
(the child's ``ru_maxrss`` on Linux/macOS, the peak working set on Windows).

Without ``--drop-caches`` the first run warms the disk cache and is not counted ("warm
start": every run still starts a fresh process); with it (root on Linux only) the page
cache is dropped before every run, the "cold start" a laptop sees after a reboot. Build the
bundle first with ``python build_scripts/build.py``; without one only the source is timed.
Target (issue #5): bundle start ≤ 3 s on this machine.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import Metric, base_parser, machine_summary, print_metrics, quiet_logs, write_json

from localpro_desktop.paths import WorkspacePaths
from localpro_desktop.services.demo import generate_demo
from localpro_desktop.services.workspace import Workspace

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BUNDLE = ROOT / "dist" / "LocalPro" / ("LocalPro.exe" if os.name == "nt" else "LocalPro")
PROBE_PREFIX = "startup-probe:"
TARGET_SECONDS = 3.0
RUN_TIMEOUT = 180


def drop_page_cache() -> bool:
    """Linux, as root: write back and drop the page cache (True when it worked)."""
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
    except OSError:
        return False
    return True


def start_once(command: list[str], data_dir: Path) -> tuple[float, float | None]:
    """Seconds from spawn to the window's first paint, and peak RSS in MB."""
    env = dict(os.environ, LOCALPRO_STARTUP_PROBE="quit")
    if os.name != "nt" and not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    spawned = time.time()
    process = subprocess.Popen(
        [*command, "--data-dir", str(data_dir)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    shown: float | None = None
    probe_rss: float | None = None
    deadline = time.monotonic() + RUN_TIMEOUT
    for line in process.stdout:
        if line.startswith(PROBE_PREFIX):
            fields = dict(part.split("=", 1) for part in line.split()[1:])
            shown = float(fields["window_shown_unix"])
            probe_rss = float(fields["peak_rss_mb"]) if "peak_rss_mb" in fields else None
        if time.monotonic() > deadline:
            process.kill()
            break
    rss = probe_rss
    if hasattr(os, "wait4"):
        _pid, _status, usage = os.wait4(process.pid, 0)
        process.returncode = _status
        rss = usage.ru_maxrss / (1e6 if sys.platform == "darwin" else 1e3)
    else:
        process.wait(RUN_TIMEOUT)
    if shown is None:
        raise RuntimeError(f"{command[0]} never reported its window (no {PROBE_PREFIX} line)")
    return shown - spawned, rss


def measure(
    label: str, command: list[str], data_dir: Path, runs: int, cold: bool
) -> tuple[list[float], list[float]]:
    if not cold:
        start_once(command, data_dir)  # warm-up: disk cache, .pyc files
    times: list[float] = []
    peaks: list[float] = []
    for index in range(runs):
        if cold and not drop_page_cache():
            raise SystemExit("--drop-caches needs root on Linux (/proc/sys/vm/drop_caches)")
        seconds, rss = start_once(command, data_dir)
        times.append(seconds)
        if rss is not None:
            peaks.append(rss)
        rss_text = f", peak {rss:.0f} MB" if rss is not None else ""
        print(f"  {label} run {index + 1}: {seconds:.2f} s{rss_text}", flush=True)
    return times, peaks


def main() -> int:
    parser = base_parser(__doc__ or "", default_rows=2000)
    parser.add_argument("--runs", type=int, default=3, help="timed runs per variant (default 3)")
    parser.add_argument("--bundle", type=Path, default=DEFAULT_BUNDLE, help="bundle executable")
    parser.add_argument("--no-source", action="store_true", help="time the bundle only")
    parser.add_argument(
        "--drop-caches", action="store_true", help="drop the page cache before each run"
    )
    args = parser.parse_args()
    print(machine_summary(), flush=True)

    variants: list[tuple[str, list[str]]] = []
    if not args.no_source:
        variants.append(("source", [sys.executable, "-m", "localpro_desktop"]))
    if args.bundle.is_file():
        variants.append(("bundle", [str(args.bundle)]))
    else:
        print(f"no bundle at {args.bundle}: build it with build_scripts/build.py", flush=True)
    if not variants:
        return 1

    kind = "cold" if args.drop_caches else "warm"
    metrics: list[Metric] = []
    with tempfile.TemporaryDirectory(prefix="localpro-bench-startup-") as tmp:
        data_dir = Path(tmp) / "workspace"
        with quiet_logs():
            ws = Workspace.open(WorkspacePaths(data_dir), daily_backup=False)
            generate_demo(ws, size=args.rows, seed=args.seed)
            ws.close()
        print(f"demo workspace: {args.rows:,} prospects", flush=True)
        for label, command in variants:
            times, peaks = measure(label, command, data_dir, args.runs, args.drop_caches)
            note = f"median of {len(times)}, {kind} start, {args.rows:,} prospects"
            target = TARGET_SECONDS if label == "bundle" else None
            metrics.append(
                Metric(
                    f"{label}: start to window shown",
                    statistics.median(times),
                    "s",
                    target=target,
                    note=note,
                )
            )
            if peaks:
                metrics.append(
                    Metric(
                        f"{label}: peak memory at window shown",
                        max(peaks),
                        "MB",
                        note="largest of the runs, main process",
                    )
                )
    print_metrics(f"Start-up ({kind})", metrics)
    write_json(args.json, "bench_startup.py", vars(args), metrics)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
