"""Issue 16, items 4 and 5: every duplicate names what it matched; one WhatsApp rule.

A duplicate row says "row N matched row M of the file" or "matched <record>" in the report
and in ``localpro import --json``; a file without a WhatsApp column gets its mobile phones
as WhatsApp numbers (the add form's rule), a file with one is taken at its word.
"""

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from localpro_desktop.cli.main import main
from localpro_desktop.services.importing.importer import import_file
from localpro_desktop.services.prospects import ProspectService
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import Contact, Prospect

# Row 2 repeats nothing; row 3 repeats row 2 (same phone, typed another way); row 4 is a
# record already in the workspace (same e-mail).
FILE = (
    "Raison sociale;Téléphone;Ville;E-mail\r\n"
    "Boulangerie Étoile;77 555 12 34;Thiès;\r\n"
    "Boulangerie Etoile bis;+221775551234;Thiès;\r\n"
    "Pharmacie Awa;;Dakar;awa@pharmacie.sn\r\n"
)


def _write(tmp_path: Path, text: str, name: str = "prospects.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("cp1252"))
    return path


def _existing(ws: Workspace) -> str:
    return (
        ProspectService(ws)
        .add(
            {"business_name": "Pharmacie Awa Ndiaye", "city": "Dakar", "email": "awa@pharmacie.sn"}
        )
        .id
    )


def test_each_duplicate_names_the_row_or_the_record_it_matched(
    workspace: Workspace, tmp_path: Path
) -> None:
    existing = _existing(workspace)
    report = import_file(workspace, "prospects", _write(tmp_path, FILE), dry_run=True)
    repeat, known = report.duplicates
    assert (repeat.row, repeat.matched_row, repeat.matched_id) == (3, 2, None)
    assert str(repeat.matched) == "matched row 2 of the file (same phone +221775551234)"
    assert (known.row, known.matched_row, known.matched_id) == (4, None, existing)
    assert known.matched_name == "Pharmacie Awa Ndiaye (Dakar)"
    assert str(known.matched).startswith("matched Pharmacie Awa Ndiaye (Dakar), already in")

    entries = report.as_dict()["duplicates"]
    # The keys a script already reads are still there; the new ones say what matched.
    assert entries[0] == {
        "row": 3,
        "reason": "same phone +221775551234",
        "matched_row": 2,
        "matched_id": None,
        "matched_name": None,
        "matched": "matched row 2 of the file (same phone +221775551234)",
    }
    assert entries[1]["matched_id"] == existing and entries[1]["matched_row"] is None
    assert entries[1]["matched_name"] == "Pharmacie Awa Ndiaye (Dakar)"


def test_contacts_duplicates_are_named_as_people(workspace: Workspace, tmp_path: Path) -> None:
    first = "Prénom;Nom;Téléphone;Ville\r\nAwa;Diop;77 123 45 67;Thiès\r\n"
    import_file(workspace, "contacts", _write(tmp_path, first, "a.csv"))
    again = "Prénom;Nom;Téléphone\r\nA.;Diop;+221771234567\r\n"
    report = import_file(workspace, "contacts", _write(tmp_path, again, "b.csv"))
    assert report.duplicates[0].matched_name == "Awa Diop (Thiès)"


def test_the_command_line_names_every_match(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    home = tmp_path / "ws"
    path = _write(tmp_path, FILE)
    assert main(["--data-dir", str(home), "import", "prospects", str(path), "--dry-run"]) == 0
    assert "row 3: matched row 2 of the file (same phone" in capsys.readouterr().out
    assert main(["--data-dir", str(home), "--json", "import", "prospects", str(path)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["matched_row"] for d in data["duplicates"]] == [2]
    # Imported again, every row matches a record now there, named in the human report.
    assert main(["--data-dir", str(home), "import", "prospects", str(path)]) == 0
    human = capsys.readouterr().out
    assert "row 2: matched Boulangerie Étoile (Thiès), already in the workspace" in human


def _whatsapp(ws: Workspace, model: type[Prospect] | type[Contact]) -> dict[str, str | None]:
    with ws.read() as session:
        rows = session.execute(select(model.phone, model.whatsapp_e164)).all()
    return {phone: whatsapp for phone, whatsapp in rows}


def test_a_file_without_a_whatsapp_column_takes_mobiles_as_whatsapp(
    workspace: Workspace, tmp_path: Path
) -> None:
    text = (
        "Nom;Téléphone;Ville\r\n"
        "Couture Fatou;77 123 45 67;Dakar\r\n"  # a mobile
        "Garage Médina;33 821 00 00;Dakar\r\n"  # a landline
        "Quincaillerie;70 12;Dakar\r\n"  # incomplete: no rule applies
    )
    import_file(workspace, "prospects", _write(tmp_path, text))
    assert _whatsapp(workspace, Prospect) == {
        "77 123 45 67": "+221771234567",
        "33 821 00 00": None,
        "70 12": None,
    }
    contacts = "Prénom;Téléphone\r\nAwa;78 111 22 33\r\n"
    import_file(workspace, "contacts", _write(tmp_path, contacts, "c.csv"))
    assert _whatsapp(workspace, Contact) == {"78 111 22 33": "+221781112233"}


def test_a_whatsapp_column_is_taken_at_its_word(workspace: Workspace, tmp_path: Path) -> None:
    text = (
        "Nom;Téléphone;WhatsApp;Ville\r\n"
        "Couture Fatou;77 123 45 67;;Dakar\r\n"  # no WhatsApp on purpose
        "Boutique Awa;77 999 88 77;78 000 11 22;Dakar\r\n"
    )
    import_file(workspace, "prospects", _write(tmp_path, text))
    assert _whatsapp(workspace, Prospect) == {
        "77 123 45 67": None,
        "77 999 88 77": "+221780001122",
    }


def test_adding_without_a_whatsapp_field_follows_the_same_rule(workspace: Workspace) -> None:
    service = ProspectService(workspace)
    mobile = service.add({"business_name": "Couture Fatou", "phone": "77 123 45 67"})
    landline = service.add({"business_name": "Garage Médina", "phone": "33 821 00 00"})
    chosen = service.add({"business_name": "Awa", "phone": "77 555 44 33", "whatsapp": ""})
    assert (mobile.whatsapp, mobile.whatsapp_e164) == ("77 123 45 67", "+221771234567")
    assert landline.whatsapp_e164 is None
    assert chosen.whatsapp_e164 is None  # the caller said: no WhatsApp
