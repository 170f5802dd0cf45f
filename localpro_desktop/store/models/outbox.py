"""The local outbox: one row per message to send (local only, never synced).

Only the laptop that pressed Send dispatches a campaign, so the outbox is bookkeeping of
this device, like ``sync_outbox``: no change-capture triggers, no tombstone.
"""

from datetime import datetime
from typing import Any

from sqlalchemy import DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from localpro_desktop.domain.ids import new_id, utcnow
from localpro_desktop.store.models.base import Base


class OutboxMessage(Base):
    __tablename__ = "outbox_messages"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    key: Mapped[str] = mapped_column(String(80), unique=True)
    """The stable idempotency key (the campaign recipient's id)."""
    campaign_id: Mapped[str] = mapped_column(String(36))
    recipient_id: Mapped[str] = mapped_column(String(36))
    channel: Mapped[str] = mapped_column(String(20))
    address: Mapped[str] = mapped_column(String(320))
    subject: Mapped[str] = mapped_column(String(300), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(20), default="queued")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    attempt_started_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    provider_id: Mapped[str] = mapped_column(String(200), default="")
    error_code: Mapped[str] = mapped_column(String(40), default="")
    error_words: Mapped[str] = mapped_column(String(400), default="")
    extra: Mapped[dict[str, Any]] = mapped_column(default=dict)
    """What only some channels use, rendered at queue time: ``html``, ``attachment``
    (path), ``unsubscribe_url``, ``template``, ``template_language``, ``template_params``."""
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    __table_args__ = (
        Index("ix_outbox_messages_due", "state", "next_attempt_at"),
        Index("ix_outbox_messages_campaign", "campaign_id", "state"),
    )
