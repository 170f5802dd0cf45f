"""Change capture for sync: outbox, field clocks, prepared ops, and the triggers.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24

The column lists are frozen here on purpose: a later migration that adds a column must
recreate that table's update trigger to capture it.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# fmt: off
CAPTURED: dict[str, tuple[str, ...]] = {
    "workspace_settings": ("name", "country", "currency", "language", "timezone", "plan",
                           "deleted_at"),
    "prospects": ("business_name", "name_key", "sector", "city", "country", "address",
                  "phone", "phone_e164", "whatsapp", "whatsapp_e164", "email",
                  "email_normalized", "contact_person", "website", "latitude", "longitude",
                  "source", "source_ref", "notes", "tags", "contact_id", "deleted_at"),
    "contacts": ("first_name", "last_name", "company", "name_key", "sector", "phone",
                 "phone_e164", "whatsapp", "whatsapp_e164", "email", "email_normalized",
                 "website", "address", "city", "country", "latitude", "longitude", "status",
                 "tags", "notes", "last_contacted_at", "prospect_id", "opt_out_whatsapp",
                 "opt_out_email", "opt_out_sms", "deleted_at"),
    "activities": ("contact_id", "kind", "body", "old_status", "new_status", "occurred_at",
                   "deleted_at"),
    "segments": ("name", "kind", "rule", "description", "deleted_at"),
    "segment_members": ("segment_id", "contact_id", "deleted_at"),
    "campaigns": ("name", "channel", "status", "subject", "body", "segment_id",
                  "scheduled_at", "sent_at", "completed_at", "failure_reason", "deleted_at"),
    "campaign_recipients": ("campaign_id", "contact_id", "address", "rendered_subject",
                            "rendered_body", "status", "provider_id", "error", "queued_at",
                            "sent_at", "delivered_at", "opened_at", "replied_at", "failed_at",
                            "deleted_at"),
    "usage_events": ("metric", "month", "quantity", "occurred_at", "reason", "deleted_at"),
}
# fmt: on

# Rows that exist before sync was installed go out on the first sync, as whole rows.
_NOW_HLC = (
    "printf('%013d-00000-migrated', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))"
)


def _triggers(table: str, columns: tuple[str, ...]) -> list[str]:
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


def upgrade() -> None:
    op.create_table(
        "sync_state",
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_sync_state")),
    )
    op.create_table(
        "sync_outbox",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("tbl", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("field", sa.String(length=64), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_sync_outbox")),
    )
    op.create_table(
        "sync_clock",
        sa.Column("tbl", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("field", sa.String(length=64), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("tbl", "row_id", "field", name=op.f("pk_sync_clock")),
    )
    op.create_table(
        "sync_ops",
        sa.Column("op_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("op_id", name=op.f("pk_sync_ops")),
    )
    op.create_table(
        "sync_rejected",
        sa.Column("op_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("tbl", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("rejected_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("op_id", name=op.f("pk_sync_rejected")),
    )
    for table, columns in CAPTURED.items():
        op.execute(
            f"INSERT INTO sync_outbox (tbl, row_id, field, hlc) "
            f"SELECT '{table}', id, '*', {_NOW_HLC} FROM {table}"
        )
        op.execute(
            f"INSERT INTO sync_clock (tbl, row_id, field, hlc) "
            f"SELECT '{table}', id, '*', {_NOW_HLC} FROM {table}"
        )
        for statement in _triggers(table, columns):
            op.execute(statement)


def downgrade() -> None:
    for table in CAPTURED:
        op.execute(f"DROP TRIGGER IF EXISTS sync_{table}_ai")
        op.execute(f"DROP TRIGGER IF EXISTS sync_{table}_au")
    for table in ("sync_rejected", "sync_ops", "sync_clock", "sync_outbox", "sync_state"):
        op.drop_table(table)
