"""The workspace's own settings: one row, synced like any other record."""

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from localpro_desktop.store.models.base import Base, SyncedMixin
from localpro_protocol.wire import Table


class WorkspaceSettings(SyncedMixin, Base):
    __tablename__ = Table.WORKSPACE_SETTINGS.value

    name: Mapped[str] = mapped_column(String(200), default="My business")
    country: Mapped[str] = mapped_column(String(2), default="SN")
    currency: Mapped[str] = mapped_column(String(3), default="XOF")
    language: Mapped[str] = mapped_column(String(5), default="en")
    timezone: Mapped[str] = mapped_column(String(64), default="Africa/Dakar")
    plan: Mapped[str] = mapped_column(String(20), default="starter")
