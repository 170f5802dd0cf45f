""" "Share this map": what the map tab shows, saved as one HTML file that opens offline.

The file is written by ``services/exporting/map_html.py`` on the database worker (it reads
every shown record and writes a few hundred kilobytes), so the window never waits; the
outcome comes back as one line beside the button. The selection is the tab's: each layer
with the filter the prospects and CRM lists gave it, nothing when a list shows everything.

``MapShare`` is not tied to the map tab: the Find prospects page shares a search result
with it too (``ui/prospects/discovery/share.py``), with its own button text, file name and
selection, and shows the outcome in its own message bar (``show_state=False``).
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


def file_name(stem: str) -> str:
    """``stem`` made safe as a file name on every system, dated: "visits-2026-12-07.html"."""
    safe = re.sub(r"[^\w-]+", "-", stem).strip("-") or "map"
    return f"{safe}-{date.today().isoformat()}.html"


def ask_html_path(window: QWidget, title: str, name: str, filter_text: str) -> Path | None:
    """The save dialog, in the user's documents folder; None when cancelled. A name typed
    without ".html" gets it (a phone opens the file by its extension)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    path, _ = QFileDialog.getSaveFileName(window, title, str(Path(folder) / name), filter_text)
    if not path:
        return None
    target = Path(path)
    if target.suffix.lower() not in (".html", ".htm"):
        target = target.with_suffix(".html")
    return target


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
        *,
        text: str | None = None,
        file_stem: Callable[[], str] | None = None,
        show_state: bool = True,
    ) -> None:
        """``text``: the button's (default "Share this map…"); ``file_stem``: the suggested
        file name before its date (default "visits"); ``show_state``: False when the caller
        shows ``sig_message`` itself (``state`` then stays hidden)."""
        super().__init__(window)
        self.ctx = ctx
        self._window = window
        self._selection = selection
        self._tiles = tiles
        self._file_stem = file_stem
        self.busy = False
        self.button = QPushButton(text or self.tr("Share this map…"), window)
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
        if show_state:
            self.sig_message.connect(self._show_message)

    @Slot()
    def choose_file(self) -> None:
        """Ask where to save, then write the file in the background."""
        stem = self._file_stem() if self._file_stem is not None else self.tr("visits")
        target = ask_html_path(
            self._window, self.tr("Share this map"), file_name(stem), self.tr("Web page (*.html)")
        )
        if target is not None:
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
        approximate = sum(c.approximate for c in result.coverage.values())
        if approximate:
            near = self.tr("{count} at their city's centre (approximate).")
            text += " " + near.format(count=fmt.number(approximate))
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
