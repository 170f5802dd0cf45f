"""Applying synced provider events on a real workspace: receipts, replies, opt-outs.

Events land as a pull lands them (the sync engine's page apply), then ``apply_pending``
runs as it does after every sync.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from localpro_desktop.domain.activities import ActivityKind
from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.domain.changes import ChangeSet
from localpro_desktop.domain.inbound import timeline_entry_id
from localpro_desktop.domain.opt_outs import inbound_contact_id, opt_out_id
from localpro_desktop.paths import WorkspacePaths
from localpro_desktop.services.campaign_audience import not_on_whatsapp
from localpro_desktop.services.inbound import (
    apply_pending,
    opt_outs_of,
    whatsapp_window_open,
)
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import (
    Activity,
    Contact,
    ContactOptOut,
    InboundApplied,
)
from localpro_protocol.wire import Table
from tests.services.inbound_kit import (
    T0,
    Ev,
    Puller,
    Sent,
    add_contact,
    at,
    dump,
    inbound,
    pull,
    receipt,
    recipient,
    sent_campaign,
)

AWA = "+221771234567"
MOUSSA = "+221781112233"
STRANGER = "+221769998877"
FATOU = "fatou@example.sn"


class Seeded:
    def __init__(self, ws: Workspace, *, outbox: bool = True) -> None:
        self.ws = ws
        self.awa = add_contact(
            ws, "Awa", phone=AWA, phone_e164=AWA, whatsapp=AWA, whatsapp_e164=AWA
        )
        self.moussa = add_contact(ws, "Moussa", phone=MOUSSA, phone_e164=MOUSSA)
        self.fatou = add_contact(ws, "Fatou", email=FATOU, email_normalized=FATOU)
        self.whatsapp: Sent = sent_campaign(
            ws, "Tabaski WhatsApp", "whatsapp", {self.awa: ("awa", AWA, "wamid.A")}
        )
        self.sms: Sent = sent_campaign(
            ws, "Tabaski SMS", "sms", {self.moussa: ("moussa", MOUSSA, "SM-moussa")}
        )
        self.email: Sent = sent_campaign(
            ws, "Newsletter", "email", {self.fatou: ("fatou", FATOU, "")}, outbox=outbox
        )

    @property
    def awa_wa(self) -> str:
        return self.whatsapp.recipients["awa"]

    @property
    def moussa_sms(self) -> str:
        return self.sms.recipients["moussa"]

    @property
    def fatou_mail(self) -> str:
        return self.email.recipients["fatou"]


@pytest.fixture
def seeded(workspace: Workspace) -> Seeded:
    return Seeded(workspace)


def _timeline(ws: Workspace, contact_id: str, kind: ActivityKind | None = None) -> list[Activity]:
    with ws.read() as session:
        query = select(Activity).where(Activity.contact_id == contact_id)
        if kind is not None:
            query = query.where(Activity.kind == kind.value)
        return list(session.scalars(query.order_by(Activity.occurred_at)))


def _contact(ws: Workspace, contact_id: str) -> Contact:
    with ws.read() as session:
        contact = session.get(Contact, contact_id)
        assert contact is not None
        return contact


# -- receipts ---------------------------------------------------------------------------


def test_receipts_move_forward_only_whatever_order_they_arrive_in(seeded: Seeded) -> None:
    ws = seeded.ws
    pull(ws, receipt("wamid.A", "read", 10), receipt("wamid.A", "delivered", 5))
    report = apply_pending(ws)
    assert report.receipts == 2
    row = recipient(ws, seeded.awa_wa)
    assert row.status == "opened"
    assert (row.delivered_at, row.opened_at, row.sent_at) == (at(5), at(10), T0)
    # Late ones change nothing: a "sent" after "read", a failure after delivery.
    pull(ws, receipt("wamid.A", "sent", 1), receipt("wamid.A", "failed", 12, error_code="131047"))
    apply_pending(ws)
    row = recipient(ws, seeded.awa_wa)
    assert (row.status, row.error, row.sent_at) == ("opened", "", T0)


def test_a_failure_keeps_the_providers_code_and_words(seeded: Seeded) -> None:
    ws = seeded.ws
    pull(
        ws,
        receipt(
            "wamid.A",
            "failed",
            2,
            error_code="131026",
            error_words="Message undeliverable",
        ),
    )
    apply_pending(ws)
    row = recipient(ws, seeded.awa_wa)
    assert (row.status, row.error, row.failed_at) == (
        "failed",
        "131026: Message undeliverable",
        at(2),
    )
    with ws.read() as session:  # and the next WhatsApp campaign knows why
        assert not_on_whatsapp(session, [seeded.awa]) == {seeded.awa}


def test_the_same_event_twice_has_one_effect(seeded: Seeded) -> None:
    ws = seeded.ws
    reply = inbound(AWA, "Oui je suis intéressée", 30)
    puller = Puller(ws)
    puller.pull(reply, receipt("wamid.A", "delivered", 3))
    first = apply_pending(ws)
    puller.pull(reply, receipt("wamid.A", "delivered", 3))  # the cloud sends them again
    again = apply_pending(ws)
    assert (first.replies, first.receipts) == (1, 1)
    assert (again.replies, again.receipts, again.applied) == (0, 0, 0)
    assert len(_timeline(ws, seeded.awa, ActivityKind.REPLY)) == 1
    with ws.read() as session:
        assert session.scalar(select(func.count()).select_from(InboundApplied)) == 2


def test_e_mail_opened_via_the_outbox_key(seeded: Seeded) -> None:
    ws = seeded.ws
    pull(ws, receipt(seeded.fatou_mail, "opened", 45, channel="email"))
    assert apply_pending(ws).receipts == 1
    row = recipient(ws, seeded.fatou_mail)
    assert (row.status, row.opened_at) == ("opened", at(45))


def test_e_mail_opened_on_a_laptop_that_did_not_send_it(tmp_path: Path) -> None:
    """No outbox row there: the key is the recipient's id, which sync brought."""
    ws = Workspace.open(WorkspacePaths(tmp_path / "other"), daily_backup=False)
    try:
        seeded = Seeded(ws, outbox=False)
        pull(ws, receipt(seeded.fatou_mail, "opened", 45, channel="email"))
        apply_pending(ws)
        assert recipient(ws, seeded.fatou_mail).status == "opened"
    finally:
        ws.close()


def test_a_receipt_for_a_message_not_known_yet_waits_for_it(workspace: Workspace) -> None:
    ws = workspace
    early = receipt("wamid.LATE", "delivered", 5)
    stale = receipt("wamid.NEVER", "delivered", 5, received_at=T0 - timedelta(days=40))
    pull(ws, early, stale)
    report = apply_pending(ws, now=T0 + timedelta(hours=1))
    assert (report.receipts, report.waiting, report.unmatched) == (0, 1, 1)
    # The recipient arrives later (pushed by the laptop that sent the campaign).
    contact = add_contact(ws, "Late", whatsapp=AWA, whatsapp_e164=AWA)
    sent = sent_campaign(ws, "Late", "whatsapp", {contact: ("late", AWA, "wamid.LATE")})
    report = apply_pending(ws, now=T0 + timedelta(hours=2))
    assert (report.receipts, report.waiting) == (1, 0)
    assert recipient(ws, sent.recipients["late"]).status == "delivered"


# -- replies ----------------------------------------------------------------------------


def test_a_reply_lands_once_on_the_timeline_and_marks_the_campaign_replied(seeded: Seeded) -> None:
    ws = seeded.ws
    reply = inbound(AWA, "Oui je suis intéressée", 30)
    published: list[ChangeSet] = []
    ws.changes.subscribe(published.append)
    pull(ws, reply)
    report = apply_pending(ws)
    assert (report.replies, report.contacts_created) == (1, 0)
    row = recipient(ws, seeded.awa_wa)
    assert (row.status, row.replied_at) == ("replied", at(30))
    entries = _timeline(ws, seeded.awa, ActivityKind.REPLY)
    assert [(e.id, e.body, e.occurred_at) for e in entries] == [
        (timeline_entry_id(reply.id), "Oui je suis intéressée", at(30))
    ]
    touched = ChangeSet()
    for changes in published:
        touched.merge(changes)
    assert seeded.awa_wa in touched.ids_of(Table.CAMPAIGN_RECIPIENTS)
    assert timeline_entry_id(reply.id) in touched.ids_of(Table.ACTIVITIES)
    assert reply.id in touched.ids_of(Table.INBOUND_EVENTS)


def test_a_reply_after_a_week_is_on_the_timeline_but_answers_no_campaign(seeded: Seeded) -> None:
    ws = seeded.ws
    pull(ws, inbound(MOUSSA, "Bonjour, c'est pour quoi ?", 8 * 24 * 60, channel="sms"))
    apply_pending(ws)
    assert recipient(ws, seeded.moussa_sms).status == "sent"
    assert len(_timeline(ws, seeded.moussa, ActivityKind.REPLY)) == 1


def test_a_reply_on_another_channel_does_not_answer_the_campaign(seeded: Seeded) -> None:
    """Awa writes by SMS; her campaign went by WhatsApp."""
    ws = seeded.ws
    pull(ws, inbound(AWA, "oui", 20, channel="sms"))
    apply_pending(ws)
    assert recipient(ws, seeded.awa_wa).status == "sent"
    assert len(_timeline(ws, seeded.awa, ActivityKind.REPLY)) == 1


def test_an_unknown_number_becomes_a_new_inbound_contact(seeded: Seeded) -> None:
    ws = seeded.ws
    first, second = inbound(STRANGER, "Vous livrez à Thiès ?", 60), inbound(STRANGER, "Merci", 61)
    pull(ws, first, second)
    report = apply_pending(ws)
    assert (report.replies, report.contacts_created) == (2, 1)
    contact = _contact(ws, inbound_contact_id(STRANGER))
    assert (contact.status, contact.tags, contact.whatsapp_e164, contact.phone_e164) == (
        "new",
        ["inbound"],
        STRANGER,
        STRANGER,
    )
    assert contact.display_name == "+221 76 999 88 77"
    kinds = [e.kind for e in _timeline(ws, contact.id)]
    assert kinds == ["created", "reply", "reply"]


def test_the_whatsapp_window_opens_for_24_hours_after_a_whatsapp_message(seeded: Seeded) -> None:
    ws = seeded.ws
    assert not whatsapp_window_open(ws, seeded.awa, now=at(31))
    pull(ws, inbound(AWA, "Oui", 30), inbound(MOUSSA, "ok", 30, channel="sms"))
    apply_pending(ws)
    assert whatsapp_window_open(ws, seeded.awa, now=at(31))
    assert whatsapp_window_open(ws, seeded.awa, now=at(30 + 23 * 60))
    assert not whatsapp_window_open(ws, seeded.awa, now=at(30 + 24 * 60 + 1))
    assert not whatsapp_window_open(ws, seeded.moussa, now=at(31))  # an SMS opens no window


# -- opt-outs ---------------------------------------------------------------------------


def _choice(ws: Workspace, contact_id: str, channel: str) -> ContactOptOut | None:
    with ws.read() as session:
        return session.get(ContactOptOut, opt_out_id(contact_id, channel))


@pytest.mark.parametrize("text", ["STOP", "ARRÊT", "Stop.", "stop sms", " desabonner! "])
def test_a_stop_word_by_sms_opts_out_of_sms(seeded: Seeded, text: str) -> None:
    ws = seeded.ws
    pull(ws, inbound(MOUSSA, text, 40, channel="sms"))
    report = apply_pending(ws)
    assert report.opt_outs == 1
    choice = _choice(ws, seeded.moussa, "sms")
    assert choice is not None
    assert (choice.opted_out, choice.source, choice.words, choice.at) == (
        True,
        "sms_keyword",
        text.strip(),
        at(40),
    )
    contact = _contact(ws, seeded.moussa)
    assert contact.opt_out_sms and not contact.opt_out_whatsapp and not contact.opt_out_email
    assert recipient(ws, seeded.moussa_sms).status == "sent"  # a STOP is not an answer
    notes = [e.body for e in _timeline(ws, seeded.moussa, ActivityKind.NOTE)]
    assert notes == ["Opted out of sms"]


def test_please_stop_calling_me_is_a_reply_not_an_opt_out(seeded: Seeded) -> None:
    ws = seeded.ws
    pull(ws, inbound(MOUSSA, "please stop calling me", 40, channel="sms"))
    report = apply_pending(ws)
    assert (report.opt_outs, report.replies) == (0, 1)
    assert _choice(ws, seeded.moussa, "sms") is None
    assert not _contact(ws, seeded.moussa).opt_out_sms
    assert recipient(ws, seeded.moussa_sms).status == "replied"


def test_start_opts_back_in_to_sms_and_the_later_choice_wins_in_any_order(
    seeded: Seeded,
) -> None:
    ws = seeded.ws
    stop = inbound(MOUSSA, "STOP", 40, channel="sms")
    start = inbound(MOUSSA, "START", 50, channel="sms")
    pull(ws, start)  # the later choice first
    apply_pending(ws)
    pull(ws, stop)
    apply_pending(ws)
    choice = _choice(ws, seeded.moussa, "sms")
    assert choice is not None and (choice.opted_out, choice.at) == (False, at(50))
    assert not _contact(ws, seeded.moussa).opt_out_sms
    again = inbound(MOUSSA, "stop", 60, channel="sms")
    pull(ws, again)
    apply_pending(ws)
    assert _contact(ws, seeded.moussa).opt_out_sms
    assert [(v.channel, v.opted_out, v.at) for v in opt_outs_of(ws, seeded.moussa)] == [
        (Channel.SMS, True, at(60))
    ]


def test_start_on_whatsapp_is_only_a_reply(seeded: Seeded) -> None:
    ws = seeded.ws
    pull(ws, inbound(AWA, "Arrêt", 40), inbound(AWA, "START", 50))
    apply_pending(ws)
    choice = _choice(ws, seeded.awa, "whatsapp")
    assert choice is not None and (choice.opted_out, choice.source) == (True, "whatsapp")
    assert _contact(ws, seeded.awa).opt_out_whatsapp


def test_a_stop_from_an_unknown_number_makes_the_contact_opted_out(seeded: Seeded) -> None:
    ws = seeded.ws
    pull(ws, inbound(STRANGER, "Stop.", 40, channel="sms"))
    apply_pending(ws)
    contact = _contact(ws, inbound_contact_id(STRANGER))
    assert contact.opt_out_sms and contact.tags == ["inbound"]


def test_whatsapp_stop_promotions_and_e_mail_unsubscribe(seeded: Seeded) -> None:
    ws = seeded.ws
    pull(
        ws,
        Ev(
            "opt_out",
            "whatsapp",
            "whatsapp",
            "wamid.A:131050",
            message_id="wamid.A",
            status="failed",
            error_code="131050",
            error_words="User has stopped marketing messages",
            occurred_at=at(20),
        ),
        Ev(
            "opt_out",
            "email",
            "email",
            f"{seeded.fatou_mail}:unsubscribe",
            message_id=seeded.fatou_mail,
            occurred_at=at(90),
        ),
    )
    report = apply_pending(ws)
    assert report.opt_outs == 2
    wa = _choice(ws, seeded.awa, "whatsapp")
    mail = _choice(ws, seeded.fatou, "email")
    assert wa is not None and (wa.opted_out, wa.source, wa.at) == (True, "whatsapp", at(20))
    assert mail is not None and (mail.opted_out, mail.source) == (True, "email_unsubscribe")
    assert _contact(ws, seeded.awa).opt_out_whatsapp and _contact(ws, seeded.fatou).opt_out_email
    row = recipient(ws, seeded.awa_wa)
    assert (row.status, row.error) == ("failed", "131050: User has stopped marketing messages")


# -- the same events, any order, any laptop ---------------------------------------------


def _events(seeded: Seeded) -> list[Ev]:
    return [
        receipt("wamid.A", "delivered", 2),
        receipt("wamid.A", "read", 4),
        receipt("SM-moussa", "delivered", 3, channel="sms"),
        inbound(AWA, "Oui, appelez-moi", 30),
        inbound(MOUSSA, "STOP", 35, channel="sms"),
        inbound(MOUSSA, "START", 36, channel="sms"),
        inbound(STRANGER, "Bonjour, prix ?", 50),
        inbound(STRANGER, "ARRET", 51),
        receipt(seeded.fatou_mail, "opened", 60, channel="email"),
        Ev("opt_out", "email", "email", "unsub", message_id=seeded.fatou_mail, occurred_at=at(61)),
    ]


def test_any_order_and_batching_gives_the_same_rows(tmp_path: Path) -> None:
    dumps = []
    for name, order, batch in (("a", 1, 5000), ("b", -1, 2), ("c", 1, 1), ("d", -1, 1)):
        ws = Workspace.open(WorkspacePaths(tmp_path / name), daily_backup=False)
        try:
            seeded = Seeded(ws)
            events = _events(seeded)[::order]
            if batch == 1:  # one pull and one apply per event, as separate syncs would
                for event in events:
                    pull(ws, event)
                    apply_pending(ws)
            else:
                pull(ws, *events)
                apply_pending(ws, batch=batch)
            snapshot = dump(ws.paths.database)
            del snapshot["workspace_settings"]  # each workspace's own, made when it opened
            dumps.append(snapshot)
        finally:
            ws.close()
    for table in dumps[0]:
        for other in dumps[1:]:
            assert other[table] == dumps[0][table], table
    assert len(dumps[0]["contact_opt_outs"]) == 3
    assert any(c["tags"] == '["inbound"]' for c in dumps[0]["contacts"].values())


def test_waiting_receipts_do_not_hold_back_the_events_after_them(seeded: Seeded) -> None:
    """Small batches: the first ones are all receipts still waiting for their message."""
    ws = seeded.ws
    waiting = [receipt(f"wamid.UNKNOWN{i}", "delivered", i) for i in range(3)]
    later = [inbound(AWA, f"message {i}", 10 + i) for i in range(3)]
    pull(ws, *waiting, *later)
    report = apply_pending(ws, batch=2, now=at(60))
    assert (report.waiting, report.replies) == (3, 3)
    assert len(_timeline(ws, seeded.awa, ActivityKind.REPLY)) == 3
    assert apply_pending(ws, batch=2, now=at(120)).waiting == 3  # still waiting, tried again
