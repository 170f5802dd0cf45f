"""Phone identity: one number typed many ways ("77 123 45 67", "+221771234567") is one E.164.

Parsing is the costly step of an import (tens of microseconds each), so this module keeps
state-free functions that worker processes can call, and skips ``phonenumbers.parse`` for
numbers already written the plain way (digits in groups, optionally after "+" and the
country code) — phonenumbers still decides whether each number is valid.
"""

import re
from collections.abc import MutableMapping
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

import phonenumbers
from phonenumbers import (
    COUNTRY_CODE_TO_REGION_CODE,
    NumberParseException,
    PhoneMetadata,
    PhoneNumber,
    PhoneNumberFormat,
    PhoneNumberType,
)

from localpro_desktop.domain.messages import Message
from localpro_desktop.domain.messages import phones as msg


@dataclass(frozen=True, slots=True)
class ParsedPhone:
    raw: str
    e164: str | None
    valid: bool
    problem: Message | None  # a Message of ``domain.messages.phones``

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
    number = _plain_number(candidate, region)
    if number is None:
        try:
            number = phonenumbers.parse(candidate, region)
        except NumberParseException as exc:
            return ParsedPhone(text, None, False, msg.NOT_A_PHONE_NUMBER(reason=_reason(exc)))
    if not phonenumbers.is_valid_number(number):
        e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
        problem = msg.NOT_VALID(number=e164, length=_length_problem(number))
        return ParsedPhone(text, None, False, problem)
    e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    return ParsedPhone(text, e164, True, None)


# Digit groups separated by one space, dot or hyphen, optionally after "+": how nearly every
# number in a spreadsheet is typed. ASCII digits only (parse also reads other scripts' digits).
_PLAIN = re.compile(r"(\+?)([0-9]+(?:[ .\-][0-9]+)*)")
_SEPARATORS = str.maketrans("", "", " .-")
_MIN_PLAIN_DIGITS = 3  # below this, parse's viability rules get subtle: let it decide
_MAX_NSN_DIGITS = 17  # parse rejects longer national numbers as "too long"


@dataclass(frozen=True, slots=True)
class _PlainRules:
    """What ``phonenumbers.parse`` would consult for a plain number of one region."""

    country_code: int
    code_digits: str
    idd: re.Pattern[str] | None  # the international call prefix ("00", "009", …)
    national_prefix: re.Pattern[str] | None  # the trunk prefix parse may strip ("0")


@cache
def _plain_rules(region: str) -> _PlainRules | None:
    """None when the region is unknown or not the main one of its code (Canada under +1)."""
    metadata = PhoneMetadata.metadata_for_region(region, None)
    if metadata is None or metadata.country_code is None:
        return None
    code = metadata.country_code
    digits = str(code)
    if phonenumbers.region_code_for_country_code(code) != region:
        return None
    if any(int(digits[:n]) in COUNTRY_CODE_TO_REGION_CODE for n in range(1, len(digits))):
        return None  # parse would read a shorter country code first
    idd = metadata.international_prefix
    prefix = metadata.national_prefix_for_parsing
    return _PlainRules(
        code, digits, re.compile(idd) if idd else None, re.compile(prefix) if prefix else None
    )


def _plain_number(candidate: str, region: str) -> PhoneNumber | None:
    """The PhoneNumber ``phonenumbers.parse`` returns, built without parsing; None = ask parse.

    Parsing is most of a number's cost and most numbers are plain digit groups. This follows
    parse's steps for that shape only and gives up (returns None) wherever parse would do
    something more: an international prefix typed as digits, a national number starting
    with the country code, a trunk prefix to strip, too few or too many digits, a region
    that is not the main one of its country code. ``tests/domain/test_phones.py`` checks
    it against parse.
    """
    match = _PLAIN.fullmatch(candidate)
    if match is None:
        return None
    rules = _plain_rules(region)
    if rules is None:
        return None
    plus, digits = match.group(1), match.group(2).translate(_SEPARATORS)
    if plus:
        if not digits.startswith(rules.code_digits):
            return None
        nsn = digits[len(rules.code_digits) :]
    else:
        if rules.idd is not None and rules.idd.match(digits):
            return None
        if digits.startswith(rules.code_digits):
            return None
        nsn = digits
    if not _MIN_PLAIN_DIGITS <= len(nsn) <= _MAX_NSN_DIGITS:
        return None
    if rules.national_prefix is not None and rules.national_prefix.match(nsn):
        return None
    number = PhoneNumber(country_code=rules.country_code, national_number=int(nsn))
    if nsn[0] == "0":  # as parse records it: "07 07 12 34 56" in Côte d'Ivoire
        number.italian_leading_zero = True
        zeros = len(nsn) - len(nsn.lstrip("0"))
        zeros = min(zeros, len(nsn) - 1)
        if zeros != 1:
            number.number_of_leading_zeros = zeros
    return number


def _reason(exc: NumberParseException) -> Message:
    return {
        NumberParseException.INVALID_COUNTRY_CODE: msg.UNKNOWN_COUNTRY_CODE,
        NumberParseException.NOT_A_NUMBER: msg.NO_DIGITS,
        NumberParseException.TOO_SHORT_NSN: msg.TOO_SHORT,
        NumberParseException.TOO_SHORT_AFTER_IDD: msg.TOO_SHORT,
        NumberParseException.TOO_LONG: msg.TOO_LONG,
    }.get(exc.error_type, msg.UNREADABLE)()


def _length_problem(number: PhoneNumber) -> str:
    """ "short" or "long" when the digit count is wrong (the most common typing slip)."""
    reason = phonenumbers.is_possible_number_with_reason(number)
    if reason == phonenumbers.ValidationResult.TOO_SHORT:
        return "short"
    if reason == phonenumbers.ValidationResult.TOO_LONG:
        return "long"
    return ""


def is_mobile(e164: str) -> bool:
    """Whether WhatsApp can plausibly reach the number; kept out of parsing (it is costly).

    MOBILE, and FIXED_LINE_OR_MOBILE too: where a numbering plan cannot tell the two
    apart (the US, Canada, a few others), the number of a small business is far more often
    a mobile, and a wrong guess costs one undelivered message that the campaign reports.
    A country code shared by several regions goes through ``phonenumbers`` in full; for
    the others (nearly every African one) matching the region's mobile pattern is enough,
    at a fiftieth of the cost: an import asks this of every row.
    """
    rules = _mobile_rules(e164)
    if rules is not None:
        start, mobile, earlier = rules
        national = e164[start:]
        if mobile.fullmatch(national) is None:
            return False
        return not any(pattern.fullmatch(national) for pattern in earlier)
    number = phonenumbers.parse(e164, None)
    return phonenumbers.number_type(number) in _MOBILE_TYPES


_MobileRules = tuple[int, re.Pattern[str], tuple[re.Pattern[str], ...]]
# The types ``phonenumbers.number_type`` tries before fixed line and mobile: a number
# matching one of them is of that type, whatever the mobile pattern says.
_EARLIER_TYPES = (
    "premium_rate",
    "toll_free",
    "shared_cost",
    "voip",
    "personal_number",
    "pager",
    "uan",
    "voicemail",
)


def _mobile_rules(e164: str) -> _MobileRules | None:
    """Where the national number starts, the mobile pattern and the earlier types' ones,
    for a valid E.164 number of a one-region country code (None: ask ``number_type``)."""
    for digits in (1, 2, 3):
        code = e164[1 : 1 + digits]
        if code.isdigit() and int(code) in COUNTRY_CODE_TO_REGION_CODE:
            return _rules_for(int(code), digits + 1)
    return None


@cache
def _rules_for(code: int, start: int) -> _MobileRules | None:
    regions = COUNTRY_CODE_TO_REGION_CODE.get(code, ())
    if len(regions) != 1:
        return None
    metadata = PhoneMetadata.metadata_for_region(regions[0], None)
    mobile = metadata.mobile if metadata is not None else None
    if mobile is None or not mobile.national_number_pattern:
        return None
    earlier = []
    for name in _EARLIER_TYPES:
        desc = getattr(metadata, name, None)
        if desc is not None and desc.national_number_pattern:
            earlier.append(re.compile(desc.national_number_pattern))
    return start, re.compile(mobile.national_number_pattern), tuple(earlier)


def whatsapp_from_phone(phone_e164: str | None) -> str | None:
    """The one WhatsApp rule, for imports and the add form: a mobile phone is the WhatsApp
    number too, unless the record says otherwise (a file's WhatsApp column, the form's
    WhatsApp field). None when the phone is missing, invalid or not a mobile."""
    return phone_e164 if phone_e164 and is_mobile(phone_e164) else None


def take_phone_as_whatsapp(values: MutableMapping[str, Any]) -> None:
    """Apply ``whatsapp_from_phone`` to a normalised record that gave no WhatsApp number:
    its WhatsApp is then its mobile phone, as typed and as E.164."""
    if values.get("whatsapp") or values.get("whatsapp_e164"):
        return
    e164 = whatsapp_from_phone(values.get("phone_e164"))
    if e164 is not None:
        values["whatsapp"] = values.get("phone") or e164
        values["whatsapp_e164"] = e164


def format_national(e164: str) -> str:
    """How a local user dials the number at home ("77 123 45 67" in Senegal)."""
    number = phonenumbers.parse(e164, None)
    return phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)


def format_international(e164: str) -> str:
    """Readable and unambiguous across countries ("+221 77 123 45 67")."""
    number = phonenumbers.parse(e164, None)
    return phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)


def format_for_region(e164: str, region: str) -> str:
    """National form for a number of ``region`` (how people there dial it), international
    for any other ("77 123 45 67" at home in Senegal, "+234 803 123 4567" from Nigeria)."""
    number = phonenumbers.parse(e164, None)
    if region and phonenumbers.region_code_for_number(number) == region.upper():
        return phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)
