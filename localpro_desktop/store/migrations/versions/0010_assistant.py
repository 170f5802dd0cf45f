"""The AI assistant: conversations, their messages and token use, synced.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-28

Three synced tables, so they get the change-capture triggers of 0003 (copied here with
their column lists frozen: a migration never reads another's code). ``ai_messages`` has no
foreign key to its conversation: sync may bring a message before its conversation.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# fmt: off
CAPTURED: dict[str, tuple[str, ...]] = {
    "ai_conversations": ("title", "mode", "campaign_id", "personal_data", "deleted_at"),
    "ai_messages": ("conversation_id", "role", "text", "model", "state", "at", "deleted_at"),
    "ai_usage": ("kind", "model", "month", "prompt_tokens", "completion_tokens", "at",
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
        "ai_conversations",
        *_synced_columns(),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("mode", sa.String(20), nullable=False),
        sa.Column("campaign_id", sa.String(36), nullable=True),
        sa.Column("personal_data", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ai_conversations")),
    )
    op.create_index(op.f("ix_ai_conversations_created_at"), "ai_conversations", ["created_at"])
    op.create_table(
        "ai_messages",
        *_synced_columns(),
        sa.Column("conversation_id", sa.String(36), nullable=False),
        sa.Column("role", sa.String(12), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("model", sa.String(100), nullable=False),
        sa.Column("state", sa.String(12), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ai_messages")),
    )
    op.create_index(op.f("ix_ai_messages_created_at"), "ai_messages", ["created_at"])
    op.create_index("ix_ai_messages_conversation_at", "ai_messages", ["conversation_id", "at"])
    op.create_table(
        "ai_usage",
        *_synced_columns(),
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("model", sa.String(100), nullable=False),
        sa.Column("month", sa.String(7), nullable=False),
        sa.Column("prompt_tokens", sa.Integer(), nullable=False),
        sa.Column("completion_tokens", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ai_usage")),
    )
    op.create_index(op.f("ix_ai_usage_created_at"), "ai_usage", ["created_at"])
    op.create_index("ix_ai_usage_month", "ai_usage", ["month"])
    for table, columns in CAPTURED.items():
        for statement in _triggers(table, columns):
            op.execute(statement)


def downgrade() -> None:
    for table in CAPTURED:
        op.execute(f"DROP TRIGGER IF EXISTS sync_{table}_ai")
        op.execute(f"DROP TRIGGER IF EXISTS sync_{table}_au")
        op.execute(f"DELETE FROM sync_outbox WHERE tbl = '{table}'")
        op.execute(f"DELETE FROM sync_clock WHERE tbl = '{table}'")
    op.drop_index("ix_ai_usage_month", table_name="ai_usage")
    op.drop_index(op.f("ix_ai_usage_created_at"), table_name="ai_usage")
    op.drop_table("ai_usage")
    op.drop_index("ix_ai_messages_conversation_at", table_name="ai_messages")
    op.drop_index(op.f("ix_ai_messages_created_at"), table_name="ai_messages")
    op.drop_table("ai_messages")
    op.drop_index(op.f("ix_ai_conversations_created_at"), table_name="ai_conversations")
    op.drop_table("ai_conversations")
