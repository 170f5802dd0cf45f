"""The prospects tab's second page, "Find prospects", and the watcher of saved searches.

The page is built on first use; the watcher runs from the start, so a search saved while
offline runs when the connection returns whether or not the page was ever opened. When
results arrive, the page shows them if it is open; otherwise the tab's message bar (and
the window's status bar) says so, with "Show results".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QStackedWidget, QWidget

from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.prospects.discovery.saved import SavedSearchWatcher, announce_arrived
from localpro_desktop.ui.widgets import MessageBar

if TYPE_CHECKING:
    from localpro_desktop.services.discovery import SavedSearch
    from localpro_desktop.ui.prospects.discovery.panel import DiscoveryPanel


class DiscoveryHost(QObject):
    def __init__(
        self,
        ctx: UiContext,
        pages: QStackedWidget,
        list_page: QWidget,
        bar: MessageBar,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.pages = pages
        self.list_page = list_page
        self.bar = bar
        self.host_widget = parent
        self.panel: DiscoveryPanel | None = None
        self.watcher = SavedSearchWatcher(ctx, parent)
        self.watcher.sig_arrived.connect(self._arrived)

    def open(self) -> DiscoveryPanel:
        """Show the discovery page (sector, city → a preview → add)."""
        if self.panel is None:
            from localpro_desktop.ui.prospects.discovery.panel import DiscoveryPanel

            self.panel = DiscoveryPanel(self.ctx, self.watcher)
            self.panel.sig_back.connect(self.show_list)
            self.pages.addWidget(self.panel)
        self.pages.setCurrentWidget(self.panel)
        return self.panel

    def show_list(self) -> None:
        self.pages.setCurrentWidget(self.list_page)

    def _arrived(self, searches: list[SavedSearch]) -> None:
        if self.panel is not None and self.pages.currentWidget() is self.panel:
            self.panel.show_arrived(searches)
        else:
            announce_arrived(
                self.host_widget,
                searches,
                self.bar,
                lambda ident: self.open().show_saved(ident),
                self.ctx.language,
            )
        self.watcher.mark_told(searches)
