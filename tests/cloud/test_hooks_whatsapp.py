"""WhatsApp Cloud API webhooks against the real service: the verification handshake, signed
notifications in Meta's documented shape, and what a laptop pulls from them.

Payload shapes and the signature scheme, as Meta documents them:
- https://developers.facebook.com/docs/graph-api/webhooks/getting-started/
- https://developers.secure.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/status/
- https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/button/
- https://developers.secure.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/interactive
"""

import json
from typing import Any

import httpx
from cloudkit import Cloud, Device
from hooks_kit import enable, events, path_of, sent, whatsapp_signature

from localpro_cloud.hooks.whatsapp import signature_ok
from localpro_protocol.events import event_id

APP_SECRET = "meta-app-secret-0123456789abcdef"
OTHER_SECRET = "another-app-secret-fedcba9876543210"
WAMID = "wamid.HBgMMjIxNzcwMDAwMDAxFQIAERgSNzc2RUEzMEQwQUQ1NzhGNjZCAA=="
PERSON = "221770000001"  # WhatsApp ids are the number's digits, without "+"


# -- Meta's documented payloads -----------------------------------------------------------


def notification(**value: Any) -> dict[str, Any]:
    """``{"object": "whatsapp_business_account", "entry": [{… "changes": [{…}]}]}``."""
    return {
        "object": "whatsapp_business_account",
        "entry": [
            {
                "id": "102290129340398",
                "changes": [
                    {
                        "value": {
                            "messaging_product": "whatsapp",
                            "metadata": {
                                "display_phone_number": "15550783881",
                                "phone_number_id": "106540352242922",
                            },
                            **value,
                        },
                        "field": "messages",
                    }
                ],
            }
        ],
    }


def status(
    wamid: str,
    state: str,
    timestamp: str = "1750857384",
    errors: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": wamid,
        "status": state,
        "timestamp": timestamp,
        "recipient_id": PERSON,
    }
    if state in ("sent", "delivered", "read"):
        body["pricing"] = {"billable": True, "pricing_model": "PMP", "category": "marketing"}
    if errors is not None:
        body["errors"] = errors
    return body


def incoming(message_id: str, kind: str, content: dict[str, Any]) -> dict[str, Any]:
    return {
        "from": PERSON,
        "id": message_id,
        "timestamp": "1739321024",
        "type": kind,
        kind: content,
    }


CONTACTS = [{"profile": {"name": "Awa Diop"}, "wa_id": PERSON}]


# -- helpers --------------------------------------------------------------------------------


def setup(cloud: Cloud) -> tuple[Device, dict[str, Any]]:
    account = cloud.register()
    return account.device(), enable(account, "whatsapp", secret=APP_SECRET)


def post(
    http: httpx.Client, hook: dict[str, Any], payload: dict[str, Any], secret: str = APP_SECRET
) -> httpx.Response:
    body = json.dumps(payload).encode()
    headers = {"Content-Type": "application/json"}
    if secret:
        headers["X-Hub-Signature-256"] = whatsapp_signature(body, secret)
    return http.post(path_of(hook["url"]), content=body, headers=headers)


# -- verification ---------------------------------------------------------------------------


def test_the_verification_handshake_answers_the_challenge_for_the_right_token(
    cloud: Cloud,
) -> None:
    _laptop, hook = setup(cloud)
    path = path_of(hook["url"])
    query = {"hub.mode": "subscribe", "hub.challenge": "1158201444"}

    right = cloud.http.get(path, params={**query, "hub.verify_token": hook["verify_token"]})
    assert right.status_code == 200
    assert right.text == "1158201444"
    assert right.headers["content-type"].startswith("text/plain")

    wrong = cloud.http.get(path, params={**query, "hub.verify_token": "meatyhamhock"})
    assert wrong.status_code == 403 and "1158201444" not in wrong.text
    assert cloud.http.get(path, params=query).status_code == 403
    not_subscribe = {**query, "hub.mode": "unsubscribe", "hub.verify_token": hook["verify_token"]}
    assert cloud.http.get(path, params=not_subscribe).status_code == 403
    unknown = cloud.http.get(
        "/hooks/whatsapp/not-a-hook", params={**query, "hub.verify_token": hook["verify_token"]}
    )
    assert unknown.status_code == 404


# -- statuses -------------------------------------------------------------------------------


def test_a_signed_status_about_a_sent_message_becomes_a_receipt(cloud: Cloud) -> None:
    laptop, hook = setup(cloud)
    sent(laptop, WAMID, "+" + PERSON)

    answer = post(cloud.http, hook, notification(statuses=[status(WAMID, "delivered")]))

    assert answer.status_code == 200
    [receipt] = events(laptop)
    assert receipt["id"] == event_id(laptop.account.id, "whatsapp", f"status|{WAMID}|delivered")
    assert receipt["kind"] == "receipt" and receipt["channel"] == "whatsapp"
    assert receipt["provider"] == "whatsapp" and receipt["status"] == "delivered"
    assert receipt["message_id"] == WAMID
    assert receipt["address"] == "+221770000001"
    assert receipt["occurred_at"] == "2025-06-25 13:16:24"  # Meta's Unix seconds, in UTC
    assert receipt["error_code"] == "" and receipt["text"] == ""


def test_forged_calls_are_refused_and_record_nothing(cloud: Cloud) -> None:
    laptop, hook = setup(cloud)
    sent(laptop, WAMID)
    payload = notification(statuses=[status(WAMID, "read")])

    assert post(cloud.http, hook, payload, secret="").status_code == 403  # no signature
    assert post(cloud.http, hook, payload, secret=OTHER_SECRET).status_code == 403
    body = json.dumps(payload).encode()
    tampered = body.replace(b'"read"', b'"failed"')
    forged = cloud.http.post(
        path_of(hook["url"]),
        content=tampered,
        headers={"X-Hub-Signature-256": whatsapp_signature(body, APP_SECRET)},
    )
    assert forged.status_code == 403
    sha1 = cloud.http.post(
        path_of(hook["url"]),
        content=body,
        headers={"X-Hub-Signature-256": "sha1=" + whatsapp_signature(body, APP_SECRET)[7:]},
    )
    assert sha1.status_code == 403
    assert "app secret" in forged.json()["detail"]
    assert events(laptop) == []


def test_the_same_notification_twice_has_one_effect(cloud: Cloud) -> None:
    laptop, hook = setup(cloud)
    sent(laptop, WAMID)
    payload = notification(statuses=[status(WAMID, "delivered")])

    assert post(cloud.http, hook, payload).json() == {"recorded": 1}
    assert post(cloud.http, hook, payload).json() == {"recorded": 0}  # Meta retried

    assert len(events(laptop)) == 1
    stored = cloud.sql("SELECT count(*) FROM sync_rows WHERE table_name = 'inbound_events'")
    assert stored[0][0] == 1


def test_statuses_out_of_order_are_all_recorded(cloud: Cloud) -> None:
    laptop, hook = setup(cloud)
    sent(laptop, WAMID)

    post(cloud.http, hook, notification(statuses=[status(WAMID, "read", "1750857390")]))
    post(cloud.http, hook, notification(statuses=[status(WAMID, "delivered", "1750857384")]))

    by_status = {row["status"]: row for row in events(laptop)}
    assert set(by_status) == {"read", "delivered"}
    # Each keeps the time Meta gives it, so the laptop can order them.
    assert by_status["delivered"]["occurred_at"] < by_status["read"]["occurred_at"]


def test_statuses_about_messages_the_account_never_sent_are_ignored(cloud: Cloud) -> None:
    laptop, hook = setup(cloud)
    sent(laptop, WAMID)
    stranger = "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA="

    answer = post(
        cloud.http,
        hook,
        notification(statuses=[status(stranger, "delivered"), status(WAMID, "sent")]),
    )

    assert answer.status_code == 200  # Meta must not retry it
    assert [(row["message_id"], row["status"]) for row in events(laptop)] == [(WAMID, "sent")]


def test_a_failure_keeps_the_error_and_131050_is_also_an_opt_out(cloud: Cloud) -> None:
    laptop, hook = setup(cloud)
    stopped, unreachable = WAMID, WAMID.replace("MMj", "MMk")
    sent(laptop, stopped)
    sent(laptop, unreachable)
    marketing_stop = {
        "code": 131050,
        "title": "Unable to deliver the message. This recipient has chosen to stop receiving "
        "marketing messages on WhatsApp from your business.",
        "message": "Unable to deliver the message. This recipient has chosen to stop receiving "
        "marketing messages on WhatsApp from your business.",
        "error_data": {
            "details": "Unable to deliver the message. This recipient has chosen to stop "
            "receiving marketing messages on WhatsApp from your business."
        },
        "href": "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/",
    }
    undeliverable = {
        "code": 131026,
        "title": "Message undeliverable",
        "message": "Message undeliverable",
        "error_data": {"details": "Message Undeliverable."},
    }

    post(
        cloud.http,
        hook,
        notification(
            statuses=[
                status(stopped, "failed", errors=[marketing_stop]),
                status(unreachable, "failed", errors=[undeliverable]),
            ]
        ),
    )

    rows = events(laptop)
    failures = {row["message_id"]: row for row in rows if row["kind"] == "receipt"}
    assert failures[stopped]["status"] == "failed"
    assert failures[stopped]["error_code"] == "131050"
    assert "stop receiving marketing messages" in failures[stopped]["error_words"]
    assert failures[unreachable]["error_code"] == "131026"
    assert failures[unreachable]["error_words"] == "Message undeliverable: Message Undeliverable."
    [opt_out] = [row for row in rows if row["kind"] == "opt_out"]
    assert opt_out["channel"] == "whatsapp" and opt_out["message_id"] == stopped
    assert opt_out["address"] == "+221770000001" and opt_out["status"] == ""


# -- messages -------------------------------------------------------------------------------


def test_messages_from_people_become_inbound_events_with_their_text(cloud: Cloud) -> None:
    laptop, hook = setup(cloud)
    payload = notification(
        contacts=CONTACTS,
        messages=[
            incoming("wamid.text1", "text", {"body": "Oui, je suis intéressée"}),
            {
                **incoming(
                    "wamid.button1", "button", {"payload": "STOP", "text": "Stop promotions"}
                ),
                "context": {"from": "15550783881", "id": WAMID},
            },
            incoming(
                "wamid.reply1",
                "interactive",
                {"type": "button_reply", "button_reply": {"id": "yes", "title": "Oui"}},
            ),
            incoming(
                "wamid.list1",
                "interactive",
                {
                    "type": "list_reply",
                    "list_reply": {
                        "id": "priority_express",
                        "title": "Livraison express",
                        "description": "Demain",
                    },
                },
            ),
            incoming("wamid.system1", "system", {"body": "User changed number"}),
        ],
    )

    assert post(cloud.http, hook, payload).status_code == 200

    rows = {row["message_id"]: row for row in events(laptop)}
    assert {mid: row["text"] for mid, row in rows.items()} == {
        "wamid.text1": "Oui, je suis intéressée",
        "wamid.button1": "Stop promotions",
        "wamid.reply1": "Oui",
        "wamid.list1": "Livraison express",
    }
    text = rows["wamid.text1"]
    assert text["kind"] == "inbound" and text["channel"] == "whatsapp"
    assert text["address"] == "+221770000001" and text["status"] == ""
    assert text["occurred_at"] == "2025-02-12 00:43:44"
    assert text["id"] == event_id(laptop.account.id, "whatsapp", "message|wamid.text1")
    # The same message again (a retry): nothing new.
    assert post(cloud.http, hook, payload).json() == {"recorded": 0}


def test_a_signed_body_that_is_not_a_notification_is_acknowledged(cloud: Cloud) -> None:
    laptop, hook = setup(cloud)
    for payload in ({"object": "page", "entry": []}, {"entry": "nonsense"}):
        assert post(cloud.http, hook, payload).status_code == 200
    body = b"not json"
    answer = cloud.http.post(
        path_of(hook["url"]),
        content=body,
        headers={"X-Hub-Signature-256": whatsapp_signature(body, APP_SECRET)},
    )
    assert answer.status_code == 200
    assert events(laptop) == []


# -- isolation and rotation -----------------------------------------------------------------


def test_one_accounts_hook_never_touches_another_accounts_messages(cloud: Cloud) -> None:
    alice = cloud.register()
    bob = cloud.register()
    alice_laptop, bob_laptop = alice.device(), bob.device()
    alice_hook = enable(alice, "whatsapp", secret=APP_SECRET)
    bob_hook = enable(bob, "whatsapp", secret=OTHER_SECRET)
    sent(bob_laptop, WAMID)  # Bob's message

    # Alice's hook (her secret) reporting on Bob's message: not a message Alice sent.
    on_alice = post(cloud.http, alice_hook, notification(statuses=[status(WAMID, "read")]))
    assert on_alice.status_code == 200
    # Bob's hook signed with Alice's secret: forged.
    forged = post(cloud.http, bob_hook, notification(statuses=[status(WAMID, "read")]), APP_SECRET)
    assert forged.status_code == 403
    # A message from a person to Alice's number lands on Alice only.
    post(
        cloud.http,
        alice_hook,
        notification(contacts=CONTACTS, messages=[incoming("wamid.in", "text", {"body": "Hi"})]),
    )

    assert [row["message_id"] for row in events(alice_laptop)] == ["wamid.in"]
    assert events(bob_laptop) == []
    # Bob's own hook and secret: recorded on Bob.
    post(cloud.http, bob_hook, notification(statuses=[status(WAMID, "read")]), OTHER_SECRET)
    assert [row["status"] for row in events(bob_laptop)] == ["read"]
    assert [row["message_id"] for row in events(alice_laptop)] == ["wamid.in"]


def test_a_rotated_hook_url_stops_working(cloud: Cloud) -> None:
    account = cloud.register()
    old = enable(account, "whatsapp", secret=APP_SECRET)
    new = enable(account, "whatsapp", secret=OTHER_SECRET)
    payload = notification(messages=[incoming("wamid.x", "text", {"body": "Hello"})])
    assert post(cloud.http, old, payload).status_code == 404
    assert post(cloud.http, new, payload, OTHER_SECRET).status_code == 200
    assert post(cloud.http, new, payload, APP_SECRET).status_code == 403  # the old secret


def test_the_signature_matches_a_published_vector() -> None:
    # HMAC-SHA256("test", key "secret"), as in the whatsapp_sdk documentation
    # (https://hexdocs.pm/whatsapp_sdk/WhatsApp.Webhook.html).
    vector = "0329a06b62cd16b33eb6792be8c60b158d89a2ee3a876fce9a881ebb488c0914"
    assert signature_ok(b"test", f"sha256={vector}", "secret")
    assert signature_ok(b"test", f"sha256={vector.upper()}", "secret")
    assert not signature_ok(b"test ", f"sha256={vector}", "secret")
    assert not signature_ok(b"test", vector, "secret")
    assert not signature_ok(b"test", f"sha256={vector}", "")
