"""Starting the desktop app on a workspace."""

import os
import sys

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from localpro_desktop import __version__
from localpro_desktop.paths import WorkspacePaths
from localpro_desktop.resources import resource
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.ui.changes import ChangeBridge
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.i18n import install_language, system_language
from localpro_desktop.ui.tasks import TaskRunner


def ensure_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    if os.name != "nt" and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if os.name != "nt" and hasattr(os, "geteuid") and os.geteuid() == 0:
        # Chromium refuses to start its sandbox as root (containers, CI).
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    # The map's URL scheme must be registered before the QApplication exists.
    from localpro_desktop.ui.map.engine_flags import apply_chromium_flags
    from localpro_desktop.ui.map.scheme import register_schemes

    apply_chromium_flags(os.environ)
    register_schemes()
    app = QApplication(argv or sys.argv[:1])
    app.setApplicationName("LocalPro")
    app.setOrganizationName("LocalPro")
    app.setApplicationVersion(__version__)
    app.setStyle("Fusion")
    return app


def build_context(ws: Workspace, paths: WorkspacePaths, language: str | None = None) -> UiContext:
    """Open the UI plumbing on a workspace; the language follows the workspace setting."""
    chosen = install_language(language or ws.settings().language)
    return UiContext(ws, paths, TaskRunner(), ChangeBridge(ws), chosen)


def open_workspace_for_ui(paths: WorkspacePaths) -> Workspace:
    new = not paths.database.exists()
    ws = Workspace.open(paths)
    if new:
        # A new workspace speaks the system's language until the user says otherwise.
        ws.update_settings(language=system_language())
    return ws


def app_icon() -> QIcon:
    icon = QIcon()
    for path in sorted(resource("icons").glob("localpro-*.png")):
        icon.addFile(str(path))
    return icon


def run_app(paths: WorkspacePaths, *, language: str | None = None) -> int:
    from localpro_desktop.ui import crash
    from localpro_desktop.ui.checks import install_startup_probe
    from localpro_desktop.ui.main_window import MainWindow

    app = ensure_app()
    app.setWindowIcon(app_icon())
    crashes = crash.install(paths.logs)
    try:
        ws = open_workspace_for_ui(paths)
    except Exception:  # e.g. a failed migration: say so in a window, never vanish silently
        crashes.show_fatal(*sys.exc_info())
        return 3
    try:
        ctx = build_context(ws, paths, language)
        window = MainWindow(ctx)
        install_startup_probe(window, paths.logs)
        window.show()
        return app.exec()
    finally:
        ws.close()
