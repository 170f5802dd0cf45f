"""Hostile files at the reader (issue 14, the hostile-files campaign): each bound refuses its
file with a message that says what to fix, before the file can exhaust memory or time.

The bounds are lowered with monkeypatch so the files stay small; ``faults/hostile_files/``
runs the same files at full size through ``localpro import`` and measures memory and time.
"""

import codecs
import random
import zipfile
from pathlib import Path

import pytest

from faults.hostile_files import (
    CONTACT_HEADER,
    LAUGHS,
    WORKBOOK,
    full_sheet,
    sheet_rows,
    write_xlsx,
)
from localpro_desktop.services.importing import table, xlsx_reader
from localpro_desktop.services.importing.readers import ImportFileError, read_table


def rows(count: int) -> list[dict[str, str]]:
    return [{"First name": f"N{i}", "Phone": f"+22177{i:07d}"} for i in range(count)]


def refused(path: Path) -> str:
    with pytest.raises(ImportFileError) as caught:
        read_table(path)
    return str(caught.value)


# ----------------------------------------------------------------- size and rows


def test_a_file_past_the_size_bound_is_refused_from_its_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(table, "MAX_FILE_MB", 1)
    path = tmp_path / "big.csv"
    path.write_text("Name,Phone\n" + "Awa,+221770000000\n" * 70_000, encoding="utf-8")

    message = refused(path)

    assert "big.csv is 1 MB" in message and "at most 1 MB" in message
    assert "Split it" in message


def test_an_xlsx_past_the_size_bound_is_refused_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(table, "MAX_FILE_MB", 0)
    path = write_xlsx(tmp_path / "big.xlsx", full_sheet(sheet_rows(CONTACT_HEADER, rows(3))))

    assert "at most 0 MB" in refused(path)


def test_one_row_more_than_the_bound_is_refused_and_the_bound_itself_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(table, "MAX_ROWS", 10)
    path = tmp_path / "rows.csv"
    path.write_text("Name,Phone\n" + "".join(f"n{i},1\n" for i in range(10)), encoding="utf-8")
    assert len(read_table(path).rows) == 10

    path.write_text("Name,Phone\n" + "".join(f"n{i},1\n" for i in range(11)), encoding="utf-8")

    assert "more than 10 rows" in refused(path)


def test_blank_rows_do_not_count_as_rows_but_count_as_cells(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(table, "MAX_ROWS", 2)
    monkeypatch.setattr(table, "MAX_CELLS", 1_000)
    path = tmp_path / "blank.csv"
    path.write_text("Name,Phone\n" + "\n" * 500 + "a,1\nb,2\n", encoding="utf-8")
    assert len(read_table(path).rows) == 2

    path.write_text("Name,Phone\n" + ",\n" * 1_000 + "a,1\n", encoding="utf-8")

    assert "more than 1,000 cells" in refused(path)


# ----------------------------------------------------------------- XLSX bombs


def test_a_worksheet_that_inflates_past_its_bound_is_refused_before_it_is_parsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(xlsx_reader, "MAX_SHEET_MB", 1)
    filler = b'<row><c t="inlineStr"><is><t>aaaaaaaa</t></is></c></row>' * 40_000
    path = write_xlsx(tmp_path / "bomb.xlsx", full_sheet(sheet_rows(CONTACT_HEADER, []) + filler))
    assert path.stat().st_size < 100_000  # small on disk, 2 MB inflated

    message = refused(path)

    assert "unpacks to more than 1 MB (xl/worksheets/sheet1.xml)" in message


def test_shared_strings_past_their_bound_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(xlsx_reader, "MAX_SHARED_STRINGS_MB", 1)
    shared = b"<sst>" + b"<si><t>s</t></si>" * 70_000 + b"</sst>"
    path = write_xlsx(
        tmp_path / "strings.xlsx", full_sheet(sheet_rows(CONTACT_HEADER, rows(2))), shared=shared
    )

    assert "(xl/sharedStrings.xml)" in refused(path)


def test_cells_far_to_the_right_stop_the_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(table, "MAX_CELLS", 100_000)
    far = b"".join(
        f'<row r="{n}"><c r="XFD{n}" t="inlineStr"><is><t>z</t></is></c></row>'.encode()
        for n in range(3, 20)
    )
    path = write_xlsx(tmp_path / "far.xlsx", full_sheet(sheet_rows(CONTACT_HEADER, rows(1)) + far))

    assert "more than 100,000 cells" in refused(path)


def test_a_row_number_past_excels_last_row_is_refused_at_once(tmp_path: Path) -> None:
    last = b'<row r="99999999"><c r="A99999999" t="inlineStr"><is><t>x</t></is></c></row>'
    path = write_xlsx(
        tmp_path / "far-row.xlsx", full_sheet(sheet_rows(CONTACT_HEADER, rows(1)) + last)
    )

    assert "cells" in refused(path)


def test_a_declared_dimension_of_billions_of_cells_is_ignored(tmp_path: Path) -> None:
    sheet = full_sheet(sheet_rows(CONTACT_HEADER, rows(2)), "A1:XFD1048576")
    path = write_xlsx(tmp_path / "dimension.xlsx", sheet)

    read = read_table(path)

    assert read.headers == CONTACT_HEADER
    assert [r[0] for r in read.rows] == ["N0", "N1"]


def test_entity_expansion_in_a_workbook_is_refused_as_a_damaged_file(tmp_path: Path) -> None:
    shared = LAUGHS + b"<sst><si><t>&lol9;</t></si></sst>"
    path = write_xlsx(
        tmp_path / "laughs.xlsx",
        full_sheet(sheet_rows(CONTACT_HEADER, rows(1))),
        shared=shared,
        workbook=WORKBOOK,
    )

    assert "could not be read as an Excel .xlsx workbook" in refused(path)


@pytest.mark.parametrize("part", ["sheet", "workbook"])
def test_any_dtd_in_a_workbook_part_is_refused_before_parsing(tmp_path: Path, part: str) -> None:
    doctype = b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    sheet = full_sheet(sheet_rows(CONTACT_HEADER, rows(1)))
    workbook = WORKBOOK
    if part == "sheet":
        sheet = doctype + sheet.split(b"?>", 1)[1]
    else:
        workbook = doctype + WORKBOOK.split(b"?>", 1)[1]
    path = write_xlsx(tmp_path / "dtd.xlsx", sheet, workbook=workbook)

    assert "could not be read as an Excel .xlsx workbook (DTD)" in refused(path)


def test_a_truncated_workbook_is_refused(tmp_path: Path) -> None:
    whole = write_xlsx(tmp_path / "w.xlsx", full_sheet(sheet_rows(CONTACT_HEADER, rows(50))))
    path = tmp_path / "cut.xlsx"
    path.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])

    assert "(BadZipFile)" in refused(path)


def test_a_workbook_without_its_worksheet_is_refused(tmp_path: Path) -> None:
    sheet = full_sheet(sheet_rows(CONTACT_HEADER, rows(1)))
    path = write_xlsx(tmp_path / "m.xlsx", sheet, leave_out="xl/worksheets/sheet1.xml")

    assert "m.xlsx contains no worksheet to import" in refused(path)


# ----------------------------------------------------------------- not text, not CSV


@pytest.mark.parametrize(
    "head",
    [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"\x7fELF\x02\x01\x01\x00", b"%PDF-1.7\n", b""],
)
def test_binary_data_named_csv_is_refused_as_not_text(tmp_path: Path, head: bytes) -> None:
    path = tmp_path / "picture.csv"
    path.write_bytes(head + random.Random(3).randbytes(50_000))

    assert "is not a text file" in refused(path)


def test_a_workbook_named_csv_is_recognised(tmp_path: Path) -> None:
    path = tmp_path / "clients.csv"
    write_xlsx(path, full_sheet(sheet_rows(CONTACT_HEADER, rows(1))))
    assert zipfile.is_zipfile(path)

    assert "is an Excel workbook with a CSV name" in refused(path)


def test_utf16_without_bom_is_text_not_binary(tmp_path: Path) -> None:
    path = tmp_path / "unicode.txt"
    path.write_bytes("Nom\tVille\r\nAwa Diallo\tThiès\r\n".encode("utf-16-le"))

    assert read_table(path).rows == [["Awa Diallo", "Thiès"]]


def test_a_quote_never_closed_says_so_with_a_short_message(tmp_path: Path) -> None:
    path = tmp_path / "quote.csv"
    body = "".join(f"n{i},+22177{i:07d}\r\n" for i in range(20_000))
    path.write_text('Name,Phone\r\nAwa,"+221\r\n' + body, encoding="utf-8")

    message = refused(path)

    assert "row 2: a cell is longer than 131,072 characters" in message
    assert "quote" in message and len(message) < 400


# ----------------------------------------------------------------- encodings


def test_utf8_and_cp1252_lines_in_one_file_both_keep_their_accents(tmp_path: Path) -> None:
    lines = ["Nom;Ville", "Boulangerie Façon;Thiès", "Café Ô Délices;Kébémer", "Épicerie;Mbour"]
    data = b"\r\n".join(line.encode("utf-8" if n % 2 else "cp1252") for n, line in enumerate(lines))
    path = tmp_path / "mixed.csv"
    path.write_bytes(data)

    read = read_table(path)

    assert read.encoding == "utf-8+cp1252"
    assert read.rows == [
        ["Boulangerie Façon", "Thiès"],
        ["Café Ô Délices", "Kébémer"],
        ["Épicerie", "Mbour"],
    ]


def test_stray_bytes_in_a_utf8_file_do_not_turn_its_accents_into_mojibake(tmp_path: Path) -> None:
    path = tmp_path / "stray.csv"
    path.write_bytes(
        "Nom,Ville\nAwa,Thiès\nFodé,Kébémer\xff\n".encode("utf-8", "surrogateescape").replace(
            b"\xc3\xbf", b"\xff"
        )
    )

    read = read_table(path)

    assert read.rows == [["Awa", "Thiès"], ["Fodé", "Kébémerÿ"]]


def test_a_cp1252_file_is_still_read_as_cp1252(tmp_path: Path) -> None:
    path = tmp_path / "fr.csv"
    path.write_bytes(codecs.encode("Nom;Ville\r\nFaçon d’Or;Thiès\r\n", "cp1252"))

    read = read_table(path)

    assert read.encoding == "cp1252"
    assert read.rows == [["Façon d’Or", "Thiès"]]
