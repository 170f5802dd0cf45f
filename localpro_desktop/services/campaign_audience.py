"""Who a campaign reaches on its channel, who it leaves out and why, and their fields.

Shared by the composer (before saving), saving a draft (its recipients) and sending (each
recipient checked again: someone may have opted out since the draft was saved).
"""

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from localpro_desktop.domain.campaigns import (
    NOT_ON_WHATSAPP_CODE,
    Channel,
    RecipientStatus,
    SkipReason,
)
from localpro_desktop.domain.templates import PLACEHOLDERS
from localpro_desktop.services.inbound.opt_outs import opted_out_ids
from localpro_desktop.store.models import Campaign, CampaignRecipient, Contact

CHUNK = 500
"""Ids per ``IN (...)``: well under SQLite's variable limit."""

FIELD_NAMES: tuple[str, ...] = PLACEHOLDERS
"""The contact fields a message or a WhatsApp template variable may use."""


class ContactLike(Protocol):
    """What choosing an address and filling personal fields read of a contact."""

    @property
    def id(self) -> str: ...
    @property
    def first_name(self) -> str: ...
    @property
    def last_name(self) -> str: ...
    @property
    def company(self) -> str: ...
    @property
    def city(self) -> str: ...
    @property
    def sector(self) -> str: ...
    @property
    def phone(self) -> str: ...
    @property
    def phone_e164(self) -> str | None: ...
    @property
    def whatsapp(self) -> str: ...
    @property
    def whatsapp_e164(self) -> str | None: ...
    @property
    def email(self) -> str: ...
    @property
    def email_normalized(self) -> str | None: ...
    @property
    def opt_out_whatsapp(self) -> bool: ...
    @property
    def opt_out_email(self) -> bool: ...
    @property
    def opt_out_sms(self) -> bool: ...


@dataclass(frozen=True, slots=True)
class ContactFacts:
    """A contact's columns a message needs, read without building ORM rows (10,000 at
    once take a fifth of the time). Fields in the order of ``FACT_COLUMNS``."""

    id: str
    first_name: str
    last_name: str
    company: str
    city: str
    sector: str
    phone: str
    phone_e164: str | None
    whatsapp: str
    whatsapp_e164: str | None
    email: str
    email_normalized: str | None
    opt_out_whatsapp: bool
    opt_out_email: bool
    opt_out_sms: bool
    deleted_at: datetime | None = None

    @property
    def display_name(self) -> str:
        return display_name_of(self)


FACT_COLUMNS = (
    Contact.id,
    Contact.first_name,
    Contact.last_name,
    Contact.company,
    Contact.city,
    Contact.sector,
    Contact.phone,
    Contact.phone_e164,
    Contact.whatsapp,
    Contact.whatsapp_e164,
    Contact.email,
    Contact.email_normalized,
    Contact.opt_out_whatsapp,
    Contact.opt_out_email,
    Contact.opt_out_sms,
    Contact.deleted_at,
)


def facts(row: Sequence[Any]) -> ContactFacts:
    """``ContactFacts`` from a row selected as ``FACT_COLUMNS`` (possibly after others)."""
    (cid, first, last, company, city, sector, phone, phone_e164, whatsapp, whatsapp_e164,
     email, email_normalized, out_whatsapp, out_email, out_sms, deleted) = row  # fmt: skip
    return ContactFacts(
        str(cid),
        first or "",
        last or "",
        company or "",
        city or "",
        sector or "",
        phone or "",
        phone_e164,
        whatsapp or "",
        whatsapp_e164,
        email or "",
        email_normalized,
        bool(out_whatsapp),
        bool(out_email),
        bool(out_sms),
        deleted,
    )


def display_name_of(contact: ContactLike) -> str:
    """As ``Contact.display_name``: the person's name, else the company."""
    person = f"{contact.first_name or ''} {contact.last_name or ''}".strip()
    return person or contact.company or ""


@dataclass(frozen=True)
class Exclusion:
    contact_id: str
    name: str
    reason: str  # "no_address" | "opted_out" | "invalid_address" | "not_on_whatsapp"
    """A ``SkipReason`` value; "opted_out" means opted out of the campaign's channel (the
    contact's flag, or their recorded choice: ``services.inbound.opt_outs``)."""


@dataclass
class Audience:
    """Who a campaign would reach, and who it leaves out and why (shown before sending)."""

    included: list[ContactFacts] = field(default_factory=list)
    excluded: list[Exclusion] = field(default_factory=list)

    def excluded_counts(self) -> dict[str, int]:
        return dict(Counter(e.reason for e in self.excluded))


def address_for(contact: ContactLike, channel: Channel) -> tuple[str | None, str | None]:
    """The address a channel would use, or the reason there is none.

    Mirrors ``store.queries.contacts.reachable_on`` so a segment "reachable on WhatsApp"
    and a WhatsApp campaign's audience always agree.
    """
    if getattr(contact, f"opt_out_{channel.value}"):
        return None, SkipReason.OPTED_OUT.value
    if channel is Channel.EMAIL:
        if contact.email_normalized:
            return contact.email_normalized, None
        return None, _missing(contact.email)
    if channel is Channel.WHATSAPP:
        # Only an explicit WhatsApp number: the same rule as segments' "reachable on".
        if contact.whatsapp_e164:
            return contact.whatsapp_e164, None
        return None, _missing(contact.whatsapp)
    if contact.phone_e164:
        return contact.phone_e164, None
    return None, _missing(contact.phone)


def _missing(raw: str | None) -> str:
    return (SkipReason.INVALID_ADDRESS if raw else SkipReason.NO_ADDRESS).value


def fallback_fields(contact: ContactLike) -> dict[str, str]:
    """Fields filled from another one, which the preview must say: field → its source.

    A business with no contact person gets its company name as ``{{first_name}}`` ("Hello
    Pharmacie Awa"), better than "Hello ," but not what the writer may expect.
    """
    if not (contact.first_name or "").strip() and (contact.company or "").strip():
        return {"first_name": "company"}
    return {}


def personal_fields(contact: ContactLike) -> dict[str, str]:
    """The fields a message template may use, only those the contact has.

    A field the contact lacks is left out rather than given as "": the template sees it
    as missing, so ``{{ city | default("chez vous") }}`` says the writer's fallback and a
    bare ``{{ city }}`` says nothing (never "None").
    """
    values = {
        "first_name": contact.first_name or contact.company,
        "last_name": contact.last_name,
        "full_name": display_name_of(contact),
        "company": contact.company,
        "business_name": contact.company,
        "city": contact.city,
        "sector": contact.sector,
        "phone": contact.phone,
        "email": contact.email,
    }
    return {name: text.strip() for name, text in values.items() if text and text.strip()}


def audience_in(session: Session, channel: Channel, contact_ids: Iterable[str]) -> Audience:
    """Who ``channel`` reaches among ``contact_ids``, read in the caller's session."""
    ids = list(dict.fromkeys(contact_ids))
    result = Audience()
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        contacts = [
            facts(row)
            for row in session.execute(
                select(*FACT_COLUMNS).where(Contact.id.in_(chunk), Contact.deleted_at.is_(None))
            )
        ]
        absent = not_on_whatsapp(session, chunk) if channel is Channel.WHATSAPP else set()
        # The person's own choice on record (a STOP, WhatsApp's "stop promotions", an
        # e-mail unsubscribe), even where the contact's flag says otherwise.
        refused = opted_out_ids(session, channel, chunk)
        for contact in contacts:
            address, reason = address_for(contact, channel)
            if address and contact.id in refused:
                reason = SkipReason.OPTED_OUT.value
            elif address and contact.id in absent:
                reason = SkipReason.NOT_ON_WHATSAPP.value
            if address and not reason:
                result.included.append(contact)
            else:
                result.excluded.append(
                    Exclusion(
                        contact.id, contact.display_name, reason or SkipReason.NO_ADDRESS.value
                    )
                )
    return result


def not_on_whatsapp(session: Session, contact_ids: Sequence[str]) -> set[str]:
    """Contacts a WhatsApp message failed to reach with error 131026 (not on WhatsApp).

    The dispatcher stores a provider's error on the recipient as "code: words". A later
    WhatsApp message that did leave (the person joined WhatsApp since) lifts the exclusion.
    """
    r = CampaignRecipient
    on_campaign = r.campaign_id == Campaign.id
    is_whatsapp = Campaign.channel == Channel.WHATSAPP.value
    failed: dict[str, datetime | None] = {}
    for start in range(0, len(contact_ids), CHUNK):
        chunk = contact_ids[start : start + CHUNK]
        for contact_id, when in session.execute(
            select(r.contact_id, func.max(func.coalesce(r.failed_at, r.updated_at)))
            .join(Campaign, on_campaign)
            .where(
                is_whatsapp,
                r.contact_id.in_(chunk),
                r.deleted_at.is_(None),
                r.status == RecipientStatus.FAILED.value,
                r.error.startswith(f"{NOT_ON_WHATSAPP_CODE}:"),
            )
            .group_by(r.contact_id)
        ):
            failed[str(contact_id)] = when
    if not failed:
        return set()
    absent = set(failed)
    ids = list(failed)
    for start in range(0, len(ids), CHUNK):
        for contact_id, sent in session.execute(
            select(r.contact_id, func.max(r.sent_at))
            .join(Campaign, on_campaign)
            .where(
                is_whatsapp,
                r.contact_id.in_(ids[start : start + CHUNK]),
                r.deleted_at.is_(None),
                r.sent_at.is_not(None),
            )
            .group_by(r.contact_id)
        ):
            failed_at = failed[str(contact_id)]
            if sent is not None and (failed_at is None or sent > failed_at):
                absent.discard(str(contact_id))
    return absent
