"""Twilio webhooks against the real service: signed status callbacks and incoming SMS on one
URL, in the form fields Twilio documents, and what a laptop pulls from them.

- signatures: https://www.twilio.com/docs/usage/webhooks/webhooks-security
- status callbacks: https://www.twilio.com/docs/messaging/guides/track-outbound-message-status
- incoming messages: https://www.twilio.com/docs/messaging/guides/webhook-request
"""

from pathlib import Path
from typing import Any

import httpx
from cloudkit import SECRET, Cloud, Device, FakeClock
from hooks_kit import enable, events, path_of, sent, twilio_signature

from localpro_cloud.app import create_app
from localpro_cloud.hooks.twilio import expected_signature
from localpro_cloud.loopback import running
from localpro_protocol.events import event_id

AUTH_TOKEN = "twilio-auth-token-0123456789abcdef"
OTHER_TOKEN = "other-auth-token-fedcba9876543210"
ACCOUNT_SID = "AC" + "1" * 32
SID = "SM" + "a" * 32
OUR_NUMBER = "+15017250604"
PERSON = "+221770000001"


def status_callback(sid: str, state: str, **extra: str) -> dict[str, str]:
    """The fields of a status callback (MessageStatus, ErrorCode on failures …)."""
    return {
        "SmsSid": sid,
        "SmsStatus": state,
        "MessageStatus": state,
        "To": PERSON,
        "MessageSid": sid,
        "AccountSid": ACCOUNT_SID,
        "From": OUR_NUMBER,
        "ApiVersion": "2010-04-01",
        **extra,
    }


def incoming_sms(sid: str, body: str) -> dict[str, str]:
    """The fields of an incoming message (no MessageStatus; SmsStatus=received)."""
    return {
        "ToCountry": "US",
        "ToState": "CA",
        "SmsMessageSid": sid,
        "NumMedia": "0",
        "ToCity": "",
        "FromZip": "",
        "SmsSid": sid,
        "FromState": "",
        "SmsStatus": "received",
        "FromCity": "",
        "Body": body,
        "FromCountry": "SN",
        "To": OUR_NUMBER,
        "ToZip": "",
        "NumSegments": "1",
        "MessageSid": sid,
        "AccountSid": ACCOUNT_SID,
        "From": PERSON,
        "ApiVersion": "2010-04-01",
    }


def setup(cloud: Cloud) -> tuple[Device, dict[str, Any]]:
    account = cloud.register()
    return account.device(), enable(account, "sms", "twilio", AUTH_TOKEN)


def post(
    http: httpx.Client,
    hook: dict[str, Any],
    params: dict[str, str],
    token: str = AUTH_TOKEN,
    signed_url: str | None = None,
) -> httpx.Response:
    """Post as Twilio does: the URL it was given (``hook["url"]``) signs the request."""
    headers = {}
    if token:
        headers["X-Twilio-Signature"] = twilio_signature(signed_url or hook["url"], params, token)
    return http.post(path_of(hook["url"]), data=params, headers=headers)


def test_status_callbacks_about_sent_messages_become_receipts(cloud: Cloud) -> None:
    laptop, hook = setup(cloud)
    sent(laptop, SID, PERSON)

    for state in ("queued", "sending", "sent", "delivered"):
        answer = post(cloud.http, hook, status_callback(SID, state))
        assert answer.status_code == 200

    rows = {row["status"]: row for row in events(laptop)}
    assert set(rows) == {"sent", "delivered"}  # queued/sending: nothing reached the person
    delivered = rows["delivered"]
    assert delivered["id"] == event_id(laptop.account.id, "twilio", f"status|{SID}|delivered")
    assert delivered["kind"] == "receipt" and delivered["channel"] == "sms"
    assert delivered["provider"] == "twilio" and delivered["message_id"] == SID
    assert delivered["address"] == PERSON and delivered["error_code"] == ""


def test_failures_carry_twilios_error_code(cloud: Cloud) -> None:
    laptop, hook = setup(cloud)
    undelivered, failed = SID, "SM" + "b" * 32
    sent(laptop, undelivered)
    sent(laptop, failed)

    post(cloud.http, hook, status_callback(undelivered, "undelivered", ErrorCode="30003"))
    post(
        cloud.http,
        hook,
        status_callback(failed, "failed", ErrorCode="30008", ErrorMessage="Unknown error"),
    )

    rows = {row["message_id"]: row for row in events(laptop)}
    assert rows[undelivered]["status"] == "failed"
    assert rows[undelivered]["error_code"] == "30003"
    assert rows[undelivered]["error_words"].startswith("Unreachable destination handset")
    assert (rows[failed]["status"], rows[failed]["error_code"]) == ("failed", "30008")
    assert rows[failed]["error_words"] == "Unknown error"


def test_an_incoming_sms_becomes_an_inbound_event_answered_with_empty_twiml(
    cloud: Cloud,
) -> None:
    laptop, hook = setup(cloud)
    inbound_sid = "SM" + "c" * 32

    answer = post(cloud.http, hook, incoming_sms(inbound_sid, "STOP"))

    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/xml")
    assert answer.text.endswith("<Response/>")
    [row] = events(laptop)
    assert row["kind"] == "inbound" and row["channel"] == "sms" and row["provider"] == "twilio"
    assert row["message_id"] == inbound_sid and row["address"] == PERSON
    assert row["text"] == "STOP"  # the laptop reads keywords from the text
    assert row["id"] == event_id(laptop.account.id, "twilio", f"message|{inbound_sid}")


def test_forged_callbacks_are_refused(cloud: Cloud) -> None:
    laptop, hook = setup(cloud)
    sent(laptop, SID)
    params = status_callback(SID, "delivered")

    assert post(cloud.http, hook, params, token="").status_code == 403
    assert post(cloud.http, hook, params, token=OTHER_TOKEN).status_code == 403
    # Signed, then a parameter changed on the way.
    signature = twilio_signature(hook["url"], params, AUTH_TOKEN)
    changed = {**params, "MessageStatus": "failed", "ErrorCode": "30003"}
    tampered = cloud.http.post(
        path_of(hook["url"]), data=changed, headers={"X-Twilio-Signature": signature}
    )
    assert tampered.status_code == 403
    assert "auth token" in tampered.json()["detail"]
    # Signed for another URL (another hook's).
    elsewhere = post(cloud.http, hook, params, signed_url=hook["url"] + "x")
    assert elsewhere.status_code == 403
    assert (
        post(cloud.http, hook, incoming_sms("SM" + "d" * 32, "Hi"), OTHER_TOKEN).status_code == 403
    )
    assert events(laptop) == []


def test_the_same_callback_twice_has_one_effect(cloud: Cloud) -> None:
    laptop, hook = setup(cloud)
    sent(laptop, SID)
    for _ in range(2):
        assert post(cloud.http, hook, status_callback(SID, "delivered")).status_code == 200
        assert post(cloud.http, hook, incoming_sms("SM" + "e" * 32, "Oui")).status_code == 200
    assert sorted(row["kind"] for row in events(laptop)) == ["inbound", "receipt"]


def test_read_before_delivered_both_count(cloud: Cloud) -> None:
    laptop, hook = setup(cloud)
    sent(laptop, SID)
    post(cloud.http, hook, status_callback(SID, "read"))
    post(cloud.http, hook, status_callback(SID, "delivered"))
    assert sorted(row["status"] for row in events(laptop)) == ["delivered", "read"]


def test_callbacks_about_messages_the_account_never_sent_are_ignored(cloud: Cloud) -> None:
    laptop, hook = setup(cloud)
    sent(laptop, SID)
    answer = post(cloud.http, hook, status_callback("SM" + "f" * 32, "delivered"))
    assert answer.status_code == 200
    assert events(laptop) == []


def test_unknown_and_rotated_hooks_are_not_found(cloud: Cloud) -> None:
    account = cloud.register()
    old = enable(account, "sms", "twilio", AUTH_TOKEN)
    new = enable(account, "sms", "twilio", AUTH_TOKEN)
    params = incoming_sms("SM" + "1" * 32, "Hello")
    assert post(cloud.http, old, params).status_code == 404
    assert post(cloud.http, new, params).status_code == 200
    unknown = cloud.http.post("/hooks/twilio/unknown-hook", data=params)
    assert unknown.status_code == 404 and "account" not in unknown.text.lower()


def test_one_accounts_hook_never_touches_another_accounts_messages(cloud: Cloud) -> None:
    alice, bob = cloud.register(), cloud.register()
    alice_laptop, bob_laptop = alice.device(), bob.device()
    alice_hook = enable(alice, "sms", "twilio", AUTH_TOKEN)
    bob_hook = enable(bob, "sms", "twilio", OTHER_TOKEN)
    sent(bob_laptop, SID)

    # Alice's URL and auth token, about Bob's message: ignored.
    assert post(cloud.http, alice_hook, status_callback(SID, "delivered")).status_code == 200
    # Bob's URL signed with Alice's token: forged.
    forged = post(cloud.http, bob_hook, status_callback(SID, "failed"), AUTH_TOKEN)
    assert forged.status_code == 403
    assert events(alice_laptop) == [] and events(bob_laptop) == []

    post(cloud.http, bob_hook, status_callback(SID, "delivered"), OTHER_TOKEN)
    assert [row["status"] for row in events(bob_laptop)] == ["delivered"]
    assert events(alice_laptop) == []


def test_the_signed_url_is_the_public_one(tmp_path: Path) -> None:
    """Behind a proxy Twilio calls (and signs) the public URL, not the one this process sees."""
    database = f"sqlite:///{(tmp_path / 'cloud.sqlite').as_posix()}"
    app = create_app(
        database, secret=SECRET, clock=FakeClock(), public_url="https://hooks.example.sn"
    )
    with running(app) as base, httpx.Client(base_url=base, timeout=30) as http:
        cloud = Cloud(url=base, database_url=database, clock=FakeClock(), http=http)
        try:
            laptop, hook = setup(cloud)
            sent(laptop, SID)
            assert hook["url"].startswith("https://hooks.example.sn/hooks/twilio/")
            local = base + path_of(hook["url"])
            refused = post(http, hook, status_callback(SID, "sent"), signed_url=local)
            assert refused.status_code == 403
            assert post(http, hook, status_callback(SID, "delivered")).status_code == 200
            # Twilio's SDKs accept the URL with its default port spelled out too.
            with_port = hook["url"].replace("hooks.example.sn", "hooks.example.sn:443")
            assert post(http, hook, status_callback(SID, "read"), signed_url=with_port).is_success
            # A query string is part of what Twilio signs.
            params = status_callback(SID, "failed", ErrorCode="30005")
            signed = hook["url"] + "?campaign=42"
            headers = {"X-Twilio-Signature": twilio_signature(signed, params, AUTH_TOKEN)}
            query = http.post(path_of(hook["url"]) + "?campaign=42", data=params, headers=headers)
            assert query.status_code == 200
            unsigned_query = http.post(
                path_of(hook["url"]) + "?campaign=43", data=params, headers=headers
            )
            assert unsigned_query.status_code == 403
            assert sorted(row["status"] for row in events(laptop)) == [
                "delivered",
                "failed",
                "read",
            ]
        finally:
            cloud.close()


def test_the_signature_matches_twilios_published_example() -> None:
    # The example of Twilio's security documentation (auth token 12345).
    params = [
        ("CallSid", "CA1234567890ABCDE"),
        ("Caller", "+12349013030"),
        ("Digits", "1234"),
        ("From", "+12349013030"),
        ("To", "+18005551212"),
    ]
    url = "https://mycompany.com/myapp.php?foo=1&bar=2"
    assert expected_signature(url, params, "12345") == "0/KCTR6DLpKmkAf8muzZqo1nDgQ="
    assert expected_signature(url, list(reversed(params)), "12345") == (
        "0/KCTR6DLpKmkAf8muzZqo1nDgQ="
    )
