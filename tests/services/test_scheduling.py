"""Scheduled campaigns go out at their time from the computer that scheduled them; more than
24 h late, a person decides first."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import update

from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.ids import utcnow
from localpro_desktop.domain.plans import month_key
from localpro_desktop.services import campaign_drafts, scheduling
from localpro_desktop.services.campaign_drafts import CampaignDraft, RecipientSource
from localpro_desktop.services.campaigns import CampaignService
from localpro_desktop.services.contacts import ContactService
from localpro_desktop.services.usage import today_utc
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import Campaign, UsageEvent


def _scheduled(ws: Workspace, when: datetime, *, name: str = "Tabaski") -> str:
    contact = ContactService(ws).add({"first_name": "Awa", "phone": "771234567"})
    draft = CampaignDraft(
        None,
        name,
        Channel.SMS,
        "",
        "Bonjour {{first_name}}",
        RecipientSource(contact_ids=(contact.id,)),
        schedule_at=utcnow() + timedelta(days=1),
    )
    campaign_id = campaign_drafts.save_draft(ws, draft)
    _move_time(ws, campaign_id, when)
    return campaign_id


def _move_time(ws: Workspace, campaign_id: str, when: datetime, **values: object) -> None:
    """The schedule as it would be once that time came (saving refuses a past time)."""
    with ws.write() as session:
        session.execute(
            update(Campaign).where(Campaign.id == campaign_id).values(scheduled_at=when, **values)
        )


def _status(ws: Workspace, campaign_id: str) -> str:
    return CampaignService(ws).get(campaign_id).status


@pytest.mark.usefixtures("channels_set_up")
def test_a_due_campaign_is_queued_from_this_computer_and_not_before(workspace: Workspace) -> None:
    at = datetime(2026, 6, 15, 9, 0)
    campaign_id = _scheduled(workspace, at)
    assert CampaignService(workspace).get(campaign_id).sender_device_id == workspace.device_id
    assert scheduling.queue_due(workspace, at - timedelta(minutes=1)) == []
    assert _status(workspace, campaign_id) == "scheduled"
    assert scheduling.queue_due(workspace, at + timedelta(minutes=1)) == [campaign_id]
    assert _status(workspace, campaign_id) == "sent"
    assert scheduling.queue_due(workspace, at + timedelta(minutes=2)) == []
    # An aware "now" is the same instant.
    other = _scheduled(workspace, at + timedelta(hours=1), name="Korité")
    aware = (at + timedelta(hours=1, minutes=1)).replace(tzinfo=UTC)
    assert scheduling.queue_due(workspace, aware) == [other]


@pytest.mark.usefixtures("channels_set_up")
def test_more_than_a_day_late_waits_for_a_person(workspace: Workspace) -> None:
    at = datetime(2026, 6, 15, 9, 0)
    late = _scheduled(workspace, at)
    recent = _scheduled(workspace, at + timedelta(days=2), name="Recent")
    now = at + timedelta(days=2, hours=3)

    (found,) = scheduling.late_campaigns(workspace, now)
    assert (found.id, found.name, found.scheduled_at) == (late, "Tabaski", at)
    assert found.late_by == timedelta(days=2, hours=3)

    assert scheduling.queue_due(workspace, now) == [recent]
    assert _status(workspace, late) == "scheduled"  # until someone decides
    assert scheduling.queue_due(workspace, now, include_late=[late]) == [late]
    assert scheduling.late_campaigns(workspace, now) == []

    another = _scheduled(workspace, at, name="Another")
    assert scheduling.queue_due(workspace, now, include_late=True) == [another]


@pytest.mark.usefixtures("channels_set_up")
def test_another_computers_schedule_is_not_sent_here(workspace: Workspace) -> None:
    at = datetime(2026, 6, 15, 9, 0)
    campaign_id = _scheduled(workspace, at)
    _move_time(workspace, campaign_id, at, sender_device_id="laptop-b")
    assert scheduling.queue_due(workspace, at + timedelta(days=3), include_late=True) == []
    assert scheduling.late_campaigns(workspace, at + timedelta(days=3)) == []
    assert _status(workspace, campaign_id) == "scheduled"


def test_without_a_service_for_its_channel_it_stays_scheduled(workspace: Workspace) -> None:
    at = datetime(2026, 6, 15, 9, 0)
    campaign_id = _scheduled(workspace, at)
    assert scheduling.queue_due(workspace, at + timedelta(hours=1)) == []
    assert _status(workspace, campaign_id) == "scheduled"


@pytest.mark.usefixtures("channels_set_up")
def test_one_that_cannot_go_ends_failed_with_the_reason(workspace: Workspace) -> None:
    at = datetime(2026, 6, 15, 9, 0)
    campaign_id = _scheduled(workspace, at)
    with workspace.write() as session:
        session.add(UsageEvent(metric="messages", month=month_key(today_utc()), quantity=10**6))
    assert scheduling.queue_due(workspace, at + timedelta(hours=1)) == []
    campaign = CampaignService(workspace).get(campaign_id)
    assert campaign.status == "failed" and "limit" in campaign.failure_reason


def test_times_are_read_in_the_workspace_time_zone_unless_they_say_theirs(
    workspace: Workspace,
) -> None:
    workspace.update_settings(timezone="Africa/Lagos")  # UTC+1, no summer time
    assert scheduling.parse_when(workspace, "2026-06-15T09:00") == datetime(2026, 6, 15, 8, 0)
    assert scheduling.parse_when(workspace, "2026-06-15 09:00:00+00:00") == datetime(
        2026, 6, 15, 9, 0
    )
    assert scheduling.parse_when(workspace, "2026-06-15T09:00Z") == datetime(2026, 6, 15, 9, 0)
    assert scheduling.workspace_time(workspace, datetime(2026, 6, 15, 8, 0)).hour == 9
    with pytest.raises(UserError, match="Cannot read the time 'tomorrow'"):
        scheduling.parse_when(workspace, "tomorrow")
