"""The object the map page sees as ``bridge`` through QWebChannel.

It is the page's only way into the app, and the page displays text from the internet, so
every slot treats its arguments as untrusted: kinds are checked against a fixed set, ids
against a length and character whitelist, and nothing here touches the database.
"""

from __future__ import annotations

import logging
import re

from PySide6.QtCore import QObject, Signal, Slot

log = logging.getLogger(__name__)

KINDS = frozenset({"prospect", "contact"})
LAYER_NAMES = frozenset({"contacts", "prospects"})
_ID = re.compile(r"^[A-Za-z0-9-]{1,64}$")


class MapBridge(QObject):
    # -- page -> app (emitted by the slots below, connected by the tab) -----------------
    sig_ready = Signal(int)
    """The first load finished: basemap drawn, all markers added (their count)."""
    sig_layer_loaded = Signal(str, int)
    """A layer (re)loaded with this many markers."""
    sig_open_record = Signal(str, str)
    """The user pressed "Open" in a popup: ("prospect"|"contact", id)."""
    sig_page_error = Signal(str)
    """A JavaScript error in the page (logged; tests fail on it)."""

    # -- app -> page (the page connects to these) -----------------------------------------
    reloadLayer = Signal(str, str)
    """Layer name, URL of its new points."""
    tilesChanged = Signal(str, str)
    """Tile URL template (our scheme), attribution text."""
    showRecord = Signal(str, str)
    """Zoom to a record and open its popup: kind, id."""

    @Slot(int)
    def ready(self, count: int) -> None:
        self.sig_ready.emit(int(count))

    @Slot(str, int)
    def layerLoaded(self, layer: str, count: int) -> None:
        if layer in LAYER_NAMES:
            self.sig_layer_loaded.emit(layer, int(count))

    @Slot(str, str)
    def openRecord(self, kind: str, record_id: str) -> None:
        if kind in KINDS and _ID.match(record_id or ""):
            self.sig_open_record.emit(kind, record_id)
        else:
            log.warning("map page asked to open an invalid record %r %r", kind, record_id)

    @Slot(str)
    def reportError(self, text: str) -> None:
        self.sig_page_error.emit(str(text)[:2000])
