"""The CRM: contacts on the pipeline, their timeline, notes and opt-outs."""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from localpro_desktop.domain.activities import ActivityKind
from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.domain.changes import ChangeSet
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.ids import utcnow
from localpro_desktop.domain.messages import joined
from localpro_desktop.domain.messages import pipeline as pipeline_msg
from localpro_desktop.domain.messages import records as msg
from localpro_desktop.domain.normalize import normalize_contact
from localpro_desktop.domain.pipeline import PIPELINE_ORDER, PipelineStatus, can_move
from localpro_desktop.services.board import BoardFilter, Card, load_board, load_counts
from localpro_desktop.services.inbound.opt_outs import set_opt_out as record_manual_choice
from localpro_desktop.services.records import get_live, tombstone
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import Activity, Contact, Prospect
from localpro_protocol.wire import Table

EDITABLE = (
    "first_name",
    "last_name",
    "full_name",
    "company",
    "sector",
    "phone",
    "whatsapp",
    "email",
    "website",
    "address",
    "city",
    "country",
    "latitude",
    "longitude",
    "tags",
    "notes",
)
_NORMALIZED_KEYS = EDITABLE[:2] + EDITABLE[3:]

# Activities that mean "we reached this person", which moves last_contacted_at.
_CONTACT_KINDS = {ActivityKind.CALL, ActivityKind.MESSAGE, ActivityKind.MEETING}

TIMELINE_LIMIT = 200
"""Timeline entries the contact panel shows (newest first)."""
NOTE_KINDS: tuple[ActivityKind, ...] = (ActivityKind.NOTE, ActivityKind.CALL, ActivityKind.MEETING)
"""What "Add note" can log: the activities a person types by hand."""


@dataclass(frozen=True)
class BoardColumn:
    """One pipeline column of the unfiltered board: its full count and first cards."""

    status: PipelineStatus
    count: int
    contacts: list[Card]


@dataclass(frozen=True)
class MovedContact:
    """What a screen needs after a move, detached from any session."""

    id: str
    display_name: str
    status: PipelineStatus
    updated_at: datetime
    previous: PipelineStatus | None = None
    """Where the contact was before the move (what "Undo" goes back to)."""
    activity_id: str | None = None
    """The timeline entry that records the move (what "Undo" withdraws)."""


@dataclass(frozen=True)
class UndoneMoves:
    """What ``undo_moves`` did: contacts back where they were, and moves left alone."""

    restored: tuple[MovedContact, ...]
    """One per contact put back: ``status`` is where it is now (the move's ``previous``)."""
    stale: tuple[str, ...]
    """Display names of contacts moved again since: their undo was skipped."""


@dataclass(frozen=True)
class TimelineEntry:
    id: str
    kind: str
    body: str
    old_status: str | None
    new_status: str | None
    occurred_at: datetime
    source: str | None = None
    """For a conversion: where its prospect came from (a ``Prospect.source`` key such as
    "import"), so a screen words the entry in its own language; None when unknown."""


@dataclass(frozen=True)
class ContactDetails:
    """Everything the contact panel shows, detached from any session."""

    id: str
    status: PipelineStatus
    first_name: str
    last_name: str
    company: str
    sector: str
    phone: str
    phone_e164: str | None
    whatsapp: str
    whatsapp_e164: str | None
    email: str
    email_normalized: str | None
    website: str
    address: str
    city: str
    country: str
    tags: tuple[str, ...]
    notes: str
    opt_out_whatsapp: bool
    opt_out_email: bool
    opt_out_sms: bool
    created_at: datetime
    last_contacted_at: datetime | None
    prospect_id: str | None
    """The prospect this contact was converted from, if any."""
    region: str
    """The workspace country: the default region for phone numbers typed in the editor."""
    timeline: tuple[TimelineEntry, ...]

    @property
    def display_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip() or self.company


class ContactService:
    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    def add(self, fields: Mapping[str, object], *, note: str = "") -> Contact:
        normalized = normalize_contact(fields, self.ws.settings().country)
        if not normalized.ok:
            raise UserError(msg.CANNOT_ADD_CONTACT, problems=joined(normalized.errors))
        changes = ChangeSet()
        with self.ws.write(changes) as session:
            contact = Contact(**normalized.values)
            session.add(contact)
            session.flush()
            session.add(
                Activity(
                    contact_id=contact.id,
                    kind=ActivityKind.CREATED.value,
                    body=note or "Contact created",
                    new_status=contact.status,
                )
            )
            changes.add(Table.CONTACTS, contact.id)
            changes.touch(Table.ACTIVITIES)
        return contact

    def update(self, contact_id: str, fields: Mapping[str, object]) -> Contact:
        unknown = set(fields) - set(EDITABLE)
        if unknown:
            raise UserError(
                msg.NOT_EDITABLE, fields=", ".join(sorted(unknown)), editable=", ".join(EDITABLE)
            )
        region = self.ws.settings().country
        changes = ChangeSet()
        with self.ws.write(changes) as session:
            contact = get_live(session, Contact, contact_id, "contact")
            merged: dict[str, object] = {k: getattr(contact, k) for k in _NORMALIZED_KEYS}
            merged["status"] = contact.status
            merged.update(fields)
            normalized = normalize_contact(
                {k: ("" if v is None else v) for k, v in merged.items()}, region
            )
            if not normalized.ok:
                raise UserError(msg.CANNOT_SAVE, problems=joined(normalized.errors))
            for key, value in normalized.values.items():
                if key != "status" and getattr(contact, key) != value:
                    setattr(contact, key, value)
            changes.add(Table.CONTACTS, contact.id)
        return contact

    def delete(self, contact_ids: Iterable[str]) -> int:
        changes = ChangeSet()
        with self.ws.write(changes) as session:
            count = 0
            for ident in contact_ids:
                contact = get_live(session, Contact, ident, "contact")
                tombstone(contact)
                changes.add(Table.CONTACTS, contact.id)
                count += 1
        return count

    def get(self, contact_id: str) -> Contact:
        with self.ws.read() as session:
            return get_live(session, Contact, contact_id, "contact")

    def details(self, contact_id: str, *, timeline_limit: int = TIMELINE_LIMIT) -> ContactDetails:
        """A contact and its latest timeline entries, as the contact panel shows them."""
        contact = self.get(contact_id)
        entries = self.timeline(contact.id, limit=timeline_limit)
        source = self._prospect_source(contact.prospect_id)
        return ContactDetails(
            id=contact.id,
            status=PipelineStatus(contact.status),
            first_name=contact.first_name,
            last_name=contact.last_name,
            company=contact.company,
            sector=contact.sector,
            phone=contact.phone,
            phone_e164=contact.phone_e164,
            whatsapp=contact.whatsapp,
            whatsapp_e164=contact.whatsapp_e164,
            email=contact.email,
            email_normalized=contact.email_normalized,
            website=contact.website,
            address=contact.address,
            city=contact.city,
            country=contact.country,
            tags=tuple(contact.tags or ()),
            notes=contact.notes,
            opt_out_whatsapp=bool(contact.opt_out_whatsapp),
            opt_out_email=bool(contact.opt_out_email),
            opt_out_sms=bool(contact.opt_out_sms),
            created_at=contact.created_at,
            last_contacted_at=contact.last_contacted_at,
            prospect_id=contact.prospect_id,
            region=self.ws.settings().country,
            timeline=tuple(
                TimelineEntry(
                    id=a.id,
                    kind=a.kind,
                    body=a.body or "",
                    old_status=a.old_status,
                    new_status=a.new_status,
                    occurred_at=a.occurred_at,
                    source=source if a.kind == ActivityKind.CONVERTED.value else None,
                )
                for a in entries
            ),
        )

    def _prospect_source(self, prospect_id: str | None) -> str | None:
        """The source of the prospect a contact came from, even a deleted one (history).

        The conversion entry's body is an English sentence written when it happened; the
        structured source lets the panel say it in the user's language instead.
        """
        if not prospect_id:
            return None
        with self.ws.read() as session:
            source = session.scalar(select(Prospect.source).where(Prospect.id == prospect_id))
        return str(source) if source else None

    # -- pipeline ---------------------------------------------------------------------

    def move(
        self,
        contact_id: str,
        status: PipelineStatus | str,
        *,
        note: str = "",
        initiator: object | None = None,
    ) -> Contact:
        """Move a contact on the board; the move is written to its timeline in the same unit."""
        return self._move(contact_id, status, note=note, initiator=initiator)[0]

    def _move(
        self,
        contact_id: str,
        status: PipelineStatus | str,
        *,
        note: str = "",
        initiator: object | None = None,
    ) -> tuple[Contact, Activity, PipelineStatus]:
        """``move``, also returning the timeline entry written and the status before."""
        target = status if isinstance(status, PipelineStatus) else PipelineStatus.parse(status)
        changes = ChangeSet(initiator=initiator)
        with self.ws.write(changes) as session:
            contact = get_live(session, Contact, contact_id, "contact")
            current = PipelineStatus(contact.status)
            if not can_move(current, target):
                raise UserError(pipeline_msg.ALREADY, name=contact.display_name, status=target.word)
            contact.status = target.value
            activity = Activity(
                contact_id=contact.id,
                kind=ActivityKind.STATUS_CHANGE.value,
                old_status=current.value,
                new_status=target.value,
                body=note,
            )
            session.add(activity)
            session.flush()
            changes.add(Table.CONTACTS, contact.id)
            changes.add(Table.ACTIVITIES, activity.id)
        return contact, activity, current

    def move_card(
        self, contact_id: str, status: PipelineStatus, *, initiator: object | None = None
    ) -> MovedContact:
        """``move`` for a screen: the outcome as a read model, with what "Undo" needs."""
        contact, activity, previous = self._move(contact_id, status, initiator=initiator)
        return MovedContact(
            id=contact.id,
            display_name=contact.display_name,
            status=PipelineStatus(contact.status),
            updated_at=contact.updated_at,
            previous=previous,
            activity_id=activity.id,
        )

    def undo_moves(
        self, moves: Sequence[MovedContact], *, initiator: object | None = None
    ) -> UndoneMoves:
        """Take back moves made by mistake (one drag of several cards: all together).

        What a Trello or Twenty user expects of "Undo" right after a slip: the card is back
        where it was, and the slip is not a fact about the customer. So the move's own
        timeline entry is withdrawn (tombstoned, which syncs as a deletion) instead of being
        answered by a second move back. The timeline, the funnel ("reached Client"), the
        moves per day and the conversion rate all count status-change entries: a slip plus
        its correction would count two moves and a contact who "reached" the wrong stage.

        A move that is no longer the contact's latest one (moved again since, here or on
        another device) is left alone, since undoing it would overwrite newer work: its
        contact's name is returned in ``stale``. All or nothing is not needed: each move
        undone stands on its own; when none can be undone this raises a ``UserError``.
        """
        changes = ChangeSet(initiator=initiator)
        restored: list[Contact] = []
        stale: list[str] = []
        with self.ws.write(changes) as session:
            for move in moves:
                contact = get_live(session, Contact, move.id, "contact")
                activity = _latest_move(session, contact.id)
                if activity is None or activity.id != move.activity_id or not activity.old_status:
                    stale.append(contact.display_name)
                    continue
                contact.status = activity.old_status
                tombstone(activity)
                changes.add(Table.CONTACTS, contact.id)
                changes.add(Table.ACTIVITIES, activity.id)
                restored.append(contact)
            if not restored:
                raise UserError(pipeline_msg.UNDO_STALE, names=", ".join(stale))
        return UndoneMoves(
            tuple(
                MovedContact(
                    id=c.id,
                    display_name=c.display_name,
                    status=PipelineStatus(c.status),
                    updated_at=c.updated_at,
                )
                for c in restored
            ),
            tuple(stale),
        )

    def add_activity(
        self,
        contact_id: str,
        body: str,
        *,
        kind: ActivityKind = ActivityKind.NOTE,
        occurred_at: datetime | None = None,
    ) -> Activity:
        if kind is ActivityKind.STATUS_CHANGE:
            raise UserError(pipeline_msg.USE_MOVE)
        if not body.strip() and kind is ActivityKind.NOTE:
            raise UserError(pipeline_msg.EMPTY_NOTE)
        changes = ChangeSet()
        with self.ws.write(changes) as session:
            contact = get_live(session, Contact, contact_id, "contact")
            when = occurred_at or utcnow()
            activity = Activity(
                contact_id=contact.id, kind=kind.value, body=body.strip(), occurred_at=when
            )
            session.add(activity)
            if kind in _CONTACT_KINDS and (
                contact.last_contacted_at is None or contact.last_contacted_at < when
            ):
                contact.last_contacted_at = when
                changes.add(Table.CONTACTS, contact.id)
            session.flush()
            changes.add(Table.ACTIVITIES, activity.id)
        return activity

    def timeline(self, contact_id: str, *, limit: int = 200) -> list[Activity]:
        with self.ws.read() as session:
            contact = get_live(session, Contact, contact_id, "contact")
            return list(
                session.scalars(
                    select(Activity)
                    .where(Activity.contact_id == contact.id, Activity.deleted_at.is_(None))
                    .order_by(Activity.occurred_at.desc(), Activity.id.desc())
                    .limit(limit)
                )
            )

    def set_opt_out(self, contact_id: str, channel: Channel, opted_out: bool = True) -> Contact:
        """A choice entered by hand: the flag and the synced opt-out record together
        (``inbound.opt_outs``, source "manual"), so unticking a box for someone who texted
        STOP really lets them receive that channel again, on every laptop."""
        record_manual_choice(self.ws, contact_id, channel, opted_out)
        return self.get(contact_id)

    # -- board ------------------------------------------------------------------------

    def status_counts(self) -> dict[PipelineStatus, int]:
        """Live contacts per pipeline stage (the unfiltered board's column counts)."""
        return dict(load_counts(self.ws, BoardFilter()).per_status)

    def board(self, *, per_column: int = 50) -> list[BoardColumn]:
        """The first cards of each column, most recently updated first, with full counts.

        The unfiltered board of ``services.board`` (the one board query), column by column.
        """
        page = load_board(self.ws, BoardFilter(), per_column)
        return [
            BoardColumn(status, page.counts.per_status[status], page.columns[status])
            for status in PIPELINE_ORDER
        ]


def _latest_move(session: Session, contact_id: str) -> Activity | None:
    """The contact's most recent live status change (ids are time-ordered UUIDv7s)."""
    return session.scalars(
        select(Activity)
        .where(
            Activity.contact_id == contact_id,
            Activity.kind == ActivityKind.STATUS_CHANGE.value,
            Activity.deleted_at.is_(None),
        )
        .order_by(Activity.occurred_at.desc(), Activity.id.desc())
        .limit(1)
    ).first()
