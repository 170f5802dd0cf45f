"""Searches saved while offline: run them when the connection is back, tell the user.

The watcher belongs to the prospects tab, not to the discovery page: a search saved
yesterday must run today even if the page is never opened. It looks once when built
(on the database worker), then every minute while searches wait; each round runs them
off the UI thread (network), and what finished and was not told yet comes back as
``sig_arrived``. The tab shows it and marks it told.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from localpro_desktop.services.discovery import DiscoveryService, SavedSearch
from localpro_desktop.ui import formatting as fmt
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.prospects.background import run_for
from localpro_desktop.ui.prospects.discovery import texts
from localpro_desktop.ui.widgets import MessageBar, Tone

POLL_MS = 60_000
STATUS_MS = 20_000
SEARCH_ID_ROLE = 0x0101


class SavedSearchWatcher(QObject):
    sig_arrived = Signal(list)
    """``SavedSearch`` values that finished and the user was not told of yet."""
    sig_waiting = Signal(list)
    """The searches still waiting for a connection (after each look)."""

    def __init__(self, ctx: UiContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.service = DiscoveryService(ctx.ws)
        self._running = False
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.check_now)
        self._look()

    def _look(self) -> None:
        """Cheap: what waits, and what ran and was not told (no network)."""
        service = self.service

        def look() -> tuple[list[SavedSearch], list[SavedSearch]]:
            return service.saved_searches(), service.untold()

        run_for(self, self.ctx.runner, look, on_done=self._looked)

    def _looked(self, result: tuple[list[SavedSearch], list[SavedSearch]]) -> None:
        waiting, untold = result
        self.sig_waiting.emit(waiting)
        if waiting and not self.timer.isActive():
            self.timer.start()
        elif not waiting:
            self.timer.stop()
        if untold:
            self.sig_arrived.emit(untold)

    def saved_one(self) -> None:
        """A search was just saved: start watching."""
        self._look()

    def check_now(self) -> None:
        """Run what waits (network, off the UI thread); one round at a time."""
        if self._running:
            return
        self._running = True
        service = self.service

        def run() -> None:
            if service.has_saved():
                service.run_saved()

        run_for(
            self,
            self.ctx.runner,
            run,
            database=False,
            on_done=lambda _none: self._ran(),
            on_error=lambda _message, _bug: self._ran(),
        )

    def _ran(self) -> None:
        self._running = False
        self._look()

    def mark_told(self, searches: list[SavedSearch]) -> None:
        service, ids = self.service, [s.id for s in searches]
        run_for(self, self.ctx.runner, lambda: service.mark_told(ids))

    def cancel(self, search_id: str) -> None:
        service = self.service
        run_for(
            self,
            self.ctx.runner,
            lambda: service.cancel_saved(search_id),
            on_done=lambda _none: self._look(),
            on_error=lambda _message, _bug: self._look(),
        )


class SavedSearchList(QWidget):
    """The searches waiting for a connection, with "Try now" and "Cancel"."""

    def __init__(self, watcher: SavedSearchWatcher, language: str) -> None:
        super().__init__()
        self.watcher = watcher
        self.language = language
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: 600;")
        self.items = QListWidget()
        self.items.setMaximumHeight(90)
        self.try_button = QPushButton(self.tr("Try now"))
        self.cancel_button = QPushButton(self.tr("Cancel this search"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.try_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.items)
        layout.addLayout(buttons)
        self.try_button.clicked.connect(watcher.check_now)
        self.cancel_button.clicked.connect(self._cancel)
        self.items.currentItemChanged.connect(lambda *_: self._enable())
        watcher.sig_waiting.connect(self.show_waiting)
        self.hide()

    def show_waiting(self, searches: list[SavedSearch]) -> None:
        self.items.clear()
        for search in searches:
            item = QListWidgetItem(
                self.tr("{what} — saved {when}").format(
                    what=texts.request_label(search.request, self.language),
                    when=fmt.moment(search.created_at),
                )
            )
            item.setData(SEARCH_ID_ROLE, search.id)
            self.items.addItem(item)
        self.title.setText(
            fmt.plural(
                len(searches),
                self.tr("1 search waiting for a connection"),
                self.tr("{count} searches waiting for a connection"),
            ).format(count=len(searches))
        )
        if searches:
            self.items.setCurrentRow(0)
        self._enable()
        self.setVisible(bool(searches))

    def _enable(self) -> None:
        self.cancel_button.setEnabled(self.items.currentItem() is not None)

    def _cancel(self) -> None:
        item = self.items.currentItem()
        if item is not None:
            self.watcher.cancel(str(item.data(SEARCH_ID_ROLE)))


def announce_arrived(
    host: QWidget,
    searches: list[SavedSearch],
    bar: MessageBar,
    open_results: Callable[[str], None],
    language: str,
) -> None:
    """Tell the user saved searches ran: in ``bar`` (with "Show results" when one found
    something) and in the window's status bar, which is seen from any tab."""
    text = texts.arrived(searches, language)
    done = [s for s in searches if s.state == "done"]
    bar.show_message(
        text,
        Tone.SUCCESS if done else Tone.WARNING,
        action=QCoreApplication.translate("SavedSearchList", "Show results") if done else None,
        on_action=(lambda: open_results(done[0].id)) if done else None,
    )
    window = host.window()
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, STATUS_MS)
