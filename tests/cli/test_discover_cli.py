"""``localpro discover``: its options and JSON keys are a contract scripts rely on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from localpro_desktop.cli.main import main
from tests.services.discovery_kit import closed_port_url, overpass_at


def run(capsys: pytest.CaptureFixture[str], home: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(home), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_discover_json_counts_results_and_adds_new_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "ws"
    args = ("discover", "--sector", "pharmacie", "--city", "abidjan", "--country", "ci")
    with overpass_at(monkeypatch):
        code, out, _ = run(capsys, home, *args, "--json")
        assert code == 0
        first = json.loads(out)
        assert {k: first[k] for k in ("found", "new", "known", "added", "queued")} == {
            "found": 5,
            "new": 4,
            "known": 1,
            "added": 0,
            "queued": 0,
        }
        refs = {r["ref"]: r for r in first["results"]}
        assert refs["osm:node/101"]["match"] == "new" and not refs["osm:node/101"]["added"]
        assert refs["osm:way/201"]["match"] == "repeat"

        code, out, _ = run(capsys, home, *args, "--add", "new", "--json")
        added = json.loads(out)
        assert (added["added"], added["from_cache"]) == (4, True)
        assert sorted(r["ref"] for r in added["results"] if r["added"]) == [
            "osm:node/101",
            "osm:node/102",
            "osm:node/103",
            "osm:node/105",
        ]

    code, out, _ = run(capsys, home, *args)  # offline now, from the cache
    assert code == 0
    assert "5 found, 0 new, 5 already known" in out
    assert "already added from this source" in out


def test_discover_with_no_connection_says_it_was_queued_and_exits_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "ws"
    monkeypatch.setenv("LOCALPRO_OVERPASS_URL", closed_port_url())
    code, out, _ = run(
        capsys, home, "discover", "--sector", "pharmacy", "--city", "Abidjan", "--json"
    )
    assert code == 0
    queued = json.loads(out)
    assert (queued["queued"], queued["found"], queued["results"]) == (1, 0, [])
    code, out, _ = run(capsys, home, "discover", "--sector", "pharmacy", "--city", "Abidjan")
    assert code == 0 and "saved and will run by itself" in out

    code, out, _ = run(capsys, home, "discover", "--run-saved", "--json")
    assert json.loads(out) == {"ran": [], "waiting": 2}
    with overpass_at(monkeypatch):
        code, out, _ = run(capsys, home, "discover", "--run-saved", "--json")
    ran = json.loads(out)
    assert [r["state"] for r in ran["ran"]] == ["done", "done"] and ran["waiting"] == 0
    assert ran["ran"][0]["found"] == 5


def test_discover_sectors_lists_the_table_with_both_languages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, tmp_path / "ws", "discover", "--sectors", "--json")
    assert code == 0
    sectors = {row["key"]: row for row in json.loads(out)["sectors"]}
    assert sectors["hardware"]["label_fr"] == "Quincaillerie"
    assert "shop=hardware" in sectors["hardware"]["osm_tags"]
    assert sectors["transport"]["osm_tags"] == []


def test_discover_bad_input_exits_2_with_what_to_fix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, tmp_path / "ws", "discover", "--sector", "x", "--city", "Dakar")
    assert code != 0 and "Unknown sector 'x'" in err
    code, _, err = run(capsys, tmp_path / "ws", "discover", "--city", "Dakar")
    assert code != 0 and "--sector" in err
