"""Sending a campaign: what it will cost and who it leaves out, then queueing it.

``summarize`` says, before anything is written, how many get the message, who is left
out and why (no address, invalid, opted out, not on WhatsApp), the SMS parts, the cost in
the workspace currency and what the plan still allows this month. ``send`` renders one
message per recipient into the local outbox in one transaction and returns at once; this
computer becomes the campaign's sender (only it dispatches; see ``dispatcher``).

Pause, resume, cancel, take over and progress live in ``campaign_control`` and
``campaign_progress``; their names are importable from here too.
"""

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from localpro_desktop.domain.campaigns import (
    NOT_ON_WHATSAPP_CODE,
    CampaignStatus,
    Channel,
    RecipientStatus,
    SkipReason,
    check_campaign_move,
    is_editable,
    recipient_error,
    round_money,
)
from localpro_desktop.domain.changes import ChangeSet
from localpro_desktop.domain.errors import NotFoundError, UserError
from localpro_desktop.domain.ids import utcnow
from localpro_desktop.domain.messages import campaigns as msg
from localpro_desktop.domain.plans import Metric, next_reset
from localpro_desktop.domain.sms import sms_length, to_gsm7_lookalikes, unicode_chars
from localpro_desktop.services import channel_setup, outbox, usage
from localpro_desktop.services.campaign_audience import (
    FACT_COLUMNS,
    address_for,
    audience_in,
    facts,
    not_on_whatsapp,
    personal_fields,
)
from localpro_desktop.services.campaign_content import (
    editable,
    fitting_options,
    insert_campaign,
    options_of,
    replace_recipients,
)
from localpro_desktop.services.campaign_control import (
    cancel,
    give_up_unknown,
    pause,
    resend_unknown,
    resume,
    take_over,
    take_over_risk,
)
from localpro_desktop.services.campaign_progress import (
    PROGRESS_KEYS,
    FailedMessage,
    Progress,
    UnknownMessage,
    progress,
)
from localpro_desktop.services.campaign_render import (
    MessageSpec,
    RenderedMessage,
    SenderInfo,
    compile_template,
    message_spec,
    outbox_extra,
    price_for,
    sender_info,
)
from localpro_desktop.services.records import get_live
from localpro_desktop.services.segments import SegmentService
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import Campaign, CampaignRecipient, Contact
from localpro_protocol.wire import Table

__all__ = [
    "PROGRESS_KEYS",
    "FailedMessage",
    "Progress",
    "SendSummary",
    "UnknownMessage",
    "cancel",
    "follow_up_draft",
    "give_up_unknown",
    "pause",
    "progress",
    "queued_cost",
    "replace_unicode",
    "resend_unknown",
    "resume",
    "send",
    "summarize",
    "take_over",
    "take_over_risk",
]

FOLLOW_UP_REASONS = ("limit", "not_on_whatsapp")


@dataclass(frozen=True)
class SendSummary:
    """What Send would do, before anything is written."""

    campaign_id: str
    channel: Channel
    recipients: int
    """Messages that would be queued (reachable now)."""
    excluded: dict[str, int]
    """Left out, by reason: no_address, invalid_address, opted_out, not_on_whatsapp."""
    sms_parts: int
    """SMS: parts over every message, each counted as rendered for its person."""
    unicode_chars: str
    """SMS: the characters that force Unicode (70 a part instead of 160)."""
    parts_if_replaced: int
    """SMS: the parts if the body's characters were replaced by GSM-7 look-alikes."""
    price: Decimal | None
    """Per message (per SMS part), as the user set it; None: not set."""
    currency: str
    cost: Decimal | None
    """``price`` × messages (× parts), rounded to the currency's smallest unit."""
    allowed_now: int
    """How many the plan allows this month (at most ``recipients``)."""
    over_limit: bool
    resets_on: date

    @property
    def cost_if_replaced(self) -> Decimal | None:
        if self.price is None or self.channel is not Channel.SMS:
            return self.cost
        return round_money(self.price * self.parts_if_replaced, self.currency)


@dataclass(frozen=True)
class _Ready:
    recipient_id: str
    address: str
    message: RenderedMessage
    fields: dict[str, str]
    changed: bool
    """The address or text differs from what the draft stored (the contact changed)."""


@dataclass
class _Plan:
    """The pending recipients, checked again now: who can get it, who is skipped and why."""

    ready: list[_Ready] = field(default_factory=list)
    skipped: list[tuple[str, SkipReason]] = field(default_factory=list)


def _plan(session: Session, spec: MessageSpec, sender: SenderInfo) -> _Plan:
    """Every pending recipient rendered for its contact as the contact is now.

    A contact who opted out, lost their address or turned out not to be on WhatsApp
    since the draft was saved is skipped with that reason; the address and text are the
    contact's current ones. Columns, not ORM rows: 10,000 recipients stay well under a
    second.
    """
    r = CampaignRecipient
    rows = session.execute(
        select(r.id, r.address, r.rendered_subject, r.rendered_body, *FACT_COLUMNS)
        .join(Contact, Contact.id == r.contact_id)
        .where(
            r.campaign_id == spec.campaign_id,
            r.deleted_at.is_(None),
            r.status == RecipientStatus.PENDING.value,
        )
        .order_by(r.id)
    ).all()
    people = [facts(row[4:]) for row in rows]
    subject_of = compile_template(spec.subject)
    body_of = compile_template(spec.body)
    absent: set[str] = set()
    if spec.channel is Channel.WHATSAPP:
        absent = not_on_whatsapp(session, [contact.id for contact in people])
    plan = _Plan()
    for row, contact in zip(rows, people, strict=True):
        recipient_id = str(row[0])
        address, reason = address_for(contact, spec.channel)
        if contact.deleted_at is not None:
            address, reason = None, SkipReason.NO_ADDRESS.value
        elif address and contact.id in absent:
            address, reason = None, SkipReason.NOT_ON_WHATSAPP.value
        if not address:
            plan.skipped.append((recipient_id, SkipReason(reason or SkipReason.NO_ADDRESS)))
            continue
        fields = personal_fields(contact)
        subject = subject_of(fields) if spec.subject else ""
        body = body_of(fields) if spec.body else ""
        extra = outbox_extra(spec, sender, body, fields, key=recipient_id)  # the outbox key
        rendered = RenderedMessage(subject, body, extra)
        changed = (address, subject, body) != (row[1], row[2], row[3])
        plan.ready.append(_Ready(recipient_id, address, rendered, fields, changed))
    return plan


def _segment_members(ws: Workspace, segment_id: str | None) -> list[str]:
    """A segment campaign's members now (segments are live); none for hand-picked ones.

    Those who are not recipients because the channel cannot reach them are counted among
    the exclusions (a hand-picked campaign keeps no trace of the contacts it left out).
    """
    if segment_id is None:
        return []
    try:
        return SegmentService(ws).contact_ids(segment_id)
    except NotFoundError:
        return []


def summarize(ws: Workspace, campaign_id: str) -> SendSummary:
    """Audience, exclusions, SMS parts and cost, and what the plan allows now."""
    with ws.read() as session:
        campaign = get_live(session, Campaign, campaign_id, "campaign")
        editable_now = is_editable(CampaignStatus(campaign.status))
        segment_id = campaign.segment_id if editable_now else None
    # Read in their own sessions: the segment's members, the settings, the channel's price.
    members = _segment_members(ws, segment_id)
    settings = ws.settings()
    sender = sender_info(ws)
    price = price_for(ws, Channel(campaign.channel))
    with ws.read() as session:
        campaign = get_live(session, Campaign, campaign_id, "campaign")
        spec = message_spec(campaign)
        plan = _plan(session, spec, sender)
        excluded: dict[str, int] = {}
        for _rid, reason in plan.skipped:
            excluded[reason.value] = excluded.get(reason.value, 0) + 1
        if members:
            recipients = set(_recipient_contacts(session, campaign.id))
            others = [cid for cid in members if cid not in recipients]
            for exclusion in audience_in(session, spec.channel, others).excluded:
                excluded[exclusion.reason] = excluded.get(exclusion.reason, 0) + 1
        remaining = usage.remaining(session, settings.plan, Metric.MESSAGES)
    bodies = [r.message.body for r in plan.ready]
    chars = ""
    sms_parts = parts_if_replaced = 0
    if spec.channel is Channel.SMS:
        sms_parts = sum(sms_length(body).segments for body in bodies)
        chars = unicode_chars(bodies)
        parts_if_replaced = sms_parts
        if chars:
            replaced = compile_template(to_gsm7_lookalikes(spec.body))
            parts_if_replaced = sum(sms_length(replaced(r.fields)).segments for r in plan.ready)
    count = len(plan.ready)
    units = sms_parts if spec.channel is Channel.SMS else count
    cost = None if price is None else round_money(price * units, settings.currency)
    allowed = count if remaining is None else min(remaining, count)
    return SendSummary(
        campaign_id=campaign.id,
        channel=spec.channel,
        recipients=count,
        excluded=excluded,
        sms_parts=sms_parts,
        unicode_chars=chars,
        parts_if_replaced=parts_if_replaced,
        price=price,
        currency=settings.currency,
        cost=cost,
        allowed_now=allowed,
        over_limit=allowed < count,
        resets_on=next_reset(usage.today_utc()),
    )


def queued_cost(ws: Workspace, campaign_id: str) -> Decimal | None:
    """The estimated cost of the messages a campaign queued (None: no price set)."""
    settings = ws.settings()
    with ws.read() as session:
        campaign = get_live(session, Campaign, campaign_id, "campaign")
        channel = Channel(campaign.channel)
        bodies = list(
            session.scalars(
                select(CampaignRecipient.rendered_body).where(
                    CampaignRecipient.campaign_id == campaign.id,
                    CampaignRecipient.deleted_at.is_(None),
                    CampaignRecipient.queued_at.is_not(None),
                )
            )
        )
    price = price_for(ws, channel)
    if price is None:
        return None
    units = sum(sms_length(b).segments for b in bodies) if channel is Channel.SMS else len(bodies)
    return round_money(price * units, settings.currency)


def _recipient_contacts(session: Session, campaign_id: str) -> list[str]:
    return [
        str(i)
        for i in session.scalars(
            select(CampaignRecipient.contact_id).where(
                CampaignRecipient.campaign_id == campaign_id,
                CampaignRecipient.deleted_at.is_(None),
            )
        )
    ]


def check_sendable(spec: MessageSpec) -> None:
    """Refuse before queueing what could not leave: no message, an attachment not here."""
    if not spec.body.strip() and not spec.template_name:
        raise UserError(msg.NEEDS_MESSAGE)
    if spec.attachment_path and not Path(spec.attachment_path).is_file():
        raise UserError(msg.ATTACHMENT_NOT_HERE, path=spec.attachment_path)


def send(ws: Workspace, campaign_id: str, *, at_most: int | None = None) -> Campaign:
    """Queue the campaign now: this computer becomes its sender.

    Every pending recipient is checked and rendered again (the contact as it is now); one
    outbox row each, the recipients ``queued`` and the messages counted against the plan,
    in one transaction. Refused before any write when the channel has no service set up
    (``ChannelNotSetUpError``) or the plan has too few messages left (``PlanLimitError``).
    ``at_most``: queue only the first ``at_most`` (what the plan allows, from
    ``summarize``); the rest are skipped ("monthly message limit reached") and
    ``follow_up_draft(..., reason="limit")`` makes a draft for them.
    """
    if at_most is not None and at_most < 1:
        raise UserError(msg.AT_MOST_POSITIVE)
    # Read before the write: providers and the channel settings use their own sessions.
    ready = channel_setup.set_up_channels(ws)
    plan_name = ws.settings().plan
    sender = sender_info(ws)
    changes = ChangeSet()
    with ws.write(changes) as session:
        campaign = get_live(session, Campaign, campaign_id, "campaign")
        check_campaign_move(CampaignStatus(campaign.status), CampaignStatus.SENT)
        spec = message_spec(campaign)
        if spec.channel not in ready:
            raise channel_setup.ChannelNotSetUpError(spec.channel)
        check_sendable(spec)
        plan = _plan(session, spec, sender)
        if not plan.ready:
            raise UserError(msg.NO_RECIPIENTS)
        go = plan.ready if at_most is None else plan.ready[:at_most]
        usage.ensure_allowed(session, plan_name, Metric.MESSAGES, len(go))
        now = utcnow()
        later = [(r.recipient_id, SkipReason.LIMIT) for r in plan.ready[len(go) :]]
        mark_skipped(session, later + plan.skipped, now)  # first: the rest pending are "go"
        _mark_queued(session, campaign.id, go, now)
        outbox.enqueue(
            session,
            campaign,
            [
                outbox.OutboxItem(
                    r.recipient_id, r.address, r.message.subject, r.message.body, r.message.extra
                )
                for r in go
            ],
            now,
        )
        campaign.status = CampaignStatus.SENT.value
        campaign.sent_at = now
        campaign.sender_device_id = ws.device_id
        campaign.paused_at = None
        campaign.cancelled_at = None
        usage.record(session, Metric.MESSAGES, len(go), f"campaign:{campaign.id}")
        changes.add(Table.CAMPAIGNS, campaign.id)
        changes.touch(Table.CAMPAIGN_RECIPIENTS)
        changes.touch(Table.USAGE_EVENTS)
    return campaign


def _mark_queued(session: Session, campaign_id: str, ready: list[_Ready], now: datetime) -> None:
    """The ``ready`` recipients turn queued; every other pending one was skipped before.

    A contact changed since the draft was saved gets its new address and text (a few rows,
    one executemany); then one UPDATE queues them all (the change-capture triggers run
    per row either way, but no per-row statement is sent from Python).
    """
    changed = [
        {
            "id": r.recipient_id,
            "address": r.address,
            "rendered_subject": r.message.subject,
            "rendered_body": r.message.body,
            "updated_at": now,
        }
        for r in ready
        if r.changed
    ]
    for start in range(0, len(changed), 5000):
        session.execute(update(CampaignRecipient), changed[start : start + 5000])
    session.execute(
        update(CampaignRecipient)
        .where(
            CampaignRecipient.campaign_id == campaign_id,
            CampaignRecipient.deleted_at.is_(None),
            CampaignRecipient.status == RecipientStatus.PENDING.value,
        )
        .values(status=RecipientStatus.QUEUED.value, queued_at=now, error="", updated_at=now)
        .execution_options(synchronize_session=False)
    )


def mark_skipped(session: Session, skipped: list[tuple[str, SkipReason]], now: datetime) -> None:
    """Recipients who will not get the message, each with why ("code: words")."""
    rows = [
        {
            "id": recipient_id,
            "status": RecipientStatus.SKIPPED.value,
            "error": recipient_error(reason.value, str(reason.words)),
            "updated_at": now,
        }
        for recipient_id, reason in skipped
    ]
    for start in range(0, len(rows), 5000):
        session.execute(update(CampaignRecipient), rows[start : start + 5000])


def replace_unicode(ws: Workspace, campaign_id: str) -> None:
    """SMS: swap the body's ’ « » ê … for GSM-7 look-alikes (a draft or scheduled one).

    Each recipient's message is rendered again. Characters with no look-alike (an emoji)
    and those in a person's own fields (their name) stay.
    """
    changes = ChangeSet()
    with ws.write(changes) as session:
        campaign = editable(session, campaign_id)
        if Channel(campaign.channel) is not Channel.SMS:
            raise UserError(msg.REPLACE_ONLY_SMS)
        replaced = to_gsm7_lookalikes(campaign.body or "")
        if replaced == campaign.body:
            return
        campaign.body = replaced
        now = utcnow()
        rows = session.execute(
            select(CampaignRecipient.id, Contact)
            .join(Contact, Contact.id == CampaignRecipient.contact_id)
            .where(
                CampaignRecipient.campaign_id == campaign.id,
                CampaignRecipient.deleted_at.is_(None),
            )
        ).all()
        body_of = compile_template(replaced)
        updates = [
            {"id": rid, "rendered_body": body_of(personal_fields(c)), "updated_at": now}
            for rid, c in rows
        ]
        for start in range(0, len(updates), 5000):
            session.execute(update(CampaignRecipient), updates[start : start + 5000])
        changes.add(Table.CAMPAIGNS, campaign.id)
        changes.touch(Table.CAMPAIGN_RECIPIENTS)


def follow_up_draft(
    ws: Workspace, campaign_id: str, *, reason: str, channel: Channel, name: str | None = None
) -> str:
    """A new draft, on ``channel``, for the people a campaign left for later; its id.

    ``reason``: "limit" (skipped when the monthly limit was reached) or
    "not_on_whatsapp" (WhatsApp answered 131026; usually with ``channel=Channel.SMS``).
    Same body and subject; the people are checked for ``channel`` as any draft's are.
    """
    if reason not in FOLLOW_UP_REASONS:
        raise UserError(msg.FOLLOW_UP_REASON, text=reason)
    changes = ChangeSet()
    with ws.write(changes) as session:
        source = get_live(session, Campaign, campaign_id, "campaign")
        contact_ids = _left_for(session, source.id, reason)
        if not contact_ids:
            raise UserError(msg.NOTHING_TO_FOLLOW_UP, name=source.name)
        campaign = insert_campaign(
            session,
            changes,
            name or str(msg.FOLLOW_UP_NAME(name=source.name)),
            channel,
            source.body or "",
            subject=(source.subject or "") if channel is Channel.EMAIL else "",
            segment_id=None,
            options=fitting_options(options_of(source), channel),
        )
        replace_recipients(session, campaign, contact_ids, changes)
        return campaign.id


def _left_for(session: Session, campaign_id: str, reason: str) -> list[str]:
    r = CampaignRecipient
    if reason == "limit":
        status, prefix = RecipientStatus.SKIPPED, f"{SkipReason.LIMIT.value}:"
    else:
        status, prefix = RecipientStatus.FAILED, f"{NOT_ON_WHATSAPP_CODE}:"
    ids = session.scalars(
        select(r.contact_id)
        .where(
            r.campaign_id == campaign_id,
            r.deleted_at.is_(None),
            r.status == status.value,
            r.error.startswith(prefix),
        )
        .order_by(r.id)
    )
    return list(dict.fromkeys(str(i) for i in ids))
