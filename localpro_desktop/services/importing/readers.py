"""Turn the spreadsheets people actually have into rows of text, exactly as typed.

Users export from French Excel (cp1252, semicolons), Google Sheets (UTF-8, commas) or
"Unicode text" (UTF-16, tabs), and they rarely know which one they have. This module
absorbs those differences so the importer sees a single shape: a header and rows of
strings. Nothing here interprets values: a phone stays a string of digits and "14,69"
stays "14,69", because only the cleaning step knows which column holds a number.
"""

import codecs
import csv
import datetime as dt
import io
import math
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import chain
from pathlib import Path
from typing import Any, Literal

from localpro_desktop.domain.messages import Message, MessageId, joined
from localpro_desktop.domain.messages import importing as msg

SourceFormat = Literal["csv", "xlsx"]
NumberedRow = tuple[int, list[str]]

CSV_SUFFIXES: tuple[str, ...] = (".csv", ".txt", ".tsv")
XLSX_SUFFIXES: tuple[str, ...] = (".xlsx", ".xlsm")

_CONVERT_FIRST: dict[str, MessageId] = {
    ".xls": msg.OLD_EXCEL,
    ".ods": msg.OPENDOCUMENT,
    ".numbers": msg.APPLE_NUMBERS,
}

# Enough lines to see the shape of the file without parsing all of it twice.
_SNIFF_CHARS = 64 * 1024
_SNIFF_ROWS = 50
# Ties are broken in this order: a label such as "Prix, TTC" is common in French
# files, while tabs and semicolons almost never appear inside a column name.
_DELIMITER_PREFERENCE: tuple[str, ...] = ("\t", ";", ",")
_HEADER_DELIMITERS: tuple[str, ...] = (*_DELIMITER_PREFERENCE, "|")
_DELIMITER_ALIASES: dict[str, str] = {
    "tab": "\t",
    "\\t": "\t",
    "comma": ",",
    "semicolon": ";",
    "pipe": "|",
}
# A header is a line of column names: one longer than this, or with more columns, is a file
# that is not a table (or has no line breaks) and is refused before it is read whole.
_MAX_HEADER_CHARS = 64 * 1024
_MAX_COLUMNS = 1_000
_HEAD_BYTES = 1024 * 1024
# A value quoted in a message (a column or sheet name, an argument) is cut to this length.
_QUOTE_CHARS = 100
_MAX_LISTED = 5
# Hand-made sheets often start with a title line ("LISTE DES CLIENTS 2024") above
# the real header; more than this many single-cell lines means a one-column file.
_MAX_TITLE_ROWS = 3

# UTF-32 first: its little-endian BOM starts with the UTF-16 one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _latin1_for_undefined(error: UnicodeError) -> tuple[str, int]:
    """Decode the bytes cp1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) as latin-1.

    One stray byte must neither make a French file unreadable nor, by decoding the
    whole file as latin-1, cost it its euro signs and curly apostrophes.
    """
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return error.object[error.start : error.end].decode("latin-1"), error.end


_CP1252_ERRORS = "localpro-cp1252-latin1"
codecs.register_error(_CP1252_ERRORS, _latin1_for_undefined)

_PHONE_OR_NUMBER = re.compile(r"[+(]?\d[\d\s().,/+-]*")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_URL = re.compile(r"(https?://|www\.)\S+", re.IGNORECASE)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}([ T][\d:]+)?")
# A file of only delimiters and line breaks (";;;" rows) is as empty as a blank one.
_MEANINGFUL_CHAR = re.compile(r"[^\s,;|]")
_SEP_DIRECTIVE = re.compile(r'"?sep=(.)"?[^\S\r\n]*(\r\n|\n|\r)', re.IGNORECASE)


class ImportFileError(ValueError):
    """A file LocalPro cannot import, with a message that tells the user what to change.

    It subclasses ValueError so code that already treats bad input as ValueError keeps
    working, while the CLI and UI can catch it specifically and show the text as-is.
    ``message`` is the translatable Message (``domain.messages.importing``).
    """

    def __init__(self, message: Message) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class RawTable:
    """A file's content as text, before any field mapping or cleaning.

    Every row has exactly ``len(headers)`` cells so callers can zip without checks;
    cells beyond the header are dropped from ``rows`` but counted in ``extra_cells``
    (row number -> number of non-empty extra cells) because they usually mean an
    unquoted delimiter shifted the columns, and the importer should reject those rows
    rather than store shifted values. ``row_numbers`` are the rows a user sees when the
    file is opened in Excel, so error reports point at the right line.
    """

    headers: list[str]
    rows: list[list[str]]
    row_numbers: list[int]
    encoding: str
    delimiter: str | None
    source_format: SourceFormat
    extra_cells: dict[int, int] = field(default_factory=dict)
    header_row_number: int = 1

    def records(self) -> Iterator[tuple[int, dict[str, str]]]:
        """Rows keyed by header, for code that thinks in columns rather than positions."""
        headers = self.headers
        for number, row in zip(self.row_numbers, self.rows, strict=True):
            yield number, dict(zip(headers, row, strict=True))


def read_table(
    path: Path,
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
    sheet: str | int | None = None,
) -> RawTable:
    """Read a .csv/.txt/.tsv or .xlsx file into a RawTable.

    ``encoding`` and ``delimiter`` override detection for CSV files (useful when a
    detected guess is wrong); ``delimiter`` also accepts "tab", "comma", "semicolon".
    ``sheet`` picks an XLSX worksheet by name or by 0-based position; the first sheet
    is used by default. Raises ImportFileError with a message meant for the user.
    """
    path = Path(path)
    _check_path(path)
    suffix = path.suffix.lower()
    if suffix in XLSX_SUFFIXES:
        return _read_xlsx(path, sheet)
    if suffix in CSV_SUFFIXES:
        default = "\t" if suffix == ".tsv" else ","
        return _read_csv(path, encoding=encoding, delimiter=delimiter, default=default)
    raise ImportFileError(_unsupported_message(path, suffix))


def _clip(value: object, limit: int = _QUOTE_CHARS) -> str:
    """A value as quoted in a message: at most ``limit`` characters, with an ellipsis."""
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _check_path(path: Path) -> None:
    if not path.exists():
        raise ImportFileError(msg.NOT_FOUND(path=str(path)))
    if path.is_dir():
        raise ImportFileError(msg.IS_FOLDER(path=str(path)))


def _unsupported_message(path: Path, suffix: str) -> Message:
    if suffix in _CONVERT_FIRST:
        return msg.CONVERT_FIRST(file=path.name, why=_CONVERT_FIRST[suffix]())
    if not suffix:
        return msg.NO_EXTENSION(file=path.name)
    return msg.UNSUPPORTED(file=path.name, suffix=suffix)


def _locked_message(path: Path) -> Message:
    return msg.LOCKED(file=path.name)


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except PermissionError as exc:
        raise ImportFileError(_locked_message(path)) from exc
    except OSError as exc:
        raise ImportFileError(
            msg.CANNOT_READ(path=str(path), detail=_clip(exc.strerror or exc))
        ) from exc


def _read_head(path: Path) -> bytes:
    """The first bytes of a file, to check its header before the whole file is read."""
    try:
        with path.open("rb") as handle:
            return handle.read(_HEAD_BYTES)
    except PermissionError as exc:
        raise ImportFileError(_locked_message(path)) from exc
    except OSError as exc:
        raise ImportFileError(
            msg.CANNOT_READ(path=str(path), detail=_clip(exc.strerror or exc))
        ) from exc


# --------------------------------------------------------------------------- CSV


def _read_csv(path: Path, *, encoding: str | None, delimiter: str | None, default: str) -> RawTable:
    head = _read_head(path)
    if not head:
        raise ImportFileError(msg.EMPTY_FILE(file=path.name))
    _check_header_line(head, encoding, path.name)
    data = _read_bytes(path)
    if not data:
        raise ImportFileError(msg.EMPTY_FILE(file=path.name))
    text, used_encoding = _decode(data, encoding)
    if _MEANINGFUL_CHAR.search(text) is None:
        raise ImportFileError(msg.BLANK_FILE(file=path.name))
    text, directive = _strip_sep_directive(text)
    if delimiter:
        chosen = _parse_delimiter(delimiter)
    else:
        chosen = directive or _sniff_delimiter(text, default)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=chosen)
    return _assemble(
        _numbered_csv_rows(reader, path),
        where=path.name,
        encoding=used_encoding,
        delimiter=chosen,
        source_format="csv",
    )


def _check_header_line(head: bytes, encoding: str | None, file: str) -> None:
    """Refuse a file whose header line is too long, from its first bytes only.

    The header is among the first few non-blank lines (title lines may sit above it), and
    ends at the first line holding a delimiter. A 50 MB file of one line would otherwise
    be decoded, parsed into millions of columns and quoted whole in an error message.
    """
    if encoding:
        try:
            name = codecs.lookup(encoding).name
        except LookupError as exc:
            raise ImportFileError(msg.UNKNOWN_ENCODING(encoding=_clip(encoding))) from exc
    else:
        boms = (name for bom, name in _BOMS if head.startswith(bom))
        name = next(boms, None) or _bomless_utf16(head) or "utf-8"
    text, directive = _strip_sep_directive(head.decode(name, errors="replace"))
    seen = 0
    for number, line in enumerate(re.split(r"\r\n|\r|\n", text), start=2 if directive else 1):
        if len(line) > _MAX_HEADER_CHARS:
            raise ImportFileError(
                msg.HEADER_TOO_LONG(file=file, row=number, limit=_MAX_HEADER_CHARS)
            )
        if _MEANINGFUL_CHAR.search(line):
            seen += 1
            if seen > _MAX_TITLE_ROWS or any(d in line for d in _HEADER_DELIMITERS):
                return


def _decode(data: bytes, encoding: str | None) -> tuple[str, str]:
    """Decode with the user's encoding, else a BOM, else UTF-8, else cp1252.

    Strict UTF-8 comes before cp1252 because cp1252 accepts almost any byte sequence:
    trying it first would silently turn every "é" of a UTF-8 file into "Ã©".
    """
    if encoding:
        return _decode_as(data, encoding), encoding
    for bom, name in _BOMS:
        if data.startswith(bom):
            # The BOM is strong evidence; a damaged byte later on becomes U+FFFD
            # rather than making the whole file unreadable.
            return data.decode(name, errors="replace").removeprefix("\ufeff"), name
    guessed = _bomless_utf16(data)
    if guessed:
        return data.decode(guessed, errors="replace").removeprefix("\ufeff"), guessed
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return _decode_cp1252(data), "cp1252"


def _decode_as(data: bytes, encoding: str) -> str:
    try:
        codec = codecs.lookup(encoding)
    except LookupError as exc:
        raise ImportFileError(msg.UNKNOWN_ENCODING(encoding=_clip(encoding))) from exc
    if codec.name == "cp1252":
        return _decode_cp1252(data)
    try:
        text = data.decode(codec.name)
    except UnicodeDecodeError as exc:
        raise ImportFileError(
            msg.WRONG_ENCODING(encoding=_clip(encoding), position=exc.start)
        ) from exc
    return text.removeprefix("\ufeff")


def _decode_cp1252(data: bytes) -> str:
    return data.decode("cp1252", errors=_CP1252_ERRORS)


def _bomless_utf16(data: bytes) -> str | None:
    """Recognise UTF-16 written without a BOM by where its zero bytes fall.

    Text in European languages encoded as UTF-16 has a zero byte in every other
    position; no real UTF-8 or cp1252 CSV contains zero bytes at all.
    """
    head = data[:4096]
    if len(head) < 4 or b"\x00" not in head:
        return None
    even = head[0::2].count(0)
    odd = head[1::2].count(0)
    half = len(head) // 2
    if odd > half * 0.6 and even < half * 0.1:
        return "utf-16-le"
    if even > half * 0.6 and odd < half * 0.1:
        return "utf-16-be"
    return None


def _strip_sep_directive(text: str) -> tuple[str, str | None]:
    """Honour Excel's optional first line ``sep=;``, which Excel itself hides."""
    match = _SEP_DIRECTIVE.match(text)
    if match is None:
        return text, None
    return text[match.end() :], match.group(1)


def _parse_delimiter(value: str) -> str:
    resolved = _DELIMITER_ALIASES.get(value.strip().lower(), value)
    if len(resolved) != 1 or resolved in '"\r\n':
        raise ImportFileError(msg.BAD_DELIMITER(value=_clip(value)))
    return resolved


def _sniff_delimiter(text: str, default: str) -> str:
    """Pick the delimiter under which the first rows line up with the header.

    csv.Sniffer is easily fooled by commas inside values ("14,69", "Rue 10, Dakar");
    counting fields per parsed row, with quotes honoured, is not: the right delimiter
    gives every row as many fields as the header.
    """
    sample = text[:_SNIFF_CHARS]
    truncated = len(text) > len(sample)
    best = default
    best_score: tuple[float, ...] = (0.0,)
    for rank, candidate in enumerate(reversed(_DELIMITER_PREFERENCE)):
        widths = _sample_widths(sample, candidate, truncated)
        if not widths or widths[0] < 2:
            continue
        header_width, data_widths = widths[0], widths[1:]
        if data_widths:
            agreement = sum(w == header_width for w in data_widths) / len(data_widths)
        else:
            agreement = 1.0
        score = (1.0, agreement, float(rank))
        if score > best_score:
            best, best_score = candidate, score
    return best


def _sample_widths(sample: str, delimiter: str, truncated: bool) -> list[int]:
    reader = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)
    widths: list[int] = []
    try:
        for record in reader:
            if any(cell.strip() for cell in record):
                widths.append(len(record))
                if len(widths) >= _SNIFF_ROWS:
                    return widths
    except csv.Error:
        return []
    if truncated and len(widths) > 2:
        widths.pop()  # the sample may end in the middle of a row
    return widths


def _numbered_csv_rows(reader: Iterator[list[str]], path: Path) -> Iterator[NumberedRow]:
    """Number records, not physical lines: a quoted cell spanning several lines is one
    row in Excel, and that is the number the user will look for."""
    number = 0
    try:
        for record in reader:
            number += 1
            yield number, [cell.strip() for cell in record]
    except csv.Error as exc:
        raise ImportFileError(
            msg.BAD_CSV_LINE(file=path.name, row=number + 1, detail=_clip(exc))
        ) from exc


# -------------------------------------------------------------------------- XLSX


def _read_xlsx(path: Path, sheet: str | int | None) -> RawTable:
    # Imported lazily: openpyxl costs a noticeable startup time that CSV users and
    # the rest of the CLI should not pay.
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except PermissionError as exc:
        raise ImportFileError(_locked_message(path)) from exc
    except Exception as exc:  # openpyxl surfaces corruption as many exception types
        raise ImportFileError(_corrupt_message(path, exc)) from exc
    try:
        worksheet = _pick_sheet(workbook.worksheets, sheet, path)
        # Dimensions recorded by other tools are often wrong and would cut columns.
        worksheet.reset_dimensions()
        numbered = (
            (number, [_cell_text(value) for value in values])
            for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1)
        )
        return _assemble(
            numbered,
            where=msg.SHEET_OF(sheet=worksheet.title, file=path.name),
            encoding="utf-8",
            delimiter=None,
            source_format="xlsx",
        )
    except ImportFileError:
        raise
    except Exception as exc:
        raise ImportFileError(_corrupt_message(path, exc)) from exc
    finally:
        workbook.close()


def _corrupt_message(path: Path, exc: Exception) -> Message:
    return msg.CORRUPT_XLSX(file=path.name, error=type(exc).__name__)


def _pick_sheet(worksheets: list[Any], sheet: str | int | None, path: Path) -> Any:
    if not worksheets:
        raise ImportFileError(msg.NO_WORKSHEET(file=path.name))
    names = _clip(", ".join(f"'{_clip(ws.title)}'" for ws in worksheets[:20]), 400)
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
    raise ImportFileError(msg.NO_SHEET_NAMED(file=path.name, sheet=_clip(sheet), names=names))


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


# ------------------------------------------------------------------------ common


def _assemble(
    numbered: Iterable[NumberedRow],
    *,
    where: str,
    encoding: str,
    delimiter: str | None,
    source_format: SourceFormat,
) -> RawTable:
    rows_iter = iter(numbered)
    header_number, header_cells, pending = _find_header(rows_iter, where)
    headers = _clean_headers(header_cells, where)
    width = len(headers)
    rows: list[list[str]] = []
    numbers: list[int] = []
    extra: dict[int, int] = {}
    for number, cells in chain(pending, rows_iter):
        if not any(cells):
            continue
        count = len(cells)
        if count < width:
            cells.extend([""] * (width - count))
        elif count > width:
            extra_filled = sum(1 for cell in cells[width:] if cell)
            if extra_filled:
                extra[number] = extra_filled
            del cells[width:]
        rows.append(cells)
        numbers.append(number)
    return RawTable(
        headers=headers,
        rows=rows,
        row_numbers=numbers,
        encoding=encoding,
        delimiter=delimiter,
        source_format=source_format,
        extra_cells=extra,
        header_row_number=header_number,
    )


def _find_header(
    rows: Iterator[NumberedRow], where: str
) -> tuple[int, list[str], list[NumberedRow]]:
    """Return the header row, skipping title lines that sit above it.

    A title is a lone filled cell followed, within a few lines, by a wider row that
    does not look like data; a one-column file never has such a wider row.
    """
    lead: list[NumberedRow] = []
    for numbered in rows:
        cells = numbered[1]
        if not any(cells):
            continue
        lead.append(numbered)
        if _filled(cells) > 1 or len(lead) > _MAX_TITLE_ROWS:
            break
    if not lead:
        raise ImportFileError(msg.NO_HEADER_NO_DATA(where=where))
    start = 0
    last_cells = lead[-1][1]
    if (
        len(lead) > 1
        and _filled(last_cells) > 1
        and not any(_looks_like_value(cell) for cell in last_cells if cell)
        and not any(_looks_like_value(cell) for _, cells in lead[:-1] for cell in cells if cell)
    ):
        start = len(lead) - 1
    header_number, header_cells = lead[start]
    return header_number, header_cells, lead[start + 1 :]


def _filled(cells: list[str]) -> int:
    return sum(1 for cell in cells if cell)


def _looks_like_value(cell: str) -> bool:
    return any(pattern.fullmatch(cell) for pattern in (_PHONE_OR_NUMBER, _EMAIL, _URL, _ISO_DATE))


def _clean_headers(cells: list[str], where: str) -> list[str]:
    headers = [" ".join(cell.split()) for cell in cells]
    while headers and not headers[-1]:
        headers.pop()
    if len(headers) > _MAX_COLUMNS:
        raise ImportFileError(
            msg.TOO_MANY_COLUMNS(where=where, count=len(headers), limit=_MAX_COLUMNS)
        )
    # An unnamed column in the middle still holds data the user may want to map.
    headers = [name or f"Column {index}" for index, name in enumerate(headers, start=1)]
    filled = [name for name in headers if not name.startswith("Column ")]
    if filled and all(_looks_like_value(name) for name in filled):
        shown = ", ".join(f'"{_clip(name)}"' for name in filled[:3])
        raise ImportFileError(msg.NO_HEADER(where=where, shown=shown))
    _reject_duplicates(headers, where)
    return headers


def _reject_duplicates(headers: list[str], where: str) -> None:
    """Refuse "Phone" twice (or "Téléphone" and "telephone"): the column mapping and
    CLI overrides address columns by name, so two equal names would be ambiguous."""
    first_seen: dict[str, int] = {}
    problems: list[Message] = []
    for index, name in enumerate(headers):
        key = _fold(name)
        if key in first_seen:
            earlier = first_seen[key]
            problems.append(
                msg.DUPLICATE_COLUMN(
                    name=_clip(name), first=_column_letter(earlier), second=_column_letter(index)
                )
            )
        else:
            first_seen[key] = index
    if len(problems) > _MAX_LISTED:
        more = msg.AND_MORE(count=len(problems) - _MAX_LISTED)
        problems = [*problems[:_MAX_LISTED], more]
    if problems:
        raise ImportFileError(msg.DUPLICATE_COLUMNS(where=where, problems=joined(problems)))


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())


def _column_letter(index: int) -> str:
    """0-based index to a spreadsheet column letter, which is what users see."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters
