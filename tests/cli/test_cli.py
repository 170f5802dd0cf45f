"""The ``localpro`` command line, run in-process on real workspaces and files."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from localpro_desktop.cli.main import main

FRENCH = (
    "Nom;Prénom;Téléphone;Ville;Courriel\r\n"
    "Diop;Awa;77 123 45 67;Dakar;awa@exemple.sn\r\n"
    ";;;;\r\n"
    "Sow;;abc;Thiès;pas-un-email\r\n"
    ";;78 000 00 00;Dakar;\r\n"
)


def run(capsys: pytest.CaptureFixture[str], home: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(home), *args])
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], home: Path, *args: str) -> object:
    code, out, err = run(capsys, home, "--json", *args)
    assert code == 0, err
    return json.loads(out)


def test_demo_then_search_convert_move(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    home = tmp_path / "ws"
    summary = run_json(capsys, home, "demo", "--size", "400", "--seed", "3")
    assert summary["prospects"] == 400 and summary["contacts"] > 10
    found = run_json(capsys, home, "prospects", "search", "--limit", "5")
    assert found["total"] == 400 and len(found["prospects"]) == 5
    first = found["prospects"][0]
    same_sector = run_json(
        capsys, home, "prospects", "search", "--sector", first["sector"], "--city", first["city"]
    )
    assert all(p["sector"] == first["sector"] for p in same_sector["prospects"])
    word = first["business_name"].split()[0]
    by_text = run_json(capsys, home, "prospects", "search", "--text", word, "--limit", "500")
    assert first["id"] in [p["id"] for p in by_text["prospects"]]

    converted = run_json(capsys, home, "prospects", "convert", first["id"])
    contact_id = converted["contacts"][0]["id"]
    again = run_json(capsys, home, "prospects", "convert", first["id"][:13])
    assert again["contacts"][0]["id"] == contact_id and again["created"] == 0

    moved = run_json(capsys, home, "contacts", "move", contact_id, "NEGOTIATION")
    assert moved["status"] == "negotiation"
    shown = run_json(capsys, home, "contacts", "show", contact_id)
    assert shown["timeline"][0]["to"] == "negotiation"
    listed = run_json(
        capsys, home, "contacts", "list", "--status", "negotiation", "--limit", "1000"
    )
    assert contact_id in [c["id"] for c in listed["contacts"]]


def test_import_reports_rows_and_exit_codes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    home = tmp_path / "ws"
    path = tmp_path / "clients.csv"
    path.write_bytes(FRENCH.encode("cp1252"))
    report = run_json(capsys, home, "import", "contacts", str(path), "--dry-run")
    assert report["created"] == 2 and report["dry_run"]
    report = run_json(capsys, home, "import", "contacts", str(path))
    assert (report["created"], report["rejected"], report["skipped_duplicate"]) == (2, 1, 0)
    assert report["rejected_rows"] == [
        {"row": 5, "reason": "no name: give a first name, last name or company"}
    ]
    again = run_json(capsys, home, "import", "contacts", str(path), "--on-duplicate", "skip")
    assert again["skipped_duplicate"] == 2 and again["created"] == 0

    code, _, err = run(capsys, home, "import", "prospects", str(tmp_path / "missing.csv"))
    assert code == 1 and "error:" in err and "Traceback" not in err
    code, _, err = run(capsys, home, "contacts", "move", "nope-nope", "client")
    assert code == 1 and "No contact with id" in err
    code, _, err = run(capsys, home, "import", "prospects", str(path), "--map", "Ville=bogus")
    assert code == 1 and "bogus" in err


def test_export_segment_and_geojson(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    home = tmp_path / "ws"
    run_json(capsys, home, "demo", "--size", "600")
    seg = run_json(
        capsys,
        home,
        "segments",
        "create",
        "Dakar clients",
        "--status",
        "client",
        "--status",
        "negotiation",
    )
    out = tmp_path / "seg.csv"
    exported = run_json(
        capsys,
        home,
        "export",
        "contacts",
        "--format",
        "csv",
        "--output",
        str(out),
        "--segment",
        "dakar CLIENTS",
    )
    assert exported["rows"] == seg["members"] > 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    geo = tmp_path / "p.geojson"
    result = run_json(
        capsys, home, "export", "prospects", "--format", "geojson", "--output", str(geo)
    )
    data = json.loads(geo.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection" and len(data["features"]) == result["rows"]
    shown = run_json(capsys, home, "segments", "show", "Dakar clients")
    assert shown["members"] == seg["members"]


def test_workspace_settings_usage_stats(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    home = tmp_path / "ws"
    settings = run_json(
        capsys,
        home,
        "workspace",
        "set",
        "--country",
        "ng",
        "--currency",
        "NGN",
        "--language",
        "fr",
        "--timezone",
        "Africa/Lagos",
    )
    assert (settings["country"], settings["language"]) == ("NG", "fr")
    code, _, err = run(capsys, home, "workspace", "set", "--timezone", "Mars/Olympus")
    assert code == 1 and "IANA" in err
    added = run_json(
        capsys,
        home,
        "prospects",
        "add",
        "Mama Cass Kitchen",
        "--phone",
        "0803 123 4567",
        "--city",
        "Lagos",
    )
    assert added["phone_e164"] == "+2348031234567"
    usage = run_json(capsys, home, "usage")
    assert usage["usage"]["prospects"] == {"used": 1, "limit": 200, "remaining": 199}
    stats = run_json(capsys, home, "stats", "--days", "7")
    assert stats["kpis"]["total_prospects"] == 1 and len(stats["daily"]) == 7


def test_backup_and_restore(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    home = tmp_path / "ws"
    run_json(capsys, home, "prospects", "add", "Before backup")
    backup = run_json(capsys, home, "backup")
    assert backup["integrity"] == "ok"
    run_json(capsys, home, "prospects", "add", "After backup")
    assert run_json(capsys, home, "prospects", "search")["total"] == 2
    code, _, err = run(capsys, home, "restore", backup["backup"])
    assert code == 1 and "--yes" in err  # no terminal to confirm in
    run_json(capsys, home, "restore", backup["backup"], "--yes")
    names = [p["business_name"] for p in run_json(capsys, home, "prospects", "search")["prospects"]]
    assert names == ["Before backup"]


def test_console_script_runs_as_a_process(tmp_path: Path) -> None:
    """The installed entry point works outside pytest, with LOCALPRO_HOME."""
    env = {"LOCALPRO_HOME": str(tmp_path / "home"), "PATH": ""}
    import os

    env.update({k: v for k, v in os.environ.items() if k in ("SYSTEMROOT", "PATH")})
    done = subprocess.run(
        [sys.executable, "-m", "localpro_desktop", "--json", "workspace", "show"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["data_dir"] == str((tmp_path / "home").resolve())
    bad = subprocess.run(
        [sys.executable, "-m", "localpro_desktop", "contacts", "move", "x", "won"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
        check=False,
    )
    assert bad.returncode == 1 and "use one of new, contacted" in bad.stderr


def test_the_french_excel_fixture_imports_with_its_accents(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The file the Windows stage imports with the installed ``localpro.com`` (cp1252,
    semicolons, CRLF: what French Excel saves as "CSV (séparateur: point-virgule)")."""
    fixture = Path(__file__).parents[1] / "fixtures" / "importing" / "clients_excel_fr.csv"
    code, out, _err = run(capsys, tmp_path / "ws", "--json", "import", "contacts", str(fixture))
    assert code == 0
    report = json.loads(out)
    assert report["encoding"] == "cp1252" and report["created"] == 4
    code, out, _err = run(capsys, tmp_path / "ws", "--json", "contacts", "list")
    assert {"Élodie", "Chérif"} <= {c["first_name"] for c in json.loads(out)["contacts"]}
