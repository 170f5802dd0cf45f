"""What the Campaigns tab asks of the workspace: plain functions for the database worker.

Nothing here imports Qt or touches a widget. Each function runs through ``ctx.runner`` and
returns frozen snapshots (or detached rows whose attributes are already loaded), so the UI
thread never waits on SQLite and never lazily loads from a closed session.

Two helpers stand in for service features that do not exist yet (see ``load_recipients``
and ``save_draft``); they use only public services or mirror a service query exactly, so
they can be swapped for the service call without touching the widgets.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy import select

from localpro_desktop.domain.campaigns import CampaignStatus, Channel, RecipientStatus, is_editable
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.ids import utcnow
from localpro_desktop.domain.plans import LimitCheck, Metric, Plan, PlanLimitError, next_reset
from localpro_desktop.services import usage
from localpro_desktop.services.campaigns import Audience, CampaignService, CampaignStats
from localpro_desktop.services.segments import SegmentInfo, SegmentService
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import Campaign, CampaignRecipient, Contact

RECIPIENT_PAGE = 200
"""Rows fetched per step by the recipients table (a page fills a tall screen twice)."""

_ALL = 1_000_000
"""``CampaignService.recipients`` pages; editing needs every recipient id at once."""


# -- the campaign list ------------------------------------------------------------------


@dataclass(frozen=True)
class CampaignRow:
    """One campaign with its counts, detached from any session."""

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

    @property
    def editable(self) -> bool:
        """Drafts and scheduled campaigns reopen in the composer; the rest are history."""
        return is_editable(self.status)


def _row(campaign: Campaign, stats: CampaignStats) -> CampaignRow:
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
    )


def load_overview(ws: Workspace) -> list[CampaignRow]:
    """Every live campaign, newest first, with counts from ``CampaignService.overview``."""
    return [_row(c, s) for c, s in CampaignService(ws).overview()]


# -- recipients of one campaign ---------------------------------------------------------


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


def load_recipients(
    ws: Workspace,
    campaign_id: str,
    status: RecipientStatus | None = None,
    *,
    limit: int = RECIPIENT_PAGE,
    offset: int = 0,
) -> list[RecipientRow]:
    """One page of a campaign's recipients, optionally only those in ``status``.

    Mirrors ``CampaignService.recipients`` (same join, same order) plus the status filter
    the table needs, and an id tie-break so two contacts with the same name cannot swap
    places between pages. Replace with ``CampaignService.recipients(status=...)`` once the
    service offers it.
    """
    r = CampaignRecipient
    query = (
        select(r, Contact)
        .join(Contact, Contact.id == r.contact_id)
        .where(r.campaign_id == campaign_id, r.deleted_at.is_(None))
    )
    if status is not None:
        query = query.where(r.status == status.value)
    query = (
        query.order_by(Contact.last_name, Contact.first_name, Contact.company, r.id)
        .limit(limit)
        .offset(offset)
    )
    with ws.read() as session:
        rows = session.execute(query).all()
    return [
        RecipientRow(
            id=rec.id,
            contact_id=rec.contact_id,
            name=contact.display_name,
            address=rec.address,
            status=RecipientStatus(rec.status),
            error=rec.error or "",
            queued_at=rec.queued_at,
            sent_at=rec.sent_at,
            delivered_at=rec.delivered_at,
            opened_at=rec.opened_at,
            replied_at=rec.replied_at,
            failed_at=rec.failed_at,
        )
        for rec, contact in rows
    ]


# -- the composer -----------------------------------------------------------------------


@dataclass(frozen=True)
class RecipientSource:
    """Who a campaign goes to: a segment (resolved when saving) or hand-picked contacts."""

    segment_id: str | None = None
    contact_ids: tuple[str, ...] = ()

    @property
    def chosen(self) -> bool:
        return self.segment_id is not None or bool(self.contact_ids)


@dataclass(frozen=True)
class CampaignDraft:
    """What the composer holds; ``schedule_at`` is naive UTC, None keeps it a draft."""

    campaign_id: str | None
    name: str
    channel: Channel
    subject: str
    body: str
    source: RecipientSource
    schedule_at: datetime | None = None


@dataclass(frozen=True)
class EditState:
    """A saved campaign as the composer reopens it, with its current recipients."""

    row: CampaignRow
    recipient_ids: tuple[str, ...]
    segment_live: bool


def list_segments(ws: Workspace) -> list[SegmentInfo]:
    return SegmentService(ws).list()


def resolve_contact_ids(ws: Workspace, source: RecipientSource) -> list[str]:
    """A segment's members now (segments are live), or the hand-picked ids."""
    if source.segment_id is not None:
        return SegmentService(ws).contact_ids(source.segment_id)
    return list(source.contact_ids)


def compute_audience(ws: Workspace, channel: Channel, source: RecipientSource) -> Audience:
    """Who would receive it on ``channel``, and who is left out and why."""
    if not source.chosen:
        return Audience()
    return CampaignService(ws).audience(channel, resolve_contact_ids(ws, source))


def load_for_editing(ws: Workspace, campaign_id: str) -> EditState:
    svc = CampaignService(ws)
    campaign = svc.get(campaign_id)
    row = _row(campaign, svc.stats(campaign_id))
    ids = tuple(r.contact_id for r, _name in svc.recipients(campaign_id, limit=_ALL))
    live = False
    if row.segment_id is not None:
        live = any(s.id == row.segment_id for s in SegmentService(ws).list())
    return EditState(row, ids, live)


def save_draft(ws: Workspace, draft: CampaignDraft) -> str:
    """Write the composer's content, recipients and schedule; returns the campaign id.

    ``CampaignService.update_content`` cannot change a campaign's channel or segment, so
    when either changes the draft is re-created (new campaign, then the old draft deleted)
    rather than silently keeping the old channel or a segment that no longer matches the
    recipients. Replace with ``update_content(channel=..., segment_id=...)`` once it exists.
    """
    if draft.schedule_at is not None and draft.schedule_at <= utcnow():
        raise UserError("Schedule the campaign for a time in the future.")
    svc = CampaignService(ws)
    subject = draft.subject if draft.channel is Channel.EMAIL else ""
    contact_ids = resolve_contact_ids(ws, draft.source)
    previous: Campaign | None = svc.get(draft.campaign_id) if draft.campaign_id else None
    recreate = previous is not None and (
        previous.channel != draft.channel.value or previous.segment_id != draft.source.segment_id
    )
    if previous is None or recreate:
        campaign_id = svc.create(
            draft.name,
            draft.channel,
            draft.body,
            subject=subject,
            segment_id=draft.source.segment_id,
        ).id
    else:
        campaign_id = previous.id
        svc.update_content(campaign_id, name=draft.name, body=draft.body, subject=subject)
    svc.set_recipients(campaign_id, contact_ids)
    if recreate and previous is not None:
        svc.delete(previous.id)
    current = svc.get(campaign_id)
    if CampaignStatus(current.status) is CampaignStatus.SCHEDULED:
        if current.scheduled_at == draft.schedule_at:
            return campaign_id
        svc.unschedule(campaign_id)
    if draft.schedule_at is not None:
        svc.schedule(campaign_id, draft.schedule_at)
    return campaign_id


@dataclass(frozen=True)
class SendOutcome:
    """The result of Send: queued, or refused by the plan (the draft is kept either way)."""

    campaign_id: str
    queued: int
    refused: LimitCheck | None = None
    resets_on: date | None = None


def send_now(ws: Workspace, draft: CampaignDraft) -> SendOutcome:
    """Save, then queue every recipient; a plan refusal comes back as data, not an error.

    The refusal is returned rather than raised so the UI can explain it with the numbers
    (in the user's language) instead of the service's English sentence.
    """
    campaign_id = save_draft(ws, replace(draft, schedule_at=None))
    svc = CampaignService(ws)
    try:
        svc.queue_send(campaign_id)
    except PlanLimitError as exc:
        return SendOutcome(campaign_id, 0, exc.check, next_reset(usage.today_utc()))
    return SendOutcome(campaign_id, svc.stats(campaign_id).by_status.get("queued", 0))


def message_quota(ws: Workspace) -> tuple[usage.UsageLine, Plan]:
    """This month's message usage against the plan, for the Send confirmation."""
    plan = ws.settings().plan
    with ws.read() as session:
        return usage.report(session, plan).line(Metric.MESSAGES), plan


def duplicate(ws: Workspace, campaign_id: str, name: str) -> str:
    """A new draft with the same channel, content and segment (recipients are re-chosen)."""
    svc = CampaignService(ws)
    source = svc.get(campaign_id)
    return svc.create(
        name,
        Channel(source.channel),
        source.body,
        subject=source.subject,
        segment_id=source.segment_id,
    ).id


def delete(ws: Workspace, campaign_id: str) -> None:
    CampaignService(ws).delete(campaign_id)
