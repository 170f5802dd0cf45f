"""How large a secret the OS keyring holds, counted the way the strictest one stores it.

Windows' Credential Manager takes at most ``CRED_MAX_CREDENTIAL_BLOB_SIZE`` = 5 × 512 =
2,560 bytes per credential blob (CREDENTIALW, CredentialBlobSize:
https://learn.microsoft.com/windows/win32/api/wincred/ns-wincred-credentialw), and keyring's
Windows backend writes the secret as UTF-16 (pywin32-ctypes' CredWrite), two bytes per
character of the Basic Multilingual Plane and four beyond it: 1,280 characters, not 2,560.
macOS' Keychain and the Secret Service take more; the same bound applies everywhere so
that a secret accepted on one system is accepted on the others.
"""

from __future__ import annotations

CREDENTIAL_BLOB_BYTES = 2560
MAX_SECRET_CHARS = CREDENTIAL_BLOB_BYTES // 2
"""What users are told: 1,280 characters (fewer when some are outside the BMP, e.g. emoji)."""


def stored_bytes(secret: str) -> int:
    """Bytes the secret takes in Windows' credential blob (UTF-16 little-endian)."""
    return len(secret.encode("utf-16-le", errors="surrogatepass"))


def fits_keyring(secret: str) -> bool:
    return stored_bytes(secret) <= CREDENTIAL_BLOB_BYTES
