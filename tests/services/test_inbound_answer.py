"""Answering a reply: a one-recipient campaign through the outbox, refused with the reason
when the person cannot get it (opted out, no address, WhatsApp's window closed)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from keyrings.alt.file import PlaintextKeyring
from sqlalchemy import func, select

from localpro_desktop.domain.campaigns import CampaignStatus, Channel, SkipReason
from localpro_desktop.domain.errors import NotFoundError, UserError
from localpro_desktop.domain.messages import replies as msg
from localpro_desktop.domain.plans import Metric, PlanLimitError, month_key
from localpro_desktop.services import channel_setup
from localpro_desktop.services.campaign_content import MessageOptions
from localpro_desktop.services.inbound import apply_pending, list_replies
from localpro_desktop.services.inbound.answer import answer, answer_context
from localpro_desktop.services.usage import report, today_utc
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import Campaign, CampaignRecipient, OutboxMessage, UsageEvent
from tests.channels import local_kit
from tests.services.inbound_kit import add_contact, at, inbound, pull

AWA = "+221771234567"
MODOU = "+221781112233"


@pytest.fixture(autouse=True)
def file_keyring(tmp_path: Path) -> Iterator[PlaintextKeyring]:
    with local_kit.file_keyring(tmp_path) as backend:
        yield backend


def _awa(ws: Workspace) -> str:
    return add_contact(
        ws,
        "Awa",
        phone=AWA,
        phone_e164=AWA,
        whatsapp=AWA,
        whatsapp_e164=AWA,
        email="Awa@Example.sn",
        email_normalized="awa@example.sn",
    )


def _reply(ws: Workspace, text: str, minutes: float, channel: str = "sms", **kw: object) -> str:
    pull(ws, inbound(kw.pop("address", AWA), text, minutes, channel=channel, **kw))  # type: ignore[arg-type]
    apply_pending(ws)
    return next(r.id for r in list_replies(ws) if r.text == text)


def _campaigns(ws: Workspace) -> list[Campaign]:
    with ws.read() as session:
        return list(session.scalars(select(Campaign).where(Campaign.deleted_at.is_(None))))


def _outbox(ws: Workspace, campaign_id: str) -> list[OutboxMessage]:
    with ws.read() as session:
        return list(
            session.scalars(select(OutboxMessage).where(OutboxMessage.campaign_id == campaign_id))
        )


def _recipients(ws: Workspace, campaign_id: str) -> list[CampaignRecipient]:
    with ws.read() as session:
        return list(
            session.scalars(
                select(CampaignRecipient).where(CampaignRecipient.campaign_id == campaign_id)
            )
        )


def _messages_used(ws: Workspace) -> int:
    with ws.read() as session:
        return report(session, ws.settings().plan).line(Metric.MESSAGES).used


@pytest.mark.usefixtures("channels_set_up")
def test_an_sms_answer_is_a_one_recipient_campaign_queued_in_the_outbox(
    workspace: Workspace,
) -> None:
    awa = _awa(workspace)
    _modou = add_contact(workspace, "Modou", phone=MODOU, phone_e164=MODOU)
    reply_id = _reply(workspace, "C'est combien le boubou ?", 5)

    campaign_id = answer(workspace, reply_id, "  15 000 F, livré demain.  ", name="Réponse à Awa")

    (campaign,) = _campaigns(workspace)
    assert (campaign.id, campaign.name, campaign.channel, campaign.status) == (
        campaign_id,
        "Réponse à Awa",
        "sms",
        CampaignStatus.SENT.value,
    )
    assert campaign.sender_device_id == workspace.device_id
    (recipient,) = _recipients(workspace, campaign_id)
    assert (recipient.contact_id, recipient.address, recipient.status) == (awa, AWA, "queued")
    (message,) = _outbox(workspace, campaign_id)
    assert (message.address, message.channel, message.recipient_id) == (AWA, "sms", recipient.id)
    assert message.body.startswith("15 000 F, livré demain.")
    assert _messages_used(workspace) == 1  # counted against the plan like any campaign


@pytest.mark.usefixtures("channels_set_up")
def test_the_default_name_and_an_email_answer_with_its_subject(workspace: Workspace) -> None:
    _awa(workspace)
    reply_id = _reply(workspace, "Vous livrez à Thiès ?", 5, channel="whatsapp")
    with pytest.raises(UserError) as no_subject:
        answer(workspace, reply_id, "Oui", channel=Channel.EMAIL)
    assert no_subject.value.message.id is msg.NEEDS_SUBJECT  # type: ignore[attr-defined]
    with pytest.raises(UserError) as empty:
        answer(workspace, reply_id, "   ", "Livraison", channel=Channel.EMAIL)
    assert empty.value.message.id is msg.EMPTY_ANSWER  # type: ignore[attr-defined]

    campaign_id = answer(workspace, reply_id, "Oui, le mardi.", "Livraison", channel=Channel.EMAIL)

    (campaign,) = _campaigns(workspace)
    assert (campaign.name, campaign.channel, campaign.subject) == (
        "Answer to Awa",
        "email",
        "Livraison",
    )
    (message,) = _outbox(workspace, campaign_id)
    assert (message.address, message.subject) == ("awa@example.sn", "Livraison")


@pytest.mark.usefixtures("channels_set_up")
def test_whatsapp_free_text_only_inside_the_24_hour_window_else_a_template(
    workspace: Workspace,
) -> None:
    _awa(workspace)
    reply_id = _reply(workspace, "Bonjour, c'est ouvert dimanche ?", 5, channel="whatsapp")

    inside = answer(workspace, reply_id, "Oui, de 10 h à 14 h.", now=at(5) + timedelta(hours=23))
    assert _outbox(workspace, inside)[0].channel == "whatsapp"

    later = at(5) + timedelta(hours=24, minutes=1)
    with pytest.raises(UserError) as closed:
        answer(workspace, reply_id, "Toujours ouvert !", now=later)
    assert closed.value.message.id is msg.WINDOW_CLOSED  # type: ignore[attr-defined]
    assert "only an approved template can be sent" in str(closed.value)
    assert len(_campaigns(workspace)) == 1  # nothing made for the refused answer

    template = MessageOptions("horaires", "fr", ("1=first_name",))
    with_template = answer(
        workspace, reply_id, "Bonjour {{first_name}}, nos horaires…", template=template, now=later
    )
    campaign = next(c for c in _campaigns(workspace) if c.id == with_template)
    assert (campaign.template_name, campaign.template_language) == ("horaires", "fr")
    assert len(_outbox(workspace, with_template)) == 1


@pytest.mark.usefixtures("channels_set_up")
def test_the_window_and_each_channel_are_known_before_writing(workspace: Workspace) -> None:
    awa = _awa(workspace)
    reply_id = _reply(workspace, "STOP", 5)  # an SMS opt-out
    _reply(workspace, "Merci", 10, channel="whatsapp")

    context = answer_context(workspace, reply_id, now=at(10) + timedelta(hours=2))

    assert (context.contact_id, context.contact_name, context.channel) == (awa, "Awa", Channel.SMS)
    assert context.choices[Channel.SMS].refusal is SkipReason.OPTED_OUT
    assert context.choices[Channel.WHATSAPP].address == AWA
    assert context.choices[Channel.EMAIL].address == "awa@example.sn"
    assert all(choice.set_up for choice in context.choices.values())
    assert context.whatsapp_window_until == at(10) + timedelta(hours=24)
    assert [(o.channel, o.opted_out, o.words) for o in context.opt_outs] == [
        (Channel.SMS, True, "STOP")
    ]
    closed = answer_context(workspace, reply_id, now=at(10) + timedelta(hours=25))
    assert closed.whatsapp_window_until is None and closed.whatsapp_last_at == at(10)


@pytest.mark.usefixtures("channels_set_up")
def test_refused_when_opted_out_or_without_an_address_and_nothing_is_left_behind(
    workspace: Workspace,
) -> None:
    _awa(workspace)
    stop = _reply(workspace, "Stop.", 5)
    with pytest.raises(UserError) as opted_out:
        answer(workspace, stop, "Désolé pour le dérangement.")
    assert opted_out.value.message.id is msg.OPTED_OUT["sms"]  # type: ignore[attr-defined]
    assert str(opted_out.value) == "Awa opted out of SMS: the answer was not sent."

    stranger = _reply(workspace, "Bonjour", 6, address="+221769998877")
    with pytest.raises(UserError) as no_email:
        answer(workspace, stranger, "Bonjour !", "Bienvenue", channel=Channel.EMAIL)
    assert no_email.value.message.id is msg.NO_ADDRESS["email"]  # type: ignore[attr-defined]
    assert "+221 76 999 88 77" in str(no_email.value)  # the new contact, named by its number
    assert _campaigns(workspace) == []
    assert _messages_used(workspace) == 0


@pytest.mark.usefixtures("channels_set_up")
def test_a_message_not_matched_yet_or_gone_is_refused(workspace: Workspace) -> None:
    _awa(workspace)
    pull(workspace, inbound(AWA, "Oui", 5, channel="sms"))  # synced, not applied yet
    (reply,) = list_replies(workspace)
    with pytest.raises(UserError) as waiting:
        answer(workspace, reply.id, "Merci !")
    assert waiting.value.message.id is msg.NOT_MATCHED  # type: ignore[attr-defined]
    assert answer_context(workspace, reply.id).contact_id is None
    with pytest.raises(NotFoundError):
        answer(workspace, "no-such-reply", "Merci !")


def test_a_channel_with_no_service_or_the_plan_limit_leaves_no_draft(
    workspace: Workspace,
) -> None:
    _awa(workspace)
    reply_id = _reply(workspace, "Oui", 5)
    with pytest.raises(channel_setup.ChannelNotSetUpError):
        answer(workspace, reply_id, "Merci !")
    assert _campaigns(workspace) == []

    provider = _Ready()
    channel_setup.register(provider)
    try:
        with workspace.read() as session:
            limit = report(session, workspace.settings().plan).line(Metric.MESSAGES).limit
        assert limit is not None
        with workspace.write() as session:
            session.add(UsageEvent(metric="messages", month=month_key(today_utc()), quantity=limit))
        with pytest.raises(PlanLimitError):
            answer(workspace, reply_id, "Merci !")
        with workspace.read() as session:
            drafts = session.scalar(
                select(func.count()).select_from(Campaign).where(Campaign.deleted_at.is_(None))
            )
        assert drafts == 0
    finally:
        channel_setup.unregister(provider)


class _Ready:
    channel = Channel.SMS

    def is_set_up(self, _ws: object) -> bool:
        return True
