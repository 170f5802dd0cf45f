"""Secrets in the OS keyring: the size Windows really takes, and forgetting them all.

Windows' Credential Manager stores at most 2,560 bytes of UTF-16 (1,280 characters); the
old check counted UTF-8 bytes, so a 2,000-character key passed here and failed on Windows
(issue 15, item 3). Uninstalling with "delete my data" must also remove the saved sign-in
and keys (item 4): ``localpro workspace forget-secrets``.
"""

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyrings.alt.file import PlaintextKeyring

from localpro_desktop.channels import secrets as channel_secrets
from localpro_desktop.cli.main import main
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.keyring_limits import MAX_SECRET_CHARS, fits_keyring, stored_bytes
from localpro_desktop.domain.messages import channels as msg
from localpro_desktop.paths import WorkspacePaths
from localpro_desktop.services import stored_secrets
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.sync import secrets as sync_secrets


@pytest.fixture
def file_keyring(tmp_path: Path) -> Iterator[PlaintextKeyring]:
    previous = keyring.get_keyring()
    backend = PlaintextKeyring()
    backend.file_path = str(tmp_path / "keyring" / "keyring_pass.cfg")
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


def test_the_limit_is_counted_in_utf16_as_windows_stores_it() -> None:
    assert MAX_SECRET_CHARS == 1280
    assert fits_keyring("k" * 1280)
    assert not fits_keyring("k" * 1281)
    # 2,000 ASCII characters are 2,000 UTF-8 bytes (the old check let them through) but
    # 4,000 bytes in Windows' credential blob.
    assert stored_bytes("k" * 2000) == 4000 and not fits_keyring("k" * 2000)
    # Outside the Basic Multilingual Plane a character takes four bytes.
    assert not fits_keyring("🔑" * 641) and fits_keyring("🔑" * 640)


def test_a_channel_key_too_long_for_windows_is_refused_with_the_limit() -> None:
    with pytest.raises(UserError) as refused:
        channel_secrets.check_secret("a" * 1500, msg.SECRET_EMPTY)
    assert "1280" in str(refused.value) or "1,280" in str(refused.value)
    assert channel_secrets.check_secret("a" * 1280, msg.SECRET_EMPTY) == "a" * 1280


@pytest.mark.usefixtures("file_keyring")
def test_forget_secrets_removes_every_entry_of_the_workspace(tmp_path: Path) -> None:
    paths = WorkspacePaths(tmp_path / "ws")
    ws = Workspace.open(paths, daily_backup=False)
    device = ws.device_id
    ws.close()
    other_device = "another-laptop"
    sync_secrets.save_refresh_token(device, "refresh.token.value")
    for name in ("whatsapp", "sms", "email", "openai", "google-places"):
        channel_secrets.save_secret(device, name, f"secret-{name}", msg.SECRET_EMPTY)
    channel_secrets.save_secret(other_device, "sms", "kept", msg.SECRET_EMPTY)

    assert main(["--data-dir", str(paths.root), "--json", "workspace", "forget-secrets"]) == 0

    assert sync_secrets.load_refresh_token(device) is None
    for name in ("whatsapp", "sms", "email", "openai", "google-places"):
        assert not channel_secrets.has_secret(device, name)
    # Another workspace's entries are not this workspace's to remove (without --all).
    assert channel_secrets.has_secret(other_device, "sms")


@pytest.mark.usefixtures("file_keyring")
def test_forget_secrets_never_creates_a_workspace(tmp_path: Path) -> None:
    root = tmp_path / "nothing-here"
    assert main(["--data-dir", str(root), "workspace", "forget-secrets", "--all"]) == 0
    assert not (root / "localpro.sqlite").exists()
    assert stored_secrets.forget_every_entry() is None  # Linux cannot list entries
