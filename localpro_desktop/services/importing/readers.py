"""Turn the spreadsheets people actually have into rows of text, exactly as typed.

Users export from French Excel (cp1252, semicolons), Google Sheets (UTF-8, commas) or
"Unicode text" (UTF-16, tabs), and they rarely know which one they have. This package
absorbs those differences so the importer sees a single shape: a header and rows of
strings. Nothing here interprets values: a phone stays a string of digits and "14,69"
stays "14,69", because only the cleaning step knows which column holds a number.

The work is split by job: ``table`` (the shape and its bounds), ``encoding``,
``csv_reader`` and ``xlsx_reader``; this module picks the reader by the file's extension.
"""

from pathlib import Path

from localpro_desktop.domain.messages import Message, MessageId
from localpro_desktop.domain.messages import importing as msg
from localpro_desktop.services.importing.csv_reader import read_csv
from localpro_desktop.services.importing.table import (
    ImportFileError,
    NumberedRow,
    RawTable,
    SourceFormat,
)
from localpro_desktop.services.importing.xlsx_reader import read_xlsx

__all__ = [
    "CSV_SUFFIXES",
    "XLSX_SUFFIXES",
    "ImportFileError",
    "NumberedRow",
    "RawTable",
    "SourceFormat",
    "read_table",
]

CSV_SUFFIXES: tuple[str, ...] = (".csv", ".txt", ".tsv")
XLSX_SUFFIXES: tuple[str, ...] = (".xlsx", ".xlsm")

_CONVERT_FIRST: dict[str, MessageId] = {
    ".xls": msg.OLD_EXCEL,
    ".ods": msg.OPENDOCUMENT,
    ".numbers": msg.APPLE_NUMBERS,
}


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
        return read_xlsx(path, sheet)
    if suffix in CSV_SUFFIXES:
        default = "\t" if suffix == ".tsv" else ","
        return read_csv(path, encoding=encoding, delimiter=delimiter, default=default)
    raise ImportFileError(_unsupported_message(path, suffix))


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
