"""SegmentRule: normalization, JSON round trip and the sentence lists show."""

import json
from datetime import date, datetime

import pytest

from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.pipeline import PipelineStatus
from localpro_desktop.domain.segment_rules import SegmentRule, status_label

FULL = SegmentRule(
    statuses=(PipelineStatus.NEGOTIATION, PipelineStatus.INTERESTED),
    tags_any=("vip", "grossiste"),
    tags_all=("fidèle",),
    city="Dakar",
    sector="Commerce",
    country="sn",
    text="fatou",
    created_since=date(2024, 1, 1),
    created_before=date(2024, 7, 1),
    last_contacted_before=date(2024, 6, 1),
    last_contacted_since=date(2024, 2, 1),
    has_phone=True,
    has_email=False,
    has_whatsapp=True,
    reachable_on=Channel.WHATSAPP,
)


def test_default_rule_is_empty_and_matches_everyone_in_words() -> None:
    assert SegmentRule().is_empty
    assert SegmentRule(city="  ", text="!!", tags_any=(" ",)).is_empty
    assert not SegmentRule(has_phone=False).is_empty
    assert SegmentRule().describe("en") == "All contacts"
    assert SegmentRule().describe("fr") == "Tous les contacts"


def test_values_are_normalized_so_equal_rules_compare_equal() -> None:
    rule = SegmentRule(
        statuses=("Négociation", "interested", PipelineStatus.INTERESTED),  # type: ignore[arg-type]
        tags_any=["VIP ", "vip", "Grossiste"],  # type: ignore[arg-type]
        city="  Saint-Louis  ",
        country=" ci ",
        text="  Fatou   Diop ",
        created_since=datetime(2024, 3, 1, 15, 30),
    )
    assert rule.statuses == (PipelineStatus.INTERESTED, PipelineStatus.NEGOTIATION)
    assert rule.tags_any == ("vip", "grossiste")
    assert rule.city == "Saint-Louis"
    assert rule.country == "CI"
    assert rule.text == "Fatou Diop"
    assert rule.created_since == date(2024, 3, 1)
    assert rule == SegmentRule(
        statuses=(PipelineStatus.NEGOTIATION, PipelineStatus.INTERESTED),
        tags_any=("vip", "grossiste"),
        city="Saint-Louis",
        country="CI",
        text="Fatou Diop",
        created_since=date(2024, 3, 1),
    )
    assert SegmentRule(tags_all="vip, Fidèle ; vip").tags_all == ("vip", "fidèle")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"statuses": ("prospect",)}, "Unknown status"),
        ({"country": "Senegal"}, "two-letter"),
        ({"created_since": "1st March"}, "not a date"),
        ({"created_since": date(2024, 3, 1), "created_before": date(2024, 3, 1)}, "earlier"),
        (
            {"last_contacted_since": date(2024, 5, 1), "last_contacted_before": date(2024, 4, 1)},
            "earlier",
        ),
        ({"has_email": "yes"}, "true, false"),
        ({"reachable_on": Channel.SMS, "has_phone": False}, "no contact can match"),
        ({"reachable_on": "pigeon"}, "Unknown channel"),
        ({"tags_any": (3,)}, "must be text"),
        ({"city": 12}, "must be text"),
        ({"statuses": "new"}, "must be a list"),
    ],
)
def test_invalid_rules_are_refused_with_a_reason(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(UserError, match=message):
        SegmentRule(**kwargs)  # type: ignore[arg-type]


def test_to_dict_has_every_key_in_a_stable_order_and_is_json_safe() -> None:
    data = SegmentRule().to_dict()
    assert list(data) == [
        "statuses", "tags_any", "tags_all", "city", "sector", "country", "text",
        "created_since", "created_before", "last_contacted_before", "last_contacted_since",
        "has_phone", "has_email", "has_whatsapp", "reachable_on",
    ]  # fmt: skip
    assert FULL.to_dict() == {
        "statuses": ["interested", "negotiation"],
        "tags_any": ["vip", "grossiste"],
        "tags_all": ["fidèle"],
        "city": "Dakar",
        "sector": "Commerce",
        "country": "SN",
        "text": "fatou",
        "created_since": "2024-01-01",
        "created_before": "2024-07-01",
        "last_contacted_before": "2024-06-01",
        "last_contacted_since": "2024-02-01",
        "has_phone": True,
        "has_email": False,
        "has_whatsapp": True,
        "reachable_on": "whatsapp",
    }


@pytest.mark.parametrize("rule", [SegmentRule(), FULL, SegmentRule(reachable_on=Channel.SMS)])
def test_round_trip_through_json(rule: SegmentRule) -> None:
    restored = SegmentRule.from_dict(json.loads(json.dumps(rule.to_dict())))
    assert restored == rule
    assert restored.to_dict() == rule.to_dict()


def test_from_dict_accepts_partial_dicts_and_nulls() -> None:
    rule = SegmentRule.from_dict({"statuses": ["client"], "city": None, "has_phone": True})
    assert rule == SegmentRule(statuses=(PipelineStatus.CLIENT,), has_phone=True)
    assert SegmentRule.from_dict({}) == SegmentRule()


def test_from_dict_names_unknown_keys() -> None:
    with pytest.raises(UserError) as caught:
        SegmentRule.from_dict({"city": "Dakar", "zone": "nord", "age_min": 18})
    message = str(caught.value)
    assert "age_min, zone" in message
    assert "city" in message  # the known keys are listed, so the user can fix a typo


def test_from_dict_refuses_non_objects_and_bad_values() -> None:
    with pytest.raises(UserError, match="JSON object"):
        SegmentRule.from_dict(["city"])  # type: ignore[arg-type]
    with pytest.raises(UserError, match="not a date"):
        SegmentRule.from_dict({"created_before": "2024-13-45"})


def test_describe_in_english() -> None:
    rule = SegmentRule(
        statuses=(PipelineStatus.NEGOTIATION, PipelineStatus.INTERESTED),
        city="Dakar",
        has_whatsapp=True,
    )
    assert rule.describe("en") == "Status: Interested, Negotiation · City: Dakar · has WhatsApp"
    assert FULL.describe("en") == (
        "Status: Interested, Negotiation · Tag: vip or grossiste · Tag: fidèle · City: Dakar"
        " · Sector: Commerce · Country: SN · Search: “fatou” · added since 1 Jan 2024"
        " · added before 1 Jul 2024 · contacted since 1 Feb 2024"
        " · not contacted since 1 Jun 2024 · has phone · no e-mail · has WhatsApp"
        " · reachable on WhatsApp"
    )


def test_describe_in_french() -> None:
    rule = SegmentRule(
        statuses=(PipelineStatus.INTERESTED, PipelineStatus.NEGOTIATION),
        city="Dakar",
        has_whatsapp=True,
    )
    assert rule.describe("fr") == "Statut : Intéressé, Négociation · Ville : Dakar · a WhatsApp"
    other = SegmentRule(
        tags_all=("vip", "fidèle"),
        last_contacted_before=date(2024, 8, 15),
        has_email=False,
        reachable_on=Channel.SMS,
    )
    assert other.describe("fr") == (
        "Étiquettes : vip et fidèle · pas contacté depuis le 15 août 2024 · sans e-mail"
        " · joignable par SMS"
    )
    assert other.describe("fr-SN") == other.describe("fr")


def test_describe_falls_back_to_english() -> None:
    rule = SegmentRule(has_phone=False)
    assert rule.describe("wo") == rule.describe("en") == "no phone"


def test_status_label() -> None:
    assert status_label(PipelineStatus.INACTIVE, "fr") == "Inactif"
    assert status_label(PipelineStatus.CONTACTED) == "Contacted"
