"""The AI assistant's conversations and token use: synced, so a second laptop sees them.

``ai_usage`` is append-only like ``usage_events``: two laptops offline the same month
each add their own rows, and the month's total is their sum.
"""

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from localpro_desktop.domain.ids import utcnow
from localpro_desktop.store.models.base import Base, SyncedMixin
from localpro_protocol.wire import Table


class AiConversation(SyncedMixin, Base):
    __tablename__ = Table.AI_CONVERSATIONS.value

    title: Mapped[str] = mapped_column(String(200), default="")
    mode: Mapped[str] = mapped_column(String(20), default="general")
    """general | campaign | prospects"""
    campaign_id: Mapped[str | None] = mapped_column(String(36), default=None)
    personal_data: Mapped[bool] = mapped_column(Boolean, default=False)
    """The user allowed contacts' names, numbers and e-mails in this conversation's context."""


class AiMessage(SyncedMixin, Base):
    __tablename__ = Table.AI_MESSAGES.value

    # No foreign key: a message may arrive by sync before its conversation.
    conversation_id: Mapped[str] = mapped_column(String(36))
    role: Mapped[str] = mapped_column(String(12))
    """user | assistant"""
    text: Mapped[str] = mapped_column(Text, default="")
    model: Mapped[str] = mapped_column(String(100), default="")
    state: Mapped[str] = mapped_column(String(12), default="done")
    """done | stopped (the user stopped it) | failed (the question stays, with no answer)"""
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (Index("ix_ai_messages_conversation_at", "conversation_id", "at"),)


class AiUsage(SyncedMixin, Base):
    __tablename__ = Table.AI_USAGE.value

    kind: Mapped[str] = mapped_column(String(12))
    """chat | improve | words"""
    model: Mapped[str] = mapped_column(String(100), default="")
    month: Mapped[str] = mapped_column(String(7))
    """YYYY-MM (UTC), as usage_events."""
    prompt_tokens: Mapped[int] = mapped_column(Integer, default=0)
    completion_tokens: Mapped[int] = mapped_column(Integer, default=0)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (Index("ix_ai_usage_month", "month"),)
