"""The refresh token lives in the OS keyring (Windows Credential Manager, macOS Keychain,
Secret Service), never in a file or a log. Only the refresh token is stored: Windows'
credential store holds at most 1,280 characters per secret (domain/keyring_limits), and
access tokens are short-lived and kept in memory.
"""

import contextlib

import keyring
from keyring.errors import KeyringError, NoKeyringError

from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.keyring_limits import fits_keyring
from localpro_desktop.domain.messages import sync as msg

SERVICE = "LocalPro"


def entry_name(device_id: str) -> str:
    return f"refresh-token:{device_id}"


def save_refresh_token(device_id: str, token: str) -> None:
    if not fits_keyring(token):
        raise UserError(msg.TOKEN_TOO_LARGE)
    try:
        keyring.set_password(SERVICE, entry_name(device_id), token)
    except NoKeyringError:
        raise UserError(msg.NO_KEYRING) from None
    except KeyringError as exc:
        raise UserError(msg.KEYRING_REFUSED, detail=str(exc)) from None


def load_refresh_token(device_id: str) -> str | None:
    try:
        return keyring.get_password(SERVICE, entry_name(device_id))
    except (NoKeyringError, KeyringError):
        return None


def forget_refresh_token(device_id: str) -> None:
    with contextlib.suppress(NoKeyringError, KeyringError):
        keyring.delete_password(SERVICE, entry_name(device_id))
