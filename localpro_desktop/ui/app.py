"""Starting the desktop app on a workspace."""

import os
import sys

from PySide6.QtWidgets import QApplication

from localpro_desktop import __version__
from localpro_desktop.paths import WorkspacePaths
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


def run_app(paths: WorkspacePaths, *, language: str | None = None) -> int:
    from localpro_desktop.ui.main_window import MainWindow

    app = ensure_app()
    ws = open_workspace_for_ui(paths)
    try:
        ctx = build_context(ws, paths, language)
        window = MainWindow(ctx)
        window.show()
        return app.exec()
    finally:
        ws.close()
