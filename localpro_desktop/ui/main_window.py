"""The main window: a welcome page for an empty workspace, else the five tabs.

The window only wires things together; each tab owns its screen and talks to services
through the task runner. Cross-tab requests ("show this record", "the map follows the
filters") travel as signals routed here.
"""

from collections.abc import Callable
from importlib import import_module
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox, QStackedWidget, QTabWidget, QWidget

from localpro_desktop.domain.errors import UserError
from localpro_desktop.store import backup as backups
from localpro_desktop.ui.account.scheduler import SyncScheduler
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.lazy import LazyTab
from localpro_desktop.ui.settings_dialog import SettingsDialog
from localpro_desktop.ui.status_bar import AppStatusBar
from localpro_desktop.ui.sync_status import SyncStatusWidget
from localpro_desktop.ui.tasks import Wants
from localpro_desktop.ui.welcome import WelcomePage

if TYPE_CHECKING:
    from localpro_desktop.ui.account.dialog import AccountDialog

# key -> (module, class); imported when the tab is first shown.
TABS: dict[str, tuple[str, str]] = {
    "prospects": ("localpro_desktop.ui.prospects.tab", "ProspectsTab"),
    "crm": ("localpro_desktop.ui.crm.tab", "CrmTab"),
    "campaigns": ("localpro_desktop.ui.campaigns.tab", "CampaignsTab"),
    "map": ("localpro_desktop.ui.map.tab", "MapTab"),
    "analytics": ("localpro_desktop.ui.analytics.tab", "AnalyticsTab"),
}


class MainWindow(QMainWindow):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("LocalPro")
        self.resize(1366, 768)
        self.stack = QStackedWidget()
        self.welcome = WelcomePage()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.lazy: dict[str, LazyTab] = {}
        titles = {
            "prospects": self.tr("Prospects"),
            "crm": self.tr("CRM"),
            "campaigns": self.tr("Campaigns"),
            "map": self.tr("Map"),
            "analytics": self.tr("Analytics"),
        }
        for key in TABS:
            lazy = LazyTab(self._factory(key))
            self.lazy[key] = lazy
            self.tabs.addTab(lazy, titles[key])
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
        self._account: AccountDialog | None = None
        self._build_menu()
        self.welcome.sig_demo.connect(self.load_demo)
        self.welcome.sig_import.connect(self._welcome_import)
        self.welcome.sig_add.connect(self._welcome_add)
        self.stack.setCurrentWidget(self.tabs)
        ctx.runner.run(ctx.ws.is_empty, on_done=self._show_welcome_if_empty)
        self.sync.start()

    # -- tabs -------------------------------------------------------------------------

    def _factory(self, key: str) -> Callable[[], QWidget]:
        def build() -> QWidget:
            module_name, class_name = TABS[key]
            widget = getattr(import_module(module_name), class_name)(self.ctx)
            self._wire(key, widget)
            return widget

        return build

    def _wire(self, key: str, widget: QWidget) -> None:
        open_record = getattr(widget, "sig_open_record", None)
        if open_record is not None:
            open_record.connect(self.open_record)
        filters = getattr(widget, "sig_filter_changed", None)
        if filters is not None:
            filters.connect(lambda flt, source=key: self._forward_filter(source, flt))

    def tab(self, key: str) -> QWidget:
        """The tab's widget, built if needed."""
        return self.lazy[key].content

    def show_tab(self, key: str) -> QWidget:
        self.stack.setCurrentWidget(self.tabs)
        self.tabs.setCurrentWidget(self.lazy[key])
        return self.tab(key)

    @Slot(str, str)
    def open_record(self, kind: str, record_id: str) -> None:
        key = "crm" if kind == "contact" else "prospects"
        widget = self.show_tab(key)
        select = getattr(widget, "select_record", None)
        if select is not None:
            select(record_id)

    def _forward_filter(self, source: str, flt: object) -> None:
        if self.lazy["map"].built:
            apply = getattr(self.tab("map"), "apply_filter", None)
            if apply is not None:
                apply(source, flt)

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
            on_done=lambda _summary: self.show_tab("prospects"),
            on_error=self.show_error,
        )

    def _welcome_import(self) -> None:
        widget = self.show_tab("prospects")
        start = getattr(widget, "start_import", None)
        if start is not None:
            start()

    def _welcome_add(self) -> None:
        widget = self.show_tab("prospects")
        add = getattr(widget, "add_prospect", None)
        if add is not None:
            add()

    # -- menu -------------------------------------------------------------------------

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
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
        dialog = SettingsDialog(self.ctx.ws.settings(), self)
        while dialog.exec():
            try:
                before = self.ctx.ws.settings().language
                after = self.ctx.ws.update_settings(**dialog.values())
            except UserError as exc:
                dialog.show_error(str(exc))
                continue
            if after.language != before:
                QMessageBox.information(
                    self,
                    self.tr("Language"),
                    self.tr("The new language applies the next time LocalPro starts."),
                )
            break

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
        ws = self.ctx.ws
        target = ws.paths.backups / backups.manual_backup_name()
        self.ctx.runner.run(
            lambda: backups.copy_database(ws.paths.database, target),
            database=False,
            on_done=lambda path: self.statusBar().showMessage(
                self.tr("Backup written to {path}").format(path=path), 8000
            ),
            on_error=self.show_error,
        )

    @Slot(str, bool)
    def show_error(self, message: str, is_bug: bool = False) -> None:
        title = self.tr("Something went wrong") if is_bug else self.tr("LocalPro")
        QMessageBox.warning(self, title, message)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.sync.stop()
        self.ctx.runner.wait(10_000)
        self.ctx.bridge.close()
        super().closeEvent(event)
