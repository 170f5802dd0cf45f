"""A campaign's counts, summed from its recipients (never a stored counter)."""

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from localpro_desktop.store.models import CampaignRecipient


@dataclass(frozen=True)
class CampaignStats:
    recipients: int
    by_status: dict[str, int]
    sent: int
    delivered: int
    opened: int
    replied: int
    failed: int


def empty_stats() -> CampaignStats:
    return CampaignStats(0, {}, 0, 0, 0, 0, 0)


def stats_for(session: Session, campaign_ids: list[str]) -> dict[str, CampaignStats]:
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


def stats_of(session: Session, campaign_id: str) -> CampaignStats:
    return stats_for(session, [campaign_id]).get(campaign_id, empty_stats())
