"""Campaigns: compose, choose recipients, schedule and queue; delivery updates come back here.

This service owns the lifecycle (Draft → Scheduled → Sent → Completed/Failed) and the
per-recipient rendering; the pieces live beside it:

- ``campaign_audience``: who a channel reaches, who is left out and why, personal fields;
- ``campaign_content``: writing content and recipients in a transaction;
- ``campaign_delivery``: provider answers on recipients, and a campaign's end;
- ``campaign_stats``: counts summed from the recipients;
- ``campaign_sending``: the summary before sending, queueing, pause/resume/cancel, take
  over, progress; ``scheduling``: scheduled campaigns that are due.

The names other modules import from here stay importable from here.
"""

from collections.abc import Iterable, Sequence
from datetime import datetime
from types import EllipsisType

from sqlalchemy import select

from localpro_desktop.domain.campaigns import CampaignStatus, Channel, RecipientStatus
from localpro_desktop.domain.changes import ChangeSet
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.ids import utcnow
from localpro_desktop.domain.messages import campaigns as msg
from localpro_desktop.domain.templates import render
from localpro_desktop.services import campaign_sending
from localpro_desktop.services.campaign_audience import (
    Audience,
    Exclusion,
    address_for,
    audience_in,
    fallback_fields,
    personal_fields,
)
from localpro_desktop.services.campaign_content import (
    MessageOptions,
    apply_content,
    apply_options,
    editable,
    fitting_options,
    insert_campaign,
    move_in,
    options_of,
    replace_recipients,
)
from localpro_desktop.services.campaign_delivery import apply_delivery, maybe_complete
from localpro_desktop.services.campaign_stats import (
    CampaignStats,
    empty_stats,
    stats_for,
    stats_of,
)
from localpro_desktop.services.records import get_live
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import Campaign, CampaignRecipient, Contact
from localpro_protocol.wire import Table

__all__ = [
    "Audience",
    "CampaignService",
    "CampaignStats",
    "Exclusion",
    "MessageOptions",
    "address_for",
    "audience_in",
    "fallback_fields",
    "personal_fields",
]


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
        options: MessageOptions | None = None,
    ) -> Campaign:
        changes = ChangeSet()
        with self.ws.write(changes) as session:
            return insert_campaign(
                session,
                changes,
                name,
                channel,
                body,
                subject=subject,
                segment_id=segment_id,
                options=options,
            )

    def update_content(
        self,
        campaign_id: str,
        *,
        name: str | None = None,
        body: str | None = None,
        subject: str | None = None,
        channel: Channel | None = None,
        segment_id: str | EllipsisType | None = ...,  # ... = unchanged, None = no segment
        options: MessageOptions | None = None,
        initiator: object | None = None,
    ) -> Campaign:
        """Edit a draft or scheduled campaign; a channel change drops the old recipients."""
        changes = ChangeSet(initiator=initiator)
        with self.ws.write(changes) as session:
            campaign = editable(session, campaign_id)
            apply_content(session, changes, campaign, name, body, subject, channel, segment_id)
            if options is not None or channel is not None:
                now_on = Channel(campaign.channel)
                wanted = options or options_of(campaign)
                apply_options(campaign, now_on, fitting_options(wanted, now_on))
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
        options: MessageOptions | None = None,
        initiator: object | None = None,
    ) -> str:
        """Create or edit a draft with its recipients and schedule; returns its id.

        One transaction and one change set: a failure at any step leaves the database as
        it was (never a half-saved draft, never two copies of it), and views reload once.
        A changed channel or segment edits the campaign in place, so it keeps its id.
        ``schedule_at`` (naive UTC) schedules it from this computer (it becomes the
        sender); None keeps or makes it a draft. ``options``: template and attachment.
        """
        if schedule_at is not None:
            self._check_future(schedule_at)
        if channel is not Channel.EMAIL:
            subject = ""
        options = fitting_options(options or MessageOptions(), channel)
        changes = ChangeSet(initiator=initiator)
        with self.ws.write(changes) as session:
            if campaign_id is None:
                campaign = insert_campaign(
                    session,
                    changes,
                    name,
                    channel,
                    body,
                    subject=subject,
                    segment_id=segment_id,
                    options=options,
                )
            else:
                campaign = editable(session, campaign_id)
                apply_content(session, changes, campaign, name, body, subject, channel, segment_id)
                apply_options(campaign, channel, options)
            replace_recipients(session, campaign, contact_ids, changes)
            scheduled = CampaignStatus(campaign.status) is CampaignStatus.SCHEDULED
            if scheduled and campaign.scheduled_at != schedule_at:
                move_in(campaign, CampaignStatus.DRAFT, {"scheduled_at": None})
                scheduled = False
            if schedule_at is not None and not scheduled:
                move_in(
                    campaign,
                    CampaignStatus.SCHEDULED,
                    {"scheduled_at": schedule_at, "sender_device_id": self.ws.device_id},
                )
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
            stats = stats_for(session, [c.id for c in campaigns])
        return [(c, stats.get(c.id, empty_stats())) for c in campaigns]

    def stats(self, campaign_id: str) -> CampaignStats:
        with self.ws.read() as session:
            campaign = get_live(session, Campaign, campaign_id, "campaign")
            return stats_of(session, campaign.id)

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
            campaign = editable(session, campaign_id)
            return replace_recipients(session, campaign, contact_ids, changes)

    def preview(self, campaign_id: str, contact_id: str) -> tuple[str, str]:
        with self.ws.read() as session:
            campaign = get_live(session, Campaign, campaign_id, "campaign")
            contact = get_live(session, Contact, contact_id, "contact")
            fields = personal_fields(contact)
            return render(campaign.subject, fields), render(campaign.body, fields)

    # -- lifecycle --------------------------------------------------------------------

    def schedule(self, campaign_id: str, when: datetime) -> Campaign:
        """Scheduled from this computer: it sends the campaign when the time comes."""
        self._check_future(when)
        return self._move(
            campaign_id,
            CampaignStatus.SCHEDULED,
            scheduled_at=when,
            sender_device_id=self.ws.device_id,
        )

    def _check_future(self, when: datetime) -> None:
        if when <= utcnow():
            raise UserError(msg.SCHEDULE_IN_FUTURE)

    def unschedule(self, campaign_id: str) -> Campaign:
        return self._move(campaign_id, CampaignStatus.DRAFT, scheduled_at=None)

    def queue_send(self, campaign_id: str, *, at_most: int | None = None) -> Campaign:
        """Hand every pending recipient to the local outbox; counts against the message limit.

        Refused (``ChannelNotSetUpError``) before any write when no service is set up for
        the campaign's channel: nothing is queued, nothing is counted, it stays as it was.
        See ``campaign_sending.send``.
        """
        return campaign_sending.send(self.ws, campaign_id, at_most=at_most)

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
            apply_delivery(
                session, changes, recipient, status, provider_id=provider_id, error=error, at=at
            )
            campaign = session.get(Campaign, recipient.campaign_id)
            if campaign is not None:
                maybe_complete(session, campaign)
                changes.add(Table.CAMPAIGNS, campaign.id)
        return recipient

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

    def _move(self, campaign_id: str, target: CampaignStatus, **values: object) -> Campaign:
        changes = ChangeSet()
        with self.ws.write(changes) as session:
            campaign = get_live(session, Campaign, campaign_id, "campaign")
            move_in(campaign, target, values)
            changes.add(Table.CAMPAIGNS, campaign.id)
        return campaign
