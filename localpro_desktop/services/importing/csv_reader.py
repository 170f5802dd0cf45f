"""CSV, TSV and TXT files into a RawTable: the delimiter, the encoding, the header line.

French Excel writes semicolons and cp1252, Google Sheets commas and UTF-8, "Unicode text"
tabs and UTF-16; this module absorbs those differences. A file too big to import, a file
that is not text, or a header line that never ends are refused before the file is read whole.
"""

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path

from localpro_desktop.domain.messages import import_limits as limit_msg
from localpro_desktop.domain.messages import importing as msg
from localpro_desktop.services.importing.encoding import (
    codec_name,
    decode,
    guess_from_head,
    refuse_binary,
)
from localpro_desktop.services.importing.table import (
    MAX_HEADER_CHARS,
    MAX_TITLE_ROWS,
    ImportFileError,
    NumberedRow,
    RawTable,
    assemble,
    check_size,
    clip,
    read_bytes,
)

# Enough lines to see the shape of the file without parsing all of it twice.
_SNIFF_CHARS = 64 * 1024
_SNIFF_ROWS = 50
_HEAD_BYTES = 1024 * 1024
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
# A file of only delimiters and line breaks (";;;" rows) is as empty as a blank one.
_MEANINGFUL_CHAR = re.compile(r"[^\s,;|]")
_SEP_DIRECTIVE = re.compile(r'"?sep=(.)"?[^\S\r\n]*(\r\n|\n|\r)', re.IGNORECASE)


def read_csv(path: Path, *, encoding: str | None, delimiter: str | None, default: str) -> RawTable:
    check_size(path)
    head = read_bytes(path, _HEAD_BYTES)
    if not head:
        raise ImportFileError(msg.EMPTY_FILE(file=path.name))
    refuse_binary(head, path.name, encoding)
    check_header_line(head, encoding, path.name)
    data = read_bytes(path)
    if not data:
        raise ImportFileError(msg.EMPTY_FILE(file=path.name))
    text, used_encoding = decode(data, encoding)
    del data
    if _MEANINGFUL_CHAR.search(text) is None:
        raise ImportFileError(msg.BLANK_FILE(file=path.name))
    text, directive = strip_sep_directive(text)
    if delimiter:
        chosen = parse_delimiter(delimiter)
    else:
        chosen = directive or sniff_delimiter(text, default)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=chosen)
    del text  # the StringIO holds its own copy
    return assemble(
        _numbered_csv_rows(reader, path),
        where=path.name,
        encoding=used_encoding,
        delimiter=chosen,
        source_format="csv",
    )


def check_header_line(head: bytes, encoding: str | None, file: str) -> None:
    """Refuse a file whose header line is too long, from its first bytes only.

    The header is among the first few non-blank lines (title lines may sit above it), and
    ends at the first line holding a delimiter. A 50 MB file of one line would otherwise
    be decoded, parsed into millions of columns and quoted whole in an error message.
    """
    name = codec_name(encoding) if encoding else guess_from_head(head)
    text, directive = strip_sep_directive(head.decode(name, errors="replace"))
    seen = 0
    for number, line in enumerate(re.split(r"\r\n|\r|\n", text), start=2 if directive else 1):
        if len(line) > MAX_HEADER_CHARS:
            raise ImportFileError(
                msg.HEADER_TOO_LONG(file=file, row=number, limit=MAX_HEADER_CHARS)
            )
        if _MEANINGFUL_CHAR.search(line):
            seen += 1
            if seen > MAX_TITLE_ROWS or any(d in line for d in _HEADER_DELIMITERS):
                return


def strip_sep_directive(text: str) -> tuple[str, str | None]:
    """Honour Excel's optional first line ``sep=;``, which Excel itself hides."""
    match = _SEP_DIRECTIVE.match(text)
    if match is None:
        return text, None
    return text[match.end() :], match.group(1)


def parse_delimiter(value: str) -> str:
    resolved = _DELIMITER_ALIASES.get(value.strip().lower(), value)
    if len(resolved) != 1 or resolved in '"\r\n':
        raise ImportFileError(msg.BAD_DELIMITER(value=clip(value)))
    return resolved


def sniff_delimiter(text: str, default: str) -> str:
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
        if "field limit" in str(exc):  # csv.field_size_limit(), 131,072 characters
            limit = f"{csv.field_size_limit():,}"
            raise ImportFileError(
                limit_msg.CELL_TOO_LONG(file=path.name, row=number + 1, limit=limit)
            ) from exc
        raise ImportFileError(
            msg.BAD_CSV_LINE(file=path.name, row=number + 1, detail=clip(exc))
        ) from exc
