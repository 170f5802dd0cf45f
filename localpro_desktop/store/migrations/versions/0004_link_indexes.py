"""Indexes on the prospect ↔ contact links.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24

Without them every contact insert with a pending (deferred) foreign key check scanned the
whole prospects table: generating a 100,000-prospect demo took ten minutes.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_prospects_contact_id", "prospects", ["contact_id"])
    op.create_index("ix_contacts_prospect_id", "contacts", ["prospect_id"])


def downgrade() -> None:
    op.drop_index("ix_contacts_prospect_id", table_name="contacts")
    op.drop_index("ix_prospects_contact_id", table_name="prospects")
