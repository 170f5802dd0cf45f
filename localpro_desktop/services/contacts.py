"""The CRM: contacts on the pipeline, their timeline, notes and opt-outs."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from localpro_desktop.domain.activities import ActivityKind
from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.domain.changes import ChangeSet
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.ids import utcnow
from localpro_desktop.domain.normalize import normalize_contact
from localpro_desktop.domain.pipeline import PIPELINE_ORDER, PipelineStatus, can_move
from localpro_desktop.services.records import get_live, tombstone
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import Activity, Contact
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


@dataclass(frozen=True)
class BoardColumn:
    status: PipelineStatus
    count: int
    contacts: list[Contact]


class ContactService:
    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    def add(self, fields: Mapping[str, object], *, note: str = "") -> Contact:
        normalized = normalize_contact(fields, self.ws.settings().country)
        if not normalized.ok:
            raise UserError("Cannot add this contact: " + "; ".join(normalized.errors) + ".")
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
                f"Cannot edit {', '.join(sorted(unknown))}; editable: {', '.join(EDITABLE)}."
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
                raise UserError("Cannot save: " + "; ".join(normalized.errors) + ".")
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
        target = status if isinstance(status, PipelineStatus) else PipelineStatus.parse(status)
        changes = ChangeSet(initiator=initiator)
        with self.ws.write(changes) as session:
            contact = get_live(session, Contact, contact_id, "contact")
            current = PipelineStatus(contact.status)
            if not can_move(current, target):
                raise UserError(f"{contact.display_name} is already {target.value}.")
            contact.status = target.value
            session.add(
                Activity(
                    contact_id=contact.id,
                    kind=ActivityKind.STATUS_CHANGE.value,
                    old_status=current.value,
                    new_status=target.value,
                    body=note,
                )
            )
            changes.add(Table.CONTACTS, contact.id)
            changes.touch(Table.ACTIVITIES)
        return contact

    def add_activity(
        self,
        contact_id: str,
        body: str,
        *,
        kind: ActivityKind = ActivityKind.NOTE,
        occurred_at: datetime | None = None,
    ) -> Activity:
        if kind is ActivityKind.STATUS_CHANGE:
            raise UserError("Use move to change a contact's status.")
        if not body.strip() and kind is ActivityKind.NOTE:
            raise UserError("A note cannot be empty.")
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
        changes = ChangeSet()
        with self.ws.write(changes) as session:
            contact = get_live(session, Contact, contact_id, "contact")
            setattr(contact, f"opt_out_{channel.value}", opted_out)
            verb = "opted out of" if opted_out else "opted back in to"
            session.add(
                Activity(
                    contact_id=contact.id,
                    kind=ActivityKind.NOTE.value,
                    body=f"{verb.capitalize()} {channel.value}",
                )
            )
            changes.add(Table.CONTACTS, contact.id)
        return contact

    # -- board ------------------------------------------------------------------------

    def status_counts(self) -> dict[PipelineStatus, int]:
        with self.ws.read() as session:
            rows = session.execute(
                select(Contact.status, func.count())
                .where(Contact.deleted_at.is_(None))
                .group_by(Contact.status)
            ).all()
        counts = {status: 0 for status in PIPELINE_ORDER}
        for status, count in rows:
            counts[PipelineStatus(status)] = int(count)
        return counts

    def board(self, *, per_column: int = 50) -> list[BoardColumn]:
        """The first cards of each column, most recently active first, with full counts."""
        counts = self.status_counts()
        columns: list[BoardColumn] = []
        with self.ws.read() as session:
            for status in PIPELINE_ORDER:
                cards = list(
                    session.scalars(
                        select(Contact)
                        .where(Contact.deleted_at.is_(None), Contact.status == status.value)
                        .order_by(Contact.updated_at.desc(), Contact.id)
                        .limit(per_column)
                    )
                )
                columns.append(BoardColumn(status, counts[status], cards))
        return columns
