"""``localpro import --preset``: LinkedIn and Facebook exports from the command line.

The fixtures have the shapes of the real downloads (see tests/importing/test_presets.py
for the sources): LinkedIn's Connections.csv with its "Notes:" lines, Meta's lead-ads
download in UTF-16 with tabs and "p:"/"l:" prefixes.
"""

import json
import shutil
from pathlib import Path

import pytest

from localpro_desktop.cli.main import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "importing"


def _run(capsys: pytest.CaptureFixture[str], home: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(home), *args])
    out, err = capsys.readouterr()
    return code, out, err


def _copy(tmp_path: Path, name: str) -> Path:
    target = tmp_path / name
    shutil.copyfile(FIXTURES / name, target)
    return target


def test_linkedin_file_is_recognised_and_reported(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    home = tmp_path / "ws"
    path = _copy(tmp_path, "Connections.csv")
    code, out, err = _run(capsys, home, "import", "prospects", str(path))
    assert code == 0, err
    assert "Read as a linkedin export" in out and "Source: linkedin" in out
    assert "Business name → business_name" in out and "URL → source_ref" in out
    assert "row 8: This LinkedIn connection has no name and no company" in out
    code, out, err = _run(capsys, home, "--json", "prospects", "search", "--source", "linkedin")
    assert code == 0, err
    names = {p["business_name"] for p in json.loads(out)["prospects"]}
    assert {"Okonkwo Pharmacy Ltd", "Wanjiru Kamau", "Saveurs du Plateau"} <= names
    assert len(names) == 5


def test_facebook_leads_json_report(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    home = tmp_path / "ws"
    path = _copy(tmp_path, "facebook_leads.csv")
    code, out, err = _run(
        capsys, home, "--json", "import", "prospects", str(path), "--preset", "facebook-leads"
    )
    assert code == 0, err
    report = json.loads(out)
    assert (report["preset"], report["source"]) == ("facebook-leads", "facebook")
    assert (report["created"], report["rejected"], report["skipped_duplicate"]) == (3, 1, 1)
    assert report["rejected_rows"][0]["row"] == 4
    assert "company_name" in report["rejected_rows"][0]["reason"]
    assert report["mapping"]["phone_number"] == "phone" and report["mapping"]["id"] == "source_ref"
    code, out, err = _run(capsys, home, "--json", "prospects", "search", "--source", "facebook")
    assert code == 0, err
    found = {p["business_name"]: p for p in json.loads(out)["prospects"]}
    assert found["Folake's Beauty Hub"]["source_ref"] == "l:1187264953301842"


def test_source_and_map_still_win_and_none_turns_the_preset_off(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    home = tmp_path / "ws"
    path = _copy(tmp_path, "facebook_leads.csv")
    code, out, err = _run(
        capsys,
        home,
        "--json",
        "import",
        "prospects",
        str(path),
        "--dry-run",
        "--source",
        "directory",
        "--map",
        "what_type_of_business_do_you_run?=sector",
    )
    assert code == 0, err
    report = json.loads(out)
    assert report["source"] == "directory" and report["preset"] == "facebook-leads"
    assert report["mapping"]["what_type_of_business_do_you_run?"] == "sector"
    code, out, err = _run(
        capsys, home, "--json", "import", "prospects", str(path), "--dry-run", "--preset", "none"
    )
    assert code == 0, err
    report = json.loads(out)
    assert report["preset"] is None and report["source"] == "import"
    assert "Business name" not in report["mapping"]


def test_a_preset_that_does_not_fit_fails_with_the_reason(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _copy(tmp_path, "facebook_leads.csv")
    code, out, err = _run(
        capsys, tmp_path / "ws", "import", "prospects", str(path), "--preset", "linkedin"
    )
    assert code != 0 and out == ""
    assert "does not look like a LinkedIn connections export" in err
    assert "First Name, Last Name, Company" in err
    with pytest.raises(SystemExit):
        main(
            ["--data-dir", str(tmp_path / "ws"), "import", "prospects", str(path), "--preset", "x"]
        )
