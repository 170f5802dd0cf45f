"""A conversation with the assistant on one laptop is on the other after sync, and the
month's token use is the sum of both laptops' calls."""

from __future__ import annotations

import pytest
from synckit import Fleet, assert_converged

from localpro_desktop.services.assistant import conversations, usage
from localpro_desktop.services.assistant.ask import ask
from tests.ai.openai_standin import OpenAiStandIn, reply


def test_conversations_and_token_use_sync_between_laptops(
    fleet: Fleet, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = fleet.device("a"), fleet.device("b")
    with OpenAiStandIn() as server:
        monkeypatch.setenv("OPENAI_API_KEY", "sk-sync-test")
        monkeypatch.setenv("OPENAI_BASE_URL", server.url)
        server.script(reply("Les pharmacies.", usage=(100, 10)), reply("Oui.", usage=(50, 5)))
        list(ask(a.ws, "Que prospecter à Dakar ?"))
        list(ask(b.ws, "Et à Thiès ?"))
    fleet.sync_all(rounds=2)
    assert_converged(fleet)
    on_b = conversations.list_conversations(b.ws)
    assert {c.title for c in on_b} == {"Que prospecter à Dakar ?", "Et à Thiès ?"}
    dakar = next(c for c in on_b if c.title.startswith("Que"))
    assert [m.text for m in conversations.messages_of(b.ws, dakar.id)] == [
        "Que prospecter à Dakar ?",
        "Les pharmacies.",
    ]
    for device in (a, b):
        used = usage.month_usage(device.ws)
        assert (used.prompt, used.completion, used.calls) == (150, 15, 2)
