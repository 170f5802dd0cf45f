"""Saved groups of contacts: a live rule, or a hand-picked static list."""

from typing import Any

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from localpro_desktop.store.models.base import Base, SyncedMixin
from localpro_protocol.wire import Table


class Segment(SyncedMixin, Base):
    __tablename__ = Table.SEGMENTS.value

    name: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(10), default="rule")  # rule | static
    rule: Mapped[dict[str, Any]] = mapped_column(default=dict)
    description: Mapped[str] = mapped_column(String(400), default="")


class SegmentMember(SyncedMixin, Base):
    __tablename__ = Table.SEGMENT_MEMBERS.value

    segment_id: Mapped[str] = mapped_column(ForeignKey("segments.id", ondelete="CASCADE"))
    contact_id: Mapped[str] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))

    __table_args__ = (UniqueConstraint("segment_id", "contact_id"),)
