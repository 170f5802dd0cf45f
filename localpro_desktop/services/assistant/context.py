"""What the assistant is told in each mode: its instructions and the workspace's figures.

The context is figures and the user's own message texts. No contact's personal data
(names, numbers, e-mails) is in it unless the user ticked the box for that conversation;
then the most recently updated contacts are listed too. Answers come in the UI language
unless the user asks otherwise.

- general help: what LocalPro does, the plan, how many prospects and contacts;
- campaign optimisation: the campaign (channel, text, audience), past response rates by
  channel, the best and worst past messages with their rates;
- prospect strategy: counts by sector, city, source and pipeline status, conversion by
  sector and city, what was prospected in the last 30 days.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.ids import utcnow
from localpro_desktop.domain.messages import assistant as msg
from localpro_desktop.domain.pipeline import PipelineStatus
from localpro_desktop.domain.sectors import sector_label
from localpro_desktop.services.campaign_stats import CampaignStats, stats_for
from localpro_desktop.services.records import get_live
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import Campaign, CampaignRecipient, Contact, Prospect

LANGUAGE_NAMES = {"en": "English", "fr": "French"}
PERSONAL_LIMIT = 50
"""Contacts listed when the user allows personal data: the most recently updated."""
TOP = 12
"""Rows per table of figures: enough to reason on, small enough to stay cheap."""


class Mode(StrEnum):
    GENERAL = "general"
    CAMPAIGN = "campaign"
    PROSPECTS = "prospects"

    @classmethod
    def parse(cls, text: str) -> Mode:
        try:
            return cls(text.strip().lower())
        except ValueError:
            raise UserError(msg.UNKNOWN_MODE, value=text) from None


_PRODUCT = (
    "LocalPro is an offline-first prospecting, CRM and campaign app for local "
    "entrepreneurs in Africa. Prospects are found by sector and city (OpenStreetMap, "
    "Google Places, files), converted into contacts on a pipeline (New, Contacted, "
    "Interested, Negotiation, Client, Inactive), grouped in segments and reached by "
    "WhatsApp, SMS and e-mail campaigns with per-recipient delivery, opens and replies."
)

_INSTRUCTIONS = {
    Mode.GENERAL: (
        "You are LocalPro's assistant. Help the user use LocalPro and prospect well: short, "
        "concrete, practical answers for a small business owner, with steps in the app when "
        "they help."
    ),
    Mode.CAMPAIGN: (
        "You are LocalPro's campaign coach. Help the user make this campaign get answers: "
        "judge the message against what worked in their past campaigns, suggest concrete "
        "rewrites that fit the channel (SMS length and characters, WhatsApp templates, "
        "e-mail subject), the timing and the audience. Keep every {{placeholder}} intact."
    ),
    Mode.PROSPECTS: (
        "You are LocalPro's prospecting strategist. From the user's own figures, say which "
        "sectors and cities to prospect next and why, which ones convert, and what to do "
        "this week. Quote the figures you rely on."
    ),
}


@dataclass(frozen=True, slots=True)
class ContextPack:
    system: str
    """Instructions and figures, as the system message."""
    personal: bool
    """Contacts' personal data is in it (the user allowed it)."""


def build_context(
    ws: Workspace,
    mode: Mode,
    *,
    language: str,
    campaign_id: str | None = None,
    personal: bool = False,
) -> ContextPack:
    settings = ws.settings()
    parts = [
        _INSTRUCTIONS[mode],
        _PRODUCT,
        f"Answer in {LANGUAGE_NAMES.get(language, 'English')} unless the user writes in "
        "another language or asks for one.",
        f"The user's workspace: country {settings.country}, currency {settings.currency}, "
        f"plan {settings.plan.value}.",
    ]
    with ws.read() as session:
        parts.append(_totals(session))
        if mode is Mode.CAMPAIGN:
            if not campaign_id:
                raise UserError(msg.CAMPAIGN_MODE_NEEDS_CAMPAIGN)
            parts.append(_campaign(session, campaign_id))
            parts.append(_past_campaigns(session, exclude=campaign_id))
        elif mode is Mode.PROSPECTS:
            parts.append(_prospect_figures(session, language))
        if personal:
            parts.append(_contacts(session))
    return ContextPack("\n\n".join(p for p in parts if p), personal)


def _table(title: str, header: str, rows: Iterable[Iterable[object]]) -> str:
    lines = [f"{title}:", header]
    lines += [" | ".join(str(cell) for cell in row) for row in rows]
    return "\n".join(lines) if len(lines) > 2 else f"{title}: none yet."


def _rate(part: int, whole: int) -> str:
    return f"{part / whole:.0%}" if whole else "–"


def _totals(session: Session) -> str:
    prospects = session.scalar(
        select(func.count()).select_from(Prospect).where(Prospect.deleted_at.is_(None))
    )
    contacts = session.scalar(
        select(func.count()).select_from(Contact).where(Contact.deleted_at.is_(None))
    )
    return f"Totals: {prospects} prospects, {contacts} contacts."


def _campaign(session: Session, campaign_id: str) -> str:
    campaign = get_live(session, Campaign, campaign_id, "campaign")
    audience = session.scalar(
        select(func.count())
        .select_from(CampaignRecipient)
        .where(
            CampaignRecipient.campaign_id == campaign.id,
            CampaignRecipient.deleted_at.is_(None),
        )
    )
    lines = [
        "The campaign to optimise:",
        f"name: {campaign.name}",
        f"channel: {campaign.channel}",
        f"status: {campaign.status}",
        f"recipients so far: {audience}",
    ]
    if campaign.subject:
        lines.append(f"subject: {campaign.subject}")
    if campaign.template_name:
        lines.append(f"WhatsApp template: {campaign.template_name} ({campaign.template_language})")
    lines.append(f"message:\n{campaign.body}")
    return "\n".join(lines)


def _past_campaigns(session: Session, *, exclude: str) -> str:
    sent = list(
        session.scalars(
            select(Campaign).where(
                Campaign.deleted_at.is_(None),
                Campaign.id != exclude,
                Campaign.sent_at.is_not(None),
            )
        )
    )
    stats = stats_for(session, [c.id for c in sent])
    by_channel: dict[str, list[int]] = {}
    scored = []
    for campaign in sent:
        s = stats.get(campaign.id)
        if s is None or not s.sent:
            continue
        totals = by_channel.setdefault(campaign.channel, [0, 0, 0])
        totals[0] += s.sent
        totals[1] += s.replied
        totals[2] += s.opened
        scored.append((s.replied / s.sent, campaign, s))
    rates = _table(
        "Past response rates by channel",
        "channel | sent | replied | response rate | opened rate",
        (
            (channel, t[0], t[1], _rate(t[1], t[0]), _rate(t[2], t[0]))
            for channel, t in sorted(by_channel.items())
        ),
    )
    scored.sort(key=lambda item: item[0], reverse=True)
    best, worst = scored[:3], scored[-3:] if len(scored) > 3 else []

    def described(items: list[tuple[float, Campaign, CampaignStats]], title: str) -> str:
        if not items:
            return ""
        lines = [f"{title}:"]
        for rate, campaign, s in items:
            lines.append(
                f"- {campaign.channel}, {s.sent} sent, response {rate:.0%}: "
                f"{campaign.body.strip()[:600]}"
            )
        return "\n".join(lines)

    return "\n\n".join(
        part
        for part in (
            rates,
            described(best, "Best past messages"),
            described(worst, "Worst past messages"),
        )
        if part
    )


def _prospect_figures(session: Session, language: str) -> str:
    live = Prospect.deleted_at.is_(None)

    def counts(column: Any, title: str, header: str, label: bool = False) -> str:
        rows = session.execute(
            select(column, func.count())
            .where(live)
            .group_by(column)
            .order_by(func.count().desc())
            .limit(TOP)
        ).all()
        return _table(
            title,
            header,
            ((sector_label(str(v or "–"), language) if label else (v or "–"), n) for v, n in rows),
        )

    client = PipelineStatus.CLIENT.value
    conversion = []
    for column, title in ((Contact.sector, "sector"), (Contact.city, "city")):
        rows = session.execute(
            select(
                column,
                func.count(),
                func.sum(case((Contact.status == client, 1), else_=0)),
            )
            .where(Contact.deleted_at.is_(None))
            .group_by(column)
            .order_by(func.count().desc())
            .limit(TOP)
        ).all()
        conversion.append(
            _table(
                f"Conversion to client by {title}",
                f"{title} | contacts | clients | rate",
                (
                    (
                        sector_label(str(v or "–"), language) if title == "sector" else v or "–",
                        n,
                        c or 0,
                        _rate(int(c or 0), n),
                    )
                    for v, n, c in rows
                ),
            )
        )
    statuses = session.execute(
        select(Contact.status, func.count())
        .where(Contact.deleted_at.is_(None))
        .group_by(Contact.status)
    ).all()
    since = utcnow() - timedelta(days=30)
    recent = session.execute(
        select(Prospect.sector, Prospect.city, func.count())
        .where(live, Prospect.created_at >= since)
        .group_by(Prospect.sector, Prospect.city)
        .order_by(func.count().desc())
        .limit(TOP)
    ).all()
    return "\n\n".join(
        [
            counts(Prospect.sector, "Prospects by sector", "sector | prospects", label=True),
            counts(Prospect.city, "Prospects by city", "city | prospects"),
            counts(Prospect.source, "Prospects by source", "source | prospects"),
            _table("Contacts by pipeline status", "status | contacts", statuses),
            *conversion,
            _table(
                "Prospected in the last 30 days",
                "sector | city | new prospects",
                ((sector_label(s or "–", language), c or "–", n) for s, c, n in recent),
            ),
        ]
    )


def _contacts(session: Session) -> str:
    rows = session.execute(
        select(
            Contact.first_name,
            Contact.last_name,
            Contact.company,
            Contact.city,
            Contact.status,
            Contact.phone_e164,
            Contact.email,
        )
        .where(Contact.deleted_at.is_(None))
        .order_by(Contact.updated_at.desc())
        .limit(PERSONAL_LIMIT)
    ).all()
    return _table(
        "Contacts (the user allowed their details in this conversation)",
        "name | company | city | status | phone | e-mail",
        (
            (f"{first} {last}".strip(), company, city, status, phone or "", email)
            for first, last, company, city, status, phone, email in rows
        ),
    )
