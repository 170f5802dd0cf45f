"""Starting the desktop app on a workspace."""

import os
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QLocale, QObject, QSettings, Slot
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from localpro_desktop import __version__
from localpro_desktop.paths import WorkspacePaths
from localpro_desktop.resources import resource
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.ui import formatting
from localpro_desktop.ui.changes import ChangeBridge
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.i18n import install_language, suggested_language
from localpro_desktop.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from localpro_desktop.ui.main_window import MainWindow

GEOMETRY_KEY = "window/geometry"


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
    settings = ws.settings()
    chosen = install_language(language or settings.language)
    # Dates, numbers and phones follow the workspace's country as well as the language.
    formatting.use_workspace(settings.country)
    return UiContext(ws, paths, TaskRunner(), ChangeBridge(ws), chosen)


def open_workspace_for_ui(paths: WorkspacePaths) -> Workspace:
    new = not paths.database.exists()
    ws = Workspace.open(paths)
    if new:
        # A new workspace speaks the system's language (or its country's) until the user
        # picks another on the welcome page.
        system = QLocale.system().name()
        ws.update_settings(language=suggested_language(system, ws.settings().country))
    return ws


class WindowHost(QObject):
    """Keeps the app's one main window, and rebuilds it when the user changes the language.

    Every string is translated when its widget is built, so a new language shows at once only
    in a new window: the host builds one on a new context (translators installed first), in
    the old one's place and on the same tab, then closes the old one (which stops its sync and
    waits for its tasks). The workspace stays open throughout; nothing typed is pending then
    (the settings dialog and the welcome page are the only ways to change the language).
    """

    def __init__(self, ws: Workspace, paths: WorkspacePaths, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.paths = paths
        self.window: MainWindow | None = None

    def open(self, language: str | None = None, geometry: QByteArray | None = None) -> "MainWindow":
        from localpro_desktop.ui.main_window import MainWindow

        window = MainWindow(build_context(self.ws, self.paths, language))
        window.sig_language_changed.connect(self.relaunch)
        window.place_on_screen(geometry)
        self.window = window
        return window

    @Slot(str)
    def relaunch(self, language: str) -> "MainWindow":
        old = self.window
        assert old is not None
        tab = old.current_key()
        window = self.open(language, old.saveGeometry())
        window.show()
        if tab is not None:
            window.show_tab(tab)
        old.close()
        old.deleteLater()
        return window


def app_icon() -> QIcon:
    icon = QIcon()
    for path in sorted(resource("icons").glob("localpro-*.png")):
        icon.addFile(str(path))
    return icon


def run_app(paths: WorkspacePaths, *, language: str | None = None) -> int:
    from localpro_desktop.ui import crash
    from localpro_desktop.ui.checks import install_startup_probe

    app = ensure_app()
    app.setWindowIcon(app_icon())
    crashes = crash.install(paths.logs)
    try:
        ws = open_workspace_for_ui(paths)
    except Exception:  # e.g. a failed migration: say so in a window, never vanish silently
        crashes.show_fatal(*sys.exc_info())
        return 3
    try:
        host = WindowHost(ws, paths)
        settings = QSettings()
        saved = settings.value(GEOMETRY_KEY)
        window = host.open(language, saved if isinstance(saved, QByteArray) else None)
        install_startup_probe(window, paths.logs)
        window.show()
        code = app.exec()
        if host.window is not None:
            settings.setValue(GEOMETRY_KEY, host.window.saveGeometry())
        return code
    finally:
        ws.close()
