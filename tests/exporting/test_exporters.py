"""Exports read back from real files: exact cells, encodings, injection guard, atomicity."""

import csv
import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import insert

from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.ids import new_id
from localpro_desktop.services.exporting.exporters import (
    CONTACT_COLUMNS,
    PROSPECT_COLUMNS,
    ExportCancelled,
    ExportFormat,
    export_records,
    neutralise,
    unneutralise,
)
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import Contact, Prospect

T0 = datetime(2024, 5, 1, 9, 30, 15, 123456)

# Field names the importer maps without help (importing/mapping.py).
CANONICAL_PROSPECT = {
    "business_name", "sector", "city", "country", "address", "phone", "whatsapp", "email",
    "website", "latitude", "longitude", "source_ref", "notes", "tags",
}  # fmt: skip
CANONICAL_CONTACT = {
    "first_name", "last_name", "full_name", "company", "phone", "whatsapp", "email", "city",
    "country", "address", "sector", "status", "tags", "notes", "latitude", "longitude",
    "website",
}  # fmt: skip
INFORMATIONAL = {
    "id", "source", "contact_person", "created_at", "updated_at", "last_contacted_at",
    "opt_out_whatsapp", "opt_out_email", "opt_out_sms",
}  # fmt: skip


def _contact(ws: Workspace, minutes: int = 0, **fields: object) -> str:
    with ws.write() as session:
        row = Contact(created_at=T0 + timedelta(minutes=minutes), updated_at=T0, **fields)
        session.add(row)
        session.flush()
        return row.id


def _prospect(ws: Workspace, minutes: int = 0, **fields: object) -> str:
    with ws.write() as session:
        row = Prospect(created_at=T0 + timedelta(minutes=minutes), updated_at=T0, **fields)
        session.add(row)
        session.flush()
        return row.id


def _delete(ws: Workspace, model: type, ident: str) -> None:
    with ws.write() as session:
        session.get(model, ident).deleted_at = T0


def _read_csv(path: Path, delimiter: str = ",") -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=delimiter))


@pytest.fixture
def people(workspace: Workspace) -> dict[str, str]:
    ids = {
        "awa": _contact(
            workspace,
            0,
            first_name="Awa",
            last_name="Diop",
            company="Boutique Élégance",
            sector="couture",
            status="won",
            phone="+221 77 123 45 67",
            whatsapp="077 123 45 67",
            email="awa@example.sn",
            city="Thiès",
            country="SN",
            address="Rue 12, Médina",
            tags=["vip", "façon"],
            notes='Line one\nLine two, with comma; and semicolon "quoted"',
            latitude=14.7910052,
            longitude=-16.9359,
            opt_out_sms=True,
            last_contacted_at=T0 + timedelta(days=3),
        ),
        "evil": _contact(
            workspace,
            1,
            first_name='=HYPERLINK("http://evil.example","click")',
            last_name="@SUM(A1:A9)",
            company="-1+2",
            notes="\tcmd",
            tags=["=bad", "ok"],
        ),
        "plain": _contact(workspace, 2, first_name="Koné", last_name="Côté", city="Abidjan"),
        "gone": _contact(workspace, 3, first_name="Deleted", last_name="Person"),
    }
    _delete(workspace, Contact, ids["gone"])
    return ids


# -- neutralisation ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stored", "exported"),
    [
        ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("-1+2", "'-1+2"),
        ("+221 77 123 45 67", "'+221 77 123 45 67"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("'=already", "''=already"),
        ("'0612", "'0612"),
        ("0612345678", "0612345678"),
        ("Chez Fatou", "Chez Fatou"),
        ("a=b", "a=b"),
        ("", ""),
        ("'", "'"),
    ],
)
def test_neutralise_and_exact_inverse(stored: str, exported: str) -> None:
    assert neutralise(stored) == exported
    assert unneutralise(exported) == stored


def test_unneutralise_leaves_foreign_quotes_alone() -> None:
    assert unneutralise("'hello") == "'hello"
    assert unneutralise("'+221 77 000 00 00") == "+221 77 000 00 00"


# -- CSV --------------------------------------------------------------------------------


def test_csv_contacts_exact_cells(
    workspace: Workspace, people: dict[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "contacts.csv"
    result = export_records(workspace, "contacts", ExportFormat.CSV, out)
    assert result.rows_written == 3
    assert result.rows_without_coordinates == 0
    assert result.format is ExportFormat.CSV
    assert result.path == out

    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert (
        raw.split(b"\r\n", 1)[0]
        == b"\xef\xbb\xbf" + ",".join(name for name, _ in CONTACT_COLUMNS).encode()
    )

    rows = _read_csv(out)
    assert [r["id"] for r in rows] == [people["awa"], people["evil"], people["plain"]]
    awa = rows[0]
    assert awa == {
        "id": people["awa"],
        "first_name": "Awa",
        "last_name": "Diop",
        "company": "Boutique Élégance",
        "sector": "couture",
        "status": "won",
        "phone": "'+221 77 123 45 67",
        "whatsapp": "077 123 45 67",
        "email": "awa@example.sn",
        "website": "",
        "address": "Rue 12, Médina",
        "city": "Thiès",
        "country": "SN",
        "latitude": "14.7910052",
        "longitude": "-16.9359",
        "tags": "vip, façon",
        "notes": 'Line one\nLine two, with comma; and semicolon "quoted"',
        "opt_out_whatsapp": "no",
        "opt_out_email": "no",
        "opt_out_sms": "yes",
        "last_contacted_at": "2024-05-04 09:30:15",
        "created_at": "2024-05-01 09:30:15",
        "updated_at": "2024-05-01 09:30:15",
    }
    assert unneutralise(awa["phone"]) == "+221 77 123 45 67"

    evil = rows[1]
    assert evil["first_name"] == '\'=HYPERLINK("http://evil.example","click")'
    assert evil["last_name"] == "'@SUM(A1:A9)"
    assert evil["company"] == "'-1+2"
    assert evil["notes"] == "'\tcmd"
    assert evil["tags"] == "'=bad, ok"
    assert evil["latitude"] == evil["longitude"] == ""
    assert rows[2]["first_name"] == "Koné"
    assert rows[2]["last_name"] == "Côté"
    assert "Deleted" not in out.read_text(encoding="utf-8-sig")


def test_csv_headers_are_importer_field_names() -> None:
    assert {n for n, _ in CONTACT_COLUMNS} <= CANONICAL_CONTACT | INFORMATIONAL
    assert {n for n, _ in PROSPECT_COLUMNS} <= CANONICAL_PROSPECT | INFORMATIONAL
    assert CANONICAL_CONTACT - {"full_name"} <= {n for n, _ in CONTACT_COLUMNS}
    assert {n for n, _ in PROSPECT_COLUMNS} >= CANONICAL_PROSPECT


def test_csv_semicolon_and_crlf(
    workspace: Workspace, people: dict[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "fr.csv"
    export_records(workspace, "contacts", "csv", out, semicolon=True)
    text = out.read_bytes().decode("utf-8-sig")  # read_text would fold CRLF into LF
    assert text.startswith("id;first_name;last_name;company;")
    # Record separators are CRLF; the LF inside the quoted note is the user's own.
    assert text.count("\r\n") == 4
    rows = _read_csv(out, delimiter=";")
    assert rows[0]["address"] == "Rue 12, Médina"
    assert rows[0]["latitude"] == "14.7910052"  # always a dot, even for French Excel
    assert rows[0]["notes"] == 'Line one\nLine two, with comma; and semicolon "quoted"'


def test_csv_ids_restriction(workspace: Workspace, people: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "segment.csv"
    wanted = [people["plain"], people["gone"], people["awa"], people["awa"], "no-such-id"]
    result = export_records(workspace, "contacts", "csv", out, ids=iter(wanted))
    assert result.rows_written == 2
    assert [r["id"] for r in _read_csv(out)] == [people["awa"], people["plain"]]

    empty = export_records(workspace, "contacts", "csv", tmp_path / "empty.csv", ids=[])
    assert empty.rows_written == 0
    assert _read_csv(tmp_path / "empty.csv") == []


def test_csv_prospects_and_tiny_coordinates(workspace: Workspace, tmp_path: Path) -> None:
    pid = _prospect(
        workspace,
        business_name="Chez Fatou — Restaurant sénégalais",
        sector="restaurant",
        city="Saint-Louis",
        country="SN",
        phone="33 961 00 00",
        source="osm",
        source_ref="node/123",
        contact_person="Fatou Sow",
        tags=["cuisine"],
        latitude=0.00001,
        longitude=-0.0000001,
    )
    gone = _prospect(workspace, 1, business_name="Fermé")
    _delete(workspace, Prospect, gone)
    out = tmp_path / "prospects.csv"
    result = export_records(workspace, "prospects", "csv", out)
    assert result.rows_written == 1
    (row,) = _read_csv(out)
    assert row["id"] == pid
    assert row["business_name"] == "Chez Fatou — Restaurant sénégalais"
    assert row["source"] == "osm"
    assert row["source_ref"] == "node/123"
    assert row["contact_person"] == "Fatou Sow"
    assert row["latitude"] == "0.00001"
    assert row["longitude"] == "-0.0000001"
    assert list(row) == [name for name, _ in PROSPECT_COLUMNS]


def test_progress_reports_every_row(workspace: Workspace, tmp_path: Path) -> None:
    _bulk_contacts(workspace, 4500)
    calls: list[tuple[int, int]] = []
    export_records(
        workspace, "contacts", "csv", tmp_path / "p.csv", progress=lambda d, t: calls.append((d, t))
    )
    assert calls[-1] == (4500, 4500)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    assert all(t == 4500 for _, t in calls)


# -- atomic writes and cancel -----------------------------------------------------------


@pytest.mark.parametrize("fmt", list(ExportFormat))
def test_cancel_leaves_no_file(workspace: Workspace, tmp_path: Path, fmt: ExportFormat) -> None:
    _bulk_contacts(workspace, 5000)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    polls = 0

    def cancel() -> bool:
        nonlocal polls
        polls += 1
        return polls >= 2  # let a first batch be written, then stop

    with pytest.raises(ExportCancelled):
        export_records(workspace, "contacts", fmt, out_dir / f"x.{fmt}", cancel=cancel)
    assert list(out_dir.iterdir()) == []


def test_cancel_keeps_previous_export(workspace: Workspace, tmp_path: Path) -> None:
    _contact(workspace, first_name="Awa")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / "keep.csv"
    out.write_text("previous export", encoding="utf-8")
    with pytest.raises(ExportCancelled):
        export_records(workspace, "contacts", "csv", out, cancel=lambda: True)
    assert out.read_text(encoding="utf-8") == "previous export"
    assert [p.name for p in out_dir.iterdir()] == ["keep.csv"]


def test_bad_destination_is_a_user_error(workspace: Workspace, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="does not exist"):
        export_records(workspace, "contacts", "csv", tmp_path / "missing" / "x.csv")
    with pytest.raises(UserError, match="format"):
        export_records(workspace, "contacts", "pdf", tmp_path / "x.pdf")


# -- XLSX -------------------------------------------------------------------------------


def test_xlsx_contacts(workspace: Workspace, people: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "contacts.xlsx"
    result = export_records(workspace, "contacts", "xlsx", out)
    assert result.rows_written == 3

    book = load_workbook(out)
    assert book.sheetnames == ["Contacts"]
    sheet = book["Contacts"]
    assert sheet.freeze_panes == "A2"
    header = [c.value for c in sheet[1]]
    assert header == [name for name, _ in CONTACT_COLUMNS]
    assert all(c.font.bold for c in sheet[1])
    assert sheet.column_dimensions["A"].width == 38
    assert sheet.max_row == 4

    col = {name: i for i, name in enumerate(header)}
    awa, evil, plain = (list(r) for r in sheet.iter_rows(min_row=2))
    assert awa[col["id"]].value == people["awa"]
    assert awa[col["company"]].value == "Boutique Élégance"
    assert awa[col["city"]].value == "Thiès"
    assert awa[col["phone"]].value == "'+221 77 123 45 67"
    assert awa[col["whatsapp"]].value == "077 123 45 67"
    for name in ("phone", "whatsapp"):
        assert awa[col[name]].data_type == "s"
        assert awa[col[name]].number_format == "@"
    assert awa[col["latitude"]].value == pytest.approx(14.7910052)
    assert awa[col["longitude"]].value == pytest.approx(-16.9359)
    assert awa[col["tags"]].value == "vip, façon"
    assert awa[col["opt_out_sms"]].value == "yes"
    assert awa[col["created_at"]].value == datetime(2024, 5, 1, 9, 30, 15)

    assert evil[col["first_name"]].value == '\'=HYPERLINK("http://evil.example","click")'
    assert evil[col["first_name"]].data_type == "s"  # text, not a formula
    assert evil[col["last_name"]].value == "'@SUM(A1:A9)"
    assert evil[col["company"]].value == "'-1+2"
    assert evil[col["tags"]].value == "'=bad, ok"
    assert plain[col["first_name"]].value == "Koné"
    assert plain[col["last_name"]].value == "Côté"
    values = {c.value for row in sheet.iter_rows() for c in row}
    assert "Deleted" not in values


def test_xlsx_prospects_sheet_name_and_control_characters(
    workspace: Workspace, tmp_path: Path
) -> None:
    _prospect(workspace, business_name="Bad\x07bell", phone="0612345678")
    out = tmp_path / "prospects.xlsx"
    export_records(workspace, "prospects", "xlsx", out)
    sheet = load_workbook(out)["Prospects"]
    header = [c.value for c in sheet[1]]
    row = [c for c in sheet[2]]
    assert row[header.index("business_name")].value == "Badbell"
    assert row[header.index("phone")].value == "0612345678"


# -- GeoJSON ----------------------------------------------------------------------------


def test_geojson_order_and_missing_coordinates(
    workspace: Workspace, people: dict[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "contacts.geojson"
    result = export_records(workspace, "contacts", "geojson", out)
    assert result.rows_written == 1
    assert result.rows_without_coordinates == 2  # "evil" and "plain"; "gone" is deleted
    assert result.format is ExportFormat.GEOJSON

    raw = out.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert "Thiès".encode() in raw  # real UTF-8, not \u escapes
    doc = json.loads(raw.decode("utf-8"))
    assert doc["type"] == "FeatureCollection"
    (feature,) = doc["features"]
    assert feature["type"] == "Feature"
    assert feature["id"] == people["awa"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [-16.9359, 14.7910052]}
    props = feature["properties"]
    assert "latitude" not in props and "longitude" not in props
    assert list(props) == [n for n, _ in CONTACT_COLUMNS if n not in ("latitude", "longitude")]
    assert props["phone"] == "+221 77 123 45 67"  # no spreadsheet, no quote
    assert props["company"] == "Boutique Élégance"
    assert props["tags"] == ["vip", "façon"]
    assert props["opt_out_sms"] is True
    assert props["created_at"] == "2024-05-01T09:30:15Z"


def test_geojson_prospects_invalid_and_empty(workspace: Workspace, tmp_path: Path) -> None:
    _prospect(workspace, business_name="Out of range", latitude=120.0, longitude=10.0)
    _prospect(workspace, 1, business_name="Only latitude", latitude=5.0)
    out = tmp_path / "p.geojson"
    result = export_records(workspace, "prospects", "geojson", out)
    assert (result.rows_written, result.rows_without_coordinates) == (0, 2)
    assert json.loads(out.read_text(encoding="utf-8")) == {
        "type": "FeatureCollection",
        "features": [],
    }


# -- volume -----------------------------------------------------------------------------


def _bulk_contacts(ws: Workspace, count: int) -> None:
    """executemany through Core: the ORM would make the fixture slower than the export."""
    rows = [
        {
            "id": new_id(),
            "created_at": T0 + timedelta(seconds=i),
            "updated_at": T0,
            "first_name": f"Prénom{i}",
            "last_name": "Ndiaye",
            "company": "Société Générale de Côte d'Ivoire" if i % 3 else "=cmd",
            "name_key": "",
            "sector": "commerce",
            "phone": f"+221 77 {i:07d}",
            "whatsapp": "",
            "email": f"p{i}@example.sn",
            "website": "",
            "address": "Plateau",
            "city": "Dakar",
            "country": "SN",
            "latitude": 14.69 + i / 1e6 if i % 2 else None,
            "longitude": -17.44,
            "status": "new",
            "tags": ["client", "été"],
            "notes": "",
            "opt_out_whatsapp": False,
            "opt_out_email": False,
            "opt_out_sms": False,
        }
        for i in range(count)
    ]
    with ws.engine.begin() as conn:
        conn.execute(insert(Contact.__table__), rows)


def test_volume_spans_several_batches(workspace: Workspace, tmp_path: Path) -> None:
    """Speed is measured by bench/bench_export.py; here only that batching loses nothing."""
    _bulk_contacts(workspace, 5_000)
    for fmt in ExportFormat:
        result = export_records(workspace, "contacts", fmt, tmp_path / f"big.{fmt}")
        expected = 2_500 if fmt is ExportFormat.GEOJSON else 5_000
        assert result.rows_written == expected
    rows = _read_csv(tmp_path / "big.csv")
    assert len(rows) == 5_000
    assert rows[0]["company"] == "'=cmd"
    assert rows[1]["tags"] == "client, été"
