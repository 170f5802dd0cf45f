"""A person or business the user is working with, placed on the pipeline."""

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Float, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from localpro_desktop.store.models.base import Base, SyncedMixin
from localpro_protocol.wire import Table


class Contact(SyncedMixin, Base):
    __tablename__ = Table.CONTACTS.value

    first_name: Mapped[str] = mapped_column(String(120), default="")
    last_name: Mapped[str] = mapped_column(String(120), default="")
    company: Mapped[str] = mapped_column(String(300), default="")
    name_key: Mapped[str] = mapped_column(String(300), default="", index=True)
    sector: Mapped[str] = mapped_column(String(80), default="")
    phone: Mapped[str] = mapped_column(String(60), default="")
    phone_e164: Mapped[str | None] = mapped_column(String(20), default=None, index=True)
    whatsapp: Mapped[str] = mapped_column(String(60), default="")
    whatsapp_e164: Mapped[str | None] = mapped_column(String(20), default=None, index=True)
    email: Mapped[str] = mapped_column(String(320), default="")
    email_normalized: Mapped[str | None] = mapped_column(String(320), default=None, index=True)
    website: Mapped[str] = mapped_column(String(400), default="")
    address: Mapped[str] = mapped_column(String(400), default="")
    city: Mapped[str] = mapped_column(String(120), default="", index=True)
    country: Mapped[str] = mapped_column(String(2), default="")
    latitude: Mapped[float | None] = mapped_column(Float, default=None)
    longitude: Mapped[float | None] = mapped_column(Float, default=None)
    status: Mapped[str] = mapped_column(String(20), default="new", index=True)
    tags: Mapped[list[str]] = mapped_column(default=list)
    notes: Mapped[str] = mapped_column(Text, default="")
    last_contacted_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    prospect_id: Mapped[str | None] = mapped_column(
        ForeignKey("prospects.id", ondelete="SET NULL"), default=None, index=True
    )
    # Opt-outs are per channel: someone may refuse SMS but still want e-mail.
    opt_out_whatsapp: Mapped[bool] = mapped_column(Boolean, default=False)
    opt_out_email: Mapped[bool] = mapped_column(Boolean, default=False)
    opt_out_sms: Mapped[bool] = mapped_column(Boolean, default=False)

    @property
    def display_name(self) -> str:
        person = f"{self.first_name} {self.last_name}".strip()
        return person or self.company
