"""Where a number's messages go once the contact made for it was merged into another."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from localpro_desktop.domain.inbound import timeline_entry_id
from localpro_desktop.store.models import Activity, Contact, InboundEvent


def merged_into(session: Session, event: InboundEvent) -> str | None:
    """The live contact this number's earlier messages now belong to: a contact made for
    it and merged into another since (``contact_merge`` moves the timeline, which syncs,
    so every laptop finds the same one). None when there is none."""
    earlier = session.scalars(
        select(InboundEvent.id)
        .where(InboundEvent.address == event.address, InboundEvent.id != event.id)
        .order_by(InboundEvent.occurred_at.desc())
        .limit(50)
    ).all()
    entries = [timeline_entry_id(event_id) for event_id in earlier]
    if not entries:
        return None
    return session.scalar(
        select(Activity.contact_id)
        .join(Contact, Contact.id == Activity.contact_id)
        .where(Activity.id.in_(entries), Contact.deleted_at.is_(None))
        .order_by(Activity.occurred_at.desc())
        .limit(1)
    )
