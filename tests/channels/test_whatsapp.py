"""The WhatsApp Cloud API adapter against a real local stand-in server (127.0.0.1).

Shapes and codes follow Meta's documentation:
- Error codes and the Graph error body (131026 undeliverable, 131047 re-engagement,
  131049/131050 marketing, 130429/131048/131056 rate limits, 131000, 190):
  https://developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes/
  (Graph error handling: https://developers.facebook.com/docs/graph-api/guides/error-handling)
- Account-wide errors (0, 3, 10, 190, 200-299, 368, 131005, 131031 account locked, 131042
  payment, 133010 not registered): same page; they stop the channel (``scope="channel"``).
- Named template parameters (``parameter_name``) vs positional ones: "Parameter formats" in
  https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/overview
- Send answer ``{"messaging_product", "contacts": [{"input", "wa_id"}], "messages": [{"id"}]}``
  and template message body (name, language.code, body parameters of type text):
  https://whatsapp.github.io/WhatsApp-Nodejs-SDK/api-reference/messages/template
  (``biz_opaque_callback_data``: a string Cloud API echoes on status webhooks, in the
  official SDK's message types, WhatsApp/WhatsApp-Nodejs-SDK)
- Templates list ``GET /{version}/{waba-id}/message_templates``, ``data`` + cursor ``paging``:
  https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/template-management/
- API versions (v25.0 available until 29 Jul 2028):
  https://developers.facebook.com/docs/graph-api/changelog/versions/
"""

from __future__ import annotations

import dataclasses
import json
import socket
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

from localpro_desktop.channels.base import AmbiguousSend, ChannelKind, OutboundMessage, SendError
from localpro_desktop.channels.whatsapp import (
    DEFAULT_VERSION,
    PUBLIC_URL,
    URL_ENV,
    WhatsAppCloud,
    WhatsAppTemplate,
)
from tests.channels.whatsapp_standin import (
    PHONE_NUMBER_ID,
    TOKEN,
    WABA_ID,
    Answer,
    StandIn,
    graph_error,
)

TEMPLATES = [
    {
        "name": "tabaski_offer",
        "language": "fr",
        "status": "APPROVED",
        "category": "MARKETING",
        "id": "1",
        "components": [
            {"type": "HEADER", "format": "TEXT", "text": "Tabaski"},
            {"type": "BODY", "text": "Bonjour {{1}}, -20% sur {{2}} jusqu'au {{3}}. {{1}}!"},
        ],
    },
    {
        "name": "draft_one",
        "language": "en_US",
        "status": "PENDING",
        "category": "UTILITY",
        "id": "2",
        "components": [{"type": "BODY", "text": "Hi {{1}}"}],
    },
    {
        "name": "reservation_confirmation",
        "language": "en_US",
        "status": "APPROVED",
        "category": "UTILITY",
        "parameter_format": "NAMED",
        "id": "3",
        "components": [
            {"type": "BODY", "text": "For {{number_of_guests}} on {{day}} at {{time}}."},
            {"type": "FOOTER", "text": "Lucky Shrub"},
        ],
    },
    {"name": "no_body", "language": "fr", "status": "APPROVED", "category": "UTILITY", "id": "4"},
    {"name": "rejected", "language": "fr", "status": "REJECTED", "category": "MARKETING"},
]


@pytest.fixture
def server() -> Iterator[StandIn]:
    standin = StandIn(templates=TEMPLATES, page_size=2).start()
    yield standin
    standin.stop()


@pytest.fixture
def channel(server: StandIn) -> Iterator[WhatsAppCloud]:
    with WhatsAppCloud(PHONE_NUMBER_ID, TOKEN, WABA_ID, base_url=server.url) as wa:
        yield wa


def text_message(**changes: Any) -> OutboundMessage:
    base = OutboundMessage(
        key="outbox-0190-aaaa", to="+221 77 555 01 01", body="Merci pour votre visite !"
    )
    return dataclasses.replace(base, **changes)


def test_free_text_request_is_the_documented_one(server: StandIn, channel: WhatsAppCloud) -> None:
    accepted = channel.send(text_message())
    assert accepted.provider_id == "wamid.HBgLMjIxNzc1NTUwMTAxFQIAERgS000001"
    (got,) = server.received
    assert got.method == "POST"
    assert got.path == f"/{DEFAULT_VERSION}/{PHONE_NUMBER_ID}/messages"
    assert got.headers["authorization"] == f"Bearer {TOKEN}"
    assert got.headers["content-type"] == "application/json"
    assert got.json() == {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "to": "221775550101",
        "type": "text",
        "text": {"body": "Merci pour votre visite !"},
        "biz_opaque_callback_data": "outbox-0190-aaaa",
    }
    # UTF-8 on the wire, not ASCII escapes, is fine either way; the JSON must round-trip.
    assert json.loads(got.body.decode("utf-8"))["text"]["body"].endswith("!")


def test_template_request_carries_name_language_and_body_variables(
    server: StandIn, channel: WhatsAppCloud
) -> None:
    message = text_message(
        template="tabaski_offer",
        template_language="fr",
        template_params=("Awa", "boubous", "20/06"),
    )
    channel.send(message)
    assert server.received[0].json() == {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "to": "221775550101",
        "type": "template",
        "template": {
            "name": "tabaski_offer",
            "language": {"code": "fr"},
            "components": [
                {
                    "type": "body",
                    "parameters": [
                        {"type": "text", "text": "Awa"},
                        {"type": "text", "text": "boubous"},
                        {"type": "text", "text": "20/06"},
                    ],
                }
            ],
        },
        "biz_opaque_callback_data": "outbox-0190-aaaa",
    }


def test_template_with_named_parameters_sends_each_name(
    server: StandIn, channel: WhatsAppCloud
) -> None:
    """Meta's named format: each value carries its ``parameter_name``, in any order
    (template fundamentals, "Parameter formats")."""
    message = text_message(
        template="reservation_confirmation",
        template_language="en_US",
        template_params=("Awa", "4", "Friday"),
        template_param_names=("first_name", "number_of_guests", "day"),
    )
    channel.send(message)
    assert server.received[0].json()["template"]["components"] == [
        {
            "type": "body",
            "parameters": [
                {"type": "text", "parameter_name": "first_name", "text": "Awa"},
                {"type": "text", "parameter_name": "number_of_guests", "text": "4"},
                {"type": "text", "parameter_name": "day", "text": "Friday"},
            ],
        }
    ]


def test_template_with_numbered_names_is_positional_in_number_order(
    server: StandIn, channel: WhatsAppCloud
) -> None:
    message = text_message(
        template="tabaski_offer",
        template_language="fr",
        template_params=("boubous", "Awa", "20/06"),
        template_param_names=("2", "1", "3"),
    )
    channel.send(message)
    assert server.received[0].json()["template"]["components"][0]["parameters"] == [
        {"type": "text", "text": "Awa"},
        {"type": "text", "text": "boubous"},
        {"type": "text", "text": "20/06"},
    ]


def test_template_names_and_values_that_do_not_match_are_refused(channel: WhatsAppCloud) -> None:
    message = text_message(
        template="t", template_language="fr", template_params=("a",), template_param_names=()
    )
    channel.send(message)  # no names: positional
    bad = dataclasses.replace(message, template_param_names=("first_name", "day"))
    with pytest.raises(SendError) as caught:
        channel.send(bad)
    assert (caught.value.code, caught.value.transient) == ("template-params", False)


def test_template_without_variables_has_no_components(
    server: StandIn, channel: WhatsAppCloud
) -> None:
    channel.send(text_message(template="hello_world", template_language="en_US"))
    assert server.received[0].json()["template"] == {
        "name": "hello_world",
        "language": {"code": "en_US"},
    }


def test_message_status_is_kept_when_meta_gives_one(
    server: StandIn, channel: WhatsAppCloud
) -> None:
    server.script(
        Answer(
            200,
            {
                "messaging_product": "whatsapp",
                "contacts": [{"input": "221775550101", "wa_id": "221775550101"}],
                "messages": [{"id": "wamid.XYZ", "message_status": "held_for_quality_assessment"}],
            },
        )
    )
    accepted = channel.send(text_message())
    assert (accepted.provider_id, accepted.status) == ("wamid.XYZ", "held_for_quality_assessment")


@pytest.mark.parametrize(
    ("code", "message", "details", "expect"),
    [
        (131026, "(#131026) Message Undeliverable.", "Unable to deliver message.", "SMS may reach"),
        (131047, "(#131047) Re-engagement message", "More than 24 hours have passed", "template"),
        (131049, "(#131049) This message was not delivered", "healthy ecosystem", "marketing"),
        (131050, "(#131050) User stopped marketing", "", "stopped marketing"),
    ],
)
def test_permanent_refusals_keep_code_and_reason(
    server: StandIn, channel: WhatsAppCloud, code: int, message: str, details: str, expect: str
) -> None:
    server.script(Answer(400, graph_error(code, message, details)))
    with pytest.raises(SendError) as caught:
        channel.send(text_message())
    error = caught.value
    assert (error.code, error.transient, error.retry_after) == (str(code), False, None)
    assert expect in error.words
    assert (details or message) in error.words


@pytest.mark.parametrize(
    ("code", "status", "headers", "wait"),
    [
        (130429, 400, {}, 1.0),
        (131048, 400, {}, 60.0),
        (131056, 400, {}, 6.0),
        (131056, 429, {"Retry-After": "12"}, 12.0),
        (80007, 429, {}, 60.0),
    ],
)
def test_rate_limits_are_transient_with_a_wait(
    server: StandIn,
    channel: WhatsAppCloud,
    code: int,
    status: int,
    headers: dict[str, str],
    wait: float,
) -> None:
    server.script(Answer(status, graph_error(code, f"(#{code}) rate limit hit"), headers))
    with pytest.raises(SendError) as caught:
        channel.send(text_message())
    assert (caught.value.code, caught.value.transient) == (str(code), True)
    assert caught.value.retry_after == wait


def test_plain_429_without_graph_body_is_transient(server: StandIn, channel: WhatsAppCloud) -> None:
    server.script(Answer(429, None, {"Retry-After": "3"}))
    with pytest.raises(SendError) as caught:
        channel.send(text_message())
    assert (caught.value.code, caught.value.transient, caught.value.retry_after) == (
        "http-429",
        True,
        3.0,
    )


@pytest.mark.parametrize(
    ("status", "body", "code"),
    [
        (
            500,
            graph_error(131000, "(#131000) Something went wrong", "Something went wrong"),
            "131000",
        ),
        (503, None, "http-503"),
        (400, graph_error(131000, "(#131000) Something went wrong"), "131000"),
    ],
)
def test_server_trouble_is_transient(
    server: StandIn, channel: WhatsAppCloud, status: int, body: object, code: str
) -> None:
    server.script(Answer(status, body))
    with pytest.raises(SendError) as caught:
        channel.send(text_message())
    assert (caught.value.code, caught.value.transient) == (code, True)


def test_expired_token_is_permanent_and_never_shown(server: StandIn) -> None:
    wrong = "EAAwrong-token-987"
    with WhatsAppCloud(PHONE_NUMBER_ID, wrong, base_url=server.url) as wa:
        with pytest.raises(SendError) as caught:
            wa.send(text_message())
        assert wrong not in repr(wa) and TOKEN not in repr(wa)
    assert (caught.value.code, caught.value.transient) == ("190", False)
    assert caught.value.channel_wide  # every message would be refused: the channel stops
    assert "access token" in caught.value.words
    assert wrong not in str(caught.value) and wrong not in repr(caught.value)
    assert server.received[0].headers["authorization"] == f"Bearer {wrong}"


@pytest.mark.parametrize(
    ("code", "http", "words"),
    [
        (131031, 403, "locked"),
        (368, 403, "policy"),
        (131042, 400, "payment"),
        (133010, 400, "not registered"),
        (10, 403, "permission"),
        (200, 403, "permission"),
    ],
)
def test_account_wide_errors_stop_the_channel(
    server: StandIn, channel: WhatsAppCloud, code: int, http: int, words: str
) -> None:
    server.script(Answer(http, graph_error(code, f"(#{code}) refused", "details here")))
    with pytest.raises(SendError) as caught:
        channel.send(text_message())
    assert (caught.value.code, caught.value.transient) == (str(code), False)
    assert caught.value.channel_wide
    assert words in caught.value.words and "details here" in caught.value.words


def test_a_person_level_refusal_stays_with_the_message(
    server: StandIn, channel: WhatsAppCloud
) -> None:
    server.script(Answer(400, graph_error(131026, "(#131026) Message undeliverable")))
    with pytest.raises(SendError) as caught:
        channel.send(text_message())
    assert (caught.value.code, caught.value.scope) == ("131026", "message")


def test_unreachable_api_stops_the_channel() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with (
        WhatsAppCloud(PHONE_NUMBER_ID, TOKEN, base_url=f"http://127.0.0.1:{port}") as wa,
        pytest.raises(SendError) as caught,
    ):
        wa.send(text_message())
    assert (caught.value.code, caught.value.transient) == ("unreachable", True)
    assert caught.value.channel_wide


def test_provider_words_are_scrubbed_of_the_token(server: StandIn, channel: WhatsAppCloud) -> None:
    server.script(Answer(400, graph_error(100, f"Invalid parameter near {TOKEN}")))
    with pytest.raises(SendError) as caught:
        channel.send(text_message())
    assert (caught.value.code, caught.value.transient) == ("100", False)
    assert TOKEN not in str(caught.value)
    assert "[token]" in caught.value.words


def test_connection_cut_after_the_request_is_ambiguous(
    server: StandIn, channel: WhatsAppCloud
) -> None:
    server.script(Answer(cut=True))
    with pytest.raises(AmbiguousSend):
        channel.send(text_message())
    assert server.received[0].json()["biz_opaque_callback_data"] == "outbox-0190-aaaa"


def test_slow_answer_past_the_timeout_is_ambiguous(server: StandIn) -> None:
    server.script(Answer(delay=1.5))
    wa = WhatsAppCloud(PHONE_NUMBER_ID, TOKEN, base_url=server.url, timeout=0.3)
    with wa, pytest.raises(AmbiguousSend):
        wa.send(text_message())
    assert len(server.received) == 1  # it did arrive: resending blindly would double it


def test_slow_answer_within_the_timeout_is_accepted(server: StandIn) -> None:
    server.script(Answer(200, {"messages": [{"id": "wamid.SLOW"}]}, delay=0.3))
    with WhatsAppCloud(PHONE_NUMBER_ID, TOKEN, base_url=server.url, timeout=3.0) as wa:
        assert wa.send(text_message()).provider_id == "wamid.SLOW"


def test_success_without_message_id_is_ambiguous(server: StandIn, channel: WhatsAppCloud) -> None:
    server.script(Answer(200, {"messaging_product": "whatsapp", "messages": []}))
    with pytest.raises(AmbiguousSend):
        channel.send(text_message())


def test_nothing_listening_is_transient() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    wa = WhatsAppCloud(PHONE_NUMBER_ID, TOKEN, base_url=f"http://127.0.0.1:{port}")
    with wa, pytest.raises(SendError) as caught:
        wa.send(text_message())
    assert (caught.value.code, caught.value.transient) == ("unreachable", True)


def test_bad_recipient_or_missing_language_fail_before_any_request(
    server: StandIn, channel: WhatsAppCloud
) -> None:
    with pytest.raises(SendError) as caught:
        channel.send(text_message(to="awa@example.sn"))
    assert (caught.value.code, caught.value.transient) == ("invalid-number", False)
    with pytest.raises(SendError) as caught:
        channel.send(text_message(template="tabaski_offer"))
    assert caught.value.code == "no-language"
    assert server.received == []


def test_lookup_is_not_offered(channel: WhatsAppCloud) -> None:
    with pytest.raises(NotImplementedError):
        channel.lookup(text_message(), datetime.now(UTC))
    assert channel.kind is ChannelKind.WHATSAPP


def test_base_url_comes_from_the_environment(
    server: StandIn, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(URL_ENV, server.url + "/")
    with WhatsAppCloud(PHONE_NUMBER_ID, TOKEN, api_version="v24.0") as wa:
        wa.send(text_message())
    assert server.received[0].path == f"/v24.0/{PHONE_NUMBER_ID}/messages"
    monkeypatch.delenv(URL_ENV)
    with WhatsAppCloud(PHONE_NUMBER_ID, TOKEN) as wa:
        assert wa.base_url == PUBLIC_URL


def test_list_templates_follows_cursors_and_keeps_approved(
    server: StandIn, channel: WhatsAppCloud
) -> None:
    templates = channel.list_templates()
    assert templates == [
        WhatsAppTemplate(
            name="tabaski_offer",
            language="fr",
            category="MARKETING",
            status="APPROVED",
            body="Bonjour {{1}}, -20% sur {{2}} jusqu'au {{3}}. {{1}}!",
            variables=3,
            variable_names=("1", "2", "3"),
        ),
        WhatsAppTemplate(
            name="reservation_confirmation",
            language="en_US",
            category="UTILITY",
            status="APPROVED",
            body="For {{number_of_guests}} on {{day}} at {{time}}.",
            variables=3,
            variable_names=("number_of_guests", "day", "time"),
            parameter_format="NAMED",
        ),
        WhatsAppTemplate("no_body", "fr", "UTILITY", "APPROVED", "", 0),
    ]
    pages = [(r.method, r.path, r.query.get("after")) for r in server.received]
    path = f"/{DEFAULT_VERSION}/{WABA_ID}/message_templates"
    assert pages == [("GET", path, None), ("GET", path, ["2"]), ("GET", path, ["4"])]
    assert all(r.headers["authorization"] == f"Bearer {TOKEN}" for r in server.received)
    assert server.received[0].query["fields"] == [
        "name,language,status,category,components,parameter_format"
    ]
    everything = channel.list_templates(approved_only=False)
    assert [t.status for t in everything] == [
        "APPROVED",
        "PENDING",
        "APPROVED",
        "APPROVED",
        "REJECTED",
    ]


def test_list_templates_errors(server: StandIn, channel: WhatsAppCloud) -> None:
    server.script(Answer(400, graph_error(80008, "(#80008) rate limit"), {"Retry-After": "30"}))
    with pytest.raises(SendError) as caught:
        channel.list_templates()
    assert (caught.value.code, caught.value.transient) == ("80008", False)
    no_waba = WhatsAppCloud(PHONE_NUMBER_ID, TOKEN, base_url=server.url)
    with no_waba, pytest.raises(SendError) as caught:
        no_waba.list_templates()
    assert caught.value.code == "no-waba"


def test_one_client_sends_many(server: StandIn, channel: WhatsAppCloud) -> None:
    ids = {channel.send(text_message(key=f"k{i}")).provider_id for i in range(20)}
    assert len(ids) == 20
    keys = [r.json()["biz_opaque_callback_data"] for r in server.received]
    assert keys == [f"k{i}" for i in range(20)]
