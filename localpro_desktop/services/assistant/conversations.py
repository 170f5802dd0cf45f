"""Conversations with the assistant, kept in the workspace and synced like the rest."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from localpro_desktop.domain.changes import ChangeSet
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.ids import utcnow
from localpro_desktop.domain.messages import assistant as msg
from localpro_desktop.services.assistant.context import Mode
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import AiConversation, AiMessage
from localpro_protocol.wire import Table

TITLE_LENGTH = 60
HISTORY = 20
"""Earlier messages sent again with a question: enough to follow a conversation."""


@dataclass(frozen=True, slots=True)
class ConversationRow:
    id: str
    title: str
    mode: Mode
    campaign_id: str | None
    personal_data: bool
    updated_at: datetime
    messages: int


@dataclass(frozen=True, slots=True)
class ChatMessage:
    id: str
    role: str
    """user | assistant"""
    text: str
    model: str
    state: str
    """done | stopped | failed"""
    at: datetime


def title_of(question: str) -> str:
    line = " ".join(question.split())
    return line if len(line) <= TITLE_LENGTH else line[: TITLE_LENGTH - 1] + "…"


def list_conversations(
    ws: Workspace, limit: int = 200, *, only: str | None = None
) -> list[ConversationRow]:
    """Newest first (by their last message); ``only``: that one conversation."""
    counts = (
        select(
            AiMessage.conversation_id, func.count().label("n"), func.max(AiMessage.at).label("last")
        )
        .where(AiMessage.deleted_at.is_(None))
        .group_by(AiMessage.conversation_id)
        .subquery()
    )
    query = (
        select(AiConversation, counts.c.n, counts.c.last)
        .outerjoin(counts, counts.c.conversation_id == AiConversation.id)
        .where(AiConversation.deleted_at.is_(None))
        .order_by(func.coalesce(counts.c.last, AiConversation.updated_at).desc())
        .limit(limit)
    )
    if only is not None:
        query = query.where(AiConversation.id == only)
    with ws.read() as session:
        return [
            ConversationRow(
                c.id,
                c.title,
                Mode(c.mode) if c.mode in set(Mode) else Mode.GENERAL,
                c.campaign_id,
                c.personal_data,
                last or c.updated_at,
                int(n or 0),
            )
            for c, n, last in session.execute(query)
        ]


def get(ws: Workspace, conversation_id: str) -> ConversationRow:
    found = list_conversations(ws, limit=1, only=conversation_id)
    if not found:
        raise UserError(msg.NO_CONVERSATION, ident=conversation_id)
    return found[0]


def messages_of(ws: Workspace, conversation_id: str) -> list[ChatMessage]:
    with ws.read() as session:
        rows = session.scalars(
            select(AiMessage)
            .where(AiMessage.conversation_id == conversation_id, AiMessage.deleted_at.is_(None))
            .order_by(AiMessage.at, AiMessage.created_at)
        ).all()
        return [ChatMessage(m.id, m.role, m.text, m.model, m.state, m.at) for m in rows]


def start(
    ws: Workspace,
    mode: Mode,
    *,
    title: str,
    campaign_id: str | None = None,
    personal: bool = False,
) -> str:
    changes = ChangeSet()
    with ws.write(changes) as session:
        row = AiConversation(
            title=title_of(title),
            mode=mode.value,
            campaign_id=campaign_id,
            personal_data=personal,
        )
        session.add(row)
        session.flush()
        changes.add(Table.AI_CONVERSATIONS, row.id)
        return row.id


def set_personal(ws: Workspace, conversation_id: str, allowed: bool) -> None:
    """Allow (or no longer allow) contacts' details in this conversation's context."""
    changes = ChangeSet()
    with ws.write(changes) as session:
        row = session.get(AiConversation, conversation_id)
        if row is None or row.deleted_at is not None:
            raise UserError(msg.NO_CONVERSATION, ident=conversation_id)
        row.personal_data = allowed
        changes.add(Table.AI_CONVERSATIONS, row.id)


def delete(ws: Workspace, conversation_id: str) -> None:
    changes = ChangeSet()
    with ws.write(changes) as session:
        row = session.get(AiConversation, conversation_id)
        if row is None or row.deleted_at is not None:
            raise UserError(msg.NO_CONVERSATION, ident=conversation_id)
        now = utcnow()
        row.deleted_at = now
        changes.add(Table.AI_CONVERSATIONS, row.id)
        for message in session.scalars(
            select(AiMessage).where(AiMessage.conversation_id == conversation_id)
        ):
            message.deleted_at = now
            changes.add(Table.AI_MESSAGES, message.id)


def add_message(
    ws: Workspace,
    conversation_id: str,
    role: str,
    text: str,
    *,
    model: str = "",
    state: str = "done",
) -> str:
    changes = ChangeSet()
    with ws.write(changes) as session:
        row = AiMessage(
            conversation_id=conversation_id,
            role=role,
            text=text,
            model=model,
            state=state,
            at=utcnow(),
        )
        session.add(row)
        session.flush()
        changes.add(Table.AI_MESSAGES, row.id)
        conversation = session.get(AiConversation, conversation_id)
        if conversation is not None:
            conversation.updated_at = utcnow()
        return row.id


def history(said: list[ChatMessage]) -> list[dict[str, str]]:
    """A conversation's last answered exchanges (``messages_of``), as chat messages for the
    next question."""
    done = [m for m in said if m.text and (m.role == "user" or m.state in ("done", "stopped"))]
    return [{"role": m.role, "content": m.text} for m in done[-HISTORY:]]
