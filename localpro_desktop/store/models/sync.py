"""Bookkeeping of the sync engine (local only, never synced itself)."""

from datetime import datetime

from sqlalchemy import DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from localpro_desktop.domain.ids import utcnow
from localpro_desktop.store.models.base import Base


class SyncState(Base):
    """Key/value: device id, pull cursor, next op id, server, account."""

    __tablename__ = "sync_state"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class SyncOutbox(Base):
    """One line per captured local change; ``field`` '*' means the whole new row."""

    __tablename__ = "sync_outbox"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    tbl: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(36))
    field: Mapped[str] = mapped_column(String(64))
    hlc: Mapped[str] = mapped_column(String(64))


class SyncClock(Base):
    """The clock of the value each field holds locally, for last-writer-wins on pull."""

    __tablename__ = "sync_clock"

    tbl: Mapped[str] = mapped_column(String(40), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    field: Mapped[str] = mapped_column(String(64), primary_key=True)
    hlc: Mapped[str] = mapped_column(String(64))


class SyncOp(Base):
    """A prepared push operation, frozen so a retry resends exactly the same thing."""

    __tablename__ = "sync_ops"

    op_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    payload: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class SyncRejected(Base):
    """Operations the server refused, kept so the user can see why."""

    __tablename__ = "sync_rejected"

    op_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    tbl: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(36))
    reason: Mapped[str] = mapped_column(Text)
    payload: Mapped[str] = mapped_column(Text)
    rejected_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
