""" "Share this map": what the map tab shows, saved as one HTML file that opens offline.

The file is written by ``services/exporting/map_html.py`` on the database worker (it reads
every shown record and writes a few hundred kilobytes), so the window never waits; the
outcome comes back as one line beside the button. The selection is the tab's: each layer
with the filter the prospects and CRM lists gave it, nothing when a list shows everything.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Signal, Slot
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton, QWidget

from localpro_desktop.services.exporting.map_html import (
    MapExportResult,
    MapSelection,
    TileSource,
    export_map_html,
)
from localpro_desktop.ui import formatting as fmt
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.i18n import translate_message
from localpro_desktop.ui.style import ERROR_COLOR, MUTED_COLOR
from localpro_desktop.ui.tasks import guarded


def web_tiles(url: str, attribution: str) -> TileSource | None:
    """The shared file's background: the user's tile server when it is on the web (else the
    service's default, OpenStreetMap: a phone cannot reach this computer's tile cache)."""
    if not url.lower().startswith(("https://", "http://")):
        return None
    return TileSource(url, attribution)


class MapShare(QObject):
    sig_done = Signal(object)
    """The file was written: its ``MapExportResult``."""
    sig_message = Signal(str, bool)
    """What to tell the user: (text, is an error)."""

    def __init__(
        self,
        ctx: UiContext,
        window: QWidget,
        selection: Callable[[], MapSelection],
        tiles: Callable[[], TileSource | None],
    ) -> None:
        super().__init__(window)
        self.ctx = ctx
        self._window = window
        self._selection = selection
        self._tiles = tiles
        self.busy = False
        self.button = QPushButton(self.tr("Share this map…"), window)
        self.button.setToolTip(
            self.tr(
                "Save what the map shows as one web page that opens on a phone without a "
                "connection, to plan a day of visits"
            )
        )
        self.button.clicked.connect(self.choose_file)
        self.state = QLabel(window)
        """The last outcome, shown under the tab's top line (hidden until there is one)."""
        self.state.setWordWrap(True)
        self.state.hide()
        self.sig_message.connect(self._show_message)

    @Slot()
    def choose_file(self) -> None:
        """Ask where to save, then write the file in the background."""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = re.sub(r"[^\w-]+", "-", self.tr("visits")).strip("-") or "visits"
        default = str(Path(folder) / f"{name}-{date.today().isoformat()}.html")
        path, _ = QFileDialog.getSaveFileName(
            self._window, self.tr("Share this map"), default, self.tr("Web page (*.html)")
        )
        if path:
            target = Path(path)
            if target.suffix.lower() not in (".html", ".htm"):
                target = target.with_suffix(".html")
            self.export_to(target)

    def export_to(self, path: Path) -> None:
        """Write the map the tab shows to ``path``, off the UI thread."""
        if self.busy:
            return
        self.busy = True
        ws, selection, tiles = self.ctx.ws, self._selection(), self._tiles()
        self.sig_message.emit(self.tr("Saving the map…"), False)

        def job() -> MapExportResult:
            return export_map_html(ws, selection, path, tiles=tiles)

        self.ctx.runner.run(
            job, on_done=guarded(self, self._done), on_error=guarded(self, self._failed)
        )

    def _done(self, result: object) -> None:
        self.busy = False
        if not isinstance(result, MapExportResult):
            return
        text = self.tr("Map of {count} records saved to {file}: it opens without a connection.")
        text = text.format(count=fmt.number(result.points), file=str(result.path))
        if result.without_location:
            missing = self.tr("{count} without a known place left out.")
            text += " " + missing.format(count=fmt.number(result.without_location))
        self.sig_message.emit(text, False)
        self.sig_done.emit(result)

    def _failed(self, message: str, _is_bug: bool) -> None:
        self.busy = False
        self.sig_message.emit(
            self.tr("The map was not saved: {reason}").format(reason=translate_message(message)),
            True,
        )

    @Slot(str, bool)
    def _show_message(self, text: str, is_error: bool) -> None:
        color = ERROR_COLOR if is_error else MUTED_COLOR
        self.state.setText(text)
        self.state.setStyleSheet(f"color: {color}; padding: 0 8px 4px 8px;")
        self.state.setVisible(bool(text))
