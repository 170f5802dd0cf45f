"""Merging the contact made for an unknown number into the person it is (real workspace)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from localpro_desktop.domain.activities import ActivityKind
from localpro_desktop.domain.changes import ChangeSet
from localpro_desktop.domain.errors import NotFoundError, UserError
from localpro_desktop.domain.inbound import timeline_entry_id
from localpro_desktop.domain.opt_outs import inbound_contact_id, opt_out_id
from localpro_desktop.services.contact_merge import merge_contacts
from localpro_desktop.services.contacts import ContactService
from localpro_desktop.services.inbound import apply_pending, whatsapp_window_open
from localpro_desktop.services.segments import SegmentService
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import (
    Activity,
    CampaignRecipient,
    Contact,
    ContactOptOut,
    InboundApplied,
)
from localpro_protocol.wire import Table
from tests.services.inbound_kit import add_contact, at, inbound, pull, sent_campaign

KARIM_PHONE = "+221775550000"
STRANGER = "+221769998877"
KARIM_MAIL = "karim@example.sn"


class Scene:
    """Karim, known by phone and e-mail; a WhatsApp number nobody has writes, then STOP."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.karim = add_contact(
            ws,
            "Karim",
            phone=KARIM_PHONE,
            phone_e164=KARIM_PHONE,
            email=KARIM_MAIL,
            email_normalized=KARIM_MAIL,
            tags=["client vip"],
        )
        with ws.write() as session:
            # Karim re-subscribed to WhatsApp by hand before the STOP; opted out of SMS after.
            session.add_all(
                [
                    ContactOptOut(
                        id=opt_out_id(self.karim, "whatsapp"),
                        contact_id=self.karim,
                        channel="whatsapp",
                        opted_out=False,
                        source="manual",
                        at=at(5),
                    ),
                    ContactOptOut(
                        id=opt_out_id(self.karim, "sms"),
                        contact_id=self.karim,
                        channel="sms",
                        opted_out=True,
                        source="manual",
                        at=at(100),
                    ),
                ]
            )
            contact = session.get(Contact, self.karim)
            assert contact is not None
            contact.opt_out_sms = True
        self.hello = inbound(STRANGER, "Bonjour, c'est Karim du garage", 10)
        self.stop = inbound(STRANGER, "STOP", 20)
        pull(ws, self.hello, self.stop)
        apply_pending(ws)
        self.stranger = inbound_contact_id(STRANGER)
        self.campaign = sent_campaign(
            ws, "Relance", "whatsapp", {self.stranger: ("s", STRANGER, "wamid.S")}, sent_at=at(1)
        )
        segments = SegmentService(ws)
        self.only_stranger = segments.create_static("Inconnus", [self.stranger]).id
        self.both = segments.create_static("Tous", [self.stranger, self.karim]).id


@pytest.fixture
def scene(workspace: Workspace) -> Scene:
    return Scene(workspace)


def _contact(ws: Workspace, contact_id: str) -> Contact:
    with ws.read() as session:
        contact = session.get(Contact, contact_id)
        assert contact is not None
        return contact


def test_merging_an_inbound_contact_moves_its_history_to_the_existing_one(scene: Scene) -> None:
    ws = scene.ws
    published: list[ChangeSet] = []
    ws.changes.subscribe(published.append)

    result = merge_contacts(ws, scene.stranger, scene.karim)

    assert (result.source_id, result.into_id) == (scene.stranger, scene.karim)
    assert result.moved == {
        "timeline": 3,  # two replies and the "Opted out of whatsapp" note
        "recipients": 1,
        "segments": 1,  # Karim was already in "Tous": the duplicate goes
        "opt_outs": 1,
        "inbound": 2,
        "prospects": 0,
    }
    # The source is gone; the target holds its replies, campaign message and a note.
    source = _contact(ws, scene.stranger)
    assert source.deleted_at is not None
    timeline = ContactService(ws).timeline(scene.karim)
    bodies = [a.body for a in timeline]
    assert bodies[0] == "Merged with +221 76 999 88 77"
    assert "Bonjour, c'est Karim du garage" in bodies and "STOP" in bodies
    with ws.read() as session:
        row = session.get(CampaignRecipient, scene.campaign.recipients["s"])
        assert row is not None and row.contact_id == scene.karim
    members = SegmentService(ws)
    assert members.contact_ids(scene.only_stranger) == [scene.karim]
    assert members.contact_ids(scene.both) == [scene.karim]  # one membership, not two

    # Fields: the WhatsApp number filled in, Karim's own phone and e-mail kept, tags joined.
    karim = _contact(ws, scene.karim)
    assert (karim.whatsapp_e164, karim.phone_e164, karim.email_normalized) == (
        STRANGER,
        KARIM_PHONE,
        KARIM_MAIL,
    )
    assert karim.whatsapp == source.whatsapp
    assert karim.tags == ["client vip"]
    assert result.filled == ("whatsapp", "country")  # the number's country too
    assert karim.country == source.country

    # Opt-outs: the STOP (at 20) is newer than Karim's re-subscription (at 5): opted out;
    # his own SMS opt-out stays; the stranger's rows are gone.
    with ws.read() as session:
        wa = session.get(ContactOptOut, opt_out_id(scene.karim, "whatsapp"))
        assert wa is not None and (wa.opted_out, wa.source, wa.at) == (True, "whatsapp", at(20))
        old = session.get(ContactOptOut, opt_out_id(scene.stranger, "whatsapp"))
        assert old is not None and old.deleted_at is not None
        applied = session.scalars(select(InboundApplied.contact_id)).all()
        assert set(applied) == {scene.karim}
    assert (karim.opt_out_whatsapp, karim.opt_out_sms, karim.opt_out_email) == (True, True, False)

    # The 24-hour window follows the person; screens are told about every table touched.
    assert whatsapp_window_open(ws, scene.karim, now=at(21))
    changed = ChangeSet()
    for changes in published:
        changed.merge(changes)
    for table in (
        Table.CONTACTS,
        Table.ACTIVITIES,
        Table.CAMPAIGN_RECIPIENTS,
        Table.SEGMENT_MEMBERS,
        Table.CONTACT_OPT_OUTS,
    ):
        assert changed.ids_of(table), table


def test_an_older_stop_leaves_the_targets_newer_choice(workspace: Workspace) -> None:
    ws = workspace
    karim = add_contact(ws, "Karim", phone=KARIM_PHONE, phone_e164=KARIM_PHONE)
    pull(ws, inbound(STRANGER, "STOP", 20))
    apply_pending(ws)
    with ws.write() as session:
        session.add(
            ContactOptOut(
                id=opt_out_id(karim, "whatsapp"),
                contact_id=karim,
                channel="whatsapp",
                opted_out=False,
                source="manual",
                at=at(50),
            )
        )
    merge_contacts(ws, inbound_contact_id(STRANGER), karim)
    with ws.read() as session:
        wa = session.get(ContactOptOut, opt_out_id(karim, "whatsapp"))
        assert wa is not None and (wa.opted_out, wa.at) == (False, at(50))
    assert not _contact(ws, karim).opt_out_whatsapp


def test_a_later_message_from_that_number_lands_on_the_target(scene: Scene) -> None:
    ws = scene.ws
    merge_contacts(ws, scene.stranger, scene.karim)
    later = inbound(STRANGER, "Vous êtes ouverts samedi ?", 30)
    pull(ws, later)
    report = apply_pending(ws)
    assert (report.replies, report.contacts_created) == (1, 0)
    with ws.read() as session:
        entry = session.get(Activity, timeline_entry_id(later.id))
        assert entry is not None and entry.contact_id == scene.karim
        assert entry.kind == ActivityKind.REPLY.value
    assert whatsapp_window_open(ws, scene.karim, now=at(31))


def test_merging_is_refused_into_itself_or_with_a_missing_or_deleted_contact(
    scene: Scene,
) -> None:
    ws = scene.ws
    with pytest.raises(UserError, match="into itself"):
        merge_contacts(ws, scene.karim, scene.karim)
    with pytest.raises(NotFoundError):
        merge_contacts(ws, "no-such-contact", scene.karim)
    with pytest.raises(NotFoundError):
        merge_contacts(ws, scene.stranger, "no-such-contact")
    merge_contacts(ws, scene.stranger, scene.karim)
    with pytest.raises(NotFoundError):
        merge_contacts(ws, scene.stranger, scene.karim)  # already merged: deleted
    other = add_contact(ws, "Other")
    with pytest.raises(NotFoundError):
        merge_contacts(ws, other, scene.stranger)
    # Nothing was half done by a refusal.
    assert _contact(ws, other).deleted_at is None


def test_a_number_the_target_has_no_room_for_still_finds_it(workspace: Workspace) -> None:
    """Awa already has a phone and a WhatsApp number; the unknown number that turned out to
    be her second phone is not kept on her card, yet its next message (a week later, no
    campaign in between) goes to her, not to a new or deleted contact."""
    ws = workspace
    awa = add_contact(
        ws,
        "Awa",
        phone=KARIM_PHONE,
        phone_e164=KARIM_PHONE,
        whatsapp="+221770001111",
        whatsapp_e164="+221770001111",
    )
    pull(ws, inbound(STRANGER, "C'est Awa, mon autre numéro", 10, channel="sms"))
    apply_pending(ws)
    merge_contacts(ws, inbound_contact_id(STRANGER), awa)
    later = inbound(STRANGER, "Vous avez reçu le tissu ?", 8 * 24 * 60, channel="sms")
    pull(ws, later)
    report = apply_pending(ws)
    assert (report.replies, report.contacts_created) == (1, 0)
    with ws.read() as session:
        entry = session.get(Activity, timeline_entry_id(later.id))
        assert entry is not None and entry.contact_id == awa
        merged = session.get(Contact, inbound_contact_id(STRANGER))
        assert merged is not None and merged.deleted_at is not None  # not brought back
