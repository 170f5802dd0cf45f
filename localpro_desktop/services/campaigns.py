"""Campaigns: compose, choose recipients, schedule and queue; delivery updates come back here.

Real sending belongs to the channels' outbox; this service owns the lifecycle
(Draft → Scheduled → Sent → Completed/Failed), the per-recipient rendering and the counts.
"""

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from types import EllipsisType

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from localpro_desktop.domain.activities import ActivityKind
from localpro_desktop.domain.campaigns import (
    CampaignStatus,
    Channel,
    RecipientStatus,
    check_campaign_move,
    is_editable,
    recipient_advances,
)
from localpro_desktop.domain.changes import ChangeSet
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.ids import utcnow
from localpro_desktop.domain.messages import campaigns as msg
from localpro_desktop.domain.plans import Metric
from localpro_desktop.domain.templates import check_template, render
from localpro_desktop.services import channel_setup, outbox, usage
from localpro_desktop.services.records import get_live
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import Activity, Campaign, CampaignRecipient, Contact
from localpro_protocol.wire import Table

_FINAL = {RecipientStatus.FAILED, RecipientStatus.SKIPPED, RecipientStatus.REPLIED}
_IMPLIES_SENT = {RecipientStatus.DELIVERED, RecipientStatus.OPENED, RecipientStatus.REPLIED}
_TIMESTAMP_FOR = {
    RecipientStatus.QUEUED: "queued_at",
    RecipientStatus.SENT: "sent_at",
    RecipientStatus.DELIVERED: "delivered_at",
    RecipientStatus.OPENED: "opened_at",
    RecipientStatus.REPLIED: "replied_at",
    RecipientStatus.FAILED: "failed_at",
}


@dataclass(frozen=True)
class Exclusion:
    contact_id: str
    name: str
    reason: str  # "no_address" | "opted_out" | "invalid_address"


@dataclass
class Audience:
    """Who a campaign would reach, and who it leaves out and why (shown before sending)."""

    included: list[Contact] = field(default_factory=list)
    excluded: list[Exclusion] = field(default_factory=list)

    def excluded_counts(self) -> dict[str, int]:
        return dict(Counter(e.reason for e in self.excluded))


@dataclass(frozen=True)
class CampaignStats:
    recipients: int
    by_status: dict[str, int]
    sent: int
    delivered: int
    opened: int
    replied: int
    failed: int


def address_for(contact: Contact, channel: Channel) -> tuple[str | None, str | None]:
    """The address a channel would use, or the reason there is none.

    Mirrors ``store.queries.contacts.reachable_on`` so a segment "reachable on WhatsApp"
    and a WhatsApp campaign's audience always agree.
    """
    if getattr(contact, f"opt_out_{channel.value}"):
        return None, "opted_out"
    if channel is Channel.EMAIL:
        if contact.email_normalized:
            return contact.email_normalized, None
        return None, "invalid_address" if contact.email else "no_address"
    if channel is Channel.WHATSAPP:
        # Only an explicit WhatsApp number: the same rule as segments' "reachable on".
        if contact.whatsapp_e164:
            return contact.whatsapp_e164, None
        return None, "invalid_address" if contact.whatsapp else "no_address"
    if contact.phone_e164:
        return contact.phone_e164, None
    return None, "invalid_address" if contact.phone else "no_address"


def fallback_fields(contact: Contact) -> dict[str, str]:
    """Fields filled from another one, which the preview must say: field → its source.

    A business with no contact person gets its company name as ``{{first_name}}`` ("Hello
    Pharmacie Awa"), better than "Hello ," but not what the writer may expect.
    """
    if not (contact.first_name or "").strip() and (contact.company or "").strip():
        return {"first_name": "company"}
    return {}


def personal_fields(contact: Contact) -> dict[str, str]:
    return {
        "first_name": contact.first_name or contact.company,
        "last_name": contact.last_name,
        "full_name": contact.display_name,
        "company": contact.company,
        "business_name": contact.company,
        "city": contact.city,
        "sector": contact.sector,
        "phone": contact.phone,
        "email": contact.email,
    }


class CampaignService:
    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    def create(
        self,
        name: str,
        channel: Channel,
        body: str,
        *,
        subject: str = "",
        segment_id: str | None = None,
    ) -> Campaign:
        changes = ChangeSet()
        with self.ws.write(changes) as session:
            return self._insert(
                session, changes, name, channel, body, subject=subject, segment_id=segment_id
            )

    def _insert(
        self,
        session: Session,
        changes: ChangeSet,
        name: str,
        channel: Channel,
        body: str,
        *,
        subject: str,
        segment_id: str | None,
    ) -> Campaign:
        if not name.strip():
            raise UserError(msg.NEEDS_NAME)
        check_template(body)
        if channel is Channel.EMAIL:
            check_template(subject)
        campaign = Campaign(
            name=name.strip(),
            channel=channel.value,
            body=body,
            subject=subject,
            segment_id=segment_id,
        )
        session.add(campaign)
        session.flush()
        changes.add(Table.CAMPAIGNS, campaign.id)
        return campaign

    def update_content(
        self,
        campaign_id: str,
        *,
        name: str | None = None,
        body: str | None = None,
        subject: str | None = None,
        channel: Channel | None = None,
        segment_id: str | EllipsisType | None = ...,  # ... = unchanged, None = no segment
        initiator: object | None = None,
    ) -> Campaign:
        """Edit a draft or scheduled campaign; a channel change drops the old recipients."""
        changes = ChangeSet(initiator=initiator)
        with self.ws.write(changes) as session:
            campaign = self._editable(session, campaign_id)
            _apply_content(session, changes, campaign, name, body, subject, channel, segment_id)
        return campaign

    def save_draft(
        self,
        campaign_id: str | None,
        *,
        name: str,
        channel: Channel,
        body: str,
        subject: str,
        segment_id: str | None,
        contact_ids: Sequence[str],
        schedule_at: datetime | None = None,
        initiator: object | None = None,
    ) -> str:
        """Create or edit a draft with its recipients and schedule; returns its id.

        One transaction and one change set: a failure at any step leaves the database as
        it was (never a half-saved draft, never two copies of it), and views reload once.
        A changed channel or segment edits the campaign in place, so it keeps its id.
        ``schedule_at`` (naive UTC) schedules it; None keeps or makes it a draft.
        """
        if schedule_at is not None:
            self._check_future(schedule_at)
        if channel is not Channel.EMAIL:
            subject = ""
        changes = ChangeSet(initiator=initiator)
        with self.ws.write(changes) as session:
            if campaign_id is None:
                campaign = self._insert(
                    session, changes, name, channel, body, subject=subject, segment_id=segment_id
                )
            else:
                campaign = self._editable(session, campaign_id)
                _apply_content(session, changes, campaign, name, body, subject, channel, segment_id)
            self._replace_recipients(session, campaign, contact_ids, changes)
            scheduled = CampaignStatus(campaign.status) is CampaignStatus.SCHEDULED
            if scheduled and campaign.scheduled_at != schedule_at:
                _move_in(campaign, CampaignStatus.DRAFT, {"scheduled_at": None})
                scheduled = False
            if schedule_at is not None and not scheduled:
                _move_in(campaign, CampaignStatus.SCHEDULED, {"scheduled_at": schedule_at})
            return campaign.id

    def get(self, campaign_id: str) -> Campaign:
        with self.ws.read() as session:
            return get_live(session, Campaign, campaign_id, "campaign")

    def overview(self) -> list[tuple[Campaign, CampaignStats]]:
        with self.ws.read() as session:
            campaigns = list(
                session.scalars(
                    select(Campaign)
                    .where(Campaign.deleted_at.is_(None))
                    .order_by(Campaign.created_at.desc())
                )
            )
            stats = _stats_for(session, [c.id for c in campaigns])
        return [(c, stats.get(c.id, _empty_stats())) for c in campaigns]

    def stats(self, campaign_id: str) -> CampaignStats:
        with self.ws.read() as session:
            campaign = get_live(session, Campaign, campaign_id, "campaign")
            return _stats_for(session, [campaign.id]).get(campaign.id, _empty_stats())

    def recipients(
        self,
        campaign_id: str,
        *,
        limit: int = 1000,
        offset: int = 0,
        status: RecipientStatus | None = None,
    ) -> list[tuple[CampaignRecipient, str]]:
        with self.ws.read() as session:
            campaign = get_live(session, Campaign, campaign_id, "campaign")
            rows = session.execute(
                select(CampaignRecipient, Contact)
                .join(Contact, Contact.id == CampaignRecipient.contact_id)
                .where(
                    CampaignRecipient.campaign_id == campaign.id,
                    CampaignRecipient.deleted_at.is_(None),
                    *([CampaignRecipient.status == status.value] if status else []),
                )
                # The id breaks ties so paging never skips or repeats namesakes.
                .order_by(
                    Contact.last_name, Contact.first_name, Contact.company, CampaignRecipient.id
                )
                .limit(limit)
                .offset(offset)
            ).all()
        return [(recipient, contact.display_name) for recipient, contact in rows]

    # -- audience ---------------------------------------------------------------------

    def audience(self, channel: Channel, contact_ids: Iterable[str]) -> Audience:
        with self.ws.read() as session:
            return audience_in(session, channel, contact_ids)

    def set_recipients(self, campaign_id: str, contact_ids: Sequence[str]) -> Audience:
        """Replace the recipient list with the reachable contacts, rendered for each."""
        changes = ChangeSet()
        with self.ws.write(changes) as session:
            campaign = self._editable(session, campaign_id)
            return self._replace_recipients(session, campaign, contact_ids, changes)

    def _replace_recipients(
        self,
        session: Session,
        campaign: Campaign,
        contact_ids: Sequence[str],
        changes: ChangeSet,
    ) -> Audience:
        audience = audience_in(session, Channel(campaign.channel), contact_ids)
        for old in session.scalars(
            select(CampaignRecipient).where(
                CampaignRecipient.campaign_id == campaign.id,
                CampaignRecipient.deleted_at.is_(None),
            )
        ):
            old.deleted_at = utcnow()
        for contact in audience.included:
            session.add(self._recipient(campaign, contact))
        changes.add(Table.CAMPAIGNS, campaign.id)
        changes.touch(Table.CAMPAIGN_RECIPIENTS)
        return audience

    def preview(self, campaign_id: str, contact_id: str) -> tuple[str, str]:
        with self.ws.read() as session:
            campaign = get_live(session, Campaign, campaign_id, "campaign")
            contact = get_live(session, Contact, contact_id, "contact")
            fields = personal_fields(contact)
            return render(campaign.subject, fields), render(campaign.body, fields)

    # -- lifecycle --------------------------------------------------------------------

    def schedule(self, campaign_id: str, when: datetime) -> Campaign:
        self._check_future(when)
        return self._move(campaign_id, CampaignStatus.SCHEDULED, scheduled_at=when)

    def _check_future(self, when: datetime) -> None:
        if when <= utcnow():
            raise UserError(msg.SCHEDULE_IN_FUTURE)

    def unschedule(self, campaign_id: str) -> Campaign:
        return self._move(campaign_id, CampaignStatus.DRAFT, scheduled_at=None)

    def queue_send(self, campaign_id: str) -> Campaign:
        """Hand every pending recipient to the local outbox; counts against the message limit.

        Refused (``ChannelNotSetUpError``) before any write when no service is set up for
        the campaign's channel: nothing is queued, nothing is counted, it stays as it was.
        """
        # Asked before the write: a provider may read the workspace's settings.
        ready = channel_setup.set_up_channels(self.ws)
        changes = ChangeSet()
        with self.ws.write(changes) as session:
            campaign = get_live(session, Campaign, campaign_id, "campaign")
            check_campaign_move(CampaignStatus(campaign.status), CampaignStatus.SENT)
            if (channel := Channel(campaign.channel)) not in ready:
                raise channel_setup.ChannelNotSetUpError(channel)
            pending = list(
                session.scalars(
                    select(CampaignRecipient).where(
                        CampaignRecipient.campaign_id == campaign.id,
                        CampaignRecipient.deleted_at.is_(None),
                        CampaignRecipient.status == RecipientStatus.PENDING.value,
                    )
                )
            )
            if not pending:
                raise UserError(msg.NO_RECIPIENTS)
            usage.ensure_allowed(session, self.ws.settings().plan, Metric.MESSAGES, len(pending))
            now = utcnow()
            for recipient in pending:
                recipient.status = RecipientStatus.QUEUED.value
                recipient.queued_at = now
            # The outbox rows, in this same transaction: queued means ready to leave.
            outbox.enqueue(session, campaign, pending, now)
            campaign.status = CampaignStatus.SENT.value
            campaign.sent_at = now
            usage.record(session, Metric.MESSAGES, len(pending), f"campaign:{campaign.id}")
            changes.add(Table.CAMPAIGNS, campaign.id)
            changes.touch(Table.CAMPAIGN_RECIPIENTS)
            changes.touch(Table.USAGE_EVENTS)
        return campaign

    def record_delivery(
        self,
        recipient_id: str,
        status: RecipientStatus,
        *,
        provider_id: str = "",
        error: str = "",
        at: datetime | None = None,
    ) -> CampaignRecipient:
        """Apply a provider receipt; out-of-order receipts never move a recipient backwards."""
        changes = ChangeSet()
        with self.ws.write(changes) as session:
            recipient = get_live(session, CampaignRecipient, recipient_id, "recipient")
            self.apply_delivery(
                session, changes, recipient, status, provider_id=provider_id, error=error, at=at
            )
            campaign = session.get(Campaign, recipient.campaign_id)
            if campaign is not None:
                self._maybe_complete(session, campaign)
                changes.add(Table.CAMPAIGNS, campaign.id)
        return recipient

    def apply_delivery(
        self,
        session: Session,
        changes: ChangeSet,
        recipient: CampaignRecipient,
        status: RecipientStatus,
        *,
        provider_id: str = "",
        error: str = "",
        at: datetime | None = None,
    ) -> None:
        """``record_delivery``'s change in the caller's transaction (the dispatcher's too)."""
        current = RecipientStatus(recipient.status)
        when = at or utcnow()
        if recipient_advances(current, status):
            recipient.status = status.value
            setattr(recipient, _TIMESTAMP_FOR[status], when)
            if status in _IMPLIES_SENT and recipient.sent_at is None:
                recipient.sent_at = when  # a "delivered" receipt can overtake "sent"
            if provider_id:
                recipient.provider_id = provider_id
            if error:
                recipient.error = error
            if status is RecipientStatus.SENT:
                self._note_message(session, recipient, when)
        elif status in _TIMESTAMP_FOR and getattr(recipient, _TIMESTAMP_FOR[status]) is None:
            setattr(recipient, _TIMESTAMP_FOR[status], when)
        changes.add(Table.CAMPAIGN_RECIPIENTS, recipient.id)

    def fail(self, campaign_id: str, reason: str) -> Campaign:
        return self._move(campaign_id, CampaignStatus.FAILED, failure_reason=reason)

    def delete(self, campaign_id: str) -> None:
        changes = ChangeSet()
        with self.ws.write(changes) as session:
            campaign = get_live(session, Campaign, campaign_id, "campaign")
            if CampaignStatus(campaign.status) is CampaignStatus.SENT:
                raise UserError(msg.BEING_SENT)
            campaign.deleted_at = utcnow()
            changes.add(Table.CAMPAIGNS, campaign.id)

    # -- internals --------------------------------------------------------------------

    def _editable(self, session: Session, campaign_id: str) -> Campaign:
        campaign = get_live(session, Campaign, campaign_id, "campaign")
        if not is_editable(CampaignStatus(campaign.status)):
            raise UserError(
                msg.NOT_EDITABLE, name=campaign.name, status=CampaignStatus(campaign.status).word
            )
        return campaign

    def _recipient(self, campaign: Campaign, contact: Contact) -> CampaignRecipient:
        address, _ = address_for(contact, Channel(campaign.channel))
        fields = personal_fields(contact)
        return CampaignRecipient(
            campaign_id=campaign.id,
            contact_id=contact.id,
            address=address or "",
            rendered_subject=render(campaign.subject, fields) if campaign.subject else "",
            rendered_body=render(campaign.body, fields),
        )

    def _move(self, campaign_id: str, target: CampaignStatus, **values: object) -> Campaign:
        changes = ChangeSet()
        with self.ws.write(changes) as session:
            campaign = get_live(session, Campaign, campaign_id, "campaign")
            _move_in(campaign, target, values)
            changes.add(Table.CAMPAIGNS, campaign.id)
        return campaign

    def _note_message(self, session: Session, recipient: CampaignRecipient, when: datetime) -> None:
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

    def _maybe_complete(self, session: Session, campaign: Campaign) -> None:
        if CampaignStatus(campaign.status) is not CampaignStatus.SENT:
            return
        open_count = session.scalar(
            select(func.count()).where(
                CampaignRecipient.campaign_id == campaign.id,
                CampaignRecipient.deleted_at.is_(None),
                CampaignRecipient.status.in_(
                    [RecipientStatus.PENDING.value, RecipientStatus.QUEUED.value]
                ),
            )
        )
        if open_count:
            return
        counts = _stats_for(session, [campaign.id]).get(campaign.id, _empty_stats())
        if counts.recipients and counts.failed == counts.recipients:
            campaign.status = CampaignStatus.FAILED.value
            campaign.failure_reason = "every message failed"
        else:
            campaign.status = CampaignStatus.COMPLETED.value
        campaign.completed_at = utcnow()


def audience_in(session: Session, channel: Channel, contact_ids: Iterable[str]) -> Audience:
    """Who ``channel`` reaches among ``contact_ids``, read in the caller's session."""
    ids = list(dict.fromkeys(contact_ids))
    result = Audience()
    for chunk_start in range(0, len(ids), 500):
        chunk = ids[chunk_start : chunk_start + 500]
        for contact in session.scalars(
            select(Contact).where(Contact.id.in_(chunk), Contact.deleted_at.is_(None))
        ):
            address, reason = address_for(contact, channel)
            if address:
                result.included.append(contact)
            else:
                result.excluded.append(
                    Exclusion(contact.id, contact.display_name, reason or "no_address")
                )
    return result


def _apply_content(
    session: Session,
    changes: ChangeSet,
    campaign: Campaign,
    name: str | None,
    body: str | None,
    subject: str | None,
    channel: Channel | None,
    segment_id: str | EllipsisType | None,
) -> None:
    """The edit ``update_content`` and ``save_draft`` share (``...`` keeps the segment)."""
    if name is not None:
        campaign.name = name.strip() or campaign.name
    if body is not None:
        check_template(body)
        campaign.body = body
    if subject is not None:
        check_template(subject)
        campaign.subject = subject
    if segment_id is not ...:
        campaign.segment_id = segment_id
    if channel is not None and channel.value != campaign.channel:
        campaign.channel = channel.value
        for old in session.scalars(
            select(CampaignRecipient).where(
                CampaignRecipient.campaign_id == campaign.id,
                CampaignRecipient.deleted_at.is_(None),
            )
        ):
            old.deleted_at = utcnow()
        changes.touch(Table.CAMPAIGN_RECIPIENTS)
    changes.add(Table.CAMPAIGNS, campaign.id)


def _move_in(campaign: Campaign, target: CampaignStatus, values: dict[str, object]) -> None:
    check_campaign_move(CampaignStatus(campaign.status), target)
    campaign.status = target.value
    for key, value in values.items():
        setattr(campaign, key, value)


def _empty_stats() -> CampaignStats:
    return CampaignStats(0, {}, 0, 0, 0, 0, 0)


def _stats_for(session: Session, campaign_ids: list[str]) -> dict[str, CampaignStats]:
    """Counts come from the recipients' timestamps: sums, never a stored counter."""
    if not campaign_ids:
        return {}
    r = CampaignRecipient
    rows = session.execute(
        select(
            r.campaign_id,
            func.count(),
            func.count(r.sent_at),
            func.count(r.delivered_at),
            func.count(r.opened_at),
            func.count(r.replied_at),
            func.count(r.failed_at),
        )
        .where(r.campaign_id.in_(campaign_ids), r.deleted_at.is_(None))
        .group_by(r.campaign_id)
    ).all()
    by_status: dict[str, dict[str, int]] = {}
    for cid, status, count in session.execute(
        select(r.campaign_id, r.status, func.count())
        .where(r.campaign_id.in_(campaign_ids), r.deleted_at.is_(None))
        .group_by(r.campaign_id, r.status)
    ):
        by_status.setdefault(cid, {})[status] = int(count)
    return {
        cid: CampaignStats(
            int(total),
            by_status.get(cid, {}),
            int(sent),
            int(delivered),
            int(opened),
            int(replied),
            int(failed),
        )
        for cid, total, sent, delivered, opened, replied, failed in rows
    }
