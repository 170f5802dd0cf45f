"""Replies, receipts and opt-outs from the cloud: inbound events, per-channel opt-outs.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-14

``inbound_events`` (written by the cloud, pulled by every laptop) and ``contact_opt_outs``
(written by laptops) are synced, so they get the change-capture triggers of 0003 (copied
here with their column lists frozen: a migration never reads another's code).
``inbound_applied`` is this laptop's bookkeeping of the events it applied: local, no
triggers. Receipts find their recipient by the provider's message id, hence the index on
``campaign_recipients.provider_id``.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# fmt: off
CAPTURED: dict[str, tuple[str, ...]] = {
    "inbound_events": ("kind", "channel", "provider", "message_id", "status", "error_code",
                       "error_words", "address", "text", "occurred_at", "received_at",
                       "deleted_at"),
    "contact_opt_outs": ("contact_id", "channel", "opted_out", "source", "words", "at",
                         "deleted_at"),
}
# fmt: on


def _triggers(table: str, columns: tuple[str, ...]) -> list[str]:
    """The same triggers as 0003's ``sync_{table}_ai`` and ``sync_{table}_au``."""
    insert = f"""
        CREATE TRIGGER sync_{table}_ai AFTER INSERT ON {table} WHEN lp_capture() = 1
        BEGIN
            INSERT INTO sync_outbox (tbl, row_id, field, hlc)
                VALUES ('{table}', new.id, '*', lp_hlc());
            INSERT OR REPLACE INTO sync_clock (tbl, row_id, field, hlc)
                VALUES ('{table}', new.id, '*', lp_hlc());
        END"""
    per_column = "\n".join(
        f"""
            INSERT INTO sync_outbox (tbl, row_id, field, hlc)
                SELECT '{table}', new.id, '{col}', lp_hlc() WHERE old.{col} IS NOT new.{col};
            INSERT OR REPLACE INTO sync_clock (tbl, row_id, field, hlc)
                SELECT '{table}', new.id, '{col}', lp_hlc() WHERE old.{col} IS NOT new.{col};"""
        for col in columns
    )
    update = f"""
        CREATE TRIGGER sync_{table}_au AFTER UPDATE ON {table} WHEN lp_capture() = 1
        BEGIN{per_column}
        END"""
    return [insert, update]


def _synced_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
    ]


def upgrade() -> None:
    op.create_table(
        "inbound_events",
        *_synced_columns(),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("channel", sa.String(20), nullable=False),
        sa.Column("provider", sa.String(20), nullable=False),
        sa.Column("message_id", sa.String(200), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("error_code", sa.String(40), nullable=False),
        sa.Column("error_words", sa.String(400), nullable=False),
        sa.Column("address", sa.String(320), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("occurred_at", sa.DateTime(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inbound_events")),
    )
    op.create_index(op.f("ix_inbound_events_created_at"), "inbound_events", ["created_at"])
    op.create_index("ix_inbound_events_kind_occurred", "inbound_events", ["kind", "occurred_at"])
    op.create_table(
        "contact_opt_outs",
        *_synced_columns(),
        sa.Column("contact_id", sa.String(36), nullable=False),
        sa.Column("channel", sa.String(20), nullable=False),
        sa.Column("opted_out", sa.Boolean(), nullable=False),
        sa.Column("source", sa.String(30), nullable=False),
        sa.Column("words", sa.String(200), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_contact_opt_outs_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_opt_outs")),
    )
    op.create_index(op.f("ix_contact_opt_outs_created_at"), "contact_opt_outs", ["created_at"])
    op.create_index("ix_contact_opt_outs_contact", "contact_opt_outs", ["contact_id"])
    op.create_table(
        "inbound_applied",
        sa.Column("event_id", sa.String(36), nullable=False),
        sa.Column("outcome", sa.String(20), nullable=False),
        sa.Column("contact_id", sa.String(36), nullable=True),
        sa.Column("recipient_id", sa.String(36), nullable=True),
        sa.Column("applied_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_inbound_applied")),
    )
    op.create_index("ix_inbound_applied_contact", "inbound_applied", ["contact_id"])
    op.create_index("ix_campaign_recipients_provider_id", "campaign_recipients", ["provider_id"])
    for table, columns in CAPTURED.items():
        for statement in _triggers(table, columns):
            op.execute(statement)


def downgrade() -> None:
    for table in CAPTURED:
        op.execute(f"DROP TRIGGER IF EXISTS sync_{table}_ai")
        op.execute(f"DROP TRIGGER IF EXISTS sync_{table}_au")
        # What was captured or frozen for these tables cannot be sent by 0007.
        op.execute(f"DELETE FROM sync_outbox WHERE tbl = '{table}'")
        op.execute(f"DELETE FROM sync_clock WHERE tbl = '{table}'")
    op.drop_index("ix_campaign_recipients_provider_id", table_name="campaign_recipients")
    op.drop_index("ix_inbound_applied_contact", table_name="inbound_applied")
    op.drop_table("inbound_applied")
    op.drop_index("ix_contact_opt_outs_contact", table_name="contact_opt_outs")
    op.drop_index(op.f("ix_contact_opt_outs_created_at"), table_name="contact_opt_outs")
    op.drop_table("contact_opt_outs")
    op.drop_index("ix_inbound_events_kind_occurred", table_name="inbound_events")
    op.drop_index(op.f("ix_inbound_events_created_at"), table_name="inbound_events")
    op.drop_table("inbound_events")
