"""Answering a reply from the Replies view, through the same outbox as every campaign.

An answer is a one-recipient campaign ("Answer to Awa") made with ``CampaignService``
and queued by ``campaign_sending.send``: the plan's message limit, opt-outs, exclusions,
the sender device and the dispatcher apply to it as to any campaign, and it shows in the
campaign list with its delivery. Before anything is written the answer is refused, with
the reason, when the person opted out of the channel, has no address for it, or (WhatsApp
free text) last wrote more than 24 hours ago; a refused send leaves no draft behind.

``answer_context`` tells the screen beforehand what each channel allows for the person.
"""

from dataclasses import dataclass, field
from datetime import datetime
from typing import NoReturn

from sqlalchemy import select

from localpro_desktop.domain.campaigns import Channel, SkipReason
from localpro_desktop.domain.errors import NotFoundError, UserError
from localpro_desktop.domain.ids import utcnow
from localpro_desktop.domain.inbound import WHATSAPP_WINDOW, EventKind
from localpro_desktop.domain.messages import replies as msg
from localpro_desktop.services import campaign_sending, channel_setup
from localpro_desktop.services.campaign_audience import address_for, audience_in
from localpro_desktop.services.campaign_content import MessageOptions
from localpro_desktop.services.campaigns import CampaignService
from localpro_desktop.services.inbound.opt_outs import OptOutView, opt_outs_of
from localpro_desktop.services.inbound.replies import last_inbound_at
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import Contact, InboundApplied, InboundEvent


@dataclass(frozen=True)
class ChannelChoice:
    """One channel the answer could go on, for this person."""

    channel: Channel
    address: str | None
    """Where it would go (E.164 or e-mail); None when it cannot."""
    refusal: SkipReason | None
    """Why it cannot ("opted_out", "no_address", …); None when it can."""
    set_up: bool
    """A service (provider account) is set up on this laptop for the channel."""


@dataclass(frozen=True)
class AnswerContext:
    """What answering one reply allows, read before the user writes."""

    reply_id: str
    channel: Channel
    """The channel the person wrote on (the answer's default)."""
    contact_id: str | None
    """None while the message is not matched to a contact (applied after the next sync)."""
    contact_name: str
    choices: dict[Channel, ChannelChoice] = field(default_factory=dict)
    whatsapp_last_at: datetime | None = None
    """When the person last wrote on WhatsApp (UTC)."""
    whatsapp_window_until: datetime | None = None
    """Free text may go on WhatsApp until then (UTC); None: the window is closed."""
    opt_outs: tuple[OptOutView, ...] = ()


def _event(ws: Workspace, reply_id: str) -> tuple[InboundEvent, str | None]:
    with ws.read() as session:
        row = session.execute(
            select(InboundEvent, InboundApplied.contact_id)
            .outerjoin(InboundApplied, InboundApplied.event_id == InboundEvent.id)
            .where(
                InboundEvent.id == reply_id,
                InboundEvent.kind == EventKind.INBOUND.value,
                InboundEvent.deleted_at.is_(None),
            )
        ).first()
        if row is None:
            raise NotFoundError(msg.REPLY_GONE)
        event, contact_id = row
        if contact_id is not None:
            contact = session.get(Contact, contact_id)
            if contact is None or contact.deleted_at is not None:
                contact_id = None  # merged or deleted since: treated as not matched
        return event, contact_id


def answer_context(ws: Workspace, reply_id: str, now: datetime | None = None) -> AnswerContext:
    """The person behind a reply and, per channel, whether an answer can go there."""
    event, contact_id = _event(ws, reply_id)
    channel = Channel(event.channel)
    if contact_id is None:
        return AnswerContext(reply_id, channel, None, "")
    ready = channel_setup.set_up_channels(ws)
    choices: dict[Channel, ChannelChoice] = {}
    with ws.read() as session:
        contact = session.get(Contact, contact_id)
        name = contact.display_name if contact is not None else ""
        for each in Channel:
            audience = audience_in(session, each, [contact_id])
            if audience.included:
                address, _reason = address_for(audience.included[0], each)
                choices[each] = ChannelChoice(each, address, None, each in ready)
            else:
                reason = audience.excluded[0].reason if audience.excluded else "no_address"
                choices[each] = ChannelChoice(each, None, SkipReason(reason), each in ready)
    last = last_inbound_at(ws, contact_id, Channel.WHATSAPP)
    until = last + WHATSAPP_WINDOW if last is not None else None
    if until is not None and until <= (now or utcnow()):
        until = None
    return AnswerContext(
        reply_id,
        channel,
        contact_id,
        name,
        choices,
        whatsapp_last_at=last,
        whatsapp_window_until=until,
        opt_outs=tuple(opt_outs_of(ws, contact_id)),
    )


def answer(
    ws: Workspace,
    reply_id: str,
    text: str,
    subject: str = "",
    *,
    name: str = "",
    channel: Channel | None = None,
    template: MessageOptions | None = None,
    now: datetime | None = None,
) -> str:
    """Queue an answer to a reply; returns the one-recipient campaign's id.

    ``channel``: where to answer (default: where the person wrote). ``name``: the
    campaign's name, in the user's language (default "Answer to {name}" in English).
    ``template``: a WhatsApp approved template (needed outside the 24-hour window; ``text``
    is then its text with the fields filling it). ``subject``: e-mail only, required there.
    Refused with a ``UserError`` before anything is written when the person cannot get it.
    """
    event, contact_id = _event(ws, reply_id)
    if contact_id is None:
        raise UserError(msg.NOT_MATCHED)
    on = channel or Channel(event.channel)
    body = text.strip()
    uses_template = on is Channel.WHATSAPP and template is not None and bool(template.template_name)
    if not body and not uses_template:
        raise UserError(msg.EMPTY_ANSWER)
    if on is Channel.EMAIL and not subject.strip():
        raise UserError(msg.NEEDS_SUBJECT)
    with ws.read() as session:
        contact = session.get(Contact, contact_id)
        who = contact.display_name if contact is not None else ""
        audience = audience_in(session, on, [contact_id])
    who = who or event.address
    if not audience.included:
        _refuse(on, audience.excluded[0].reason if audience.excluded else "no_address", who)
    if on is Channel.WHATSAPP and not uses_template:
        last = last_inbound_at(ws, contact_id, Channel.WHATSAPP)
        if last is None or (now or utcnow()) - last >= WHATSAPP_WINDOW:
            raise UserError(msg.WINDOW_CLOSED, name=who)
    if on is not Channel.WHATSAPP:
        template = None
    if not channel_setup.set_up_channels(ws) & {on}:
        raise channel_setup.ChannelNotSetUpError(on)  # before a draft is made
    service = CampaignService(ws)
    campaign = service.create(
        name.strip() or str(msg.ANSWER_NAME(name=who)),
        on,
        body,
        subject=subject.strip() if on is Channel.EMAIL else "",
        options=template,
    )
    try:
        service.set_recipients(campaign.id, [contact_id])
        campaign_sending.send(ws, campaign.id)
    except Exception:
        service.delete(campaign.id)  # a refused answer leaves no draft behind
        raise
    return campaign.id


def _refuse(channel: Channel, reason: str, who: str) -> NoReturn:
    if reason == SkipReason.OPTED_OUT.value:
        raise UserError(msg.OPTED_OUT[channel.value], name=who)
    if reason == SkipReason.NOT_ON_WHATSAPP.value:
        raise UserError(msg.NOT_ON_WHATSAPP, name=who)
    raise UserError(msg.NO_ADDRESS[channel.value], name=who)
