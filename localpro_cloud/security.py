"""Passwords, access tokens and refresh tokens.

- Passwords: argon2id with OWASP's minimum (19 MiB, 2 passes, 1 lane) — memory-hard, so a
  stolen table costs an attacker real hardware per guess.
- Access tokens: short-lived (15 min) HS256 JWTs naming the account (``sub``), the device
  (``dev``) and the session family (``fam``). Every request also checks that the family is
  not revoked, so a logout or a detected token theft cuts access at once, not 15 min later.
- Refresh tokens: ``<account id>.<32 random bytes, urlsafe>``, stored only as a SHA-256 hash,
  single use (rotation). The account id prefix lets the server find the token with a query
  that filters by account (the distribution key); it is covered by the hash, so editing it
  yields an unknown token.
"""

import hashlib
import re
import secrets
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jwt
from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

ACCESS_TTL_S = 15 * 60
REFRESH_TTL_S = 60 * 24 * 3600
ALGORITHM = "HS256"

PASSWORD_HASHER = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1, type=Type.ID)
_ACCOUNT_ID = re.compile(r"^[0-9a-f\-]{36}$")


def hash_password(password: str) -> str:
    return PASSWORD_HASHER.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    try:
        return PASSWORD_HASHER.verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    """True after the parameters were raised: the next good login stores a stronger hash."""
    return PASSWORD_HASHER.check_needs_rehash(stored_hash)


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    return PASSWORD_HASHER.hash(secrets.token_urlsafe(16))


def burn_verify(password: str) -> None:
    """Spend the time of a real check for an unknown e-mail (no account-existence oracle)."""
    verify_password(_dummy_hash(), password)


class TokenError(Exception):
    """The access token is missing, forged, expired or of the wrong kind."""


@dataclass(frozen=True)
class AccessClaims:
    account_id: str
    device_id: str | None
    family_id: str


def issue_access_token(
    secret: str, account_id: str, device_id: str | None, family_id: str, now_s: int
) -> str:
    claims: dict[str, object] = {
        "sub": account_id,
        "fam": family_id,
        "typ": "access",
        "iat": now_s,
        "exp": now_s + ACCESS_TTL_S,
    }
    if device_id is not None:
        claims["dev"] = device_id
    return jwt.encode(claims, secret, algorithm=ALGORITHM)


def read_access_token(secret: str, token: str, now_s: int) -> AccessClaims:
    """Verify signature and algorithm, then expiry against the service's own clock.

    PyJWT's time checks use the machine clock; they are turned off and done here with the
    injected clock, so tests that move time test what production does.
    """
    try:
        claims = jwt.decode(
            token,
            secret,
            algorithms=[ALGORITHM],
            options={
                "verify_exp": False,
                "verify_iat": False,
                "verify_nbf": False,
                "require": ["sub", "fam", "exp", "typ"],
            },
        )
    except jwt.PyJWTError as exc:
        raise TokenError(f"invalid access token ({exc})") from None
    if claims.get("typ") != "access":
        raise TokenError("not an access token")
    exp = claims.get("exp")
    if not isinstance(exp, int) or exp <= now_s:
        raise TokenError("the access token has expired")
    sub, fam, dev = claims.get("sub"), claims.get("fam"), claims.get("dev")
    if not isinstance(sub, str) or not isinstance(fam, str):
        raise TokenError("malformed access token")
    return AccessClaims(sub, dev if isinstance(dev, str) else None, fam)


def new_refresh_token(account_id: str) -> str:
    return f"{account_id}.{secrets.token_urlsafe(32)}"


def refresh_token_account(token: str) -> str | None:
    """The account a refresh token claims to belong to (checked by the hash lookup)."""
    account_id, dot, rest = token.partition(".")
    if not dot or not rest or not _ACCOUNT_ID.match(account_id):
        return None
    return account_id


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


# -- e-mail addresses and password policy ------------------------------------------------

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_INVISIBLE = {"Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp"}
"""Control, format (zero-width joiners, bidi marks), private-use, unassigned characters."""
COMMON_PASSWORDS_FILE = Path(__file__).resolve().parent / "data" / "common-passwords.txt"


def normalise_email(text: str) -> str:
    """One spelling per address: NFC (so é typed as e + accent matches é) then casefold."""
    return unicodedata.normalize("NFC", text.strip()).casefold()


def _script(ch: str) -> str | None:
    """The script of a letter, from its Unicode name ("CYRILLIC SMALL LETTER ER")."""
    if not ch.isalpha():
        return None
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0] if name else "UNKNOWN"


def email_problem(email: str) -> str | None:
    """Why a (normalised) address cannot be used, or None.

    Refuses invisible and control characters, and any part of the address (the local part,
    each domain label) that mixes letters of several scripts: "pаypal" with a Cyrillic а
    looks like "paypal" and would be a second account a person cannot tell apart.
    """
    if not _EMAIL.match(email):
        return "Enter a valid e-mail address."
    if any(unicodedata.category(ch) in _INVISIBLE for ch in email):
        return "The e-mail address contains an invisible or control character."
    local, _at, domain = email.rpartition("@")
    for part in [local, *domain.split(".")]:
        scripts = {s for s in map(_script, part) if s is not None}
        if len(scripts) > 1:
            return "The e-mail address mixes letters of different alphabets."
    return None


@lru_cache(maxsize=1)
def _common_passwords() -> frozenset[str]:
    with COMMON_PASSWORDS_FILE.open(encoding="utf-8") as handle:
        return frozenset(line.strip().casefold() for line in handle if line.strip())


def _squash(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKC", text).casefold() if ch.isalnum())


def password_problem(password: str, email: str, name: str = "", business: str = "") -> str | None:
    """Why a new password is too easy to guess, or None (NIST SP 800-63B §5.1.1.2).

    Length (10 to 1,024) is checked by the wire model; here: the common-passwords list,
    one repeated character, and the user's own data (the address, its local part, the
    names). Never includes the password in the answer.
    """
    folded = password.casefold()
    squashed = _squash(password)
    if folded in _common_passwords() or folded.strip() in _common_passwords():
        return "This password is among the most common ones: choose another."
    if len(set(folded)) <= 2:
        return "This password repeats one or two characters: choose another."
    local = email.partition("@")[0]
    own = [email, local, name, business]
    for value in own:
        mine = _squash(value)
        if len(mine) >= 4 and (mine in squashed and len(squashed) - len(mine) < 6):
            return "The password must not be your e-mail address or your name."
    if squashed.isdigit() and len(set(squashed)) <= 4:
        return "This password is too easy to guess: choose another."
    return None
