"""Per-channel opt-outs: by hand, by a STOP, and every later campaign leaving the person out."""

from __future__ import annotations

from sqlalchemy import select

from localpro_desktop.domain.activities import ActivityKind
from localpro_desktop.domain.campaigns import Channel, SkipReason
from localpro_desktop.domain.opt_outs import OptOutSource, opt_out_id
from localpro_desktop.services.campaigns import CampaignService
from localpro_desktop.services.inbound import (
    apply_pending,
    is_opted_out,
    opt_outs_of,
    set_opt_out,
)
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import Activity, Contact, ContactOptOut
from tests.services.inbound_kit import T0, add_contact, at, inbound, pull

AWA = "+221771234567"
MOUSSA = "+221781112233"


def _people(ws: Workspace) -> tuple[str, str]:
    awa = add_contact(ws, "Awa", phone=AWA, phone_e164=AWA, whatsapp=AWA, whatsapp_e164=AWA)
    moussa = add_contact(ws, "Moussa", phone=MOUSSA, phone_e164=MOUSSA)
    return awa, moussa


def test_a_stop_leaves_the_person_out_of_every_later_campaign_on_that_channel(
    workspace: Workspace,
) -> None:
    awa, moussa = _people(workspace)
    pull(workspace, inbound(AWA, "STOP", 5, channel="sms"))
    apply_pending(workspace)
    campaigns = CampaignService(workspace)
    sms = campaigns.audience(Channel.SMS, [awa, moussa])
    assert [c.id for c in sms.included] == [moussa]
    assert [(e.contact_id, e.reason) for e in sms.excluded] == [(awa, SkipReason.OPTED_OUT.value)]
    assert sms.excluded_counts() == {"opted_out": 1}
    # Per channel: WhatsApp still reaches her.
    whatsapp = campaigns.audience(Channel.WHATSAPP, [awa])
    assert [c.id for c in whatsapp.included] == [awa] and not whatsapp.excluded


def test_a_recorded_opt_out_counts_even_where_the_contact_flag_says_otherwise(
    workspace: Workspace,
) -> None:
    """The person's STOP, synced from another laptop, while this one's flag was cleared."""
    awa, _moussa = _people(workspace)
    with workspace.write() as session:
        session.add(
            ContactOptOut(
                id=opt_out_id(awa, "whatsapp"),
                contact_id=awa,
                channel="whatsapp",
                opted_out=True,
                source="whatsapp",
                words="Arrêt",
                at=T0,
            )
        )
    assert is_opted_out(workspace, awa, Channel.WHATSAPP)
    assert not is_opted_out(workspace, awa, Channel.SMS)
    audience = CampaignService(workspace).audience(Channel.WHATSAPP, [awa])
    assert not audience.included
    assert [e.reason for e in audience.excluded] == ["opted_out"]


def test_manual_opt_out_and_back_in(workspace: Workspace) -> None:
    awa, _moussa = _people(workspace)
    out = set_opt_out(workspace, awa, Channel.EMAIL, words="asked on the phone")
    assert (out.channel, out.opted_out, out.source, out.words) == (
        Channel.EMAIL,
        True,
        OptOutSource.MANUAL,
        "asked on the phone",
    )
    assert is_opted_out(workspace, awa, Channel.EMAIL)
    with workspace.read() as session:
        contact = session.get(Contact, awa)
        assert contact is not None and contact.opt_out_email
    back = set_opt_out(workspace, awa, Channel.EMAIL, False)
    assert not back.opted_out and back.at >= out.at
    assert not is_opted_out(workspace, awa, Channel.EMAIL)
    with workspace.read() as session:
        notes = session.scalars(
            select(Activity.body)
            .where(Activity.contact_id == awa, Activity.kind == ActivityKind.NOTE.value)
            .order_by(Activity.occurred_at)
        ).all()
    assert notes == ["Opted out of email", "Opted back in to email"]


def test_a_later_manual_opt_in_wins_over_an_older_stop_applied_after_it(
    workspace: Workspace,
) -> None:
    """The user opted the person back in; a STOP sent before that arrives later."""
    _awa, moussa = _people(workspace)
    set_opt_out(workspace, moussa, Channel.SMS, False)  # now, long after T0
    pull(workspace, inbound(MOUSSA, "STOP", 5, channel="sms"))
    apply_pending(workspace)
    assert not is_opted_out(workspace, moussa, Channel.SMS)
    [choice] = opt_outs_of(workspace, moussa)
    assert (choice.opted_out, choice.source) == (False, OptOutSource.MANUAL)


def test_opt_outs_of_lists_each_channel_once_in_channel_order(workspace: Workspace) -> None:
    awa, _moussa = _people(workspace)
    pull(
        workspace,
        inbound(AWA, "stop", 5, channel="sms"),
        inbound(AWA, "Arrêt", 6),
        inbound(AWA, "STOP", 7, channel="sms"),
    )
    apply_pending(workspace)
    shown = [(v.channel, v.opted_out, v.source, v.at) for v in opt_outs_of(workspace, awa)]
    assert shown == [
        (Channel.WHATSAPP, True, OptOutSource.WHATSAPP, at(6)),
        (Channel.SMS, True, OptOutSource.SMS_KEYWORD, at(7)),
    ]
