"""Channel secrets (SMTP password, API key, auth token, access token) in the OS keyring.

Never in the workspace file, a log, a command line or an exception: the keyring (Windows
Credential Manager, macOS Keychain, Secret Service) holds one entry per laptop and
channel, under the service name ``LocalPro`` and the entry ``channel-<channel>:<device id>``
(the workspace's device id, so two workspaces on one laptop keep their own accounts).
Windows' credential store takes at most 1,280 characters per secret (domain/keyring_limits).
"""

from __future__ import annotations

import contextlib

import keyring
from keyring.errors import KeyringError, NoKeyringError

from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.keyring_limits import MAX_SECRET_CHARS, fits_keyring
from localpro_desktop.domain.messages import Message
from localpro_desktop.domain.messages import channels as msg

SERVICE = "LocalPro"


def entry_name(device_id: str, channel: str) -> str:
    """The keyring entry of one channel's secret on this workspace's laptop."""
    return f"channel-{channel}:{device_id}"


def check_secret(secret: str, label: Message) -> str:
    """The secret as it will be stored, or ``UserError`` saying what is wrong with it."""
    if not secret or "\n" in secret or "\r" in secret:
        raise UserError(msg.SECRET_EMPTY, secret=label)
    if not fits_keyring(secret):
        raise UserError(msg.SECRET_TOO_LARGE, secret=label, limit=MAX_SECRET_CHARS)
    return secret


def save_secret(device_id: str, channel: str, secret: str, label: Message) -> None:
    """Store (or replace) the secret; ``UserError`` when there is no keyring or it refuses."""
    check_secret(secret, label)
    try:
        keyring.set_password(SERVICE, entry_name(device_id, channel), secret)
    except NoKeyringError:
        raise UserError(msg.NO_KEYRING, secret=label) from None
    except KeyringError as exc:
        detail = (str(exc) or type(exc).__name__).replace(secret, "***")
        raise UserError(msg.KEYRING_REFUSED, secret=label, detail=detail) from None


def load_secret(device_id: str, channel: str, label: Message) -> str | None:
    """The stored secret, ``None`` when there is none; ``UserError`` with no keyring."""
    try:
        return keyring.get_password(SERVICE, entry_name(device_id, channel)) or None
    except NoKeyringError:
        raise UserError(msg.NO_KEYRING, secret=label) from None
    except KeyringError as exc:
        raise UserError(
            msg.KEYRING_REFUSED, secret=label, detail=str(exc) or type(exc).__name__
        ) from None


def has_secret(device_id: str, channel: str) -> bool:
    """Whether a secret is stored (no keyring, or a locked one that refuses: no)."""
    try:
        return bool(keyring.get_password(SERVICE, entry_name(device_id, channel)))
    except (NoKeyringError, KeyringError):
        return False


def delete_secret(device_id: str, channel: str) -> None:
    """Forget the secret (nothing stored, or no keyring at all: nothing to do)."""
    with contextlib.suppress(NoKeyringError, KeyringError):
        keyring.delete_password(SERVICE, entry_name(device_id, channel))
