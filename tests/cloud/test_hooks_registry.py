"""The account's webhooks (enable, rotate, list), their secrets at rest, provider events
recorded as synced rows (once each), and the index of messages an account sent."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from cloudkit import SECRET, Cloud, FakeClock, latest, new_id

from localpro_cloud.app import create_app
from localpro_cloud.context import Service
from localpro_cloud.db import make_engine
from localpro_cloud.hooks.events import Event, record, was_sent
from localpro_cloud.hooks.registry import find_hook
from localpro_cloud.loopback import running
from localpro_protocol.events import event_id

APP_SECRET = "whatsapp-app-secret-0123456789abcdef"


def service_of(cloud: Cloud) -> Service:
    return Service(engine=make_engine(cloud.database_url), secret=SECRET, clock=cloud.clock)


def test_enabling_needs_a_signed_in_account(cloud: Cloud) -> None:
    answer = cloud.http.post("/v1/hooks", json={"channel": "sms", "provider": "africastalking"})
    assert answer.status_code == 401


def test_whatsapp_needs_its_app_secret_and_gets_a_verify_token(cloud: Cloud) -> None:
    account = cloud.register()
    refused = cloud.http.post("/v1/hooks", json={"channel": "whatsapp"}, headers=account.headers)
    assert refused.status_code == 422
    assert "WhatsApp app secret" in refused.json()["detail"]

    answer = cloud.http.post(
        "/v1/hooks",
        json={"channel": "whatsapp", "secret": APP_SECRET},
        headers=account.headers,
    )
    assert answer.status_code == 200, answer.text
    hook = answer.json()
    assert hook["url"].startswith(f"{cloud.url}/hooks/whatsapp/")
    assert len(hook["verify_token"]) >= 24
    assert APP_SECRET not in answer.text
    # At rest the secret is encrypted: the database alone does not reveal it.
    stored = cloud.sql("SELECT secret_box FROM webhooks")
    assert stored and APP_SECRET not in stored[0][0]
    found = find_hook(service_of(cloud), hook["hook_id"], "whatsapp")
    assert found is not None and found.secret == APP_SECRET
    assert found.account_id == account.id
    assert find_hook(service_of(cloud), hook["hook_id"], "twilio") is None


def test_enabling_again_rotates_the_url(cloud: Cloud) -> None:
    account = cloud.register()
    body = {"channel": "sms", "provider": "africastalking"}
    first = cloud.http.post("/v1/hooks", json=body, headers=account.headers).json()
    second = cloud.http.post("/v1/hooks", json=body, headers=account.headers).json()
    assert first["hook_id"] != second["hook_id"]
    assert second["urls"]["delivery"] == f"{second['url']}/delivery"
    assert second["urls"]["inbound"] == f"{second['url']}/inbound"
    svc = service_of(cloud)
    assert find_hook(svc, first["hook_id"], "africastalking") is None  # the old URL is dead
    assert find_hook(svc, second["hook_id"], "africastalking") is not None
    listed = cloud.http.get("/v1/hooks", headers=account.headers).json()
    assert [(h["channel"], h["hook_id"]) for h in listed] == [("sms", second["hook_id"])]


def test_a_provider_must_fit_the_channel_and_twilio_needs_its_token(cloud: Cloud) -> None:
    account = cloud.register()
    wrong = cloud.http.post(
        "/v1/hooks", json={"channel": "sms", "provider": "whatsapp"}, headers=account.headers
    )
    assert wrong.status_code == 422
    assert "twilio or africastalking" in wrong.json()["detail"]
    no_token = cloud.http.post(
        "/v1/hooks", json={"channel": "sms", "provider": "twilio"}, headers=account.headers
    )
    assert no_token.status_code == 422
    assert "Twilio auth token" in no_token.json()["detail"]


def test_hooks_of_one_account_are_not_listed_for_another(cloud: Cloud) -> None:
    a, b = cloud.register(), cloud.register()
    cloud.http.post("/v1/hooks", json={"channel": "email"}, headers=a.headers)
    assert cloud.http.get("/v1/hooks", headers=b.headers).json() == []
    mine = cloud.http.get("/v1/hooks", headers=a.headers).json()
    assert [h["channel"] for h in mine] == ["email"]
    assert mine[0]["urls"]["open"].endswith(f"/e/{mine[0]['hook_id']}.{{key}}/open.gif")


def test_events_are_recorded_once_and_reach_a_laptop_by_pull(cloud: Cloud) -> None:
    account = cloud.register()
    laptop = account.device()
    laptop.push([laptop.op("campaign_recipients", new_id(), provider_id="wamid.A")])
    svc = service_of(cloud)
    unknown = Event(
        kind="receipt",
        channel="whatsapp",
        provider="whatsapp",
        dedupe_key="status|wamid.NOT-OURS|read",
        message_id="wamid.NOT-OURS",
        status="read",
    )
    assert record(svc, account.id, [unknown]) == 0  # not a message this account sent
    delivered = Event(
        kind="receipt",
        channel="whatsapp",
        provider="whatsapp",
        dedupe_key="status|wamid.A|delivered",
        message_id="wamid.A",
        status="delivered",
        address="+221770000001",
        occurred_ms=1_765_000_000_000,
    )
    reply = Event(
        kind="inbound",
        channel="whatsapp",
        provider="whatsapp",
        dedupe_key="message|wamid.B",
        message_id="wamid.B",
        address="+221770000001",
        text="Oui, je suis intéressé",
    )
    assert record(svc, account.id, [delivered, reply]) == 2
    assert record(svc, account.id, [delivered]) == 0  # the provider retried: one effect
    changes, cursor = laptop.pull_all()
    rows = latest(changes)
    receipt = rows[("inbound_events", event_id(account.id, "whatsapp", delivered.dedupe_key))]
    assert receipt["status"] == "delivered" and receipt["message_id"] == "wamid.A"
    assert receipt["occurred_at"] == "2025-12-06 05:46:40"
    answer = rows[("inbound_events", event_id(account.id, "whatsapp", reply.dedupe_key))]
    assert answer["text"] == "Oui, je suis intéressé" and answer["kind"] == "inbound"
    assert cursor == 3  # the pushed recipient, then the two events
    # Another account sees none of it.
    other = cloud.register().device()
    assert other.pull_all()[0] == []


def test_laptops_cannot_write_provider_events(cloud: Cloud) -> None:
    laptop = cloud.register().device()
    result = laptop.push([laptop.op("inbound_events", new_id(), kind="inbound", text="fake")])
    assert len(result.rejected) == 1


def test_messages_an_account_sent_are_indexed_from_its_pushes(cloud: Cloud) -> None:
    a, b = cloud.register(), cloud.register()
    laptop = a.device()
    recipient = new_id()
    result = laptop.push(
        [laptop.op("campaign_recipients", recipient, provider_id="ATXid_42", status="sent")]
    )
    assert result.rejected == []
    svc = service_of(cloud)
    assert was_sent(svc, a.id, "ATXid_42")
    assert not was_sent(svc, b.id, "ATXid_42")
    assert not was_sent(svc, a.id, "ATXid_43")
    # Pushed again (status moves on): still one entry.
    laptop.push([laptop.op("campaign_recipients", recipient, status="delivered")])
    assert cloud.sql("SELECT count(*) FROM sent_index")[0][0] == 1


def test_the_public_url_is_what_providers_are_given(tmp_path: Path) -> None:
    url = f"sqlite:///{(tmp_path / 'cloud.sqlite').as_posix()}"
    app = create_app(url, secret=SECRET, clock=FakeClock(), public_url="https://hooks.example.sn/")
    with running(app) as base, httpx.Client(base_url=base, timeout=30) as http:
        answer = http.post(
            "/v1/auth/register", json={"email": "awa@example.sn", "password": "correct horse b"}
        )
        token = answer.json()["access_token"]
        hook = http.post(
            "/v1/hooks",
            json={"channel": "sms", "provider": "africastalking"},
            headers={"Authorization": f"Bearer {token}"},
        ).json()
    assert hook["url"] == f"https://hooks.example.sn/hooks/africastalking/{hook['hook_id']}"


@pytest.mark.parametrize("channel", ["whatsapp", "sms", "email"])
def test_every_channel_can_be_listed_after_enabling(cloud: Cloud, channel: str) -> None:
    account = cloud.register()
    body = {"channel": channel, "secret": APP_SECRET if channel == "whatsapp" else ""}
    if channel == "sms":
        body["provider"] = "africastalking"
    assert cloud.http.post("/v1/hooks", json=body, headers=account.headers).status_code == 200
    listed = cloud.http.get("/v1/hooks", headers=account.headers).json()
    assert [h["channel"] for h in listed] == [channel]
    assert APP_SECRET not in str(listed)


def test_access_logs_never_show_a_hook_id() -> None:
    import logging

    from localpro_cloud.cli import _HideHookIds

    line = logging.LogRecord(
        "uvicorn.access",
        logging.INFO,
        __file__,
        0,
        '%s - "%s %s HTTP/%s" %d',
        ("10.0.0.1:5000", "POST", "/hooks/africastalking/s3cr3t-HookId_1/delivery", "1.1", 200),
        None,
    )
    pixel = logging.LogRecord(
        "uvicorn.access", logging.INFO, __file__, 0, "%s", ("/e/s3cr3t.0190-key/open.gif",), None
    )
    for record_ in (line, pixel):
        assert _HideHookIds().filter(record_)
        assert "s3cr3t" not in record_.getMessage()
    assert "/hooks/africastalking/…/delivery" in line.getMessage()


def test_calls_recorded_together_each_get_their_own_answer(cloud: Cloud) -> None:
    """Many provider calls at once (group commit): every event stored once, on its own
    account, with distinct sequence numbers; a repeated one still counts as not new."""
    from concurrent.futures import ThreadPoolExecutor

    a, b = cloud.register(), cloud.register()
    svc = service_of(cloud)

    def one(i: int) -> int:
        account = a if i % 2 else b
        event = Event(
            kind="inbound",
            channel="sms",
            provider="africastalking",
            dedupe_key=f"message|{i % 150}",
            address=f"+2547110{i % 150:05d}",
            text=f"message {i % 150}",
        )
        return record(svc, account.id, [event])

    with ThreadPoolExecutor(max_workers=16) as pool:
        results = list(pool.map(one, range(300)))
    assert sum(results) == 150  # 300 calls, each event sent twice
    for account in (a, b):
        changes, _cursor = account.device().pull_all()
        assert len(changes) == 75
        assert all(change.table == "inbound_events" for change in changes)
    seqs = cloud.sql("SELECT account_id, seq FROM sync_rows")
    assert len(set(seqs)) == 150  # each account's sequence: 1 to 75, none shared
