"""The providers' signing secrets at rest: Fernet (AES-128-CBC + HMAC-SHA256) with a key
derived from the server secret by HKDF, so a copy of the database alone reveals none of
them, and no second key file has to be shared between instances."""

import base64
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

_INFO = b"localpro-cloud webhook signing secrets v1"


@lru_cache(maxsize=8)
def _box(server_secret: str) -> Fernet:
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_INFO).derive(
        server_secret.encode("utf-8")
    )
    return Fernet(base64.urlsafe_b64encode(key))


def seal(server_secret: str, value: str) -> str:
    """``value`` encrypted ("" stays "": a provider that signs nothing)."""
    if not value:
        return ""
    return _box(server_secret).encrypt(value.encode("utf-8")).decode("ascii")


def unseal(server_secret: str, box: str) -> str:
    """The secret back; "" when there is none or the server secret changed since (the
    user enables the hook again with the provider's secret)."""
    if not box:
        return ""
    try:
        return _box(server_secret).decrypt(box.encode("ascii")).decode("utf-8")
    except InvalidToken:
        return ""
