"""Replies, receipts and a STOP recorded by the cloud while both laptops are closed: each
laptop applies them after its next sync (the account's round applies what it pulled),
once, and both end with the same rows as each other and as the server."""

from __future__ import annotations

from datetime import UTC, datetime

from synckit import SECRET, Device, Fleet, _same, count_rows, describe_difference

from localpro_cloud import db
from localpro_cloud.context import Service
from localpro_cloud.hooks.events import Event, record
from localpro_desktop.domain.activities import ActivityKind
from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.domain.opt_outs import inbound_contact_id
from localpro_desktop.services.account import CloudAccount
from localpro_desktop.services.inbound import apply_pending, is_opted_out, list_replies
from localpro_desktop.store.models import Activity, CampaignRecipient
from tests.services.inbound_kit import T0, add_contact, at, sent_campaign

AWA = "+221771234567"
STRANGER = "+221769998877"


def _ms(when: datetime) -> int:
    return int(when.replace(tzinfo=UTC).timestamp() * 1000)


def _converged(fleet: Fleet) -> dict[str, dict[str, dict[str, object]]]:
    """``synckit.assert_converged``, minus the server's ``updated_at`` of an event (the
    cloud writes it into the event's document; laptops never hold anyone's ``updated_at``)."""
    fleet.sync_all(rounds=2)
    first, *others = [device.dump() for device in fleet.devices]
    for device, snapshot in zip(fleet.devices[1:], others, strict=True):
        for table, rows in snapshot.items():
            assert rows == first[table], f"{device.name}, {table}:\n" + describe_difference(
                first[table], rows
            )
    for device in fleet.devices:
        assert device.pending() == 0, device.name
    server = fleet.cloud.rows(fleet.account_id)
    assert len(server) == count_rows(first)
    for (table, row_id), fields in server.items():
        held = first[table][row_id]
        for name, value in fields.items():
            if name != "updated_at":
                assert _same(held[name], value), (table, row_id, name, held[name], value)
    return first


def _round(device: Device) -> None:
    """One round as the app and ``localpro sync`` run it (through the cloud account)."""
    account = CloudAccount(device.ws, client_factory=lambda _ws, _server: device.client)
    account.sync_once()


def test_events_recorded_while_offline_are_applied_once_on_two_laptops(fleet: Fleet) -> None:
    a, b = fleet.device("a"), fleet.device("b")
    awa = add_contact(a.ws, "Awa", phone=AWA, phone_e164=AWA, whatsapp=AWA, whatsapp_e164=AWA)
    sent = sent_campaign(a.ws, "Tabaski", "whatsapp", {awa: ("awa", AWA, "wamid.A")}, sent_at=T0)
    fleet.sync_all()

    # Both laptops closed: the providers call the cloud (a retry included).
    svc = Service(engine=db.make_engine(fleet.cloud.database_url), secret=SECRET)
    try:
        events = [
            Event("receipt", "whatsapp", "whatsapp", "wamid.A:delivered", message_id="wamid.A",
                  status="delivered", occurred_ms=_ms(at(1))),
            Event("receipt", "whatsapp", "whatsapp", "wamid.A:read", message_id="wamid.A",
                  status="read", occurred_ms=_ms(at(2))),
            Event("inbound", "whatsapp", "whatsapp", "wamid.IN1", message_id="wamid.IN1",
                  address=AWA, text="Oui, je passe demain", occurred_ms=_ms(at(30))),
            Event("inbound", "sms", "twilio", "SM-in-2", message_id="SM-in-2", address=AWA,
                  text="STOP", occurred_ms=_ms(at(40))),
            Event("inbound", "whatsapp", "whatsapp", "wamid.IN3", message_id="wamid.IN3",
                  address=STRANGER, text="Vous êtes où ?", occurred_ms=_ms(at(50))),
        ]  # fmt: skip
        assert record(svc, fleet.account_id, events) == 5
        assert record(svc, fleet.account_id, events[2:3]) == 0  # the provider retried
    finally:
        svc.engine.dispose()

    _round(b)  # b first: the order the laptops open in does not matter
    _round(a)
    for device in (a, b):
        assert apply_pending(device.ws).applied == 0  # each event applied once per laptop
        with device.ws.read() as session:
            row = session.get(CampaignRecipient, sent.recipients["awa"])
            assert row is not None and (row.status, row.replied_at) == ("replied", at(30))
            replies = session.query(Activity).filter_by(kind=ActivityKind.REPLY.value).count()
            assert replies == 3
        assert is_opted_out(device.ws, awa, Channel.SMS)
        assert not is_opted_out(device.ws, awa, Channel.WHATSAPP)
        shown = [(r.text, r.contact_id) for r in list_replies(device.ws)]
        assert shown == [
            ("Vous êtes où ?", inbound_contact_id(STRANGER)),
            ("STOP", awa),
            ("Oui, je passe demain", awa),
        ]
    snapshot = _converged(fleet)
    assert len(snapshot["inbound_events"]) == 5
    assert len(snapshot["contact_opt_outs"]) == 1
    assert inbound_contact_id(STRANGER) in snapshot["contacts"]
    reply_entries = [e for e in snapshot["activities"].values() if e["kind"] == "reply"]
    assert len(reply_entries) == 3
