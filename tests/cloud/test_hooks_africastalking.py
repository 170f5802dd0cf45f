"""Africa's Talking callbacks against the real service: delivery reports and incoming SMS in
the form fields Africa's Talking documents, and what a laptop pulls from them. It signs
nothing: the hook id is the secret and reports count only for messages the account sent.

- https://developers.africastalking.com/docs/sms/notifications
  (http://docs.africastalking.com/sms/notifications)
- http://docs.africastalking.com/sms/deliveryreports
- http://docs.africastalking.com/sms/callback
"""

from typing import Any

import httpx
from cloudkit import Cloud, Device
from hooks_kit import enable, events, path_of, sent

from localpro_protocol.events import event_id

AT_ID = "ATXid_0f5b9a8e1c7d4e2a9b3c6d8e0f1a2b3c"
PERSON = "+254711082000"


def report(message_id: str, state: str, **extra: str) -> dict[str, str]:
    """A delivery report: id, status, phoneNumber, networkCode, retryCount (+ failureReason)."""
    return {
        "id": message_id,
        "status": state,
        "phoneNumber": PERSON,
        "networkCode": "63902",
        "retryCount": "0",
        **extra,
    }


def incoming(message_id: str, text: str) -> dict[str, str]:
    """An incoming message: date, from, id, linkId, text, to, networkCode."""
    return {
        "date": "2025-06-25T13:16:24.000Z",
        "from": PERSON,
        "id": message_id,
        "linkId": "SampleLinkId123",
        "text": text,
        "to": "21525",
        "networkCode": "63902",
    }


def setup(cloud: Cloud) -> tuple[Device, dict[str, Any]]:
    account = cloud.register()
    return account.device(), enable(account, "sms", "africastalking")


def post(
    http: httpx.Client, hook: dict[str, Any], which: str, form: dict[str, str]
) -> httpx.Response:
    return http.post(path_of(hook["urls"][which]), data=form)


def test_delivery_reports_about_sent_messages_become_receipts(cloud: Cloud) -> None:
    laptop, hook = setup(cloud)
    sent(laptop, AT_ID, PERSON)

    for state in ("Submitted", "Buffered", "Sent", "Success"):
        assert post(cloud.http, hook, "delivery", report(AT_ID, state)).status_code == 200

    rows = {row["status"]: row for row in events(laptop)}
    assert set(rows) == {"sent", "delivered"}  # Submitted/Buffered: still on the way
    delivered = rows["delivered"]
    assert delivered["id"] == event_id(
        laptop.account.id, "africastalking", f"status|{AT_ID}|delivered"
    )
    assert delivered["kind"] == "receipt" and delivered["channel"] == "sms"
    assert delivered["provider"] == "africastalking" and delivered["message_id"] == AT_ID
    assert delivered["address"] == PERSON and delivered["error_code"] == ""


def test_failed_and_rejected_reports_carry_the_failure_reason(cloud: Cloud) -> None:
    laptop, hook = setup(cloud)
    failed, rejected = AT_ID, AT_ID[:-1] + "d"
    sent(laptop, failed)
    sent(laptop, rejected)

    post(cloud.http, hook, "delivery", report(failed, "Failed", failureReason="UserInBlackList"))
    post(
        cloud.http, hook, "delivery", report(rejected, "Rejected", failureReason="DeliveryFailure")
    )

    rows = {row["message_id"]: row for row in events(laptop)}
    assert rows[failed]["status"] == "failed"
    assert rows[failed]["error_code"] == "UserInBlackList"
    assert rows[failed]["error_words"] == "The subscriber blocked messages from this sender"
    assert (rows[rejected]["status"], rows[rejected]["error_code"]) == (
        "failed",
        "DeliveryFailure",
    )


def test_an_incoming_sms_becomes_an_inbound_event(cloud: Cloud) -> None:
    laptop, hook = setup(cloud)
    answer = post(cloud.http, hook, "inbound", incoming("c5f5a5e0-inbound-1", "Arrêt"))
    assert answer.status_code == 200
    [row] = events(laptop)
    assert row["kind"] == "inbound" and row["provider"] == "africastalking"
    assert row["channel"] == "sms" and row["address"] == PERSON
    assert row["text"] == "Arrêt" and row["message_id"] == "c5f5a5e0-inbound-1"
    assert row["occurred_at"] == "2025-06-25 13:16:24"


def test_reports_about_messages_the_account_never_sent_are_ignored(cloud: Cloud) -> None:
    laptop, hook = setup(cloud)
    sent(laptop, AT_ID)
    # Someone who learnt the URL reports on an invented message id.
    forged = report("ATXid_invented", "Failed", failureReason="UserInBlackList")
    assert post(cloud.http, hook, "delivery", forged).status_code == 200
    assert events(laptop) == []


def test_the_same_report_twice_has_one_effect(cloud: Cloud) -> None:
    laptop, hook = setup(cloud)
    sent(laptop, AT_ID)
    for _ in range(3):
        post(cloud.http, hook, "delivery", report(AT_ID, "Success", retryCount="1"))
        post(cloud.http, hook, "inbound", incoming("inbound-2", "Oui"))
    assert sorted(row["kind"] for row in events(laptop)) == ["inbound", "receipt"]


def test_success_before_sent_both_count(cloud: Cloud) -> None:
    laptop, hook = setup(cloud)
    sent(laptop, AT_ID)
    post(cloud.http, hook, "delivery", report(AT_ID, "Success"))
    post(cloud.http, hook, "delivery", report(AT_ID, "Sent"))
    assert sorted(row["status"] for row in events(laptop)) == ["delivered", "sent"]


def test_unknown_and_rotated_hooks_are_not_found(cloud: Cloud) -> None:
    account = cloud.register()
    laptop = account.device()
    old = enable(account, "sms", "africastalking")
    new = enable(account, "sms", "africastalking")
    assert post(cloud.http, old, "inbound", incoming("inbound-3", "Hi")).status_code == 404
    assert post(cloud.http, old, "delivery", report(AT_ID, "Success")).status_code == 404
    unknown = cloud.http.post("/hooks/africastalking/not-a-hook/inbound", data=incoming("x", "y"))
    assert unknown.status_code == 404
    assert post(cloud.http, new, "inbound", incoming("inbound-3", "Hi")).status_code == 200
    assert [row["text"] for row in events(laptop)] == ["Hi"]


def test_one_accounts_hook_never_touches_another_accounts_messages(cloud: Cloud) -> None:
    alice, bob = cloud.register(), cloud.register()
    alice_laptop, bob_laptop = alice.device(), bob.device()
    alice_hook = enable(alice, "sms", "africastalking")
    bob_hook = enable(bob, "sms", "africastalking")
    sent(bob_laptop, AT_ID)

    # Alice's hook id reporting on Bob's message: not a message Alice sent.
    post(
        cloud.http, alice_hook, "delivery", report(AT_ID, "Failed", failureReason="UserInBlackList")
    )
    post(cloud.http, alice_hook, "inbound", incoming("inbound-4", "Bonjour"))
    assert events(bob_laptop) == []
    assert [row["kind"] for row in events(alice_laptop)] == ["inbound"]

    post(cloud.http, bob_hook, "delivery", report(AT_ID, "Success"))
    assert [row["status"] for row in events(bob_laptop)] == ["delivered"]
    assert [row["kind"] for row in events(alice_laptop)] == ["inbound"]
