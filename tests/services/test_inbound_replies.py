"""The Replies read model: newest first, with the contact and the campaign answered."""

from __future__ import annotations

from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.domain.opt_outs import KeywordAction, inbound_contact_id
from localpro_desktop.services.inbound import apply_pending, list_replies
from localpro_desktop.services.workspace import Workspace
from tests.services.inbound_kit import add_contact, at, inbound, pull, receipt, sent_campaign

AWA = "+221771234567"
STRANGER = "+221769998877"


def test_replies_newest_first_with_contact_and_campaign(workspace: Workspace) -> None:
    awa = add_contact(workspace, "Awa", whatsapp=AWA, whatsapp_e164=AWA)
    sent = sent_campaign(workspace, "Tabaski", "whatsapp", {awa: ("awa", AWA, "wamid.A")})
    pull(
        workspace,
        inbound(AWA, "Oui", 30),
        inbound(STRANGER, "C'est combien ?", 40),
        inbound(AWA, "STOP", 50, channel="sms"),
        receipt("wamid.A", "read", 10),  # a receipt is not a reply
    )
    assert [r.contact_id for r in list_replies(workspace)] == [None, None, None]  # not applied
    apply_pending(workspace)
    replies = list_replies(workspace)
    assert [(r.text, r.channel, r.contact_id) for r in replies] == [
        ("STOP", Channel.SMS, awa),
        ("C'est combien ?", Channel.WHATSAPP, inbound_contact_id(STRANGER)),
        ("Oui", Channel.WHATSAPP, awa),
    ]
    oui = replies[-1]
    assert (oui.campaign_id, oui.campaign_name, oui.contact_name, oui.at) == (
        sent.campaign_id,
        "Tabaski",
        "Awa",
        at(30),
    )
    assert replies[0].keyword is KeywordAction.OPT_OUT and replies[0].campaign_id is None
    assert replies[1].contact_name == "+221 76 999 88 77"
    assert [r.text for r in list_replies(workspace, since=at(35))] == ["STOP", "C'est combien ?"]
    assert len(list_replies(workspace, limit=1)) == 1
