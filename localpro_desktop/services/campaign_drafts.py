"""The campaign composer's use cases: who it reaches, open a draft, save it, send it.

Headless (no Qt): the Campaigns screen runs these on its database worker and the CLI can
call them as they are. Each returns frozen snapshots, never a session-bound row.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path

from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.domain.plans import LimitCheck, Metric, Plan, PlanLimitError, next_reset
from localpro_desktop.domain.sms import parts_spread
from localpro_desktop.domain.templates import render
from localpro_desktop.services import channel_setup, usage
from localpro_desktop.services.campaign_audience import FIELD_NAMES, ContactFacts
from localpro_desktop.services.campaign_content import MessageOptions, check_attachment
from localpro_desktop.services.campaign_views import CampaignRow, campaign_row
from localpro_desktop.services.campaigns import (
    Audience,
    CampaignService,
    Exclusion,
    address_for,
    fallback_fields,
    personal_fields,
)
from localpro_desktop.services.segments import SegmentInfo, SegmentService
from localpro_desktop.services.workspace import Workspace

_ALL = 1_000_000
"""``CampaignService.recipients`` pages; editing needs every recipient id at once."""


@dataclass(frozen=True)
class RecipientSource:
    """Who a campaign goes to: a segment (resolved when saving) or hand-picked contacts."""

    segment_id: str | None = None
    contact_ids: tuple[str, ...] = ()

    @property
    def chosen(self) -> bool:
        return self.segment_id is not None or bool(self.contact_ids)


@dataclass(frozen=True)
class CampaignDraft:
    """What the composer holds; ``schedule_at`` is naive UTC, None keeps it a draft.

    WhatsApp: ``template_name`` (an approved template; empty: free text), its
    ``template_language`` and ``template_vars``, each "NAME=FIELD" (or
    "NAME=FIELD|fallback") with FIELD one of ``TEMPLATE_FIELDS``. E-mail:
    ``attachment_path``, an image or PDF of at most 10 MB. What the channel does not use
    is dropped when saving.
    """

    campaign_id: str | None
    name: str
    channel: Channel
    subject: str
    body: str
    source: RecipientSource
    schedule_at: datetime | None = None
    template_name: str = ""
    template_language: str = ""
    template_vars: Sequence[str] = ()
    attachment_path: str = ""

    @property
    def options(self) -> MessageOptions:
        return MessageOptions(
            self.template_name,
            self.template_language,
            tuple(self.template_vars),
            self.attachment_path,
        )


TEMPLATE_FIELDS: tuple[str, ...] = FIELD_NAMES
"""The contact fields a WhatsApp template variable may be filled from."""


def validate_attachment(path: str) -> str:
    """The attachment's absolute path, or a ``UserError`` saying what is wrong (the
    composer asks as soon as a file is picked)."""
    return check_attachment(path)


# -- the audience -------------------------------------------------------------------------


@dataclass(frozen=True)
class AudienceMember:
    """One reachable contact as the preview needs it: its fields and its addresses."""

    id: str
    display_name: str
    company: str
    city: str
    fields: Mapping[str, str]
    """The template's personal fields (``{{first_name}}``…) filled for this person."""
    addresses: Mapping[Channel, str | None]
    fallbacks: Mapping[str, str] = field(default_factory=dict)
    """Fields filled from another for this person (``first_name`` → ``company``)."""

    def address(self, channel: Channel) -> str | None:
        return self.addresses.get(channel)


def audience_member(contact: ContactFacts) -> AudienceMember:
    return AudienceMember(
        id=contact.id,
        display_name=contact.display_name,
        company=contact.company or "",
        city=contact.city or "",
        fields=personal_fields(contact),
        addresses={channel: address_for(contact, channel)[0] for channel in Channel},
        fallbacks=fallback_fields(contact),
    )


@dataclass(frozen=True)
class AudienceView:
    """Who a campaign would reach, and who it leaves out and why."""

    included: tuple[AudienceMember, ...] = ()
    excluded: tuple[Exclusion, ...] = field(default=())

    def excluded_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for exclusion in self.excluded:
            counts[exclusion.reason] = counts.get(exclusion.reason, 0) + 1
        return counts


def audience_view(audience: Audience) -> AudienceView:
    return AudienceView(
        tuple(audience_member(c) for c in audience.included), tuple(audience.excluded)
    )


def list_segments(ws: Workspace) -> list[SegmentInfo]:
    return SegmentService(ws).list()


def resolve_contact_ids(ws: Workspace, source: RecipientSource) -> list[str]:
    """A segment's members now (segments are live), or the hand-picked ids."""
    if source.segment_id is not None:
        return SegmentService(ws).contact_ids(source.segment_id)
    return list(source.contact_ids)


def compute_audience(ws: Workspace, channel: Channel, source: RecipientSource) -> AudienceView:
    """Who would receive it on ``channel``, and who is left out and why."""
    if not source.chosen:
        return AudienceView()
    return audience_view(CampaignService(ws).audience(channel, resolve_contact_ids(ws, source)))


# -- opening and saving -------------------------------------------------------------------


@dataclass(frozen=True)
class EditState:
    """A saved campaign as the composer reopens it, with its current recipients."""

    row: CampaignRow
    recipient_ids: tuple[str, ...]
    segment_live: bool


def load_for_editing(ws: Workspace, campaign_id: str) -> EditState:
    svc = CampaignService(ws)
    campaign = svc.get(campaign_id)
    row = campaign_row(campaign, svc.stats(campaign_id))
    ids = tuple(r.contact_id for r, _name in svc.recipients(campaign_id, limit=_ALL))
    live = False
    if row.segment_id is not None:
        live = any(s.id == row.segment_id for s in SegmentService(ws).list())
    return EditState(row, ids, live)


def save_draft(ws: Workspace, draft: CampaignDraft, *, initiator: object | None = None) -> str:
    """Write the draft's content, recipients and schedule in one transaction; its id.

    The segment's members are read first (a segment is live: who is in it now), then
    ``CampaignService.save_draft`` writes everything at once and publishes one change set.
    """
    return CampaignService(ws).save_draft(
        draft.campaign_id,
        name=draft.name,
        channel=draft.channel,
        body=draft.body,
        subject=draft.subject,
        segment_id=draft.source.segment_id,
        contact_ids=resolve_contact_ids(ws, draft.source),
        schedule_at=draft.schedule_at,
        options=draft.options,
        initiator=initiator,
    )


# -- sending ------------------------------------------------------------------------------


@dataclass(frozen=True)
class SendOutcome:
    """The result of Send: queued, or refused (the draft is kept either way).

    ``refused``: by the plan; ``not_set_up``: no service can send on that channel yet.
    """

    campaign_id: str
    queued: int
    refused: LimitCheck | None = None
    resets_on: date | None = None
    not_set_up: Channel | None = None


def send_now(ws: Workspace, draft: CampaignDraft, *, at_most: int | None = None) -> SendOutcome:
    """Save, then queue every recipient; a plan refusal comes back as data, not an error.

    Two transactions on purpose: a refused send keeps the saved draft. The refusal is
    returned rather than raised so a screen can explain it with the numbers, in the
    user's language. ``at_most``: see ``campaign_sending.send``.
    """
    campaign_id = save_draft(ws, replace(draft, schedule_at=None))
    svc = CampaignService(ws)
    try:
        svc.queue_send(campaign_id, at_most=at_most)
    except PlanLimitError as exc:
        return SendOutcome(campaign_id, 0, exc.check, next_reset(usage.today_utc()))
    except channel_setup.ChannelNotSetUpError as exc:
        return SendOutcome(campaign_id, 0, not_set_up=exc.channel)
    return SendOutcome(campaign_id, svc.stats(campaign_id).by_status.get("queued", 0))


def sms_spread(body: str, members: Iterable[AudienceMember]) -> dict[int, int]:
    """How many recipients' SMS cost 1 part, 2 parts…: each is counted as rendered for them.

    One name with "ï" switches only that person's message to Unicode, so one number for
    everyone ("each SMS is about 2 parts") would be wrong for most of them. Pure (no
    database) but worth a worker for thousands of recipients.
    """
    return parts_spread(render(body, dict(member.fields)) for member in members)


def message_quota(ws: Workspace) -> tuple[usage.UsageLine, Plan]:
    """This month's message usage against the plan, for the Send confirmation."""
    plan = ws.settings().plan
    with ws.read() as session:
        return usage.report(session, plan).line(Metric.MESSAGES), plan


def duplicate(ws: Workspace, campaign_id: str, name: str) -> str:
    """A new draft with the same channel, content and segment (recipients are re-chosen)."""
    svc = CampaignService(ws)
    source = svc.get(campaign_id)
    return svc.create(
        name,
        Channel(source.channel),
        source.body,
        subject=source.subject,
        segment_id=source.segment_id,
        options=MessageOptions(
            source.template_name or "",
            source.template_language or "",
            tuple(source.template_vars or ()),
            # A file missing on this computer is left out rather than refusing the copy.
            source.attachment_path if Path(source.attachment_path or "").is_file() else "",
        ),
    ).id


def delete(ws: Workspace, campaign_id: str) -> None:
    CampaignService(ws).delete(campaign_id)
