"""``apply_deliveries`` (the dispatcher's batch) writes exactly what ``apply_delivery``
writes message by message: compared row by row on two identical real workspaces."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import text

from localpro_desktop.domain.campaigns import RecipientStatus
from localpro_desktop.domain.changes import ChangeSet
from localpro_desktop.paths import WorkspacePaths
from localpro_desktop.services.campaign_delivery import Delivery, apply_deliveries, apply_delivery
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import Campaign, CampaignRecipient, Contact

SEEDED = datetime(2026, 1, 1, 8, 0, 0)
T0 = datetime(2026, 3, 2, 10, 0, 0, 123456)
S = RecipientStatus


def _t(seconds: int) -> datetime:
    return T0 + timedelta(seconds=seconds)


# (recipient id, contact id, campaign id, status, sent_at, failed_at, provider_id)
RECIPIENTS = [
    ("r-queued-sent", "c-never", "k-a", S.QUEUED, None, None, ""),
    ("r-queued-sent-twice", "c-never", "k-a", S.QUEUED, None, None, ""),
    ("r-queued-failed", "c-past", "k-a", S.QUEUED, None, None, ""),
    ("r-sent-delivered", "c-past", "k-a", S.SENT, _t(-60), None, "p-old"),
    ("r-delivered-late-sent", "c-future", "k-a", S.DELIVERED, _t(-30), None, "p-d"),
    ("r-pending-delivered", "c-future", "k-b", S.PENDING, None, None, ""),
    ("r-skipped-sent", "c-past", "k-b", S.SKIPPED, None, None, ""),
    ("r-failed-again", "c-never", "k-b", S.FAILED, None, _t(-5), ""),
    ("r-queued-sent-b", "c-future", "k-b", S.QUEUED, None, None, ""),
    ("r-queued-sent-gone", "c-gone", "k-b", S.QUEUED, None, None, ""),
    ("r-untouched", "c-past", "k-a", S.QUEUED, None, None, ""),
]

DELIVERIES = [
    Delivery("r-queued-sent", S.SENT, provider_id="p1", at=_t(1)),
    Delivery("r-queued-failed", S.FAILED, error="401: refused", at=_t(2)),
    Delivery("r-sent-delivered", S.DELIVERED, provider_id="p-new", at=_t(3)),
    Delivery("r-delivered-late-sent", S.SENT, provider_id="p-late", at=_t(4)),
    Delivery("r-pending-delivered", S.DELIVERED, at=_t(5)),
    Delivery("r-skipped-sent", S.SENT, provider_id="p-skip", at=_t(6)),
    Delivery("r-failed-again", S.FAILED, error="again", at=_t(7)),
    Delivery("no-such-recipient", S.SENT, provider_id="p-none", at=_t(8)),
    Delivery("r-queued-sent-twice", S.SENT, provider_id="p2", at=_t(20)),
    Delivery("r-queued-sent-b", S.SENT, provider_id="p3", at=_t(9)),
    Delivery("r-queued-sent-gone", S.SENT, provider_id="p4", at=_t(10)),
    Delivery("r-queued-sent-twice", S.SENT, provider_id="p2-again", at=_t(15)),
    Delivery("r-queued-sent", S.DELIVERED, at=_t(11)),
]


def _seed(ws: Workspace) -> None:
    with ws.write() as session:
        for key, last in (
            ("c-never", None),
            ("c-past", _t(-3600)),
            ("c-future", _t(3600)),
            ("c-gone", _t(-7200)),
        ):
            session.add(Contact(id=key, first_name=key, last_contacted_at=last, updated_at=SEEDED))
        session.add(Campaign(id="k-a", name="Tabaski -20 %", channel="sms", status="sent"))
        session.add(Campaign(id="k-b", name="", channel="sms", status="sent"))
        session.flush()
        for key, contact, campaign, status, sent_at, failed_at, provider in RECIPIENTS:
            session.add(
                CampaignRecipient(
                    id=key,
                    campaign_id=campaign,
                    contact_id=contact,
                    address="+221771234567",
                    status=status.value,
                    sent_at=sent_at,
                    failed_at=failed_at,
                    provider_id=provider,
                    updated_at=SEEDED,
                )
            )
    with ws.write() as session:
        gone = session.get(Contact, "c-gone")
        assert gone is not None
        gone.deleted_at = SEEDED  # a deleted contact still gets the timeline entry


def _snapshot(ws: Workspace, since: int) -> dict[str, Any]:
    with ws.read() as session:

        def rows(sql: str) -> list[tuple[Any, ...]]:
            return [tuple(row) for row in session.execute(text(sql))]

        return {
            "recipients": rows(
                "SELECT id, campaign_id, contact_id, status, provider_id, error, queued_at,"
                " sent_at, delivered_at, opened_at, replied_at, failed_at, deleted_at,"
                f" updated_at != '{SEEDED}' FROM campaign_recipients ORDER BY id"
            ),
            "contacts": rows(
                f"SELECT id, last_contacted_at, deleted_at, updated_at != '{SEEDED}'"
                " FROM contacts ORDER BY id"
            ),
            "activities": Counter(
                rows(
                    "SELECT contact_id, kind, body, old_status, new_status, occurred_at,"
                    " deleted_at, created_at IS NOT NULL, updated_at IS NOT NULL"
                    " FROM activities"
                )
            ),
            # As a set: the ORM may flush a row twice in a batch (autoflush), capturing a
            # field twice; what sync sends is the same.
            "captured": set(
                rows(
                    "SELECT tbl, row_id, field FROM sync_outbox"
                    f" WHERE seq > {since} AND tbl != 'activities'"
                )
            ),
            "activities captured": Counter(
                rows(f"SELECT field FROM sync_outbox WHERE seq > {since} AND tbl = 'activities'")
            ),
        }


def _last_seq(ws: Workspace) -> int:
    with ws.read() as session:
        return int(session.scalar(text("SELECT coalesce(max(seq), 0) FROM sync_outbox")) or 0)


def test_the_batch_writes_what_each_message_would(tmp_path: Path) -> None:
    one_by_one = Workspace.open(WorkspacePaths(tmp_path / "one"))
    batch = Workspace.open(WorkspacePaths(tmp_path / "batch"))
    try:
        for ws in (one_by_one, batch):
            _seed(ws)
        since = {ws: _last_seq(ws) for ws in (one_by_one, batch)}
        assert _snapshot(one_by_one, since[one_by_one]) == _snapshot(batch, since[batch])

        each = ChangeSet()
        with one_by_one.write(each) as session:
            for d in DELIVERIES:
                recipient = session.get(CampaignRecipient, d.recipient_id)
                if recipient is not None:
                    apply_delivery(
                        session,
                        each,
                        recipient,
                        d.status,
                        provider_id=d.provider_id,
                        error=d.error,
                        at=d.at,
                    )
        together = ChangeSet()
        with batch.write(together) as session:
            apply_deliveries(session, together, DELIVERIES)

        expected = _snapshot(one_by_one, since[one_by_one])
        got = _snapshot(batch, since[batch])
        assert got["recipients"] == expected["recipients"]
        assert got["contacts"] == expected["contacts"]
        assert got["activities"] == expected["activities"]
        assert got["captured"] == expected["captured"]
        assert got["activities captured"] == expected["activities captured"]
        assert together.ids == each.ids
        # The scenario exercises what it means to: entries were written and captured.
        assert sum(expected["activities"].values()) == 4
        assert ("contacts", "c-never", "last_contacted_at") in expected["captured"]
        assert ("contacts", "c-future", "last_contacted_at") not in expected["captured"]
    finally:
        one_by_one.close()
        batch.close()


def test_an_empty_batch_writes_nothing(workspace: Workspace) -> None:
    changes = ChangeSet()
    with workspace.write(changes) as session:
        apply_deliveries(session, changes, [])
    assert not changes
