"""``localpro channels …``: configure with the secret on stdin, list, test, templates, remove.

Run in-process (``main``) with a piped standard input (not a terminal: no prompt, no
confirmation), and once as a real subprocess, against a keyrings.alt file keyring under
tmp_path, aiosmtpd with AUTH and the HTTP stand-ins of tests/channels.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from keyrings.alt.file import PlaintextKeyring

from localpro_desktop.cli.main import main
from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.paths import WorkspacePaths
from localpro_desktop.services import channel_setup
from localpro_desktop.services.workspace import Workspace
from tests.channels import local_kit, sms_standins, whatsapp_standin
from tests.channels.whatsapp_standin import PHONE_NUMBER_ID, TOKEN, WABA_ID

PASSWORD = "s3cret-P@ss-cli-42"
AT_KEY = "atsk_cli_0123456789-secret"
FROM = "boutique@aissata-couture.sn"


@pytest.fixture(autouse=True)
def file_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[PlaintextKeyring]:
    """A keyring file under tmp_path, where a subprocess with XDG_DATA_HOME finds it too."""
    for name in ("LOCALPRO_AFRICASTALKING_URL", "LOCALPRO_TWILIO_URL", "LOCALPRO_WHATSAPP_URL"):
        monkeypatch.delenv(name, raising=False)
    with local_kit.file_keyring(tmp_path) as backend:
        yield backend


@pytest.fixture
def smtp() -> Iterator[tuple[local_kit.Inbox, int]]:
    with local_kit.smtp_with_login("tailor", PASSWORD) as (inbox, port):
        yield inbox, port


def run(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    home: Path,
    *args: str,
    stdin: str = "",
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))  # piped: not a terminal
    code = main(["--data-dir", str(home), *args])
    out, err = capsys.readouterr()
    return code, out, err


def _email_args(port: int) -> list[str]:
    return [
        "channels",
        "configure",
        "email",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--security",
        "none",
        "--from",
        FROM,
        "--from-name",
        "Boutique Aïssata",
        "--username",
        "tailor",
        "--price",
        "0.5",
    ]


def _database_bytes(home: Path) -> bytes:
    return b"".join(p.read_bytes() for p in home.rglob("*") if p.is_file())


def _workspace(home: Path) -> Workspace:
    return Workspace.open(WorkspacePaths(home), daily_backup=False)


def test_configure_email_from_stdin_list_and_test_against_a_real_smtp_server(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    smtp: tuple[local_kit.Inbox, int],
    file_keyring: PlaintextKeyring,
) -> None:
    inbox, port = smtp
    home = tmp_path / "ws"
    code, out, err = run(capsys, monkeypatch, home, *_email_args(port), stdin=PASSWORD + "\n")
    assert code == 0, err
    assert out.startswith("The e-mail channel is saved on this laptop: Boutique Aïssata")
    assert "localpro channels test email --to ADDRESS" in out

    ws = _workspace(home)
    try:
        entry = f"channel-email:{ws.device_id}"
        assert channel_setup.set_up_channels(ws) == frozenset({Channel.EMAIL})
    finally:
        ws.close()
    assert file_keyring.get_password("LocalPro", entry) == PASSWORD
    assert PASSWORD.encode() not in _database_bytes(home)

    code, out, err = run(capsys, monkeypatch, home, "channels", "list", "--json")
    assert code == 0, err
    assert PASSWORD not in out
    (listed,) = json.loads(out)
    assert {k: listed[k] for k in ("channel", "provider", "has_secret", "ready", "price")} == {
        "channel": "email",
        "provider": "smtp",
        "has_secret": True,
        "ready": True,
        "price": "0.5",
    }
    assert listed["currency"] == "XOF" and listed["rate"] == 2.0
    assert listed["settings"]["host"] == "127.0.0.1" and listed["settings"]["port"] == port
    assert "password" not in json.dumps(listed).lower()

    code, out, _ = run(capsys, monkeypatch, home, "channels", "list")
    assert "email" in out and "smtp" in out and PASSWORD not in out

    code, out, err = run(
        capsys, monkeypatch, home, "channels", "test", "email", "--to", "me@example.org", "--json"
    )
    assert code == 0, err
    data = json.loads(out)
    assert data["checked"] == (
        f"Connected to 127.0.0.1:{port} (no encryption) and signed in as tailor."
    )
    assert data["provider_id"].startswith("<localpro-test-")
    ((rcpts, raw),) = inbox.received
    assert rcpts == ["me@example.org"] and b"Subject: LocalPro test message" in raw


def test_a_wrong_password_is_a_clear_error_without_the_password(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    smtp: tuple[local_kit.Inbox, int],
) -> None:
    inbox, port = smtp
    home = tmp_path / "ws"
    wrong = "not-the-Pa55word"
    assert run(capsys, monkeypatch, home, *_email_args(port), stdin=wrong + "\n")[0] == 0
    code, out, err = run(
        capsys, monkeypatch, home, "channels", "test", "email", "--to", "me@example.org"
    )
    assert code == 1 and out == ""
    assert err.startswith(f"error: The SMTP server 127.0.0.1:{port} did not accept the check:")
    assert "535" in err and "'tailor'" in err and wrong not in err
    assert inbox.received == []

    # The right password, given again on stdin, replaces the wrong one.
    assert run(capsys, monkeypatch, home, *_email_args(port), stdin=PASSWORD + "\n")[0] == 0
    code, out, _ = run(capsys, monkeypatch, home, "channels", "test", "email")
    assert code == 0 and "signed in as tailor" in out and inbox.received == []


def test_configure_without_a_secret_and_none_stored_saves_nothing(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    home = tmp_path / "ws"
    code, out, err = run(capsys, monkeypatch, home, *_email_args(2525), stdin="")
    assert code == 1 and out == ""
    assert err.startswith("error: No SMTP password is stored for this channel on this laptop")
    code, out, _ = run(capsys, monkeypatch, home, "channels", "list", "--json")
    assert json.loads(out) == []
    code, out, _ = run(capsys, monkeypatch, home, "channels", "list")
    assert out.strip() == "No channel is configured on this laptop yet."

    # Invalid settings are refused before any secret is read (stdin left untouched).
    code, _, err = run(
        capsys,
        monkeypatch,
        home,
        "--json",
        "channels",
        "configure",
        "sms",
        "--provider",
        "twilio",
        "--account-sid",
        "AC12",
        stdin="tok\n",
    )
    assert code == 1 and json.loads(err)["error"].startswith("A Twilio account SID is AC")
    assert sys.stdin.read() == "tok\n"


def test_sms_and_whatsapp_configure_test_templates_and_remove(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    home = tmp_path / "ws"
    templates = [
        {
            "name": "tabaski_offer",
            "language": "fr",
            "status": "APPROVED",
            "category": "MARKETING",
            "components": [{"type": "BODY", "text": "Bonjour {{1}}, -20% sur {{2}}."}],
        }
    ]
    wa = whatsapp_standin.StandIn(templates).start()
    try:
        with sms_standins.StandIn(sms_standins.africastalking("shop", AT_KEY)) as at:
            monkeypatch.setenv("LOCALPRO_AFRICASTALKING_URL", at.url)
            sms = ["channels", "configure", "sms", "--provider", "africastalking"]
            sms += ["--username", "shop", "--sender-id", "AISSATA", "--price", "25"]
            code, out, err = run(capsys, monkeypatch, home, *sms, "--json", stdin=AT_KEY + "\n")
            assert code == 0, err
            saved = json.loads(out)
            assert (saved["channel"], saved["provider"], saved["price"]) == (
                "sms",
                "africastalking",
                "25",
            )
            assert AT_KEY not in out
            code, out, err = run(
                capsys, monkeypatch, home, "channels", "test", "sms", "--to", "+254711000101"
            )
            assert code == 0, err
            assert out.splitlines()[0] == (
                "Africa's Talking accepted the API key of user shop (balance KES 1785.5000)."
            )
            assert out.splitlines()[1].startswith("Test message sent to +254711000101")
            assert at.requests[-1].form["message"][0].startswith("LocalPro test message")

        wa_args = ["channels", "configure", "whatsapp", "--phone-number-id", PHONE_NUMBER_ID]
        wa_args += ["--business-account-id", WABA_ID, "--base-url", wa.url, "--rate", "30"]
        assert run(capsys, monkeypatch, home, *wa_args, stdin=TOKEN + "\n")[0] == 0
        code, out, err = run(capsys, monkeypatch, home, "channels", "templates", "--json")
        assert code == 0, err
        assert json.loads(out) == [
            {
                "name": "tabaski_offer",
                "language": "fr",
                "category": "MARKETING",
                "body": "Bonjour {{1}}, -20% sur {{2}}.",
                "params": ["1", "2"],
            }
        ]
        code, out, _ = run(capsys, monkeypatch, home, "channels", "list", "--json")
        assert [c["channel"] for c in json.loads(out)] == ["sms", "whatsapp"]
        assert TOKEN not in out and AT_KEY not in out

        # Reconfigure with nothing on stdin: the stored token is kept.
        assert run(capsys, monkeypatch, home, *wa_args[:-2], stdin="")[0] == 0
        code, out, _ = run(capsys, monkeypatch, home, "channels", "list", "--json")
        assert json.loads(out)[1]["has_secret"] is True and json.loads(out)[1]["rate"] == 20.0
    finally:
        wa.stop()

    # No terminal: no confirmation asked.
    code, out, _ = run(capsys, monkeypatch, home, "channels", "remove", "whatsapp")
    assert code == 0
    assert out.strip() == "The WhatsApp channel and its secret were removed from this laptop."
    code, out, _ = run(capsys, monkeypatch, home, "channels", "remove", "whatsapp")
    assert out.strip() == "The WhatsApp channel was not configured on this laptop."
    code, out, _ = run(capsys, monkeypatch, home, "channels", "list", "--json")
    assert [c["channel"] for c in json.loads(out)] == ["sms"]
    code, _, err = run(capsys, monkeypatch, home, "channels", "templates")
    assert code == 1 and "The WhatsApp channel is not configured on this laptop" in err


def test_a_configure_in_another_process_is_seen_here(tmp_path: Path) -> None:
    """The CLI as a real process, the secret piped; this process then finds the channel."""
    home = tmp_path / "ws"
    env = {
        **os.environ,
        "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
        "XDG_DATA_HOME": str(tmp_path / "xdg"),
    }
    command = [sys.executable, "-m", "localpro_desktop", "--data-dir", str(home)]
    done = subprocess.run(
        [*command, *_email_args(2525)],
        input=PASSWORD + "\n",
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert PASSWORD not in done.stdout + done.stderr
    ws = _workspace(home)
    try:
        assert channel_setup.set_up_channels(ws) == frozenset({Channel.EMAIL})
    finally:
        ws.close()
    assert PASSWORD.encode() not in _database_bytes(home)
