"""The discovery page: search a sector in a city, look at what is new, add it.

A page of the prospects tab (the list is one click away, "← Prospects"), not a modal
dialog: the user goes back and forth between what was found and what they have. Searches
run on the network, off the UI thread (``database=False``: a slow server must not hold up
the database queue the list pages through); adding runs on the database worker. A Google
search first shows what it may cost and waits for the user to confirm it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from localpro_desktop.services.discovery import (
    AddMode,
    AddOutcome,
    CostEstimate,
    DiscoveryService,
    DiscoverySource,
    Preview,
    Queued,
    SavedSearch,
    SearchRequest,
)
from localpro_desktop.ui import formatting as fmt
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.prospects.background import run_for
from localpro_desktop.ui.prospects.discovery import texts
from localpro_desktop.ui.prospects.discovery.form import DiscoveryForm
from localpro_desktop.ui.prospects.discovery.preview_model import Col, PreviewModel
from localpro_desktop.ui.prospects.discovery.saved import (
    SavedSearchList,
    SavedSearchWatcher,
    announce_arrived,
)
from localpro_desktop.ui.prospects.discovery.share import DiscoveryShare
from localpro_desktop.ui.style import MUTED_COLOR
from localpro_desktop.ui.widgets import EmptyState, MessageBar, Tone

if TYPE_CHECKING:  # the dialogs load on first use
    from localpro_desktop.ui.prospects.discovery.merges_dialog import MergesDialog
    from localpro_desktop.ui.prospects.discovery.sources_dialog import SourcesDialog

_WIDTHS = {Col.CHECK: 34, Col.REACH: 170, Col.PHONE: 170, Col.STATUS: 260}


class DiscoveryPanel(QWidget):
    sig_back = Signal()
    """Back to the prospect list."""
    sig_added = Signal(object)
    """An ``AddOutcome``: places became prospects (the list reloads by itself)."""

    def __init__(
        self, ctx: UiContext, watcher: SavedSearchWatcher, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.watcher = watcher
        self.service = DiscoveryService(ctx.ws)
        self.preview: Preview | None = None
        self._searching = False
        self.model = PreviewModel(self)
        self._build()
        self._connect()
        self._show_start()

    # -- construction -----------------------------------------------------------------

    def _build(self) -> None:
        self.back_button = QPushButton(self.tr("← Prospects"))
        self.back_button.setFlat(True)
        heading = QLabel(self.tr("Find prospects"))
        heading.setStyleSheet("font-size: 16px; font-weight: 600;")
        self.merges_button = QPushButton(self.tr("Merges…"))
        self.merges_button.setToolTip(self.tr("Review the places merged into known prospects"))
        self.sources_button = QPushButton(self.tr("Sources…"))
        self.sources_button.setToolTip(
            self.tr("Servers, your Google Places key, and extra OpenStreetMap tags")
        )
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.merges_button)
        top.addWidget(self.sources_button)

        self.form = DiscoveryForm(self.ctx, self.service)
        self.message = MessageBar()
        self.saved_list = SavedSearchList(self.watcher, self.ctx.language)

        self.result_title = QLabel()
        self.result_title.setStyleSheet("font-weight: 600;")
        self.cache_label = QLabel()
        self.cache_label.setStyleSheet(f"color: {MUTED_COLOR};")
        title_row = QHBoxLayout()
        title_row.addWidget(self.result_title)
        title_row.addStretch(1)
        title_row.addWidget(self.cache_label)
        self.summary = QLabel()
        self.hint = MessageBar()

        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Col.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(Col.ADDRESS, QHeaderView.ResizeMode.Stretch)
        for column, width in _WIDTHS.items():
            header.resizeSection(column, width)

        self.empty = EmptyState()
        self.body = QStackedWidget()
        self.body.addWidget(self.empty)
        self.body.addWidget(self.table)

        self.check_all = QCheckBox(self.tr("Select all"))
        self.add_new_button = QPushButton()
        self.add_selected_button = QPushButton()
        self.add_selected_button.setToolTip(
            self.tr("Known places you select are merged into the prospect they match.")
        )
        self.again_button = QPushButton(self.tr("Search again"))
        self.again_button.setToolTip(self.tr("Ask the source again instead of the saved results"))
        self.share = DiscoveryShare(self.ctx, self, self.message)
        self.share_button = self.share.button
        actions = QHBoxLayout()
        actions.addWidget(self.check_all)
        actions.addStretch(1)
        actions.addWidget(self.share_button)
        actions.addWidget(self.again_button)
        actions.addWidget(self.add_selected_button)
        actions.addWidget(self.add_new_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 6)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.saved_list)
        layout.addLayout(title_row)
        layout.addWidget(self.summary)
        layout.addWidget(self.hint)
        layout.addWidget(self.body, 1)
        layout.addLayout(actions)

    def _connect(self) -> None:
        self.back_button.clicked.connect(self.sig_back)
        self.merges_button.clicked.connect(self.open_merges)
        self.sources_button.clicked.connect(self.open_sources)
        self.form.sig_search.connect(lambda: self.search())
        self.again_button.clicked.connect(lambda: self.search(refresh=True, again=True))
        self.add_new_button.clicked.connect(self.add_all_new)
        self.add_selected_button.clicked.connect(self.add_selected)
        self.check_all.toggled.connect(lambda on: self.model.set_checked(None if on else set()))
        self.model.sig_checked.connect(self._checked_changed)

    def _show_start(self) -> None:
        self.empty.show_state(
            self.tr("Find businesses to contact"),
            self.tr(
                "Pick a sector and a city, then Search. OpenStreetMap is free; Google Places "
                "usually has more phone numbers and uses your own key. Nothing is added "
                "until you choose."
            ),
            [],
        )
        self.body.setCurrentWidget(self.empty)
        for widget in (self.result_title, self.cache_label, self.summary):
            widget.clear()
        self.hint.dismiss()
        self._enable_actions()

    # -- searching --------------------------------------------------------------------

    def search(self, *, refresh: bool = False, again: bool = False) -> None:
        """Search what the form says ("search again": what the preview shows, refreshed)."""
        if self._searching:
            return
        request = self.preview.request if again and self.preview else self.form.request()
        if request.source is DiscoverySource.GOOGLE:
            self._estimate(request, refresh)
        else:
            self._run(request, refresh)

    def _estimate(self, request: SearchRequest, refresh: bool) -> None:
        service = self.service
        self.form.set_busy(self.tr("Estimating the cost…"))
        run_for(
            self,
            self.ctx.runner,
            lambda: service.estimate(request),
            database=False,
            on_done=lambda cost: self._confirm(request, refresh, cost),
            on_error=self._failed,
        )

    def _confirm(self, request: SearchRequest, refresh: bool, cost: CostEstimate | None) -> None:
        self.form.set_busy(None)
        if cost is None:
            self._run(request, refresh)
            return
        self.message.show_message(
            texts.cost(cost.requests, f"{cost.usd:.2f}"),
            Tone.WARNING,
            action=self.tr("Run the search"),
            on_action=lambda: self._run(request, refresh),
        )

    def _run(self, request: SearchRequest, refresh: bool, *, quiet: bool = False) -> None:
        self._searching = True
        if not quiet:
            self.message.dismiss()
            self.form.set_busy(
                self.tr("Searching {source}…").format(source=texts.source_name(request.source))
            )
        service = self.service
        run_for(
            self,
            self.ctx.runner,
            lambda: service.search(request, refresh=refresh),
            database=False,
            on_done=self._searched,
            on_error=self._failed,
        )

    def _searched(self, result: Preview | Queued) -> None:
        self._searching = False
        self.form.set_busy(None)
        if isinstance(result, Queued):
            self.message.show_message(texts.queued(), Tone.WARNING)
            self.watcher.saved_one()
            return
        self.show_preview(result)

    def _failed(self, message: str, _is_bug: bool) -> None:
        self._searching = False
        self.form.set_busy(None)
        self.message.show_message(message, Tone.ERROR)

    def show_preview(self, preview: Preview) -> None:
        self.preview = preview
        self.model.set_preview(preview)
        self.check_all.setChecked(False)
        self.result_title.setText(texts.title(preview, self.ctx.language))
        self.cache_label.setText(texts.cache_note(preview))
        self.summary.setText(texts.summary(preview))
        if texts.wants_other_source(preview):
            hint, button = texts.other_source_hint(preview)
            self.hint.show_message(hint, Tone.INFO, action=button, on_action=self._other_source)
        else:
            self.hint.dismiss()
        if preview.found:
            self.body.setCurrentWidget(self.table)
        else:
            self.empty.show_state(
                self.tr("Nothing found"),
                self.tr("Try a wider radius, a neighbouring city, or the other source."),
                [],
            )
            self.body.setCurrentWidget(self.empty)
        self._enable_actions()

    def _other_source(self) -> None:
        if self.preview is None:
            return
        request = self.preview.request
        other = (
            DiscoverySource.GOOGLE if request.source is DiscoverySource.OSM else DiscoverySource.OSM
        )
        self.form.set_source(other)
        self._search_request(
            SearchRequest(request.sector, request.city, request.country, request.radius_km, other)
        )

    def _search_request(self, request: SearchRequest) -> None:
        if request.source is DiscoverySource.GOOGLE:
            self._estimate(request, False)
        else:
            self._run(request, False)

    # -- adding -----------------------------------------------------------------------

    def _checked_changed(self, count: int) -> None:
        self.add_selected_button.setText(
            self.tr("Add selected ({count})").format(count=fmt.number(count))
        )
        self.add_selected_button.setEnabled(count > 0 and self.preview is not None)

    def _enable_actions(self) -> None:
        preview = self.preview
        new = preview.new if preview is not None else 0
        self.add_new_button.setText(self.tr("Add all new ({count})").format(count=fmt.number(new)))
        self.add_new_button.setEnabled(new > 0)
        self.again_button.setEnabled(preview is not None)
        self.check_all.setEnabled(bool(preview and preview.found))
        self.share.set_preview(preview)
        self._checked_changed(len(self.model.checked_refs()))

    def add_all_new(self) -> None:
        if self.preview is not None:
            self._add(self.preview, None, AddMode.NEW)

    def add_selected(self) -> None:
        refs = self.model.checked_refs()
        if self.preview is not None and refs:
            self._add(self.preview, refs, AddMode.ALL)

    def _add(self, preview: Preview, refs: list[str] | None, mode: AddMode) -> None:
        service = self.service
        self.add_new_button.setEnabled(False)
        self.add_selected_button.setEnabled(False)
        run_for(
            self,
            self.ctx.runner,
            lambda: service.add(preview, refs, mode=mode),
            on_done=lambda result: self._added(preview, result),
            on_error=self._add_failed,
        )

    def _added(self, preview: Preview, result: AddOutcome) -> None:
        tone = Tone.WARNING if result.over_limit else Tone.SUCCESS
        self.message.show_message(
            texts.outcome(result),
            tone,
            action=self.tr("Show in the list") if result.added or result.merged else None,
            on_action=self.sig_back.emit,
        )
        self.sig_added.emit(result)
        self.model.set_checked(set())
        # What was added is known now: read the preview again (from the saved results).
        self._run(preview.request, False, quiet=True)

    def _add_failed(self, message: str, _is_bug: bool) -> None:
        self.message.show_message(message, Tone.ERROR)
        self._enable_actions()

    # -- saved searches ---------------------------------------------------------------

    def show_arrived(self, searches: list[SavedSearch]) -> None:
        """Saved searches ran: say so here, with the first one's results a click away."""
        announce_arrived(self, searches, self.message, self.show_saved, self.ctx.language)

    def show_saved(self, search_id: str) -> None:
        """The results of a saved search that ran (from the saved results, offline)."""
        service = self.service
        self.form.set_busy(self.tr("Opening the results…"))
        self._searching = True
        run_for(
            self,
            self.ctx.runner,
            lambda: service.saved_preview(search_id),
            database=False,
            on_done=self._searched,
            on_error=self._failed,
        )

    # -- dialogs ----------------------------------------------------------------------

    def open_merges(self) -> MergesDialog:
        from localpro_desktop.ui.prospects.discovery.merges_dialog import MergesDialog

        dialog = MergesDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def open_sources(self) -> SourcesDialog:
        from localpro_desktop.ui.prospects.discovery.sources_dialog import SourcesDialog

        dialog = SourcesDialog(self.ctx, self)
        dialog.sig_saved.connect(self.form.load_sectors)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog
