"""Self-checks of the real window: the smoke test's tour of every tab, and the start-up probe.

``open_every_tab`` is the Qt half of ``localpro --smoke-test`` (``localpro_desktop/smoke.py``
prepares the throw-away workspace and judges the result). The start-up probe reports when the
window has first been painted, for ``bench/bench_startup.py``: set ``LOCALPRO_STARTUP_PROBE``
to ``print`` (report and keep running) or ``quit`` (report, then close the window).
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from localpro_desktop.paths import WorkspacePaths
from localpro_desktop.ui.app import build_context, ensure_app, open_workspace_for_ui
from localpro_desktop.ui.screenshot import wait_until_ready

PROBE_ENV = "LOCALPRO_STARTUP_PROBE"
PROBE_PREFIX = "startup-probe:"
PROBE_LOG = "startup.log"


@dataclass(frozen=True)
class TabCheck:
    key: str
    seconds: float
    problem: str | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None


def pump(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.01)


WEB_TABS = frozenset({"map"})
"""Tabs drawn by QtWebEngine (``web=False`` leaves them out: Wine 8 cannot run it)."""


def open_every_tab(
    paths: WorkspacePaths, *, timeout: float, language: str = "en", web: bool = True
) -> list[TabCheck]:
    """Open the main window on ``paths`` and show each tab in turn, waiting for ``is_ready()``.

    Each tab gets ``timeout`` seconds; a tab that fails to build or never gets ready is
    reported by name and the tour goes on, so one broken tab does not hide another.
    """
    from localpro_desktop.ui.main_window import TABS, MainWindow

    ensure_app()
    ws = open_workspace_for_ui(paths)
    results: list[TabCheck] = []
    try:
        ctx = build_context(ws, paths, language)
        window = MainWindow(ctx, sending=False)
        window.show()
        pump(0.1)
        for key in TABS:
            if not web and key in WEB_TABS:
                continue
            start = time.monotonic()
            try:
                widget = window.show_tab(key)
            except Exception as exc:  # the report names the tab; the crash log has the trace
                failure = f"could not be built: {type(exc).__name__}: {exc}"
                results.append(TabCheck(key, time.monotonic() - start, failure))
                continue
            ready = wait_until_ready(widget, timeout)
            seconds = time.monotonic() - start
            problem = None if ready else f"not ready after {timeout:.0f} s"
            results.append(TabCheck(key, seconds, problem))
        ctx.runner.wait(30_000)
        pump(0.2)
        window.close()
        window.deleteLater()
        pump(0.2)
    finally:
        ws.close()
    return results


# -- start-up probe ---------------------------------------------------------------------------


def peak_rss_mb() -> float | None:
    """Peak resident memory of this process so far, in MB (None where unknown)."""
    if sys.platform == "win32":
        import ctypes
        from ctypes import wintypes

        class Counters(ctypes.Structure):
            _fields_ = [
                ("cb", wintypes.DWORD),
                ("PageFaultCount", wintypes.DWORD),
                ("PeakWorkingSetSize", ctypes.c_size_t),
                ("WorkingSetSize", ctypes.c_size_t),
                ("QuotaPeakPagedPoolUsage", ctypes.c_size_t),
                ("QuotaPagedPoolUsage", ctypes.c_size_t),
                ("QuotaPeakNonPagedPoolUsage", ctypes.c_size_t),
                ("QuotaNonPagedPoolUsage", ctypes.c_size_t),
                ("PagefileUsage", ctypes.c_size_t),
                ("PeakPagefileUsage", ctypes.c_size_t),
            ]

        counters = Counters()
        counters.cb = ctypes.sizeof(Counters)
        # ctypes.windll exists only on Windows, and mypy checks with the Linux stubs.
        process = ctypes.windll.kernel32.GetCurrentProcess()  # type: ignore[attr-defined]
        psapi = ctypes.windll.psapi  # type: ignore[attr-defined]
        if not psapi.GetProcessMemoryInfo(process, ctypes.byref(counters), counters.cb):
            return None
        return counters.PeakWorkingSetSize / 1e6
    status = Path("/proc/self/status")
    if sys.platform.startswith("linux") and status.exists():
        # VmHWM, not ru_maxrss: a process spawned by a big one (a benchmark, a test runner)
        # inherits its parent's peak in ru_maxrss across fork + exec.
        for line in status.read_text(encoding="utf-8").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1e3
    try:
        import resource
    except ImportError:
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1e6 if sys.platform == "darwin" else peak / 1e3


class _FirstPaint(QObject):
    """Waits for the window's first paint, then reports once the paint pass is over."""

    def __init__(self, window: QWidget, logs: Path, mode: str) -> None:
        super().__init__(window)
        self.window = window
        self.logs = logs
        self.mode = mode
        self.done = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.done and watched is self.window and event.type() == QEvent.Type.Paint:
            self.done = True
            QTimer.singleShot(0, self.report)
        return False

    def report(self) -> None:
        self.window.removeEventFilter(self)
        line = f"{PROBE_PREFIX} window_shown_unix={time.time():.3f}"
        rss = peak_rss_mb()
        if rss is not None:
            line += f" peak_rss_mb={rss:.0f}"
        if sys.stdout is not None:  # None in a windowed build: the log file still has it
            print(line, flush=True)
        with contextlib.suppress(OSError):
            self.logs.mkdir(parents=True, exist_ok=True)
            with (self.logs / PROBE_LOG).open("a", encoding="utf-8") as handle:
                handle.write(line + "\n")
        if self.mode == "quit":
            self.window.close()
            app = QApplication.instance()
            if app is not None:
                app.quit()


def install_startup_probe(window: QWidget, logs: Path) -> None:
    """Report the first paint of ``window`` when ``LOCALPRO_STARTUP_PROBE`` asks for it."""
    mode = os.environ.get(PROBE_ENV, "").strip().lower()
    if mode:
        _FirstPaint(window, logs, mode)
