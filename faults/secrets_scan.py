"""Secrets campaign: after a full session with failures, no secret is in any file or output.

A real cloud (uvicorn, SQLite, its log to a file) and real stand-ins for OpenAI, WhatsApp
Cloud API, Africa's Talking and Google Places on 127.0.0.1; the real command line in child
processes on one workspace: demo data, register (and a refused >200-character password),
a wrong then a right sign-in, sync, the AI key (a wrong one, then the right one), WhatsApp,
SMS, e-mail (an SMTP server that is not there) and Google keys, each used once so that
providers' errors go through the app's messages, then a ``contacts list | head`` broken
pipe. The stand-in OS keyring (keyrings.alt's plaintext file: headless Linux has no OS
keyring) lives outside the workspace and is the only place the secrets may be.

Then every file of the workspace (database, backups, logs, crash reports), the server's
folder (database and log) and every command's output is searched for every secret: as
typed, UTF-16 (what Windows writes), base64 and URL-encoded, plus the session's access and
refresh tokens read back from the keyring. A case is one (secret, file) pair.
"""

from __future__ import annotations

import base64
import configparser
import os
import random
import string
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from urllib.parse import quote

import httpx

from faults._common import CampaignResult, free_port, main_for

DEFAULT_CASES = 1
"""Sessions (each with its own secrets); one is the campaign, the CI subset runs one too."""

KEYRING_BACKEND = "keyrings.alt.file.PlaintextKeyring"


def _secret(rng: random.Random, prefix: str, length: int = 28) -> str:
    alphabet = string.ascii_letters + string.digits
    return prefix + "".join(rng.choice(alphabet) for _ in range(length))


def _forms(secret: str) -> dict[str, bytes]:
    """The ways a secret can land in a file: as typed, UTF-16, base64, URL-encoded."""
    raw = secret.encode("utf-8")
    forms = {
        "utf-8": raw,
        "utf-16-le": secret.encode("utf-16-le"),
        "base64": base64.b64encode(raw).rstrip(b"="),
        "url": quote(secret, safe="").encode("ascii"),
    }
    return {name: value for name, value in forms.items() if len(value) >= 8}


def _files(*folders: Path) -> Iterator[Path]:
    for folder in folders:
        if folder.is_file():
            yield folder
        elif folder.is_dir():
            yield from (path for path in sorted(folder.rglob("*")) if path.is_file())


class Session:
    """The child processes of one session, their environment and everything they printed."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.data_dir = root / "workspace"
        self.keyring_home = root / "os-keyring"
        self.outputs: list[bytes] = []
        self.env = {
            **os.environ,
            "PYTHON_KEYRING_BACKEND": KEYRING_BACKEND,
            "XDG_DATA_HOME": str(self.keyring_home),
            "QT_QPA_PLATFORM": "offscreen",
            "PYTHONUTF8": "1",
        }

    def cli(
        self, *args: str, stdin: str = "", expect_ok: bool = True, data_dir: Path | None = None
    ) -> int:
        folder = data_dir or self.data_dir
        command = [sys.executable, "-m", "localpro_desktop", "--data-dir", str(folder)]
        done = subprocess.run(
            [*command, *args],
            input=stdin.encode("utf-8"),
            env=self.env,
            capture_output=True,
            timeout=180,
            check=False,
        )
        self.outputs.append(done.stdout + done.stderr)
        if expect_ok and done.returncode != 0:
            text = (done.stdout + done.stderr).decode("utf-8", "replace")[-400:]
            raise RuntimeError(f"`localpro {args[0]} {args[1:2]}` failed: {text}")
        return done.returncode

    def broken_pipe(self) -> None:
        """``localpro --json contacts list | head -c 100``: the reader goes away early."""
        command = [sys.executable, "-m", "localpro_desktop", "--data-dir", str(self.data_dir)]
        process = subprocess.Popen(
            [*command, "--json", "contacts", "list"],
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert process.stdout is not None and process.stderr is not None
        self.outputs.append(process.stdout.read(100))
        process.stdout.close()
        self.outputs.append(process.stderr.read())
        process.wait(timeout=120)


@contextmanager
def _cloud(folder: Path) -> Iterator[tuple[str, Path]]:
    """A real cloud process whose log (stdout and stderr) goes to ``folder/server.log``."""
    folder.mkdir(parents=True)
    port = free_port()
    log = folder / "server.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "localpro_cloud",
                "serve",
                "--data-dir",
                str(folder),
                "--port",
                str(port),
                "--log-level",
                "info",
            ],
            stdout=sink,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUTF8": "1"},
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(log.read_text(encoding="utf-8", errors="replace")[-800:])
            time.sleep(0.1)
        yield url, log
    finally:
        process.terminate()
        process.wait(timeout=30)


def _session(
    root: Path, rng: random.Random, missing: list[str], quick: bool
) -> tuple[Session, dict[str, str], list[Path]]:
    """One session; ``quick`` (the CI subset) keeps the sign-in, AI and WhatsApp steps."""
    from tests.ai.openai_standin import OpenAiStandIn, reply
    from tests.channels import whatsapp_standin
    from tests.channels.sms_standins import StandIn, africastalking
    from tests.discovery.places_standin import places_api

    secrets = {
        "account password": _secret(rng, "Pw-"),
        "wrong account password": _secret(rng, "Wrong-"),
        "long account password": _secret(rng, "Long-", 230),
        "AI key": _secret(rng, "sk-proj-"),
        "wrong AI key": _secret(rng, "sk-bad-"),
        "WhatsApp token": whatsapp_standin.TOKEN,
        "Africa's Talking key": _secret(rng, "atsk_"),
        "SMTP password": _secret(rng, "smtp-"),
        "Google key": _secret(rng, "AIza"),
    }
    session = Session(root)
    email = f"owner{rng.randrange(10**6)}@example.com"
    with ExitStack() as stack:
        url, server_log = stack.enter_context(_cloud(root / "cloud"))
        openai = stack.enter_context(
            OpenAiStandIn(default=reply("Relancez vos clients le mardi."), key=secrets["AI key"])
        )
        whatsapp = whatsapp_standin.StandIn().start()
        stack.callback(whatsapp.stop)
        sms = stack.enter_context(StandIn(africastalking("sandbox", "not-the-key-the-user-typed")))
        places = stack.enter_context(places_api([], "another-key"))

        if quick:
            for name in ("long account password", "Africa's Talking key", "SMTP password"):
                del secrets[name]
            del secrets["Google key"]
        else:
            session.cli("demo")
            # Over 200 characters (issue 14 finding 7 crashed here and logged part of it).
            session.cli(
                "account", "register", "--email", "long." + email, "--server", url,
                stdin=secrets["long account password"] + "\n", data_dir=root / "second-laptop",
            )  # fmt: skip
        session.cli(
            "account", "register", "--email", email, "--name", "Awa", "--server", url,
            stdin=secrets["account password"] + "\n",
        )  # fmt: skip
        session.cli(
            "account", "login", "--email", email, "--server", url,
            stdin=secrets["wrong account password"] + "\n", expect_ok=False,
        )  # fmt: skip
        if not quick:
            session.cli("account", "logout")
            session.cli(
                "account", "login", "--email", email, "--server", url,
                stdin=secrets["account password"] + "\n",
            )  # fmt: skip
            session.cli("sync")
        session.cli("ai", "settings", "--base-url", openai.url)
        session.cli("ai", "key", "--from-stdin", stdin=secrets["wrong AI key"] + "\n")
        session.cli("ai", "ask", "Comment relancer mes clients ?", expect_ok=False)
        session.cli("ai", "key", "--from-stdin", stdin=secrets["AI key"] + "\n")
        if not quick:
            session.cli("ai", "ask", "Comment relancer mes clients ?")
        session.cli(
            "channels", "configure", "whatsapp",
            "--phone-number-id", whatsapp_standin.PHONE_NUMBER_ID,
            "--business-account-id", whatsapp_standin.WABA_ID, "--base-url", whatsapp.url,
            stdin=secrets["WhatsApp token"] + "\n",
        )  # fmt: skip
        session.cli("channels", "test", "whatsapp", expect_ok=False)
        if not quick:
            session.cli(
                "channels", "configure", "sms", "--provider", "africastalking",
                "--username", "sandbox", "--base-url", sms.url,
                stdin=secrets["Africa's Talking key"] + "\n",
            )  # fmt: skip
            session.cli("channels", "test", "sms", "--to", "+254711000101", expect_ok=False)
            session.cli(
                "channels", "configure", "email", "--host", "127.0.0.1",
                "--port", str(free_port()), "--security", "none",
                "--from", email, "--username", email,
                stdin=secrets["SMTP password"] + "\n",
            )  # fmt: skip
            session.cli("channels", "test", "email", "--to", email, expect_ok=False)
            session.env["LOCALPRO_PLACES_URL"] = places.url
            session.cli(
                "discover", "--sector", "pharmacy", "--city", "Dakar", "--source", "google",
                "--add", "none", "--google-key-from-stdin",
                stdin=secrets["Google key"] + "\n", expect_ok=False,
            )  # fmt: skip
            session.cli("sync")
            session.cli("backup")
        session.broken_pipe()
    stored = _keyring_values(session.keyring_home)
    # The scan proves something only if the session really used each secret: every key and
    # token typed must be in the OS keyring (passwords never are: they are not kept).
    for name, value in secrets.items():
        kept = "account password" not in name and not name.startswith("wrong")
        if kept and value not in stored.values():
            missing.append(f"the {name} never reached the keyring: the session did not use it")
    secrets.update((name, value) for name, value in stored.items() if value not in secrets.values())
    secrets["server signing secret"] = (
        (root / "cloud" / "secret.key").read_text(encoding="utf-8").strip()
    )
    scanned = [root / "second-laptop", session.data_dir, server_log.parent]
    return session, secrets, scanned


def _keyring_values(keyring_home: Path) -> dict[str, str]:
    """What the stand-in OS keyring holds (keyrings.alt base64-encodes each value)."""
    values: dict[str, str] = {}
    for path in _files(keyring_home):
        parser = configparser.RawConfigParser()
        parser.read(path, encoding="utf-8")
        for section in parser.sections():
            for option, encoded in parser.items(section):
                decoded = base64.b64decode("".join(encoded.split())).decode("utf-8")
                if decoded:
                    values[f"keyring entry {option}"] = decoded
    return values


def find(secrets: dict[str, str], haystacks: list[tuple[str, bytes]]) -> list[str]:
    """Every (secret, place) where a secret is found, in any of its forms."""
    found = []
    for name, secret in secrets.items():
        for where, data in haystacks:
            found += [
                f"the {name} ({form}) is in {where}"
                for form, needle in _forms(secret).items()
                if needle in data
            ]
    return found


def run(cases: int, seed: int, workdir: Path, *, quick: bool = False) -> CampaignResult:
    result = CampaignResult("secrets", 0, seed)
    rng = random.Random(seed)
    files_scanned = 0
    bytes_scanned = 0
    secrets_sought = 0
    for number in range(cases):
        missing: list[str] = []
        session, secrets, folders = _session(workdir / f"session-{number + 1}", rng, missing, quick)
        for message in missing:
            result.fail(f"session {number + 1}: {message}")
        secrets_sought += len(secrets)
        haystacks: list[tuple[str, bytes]] = [
            (str(path.relative_to(workdir)), path.read_bytes())
            for path in _files(*folders)
            if path.name != "secret.key"  # the server's own signing secret, where it belongs
        ]
        haystacks += [(f"output of command {i + 1}", out) for i, out in enumerate(session.outputs)]
        files_scanned += len(haystacks)
        bytes_scanned += sum(len(data) for _, data in haystacks)
        result.cases += len(secrets) * len(haystacks)
        for found in find(secrets, haystacks):
            result.fail(f"session {number + 1}: {found}")
    result.figures = {
        "sessions": cases,
        "secrets sought": secrets_sought,
        "files and outputs scanned": files_scanned,
        "bytes scanned": bytes_scanned,
    }
    return result


if __name__ == "__main__":
    raise SystemExit(main_for(run, __doc__ or "", DEFAULT_CASES))
