"""A choice entered by hand (the contact panel's box, ``ContactService.set_opt_out``) and
one sent by the person (STOP) are the same record: the later one wins, flag included."""

from __future__ import annotations

from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.services.contacts import ContactService
from localpro_desktop.services.inbound import apply_pending
from localpro_desktop.services.inbound.opt_outs import is_opted_out, opt_outs_of
from tests.services.inbound_kit import add_contact, inbound, pull

MOUSSA = "+221770000202"


def test_unticking_after_a_stop_lets_the_person_receive_again(workspace) -> None:  # type: ignore[no-untyped-def]
    moussa = add_contact(workspace, "moussa", phone_e164=MOUSSA)
    pull(workspace, inbound(MOUSSA, "STOP", 5, channel="sms"))
    apply_pending(workspace)
    assert is_opted_out(workspace, moussa, Channel.SMS)
    assert ContactService(workspace).get(moussa).opt_out_sms

    # He asked in the shop to get the offers again: the user unticks the box.
    contact = ContactService(workspace).set_opt_out(moussa, Channel.SMS, False)
    assert not contact.opt_out_sms
    assert not is_opted_out(workspace, moussa, Channel.SMS)
    [choice] = opt_outs_of(workspace, moussa)
    assert (choice.channel, choice.opted_out, choice.source.value) == (Channel.SMS, False, "manual")


def test_ticking_by_hand_records_the_opt_out(workspace) -> None:  # type: ignore[no-untyped-def]
    moussa = add_contact(workspace, "moussa", phone_e164=MOUSSA)
    ContactService(workspace).set_opt_out(moussa, Channel.WHATSAPP)
    assert is_opted_out(workspace, moussa, Channel.WHATSAPP)
    assert not is_opted_out(workspace, moussa, Channel.SMS)
