"""Improve with AI, through the real ``openai`` client and the local Chat Completions
stand-in (tests/ai/openai_standin.py: the documented request, answer and error shapes,
https://platform.openai.com/docs/api-reference/chat/create and
https://platform.openai.com/docs/guides/structured-outputs).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.messages import ai_tools as msg
from localpro_desktop.domain.messages import assistant as assistant_msg
from localpro_desktop.services.assistant import improve, usage
from localpro_desktop.services.assistant import settings as ai_settings
from localpro_desktop.services.campaign_content import MessageOptions
from localpro_desktop.services.campaigns import CampaignService
from localpro_desktop.services.workspace import Workspace
from tests.ai.openai_standin import (
    OpenAiStandIn,
    insufficient_quota,
    invalid_api_key,
    json_reply,
    reply,
)
from tests.channels import local_kit

KEY = "sk-test-improve-0123456789"
SMS_TEXT = 'Bonjour {{first_name}}, -20% cette semaine à {{ city | default("chez vous") }} !'


@pytest.fixture
def server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[OpenAiStandIn]:
    with local_kit.file_keyring(tmp_path), OpenAiStandIn(key=KEY) as stand_in:
        monkeypatch.setenv("OPENAI_API_KEY", KEY)
        monkeypatch.setenv("OPENAI_BASE_URL", stand_in.url)
        monkeypatch.delenv("LOCALPRO_AI_MODEL", raising=False)
        yield stand_in


def versions(*texts: str, subject: str | None = None) -> dict[str, Any]:
    items: list[dict[str, Any]] = []
    for text in texts:
        item: dict[str, Any] = {"text": text, "why": "plus court"}
        if subject is not None:
            item["subject"] = subject
        items.append(item)
    return {"variants": items}


def sms_campaign(ws: Workspace, body: str = SMS_TEXT) -> str:
    return CampaignService(ws).create("Promo", Channel.SMS, body).id


GOOD = '{{first_name}} : -20% à {{ city | default("chez vous") }} cette semaine !'


def test_versions_are_checked_and_usage_recorded(
    workspace: Workspace, server: OpenAiStandIn
) -> None:
    campaign_id = sms_campaign(workspace)
    server.script(
        json_reply(
            versions(GOOD, "Bonjour {{prenom}} !", "Salut {{first_name}} 🎉 à {{city}}"),
            usage=(120, 80),
        )
    )
    result = improve.improve_campaign(workspace, campaign_id, variants=3)
    assert [v.text for v in result.variants] == [GOOD]
    assert result.variants[0].parts == 1 and result.variants[0].gsm7
    assert result.original_text == SMS_TEXT and result.channel is Channel.SMS
    assert [r.text for r in result.rejected] == [
        "Bonjour {{prenom}} !",
        "Salut {{first_name}} 🎉 à {{city}}",
    ]
    assert msg.VARIANT_DROPS.template.split("{")[0] in result.rejected[0].reason
    assert (result.usage.prompt, result.usage.completion) == (120, 80)
    used = usage.month_usage(workspace)
    assert (used.prompt, used.completion, used.calls) == (120, 80, 1)

    (request,) = server.requests
    body = request.json
    assert body["response_format"]["type"] == "json_schema"
    assert body["response_format"]["json_schema"]["strict"] is True
    schema = body["response_format"]["json_schema"]["schema"]
    assert schema["properties"]["variants"]["maxItems"] == 3
    system = request.messages[0]["content"]
    assert '{{ city | default("chez vous") }}' in system and "GSM-7" in system
    assert SMS_TEXT in request.messages[1]["content"]


def test_all_refused_asks_once_more_telling_why(
    workspace: Workspace, server: OpenAiStandIn
) -> None:
    campaign_id = sms_campaign(workspace)
    server.script(
        json_reply(versions("Bonjour {{prenom}} !"), usage=(10, 5)),
        json_reply(versions(GOOD), usage=(20, 6)),
    )
    result = improve.improve_campaign(workspace, campaign_id, variants=1)
    assert [v.text for v in result.variants] == [GOOD]
    assert len(result.rejected) == 1
    assert (result.usage.prompt, result.usage.completion) == (30, 11)
    retry = server.requests[1].messages
    assert retry[-2]["role"] == "assistant"
    assert "{{prenom}}" in retry[-1]["content"] and retry[-1]["role"] == "user"
    assert usage.month_usage(workspace).calls == 2


def test_after_one_retry_the_refusals_are_reported(
    workspace: Workspace, server: OpenAiStandIn
) -> None:
    campaign_id = sms_campaign(workspace)
    server.script(
        json_reply(versions("Bonjour {{prenom}} !")),
        json_reply(versions("x" * 200 + SMS_TEXT)),
        json_reply(versions(GOOD)),  # never asked for
    )
    result = improve.improve_campaign(workspace, campaign_id, variants=1)
    assert result.variants == []
    first, second = result.rejected
    assert "{{first_name}}" in first.reason and "{{prenom}}" in first.reason
    assert second.reason.id is msg.VARIANT_SMS_PARTS
    assert len(server.requests) == 2


def test_not_json_twice_is_refused(workspace: Workspace, server: OpenAiStandIn) -> None:
    campaign_id = sms_campaign(workspace)
    server.script(reply("Voici trois versions : ..."), reply("désolé"))
    with pytest.raises(UserError) as caught:
        improve.improve_campaign(workspace, campaign_id)
    assert caught.value.message.id is assistant_msg.BAD_OUTPUT  # type: ignore[attr-defined]
    assert len(server.requests) == 2


def test_email_versions_carry_a_subject(workspace: Workspace, server: OpenAiStandIn) -> None:
    campaign_id = (
        CampaignService(workspace)
        .create("Lettre", Channel.EMAIL, "Bonjour {{first_name}},\n\nNotre offre.", subject="Offre")
        .id
    )
    server.script(
        json_reply(versions("Chère {{first_name}},\n\nVoici l'offre.", subject="Pour vous"))
    )
    result = improve.improve_campaign(workspace, campaign_id, variants=1)
    (variant,) = result.variants
    assert variant.subject == "Pour vous" and variant.parts == 0
    assert result.original_subject == "Offre"
    schema = server.requests[0].json["response_format"]["json_schema"]["schema"]
    assert "subject" in schema["properties"]["variants"]["items"]["required"]


def test_whatsapp_template_note(workspace: Workspace, server: OpenAiStandIn) -> None:
    campaign_id = (
        CampaignService(workspace)
        .create(
            "Relance",
            Channel.WHATSAPP,
            "Bonjour {{first_name}}, votre commande est prête.",
            options=MessageOptions("order_ready", "fr", ("1=first_name",)),
        )
        .id
    )
    server.script(json_reply(versions("{{first_name}}, la commande vous attend !")))
    result = improve.improve_campaign(workspace, campaign_id, variants=1)
    assert [n.id for n in result.notes] == [msg.TEMPLATE_FIXED]
    assert len(result.variants) == 1


def test_no_text_no_call(workspace: Workspace, server: OpenAiStandIn) -> None:
    campaign_id = sms_campaign(workspace, body="  ")
    with pytest.raises(UserError) as caught:
        improve.improve_campaign(workspace, campaign_id)
    assert caught.value.message.id is msg.NOTHING_TO_IMPROVE  # type: ignore[attr-defined]
    with pytest.raises(UserError):
        improve.improve_campaign(workspace, campaign_id, variants=9)
    assert server.requests == []


def test_errors_are_the_users_words(workspace: Workspace, server: OpenAiStandIn) -> None:
    campaign_id = sms_campaign(workspace)
    server.script(insufficient_quota())
    with pytest.raises(UserError) as caught:
        improve.improve_campaign(workspace, campaign_id)
    assert caught.value.message.id is assistant_msg.NO_CREDIT  # type: ignore[attr-defined]
    server.script(invalid_api_key())
    with pytest.raises(UserError) as caught:
        improve.improve_campaign(workspace, campaign_id)
    assert caught.value.message.id is assistant_msg.KEY_REJECTED  # type: ignore[attr-defined]
    assert KEY not in str(caught.value)


def test_no_key_calls_nothing(
    workspace: Workspace, server: OpenAiStandIn, monkeypatch: pytest.MonkeyPatch
) -> None:
    campaign_id = sms_campaign(workspace)
    monkeypatch.delenv("OPENAI_API_KEY")
    monkeypatch.delenv("OPENAI_BASE_URL")
    with pytest.raises(UserError) as caught:
        improve.improve_campaign(workspace, campaign_id)
    assert caught.value.message.id is assistant_msg.NO_KEY  # type: ignore[attr-defined]
    assert server.requests == []


def test_the_monthly_cap_stops_before_asking(workspace: Workspace, server: OpenAiStandIn) -> None:
    campaign_id = sms_campaign(workspace)
    ai_settings.set_cap(workspace, 50)
    server.script(json_reply(versions(GOOD), usage=(40, 20)))
    improve.improve_campaign(workspace, campaign_id, variants=1)
    with pytest.raises(UserError) as caught:
        improve.improve_campaign(workspace, campaign_id, variants=1)
    assert caught.value.message.id is assistant_msg.CAP_REACHED  # type: ignore[attr-defined]
    assert len(server.requests) == 1
