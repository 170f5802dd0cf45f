"""Writing a campaign's content and recipients (in the caller's transaction).

``CampaignService`` (create, edit, save a draft) and ``campaign_sending`` (a follow-up
draft) share these; none commits.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import EllipsisType

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from localpro_desktop.domain.campaigns import (
    CampaignStatus,
    Channel,
    RecipientStatus,
    check_campaign_move,
    is_editable,
    parse_template_vars,
)
from localpro_desktop.domain.changes import ChangeSet
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.ids import new_ids, utcnow
from localpro_desktop.domain.messages import campaigns as msg
from localpro_desktop.domain.templates import check_template
from localpro_desktop.services.campaign_audience import (
    FIELD_NAMES,
    Audience,
    address_for,
    audience_in,
    personal_fields,
)
from localpro_desktop.services.campaign_bulk import insert_rows
from localpro_desktop.services.campaign_render import compile_template
from localpro_desktop.services.records import get_live
from localpro_desktop.store.models import Campaign, CampaignRecipient
from localpro_protocol.wire import Table

ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
"""10 MB: under every common mail server's limit once encoded (base64 adds a third)."""

# Content types by their first bytes: the name's extension alone could lie.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
)


@dataclass(frozen=True)
class MessageOptions:
    """What only some channels use: a WhatsApp template, an e-mail attachment."""

    template_name: str = ""
    template_language: str = ""
    template_vars: tuple[str, ...] = ()
    """Each "NAME=FIELD" (or "NAME=FIELD|fallback"); FIELD a contact field."""
    attachment_path: str = ""


def attachment_content_type(path: Path) -> str | None:
    """``image/png``, ``application/pdf``… from the file's first bytes; None: neither."""
    try:
        with path.open("rb") as handle:
            head = handle.read(16)
    except OSError:
        return None
    for magic, content_type in _SIGNATURES:
        if head.startswith(magic):
            return content_type
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    return None


def check_attachment(path_text: str) -> str:
    """The attachment's absolute path, or a ``UserError`` saying what is wrong with it."""
    path = Path(path_text).expanduser()
    if not path.is_file():
        raise UserError(msg.ATTACHMENT_MISSING, path=str(path))
    size = path.stat().st_size
    if size > ATTACHMENT_MAX_BYTES:
        raise UserError(
            msg.ATTACHMENT_TOO_BIG,
            name=path.name,
            size=f"{size / 1024 / 1024:.1f}",
            limit=ATTACHMENT_MAX_BYTES // (1024 * 1024),
        )
    if attachment_content_type(path) is None:
        raise UserError(msg.ATTACHMENT_TYPE, name=path.name)
    return str(path.resolve())


def apply_options(campaign: Campaign, channel: Channel, options: MessageOptions) -> None:
    """Check and store a template (WhatsApp only) and an attachment (e-mail only)."""
    name = options.template_name.strip()
    if name and channel is not Channel.WHATSAPP:
        raise UserError(msg.TEMPLATE_ONLY_WHATSAPP)
    if name and not options.template_language.strip():
        raise UserError(msg.TEMPLATE_NEEDS_LANGUAGE)
    variables = parse_template_vars(options.template_vars, FIELD_NAMES) if name else []
    attachment = options.attachment_path.strip()
    if attachment and channel is not Channel.EMAIL:
        raise UserError(msg.ATTACHMENT_ONLY_EMAIL)
    campaign.template_name = name
    campaign.template_language = options.template_language.strip() if name else ""
    campaign.template_vars = [str(v) for v in variables]
    campaign.attachment_path = check_attachment(attachment) if attachment else ""


def fitting_options(options: MessageOptions, channel: Channel) -> MessageOptions:
    """Only what ``channel`` uses: a composer switched to SMS keeps no stale template."""
    whatsapp, email = channel is Channel.WHATSAPP, channel is Channel.EMAIL
    return MessageOptions(
        options.template_name if whatsapp else "",
        options.template_language if whatsapp else "",
        options.template_vars if whatsapp else (),
        options.attachment_path if email else "",
    )


def options_of(campaign: Campaign) -> MessageOptions:
    return MessageOptions(
        campaign.template_name or "",
        campaign.template_language or "",
        tuple(campaign.template_vars or ()),
        campaign.attachment_path or "",
    )


def insert_campaign(
    session: Session,
    changes: ChangeSet,
    name: str,
    channel: Channel,
    body: str,
    *,
    subject: str,
    segment_id: str | None,
    options: MessageOptions | None = None,
) -> Campaign:
    if not name.strip():
        raise UserError(msg.NEEDS_NAME)
    check_template(body)
    if channel is Channel.EMAIL:
        check_template(subject)
    campaign = Campaign(
        name=name.strip(),
        channel=channel.value,
        body=body,
        subject=subject,
        segment_id=segment_id,
    )
    apply_options(campaign, channel, options or MessageOptions())
    session.add(campaign)
    session.flush()
    changes.add(Table.CAMPAIGNS, campaign.id)
    return campaign


def editable(session: Session, campaign_id: str) -> Campaign:
    campaign = get_live(session, Campaign, campaign_id, "campaign")
    if not is_editable(CampaignStatus(campaign.status)):
        raise UserError(
            msg.NOT_EDITABLE, name=campaign.name, status=CampaignStatus(campaign.status).word
        )
    return campaign


def apply_content(
    session: Session,
    changes: ChangeSet,
    campaign: Campaign,
    name: str | None,
    body: str | None,
    subject: str | None,
    channel: Channel | None,
    segment_id: str | EllipsisType | None,
) -> None:
    """The edit ``update_content`` and ``save_draft`` share (``...`` keeps the segment)."""
    if name is not None:
        campaign.name = name.strip() or campaign.name
    if body is not None:
        check_template(body)
        campaign.body = body
    if subject is not None:
        check_template(subject)
        campaign.subject = subject
    if segment_id is not ...:
        campaign.segment_id = segment_id
    if channel is not None and channel.value != campaign.channel:
        campaign.channel = channel.value
        drop_recipients(session, campaign.id)
        changes.touch(Table.CAMPAIGN_RECIPIENTS)
    changes.add(Table.CAMPAIGNS, campaign.id)


def drop_recipients(session: Session, campaign_id: str) -> None:
    """Tombstone every live recipient of a campaign (one statement)."""
    now = utcnow()
    session.execute(
        update(CampaignRecipient)
        .where(
            CampaignRecipient.campaign_id == campaign_id,
            CampaignRecipient.deleted_at.is_(None),
        )
        .values(deleted_at=now, updated_at=now)
        .execution_options(synchronize_session=False)
    )


def replace_recipients(
    session: Session,
    campaign: Campaign,
    contact_ids: Sequence[str],
    changes: ChangeSet,
) -> Audience:
    """The reachable contacts become the recipients, each message rendered for them."""
    channel = Channel(campaign.channel)
    audience = audience_in(session, channel, contact_ids)
    drop_recipients(session, campaign.id)
    now = utcnow()
    with_subject = channel is Channel.EMAIL and bool(campaign.subject)
    subject_of = compile_template(campaign.subject or "")
    body_of = compile_template(campaign.body or "")
    rows = []
    for recipient_id, contact in zip(
        new_ids(len(audience.included)), audience.included, strict=True
    ):
        address, _ = address_for(contact, channel)
        fields = personal_fields(contact)
        rows.append(
            {
                "id": recipient_id,
                "campaign_id": campaign.id,
                "contact_id": contact.id,
                "address": address or "",
                "rendered_subject": subject_of(fields) if with_subject else "",
                "rendered_body": body_of(fields),
                "status": RecipientStatus.PENDING.value,
                "provider_id": "",
                "error": "",
                "created_at": now,
                "updated_at": now,
            }
        )
    insert_rows(session, CampaignRecipient, rows)
    changes.add(Table.CAMPAIGNS, campaign.id)
    changes.touch(Table.CAMPAIGN_RECIPIENTS)
    return audience


def move_in(campaign: Campaign, target: CampaignStatus, values: dict[str, object]) -> None:
    check_campaign_move(CampaignStatus(campaign.status), target)
    campaign.status = target.value
    for key, value in values.items():
        setattr(campaign, key, value)


def recipient_contact_ids(
    session: Session, campaign_id: str, statuses: Sequence[RecipientStatus] | None = None
) -> list[str]:
    query = select(CampaignRecipient.contact_id).where(
        CampaignRecipient.campaign_id == campaign_id,
        CampaignRecipient.deleted_at.is_(None),
    )
    if statuses is not None:
        query = query.where(CampaignRecipient.status.in_([s.value for s in statuses]))
    return [str(i) for i in session.scalars(query.order_by(CampaignRecipient.id))]
