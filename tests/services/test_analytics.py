"""Analytics on a real workspace: exact numbers from known rows, local days, tombstones.

The main fixture is a Nairobi (UTC+3) workspace looked at over 2024-03-08..2024-03-10, so
local day D runs from 21:00 UTC on D-1 to 21:00 UTC on D. Rows sit on both sides of those
edges, and deleted rows (or rows of deleted parents) sit among them and must never count.
"""

import json
import random
import time
from dataclasses import asdict
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import update

from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.ids import new_id
from localpro_desktop.domain.pipeline import PIPELINE_ORDER, PipelineStatus
from localpro_desktop.domain.plans import Plan
from localpro_desktop.services.analytics import (
    OTHER,
    UNSPECIFIED,
    AnalyticsService,
    KpiChange,
)
from localpro_desktop.services.analytics_dashboard import (
    RANGES,
    RATE_WINDOW,
    SECTOR_LIMIT,
    load_analytics,
)
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import (
    Activity,
    Campaign,
    CampaignRecipient,
    Contact,
    Prospect,
    UsageEvent,
    WorkspaceSettings,
)

END = date(2024, 3, 10)
DAYS = ["2024-03-08", "2024-03-09", "2024-03-10"]
GONE = datetime(2024, 3, 11, 12, 0)  # a tombstone


def at(text: str) -> datetime:
    """Naive UTC, as stored."""
    return datetime.fromisoformat(text)


def add_prospect(
    ws: Workspace, created: str, *, source: str = "manual", sector: str = "", deleted: bool = False
) -> None:
    with ws.write() as s:
        s.add(
            Prospect(
                business_name="Biz",
                source=source,
                sector=sector,
                created_at=at(created),
                deleted_at=GONE if deleted else None,
            )
        )


def add_contact(ws: Workspace, created: str, status: str, *, deleted: bool = False) -> str:
    with ws.write() as s:
        contact = Contact(
            first_name="C",
            status=status,
            created_at=at(created),
            deleted_at=GONE if deleted else None,
        )
        s.add(contact)
        s.flush()
        return contact.id


def move(
    ws: Workspace, contact_id: str, when: str, old: str, new: str, *, deleted: bool = False
) -> None:
    with ws.write() as s:
        s.add(
            Activity(
                contact_id=contact_id,
                kind="status_change",
                old_status=old,
                new_status=new,
                occurred_at=at(when),
                deleted_at=GONE if deleted else None,
            )
        )


def add_activity(ws: Workspace, contact_id: str, kind: str, when: str, new: str | None) -> None:
    with ws.write() as s:
        s.add(Activity(contact_id=contact_id, kind=kind, new_status=new, occurred_at=at(when)))


def add_campaign(ws: Workspace, channel: str, *, deleted: bool = False) -> str:
    with ws.write() as s:
        campaign = Campaign(
            name=channel, channel=channel, status="completed", deleted_at=GONE if deleted else None
        )
        s.add(campaign)
        s.flush()
        return campaign.id


def send(
    ws: Workspace,
    campaign_id: str,
    contact_id: str,
    *,
    sent: str | None = None,
    delivered: str | None = None,
    opened: str | None = None,
    replied: str | None = None,
    failed: str | None = None,
    deleted: bool = False,
) -> None:
    def ts(text: str | None) -> datetime | None:
        return at(text) if text else None

    with ws.write() as s:
        s.add(
            CampaignRecipient(
                campaign_id=campaign_id,
                contact_id=contact_id,
                status="sent",
                sent_at=ts(sent),
                delivered_at=ts(delivered),
                opened_at=ts(opened),
                replied_at=ts(replied),
                failed_at=ts(failed),
                deleted_at=GONE if deleted else None,
            )
        )


@pytest.fixture
def nairobi(workspace: Workspace) -> Workspace:
    ws = workspace
    ws.update_settings(timezone="Africa/Nairobi")

    # Prospects: one a second before the range, one exactly on its first local midnight,
    # 22:30 UTC counting on the next local day, a deleted one, the last microsecond.
    add_prospect(ws, "2024-03-07 20:59:59", source="google_maps")
    add_prospect(ws, "2024-03-07 21:00:00", source="google_maps")
    add_prospect(ws, "2024-03-08 22:30:00", source="facebook")
    add_prospect(ws, "2024-03-09 12:00:00", source="google_maps", deleted=True)
    add_prospect(ws, "2024-03-10 20:59:59.999999", source="manual")
    add_prospect(ws, "2024-03-10 21:00:00", source="google_maps")
    add_prospect(ws, "2024-03-02 09:00:00", source="import")  # previous week, for trends
    add_prospect(ws, "2024-03-02 10:00:00", source="import")

    c1 = add_contact(ws, "2024-03-08 10:00", "client")
    move(ws, c1, "2024-03-08 12:00", "new", "contacted")
    move(ws, c1, "2024-03-09 21:30", "contacted", "client")  # 00:30 on the 10th locally
    c2 = add_contact(ws, "2024-03-08 22:00", "inactive")  # the 9th locally
    move(ws, c2, "2024-03-09 05:00", "new", "negotiation")
    move(ws, c2, "2024-03-09 06:00", "negotiation", "client")
    move(ws, c2, "2024-03-09 07:00", "client", "inactive")
    add_activity(ws, c2, "note", "2024-03-09 08:00", None)
    c3 = add_contact(ws, "2024-03-01 10:00", "client")  # added the week before
    add_activity(ws, c3, "created", "2024-03-01 10:00", "new")
    move(ws, c3, "2024-03-02 10:00", "new", "interested")
    move(ws, c3, "2024-03-10 08:00", "interested", "client")
    c4 = add_contact(ws, "2024-03-10 10:00", "new")
    move(ws, c4, "2024-03-10 11:00", "new", "contacted", deleted=True)  # undone
    c5 = add_contact(ws, "2024-03-09 10:00", "client", deleted=True)
    move(ws, c5, "2024-03-09 11:00", "new", "client")
    c6 = add_contact(ws, "2024-03-10 20:00", "contacted")  # 23:00 on the 10th locally
    move(ws, c6, "2024-03-10 20:30", "new", "contacted")

    wa = add_campaign(ws, "whatsapp")
    em = add_campaign(ws, "email")
    sms = add_campaign(ws, "sms")
    gone = add_campaign(ws, "email", deleted=True)
    # Sent the evening before the range (23:00 locally); delivered after local midnight.
    send(
        ws,
        wa,
        c1,
        sent="2024-03-07 20:00",
        delivered="2024-03-07 21:30",
        replied="2024-03-08 09:00",
    )
    send(
        ws,
        wa,
        c2,
        sent="2024-03-08 21:30",
        delivered="2024-03-08 21:31",
        opened="2024-03-09 08:00",
        replied="2024-03-10 09:00",
    )
    send(
        ws, em, c1, sent="2024-03-08 08:00", delivered="2024-03-08 08:01", opened="2024-03-09 22:00"
    )
    send(ws, em, c4, sent="2024-03-10 10:00", failed="2024-03-10 10:01")
    # Sent at the last second of the range; the reply lands after it (the 11th locally).
    send(ws, sms, c6, sent="2024-03-10 20:59:59", replied="2024-03-10 21:00:00")
    # A reply with no delivery receipt: the reply proves delivery and reading.
    send(ws, sms, c3, sent="2024-03-09 12:00", replied="2024-03-09 13:00")
    send(ws, wa, c4, sent="2024-03-09 09:00", delivered="2024-03-09 09:05")
    send(ws, em, c5, sent="2024-03-09 12:00", replied="2024-03-09 13:00")  # deleted contact
    send(ws, gone, c1, sent="2024-03-09 12:00", delivered="2024-03-09 12:01")  # deleted campaign
    send(ws, wa, c2, sent="2024-03-09 12:00", delivered="2024-03-09 12:01", deleted=True)
    send(ws, em, c4, failed="2024-03-08 05:00")  # failed before ever being sent

    with ws.write() as s:
        s.add_all(
            [
                UsageEvent(metric="messages", month="2024-03", quantity=100),
                UsageEvent(metric="messages", month="2024-03", quantity=50),
                UsageEvent(metric="messages", month="2024-03", quantity=1000, deleted_at=GONE),
                UsageEvent(metric="messages", month="2024-02", quantity=7),
                UsageEvent(metric="prospects", month="2024-03", quantity=12),
            ]
        )
    return ws


def column(rows: list, field: str) -> list[int]:
    return [getattr(row, field) for row in rows]


# -- daily series -------------------------------------------------------------------------


def test_daily_metrics_buckets_by_local_day_and_skips_deleted(nairobi: Workspace) -> None:
    rows = AnalyticsService(nairobi).daily_metrics(3, end=END)
    assert [r.day for r in rows] == DAYS
    assert column(rows, "prospects_added") == [1, 1, 1]
    assert column(rows, "contacts_added") == [1, 1, 2]
    assert column(rows, "messages_sent") == [1, 3, 2]
    assert column(rows, "messages_delivered") == [2, 2, 0]
    assert column(rows, "messages_opened") == [0, 1, 1]
    assert column(rows, "messages_replied") == [1, 1, 1]
    assert column(rows, "messages_failed") == [1, 0, 1]
    assert column(rows, "status_moves") == [1, 3, 3]
    assert column(rows, "new_clients") == [0, 1, 2]


def test_same_rows_in_utc_fall_on_other_days(nairobi: Workspace) -> None:
    nairobi.update_settings(timezone="UTC")
    rows = AnalyticsService(nairobi).daily_metrics(3, end=END)
    # 2024-03-07 21:00 is now the 7th; 22:30 on the 8th is the 8th; 21:00 on the 10th counts.
    assert column(rows, "prospects_added") == [1, 0, 2]
    assert column(rows, "messages_sent") == [2, 2, 2]


def test_ninety_day_range_has_ninety_rows_with_zeros(nairobi: Workspace) -> None:
    rows = AnalyticsService(nairobi).daily_metrics(90, end=END)
    assert len(rows) == 90
    assert rows[0].day == (END - timedelta(days=89)).isoformat()
    assert rows[-1].day == END.isoformat()
    assert sum(r.prospects_added for r in rows) == 6  # the two on the 2nd count too
    assert sum(r.messages_sent for r in rows) == 7
    assert rows[10].prospects_added == 0 and rows[10].messages_sent == 0


def test_messages_by_channel_aligns_with_days(nairobi: Workspace) -> None:
    svc = AnalyticsService(nairobi)
    by_channel = svc.messages_by_channel(3, end=END)
    assert by_channel == {
        Channel.WHATSAPP: [0, 2, 0],
        Channel.EMAIL: [1, 0, 1],
        Channel.SMS: [0, 1, 1],
    }
    assert [d.isoformat() for d in svc.day_range(3, end=END)] == DAYS
    sent = column(svc.daily_metrics(3, end=END), "messages_sent")
    assert [sum(day) for day in zip(*by_channel.values(), strict=True)] == sent


# -- rates --------------------------------------------------------------------------------


def test_rates_follow_the_cohort_sent_in_range(nairobi: Workspace) -> None:
    rates = AnalyticsService(nairobi).rates(3, end=END)
    assert (rates.start, rates.end) == ("2024-03-08", "2024-03-10")
    assert (rates.sent, rates.delivered, rates.opened, rates.replied) == (6, 5, 4, 3)
    assert rates.response_rate == pytest.approx(3 / 6)
    assert rates.open_rate == pytest.approx(4 / 6)
    assert rates.delivery_rate == pytest.approx(5 / 6)
    # Added in range: c1, c2, c4, c6; clients by the 10th: c1 (the 10th), c2 (the 9th).
    assert (rates.contacts_added, rates.converted) == (4, 2)
    assert rates.conversion_rate == pytest.approx(0.5)

    wa, em, sms = (rates.by_channel[ch] for ch in (Channel.WHATSAPP, Channel.EMAIL, Channel.SMS))
    assert (wa.sent, wa.delivered, wa.opened, wa.replied) == (2, 2, 1, 1)
    assert (wa.response_rate, wa.open_rate, wa.delivery_rate) == (0.5, 0.5, 1.0)
    assert (em.sent, em.delivered, em.opened, em.replied) == (2, 1, 1, 0)
    assert (em.response_rate, em.delivery_rate) == (0.0, 0.5)
    assert (sms.sent, sms.delivered, sms.opened, sms.replied) == (2, 2, 2, 2)
    assert sms.response_rate == 1.0


def test_conversion_counts_clients_by_the_end_of_the_range(nairobi: Workspace) -> None:
    svc = AnalyticsService(nairobi)
    # 8th-9th: c1 and c2 added, only c2 a client by the end of the 9th.
    two_days = svc.rates(2, end=date(2024, 3, 9))
    assert (two_days.contacts_added, two_days.converted) == (2, 1)
    assert two_days.conversion_rate == 0.5
    one_day = svc.rates(1, end=date(2024, 3, 9))
    assert (one_day.contacts_added, one_day.converted, one_day.conversion_rate) == (1, 1, 1.0)
    # c3 became a client in range but was added before it: never above 1.
    only_10th = svc.rates(1, end=END)
    assert (only_10th.contacts_added, only_10th.converted) == (2, 0)


def test_rates_are_none_without_a_denominator(workspace: Workspace) -> None:
    rates = AnalyticsService(workspace).rates(30, end=END)
    assert rates.sent == rates.contacts_added == 0
    assert rates.response_rate is None and rates.open_rate is None
    assert rates.delivery_rate is None and rates.conversion_rate is None
    assert all(ch.response_rate is None for ch in rates.by_channel.values())


def test_rate_trend_rolls_over_the_window(nairobi: Workspace) -> None:
    points = AnalyticsService(nairobi).rate_trend(3, end=END, window=2)
    assert [p.day for p in points] == DAYS
    # Windows: 7th-8th, 8th-9th, 9th-10th.
    assert [(p.sent, p.replied) for p in points] == [(2, 1), (4, 2), (5, 3)]
    assert [p.response_rate for p in points] == [0.5, 0.5, pytest.approx(0.6)]
    assert [(p.contacts_added, p.converted) for p in points] == [(1, 0), (2, 1), (3, 1)]
    assert points[0].conversion_rate == 0.0
    assert points[2].conversion_rate == pytest.approx(1 / 3)


def test_rate_trend_window_of_one_matches_daily_rates(nairobi: Workspace) -> None:
    svc = AnalyticsService(nairobi)
    points = svc.rate_trend(3, end=END, window=1)
    for point in points:
        day = date.fromisoformat(point.day)
        assert point.response_rate == svc.rates(1, end=day).response_rate
        assert point.conversion_rate == svc.rates(1, end=day).conversion_rate


def test_rate_trend_empty_and_bad_window(workspace: Workspace) -> None:
    svc = AnalyticsService(workspace)
    points = svc.rate_trend(30, end=END)
    assert len(points) == 30
    assert all(p.response_rate is None and p.conversion_rate is None for p in points)
    with pytest.raises(UserError):
        svc.rate_trend(30, end=END, window=0)
    with pytest.raises(UserError):
        svc.daily_metrics(0, end=END)


# -- funnel and prospect mix --------------------------------------------------------------


def test_funnel_counts_now_and_reached_from_history(nairobi: Workspace) -> None:
    stages = AnalyticsService(nairobi).funnel()
    assert [s.status for s in stages] == list(PIPELINE_ORDER)
    got = {s.status: (s.count, s.reached) for s in stages}
    assert got == {
        PipelineStatus.NEW: (1, 5),
        PipelineStatus.CONTACTED: (1, 4),  # c4's move was deleted: still only New
        PipelineStatus.INTERESTED: (0, 3),
        PipelineStatus.NEGOTIATION: (0, 3),
        PipelineStatus.CLIENT: (2, 3),  # c2 is inactive now but was a client
        PipelineStatus.INACTIVE: (1, 1),
    }
    assert stages[0].share == 1.0
    assert stages[4].share == pytest.approx(3 / 5)


def test_funnel_of_an_empty_workspace(workspace: Workspace) -> None:
    stages = AnalyticsService(workspace).funnel()
    assert [(s.count, s.reached, s.share) for s in stages] == [(0, 0, None)] * 6


def test_funnel_inactive_without_history_reached_new_only(workspace: Workspace) -> None:
    add_contact(workspace, "2024-03-01 10:00", "inactive")
    stages = AnalyticsService(workspace).funnel()
    assert [s.reached for s in stages] == [1, 0, 0, 0, 0, 1]


def test_prospects_by_source(nairobi: Workspace) -> None:
    by_source = AnalyticsService(nairobi).prospects_by_source()
    assert by_source == {"google_maps": 3, "import": 2, "facebook": 1, "manual": 1}
    assert list(by_source) == ["google_maps", "import", "facebook", "manual"]


def test_prospects_by_sector_folds_case_and_groups_the_rest(workspace: Workspace) -> None:
    sectors = ["Bakery"] * 3 + ["bakery "] + ["Restaurant"] * 3 + ["Épicerie"] * 2
    sectors += ["ÉPICERIE", "", " ", "Other", "Salon", "Garage"]
    for sector in sectors:
        add_prospect(workspace, "2024-03-01 10:00", sector=sector)
    for _ in range(5):
        add_prospect(workspace, "2024-03-01 10:00", sector="Salon", deleted=True)
    svc = AnalyticsService(workspace)
    assert svc.prospects_by_sector(limit=2) == [("Bakery", 4), ("Restaurant", 3), (OTHER, 8)]
    assert svc.prospects_by_sector() == [
        ("Bakery", 4),
        ("Restaurant", 3),
        ("Épicerie", 3),
        (UNSPECIFIED, 2),
        ("Garage", 1),
        ("Salon", 1),
        (OTHER, 1),
    ]
    assert svc.prospects_by_sector(limit=0) == [(OTHER, 15)]
    assert AnalyticsService(workspace).prospects_by_source() == {"manual": 15}


# -- trends and KPIs ----------------------------------------------------------------------


def test_trends_compare_with_the_period_before(nairobi: Workspace) -> None:
    trend = AnalyticsService(nairobi).trends(7, end=END)
    assert (trend.current_start, trend.current_end) == ("2024-03-04", "2024-03-10")
    assert (trend.previous_start, trend.previous_end) == ("2024-02-26", "2024-03-03")
    assert trend.prospects_added == KpiChange(4, 2, 1.0)
    assert trend.contacts_added == KpiChange(4, 1, 3.0)
    assert trend.status_moves == KpiChange(7, 1, 6.0)
    # Nothing the week before: no ratio rather than a division by zero.
    assert trend.messages_sent == KpiChange(7, 0, None)
    assert trend.messages_replied == KpiChange(4, 0, None)
    assert trend.new_clients == KpiChange(3, 0, None)
    assert trend.response_rate.current == pytest.approx(4 / 7)
    assert trend.response_rate.previous is None and trend.response_rate.change is None
    # Previous week: c3 added, not a client by the 3rd → 0.0, so no ratio either.
    assert trend.conversion_rate == KpiChange(0.5, 0.0, None)


def test_trend_of_rates(workspace: Workspace) -> None:
    ws = workspace
    ws.update_settings(timezone="Africa/Lagos")  # UTC+1
    c = add_contact(ws, "2024-01-01 10:00", "new")
    camp = add_campaign(ws, "whatsapp")
    # Previous 7 days (Mar 3-9): 2 sent, 1 replied. Current (Mar 10-16): 4 sent, 1 replied.
    send(ws, camp, c, sent="2024-03-03 08:00", replied="2024-03-03 09:00")
    send(ws, camp, c, sent="2024-03-09 22:59")  # 23:59 on the 9th in Lagos
    send(ws, camp, c, sent="2024-03-09 23:00", replied="2024-03-20 09:00")  # the 10th
    for day in (11, 12, 16):
        send(ws, camp, c, sent=f"2024-03-{day} 12:00")
    trend = AnalyticsService(ws).trends(7, end=date(2024, 3, 16))
    assert trend.messages_sent == KpiChange(4, 2, 1.0)
    assert trend.response_rate == KpiChange(0.25, 0.5, -0.5)
    assert trend.prospects_added == KpiChange(0, 0, None)


def test_trends_only_for_known_periods(workspace: Workspace) -> None:
    svc = AnalyticsService(workspace)
    for days in (7, 30, 90):
        assert svc.trends(days, end=END).days == days
    with pytest.raises(UserError, match="7, 30, 90"):
        svc.trends(14, end=END)


def test_kpis(nairobi: Workspace) -> None:
    svc = AnalyticsService(nairobi)
    kpis = svc.kpis(END)
    assert (kpis.today, kpis.month, kpis.plan) == ("2024-03-10", "2024-03", Plan.STARTER)
    assert (kpis.total_contacts, kpis.clients, kpis.total_prospects) == (5, 2, 7)
    assert kpis.response_rate_30d == pytest.approx(4 / 7)
    assert (kpis.messages_this_month, kpis.messages_limit) == (150, 1_000)
    assert (kpis.prospects_this_month, kpis.prospects_limit) == (12, 200)
    nairobi.update_settings(plan=Plan.ENTERPRISE)
    unlimited = svc.kpis(END)
    assert unlimited.messages_limit is None and unlimited.prospects_limit is None


def test_kpis_of_an_empty_workspace(workspace: Workspace) -> None:
    kpis = AnalyticsService(workspace).kpis()
    assert (kpis.total_contacts, kpis.clients, kpis.total_prospects) == (0, 0, 0)
    assert kpis.response_rate_30d is None
    assert kpis.messages_this_month == 0 and kpis.prospects_this_month == 0


def test_results_are_json_serialisable(nairobi: Workspace) -> None:
    svc = AnalyticsService(nairobi)
    results = [
        svc.daily_metrics(3, end=END)[0],
        svc.rates(3, end=END),
        svc.rate_trend(3, end=END)[0],
        svc.funnel()[0],
        svc.trends(7, end=END),
        svc.kpis(END),
    ]
    for result in results:
        json.dumps(asdict(result))
    assert json.loads(json.dumps(asdict(svc.rates(3, end=END))))["by_channel"]["sms"]["sent"] == 2


# -- time zones with daylight saving ------------------------------------------------------


def test_dst_zone_days_are_exact(workspace: Workspace) -> None:
    """Casablanca goes from UTC+1 to UTC+0 at 02:00 UTC on 2024-03-10 (Ramadan).

    Sent times are bucketed by per-day UTC ranges, delivery times by shifting timestamps
    piece by piece: both must agree, on both sides of the change.
    """
    ws = workspace
    ws.update_settings(timezone="Africa/Casablanca")
    c = add_contact(ws, "2024-01-01 10:00", "new")
    camp = add_campaign(ws, "sms")
    moments = [
        "2024-03-08 22:59:59",  # 23:59:59 on the 8th (+1): outside
        "2024-03-08 23:00:00",  # midnight on the 9th
        "2024-03-09 23:30:00",  # 00:30 on the 10th (+1)
        "2024-03-10 01:59:00",  # 02:59 on the 10th (+1)
        "2024-03-10 02:30:00",  # 02:30 on the 10th (+0)
        "2024-03-10 23:30:00",  # 23:30 on the 10th (+0); the old offset would say the 11th
        "2024-03-11 00:00:00",  # midnight on the 11th
        "2024-03-11 23:59:59",  # last second of the 11th
        "2024-03-12 00:00:00",  # outside
    ]
    for moment in moments:
        send(ws, camp, c, sent=moment, delivered=moment)
        add_prospect(ws, moment)
    rows = AnalyticsService(ws).daily_metrics(3, end=date(2024, 3, 11))
    assert [r.day for r in rows] == ["2024-03-09", "2024-03-10", "2024-03-11"]
    assert column(rows, "messages_sent") == [1, 4, 2]
    assert column(rows, "messages_delivered") == [1, 4, 2]
    assert column(rows, "prospects_added") == [1, 4, 2]


def test_last_microsecond_of_a_day_stays_on_that_day(workspace: Workspace) -> None:
    """SQLite rounds fractions to the millisecond; 20:59:59.999999 must not become 21:00."""
    workspace.update_settings(timezone="Africa/Nairobi")
    c = add_contact(workspace, "2024-03-10 20:59:59.999999", "new")
    camp = add_campaign(workspace, "email")
    moment = "2024-03-10 20:59:59.999999"
    send(workspace, camp, c, sent=moment, delivered=moment, opened=moment, failed=moment)
    send(workspace, camp, c, sent="2024-03-10 21:00:00", delivered="2024-03-10 21:00:00")
    rows = AnalyticsService(workspace).daily_metrics(2, end=END)
    assert column(rows, "messages_sent") == [0, 1]
    assert column(rows, "messages_delivered") == [0, 1]
    assert column(rows, "messages_opened") == [0, 1]
    assert column(rows, "messages_failed") == [0, 1]
    assert column(rows, "contacts_added") == [0, 1]
    assert AnalyticsService(workspace).rates(1, end=END).contacts_added == 1


def test_client_move_dated_before_the_contact_still_converts(workspace: Workspace) -> None:
    """Two laptops' clocks disagree: the move reads earlier than the contact's creation."""
    c = add_contact(workspace, "2024-03-09 10:00", "client")
    move(workspace, c, "2024-03-06 10:00", "new", "client")
    late = add_contact(workspace, "2024-03-09 11:00", "client")
    move(workspace, late, "2024-03-11 10:00", "new", "client")  # after the range
    rates = AnalyticsService(workspace).rates(3, end=END)
    assert (rates.contacts_added, rates.converted, rates.conversion_rate) == (2, 1, 0.5)


def test_period_limits(workspace: Workspace) -> None:
    svc = AnalyticsService(workspace)
    assert len(svc.daily_metrics(365, end=END)) == 365
    with pytest.raises(UserError):
        svc.rates(100_000, end=END)


def test_unknown_zone_falls_back_to_utc(workspace: Workspace) -> None:
    with workspace.write() as s:
        s.execute(update(WorkspaceSettings).values(timezone="Mars/Olympus_Mons"))
    svc = AnalyticsService(workspace)
    assert svc.zone().key == "UTC"
    assert len(svc.daily_metrics(7, end=END)) == 7


# -- speed --------------------------------------------------------------------------------


def _bulk_fill(ws: Workspace, prospects: int, contacts: int, recipients: int) -> None:
    """Plain SQL inserts spread over 180 days before END, with a few tombstones.

    Rows go in by creation time with time-ordered ids, as the app writes them.
    """
    rnd = random.Random(7)
    start = datetime(2024, 3, 10) - timedelta(days=180)
    fmt = "%Y-%m-%d %H:%M:%S.%f"

    def when() -> datetime:
        return start + timedelta(seconds=rnd.randrange(180 * 86400))

    def times(count: int) -> list[str]:
        return [ts(t) or "" for t in sorted(when() for _ in range(count))]

    def ts(value: datetime | None) -> str | None:
        return value.strftime(fmt) if value else None

    def gone() -> str | None:
        return ts(GONE) if rnd.random() < 0.02 else None

    raw = ws.engine.raw_connection()
    try:
        cur = raw.cursor()
        rows = [
            (new_id(), f"Biz {i}", f"sector{i % 25}", t, t, gone())
            for i, t in enumerate(times(prospects))
        ]
        cur.executemany(
            "INSERT INTO prospects (id, business_name, name_key, sector, city, country, address,"
            " phone, whatsapp, email, contact_person, website, source, source_ref, notes, tags,"
            " created_at, updated_at, deleted_at) VALUES (?, ?, '', ?, 'Dakar', 'SN', '', '', '',"
            " '', '', '', 'google_maps', '', '', '[]', ?, ?, ?)",
            rows,
        )
        statuses = [s.value for s in PIPELINE_ORDER]
        people = [(new_id(), rnd.choice(statuses), t, t, gone()) for t in times(contacts)]
        cur.executemany(
            "INSERT INTO contacts (id, first_name, last_name, company, name_key, sector, phone,"
            " whatsapp, email, website, address, city, country, status, tags, notes,"
            " opt_out_whatsapp, opt_out_email, opt_out_sms, created_at, updated_at, deleted_at)"
            " VALUES (?, 'C', '', '', '', '', '', '', '', '', '', '', 'SN', ?, '[]', '', 0, 0, 0,"
            " ?, ?, ?)",
            people,
        )
        moves = []
        for cid, status, created, _, _ in people:
            t = datetime.strptime(created, fmt) + timedelta(hours=rnd.randrange(1, 300))
            moves.append((new_id(), cid, "new", status, ts(t), ts(t), ts(t)))
        cur.executemany(
            "INSERT INTO activities (id, contact_id, kind, body, old_status, new_status,"
            " occurred_at, created_at, updated_at)"
            " VALUES (?, ?, 'status_change', '', ?, ?, ?, ?, ?)",
            moves,
        )
        campaigns = [(new_id(), ["whatsapp", "email", "sms"][i % 3]) for i in range(60)]
        cur.executemany(
            "INSERT INTO campaigns (id, name, channel, status, subject, body, failure_reason,"
            " created_at, updated_at) VALUES (?, 'Promo', ?, 'completed', '', 'Hi', '',"
            " '2024-01-01 00:00:00.000000', '2024-01-01 00:00:00.000000')",
            campaigns,
        )
        sends = []
        for i in range(recipients):
            campaign = campaigns[i * len(campaigns) // recipients][0]
            sent = start + timedelta(days=3 * (i * len(campaigns) // recipients), minutes=i % 2000)
            delivered = sent + timedelta(minutes=rnd.randrange(1, 600))
            opened = delivered + timedelta(hours=rnd.randrange(1, 48)) if i % 2 else None
            replied = opened + timedelta(hours=rnd.randrange(1, 48)) if opened and i % 3 else None
            sends.append(
                (
                    new_id(),
                    campaign,
                    people[rnd.randrange(contacts)][0],
                    "Bonjour, découvrez nos offres de la semaine ! " * 3,
                    ts(sent),
                    ts(delivered),
                    ts(opened),
                    ts(replied),
                    ts(sent),
                    gone(),
                )
            )
        cur.executemany(
            "INSERT INTO campaign_recipients (id, campaign_id, contact_id, address,"
            " rendered_subject, rendered_body, status, provider_id, error, sent_at, delivered_at,"
            " opened_at, replied_at, created_at, updated_at, deleted_at) VALUES (?, ?, ?,"
            " '+221770000000', '', ?, 'delivered', '', '', ?, ?, ?, ?, ?, ?, ?)",
            [(*row[:9], row[8], row[9]) for row in sends],
        )
        raw.commit()
    finally:
        raw.close()


def test_speed_on_a_moderate_dataset(workspace: Workspace) -> None:
    """Prints timings (no assertion on them: machines differ); checks the totals add up."""
    workspace.update_settings(timezone="Africa/Nairobi")
    _bulk_fill(workspace, prospects=10_000, contacts=1_000, recipients=20_000)
    svc = AnalyticsService(workspace)
    timings = {}
    for name, call in [
        ("daily_metrics(90)", lambda: svc.daily_metrics(90, end=END)),
        ("rates(90)", lambda: svc.rates(90, end=END)),
        ("rate_trend(30)", lambda: svc.rate_trend(30, end=END)),
        ("funnel()", svc.funnel),
        ("trends(90)", lambda: svc.trends(90, end=END)),
        ("kpis()", lambda: svc.kpis(END)),
    ]:
        started = time.perf_counter()
        result = call()
        timings[name] = (time.perf_counter() - started) * 1000
        assert result
    print("\nanalytics on 10k prospects / 1k contacts / 20k messages:")
    for name, ms in timings.items():
        print(f"  {name:18s} {ms:7.1f} ms")
    rows = svc.daily_metrics(180, end=END)
    live_sent = sum(r.messages_sent for r in rows)
    assert 0 < live_sent < 20_000
    assert sum(r.messages_sent for r in rows) == svc.rates(180, end=END).sent


def test_dashboard_is_every_figure_of_one_period(nairobi: Workspace) -> None:
    service = AnalyticsService(nairobi)
    data = load_analytics(nairobi, 7)
    assert RANGES == (7, 30, 90) and data.period == 7
    assert data.days == service.day_range(7)
    assert data.messages == service.messages_by_channel(7)
    assert all(len(values) == 7 for values in data.messages.values())
    assert data.rate_trend == service.rate_trend(7, window=RATE_WINDOW)
    assert data.funnel == service.funnel()
    assert data.sources == service.prospects_by_source()
    assert data.sectors == service.prospects_by_sector(SECTOR_LIMIT)
    assert data.trend == service.trends(7)
    assert data.kpis == service.kpis()
    assert not data.empty


def test_dashboard_of_an_empty_workspace_says_so(workspace: Workspace) -> None:
    assert load_analytics(workspace, 30).empty
