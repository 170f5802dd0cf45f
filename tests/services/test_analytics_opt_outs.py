"""Real figures per channel and per campaign (issue 11): opt-outs, and replies over sent.

A Nairobi (UTC+3) workspace looked at over 2024-03-08..2024-03-10: local day D runs from
21:00 UTC on D-1 to 21:00 UTC on D. Opt-outs are recorded the way the applier records them
(``record_choice``: the synced ``contact_opt_outs`` row and the contact's flag).
"""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date, datetime

import pytest

from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.domain.changes import ChangeSet
from localpro_desktop.domain.ids import utcnow
from localpro_desktop.domain.opt_outs import OptOutSource
from localpro_desktop.services.analytics import AnalyticsService
from localpro_desktop.services.analytics_dashboard import load_analytics
from localpro_desktop.services.campaigns import CampaignService
from localpro_desktop.services.inbound.opt_outs import record_choice
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import Campaign, CampaignRecipient, Contact, ContactOptOut

END = date(2024, 3, 10)
GONE = datetime(2024, 3, 11, 12, 0)


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def add_contact(ws: Workspace, *, deleted: bool = False) -> str:
    with ws.write() as s:
        contact = Contact(
            first_name="C",
            status="contacted",
            created_at=at("2024-03-01 10:00"),
            deleted_at=GONE if deleted else None,
        )
        s.add(contact)
        s.flush()
        return contact.id


def add_campaign(ws: Workspace, channel: Channel) -> str:
    with ws.write() as s:
        campaign = Campaign(name=channel.value, channel=channel.value, status="completed")
        s.add(campaign)
        s.flush()
        return campaign.id


def send(
    ws: Workspace,
    campaign_id: str,
    contact_id: str,
    sent: str,
    *,
    delivered: str | None = None,
    opened: str | None = None,
    replied: str | None = None,
) -> None:
    def ts(text: str | None) -> datetime | None:
        return at(text) if text else None

    status = "replied" if replied else "opened" if opened else "delivered" if delivered else "sent"
    with ws.write() as s:
        s.add(
            CampaignRecipient(
                campaign_id=campaign_id,
                contact_id=contact_id,
                status=status,
                sent_at=at(sent),
                delivered_at=ts(delivered),
                opened_at=ts(opened),
                replied_at=ts(replied),
            )
        )


def opt(
    ws: Workspace,
    contact_id: str,
    channel: Channel,
    when: str,
    *,
    out: bool = True,
    source: OptOutSource = OptOutSource.SMS_KEYWORD,
) -> None:
    changes = ChangeSet()
    with ws.write(changes) as s:
        contact = s.get(Contact, contact_id)
        assert contact is not None
        record_choice(
            s,
            changes,
            contact,
            channel,
            opted_out=out,
            source=source,
            words="STOP" if out else "START",
            at=at(when),
        )


@pytest.fixture
def nairobi(workspace: Workspace) -> Workspace:
    workspace.update_settings(timezone="Africa/Nairobi")
    return workspace


# -- opt-outs per channel --------------------------------------------------------------------


def test_opt_outs_per_channel_count_live_opt_outs_dated_in_the_range(nairobi: Workspace) -> None:
    ws = nairobi
    first_minute = add_contact(ws)
    opt(ws, first_minute, Channel.SMS, "2024-03-07 21:00")  # 00:00 on the 8th locally
    late = add_contact(ws)
    opt(ws, late, Channel.SMS, "2024-03-10 20:59:59")  # 23:59:59 on the 10th locally
    before = add_contact(ws)
    opt(ws, before, Channel.SMS, "2024-03-07 20:59:59")  # the 7th locally: outside
    after = add_contact(ws)
    opt(ws, after, Channel.SMS, "2024-03-10 21:00")  # the 11th locally: outside
    back = add_contact(ws)
    opt(ws, back, Channel.SMS, "2024-03-08 10:00")
    opt(ws, back, Channel.SMS, "2024-03-09 10:00", out=False)  # START: subscribed again
    whatsapp = add_contact(ws)
    opt(ws, whatsapp, Channel.WHATSAPP, "2024-03-09 12:00", source=OptOutSource.WHATSAPP)
    opt(ws, whatsapp, Channel.EMAIL, "2024-03-09 12:00", source=OptOutSource.EMAIL_UNSUBSCRIBE)
    gone = add_contact(ws, deleted=True)
    opt(ws, gone, Channel.EMAIL, "2024-03-09 12:00")  # a deleted contact never counts
    tombstoned = add_contact(ws)
    opt(ws, tombstoned, Channel.EMAIL, "2024-03-09 12:00")
    with ws.write() as s:
        s.query(ContactOptOut).filter(ContactOptOut.contact_id == tombstoned).update(
            {ContactOptOut.deleted_at: GONE}
        )
        # A channel from a newer version (through sync) is left out, not an error.
        s.add(
            ContactOptOut(
                contact_id=first_minute,
                channel="telegram",
                opted_out=True,
                source="manual",
                at=at("2024-03-09 12:00"),
            )
        )

    counts = AnalyticsService(ws).opt_outs(3, end=END)

    assert counts == {Channel.EMAIL: 1, Channel.SMS: 2, Channel.WHATSAPP: 1}
    assert AnalyticsService(ws).opt_outs(7, end=date(2024, 3, 11)) == {
        Channel.EMAIL: 1,
        Channel.SMS: 4,
        Channel.WHATSAPP: 1,
    }


def test_opt_outs_of_an_empty_workspace_are_zeros(workspace: Workspace) -> None:
    assert AnalyticsService(workspace).opt_outs(30) == dict.fromkeys(Channel, 0)


# -- the response rate counts replies over messages sent -------------------------------------


def test_response_rate_is_replies_over_sent_not_over_receipts(nairobi: Workspace) -> None:
    ws = nairobi
    wa = add_campaign(ws, Channel.WHATSAPP)
    people = [add_contact(ws) for _ in range(5)]
    # Five sent: four delivered, three read, one reply. Receipts are not replies.
    send(ws, wa, people[0], "2024-03-09 08:00", delivered="2024-03-09 08:01")
    for person in people[1:3]:
        send(
            ws,
            wa,
            person,
            "2024-03-09 08:00",
            delivered="2024-03-09 08:01",
            opened="2024-03-09 09:00",
        )
    send(
        ws,
        wa,
        people[3],
        "2024-03-09 08:00",
        delivered="2024-03-09 08:01",
        opened="2024-03-09 09:00",
        replied="2024-03-09 10:00",
    )
    send(ws, wa, people[4], "2024-03-09 08:00")

    rates = AnalyticsService(ws).rates(3, end=END)
    whatsapp = rates.by_channel[Channel.WHATSAPP]
    assert (whatsapp.sent, whatsapp.delivered, whatsapp.opened, whatsapp.replied) == (5, 4, 3, 1)
    assert whatsapp.response_rate == pytest.approx(1 / 5)
    assert rates.response_rate == pytest.approx(1 / 5)
    assert whatsapp.delivery_rate == pytest.approx(4 / 5)
    assert whatsapp.open_rate == pytest.approx(3 / 5)
    assert rates.by_channel[Channel.SMS].response_rate is None  # nothing sent: unknown

    stats = CampaignService(ws).stats(wa)
    assert (stats.sent, stats.delivered, stats.opened, stats.replied) == (5, 4, 3, 1)
    assert stats.response_rate == pytest.approx(1 / 5)


def test_a_reply_without_receipts_proves_delivery_and_reading(nairobi: Workspace) -> None:
    """Read receipts turned off, a delivery receipt lost: the campaign still adds up."""
    ws = nairobi
    sms = add_campaign(ws, Channel.SMS)
    quiet, silent = add_contact(ws), add_contact(ws)
    send(ws, sms, quiet, "2024-03-09 08:00", replied="2024-03-09 09:00")
    send(ws, sms, silent, "2024-03-09 08:00")

    stats = CampaignService(ws).stats(sms)
    assert (stats.sent, stats.delivered, stats.opened, stats.replied) == (2, 1, 1, 1)
    assert stats.response_rate == pytest.approx(1 / 2)
    channel = AnalyticsService(ws).rates(3, end=END).by_channel[Channel.SMS]
    assert (channel.sent, channel.delivered, channel.opened, channel.replied) == (2, 1, 1, 1)


def test_nothing_sent_has_no_response_rate(workspace: Workspace) -> None:
    campaign = add_campaign(workspace, Channel.EMAIL)
    assert CampaignService(workspace).stats(campaign).response_rate is None


# -- opt-outs per campaign -------------------------------------------------------------------


def test_a_campaign_counts_the_opt_outs_that_came_after_its_message(nairobi: Workspace) -> None:
    ws = nairobi
    sms = add_campaign(ws, Channel.SMS)
    email = add_campaign(ws, Channel.EMAIL)
    stopped, earlier, other_channel, resubscribed, kept = (add_contact(ws) for _ in range(5))
    for person in (stopped, earlier, other_channel, resubscribed, kept):
        send(ws, sms, person, "2024-03-09 08:00", delivered="2024-03-09 08:01")
    send(ws, email, stopped, "2024-03-08 08:00")

    opt(ws, stopped, Channel.SMS, "2024-03-09 08:05")  # "STOP" answered to this SMS
    opt(ws, earlier, Channel.SMS, "2024-03-09 07:00")  # before the message: not its doing
    opt(ws, other_channel, Channel.WHATSAPP, "2024-03-09 09:00", source=OptOutSource.WHATSAPP)
    opt(ws, resubscribed, Channel.SMS, "2024-03-09 09:00")
    opt(ws, resubscribed, Channel.SMS, "2024-03-09 10:00", out=False)

    overview = dict((c.id, stats) for c, stats in CampaignService(ws).overview())
    assert overview[sms].opted_out == 1
    assert overview[email].opted_out == 0  # the SMS opt-out is not the e-mail's
    assert CampaignService(ws).stats(sms).opted_out == 1


# -- the dashboard carries the figures per channel ---------------------------------------------


def test_dashboard_has_channel_figures_and_opt_outs(nairobi: Workspace) -> None:
    ws = nairobi
    sms = add_campaign(ws, Channel.SMS)
    person = add_contact(ws)
    now = utcnow().replace(microsecond=0)
    send(ws, sms, person, now.isoformat(sep=" "), replied=now.isoformat(sep=" "))
    opt(ws, person, Channel.SMS, now.isoformat(sep=" "))

    data = load_analytics(ws, 7)
    service = AnalyticsService(ws)
    assert data.channels == service.rates(7).by_channel
    assert data.opt_outs == service.opt_outs(7)
    assert data.opt_outs[Channel.SMS] == 1
    figures = data.channels[Channel.SMS]
    assert (figures.sent, figures.replied, figures.response_rate) == (1, 1, 1.0)
    json.dumps(asdict(data), default=str)
