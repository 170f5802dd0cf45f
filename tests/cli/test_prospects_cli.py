"""``localpro prospects``: the JSON it prints is a contract, whatever search runs below."""

from pathlib import Path

import pytest

from tests.cli.test_cli import run, run_json

RECORD_KEYS = {
    "id",
    "business_name",
    "sector",
    "city",
    "country",
    "address",
    "phone",
    "phone_e164",
    "whatsapp",
    "whatsapp_e164",
    "email",
    "website",
    "latitude",
    "longitude",
    "source",
    "source_ref",
    "contact_person",
    "tags",
    "notes",
    "contact_id",
    "created_at",
}


def test_search_pages_by_offset_with_every_field(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    home = tmp_path / "ws"
    for name in ("Delta", "Alpha", "Charlie", "Bravo", "Echo"):
        run_json(capsys, home, "prospects", "add", name, "--city", "Dakar", "--tags", "a, b")
    every = run_json(capsys, home, "prospects", "search")
    assert isinstance(every, dict) and set(every) == {"total", "offset", "prospects"}
    names = [p["business_name"] for p in every["prospects"]]
    assert names == ["Alpha", "Bravo", "Charlie", "Delta", "Echo"]
    assert set(every["prospects"][0]) == RECORD_KEYS
    assert every["prospects"][0]["tags"] == ["a", "b"]

    page = run_json(capsys, home, "prospects", "search", "--offset", "1", "--limit", "2")
    assert isinstance(page, dict)
    assert (page["total"], page["offset"]) == (5, 1)
    assert [p["business_name"] for p in page["prospects"]] == ["Bravo", "Charlie"]

    shown = run_json(capsys, home, "prospects", "show", every["prospects"][0]["id"])
    assert shown == every["prospects"][0]
    code, out, _ = run(capsys, home, "prospects", "search", "--limit", "2")
    assert code == 0 and "5 prospect(s), showing 2" in out
