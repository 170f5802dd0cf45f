"""Scheduled campaigns: queued when their time comes, by the computer that scheduled them.

The dispatcher calls ``queue_due`` at each round (in the app and ``localpro dispatch
--watch``). A campaign whose time passed while the computer was off goes out at the next
start, unless it is more than ``LATE_AFTER`` late: then a person decides first
(``late_campaigns`` lists them; ``queue_due(..., include_late=...)`` sends the chosen).
"""

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo

from sqlalchemy import select

from localpro_desktop.domain.campaigns import CampaignStatus, Channel, check_campaign_move
from localpro_desktop.domain.changes import ChangeSet
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.messages import campaigns as msg
from localpro_desktop.domain.zones import zone_or_utc
from localpro_desktop.services import campaign_sending, channel_setup
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import Campaign
from localpro_protocol.wire import Table

log = logging.getLogger(__name__)

LATE_AFTER = timedelta(hours=24)


@dataclass(frozen=True)
class LateCampaign:
    id: str
    name: str
    scheduled_at: datetime
    """Naive UTC, as stored."""
    late_by: timedelta


def _naive_utc(when: datetime) -> datetime:
    return when.astimezone(UTC).replace(tzinfo=None) if when.tzinfo is not None else when


def _due(ws: Workspace, now: datetime) -> list[tuple[str, str, datetime, Channel]]:
    """(id, name, scheduled_at, channel) of this computer's scheduled campaigns now due."""
    with ws.read() as session:
        rows = session.execute(
            select(Campaign.id, Campaign.name, Campaign.scheduled_at, Campaign.channel)
            .where(
                Campaign.deleted_at.is_(None),
                Campaign.status == CampaignStatus.SCHEDULED.value,
                Campaign.sender_device_id == ws.device_id,
                Campaign.scheduled_at.is_not(None),
                Campaign.scheduled_at <= now,
            )
            .order_by(Campaign.scheduled_at, Campaign.id)
        ).all()
    return [
        (str(cid), str(name), when, Channel(channel))
        for cid, name, when, channel in rows
        if when is not None
    ]


def late_campaigns(ws: Workspace, now: datetime) -> list[LateCampaign]:
    """Scheduled from this computer, and more than 24 h past their time (oldest first)."""
    now = _naive_utc(now)
    return [
        LateCampaign(cid, name, when, now - when)
        for cid, name, when, _channel in _due(ws, now)
        if now - when > LATE_AFTER
    ]


def queue_due(
    ws: Workspace, now: datetime, *, include_late: bool | Sequence[str] = False
) -> list[str]:
    """Queue this computer's scheduled campaigns whose time came; the ids queued.

    One more than 24 h late is queued only when ``include_late`` is True or names it;
    otherwise it stays Scheduled until someone decides (send it, or cancel it). A
    campaign whose channel has no service yet stays Scheduled too. One that cannot go at
    all (the plan's limit, no one left to send to) ends Failed with the reason, so a
    background dispatcher does not stumble on it at every round.
    """
    now = _naive_utc(now)
    chosen = set(include_late) if not isinstance(include_late, bool) else set()
    queued: list[str] = []
    due = _due(ws, now)
    ready = channel_setup.set_up_channels(ws) if due else frozenset()
    for cid, _name, when, channel in due:
        late = now - when > LATE_AFTER
        if late and include_late is not True and cid not in chosen:
            continue
        if channel not in ready:
            continue  # it goes once the channel is set up (asking first if late by then)
        try:
            campaign_sending.send(ws, cid)
        except channel_setup.ChannelNotSetUpError:
            continue  # it goes once the channel is set up (asking first if late by then)
        except UserError as exc:  # the plan's limit (PlanLimitError), no recipients…
            _fail(ws, cid, str(exc))
        else:
            queued.append(cid)
    return queued


def _fail(ws: Workspace, campaign_id: str, reason: str) -> None:
    log.warning("scheduled campaign %s could not be sent: %s", campaign_id, reason)
    changes = ChangeSet()
    with ws.write(changes) as session:
        campaign = session.get(Campaign, campaign_id)
        if campaign is None or CampaignStatus(campaign.status) is not CampaignStatus.SCHEDULED:
            return
        check_campaign_move(CampaignStatus.SCHEDULED, CampaignStatus.FAILED)
        campaign.status = CampaignStatus.FAILED.value
        campaign.failure_reason = reason[:400]
        changes.add(Table.CAMPAIGNS, campaign.id)


def parse_when(ws: Workspace, text: str) -> datetime:
    """ISO 8601 with or without an offset (naive: the workspace's time zone) → naive UTC."""
    try:
        when = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise UserError(msg.BAD_WHEN, text=text) from None
    if when.tzinfo is None:
        when = when.replace(tzinfo=_zone(ws))
    return _naive_utc(when)


def _zone(ws: Workspace) -> tzinfo:
    return zone_or_utc(ws.settings().timezone)


def workspace_time(ws: Workspace, when: datetime) -> datetime:
    """A stored (naive UTC) time in the workspace's time zone, for showing it."""
    return when.replace(tzinfo=UTC).astimezone(_zone(ws))
