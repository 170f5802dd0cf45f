"""Prospects: add, edit, find, de-duplicate and convert businesses into contacts."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from rapidfuzz import fuzz
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from localpro_desktop.domain.activities import ActivityKind
from localpro_desktop.domain.changes import ChangeSet
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.ids import utcnow
from localpro_desktop.domain.messages import joined
from localpro_desktop.domain.messages import records as msg
from localpro_desktop.domain.names import split_full_name
from localpro_desktop.domain.normalize import normalize_prospect
from localpro_desktop.domain.phones import take_phone_as_whatsapp
from localpro_desktop.domain.pipeline import PipelineStatus
from localpro_desktop.domain.plans import Metric
from localpro_desktop.domain.prospect_fields import EDITABLE
from localpro_desktop.domain.sources import ProspectSource
from localpro_desktop.services import usage
from localpro_desktop.services.prospect_search import ProspectFilter, Sort, read_page
from localpro_desktop.services.records import get_live, tombstone
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import Activity, Contact, Prospect
from localpro_protocol.wire import Table

FUZZY_NAME_THRESHOLD = 90

__all__ = [
    "EDITABLE",
    "ConversionResult",
    "Duplicate",
    "ProspectRecord",
    "ProspectService",
    "SearchPage",
]


@dataclass(frozen=True, slots=True)
class ProspectRecord:
    """Everything known about one prospect, detached from the database.

    What the detail panel, the edit dialog and the CLI show; a plain value, so a screen
    can hold it as long as it likes and no attribute access ever reaches the database.
    """

    id: str
    business_name: str
    contact_person: str
    sector: str
    city: str
    country: str
    address: str
    phone: str
    phone_e164: str | None
    whatsapp: str
    whatsapp_e164: str | None
    email: str
    email_normalized: str | None
    website: str
    latitude: float | None
    longitude: float | None
    source: str
    source_ref: str
    notes: str
    tags: tuple[str, ...]
    contact_id: str | None
    created_at: datetime

    @classmethod
    def of(cls, p: Prospect) -> ProspectRecord:
        return cls(
            id=p.id,
            business_name=p.business_name,
            contact_person=p.contact_person,
            sector=p.sector,
            city=p.city,
            country=p.country,
            address=p.address,
            phone=p.phone,
            phone_e164=p.phone_e164,
            whatsapp=p.whatsapp,
            whatsapp_e164=p.whatsapp_e164,
            email=p.email,
            email_normalized=p.email_normalized,
            website=p.website,
            latitude=p.latitude,
            longitude=p.longitude,
            source=p.source,
            source_ref=p.source_ref,
            notes=p.notes,
            tags=tuple(p.tags or ()),
            contact_id=p.contact_id,
            created_at=p.created_at,
        )


@dataclass(frozen=True)
class SearchPage:
    rows: list[ProspectRecord]
    total: int


@dataclass(frozen=True)
class Duplicate:
    prospect: ProspectRecord
    reason: str  # a Message of domain.messages.records


@dataclass(frozen=True)
class ConversionResult:
    contacts: list[Contact]
    created: int
    already_converted: int


class ProspectService:
    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    # -- create / edit ----------------------------------------------------------------

    def add(
        self,
        fields: Mapping[str, object],
        *,
        source: ProspectSource = ProspectSource.MANUAL,
        allow_duplicate: bool = False,
    ) -> ProspectRecord:
        """Add one prospect; counts against the plan's monthly prospect limit."""
        settings = self.ws.settings()
        normalized = normalize_prospect(fields, settings.country)
        if not normalized.ok:
            raise UserError(msg.CANNOT_ADD_PROSPECT, problems=joined(normalized.errors))
        if "whatsapp" not in fields:  # said nothing of WhatsApp: the import's rule
            take_phone_as_whatsapp(normalized.values)
        changes = ChangeSet()
        with self.ws.write(changes) as session:
            if not allow_duplicate:
                dupes = find_duplicates(session, normalized.values)
                if dupes:
                    first = dupes[0]
                    raise UserError(
                        msg.DUPLICATE,
                        name=first.prospect.business_name,
                        city=first.prospect.city,
                        reason=first.reason,
                    )
            usage.ensure_allowed(session, settings.plan, Metric.PROSPECTS, 1)
            prospect = Prospect(**normalized.values, source=source.value)
            session.add(prospect)
            usage.record(session, Metric.PROSPECTS, 1, f"prospect:{source.value}")
            session.flush()
            changes.add(Table.PROSPECTS, prospect.id)
            changes.touch(Table.USAGE_EVENTS)
            return ProspectRecord.of(prospect)

    def update(self, prospect_id: str, fields: Mapping[str, object]) -> ProspectRecord:
        unknown = set(fields) - set(EDITABLE)
        if unknown:
            raise UserError(
                msg.NOT_EDITABLE, fields=", ".join(sorted(unknown)), editable=", ".join(EDITABLE)
            )
        region = self.ws.settings().country
        changes = ChangeSet()
        with self.ws.write(changes) as session:
            prospect = get_live(session, Prospect, prospect_id, "prospect")
            merged = {key: getattr(prospect, key) for key in EDITABLE}
            merged.update(fields)
            normalized = normalize_prospect(
                {k: ("" if v is None else v) for k, v in merged.items()}, region
            )
            if not normalized.ok:
                raise UserError(msg.CANNOT_SAVE, problems=joined(normalized.errors))
            for key, value in normalized.values.items():
                if getattr(prospect, key) != value:
                    setattr(prospect, key, value)
            changes.add(Table.PROSPECTS, prospect.id)
            return ProspectRecord.of(prospect)

    def delete(self, prospect_ids: Iterable[str]) -> int:
        changes = ChangeSet()
        with self.ws.write(changes) as session:
            count = 0
            for ident in prospect_ids:
                prospect = get_live(session, Prospect, ident, "prospect")
                tombstone(prospect)
                changes.add(Table.PROSPECTS, prospect.id)
                count += 1
        return count

    # -- read -------------------------------------------------------------------------

    def get(self, prospect_id: str) -> ProspectRecord:
        with self.ws.read() as session:
            return ProspectRecord.of(get_live(session, Prospect, prospect_id, "prospect"))

    def search(self, flt: ProspectFilter, *, limit: int = 100, offset: int = 0) -> SearchPage:
        """One page in name order with every field, and the total (the CLI's search).

        The page is the screen's own (``prospect_search.read_page``); its rows' fields are
        then read by id, in the same read transaction, so the total describes the page.
        """
        with self.ws.read() as session:
            page = read_page(session, flt, Sort(), offset=offset, limit=limit, with_total=True)
            ids = [row.id for row in page.rows]
            found = {p.id: p for p in session.scalars(select(Prospect).where(Prospect.id.in_(ids)))}
            rows = [ProspectRecord.of(found[ident]) for ident in ids if ident in found]
        return SearchPage(rows, page.total or 0)

    def choices(self, column: str, *, sector: str | None = None) -> list[str]:
        """Distinct sectors or cities in the data, for the search filters' drop-downs."""
        col = {"sector": Prospect.sector, "city": Prospect.city, "source": Prospect.source}[column]
        query = select(col).distinct().where(Prospect.deleted_at.is_(None), col != "")
        if sector:
            query = query.where(Prospect.sector == sector)
        with self.ws.read() as session:
            return sorted(session.scalars(query), key=str.casefold)

    def duplicates_of(self, fields: Mapping[str, object]) -> list[Duplicate]:
        normalized = normalize_prospect(fields, self.ws.settings().country)
        with self.ws.read() as session:
            return find_duplicates(session, normalized.values)

    # -- convert ----------------------------------------------------------------------

    def convert(self, prospect_ids: Sequence[str]) -> ConversionResult:
        """Make contacts from prospects; converting twice returns the same contact."""
        changes = ChangeSet()
        contacts: list[Contact] = []
        created = already = 0
        with self.ws.write(changes) as session:
            for ident in prospect_ids:
                prospect = get_live(session, Prospect, ident, "prospect")
                existing = (
                    session.get(Contact, prospect.contact_id) if prospect.contact_id else None
                )
                if existing is not None and existing.deleted_at is None:
                    contacts.append(existing)
                    already += 1
                    continue
                contact = contact_from_prospect(prospect)
                session.add(contact)
                session.flush()
                prospect.contact_id = contact.id
                session.add(
                    Activity(
                        contact_id=contact.id,
                        kind=ActivityKind.CONVERTED.value,
                        body=f"Converted from prospect ({prospect.source})",
                        new_status=PipelineStatus.NEW.value,
                    )
                )
                contacts.append(contact)
                created += 1
                changes.add(Table.PROSPECTS, prospect.id)
                changes.add(Table.CONTACTS, contact.id)
                changes.touch(Table.ACTIVITIES)
        return ConversionResult(contacts, created, already)


def contact_from_prospect(prospect: Prospect) -> Contact:
    first, last = split_full_name(prospect.contact_person)
    return Contact(
        first_name=first,
        last_name=last,
        company=prospect.business_name,
        name_key=prospect.name_key,
        sector=prospect.sector,
        phone=prospect.phone,
        phone_e164=prospect.phone_e164,
        whatsapp=prospect.whatsapp,
        whatsapp_e164=prospect.whatsapp_e164,
        email=prospect.email,
        email_normalized=prospect.email_normalized,
        website=prospect.website,
        address=prospect.address,
        city=prospect.city,
        country=prospect.country,
        latitude=prospect.latitude,
        longitude=prospect.longitude,
        status=PipelineStatus.NEW.value,
        tags=list(prospect.tags),
        notes=prospect.notes,
        prospect_id=prospect.id,
        created_at=utcnow(),
    )


def find_duplicates(session: Session, values: Mapping[str, object]) -> list[Duplicate]:
    """Same E.164 phone, same e-mail, or a close name in the same city."""
    found: dict[str, Duplicate] = {}
    conditions = []
    if values.get("phone_e164"):
        conditions.append(Prospect.phone_e164 == values["phone_e164"])
    if values.get("email_normalized"):
        conditions.append(Prospect.email_normalized == values["email_normalized"])
    if conditions:
        for row in session.scalars(
            select(Prospect).where(Prospect.deleted_at.is_(None), or_(*conditions)).limit(20)
        ):
            same_phone = values.get("phone_e164") and row.phone_e164 == values["phone_e164"]
            reason = msg.SAME_PHONE() if same_phone else msg.SAME_EMAIL()
            found[row.id] = Duplicate(ProspectRecord.of(row), reason)
    key = str(values.get("name_key") or "")
    city = str(values.get("city") or "")
    if key and city:
        candidates = session.scalars(
            select(Prospect).where(
                Prospect.deleted_at.is_(None),
                func.lower(Prospect.city) == city.lower(),
                Prospect.name_key.startswith(key[:1]),
            )
        )
        for row in candidates:
            if row.id not in found and fuzz.ratio(key, row.name_key) >= FUZZY_NAME_THRESHOLD:
                found[row.id] = Duplicate(ProspectRecord.of(row), msg.SIMILAR_NAME())
    return list(found.values())
