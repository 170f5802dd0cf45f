"""Write prospects or contacts to CSV, XLSX or GeoJSON, fast and without half-written files.

Column headers
    Every header is either one of the importer's canonical field names
    (``localpro_desktop.services.importing.mapping``) or an informational column the importer
    ignores (``id``, ``source``, ``contact_person``, ``created_at``, ``updated_at``,
    ``last_contacted_at``, ``opt_out_*``). An exported file therefore imports again with
    no mapping step. ``full_name`` is deliberately not exported: it is derived from
    ``first_name`` + ``last_name`` and would only compete with them on re-import.

Formula injection (CSV and XLSX)
    A spreadsheet treats a cell starting with ``=``, ``+``, ``-`` or ``@`` (and, in some
    programs, a leading tab or carriage return) as a formula, so a prospect named
    ``=HYPERLINK("http://evil", "click")`` scraped from the web could run in the user's
    Excel. :func:`neutralise` therefore prefixes such a text cell with a single quote
    ``'``, which makes every spreadsheet show it as text.

    To keep export → import lossless, the rule is an exact bijection:

    * ``neutralise(v)`` adds one ``'`` in front of ``v`` when ``v`` is zero or more
      ``'`` followed by one of ``= + - @ \\t \\r``. (Escaping values that already start
      with quotes is what makes the mapping reversible: a user's own ``'=x`` exports as
      ``''=x`` and comes back as ``'=x``.)
    * ``unneutralise(v)`` removes one ``'`` when ``v`` is one or more ``'`` followed by
      one of those characters, and leaves anything else untouched.

    So ``+221 77 123 45 67`` exports as ``'+221 77 123 45 67`` and imports back as
    ``+221 77 123 45 67``; ``'0612`` (a quote not followed by a trigger) is never
    touched. The importer should call :func:`unneutralise` on every text cell it reads
    from CSV or XLSX. Coordinates are written as numbers, not text, so a negative
    longitude such as ``-17.4467`` is never quoted. GeoJSON is not opened by spreadsheets
    and holds values exactly as stored.

Other format choices
    * CSV is UTF-8 with a BOM (without it Excel reads é, ç, ô as mojibake), CRLF line
      ends, comma-separated or semicolon-separated for Excel set to French, where comma
      is the decimal separator. Coordinates always use ``.`` so the file parses the same
      everywhere. Tags are joined with ``", "``; dates are UTC ``YYYY-MM-DD HH:MM:SS``.
    * XLSX is streamed with openpyxl's write-only mode; phone columns are text cells
      formatted ``@`` so Excel neither drops leading zeros nor turns them into 2.2E+11.
    * GeoJSON follows RFC 7946: ``[longitude, latitude]``, UTF-8 without BOM. Rows
      without valid coordinates cannot be placed on a map; they are left out and counted
      in :attr:`ExportResult.rows_without_coordinates`.

Rows are read with a plain SQL cursor rather than ORM objects, since building 100,000
ORM instances costs more than writing the file.
"""

from __future__ import annotations

import contextlib
import csv
import json
import math
import os
import tempfile
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import IO, Any, Literal

from sqlalchemy import Connection

from localpro_desktop.domain.disk import disk_error
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.messages import exporting as msg
from localpro_desktop.services.workspace import Workspace

__all__ = [
    "CONTACT_COLUMNS",
    "PROSPECT_COLUMNS",
    "ExportCancelled",
    "ExportFormat",
    "ExportKind",
    "ExportResult",
    "export_records",
    "neutralise",
    "unneutralise",
]

ExportKind = Literal["prospects", "contacts"]
ProgressCallback = Callable[[int, int], None]
CancelCallback = Callable[[], bool]

# Rows fetched per round trip; also how often progress is reported and cancel is polled,
# which keeps the UI responsive (about every 0.05 s for CSV) without measurable overhead.
BATCH_SIZE = 2000
# SQLite caps bound parameters (999 on old builds); an id restriction is queried in chunks.
ID_CHUNK = 500
# Excel refuses to open a file whose cell holds more than this many characters.
XLSX_MAX_CELL = 32_767

_TRIGGERS = frozenset("=+-@\t\r")
# First characters that need a closer look: a trigger, or a quote that may precede one.
_SUSPECT_FIRST = _TRIGGERS | {"'"}


class ExportFormat(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"
    GEOJSON = "geojson"


class ExportCancelled(UserError):
    """The user stopped the export; no file was written under the requested name."""


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows_written: int
    # Only GeoJSON leaves rows out (no place on a map); always 0 for CSV and XLSX.
    rows_without_coordinates: int
    format: ExportFormat


# -- formula-injection guard ------------------------------------------------------------


def neutralise(value: str) -> str:
    """Make a text cell inert in spreadsheets; see the module docstring for the exact rule."""
    if value and value[0] in _SUSPECT_FIRST:
        rest = value.lstrip("'")
        if rest and rest[0] in _TRIGGERS:
            return "'" + value
    return value


def unneutralise(value: str) -> str:
    """Undo :func:`neutralise` exactly, so export → import gives back the stored text."""
    if value.startswith("'"):
        rest = value.lstrip("'")
        if rest and rest[0] in _TRIGGERS:
            return value[1:]
    return value


# -- column specifications --------------------------------------------------------------

TEXT, COORD, TAGS, TIME, FLAG = "text", "coord", "tags", "time", "flag"


@dataclass(frozen=True)
class _Spec:
    table: str
    sheet: str
    columns: tuple[tuple[str, str], ...]  # (header == database column, value kind)

    @property
    def names(self) -> list[str]:
        return [name for name, _ in self.columns]

    def indices(self, kind: str) -> tuple[int, ...]:
        return tuple(i for i, (_, k) in enumerate(self.columns) if k == kind)


PROSPECT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", TEXT),
    ("business_name", TEXT),
    ("sector", TEXT),
    ("city", TEXT),
    ("country", TEXT),
    ("address", TEXT),
    ("phone", TEXT),
    ("whatsapp", TEXT),
    ("email", TEXT),
    ("website", TEXT),
    ("latitude", COORD),
    ("longitude", COORD),
    ("source", TEXT),
    ("source_ref", TEXT),
    ("contact_person", TEXT),
    ("tags", TAGS),
    ("notes", TEXT),
    ("created_at", TIME),
    ("updated_at", TIME),
)

CONTACT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", TEXT),
    ("first_name", TEXT),
    ("last_name", TEXT),
    ("company", TEXT),
    ("sector", TEXT),
    ("status", TEXT),
    ("phone", TEXT),
    ("whatsapp", TEXT),
    ("email", TEXT),
    ("website", TEXT),
    ("address", TEXT),
    ("city", TEXT),
    ("country", TEXT),
    ("latitude", COORD),
    ("longitude", COORD),
    ("tags", TAGS),
    ("notes", TEXT),
    # Exported so a list taken to another tool still shows who refused which channel.
    ("opt_out_whatsapp", FLAG),
    ("opt_out_email", FLAG),
    ("opt_out_sms", FLAG),
    ("last_contacted_at", TIME),
    ("created_at", TIME),
    ("updated_at", TIME),
)

_SPECS: dict[str, _Spec] = {
    "prospects": _Spec("prospects", "Prospects", PROSPECT_COLUMNS),
    "contacts": _Spec("contacts", "Contacts", CONTACT_COLUMNS),
}

_PHONE_COLUMNS = frozenset({"phone", "whatsapp"})
_XLSX_WIDTHS: dict[str, float] = {
    "id": 38,
    "business_name": 32,
    "first_name": 16,
    "last_name": 18,
    "company": 28,
    "sector": 18,
    "status": 12,
    "phone": 20,
    "whatsapp": 20,
    "email": 30,
    "website": 30,
    "address": 36,
    "city": 16,
    "country": 9,
    "latitude": 12,
    "longitude": 12,
    "source": 12,
    "source_ref": 22,
    "contact_person": 22,
    "tags": 26,
    "notes": 50,
    "opt_out_whatsapp": 17,
    "opt_out_email": 14,
    "opt_out_sms": 12,
    "last_contacted_at": 19,
    "created_at": 19,
    "updated_at": 19,
}


# -- value conversion -------------------------------------------------------------------


def _coordinate(value: Any) -> float | None:
    if value is None:
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def _coordinate_text(value: Any) -> str:
    """Shortest exact decimal, never scientific notation ("1e-05") that importers misread."""
    number = _coordinate(value)
    if number is None:
        return ""
    text = repr(number)
    if "e" in text:
        text = format(Decimal(text), "f")
    return text


def _tags(value: Any) -> list[str]:
    if not value:
        return []
    tags = json.loads(value) if isinstance(value, str) else value
    if isinstance(tags, str):
        return [tags]
    if not isinstance(tags, list):
        return []
    return [str(tag) for tag in tags if tag is not None and str(tag) != ""]


def _timestamp(value: Any) -> datetime | None:
    if not value:
        return None
    if isinstance(value, datetime):
        return value.replace(microsecond=0)
    return datetime.fromisoformat(str(value)).replace(microsecond=0)


def _timestamp_text(value: Any) -> str:
    # SQLite stores "YYYY-MM-DD HH:MM:SS.ffffff"; slicing is exact and far cheaper than
    # parsing 300,000 timestamps, and Excel recognises the result as a date.
    if not value:
        return ""
    return value[:19] if isinstance(value, str) else str(value)[:19]


def _flag_text(value: Any) -> str:
    return "yes" if value else "no"


# -- reading ----------------------------------------------------------------------------


def _where(id_chunk: Sequence[str] | None) -> tuple[str, tuple[str, ...]]:
    if id_chunk is None:
        return "deleted_at IS NULL", ()
    marks = ",".join("?" * len(id_chunk))
    return f"deleted_at IS NULL AND id IN ({marks})", tuple(id_chunk)


def _chunks(ids: Sequence[str] | None) -> list[Sequence[str] | None]:
    if ids is None:
        return [None]
    return [ids[i : i + ID_CHUNK] for i in range(0, len(ids), ID_CHUNK)]


def _count(conn: Connection, spec: _Spec, ids: Sequence[str] | None) -> int:
    cursor = conn.connection.cursor()
    try:
        total = 0
        for chunk in _chunks(ids):
            where, params = _where(chunk)
            cursor.execute(f"SELECT COUNT(*) FROM {spec.table} WHERE {where}", params)
            row = cursor.fetchone()
            assert row is not None  # COUNT(*) always returns one row
            total += int(row[0])
        return total
    finally:
        cursor.close()


# One fetchmany() of raw DB-API rows, in ``_Spec.names`` order.
_Batch = Sequence[tuple[Any, ...]]


def _batches(
    conn: Connection, spec: _Spec, ids: Sequence[str] | None
) -> Generator[_Batch, None, None]:
    """Raw DB-API tuples, BATCH_SIZE at a time, oldest first.

    The raw cursor skips SQLAlchemy's per-value type processing (datetime and JSON
    parsing), which is most of the cost at 100,000 rows.
    """
    columns = ", ".join(spec.names)
    cursor = conn.connection.cursor()
    try:
        for chunk in _chunks(ids):
            where, params = _where(chunk)
            cursor.execute(
                f"SELECT {columns} FROM {spec.table} WHERE {where} ORDER BY created_at, id",
                params,
            )
            while rows := cursor.fetchmany(BATCH_SIZE):
                yield rows
    finally:
        cursor.close()


class _Tracker:
    """Reports progress and polls for cancel between batches."""

    def __init__(
        self, total: int, progress: ProgressCallback | None, cancel: CancelCallback | None
    ) -> None:
        self.total = total
        self.done = 0
        self._progress = progress
        self._cancel = cancel

    def check(self) -> None:
        if self._cancel is not None and self._cancel():
            raise ExportCancelled(msg.CANCELLED)

    def advance(self, rows: int) -> None:
        self.done += rows
        # Rows may be added or deleted while exporting; never report more than 100 %.
        self.total = max(self.total, self.done)
        if self._progress is not None:
            self._progress(self.done, self.total)
        self.check()

    def finish(self) -> None:
        if self._progress is not None and self.done and self.done != self.total:
            self.total = self.done
            self._progress(self.done, self.total)


# -- writers ----------------------------------------------------------------------------

_Writer = Callable[[Path, _Spec, Iterator[_Batch], _Tracker, bool], tuple[int, int]]


def _write_csv(
    path: Path, spec: _Spec, batches: Iterator[_Batch], tracker: _Tracker, semicolon: bool
) -> tuple[int, int]:
    """The hot path for 100,000 rows: conversions are inlined and the tags cell cached.

    Most rows share a handful of tag lists, so caching the rendered cell by its stored
    JSON skips nearly all ``json.loads`` calls.
    """
    text_idx = spec.indices(TEXT)
    coord_idx = spec.indices(COORD)
    tags_idx = spec.indices(TAGS)
    time_idx = spec.indices(TIME)
    flag_idx = spec.indices(FLAG)
    suspect = _SUSPECT_FIRST
    tag_cells: dict[Any, str] = {}
    written = 0
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";" if semicolon else ",", lineterminator="\r\n")
        writer.writerow(spec.names)
        for batch in batches:
            rows: list[list[Any]] = []
            for raw in batch:
                row = list(raw)
                for i in text_idx:
                    value = row[i]
                    if value is None:
                        row[i] = ""
                    elif value and value[0] in suspect:
                        row[i] = neutralise(value)
                for i in coord_idx:
                    value = row[i]
                    row[i] = "" if value is None else _coordinate_text(value)
                for i in tags_idx:
                    value = row[i]
                    cell = tag_cells.get(value)
                    if cell is None:
                        if len(tag_cells) > 10_000:
                            tag_cells.clear()
                        cell = tag_cells[value] = neutralise(", ".join(_tags(value)))
                    row[i] = cell
                for i in time_idx:
                    value = row[i]
                    # Stored as "YYYY-MM-DD HH:MM:SS.ffffff"; slicing beats parsing.
                    row[i] = value[:19] if isinstance(value, str) else _timestamp_text(value)
                for i in flag_idx:
                    row[i] = "yes" if row[i] else "no"
                rows.append(row)
            writer.writerows(rows)
            written += len(rows)
            tracker.advance(len(batch))
    return written, 0


def _xlsx_text(value: str) -> str:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    # openpyxl raises on control characters XML cannot hold; they carry no meaning here.
    value = ILLEGAL_CHARACTERS_RE.sub("", neutralise(value))
    return value[:XLSX_MAX_CELL]


def _write_xlsx(
    path: Path, spec: _Spec, batches: Iterator[_Batch], tracker: _Tracker, _semicolon: bool
) -> tuple[int, int]:
    # openpyxl is imported here, not at the top: it costs ~0.5 s and every window that
    # offers an export would pay it at start-up.
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(spec.sheet)
    try:
        names = spec.names
        # Column styles must be set before the first row in write-only mode.
        for col, name in enumerate(names, 1):
            sheet.column_dimensions[get_column_letter(col)].width = _XLSX_WIDTHS.get(name, 16)
        sheet.freeze_panes = "A2"
        bold = Font(bold=True)
        header = []
        for name in names:
            cell = WriteOnlyCell(sheet, value=name)
            cell.font = bold
            header.append(cell)
        sheet.append(header)

        kinds = [kind for _, kind in spec.columns]
        phone_idx = frozenset(i for i, name in enumerate(names) if name in _PHONE_COLUMNS)
        written = 0
        for batch in batches:
            for raw in batch:
                row: list[Any] = []
                for i, (kind, value) in enumerate(zip(kinds, raw, strict=True)):
                    if kind == TEXT:
                        text = _xlsx_text(value or "")
                        if i in phone_idx and text:
                            # Text-formatted, so editing the cell keeps "077…" as typed.
                            cell = WriteOnlyCell(sheet, value=text)
                            cell.number_format = "@"
                            row.append(cell)
                        else:
                            row.append(text or None)
                    elif kind == COORD:
                        row.append(_coordinate(value))
                    elif kind == TAGS:
                        row.append(_xlsx_text(", ".join(_tags(value))) or None)
                    elif kind == TIME:
                        stamp = _timestamp(value)
                        if stamp is None:
                            row.append(None)
                        else:
                            cell = WriteOnlyCell(sheet, value=stamp)
                            cell.number_format = "yyyy-mm-dd hh:mm:ss"
                            row.append(cell)
                    else:
                        row.append(_flag_text(value))
                sheet.append(row)
            written += len(batch)
            tracker.advance(len(batch))
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(names))}{written + 1}"
        workbook.save(path)
    except BaseException:
        _discard_xlsx_scratch(sheet)
        raise
    return written, 0


def _discard_xlsx_scratch(sheet: Any) -> None:
    """Remove the scratch file openpyxl streams rows into; otherwise only exit cleans it.

    This touches openpyxl internals, so any failure is ignored: the worst outcome is
    the library's own atexit clean-up doing the job later.
    """
    with contextlib.suppress(Exception):
        if not sheet.closed:
            sheet.close()
        writer = getattr(sheet, "_writer", None)
        if writer is not None:
            writer.cleanup()


def _write_geojson(
    path: Path, spec: _Spec, batches: Iterator[_Batch], tracker: _Tracker, _semicolon: bool
) -> tuple[int, int]:
    names = spec.names
    lat_i, lon_i = names.index("latitude"), names.index("longitude")
    id_i = names.index("id")
    keep = [
        (i, name, kind) for i, (name, kind) in enumerate(spec.columns) if i not in (lat_i, lon_i)
    ]
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    written = without = 0
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write('{"type":"FeatureCollection","features":[')
        separator = "\n"
        for batch in batches:
            parts: list[str] = []
            for raw in batch:
                lat, lon = _coordinate(raw[lat_i]), _coordinate(raw[lon_i])
                if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
                    without += 1
                    continue
                properties: dict[str, Any] = {}
                for i, name, kind in keep:
                    properties[name] = _geojson_value(kind, raw[i])
                feature = {
                    "type": "Feature",
                    "id": raw[id_i],
                    "geometry": {"type": "Point", "coordinates": [lon, lat]},
                    "properties": properties,
                }
                parts.append(separator + dumps(feature))
                separator = ",\n"
            _write_all(handle, parts)
            written += len(parts)
            tracker.advance(len(batch))
        handle.write("\n]}\n")
    return written, without


def _geojson_value(kind: str, value: Any) -> Any:
    if kind == TEXT:
        return value if value is not None else ""
    if kind == TAGS:
        return _tags(value)
    if kind == TIME:
        stamp = _timestamp(value)
        return None if stamp is None else stamp.isoformat() + "Z"
    return bool(value)


def _write_all(handle: IO[str], parts: list[str]) -> None:
    if parts:
        handle.write("".join(parts))


_WRITERS: dict[ExportFormat, _Writer] = {
    ExportFormat.CSV: _write_csv,
    ExportFormat.XLSX: _write_xlsx,
    ExportFormat.GEOJSON: _write_geojson,
}


# -- entry point ------------------------------------------------------------------------


def _scratch_path(output: Path) -> Path:
    """A unique file in the destination folder, so the final rename never crosses disks."""
    try:
        fd, name = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".part", dir=output.parent)
    except OSError as exc:
        full = disk_error(exc, output.parent)
        if full is not None:
            raise full from exc
        raise UserError(
            msg.CANNOT_WRITE_IN, folder=str(output.parent), detail=exc.strerror or str(exc)
        ) from exc
    os.close(fd)
    return Path(name)


def _publish(scratch: Path, output: Path) -> None:
    try:
        os.replace(scratch, output)
    except PermissionError as exc:
        raise UserError(msg.FILE_IN_USE, file=output.name) from exc


def export_records(
    ws: Workspace,
    kind: ExportKind,
    fmt: ExportFormat | str,
    output: Path,
    *,
    ids: Iterable[str] | None = None,
    semicolon: bool = False,
    progress: ProgressCallback | None = None,
    cancel: CancelCallback | None = None,
) -> ExportResult:
    """Export the live (not deleted) prospects or contacts to ``output``.

    ``ids`` restricts the export to those records, e.g. a segment's members; ``None``
    means all, while an empty iterable means none (a header-only file), so an empty
    segment never silently exports the whole base. ``semicolon`` only affects CSV.
    ``progress(done, total)`` is called after each batch; ``cancel()`` is polled as
    often and, when it returns True, :class:`ExportCancelled` is raised.

    The file is built under a scratch name beside ``output`` and renamed at the end, so
    a cancel, a crash or a full disk never leaves a truncated file under the real name
    and never destroys a previous export.
    """
    spec = _SPECS.get(kind)
    if spec is None:
        raise ValueError(f"Unknown export kind {kind!r}: expected 'prospects' or 'contacts'.")
    try:
        export_format = ExportFormat(fmt)
    except ValueError:
        raise UserError(msg.UNKNOWN_FORMAT, format=fmt) from None
    output = Path(output)
    if not output.parent.is_dir():
        raise UserError(msg.NO_FOLDER, folder=str(output.parent))
    id_list = None if ids is None else sorted(set(ids))

    with ws.engine.connect() as conn:
        tracker = _Tracker(_count(conn, spec, id_list), progress, cancel)
        tracker.check()
        scratch = _scratch_path(output)
        batches = _batches(conn, spec, id_list)
        try:
            written, without = _WRITERS[export_format](scratch, spec, batches, tracker, semicolon)
            _publish(scratch, output)
        except BaseException as exc:
            # Close the reader while its connection is open: left to the garbage collector,
            # it printed "Exception ignored … Cannot operate on a closed database".
            batches.close()
            scratch.unlink(missing_ok=True)
            full = disk_error(exc, output.parent) if isinstance(exc, Exception) else None
            if full is not None:
                raise full from exc
            if isinstance(exc, OSError):
                # A full disk or a vanished USB stick: say so instead of showing a traceback.
                reason = exc.strerror or str(exc)
                raise UserError(msg.COULD_NOT_WRITE, file=output.name, detail=reason) from exc
            raise
    tracker.finish()
    return ExportResult(output, written, without, export_format)
