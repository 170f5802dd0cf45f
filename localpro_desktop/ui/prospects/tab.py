"""The Prospects tab: find businesses, look at one, add, import and convert them.

Layout, top to bottom: actions and this month's plan usage; the search bar (text,
sector, city, source, converted) with the result count; an inline message bar; the lazy
table beside a collapsible detail panel. Every database access goes through the task
runner; the tab reloads only when a change set names prospects (or usage, for the meter).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from localpro_desktop.domain.plans import Metric
from localpro_desktop.services import usage
from localpro_desktop.services.prospect_search import (
    Choices,
    ProspectFilter,
    load_choices,
    position_of,
)
from localpro_desktop.services.prospects import (
    ConversionResult,
    ProspectRecord,
    ProspectService,
)
from localpro_desktop.ui import formatting as fmt
from localpro_desktop.ui.changes import concerns
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.prospects import outcomes, texts
from localpro_desktop.ui.prospects.ask_words import ProspectAskWords
from localpro_desktop.ui.prospects.background import run_for
from localpro_desktop.ui.prospects.detail import DetailPanel
from localpro_desktop.ui.prospects.discovery.host import DiscoveryHost
from localpro_desktop.ui.prospects.discovery.saved import SavedSearchWatcher
from localpro_desktop.ui.prospects.editor import ProspectDialog
from localpro_desktop.ui.prospects.filters import ProspectFilterBar
from localpro_desktop.ui.prospects.model import ID_ROLE, ProspectTableModel
from localpro_desktop.ui.prospects.table_view import ProspectTableView
from localpro_desktop.ui.widgets import EmptyState, MessageBar, Tone, UsageMeter
from localpro_protocol.wire import Table

if TYPE_CHECKING:
    # The wizard pulls in the importer, pandas and openpyxl (~1.5 s on a modest laptop):
    # loaded on the first Import click, not while the window opens.
    from localpro_desktop.services.importing.importer import ImportReport
    from localpro_desktop.ui.prospects.discovery.panel import DiscoveryPanel
    from localpro_desktop.ui.prospects.import_wizard import ImportWizard

REFRESH_DELAY_MS = 150


class ProspectsTab(QWidget):
    sig_open_record = Signal(str, str)
    """Show a record elsewhere: ("contact", id) after a conversion."""
    sig_filter_changed = Signal(object)
    """The ProspectFilter now applied (the map follows it)."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.service = ProspectService(ctx.ws)
        self._ready = False
        self._applied: ProspectFilter | None = None
        # (id, already reloaded for it) to select once the next first page is shown.
        self._pending_select: tuple[str, bool] | None = None
        self._detail_request = 0
        self._region: str | None = None  # the workspace's country, with the choices
        self.model = ProspectTableModel(ctx, self)
        self._build()
        self._connect()
        # The first page goes first in the database queue: it is what the user waits for.
        self._apply_filter()
        self._load_choices()
        self.refresh_usage()
        # The "Find prospects" page, and the searches saved offline (run page open or not).
        self.discovery_host = DiscoveryHost(ctx, self.pages, self.list_page, self.message, self)

    # -- construction -----------------------------------------------------------------

    def _build(self) -> None:
        self.add_button = QPushButton(self.tr("+ Add a prospect"))
        self.import_button = QPushButton(self.tr("Import a file…"))
        self.find_button = QPushButton(self.tr("Find prospects…"))
        self.find_button.setToolTip(
            self.tr("Search businesses by sector and city on OpenStreetMap or Google Places")
        )
        self.usage_meter = UsageMeter()
        self.details_button = QPushButton()
        self.details_button.setCheckable(True)
        self.details_button.setChecked(True)
        self.details_button.setFlat(True)
        actions = self.actions_row = QHBoxLayout()
        actions.addWidget(self.add_button)
        actions.addWidget(self.import_button)
        actions.addWidget(self.find_button)
        actions.addWidget(self.usage_meter)
        actions.addSpacing(16)
        actions.addWidget(self.details_button)

        self.filters = ProspectFilterBar(self.ctx.language)
        # The bar's widgets under the tab's own names, where tests and callers reach them.
        self.search = self.filters.search
        self.sector_combo = self.filters.sector_combo
        self.city_combo = self.filters.city_combo
        self.source_combo = self.filters.source_combo
        self.converted_combo = self.filters.converted_combo
        self.count_label = self.filters.count_label

        self.message = MessageBar()
        self.ask_words = ProspectAskWords(self.ctx, self.filters, self.message)
        # In the actions row: the filter bar has no room left on a 1024-pixel screen.
        self.actions_row.insertWidget(3, self.ask_words, 1)
        self.table = ProspectTableView(self.model)
        self.empty = EmptyState()
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty)

        self.detail = DetailPanel(self.ctx.language)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.list_stack)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setCollapsible(0, False)
        self.splitter.setSizes([1020, 320])

        # The list is one page; the discovery page ("Find prospects…") is the other.
        self.list_page = QWidget()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.list_page)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)
        layout = QVBoxLayout(self.list_page)
        layout.setContentsMargins(10, 8, 10, 6)
        layout.setSpacing(6)
        layout.addLayout(actions)
        layout.addWidget(self.filters)
        layout.addWidget(self.message)
        layout.addWidget(self.splitter, 1)
        self._show_details(True)

    def _connect(self) -> None:
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self._reload)

        self.filters.sig_changed.connect(self._apply_filter)
        self.add_button.clicked.connect(self.add_prospect)
        self.import_button.clicked.connect(lambda: self.start_import())
        self.find_button.clicked.connect(self.find_prospects)
        self.details_button.toggled.connect(self._show_details)

        self.model.sig_total.connect(self._total_changed)
        self.model.sig_loaded.connect(self._loaded)
        self.model.sig_failed.connect(
            lambda message: self.message.show_message(message, Tone.ERROR)
        )
        self.model.modelAboutToBeReset.connect(lambda: self.table.remember())
        selection = self.table.selectionModel()
        selection.selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda index: self.edit_record(index.data(ID_ROLE)))
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.sig_delete.connect(self._delete_selected)
        self.table.sig_edit.connect(self._edit_current)

        self.detail.sig_edit.connect(self.edit_record)
        self.detail.sig_convert.connect(self.convert)
        self.detail.sig_delete.connect(self.delete)
        self.detail.sig_open_contact.connect(
            lambda ident: self.sig_open_record.emit("contact", ident)
        )

        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self.search.setFocus)
        self.ctx.bridge.sig_changed.connect(self._on_changed)

    # -- public API (main window) -----------------------------------------------------

    def is_ready(self) -> bool:
        """True once the first page (or the empty state) is on screen."""
        return self._ready

    def add_prospect(self) -> ProspectDialog:
        dialog = ProspectDialog(self.ctx, cities=self.cities, region=self._region, parent=self)
        dialog.sig_saved.connect(self._added)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def start_import(self, path: Path | None = None) -> ImportWizard:
        from localpro_desktop.ui.prospects.import_wizard import ImportWizard

        wizard = ImportWizard(self.ctx, path=path, parent=self)
        wizard.sig_imported.connect(self._imported)
        wizard.rejected.connect(lambda: self._import_closed(wizard))
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.open()
        return wizard

    def find_prospects(self) -> DiscoveryPanel:
        """Show the discovery page (sector, city → a preview → add)."""
        return self.discovery_host.open()

    def show_list(self) -> None:
        self.discovery_host.show_list()

    @property
    def discovery(self) -> DiscoveryPanel | None:
        return self.discovery_host.panel

    @property
    def saved_watcher(self) -> SavedSearchWatcher:
        return self.discovery_host.watcher

    def select_record(self, prospect_id: str) -> None:
        """Select and show a prospect, loading pages up to it or clearing the filters."""
        self.show_list()
        self._select(prospect_id, reloaded=False)

    def _select(self, prospect_id: str, *, reloaded: bool) -> None:
        row = self.model.row_of(prospect_id)
        if row is not None:
            self._select_row(row)
            return
        ws, flt, sort = self.ctx.ws, self.current_filter(), self.model.current_sort

        def locate() -> tuple[bool, int | None]:
            found = position_of(ws, flt, sort, prospect_id)
            if found is not None:
                return True, found
            return False, position_of(ws, ProspectFilter(), sort, prospect_id)

        run_for(
            self,
            self.ctx.runner,
            locate,
            on_done=lambda result: self._located(prospect_id, flt, reloaded, *result),
        )

    def current_filter(self) -> ProspectFilter:
        return self.filters.current_filter()

    def clear_filters(self) -> None:
        self.filters.clear()
        self._apply_filter()

    # -- filters ----------------------------------------------------------------------

    def _apply_filter(self) -> None:
        self.filters.settle()
        flt = self.current_filter()
        if flt == self._applied and self.model.current_filter is not None:
            return
        self._applied = flt
        self.model.set_query(flt)
        self.sig_filter_changed.emit(flt)

    def _load_choices(self) -> None:
        """Drop-downs list what the data holds (one scan, on the database worker).

        The workspace's country comes along: the add dialog needs it at once, and the UI
        thread must not read it from the database.
        """
        ws = self.ctx.ws

        def load() -> tuple[Choices, str]:
            return load_choices(ws), ws.region

        run_for(self, self.ctx.runner, load, on_done=self._fill_choices)

    def _fill_choices(self, loaded: tuple[Choices, str]) -> None:
        choices, self._region = loaded
        self.filters.fill_choices(choices)

    @property
    def cities(self) -> list[str]:
        """Every city in the data, for the add/edit dialog's suggestions."""
        return self.filters.cities()

    # -- model feedback ---------------------------------------------------------------

    def _total_changed(self, total: int) -> None:
        self.count_label.setText(texts.prospect_count(total))
        if total == 0:
            self._show_empty()
        else:
            self.list_stack.setCurrentWidget(self.table)

    def _loaded(self, first_page: bool) -> None:
        if not first_page:
            return
        first_time, self._ready = not self._ready, True
        if self.table.put_back() is False:
            self._selection_changed()  # none of the selected rows came back
        if self._pending_select is not None:
            (pending, reloaded), self._pending_select = self._pending_select, None
            self._select(pending, reloaded=reloaded)
        elif first_time and self.model.rowCount() and not self.selected_ids():
            # Like a mail client: the panel shows the first prospect rather than a blank.
            self._select_row(0)

    def _show_empty(self) -> None:
        outcomes.show_empty(
            self.empty,
            self.current_filter(),
            self.filters.active(),
            add=self.add_prospect,
            start_import=lambda: self.start_import(),
            clear=self.clear_filters,
        )
        self.list_stack.setCurrentWidget(self.empty)
        self.detail.show_nothing()

    # -- selection and details --------------------------------------------------------

    def selected_ids(self) -> list[str]:
        return self.table.selected_ids()

    def _select_row(self, row: int) -> None:
        self.table.select_row(row)

    def _located(
        self,
        prospect_id: str,
        flt: ProspectFilter,
        reloaded: bool,
        in_filter: bool,
        position: int | None,
    ) -> None:
        if position is None:
            self.message.show_message(
                self.tr("This prospect no longer exists; it may have been deleted."), Tone.WARNING
            )
            return
        if not in_filter:
            # Not among the current results: show everything so it can be seen.
            self._pending_select = (prospect_id, reloaded)
            self.clear_filters()
            return
        if flt != self.current_filter():
            self._select(prospect_id, reloaded=reloaded)  # the filter moved on: locate again
            return

        def select() -> None:
            row = self.model.row_of(prospect_id)
            if row is not None:
                self._select_row(row)
            elif not reloaded:
                # Newer than the rows loaded around its place (just added): reload them.
                self._pending_select = (prospect_id, True)
                self.table.remember(keep_scroll=True)
                self.model.refresh()

        self.model.ensure_loaded(position + 1, select)

    def _selection_changed(self, *_args: object) -> None:
        ids = self.selected_ids()
        self._detail_request += 1
        if not ids:
            self.detail.show_nothing()
        elif len(ids) > 1:
            self.detail.show_many(ids, self.model.converted_among(ids))
        else:
            self._load_detail(ids[0])

    def _load_detail(self, prospect_id: str) -> None:
        request = self._detail_request
        service = self.service

        def shown(prospect: ProspectRecord) -> None:
            if request == self._detail_request:
                self.detail.show_prospect(prospect)

        run_for(
            self,
            self.ctx.runner,
            lambda: service.get(prospect_id),
            on_done=shown,
            on_error=lambda _message, _bug: None,  # deleted meanwhile: the reload follows
        )

    def _show_details(self, shown: bool) -> None:
        self.detail.setVisible(shown)
        self.details_button.setText(
            self.tr("Hide details ▸") if shown else self.tr("◂ Show details")
        )

    def _context_menu(self, point: QPoint) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        menu = QMenu(self)
        if len(ids) == 1:
            menu.addAction(self.tr("Edit…"), lambda: self.edit_record(ids[0]))
        menu.addAction(
            self.tr("Convert to contact")
            if len(ids) == 1
            else self.tr("Convert {count} to contacts").format(count=len(ids)),
            lambda: self.convert(ids),
        )
        menu.addSeparator()
        menu.addAction(self.tr("Delete…"), lambda: self.delete(ids))
        menu.popup(self.table.viewport().mapToGlobal(point))

    # -- actions ----------------------------------------------------------------------

    def edit_record(self, prospect_id: str | None) -> ProspectDialog | None:
        if not prospect_id:
            return None
        shown = self.detail.prospect
        if shown is not None and shown.id == prospect_id:
            return self._open_editor(shown)
        run_for(
            self,
            self.ctx.runner,
            lambda: self.service.get(prospect_id),
            on_done=self._edit_loaded,
            on_error=lambda message, _bug: self.message.show_message(message, Tone.ERROR),
        )
        return None

    def _edit_loaded(self, prospect: ProspectRecord) -> None:
        self._open_editor(prospect)

    def _open_editor(self, prospect: ProspectRecord) -> ProspectDialog:
        dialog = ProspectDialog(
            self.ctx, prospect=prospect, cities=self.cities, region=self._region, parent=self
        )
        dialog.sig_saved.connect(
            lambda saved: self.message.show_message(
                self.tr("Changes to “{name}” saved.").format(name=saved.business_name),
                Tone.SUCCESS,
            )
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _added(self, prospect: ProspectRecord) -> None:
        self.message.show_message(
            self.tr("“{name}” added to your prospects.").format(name=prospect.business_name),
            Tone.SUCCESS,
        )
        self.select_record(prospect.id)

    def convert(self, prospect_ids: list[str]) -> None:
        """Make contacts of the prospects; one conversion offers to open it in the CRM."""
        if not prospect_ids:
            return
        service, ids = self.service, list(prospect_ids)
        names = {ident: self._name_of(ident) for ident in ids}
        run_for(
            self,
            self.ctx.runner,
            lambda: service.convert(ids),
            on_done=lambda result: self._converted(ids, names, result),
            on_error=lambda message, _bug: self.message.show_message(message, Tone.ERROR),
        )

    def _name_of(self, prospect_id: str) -> str:
        row = self.model.row_of(prospect_id)
        found = self.model.row_at(row) if row is not None else None
        return found.business_name if found is not None else ""

    def _converted(self, ids: list[str], names: dict[str, str], result: ConversionResult) -> None:
        self.detail.mark_converted(ids)  # at once: the list's reload comes a moment later
        if len(ids) == 1 and result.contacts:
            contact_id = result.contacts[0].id
            name = names.get(ids[0]) or result.contacts[0].company
            self.message.show_message(
                outcomes.converted_one(name, result),
                Tone.SUCCESS,
                action=self.tr("Open in CRM"),
                on_action=lambda: self.sig_open_record.emit("contact", contact_id),
            )
            return
        self.message.show_message(outcomes.converted_many(result), Tone.SUCCESS)

    def _edit_current(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            self.edit_record(ids[0])

    def _delete_selected(self) -> None:
        self.delete(self.selected_ids())

    def delete(self, prospect_ids: list[str], *, confirm: bool = True) -> None:
        if not prospect_ids:
            return
        ids = list(prospect_ids)
        if confirm and not outcomes.confirm_delete(self, len(ids), self._name_of(ids[0])):
            return
        service = self.service
        run_for(
            self,
            self.ctx.runner,
            lambda: service.delete(ids),
            on_done=lambda count: self.message.show_message(outcomes.deleted(count), Tone.SUCCESS),
            on_error=lambda message, _bug: self.message.show_message(message, Tone.ERROR),
        )

    def _imported(self, report: ImportReport) -> None:
        self.message.show_message(*outcomes.imported(report))

    def _import_closed(self, wizard: ImportWizard) -> None:
        if wizard.cancelled:
            self.message.show_message(self.tr("Import cancelled: nothing was changed."), Tone.INFO)

    # -- changes from anywhere --------------------------------------------------------

    def _on_changed(self, changes: object) -> None:
        if concerns(changes, Table.PROSPECTS, Table.USAGE_EVENTS, Table.WORKSPACE_SETTINGS):
            self.refresh_usage()
        if concerns(changes, Table.WORKSPACE_SETTINGS):
            self._load_choices()  # the country may have changed: the add dialog's default
        if concerns(changes, Table.PROSPECTS, me=self):
            self._refresh_timer.start()  # an import sends several bursts: reload once

    def _reload(self) -> None:
        self.table.remember(keep_scroll=True)
        self.model.refresh()
        self._load_choices()

    def refresh_usage(self) -> None:
        ws = self.ctx.ws
        run_for(self, self.ctx.runner, lambda: usage.current_report(ws), on_done=self._show_usage)

    def _show_usage(self, report: usage.UsageReport) -> None:
        line = report.line(Metric.PROSPECTS)
        self.usage_meter.set_usage(line.used, line.limit, fmt.day(report.resets_on))
