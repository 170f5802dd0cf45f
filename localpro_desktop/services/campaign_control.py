"""Controlling a campaign being sent: pause, resume, cancel, take over, and the messages
whose fate is unknown (resend or give up: a person decides).

Pause and cancel are synced fields of the campaign: pressed on one computer, they reach
the sending one at its next sync, whose dispatcher then stops taking its messages.
"""

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from localpro_desktop.domain.campaigns import (
    CampaignAction,
    CampaignStatus,
    RecipientStatus,
    SendingState,
    SkipReason,
    cancelled_status,
    check_action,
    recipient_error,
)
from localpro_desktop.domain.changes import ChangeSet
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.ids import utcnow
from localpro_desktop.domain.messages import Message
from localpro_desktop.domain.messages import campaigns as msg
from localpro_desktop.domain.messages import outbox as outbox_msg
from localpro_desktop.domain.outbox import OutboxState, check_move
from localpro_desktop.services import outbox
from localpro_desktop.services.campaign_audience import personal_fields
from localpro_desktop.services.campaign_delivery import (
    OPEN_RECIPIENT_STATES,
    apply_delivery,
    maybe_complete,
)
from localpro_desktop.services.campaign_render import message_spec, outbox_extra, sender_info
from localpro_desktop.services.records import get_live
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import Campaign, CampaignRecipient, Contact, OutboxMessage
from localpro_protocol.wire import Table


def sending_state(ws: Workspace, campaign: Campaign) -> SendingState:
    return SendingState(
        name=campaign.name,
        status=CampaignStatus(campaign.status),
        paused=campaign.paused_at is not None,
        cancelled=campaign.cancelled_at is not None,
        sends_here=campaign.sender_device_id == ws.device_id,
    )


def _checked(ws: Workspace, session: Session, campaign_id: str, action: CampaignAction) -> Campaign:
    campaign = get_live(session, Campaign, campaign_id, "campaign")
    check_action(action, sending_state(ws, campaign))
    return campaign


def pause(ws: Workspace, campaign_id: str) -> None:
    """The dispatcher takes no more of its messages (those already leaving finish)."""
    changes = ChangeSet()
    with ws.write(changes) as session:
        campaign = _checked(ws, session, campaign_id, CampaignAction.PAUSE)
        campaign.paused_at = utcnow()
        changes.add(Table.CAMPAIGNS, campaign.id)


def resume(ws: Workspace, campaign_id: str) -> None:
    changes = ChangeSet()
    with ws.write(changes) as session:
        campaign = _checked(ws, session, campaign_id, CampaignAction.RESUME)
        campaign.paused_at = None
        changes.add(Table.CAMPAIGNS, campaign.id)


def cancel(ws: Workspace, campaign_id: str) -> None:
    """Sent messages stay sent; every other one is skipped, and the campaign ends.

    It ends Completed when anything was sent, else Failed ("cancelled"). A message this
    computer is handing to a provider at this moment is left to finish (its answer still
    counts). A scheduled campaign can be cancelled too (nothing was sent: Failed).
    """
    changes = ChangeSet()
    with ws.write(changes) as session:
        campaign = _checked(ws, session, campaign_id, CampaignAction.CANCEL)
        now = utcnow()
        leaving = _outbox_recipients(session, campaign.id, [OutboxState.SENDING])
        session.execute(
            update(OutboxMessage)
            .where(
                OutboxMessage.campaign_id == campaign.id,
                OutboxMessage.state.in_([OutboxState.QUEUED.value, OutboxState.UNKNOWN.value]),
            )
            .values(
                state=OutboxState.SKIPPED.value,
                error_code=SkipReason.CANCELLED.value,
                error_words=str(SkipReason.CANCELLED.words),
                updated_at=now,
            )
            .execution_options(synchronize_session=False)
        )
        session.execute(
            update(CampaignRecipient)
            .where(
                CampaignRecipient.campaign_id == campaign.id,
                CampaignRecipient.deleted_at.is_(None),
                CampaignRecipient.status.in_(OPEN_RECIPIENT_STATES),
                CampaignRecipient.id.not_in(leaving),
            )
            .values(
                status=RecipientStatus.SKIPPED.value,
                error=recipient_error(SkipReason.CANCELLED.value, str(SkipReason.CANCELLED.words)),
                updated_at=now,
            )
            .execution_options(synchronize_session=False)
        )
        sent = session.scalar(
            select(func.count()).where(
                CampaignRecipient.campaign_id == campaign.id,
                CampaignRecipient.deleted_at.is_(None),
                CampaignRecipient.sent_at.is_not(None),
            )
        )
        target = cancelled_status(
            CampaignStatus(campaign.status), anything_sent=bool(sent or leaving)
        )
        campaign.status = target.value
        campaign.cancelled_at = now
        campaign.completed_at = now
        if target is CampaignStatus.FAILED:
            campaign.failure_reason = str(msg.CANCELLED())
        changes.add(Table.CAMPAIGNS, campaign.id)
        changes.touch(Table.CAMPAIGN_RECIPIENTS)


def _outbox_recipients(
    session: Session, campaign_id: str, states: Sequence[OutboxState]
) -> list[str]:
    return [
        str(i)
        for i in session.scalars(
            select(OutboxMessage.recipient_id).where(
                OutboxMessage.campaign_id == campaign_id,
                OutboxMessage.state.in_([s.value for s in states]),
            )
        )
    ]


def _waiting(session: Session, campaign_id: str) -> int:
    return int(
        session.scalar(
            select(func.count()).where(
                CampaignRecipient.campaign_id == campaign_id,
                CampaignRecipient.deleted_at.is_(None),
                CampaignRecipient.status == RecipientStatus.QUEUED.value,
            )
        )
        or 0
    )


def take_over_risk(ws: Workspace, campaign_id: str) -> Message:
    """What taking over risks, with how many messages this computer would send.

    Refused first, like ``take_over`` itself, when the campaign cannot be taken over
    (asking a person to accept a risk for nothing helps nobody).
    """
    with ws.read() as session:
        campaign = _checked(ws, session, campaign_id, CampaignAction.TAKE_OVER)
        return msg.TAKE_OVER_RISK(count=_waiting(session, campaign.id))


def take_over(ws: Workspace, campaign_id: str) -> None:
    """This computer sends the rest of a campaign another computer was sending.

    Only a campaign being sent (Sent) by another computer. The recipients still queued
    here (never sent, as far as this computer knows) enter this computer's outbox; one
    the other computer flagged "unknown" enters it as unknown (a person decides). The
    risk (``take_over_risk``): the other computer may have sent some since it last
    synced, and those people would get the message twice.
    """
    sender = sender_info(ws)
    changes = ChangeSet()
    with ws.write(changes) as session:
        campaign = _checked(ws, session, campaign_id, CampaignAction.TAKE_OVER)
        spec = message_spec(campaign)
        if spec.attachment_path and not Path(spec.attachment_path).is_file():
            raise UserError(msg.ATTACHMENT_NOT_HERE, path=spec.attachment_path)
        rows = session.execute(
            select(CampaignRecipient, Contact)
            .join(Contact, Contact.id == CampaignRecipient.contact_id)
            .where(
                CampaignRecipient.campaign_id == campaign.id,
                CampaignRecipient.deleted_at.is_(None),
                CampaignRecipient.status == RecipientStatus.QUEUED.value,
            )
            .order_by(CampaignRecipient.id)
        ).all()
        present = outbox.keys_present(session, [r.id for r, _c in rows])
        unknown_words = str(outbox_msg.UNKNOWN_OUTCOME())
        items = [
            outbox.OutboxItem(
                recipient.id,
                recipient.address,
                recipient.rendered_subject,
                recipient.rendered_body,
                outbox_extra(
                    spec,
                    sender,
                    recipient.rendered_body,
                    personal_fields(contact),
                    key=recipient.id,  # the outbox key (outbox.enqueue)
                ),
                OutboxState.UNKNOWN if recipient.error == unknown_words else OutboxState.QUEUED,
            )
            for recipient, contact in rows
            if recipient.id not in present
        ]
        outbox.enqueue(session, campaign, items, utcnow())
        campaign.sender_device_id = ws.device_id
        changes.add(Table.CAMPAIGNS, campaign.id)


def resend_unknown(ws: Workspace, recipient_ids: Sequence[str]) -> int:
    """A person checked: send these "unknown" messages again (on the sending computer).

    Returns how many go back to the queue; recipients with no unknown message in this
    computer's outbox (another computer sends them) are left as they are.
    """
    changes = ChangeSet()
    with ws.write(changes) as session:
        now = utcnow()
        rows = _unknown_rows(session, recipient_ids)
        for row in rows:
            check_move(OutboxState(row.state), OutboxState.QUEUED)
            row.state = OutboxState.QUEUED.value
            row.next_attempt_at = now
            row.error_code = ""
            row.error_words = ""
            row.updated_at = now
            recipient = session.get(CampaignRecipient, row.recipient_id)
            if recipient is not None and recipient.status == RecipientStatus.QUEUED.value:
                recipient.error = ""
                changes.add(Table.CAMPAIGN_RECIPIENTS, recipient.id)
        return len(rows)


def give_up_unknown(ws: Workspace, recipient_ids: Sequence[str]) -> int:
    """A person decided not to resend: these messages count as failed ("not resent").

    Works from any computer on the recipients (synced); this computer's outbox rows for
    them, if any, are closed too. Returns how many recipients were given up.
    """
    changes = ChangeSet()
    words = str(msg.NOT_RESENT())
    unknown_words = str(outbox_msg.UNKNOWN_OUTCOME())
    with ws.write(changes) as session:
        now = utcnow()
        rows = _unknown_rows(session, recipient_ids)
        for row in rows:
            check_move(OutboxState(row.state), OutboxState.FAILED)
            row.state = OutboxState.FAILED.value
            row.error_code = "unknown"
            row.error_words = words
            row.updated_at = now
        with_rows = {row.recipient_id for row in rows}
        given_up = 0
        campaigns: set[str] = set()
        for recipient_id in dict.fromkeys(recipient_ids):
            recipient = session.get(CampaignRecipient, recipient_id)
            if recipient is None or recipient.status != RecipientStatus.QUEUED.value:
                continue
            if recipient_id not in with_rows and recipient.error != unknown_words:
                continue  # not an unknown message: nothing to give up
            apply_delivery(
                session,
                changes,
                recipient,
                RecipientStatus.FAILED,
                error=recipient_error("unknown", words),
                at=now,
            )
            campaigns.add(recipient.campaign_id)
            given_up += 1
        _complete(session, changes, campaigns, now)
        return given_up


def _unknown_rows(session: Session, recipient_ids: Sequence[str]) -> list[OutboxMessage]:
    ids = list(dict.fromkeys(recipient_ids))
    found: list[OutboxMessage] = []
    for start in range(0, len(ids), 500):
        found.extend(
            session.scalars(
                select(OutboxMessage).where(
                    OutboxMessage.recipient_id.in_(ids[start : start + 500]),
                    OutboxMessage.state == OutboxState.UNKNOWN.value,
                )
            )
        )
    return found


def _complete(session: Session, changes: ChangeSet, campaign_ids: set[str], when: datetime) -> None:
    for campaign_id in campaign_ids:
        campaign = session.get(Campaign, campaign_id)
        if campaign is not None and maybe_complete(session, campaign):
            campaign.completed_at = when
            changes.add(Table.CAMPAIGNS, campaign.id)
