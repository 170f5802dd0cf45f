"""Merge two contacts: the one made for an unknown number into the person it really is.

A message from a number nobody has creates a New contact tagged "inbound" (``inbound.apply``);
once the user knows who wrote, ``merge_contacts`` folds it into the existing contact, in one
unit of work: the timeline, the campaign messages, the static segments, the opt-out choices
(the later choice wins per channel, as everywhere: ``domain.opt_outs.newer_choice``) and this
laptop's record of which contact each applied event was matched to (so WhatsApp's 24-hour
window follows the person). Empty fields of the target are filled from the source (a
number, an e-mail address, ...), tags are joined (without "inbound"), and the source is
deleted (a tombstone, which syncs as a deletion).
"""

from dataclasses import dataclass, field

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from localpro_desktop.domain.activities import ActivityKind
from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.domain.changes import ChangeSet
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.messages import records as msg
from localpro_desktop.domain.opt_outs import newer_choice, opt_out_id
from localpro_desktop.services.records import get_live, tombstone
from localpro_desktop.store.database import Database
from localpro_desktop.store.models import (
    Activity,
    CampaignRecipient,
    Contact,
    ContactOptOut,
    InboundApplied,
    Prospect,
    SegmentMember,
)
from localpro_protocol.wire import Table

INBOUND_TAG = "inbound"
"""The tag of a contact made for an unknown number (``inbound.apply.INBOUND_TAG``)."""

# Fields filled on the target when empty there, each group together (a number and its
# normalised form, an address and its coordinates) so a pair never comes half from each.
_FILLED: tuple[tuple[str, ...], ...] = (
    ("phone", "phone_e164"),
    ("whatsapp", "whatsapp_e164"),
    ("email", "email_normalized"),
    ("company",),
    ("sector",),
    ("website",),
    ("address",),
    ("city",),
    ("country",),
    ("latitude", "longitude"),
    ("notes",),
    ("prospect_id",),
)


@dataclass(frozen=True)
class MergeResult:
    """What one merge did, detached from any session."""

    source_id: str
    into_id: str
    source_name: str
    into_name: str
    moved: dict[str, int] = field(default_factory=dict)
    """How many rows moved to the target, by kind: ``timeline``, ``recipients``,
    ``segments``, ``opt_outs``, ``inbound`` (events applied here), ``prospects``."""
    filled: tuple[str, ...] = ()
    """The target's fields that were empty and now hold the source's values."""
    activity_id: str = ""
    """The "Merged with …" note on the target's timeline."""


def merge_contacts(
    ws: Database, source_id: str, into_id: str, *, initiator: object | None = None
) -> MergeResult:
    """Fold the contact ``source_id`` into ``into_id`` (ids or unique prefixes); see above.

    Refused (``UserError``) when both name the same contact, or either is unknown or deleted.
    """
    changes = ChangeSet(initiator=initiator)
    with ws.write(changes) as session:
        source = get_live(session, Contact, source_id, "contact")
        into = get_live(session, Contact, into_id, "contact")
        if source.id == into.id:
            raise UserError(msg.MERGE_INTO_ITSELF)
        moved = {
            "timeline": _move_timeline(session, changes, source.id, into.id),
            "recipients": _move_recipients(session, changes, source.id, into.id),
            "segments": _move_members(session, changes, source.id, into.id),
            "opt_outs": _move_opt_outs(session, changes, source, into),
            "inbound": _move_applied(session, source.id, into.id),
            "prospects": _move_prospects(session, changes, source.id, into.id),
        }
        filled = _fill(source, into)
        session.flush()
        note = Activity(
            contact_id=into.id,
            kind=ActivityKind.NOTE.value,
            body=f"Merged with {source.display_name}",
        )
        session.add(note)
        tombstone(source)
        session.flush()
        changes.add(Table.CONTACTS, source.id, into.id)
        changes.add(Table.ACTIVITIES, note.id)
        return MergeResult(
            source_id=source.id,
            into_id=into.id,
            source_name=source.display_name,
            into_name=into.display_name,
            moved=moved,
            filled=filled,
            activity_id=note.id,
        )


def _move_timeline(session: Session, changes: ChangeSet, source_id: str, into_id: str) -> int:
    """Every live entry but the source's own "created" one (the target has its own)."""
    rows = session.scalars(
        select(Activity).where(
            Activity.contact_id == source_id,
            Activity.deleted_at.is_(None),
            Activity.kind != ActivityKind.CREATED.value,
        )
    ).all()
    for row in rows:
        row.contact_id = into_id
        changes.add(Table.ACTIVITIES, row.id)
    return len(rows)


def _move_recipients(session: Session, changes: ChangeSet, source_id: str, into_id: str) -> int:
    rows = session.scalars(
        select(CampaignRecipient).where(
            CampaignRecipient.contact_id == source_id, CampaignRecipient.deleted_at.is_(None)
        )
    ).all()
    for row in rows:
        row.contact_id = into_id
        changes.add(Table.CAMPAIGN_RECIPIENTS, row.id)
    return len(rows)


def _move_members(session: Session, changes: ChangeSet, source_id: str, into_id: str) -> int:
    """Static segment memberships: a segment the target is already in keeps one row.

    (segment, contact) is unique even among tombstones, so a membership the target once had
    is brought back rather than a second row made."""
    rows = session.scalars(
        select(SegmentMember).where(
            SegmentMember.contact_id == source_id, SegmentMember.deleted_at.is_(None)
        )
    ).all()
    count = 0
    for row in rows:
        held = session.scalars(
            select(SegmentMember).where(
                SegmentMember.segment_id == row.segment_id, SegmentMember.contact_id == into_id
            )
        ).first()
        if held is None:
            row.contact_id = into_id
            count += 1
        else:
            if held.deleted_at is not None:
                held.deleted_at = None
                changes.add(Table.SEGMENT_MEMBERS, held.id)
                count += 1
            tombstone(row)
        changes.add(Table.SEGMENT_MEMBERS, row.id)
    return count


def _move_opt_outs(session: Session, changes: ChangeSet, source: Contact, into: Contact) -> int:
    """Per channel, the later choice of the two on the target's row; the source's rows go.

    The target's flag follows the choice kept for a channel with a recorded choice; for a
    channel without any, the two flags are OR-ed (never message someone by mistake)."""
    rows = session.scalars(
        select(ContactOptOut).where(
            ContactOptOut.contact_id == source.id, ContactOptOut.deleted_at.is_(None)
        )
    ).all()
    count = 0
    for row in rows:
        target_id = opt_out_id(into.id, row.channel)
        held = session.get(ContactOptOut, target_id)
        if held is None:
            held = ContactOptOut(
                id=target_id,
                contact_id=into.id,
                channel=row.channel,
                opted_out=row.opted_out,
                source=row.source,
                words=row.words,
                at=row.at,
                created_at=row.created_at,
            )
            session.add(held)
            count += 1
        elif held.deleted_at is not None or newer_choice(
            held.at, bool(held.opted_out), row.at, bool(row.opted_out)
        ):
            held.deleted_at = None
            held.opted_out = row.opted_out
            held.source = row.source
            held.words = row.words
            held.at = row.at
            if row.created_at is not None and (
                held.created_at is None or row.created_at < held.created_at
            ):
                held.created_at = row.created_at
            count += 1
        tombstone(row)
        changes.add(Table.CONTACT_OPT_OUTS, row.id, target_id)
    session.flush()
    for channel in Channel:
        flag = f"opt_out_{channel.value}"
        kept = session.get(ContactOptOut, opt_out_id(into.id, channel.value))
        if kept is not None and kept.deleted_at is None:
            value = bool(kept.opted_out)
        else:
            value = bool(getattr(into, flag)) or bool(getattr(source, flag))
        if bool(getattr(into, flag)) != value:
            setattr(into, flag, value)
    return count


def _move_applied(session: Session, source_id: str, into_id: str) -> int:
    """This laptop's record of the events matched to the source (never synced): the
    replies it holds then count for the target (WhatsApp's 24-hour window)."""
    result = session.execute(
        update(InboundApplied)
        .where(InboundApplied.contact_id == source_id)
        .values(contact_id=into_id)
        .execution_options(synchronize_session=False)
    )
    return int(getattr(result, "rowcount", 0) or 0)


def _move_prospects(session: Session, changes: ChangeSet, source_id: str, into_id: str) -> int:
    rows = session.scalars(
        select(Prospect).where(Prospect.contact_id == source_id, Prospect.deleted_at.is_(None))
    ).all()
    for row in rows:
        row.contact_id = into_id
        changes.add(Table.PROSPECTS, row.id)
    return len(rows)


def _fill(source: Contact, into: Contact) -> tuple[str, ...]:
    """The target's empty fields from the source; tags joined (without "inbound")."""
    filled: list[str] = []
    for group in _FILLED:
        if any(_empty(getattr(into, name)) is False for name in group):
            continue
        if all(_empty(getattr(source, name)) for name in group):
            continue
        for name in group:
            setattr(into, name, getattr(source, name))
        filled.append(group[0])
    tags = list(into.tags or ())
    extra = [t for t in source.tags or () if t != INBOUND_TAG and t not in tags]
    if extra:
        into.tags = tags + extra
        filled.append("tags")
    if source.last_contacted_at is not None and (
        into.last_contacted_at is None or into.last_contacted_at < source.last_contacted_at
    ):
        into.last_contacted_at = source.last_contacted_at
    return tuple(filled)


def _empty(value: object) -> bool:
    return value is None or value == ""
