"""The plain-number fast path must give exactly what ``phonenumbers.parse`` gives."""

import random

import phonenumbers
import pytest
from phonenumbers import NumberParseException, PhoneNumberFormat

from localpro_desktop.discovery.demo.generator import COUNTRIES, iter_businesses
from localpro_desktop.domain.phones import _parse_cached, _plain_number, parse_phone

DEMO_REGIONS = tuple(COUNTRIES)  # SN, CI, NG, GH, KE, CM, MA, ZA
# Big-country codes, and regions the fast path never serves: CA and KZ share +1 and +7
# with the US and Russia (their main regions), XX and "" are unknown.
OTHER_REGIONS = ("US", "CA", "RU", "KZ", "GB", "FR", "IT", "XX", "")

TRICKY = [
    # Senegal: mobiles, fixed lines, the 00 / + / bare country code forms, bad lengths.
    "77 123 45 67",
    "771234567",
    "77.123.45.67",
    "77-123-45-67",
    "33 821 00 00",
    "+221 77 123 45 67",
    "+221771234567",
    "00221771234567",
    "221771234567",
    "2217712345678",
    "0771234567",
    "77 12",
    "770000",
    "+221 77 123 45 67 89 01",
    "0000",
    "+0 77",
    "+2",
    "+22",
    "+221",
    "+221 7",
    # Côte d'Ivoire: ten digits with a leading 0 that is part of the number.
    "07 07 12 34 56",
    "0707123456",
    "+225 07 07 12 34 56",
    "+2250707123456",
    "00 225 07 07 12 34 56",
    "707123456",
    "00707123456",
    # Nigeria: trunk prefix 0, IDD 009.
    "0803 123 4567",
    "08031234567",
    "803 123 4567",
    "+234 803 123 4567",
    "+234 0803 123 4567",
    "009 234 803 123 4567",
    "2348031234567",
    # Ghana, Kenya (IDD 000), Cameroon, Morocco, South Africa (two-digit code).
    "024 123 4567",
    "+233 24 123 4567",
    "0712 345678",
    "712345678",
    "000 254 712 345678",
    "+254712345678",
    "6 71 23 45 67",
    "671234567",
    "+237 6 71 23 45 67",
    "0612345678",
    "612345678",
    "+212 6 12 34 56 78",
    "082 123 4567",
    "821234567",
    "+27 82 123 4567",
    "+270821234567",
    "27821234567",
    # Shapes the fast path must leave to parse.
    "+1 202 555 0143",
    "202-555-0143",
    "+44 20 7946 0958",
    "+7 495 123 45 67",
    "(77) 123 45 67",
    "77  123 45 67",
    "77 123 45 67 ext. 12",
    "tel: 77 123 45 67",
    "٧٧١٢٣٤٥٦٧",
    "pas de tél",
    "77 123 45 67 ",
    "-77 123 45 67",
    "77 123 45 67-",
    "123456789012345678",
    "1234567890123456789012",
    "12",
    "1",
]


def _parsed(candidate: str, region: str) -> phonenumbers.PhoneNumber | str:
    try:
        return phonenumbers.parse(candidate, region)
    except NumberParseException as exc:
        return f"error {exc.error_type}"


def _demo_numbers() -> list[tuple[str, str]]:
    """Numbers as the demo types them, plus every way phonenumbers formats them."""
    out: list[tuple[str, str]] = []
    for region in DEMO_REGIONS:
        for b in iter_businesses(seed=5, count=150, countries=[region]):
            number = phonenumbers.parse(b.phone_e164)
            national = phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
            for typed in (
                b.phone,
                b.whatsapp,
                b.phone_e164,
                b.phone_e164[1:],
                "00" + b.phone_e164[1:],
                phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL),
                national,
                national.replace(" ", ""),
                national.replace(" ", "."),
                national.replace(" ", "-"),
            ):
                out.append((typed, region))
    return out


def _random_numbers(count: int) -> list[str]:
    rng = random.Random(2024)
    prefixes = ["", "", "+", "0", "00", "000", "009", "+0", "+221", "221", "+234", "2340", "+27"]
    out = []
    for _ in range(count):
        digits = "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 19)))
        text = rng.choice(prefixes) + digits
        if len(text) > 3 and rng.random() < 0.5:
            cut = rng.randrange(1, len(text) - 1)
            if text[cut - 1].isdigit() and text[cut].isdigit():
                text = text[:cut] + rng.choice(" .-") + text[cut:]
        out.append(text)
    return out


@pytest.mark.parametrize("region", DEMO_REGIONS + OTHER_REGIONS)
def test_plain_path_builds_what_parse_returns(region: str) -> None:
    corpus = [(t, region) for t in TRICKY + _random_numbers(3000)]
    if region == "SN":
        corpus += _demo_numbers()
    fast = 0
    for text, where in corpus:
        candidate = "+" + text[2:] if text.startswith("00") else text
        built = _plain_number(candidate, where)
        if built is None:
            continue
        fast += 1
        assert built == _parsed(candidate, where), (text, where)
    if region in DEMO_REGIONS:
        assert fast > 100  # the fast path is really taken for the plain shapes
    elif region in ("CA", "KZ", "XX", ""):
        assert fast == 0


def test_parse_phone_gives_the_same_answer_with_or_without_the_plain_path(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Valid, invalid and unreadable numbers: same E.164, validity and reason."""
    corpus = _demo_numbers() + [(t, r) for t in TRICKY for r in DEMO_REGIONS]
    with_fast = [parse_phone(text, region) for text, region in corpus]
    _parse_cached.cache_clear()
    monkeypatch.setattr("localpro_desktop.domain.phones._plain_number", lambda _c, _r: None)
    try:
        without = [parse_phone(text, region) for text, region in corpus]
    finally:
        _parse_cached.cache_clear()
    assert with_fast == without
    assert any(p.valid for p in with_fast) and any(p.problem for p in with_fast)


@pytest.mark.parametrize("region", [*DEMO_REGIONS, "US", "GB", "FR", "IT", "RU", "IN", "BR"])
def test_is_mobile_agrees_with_phonenumbers_number_type(region: str) -> None:
    """The mobile-pattern shortcut answers as ``number_type`` does (MOBILE or
    FIXED_LINE_OR_MOBILE), over every two-digit start of the region's national numbers."""
    from localpro_desktop.domain.phones import _MOBILE_TYPES, is_mobile

    rng = random.Random(region)
    length = len(str(phonenumbers.example_number(region).national_number))
    code = phonenumbers.country_code_for_region(region)
    checked = mobiles = 0
    for start in range(100):
        for _ in range(20):
            tail = "".join(rng.choice("0123456789") for _ in range(length - 2))
            number = phonenumbers.parse(f"+{code}{start:02d}{tail}", None)
            if not phonenumbers.is_valid_number(number):
                continue
            e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
            expected = phonenumbers.number_type(number) in _MOBILE_TYPES
            assert is_mobile(e164) is expected, e164
            checked += 1
            mobiles += expected
    assert checked > 50 and 0 < mobiles < checked


def test_whatsapp_rule_takes_mobiles_only() -> None:
    from localpro_desktop.domain.phones import take_phone_as_whatsapp, whatsapp_from_phone

    assert whatsapp_from_phone("+221771234567") == "+221771234567"
    assert whatsapp_from_phone("+221338210000") is None  # a Dakar landline
    assert whatsapp_from_phone("+12025550123") == "+12025550123"  # US: fixed or mobile
    assert whatsapp_from_phone(None) is None
    values = {"phone": "77 123 45 67", "phone_e164": "+221771234567", "whatsapp": ""}
    take_phone_as_whatsapp(values)
    assert values["whatsapp"] == "77 123 45 67" and values["whatsapp_e164"] == "+221771234567"
    given = {"phone_e164": "+221771234567", "whatsapp": "78 000 11 22", "whatsapp_e164": None}
    take_phone_as_whatsapp(given)
    assert given["whatsapp"] == "78 000 11 22"  # an answer given is never replaced
