"""E-mail syntax checks: flag, never drop, an address a user typed."""

from dataclasses import dataclass
from functools import lru_cache

from email_validator import EmailNotValidError, validate_email


@dataclass(frozen=True, slots=True)
class CheckedEmail:
    raw: str
    normalized: str | None
    valid: bool
    problem: str | None


def check_email(raw: str | None) -> CheckedEmail:
    """Syntax only: deliverability checks need DNS, and the app must work offline."""
    text = (raw or "").strip()
    if not text:
        return CheckedEmail("", None, False, None)
    return _check_cached(text)


@lru_cache(maxsize=65_536)
def _check_cached(text: str) -> CheckedEmail:
    try:
        info = validate_email(text, check_deliverability=False)
    except EmailNotValidError as exc:
        return CheckedEmail(text, None, False, str(exc))
    return CheckedEmail(text, info.normalized.lower(), True, None)
