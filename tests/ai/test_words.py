"""Ask in words: the schema matches the segment rule exactly, and bad answers are refused whole.

Pure checks, no network: the model's answers are written here as the JSON it would send.
"""

import json
from dataclasses import fields
from datetime import date
from typing import Any

import pytest

from localpro_desktop.ai.words import (
    PROSPECT_FILTER_FIELDS,
    WordsContext,
    check_words,
    describe_filter,
    filter_instructions,
    filter_schema,
    parse_prospect_filter,
    parse_segment_rule,
    segment_instructions,
    segment_schema,
)
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.messages import MessageId
from localpro_desktop.domain.messages import ai_tools as msg
from localpro_desktop.domain.messages import segments as segment_msg
from localpro_desktop.domain.pipeline import PipelineStatus
from localpro_desktop.domain.segment_rules import SegmentRule

TODAY = date(2026, 12, 7)
CTX = WordsContext(
    TODAY, cities=("Dakar", "Thiès"), sectors=("restaurant", "kiosque"), tags=("vip",)
)


def rule_json(**values: Any) -> str:
    """A full answer as strict structured output sends it: every key, unused ones null."""
    data: dict[str, Any] = dict.fromkeys(SegmentRule().to_dict())
    data.update(statuses=[], tags_any=[], tags_all=[])
    data.update(values)
    return json.dumps(data)


def refusal(raw: str, ctx: WordsContext = CTX) -> object:
    with pytest.raises(UserError) as caught:
        parse_segment_rule(raw, ctx, "words")
    return caught.value.message


def reason_id(message: object) -> MessageId:
    assert getattr(message, "id", None) is msg.WORDS_REFUSED
    return message.args["reason"].id  # type: ignore[attr-defined, no-any-return]


def test_schema_has_exactly_the_rules_keys_all_required() -> None:
    schema = segment_schema(CTX)
    names = [f.name for f in fields(SegmentRule)]
    assert list(schema["properties"]) == names == list(SegmentRule().to_dict())
    assert schema["required"] == names
    assert schema["additionalProperties"] is False
    statuses = schema["properties"]["statuses"]["items"]["enum"]
    assert statuses == [s.value for s in PipelineStatus]
    sector = schema["properties"]["sector"]["enum"]
    assert sector[0] == "restaurant" and "kiosque" in sector and sector[-1] is None
    assert schema["properties"]["reachable_on"]["enum"] == ["whatsapp", "email", "sms", None]
    assert schema["properties"]["has_phone"]["type"] == ["boolean", "null"]


def test_a_full_answer_becomes_the_rule() -> None:
    raw = rule_json(sector="restaurant", city="Dakar", last_contacted_before="2026-11-07")
    rule = parse_segment_rule(raw, CTX, "restaurants à Dakar pas contactés depuis un mois")
    assert rule == SegmentRule(
        sector="restaurant", city="Dakar", last_contacted_before=date(2026, 11, 7)
    )
    assert (
        rule.describe("fr")
        == "Ville : Dakar · Secteur : Restaurant · pas contacté depuis le 7 nov. 2026"
    )


def test_statuses_and_tags_are_read() -> None:
    rule = parse_segment_rule(rule_json(statuses=["client", "new"], tags_any=["VIP"]), CTX)
    assert rule.statuses == (PipelineStatus.NEW, PipelineStatus.CLIENT)
    assert rule.tags_any == ("vip",)


def test_not_json_is_refused() -> None:
    assert reason_id(refusal("sector: restaurant")) is msg.OUTPUT_NOT_JSON
    assert reason_id(refusal("[]")) is msg.OUTPUT_NOT_OBJECT


def test_unknown_keys_are_refused_not_dropped() -> None:
    raw = json.dumps({"sector": "restaurant", "min_revenue": 100})
    assert reason_id(refusal(raw)) is segment_msg.RULE_UNKNOWN_KEYS


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"has_phone": "yes"}, segment_msg.RULE_FLAG),
        ({"city": 12}, segment_msg.RULE_NOT_TEXT),
        ({"statuses": "client"}, segment_msg.RULE_NOT_LIST),
        ({"country": "Senegal"}, segment_msg.RULE_COUNTRY),
        ({"created_since": "last month"}, segment_msg.RULE_DATE),
        (
            {"created_since": "2026-11-01", "created_before": "2026-10-01"},
            segment_msg.RULE_DATE_ORDER,
        ),
        ({"reachable_on": "whatsapp", "has_whatsapp": False}, segment_msg.RULE_REACHABLE_CONFLICT),
        ({"sector": "restaurants"}, msg.WORDS_UNKNOWN_SECTOR),
        ({"created_since": "2027-01-01"}, msg.WORDS_FUTURE_DATE),
        ({"last_contacted_before": "1900-01-01"}, msg.WORDS_OLD_DATE),
    ],
)
def test_wrong_types_and_impossible_values_are_refused(
    values: dict[str, Any], expected: MessageId
) -> None:
    assert reason_id(refusal(rule_json(**values))) is expected


def test_statuses_must_be_known() -> None:
    with pytest.raises(UserError):
        parse_segment_rule(rule_json(statuses=["vip"]), CTX)


def test_a_rule_asking_nothing_is_refused() -> None:
    message = refusal(rule_json())
    assert getattr(message, "id", None) is msg.WORDS_NOTHING


def test_words_are_checked_before_asking() -> None:
    assert check_words("  restaurants   à Dakar ") == "restaurants à Dakar"
    with pytest.raises(UserError):
        check_words("   ")
    with pytest.raises(UserError):
        check_words("x" * 400)


def test_instructions_give_today_the_dates_and_the_workspaces_names() -> None:
    system, user = segment_instructions("restaurants à Dakar pas contactés depuis un mois", CTX)
    text = system["content"]
    assert "Today is 2026-12-07 (Monday)" in text
    assert "a month ago (30 days): 2026-11-07" in text
    assert "last_contacted_before" in text
    assert "Dakar, Thiès" in text and "vip" in text
    assert "restaurant = Restaurant / Restaurant" in text and "kiosque" in text
    assert user == {"role": "user", "content": "restaurants à Dakar pas contactés depuis un mois"}


def filter_json(**values: Any) -> str:
    data: dict[str, Any] = dict.fromkeys(PROSPECT_FILTER_FIELDS)
    data.update(values)
    return json.dumps(data)


def test_filter_schema_and_parsing() -> None:
    ctx = WordsContext(TODAY, sources=("osm", "import"))
    schema = filter_schema(ctx)
    assert list(schema["properties"]) == list(PROSPECT_FILTER_FIELDS)
    assert schema["properties"]["source"]["enum"] == ["import", "osm", None]
    values = parse_prospect_filter(
        filter_json(sector="hotel", city=" Saint  Louis ", country="sn", converted=False), ctx
    )
    assert values == {
        "sector": "hotel",
        "city": "Saint Louis",
        "text": None,
        "source": None,
        "country": "SN",
        "converted": False,
        "has_phone": None,
        "has_coordinates": None,
    }
    assert (
        describe_filter(values, "fr")
        == "Sector: Hôtel · City: Saint Louis · Country: SN · not yet a contact"
    )
    assert "Sources of prospects here: osm, import" in filter_instructions("x", ctx)[0]["content"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("nope", msg.OUTPUT_NOT_JSON),
        (json.dumps({"sector": "hotel", "radius": 3}), msg.OUTPUT_UNKNOWN_KEYS),
        (filter_json(converted="no"), msg.OUTPUT_WRONG_TYPE),
        (filter_json(city=["Dakar"]), msg.OUTPUT_WRONG_TYPE),
        (filter_json(sector="bars"), msg.WORDS_UNKNOWN_SECTOR),
        (filter_json(country="Sénégal"), msg.WORDS_BAD_COUNTRY),
        (filter_json(source="facebook"), msg.WORDS_UNKNOWN_SOURCE),
    ],
)
def test_bad_filters_are_refused(raw: str, expected: MessageId) -> None:
    with pytest.raises(UserError) as caught:
        parse_prospect_filter(raw, WordsContext(TODAY, sources=("osm",)))
    assert reason_id(caught.value.message) is expected


def test_an_empty_filter_is_refused() -> None:
    with pytest.raises(UserError) as caught:
        parse_prospect_filter(filter_json(city="  "), CTX, "tout")
    assert getattr(caught.value.message, "id", None) is msg.WORDS_NOTHING
    assert describe_filter(dict.fromkeys(PROSPECT_FILTER_FIELDS)) == "All prospects"
