"""``localpro replies`` and the opt-outs in ``localpro contacts show --json`` (a contract)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from localpro_desktop.cli.main import main
from localpro_desktop.domain.opt_outs import inbound_contact_id
from localpro_desktop.paths import WorkspacePaths
from localpro_desktop.services.inbound import apply_pending
from localpro_desktop.services.workspace import Workspace
from tests.services.inbound_kit import add_contact, inbound, pull, sent_campaign

AWA = "+221771234567"
STRANGER = "+221769998877"


def run(capsys: pytest.CaptureFixture[str], home: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(home), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def home(tmp_path: Path) -> Path:
    root = tmp_path / "ws"
    ws = Workspace.open(WorkspacePaths(root), daily_backup=False)
    try:
        awa = add_contact(ws, "Awa", whatsapp=AWA, whatsapp_e164=AWA, phone=AWA, phone_e164=AWA)
        sent_campaign(ws, "Tabaski", "whatsapp", {awa: ("awa", AWA, "wamid.A")})
        pull(
            ws,
            inbound(AWA, "Oui, appelez-moi", 30),
            inbound(STRANGER, "Prix ?", 40),
            inbound(AWA, "STOP", 50, channel="sms"),
        )
        apply_pending(ws)
    finally:
        ws.close()
    return root


def test_replies_json_lists_inbound_messages_with_contact_and_campaign_ids(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    code, out, err = run(capsys, home, "replies", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["count"] == 3
    texts = [(r["text"], r["channel"], r["keyword"]) for r in data["replies"]]
    assert texts == [
        ("STOP", "sms", "opt_out"),
        ("Prix ?", "whatsapp", None),
        ("Oui, appelez-moi", "whatsapp", None),
    ]
    oui = data["replies"][-1]
    assert oui["campaign_name"] == "Tabaski" and oui["campaign_id"] and oui["contact_id"]
    assert oui["at"] == "2026-03-02 10:30:00" and oui["address"] == AWA
    assert data["replies"][1]["contact_id"] == inbound_contact_id(STRANGER)
    assert data["replies"][1]["campaign_id"] is None
    # The global flag works too, and --since keeps the later ones.
    code, out, _err = run(capsys, home, "--json", "replies", "--since", "2026-03-02 10:35")
    assert [r["text"] for r in json.loads(out)["replies"]] == ["STOP", "Prix ?"]


def test_replies_as_a_table_and_a_bad_date(capsys: pytest.CaptureFixture[str], home: Path) -> None:
    code, out, _err = run(capsys, home, "replies")
    assert code == 0
    assert "3 reply(ies)" in out and "Oui, appelez-moi" in out and "Tabaski" in out
    with pytest.raises(SystemExit) as exc:
        run(capsys, home, "replies", "--since", "last tuesday")
    assert exc.value.code == 2
    assert "Not a date: 'last tuesday'" in capsys.readouterr().err


def test_contacts_show_json_lists_opt_outs_by_channel(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    code, out, err = run(capsys, home, "replies", "--json")
    awa = json.loads(out)["replies"][-1]["contact_id"]
    code, out, err = run(capsys, home, "contacts", "show", awa, "--json")
    assert code == 0, err
    shown = json.loads(out)
    assert shown["opt_outs"] == [
        {"channel": "sms", "opted_out": True, "source": "sms_keyword", "at": "2026-03-02 10:50:00"}
    ]
    assert shown["opt_out"] == ["sms"]
    assert [e["kind"] for e in shown["timeline"]][:2] in (["reply", "note"], ["note", "reply"])
    # By hand: recorded with source "manual", and shown there.
    code, _out, err = run(capsys, home, "contacts", "opt-out", awa, "email")
    assert code == 0, err
    code, out, _err = run(capsys, home, "--json", "contacts", "show", awa)
    channels = {o["channel"]: (o["opted_out"], o["source"]) for o in json.loads(out)["opt_outs"]}
    assert channels == {"email": (True, "manual"), "sms": (True, "sms_keyword")}
    code, _out, _err = run(capsys, home, "contacts", "opt-out", awa, "sms", "--undo")
    code, out, _err = run(capsys, home, "contacts", "show", awa, "--json")
    data = json.loads(out)
    assert {o["channel"]: o["opted_out"] for o in data["opt_outs"]} == {"email": True, "sms": False}
    assert data["opt_out"] == ["email"]
    code, out, _err = run(capsys, home, "contacts", "show", awa)
    assert "Opt-outs:" in out and "sms_keyword" not in out and "manual" in out
