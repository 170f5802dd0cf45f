"""A contact's opt-outs per channel: what the person (or the user) chose, from where, when.

One ``contact_opt_outs`` row per contact and channel, with a derived id, holds the latest
choice: its source ("sms_keyword", "whatsapp", "email_unsubscribe", "manual"), the words
the person sent and when. The contact's ``opt_out_<channel>`` flag is kept in step, so
everything that already honours it (audiences, the send-time check, segments "reachable
on", the board) honours a STOP too. A later choice replaces an earlier one whatever order
they are applied in (``domain.opt_outs.newer_choice``); an opt-out is on record as long as
either the flag or the row says so (``is_opted_out``).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from localpro_desktop.domain.activities import ActivityKind
from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.domain.changes import ChangeSet
from localpro_desktop.domain.ids import new_id, utcnow
from localpro_desktop.domain.opt_outs import (
    OptOutSource,
    clip_words,
    newer_choice,
    opt_out_id,
)
from localpro_desktop.services.records import get_live
from localpro_desktop.store.database import Database
from localpro_desktop.store.models import Activity, Contact, ContactOptOut
from localpro_protocol.wire import Table

CHUNK = 500
"""Ids per ``IN (...)``: well under SQLite's variable limit."""


@dataclass(frozen=True)
class OptOutView:
    """One channel's choice for a contact, detached from any session."""

    contact_id: str
    channel: Channel
    opted_out: bool
    source: OptOutSource
    words: str
    at: datetime


def _view(row: ContactOptOut) -> OptOutView:
    try:
        source = OptOutSource(row.source)
    except ValueError:
        source = OptOutSource.MANUAL  # a newer version's source: shown as a person's choice
    return OptOutView(
        row.contact_id, Channel(row.channel), bool(row.opted_out), source, row.words, row.at
    )


def opt_outs_of(ws: Database, contact_id: str) -> list[OptOutView]:
    """The contact's recorded choices, one per channel that has one (channel order)."""
    with ws.read() as session:
        contact = get_live(session, Contact, contact_id, "contact")
        rows = session.scalars(
            select(ContactOptOut).where(
                ContactOptOut.contact_id == contact.id, ContactOptOut.deleted_at.is_(None)
            )
        ).all()
    known = [row for row in rows if row.channel in {c.value for c in Channel}]
    order = list(Channel)
    return sorted((_view(row) for row in known), key=lambda v: order.index(v.channel))


def is_opted_out(ws: Database, contact_id: str, channel: Channel) -> bool:
    """Whether ``channel`` must leave the contact out: the flag or the recorded choice."""
    with ws.read() as session:
        contact = get_live(session, Contact, contact_id, "contact")
        if getattr(contact, f"opt_out_{channel.value}"):
            return True
        return contact.id in opted_out_ids(session, channel, [contact.id])


def opted_out_ids(session: Session, channel: Channel, contact_ids: Sequence[str]) -> set[str]:
    """Among ``contact_ids``, those whose recorded choice for ``channel`` is "opted out"."""
    found: set[str] = set()
    for start in range(0, len(contact_ids), CHUNK):
        chunk = list(contact_ids[start : start + CHUNK])
        found.update(
            session.scalars(
                select(ContactOptOut.contact_id).where(
                    ContactOptOut.contact_id.in_(chunk),
                    ContactOptOut.channel == channel.value,
                    ContactOptOut.opted_out.is_(True),
                    ContactOptOut.deleted_at.is_(None),
                )
            )
        )
    return found


def set_opt_out(
    ws: Database,
    contact_id: str,
    channel: Channel,
    opted_out: bool = True,
    *,
    words: str = "",
) -> OptOutView:
    """A person's choice entered by hand (source "manual"), now: row, flag and timeline."""
    changes = ChangeSet()
    with ws.write(changes) as session:
        contact = get_live(session, Contact, contact_id, "contact")
        record_choice(
            session,
            changes,
            contact,
            channel,
            opted_out=opted_out,
            source=OptOutSource.MANUAL,
            words=words,
            at=utcnow(),
        )
        row = session.get(ContactOptOut, opt_out_id(contact.id, channel.value))
        assert row is not None
        return _view(row)


def record_choice(
    session: Session,
    changes: ChangeSet,
    contact: Contact,
    channel: Channel,
    *,
    opted_out: bool,
    source: OptOutSource,
    words: str,
    at: datetime,
    note_id: str | None = None,
) -> bool:
    """Record a choice made at ``at`` unless a later one is on record; True if recorded.

    The contact's flag follows. The timeline says it ("Opted out of sms", words the contact
    panel translates): for an event's choice (``note_id`` given, the same id on every
    laptop) always, even when a later choice was already on record, so the history does not
    depend on the order events were applied in; for a choice made by hand, when it changed
    the flag. A tombstoned row comes back with the new choice.
    """
    row_id = opt_out_id(contact.id, channel.value)
    row = session.get(ContactOptOut, row_id)
    recorded = (
        row is None
        or row.deleted_at is not None
        or newer_choice(row.at, bool(row.opted_out), at, opted_out)
    )
    if row is None:
        row = ContactOptOut(id=row_id, contact_id=contact.id, channel=channel.value, created_at=at)
        session.add(row)
    if row.created_at is None or row.created_at > at:
        row.created_at = at  # the first choice on record, whatever order they came in
        changes.add(Table.CONTACT_OPT_OUTS, row_id)
    flag_changed = False
    if recorded:
        row.deleted_at = None
        row.opted_out = opted_out
        row.source = source.value
        row.words = clip_words(words)
        row.at = at
        changes.add(Table.CONTACT_OPT_OUTS, row_id)
        flag = f"opt_out_{channel.value}"
        if bool(getattr(contact, flag)) != opted_out:
            setattr(contact, flag, opted_out)
            changes.add(Table.CONTACTS, contact.id)
            flag_changed = True
    if note_id is not None or flag_changed:
        _note(session, changes, contact.id, channel, opted_out, at, note_id)
    return recorded


def _note(
    session: Session,
    changes: ChangeSet,
    contact_id: str,
    channel: Channel,
    opted_out: bool,
    at: datetime,
    note_id: str | None,
) -> None:
    if note_id is not None and session.get(Activity, note_id) is not None:
        return  # another laptop applied the same event: its entry is already here
    verb = "Opted out of" if opted_out else "Opted back in to"
    note = Activity(
        id=note_id or new_id(),
        contact_id=contact_id,
        kind=ActivityKind.NOTE.value,
        body=f"{verb} {channel.value}",
        occurred_at=at,
    )
    if note_id is not None:
        note.created_at = at
    session.add(note)
    changes.add(Table.ACTIVITIES, note.id)
