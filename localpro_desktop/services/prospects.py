"""Prospects: add, edit, find, de-duplicate and convert businesses into contacts."""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from localpro_desktop.domain.activities import ActivityKind
from localpro_desktop.domain.changes import ChangeSet
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.ids import utcnow
from localpro_desktop.domain.names import split_full_name
from localpro_desktop.domain.normalize import normalize_prospect
from localpro_desktop.domain.pipeline import PipelineStatus
from localpro_desktop.domain.plans import Metric
from localpro_desktop.domain.sources import ProspectSource
from localpro_desktop.services import usage
from localpro_desktop.services.records import get_live, tombstone
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import Activity, Contact, Prospect
from localpro_desktop.store.queries.prospects import (
    ProspectFilter,
    count_query,
    search_query,
)
from localpro_protocol.wire import Table

FUZZY_NAME_THRESHOLD = 90

EDITABLE = (
    "business_name",
    "sector",
    "city",
    "country",
    "address",
    "phone",
    "whatsapp",
    "email",
    "website",
    "latitude",
    "longitude",
    "source_ref",
    "notes",
    "tags",
    "contact_person",
)


@dataclass(frozen=True)
class SearchPage:
    rows: list[Prospect]
    total: int


@dataclass(frozen=True)
class Duplicate:
    prospect: Prospect
    reason: str


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
    ) -> Prospect:
        """Add one prospect; counts against the plan's monthly prospect limit."""
        settings = self.ws.settings()
        normalized = normalize_prospect(fields, settings.country)
        if not normalized.ok:
            raise UserError("Cannot add this prospect: " + "; ".join(normalized.errors) + ".")
        changes = ChangeSet()
        with self.ws.write(changes) as session:
            if not allow_duplicate:
                dupes = find_duplicates(session, normalized.values)
                if dupes:
                    first = dupes[0]
                    raise UserError(
                        f"{first.prospect.business_name!r} ({first.prospect.city}) already "
                        f"exists with {first.reason}; edit it, or add anyway to keep both."
                    )
            usage.ensure_allowed(session, settings.plan, Metric.PROSPECTS, 1)
            prospect = Prospect(**normalized.values, source=source.value)
            session.add(prospect)
            usage.record(session, Metric.PROSPECTS, 1, f"prospect:{source.value}")
            session.flush()
            changes.add(Table.PROSPECTS, prospect.id)
            changes.touch(Table.USAGE_EVENTS)
        return prospect

    def update(self, prospect_id: str, fields: Mapping[str, object]) -> Prospect:
        unknown = set(fields) - set(EDITABLE)
        if unknown:
            raise UserError(
                f"Cannot edit {', '.join(sorted(unknown))}; editable: {', '.join(EDITABLE)}."
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
                raise UserError("Cannot save: " + "; ".join(normalized.errors) + ".")
            for key, value in normalized.values.items():
                if getattr(prospect, key) != value:
                    setattr(prospect, key, value)
            changes.add(Table.PROSPECTS, prospect.id)
        return prospect

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

    def get(self, prospect_id: str) -> Prospect:
        with self.ws.read() as session:
            return get_live(session, Prospect, prospect_id, "prospect")

    def search(self, flt: ProspectFilter, *, limit: int = 100, offset: int = 0) -> SearchPage:
        """One page in name order and the total; counted first, as the count picks the plan.

        Both run in one read transaction, so the total always describes the page.
        """
        with self.ws.read() as session:
            total = int(session.scalar(count_query(flt)) or 0)
            page = search_query(flt, limit=limit, offset=offset, matches=total)
            rows = list(session.scalars(page))
        return SearchPage(rows, total)

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
            found[row.id] = Duplicate(row, "the same phone" if same_phone else "the same e-mail")
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
                found[row.id] = Duplicate(row, "a very similar name in the same city")
    return list(found.values())
