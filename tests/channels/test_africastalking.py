"""Africa's Talking SMS adapter against a real local HTTP server.

Shapes copied from the provider's documentation and SDKs:
- https://developers.africastalking.com/docs/sms/sending/bulk (request form fields
  ``username``, ``to``, ``message``, ``from``; headers ``apiKey``, ``Accept``; the
  ``SMSMessageData.Recipients[]`` answer with ``statusCode``, ``number``, ``status``,
  ``cost``, ``messageId``);
- status code list (100-102, 401-409, 500-502) as published with the docs and mirrored in
  https://pkg.go.dev/github.com/hekimapro/utils@v1.1.0/communication ;
- https://docs.rs/crate/africastalking/latest/source/src/modules/sms.rs (the fetch API,
  ``GET /version1/messaging?lastReceivedId=``, reads the inbox only: no sent look-up).
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from localpro_desktop.channels.africastalking import AfricasTalkingSms
from localpro_desktop.channels.base import (
    AmbiguousSend,
    ChannelKind,
    OutboundMessage,
    SendError,
)
from tests.channels.sms_standins import Reply, StandIn, africastalking, at_number_for

USERNAME = "sandbox"
API_KEY = "atsk_0123456789abcdef-secret"


@pytest.fixture
def server() -> Iterator[StandIn]:
    with StandIn(africastalking(USERNAME, API_KEY)) as stand_in:
        yield stand_in


@pytest.fixture
def sms(server: StandIn) -> Iterator[AfricasTalkingSms]:
    with AfricasTalkingSms(USERNAME, API_KEY, "LOCALPRO", server.url) as adapter:
        yield adapter


def message(
    to: str = at_number_for(101), body: str = "Tabaski: -20% ce week-end"
) -> OutboundMessage:
    return OutboundMessage(key="k1", to=to, body=body)


def test_send_posts_the_documented_form_and_headers(
    server: StandIn, sms: AfricasTalkingSms
) -> None:
    accepted = sms.send(message())

    assert sms.kind is ChannelKind.SMS
    (request,) = server.requests
    assert (request.method, request.path) == ("POST", "/version1/messaging")
    assert request.headers["apikey"] == API_KEY
    assert request.headers["accept"] == "application/json"
    assert request.headers["content-type"] == "application/x-www-form-urlencoded"
    assert request.body == (
        b"username=sandbox&to=%2B254711000101&message=Tabaski%3A+-20%25+ce+week-end&from=LOCALPRO"
    )
    assert accepted.provider_id.startswith("ATXid_")
    assert (accepted.status, accepted.parts) == ("sent", 1)


def test_queued_and_long_message_parts(server: StandIn, sms: AfricasTalkingSms) -> None:
    accepted = sms.send(message(at_number_for(102), "x" * 200))
    assert (accepted.status, accepted.parts) == ("queued", 2)


def test_no_sender_id_sends_no_from_field(server: StandIn) -> None:
    with AfricasTalkingSms(USERNAME, API_KEY, base_url=server.url) as sms:
        sms.send(message())
    assert "from" not in server.requests[0].form


@pytest.mark.parametrize(
    ("code", "words", "transient"),
    [
        (401, "RiskHold", False),
        (402, "InvalidSenderId", False),
        (403, "InvalidPhoneNumber", False),
        (404, "UnsupportedNumberType", False),
        (405, "InsufficientBalance", True),
        (406, "UserInBlacklist", False),
        (407, "CouldNotRoute", False),
        (409, "DoNotDisturbRejection", False),
        (500, "InternalServerError", True),
        (501, "GatewayError", True),
        (502, "RejectedByGateway", True),
    ],
)
def test_recipient_status_codes(
    sms: AfricasTalkingSms, code: int, words: str, transient: bool
) -> None:
    with pytest.raises(SendError) as caught:
        sms.send(message(at_number_for(code)))
    assert caught.value.code == str(code)
    assert caught.value.transient is transient
    if code in (402, 405):
        # The sender id or the account's balance: every message would meet the same answer.
        assert caught.value.scope == "channel"
        assert caught.value.words.endswith(f"({words})")
    else:
        assert (caught.value.words, caught.value.scope) == (words, "message")


def test_request_refused_without_recipients(server: StandIn, sms: AfricasTalkingSms) -> None:
    server.script(Reply(201, {"SMSMessageData": {"Message": "InvalidSenderId", "Recipients": []}}))
    with pytest.raises(SendError) as caught:
        sms.send(message())
    assert caught.value.words.endswith("(InvalidSenderId)")
    assert "sender id" in caught.value.words
    assert (caught.value.transient, caught.value.channel_wide) == (False, True)
    server.script(Reply(201, {"SMSMessageData": {"Message": "Unknown problem", "Recipients": []}}))
    with pytest.raises(SendError) as caught:
        sms.send(message())
    assert (caught.value.words, caught.value.scope) == ("Unknown problem", "message")


def test_bad_api_key_is_permanent_and_never_shows_the_key(server: StandIn) -> None:
    with AfricasTalkingSms(USERNAME, "wrong-key", base_url=server.url) as sms:
        with pytest.raises(SendError) as caught:
            sms.send(message())
        assert "wrong-key" not in repr(sms)
    assert caught.value.code == "401"
    assert caught.value.transient is False
    assert caught.value.channel_wide  # every message would be refused: the channel stops
    assert "API key" in caught.value.words
    assert "The supplied authentication is invalid" in caught.value.words
    assert "wrong-key" not in str(caught.value)


def test_repr_has_no_key(sms: AfricasTalkingSms) -> None:
    assert API_KEY not in repr(sms)
    assert "sandbox" in repr(sms)


def test_rate_limited_answer_is_transient_with_retry_after(
    server: StandIn, sms: AfricasTalkingSms
) -> None:
    server.script(Reply(429, "Too Many Requests", {"Retry-After": "7"}))
    with pytest.raises(SendError) as caught:
        sms.send(message())
    assert caught.value.transient is True
    assert caught.value.retry_after == 7.0
    assert caught.value.code == "429"
    assert sms.send(message()).status == "sent"  # the next one goes


def test_server_error_honours_an_http_date_retry_after(
    server: StandIn, sms: AfricasTalkingSms
) -> None:
    later = datetime.now(UTC) + timedelta(seconds=120)
    server.script(Reply(503, "", {"Retry-After": format_datetime(later, usegmt=True)}))
    with pytest.raises(SendError) as caught:
        sms.send(message())
    assert caught.value.transient is True
    assert caught.value.retry_after is not None
    assert 100 < caught.value.retry_after <= 120


def test_slow_answer_within_the_timeout_is_accepted(
    server: StandIn, sms: AfricasTalkingSms
) -> None:
    server.script(
        Reply(
            201,
            {
                "SMSMessageData": {
                    "Message": "Sent to 1/1 Total Cost: KES 0.8000",
                    "Recipients": [
                        {
                            "statusCode": 101,
                            "number": at_number_for(101),
                            "status": "Success",
                            "cost": "KES 0.8000",
                            "messageId": "ATXid_slow",
                        }
                    ],
                }
            },
            delay=0.3,
        )
    )
    accepted = sms.send(message())
    assert (accepted.provider_id, accepted.parts) == ("ATXid_slow", 1)


def test_answer_slower_than_the_timeout_is_ambiguous(server: StandIn) -> None:
    server.script(Reply(201, {}, delay=1.5))
    with (
        AfricasTalkingSms(USERNAME, API_KEY, base_url=server.url, timeout=0.3) as sms,
        pytest.raises(AmbiguousSend),
    ):
        sms.send(message())
    assert len(server.requests) == 1  # the request did arrive: it may have been taken


def test_connection_cut_after_the_request_is_ambiguous(
    server: StandIn, sms: AfricasTalkingSms
) -> None:
    server.script(Reply(cut=True))
    with pytest.raises(AmbiguousSend) as caught:
        sms.send(message())
    assert server.requests[0].form["to"] == [at_number_for(101)]
    assert API_KEY not in str(caught.value)


def test_unreachable_server_is_transient() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with (
        AfricasTalkingSms(USERNAME, API_KEY, base_url=f"http://127.0.0.1:{port}") as sms,
        pytest.raises(SendError) as caught,
    ):
        sms.send(message())
    assert caught.value.transient is True
    assert caught.value.code == "unreachable"
    assert caught.value.channel_wide  # no connection concerns every message


def test_base_url_from_the_environment(server: StandIn, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOCALPRO_AFRICASTALKING_URL", server.url + "/")
    with AfricasTalkingSms(USERNAME, API_KEY) as sms:
        assert sms.base_url == server.url
        sms.send(message())
    assert len(server.requests) == 1


def test_default_base_url_is_the_public_api(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LOCALPRO_AFRICASTALKING_URL", raising=False)
    with AfricasTalkingSms(USERNAME, API_KEY) as sms:
        assert sms.base_url == "https://api.africastalking.com"


def test_lookup_is_not_offered(sms: AfricasTalkingSms) -> None:
    with pytest.raises(NotImplementedError):
        sms.lookup(message(), datetime.now(UTC))
