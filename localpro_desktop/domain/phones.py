"""Phone identity: one number typed many ways ("77 123 45 67", "+221771234567") is one E.164.

Parsing is the costly step of an import (tens of microseconds each), so this module keeps
state-free functions that worker processes can call.
"""

from dataclasses import dataclass
from functools import lru_cache

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, PhoneNumberType


@dataclass(frozen=True, slots=True)
class ParsedPhone:
    raw: str
    e164: str | None
    valid: bool
    problem: str | None

    @property
    def empty(self) -> bool:
        return not self.raw


_MOBILE_TYPES = {PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE}


def parse_phone(raw: str | None, region: str) -> ParsedPhone:
    """Parse with the workspace country as default region; never drop what the user typed.

    An invalid number keeps its raw text and gets a reason, so the user can fix it later.
    """
    text = (raw or "").strip()
    if not text:
        return ParsedPhone("", None, False, None)
    return _parse_cached(text, region.upper())


@lru_cache(maxsize=65_536)
def _parse_cached(text: str, region: str) -> ParsedPhone:
    candidate = text
    if candidate.startswith("00"):
        candidate = "+" + candidate[2:]
    try:
        number = phonenumbers.parse(candidate, region)
    except NumberParseException as exc:
        return ParsedPhone(text, None, False, f"not a phone number ({_reason(exc)})")
    if not phonenumbers.is_valid_number(number):
        e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
        return ParsedPhone(text, None, False, f"{e164} is not a valid number")
    e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    return ParsedPhone(text, e164, True, None)


def _reason(exc: NumberParseException) -> str:
    return {
        NumberParseException.INVALID_COUNTRY_CODE: "unknown country code",
        NumberParseException.NOT_A_NUMBER: "no digits",
        NumberParseException.TOO_SHORT_NSN: "too short",
        NumberParseException.TOO_SHORT_AFTER_IDD: "too short",
        NumberParseException.TOO_LONG: "too long",
    }.get(exc.error_type, "unreadable")


def is_mobile(e164: str) -> bool:
    """Whether WhatsApp can plausibly reach the number; kept out of parsing (it is costly)."""
    number = phonenumbers.parse(e164, None)
    return phonenumbers.number_type(number) in _MOBILE_TYPES


def format_national(e164: str) -> str:
    """How a local user expects to read the number back."""
    number = phonenumbers.parse(e164, None)
    return phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)


def whatsapp_link(e164: str) -> str:
    return "https://wa.me/" + e164.lstrip("+")
