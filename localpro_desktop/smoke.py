"""``localpro --smoke-test``: start the real app on a throw-away workspace, open every tab, quit.

``build_scripts/build.py`` runs it on the bundle it has just built and ``.ci/run`` does too, so
a packaging break (a module, Qt plugin, resource or migration script left out) fails the build
instead of a user's first start. It works the same from a checkout (``python -m
localpro_desktop --smoke-test``) and in-process (the tests call ``run()``).

What it exercises, in order:

1. the Alembic scripts: a database is created at the first schema revision, then opened the
   way an upgraded app opens an old file (every migration runs, a backup is made first);
2. a demo workspace of 300 prospects (phone parsing, templates, the whole write path);
3. a dry-run import of a file large enough for the importer's worker processes (in a frozen
   program each worker is the executable itself: this catches a missing ``freeze_support``);
4. the workspace's time zone and the UTC fallback resolve (on Windows from ``tzdata``);
5. the main window, offscreen, showing each tab (the assistant too) until its ``is_ready()`` says it
   has drawn its data (the map's QtWebEngine page included), each within a timeout.
   ``--skip web`` leaves out the tabs that need QtWebEngine (the map), for Wine.

It never opens a dialog (the crash handler is not interactive, a temporary file still open
at the end is left behind rather than failing) and ends on its own: a Windows build waiting on
a modal box would hang the build until its timeout.

It passes when every step did, no unhandled exception reached the crash handler and nothing
was logged at ERROR level. One summary line is printed (``LOCALPRO_SMOKE_REPORT=path`` also
writes the output there: a windowed Windows build has no console). Exit status 0 or 1.

This module stays free of Qt imports (the window part is ``ui/checks.py``): it must set the
platform variables before Qt is loaded.
"""

from __future__ import annotations

import contextlib
import csv
import logging
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO, TypeVar

from localpro_desktop import __version__
from localpro_desktop.paths import WorkspacePaths

REPORT_ENV = "LOCALPRO_SMOKE_REPORT"
TIMEOUT_ENV = "LOCALPRO_SMOKE_TIMEOUT"
DEFAULT_TAB_TIMEOUT = 60.0
DEMO_SIZE = 300

T = TypeVar("T")


def prepare_environment() -> None:
    """Offscreen Qt, and QtWebEngine's sandbox off where Chromium refuses it (root, CI)."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    geteuid = getattr(os, "geteuid", None)
    if geteuid is not None and geteuid() == 0:
        os.environ["QTWEBENGINE_DISABLE_SANDBOX"] = "1"


@dataclass
class SmokeResult:
    steps: list[tuple[str, float, str]] = field(default_factory=list)
    """(name, seconds, what it found)"""
    problems: list[str] = field(default_factory=list)
    details: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def step(self, name: str, action: Callable[[], T]) -> T | None:
        """Run one step; a failure is recorded under the step's name and the smoke goes on."""
        start = time.monotonic()
        value: T | None
        try:
            value = action()
        except Exception as exc:
            self.problems.append(f"{name}: {type(exc).__name__}: {exc}")
            self.details.append(traceback.format_exc())
            value = None
        note = value if isinstance(value, str) else ""
        self.steps.append((name, time.monotonic() - start, note))
        return value


class _ErrorRecords(logging.Handler):
    """Collects records at ERROR and above (background task failures are logged so)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(f"{record.name}: {record.getMessage()}")


@contextlib.contextmanager
def _capture_errors() -> Iterator[_ErrorRecords]:
    handler = _ErrorRecords()
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield handler
    finally:
        root.removeHandler(handler)


def upgrade_from_first_revision(paths: WorkspacePaths) -> str:
    """Write a database at the oldest schema, then open it as the app does on upgrade."""
    from alembic.script import ScriptDirectory

    from localpro_desktop.services.workspace import Workspace
    from localpro_desktop.store import migrate
    from localpro_desktop.store.engine import make_engine

    scripts = ScriptDirectory.from_config(migrate.alembic_config())
    first = scripts.get_base()
    if not isinstance(first, str):
        raise RuntimeError(f"expected one first migration, found {first!r}")
    paths.ensure()
    engine = make_engine(paths.database)
    try:
        migrate.upgrade_to(engine, first)
    finally:
        engine.dispose()
    ws = Workspace.open(paths, daily_backup=False)
    try:
        if ws.migration_backup is None or not ws.migration_backup.exists():
            raise RuntimeError("upgrading an old database made no backup")
        head = migrate.current_revision(ws.engine)
    finally:
        ws.close()
    if head != scripts.get_current_head():
        raise RuntimeError(f"database stopped at revision {head}")
    return f"{first}→{head}"


def fill_demo(paths: WorkspacePaths) -> str:
    from localpro_desktop.services.demo import generate_demo
    from localpro_desktop.services.workspace import Workspace

    ws = Workspace.open(paths, daily_backup=False)
    try:
        generate_demo(ws, size=DEMO_SIZE)
    finally:
        ws.close()
    return f"{DEMO_SIZE} prospects"


def parallel_import(paths: WorkspacePaths, folder: Path) -> str:
    """A dry-run import big enough to be checked by two worker processes."""
    from localpro_desktop.domain.plans import Plan
    from localpro_desktop.services.importing.importer import PARALLEL_THRESHOLD, import_file
    from localpro_desktop.services.workspace import Workspace

    source = folder / "smoke-import.csv"
    with source.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Business name", "Sector", "City", "Phone"])
        for i in range(PARALLEL_THRESHOLD):
            phone = f"+221 77 {i // 100:03d} {i % 100:02d} 10"
            writer.writerow([f"Boutique {i}", "retail", "Dakar", phone])
    ws = Workspace.open(paths, daily_backup=False)
    try:
        ws.update_settings(plan=Plan.ENTERPRISE)  # 4,000 rows exceed the Starter plan
        report = import_file(ws, "prospects", source, dry_run=True, workers=2)
    finally:
        ws.close()
    if report.total_rows != PARALLEL_THRESHOLD or report.rejected:
        raise RuntimeError(
            f"{report.total_rows} rows read, {len(report.rejected)} rejected "
            f"(expected {PARALLEL_THRESHOLD} and none)"
        )
    return f"{report.total_rows} rows in 2 workers"


def sync_encodings() -> str:
    """The bundle can read what the cloud sends: zstd and gzip pull pages."""
    import gzip

    import httpx
    import zstandard

    from localpro_desktop.sync.transport import accepted_encodings

    body = b'{"changes":[],"blocks":[]}' * 50
    encoded = {
        "zstd": zstandard.ZstdCompressor(level=6).compress(body),
        "gzip": gzip.compress(body),
    }
    for name, content in encoded.items():
        response = httpx.Response(200, content=content, headers={"Content-Encoding": name})
        if response.read() != body:
            raise RuntimeError(f"httpx did not decode {name}")
    if "zstd" not in accepted_encodings():
        raise RuntimeError("the sync client would not ask for zstd")
    return "zstd, gzip"


SKIPPABLE = ("web",)
"""Parts ``--skip`` may leave out: ``web``, the tabs that need QtWebEngine (Wine lacks it)."""


def time_zones(paths: WorkspacePaths) -> str:
    """The workspace's zone and the UTC fallback resolve (Windows: the tzdata package)."""
    from zoneinfo import ZoneInfo

    from localpro_desktop.services.workspace import Workspace

    ZoneInfo("UTC")  # what every screen falls back to: it must exist, not be a stand-in
    ws = Workspace.open(paths, daily_backup=False)
    try:
        name = ws.settings().timezone
    finally:
        ws.close()
    ZoneInfo(name)
    return name


def run(
    *, timeout: float | None = None, stream: TextIO | None = None, skip: tuple[str, ...] = ()
) -> int:
    """Run the smoke test; returns the exit status (0 passed, 1 failed), never raises."""
    prepare_environment()
    tab_timeout = timeout or float(os.environ.get(TIMEOUT_ENV) or DEFAULT_TAB_TIMEOUT)
    started = time.monotonic()
    result = SmokeResult()
    try:
        with tempfile.TemporaryDirectory(
            prefix="localpro-smoke-", ignore_cleanup_errors=True
        ) as tmp:
            paths = WorkspacePaths(Path(tmp) / "workspace")
            result.step("migrations", lambda: upgrade_from_first_revision(paths))
            if result.ok:
                result.step("sync encodings", sync_encodings)
            if result.ok:
                result.step("demo data", lambda: fill_demo(paths))
            if result.ok:
                result.step("time zones", lambda: time_zones(paths))
            if result.ok:
                result.step("parallel import", lambda: parallel_import(paths, Path(tmp)))
            if result.ok:
                _tour(paths, tab_timeout, result, skip)
    except Exception as exc:  # reported, never raised: a windowed build would show a dialog
        result.problems.append(f"smoke test: {type(exc).__name__}: {exc}")
        result.details.append(traceback.format_exc())
    lines = _summary(result, time.monotonic() - started)
    _emit(lines, stream)
    return 0 if result.ok else 1


def _tour(
    paths: WorkspacePaths, tab_timeout: float, result: SmokeResult, skip: tuple[str, ...]
) -> None:
    from localpro_desktop.ui import crash
    from localpro_desktop.ui.checks import open_every_tab

    previous = crash.installed()
    handler = crash.install(paths.logs, interactive=False)
    try:
        with _capture_errors() as errors:
            checks = result.step(
                "window",
                lambda: open_every_tab(paths, timeout=tab_timeout, web="web" not in skip),
            )
    finally:
        handler.uninstall()
        if previous is not None:
            crash.install(previous.logs, interactive=previous.interactive)
    for check in checks or []:
        result.steps.append((f"tab {check.key}", check.seconds, ""))
        if not check.ok:
            result.problems.append(f"tab '{check.key}' {check.problem}")
    for report in handler.reports:
        last = report.strip().splitlines()[-1]
        result.problems.append(f"unhandled exception: {last}")
        result.details.append(report)
    result.problems.extend(f"logged error: {record}" for record in errors.records)


def _summary(result: SmokeResult, seconds: float) -> list[str]:
    where = "bundle" if getattr(sys, "frozen", False) else "source"
    if result.ok:
        steps = ", ".join(
            f"{name}{f' {note}' if note else ''} {secs:.1f} s"
            for name, secs, note in result.steps
            if name != "window"
        )
        return [f"LocalPro {__version__} smoke test passed ({where}, {seconds:.1f} s): {steps}"]
    return [
        f"LocalPro {__version__} smoke test FAILED ({where}, {seconds:.1f} s): "
        + "; ".join(result.problems),
        *result.details,
    ]


def _emit(lines: list[str], stream: TextIO | None) -> None:
    text = "\n".join(lines) + "\n"
    out = stream if stream is not None else sys.stdout
    if out is not None:  # None in a windowed build
        out.write(text)
        with contextlib.suppress(OSError, ValueError):
            out.flush()
    report = os.environ.get(REPORT_ENV)
    if report:
        with contextlib.suppress(OSError):
            Path(report).write_text(text, encoding="utf-8")
