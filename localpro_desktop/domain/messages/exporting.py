"""Exporting records to a file."""

from localpro_desktop.domain.messages import Catalogue

_ = Catalogue("ExportMessages")

CANCELLED = _("Export cancelled; no file was written.")
CANNOT_WRITE_IN = _("Cannot write in {folder}: {detail}.")
FILE_IN_USE = _(
    "Cannot replace {file}: it may be open in Excel or another program. Close it and export again."
)
UNKNOWN_FORMAT = _("Unknown export format {format!r}: use csv, xlsx or geojson.")
NO_FOLDER = _("The folder {folder} does not exist.")
COULD_NOT_WRITE = _("Could not write {file}: {detail}.")
MAP_NOTHING_CHOSEN = _("Nothing to put on the map: choose a segment, a city or a list of records.")
