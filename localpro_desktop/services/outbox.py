"""Writing campaign messages into the local outbox (read and sent by ``dispatcher``)."""

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import insert
from sqlalchemy.orm import Session

from localpro_desktop.domain.ids import new_ids
from localpro_desktop.domain.outbox import OutboxState
from localpro_desktop.store.models import Campaign, CampaignRecipient, OutboxMessage


def enqueue(
    session: Session,
    campaign: Campaign,
    recipients: Sequence[CampaignRecipient],
    now: datetime,
) -> int:
    """One outbox row per rendered recipient, keyed by the recipient's id (idempotency key).

    Runs in the caller's transaction: the recipients turn ``queued`` and their messages
    enter the outbox together, or neither does.
    """
    if not recipients:
        return 0
    ids = new_ids(len(recipients))
    rows = [
        {
            "id": row_id,
            "key": recipient.id,
            "campaign_id": campaign.id,
            "recipient_id": recipient.id,
            "channel": campaign.channel,
            "address": recipient.address,
            "subject": recipient.rendered_subject,
            "body": recipient.rendered_body,
            "state": OutboxState.QUEUED.value,
            "attempts": 0,
            "next_attempt_at": now,
            "attempt_started_at": None,
            "provider_id": "",
            "error_code": "",
            "error_words": "",
            "extra": {},
            "created_at": now,
            "updated_at": now,
        }
        for row_id, recipient in zip(ids, recipients, strict=True)
    ]
    for start in range(0, len(rows), 5000):
        session.execute(insert(OutboxMessage), rows[start : start + 5000])
    return len(rows)
