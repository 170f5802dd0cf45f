"""Opt-outs per channel: people who asked to get no more messages on a channel.

They come from ``contact_opt_outs`` (synced; written when a STOP, WhatsApp's "stop
promotions" or an e-mail unsubscribe is applied, or by hand). A row counts when it says
"opted out" now (a START afterwards turns it back), its contact is live, and the opt-out
is dated inside the range; a channel this version does not know is left out.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.services.analytics.local_days import Calendar
from localpro_desktop.store.models import Contact, ContactOptOut


def opt_outs_per_channel(session: Session, cal: Calendar) -> dict[Channel, int]:
    """Opt-outs dated in ``cal``'s days, for every channel (zeros included)."""
    o, c = ContactOptOut, Contact
    rows = session.execute(
        select(o.channel, func.count())
        .join(c, c.id == o.contact_id)
        .where(
            o.opted_out.is_(True),
            o.deleted_at.is_(None),
            c.deleted_at.is_(None),
            cal.in_range(o.at),
        )
        .group_by(o.channel)
    ).all()
    counts = dict.fromkeys(Channel, 0)
    known = {channel.value: channel for channel in Channel}
    for channel, count in rows:
        if channel in known:
            counts[known[channel]] += int(count)
    return counts
