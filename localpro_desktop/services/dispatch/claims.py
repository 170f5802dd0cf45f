"""Which outbox messages may leave now, and taking them: marked ``sending`` and committed,
a batch per transaction, before any provider is called."""

from __future__ import annotations

import mimetypes
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Select,
    bindparam,
    literal_column,
    or_,
    select,
    update,
)

from localpro_desktop.channels.base import Attachment, ChannelKind, OutboundMessage, SendError
from localpro_desktop.domain.campaigns import CampaignStatus
from localpro_desktop.domain.messages import outbox as msg
from localpro_desktop.domain.outbox import OutboxState, check_move, is_attachable, template_pairs
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import Campaign, OutboxMessage


@dataclass(frozen=True)
class Claimed:
    """One outbox message as a sending thread needs it (a plain value, no ORM state)."""

    id: str
    key: str
    campaign_id: str
    recipient_id: str
    channel: ChannelKind
    address: str
    subject: str
    body: str
    attempts: int
    """Counting the attempt under way."""
    started: datetime
    """When the attempt started (``attempt_started_at``): a look-up asks from then."""
    extra: Mapping[str, Any] = field(default_factory=dict)


def sendable(device_id: str | BindParameter[str]) -> list[ColumnElement[bool]]:
    """The campaign conditions for its messages to leave from this laptop.

    Sent (queued), neither paused nor cancelled nor deleted, and sent *from here*: a
    campaign another laptop took over (its device id) is never dispatched here, whatever
    this laptop's outbox still holds. An empty sender is a campaign queued before
    campaigns knew their sender; the outbox is local, so its messages were queued here.
    """
    return [
        Campaign.status == CampaignStatus.SENT.value,
        Campaign.paused_at.is_(None),
        Campaign.cancelled_at.is_(None),
        Campaign.deleted_at.is_(None),
        or_(Campaign.sender_device_id == device_id, Campaign.sender_device_id == ""),
    ]


_COLUMNS = (
    OutboxMessage.id,
    OutboxMessage.key,
    OutboxMessage.campaign_id,
    OutboxMessage.recipient_id,
    OutboxMessage.channel,
    OutboxMessage.address,
    OutboxMessage.subject,
    OutboxMessage.body,
    OutboxMessage.attempts,
    OutboxMessage.attempt_started_at,
    OutboxMessage.updated_at,
    OutboxMessage.extra,
)


def _claimed(row: Any, *, attempts: int | None = None, started: datetime | None = None) -> Claimed:
    return Claimed(
        id=row.id,
        key=row.key,
        campaign_id=row.campaign_id,
        recipient_id=row.recipient_id,
        channel=ChannelKind(row.channel),
        address=row.address,
        subject=row.subject,
        body=row.body,
        attempts=row.attempts if attempts is None else attempts,
        started=started or row.attempt_started_at or row.updated_at,
        extra=dict(row.extra or {}),
    )


def _due_statement() -> Select[Any]:
    """The due messages of one channel, oldest due first, as prepared once (bound values:
    ``when``, ``kind``, ``device``, ``count``)."""
    return (
        select(*_COLUMNS)
        .join(Campaign, Campaign.id == OutboxMessage.campaign_id)
        .where(
            OutboxMessage.state == OutboxState.QUEUED.value,
            OutboxMessage.next_attempt_at <= bindparam("when"),
            OutboxMessage.channel == bindparam("kind"),
            *sendable(bindparam("device")),
        )
        # The due index's own order (ties in insertion order): no sort of every message
        # queued at the same instant before each claim.
        .order_by(OutboxMessage.next_attempt_at)
        .limit(bindparam("count"))
    )


_DUE = _due_statement()
_MARK = (
    update(OutboxMessage)
    .where(
        OutboxMessage.id.in_(bindparam("ids", expanding=True)),
        # ``+state``: SQLite's way to keep a term off an index. Without it the planner
        # reads the rows by the due index (state = 'queued': every queued message) rather
        # than by id, 5 ms a claim on a 10,000-message campaign instead of 0.2 ms.
        literal_column("+outbox_messages.state") == OutboxState.QUEUED.value,
    )
    .values(
        state=OutboxState.SENDING.value,
        attempts=OutboxMessage.attempts + 1,
        attempt_started_at=bindparam("when"),
        updated_at=bindparam("when"),
    )
)


def claim(ws: Workspace, kind: ChannelKind, when: datetime, count: int) -> list[Claimed]:
    """Mark up to ``count`` due messages of ``kind`` ``sending``, committed on return.

    One write transaction (SQLite's ``BEGIN IMMEDIATE``): no other writer can take or
    change them between the look and the mark.
    """
    if count <= 0:
        return []
    check_move(OutboxState.QUEUED, OutboxState.SENDING)
    with ws.write() as session:
        connection = session.connection()  # plain rows: no ORM objects to build or track
        rows = connection.execute(
            _DUE, {"when": when, "kind": kind.value, "device": ws.device_id, "count": count}
        ).all()
        if not rows:
            return []
        connection.execute(_MARK, {"ids": [row.id for row in rows], "when": when})
    return [_claimed(row, attempts=row.attempts + 1, started=when) for row in rows]


def left_sending(ws: Workspace, kinds: Sequence[ChannelKind]) -> list[Claimed]:
    """Messages an earlier run left ``sending`` (a crash, a kill, a cut): to resolve first."""
    with ws.read() as session:
        rows = session.execute(
            select(*_COLUMNS)
            .where(
                OutboxMessage.state == OutboxState.SENDING.value,
                OutboxMessage.channel.in_([kind.value for kind in kinds]),
            )
            .order_by(OutboxMessage.id)
        ).all()
    return [_claimed(row) for row in rows]


def outbound(row: Claimed) -> OutboundMessage:
    """The adapter's message from the outbox row and its ``extra`` (rendered at queue time).

    Raises ``SendError`` (permanent) for an attachment that is neither an image nor a PDF.
    """
    extra = row.extra
    attachments: tuple[Attachment, ...] = ()
    if attachment := str(extra.get("attachment") or ""):
        path = Path(attachment)
        content_type = mimetypes.guess_type(path.name)[0] or ""
        if not is_attachable(content_type):
            words = str(msg.NOT_ATTACHABLE(name=path.name))
            raise SendError("attachment", words, transient=False)
        attachments = (Attachment(path, content_type),)
    names, values = template_pairs(extra.get("template_params"))
    return OutboundMessage(
        key=row.key,
        to=row.address,
        body=row.body,
        subject=row.subject,
        html=str(extra.get("html") or ""),
        attachments=attachments,
        unsubscribe_url=str(extra.get("unsubscribe_url") or ""),
        template=str(extra.get("template") or ""),
        template_language=str(extra.get("template_language") or ""),
        template_params=values,
        template_param_names=names,
    )
