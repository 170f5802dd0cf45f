"""The Prospects tab: find businesses, look at one, add, import and convert them.

Layout, top to bottom: actions and this month's plan usage; the search bar (text,
sector, city, source, converted) with the result count; an inline message bar; the lazy
table beside a collapsible detail panel. Every database access goes through the task
runner; the tab reloads only when a change set names prospects (or usage, for the meter).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from localpro_desktop.domain.plans import Metric
from localpro_desktop.services import usage
from localpro_desktop.services.prospects import ConversionResult, ProspectService
from localpro_desktop.store.models import Prospect
from localpro_desktop.store.queries.prospects import ProspectFilter
from localpro_desktop.ui import formatting as fmt
from localpro_desktop.ui import labels
from localpro_desktop.ui.changes import concerns
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.prospects import texts
from localpro_desktop.ui.prospects.background import run_for
from localpro_desktop.ui.prospects.detail import DetailPanel
from localpro_desktop.ui.prospects.editor import ProspectDialog
from localpro_desktop.ui.prospects.model import ID_ROLE, ProspectTableModel
from localpro_desktop.ui.prospects.queries import Choices, Column, load_choices, position_of
from localpro_desktop.ui.widgets import EmptyState, MessageBar, Tone, UsageMeter

if TYPE_CHECKING:
    # The wizard pulls in the importer, pandas and openpyxl (~1.5 s on a modest laptop):
    # loaded on the first Import click, not while the window opens.
    from localpro_desktop.ui.prospects.import_wizard import ImportWizard

SEARCH_DELAY_MS = 250
REFRESH_DELAY_MS = 150
_COLUMN_WIDTHS = {
    Column.SECTOR: 135,
    Column.CITY: 100,
    Column.PHONE: 160,
    Column.WHATSAPP: 160,
    Column.SOURCE: 95,
    Column.CONVERTED: 90,
}


@dataclass
class _ViewState:
    """What to put back after a reload: the user must not lose their place."""

    selected: list[str]
    scroll: int | None  # None after a new filter: its results start at the top


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
        self._restore: _ViewState | None = None
        # (id, already reloaded for it) to select once the next first page is shown.
        self._pending_select: tuple[str, bool] | None = None
        self._detail_request = 0
        self._choices: Choices | None = None
        self.model = ProspectTableModel(ctx, self)
        self._build()
        self._connect()
        # The first page goes first in the database queue: it is what the user waits for.
        self._apply_filter()
        self._load_choices()
        self.refresh_usage()

    # -- construction -----------------------------------------------------------------

    def _build(self) -> None:
        self.add_button = QPushButton(self.tr("+ Add a prospect"))
        self.import_button = QPushButton(self.tr("Import a file…"))
        self.usage_meter = UsageMeter()
        self.details_button = QPushButton()
        self.details_button.setCheckable(True)
        self.details_button.setChecked(True)
        self.details_button.setFlat(True)
        actions = QHBoxLayout()
        actions.addWidget(self.add_button)
        actions.addWidget(self.import_button)
        actions.addStretch(1)
        actions.addWidget(self.usage_meter)
        actions.addSpacing(16)
        actions.addWidget(self.details_button)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search names, phones, e-mails, notes…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(240)
        self.sector_combo = self._filter_combo(self.tr("All sectors"))
        self.city_combo = self._filter_combo(self.tr("All cities"))
        self.source_combo = self._filter_combo(self.tr("All sources"))
        self.converted_combo = self._filter_combo(self.tr("Converted or not"))
        self.converted_combo.addItem(self.tr("Not converted yet"), False)
        self.converted_combo.addItem(self.tr("Already contacts"), True)
        self.count_label = QLabel()
        self.count_label.setStyleSheet("font-weight: 600;")
        self.count_label.setMinimumWidth(110)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        for combo in (
            self.sector_combo,
            self.city_combo,
            self.source_combo,
            self.converted_combo,
        ):
            filters.addWidget(combo, 1)
        filters.addWidget(self.count_label)

        self.message = MessageBar()

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.NAME, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        for column, width in _COLUMN_WIDTHS.items():
            self.table.setColumnWidth(column, width)
        header.setSortIndicator(Column.NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)

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

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 6)
        layout.setSpacing(6)
        layout.addLayout(actions)
        layout.addLayout(filters)
        layout.addWidget(self.message)
        layout.addWidget(self.splitter, 1)
        self._show_details(True)

    def _filter_combo(self, everything: str) -> QComboBox:
        combo = QComboBox()
        combo.addItem(everything, None)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(12)
        combo.setMaxVisibleItems(20)
        return combo

    def _connect(self) -> None:
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_filter)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self._reload)

        self.search.textChanged.connect(self._search_timer.start)
        self.search.returnPressed.connect(self._apply_filter)
        self.sector_combo.currentIndexChanged.connect(self._sector_changed)
        for combo in (self.city_combo, self.source_combo, self.converted_combo):
            combo.currentIndexChanged.connect(self._apply_filter)
        self.add_button.clicked.connect(self.add_prospect)
        self.import_button.clicked.connect(lambda: self.start_import())
        self.details_button.toggled.connect(self._show_details)

        self.model.sig_total.connect(self._total_changed)
        self.model.sig_loaded.connect(self._loaded)
        self.model.sig_failed.connect(
            lambda message: self.message.show_message(message, Tone.ERROR)
        )
        self.model.modelAboutToBeReset.connect(lambda: self._remember_view())
        selection = self.table.selectionModel()
        selection.selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda index: self.edit_record(index.data(ID_ROLE)))
        self.table.customContextMenuRequested.connect(self._context_menu)

        self.detail.sig_edit.connect(self.edit_record)
        self.detail.sig_convert.connect(self.convert)
        self.detail.sig_delete.connect(self.delete)
        self.detail.sig_open_contact.connect(
            lambda ident: self.sig_open_record.emit("contact", ident)
        )

        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self.search.setFocus)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self._delete_selected)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            edit = QShortcut(QKeySequence(key), self.table)
            edit.setContext(Qt.ShortcutContext.WidgetShortcut)
            edit.activated.connect(self._edit_current)
        self.ctx.bridge.sig_changed.connect(self._on_changed)

    # -- public API (main window) -----------------------------------------------------

    def is_ready(self) -> bool:
        """True once the first page (or the empty state) is on screen."""
        return self._ready

    def add_prospect(self) -> ProspectDialog:
        dialog = ProspectDialog(self.ctx, cities=self.cities, parent=self)
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

    def select_record(self, prospect_id: str) -> None:
        """Select and show a prospect, loading pages up to it or clearing the filters."""
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
        text = self.search.text().strip()
        return ProspectFilter(
            sector=self.sector_combo.currentData(),
            city=self.city_combo.currentData(),
            source=self.source_combo.currentData(),
            converted=self.converted_combo.currentData(),
            text=text or None,
        )

    def clear_filters(self) -> None:
        for widget in (
            self.search,
            self.sector_combo,
            self.city_combo,
            self.source_combo,
            self.converted_combo,
        ):
            widget.blockSignals(True)
        self.search.clear()
        for combo in (self.sector_combo, self.city_combo, self.source_combo, self.converted_combo):
            combo.setCurrentIndex(0)
        for widget in (
            self.search,
            self.sector_combo,
            self.city_combo,
            self.source_combo,
            self.converted_combo,
        ):
            widget.blockSignals(False)
        self._fill_cities()
        self._apply_filter()

    # -- filters ----------------------------------------------------------------------

    def _apply_filter(self) -> None:
        self._search_timer.stop()
        flt = self.current_filter()
        if flt == self._applied and self.model.current_filter is not None:
            return
        self._applied = flt
        self.model.set_query(flt)
        self.sig_filter_changed.emit(flt)

    def _sector_changed(self) -> None:
        self._fill_cities()
        self._apply_filter()

    def _load_choices(self) -> None:
        """Drop-downs list what the data holds (one scan, on the database worker)."""
        ws = self.ctx.ws
        run_for(self, self.ctx.runner, lambda: load_choices(ws), on_done=self._fill_choices)

    def _fill_choices(self, choices: Choices) -> None:
        self._choices = choices
        language = self.ctx.language
        sectors = sorted(
            ((labels.sector(s, language), s) for s in choices.sectors),
            key=lambda item: item[0].casefold(),
        )
        _refill(self.sector_combo, sectors)
        sources = sorted(
            ((labels.source(s), s) for s in choices.sources),
            key=lambda item: item[0].casefold(),
        )
        _refill(self.source_combo, sources)
        self._fill_cities()

    def _fill_cities(self) -> None:
        """Cities follow the chosen sector, so no combination leads to an empty list."""
        if self._choices is not None:
            cities = self._choices.cities(self.sector_combo.currentData())
            _refill(self.city_combo, [(city, city) for city in cities])

    @property
    def cities(self) -> list[str]:
        """Every city in the data, for the add/edit dialog's suggestions."""
        return self._choices.cities() if self._choices is not None else []

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
        state, self._restore = self._restore, None
        if state is not None:
            self._put_back(state)
        if self._pending_select is not None:
            (pending, reloaded), self._pending_select = self._pending_select, None
            self._select(pending, reloaded=reloaded)
        elif first_time and self.model.rowCount() and not self.selected_ids():
            # Like a mail client: the panel shows the first prospect rather than a blank.
            self._select_row(0)

    def _remember_view(self, *, keep_scroll: bool = False) -> None:
        if self._restore is None:
            scroll = self.table.verticalScrollBar().value() if keep_scroll else None
            self._restore = _ViewState(self.selected_ids(), scroll)

    def _put_back(self, state: _ViewState) -> None:
        selection = QItemSelection()
        for ident in state.selected:
            row = self.model.row_of(ident)
            if row is not None:
                selection.select(self.model.index(row, 0), self.model.index(row, len(Column) - 1))
        if not selection.isEmpty():
            self.table.selectionModel().select(
                selection, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        else:
            self._selection_changed()
        if state.scroll is not None:
            self.table.verticalScrollBar().setValue(state.scroll)

    def _show_empty(self) -> None:
        flt = self.current_filter()
        active = [
            self.sector_combo.currentText() if flt.sector else "",
            self.city_combo.currentText() if flt.city else "",
            self.source_combo.currentText() if flt.source else "",
            self.converted_combo.currentText() if flt.converted is not None else "",
        ]
        where = " · ".join(part for part in active if part)
        if flt == ProspectFilter():
            self.empty.show_state(
                self.tr("No prospects yet"),
                self.tr(
                    "Add the businesses you want to reach one by one, or import the list "
                    "you already keep in Excel."
                ),
                [
                    (self.tr("Add a prospect"), self.add_prospect),
                    (self.tr("Import a file…"), lambda: self.start_import()),
                ],
            )
        else:
            title = (
                self.tr("No prospect matches “{text}”").format(text=flt.text)
                if flt.text
                else self.tr("No prospect matches these filters")
            )
            detail = self.tr("Filters: {filters}").format(filters=where) if where else ""
            self.empty.show_state(title, detail, [(self.tr("Clear filters"), self.clear_filters)])
        self.list_stack.setCurrentWidget(self.empty)
        self.detail.show_nothing()

    # -- selection and details --------------------------------------------------------

    def selected_ids(self) -> list[str]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        found = (self.model.row_at(row) for row in rows)
        return [row.id for row in found if row is not None]

    def _select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.table.selectionModel().select(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.NoUpdate
        )
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

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
                self._remember_view(keep_scroll=True)
                self.model.refresh()

        self.model.ensure_loaded(position + 1, select)

    def _selection_changed(self, *_args: object) -> None:
        ids = self.selected_ids()
        self._detail_request += 1
        if not ids:
            self.detail.show_nothing()
        elif len(ids) > 1:
            self.detail.show_many(ids)
        else:
            self._load_detail(ids[0])

    def _load_detail(self, prospect_id: str) -> None:
        request = self._detail_request
        service = self.service

        def shown(prospect: Prospect) -> None:
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
            on_done=self._open_editor,
            on_error=lambda message, _bug: self.message.show_message(message, Tone.ERROR),
        )
        return None

    def _open_editor(self, prospect: Prospect) -> ProspectDialog:
        dialog = ProspectDialog(self.ctx, prospect=prospect, cities=self.cities, parent=self)
        dialog.sig_saved.connect(
            lambda saved: self.message.show_message(
                self.tr("Changes to “{name}” saved.").format(name=saved.business_name),
                Tone.SUCCESS,
            )
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _added(self, prospect: Prospect) -> None:
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
        if len(ids) == 1 and result.contacts:
            contact_id = result.contacts[0].id
            name = names.get(ids[0]) or result.contacts[0].company
            text = (
                self.tr("“{name}” is now a contact in the CRM.")
                if result.created
                else self.tr("“{name}” was already a contact in the CRM.")
            ).format(name=name)
            self.message.show_message(
                text,
                Tone.SUCCESS,
                action=self.tr("Open in CRM"),
                on_action=lambda: self.sig_open_record.emit("contact", contact_id),
            )
            return
        text = self.tr("{count} prospects converted to contacts.").format(
            count=fmt.number(result.created)
        )
        if result.already_converted:
            text += " " + self.tr("{count} were contacts already.").format(
                count=fmt.number(result.already_converted)
            )
        self.message.show_message(text, Tone.SUCCESS)

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
        if confirm and not self._confirm_delete(ids):
            return
        service = self.service
        run_for(
            self,
            self.ctx.runner,
            lambda: service.delete(ids),
            on_done=lambda count: self.message.show_message(
                self.tr("1 prospect deleted.")
                if count == 1
                else self.tr("{count} prospects deleted.").format(count=fmt.number(count)),
                Tone.SUCCESS,
            ),
            on_error=lambda message, _bug: self.message.show_message(message, Tone.ERROR),
        )

    def _confirm_delete(self, ids: list[str]) -> bool:
        if len(ids) == 1:
            question = self.tr("Delete “{name}”?").format(name=self._name_of(ids[0]) or "?")
        else:
            question = self.tr("Delete {count} prospects?").format(count=fmt.number(len(ids)))
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Delete prospects"),
            question,
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setInformativeText(
            self.tr(
                "They disappear from lists, searches and the map. Contacts already made "
                "from them stay in the CRM."
            )
        )
        delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is delete

    def _imported(self, report: object) -> None:
        created = getattr(report, "created", 0)
        updated = getattr(report, "updated", 0)
        rejected = len(getattr(report, "rejected", []))
        text = self.tr("Import finished: {created} added, {updated} updated, {rejected} rejected.")
        self.message.show_message(
            text.format(
                created=fmt.number(created),
                updated=fmt.number(updated),
                rejected=fmt.number(rejected),
            ),
            Tone.WARNING if rejected else Tone.SUCCESS,
        )

    def _import_closed(self, wizard: ImportWizard) -> None:
        if wizard.cancelled:
            self.message.show_message(self.tr("Import cancelled: nothing was changed."), Tone.INFO)

    # -- changes from anywhere --------------------------------------------------------

    def _on_changed(self, changes: object) -> None:
        if concerns(changes, "prospects", "usage_events", "workspace_settings"):
            self.refresh_usage()
        if concerns(changes, "prospects", me=self):
            self._refresh_timer.start()  # an import sends several bursts: reload once

    def _reload(self) -> None:
        self._remember_view(keep_scroll=True)
        self.model.refresh()
        self._load_choices()

    def refresh_usage(self) -> None:
        ws = self.ctx.ws

        def load() -> usage.UsageReport:
            with ws.read() as session:
                return usage.report(session, ws.settings().plan)

        run_for(self, self.ctx.runner, load, on_done=self._show_usage)

    def _show_usage(self, report: usage.UsageReport) -> None:
        line = report.line(Metric.PROSPECTS)
        self.usage_meter.set_usage(line.used, line.limit, fmt.day(report.resets_on))


def _refill(combo: QComboBox, items: list[tuple[str, str]]) -> None:
    """Replace a filter's choices, keeping the current one even if the data lost it."""
    current = combo.currentData()
    everything = combo.itemText(0)
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(everything, None)
    for text, value in items:
        combo.addItem(text, value)
    if current is not None:
        index = combo.findData(current)
        if index < 0:
            combo.addItem(str(current), current)
            index = combo.count() - 1
        combo.setCurrentIndex(index)
    combo.blockSignals(False)
