"""Ask in words, through the real ``openai`` client and the local Chat Completions
stand-in (tests/ai/openai_standin.py; structured outputs as documented at
https://platform.openai.com/docs/guides/structured-outputs).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import fields
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from localpro_desktop.ai.words import PROSPECT_FILTER_FIELDS
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.messages import ai_tools as msg
from localpro_desktop.domain.messages import assistant as assistant_msg
from localpro_desktop.domain.segment_rules import SegmentRule
from localpro_desktop.services.assistant import usage, words
from localpro_desktop.services.contacts import ContactService
from localpro_desktop.services.prospect_search import ProspectFilter
from localpro_desktop.services.prospects import ProspectService
from localpro_desktop.services.workspace import Workspace
from tests.ai.openai_standin import OpenAiStandIn, json_reply, model_not_found, reply
from tests.channels import local_kit

KEY = "sk-test-words-0123456789"


@pytest.fixture
def server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[OpenAiStandIn]:
    with local_kit.file_keyring(tmp_path), OpenAiStandIn(key=KEY) as stand_in:
        monkeypatch.setenv("OPENAI_API_KEY", KEY)
        monkeypatch.setenv("OPENAI_BASE_URL", stand_in.url)
        monkeypatch.delenv("LOCALPRO_AI_MODEL", raising=False)
        yield stand_in


def rule_answer(**values: Any) -> dict[str, Any]:
    data: dict[str, Any] = dict.fromkeys(SegmentRule().to_dict())
    data.update(statuses=[], tags_any=[], tags_all=[])
    data.update(values)
    return data


def test_filter_fields_are_the_stores() -> None:
    assert list(PROSPECT_FILTER_FIELDS) == [f.name for f in fields(ProspectFilter)]


def test_segment_from_words(workspace: Workspace, server: OpenAiStandIn) -> None:
    contacts = ContactService(workspace)
    contacts.add({"first_name": "Awa", "city": "Dakar", "sector": "restaurant", "tags": ["vip"]})
    contacts.add({"first_name": "Moussa", "city": "Thiès", "phone": "771234567"})
    today = words.workspace_today(workspace)
    month_ago = (today - timedelta(days=30)).isoformat()
    server.script(
        json_reply(
            rule_answer(sector="restaurant", city="Dakar", last_contacted_before=month_ago),
            usage=(300, 40),
        )
    )
    result = words.segment_rule_from_words(
        workspace, "restaurants à Dakar pas contactés depuis un mois"
    )
    assert result.rule == SegmentRule(
        sector="restaurant", city="Dakar", last_contacted_before=today - timedelta(days=30)
    )
    assert result.description == result.rule.describe(workspace.settings().language)
    assert (result.usage.prompt, result.usage.completion) == (300, 40)
    assert usage.month_usage(workspace).calls == 1

    (request,) = server.requests
    system = request.messages[0]["content"]
    assert f"Today is {today.isoformat()}" in system
    assert "Dakar" in system and "Thiès" in system and "vip" in system
    assert "Awa" not in system and "Moussa" not in system and "771234567" not in system
    schema = request.json["response_format"]["json_schema"]["schema"]
    assert list(schema["properties"]) == list(SegmentRule().to_dict())


def test_invalid_rule_is_refused_whole(workspace: Workspace, server: OpenAiStandIn) -> None:
    server.script(json_reply({**rule_answer(city="Dakar"), "revenue_over": 1000}))
    with pytest.raises(UserError) as caught:
        words.segment_rule_from_words(workspace, "les gros clients de Dakar")
    assert caught.value.message.id is msg.WORDS_REFUSED  # type: ignore[attr-defined]
    assert "revenue_over" in str(caught.value)
    # the tokens were spent all the same
    assert usage.month_usage(workspace).calls == 1


def test_not_json_is_refused(workspace: Workspace, server: OpenAiStandIn) -> None:
    server.script(reply("city = Dakar"))
    with pytest.raises(UserError) as caught:
        words.segment_rule_from_words(workspace, "Dakar")
    assert caught.value.message.id is msg.WORDS_REFUSED  # type: ignore[attr-defined]


def test_empty_words_call_nothing(workspace: Workspace, server: OpenAiStandIn) -> None:
    with pytest.raises(UserError) as caught:
        words.segment_rule_from_words(workspace, "   ")
    assert caught.value.message.id is msg.WORDS_EMPTY  # type: ignore[attr-defined]
    assert server.requests == []


def test_server_errors_in_the_users_words(workspace: Workspace, server: OpenAiStandIn) -> None:
    server.script(model_not_found())
    with pytest.raises(UserError) as caught:
        words.segment_rule_from_words(workspace, "clients à Dakar")
    assert caught.value.message.id is assistant_msg.MODEL_MISSING  # type: ignore[attr-defined]


def test_prospect_filter_from_words(workspace: Workspace, server: OpenAiStandIn) -> None:
    ProspectService(workspace).add(
        {"business_name": "Chez Fatou", "sector": "restaurant", "city": "Dakar"}
    )
    answer = dict.fromkeys(PROSPECT_FILTER_FIELDS)
    answer.update(sector="restaurant", city="Dakar", converted=False)
    server.script(json_reply(answer))
    result = words.prospect_filter_from_words(workspace, "restaurants à Dakar pas encore clients")
    assert result.filter == ProspectFilter(sector="restaurant", city="Dakar", converted=False)
    assert "City: Dakar" in result.description and "not yet a contact" in result.description
    system = server.requests[0].messages[0]["content"]
    assert "Dakar" in system and "Chez Fatou" not in system
    schema = server.requests[0].json["response_format"]["json_schema"]["schema"]
    assert "manual" in json.dumps(schema["properties"]["source"])


def test_prospect_filter_refused_whole(workspace: Workspace, server: OpenAiStandIn) -> None:
    answer: dict[str, Any] = dict.fromkeys(PROSPECT_FILTER_FIELDS)
    answer.update(city="Dakar", has_phone="oui")
    server.script(json_reply(answer))
    with pytest.raises(UserError) as caught:
        words.prospect_filter_from_words(workspace, "à Dakar avec un téléphone")
    assert caught.value.message.id is msg.WORDS_REFUSED  # type: ignore[attr-defined]
