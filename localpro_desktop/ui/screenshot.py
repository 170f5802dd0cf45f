"""Render the real window offscreen and save one tab as a PNG (README, support, reviews)."""

import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QSize
from PySide6.QtWidgets import QApplication

from localpro_desktop.paths import WorkspacePaths
from localpro_desktop.ui.app import build_context, ensure_app, open_workspace_for_ui
from localpro_desktop.ui.tabs import TabKey

TAB_KEYS = tuple(key.value for key in TabKey)
PAGES = {"discovery": TabKey.PROSPECTS}
"""Pages inside a tab, shown by name: the prospects tab's "Find prospects" page."""


def _pump(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.01)


def wait_until_ready(widget: object, timeout: float = 30.0) -> bool:
    """Tabs that draw asynchronously (map, charts, lists) expose ``is_ready()``."""
    ready = getattr(widget, "is_ready", None)
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if ready is None or ready():
            return True
        time.sleep(0.02)
    return False


def take_screenshot(
    paths: WorkspacePaths,
    tab: str,
    output: Path,
    *,
    size: QSize | tuple[int, int],
    language: str | None,
) -> Path:
    from localpro_desktop.ui.main_window import MainWindow

    app: QApplication = ensure_app()
    ws = open_workspace_for_ui(paths)
    try:
        ctx = build_context(ws, paths, language)
        window = MainWindow(ctx, sending=False)
        window.resize(size if isinstance(size, QSize) else QSize(*size))
        window.show()
        _pump(0.3)
        widget = window.show_tab(PAGES.get(tab, tab))
        if tab == "discovery":
            widget = widget.find_prospects()  # type: ignore[attr-defined]
        wait_until_ready(widget)
        ctx.runner.wait(30_000)
        _pump(0.5)
        wait_until_ready(widget)
        _pump(0.3)
        output.parent.mkdir(parents=True, exist_ok=True)
        if not window.grab().save(str(output)):
            raise OSError(f"Could not write {output}")
        window.close()
        app.processEvents()
        return output
    finally:
        ws.close()
