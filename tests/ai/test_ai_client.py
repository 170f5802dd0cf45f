"""The AI client through the real ``openai`` package against a local Chat Completions server.

Shapes are OpenAI's documented ones (see tests/ai/openai_standin.py for the URLs:
https://platform.openai.com/docs/api-reference/chat/create,
https://platform.openai.com/docs/guides/structured-outputs,
https://platform.openai.com/docs/guides/error-codes). Retries are the openai client's own
(``max_retries``, ``retry-after``/``retry-after-ms``); waits are kept short with small
Retry-After values, as the client honours them.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest

from localpro_desktop.ai import AiClient, AiConfig, AiError, Completion, TokenUse
from tests.ai.openai_standin import (
    Answer,
    OpenAiStandIn,
    dropped,
    dropped_mid_stream,
    insufficient_quota,
    invalid_api_key,
    json_reply,
    model_not_found,
    overloaded,
    rate_limited,
    reply,
    server_error,
    slow,
)

KEY = "sk-test-5f0c1a2b3c4d5e6f7a8b9c0d"
HELLO = [
    {"role": "system", "content": "You help a shop in Dakar."},
    {"role": "user", "content": "Bonjour, une idée d'offre ?"},
]


@pytest.fixture
def server() -> Iterator[OpenAiStandIn]:
    with OpenAiStandIn(key=KEY) as stand_in:
        yield stand_in


def client_for(server: OpenAiStandIn, **changes: Any) -> AiClient:
    return AiClient(replace(AiConfig(api_key=KEY, base_url=server.url), **changes))


# --- answers ---------------------------------------------------------------------------


def test_stream_yields_text_then_usage(server: OpenAiStandIn) -> None:
    server.script(reply("Offrez un thé gratuit aux dix premiers clients.", usage=(31, 9)))
    with client_for(server, model="gpt-4o-mini") as client:
        parts = list(client.stream(HELLO, temperature=0.4))

    *texts, usage = parts
    assert len(texts) > 1, "the answer arrives in pieces"
    assert "".join(str(t) for t in texts) == "Offrez un thé gratuit aux dix premiers clients."
    assert usage == TokenUse(prompt=31, completion=9)
    assert usage.total == 40
    sent = server.requests[0]
    assert sent.path == "/v1/chat/completions"
    assert sent.headers["authorization"] == f"Bearer {KEY}"
    assert sent.json["model"] == "gpt-4o-mini"
    assert sent.json["messages"] == HELLO
    assert sent.json["stream"] is True
    assert sent.json["stream_options"] == {"include_usage": True}
    assert sent.json["temperature"] == 0.4
    assert server.stream_ends.get(timeout=5).complete


def test_complete_returns_text_usage_and_model(server: OpenAiStandIn) -> None:
    server.script(
        reply("Essayez la livraison gratuite.", usage=(20, 5), model="gpt-4o-mini-2024-07-18")
    )
    with client_for(server) as client:
        answer = client.complete(HELLO)

    assert answer == Completion(
        texts=["Essayez la livraison gratuite."],
        usage=TokenUse(20, 5),
        model="gpt-4o-mini-2024-07-18",
    )
    body = server.requests[0].json
    assert "stream" not in body and "response_format" not in body and "n" not in body
    assert "temperature" not in body


def test_structured_output_sends_the_schema_and_returns_json(server: OpenAiStandIn) -> None:
    schema = {
        "type": "object",
        "properties": {"sector": {"type": "string"}, "city": {"type": "string"}},
        "required": ["sector", "city"],
        "additionalProperties": False,
    }
    server.script(json_reply({"sector": "restaurant", "city": "Dakar"}))
    with client_for(server) as client:
        answer = client.complete(HELLO, json_schema=schema, schema_name="segment_rule")

    assert answer.texts == ['{"sector": "restaurant", "city": "Dakar"}']
    assert server.requests[0].json["response_format"] == {
        "type": "json_schema",
        "json_schema": {"name": "segment_rule", "schema": schema, "strict": True},
    }


@pytest.mark.parametrize(
    ("answer", "detail"),
    [
        (reply("restaurants à Dakar"), "not JSON"),
        (json_reply(["restaurant"]), "not a JSON object"),
        (json_reply({"sector": "restaurant"}), "missing properties: city"),
        (Answer(refusal="I can't help with that."), "refused"),
    ],
)
def test_structured_output_that_is_not_the_json_asked_for(
    server: OpenAiStandIn, answer: Answer, detail: str
) -> None:
    schema = {"type": "object", "required": ["sector", "city"]}
    server.script(answer)
    with client_for(server) as client, pytest.raises(AiError) as caught:
        client.complete(HELLO, json_schema=schema)
    assert caught.value.kind == "bad_output"
    assert detail in caught.value.detail


def test_n_variants(server: OpenAiStandIn) -> None:
    server.script(reply("Version A", "Version B", "Version C", usage=(50, 12)))
    with client_for(server) as client:
        answer = client.complete(HELLO, n=3)
    assert answer.texts == ["Version A", "Version B", "Version C"]
    assert answer.usage == TokenUse(50, 12)
    assert server.requests[0].json["n"] == 3


# --- stopping a stream ---------------------------------------------------------------


def long_answer() -> Answer:
    return Answer(texts=[" ".join(f"mot{i}" for i in range(200))], chunk_delay=0.01)


def test_closing_the_generator_drops_the_connection(server: OpenAiStandIn) -> None:
    server.script(long_answer())
    with client_for(server) as client:
        parts = client.stream(HELLO)
        assert next(parts) == "mot0 "
        assert next(parts) == "mot1 "
        parts.close()  # the user pressed "stop"
        end = server.stream_ends.get(timeout=5)
    assert not end.complete
    assert end.sent < end.total // 2


def test_closing_the_client_from_another_thread_stops_the_stream(
    server: OpenAiStandIn,
) -> None:
    server.script(long_answer())
    client = client_for(server)
    received: list[str | TokenUse] = []
    started = threading.Event()

    def read() -> None:
        for part in client.stream(HELLO):
            received.append(part)
            started.set()

    reader = threading.Thread(target=read)
    reader.start()
    assert started.wait(5)
    client.close()
    reader.join(5)
    assert not reader.is_alive()
    end = server.stream_ends.get(timeout=5)
    assert not end.complete
    assert received and not any(isinstance(part, TokenUse) for part in received)
    with pytest.raises(RuntimeError):
        client.complete(HELLO)


# --- errors ----------------------------------------------------------------------------


def test_no_key_and_no_server_fails_before_any_request(server: OpenAiStandIn) -> None:
    with pytest.raises(AiError) as caught:
        AiClient(AiConfig(api_key=None, base_url=None))
    assert caught.value.kind == "no_key"
    assert server.requests == []


def test_the_environment_does_not_choose_the_server(
    server: OpenAiStandIn, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The openai client reads OPENAI_API_KEY/OPENAI_BASE_URL when given None; we never do."""
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    monkeypatch.setenv("OPENAI_BASE_URL", server.url)
    with pytest.raises(AiError) as caught:
        AiClient(AiConfig(api_key=None, base_url=None))
    assert caught.value.kind == "no_key"
    monkeypatch.setenv("OPENAI_API_KEY", "sk-from-the-environment")
    with client_for(server) as client:
        client.complete(HELLO)
    assert server.requests[0].key == KEY


def test_local_server_needs_no_key() -> None:
    with OpenAiStandIn(answers=[reply("Salut")]) as local:
        with AiClient(AiConfig(api_key=None, base_url=local.url, model="llama3.2")) as client:
            answer = client.complete(HELLO)
        assert answer.texts == ["Salut"]
        assert local.requests[0].headers["authorization"] == "Bearer local"
        assert local.requests[0].model == "llama3.2"


def test_wrong_key_is_rejected_and_never_shown(server: OpenAiStandIn) -> None:
    wrong = "sk-wrong-9a8b7c6d5e4f3a2b1c0d"
    with client_for(server, api_key=wrong) as client, pytest.raises(AiError) as caught:
        client.complete(HELLO)
    error = caught.value
    assert (error.kind, error.status) == ("key_rejected", 401)
    assert "Incorrect API key provided" in error.detail
    assert len(server.requests) == 1
    for text in (str(error), repr(error), error.detail):
        assert wrong not in text and wrong[-4:] not in text


def test_a_key_echoed_whole_by_a_server_is_scrubbed(server: OpenAiStandIn) -> None:
    echo = invalid_api_key()
    assert echo.error is not None
    echo.error["message"] = "Bad key {key} for this server"
    server.script(echo)
    with client_for(server) as client, pytest.raises(AiError) as caught:
        client.complete(HELLO)
    assert caught.value.kind == "key_rejected"
    assert KEY not in str(caught.value) and KEY not in repr(caught.value)
    assert KEY not in repr(client.config)


def test_missing_model(server: OpenAiStandIn) -> None:
    server.script(model_not_found())
    with client_for(server, model="gpt-9") as client, pytest.raises(AiError) as caught:
        list(client.stream(HELLO))
    assert (caught.value.kind, caught.value.status) == ("model_missing", 404)
    assert caught.value.model == "gpt-9"
    assert "gpt-9" in caught.value.detail
    assert len(server.requests) == 1


def test_no_credit_is_not_retried(server: OpenAiStandIn) -> None:
    server.script(insufficient_quota(), reply("never reached"))
    started = time.monotonic()
    with client_for(server, max_retries=3) as client, pytest.raises(AiError) as caught:
        client.complete(HELLO)
    assert (caught.value.kind, caught.value.status) == ("no_credit", 429)
    assert len(server.requests) == 1, "insufficient_quota is not a rate limit"
    assert time.monotonic() - started < 1


def test_no_credit_in_a_stream_is_not_retried(server: OpenAiStandIn) -> None:
    server.script(insufficient_quota())
    with client_for(server, max_retries=3) as client, pytest.raises(AiError) as caught:
        list(client.stream(HELLO))
    assert caught.value.kind == "no_credit"
    assert len(server.requests) == 1


def test_rate_limit_is_retried_by_the_client_then_succeeds(server: OpenAiStandIn) -> None:
    server.script(rate_limited("0.01"), rate_limited("0.01"), reply("Enfin"))
    with client_for(server, max_retries=2) as client:
        assert client.complete(HELLO).texts == ["Enfin"]
    assert len(server.requests) == 3
    assert [r.headers.get("x-stainless-retry-count") for r in server.requests] == ["0", "1", "2"]


def test_rate_limit_that_lasts(server: OpenAiStandIn) -> None:
    server.script(*[rate_limited("0.01")] * 3)
    with client_for(server, max_retries=2) as client, pytest.raises(AiError) as caught:
        list(client.stream(HELLO))
    assert (caught.value.kind, caught.value.status) == ("rate_limited", 429)
    assert len(server.requests) == 3


def test_server_error_is_retried_then_reported(server: OpenAiStandIn) -> None:
    server.script(server_error(), overloaded(), server_error())
    with client_for(server, max_retries=2) as client, pytest.raises(AiError) as caught:
        client.complete(HELLO)
    assert (caught.value.kind, caught.value.status) == ("server", 500)
    assert len(server.requests) == 3


def test_server_error_once_then_success(server: OpenAiStandIn) -> None:
    server.script(overloaded(), reply("Ça marche"))
    with client_for(server, max_retries=2) as client:
        parts = list(client.stream(HELLO))
    assert "".join(p for p in parts if isinstance(p, str)) == "Ça marche"
    assert len(server.requests) == 2


def test_dropped_connection_is_retried_then_unreachable(server: OpenAiStandIn) -> None:
    server.script(dropped(), dropped())
    with client_for(server, max_retries=1) as client, pytest.raises(AiError) as caught:
        client.complete(HELLO)
    assert caught.value.kind == "unreachable"
    assert caught.value.status is None
    assert len(server.requests) == 2


def test_connection_dropped_mid_stream(server: OpenAiStandIn) -> None:
    server.script(dropped_mid_stream("Voici trois idées pour vos clients", after=2))
    received: list[str | TokenUse] = []
    with client_for(server) as client, pytest.raises(AiError) as caught:
        for part in client.stream(HELLO):
            received.append(part)
    assert caught.value.kind == "unreachable"
    assert received == ["Voici ", "trois "], "what arrived before the cut is kept"
    assert len(server.requests) == 1


def test_timeout(server: OpenAiStandIn) -> None:
    server.script(slow(1.0), slow(1.0))
    started = time.monotonic()
    with client_for(server, timeout=0.2, max_retries=1) as client, pytest.raises(AiError) as caught:
        client.complete(HELLO)
    assert caught.value.kind == "unreachable"
    assert "timed out" in caught.value.detail
    assert len(server.requests) == 2
    assert time.monotonic() - started < 3


def test_nothing_listening() -> None:
    with OpenAiStandIn() as gone:
        url = gone.url
    client = AiClient(AiConfig(api_key=KEY, base_url=url, max_retries=0, timeout=2))
    with client, pytest.raises(AiError) as caught:
        client.complete(HELLO)
    assert caught.value.kind == "unreachable"


def test_bad_request(server: OpenAiStandIn) -> None:
    from tests.ai.openai_standin import error

    server.script(
        error(
            400,
            "Invalid value for 'temperature': must be at most 2.",
            type="invalid_request_error",
            param="temperature",
            code="invalid_value",
        )
    )
    with client_for(server) as client, pytest.raises(AiError) as caught:
        client.complete(HELLO, temperature=3.0)
    assert (caught.value.kind, caught.value.status) == ("bad_request", 400)
    assert len(server.requests) == 1


def test_a_base_url_without_the_api_is_a_server_error(server: OpenAiStandIn) -> None:
    no_api = server.url.removesuffix("/v1")
    with client_for(server, base_url=no_api) as client, pytest.raises(AiError) as caught:
        client.complete(HELLO)
    assert (caught.value.kind, caught.value.status) == ("server", 404)


def test_unknown_error_kind_is_a_bug() -> None:
    with pytest.raises(ValueError):
        AiError("oops")
