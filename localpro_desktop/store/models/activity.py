"""One entry on a contact's timeline: a status move, a note, a call, a message."""

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from localpro_desktop.domain.ids import utcnow
from localpro_desktop.store.models.base import Base, SyncedMixin
from localpro_protocol.wire import Table


class Activity(SyncedMixin, Base):
    __tablename__ = Table.ACTIVITIES.value

    contact_id: Mapped[str] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(30))
    body: Mapped[str] = mapped_column(Text, default="")
    old_status: Mapped[str | None] = mapped_column(String(20), default=None)
    new_status: Mapped[str | None] = mapped_column(String(20), default=None)
    occurred_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (
        Index("ix_activities_contact_occurred", "contact_id", "occurred_at"),
        Index("ix_activities_kind_occurred", "kind", "occurred_at"),
    )
