"""Apply the provider events sync brought (``inbound_events``) to this laptop's workspace.

Run after each sync's pull (``apply_pending``). Every laptop of the account applies every
event itself, once: the ids of the events applied are kept in ``inbound_applied``, this
laptop's own table (never synced). The result does not depend on the order or the laptop:

- receipts move a campaign recipient forward only (``domain.campaigns.recipient_advances``),
  stamped with the provider's time, so two laptops applying them write the same values;
- a reply lands on the contact's timeline under an id derived from the event's, answers the
  latest campaign that reached that person on that channel within a week, and opens
  WhatsApp's 24-hour window (``replies.whatsapp_window_open``); a number nobody has becomes
  a New contact (tag "inbound") whose id is derived from the number;
- a stop word, WhatsApp's "stop promotions" or an e-mail unsubscribe records an opt-out for
  the channel (``opt_outs.record_choice``: the later choice wins, whatever the order).

A receipt about a message this laptop does not know yet (the recipient is still on its way
from the laptop that sent it) stays pending and is tried again after the next sync, until
``UNMATCHED_GIVE_UP`` old. Each batch is one transaction; what it changed is published.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from phonenumbers import NumberParseException
from sqlalchemy import select, tuple_
from sqlalchemy.orm import Session

from localpro_desktop.domain.activities import ActivityKind
from localpro_desktop.domain.campaigns import Channel, RecipientStatus, recipient_advances
from localpro_desktop.domain.changes import ChangeSet
from localpro_desktop.domain.ids import utcnow
from localpro_desktop.domain.inbound import (
    UNMATCHED_GIVE_UP,
    EventKind,
    answers,
    choice_entry_id,
    created_entry_id,
    failure_text,
    receipt_status,
    timeline_entry_id,
)
from localpro_desktop.domain.normalize import normalize_contact
from localpro_desktop.domain.opt_outs import (
    KeywordAction,
    OptOutSource,
    inbound_contact_id,
    keyword_action,
    keyword_source,
    opt_in_by_keyword,
)
from localpro_desktop.domain.phones import format_international
from localpro_desktop.services.campaign_delivery import Delivery, apply_deliveries
from localpro_desktop.services.inbound.merged import merged_into
from localpro_desktop.services.inbound.opt_outs import record_choice
from localpro_desktop.services.inbound.pipeline import move_on_yes
from localpro_desktop.services.inbound.report import ApplyReport, Outcome
from localpro_desktop.store.database import Database
from localpro_desktop.store.models import (
    Activity,
    Campaign,
    CampaignRecipient,
    Contact,
    InboundApplied,
    InboundEvent,
    OutboxMessage,
)
from localpro_protocol.wire import Table

BATCH = 5000
"""Events per transaction (10,000 receipts are two short transactions)."""
CHUNK = 500
"""Values per ``IN (...)``: well under SQLite's variable limit."""
INBOUND_TAG = "inbound"
"""The tag of a contact made for a message from an unknown number (its source)."""


def apply_pending(ws: Database, *, now: datetime | None = None, batch: int = BATCH) -> ApplyReport:
    """Apply every synced event this laptop has not applied yet; see the module doc."""
    report = ApplyReport()
    region = _region(ws)
    after: tuple[datetime, str] | None = None
    while True:
        changes = ChangeSet()
        with ws.write(changes) as session:
            events = _pending(session, after, batch)
            if events:
                _Batch(session, changes, report, region, now or utcnow()).apply(events)
        report.changes.merge(changes)
        if len(events) < batch:
            return report
        after = (events[-1].occurred_at, events[-1].id)


def _region(ws: Database) -> str:
    """The workspace country: how a new contact's number is shown and its country."""
    return ws.settings().country


def _pending(
    session: Session, after: tuple[datetime, str] | None, limit: int
) -> list[InboundEvent]:
    """Events not applied yet, oldest first (after ``after``: past the waiting ones)."""
    e = InboundEvent
    query = (
        select(e)
        .outerjoin(InboundApplied, InboundApplied.event_id == e.id)
        .where(InboundApplied.event_id.is_(None), e.deleted_at.is_(None))
        .order_by(e.occurred_at, e.id)
        .limit(limit)
    )
    if after is not None:
        query = query.where(tuple_(e.occurred_at, e.id) > tuple_(*after))
    return list(session.scalars(query))


@dataclass
class _Match:
    contact_id: str | None = None
    recipient_id: str | None = None


class _Batch:
    """One transaction's events, with what they are matched against read in bulk."""

    def __init__(
        self, session: Session, changes: ChangeSet, report: ApplyReport, region: str, now: datetime
    ) -> None:
        self.session = session
        self.changes = changes
        self.report = report
        self.region = region
        self.now = now
        self.deliveries: list[Delivery] = []
        self.by_message: dict[tuple[str, str], CampaignRecipient] = {}
        self.by_address: dict[str, list[tuple[str, str, str, datetime | None]]] = {}
        """address → (recipient id, contact id, channel, sent_at) of campaign messages."""
        self.contacts: dict[str, list[tuple[int, datetime, str]]] = {}
        """address → (field rank, created_at, contact id) of live contacts with it."""
        self.sent_to: dict[str, list[tuple[str, str, datetime | None]]] = {}
        """contact id → (recipient id, channel, sent_at) of campaign messages."""

    # -- the batch ----------------------------------------------------------------------

    def apply(self, events: Sequence[InboundEvent]) -> None:
        self._load_messages(events)
        self._load_addresses(events)
        for event in events:
            self._one(event)
        # Receipts and "replied" marks in event order, set-based (after the ORM writes).
        apply_deliveries(self.session, self.changes, self.deliveries)

    def _one(self, event: InboundEvent) -> None:
        try:
            kind = EventKind(event.kind)
            channel = Channel(event.channel)
        except ValueError:
            # A newer version's kind or channel: left pending, for that version to apply.
            self.report.ignored += 1
            return
        if kind is EventKind.RECEIPT:
            self._receipt(event, channel)
        elif kind is EventKind.INBOUND:
            self._inbound(event, channel)
        else:
            self._choice(event, channel, opted_out=kind is EventKind.OPT_OUT)

    def _done(self, event: InboundEvent, outcome: str, match: _Match | None = None) -> None:
        match = match or _Match()
        self.session.add(
            InboundApplied(
                event_id=event.id,
                outcome=outcome,
                contact_id=match.contact_id,
                recipient_id=match.recipient_id,
                applied_at=self.now,
            )
        )
        if outcome == Outcome.IGNORED:
            self.report.ignored += 1
        elif outcome == Outcome.UNMATCHED:
            self.report.unmatched += 1

    def _not_found(self, event: InboundEvent) -> None:
        """Wait for the message to become known here, unless it is too old to."""
        if event.received_at < self.now - UNMATCHED_GIVE_UP:
            self._done(event, Outcome.UNMATCHED)
        else:
            self.report.waiting += 1

    # -- receipts -----------------------------------------------------------------------

    def _receipt(self, event: InboundEvent, channel: Channel) -> None:
        status = receipt_status(event.status)
        if status is None:
            self._done(event, Outcome.IGNORED)
            return
        recipient = self.by_message.get((channel.value, event.message_id))
        if recipient is None:
            self._not_found(event)
            return
        self._move(recipient, status, event)
        self.report.receipts += 1
        self._done(event, Outcome.APPLIED, _Match(recipient.contact_id, recipient.id))

    def _move(
        self, recipient: CampaignRecipient, status: RecipientStatus, event: InboundEvent
    ) -> None:
        when = event.occurred_at
        if status is RecipientStatus.SENT:
            # Not through apply_deliveries: its "Sent" timeline note is the sending laptop's
            # to write (the dispatcher did, when the provider took the message).
            if recipient_advances(RecipientStatus(recipient.status), status):
                recipient.status = status.value
                recipient.sent_at = when
                self.changes.add(Table.CAMPAIGN_RECIPIENTS, recipient.id)
            elif recipient.sent_at is None and recipient.status != RecipientStatus.SKIPPED:
                recipient.sent_at = when
                self.changes.add(Table.CAMPAIGN_RECIPIENTS, recipient.id)
            return
        error = failure_text(event.error_code, event.error_words)
        if status is RecipientStatus.FAILED and not error:
            error = "failed"
        self.deliveries.append(
            Delivery(
                recipient.id,
                status,
                error=error if status is RecipientStatus.FAILED else "",
                at=when,
            )
        )

    # -- replies ------------------------------------------------------------------------

    def _inbound(self, event: InboundEvent, channel: Channel) -> None:
        match = self._reply_match(event, channel)
        if match.contact_id is None:
            match.contact_id = self._new_contact(event, channel)
        contact_id = match.contact_id
        if contact_id == inbound_contact_id(event.address):
            made = self.session.get(Contact, contact_id)
            if made is not None:
                self._earlier(made, event.occurred_at)
        entry_id = timeline_entry_id(event.id)
        if self.session.get(Activity, entry_id) is None:
            self.session.add(
                Activity(
                    id=entry_id,
                    contact_id=contact_id,
                    kind=ActivityKind.REPLY.value,
                    body=event.text,
                    occurred_at=event.occurred_at,
                    created_at=event.occurred_at,
                )
            )
            self.changes.add(Table.ACTIVITIES, entry_id)
        action = keyword_action(event.text)
        if action is KeywordAction.OPT_OUT:
            self._record(event, channel, contact_id, True, keyword_source(channel.value))
            match.recipient_id = None  # "stop" is not an answer to the campaign
        elif action is KeywordAction.OPT_IN and opt_in_by_keyword(channel.value):
            self._record(event, channel, contact_id, False, OptOutSource.SMS_KEYWORD)
            match.recipient_id = None
        elif match.recipient_id is not None:
            self.deliveries.append(
                Delivery(match.recipient_id, RecipientStatus.REPLIED, at=event.occurred_at)
            )
            if move_on_yes(
                self.session, self.changes, contact_id, event.id, event.text, event.occurred_at
            ):
                self.report.interested += 1
        self.report.replies += 1
        self.changes.add(Table.INBOUND_EVENTS, event.id)
        self._done(event, Outcome.APPLIED, match)

    def _reply_match(self, event: InboundEvent, channel: Channel) -> _Match:
        """Who wrote, and which campaign message (if any) it answers.

        First the latest campaign message sent to that very address on that channel within
        the week before; else a contact with that address, and its latest campaign message
        on the channel in that week.
        """
        sent = [
            (sent_at, recipient_id, contact_id)
            for recipient_id, contact_id, on, sent_at in self.by_address.get(event.address, ())
            if on == channel.value and sent_at is not None and answers(sent_at, event.occurred_at)
        ]
        if sent:
            _at, recipient_id, contact_id = max(sent)
            return _Match(contact_id, recipient_id)
        known = self._contact_by_address(event.address)
        if known is None:
            return _Match()
        return _Match(known, self._answered(known, channel, event.occurred_at))

    def _contact_by_address(self, address: str) -> str | None:
        found = self.contacts.get(address)
        if not found:
            return None
        return min(found)[2]

    def _answered(self, contact_id: str, channel: Channel, at: datetime) -> str | None:
        candidates = [
            (sent_at, recipient_id)
            for recipient_id, on, sent_at in self.sent_to.get(contact_id, ())
            if on == channel.value and sent_at is not None and answers(sent_at, at)
        ]
        return max(candidates)[1] if candidates else None

    def _new_contact(self, event: InboundEvent, channel: Channel) -> str:
        """The contact for an unknown number: the same id on every laptop. One that exists
        (made by another laptop, or deleted since by the user) is used as it is."""
        contact_id = inbound_contact_id(event.address)
        existing = self.session.get(Contact, contact_id)
        if existing is not None:
            if existing.deleted_at is not None and (merged := merged_into(self.session, event)):
                return merged
            return contact_id
        if channel is Channel.EMAIL:
            raw: dict[str, object] = {"first_name": event.address, "email": event.address}
        else:
            raw = {"first_name": _shown_number(event.address), "phone": event.address}
            if channel is Channel.WHATSAPP:
                raw["whatsapp"] = event.address
        raw["tags"] = INBOUND_TAG
        values = normalize_contact(raw, self.region).values
        contact = Contact(id=contact_id, created_at=event.occurred_at, **values)
        self.session.add(contact)
        self.session.flush()  # the contact before its timeline (no ORM relationship orders them)
        self.session.add(
            Activity(
                id=created_entry_id(contact_id),
                contact_id=contact_id,
                kind=ActivityKind.CREATED.value,
                body="",
                new_status=contact.status,
                occurred_at=event.occurred_at,
                created_at=event.occurred_at,
            )
        )
        self.contacts[event.address] = [(0, event.occurred_at, contact_id)]
        self.changes.add(Table.CONTACTS, contact_id)
        self.changes.add(Table.ACTIVITIES, created_entry_id(contact_id))
        self.report.contacts_created += 1
        return contact_id

    def _earlier(self, contact: Contact, when: datetime) -> None:
        """A contact made for an unknown number dates from its first message, whichever
        message was applied first (the same on every laptop)."""
        if contact.created_at <= when:
            return
        contact.created_at = when
        self.changes.add(Table.CONTACTS, contact.id)
        entry = self.session.get(Activity, created_entry_id(contact.id))
        if entry is not None and entry.occurred_at > when:
            entry.occurred_at = entry.created_at = when
            self.changes.add(Table.ACTIVITIES, entry.id)

    # -- opt-outs -----------------------------------------------------------------------

    def _choice(self, event: InboundEvent, channel: Channel, *, opted_out: bool) -> None:
        recipient = self.by_message.get((channel.value, event.message_id))
        contact_id = recipient.contact_id if recipient else None
        if contact_id is None and event.address:
            contact_id = self._contact_by_address(event.address)
        if contact_id is None:
            self._not_found(event)
            return
        source = {
            Channel.EMAIL: OptOutSource.EMAIL_UNSUBSCRIBE,
            Channel.WHATSAPP: OptOutSource.WHATSAPP,
            Channel.SMS: OptOutSource.SMS_KEYWORD,
        }[channel]
        self._record(event, channel, contact_id, opted_out, source)
        if recipient is not None and (event.status == "failed" or event.error_code):
            self._move(recipient, RecipientStatus.FAILED, event)  # e.g. WhatsApp's 131050
        match = _Match(contact_id, recipient.id if recipient else None)
        self._done(event, Outcome.APPLIED, match)

    def _record(
        self,
        event: InboundEvent,
        channel: Channel,
        contact_id: str,
        opted_out: bool,
        source: OptOutSource,
    ) -> None:
        contact = self.session.get(Contact, contact_id)
        if contact is None:
            return
        words = event.text or event.error_words
        if record_choice(
            self.session,
            self.changes,
            contact,
            channel,
            opted_out=opted_out,
            source=source,
            words=words,
            at=event.occurred_at,
            note_id=choice_entry_id(event.id),
        ):
            self.report.opt_outs += 1

    # -- what events are matched against, read in bulk ------------------------------------

    def _load_messages(self, events: Sequence[InboundEvent]) -> None:
        """Recipients by the provider's message id (for e-mail: the outbox key, which is
        the recipient's id; on a laptop without that outbox row, the id itself)."""
        wanted = {
            (e.channel, e.message_id)
            for e in events
            if e.message_id and e.kind in (EventKind.RECEIPT, EventKind.OPT_OUT, EventKind.OPT_IN)
        }
        phone_ids = sorted({m for c, m in wanted if c != Channel.EMAIL.value})
        keys = sorted({m for c, m in wanted if c == Channel.EMAIL.value})
        r = CampaignRecipient
        live = r.deleted_at.is_(None)
        for chunk in _chunks(phone_ids):
            rows = self.session.execute(
                select(r, Campaign.channel)
                .join(Campaign, Campaign.id == r.campaign_id)
                .where(r.provider_id.in_(chunk), live)
                .order_by(r.created_at, r.id)
            )
            for recipient, channel in rows:
                self.by_message.setdefault((channel, recipient.provider_id), recipient)
        by_key: dict[str, str] = {}
        for chunk in _chunks(keys):
            for key, recipient_id in self.session.execute(
                select(OutboxMessage.key, OutboxMessage.recipient_id).where(
                    OutboxMessage.key.in_(chunk)
                )
            ):
                by_key[key] = recipient_id
        ids = sorted({by_key.get(key, key) for key in keys})
        found: dict[str, CampaignRecipient] = {}
        for chunk in _chunks(ids):
            for recipient in self.session.scalars(select(r).where(r.id.in_(chunk), live)):
                found[recipient.id] = recipient
        for key in keys:
            held = found.get(by_key.get(key, key))
            if held is not None:
                self.by_message[(Channel.EMAIL.value, key)] = held

    def _load_addresses(self, events: Sequence[InboundEvent]) -> None:
        """For replies and opt-outs: campaign messages sent to these addresses, the live
        contacts that have them, and those contacts' campaign messages."""
        addresses = sorted({e.address for e in events if e.address and e.kind != EventKind.RECEIPT})
        if not addresses:
            return
        r = CampaignRecipient
        for chunk in _chunks(addresses):
            for recipient_id, contact_id, address, channel, sent_at in self.session.execute(
                select(r.id, r.contact_id, r.address, Campaign.channel, r.sent_at)
                .join(Campaign, Campaign.id == r.campaign_id)
                .join(Contact, Contact.id == r.contact_id)
                .where(r.address.in_(chunk), r.deleted_at.is_(None), Contact.deleted_at.is_(None))
            ):
                self.by_address.setdefault(address, []).append(
                    (recipient_id, contact_id, channel, sent_at)
                )
        ranked = (
            (0, Contact.whatsapp_e164),
            (1, Contact.phone_e164),
            (2, Contact.email_normalized),
        )
        for chunk in _chunks(addresses):
            for rank, column in ranked:
                for contact_id, value, created in self.session.execute(
                    select(Contact.id, column, Contact.created_at).where(
                        column.in_(chunk), Contact.deleted_at.is_(None)
                    )
                ):
                    self.contacts.setdefault(str(value), []).append((rank, created, contact_id))
        contact_ids = sorted({c for found in self.contacts.values() for _r, _c, c in found})
        for chunk in _chunks(contact_ids):
            for recipient_id, contact_id, channel, sent_at in self.session.execute(
                select(r.id, r.contact_id, Campaign.channel, r.sent_at)
                .join(Campaign, Campaign.id == r.campaign_id)
                .where(r.contact_id.in_(chunk), r.deleted_at.is_(None), r.sent_at.is_not(None))
            ):
                self.sent_to.setdefault(contact_id, []).append((recipient_id, channel, sent_at))


def _shown_number(address: str) -> str:
    try:
        return format_international(address)
    except NumberParseException:
        return address  # not a number phonenumbers reads (a short code): as it came


def _chunks(items: Sequence[str], size: int = CHUNK) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
