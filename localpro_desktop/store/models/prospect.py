"""A business found while prospecting, before it becomes a contact."""

from sqlalchemy import Float, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from localpro_desktop.store.models.base import Base, SyncedMixin
from localpro_protocol.wire import Table


class Prospect(SyncedMixin, Base):
    __tablename__ = Table.PROSPECTS.value

    business_name: Mapped[str] = mapped_column(String(300))
    # Folded name (lowercase, no accents, no legal form) used for fuzzy duplicate checks.
    name_key: Mapped[str] = mapped_column(String(300), default="", index=True)
    sector: Mapped[str] = mapped_column(String(80), default="")
    city: Mapped[str] = mapped_column(String(120), default="")
    country: Mapped[str] = mapped_column(String(2), default="")
    address: Mapped[str] = mapped_column(String(400), default="")
    phone: Mapped[str] = mapped_column(String(60), default="")
    phone_e164: Mapped[str | None] = mapped_column(String(20), default=None, index=True)
    whatsapp: Mapped[str] = mapped_column(String(60), default="")
    whatsapp_e164: Mapped[str | None] = mapped_column(String(20), default=None)
    email: Mapped[str] = mapped_column(String(320), default="")
    email_normalized: Mapped[str | None] = mapped_column(String(320), default=None, index=True)
    contact_person: Mapped[str] = mapped_column(String(200), default="")
    website: Mapped[str] = mapped_column(String(400), default="")
    latitude: Mapped[float | None] = mapped_column(Float, default=None)
    longitude: Mapped[float | None] = mapped_column(Float, default=None)
    source: Mapped[str] = mapped_column(String(30), default="manual")
    source_ref: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    tags: Mapped[list[str]] = mapped_column(default=list)
    contact_id: Mapped[str | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="SET NULL"), default=None
    )

    __table_args__ = (
        # Sector + city searches walk it in name order; the count never reads the table.
        Index("ix_prospects_search", "sector", "city", "deleted_at", "business_name"),
        Index("ix_prospects_city", "city"),
        Index("ix_prospects_live_name", "deleted_at", "business_name"),
        Index("ix_prospects_contact_id", "contact_id"),
    )
