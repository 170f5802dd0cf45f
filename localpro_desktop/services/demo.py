"""A realistic demo workspace, so every screen has something true to show.

Prospects come from the deterministic generator (``discovery.demo``); about one in ten
becomes a contact spread along the pipeline with a believable timeline; past campaigns
carry recipients whose delivery timestamps make 90 days of metrics. The same seed gives
the same businesses, people, moves and campaign results (ids are fresh UUIDs each run).
Demo data does not count against the plan: nobody spent anything to get it.
"""

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import insert, text

from localpro_desktop.discovery.demo.generator import DemoBusiness, iter_businesses
from localpro_desktop.domain.activities import ActivityKind
from localpro_desktop.domain.campaigns import CampaignStatus, Channel, RecipientStatus
from localpro_desktop.domain.changes import ChangeSet
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.ids import new_id, utcnow
from localpro_desktop.domain.messages import workspace as msg
from localpro_desktop.domain.names import name_key
from localpro_desktop.domain.pipeline import PIPELINE_ORDER, PipelineStatus
from localpro_desktop.domain.plans import Metric, month_key
from localpro_desktop.domain.segment_rules import SegmentRule
from localpro_desktop.domain.templates import render
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store import local_state
from localpro_desktop.store.local_state import StateKey
from localpro_desktop.store.models import (
    Activity,
    Campaign,
    CampaignRecipient,
    Contact,
    Prospect,
    Segment,
    UsageEvent,
)
from localpro_protocol.wire import Table

BATCH = 5000
CONTACT_SHARE = 0.10
HISTORY_DAYS = 90

# Where converted contacts sit now; most leads stall early, as in real pipelines.
_STATUS_WEIGHTS = (
    (PipelineStatus.NEW, 30),
    (PipelineStatus.CONTACTED, 25),
    (PipelineStatus.INTERESTED, 17),
    (PipelineStatus.NEGOTIATION, 10),
    (PipelineStatus.CLIENT, 12),
    (PipelineStatus.INACTIVE, 6),
)
_NOTES = (
    "Called, asked to call back after prayer time",
    "Visited the shop, met the owner",
    "Sent the price list on WhatsApp",
    "Wants a discount for a bulk order",
    "Interested in the delivery option",
    "Owner travelling, back next week",
    "Asked for a demo at the market on Saturday",
)
_CAMPAIGNS = (
    (
        Channel.WHATSAPP,
        "Tabaski promotion",
        "",
        "Bonjour {{first_name}} ! -15% sur nos services à {{city}} jusqu'à dimanche. "
        "Répondez OUI pour réserver.",
    ),
    (
        Channel.SMS,
        "New catalogue",
        "",
        "Hello {{first_name}}, our new catalogue is out. Reply INFO for details.",
    ),
    (
        Channel.EMAIL,
        "Monthly newsletter",
        "News for {{company}}",
        "Dear {{first_name}},\nHere is what is new this month for businesses in {{city}}.",
    ),
    (
        Channel.WHATSAPP,
        "Follow-up after visit",
        "",
        "Hi {{first_name}}, thank you for your time today. Here is the offer we discussed.",
    ),
    (
        Channel.SMS,
        "Ramadan opening hours",
        "",
        "{{company}}: nos horaires changent pendant le Ramadan. Merci !",
    ),
    (
        Channel.EMAIL,
        "Quote reminder",
        "Your quote, {{first_name}}",
        "Hello {{first_name}},\nYour quote is ready. Reply to confirm the order.",
    ),
)
# (delivered, opened, replied, failed) probabilities per channel.
_OUTCOMES = {
    Channel.WHATSAPP: (0.95, 0.80, 0.28, 0.04),
    Channel.SMS: (0.92, 0.0, 0.09, 0.06),
    Channel.EMAIL: (0.90, 0.42, 0.06, 0.08),
}


@dataclass(frozen=True)
class DemoSummary:
    prospects: int
    contacts: int
    activities: int
    campaigns: int
    recipients: int
    segments: int
    seconds: float


Progress = Callable[[str, int, int], None]

# A local note (StateKey.DEMO_SEED) says the workspace was filled with demo data: the
# prospects themselves keep the realistic sources the generator gives them, so the source
# charts have something true to show.


def _insert(model: type) -> Any:
    """One INSERT per batch: without render_nulls, rows with different empty fields
    would be split into thousands of tiny statements."""
    return insert(model).execution_options(render_nulls=True)


def has_demo_data(ws: Workspace) -> bool:
    with ws.read() as session:
        return bool(local_state.get(session, StateKey.DEMO_SEED))


def generate_demo(
    ws: Workspace,
    *,
    size: int = 2000,
    seed: int = 7,
    countries: Sequence[str] | None = None,
    progress: Progress | None = None,
) -> DemoSummary:
    if size < 1 or size > 1_000_000:
        raise UserError(msg.DEMO_SIZE)
    if has_demo_data(ws):
        raise UserError(msg.DEMO_EXISTS)
    notify = progress or (lambda _p, _d, _t: None)
    started = datetime.now()
    rng = random.Random(seed)
    now = utcnow().replace(microsecond=0)
    counts = {"prospects": 0, "contacts": 0, "activities": 0, "recipients": 0}
    contacts: list[dict[str, Any]] = []
    changes = ChangeSet()
    with ws.write(changes) as session:
        # Prospects and contacts point at each other: check those links at commit.
        session.execute(text("PRAGMA defer_foreign_keys = ON"))
        local_state.put(session, StateKey.DEMO_SEED, str(seed))
        batch: list[dict[str, Any]] = []
        for business in iter_businesses(seed=seed, count=size, countries=countries):
            prospect = prospect_row(business, now)
            if rng.random() < CONTACT_SHARE:
                contact = contact_row(business, prospect["id"], rng, now)
                prospect["contact_id"] = contact["id"]
                contacts.append(contact)
            batch.append(prospect)
            if len(batch) >= BATCH:
                counts["prospects"] += _flush(session, Prospect, batch)
                notify("prospects", counts["prospects"], size)
        counts["prospects"] += _flush(session, Prospect, batch)
        notify("prospects", counts["prospects"], size)
        counts["contacts"] = len(contacts)

        activities = _timelines(contacts, rng, now)
        for start in range(0, len(contacts), BATCH):
            session.execute(
                insert(Contact).execution_options(render_nulls=True),
                contacts[start : start + BATCH],
            )
        for start in range(0, len(activities), BATCH):
            session.execute(_insert(Activity), activities[start : start + BATCH])
        counts["activities"] = len(activities)

        campaigns, recipients, usage = _campaigns(contacts, rng, now)
        if campaigns:
            session.execute(_insert(Campaign), campaigns)
        for start in range(0, len(recipients), BATCH):
            session.execute(_insert(CampaignRecipient), recipients[start : start + BATCH])
        if usage:
            session.execute(_insert(UsageEvent), usage)
        counts["recipients"] = len(recipients)

        segments = _segments(contacts, now)
        session.execute(_insert(Segment), segments)
        for table in (
            Table.PROSPECTS,
            Table.CONTACTS,
            Table.ACTIVITIES,
            Table.CAMPAIGNS,
            Table.CAMPAIGN_RECIPIENTS,
            Table.SEGMENTS,
            Table.USAGE_EVENTS,
        ):
            changes.touch(table)
    ws.optimize()
    return DemoSummary(
        counts["prospects"],
        counts["contacts"],
        counts["activities"],
        len(campaigns),
        counts["recipients"],
        len(segments),
        (datetime.now() - started).total_seconds(),
    )


def _flush(session: Any, model: type, batch: list[dict[str, Any]]) -> int:
    if batch:
        session.execute(insert(model).execution_options(render_nulls=True), batch)
    written = len(batch)
    batch.clear()
    return written


def _stamp(now: datetime, days_ago: float) -> datetime:
    return (now - timedelta(days=days_ago)).replace(microsecond=0)


def prospect_row(b: DemoBusiness, now: datetime) -> dict[str, Any]:
    """A prospects row for Core bulk inserts (also used by the benchmarks)."""
    created = _stamp(now, b.created_days_ago + (hash_fraction(b.source_ref) * 0.9))
    return {
        "id": new_id(),
        "created_at": created,
        "updated_at": created,
        "deleted_at": None,
        "business_name": b.business_name,
        "name_key": name_key(b.business_name),
        "sector": b.sector,
        "city": b.city,
        "country": b.country,
        "address": b.address,
        "phone": b.phone,
        "phone_e164": b.phone_e164 or None,
        "whatsapp": b.whatsapp,
        "whatsapp_e164": b.whatsapp_e164 or None,
        "email": b.email,
        "email_normalized": b.email.lower() or None,
        "website": b.website,
        "contact_person": f"{b.owner_first_name} {b.owner_last_name}".strip(),
        "latitude": b.latitude,
        "longitude": b.longitude,
        "source": b.source,
        "source_ref": b.source_ref,
        "notes": "",
        "tags": list(b.tags),
        "contact_id": None,
    }


def hash_fraction(text: str) -> float:
    """A stable fraction from a string (Python's hash() changes between runs)."""
    value = 0
    for ch in text[-8:]:
        value = (value * 31 + ord(ch)) % 10_007
    return value / 10_007


def contact_row(
    b: DemoBusiness, prospect_id: str | None, rng: random.Random, now: datetime
) -> dict[str, Any]:
    """A contacts row for Core bulk inserts (also used by the benchmarks)."""
    status = _weighted(rng, _STATUS_WEIGHTS)
    # Converted contacts are spread over the demo's 90 days of history.
    created = _stamp(now, rng.uniform(1, HISTORY_DAYS))
    return {
        "id": new_id(),
        "created_at": created,
        "updated_at": created,
        "deleted_at": None,
        "first_name": b.owner_first_name,
        "last_name": b.owner_last_name,
        "company": b.business_name,
        "name_key": name_key(f"{b.owner_first_name} {b.owner_last_name}"),
        "sector": b.sector,
        "phone": b.phone,
        "phone_e164": b.phone_e164 or None,
        "whatsapp": b.whatsapp,
        "whatsapp_e164": b.whatsapp_e164 or None,
        "email": b.email,
        "email_normalized": b.email.lower() or None,
        "website": b.website,
        "address": b.address,
        "city": b.city,
        "country": b.country,
        "latitude": b.latitude,
        "longitude": b.longitude,
        "status": status.value,
        "tags": list(b.tags),
        "notes": "",
        "last_contacted_at": None,
        "prospect_id": prospect_id,
        "opt_out_whatsapp": rng.random() < 0.02,
        "opt_out_email": rng.random() < 0.03,
        "opt_out_sms": rng.random() < 0.03,
    }


def _weighted(rng: random.Random, pairs: Sequence[tuple[Any, int]]) -> Any:
    total = sum(w for _, w in pairs)
    pick = rng.uniform(0, total)
    for value, weight in pairs:
        pick -= weight
        if pick <= 0:
            return value
    return pairs[-1][0]


def _activity(contact_id: str, kind: ActivityKind, when: datetime, **extra: Any) -> dict[str, Any]:
    return {
        "id": new_id(),
        "contact_id": contact_id,
        "kind": kind.value,
        "occurred_at": when,
        "created_at": when,
        "updated_at": when,
        "deleted_at": None,
        "body": extra.get("body", ""),
        "old_status": extra.get("old_status"),
        "new_status": extra.get("new_status"),
    }


def _timelines(
    contacts: list[dict[str, Any]], rng: random.Random, now: datetime
) -> list[dict[str, Any]]:
    """Each contact climbs the pipeline to its current status, with notes and calls."""
    rows: list[dict[str, Any]] = []
    climb = PIPELINE_ORDER[:5]  # New .. Client
    for contact in contacts:
        cid, when = contact["id"], contact["created_at"]
        rows.append(
            _activity(
                cid,
                ActivityKind.CONVERTED,
                when,
                body="Converted from prospect (demo)",
                new_status="new",
            )
        )
        target = PipelineStatus(contact["status"])
        path = (
            list(climb[1 : climb.index(target) + 1])
            if target in climb
            else [*climb[1 : rng.randint(2, 4)], PipelineStatus.INACTIVE]
        )
        previous = PipelineStatus.NEW
        span = max((now - when).total_seconds(), 3600.0)
        last_contacted = None
        for step, status in enumerate(path, start=1):
            moment = when + timedelta(seconds=span * step / (len(path) + 1))
            if status is PipelineStatus.CONTACTED or rng.random() < 0.5:
                kind = ActivityKind.CALL if rng.random() < 0.6 else ActivityKind.MEETING
                rows.append(
                    _activity(cid, kind, moment - timedelta(minutes=30), body=rng.choice(_NOTES))
                )
                last_contacted = moment - timedelta(minutes=30)
            rows.append(
                _activity(
                    cid,
                    ActivityKind.STATUS_CHANGE,
                    moment,
                    old_status=previous.value,
                    new_status=status.value,
                )
            )
            previous = status
        if rng.random() < 0.3:
            rows.append(
                _activity(
                    cid, ActivityKind.NOTE, when + timedelta(hours=2), body=rng.choice(_NOTES)
                )
            )
        contact["last_contacted_at"] = last_contacted
        contact["updated_at"] = rows[-1]["occurred_at"]
    return rows


def _campaigns(
    contacts: list[dict[str, Any]], rng: random.Random, now: datetime
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    if not contacts:
        return [], [], []
    campaigns: list[dict[str, Any]] = []
    recipients: list[dict[str, Any]] = []
    usage: dict[str, int] = {}
    past = sorted(rng.sample(range(3, HISTORY_DAYS - 2), k=min(24, HISTORY_DAYS - 6)), reverse=True)
    for number, days_ago in enumerate(past):
        channel, name, subject, body = _CAMPAIGNS[number % len(_CAMPAIGNS)]
        sent_at = _stamp(now, days_ago).replace(hour=9, minute=30, second=0)
        audience = [c for c in contacts if c["created_at"] < sent_at and _address(c, channel)]
        if not audience:
            continue
        chosen = rng.sample(audience, k=min(len(audience), rng.randint(20, 160)))
        cid = new_id()
        final_failed = 0
        for contact in chosen:
            row = _recipient(cid, contact, channel, subject, body, sent_at, rng)
            final_failed += row["status"] == RecipientStatus.FAILED.value
            recipients.append(row)
        status = CampaignStatus.COMPLETED
        campaigns.append(
            _campaign_row(cid, f"{name} #{number + 1}", channel, subject, body, status, sent_at)
        )
        month = month_key(sent_at.date())
        usage[month] = usage.get(month, 0) + len(chosen)
    for channel, name, subject, body in _CAMPAIGNS[:2]:
        draft = _campaign_row(
            new_id(), f"{name} (draft)", channel, subject, body, CampaignStatus.DRAFT, None
        )
        campaigns.append(draft)
    scheduled = _campaign_row(
        new_id(),
        "End of month offer",
        Channel.WHATSAPP,
        "",
        _CAMPAIGNS[0][3],
        CampaignStatus.SCHEDULED,
        None,
    )
    scheduled["scheduled_at"] = _stamp(now, -3).replace(hour=10, minute=0, second=0)
    campaigns.append(scheduled)
    usage_rows = [
        {
            "id": new_id(),
            "metric": Metric.MESSAGES.value,
            "month": month,
            "quantity": qty,
            "occurred_at": now,
            "created_at": now,
            "updated_at": now,
            "deleted_at": None,
            "reason": "demo campaigns",
        }
        for month, qty in sorted(usage.items())
    ]
    return campaigns, recipients, usage_rows


def _address(contact: dict[str, Any], channel: Channel) -> str | None:
    if contact[f"opt_out_{channel.value}"]:
        return None
    address: str | None
    if channel is Channel.EMAIL:
        address = contact["email_normalized"]
    elif channel is Channel.WHATSAPP:
        address = contact["whatsapp_e164"] or contact["phone_e164"]
    else:
        address = contact["phone_e164"]
    return address


def _campaign_row(
    cid: str,
    name: str,
    channel: Channel,
    subject: str,
    body: str,
    status: CampaignStatus,
    sent_at: datetime | None,
) -> dict[str, Any]:
    created = (sent_at or utcnow()) - timedelta(days=1)
    return {
        "id": cid,
        "name": name,
        "channel": channel.value,
        "status": status.value,
        "subject": subject,
        "body": body,
        "segment_id": None,
        "scheduled_at": None,
        "sent_at": sent_at,
        "completed_at": sent_at + timedelta(days=2) if sent_at else None,
        "failure_reason": "",
        "created_at": created,
        "updated_at": created,
        "deleted_at": None,
    }


def _recipient(
    campaign_id: str,
    contact: dict[str, Any],
    channel: Channel,
    subject: str,
    body: str,
    sent_at: datetime,
    rng: random.Random,
) -> dict[str, Any]:
    delivered_p, opened_p, replied_p, failed_p = _OUTCOMES[channel]
    fields = {
        "first_name": contact["first_name"] or contact["company"],
        "company": contact["company"],
        "city": contact["city"],
    }
    row: dict[str, Any] = {
        "id": new_id(),
        "campaign_id": campaign_id,
        "contact_id": contact["id"],
        "address": _address(contact, channel) or "",
        "rendered_subject": render(subject, fields) if subject else "",
        "rendered_body": render(body, fields),
        "provider_id": f"demo-{rng.getrandbits(40):x}",
        "error": "",
        "queued_at": sent_at,
        "sent_at": None,
        "delivered_at": None,
        "opened_at": None,
        "replied_at": None,
        "failed_at": None,
        "created_at": sent_at,
        "updated_at": sent_at,
        "deleted_at": None,
    }
    if rng.random() < failed_p:
        row.update(
            status=RecipientStatus.FAILED.value,
            failed_at=sent_at,
            error="number not on WhatsApp"
            if channel is Channel.WHATSAPP
            else "rejected by the network",
        )
        return row
    moment = sent_at + timedelta(minutes=rng.randint(0, 30))
    row.update(status=RecipientStatus.SENT.value, sent_at=moment)
    if rng.random() < delivered_p:
        moment += timedelta(minutes=rng.randint(1, 120))
        row.update(status=RecipientStatus.DELIVERED.value, delivered_at=moment)
        if rng.random() < opened_p:
            moment += timedelta(hours=rng.uniform(0.2, 20))
            row.update(status=RecipientStatus.OPENED.value, opened_at=moment)
        if rng.random() < replied_p:
            moment += timedelta(hours=rng.uniform(0.1, 30))
            row.update(status=RecipientStatus.REPLIED.value, replied_at=moment)
    return row


def _segments(contacts: list[dict[str, Any]], now: datetime) -> list[dict[str, Any]]:
    cities = sorted({c["city"] for c in contacts})
    top_city = (
        max(cities, key=lambda city: sum(c["city"] == city for c in contacts))
        if (cities)
        else "Dakar"
    )
    rules = [
        (
            "Hot leads",
            "Interested or negotiating",
            SegmentRule(statuses=(PipelineStatus.INTERESTED, PipelineStatus.NEGOTIATION)),
        ),
        (
            "Clients on WhatsApp",
            "Clients we can reach on WhatsApp",
            SegmentRule(statuses=(PipelineStatus.CLIENT,), reachable_on=Channel.WHATSAPP),
        ),
        (
            f"{top_city} follow-up",
            "Not contacted for 30 days",
            SegmentRule(city=top_city, last_contacted_before=(now - timedelta(days=30)).date()),
        ),
        ("VIP", "Tagged vip", SegmentRule(tags_any=("vip",))),
    ]
    return [
        {
            "id": new_id(),
            "name": name,
            "kind": "rule",
            "rule": rule.to_dict(),
            "description": description,
            "created_at": now,
            "updated_at": now,
            "deleted_at": None,
        }
        for name, description, rule in rules
    ]
