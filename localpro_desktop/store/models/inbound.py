"""Provider events synced from the cloud, per-channel opt-outs, and what this laptop applied.

``inbound_events`` is written by the cloud only (receipts, replies, opt-outs the providers
reported for the account) and reaches every laptop by sync. ``contact_opt_outs`` is written
by laptops (the applier, or a person) with ids derived from the contact and the channel, so
two laptops applying the same event write the same row. ``inbound_applied`` is this
laptop's own bookkeeping (never synced, like the outbox): which events it has applied, and
the contact and campaign recipient each one was matched to.
"""

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from localpro_desktop.domain.ids import utcnow
from localpro_desktop.store.models.base import Base, SyncedMixin
from localpro_protocol.wire import Table


class InboundEvent(SyncedMixin, Base):
    __tablename__ = Table.INBOUND_EVENTS.value

    kind: Mapped[str] = mapped_column(String(20))
    """receipt | inbound | opt_out | opt_in"""
    channel: Mapped[str] = mapped_column(String(20))
    provider: Mapped[str] = mapped_column(String(20))
    message_id: Mapped[str] = mapped_column(String(200), default="")
    """Receipts and opt-outs: the provider's id of the message we sent (for e-mail, the
    outbox key); inbound: the provider's id of the message received."""
    status: Mapped[str] = mapped_column(String(20), default="")
    error_code: Mapped[str] = mapped_column(String(40), default="")
    error_words: Mapped[str] = mapped_column(String(400), default="")
    address: Mapped[str] = mapped_column(String(320), default="")
    """The person's phone (E.164) or e-mail address (lower case)."""
    text: Mapped[str] = mapped_column(Text, default="")
    occurred_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    received_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (Index("ix_inbound_events_kind_occurred", "kind", "occurred_at"),)


class ContactOptOut(SyncedMixin, Base):
    __tablename__ = Table.CONTACT_OPT_OUTS.value

    contact_id: Mapped[str] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    channel: Mapped[str] = mapped_column(String(20))
    opted_out: Mapped[bool] = mapped_column(Boolean, default=True)
    """False after the person re-subscribed (START/UNSTOP) or was opted back in."""
    source: Mapped[str] = mapped_column(String(30))
    """sms_keyword | whatsapp | email_unsubscribe | manual"""
    words: Mapped[str] = mapped_column(String(200), default="")
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (Index("ix_contact_opt_outs_contact", "contact_id"),)


class InboundApplied(Base):
    """An inbound event this laptop has applied (local only: each laptop applies each)."""

    __tablename__ = "inbound_applied"

    event_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    outcome: Mapped[str] = mapped_column(String(20))
    """applied | unmatched | ignored"""
    contact_id: Mapped[str | None] = mapped_column(String(36), default=None)
    recipient_id: Mapped[str | None] = mapped_column(String(36), default=None)
    """The campaign recipient the event moved (a receipt) or answered (a reply)."""
    applied_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (Index("ix_inbound_applied_contact", "contact_id"),)
