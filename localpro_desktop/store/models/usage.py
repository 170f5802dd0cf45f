"""Plan usage as append-only events, so two offline devices add up instead of overwriting."""

from datetime import datetime

from sqlalchemy import DateTime, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from localpro_desktop.domain.ids import utcnow
from localpro_desktop.store.models.base import Base, SyncedMixin
from localpro_protocol.wire import Table


class UsageEvent(SyncedMixin, Base):
    __tablename__ = Table.USAGE_EVENTS.value

    metric: Mapped[str] = mapped_column(String(20))
    month: Mapped[str] = mapped_column(String(7))  # YYYY-MM, the plan's reset bucket
    quantity: Mapped[int] = mapped_column(Integer)
    occurred_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    reason: Mapped[str] = mapped_column(String(120), default="")

    __table_args__ = (Index("ix_usage_events_month_metric", "month", "metric"),)
