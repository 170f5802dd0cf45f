"""The desktop UI on a big workspace: start-up, first prospect rows, CRM board, map, memory.

    .venv/bin/python bench/bench_ui.py                            # 100,000 prospects, 3 runs
    .venv/bin/python bench/bench_ui.py --rows 5000 --runs 1       # quick check
    .venv/bin/python bench/bench_ui.py --data-dir /tmp/ws-100k    # keep the workspace, reuse it

Issue: "On a 100,000-prospect / 10,000-contact demo workspace: cold start to the window
shown (target ≤ 2.5 s; create QtWebEngine only when the map is first opened); the
prospects tab showing its first rows (≤ 300 ms); the CRM board shown (≤ 500 ms); the map
loaded with 50,000 markers (≤ 3 s); the process's peak memory (≤ 400 MB)."

The demo workspace (``generate_demo(ws, size=--rows)``) is made once, in a temporary folder
deleted at the end, or in ``--data-dir`` where it is kept and reused by later runs (making
100,000 prospects takes a minute or more). Every measurement runs in a fresh process, so
imports, SQLite caches and memory are those of a real start. Processes are started through a
tiny forking launcher (``SPAWNER``): on Linux a process started straight from this one would
inherit this one's peak memory as its own ``ru_maxrss``.

* **Start to window shown**: ``python -m localpro_desktop --data-dir …`` with
  ``LOCALPRO_STARTUP_PROBE=quit``, the probe ``bench_startup.py`` uses (one warm-up run
  that is not counted, then the median of ``--runs``; the disk cache is warm, use
  ``bench_startup.py --drop-caches`` for a start after a reboot). Baseline: the same probe in a bare
  PySide6 window (QApplication + an empty 1366×768 QMainWindow), the floor any Qt app pays.
* **Tabs** (``--runs`` child processes of this script, ``--child tabs``, after one warm-up):
  the child builds the window as ``run_app`` does (``ensure_app``, ``open_workspace_for_ui``,
  ``build_context``, ``MainWindow``), then
  - *prospects*: from ``window.show()`` (which builds the first tab) to the first page in
    the table model (``is_ready()``), and to the table's first paint with those rows;
  - *CRM*: from ``show_tab("crm")`` to ``is_ready()`` (all six columns filled, counts
    shown), and to the first paint of a column;
  - *map*: from ``show_tab("map")`` (which creates QtWebEngine) to ``is_ready()``: the page
    has drawn the basemap and clustered every marker of both layers. The marker count is
    the page's own. The page's timings (data fetched, markers made, clustered) are printed.
  Waiting is a ``QEventLoop`` woken by the tab's own signals and a 5 ms timer (no sleeps,
  no busy loop stealing a core from the database worker or the renderer). Map tiles point
  at a closed port on 127.0.0.1 in a throw-away QSettings: no network is used, the page
  falls back to its country outlines as it does offline.
  Baselines, in the same child right after the UI, each on a fresh plain ``sqlite3``
  connection: the same 200 first prospects by name plus the live count; the contacts
  counted by status plus the first 50 cards of each status with their last activity; all
  located prospects and contacts (latitude, longitude, id, status).
* **Memory**: the child's peak resident set (``VmHWM``, else ``ru_maxrss``) after the map,
  the target's "process"; it also hosts QtWebEngine's browser side. QtWebEngine renders in
  separate processes (``QtWebEngineProcess``); their peak resident sets (``VmHWM`` from
  ``/proc``, Linux only) are added up and reported apart — shared libraries count once per
  process there, so the sum overstates. The child also
  checks that no QtWebEngine process exists before the map is opened.

The medians of the runs are reported; memory is the largest of the runs.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from _common import (
    Metric,
    base_parser,
    machine_summary,
    print_markdown_table,
    print_metrics,
    quiet_logs,
    write_json,
)

DEFAULT_ROWS = 100_000
CHILD_PREFIX = "bench-ui:"
PROBE_PREFIX = "startup-probe:"
START_TARGET_S = 2.5
PROSPECTS_TARGET_MS = 300.0
CRM_TARGET_MS = 500.0
MAP_TARGET_S = 3.0
MEMORY_TARGET_MB = 400.0
MAP_MARKERS_ASKED = 50_000
CHILD_TIMEOUT = 900
TILE_URL = "http://127.0.0.1:9/{z}/{x}/{y}.png"  # discard port: refused at once, no network
WEBENGINE_NAME = "QtWebEngineProc"  # /proc/<pid>/comm is cut at 15 characters


# -- the workspace -------------------------------------------------------------------------


def workspace_counts(database: Path) -> dict[str, int]:
    """Live prospects and contacts, and how many of each have coordinates."""
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as conn:

        def one(sql: str) -> int:
            return int(conn.execute(sql).fetchone()[0])

        located = "latitude IS NOT NULL AND longitude IS NOT NULL"
        return {
            "prospects": one("SELECT COUNT(*) FROM prospects WHERE deleted_at IS NULL"),
            "contacts": one("SELECT COUNT(*) FROM contacts WHERE deleted_at IS NULL"),
            "prospects_located": one(
                f"SELECT COUNT(*) FROM prospects WHERE deleted_at IS NULL AND {located}"
            ),
            "contacts_located": one(
                f"SELECT COUNT(*) FROM contacts WHERE deleted_at IS NULL AND {located}"
            ),
        }


def prepare_workspace(data_dir: Path, rows: int, seed: int) -> None:
    """``generate_demo`` into ``data_dir`` unless it already holds a workspace with data."""
    from localpro_desktop.paths import WorkspacePaths
    from localpro_desktop.services.demo import generate_demo
    from localpro_desktop.services.workspace import Workspace

    paths = WorkspacePaths(data_dir)
    if paths.database.exists() and workspace_counts(paths.database)["prospects"]:
        print(f"reusing the workspace in {data_dir}", flush=True)
        return
    print(f"generate_demo(size={rows:,}) into {data_dir} …", flush=True)
    started = time.perf_counter()
    with quiet_logs():
        ws = Workspace.open(paths, daily_backup=False)
        try:
            generate_demo(ws, size=rows, seed=seed)
        finally:
            ws.close()
    print(f"  done in {time.perf_counter() - started:.0f} s", flush=True)


# -- memory of this process's QtWebEngine helpers (Linux /proc) -----------------------------


def _proc_status(pid: int) -> dict[str, str]:
    fields: dict[str, str] = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        fields[key] = value.strip()
    return fields


def descendants(root: int) -> list[int]:
    """Every live process below ``root`` (empty where /proc is missing)."""
    children: dict[int, list[int]] = {}
    proc = Path("/proc")
    if not proc.is_dir():
        return []
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # "pid (comm) state ppid …": comm may hold spaces and parentheses.
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    found: list[int] = []
    todo = [root]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def webengine_processes() -> list[dict[str, Any]]:
    """Peak and current RSS, and PSS (MB), of each QtWebEngine process below us.

    Their kind is not told: renderers forked from the zygote keep its command line.
    """
    found: list[dict[str, Any]] = []
    for pid in descendants(os.getpid()):
        try:
            status = _proc_status(pid)
            if not status.get("Name", "").startswith(WEBENGINE_NAME):
                continue
            pss = None
            rollup = Path(f"/proc/{pid}/smaps_rollup")
            if rollup.exists():
                for line in rollup.read_text().splitlines():
                    if line.startswith("Pss:"):
                        pss = int(line.split()[1]) / 1e3
            found.append(
                {
                    "pid": pid,
                    "peak_mb": int(status.get("VmHWM", "0 kB").split()[0]) / 1e3,
                    "rss_mb": int(status.get("VmRSS", "0 kB").split()[0]) / 1e3,
                    "pss_mb": pss,
                }
            )
        except (OSError, ValueError, IndexError):
            continue  # gone meanwhile
    return found


def peak_rss_mb() -> float:
    """This process's peak resident set: ``VmHWM`` on Linux, else ``ru_maxrss``.

    ``ru_maxrss`` alone is not enough on Linux: a process started from a big one inherits
    the parent's peak at ``exec`` (see ``SPAWNER``); ``VmHWM`` belongs to the new memory map.
    """
    try:
        return int(_proc_status(os.getpid())["VmHWM"].split()[0]) / 1e3
    except (OSError, KeyError, ValueError):
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak / 1e6 if sys.platform == "darwin" else peak / 1e3


# -- child: the tab tour --------------------------------------------------------------------


def child_tabs(data_dir: Path, timeout: float) -> dict[str, Any]:
    """Open the real window on ``data_dir`` and time the three tabs; returns the figures."""
    from PySide6.QtCore import QEvent, QEventLoop, QObject, QSettings, QTimer
    from PySide6.QtWidgets import QWidget

    from localpro_desktop.paths import WorkspacePaths
    from localpro_desktop.ui.app import build_context, ensure_app, open_workspace_for_ui

    settings_dir = tempfile.TemporaryDirectory(prefix="localpro-bench-ui-settings-")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir.name)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.SystemScope, settings_dir.name)
    app = ensure_app()
    from localpro_desktop.ui.main_window import MainWindow
    from localpro_desktop.ui.map.tile_dialog import TileSettings, save_tile_settings

    save_tile_settings(QSettings(), TileSettings(TILE_URL, ""))

    class PaintClock(QObject):
        """Times of the Paint events a widget receives."""

        def __init__(self, widgets: Sequence[QWidget]) -> None:
            super().__init__()
            self.times: list[float] = []
            for widget in widgets:
                widget.installEventFilter(self)

        def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.times.append(time.perf_counter())
            return False

        def first_after(self, moment: float) -> float | None:
            return next((t for t in self.times if t >= moment), None)

    def wait_for(condition: Callable[[], bool], seconds: float, *signals: Any) -> float | None:
        """perf_counter() when ``condition`` first holds, or None after ``seconds``."""
        if condition():
            return time.perf_counter()
        loop = QEventLoop()
        met: list[float] = []

        def check(*_args: object) -> None:
            if not met and condition():
                met.append(time.perf_counter())
                loop.quit()

        poll = QTimer()
        poll.setInterval(5)
        poll.timeout.connect(check)
        poll.start()
        QTimer.singleShot(int(seconds * 1000), loop.quit)
        for wake in signals:
            wake.connect(check)
        loop.exec()
        poll.stop()
        for wake in signals:
            wake.disconnect(check)
        return met[0] if met else None

    def painted(clock: PaintClock, after: float) -> float | None:
        """When the widgets were first painted from ``after`` on (None: not within 5 s)."""
        wait_for(lambda: clock.first_after(after) is not None, 5.0)
        return clock.first_after(after)

    result: dict[str, Any] = {}
    paths = WorkspacePaths(data_dir)
    ws = open_workspace_for_ui(paths)
    try:
        ctx = build_context(ws, paths)
        window = MainWindow(ctx)

        # -- prospects: the first tab, built by the window's first show -------------------
        start = time.perf_counter()
        window.show()
        shown_call = time.perf_counter()
        prospects: Any = window.tab("prospects")
        clock = PaintClock([prospects.table.viewport()])
        ready = wait_for(
            lambda: prospects.is_ready() and prospects.model.rowCount() > 0,
            timeout,
            prospects.model.sig_loaded,
        )
        if ready is None:
            raise RuntimeError(f"the prospects tab had no rows after {timeout:.0f} s")
        shown = painted(clock, ready)
        result["prospects"] = {
            "show_call_ms": (shown_call - start) * 1000,
            "rows_ms": (ready - start) * 1000,
            "painted_ms": (shown - start) * 1000 if shown else None,
            "rows": prospects.model.rowCount(),
            "total": prospects.model.total,
        }

        stages = {"prospects": peak_rss_mb()}

        # -- CRM board ------------------------------------------------------------------
        start = time.perf_counter()
        crm: Any = window.show_tab("crm")
        clock = PaintClock([column.view.viewport() for column in crm.columns.values()])
        ready = wait_for(crm.is_ready, timeout, crm.sig_board_loaded)
        if ready is None:
            raise RuntimeError(f"the CRM board was not shown after {timeout:.0f} s")
        shown = painted(clock, ready)
        result["crm"] = {
            "board_ms": (ready - start) * 1000,
            "painted_ms": (shown - start) * 1000 if shown else None,
            "cards": sum(model.rowCount() for model in crm.models.values()),
            "contacts": sum(crm._counts.per_status.values()) if crm._counts else None,
            "built_to_board_ms": crm.first_display_ms,
        }

        stages["crm"] = peak_rss_mb()

        # -- map: QtWebEngine must not exist before this point ----------------------------
        result["webengine_before_map"] = {
            "processes": len(webengine_processes()),
            "widgets_module": "PySide6.QtWebEngineWidgets" in sys.modules,
        }
        start = time.perf_counter()
        map_tab: Any = window.show_tab("map")
        created = time.perf_counter()
        ready = wait_for(map_tab.is_ready, timeout, map_tab.bridge.sig_ready)
        if ready is None:
            raise RuntimeError(f"the map was not ready after {timeout:.0f} s")
        stats: list[Any] = []
        map_tab.page.runJavaScript("JSON.stringify(LocalProMap.stats())", 0, stats.append)
        wait_for(lambda: bool(stats), 10.0)
        page = json.loads(stats[0]) if stats and stats[0] else {}
        result["map"] = {
            "loaded_s": ready - start,
            "created_ms": (created - start) * 1000,
            "markers": map_tab.marker_count(),
            "prospects": map_tab.layer_count("prospects"),
            "contacts": map_tab.layer_count("contacts"),
            "page_timings_ms": page.get("timings", {}),
            "page_errors": page.get("errors", []) + list(map_tab.page_errors()),
        }
        stages["map"] = peak_rss_mb()
        result["memory"] = {
            "peak_mb": stages["map"],
            "peak_after_mb": stages,
            "webengine": webengine_processes(),
        }
        result["baselines"] = sql_baselines(paths.database)

        ctx.runner.wait(30_000)
        window.close()
        window.deleteLater()
        app.processEvents()
    finally:
        ws.close()
        settings_dir.cleanup()
    return result


# -- baselines: plain sqlite3 on the same data ------------------------------------------------


def _timed(run: Callable[[sqlite3.Connection], int], database: Path) -> tuple[float, int]:
    """Seconds for ``run`` on a fresh plain connection, and the rows it read."""
    start = time.perf_counter()
    conn = sqlite3.connect(database)
    try:
        rows = run(conn)
    finally:
        conn.close()
    return time.perf_counter() - start, rows


def _first_prospects(conn: sqlite3.Connection) -> int:
    conn.execute("SELECT COUNT(*) FROM prospects WHERE deleted_at IS NULL").fetchone()
    return len(
        conn.execute(
            "SELECT id, business_name, sector, city, phone, phone_e164, whatsapp,"
            " whatsapp_e164, source, contact_id FROM prospects WHERE deleted_at IS NULL"
            " ORDER BY business_name, id LIMIT 200"
        ).fetchall()
    )


def _board(conn: sqlite3.Connection) -> int:
    counts = dict(
        conn.execute(
            "SELECT status, COUNT(*) FROM contacts WHERE deleted_at IS NULL GROUP BY status"
        ).fetchall()
    )
    cards = 0
    for status in counts:
        cards += len(
            conn.execute(
                "SELECT c.id, c.status, c.first_name, c.last_name, c.company, c.city, c.phone,"
                " c.phone_e164, c.whatsapp, c.whatsapp_e164, c.email, c.email_normalized,"
                " c.opt_out_whatsapp, c.opt_out_email, c.opt_out_sms, c.updated_at,"
                " (SELECT MAX(a.occurred_at) FROM activities a"
                "   WHERE a.contact_id = c.id AND a.deleted_at IS NULL)"
                " FROM contacts c WHERE c.status = ? AND c.deleted_at IS NULL"
                " ORDER BY c.updated_at DESC, c.id LIMIT 50",
                (status,),
            ).fetchall()
        )
    return cards


def _located(conn: sqlite3.Connection) -> int:
    located = "deleted_at IS NULL AND latitude IS NOT NULL AND longitude IS NOT NULL"
    prospects = conn.execute(
        f"SELECT latitude, longitude, id FROM prospects WHERE {located}"
    ).fetchall()
    contacts = conn.execute(
        f"SELECT latitude, longitude, id, status FROM contacts WHERE {located}"
    ).fetchall()
    return len(prospects) + len(contacts)


def sql_baselines(database: Path) -> dict[str, dict[str, float]]:
    found: dict[str, dict[str, float]] = {}
    for name, run in (("prospects", _first_prospects), ("crm", _board), ("map", _located)):
        seconds, rows = _timed(run, database)
        found[name] = {"seconds": seconds, "rows": rows}
    return found


# -- the bare-window baseline for start-up (no LocalPro import: the floor of any Qt app) ------

BARE_WINDOW = f"""
import resource, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1366, 768)

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if watched is window and event.type() == QEvent.Type.Paint:
            window.removeEventFilter(self)
            QTimer.singleShot(0, self.report)
        return False

    def report(self):
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3
        print(f"{PROBE_PREFIX} window_shown_unix={{time.time():.3f}} peak_rss_mb={{peak:.0f}}")
        sys.stdout.flush()
        window.close()
        app.quit()

probe = FirstPaint()
window.installEventFilter(probe)
window.show()
app.exec()
"""


# -- parent -----------------------------------------------------------------------------------


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    if os.name != "nt" and not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    return env


# Linux keeps a process's peak RSS (``ru_maxrss``) across ``exec``: a child started straight
# from this script (which may have just made 100,000 prospects) would report our peak as its
# own, and so would the app's start-up probe. A tiny Python process forks and execs each
# command instead: a forked child starts a fresh count. It prints the wall clock just before
# the fork, so its own start is not timed.
SPAWNER = """
import os, sys, time
print(f"spawned_unix={time.time():.6f}", flush=True)
pid = os.fork()
if pid == 0:
    os.execv(sys.argv[1], sys.argv[1:])
_pid, status, _usage = os.wait4(pid, 0)
sys.exit(os.waitstatus_to_exitcode(status))
"""
SPAWNED_PREFIX = "spawned_unix="


def spawn(command: Sequence[str], env: dict[str, str]) -> subprocess.Popen[str]:
    """Start ``command`` through ``SPAWNER`` (directly where there is no fork)."""
    launcher = [sys.executable, "-c", SPAWNER] if hasattr(os, "fork") else []
    return subprocess.Popen(
        [*launcher, *command],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def finish(process: subprocess.Popen[str]) -> tuple[str, str]:
    """Wait for ``process`` (its whole session is killed after ``CHILD_TIMEOUT``)."""
    try:
        return process.communicate(timeout=CHILD_TIMEOUT)
    except subprocess.TimeoutExpired:
        if hasattr(os, "killpg"):
            os.killpg(process.pid, signal.SIGKILL)  # the spawner's session: ours only
        else:
            process.kill()
        return process.communicate()


def start_once(command: Sequence[str], data_dir: Path) -> tuple[float, float | None]:
    """Seconds from spawn to the window's first paint (``LOCALPRO_STARTUP_PROBE=quit``, as
    in ``bench_startup.py``), and the peak RSS in MB the probe reports."""
    env = dict(child_env(), LOCALPRO_STARTUP_PROBE="quit")
    spawned = time.time()
    process = spawn([*command, "--data-dir", str(data_dir)], env)
    stdout, stderr = finish(process)
    shown: float | None = None
    rss: float | None = None
    for line in stdout.splitlines():
        if line.startswith(SPAWNED_PREFIX):
            spawned = float(line[len(SPAWNED_PREFIX) :])
        elif line.startswith(PROBE_PREFIX):
            fields = dict(part.split("=", 1) for part in line.split()[1:])
            shown = float(fields["window_shown_unix"])
            rss = float(fields["peak_rss_mb"]) if "peak_rss_mb" in fields else None
    if shown is None:
        tail = "\n".join(stderr.splitlines()[-15:])
        raise RuntimeError(f"{command[-1]} never reported its window:\n{tail}")
    return shown - spawned, rss


def run_tabs_child(data_dir: Path, timeout: float) -> dict[str, Any]:
    command = [sys.executable, __file__, "--child", "tabs", "--data-dir", str(data_dir)]
    process = spawn([*command, "--timeout", str(timeout)], child_env())
    stdout, stderr = finish(process)
    for line in stdout.splitlines():
        if line.startswith(CHILD_PREFIX):
            return json.loads(line[len(CHILD_PREFIX) :])
    tail = "\n".join(stderr.splitlines()[-25:])
    raise RuntimeError(f"the tab child failed (exit code {process.returncode}):\n{tail}")


def describe_run(label: str, run: dict[str, Any]) -> str:
    p, c, m, mem = run["prospects"], run["crm"], run["map"], run["memory"]
    web = sum(proc["peak_mb"] for proc in mem["webengine"])
    stages = mem["peak_after_mb"]

    def ms(value: float | None) -> str:
        return "–" if value is None else f"{value:.0f} ms"

    return (
        f"  {label}: prospects rows {ms(p['rows_ms'])} (show() {ms(p['show_call_ms'])}, "
        f"painted {ms(p['painted_ms'])}), "
        f"CRM board {ms(c['board_ms'])} (painted {ms(c['painted_ms'])}), "
        f"map {m['loaded_s']:.2f} s for {m['markers']:,} markers, "
        f"peak {mem['peak_mb']:.0f} MB (after prospects {stages['prospects']:.0f}, "
        f"CRM {stages['crm']:.0f}) + QtWebEngine {web:.0f} MB"
    )


def median(values: Sequence[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return statistics.median(present) if present else None


def measure(args: Any, data_dir: Path) -> list[Metric]:
    counts = workspace_counts(data_dir / "localpro.sqlite")
    print(
        f"workspace: {counts['prospects']:,} prospects ({counts['prospects_located']:,} located),"
        f" {counts['contacts']:,} contacts ({counts['contacts_located']:,} located)",
        flush=True,
    )
    runs = max(1, args.runs)

    # Start-up: the app, then the bare window, each with one warm-up run first.
    app_cmd = [sys.executable, "-m", "localpro_desktop"]
    bare_cmd = [sys.executable, "-c", BARE_WINDOW]
    startup: dict[str, tuple[list[float], list[float]]] = {}
    for label, command in (("app", app_cmd), ("bare window", bare_cmd)):
        times: list[float] = []
        peaks: list[float] = []
        for index in range(runs + 1):
            seconds, rss = start_once(command, data_dir)
            rss_text = f", peak {rss:.0f} MB" if rss is not None else ""
            tag = "warm-up (not counted)" if index == 0 else f"run {index}"
            print(f"  start, {label}, {tag}: {seconds:.2f} s{rss_text}", flush=True)
            if index:
                times.append(seconds)
                if rss is not None:
                    peaks.append(rss)
        startup[label] = (times, peaks)

    tab_runs: list[dict[str, Any]] = []
    for index in range(runs + 1):
        run = run_tabs_child(data_dir, args.timeout)
        tag = "warm-up (not counted)" if index == 0 else f"run {index}"
        print(describe_run(f"tabs, {tag}", run), flush=True)
        if index:
            tab_runs.append(run)

    last = tab_runs[-1]
    before = last["webengine_before_map"]
    lazy = "yes" if not before["processes"] and not before["widgets_module"] else "NO"
    print(
        f"  QtWebEngine created only when the map opens: {lazy} (before the map: "
        f"{before['processes']} QtWebEngine processes, QtWebEngineWidgets imported: "
        f"{before['widgets_module']})",
        flush=True,
    )
    timings = last["map"]["page_timings_ms"]
    if timings:
        shown = ", ".join(f"{k} {v:.0f}" for k, v in sorted(timings.items(), key=lambda i: i[1]))
        print(f"  map page timings (ms since navigation start, last run): {shown}", flush=True)
    if last["map"]["page_errors"]:
        print(f"  map page errors: {last['map']['page_errors']}", flush=True)
    procs = last["memory"]["webengine"]
    if procs:
        listed = ", ".join(
            f"{p['peak_mb']:.0f} MB peak"
            + (f" / {p['pss_mb']:.0f} MB PSS" if p["pss_mb"] is not None else "")
            for p in procs
        )
        print(f"  QtWebEngine processes after the map (last run): {listed}", flush=True)

    def med(path: Callable[[dict[str, Any]], float | None]) -> float:
        value = median([path(r) for r in tab_runs])
        return float("nan") if value is None else value

    app_times, app_peaks = startup["app"]
    bare_times, bare_peaks = startup["bare window"]
    size = f"{counts['prospects']:,} prospects"
    note_runs = f"median of {runs}"
    markers = int(med(lambda r: r["map"]["markers"]))
    located = counts["prospects_located"] + counts["contacts_located"]
    web_peaks = [sum(p["peak_mb"] for p in r["memory"]["webengine"]) for r in tab_runs]
    app_peak = max(r["memory"]["peak_mb"] for r in tab_runs)
    metrics = [
        Metric(
            f"Start to window shown ({size})",
            statistics.median(app_times),
            "s",
            target=START_TARGET_S,
            baseline=statistics.median(bare_times),
            note=f"{note_runs}, warm disk cache; baseline: bare PySide6 window",
        ),
        Metric(
            "Peak memory at window shown",
            max(app_peaks) if app_peaks else float("nan"),
            "MB",
            baseline=max(bare_peaks) if bare_peaks else None,
            note="largest of the runs; baseline: bare PySide6 window",
        ),
        Metric(
            "Prospects tab: first rows in the model",
            med(lambda r: r["prospects"]["rows_ms"]),
            "ms",
            target=PROSPECTS_TARGET_MS,
            baseline=med(lambda r: r["baselines"]["prospects"]["seconds"] * 1000),
            note=f"{note_runs}, from window.show(), of which the show() call (tab import and "
            f"build) {med(lambda r: r['prospects']['show_call_ms']):.0f} ms; "
            "baseline: sqlite3 count + first 200 by name",
        ),
        Metric(
            "Prospects tab: first rows painted",
            med(lambda r: r["prospects"]["painted_ms"]),
            "ms",
            target=PROSPECTS_TARGET_MS,
            note=note_runs,
        ),
        Metric(
            "CRM board shown",
            med(lambda r: r["crm"]["board_ms"]),
            "ms",
            target=CRM_TARGET_MS,
            baseline=med(lambda r: r["baselines"]["crm"]["seconds"] * 1000),
            note=f"{note_runs}, from show_tab('crm') to 6 columns filled; "
            "baseline: sqlite3 counts by status + 50 cards per status",
        ),
        Metric(
            "CRM board painted",
            med(lambda r: r["crm"]["painted_ms"]),
            "ms",
            target=CRM_TARGET_MS,
            note=note_runs,
        ),
        Metric(
            f"Map loaded ({markers:,} markers)",
            med(lambda r: r["map"]["loaded_s"]),
            "s",
            target=MAP_TARGET_S,
            baseline=med(lambda r: r["baselines"]["map"]["seconds"]),
            note=f"{note_runs}, from show_tab('map') incl. QtWebEngine start; "
            "baseline: sqlite3 SELECT of the located points",
        ),
        Metric(
            "Map throughput",
            round(med(lambda r: r["map"]["markers"] / r["map"]["loaded_s"])),
            "markers/s",
            # A rate only means something at the size: fixed costs dominate below.
            target=round(MAP_MARKERS_ASKED / MAP_TARGET_S)
            if markers >= MAP_MARKERS_ASKED
            else None,
            higher_is_better=True,
            note=f"{note_runs}; target (from {MAP_MARKERS_ASKED:,} markers on): "
            f"{MAP_MARKERS_ASKED:,} markers in {MAP_TARGET_S:g} s",
        ),
        Metric(
            "Map markers",
            markers,
            "markers",
            note=f"issue asks {MAP_MARKERS_ASKED:,}; workspace has {located:,} located "
            f"({counts['prospects_located']:,} prospects + {counts['contacts_located']:,} "
            "contacts)",
        ),
        Metric(
            "Peak memory, app process (all three tabs)",
            app_peak,
            "MB",
            target=MEMORY_TARGET_MB,
            note="VmHWM of the child after the map, largest of the runs",
        ),
    ]
    if any(web_peaks):
        metrics.append(
            Metric(
                "Peak memory, QtWebEngine processes",
                max(web_peaks),
                "MB",
                note=f"sum of {len(procs)} processes' VmHWM (shared pages counted in each)",
            )
        )
    else:
        print("  QtWebEngine process memory: not measured (no /proc)", flush=True)
    return metrics


def main() -> int:
    parser = base_parser(__doc__ or "", default_rows=DEFAULT_ROWS)
    parser.add_argument("--runs", type=int, default=3, help="timed runs per measure (default 3)")
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="keep the demo workspace here and reuse it when it exists (default: a temp dir)",
    )
    parser.add_argument(
        "--timeout", type=float, default=180.0, help="seconds each tab may take (default 180)"
    )
    parser.add_argument("--child", choices=["tabs"], default=None, help=None)
    args = parser.parse_args()

    if args.child == "tabs":
        with quiet_logs():
            result = child_tabs(args.data_dir, args.timeout)
        print(CHILD_PREFIX + json.dumps(result), flush=True)
        return 0

    print(machine_summary(), flush=True)
    with tempfile.TemporaryDirectory(prefix="localpro-bench-ui-") as tmp:
        data_dir = args.data_dir or Path(tmp) / "workspace"
        prepare_workspace(data_dir, args.rows, args.seed)
        metrics = measure(args, data_dir)
    print_metrics("Desktop UI", metrics)
    print_markdown_table(metrics)
    print(f"\n_{machine_summary()}_")
    write_json(args.json, "bench_ui.py", vars(args), metrics)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
