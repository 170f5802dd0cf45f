"""Rates: messages grouped by the day they were sent (with what became of them), contacts
by the day they were added (with when they became clients), and the rates over a span of
those days."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import Session

from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.services.analytics.daily import (
    CLIENT,
    STATUS_CHANGE,
    by_day,
    by_local_day,
    net,
    no_index,
    recipients_of_deleted,
)
from localpro_desktop.services.analytics.local_days import Calendar
from localpro_desktop.services.analytics.results import ChannelRates, Rates, ratio
from localpro_desktop.store.models import Activity, Campaign, CampaignRecipient, Contact


@dataclass
class Cohorts:
    """Messages by the local day they were sent, with what became of them so far."""

    sent: list[int]
    delivered: list[int]
    opened: list[int]
    replied: list[int]

    @classmethod
    def zeros(cls, size: int) -> Cohorts:
        return cls([0] * size, [0] * size, [0] * size, [0] * size)

    def add(self, i: int, counts: Sequence[int]) -> None:
        self.sent[i] += counts[0]
        self.delivered[i] += counts[1]
        self.opened[i] += counts[2]
        self.replied[i] += counts[3]

    def totals(self, first: int, last: int) -> tuple[int, int, int, int]:
        span = slice(first, last + 1)
        return (
            sum(self.sent[span]),
            sum(self.delivered[span]),
            sum(self.opened[span]),
            sum(self.replied[span]),
        )


def sent_cohorts(session: Session, cal: Calendar) -> tuple[Cohorts, dict[Channel, Cohorts]]:
    """Overall and per-channel cohorts by sent day.

    A channel this version does not know (from a newer device, through sync) only adds
    to the overall numbers.
    """
    r, c = CampaignRecipient, Campaign
    replied = r.replied_at.is_not(None)
    opened = or_(replied, r.opened_at.is_not(None))
    delivered = or_(opened, r.delivered_at.is_not(None))
    values = [
        func.count(),
        func.sum(case((delivered, 1), else_=0)),
        func.sum(case((opened, 1), else_=0)),
        func.sum(case((replied, 1), else_=0)),
    ]
    # "+campaign_id" keeps the messages the outer loop: one campaign lookup per message.
    joined = c.id == no_index(r.campaign_id)
    live = by_day(
        session, cal, r.sent_at, [joined, r.deleted_at.is_(None)], values, keys=[c.channel]
    )
    gone = by_local_day(
        session,
        cal,
        no_index(r.sent_at),
        [joined, recipients_of_deleted()],
        values,
        keys=[c.channel],
    )
    overall = Cohorts.zeros(cal.size)
    channels = {ch: Cohorts.zeros(cal.size) for ch in Channel}
    for (day, channel), counted in net(live, gone, 2).items():
        overall.add(int(day), counted)
        if channel in channels:
            channels[Channel(channel)].add(int(day), counted)
    return overall, channels


@dataclass
class Conversions:
    """``added[i]``: contacts added on day i; ``clients[i]``: (day index, count) of when
    those contacts were first moved to Client, -1 meaning before the range."""

    added: list[int]
    clients: list[list[tuple[int, int]]]

    def window(self, first: int, last: int) -> tuple[int, int]:
        """Contacts added on days first..last, and how many of them were Clients by the end
        of day ``last``: the conversion rule of ``Rates``."""
        added = sum(self.added[first : last + 1])
        converted = sum(
            count for i in range(first, last + 1) for day, count in self.clients[i] if day <= last
        )
        return added, converted


def conversions_by_day(session: Session, cal: Calendar) -> Conversions:
    a, c = Activity, Contact
    first_client = (
        select(a.contact_id.label("contact_id"), func.min(a.occurred_at).label("at"))
        .where(a.kind == STATUS_CHANGE, a.new_status == CLIENT, a.deleted_at.is_(None))
        .group_by(a.contact_id)
        .subquery()
    )
    added_day = cal.local_day(c.created_at)
    client_day = cal.local_day(first_client.c.at)
    rows = session.execute(
        select(added_day, client_day, func.count())
        .select_from(c)
        .outerjoin(first_client, first_client.c.contact_id == c.id)
        .where(c.deleted_at.is_(None), cal.in_range(c.created_at))
        .group_by(added_day, client_day)
    )
    added = [0] * cal.size
    clients: list[list[tuple[int, int]]] = [[] for _ in range(cal.size)]
    for added_key, client_key, count in rows:
        i = cal.position(added_key)
        if i is None:
            continue
        added[i] += int(count)
        if client_key is None:
            continue
        # A move dated before the contact's range (clock skew between devices) still means
        # "a client by the end"; one dated after the range does not count yet.
        day = -1 if cal.before(client_key) else cal.position(client_key)
        if day is not None:
            clients[i].append((day, int(count)))
    return Conversions(added, clients)


def rates_between(
    cal: Calendar,
    overall: Cohorts,
    channels: dict[Channel, Cohorts],
    conversions: Conversions,
    first: int,
    last: int,
) -> Rates:
    sent, delivered, opened, replied = overall.totals(first, last)
    added, converted = conversions.window(first, last)
    by_channel = {}
    for channel, cohort in channels.items():
        c_sent, c_delivered, c_opened, c_replied = cohort.totals(first, last)
        by_channel[channel] = ChannelRates(
            channel,
            c_sent,
            c_delivered,
            c_opened,
            c_replied,
            delivery_rate=ratio(c_delivered, c_sent),
            open_rate=ratio(c_opened, c_sent),
            response_rate=ratio(c_replied, c_sent),
        )
    return Rates(
        start=cal.days[first].isoformat(),
        end=cal.days[last].isoformat(),
        sent=sent,
        delivered=delivered,
        opened=opened,
        replied=replied,
        contacts_added=added,
        converted=converted,
        response_rate=ratio(replied, sent),
        open_rate=ratio(opened, sent),
        delivery_rate=ratio(delivered, sent),
        conversion_rate=ratio(converted, added),
        by_channel=by_channel,
    )
