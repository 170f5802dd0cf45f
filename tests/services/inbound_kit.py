"""Provider events as sync brings them, and campaigns as the dispatcher leaves them.

``pull`` lands ``inbound_events`` rows through the sync engine's own page apply (what a pull
from the cloud does: capture off, cursor moved); ``sent_campaign`` makes a campaign whose
recipients a provider accepted (status "sent", the provider's message id, the address).
"""

from __future__ import annotations

import sqlite3
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from localpro_desktop.domain.ids import new_id
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import Campaign, CampaignRecipient, Contact, OutboxMessage
from localpro_desktop.sync import engine
from localpro_protocol.events import event_id
from localpro_protocol.wire import SYNCED_TABLES, Change, PullResponse

ACCOUNT = "acct-test"
T0 = datetime(2026, 3, 2, 10, 0, 0)
SERVER_NODE = "server"


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


@dataclass
class Ev:
    """One provider event (the cloud's ``Event``), with its times as datetimes."""

    kind: str
    channel: str
    provider: str
    dedupe_key: str
    message_id: str = ""
    status: str = ""
    error_code: str = ""
    error_words: str = ""
    address: str = ""
    text: str = ""
    occurred_at: datetime = T0
    received_at: datetime | None = None

    @property
    def id(self) -> str:
        return event_id(ACCOUNT, self.provider, self.dedupe_key)

    def fields(self, hlc: str) -> dict[str, Any]:
        received = self.received_at or self.occurred_at
        values = {
            "kind": self.kind,
            "channel": self.channel,
            "provider": self.provider,
            "message_id": self.message_id,
            "status": self.status,
            "error_code": self.error_code,
            "error_words": self.error_words,
            "address": self.address,
            "text": self.text,
            "occurred_at": engine.encode(self.occurred_at),
            "received_at": engine.encode(received),
            "created_at": engine.encode(received),
            "updated_at": engine.encode(received),
            "deleted_at": None,
        }
        return {name: [value, hlc] for name, value in values.items()}


def receipt(
    message_id: str, status: str, minutes: float, channel: str = "whatsapp", **kw: Any
) -> Ev:
    provider = kw.pop(
        "provider", {"whatsapp": "whatsapp", "sms": "twilio", "email": "email"}[channel]
    )
    return Ev(
        "receipt",
        channel,
        provider,
        f"{message_id}:{status}",
        message_id=message_id,
        status=status,
        occurred_at=at(minutes),
        **kw,
    )


def inbound(address: str, text: str, minutes: float, channel: str = "whatsapp", **kw: Any) -> Ev:
    provider = kw.pop("provider", {"whatsapp": "whatsapp", "sms": "twilio"}[channel])
    key = kw.pop("key", f"in-{address}-{minutes}-{text}")
    return Ev(
        "inbound",
        channel,
        provider,
        key,
        message_id=key,
        address=address,
        text=text,
        occurred_at=at(minutes),
        **kw,
    )


class Puller:
    """Pages of pulled changes, as the cloud would send them, for one workspace."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.seq = engine.cursor(ws)

    def pull(self, *events: Ev) -> None:
        millis = int(datetime(2026, 3, 10).timestamp() * 1000)
        changes = []
        for n, event in enumerate(events):
            self.seq += 1
            hlc = f"{millis:013d}-{n:05d}-{SERVER_NODE}"
            changes.append(
                Change(
                    table="inbound_events", row_id=event.id, seq=self.seq, fields=event.fields(hlc)
                )
            )
        page = PullResponse(
            changes=changes,
            next_cursor=self.seq,
            has_more=False,
            server_hlc=f"{millis:013d}-{len(events):05d}-{SERVER_NODE}",
        )
        engine.apply_pull(self.ws, page)


def pull(ws: Workspace, *events: Ev) -> None:
    Puller(ws).pull(*events)


@dataclass
class Sent:
    """A campaign a provider accepted, with its recipients by contact key."""

    campaign_id: str
    recipients: dict[str, str] = field(default_factory=dict)
    """contact key → recipient id"""


def add_contact(ws: Workspace, key: str, **values: Any) -> str:
    contact_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"contact/{key}"))
    with ws.write() as session:
        session.add(
            Contact(id=contact_id, first_name=key, created_at=T0 - timedelta(days=30), **values)
        )
    return contact_id


def sent_campaign(
    ws: Workspace,
    name: str,
    channel: str,
    to: dict[str, tuple[str, str, str]],
    *,
    sent_at: datetime = T0,
    outbox: bool = False,
) -> Sent:
    """``to``: contact id → (recipient key, address, provider message id)."""
    campaign_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"campaign/{name}"))
    sent = Sent(campaign_id)
    with ws.write() as session:
        session.add(
            Campaign(
                id=campaign_id,
                name=name,
                channel=channel,
                status="sent",
                sent_at=sent_at,
                created_at=sent_at,
            )
        )
        session.flush()
        for contact_id, (key, address, provider_id) in to.items():
            recipient_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"recipient/{name}/{key}"))
            session.add(
                CampaignRecipient(
                    id=recipient_id,
                    campaign_id=campaign_id,
                    contact_id=contact_id,
                    address=address,
                    status="sent",
                    provider_id=provider_id,
                    queued_at=sent_at,
                    sent_at=sent_at,
                    created_at=sent_at,
                )
            )
            if outbox:
                session.add(
                    OutboxMessage(
                        id=new_id(),
                        key=recipient_id,
                        campaign_id=campaign_id,
                        recipient_id=recipient_id,
                        channel=channel,
                        address=address,
                        state="sent",
                        provider_id=provider_id,
                    )
                )
            sent.recipients[key] = recipient_id
    return sent


def recipient(ws: Workspace, recipient_id: str) -> CampaignRecipient:
    with ws.read() as session:
        row = session.get(CampaignRecipient, recipient_id)
        assert row is not None
        return row


IGNORED = {"updated_at"}


def dump(database: Path) -> dict[str, dict[str, dict[str, Any]]]:
    """Every synced table's rows (each device keeps its own ``updated_at``)."""
    conn = sqlite3.connect(database)
    try:
        out: dict[str, dict[str, dict[str, Any]]] = {}
        for table in SYNCED_TABLES:
            cursor = conn.execute(f"SELECT * FROM {table}")
            names = [d[0] for d in cursor.description]
            out[table] = {
                row[names.index("id")]: {
                    n: v for n, v in zip(names, row, strict=True) if n not in IGNORED
                }
                for row in cursor
            }
        return out
    finally:
        conn.close()
