"""Read models of the Campaigns screen: the campaign list and a campaign's recipients.

Frozen snapshots, detached from any session, so a screen can hold them on its thread and
never lazily load from a closed session; the CLI can print them as they are.
"""

from dataclasses import dataclass
from datetime import datetime

from localpro_desktop.domain.campaigns import (
    CampaignStatus,
    Channel,
    RecipientStatus,
    ShownState,
    is_editable,
    shown_state,
)
from localpro_desktop.domain.errors import NotFoundError
from localpro_desktop.services import channel_setup
from localpro_desktop.services.campaigns import CampaignService, CampaignStats
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import Campaign, CampaignRecipient

RECIPIENT_PAGE = 200
"""Rows fetched per step by a recipients table (a page fills a tall screen twice)."""


@dataclass(frozen=True)
class CampaignRow:
    """One campaign with its counts."""

    id: str
    name: str
    channel: Channel
    status: CampaignStatus
    subject: str
    body: str
    segment_id: str | None
    created_at: datetime
    scheduled_at: datetime | None
    sent_at: datetime | None
    completed_at: datetime | None
    failure_reason: str
    stats: CampaignStats
    channel_set_up: bool = True
    """A service can send on its channel (none can before the outbox brings providers)."""
    template_name: str = ""
    template_language: str = ""
    template_vars: tuple[str, ...] = ()
    attachment_path: str = ""
    sender_device_id: str = ""
    """The computer that sends it (empty: none yet)."""
    paused: bool = False
    cancelled: bool = False

    @property
    def editable(self) -> bool:
        """Drafts and scheduled campaigns reopen in the composer; the rest are history."""
        return is_editable(self.status)

    @property
    def state(self) -> ShownState:
        """What the screens say: "waiting" (to send) while no provider accepted a message."""
        return shown_state(self.status, sent=self.stats.sent, paused=self.paused)


def campaign_row(
    campaign: Campaign, stats: CampaignStats, *, channel_set_up: bool = True
) -> CampaignRow:
    return CampaignRow(
        id=campaign.id,
        name=campaign.name,
        channel=Channel(campaign.channel),
        status=CampaignStatus(campaign.status),
        subject=campaign.subject or "",
        body=campaign.body or "",
        segment_id=campaign.segment_id,
        created_at=campaign.created_at,
        scheduled_at=campaign.scheduled_at,
        sent_at=campaign.sent_at,
        completed_at=campaign.completed_at,
        failure_reason=campaign.failure_reason or "",
        stats=stats,
        channel_set_up=channel_set_up,
        template_name=campaign.template_name or "",
        template_language=campaign.template_language or "",
        template_vars=tuple(campaign.template_vars or ()),
        attachment_path=campaign.attachment_path or "",
        sender_device_id=campaign.sender_device_id or "",
        paused=campaign.paused_at is not None,
        cancelled=campaign.cancelled_at is not None,
    )


def load_overview(ws: Workspace) -> list[CampaignRow]:
    """Every live campaign, newest first, with its counts."""
    ready = channel_setup.set_up_channels(ws)
    return [
        campaign_row(c, s, channel_set_up=Channel(c.channel) in ready)
        for c, s in CampaignService(ws).overview()
    ]


@dataclass(frozen=True)
class RecipientRow:
    id: str
    contact_id: str
    name: str
    address: str
    status: RecipientStatus
    error: str
    queued_at: datetime | None
    sent_at: datetime | None
    delivered_at: datetime | None
    opened_at: datetime | None
    replied_at: datetime | None
    failed_at: datetime | None


def _recipient_row(recipient: CampaignRecipient, name: str) -> RecipientRow:
    return RecipientRow(
        id=recipient.id,
        contact_id=recipient.contact_id,
        name=name,
        address=recipient.address,
        status=RecipientStatus(recipient.status),
        error=recipient.error or "",
        queued_at=recipient.queued_at,
        sent_at=recipient.sent_at,
        delivered_at=recipient.delivered_at,
        opened_at=recipient.opened_at,
        replied_at=recipient.replied_at,
        failed_at=recipient.failed_at,
    )


def load_recipients(
    ws: Workspace,
    campaign_id: str,
    status: RecipientStatus | None = None,
    *,
    limit: int = RECIPIENT_PAGE,
    offset: int = 0,
) -> list[RecipientRow]:
    """One page of a campaign's recipients (by name), optionally only those in ``status``.

    A campaign deleted meanwhile (elsewhere, or on another device) has no recipients left
    to show: an empty page, not an error, as a list that was just emptied.
    """
    try:
        pairs = CampaignService(ws).recipients(
            campaign_id, limit=limit, offset=offset, status=status
        )
    except NotFoundError:
        return []
    return [_recipient_row(recipient, name) for recipient, name in pairs]
