"""Webhooks: per-account hook ids with their encrypted signing secrets, and the index of
messages the account sent (callbacks about others are ignored).

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-07 04:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "webhooks",
        sa.Column("account_id", sa.String(length=36), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("provider", sa.String(length=20), nullable=False),
        sa.Column("hook_id", sa.String(length=64), nullable=False),
        sa.Column("secret_box", sa.Text(), nullable=False),
        sa.Column("verify_token", sa.String(length=64), nullable=False),
        sa.Column("created_ms", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_webhooks_account_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("account_id", "channel", name=op.f("pk_webhooks")),
        sa.UniqueConstraint("hook_id", name=op.f("uq_webhooks_hook_id")),
    )
    op.create_table(
        "sent_index",
        sa.Column("account_id", sa.String(length=36), nullable=False),
        sa.Column("message_id", sa.String(length=200), nullable=False),
        sa.Column("recipient_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_sent_index_account_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("account_id", "message_id", name=op.f("pk_sent_index")),
    )


def downgrade() -> None:
    op.drop_table("sent_index")
    op.drop_table("webhooks")
