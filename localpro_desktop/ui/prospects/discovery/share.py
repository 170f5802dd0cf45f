""" "Share as a map…" on the Find prospects page: a search result as one offline HTML file.

A field agent who just found the pharmacies of a town wants them on a phone to plan the
day's visits. The file is the map tab's "Share this map" file (``ui/map/share.py``, written
by ``services/exporting/map_html.py`` on the database worker), holding the result's places
that are prospects: the known rows' prospects (``PreviewRow.known_id``). Places not added
yet are not records, so they are not on it; after "Add", the page reads the preview again and
the added places are known rows too. The button says so when there is nothing to share.

Google Places places have no stored coordinates (Google's terms allow keeping the place id
only): the file puts them at their city's centre, drawn hollow, and the button's tooltip
says it beforehand, the outcome line afterwards (how many).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QPushButton, QWidget

from localpro_desktop.services.discovery import MatchKind, Preview
from localpro_desktop.services.exporting.map_html import MapSelection, TileSource
from localpro_desktop.ui import formatting as fmt
from localpro_desktop.ui import labels
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.map.share import MapShare, web_tiles
from localpro_desktop.ui.map.tile_dialog import load_tile_settings, map_settings
from localpro_desktop.ui.prospects.discovery import texts
from localpro_desktop.ui.widgets import MessageBar, Tone


def result_prospect_ids(preview: Preview | None) -> tuple[str, ...]:
    """The prospects a result's places are, in the preview's order, each once.

    A repeat row's ``known_id`` is the earlier row's reference, not a prospect: skipped (the
    earlier row brings the prospect)."""
    if preview is None:
        return ()
    ids: dict[str, None] = {}
    for row in preview.rows:
        if row.known_id and row.match not in (MatchKind.NEW, MatchKind.REPEAT):
            ids.setdefault(row.known_id, None)
    return tuple(ids)


def without_stored_coordinates(preview: Preview | None, ids: tuple[str, ...]) -> int:
    """Shared places whose source forbids keeping coordinates (Google): approximate."""
    if preview is None:
        return 0
    wanted = set(ids)
    return sum(
        1
        for row in preview.rows
        if row.known_id in wanted
        and row.match is not MatchKind.REPEAT
        and not row.place.coordinates_storable
    )


class DiscoveryShare(QObject):
    """The button, its state for the current preview, and the outcome in ``message``."""

    def __init__(self, ctx: UiContext, page: QWidget, message: MessageBar) -> None:
        super().__init__(page)
        self.ctx = ctx
        self.message = message
        self.preview: Preview | None = None
        self.share = MapShare(
            ctx,
            page,
            self.selection,
            _shared_tiles,
            text=self.tr("Share as a map…"),
            file_stem=self._file_stem,
            show_state=False,
        )
        self.share.sig_message.connect(self._show_message)
        self.button: QPushButton = self.share.button
        self.sig_done = self.share.sig_done
        """The file was written: its ``MapExportResult``."""
        self.set_preview(None)

    def set_preview(self, preview: Preview | None) -> None:
        """A result is shown (or none): enable the button when any of it is a prospect."""
        self.preview = preview
        ids = result_prospect_ids(preview)
        self.button.setEnabled(bool(ids) and not self.share.busy)
        if not ids:
            self.button.setToolTip(
                self.tr("Add places first: the map shows your prospects")
                if preview is not None and preview.found
                else self.tr("Search first: the map shows the prospects a search found")
            )
            return
        tip = fmt.plural(
            len(ids),
            self.tr(
                "Save this result's prospect as one web page that opens on a phone "
                "without a connection, to plan a day of visits"
            ),
            self.tr(
                "Save this result's {count} prospects as one web page that opens on a phone "
                "without a connection, to plan a day of visits"
            ),
        ).format(count=fmt.number(len(ids)))
        approximate = without_stored_coordinates(preview, ids)
        if approximate:
            tip += "\n" + self.tr(
                "Places from Google Places appear at their city's centre (approximate): "
                "Google's terms do not allow keeping their coordinates."
            )
        self.button.setToolTip(tip)

    def selection(self) -> MapSelection:
        preview = self.preview
        title = texts.title(preview, self.ctx.language) if preview is not None else ""
        return MapSelection(prospect_ids=result_prospect_ids(preview), title=title)

    def export_to(self, path: Path) -> None:
        """Write the current result's map to ``path`` (the button asks the user where)."""
        self.share.export_to(path)

    def _file_stem(self) -> str:
        preview = self.preview
        if preview is None:
            return self.tr("visits")
        sector = labels.sector(preview.request.sector, self.ctx.language)
        return f"{sector} {preview.city.name}"

    @Slot(str, bool)
    def _show_message(self, text: str, is_error: bool) -> None:
        if is_error:
            self.message.show_message(text, Tone.ERROR)
        elif self.share.busy:
            self.message.show_message(text, Tone.INFO, timeout_ms=0)
        else:
            self.message.show_message(text, Tone.SUCCESS, timeout_ms=0)
        self.set_preview(self.preview)  # busy or not: the button follows


def _shared_tiles() -> TileSource | None:
    """The map tab's tile server when it is on the web (see ``web_tiles``)."""
    chosen = load_tile_settings(map_settings())
    return web_tiles(chosen.url, chosen.attribution)
