"""Pure rules: plans, SMS segments, phones, e-mails, names, lifecycle."""

from datetime import date

import pytest

from localpro_desktop.domain.campaigns import (
    CampaignStatus,
    RecipientStatus,
    check_campaign_move,
    recipient_advances,
)
from localpro_desktop.domain.emails import check_email
from localpro_desktop.domain.errors import InvalidTransitionError
from localpro_desktop.domain.names import name_key
from localpro_desktop.domain.normalize import normalize_contact, normalize_prospect
from localpro_desktop.domain.phones import parse_phone
from localpro_desktop.domain.plans import (
    Metric,
    Plan,
    PlanLimitError,
    check_limit,
    month_key,
    next_reset,
)
from localpro_desktop.domain.sms import sms_length


@pytest.mark.parametrize(
    ("raw", "region", "e164"),
    [
        ("77 123 45 67", "SN", "+221771234567"),
        ("00221771234567", "CI", "+221771234567"),
        ("0803 123 4567", "NG", "+2348031234567"),
        ("0712 345678", "KE", "+254712345678"),
        ("07 07 12 34 56", "CI", "+2250707123456"),
    ],
)
def test_phone_to_e164(raw: str, region: str, e164: str) -> None:
    parsed = parse_phone(raw, region)
    assert parsed.valid and parsed.e164 == e164 and parsed.raw == raw


def test_invalid_phone_keeps_raw_with_reason() -> None:
    parsed = parse_phone("77 12", "SN")
    assert not parsed.valid and parsed.e164 is None and parsed.problem


def test_email_syntax() -> None:
    assert check_email(" Awa@Example.SN ").normalized == "awa@example.sn"
    assert not check_email("awa@@x").valid


def test_name_key_drops_legal_forms_and_accents() -> None:
    assert name_key("Ets. Touré & Fils SARL") == name_key("touré et fils")


def test_plan_limit_message_and_reset() -> None:
    check = check_limit(Plan.STARTER, Metric.MESSAGES, 990, 20)
    assert not check.allowed and check.remaining == 10
    err = PlanLimitError(check, date(2026, 12, 15))
    assert "resets on 2027-01-01" in str(err) and "Business" in str(err)
    assert check_limit(Plan.ENTERPRISE, Metric.MESSAGES, 10**9, 1).allowed
    assert month_key(date(2026, 3, 31)) == "2026-03" and next_reset(date(2026, 3, 31)) == date(
        2026, 4, 1
    )


def test_sms_segments_gsm_vs_unicode() -> None:
    assert sms_length("a" * 160).segments == 1
    assert sms_length("a" * 161).segments == 2
    assert sms_length("€" * 80).units == 160  # extended chars count twice
    unicode = sms_length("Salut 👋")
    assert unicode.encoding == "UCS-2" and unicode.units == 8
    assert sms_length("x" * 71 + "’").segments == 2


def test_campaign_lifecycle_rules() -> None:
    check_campaign_move(CampaignStatus.DRAFT, CampaignStatus.SCHEDULED)
    with pytest.raises(InvalidTransitionError, match="allowed next"):
        check_campaign_move(CampaignStatus.DRAFT, CampaignStatus.COMPLETED)
    assert recipient_advances(RecipientStatus.SENT, RecipientStatus.DELIVERED)
    assert not recipient_advances(RecipientStatus.REPLIED, RecipientStatus.DELIVERED)


def test_normalize_rejects_bad_coordinates_and_status() -> None:
    out = normalize_prospect({"business_name": "X", "latitude": "300", "longitude": "1"}, "SN")
    assert any("latitude" in e for e in out.errors)
    out = normalize_contact({"company": "Y", "status": "won"}, "SN")
    assert any("Unknown status" in e for e in out.errors)
    ok = normalize_prospect(
        {"business_name": "Z", "latitude": "14,69", "longitude": "-17,44"}, "SN"
    )
    assert ok.values["latitude"] == pytest.approx(14.69)


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("Sénégal", "SN"),
        ("cote d'ivoire", "CI"),
        ("Nigéria", "NG"),
        ("South Africa", "ZA"),
        ("ke", "KE"),
        ("Atlantis", ""),
    ],
)
def test_country_names_in_english_and_french(typed: str, code: str) -> None:
    from localpro_desktop.domain.normalize import country_code

    assert country_code(typed) == code


def test_phone_uses_the_rows_country_when_given() -> None:
    out = normalize_contact({"company": "x", "country": "Nigeria", "phone": "0803 123 4567"}, "SN")
    assert out.values["country"] == "NG" and out.values["phone_e164"] == "+2348031234567"
    unknown = normalize_contact({"company": "x", "country": "Atlantis"}, "SN")
    assert unknown.values["country"] == "SN" and "unknown" in unknown.warnings[0]
