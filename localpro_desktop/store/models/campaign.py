"""A message campaign over one channel, and the people it goes to."""

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from localpro_desktop.store.models.base import Base, SyncedMixin
from localpro_protocol.wire import Table


class Campaign(SyncedMixin, Base):
    __tablename__ = Table.CAMPAIGNS.value

    name: Mapped[str] = mapped_column(String(200))
    channel: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20), default="draft", index=True)
    subject: Mapped[str] = mapped_column(String(300), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    segment_id: Mapped[str | None] = mapped_column(
        ForeignKey("segments.id", ondelete="SET NULL"), default=None
    )
    scheduled_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    completed_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    failure_reason: Mapped[str] = mapped_column(String(400), default="")
    sender_device_id: Mapped[str] = mapped_column(String(36), default="")
    """The laptop that pressed Send: only it dispatches (others show its progress)."""
    paused_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    cancelled_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    template_name: Mapped[str] = mapped_column(String(200), default="")
    """WhatsApp: the approved template the first message uses (empty: free text)."""
    template_language: Mapped[str] = mapped_column(String(20), default="")
    template_vars: Mapped[list[str]] = mapped_column(default=list)
    """WhatsApp: the contact field that fills each template variable, in order."""
    attachment_path: Mapped[str] = mapped_column(String(500), default="")
    """E-mail: an image or PDF on the sending laptop (empty: none)."""


class CampaignRecipient(SyncedMixin, Base):
    __tablename__ = Table.CAMPAIGN_RECIPIENTS.value

    campaign_id: Mapped[str] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"))
    contact_id: Mapped[str] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    address: Mapped[str] = mapped_column(String(320), default="")
    rendered_subject: Mapped[str] = mapped_column(String(300), default="")
    rendered_body: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="pending")
    provider_id: Mapped[str] = mapped_column(String(200), default="")
    error: Mapped[str] = mapped_column(String(400), default="")
    queued_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    delivered_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    opened_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    replied_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    failed_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)

    __table_args__ = (
        Index("ix_campaign_recipients_campaign_status", "campaign_id", "status"),
        Index("ix_campaign_recipients_contact", "contact_id"),
        Index("ix_campaign_recipients_sent_at", "sent_at"),
        # Provider receipts find their recipient by the provider's message id (0008).
        Index("ix_campaign_recipients_provider_id", "provider_id"),
    )
