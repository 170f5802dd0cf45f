"""Every secret LocalPro keeps in the OS keyring, and forgetting them all.

Uninstalling with "delete my data" must leave nothing behind, and the saved sign-in and
the channels', assistant's and Google's keys are not in the data folder but in the OS
keyring (Windows Credential Manager) under the service name ``LocalPro``. A workspace knows
its own entries (they are named after its device id). Only Windows can list the entries
of a service, which ``every_entry=True`` uses to remove those of every workspace, including
workspaces already deleted; keyring's Windows backend stores the first entry of a service
under the target ``LocalPro`` and the others under ``<entry>@LocalPro``.
"""

from __future__ import annotations

import contextlib
import sys
from typing import Any

import keyring
from keyring.errors import KeyringError, NoKeyringError, PasswordDeleteError

from localpro_desktop.channels import secrets as channel_secrets
from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.services.assistant.settings import KEY_ENTRY
from localpro_desktop.services.discovery.settings import GOOGLE_KEY_ENTRY
from localpro_desktop.sync import secrets as sync_secrets

SERVICE = sync_secrets.SERVICE


def workspace_entries(device_id: str) -> list[str]:
    """The keyring entry names a workspace (its device id) may have written."""
    channels = [*(channel.value for channel in Channel), KEY_ENTRY, GOOGLE_KEY_ENTRY]
    return [
        sync_secrets.entry_name(device_id),
        *(channel_secrets.entry_name(device_id, name) for name in channels),
    ]


def forget_workspace_secrets(device_id: str) -> int:
    """Delete this workspace's entries; how many there were."""
    removed = 0
    for name in workspace_entries(device_id):
        try:
            keyring.delete_password(SERVICE, name)
        except (PasswordDeleteError, NoKeyringError, KeyringError):
            continue
        removed += 1
    return removed


def forget_every_entry() -> int | None:
    """Delete every ``LocalPro`` entry of this Windows user; None where entries cannot be
    listed (macOS, Linux: only a workspace's own entries can be named)."""
    if sys.platform != "win32":
        return None
    from win32ctypes.pywin32 import pywintypes, win32cred  # keyring's Windows dependency

    suffix = f"@{SERVICE}"
    removed = 0
    try:
        credentials: list[dict[str, Any]] = win32cred.CredEnumerate()
    except pywintypes.error:  # ERROR_NOT_FOUND: this user has no credential at all
        return 0
    for credential in credentials:
        target = str(credential.get("TargetName") or "")
        if credential.get("Type") != win32cred.CRED_TYPE_GENERIC:
            continue
        if target != SERVICE and not target.endswith(suffix):
            continue
        with contextlib.suppress(Exception):  # pywintypes.error: already gone
            win32cred.CredDelete(target, win32cred.CRED_TYPE_GENERIC)
            removed += 1
    return removed
