"""Provider answers applied to a campaign's recipients, and the campaign's end.

Receipts arrive out of order (a "delivered" may overtake "sent"): a recipient only moves
forward (``domain.campaigns.recipient_advances``). Runs in the caller's transaction, so the
dispatcher writes an outbox row's outcome and its recipient together.

``apply_delivery`` changes one recipient through the ORM; ``apply_deliveries`` does the
same for a batch (the dispatcher's) with a few set-based statements.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Connection, Insert, Update, bindparam, func, insert, select, update
from sqlalchemy import Table as SqlTable
from sqlalchemy.orm import Session

from localpro_desktop.domain.activities import ActivityKind
from localpro_desktop.domain.campaigns import (
    CampaignStatus,
    RecipientStatus,
    check_campaign_move,
    recipient_advances,
)
from localpro_desktop.domain.changes import ChangeSet
from localpro_desktop.domain.ids import new_id, utcnow
from localpro_desktop.services.campaign_stats import stats_of
from localpro_desktop.store.models import Activity, Campaign, CampaignRecipient, Contact
from localpro_protocol.wire import Table

OPEN_RECIPIENT_STATES = (RecipientStatus.PENDING.value, RecipientStatus.QUEUED.value)
"""A recipient whose message has not reached a final answer yet."""

_IMPLIES_SENT = {RecipientStatus.DELIVERED, RecipientStatus.OPENED, RecipientStatus.REPLIED}
TIMESTAMP_FOR = {
    RecipientStatus.QUEUED: "queued_at",
    RecipientStatus.SENT: "sent_at",
    RecipientStatus.DELIVERED: "delivered_at",
    RecipientStatus.OPENED: "opened_at",
    RecipientStatus.REPLIED: "replied_at",
    RecipientStatus.FAILED: "failed_at",
}


def apply_delivery(
    session: Session,
    changes: ChangeSet,
    recipient: CampaignRecipient,
    status: RecipientStatus,
    *,
    provider_id: str = "",
    error: str = "",
    at: datetime | None = None,
) -> None:
    """One provider answer for one recipient, in the caller's transaction."""
    current = RecipientStatus(recipient.status)
    when = at or utcnow()
    if recipient_advances(current, status):
        recipient.status = status.value
        setattr(recipient, TIMESTAMP_FOR[status], when)
        if status in _IMPLIES_SENT and recipient.sent_at is None:
            recipient.sent_at = when  # a "delivered" receipt can overtake "sent"
        if provider_id:
            recipient.provider_id = provider_id
        if error:
            recipient.error = error
        if status is RecipientStatus.SENT:
            note_message(session, recipient, when)
    elif status in TIMESTAMP_FOR and getattr(recipient, TIMESTAMP_FOR[status]) is None:
        setattr(recipient, TIMESTAMP_FOR[status], when)
    changes.add(Table.CAMPAIGN_RECIPIENTS, recipient.id)


def note_message(session: Session, recipient: CampaignRecipient, when: datetime) -> None:
    """The contact's timeline says a message went out; "last contacted" moves forward."""
    contact = session.get(Contact, recipient.contact_id)
    if contact is None:
        return
    campaign = session.get(Campaign, recipient.campaign_id)
    label = campaign.name if campaign else "campaign"
    session.add(
        Activity(
            contact_id=contact.id,
            kind=ActivityKind.MESSAGE.value,
            body=f"Sent: {label}",
            occurred_at=when,
        )
    )
    if contact.last_contacted_at is None or contact.last_contacted_at < when:
        contact.last_contacted_at = when


@dataclass(frozen=True, slots=True)
class Delivery:
    """One provider answer for one recipient: ``apply_delivery``'s arguments."""

    recipient_id: str
    status: RecipientStatus
    provider_id: str = ""
    error: str = ""
    at: datetime | None = None


_RECIPIENTS = cast(SqlTable, CampaignRecipient.__table__)
_CONTACTS = cast(SqlTable, Contact.__table__)
_CAMPAIGNS = cast(SqlTable, Campaign.__table__)
_ACTIVITIES = cast(SqlTable, Activity.__table__)
_RECIPIENT_FIELDS = ("status", "provider_id", "error", *dict.fromkeys(TIMESTAMP_FOR.values()))
"""The recipient columns a delivery may change (besides ``updated_at``)."""
_CHUNK = 500
"""Ids per ``IN (…)`` look-up (SQLite's variable limit is far above)."""


def apply_deliveries(session: Session, changes: ChangeSet, outcomes: Sequence[Delivery]) -> None:
    """``apply_delivery`` for each of ``outcomes`` in order, in a few statements.

    The batch's recipients (and, for sent messages, their contacts and campaigns' names)
    are read at once; the changes are written with one executemany ``UPDATE`` per set of
    changed recipient columns, one ``UPDATE`` for contacts whose "last contacted" moved
    forward and one ``INSERT`` of the timeline entries — the same rows, columns and change
    capture (the triggers run per row) as the ORM writes for ``apply_delivery``. Like it,
    an unknown recipient id is skipped and only a changed row gets a new ``updated_at``.
    ORM objects of these rows already in ``session`` are expired, so they reload.
    """
    if not outcomes:
        return
    session.flush()  # the ORM's pending changes first: the rows are read from the database
    connection = session.connection()
    original = _fetch(
        connection, _RECIPIENTS, (o.recipient_id for o in outcomes), _RECIPIENT_COLUMNS
    )
    rows = {key: dict(row) for key, row in original.items()}
    sent: list[tuple[dict[str, Any], datetime]] = []
    for outcome in outcomes:
        row = rows.get(outcome.recipient_id)
        if row is None:
            continue
        status = outcome.status
        when = outcome.at or utcnow()
        if recipient_advances(RecipientStatus(row["status"]), status):
            row["status"] = status.value
            row[TIMESTAMP_FOR[status]] = when
            if status in _IMPLIES_SENT and row["sent_at"] is None:
                row["sent_at"] = when  # a "delivered" receipt can overtake "sent"
            if outcome.provider_id:
                row["provider_id"] = outcome.provider_id
            if outcome.error:
                row["error"] = outcome.error
            if status is RecipientStatus.SENT:
                sent.append((row, when))
        elif status in TIMESTAMP_FOR and row[TIMESTAMP_FOR[status]] is None:
            row[TIMESTAMP_FOR[status]] = when
        changes.add(Table.CAMPAIGN_RECIPIENTS, outcome.recipient_id)
    now = utcnow()
    by_columns: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for key, row in rows.items():
        before = original[key]
        changed = tuple(name for name in _RECIPIENT_FIELDS if row[name] != before[name])
        if changed:
            values = {f"v_{name}": row[name] for name in changed}
            by_columns.setdefault(changed, []).append({"b_id": key, "v_updated_at": now, **values})
    for columns, params in by_columns.items():
        connection.execute(_recipient_update(columns), params)
    _expire(session, CampaignRecipient, [p["b_id"] for group in by_columns.values() for p in group])
    if sent:
        _expire(session, Contact, _note_messages(connection, sent, now))


_RECIPIENT_COLUMNS = ("id", "contact_id", "campaign_id", *_RECIPIENT_FIELDS)
_UPDATES: dict[tuple[str, ...], Update] = {}


def _recipient_update(columns: tuple[str, ...]) -> Update:
    """``UPDATE campaign_recipients SET <columns>, updated_at WHERE id = :b_id``, cached."""
    statement = _UPDATES.get(columns)
    if statement is None:
        values: dict[str, Any] = {name: bindparam(f"v_{name}") for name in (*columns, "updated_at")}
        statement = update(_RECIPIENTS).where(_RECIPIENTS.c.id == bindparam("b_id")).values(values)
        _UPDATES[columns] = statement
    return statement


_CONTACT_UPDATE = (
    update(_CONTACTS)
    .where(_CONTACTS.c.id == bindparam("b_id"))
    .values(last_contacted_at=bindparam("v_last"), updated_at=bindparam("v_updated_at"))
)
_ACTIVITY_INSERT: Insert = insert(_ACTIVITIES)


def _note_messages(
    connection: Connection, sent: list[tuple[dict[str, Any], datetime]], now: datetime
) -> list[str]:
    """``note_message`` for each sent recipient: a timeline entry per message, and each
    contact's "last contacted" moved forward to its newest. Returns the contacts moved."""
    contacts = _fetch(
        connection, _CONTACTS, (row["contact_id"] for row, _ in sent), ("id", "last_contacted_at")
    )
    names = _fetch(connection, _CAMPAIGNS, (row["campaign_id"] for row, _ in sent), ("id", "name"))
    activities: list[dict[str, Any]] = []
    last: dict[str, datetime | None] = {}
    for row, when in sent:
        contact = contacts.get(row["contact_id"])
        if contact is None:
            continue
        campaign = names.get(row["campaign_id"])
        label = campaign["name"] if campaign is not None else "campaign"
        activities.append(
            {
                "id": new_id(),
                "created_at": now,
                "updated_at": now,
                "deleted_at": None,
                "contact_id": contact["id"],
                "kind": ActivityKind.MESSAGE.value,
                "body": f"Sent: {label}",
                "old_status": None,
                "new_status": None,
                "occurred_at": when,
            }
        )
        newest = last.get(contact["id"], contact["last_contacted_at"])
        if newest is None or newest < when:
            last[contact["id"]] = when
    moved = [
        {"b_id": key, "v_last": when, "v_updated_at": now}
        for key, when in last.items()
        if when != contacts[key]["last_contacted_at"]
    ]
    if moved:
        connection.execute(_CONTACT_UPDATE, moved)
    if activities:
        connection.execute(_ACTIVITY_INSERT, activities)
    return list(last)


def _fetch(
    connection: Connection, table: SqlTable, ids: Iterable[str], columns: Sequence[str]
) -> dict[str, dict[str, Any]]:
    """Rows of ``table`` by id (only ``columns``), read in chunks of ``_CHUNK`` ids."""
    wanted = sorted(set(ids))
    found: dict[str, dict[str, Any]] = {}
    selected = [table.c[name] for name in columns]
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        for row in connection.execute(select(*selected).where(table.c.id.in_(chunk))):
            found[row.id] = dict(row._mapping)
    return found


def _expire(session: Session, model: type[Any], ids: Sequence[str]) -> None:
    for key in ids:
        held = session.identity_map.get(session.identity_key(model, key))
        if held is not None:
            session.expire(held)


def open_recipients(session: Session, campaign_id: str) -> int:
    return int(
        session.scalar(
            select(func.count()).where(
                CampaignRecipient.campaign_id == campaign_id,
                CampaignRecipient.deleted_at.is_(None),
                CampaignRecipient.status.in_(OPEN_RECIPIENT_STATES),
            )
        )
        or 0
    )


def maybe_complete(session: Session, campaign: Campaign) -> bool:
    """Sent → Completed once every recipient has a final answer; Failed if none left."""
    if CampaignStatus(campaign.status) is not CampaignStatus.SENT:
        return False
    if open_recipients(session, campaign.id):
        return False
    counts = stats_of(session, campaign.id)
    if counts.failed and not counts.sent:
        check_campaign_move(CampaignStatus.SENT, CampaignStatus.FAILED)
        campaign.status = CampaignStatus.FAILED.value
        campaign.failure_reason = "every message failed"
    else:
        check_campaign_move(CampaignStatus.SENT, CampaignStatus.COMPLETED)
        campaign.status = CampaignStatus.COMPLETED.value
    campaign.completed_at = utcnow()
    return True
