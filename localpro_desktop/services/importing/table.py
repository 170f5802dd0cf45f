"""The shape every reader produces (a header and rows of text), and the bounds on it.

A file becomes a RawTable here whatever it was; this is also where a file too big to import
is stopped (rows, cells), while it is read, long before it could exhaust the machine.
"""

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import Literal

from localpro_desktop.domain.messages import Message, joined
from localpro_desktop.domain.messages import import_limits as limit_msg
from localpro_desktop.domain.messages import importing as msg

SourceFormat = Literal["csv", "xlsx"]
NumberedRow = tuple[int, list[str]]

# An import holds every row in memory (about 3 KB per row of ten columns, all steps
# included): these bounds keep the biggest accepted file under 500 MB of memory, and refuse
# bigger files while they are read, with a message that says to split them.
MAX_ROWS = 100_000
MAX_FILE_MB = 24
# Cells looked at (empty ones included: an XLSX row is padded up to its last filled column),
# and the last row number Excel can write (a sheet may claim any: it skips to it row by row).
MAX_CELLS = 10_000_000
MAX_ROW_NUMBER = 1_048_576
# A header is a line of column names: one longer than this, or with more columns, is a file
# that is not a table (or has no line breaks) and is refused before it is read whole.
MAX_HEADER_CHARS = 64 * 1024
MAX_COLUMNS = 1_000
# A value quoted in a message (a column or sheet name, an argument) is cut to this length.
QUOTE_CHARS = 100
_MAX_LISTED = 5
# Hand-made sheets often start with a title line ("LISTE DES CLIENTS 2024") above
# the real header; more than this many single-cell lines means a one-column file.
MAX_TITLE_ROWS = 3

_PHONE_OR_NUMBER = re.compile(r"[+(]?\d[\d\s().,/+-]*")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_URL = re.compile(r"(https?://|www\.)\S+", re.IGNORECASE)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}([ T][\d:]+)?")


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


def clip(value: object, limit: int = QUOTE_CHARS) -> str:
    """A value as quoted in a message: at most ``limit`` characters, with an ellipsis."""
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def locked_message(path: Path) -> Message:
    return msg.LOCKED(file=path.name)


def check_size(path: Path) -> None:
    """Refuse a file bigger than an import can hold, from its size alone."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        detail = clip(exc.strerror or exc)
        raise ImportFileError(msg.CANNOT_READ(path=str(path), detail=detail)) from exc
    if size > MAX_FILE_MB * 1024 * 1024:
        megabytes = f"{size / (1024 * 1024):,.0f}"
        raise ImportFileError(
            limit_msg.FILE_TOO_BIG(file=path.name, size=megabytes, limit=MAX_FILE_MB)
        )


def read_bytes(path: Path, limit: int | None = None) -> bytes:
    """The file's bytes (its first ``limit`` only, when given), or a message why not."""
    try:
        with path.open("rb") as handle:
            return handle.read() if limit is None else handle.read(limit)
    except PermissionError as exc:
        raise ImportFileError(locked_message(path)) from exc
    except OSError as exc:
        raise ImportFileError(
            msg.CANNOT_READ(path=str(path), detail=clip(exc.strerror or exc))
        ) from exc


def bounded(numbered: Iterable[NumberedRow], where: str) -> Iterator[NumberedRow]:
    """The rows of a file, stopped with a message past ``MAX_CELLS`` cells looked at."""
    cells = 0
    for row in numbered:
        cells += len(row[1]) or 1
        if cells > MAX_CELLS or row[0] > MAX_ROW_NUMBER:
            raise ImportFileError(limit_msg.TOO_MANY_CELLS(where=where, limit=f"{MAX_CELLS:,}"))
        yield row


def assemble(
    numbered: Iterable[NumberedRow],
    *,
    where: str,
    encoding: str,
    delimiter: str | None,
    source_format: SourceFormat,
) -> RawTable:
    rows_iter = iter(bounded(numbered, where))
    header_number, header_cells, pending = _find_header(rows_iter, where)
    headers = _clean_headers(header_cells, where)
    width = len(headers)
    rows: list[list[str]] = []
    numbers: list[int] = []
    extra: dict[int, int] = {}
    for number, cells in chain(pending, rows_iter):
        if not any(cells):
            continue
        if len(rows) >= MAX_ROWS:
            raise ImportFileError(limit_msg.TOO_MANY_ROWS(where=where, limit=f"{MAX_ROWS:,}"))
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
        if _filled(cells) > 1 or len(lead) > MAX_TITLE_ROWS:
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
    if len(headers) > MAX_COLUMNS:
        raise ImportFileError(
            msg.TOO_MANY_COLUMNS(where=where, count=len(headers), limit=MAX_COLUMNS)
        )
    # An unnamed column in the middle still holds data the user may want to map.
    headers = [name or f"Column {index}" for index, name in enumerate(headers, start=1)]
    filled = [name for name in headers if not name.startswith("Column ")]
    if filled and all(_looks_like_value(name) for name in filled):
        shown = ", ".join(f'"{clip(name)}"' for name in filled[:3])
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
                    name=clip(name), first=_column_letter(earlier), second=_column_letter(index)
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
