"""A campaign's progress as the campaign view and ``campaigns status`` show it.

On the sending computer, messages being handed to a provider ("sending") and those whose
fate is unknown come from its outbox; on another computer (which has no outbox for the
campaign) everything comes from the synced recipients.
"""

from dataclasses import dataclass

from sqlalchemy import func, select

from localpro_desktop.domain.campaigns import (
    NOT_ON_WHATSAPP_CODE,
    CampaignStatus,
    RecipientStatus,
    ShownState,
    shown_state,
    split_error,
)
from localpro_desktop.domain.messages import outbox as outbox_msg
from localpro_desktop.domain.outbox import OutboxState
from localpro_desktop.services.campaign_stats import stats_of
from localpro_desktop.services.records import get_live
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import Campaign, CampaignRecipient, Contact, OutboxMessage

PROGRESS_KEYS: tuple[str, ...] = (
    "queued",
    "sending",
    "sent",
    "delivered",
    "opened",
    "replied",
    "failed",
    "skipped",
    "unknown",
)
"""The keys of ``Progress.counts``, exactly (``campaigns status --json`` prints them)."""

FAILURES_SHOWN = 50


@dataclass(frozen=True)
class FailedMessage:
    recipient_id: str
    name: str
    address: str
    code: str
    """The provider's code ("131026", "21211"…), empty when it gave none."""
    words: str


@dataclass(frozen=True)
class UnknownMessage:
    recipient_id: str
    name: str
    address: str
    words: str


@dataclass(frozen=True)
class Progress:
    campaign_id: str
    status: CampaignStatus
    shown: ShownState
    total: int
    """Every recipient (a draft's pending ones included)."""
    counts: dict[str, int]
    """By status, each recipient once: keys exactly ``PROGRESS_KEYS``."""
    paused: bool
    cancelled: bool
    sender_device_id: str
    sends_here: bool
    failures: list[FailedMessage]
    """The first ``FAILURES_SHOWN`` failures, with the provider's code and words."""
    unknown: list[UnknownMessage]
    not_on_whatsapp: int
    """Failures because the number is not on WhatsApp (SMS may reach them)."""

    @property
    def sent_total(self) -> int:
        """Messages a provider took ("n of N sent"): sent and every later status."""
        c = self.counts
        return c["sent"] + c["delivered"] + c["opened"] + c["replied"]


def progress(ws: Workspace, campaign_id: str) -> Progress:
    unknown_words = str(outbox_msg.UNKNOWN_OUTCOME())
    with ws.read() as session:
        campaign = get_live(session, Campaign, campaign_id, "campaign")
        sends_here = bool(campaign.sender_device_id) and campaign.sender_device_id == ws.device_id
        r = CampaignRecipient
        live = (r.campaign_id == campaign.id, r.deleted_at.is_(None))
        by_status = {
            str(status): int(count)
            for status, count in session.execute(
                select(r.status, func.count()).where(*live).group_by(r.status)
            )
        }
        counts = {key: by_status.get(key, 0) for key in PROGRESS_KEYS}
        total = sum(by_status.values())
        unknown: list[UnknownMessage] = []
        if sends_here:
            outbox_counts = {
                str(state): int(count)
                for state, count in session.execute(
                    select(OutboxMessage.state, func.count())
                    .join(r, r.id == OutboxMessage.recipient_id)
                    .where(
                        OutboxMessage.campaign_id == campaign.id,
                        r.status == RecipientStatus.QUEUED.value,
                    )
                    .group_by(OutboxMessage.state)
                )
            }
            counts["sending"] = outbox_counts.get(OutboxState.SENDING.value, 0)
            counts["unknown"] = outbox_counts.get(OutboxState.UNKNOWN.value, 0)
            for rid, contact, address, words in session.execute(
                select(r.id, Contact, r.address, OutboxMessage.error_words)
                .join(OutboxMessage, OutboxMessage.recipient_id == r.id)
                .join(Contact, Contact.id == r.contact_id)
                .where(
                    *live,
                    r.status == RecipientStatus.QUEUED.value,
                    OutboxMessage.state == OutboxState.UNKNOWN.value,
                )
                .order_by(r.id)
            ):
                unknown.append(
                    UnknownMessage(rid, contact.display_name, address, words or unknown_words)
                )
        else:
            for rid, contact, address in session.execute(
                select(r.id, Contact, r.address)
                .join(Contact, Contact.id == r.contact_id)
                .where(*live, r.status == RecipientStatus.QUEUED.value, r.error == unknown_words)
                .order_by(r.id)
            ):
                unknown.append(UnknownMessage(rid, contact.display_name, address, unknown_words))
            counts["unknown"] = len(unknown)
        counts["queued"] = max(counts["queued"] - counts["sending"] - counts["unknown"], 0)
        failures = [
            FailedMessage(rid, contact.display_name, address, *split_error(error or ""))
            for rid, contact, address, error in session.execute(
                select(r.id, Contact, r.address, r.error)
                .join(Contact, Contact.id == r.contact_id)
                .where(*live, r.status == RecipientStatus.FAILED.value)
                .order_by(r.failed_at, r.id)
                .limit(FAILURES_SHOWN)
            )
        ]
        not_on_whatsapp = int(
            session.scalar(
                select(func.count()).where(
                    *live,
                    r.status == RecipientStatus.FAILED.value,
                    r.error.startswith(f"{NOT_ON_WHATSAPP_CODE}:"),
                )
            )
            or 0
        )
        stats = stats_of(session, campaign.id)
        status = CampaignStatus(campaign.status)
        return Progress(
            campaign_id=campaign.id,
            status=status,
            shown=shown_state(status, sent=stats.sent, paused=campaign.paused_at is not None),
            total=total,
            counts=counts,
            paused=campaign.paused_at is not None,
            cancelled=campaign.cancelled_at is not None,
            sender_device_id=campaign.sender_device_id or "",
            sends_here=sends_here,
            failures=failures,
            unknown=unknown,
            not_on_whatsapp=not_on_whatsapp,
        )
