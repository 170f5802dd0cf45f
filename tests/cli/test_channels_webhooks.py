"""``localpro channels webhooks [enable whatsapp|sms|email] [--json]`` against the real cloud.

The cloud app runs under uvicorn on 127.0.0.1 (SQLite); the laptop signs in through the
command line itself; secrets come on a piped standard input (not a terminal: no prompt)
and the keyring is a file under tmp_path. Each URL the command prints is then called the
way the provider would (WhatsApp's handshake and signed POSTs, Twilio's signature), which
proves both the URL and that the secret reached the cloud.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
from keyrings.alt.file import PlaintextKeyring

from localpro_desktop.cli.main import main
from tests.channels import local_kit
from tests.channels.hooks_cloud import (
    PASSWORD,
    live_cloud,
    new_email,
    twilio_signature,
    whatsapp_signature,
)

APP_SECRET = "wa-app-secret-3f9c1e7d5b2a4c6e8f0a"
TWILIO_TOKEN = "twilio-auth-token-0123456789abcdef"
TWILIO_SID = "AC" + "0123456789abcdef" * 2
AT_KEY = "atsk_hooks_0123456789-secret"
SIGN_IN_FIRST = "Sign in to your LocalPro cloud account first (localpro account login"


@pytest.fixture(scope="module")
def cloud(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with live_cloud(tmp_path_factory.mktemp("cloud")) as url:
        yield url


@pytest.fixture(autouse=True)
def file_keyring(tmp_path: Path) -> Iterator[PlaintextKeyring]:
    with local_kit.file_keyring(tmp_path) as backend:
        yield backend


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


def signed_in_home(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, cloud: str
) -> Path:
    """A workspace signed up through ``localpro account register``."""
    home = tmp_path / "ws"
    code, _out, err = run(
        capsys,
        monkeypatch,
        home,
        "account",
        "register",
        "--email",
        new_email(),
        "--server",
        cloud,
        stdin=PASSWORD + "\n",
    )
    assert code == 0, err
    return home


def local(cloud: str, url: str) -> str:
    """A URL the cloud printed, on the test server's own address (the same path)."""
    parts = urlsplit(url)
    return cloud + parts.path + (f"?{parts.query}" if parts.query else "")


def whatsapp_post(cloud: str, url: str, secret: str) -> int:
    body = json.dumps({"object": "whatsapp_business_account", "entry": []}).encode()
    headers = {
        "Content-Type": "application/json",
        "X-Hub-Signature-256": whatsapp_signature(body, secret),
    }
    return httpx.post(local(cloud, url), content=body, headers=headers).status_code


def handshake(cloud: str, url: str, token: str) -> httpx.Response:
    params = {"hub.mode": "subscribe", "hub.verify_token": token, "hub.challenge": "1158201444"}
    return httpx.get(local(cloud, url), params=params)


def enable(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    home: Path,
    channel: str,
    stdin: str = "",
) -> dict[str, Any]:
    code, out, err = run(
        capsys, monkeypatch, home, "channels", "webhooks", "enable", channel, "--json", stdin=stdin
    )
    assert code == 0, err
    data: dict[str, Any] = json.loads(out)
    return data


# -- not signed in -------------------------------------------------------------------------


def test_without_a_signed_in_account_it_says_so_and_fails(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    home = tmp_path / "ws"
    code, out, err = run(
        capsys,
        monkeypatch,
        home,
        "channels",
        "webhooks",
        "enable",
        "whatsapp",
        stdin=APP_SECRET + "\n",
    )
    assert code != 0
    assert out == ""
    assert SIGN_IN_FIRST in err
    assert APP_SECRET not in out + err

    code, out, err = run(capsys, monkeypatch, home, "channels", "webhooks", "--json")
    assert code != 0
    assert out == ""
    assert SIGN_IN_FIRST in json.loads(err)["error"]


# -- WhatsApp --------------------------------------------------------------------------------


def test_enable_whatsapp_lists_it_and_enabling_again_rotates_the_url(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    cloud: str,
    file_keyring: PlaintextKeyring,
) -> None:
    home = signed_in_home(capsys, monkeypatch, tmp_path, cloud)

    code, out, err = run(
        capsys,
        monkeypatch,
        home,
        "channels",
        "webhooks",
        "enable",
        "whatsapp",
        "--json",
        stdin=APP_SECRET + "\n",
    )
    assert code == 0, err
    assert APP_SECRET not in out + err
    first = json.loads(out)
    assert {"channel", "url", "verify_token"} <= set(first)
    assert set(first) <= {"channel", "url", "verify_token", "provider", "urls"}
    assert first["channel"] == "whatsapp"
    assert first["provider"] == "whatsapp"
    assert first["url"].startswith(f"{cloud}/hooks/whatsapp/")
    assert len(first["verify_token"]) >= 16
    # The secret stays out of the workspace and the keyring (the cloud keeps it).
    assert all(APP_SECRET.encode() not in p.read_bytes() for p in home.rglob("*") if p.is_file())
    assert APP_SECRET not in Path(file_keyring.file_path).read_text(encoding="utf-8")

    # The URL works as Meta calls it: the handshake, and a POST signed with that secret.
    assert handshake(cloud, first["url"], first["verify_token"]).text == "1158201444"
    assert handshake(cloud, first["url"], "not-the-token").status_code == 403
    assert whatsapp_post(cloud, first["url"], APP_SECRET) == 200
    assert whatsapp_post(cloud, first["url"], "a-forged-secret") == 403

    code, out, err = run(capsys, monkeypatch, home, "channels", "webhooks", "--json")
    assert code == 0, err
    (listed,) = json.loads(out)
    assert {k: listed[k] for k in ("channel", "url", "verify_token")} == {
        k: first[k] for k in ("channel", "url", "verify_token")
    }

    # Enabling again: a new URL and token; the old URL stops working.
    second = enable(capsys, monkeypatch, home, "whatsapp", stdin="another-app-secret-42\n")
    assert second["url"] != first["url"]
    assert second["verify_token"] != first["verify_token"]
    assert handshake(cloud, first["url"], first["verify_token"]).status_code == 404
    assert handshake(cloud, second["url"], second["verify_token"]).text == "1158201444"
    assert whatsapp_post(cloud, second["url"], APP_SECRET) == 403  # the secret was replaced
    assert whatsapp_post(cloud, second["url"], "another-app-secret-42") == 200

    code, out, err = run(capsys, monkeypatch, home, "channels", "webhooks", "--json")
    assert [h["url"] for h in json.loads(out)] == [second["url"]]


def test_whatsapp_without_its_app_secret_is_refused_and_nothing_changes(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, cloud: str
) -> None:
    home = signed_in_home(capsys, monkeypatch, tmp_path, cloud)
    code, out, err = run(capsys, monkeypatch, home, "channels", "webhooks", "enable", "whatsapp")
    assert code != 0
    assert "app secret" in err and "standard input" in err
    code, out, err = run(capsys, monkeypatch, home, "channels", "webhooks", "--json")
    assert code == 0, err
    assert json.loads(out) == []
    code, out, err = run(capsys, monkeypatch, home, "channels", "webhooks")
    assert code == 0, err
    assert "No webhook is on for your cloud account yet" in out


def test_human_output_says_what_to_paste_where(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, cloud: str
) -> None:
    home = signed_in_home(capsys, monkeypatch, tmp_path, cloud)
    code, out, err = run(
        capsys,
        monkeypatch,
        home,
        "channels",
        "webhooks",
        "enable",
        "whatsapp",
        stdin=APP_SECRET + "\n",
    )
    assert code == 0, err
    assert APP_SECRET not in out + err
    assert "The WhatsApp webhook is on for your cloud account" in out
    assert f"Callback URL: {cloud}/hooks/whatsapp/" in out
    assert "Verify token: " in out
    assert 'subscribe to "messages"' in out

    code, out, err = run(capsys, monkeypatch, home, "channels", "webhooks")
    assert code == 0, err
    assert "The WhatsApp webhook (WhatsApp Cloud API):" in out
    assert f"Callback URL: {cloud}/hooks/whatsapp/" in out


# -- SMS: the configured provider decides ------------------------------------------------------


def test_sms_needs_the_sms_channel_configured(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, cloud: str
) -> None:
    home = signed_in_home(capsys, monkeypatch, tmp_path, cloud)
    code, _out, err = run(capsys, monkeypatch, home, "channels", "webhooks", "enable", "sms")
    assert code != 0
    assert "Configure the SMS channel first" in err


def test_twilio_uses_the_auth_token_saved_with_the_sms_channel(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, cloud: str
) -> None:
    home = signed_in_home(capsys, monkeypatch, tmp_path, cloud)
    code, _out, err = run(
        capsys,
        monkeypatch,
        home,
        "channels",
        "configure",
        "sms",
        "--provider",
        "twilio",
        "--account-sid",
        TWILIO_SID,
        "--sender-id",
        "+14155550100",
        stdin=TWILIO_TOKEN + "\n",
    )
    assert code == 0, err

    code, out, err = run(capsys, monkeypatch, home, "channels", "webhooks", "enable", "sms")
    assert code == 0, err
    assert TWILIO_TOKEN not in out + err
    assert "status callback" in out and '"A message comes in"' in out
    hook = enable(capsys, monkeypatch, home, "sms")  # nothing on stdin: the stored token
    assert (hook["channel"], hook["provider"]) == ("sms", "twilio")
    assert hook["url"].startswith(f"{cloud}/hooks/twilio/")
    assert hook["verify_token"] == ""

    params = {"MessageSid": "SM" + "0" * 32, "MessageStatus": "delivered", "To": "+221770000001"}
    good = {"X-Twilio-Signature": twilio_signature(hook["url"], params, TWILIO_TOKEN)}
    bad = {"X-Twilio-Signature": twilio_signature(hook["url"], params, "not-the-token")}
    assert httpx.post(local(cloud, hook["url"]), data=params, headers=good).status_code == 200
    assert httpx.post(local(cloud, hook["url"]), data=params, headers=bad).status_code == 403

    # A token given on stdin wins over the stored one.
    hook = enable(capsys, monkeypatch, home, "sms", stdin="a-newer-auth-token-9876\n")
    again = {"X-Twilio-Signature": twilio_signature(hook["url"], params, "a-newer-auth-token-9876")}
    assert httpx.post(local(cloud, hook["url"]), data=params, headers=again).status_code == 200


def test_africas_talking_gets_its_two_urls_and_no_secret(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, cloud: str
) -> None:
    home = signed_in_home(capsys, monkeypatch, tmp_path, cloud)
    code, _out, err = run(
        capsys,
        monkeypatch,
        home,
        "channels",
        "configure",
        "sms",
        "--provider",
        "africastalking",
        "--username",
        "sandbox",
        stdin=AT_KEY + "\n",
    )
    assert code == 0, err
    hook = enable(capsys, monkeypatch, home, "sms", stdin="ignored\n")
    assert hook["provider"] == "africastalking"
    assert hook["urls"] == {
        "delivery": hook["url"] + "/delivery",
        "inbound": hook["url"] + "/inbound",
    }

    code, out, err = run(capsys, monkeypatch, home, "channels", "webhooks")
    assert code == 0, err
    assert f"Delivery reports: {hook['url']}/delivery" in out
    assert f"Incoming messages: {hook['url']}/inbound" in out
    assert AT_KEY not in out + err


# -- e-mail, and a real process --------------------------------------------------------------


def test_email_links_and_every_hook_in_the_list(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, cloud: str
) -> None:
    home = signed_in_home(capsys, monkeypatch, tmp_path, cloud)
    email = enable(capsys, monkeypatch, home, "email")
    assert (email["channel"], email["url"], email["verify_token"]) == ("email", f"{cloud}/e", "")
    code, out, err = run(capsys, monkeypatch, home, "channels", "webhooks", "enable", "email")
    assert code == 0, err
    assert f"open pixel and an unsubscribe link through {cloud}/e" in out

    enable(capsys, monkeypatch, home, "whatsapp", stdin=APP_SECRET + "\n")
    code, out, err = run(capsys, monkeypatch, home, "channels", "webhooks", "--json")
    assert code == 0, err
    assert [h["channel"] for h in json.loads(out)] == ["email", "whatsapp"]
    assert all(h["verify_token"] for h in json.loads(out) if h["channel"] == "whatsapp")

    # Every other channels subcommand is still there.
    code, out, err = run(capsys, monkeypatch, home, "channels", "list", "--json")
    assert (code, json.loads(out)) == (0, [])


def test_a_real_process_reads_the_secret_from_its_piped_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, cloud: str
) -> None:
    home = signed_in_home(capsys, monkeypatch, tmp_path, cloud)
    env = {
        **os.environ,
        "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
        "XDG_DATA_HOME": str(tmp_path / "xdg"),
    }
    command = [sys.executable, "-m", "localpro_desktop", "--data-dir", str(home)]
    done = subprocess.run(
        [*command, "channels", "webhooks", "enable", "whatsapp", "--json"],
        input=APP_SECRET + "\n",
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert APP_SECRET not in done.stdout + done.stderr
    hook = json.loads(done.stdout)
    assert handshake(cloud, hook["url"], hook["verify_token"]).text == "1158201444"
    assert whatsapp_post(cloud, hook["url"], APP_SECRET) == 200
