"""XLSX workbooks into a RawTable, with their cells rendered as the user typed them.

An .xlsx is a zip of XML files: one a few MB on disk can unpack to gigabytes (a "zip
bomb"). Every part's unpacked size is checked against a bound before openpyxl opens any of
them (zipfile never inflates a part past the size it declares), and the sheet is read as a
stream, stopped past a number of rows or cells.
"""

import datetime as dt
import math
import zipfile
import zlib
from decimal import Decimal
from pathlib import Path
from typing import Any

from localpro_desktop.domain.messages import Message
from localpro_desktop.domain.messages import import_limits as limit_msg
from localpro_desktop.domain.messages import importing as msg
from localpro_desktop.services.importing.table import (
    ImportFileError,
    RawTable,
    assemble,
    check_size,
    clip,
    locked_message,
)

_MB = 1024 * 1024
# Unpacked size bounds, per part: a worksheet of 100,000 rows of ten columns is about
# 40 MB of XML; shared strings are all read (slowly: about a million a minute on a busy
# machine) and held in memory by openpyxl before the first row, hence their lower bound.
MAX_SHEET_MB = 128
MAX_SHARED_STRINGS_MB = 16
MAX_OTHER_PART_MB = 16
MAX_PARTS = 10_000
# A DTD comes before the root element: this many bytes from a part's start cover it.
_DOCTYPE_WINDOW = 4096


def read_xlsx(path: Path, sheet: str | int | None) -> RawTable:
    check_size(path)
    check_parts(path)
    # Imported lazily: openpyxl costs a noticeable startup time that CSV users and
    # the rest of the CLI should not pay.
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except PermissionError as exc:
        raise ImportFileError(locked_message(path)) from exc
    except Exception as exc:  # openpyxl surfaces corruption as many exception types
        raise ImportFileError(corrupt_message(path, exc)) from exc
    try:
        worksheet = _pick_sheet(workbook.worksheets, sheet, path)
        # Dimensions recorded by other tools are often wrong and would cut columns.
        worksheet.reset_dimensions()
        numbered = (
            (number, [_cell_text(value) for value in values])
            for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1)
        )
        return assemble(
            numbered,
            where=msg.SHEET_OF(sheet=worksheet.title, file=path.name),
            encoding="utf-8",
            delimiter=None,
            source_format="xlsx",
        )
    except ImportFileError:
        raise
    except Exception as exc:
        raise ImportFileError(corrupt_message(path, exc)) from exc
    finally:
        workbook.close()


def check_parts(path: Path) -> None:
    """Refuse a workbook whose parts unpack past their bounds, from the zip's directory."""
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
            _check_sizes(path, parts)
            _refuse_doctypes(path, archive, parts)
    except ImportFileError:  # a ValueError too: not to be taken for a damaged zip
        raise
    except PermissionError as exc:
        raise ImportFileError(locked_message(path)) from exc
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, zlib.error) as exc:
        raise ImportFileError(corrupt_message(path, exc)) from exc


def _check_sizes(path: Path, parts: list[zipfile.ZipInfo]) -> None:
    if len(parts) > MAX_PARTS:
        raise ImportFileError(corrupt_message(path, "too many parts"))
    for part in parts:
        name = part.filename.lower()
        if name.startswith("xl/worksheets/"):
            bound = MAX_SHEET_MB
        elif name == "xl/sharedstrings.xml":
            bound = MAX_SHARED_STRINGS_MB
        else:
            bound = MAX_OTHER_PART_MB
        if part.file_size > bound * _MB:
            raise ImportFileError(
                limit_msg.XLSX_TOO_BIG(file=path.name, limit=bound, part=clip(part.filename))
            )


def _refuse_doctypes(path: Path, archive: zipfile.ZipFile, parts: list[zipfile.ZipInfo]) -> None:
    """Refuse XML parts that declare a DTD: Excel never writes one, and a DTD is how entity
    expansion ("billion laughs") and external entities get in, whatever the XML parser's
    own defences (expat's and libxml2's vary with their versions)."""
    for part in parts:
        if not part.filename.lower().endswith((".xml", ".rels", ".vml")):
            continue
        with archive.open(part) as handle:
            head = handle.read(_DOCTYPE_WINDOW)
        if b"<!doctype" in head.lower() or b"<!entity" in head.lower():
            raise ImportFileError(corrupt_message(path, "DTD"))


def corrupt_message(path: Path, exc: BaseException | str) -> Message:
    """The damaged-workbook message, naming the error (an exception's type, or a word)."""
    error = exc if isinstance(exc, str) else type(exc).__name__
    return msg.CORRUPT_XLSX(file=path.name, error=error)


def _pick_sheet(worksheets: list[Any], sheet: str | int | None, path: Path) -> Any:
    if not worksheets:
        raise ImportFileError(msg.NO_WORKSHEET(file=path.name))
    names = clip(", ".join(f"'{clip(ws.title)}'" for ws in worksheets[:20]), 400)
    if sheet is None:
        return worksheets[0]
    if isinstance(sheet, int) and not isinstance(sheet, bool):
        if 0 <= sheet < len(worksheets):
            return worksheets[sheet]
        raise ImportFileError(
            msg.NO_SHEET_NUMBER(file=path.name, sheet=sheet, count=len(worksheets), names=names)
        )
    for ws in worksheets:
        if ws.title == sheet:
            return ws
    wanted = str(sheet).strip().casefold()
    for ws in worksheets:
        if ws.title.strip().casefold() == wanted:
            return ws
    raise ImportFileError(msg.NO_SHEET_NAMED(file=path.name, sheet=clip(sheet), names=names))


def _cell_text(value: object) -> str:
    """Render a cell the way the user typed it, not the way Python prints the value.

    Excel stores every number as a double, so a phone number 221771234567 arrives as
    221771234567.0 and would print as 2.21771234567e+11; dates arrive as datetimes.
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _format_float(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.isoformat(timespec="seconds")
    return str(value).strip()


def _format_float(value: float) -> str:
    if not math.isfinite(value):
        return str(value)
    if value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    # 15 significant digits is what Excel displays; more exposes binary noise
    # (0.30000000000000004) that the user never typed.
    text = f"{value:.15g}"
    if "e" in text:
        text = format(Decimal(text), "f")
    return text
