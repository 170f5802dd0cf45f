"""The main window: a welcome page for an empty workspace, else the tabs.

The window only wires things together; each tab owns its screen and talks to services
through the task runner. Two things run beside the tabs while the window is open: the sync
schedule and the dispatcher (``dispatch_worker.py``, its own thread) that sends the queued
campaigns; at start-up, scheduled campaigns more than a day late are asked about first
(``campaigns/late_prompt.py``). Cross-tab requests ("show this record", "the map follows the
filters") travel as signals routed here, through the hooks the typed registry
(``ui/tabs.py``) says each tab offers.
"""

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QRect, QSize, Qt, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox, QStackedWidget, QTabWidget, QWidget

from localpro_desktop.services import backups
from localpro_desktop.services.workspace import SettingsView
from localpro_desktop.ui import formatting
from localpro_desktop.ui.account.scheduler import SyncScheduler
from localpro_desktop.ui.campaigns.late_prompt import LateCampaigns
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.dispatch_worker import START_DELAY_MS, DispatchWorker
from localpro_desktop.ui.lazy import LazyTab
from localpro_desktop.ui.settings_dialog import SettingsDialog
from localpro_desktop.ui.status_bar import AppStatusBar
from localpro_desktop.ui.sync_status import SyncStatusWidget
from localpro_desktop.ui.tabs import TABS, BuiltTab, TabKey, TabSpec
from localpro_desktop.ui.tasks import Wants
from localpro_desktop.ui.welcome import WelcomePage

if TYPE_CHECKING:
    from localpro_desktop.ui.account.dialog import AccountDialog

__all__ = ["TABS", "MainWindow", "first_placement"]

PREFERRED_SIZE = QSize(1366, 768)
FRAME_ALLOWANCE = QSize(16, 40)
"""Room for the window manager's frame and title bar, unknown until the window is shown."""


def first_placement(available: QRect, preferred: QSize = PREFERRED_SIZE) -> QRect | None:
    """Where a first window goes on a screen whose free area (taskbar excluded) is
    ``available``: centred at ``preferred`` size when it fits with its frame, else None
    (maximized: the window manager then fits frame, status bar and all on the screen)."""
    needed = preferred + FRAME_ALLOWANCE
    if needed.width() > available.width() or needed.height() > available.height():
        return None
    rect = QRect(available.topLeft(), preferred)
    rect.moveCenter(available.center())
    return rect


class MainWindow(QMainWindow):
    sig_language_changed = Signal(str)
    """The workspace's language was changed: the window must be rebuilt in it (ui/app.py)."""

    def __init__(
        self, ctx: UiContext, parent: QWidget | None = None, *, sending: bool = True
    ) -> None:
        """``sending=False``: no dispatcher and no late-campaign question (a screenshot or
        a tour of the tabs must not send anything)."""
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("LocalPro")
        self.resize(PREFERRED_SIZE)  # screenshots and tests; a real start calls place_on_screen
        self.stack = QStackedWidget()
        self.welcome = WelcomePage(ctx.language)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.lazy: dict[TabKey, LazyTab] = {}
        self.built: dict[TabKey, BuiltTab] = {}
        """What each tab built so far offers (its widget and hooks)."""
        for spec in TABS.values():
            lazy = LazyTab(partial(self._build_tab, spec))
            self.lazy[spec.key] = lazy
            self.tabs.addTab(lazy, spec.title())
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(self.tabs)
        self.setCentralWidget(self.stack)
        self.status = AppStatusBar(ctx)
        self.setStatusBar(self.status)
        self.sync = SyncScheduler(ctx, self)
        self.sync_status = SyncStatusWidget(ctx, self.sync)
        self.sync_status.sig_open_account.connect(self.open_account)
        self.sync_status.sig_show_rejected.connect(self.show_rejected)
        self.status.attach_sync(self.sync_status)
        self.dispatch = DispatchWorker(ctx, self)
        self.status.attach_dispatch(self.dispatch)
        self.late = LateCampaigns(ctx, self)
        self.late.sig_queued.connect(lambda _id: self.dispatch.wake())
        self.late.sig_message.connect(self.show_error)
        self._account: AccountDialog | None = None
        self._build_menu()
        self.welcome.sig_demo.connect(self.load_demo)
        self.welcome.sig_import.connect(self._welcome_import)
        self.welcome.sig_add.connect(self._welcome_add)
        self.welcome.sig_language.connect(self.change_language)
        self.stack.setCurrentWidget(self.tabs)
        ctx.runner.run(ctx.ws.is_empty, on_done=self._show_welcome_if_empty)
        self.sync.start()
        if sending:
            self.late.check()
            self.dispatch.start(START_DELAY_MS)

    # -- placement --------------------------------------------------------------------

    def place_on_screen(self, saved: QByteArray | bytes | None = None) -> None:
        """Size the first window to the screen's free area (without the taskbar).

        A 1366x768 window on a 1366x768 screen pushed the status bar under the taskbar.
        A saved geometry is used only when it still fits a screen (a laptop taken off its
        big monitor must not open half off-screen).
        """
        if saved and self.restoreGeometry(QByteArray(saved)) and self._fits_a_screen():
            return
        self.setWindowState(Qt.WindowState.WindowNoState)
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        rect = first_placement(screen.availableGeometry())
        if rect is None:
            self.setWindowState(Qt.WindowState.WindowMaximized)
        else:
            self.setGeometry(rect)

    def _fits_a_screen(self) -> bool:
        if self.windowState() & Qt.WindowState.WindowMaximized:
            return True
        grown = self.geometry().adjusted(0, 0, FRAME_ALLOWANCE.width(), FRAME_ALLOWANCE.height())
        return any(
            screen.availableGeometry().contains(grown) for screen in QGuiApplication.screens()
        )

    # -- tabs -------------------------------------------------------------------------

    def _build_tab(self, spec: TabSpec) -> QWidget:
        built = spec.build(self.ctx)
        self.built[spec.key] = built
        if built.open_record is not None:
            built.open_record.connect(self.open_record)
        if built.filter_changed is not None:
            built.filter_changed.connect(partial(self._forward_filter, spec.key))
        if built.use_in_campaign is not None:
            built.use_in_campaign.connect(self.compose_text)
        return built.widget

    def tab(self, key: str) -> QWidget:
        """The tab's widget, built if needed."""
        return self.lazy[TabKey(key)].content

    def show_tab(self, key: str) -> QWidget:
        self.stack.setCurrentWidget(self.tabs)
        self.tabs.setCurrentWidget(self.lazy[TabKey(key)])
        return self.tab(key)

    def _offers(self, key: TabKey) -> BuiltTab:
        """The tab shown, and what it offers."""
        self.show_tab(key)
        return self.built[key]

    @Slot(str, str)
    def open_record(self, kind: str, record_id: str) -> None:
        key = TabKey.CRM if kind == "contact" else TabKey.PROSPECTS
        select = self._offers(key).select_record
        if select is not None:
            select(record_id)

    @Slot(str)
    def compose_text(self, text: str) -> None:
        """Open the campaign composer with ``text`` as the message (the assistant's answer)."""
        compose = self._offers(TabKey.CAMPAIGNS).compose_text
        if compose is not None:
            compose(text)

    def _forward_filter(self, source: TabKey, flt: object) -> None:
        built = self.built.get(TabKey.MAP)
        if built is not None and built.apply_filter is not None:
            built.apply_filter(source.value, flt)

    # -- welcome ----------------------------------------------------------------------

    @Slot(object)
    def _show_welcome_if_empty(self, empty: object) -> None:
        if empty:
            self.stack.setCurrentWidget(self.welcome)

    @Slot()
    def load_demo(self) -> None:
        from localpro_desktop.services.demo import generate_demo  # the generator is big

        ws = self.ctx.ws
        self.welcome.demo_button.setEnabled(False)
        self.ctx.runner.run(
            lambda progress: generate_demo(ws, size=2000, progress=progress),
            wants=Wants.PROGRESS,
            on_progress=lambda _phase, done, total: self.welcome.show_progress(done, total),
            on_done=self._demo_loaded,
            on_error=self.show_error,
        )

    @Slot(object)
    def _demo_loaded(self, _summary: object) -> None:
        self.show_tab(TabKey.PROSPECTS)

    def _welcome_import(self) -> None:
        start = self._offers(TabKey.PROSPECTS).start_import
        if start is not None:
            start()

    def _welcome_add(self) -> None:
        add = self._offers(TabKey.PROSPECTS).add_prospect
        if add is not None:
            add()

    # -- menu -------------------------------------------------------------------------

    def current_key(self) -> TabKey | None:
        """The tab shown, or None while the welcome page is."""
        if self.stack.currentWidget() is not self.tabs:
            return None
        page = self.tabs.currentWidget()
        return next((key for key, lazy in self.lazy.items() if lazy is page), None)

    @Slot()
    def new_record(self) -> None:
        """Ctrl+N: "new" as the tab shown means it (a prospect, a contact, a campaign)."""
        key = self.current_key()
        if key is None:
            self._welcome_add()  # the welcome page's own "Add a prospect"
            return
        new = self._offers(key).new_record
        if new is not None:
            new()

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.new_action = QAction(self.tr("&New…"), self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.setToolTip(self.tr("Add a prospect, a contact or a campaign"))
        self.new_action.triggered.connect(self.new_record)
        file_menu.addAction(self.new_action)
        file_menu.addSeparator()
        settings = QAction(self.tr("Workspace &settings…"), self)
        settings.triggered.connect(self.edit_settings)
        backup = QAction(self.tr("&Back up now"), self)
        backup.triggered.connect(self.backup_now)
        account = QAction(self.tr("&Account…"), self)
        account.triggered.connect(self.open_account)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        for action in (account, settings, backup):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)

    @Slot()
    def edit_settings(self) -> None:
        """The settings are read and written on the database worker, never here."""
        self.ctx.runner.run(
            self.ctx.ws.settings, on_done=self._ask_settings, on_error=self.show_error
        )

    @Slot(object)
    def _ask_settings(self, before: SettingsView) -> None:
        dialog = SettingsDialog(before, self)
        if dialog.exec():
            self._save_settings(dialog, before)

    def _save_settings(self, dialog: SettingsDialog, before: SettingsView) -> None:
        ws, values = self.ctx.ws, dialog.values()

        def refused(message: str, is_bug: bool) -> None:
            if is_bug:
                self.show_error(message, is_bug)
                return
            dialog.show_error(message)  # the form stays filled in: correct and save again
            if dialog.exec():
                self._save_settings(dialog, before)

        self.ctx.runner.run(
            lambda: ws.update_settings(**values),
            on_done=lambda after: self._settings_saved(before, after),
            on_error=refused,
        )

    def _settings_saved(self, before: SettingsView, after: SettingsView) -> None:
        formatting.use_workspace(after.country)  # dates and phones follow a new country
        if after.language != before.language:
            self.sig_language_changed.emit(after.language)

    @Slot(str)
    def change_language(self, language: str) -> None:
        """Save the workspace's language (on the worker), then have the window rebuilt in it."""
        if language == self.ctx.language:
            return
        ws = self.ctx.ws
        self.ctx.runner.run(
            lambda: ws.update_settings(language=language),
            on_done=lambda after: self.sig_language_changed.emit(after.language),
            on_error=self.show_error,
        )

    @Slot()
    def open_account(self) -> None:
        """One account window, reused: it keeps a half-filled form if closed by mistake."""
        from localpro_desktop.ui.account.dialog import AccountDialog

        if self._account is None:
            dialog = AccountDialog(self.ctx, self.sync, self)
            dialog.sig_show_rejected.connect(self.show_rejected)
            self._account = dialog
        else:
            self._account.reload()
        if self._account.isVisible():
            self._account.raise_()
            self._account.activateWindow()
        else:
            self._account.show()

    @Slot()
    def show_rejected(self) -> None:
        from localpro_desktop.ui.account.rejected import RejectedDialog

        dialog = RejectedDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    @Slot()
    def backup_now(self) -> None:
        paths = self.ctx.ws.paths
        self.ctx.runner.run(
            lambda: backups.back_up(paths, check=False),
            database=False,
            on_done=lambda done: self.statusBar().showMessage(
                self.tr("Backup written to {path}").format(path=done.path), 8000
            ),
            on_error=self.show_error,
        )

    @Slot(str, bool)
    def show_error(self, message: str, is_bug: bool = False) -> None:
        title = self.tr("Something went wrong") if is_bug else self.tr("LocalPro")
        QMessageBox.warning(self, title, message)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.sync.stop()
        self.dispatch.stop()  # between two rounds; sent messages are recorded first
        self.ctx.runner.wait(10_000)
        self.ctx.bridge.close()
        super().closeEvent(event)
