"""The Replies read model: every message people sent, newest first, with who and which
campaign it answers; and WhatsApp's 24-hour window for free text.

Reads ``inbound_events`` (synced) with what this laptop's applier matched each to
(``inbound_applied``): an event pulled but not applied yet is listed without a contact.
"""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.domain.ids import utcnow
from localpro_desktop.domain.inbound import WHATSAPP_WINDOW, EventKind
from localpro_desktop.domain.opt_outs import KeywordAction, keyword_action
from localpro_desktop.store.database import Database
from localpro_desktop.store.models import (
    Campaign,
    CampaignRecipient,
    Contact,
    InboundApplied,
    InboundEvent,
)

LIMIT = 500
"""Replies listed at most (newest first)."""


@dataclass(frozen=True)
class Reply:
    id: str
    """The event's id (the same on every laptop)."""
    at: datetime
    channel: Channel
    address: str
    text: str
    contact_id: str | None
    contact_name: str
    campaign_id: str | None
    """The campaign this answers (its latest message to the person on this channel,
    sent within the week before); None when it answers none."""
    campaign_name: str
    keyword: KeywordAction | None
    """The message is a stop (or start) word: an opt-out rather than an answer."""


def list_replies(ws: Database, since: datetime | None = None, limit: int = LIMIT) -> list[Reply]:
    """Inbound messages (WhatsApp, SMS), newest first, from ``since`` on (UTC)."""
    e, a, r = InboundEvent, InboundApplied, CampaignRecipient
    query = (
        select(
            e.id,
            e.occurred_at,
            e.channel,
            e.address,
            e.text,
            a.contact_id,
            Contact.first_name,
            Contact.last_name,
            Contact.company,
            r.campaign_id,
            Campaign.name,
        )
        .outerjoin(a, a.event_id == e.id)
        .outerjoin(Contact, Contact.id == a.contact_id)
        .outerjoin(r, r.id == a.recipient_id)
        .outerjoin(Campaign, Campaign.id == r.campaign_id)
        .where(e.kind == EventKind.INBOUND.value, e.deleted_at.is_(None))
        .order_by(e.occurred_at.desc(), e.id.desc())
        .limit(max(limit, 0))
    )
    if since is not None:
        query = query.where(e.occurred_at >= since)
    with ws.read() as session:
        rows = session.execute(query).all()
    replies = []
    for (event_id, at, channel, address, text, contact_id, first, last, company,
         campaign_id, campaign_name) in rows:  # fmt: skip
        try:
            shown_channel = Channel(channel)
        except ValueError:
            continue  # a newer version's channel
        name = f"{first or ''} {last or ''}".strip() or (company or "")
        replies.append(
            Reply(
                id=event_id,
                at=at,
                channel=shown_channel,
                address=address,
                text=text,
                contact_id=contact_id,
                contact_name=name,
                campaign_id=campaign_id,
                campaign_name=campaign_name or "",
                keyword=keyword_action(text),
            )
        )
    return replies


def last_inbound_at(ws: Database, contact_id: str, channel: Channel) -> datetime | None:
    """When the contact last wrote on ``channel`` (as this laptop applied it)."""
    e, a = InboundEvent, InboundApplied
    with ws.read() as session:
        return session.scalar(
            select(func.max(e.occurred_at))
            .join(a, a.event_id == e.id)
            .where(
                a.contact_id == contact_id,
                e.kind == EventKind.INBOUND.value,
                e.channel == channel.value,
                e.deleted_at.is_(None),
            )
        )


def whatsapp_window_open(ws: Database, contact_id: str, now: datetime | None = None) -> bool:
    """Whether free text may go to the contact on WhatsApp: they wrote within 24 hours.

    Outside the window WhatsApp accepts only an approved template.
    """
    last = last_inbound_at(ws, contact_id, Channel.WHATSAPP)
    if last is None:
        return False
    return (now or utcnow()) - last < WHATSAPP_WINDOW
