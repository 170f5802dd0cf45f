"""The map's web page object and its teardown, apart from the tab that shows them.

``MapPage`` keeps the view on our page and sends the page's console to our log.
``teardown`` deletes page and profile in the order QtWebEngine needs, whenever the tab goes.
"""

from __future__ import annotations

import atexit
import logging
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QUrl
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile
from PySide6.QtWidgets import QWidget

from localpro_desktop.ui.map.scheme import PAGE_URL, SCHEME
from localpro_desktop.ui.map.tiles import TileStore

log = logging.getLogger(__name__)


class MapPage(QWebEnginePage):
    """Stays on our page: no navigation elsewhere, console output goes to our log."""

    def __init__(self, profile: QWebEngineProfile, parent: QWidget | None = None) -> None:
        super().__init__(profile, parent)
        self.console_errors: list[str] = []

    def acceptNavigationRequest(
        self, url: QUrl | str, _type: QWebEnginePage.NavigationType, is_main_frame: bool
    ) -> bool:
        target = QUrl(url)
        return target.scheme() == SCHEME and target.path() == QUrl(PAGE_URL).path()

    def javaScriptConsoleMessage(
        self,
        level: QWebEnginePage.JavaScriptConsoleMessageLevel,
        message: str,
        line: int,
        source: str,
    ) -> None:
        text = f"{source}:{line}: {message}"
        if level == QWebEnginePage.JavaScriptConsoleMessageLevel.ErrorMessageLevel:
            self.console_errors.append(text)
            log.info("map page error: %s", text)
        else:
            log.debug("map page: %s", text)


def teardown(page: QWebEnginePage, store: TileStore) -> Callable[..., None]:
    """What must happen when the tab goes, in this order, before Qt deletes its children.

    A QWidget emits ``destroyed`` before deleting its children, so this runs while the page
    and profile still exist. The page is deleted first: a profile deleted while a page uses
    it makes Qt warn "Release of profile requested but WebEnginePage still not deleted" and
    can crash the engine. The closure holds no reference to the tab itself.
    """

    def run(*_args: object) -> None:
        _PENDING_TEARDOWNS.discard(run)
        store.close()
        if shiboken6.isValid(page):
            shiboken6.delete(page)

    _PENDING_TEARDOWNS.add(run)
    return run


_PENDING_TEARDOWNS: set[Callable[..., None]] = set()
"""Tabs still alive. A tab never deleted before the interpreter shuts down would be freed
during finalization, when Python callbacks (our ``destroyed`` handler) can no longer run, and
the engine crashes on the profile-before-page order; so whatever is left is torn down at exit.
"""


@atexit.register
def _teardown_leftovers() -> None:
    for run in list(_PENDING_TEARDOWNS):
        run()
