"""Asking the assistant through the real ``openai`` client and a local server that answers
like the Chat Completions API (tests/ai/openai_standin.py): each mode's instructions and
figures, no personal data unless allowed, the question kept when the server fails, the
answer streamed and saved, tokens counted per month and capped."""

from __future__ import annotations

from pathlib import Path

import pytest

from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.domain.errors import UserError
from localpro_desktop.services.assistant import conversations, settings, usage
from localpro_desktop.services.assistant.ask import ask
from localpro_desktop.services.assistant.context import Mode
from localpro_desktop.services.campaigns import CampaignService
from localpro_desktop.services.contacts import ContactService
from localpro_desktop.services.prospects import ProspectService
from localpro_desktop.services.workspace import Workspace
from tests.ai.openai_standin import (
    OpenAiStandIn,
    dropped,
    insufficient_quota,
    invalid_api_key,
    model_not_found,
    reply,
)
from tests.channels.local_kit import file_keyring

KEY = "sk-test-localpro-0123456789abcdef"


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("LOCALPRO_AI_MODEL", raising=False)
    with OpenAiStandIn(key=KEY) as stand_in:
        monkeypatch.setenv("OPENAI_BASE_URL", stand_in.url)
        monkeypatch.setenv("OPENAI_API_KEY", KEY)
        yield stand_in


def seed(ws: Workspace) -> None:
    contacts = ContactService(ws)
    contacts.add(
        {
            "first_name": "Awa",
            "last_name": "Diop",
            "company": "Boutique Awa",
            "city": "Thiès",
            "sector": "tailor",
            "phone": "+221771234567",
            "email": "awa.diop@example.sn",
        }
    )
    prospects = ProspectService(ws)
    for name, city, sector in (
        ("Quincaillerie Ndiaye", "Thiès", "hardware"),
        ("Pharmacie du Marché", "Dakar", "pharmacy"),
        ("Pharmacie Médina", "Dakar", "pharmacy"),
    ):
        prospects.add({"business_name": name, "city": city, "sector": sector})


def system_of(server: OpenAiStandIn) -> str:
    first = server.requests[-1].messages[0]
    assert first["role"] == "system"
    return str(first["content"])


def test_prospect_strategy_streams_an_answer_from_figures_not_people(
    workspace: Workspace, server: OpenAiStandIn
) -> None:
    seed(workspace)
    server.script(reply("Prospectez les pharmacies de Dakar.", usage=(321, 12)))
    workspace.update_settings(language="fr")
    stream = ask(workspace, "Quels secteurs prospecter ?", mode=Mode.PROSPECTS)
    pieces = list(stream)
    assert len(pieces) > 1 and "".join(pieces) == "Prospectez les pharmacies de Dakar."
    request = server.requests[-1]
    assert request.streamed and request.model == "gpt-4o-mini"
    system = system_of(server)
    assert "prospecting strategist" in system and "Answer in French" in system
    assert "Pharmacy | 2" in system or "Pharmacie | 2" in system
    assert "Dakar | 2" in system
    for personal in ("Awa", "Diop", "771234567", "awa.diop@example.sn"):
        assert personal not in str(request.json)
    answer = stream.answer
    assert answer is not None and answer.usage is not None and answer.usage.total == 333
    history = conversations.messages_of(workspace, answer.conversation_id)
    assert [(m.role, m.state) for m in history] == [("user", "done"), ("assistant", "done")]
    used = usage.month_usage(workspace)
    assert (used.prompt, used.completion, used.calls) == (321, 12, 1)


def test_personal_data_goes_only_when_the_box_is_ticked_for_that_conversation(
    workspace: Workspace, server: OpenAiStandIn
) -> None:
    seed(workspace)
    list(ask(workspace, "Qui relancer ?", mode=Mode.GENERAL, personal=True))
    sent = str(server.requests[-1].json)
    assert "Awa Diop" in sent and "+221771234567" in sent and "awa.diop@example.sn" in sent
    conversation = conversations.list_conversations(workspace)[0]
    assert conversation.personal_data
    # the next question of the same conversation, the box unticked: nothing personal
    list(ask(workspace, "Et ensuite ?", conversation_id=conversation.id, personal=False))
    assert "awa.diop@example.sn" not in system_of(server)
    # ... but the earlier exchange is sent again as the conversation's history
    assert [m["role"] for m in server.requests[-1].messages] == [
        "system",
        "user",
        "assistant",
        "user",
    ]


def test_campaign_optimisation_sees_the_campaign_and_past_rates(
    workspace: Workspace, server: OpenAiStandIn
) -> None:
    campaign = CampaignService(workspace).create(
        "Tabaski", Channel.SMS, "Bonjour {{first_name}}, -20% ce week-end !"
    )
    with pytest.raises(UserError, match="--campaign"):
        ask(workspace, "Améliore", mode=Mode.CAMPAIGN)
    list(ask(workspace, "Comment l'améliorer ?", mode=Mode.CAMPAIGN, campaign_id=campaign.id))
    system = system_of(server)
    assert "campaign coach" in system
    assert "channel: sms" in system and "Bonjour {{first_name}}, -20% ce week-end !" in system
    assert "Past response rates by channel: none yet." in system


def test_each_failure_says_what_to_do_and_keeps_the_question(
    workspace: Workspace, server: OpenAiStandIn
) -> None:
    for answer, words in (
        (invalid_api_key(), "refused the API key"),
        (insufficient_quota(), "no credit left"),
        (model_not_found(), "has no model 'gpt-4o-mini'"),
    ):
        server.script(answer)
        stream = ask(workspace, f"Question ({words})")
        with pytest.raises(UserError, match=words) as raised:
            list(stream)
        assert KEY not in str(raised.value)
    asked = len(server.requests)
    assert asked == 3  # insufficient_quota was not retried
    server.script(dropped(), dropped(), dropped())
    stream = ask(workspace, "Et sans connexion ?")
    with pytest.raises(UserError, match="Your message is kept"):
        list(stream)
    kept = [
        m.text
        for c in conversations.list_conversations(workspace)
        for m in conversations.messages_of(workspace, c.id)
        if m.role == "user"
    ]
    assert "Et sans connexion ?" in kept and len(kept) == 4


def test_no_key_and_no_local_server_says_how_to_add_one_without_calling_anyone(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    with file_keyring(tmp_path), OpenAiStandIn() as stand_in:
        with pytest.raises(UserError, match="needs an OpenAI API key") as raised:
            ask(workspace, "Bonjour ?")
        assert "Ollama" in str(raised.value)
        assert stand_in.requests == []
        # A local server of one's own needs no key
        settings.set_base_url(workspace, stand_in.url)
        stream = ask(workspace, "Bonjour ?")
        assert "".join(stream)
        assert stand_in.requests[-1].key == "local"


def test_the_monthly_cap_stops_questions_before_they_are_sent(
    workspace: Workspace, server: OpenAiStandIn
) -> None:
    server.script(reply("Oui.", usage=(900, 100)))
    list(ask(workspace, "Première ?"))
    settings.set_cap(workspace, 1000)
    with pytest.raises(UserError, match="1000 of the 1000 tokens"):
        ask(workspace, "Deuxième ?")
    assert len(server.requests) == 1
    with pytest.raises(UserError, match="whole number"):
        settings.set_cap(workspace, 0)


def test_the_environment_wins_over_the_settings(
    workspace: Workspace, server: OpenAiStandIn, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.set_model(workspace, "llama3.2")
    assert settings.view(workspace).model == "llama3.2"
    monkeypatch.setenv("LOCALPRO_AI_MODEL", "gpt-4.1-mini")
    view = settings.view(workspace)
    assert view.model == "gpt-4.1-mini" and view.model_from_env and view.key_from_env
    list(ask(workspace, "Modèle ?"))
    assert server.requests[-1].model == "gpt-4.1-mini"


def test_stop_keeps_what_came_and_marks_it_stopped(
    workspace: Workspace, server: OpenAiStandIn
) -> None:
    server.script(reply("Un deux trois quatre cinq six sept huit neuf dix"))
    stream = ask(workspace, "Compte ?")
    got = []
    for piece in stream:
        got.append(piece)
        if len(got) == 2:
            stream.stop()
    assert stream.answer is not None and stream.answer.state == "stopped"
    saved = conversations.messages_of(workspace, stream.answer.conversation_id)[-1]
    assert saved.state == "stopped" and saved.text == "".join(got)


def test_asking_again_after_a_failure_does_not_repeat_the_question(
    workspace: Workspace, server: OpenAiStandIn
) -> None:
    server.script(invalid_api_key(), reply("Voilà."))
    stream = ask(workspace, "Combien ?")
    with pytest.raises(UserError):
        list(stream)
    again = ask(workspace, "Combien ?", conversation_id=stream.conversation_id)
    assert "".join(again) == "Voilà."
    said = conversations.messages_of(workspace, stream.conversation_id)
    assert [(m.role, m.text) for m in said] == [("user", "Combien ?"), ("assistant", "Voilà.")]
    assert [m["role"] for m in server.requests[-1].messages] == ["system", "user"]
