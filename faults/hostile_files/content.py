"""File content: valid contacts, CSV text, and workbooks written part by part."""

from __future__ import annotations

import csv
import io
import random
import zipfile
from collections.abc import Callable
from pathlib import Path

CONTACT_HEADER = ["First name", "Last name", "Company", "Phone", "Email", "City", "Notes"]
PROSPECT_HEADER = ["Business name", "Phone", "City", "Sector", "Notes"]


def person(case: int, i: int, rng: random.Random) -> dict[str, str]:
    """A valid contact, unique across the run (phone and e-mail from case and row)."""
    serial = case * 2_000 + i
    return {
        "First name": f"Hf{case}x{i}",
        "Last name": rng.choice(["Diallo", "Ndiaye", "Sow", "Fall", "Ba"]),
        "Company": f"Boutique {case}-{i}",
        "Phone": f"+22177{serial:07d}",
        "Email": f"hf{serial}@example.sn",
        "City": rng.choice(["Dakar", "Thiès", "Saint-Louis", "Ziguinchor"]),
        "Notes": "",
    }


def csv_text(header: list[str], rows: list[dict[str, str]], delimiter: str = ",") -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([row.get(h, "") for h in header])
    return out.getvalue()


def stored(row: dict[str, str]) -> dict[str, str]:
    """What the contacts table holds for a file's row: the reader strips each cell, and the
    importer takes off the quote an export put before a formula (export → import is exact)."""
    from localpro_desktop.services.exporting.exporters import unneutralise

    return {
        "first_name": unneutralise(row["First name"].strip()),
        "last_name": unneutralise(row["Last name"].strip()),
        "company": unneutralise(row["Company"].strip()),
        "city": unneutralise(row["City"].strip()),
        "notes": unneutralise(row["Notes"].strip()),
    }


_CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    b'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    b'officedocument.spreadsheetml.sheet.main+xml"/>'
    b'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
    b'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.'
    b'openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
)
_ROOT_RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    b'<sheets><sheet name="Clients" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    b'<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
)
_SHEET_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
)
_EMPTY_SHARED = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" '
    b'uniqueCount="0"></sst>'
)


def _xml_text(value: str) -> str:
    text = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    # Tabs and carriage returns survive XML only as character references.
    return text.replace("\t", "&#9;").replace("\r", "&#13;")


def _column(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def sheet_rows(header: list[str], rows: list[dict[str, str]], start: int = 1) -> bytes:
    """Rows of inline strings, as <row> elements."""
    parts = []
    for number, values in enumerate([header, *[[r.get(h, "") for h in header] for r in rows]]):
        cells = "".join(
            f'<c r="{_column(i)}{number + start}" t="inlineStr"><is><t xml:space="preserve">'
            f"{_xml_text(v)}</t></is></c>"
            for i, v in enumerate(values)
            if v != ""
        )
        parts.append(f'<row r="{number + start}">{cells}</row>')
    return "".join(parts).encode("utf-8")


def write_xlsx(
    path: Path,
    sheet: bytes | Callable[[Callable[[bytes], object]], None],
    *,
    shared: bytes | Callable[[Callable[[bytes], object]], None] | None = None,
    workbook: bytes = WORKBOOK,
    leave_out: str | None = None,
    level: int = 6,
) -> Path:
    """A workbook written part by part; a part given as a function streams its content."""
    parts: list[tuple[str, object]] = [
        ("[Content_Types].xml", _CONTENT_TYPES),
        ("_rels/.rels", _ROOT_RELS),
        ("xl/workbook.xml", workbook),
        ("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS),
        ("xl/worksheets/sheet1.xml", sheet),
        ("xl/sharedStrings.xml", shared if shared is not None else _EMPTY_SHARED),
    ]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        for name, content in parts:
            if name == leave_out:
                continue
            if isinstance(content, bytes):
                archive.writestr(name, content)
            else:
                with archive.open(name, "w", force_zip64=True) as handle:
                    content(handle.write)  # type: ignore[operator]
    return path


def full_sheet(body: bytes, dimension: str | None = None) -> bytes:
    dim = f'<dimension ref="{dimension}"/>'.encode() if dimension else b""
    return _SHEET_HEAD + dim + b"<sheetData>" + body + b"</sheetData></worksheet>"
