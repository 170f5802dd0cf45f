"""A campaign's counts, summed from its recipients (never a stored counter).

Receipts get lost or arrive out of order (a person who turned WhatsApp's read receipts
off still replies), so a later stage proves the earlier ones, as in the analytics: a reply
counts as opened and delivered, an open as delivered; replied <= opened <= delivered.
``opted_out``: recipients who opted out of the campaign's channel after it was sent to
them (``contact_opt_outs``, still opted out).
"""

from dataclasses import dataclass

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from localpro_desktop.store.models import Campaign, CampaignRecipient, ContactOptOut


@dataclass(frozen=True)
class CampaignStats:
    recipients: int
    by_status: dict[str, int]
    sent: int
    delivered: int
    opened: int
    replied: int
    failed: int
    opted_out: int = 0

    @property
    def response_rate(self) -> float | None:
        """Replies over messages sent (not over receipts); None when nothing was sent."""
        return self.replied / self.sent if self.sent else None


def empty_stats() -> CampaignStats:
    return CampaignStats(0, {}, 0, 0, 0, 0, 0)


def stats_for(session: Session, campaign_ids: list[str]) -> dict[str, CampaignStats]:
    """Counts come from the recipients' timestamps: sums, never a stored counter."""
    if not campaign_ids:
        return {}
    r = CampaignRecipient
    replied = r.replied_at.is_not(None)
    opened = or_(replied, r.opened_at.is_not(None))
    delivered = or_(opened, r.delivered_at.is_not(None))
    rows = session.execute(
        select(
            r.campaign_id,
            func.count(),
            func.count(r.sent_at),
            func.sum(case((delivered, 1), else_=0)),
            func.sum(case((opened, 1), else_=0)),
            func.sum(case((replied, 1), else_=0)),
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
    opted_out = _opted_out_after_send(session, campaign_ids)
    return {
        cid: CampaignStats(
            int(total),
            by_status.get(cid, {}),
            int(sent),
            int(delivered),
            int(opened),
            int(replied),
            int(failed),
            opted_out.get(cid, 0),
        )
        for cid, total, sent, delivered, opened, replied, failed in rows
    }


def _opted_out_after_send(session: Session, campaign_ids: list[str]) -> dict[str, int]:
    """Per campaign, recipients whose opt-out of its channel is dated at or after the
    message to them (one indexed look-up per recipient: ``ix_contact_opt_outs_contact``)."""
    r, c, o = CampaignRecipient, Campaign, ContactOptOut
    rows = session.execute(
        select(r.campaign_id, func.count())
        .join(c, c.id == r.campaign_id)
        .join(o, and_(o.contact_id == r.contact_id, o.channel == c.channel))
        .where(
            r.campaign_id.in_(campaign_ids),
            r.deleted_at.is_(None),
            r.sent_at.is_not(None),
            o.opted_out.is_(True),
            o.deleted_at.is_(None),
            o.at >= r.sent_at,
        )
        .group_by(r.campaign_id)
    ).all()
    return {cid: int(count) for cid, count in rows}


def stats_of(session: Session, campaign_id: str) -> CampaignStats:
    return stats_for(session, [campaign_id]).get(campaign_id, empty_stats())
