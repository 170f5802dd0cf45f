"""Export from the CRM tab: the contacts the board shows, to CSV, Excel or GeoJSON.

Files are written by ``services.board.export_board`` off the UI thread, with a progress
dialog that can cancel; the outcome comes back as one line for the tab's message bar.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Signal
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QWidget

from localpro_desktop.services.board import BoardFilter, export_board
from localpro_desktop.services.exporting.exporters import ExportFormat, ExportResult
from localpro_desktop.ui import formatting as fmt
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.tasks import CancelToken, Wants, guarded


class ExportController(QObject):
    sig_done = Signal(str)
    """An export finished: the path of the written file."""
    sig_message = Signal(str, bool)
    """What to tell the user: (text, is an error)."""

    def __init__(self, ctx: UiContext, window: QWidget) -> None:
        super().__init__(window)
        self.ctx = ctx
        self._window = window

    def choose_file(self, flt: BoardFilter) -> None:
        """Ask where and in which format, then export what ``flt`` shows."""
        filters = {
            self.tr("CSV (*.csv)"): (ExportFormat.CSV, False),
            self.tr("CSV for Excel in French, with semicolons (*.csv)"): (ExportFormat.CSV, True),
            self.tr("Excel workbook (*.xlsx)"): (ExportFormat.XLSX, False),
            self.tr("GeoJSON for maps (*.geojson)"): (ExportFormat.GEOJSON, False),
        }
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = flt.segment.name if flt.segment is not None else "contacts"
        stem = re.sub(r"[^\w-]+", "-", name).strip("-") or "contacts"
        default = str(Path(folder) / f"{stem}-{date.today().isoformat()}.csv")
        chosen = list(filters)[1 if self.ctx.language == "fr" else 0]
        path, selected = QFileDialog.getSaveFileName(
            self._window, self.tr("Export contacts"), default, ";;".join(filters), chosen
        )
        if not path:
            return
        export_format, semicolon = filters.get(selected, (ExportFormat.CSV, False))
        suffix = "." + export_format.value
        target = Path(path)
        if target.suffix.lower() != suffix:
            target = target.with_suffix(suffix)
        self.export_to(flt, target, export_format, semicolon=semicolon)

    def export_to(
        self, flt: BoardFilter, path: Path, export_format: ExportFormat, *, semicolon: bool = False
    ) -> None:
        """Write the contacts ``flt`` shows to ``path``, with progress and cancel."""
        ws = self.ctx.ws
        dialog = QProgressDialog(
            self.tr("Exporting contacts…"), self.tr("Cancel"), 0, 0, self._window
        )
        dialog.setWindowTitle(self.tr("Export"))
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)

        def job(progress: Callable[[str, int, int], None], cancel: CancelToken) -> ExportResult:
            return export_board(
                ws,
                flt,
                export_format,
                path,
                semicolon=semicolon,
                progress=lambda done, total: progress("export", done, total),
                cancel=cancel,
            )

        def on_progress(_phase: str, done: int, total: int) -> None:
            dialog.setMaximum(max(total, 1))
            dialog.setValue(min(done, max(total, 1)))

        def finished(result: ExportResult) -> None:
            _close(dialog)
            self._finished(result)

        def failed(message: str, is_bug: bool) -> None:
            _close(dialog)
            if handle.token.is_set() and not is_bug:
                self.sig_message.emit(self.tr("Export cancelled: no file was written."), False)
            else:
                self.sig_message.emit(message, True)

        handle = self.ctx.runner.run(
            job,
            on_done=guarded(self, finished),
            on_error=guarded(self, failed),
            on_progress=guarded(self, on_progress),
            database=False,
            wants=Wants.PROGRESS | Wants.CANCEL,
        )
        dialog.canceled.connect(handle.cancel)

    def _finished(self, result: ExportResult) -> None:
        text = self.tr("Exported {n} contacts to {file}.").format(
            n=fmt.number(result.rows_written), file=result.path.name
        )
        if result.rows_without_coordinates:
            left_out = self.tr("{n} without a location were left out of the map file.")
            text += " " + left_out.format(n=fmt.number(result.rows_without_coordinates))
        self.sig_message.emit(text, False)
        self.sig_done.emit(str(result.path))


def _close(dialog: QProgressDialog) -> None:
    dialog.close()
    dialog.deleteLater()
