"""``localpro ai ask`` and ``localpro ai usage``: the contract scripts rely on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from localpro_desktop.cli.main import main
from localpro_desktop.paths import WorkspacePaths
from localpro_desktop.services.assistant import settings
from localpro_desktop.services.workspace import Workspace
from tests.ai.openai_standin import OpenAiStandIn, reply
from tests.channels.local_kit import file_keyring

KEY = "sk-test-cli-ask-0123456789"


def run(capsys: pytest.CaptureFixture[str], home: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(home), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_ai_ask_streams_to_stdout_and_json_has_answer_model_usage(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "ws"
    monkeypatch.delenv("LOCALPRO_AI_MODEL", raising=False)
    with OpenAiStandIn(key=KEY) as server:
        monkeypatch.setenv("OPENAI_API_KEY", KEY)
        monkeypatch.setenv("OPENAI_BASE_URL", server.url)
        server.script(reply("Relancez vos clients le mardi matin.", usage=(200, 9)))
        code, out, _ = run(capsys, home, "ai", "ask", "Quand relancer ?")
        assert code == 0 and out == "Relancez vos clients le mardi matin.\n"
        assert server.requests[-1].streamed

        server.script(reply("Pharmacies à Dakar.", usage=(300, 5)))
        code, out, _ = run(
            capsys, home, "ai", "ask", "Que prospecter ?", "--mode", "prospects", "--json"
        )
    data = json.loads(out)
    assert data["answer"] == "Pharmacies à Dakar." and data["model"] == "gpt-4o-mini"
    assert data["usage"] == {"prompt_tokens": 300, "completion_tokens": 5, "total_tokens": 305}
    code, out, _ = run(capsys, home, "ai", "usage", "--json")
    used = json.loads(out)
    assert (used["prompt_tokens"], used["completion_tokens"], used["calls"]) == (500, 14, 2)
    assert used["cap"] is None


def test_ai_ask_with_no_key_exits_1_saying_how_to_add_one_having_called_no_server(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    with file_keyring(tmp_path), OpenAiStandIn() as server:
        code, out, err = run(capsys, tmp_path / "ws", "ai", "ask", "Bonjour ?")
        assert code == 1 and out == ""
        assert "needs an OpenAI API key" in err and "localpro ai key --from-stdin" in err
        assert server.requests == []


def test_ai_settings_and_key_from_stdin(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "LOCALPRO_AI_MODEL"):
        monkeypatch.delenv(name, raising=False)
    home = tmp_path / "ws"
    with file_keyring(tmp_path):
        monkeypatch.setattr("sys.stdin", __import__("io").StringIO(KEY + "\n"))
        code, _, _ = run(capsys, home, "ai", "key", "--from-stdin")
        assert code == 0
        ws = Workspace.open(WorkspacePaths(home), daily_backup=False)
        try:
            assert settings.ai_config(ws).api_key == KEY  # read back from the keyring
        finally:
            ws.close()
        code, out, _ = run(
            capsys, home, "ai", "settings", "--model", "llama3.2", "--cap", "50000", "--json"
        )
        shown = json.loads(out)
        assert (shown["model"], shown["cap"], shown["has_key"]) == ("llama3.2", 50000, True)
        code, _, err = run(capsys, home, "ai", "settings", "--cap", "beaucoup")
        assert code == 1 and "whole number" in err
        code, _, err = run(capsys, home, "ai", "settings", "--base-url", "localhost:11434")
        assert code == 1 and "http://" in err
    assert KEY not in (home / "localpro.sqlite").read_bytes().decode("latin-1")
