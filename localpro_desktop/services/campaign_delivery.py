"""Provider answers applied to a campaign's recipients, and the campaign's end.

Receipts arrive out of order (a "delivered" may overtake "sent"): a recipient only moves
forward (``domain.campaigns.recipient_advances``). Runs in the caller's transaction, so the
dispatcher writes an outbox row's outcome and its recipient together.
"""

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from localpro_desktop.domain.activities import ActivityKind
from localpro_desktop.domain.campaigns import (
    CampaignStatus,
    RecipientStatus,
    check_campaign_move,
    recipient_advances,
)
from localpro_desktop.domain.changes import ChangeSet
from localpro_desktop.domain.ids import utcnow
from localpro_desktop.services.campaign_stats import stats_of
from localpro_desktop.store.models import Activity, Campaign, CampaignRecipient, Contact
from localpro_protocol.wire import Table

OPEN_RECIPIENT_STATES = (RecipientStatus.PENDING.value, RecipientStatus.QUEUED.value)
"""A recipient whose message has not reached a final answer yet."""

_IMPLIES_SENT = {RecipientStatus.DELIVERED, RecipientStatus.OPENED, RecipientStatus.REPLIED}
TIMESTAMP_FOR = {
    RecipientStatus.QUEUED: "queued_at",
    RecipientStatus.SENT: "sent_at",
    RecipientStatus.DELIVERED: "delivered_at",
    RecipientStatus.OPENED: "opened_at",
    RecipientStatus.REPLIED: "replied_at",
    RecipientStatus.FAILED: "failed_at",
}


def apply_delivery(
    session: Session,
    changes: ChangeSet,
    recipient: CampaignRecipient,
    status: RecipientStatus,
    *,
    provider_id: str = "",
    error: str = "",
    at: datetime | None = None,
) -> None:
    """One provider answer for one recipient, in the caller's transaction."""
    current = RecipientStatus(recipient.status)
    when = at or utcnow()
    if recipient_advances(current, status):
        recipient.status = status.value
        setattr(recipient, TIMESTAMP_FOR[status], when)
        if status in _IMPLIES_SENT and recipient.sent_at is None:
            recipient.sent_at = when  # a "delivered" receipt can overtake "sent"
        if provider_id:
            recipient.provider_id = provider_id
        if error:
            recipient.error = error
        if status is RecipientStatus.SENT:
            note_message(session, recipient, when)
    elif status in TIMESTAMP_FOR and getattr(recipient, TIMESTAMP_FOR[status]) is None:
        setattr(recipient, TIMESTAMP_FOR[status], when)
    changes.add(Table.CAMPAIGN_RECIPIENTS, recipient.id)


def note_message(session: Session, recipient: CampaignRecipient, when: datetime) -> None:
    """The contact's timeline says a message went out; "last contacted" moves forward."""
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


def open_recipients(session: Session, campaign_id: str) -> int:
    return int(
        session.scalar(
            select(func.count()).where(
                CampaignRecipient.campaign_id == campaign_id,
                CampaignRecipient.deleted_at.is_(None),
                CampaignRecipient.status.in_(OPEN_RECIPIENT_STATES),
            )
        )
        or 0
    )


def maybe_complete(session: Session, campaign: Campaign) -> bool:
    """Sent → Completed once every recipient has a final answer; Failed if none left."""
    if CampaignStatus(campaign.status) is not CampaignStatus.SENT:
        return False
    if open_recipients(session, campaign.id):
        return False
    counts = stats_of(session, campaign.id)
    if counts.failed and not counts.sent:
        check_campaign_move(CampaignStatus.SENT, CampaignStatus.FAILED)
        campaign.status = CampaignStatus.FAILED.value
        campaign.failure_reason = "every message failed"
    else:
        check_campaign_move(CampaignStatus.SENT, CampaignStatus.COMPLETED)
        campaign.status = CampaignStatus.COMPLETED.value
    campaign.completed_at = utcnow()
    return True
