"""LinkedIn and Facebook exports imported through their presets, into a real workspace.

The fixtures (tests/fixtures/importing/) have the shapes of the real downloads:

- LinkedIn ``Connections.csv`` (Settings > Data privacy > Get a copy of your data): a
  "Notes:" line and a quoted notice above the header ``First Name,Last Name,URL,Email
  Address,Company,Position,Connected On``; e-mail mostly empty. Shape as described in
  https://endearist.com/en/blog/how-to-export-linkedin-connections and
  https://grokipedia.com/page/Exporting_LinkedIn_connections.
- Meta lead ads download (Leads Center / Ads Manager, "the only supported format is TSV":
  https://developers.facebook.com/docs/marketing-api/guides/lead-ads/retrieving): UTF-16
  LE with tabs, ``id,created_time,ad_id,…,form_name,is_organic,platform``, the form's own
  questions, ``full_name,phone_number,email,city``; ids and phones prefixed ("l:", "p:+").
"""

import shutil
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.sources import ProspectSource
from localpro_desktop.services.importing.importer import import_file
from localpro_desktop.services.importing.presets import (
    FACEBOOK_LEADS,
    LINKEDIN,
    detect,
    read_prepared,
)
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import Contact, Prospect

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "importing"


def _copy(tmp_path: Path, name: str) -> Path:
    target = tmp_path / name
    shutil.copyfile(FIXTURES / name, target)
    return target


def _prospects(ws: Workspace) -> dict[str, Prospect]:
    with ws.read() as session:
        rows = session.scalars(select(Prospect).where(Prospect.deleted_at.is_(None))).all()
        session.expunge_all()
    return {p.business_name: p for p in rows}


def test_linkedin_connections_become_prospects_from_linkedin(
    workspace: Workspace, tmp_path: Path
) -> None:
    report = import_file(workspace, "prospects", _copy(tmp_path, "Connections.csv"))
    assert (report.preset, report.source) == ("linkedin", "linkedin")
    assert report.total_rows == 6 and report.created == 5
    # The row with neither name nor company is listed with what to fix, by its Excel row.
    assert [(p.row, "no name and no company" in p.reason) for p in report.rejected] == [(8, True)]
    assert "First Name" in report.rejected[0].reason
    # The bad e-mail is kept and flagged, as for any file.
    assert [w.row for w in report.warnings] == [10]
    found = _prospects(workspace)
    okonkwo = found["Okonkwo Pharmacy Ltd"]
    assert okonkwo.contact_person == "Adaeze Okonkwo"
    assert okonkwo.source == ProspectSource.LINKEDIN.value
    assert okonkwo.source_ref == "https://www.linkedin.com/in/adaeze-okonkwo-4b1a2c"
    assert okonkwo.notes == "Managing Director" and okonkwo.email == ""
    kwame = found["Kumasi Hardware & Sons, Ltd"]  # the quoted comma stayed in the name
    assert kwame.email_normalized == "kwame.mensah@kumasihardware.com.gh"
    # No company: the person is the business (a freelancer), and is the contact too.
    assert found["Wanjiru Kamau"].contact_person == "Wanjiru Kamau"
    assert found["Saveurs du Plateau"].contact_person == "Aïssatou Diallo"
    assert {p.source for p in found.values()} == {"linkedin"}


def test_linkedin_connections_as_contacts(workspace: Workspace, tmp_path: Path) -> None:
    report = import_file(workspace, "contacts", _copy(tmp_path, "Connections.csv"))
    assert report.preset == "linkedin" and report.source is None
    assert report.created == 5 and [p.row for p in report.rejected] == [8]
    with workspace.read() as session:
        kwame = session.scalars(select(Contact).where(Contact.first_name == "Kwame")).one()
        assert (kwame.last_name, kwame.company) == ("Mensah", "Kumasi Hardware & Sons, Ltd")
        assert kwame.website == "https://www.linkedin.com/in/kwamemensah"
        assert kwame.notes == "Founder & CEO"


def test_linkedin_export_saved_again_by_excel_as_xlsx(workspace: Workspace, tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Notes:"])
    sheet.append(["When exporting your connection data, you may notice that some of the e…"])
    sheet.append([])
    sheet.append(["First Name", "Last Name", "URL", "Email Address", "Company", "Position"])
    sheet.append(["Yaw", "Boateng", "https://www.linkedin.com/in/yawb", "", "", "Tailor"])
    sheet.append(["Efua", "Asante", "https://www.linkedin.com/in/efua", "", "Efua Fabrics", "CEO"])
    sheet.append(["", "", "https://www.linkedin.com/in/ACoAAB1x", "", "", ""])  # a hidden profile
    path = tmp_path / "Connections.xlsx"
    book.save(path)
    report = import_file(workspace, "prospects", path, preset="linkedin")
    assert report.preset == "linkedin"
    found = _prospects(workspace)
    assert found["Yaw Boateng"].source == "linkedin"
    assert found["Efua Fabrics"].contact_person == "Efua Asante"
    assert [p.row for p in report.rejected] == [7]


def test_facebook_lead_ads_download_utf16_tabs(workspace: Workspace, tmp_path: Path) -> None:
    report = import_file(workspace, "prospects", _copy(tmp_path, "facebook_leads.csv"))
    assert (report.encoding, report.delimiter) == ("utf-16-le", "\t")
    assert (report.preset, report.source) == ("facebook-leads", "facebook")
    assert report.total_rows == 5 and report.created == 3
    assert [p.row for p in report.rejected] == [4]
    assert "full_name" in report.rejected[0].reason
    # The same phone twice (the "p:" prefix taken off) is one prospect.
    assert [(d.row, d.matched_row) for d in report.duplicates] == [(5, 2)]
    assert [w.row for w in report.warnings] == [6]  # "p:12" is no phone number
    found = _prospects(workspace)
    folake = found["Folake's Beauty Hub"]
    assert folake.phone_e164 == "+2348031234567" and folake.phone == "+2348031234567"
    assert folake.contact_person == "Folake Adeyemi" and folake.city == "Lagos"
    assert folake.source == "facebook" and folake.source_ref == "l:1187264953301842"
    assert "what type of business do you run?: Hair salon" in folake.notes
    assert "form_name: Salons Lagos form" in folake.notes
    # No company_name: the lead's own name is the business name.
    assert found["Tunde Bakare"].phone_e164 == "+2348091112233"


def test_facebook_export_with_first_and_last_name_in_utf8(
    workspace: Workspace, tmp_path: Path
) -> None:
    path = tmp_path / "leads.csv"
    path.write_text(
        "id,created_time,ad_id,form_id,form_name,platform,first_name,last_name,"
        "phone_number,email,company_name\n"
        "l:901,2024-06-01T10:00:00+03:00,ag:1,f:2,Duka form,fb,Achieng,Otieno,"
        "p:+254712345678,achieng@duka.co.ke,Duka la Achieng\n",
        encoding="utf-8",
    )
    report = import_file(workspace, "prospects", path)
    assert report.preset == "facebook-leads" and report.created == 1
    duka = _prospects(workspace)["Duka la Achieng"]
    assert (duka.contact_person, duka.phone_e164) == ("Achieng Otieno", "+254712345678")
    assert duka.whatsapp_e164 == "+254712345678"  # a mobile, and the file has no WhatsApp


def test_the_users_column_choices_apply_on_top_of_the_preset(
    workspace: Workspace, tmp_path: Path
) -> None:
    path = _copy(tmp_path, "facebook_leads.csv")
    report = import_file(
        workspace,
        "prospects",
        path,
        overrides={"what_type_of_business_do_you_run?": "sector", "Lead details": "ignore"},
        source=ProspectSource.DIRECTORY,
    )
    assert report.mapping["what_type_of_business_do_you_run?"] == "sector"
    assert "Lead details" not in report.mapping and report.source == "directory"
    folake = _prospects(workspace)["Folake's Beauty Hub"]
    assert folake.sector == "hair_salon" and folake.notes == ""  # the label, stored as its key
    assert folake.source == "directory"


def test_detection_needs_clear_evidence_and_ordinary_files_are_unchanged(
    workspace: Workspace, tmp_path: Path
) -> None:
    assert detect(["First Name", "Last Name", "URL", "Company", "Position", "Connected On"]) == (
        LINKEDIN
    )
    assert detect(["id", "created_time", "form_id", "full_name", "phone_number"]) == (
        FACEBOOK_LEADS
    )
    # A contact list that happens to have first and last names is an ordinary file.
    assert detect(["First Name", "Last Name", "Company", "Phone"]) is None
    assert detect(["id", "Name", "Phone"]) is None
    path = tmp_path / "annuaire.csv"
    path.write_bytes(
        "Raison sociale;Ville;Téléphone\r\nPharmacie du Port;Dakar;33 821 00 00\r\n".encode(
            "cp1252"
        )
    )
    prepared = read_prepared(path)
    assert prepared.preset is None and prepared.table.headers == [
        "Raison sociale",
        "Ville",
        "Téléphone",
    ]
    report = import_file(workspace, "prospects", path)
    assert report.preset is None and report.source == "import" and report.created == 1


def test_preset_none_reads_a_linkedin_file_column_by_column(
    workspace: Workspace, tmp_path: Path
) -> None:
    report = import_file(
        workspace, "prospects", _copy(tmp_path, "Connections.csv"), preset="none", dry_run=True
    )
    assert report.preset is None and report.source == "import"
    assert report.mapping["Company"] == "business_name"
    assert "Business name" not in report.mapping  # no column was added
    # Without the preset, rows with no company have no business name.
    assert [p.row for p in report.rejected] == [7, 8]


def test_a_preset_that_does_not_fit_says_which_columns_are_missing(
    workspace: Workspace, tmp_path: Path
) -> None:
    with pytest.raises(UserError) as caught:
        import_file(
            workspace, "prospects", _copy(tmp_path, "facebook_leads.csv"), preset="linkedin"
        )
    text = str(caught.value)
    assert "facebook_leads.csv does not look like a LinkedIn connections export" in text
    assert "First Name, Last Name, Company" in text
