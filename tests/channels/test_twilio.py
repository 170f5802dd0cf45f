"""Twilio SMS adapter against a real local HTTP server.

Shapes copied from Twilio's documentation:
- https://www.twilio.com/docs/messaging/api/message-resource (create: form ``To``,
  ``From`` | ``MessagingServiceSid``, ``Body``; the Message JSON: ``sid``, ``status``,
  ``num_segments`` (``0`` through a Messaging Service until a sender is picked),
  ``date_created``/``date_sent`` in RFC 2822; the list: ``messages``, ``page_size``, ...);
- https://www.twilio.com/docs/messaging/tutorials/how-to-retrieve-and-modify-message-history
  and https://twilio.com/docs/libraries/reference/twilio-php/7.3.0/classes/Twilio_Rest_Api_V2010_Account_ReadMessageOptions.html
  (list filters ``To``, ``From``, ``DateSent>=YYYY-MM-DD``);
- https://www.twilio.com/docs/usage/twilios-response (error body ``code``, ``message``,
  ``more_info``, ``status``) and https://www.twilio.com/docs/api/errors (21211, 21408,
  21610, 21614, 20003, 20429; 21212 invalid From, 21606 From not message-capable);
- https://www.twilio.com/docs/iam/test-credentials (the magic ``+1500555xxxx`` numbers).
"""

from __future__ import annotations

import base64
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from localpro_desktop.channels.base import AmbiguousSend, OutboundMessage, SendError
from localpro_desktop.channels.twilio import TwilioSms
from tests.channels.sms_standins import Reply, StandIn, TwilioAccount, twilio_error

SID = "AC0123456789abcdef0123456789abcdef"
TOKEN = "tok_secret_0123456789"
FROM = "+15005550006"
TO = "+221770000001"
PATH = f"/2010-04-01/Accounts/{SID}/Messages.json"


@pytest.fixture
def account() -> TwilioAccount:
    return TwilioAccount(SID, TOKEN)


@pytest.fixture
def server(account: TwilioAccount) -> Iterator[StandIn]:
    with StandIn(account) as stand_in:
        yield stand_in


@pytest.fixture
def sms(server: StandIn) -> Iterator[TwilioSms]:
    with TwilioSms(SID, TOKEN, from_number=FROM, base_url=server.url) as adapter:
        yield adapter


def message(to: str = TO, body: str = "Tabaski: -20% ce week-end") -> OutboundMessage:
    return OutboundMessage(key="k1", to=to, body=body)


def test_send_posts_the_documented_form_with_basic_auth(server: StandIn, sms: TwilioSms) -> None:
    accepted = sms.send(message())

    (request,) = server.requests
    assert (request.method, request.path) == ("POST", PATH)
    expected = base64.b64encode(f"{SID}:{TOKEN}".encode()).decode()
    assert request.headers["authorization"] == f"Basic {expected}"
    assert request.headers["content-type"] == "application/x-www-form-urlencoded"
    assert request.body == (
        b"To=%2B221770000001&From=%2B15005550006&Body=Tabaski%3A+-20%25+ce+week-end"
    )
    assert accepted.provider_id == "SM" + f"{1:032x}"
    assert (accepted.status, accepted.parts) == ("queued", 1)


def test_long_message_reports_segments(sms: TwilioSms) -> None:
    assert sms.send(message(body="é" * 200)).parts == 2


def test_messaging_service_replaces_from(server: StandIn) -> None:
    with TwilioSms(SID, TOKEN, messaging_service_sid="MG01", base_url=server.url) as sms:
        accepted = sms.send(message())
    assert server.requests[0].body == (
        b"To=%2B221770000001&MessagingServiceSid=MG01&Body=Tabaski%3A+-20%25+ce+week-end"
    )
    # num_segments is "0" until Twilio picks a sender: still at least one part.
    assert (accepted.status, accepted.parts) == ("accepted", 1)


def test_a_sender_is_required() -> None:
    with pytest.raises(ValueError, match="sender"):
        TwilioSms(SID, TOKEN)


@pytest.mark.parametrize(
    ("to", "code", "words"),
    [
        ("+15005550001", "21211", "is not a valid phone number"),
        ("+15005550004", "21610", "unsubscribed recipient"),
        ("+15005550009", "21614", "not a valid mobile number"),
        ("+15005550010", "21408", "has not been enabled for the region"),
    ],
)
def test_permanent_refusals_keep_twilio_code_and_words(
    sms: TwilioSms, to: str, code: str, words: str
) -> None:
    with pytest.raises(SendError) as caught:
        sms.send(message(to))
    assert caught.value.code == code
    assert words in caught.value.words
    assert caught.value.transient is False
    assert caught.value.scope == "message"


@pytest.mark.parametrize(("sender", "code"), [("+15005550001", "21212"), ("+15005550007", "21606")])
def test_a_refused_sender_number_stops_the_channel(server: StandIn, sender: str, code: str) -> None:
    with (
        TwilioSms(SID, TOKEN, from_number=sender, base_url=server.url) as sms,
        pytest.raises(SendError) as caught,
    ):
        sms.send(message())
    assert (caught.value.code, caught.value.transient) == (code, False)
    assert caught.value.channel_wide
    assert "sender" in caught.value.words


def test_bad_credentials_are_permanent_and_never_show_the_token(server: StandIn) -> None:
    with TwilioSms(SID, "wrong-token", from_number=FROM, base_url=server.url) as sms:
        with pytest.raises(SendError) as caught:
            sms.send(message())
        assert "wrong-token" not in repr(sms)
    assert caught.value.code == "20003"
    assert caught.value.transient is False
    assert caught.value.channel_wide  # the account, not the message: the channel stops
    assert "auth token" in caught.value.words
    assert "wrong-token" not in str(caught.value)


def test_too_many_requests_is_transient_with_retry_after(server: StandIn, sms: TwilioSms) -> None:
    server.script(Reply(429, twilio_error(429, 20429, "Too Many Requests"), {"Retry-After": "3"}))
    with pytest.raises(SendError) as caught:
        sms.send(message())
    assert (caught.value.code, caught.value.transient) == ("20429", True)
    assert caught.value.retry_after == 3.0
    assert sms.send(message()).status == "queued"


def test_server_error_is_transient(server: StandIn, sms: TwilioSms) -> None:
    server.script(Reply(503, twilio_error(503, 20503, "Service Unavailable")))
    with pytest.raises(SendError) as caught:
        sms.send(message())
    assert (caught.value.code, caught.value.transient) == ("20503", True)
    assert caught.value.retry_after is None


def test_slow_answer_within_the_timeout_is_accepted(
    server: StandIn, account: TwilioAccount
) -> None:
    server.script(Reply(201, account.add(to=TO, body="x", sid="SMslow"), delay=0.3))
    with TwilioSms(SID, TOKEN, FROM, base_url=server.url, timeout=2.0) as sms:
        assert sms.send(message()).provider_id == "SMslow"


def test_answer_slower_than_the_timeout_is_ambiguous(server: StandIn) -> None:
    server.script(Reply(201, {}, delay=1.5))
    with (
        TwilioSms(SID, TOKEN, FROM, base_url=server.url, timeout=0.3) as sms,
        pytest.raises(AmbiguousSend),
    ):
        sms.send(message())
    assert len(server.requests) == 1


def test_connection_cut_after_the_request_is_ambiguous(server: StandIn, sms: TwilioSms) -> None:
    server.script(Reply(cut=True))
    with pytest.raises(AmbiguousSend) as caught:
        sms.send(message())
    assert TOKEN not in str(caught.value)


def test_lookup_finds_a_sent_message_with_the_date_filter(
    server: StandIn, account: TwilioAccount, sms: TwilioSms
) -> None:
    since = datetime.now(UTC)
    now = format_datetime(since, usegmt=True)
    account.add(to=TO, body="another text", date_sent=now, status="delivered")
    account.add(FROM, to=TO, body=message().body, date_sent=now, status="delivered", sid="SMx")

    found = sms.lookup(message(), since)

    assert found is not None
    assert (found.provider_id, found.status) == ("SMx", "delivered")
    (request,) = server.requests
    assert (request.method, request.path) == ("GET", PATH)
    day = (since - timedelta(minutes=2)).strftime("%Y-%m-%d")
    assert request.raw_query == f"To=%2B221770000001&DateSent%3E={day}&PageSize=100"


def test_lookup_finds_a_message_still_queued(server: StandIn, sms: TwilioSms) -> None:
    since = datetime.now(UTC)
    sms.send(message())  # queued: no date_sent yet, invisible to the DateSent filter

    found = sms.lookup(message(), since)

    assert found is not None and found.provider_id == "SM" + f"{1:032x}"
    queries = [r.query for r in server.requests if r.method == "GET"]
    assert [q.get("DateSent>") is not None for q in queries] == [True, False]


def test_lookup_answers_none_when_nothing_matches(
    server: StandIn, account: TwilioAccount, sms: TwilioSms
) -> None:
    since = datetime.now(UTC)
    old = format_datetime(since - timedelta(hours=1), usegmt=True)
    account.add(FROM, to=TO, body=message().body, date_created=old, date_sent=old)
    account.add(FROM, to=TO, body="other words")
    account.add("+15550000000", to=TO, body=message().body)
    account.add(TO, to=FROM, body=message().body, direction="inbound")

    assert sms.lookup(message(), since) is None


def test_lookup_when_twilio_is_down_is_transient(server: StandIn, sms: TwilioSms) -> None:
    server.script(Reply(500, twilio_error(500, 20500, "Internal Server Error")))
    with pytest.raises(SendError) as caught:
        sms.lookup(message(), datetime.now(UTC))
    assert caught.value.transient is True


def test_base_url_from_the_environment(server: StandIn, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOCALPRO_TWILIO_URL", server.url)
    with TwilioSms(SID, TOKEN, FROM) as sms:
        sms.send(message())
    assert server.requests[0].path == PATH
    monkeypatch.delenv("LOCALPRO_TWILIO_URL")
    with TwilioSms(SID, TOKEN, FROM) as sms:
        assert sms.base_url == "https://api.twilio.com"
