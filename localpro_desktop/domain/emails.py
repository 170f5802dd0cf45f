"""E-mail syntax checks: flag, never drop, an address a user typed."""

import re
from dataclasses import dataclass
from functools import lru_cache

from email_validator import EmailNotValidError, validate_email

from localpro_desktop.domain.messages import Message
from localpro_desktop.domain.messages import emails as msg

# Plain dot-atom local parts (the vast majority) only need the domain checked; the
# domain check is the costly part of email-validator and domains repeat across a file.
_SIMPLE_LOCAL = re.compile(r"^[A-Za-z0-9_%+\-]+(?:\.[A-Za-z0-9_%+\-]+)*$")


@dataclass(frozen=True, slots=True)
class CheckedEmail:
    raw: str
    normalized: str | None
    valid: bool
    problem: Message | None  # a Message of ``domain.messages.emails``


def check_email(raw: str | None) -> CheckedEmail:
    """Syntax only: deliverability checks need DNS, and the app must work offline."""
    text = (raw or "").strip()
    if not text:
        return CheckedEmail("", None, False, None)
    local, at, domain = text.rpartition("@")
    if at and len(local) <= 64 and _SIMPLE_LOCAL.match(local):
        domain_result = _check_domain(domain)
        if domain_result is None:
            return CheckedEmail(text, f"{local}@{domain}".lower(), True, None)
        if domain_result.startswith("="):
            return CheckedEmail(text, f"{local}{domain_result[1:]}".lower(), True, None)
        return CheckedEmail(text, None, False, _problem(text, domain_result))
    return _check_full(text)


def _problem(text: str, detail: str) -> Message:
    """The gist a person can act on; the validator's sentence stays as ``detail``."""
    if "@" not in text:
        return msg.NEEDS_AT(detail=detail)
    if "domain" in detail.lower() or "period" in detail.lower():
        return msg.BAD_DOMAIN(detail=detail)
    return msg.NOT_VALID(detail=detail)


@lru_cache(maxsize=8192)
def _check_domain(domain: str) -> str | None:
    """None when the domain is fine as typed, "=@normalized" when it normalizes, else why."""
    try:
        info = validate_email(f"a@{domain}", check_deliverability=False)
    except EmailNotValidError as exc:
        return str(exc)
    normalized = info.normalized.partition("@")[2]
    return None if normalized == domain else f"=@{normalized}"


@lru_cache(maxsize=65_536)
def _check_full(text: str) -> CheckedEmail:
    try:
        info = validate_email(text, check_deliverability=False)
    except EmailNotValidError as exc:
        return CheckedEmail(text, None, False, _problem(text, str(exc)))
    return CheckedEmail(text, info.normalized.lower(), True, None)
