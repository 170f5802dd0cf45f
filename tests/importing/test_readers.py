"""Reader tests on real files written the way Excel, Google Sheets and users write them."""

import codecs
import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook

from localpro_desktop.services.importing.readers import ImportFileError, RawTable, read_table

FRENCH_HEADER = "Nom;Téléphone;Ville;Secteur;Courriel"


def write_text(path: Path, text: str, encoding: str) -> Path:
    """Write bytes exactly (no newline translation), as another program would."""
    path.write_bytes(text.encode(encoding))
    return path


def write_xlsx(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    workbook.save(path)
    return path


# ----------------------------------------------------------------- encodings


def test_french_excel_csv_cp1252_semicolon(tmp_path: Path) -> None:
    text = (
        f"{FRENCH_HEADER}\r\n"
        "Boulangerie Façon d’Or;77 123 45 67;Thiès;Boulangerie;contact@facon.sn\r\n"
        "Café Ô Délices;14,69;Saint-Louis;Restaurant 10 €;\r\n"
    )
    path = write_text(tmp_path / "export.csv", text, "cp1252")

    table = read_table(path)

    assert table.encoding == "cp1252"
    assert table.delimiter == ";"
    assert table.source_format == "csv"
    assert table.headers == ["Nom", "Téléphone", "Ville", "Secteur", "Courriel"]
    assert table.rows == [
        ["Boulangerie Façon d’Or", "77 123 45 67", "Thiès", "Boulangerie", "contact@facon.sn"],
        ["Café Ô Délices", "14,69", "Saint-Louis", "Restaurant 10 €", ""],
    ]
    assert table.row_numbers == [2, 3]
    assert table.header_row_number == 1
    assert table.extra_cells == {}


def test_cp1252_undefined_byte_falls_back_without_losing_other_characters(
    tmp_path: Path,
) -> None:
    data = "Nom;Prix\r\nÉpicerie;10 €\r\n".encode("cp1252") + b"X\x81Y;1\r\n"
    path = tmp_path / "odd.csv"
    path.write_bytes(data)

    table = read_table(path)

    assert table.encoding == "cp1252"
    assert table.rows == [["Épicerie", "10 €"], ["X\x81Y", "1"]]


def test_utf8_with_bom_comma(tmp_path: Path) -> None:
    path = write_text(
        tmp_path / "sheets.csv", "\ufeffName,Phone,City\nAwa Diallo,+221770000000,Dakar\n", "utf-8"
    )

    table = read_table(path)

    assert table.encoding == "utf-8-sig"
    assert table.delimiter == ","
    assert table.headers == ["Name", "Phone", "City"]
    assert table.rows == [["Awa Diallo", "+221770000000", "Dakar"]]


def test_plain_utf8_is_not_mistaken_for_cp1252(tmp_path: Path) -> None:
    path = write_text(tmp_path / "u.csv", "Nom,Ville\nKébé,Thiès\n", "utf-8")

    table = read_table(path)

    assert table.encoding == "utf-8"
    assert table.rows == [["Kébé", "Thiès"]]


@pytest.mark.parametrize(
    ("bom", "codec", "expected"),
    [
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
    ],
)
def test_utf16_unicode_text_as_excel_writes_it(
    tmp_path: Path, bom: bytes, codec: str, expected: str
) -> None:
    text = "Nom\tTéléphone\tVille\r\nSalon Ndèye\t76 555 44 33\tKaolack\r\n"
    path = tmp_path / "unicode.txt"
    path.write_bytes(bom + text.encode(codec))

    table = read_table(path)

    assert table.encoding == expected
    assert table.delimiter == "\t"
    assert table.headers == ["Nom", "Téléphone", "Ville"]
    assert table.rows == [["Salon Ndèye", "76 555 44 33", "Kaolack"]]
    assert table.row_numbers == [2]


def test_utf16_without_bom_is_recognised(tmp_path: Path) -> None:
    path = tmp_path / "nobom.txt"
    path.write_bytes("Nom\tVille\r\nAwa\tDakar\r\n".encode("utf-16-le"))

    table = read_table(path)

    assert table.encoding == "utf-16-le"
    assert table.rows == [["Awa", "Dakar"]]


def test_explicit_encoding_overrides_detection(tmp_path: Path) -> None:
    # Valid UTF-8 bytes, but the user knows the file is latin-1.
    path = write_text(tmp_path / "l1.csv", "Nom;Ville\nKébé;Thiès\n", "utf-8")

    table = read_table(path, encoding="latin-1")

    assert table.encoding == "latin-1"
    assert table.rows == [["KÃ©bÃ©", "ThiÃ¨s"]]


# ---------------------------------------------------------------- delimiters


def test_quoted_fields_with_other_delimiters_and_newlines(tmp_path: Path) -> None:
    text = (
        'Nom,Adresse,Notes\r\n"Chez Fatou","Rue 10; Médina, Dakar","ligne 1\r\nligne 2"\r\n'
        'Garage "Le Bon",x,"dit ""top"""\r\n'
        "Dernier,y,z\r\n"
    )
    path = write_text(tmp_path / "quoted.csv", text, "utf-8")

    table = read_table(path)

    assert table.delimiter == ","
    assert table.rows == [
        ["Chez Fatou", "Rue 10; Médina, Dakar", "ligne 1\r\nligne 2"],
        ['Garage "Le Bon"', "x", 'dit "top"'],
        ["Dernier", "y", "z"],
    ]
    # The multi-line cell is one spreadsheet row: numbering follows what Excel shows.
    assert table.row_numbers == [2, 3, 4]


def test_semicolon_file_with_commas_in_header_and_values(tmp_path: Path) -> None:
    path = write_text(
        tmp_path / "prix.csv", "Nom;Prix, TTC;Ville\nA;14,69;Dakar\nB;3,5;Thiès\n", "utf-8"
    )

    table = read_table(path)

    assert table.delimiter == ";"
    assert table.headers == ["Nom", "Prix, TTC", "Ville"]
    assert table.rows == [["A", "14,69", "Dakar"], ["B", "3,5", "Thiès"]]


def test_semicolon_file_with_quoted_semicolons(tmp_path: Path) -> None:
    path = write_text(tmp_path / "q.csv", 'Nom;Adresse\n"A; B";"Rue 1, Dakar"\nC;D\n', "utf-8")

    table = read_table(path)

    assert table.delimiter == ";"
    assert table.rows == [["A; B", "Rue 1, Dakar"], ["C", "D"]]


def test_tab_separated_tsv(tmp_path: Path) -> None:
    path = write_text(tmp_path / "t.tsv", "Name\tCity, region\nA\tDakar, Sénégal\n", "utf-8")

    table = read_table(path)

    assert table.delimiter == "\t"
    assert table.rows == [["A", "Dakar, Sénégal"]]


def test_single_column_file_uses_default_delimiter(tmp_path: Path) -> None:
    path = write_text(tmp_path / "names.csv", "Nom\nAwa\nMoussa\n", "utf-8")

    table = read_table(path)

    assert table.delimiter == ","
    assert table.headers == ["Nom"]
    assert table.rows == [["Awa"], ["Moussa"]]


def test_explicit_delimiter_by_name(tmp_path: Path) -> None:
    path = write_text(tmp_path / "x.txt", "a|b\tc\n1|2\t3\n", "utf-8")

    assert read_table(path, delimiter="tab").headers == ["a|b", "c"]
    # Whitespace inside a column name is collapsed, so users can retype it.
    assert read_table(path, delimiter="|").headers == ["a", "b c"]


def test_excel_sep_directive_line(tmp_path: Path) -> None:
    path = write_text(tmp_path / "sep.csv", "sep=,\r\nNom;Prix,Ville\r\nA;1,Dakar\r\n", "utf-8")

    table = read_table(path)

    assert table.delimiter == ","
    assert table.headers == ["Nom;Prix", "Ville"]
    assert table.row_numbers == [2]


# ------------------------------------------------------------ rows and blanks


def test_blank_lines_are_skipped_but_counted(tmp_path: Path) -> None:
    text = "Nom;Ville\n\nA;Dakar\n;\n   \nB;Thiès\n\n"
    path = write_text(tmp_path / "blank.csv", text, "utf-8")

    table = read_table(path)

    assert table.rows == [["A", "Dakar"], ["B", "Thiès"]]
    assert table.row_numbers == [3, 6]


def test_short_rows_padded_long_rows_reported(tmp_path: Path) -> None:
    text = "a;b;c\n1\n1;2;3;x;y\n1;2;3;;\n4;5;6\n"
    path = write_text(tmp_path / "ragged.csv", text, "utf-8")

    table = read_table(path)

    assert table.rows == [["1", "", ""], ["1", "2", "3"], ["1", "2", "3"], ["4", "5", "6"]]
    assert table.row_numbers == [2, 3, 4, 5]
    # Trailing empty cells (Excel's ";;") are harmless; real extra values are not.
    assert table.extra_cells == {3: 2}


def test_cells_and_headers_are_trimmed(tmp_path: Path) -> None:
    # Excel wraps long labels onto two lines inside one quoted header cell.
    text = ' Nom ;"Numéro\r\n  WhatsApp ";Ville\r\n  Awa  ; 77 ;\t\r\n'
    path = write_text(tmp_path / "s.csv", text, "utf-8")

    table = read_table(path)

    assert table.headers == ["Nom", "Numéro WhatsApp", "Ville"]
    assert table.rows == [["Awa", "77", ""]]


def test_title_row_above_header_is_skipped(tmp_path: Path) -> None:
    text = "LISTE DES CLIENTS 2024;;\n;;\nNom;Téléphone;Ville\nAwa;77;Dakar\n"
    path = write_text(tmp_path / "titled.csv", text, "utf-8")

    table = read_table(path)

    assert table.header_row_number == 3
    assert table.headers == ["Nom", "Téléphone", "Ville"]
    assert table.rows == [["Awa", "77", "Dakar"]]
    assert table.row_numbers == [4]


def test_unnamed_columns_get_a_name_and_trailing_ones_are_dropped(tmp_path: Path) -> None:
    path = write_text(tmp_path / "u.csv", "Nom;;Ville;;\nA;note;Dakar;;\n", "utf-8")

    table = read_table(path)

    assert table.headers == ["Nom", "Column 2", "Ville"]
    assert table.rows == [["A", "note", "Dakar"]]


def test_records_are_keyed_by_header(tmp_path: Path) -> None:
    path = write_text(tmp_path / "r.csv", "Nom,Ville\n\nA,Dakar\n", "utf-8")

    assert list(read_table(path).records()) == [(3, {"Nom": "A", "Ville": "Dakar"})]


def test_many_rows_keep_their_numbers(tmp_path: Path) -> None:
    """Speed is measured by bench/bench_import.py; here only that nothing is lost."""
    line = "Boutique Kébé {i};+221 77 {i:07d};Dakar;Commerce;kebe{i}@example.sn\r\n"
    text = FRENCH_HEADER + "\r\n" + "".join(line.format(i=i) for i in range(20_000))
    path = write_text(tmp_path / "big.csv", text, "cp1252")

    table = read_table(path)

    assert len(table.rows) == 20_000
    assert table.row_numbers[-1] == 20_001
    assert table.rows[-1][0] == "Boutique Kébé 19999"


# ---------------------------------------------------------------------- XLSX


def test_xlsx_numbers_and_dates_rendered_as_typed(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "clients.xlsx",
        {
            "Clients": [
                ["Nom", "Téléphone", "Montant", "Date", "Heure", "Divers"],
                ["Boutique Awa", 221771234567, 14.69, dt.date(2024, 3, 5), None, 42.0],
                [None, None, None, None, None, None],
                ["Garage", 221771234567.0, 0.1 + 0.2, dt.datetime(2024, 3, 5, 14, 30), 1e-05, True],
            ],
            "Autre": [["X"], ["y"]],
        },
    )

    table = read_table(path)

    assert table.source_format == "xlsx"
    assert table.delimiter is None
    assert table.headers == ["Nom", "Téléphone", "Montant", "Date", "Heure", "Divers"]
    assert table.rows == [
        ["Boutique Awa", "221771234567", "14.69", "2024-03-05", "", "42"],
        ["Garage", "221771234567", "0.3", "2024-03-05T14:30:00", "0.00001", "TRUE"],
    ]
    assert table.row_numbers == [2, 4]


def test_xlsx_sheet_by_name_and_index(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "two.xlsx", {"Prospects": [["Nom"], ["A"]], "Contacts": [["Prénom"], ["B"]]}
    )

    assert read_table(path).headers == ["Nom"]
    assert read_table(path, sheet="contacts").rows == [["B"]]
    assert read_table(path, sheet=1).headers == ["Prénom"]


def test_xlsx_extra_cells_and_leading_blank_rows(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "x.xlsx",
        {"S": [[None, None], ["Nom", "Ville"], ["A", "Dakar", "oops"], ["B"]]},
    )

    table = read_table(path)

    assert table.header_row_number == 2
    assert table.rows == [["A", "Dakar"], ["B", ""]]
    assert table.row_numbers == [3, 4]
    assert table.extra_cells == {3: 1}


# -------------------------------------------------------------------- errors


def error_for(path: Path, **kwargs: object) -> str:
    with pytest.raises(ImportFileError) as caught:
        read_table(path, **kwargs)  # type: ignore[arg-type]
    return str(caught.value)


def test_missing_file(tmp_path: Path) -> None:
    message = error_for(tmp_path / "nope.csv")
    assert "File not found" in message
    assert "nope.csv" in message


def test_folder_instead_of_file(tmp_path: Path) -> None:
    folder = tmp_path / "data.csv"
    folder.mkdir()
    assert "folder" in error_for(folder)


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    assert "empty" in error_for(path)


def test_blank_lines_only_file(tmp_path: Path) -> None:
    path = write_text(tmp_path / "blank.csv", "\r\n;;\r\n\r\n", "utf-8")
    message = error_for(path)
    assert "empty" in message
    assert "header" in message


def test_no_header_row(tmp_path: Path) -> None:
    path = write_text(tmp_path / "data.csv", "+221 77 123 45 67;awa@example.sn\n", "utf-8")
    message = error_for(path)
    assert "no header row" in message
    assert '"+221 77 123 45 67"' in message


def test_empty_xlsx_sheet(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "e.xlsx", {"Vide": []})
    message = error_for(path)
    assert "empty" in message
    assert "Vide" in message


@pytest.mark.parametrize("name", ["clients.xls", "CLIENTS.XLS"])
def test_old_xls_asks_to_convert(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    assert "save it as .xlsx or CSV" in error_for(path)


def test_unsupported_extension(tmp_path: Path) -> None:
    path = tmp_path / "list.pdf"
    path.write_bytes(b"%PDF")
    message = error_for(path)
    assert "'.pdf'" in message
    assert ".csv" in message and ".xlsx" in message


def test_duplicate_headers_are_named(tmp_path: Path) -> None:
    path = write_text(tmp_path / "dup.csv", "Nom;Phone;Ville;phone\nA;1;B;2\n", "utf-8")
    message = error_for(path)
    assert "duplicate" in message
    assert '"phone" (columns B and D)' in message


def test_duplicate_headers_ignore_accents(tmp_path: Path) -> None:
    path = write_text(tmp_path / "dup.csv", "Téléphone,Telephone\n1,2\n", "utf-8")
    assert "columns A and B" in error_for(path)


def test_corrupted_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"this is not a zip file at all")
    message = error_for(path)
    assert "could not be read as an Excel .xlsx workbook" in message


def test_truncated_xlsx(tmp_path: Path) -> None:
    good = write_xlsx(tmp_path / "good.xlsx", {"S": [["Nom"], ["A"]]})
    broken = tmp_path / "cut.xlsx"
    broken.write_bytes(good.read_bytes()[:300])
    assert "could not be read" in error_for(broken)


def test_unknown_sheet_lists_available_ones(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "s.xlsx", {"Prospects": [["Nom"]], "Contacts": [["Nom"]]})
    message = error_for(path, sheet="Clients")
    assert "'Prospects', 'Contacts'" in message
    assert "sheet number 5" in error_for(path, sheet=5)


def test_unknown_encoding(tmp_path: Path) -> None:
    path = write_text(tmp_path / "a.csv", "a\n1\n", "utf-8")
    assert "Unknown encoding 'klingon'" in error_for(path, encoding="klingon")


def test_wrong_explicit_encoding(tmp_path: Path) -> None:
    path = write_text(tmp_path / "a.csv", "Nom\nKébé\n", "cp1252")
    assert "not valid utf-8" in error_for(path, encoding="utf-8")


def test_invalid_delimiter(tmp_path: Path) -> None:
    path = write_text(tmp_path / "a.csv", "a\n1\n", "utf-8")
    assert "Invalid delimiter" in error_for(path, delimiter=";;")


def test_error_is_a_value_error() -> None:
    assert issubclass(ImportFileError, ValueError)


def test_raw_table_is_frozen(tmp_path: Path) -> None:
    table = read_table(write_text(tmp_path / "a.csv", "a\n1\n", "utf-8"))
    assert isinstance(table, RawTable)
    with pytest.raises(AttributeError):
        table.encoding = "x"  # type: ignore[misc]
