"""End-to-end imports into a real workspace: atomicity, duplicates, reports, round trips."""

import gc
from pathlib import Path

import pytest
from sqlalchemy import func, select

from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.plans import PlanLimitError
from localpro_desktop.services.contacts import ContactService
from localpro_desktop.services.exporting.exporters import ExportFormat, export_records
from localpro_desktop.services.importing import importer
from localpro_desktop.services.importing.checking import check_rows
from localpro_desktop.services.importing.importer import (
    DuplicatePolicy,
    ImportCancelled,
    import_file,
)
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import Activity, Contact, Prospect

FRENCH_EXCEL = (
    "Nom;Prénom;Téléphone;Ville;Courriel;Statut;Étiquettes\r\n"
    "Diop;Awa;77 123 45 67;Dakar;awa@exemple.sn;Intéressé;vip, marché\r\n"
    "Sow;Moussa;770000;Thiès;;;\r\n"
    ";;;;;;\r\n"
    "Diop;Awa;+221771234567;Dakar;;client;\r\n"
    "Ndiaye;Fatou;78 111 22 33;Dakar;fatou@;bogus;\r\n"
    "Faye;;33 821 00 00;Saint-Louis;faye@exemple.sn;;\r\n"
)


def _write(tmp_path: Path, text: str, name: str = "fichier.csv", encoding: str = "cp1252") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def _count(ws: Workspace, model: type) -> int:
    with ws.read() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_french_excel_csv_reports_each_row(workspace: Workspace, tmp_path: Path) -> None:
    report = import_file(workspace, "contacts", _write(tmp_path, FRENCH_EXCEL))
    assert (report.encoding, report.delimiter) == ("cp1252", ";")
    assert (report.created, report.skipped_duplicate, len(report.rejected)) == (3, 1, 1)
    assert report.rejected[0].row == 6 and "Unknown status 'bogus'" in report.rejected[0].reason
    assert any(w.row == 3 and "770000" in w.reason for w in report.warnings)
    assert report.duplicates[0].row == 5 and "same phone" in report.duplicates[0].reason
    with workspace.read() as session:
        awa = session.scalars(select(Contact).where(Contact.first_name == "Awa")).one()
        moussa = session.scalars(select(Contact).where(Contact.first_name == "Moussa")).one()
    assert awa.status == "interested" and awa.tags == ["vip", "marché"]
    assert awa.phone_e164 == "+221771234567" and awa.email_normalized == "awa@exemple.sn"
    assert moussa.phone == "770000" and moussa.phone_e164 is None  # kept, flagged
    assert _count(workspace, Activity) == 3  # one "imported" entry per new contact


def test_dry_run_writes_nothing(workspace: Workspace, tmp_path: Path) -> None:
    report = import_file(workspace, "contacts", _write(tmp_path, FRENCH_EXCEL), dry_run=True)
    assert report.created == 3 and report.dry_run
    assert _count(workspace, Contact) == 0


def test_update_and_merge_policies(workspace: Workspace, tmp_path: Path) -> None:
    ContactService(workspace).add(
        {
            "first_name": "Awa",
            "last_name": "Diop",
            "phone": "771234567",
            "city": "Dakar",
            "notes": "Met at the market",
            "tags": "old",
        }
    )
    csv = (
        "Prénom;Nom;Tél;Ville;Notes;Tags;Statut\r\n"
        "Awa;Diop;77 123 45 67;Rufisque;Wants a quote;new;\r\n"
    )
    merged = import_file(
        workspace, "contacts", _write(tmp_path, csv), on_duplicate=DuplicatePolicy.MERGE
    )
    assert (merged.created, merged.updated) == (0, 1)
    with workspace.read() as session:
        c = session.scalars(select(Contact)).one()
    assert c.city == "Dakar"  # merge keeps what was there
    assert c.notes == "Met at the market\nWants a quote" and c.tags == ["old", "new"]
    updated = import_file(
        workspace, "contacts", _write(tmp_path, csv), on_duplicate=DuplicatePolicy.UPDATE
    )
    assert updated.updated == 1
    with workspace.read() as session:
        c = session.scalars(select(Contact)).one()
    assert c.city == "Rufisque" and c.tags == ["new"] and c.status == "new"
    again = import_file(
        workspace, "contacts", _write(tmp_path, csv), on_duplicate=DuplicatePolicy.UPDATE
    )
    assert (again.updated, again.unchanged) == (0, 1)


def test_fuzzy_name_same_city_is_duplicate_unless_phones_differ(
    workspace: Workspace, tmp_path: Path
) -> None:
    csv = (
        "Business name,City,Phone\n"
        "Quincaillerie Touba Matériaux,Dakar,\n"
        "Quincaillerie Touba Materiaux SARL,dakar,\n"
        "Quincaillerie Touba Matériaux,Thiès,\n"
        "Pharmacie Awa,Dakar,77 100 00 01\n"
        "Pharmacie Ava,Dakar,77 100 00 02\n"
    )
    report = import_file(workspace, "prospects", _write(tmp_path, csv, encoding="utf-8"))
    assert report.created == 4 and report.skipped_duplicate == 1
    assert "similar name" in report.duplicates[0].reason


def test_bad_row_among_good_ones(workspace: Workspace, tmp_path: Path) -> None:
    csv = "Name,City,Latitude,Longitude\nA,Dakar,14.7,-17.4\nB,Dakar,914.7,-17.4\n"
    report = import_file(workspace, "prospects", _write(tmp_path, csv, encoding="utf-8"))
    assert report.created == 1
    assert "latitude" in report.rejected[0].reason


def test_plan_limit_refuses_whole_import(workspace: Workspace, tmp_path: Path) -> None:
    rows = "".join(f"Shop number {i:03d} {chr(65 + i % 26)}{i},Dakar\n" for i in range(201))
    path = _write(tmp_path, "Name,City\n" + rows, encoding="utf-8")
    with pytest.raises(PlanLimitError, match="201 more requested"):
        import_file(workspace, "prospects", path)
    assert _count(workspace, Prospect) == 0


def test_cancel_leaves_workspace_unchanged(workspace: Workspace, tmp_path: Path) -> None:
    with pytest.raises(ImportCancelled):
        import_file(workspace, "contacts", _write(tmp_path, FRENCH_EXCEL), cancel=lambda: True)
    assert _count(workspace, Contact) == 0


def test_missing_required_column_says_what_to_map(workspace: Workspace, tmp_path: Path) -> None:
    path = _write(tmp_path, "Ville;Téléphone\r\nDakar;771234567\r\n")
    with pytest.raises(UserError, match="--map"):
        import_file(workspace, "prospects", path)
    ok = import_file(workspace, "prospects", path, overrides={"Ville": "business_name"})
    assert ok.created == 1


def test_parallel_normalisation_matches_serial(workspace: Workspace, tmp_path: Path) -> None:
    lines = ["Name,City,Phone,Email"]
    for i in range(5000):
        lines.append(
            f"Client {i},City{i % 7},+221 77 {i // 100 + 100:03d} {i % 100:02d} 00,"
            f"c{i}@ex{i % 3}.sn"
        )
    path = _write(tmp_path, "\n".join(lines) + "\n", encoding="utf-8")
    serial = import_file(workspace, "contacts", path, dry_run=True, workers=1)
    parallel = import_file(workspace, "contacts", path, dry_run=True, workers=2)
    assert serial.as_dict() == parallel.as_dict()
    assert serial.created == 5000


def test_parallel_with_early_start_matches_serial_and_restores_gc(
    workspace: Workspace, tmp_path: Path
) -> None:
    """A file big enough for the early start, checked by this process and two workers."""
    lines = ["Name,City,Phone,WhatsApp,Email,Notes"]
    for i in range(6000):
        lines.append(
            f"Client {i % 900},City{i % 5},{'77 12' if i % 97 == 0 else f'77 {i:07d}'},"
            f"+221 70 {i % 1000:03d} 00 00,c{i % 4000}@ex{i % 50}.sn,{'x' * 40}"
        )
    path = _write(tmp_path, "\n".join(lines) + "\n", encoding="utf-8")
    assert path.stat().st_size >= importer.EARLY_START_BYTES
    serial = import_file(workspace, "contacts", path, dry_run=True, workers=1)
    assert gc.isenabled()
    parallel = import_file(workspace, "contacts", path, dry_run=True, workers=3)
    assert gc.isenabled()
    assert serial.as_dict() == parallel.as_dict()
    assert serial.skipped_duplicate > 0 and serial.warnings


def test_checker_shares_rows_with_started_workers_and_keeps_their_order() -> None:
    raws = [
        {"first_name": f"A{i}", "phone": f"77 {i:07d}", "email": f"a{i}@x{i % 7}.sn"}
        for i in range(7500)
    ]
    checker = importer._Checker(3, "SN")
    checker.start()
    try:
        for started in checker._started:
            started.result(timeout=120)  # so the workers surely take chunks
        events: list[tuple[str, int, int]] = []
        rows = list(checker.check("contacts", raws, lambda *e: events.append(e), lambda: False))
    finally:
        checker.close()
    expected = check_rows("contacts", "SN", raws)
    assert [(r.values, r.errors, r.warnings) for r in rows] == [
        (r.values, r.errors, r.warnings) for r in expected
    ]
    assert events[-1] == ("checking", 7500, 7500)
    assert [done for _, done, _ in events] == sorted(done for _, done, _ in events)


def test_cancel_while_workers_check(workspace: Workspace, tmp_path: Path) -> None:
    lines = ["Name,City,Phone"] + [f"Client {i},Dakar,77 {i:07d}" for i in range(6000)]
    path = _write(tmp_path, "\n".join(lines) + "\n", encoding="utf-8")
    asked: list[int] = []

    def cancel() -> bool:
        asked.append(1)
        return len(asked) > 3

    with pytest.raises(ImportCancelled):
        import_file(workspace, "contacts", path, cancel=cancel, workers=2)
    assert _count(workspace, Contact) == 0
    assert gc.isenabled()


def test_export_import_round_trip_changes_nothing(workspace: Workspace, tmp_path: Path) -> None:
    svc = ContactService(workspace)
    svc.add(
        {
            "first_name": "Aïssatou",
            "last_name": "Bâ",
            "company": "Ç'est Bon",
            "phone": "+221 77 123 45 67",
            "email": "a@b.sn",
            "city": "Dakar",
            "tags": "vip, à-jour",
            "notes": "=1+1",
            "latitude": "14.7",
            "longitude": "-17.4",
        }
    )
    c2 = svc.add({"company": "Garage Moderne", "whatsapp": "70 111 22 33", "city": "Thiès"})
    svc.move(c2.id, "negotiation")
    svc.set_opt_out(c2.id, Channel.SMS)
    before = _snapshot(workspace)
    for fmt in (ExportFormat.CSV, ExportFormat.XLSX):
        out = tmp_path / f"contacts.{fmt.value}"
        export_records(workspace, "contacts", fmt, out, semicolon=True)
        report = import_file(workspace, "contacts", out, on_duplicate=DuplicatePolicy.UPDATE)
        assert (report.created, report.updated, report.unchanged) == (0, 0, 2), fmt
        assert _snapshot(workspace) == before
        # Into an empty workspace, every field comes back as it was.
        fresh = Workspace.open(workspace.paths.__class__(tmp_path / f"fresh-{fmt.value}"))
        try:
            assert import_file(fresh, "contacts", out).created == 2
            assert _fields(fresh) == _fields(workspace)
        finally:
            fresh.close()


_COMPARED = (
    "first_name",
    "last_name",
    "company",
    "phone",
    "phone_e164",
    "whatsapp",
    "whatsapp_e164",
    "email",
    "city",
    "country",
    "latitude",
    "longitude",
    "status",
    "tags",
    "notes",
    "opt_out_sms",
    "opt_out_email",
)


def _fields(ws: Workspace) -> list[tuple]:
    with ws.read() as session:
        rows = session.scalars(select(Contact).order_by(Contact.company)).all()
        return [tuple(getattr(r, f) for f in _COMPARED) for r in rows]


def _snapshot(ws: Workspace) -> list[tuple]:
    with ws.read() as session:
        rows = session.scalars(select(Contact).order_by(Contact.id)).all()
        return [tuple(getattr(r, c.key) for c in Contact.__table__.columns) for r in rows]
