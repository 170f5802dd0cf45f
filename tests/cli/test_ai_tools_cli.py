"""``localpro ai improve`` and ``localpro ai segment`` through ``main``, the real ``openai``
client and the local Chat Completions stand-in (tests/ai/openai_standin.py; shapes from
https://platform.openai.com/docs/api-reference/chat/create and
https://platform.openai.com/docs/guides/structured-outputs).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from localpro_desktop.cli import main as cli_main
from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.domain.segment_rules import SegmentRule
from localpro_desktop.paths import WorkspacePaths
from localpro_desktop.services.campaigns import CampaignService
from localpro_desktop.services.contacts import ContactService
from localpro_desktop.services.segments import SegmentService
from localpro_desktop.services.workspace import Workspace
from tests.ai.openai_standin import OpenAiStandIn, json_reply, reply
from tests.channels import local_kit

KEY = "sk-test-cli-0123456789"
SMS_TEXT = "Bonjour {{first_name}}, -20% cette semaine !"
GOOD = "{{first_name}} : -20% jusqu'à dimanche !"


@pytest.fixture
def server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[OpenAiStandIn]:
    with local_kit.file_keyring(tmp_path), OpenAiStandIn(key=KEY) as stand_in:
        monkeypatch.setenv("OPENAI_API_KEY", KEY)
        monkeypatch.setenv("OPENAI_BASE_URL", stand_in.url)
        monkeypatch.delenv("LOCALPRO_AI_MODEL", raising=False)
        yield stand_in


def run(capsys: pytest.CaptureFixture[str], home: Path, *args: str) -> tuple[int, str, str]:
    code = cli_main.main(["--data-dir", str(home), *args])
    out, err = capsys.readouterr()
    return code, out, err


def prepared(home: Path) -> str:
    ws = Workspace.open(WorkspacePaths(home))
    try:
        ContactService(ws).add({"first_name": "Awa", "city": "Dakar", "sector": "restaurant"})
        ContactService(ws).add({"first_name": "Ali", "city": "Thiès", "sector": "restaurant"})
        return CampaignService(ws).create("Promo", Channel.SMS, SMS_TEXT).id
    finally:
        ws.close()


def versions(*texts: str) -> dict[str, Any]:
    return {"variants": [{"text": text, "why": "plus direct"} for text in texts]}


def test_improve_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], server: OpenAiStandIn
) -> None:
    home = tmp_path / "ws"
    campaign_id = prepared(home)
    server.script(json_reply(versions(GOOD, "Salut {{nom}} !"), usage=(90, 30)))
    code, out, err = run(
        capsys, home, "ai", "improve", "--campaign", campaign_id, "--variants", "2", "--json"
    )
    assert code == 0, err
    data = json.loads(out)
    assert data["channel"] == "sms"
    assert data["original"] == {"text": SMS_TEXT, "subject": ""}
    assert data["variants"] == [
        {"text": GOOD, "subject": "", "parts": 1, "gsm7": True, "why": "plus direct"}
    ]
    assert data["rejected"][0]["text"] == "Salut {{nom}} !"
    assert "{{first_name}}" in data["rejected"][0]["reason"]
    assert data["usage"] == {"prompt": 90, "completion": 30, "total": 120}
    assert (
        server.requests[0].json["response_format"]["json_schema"]["schema"]["properties"][
            "variants"
        ]["maxItems"]
        == 2
    )


def test_improve_human_output_says_why_when_all_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], server: OpenAiStandIn
) -> None:
    home = tmp_path / "ws"
    campaign_id = prepared(home)
    server.script(json_reply(versions("Salut {{nom}} !")), json_reply(versions("Salut !")))
    code, out, _ = run(capsys, home, "ai", "improve", "--campaign", campaign_id, "--variants", "1")
    assert code == 0
    assert "No version kept the message's rules" in out
    assert "× Salut {{nom}} !" in out and "drops the placeholder(s) {{first_name}}" in out


def test_improve_unknown_campaign_and_no_key(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    server: OpenAiStandIn,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    home = tmp_path / "ws"
    campaign_id = prepared(home)
    code, _, err = run(capsys, home, "ai", "improve", "--campaign", "nope")
    assert code == 1 and err.startswith("error:")
    monkeypatch.delenv("OPENAI_API_KEY")
    monkeypatch.delenv("OPENAI_BASE_URL")
    code, _, err = run(capsys, home, "ai", "improve", "--campaign", campaign_id)
    assert code == 1 and "Traceback" not in err
    assert server.requests == []


def test_segment_shows_then_saves(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], server: OpenAiStandIn
) -> None:
    home = tmp_path / "ws"
    prepared(home)
    rule: dict[str, Any] = dict.fromkeys(SegmentRule().to_dict())
    rule.update(statuses=[], tags_any=[], tags_all=[], sector="restaurant", city="Dakar")
    server.script(json_reply(rule), json_reply(rule))
    code, out, err = run(capsys, home, "ai", "segment", "restaurants à Dakar", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["rule"] == SegmentRule(sector="restaurant", city="Dakar").to_dict()
    assert "Dakar" in data["summary"] and "segment" not in data

    code, out, err = run(
        capsys, home, "ai", "segment", "restaurants à Dakar", "--save", "Dakar food"
    )
    assert code == 0, err
    assert "Segment 'Dakar food' saved: 1 contact(s)." in out
    ws = Workspace.open(WorkspacePaths(home))
    try:
        info = SegmentService(ws).get("Dakar food")
        assert info.rule == SegmentRule(sector="restaurant", city="Dakar")
        assert info.member_count == 1
    finally:
        ws.close()


def test_segment_refused_output_exits_1_and_saves_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], server: OpenAiStandIn
) -> None:
    home = tmp_path / "ws"
    prepared(home)
    server.script(reply("sector=restaurant"))
    code, out, err = run(capsys, home, "--json", "ai", "segment", "restos", "--save", "X")
    assert code == 1 and out == ""
    assert "nothing was applied" in json.loads(err)["error"]
    ws = Workspace.open(WorkspacePaths(home))
    try:
        assert SegmentService(ws).list() == []
    finally:
        ws.close()
