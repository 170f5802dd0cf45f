"""Real sending: who dispatches a campaign, pause/cancel, WhatsApp templates, attachments.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07

``campaigns`` is synced, so its update trigger is recreated with the new columns (the
column lists of 0003 are frozen; a migration that adds a captured column must do this).
``outbox_messages.extra`` carries what only some channels use (the e-mail's HTML part and
attachment, the unsubscribe link, a WhatsApp template and its values), rendered at queue
time like the body.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# As captured by 0003 (frozen there, copied here: a migration never reads another's code).
OLD_CAMPAIGN_COLUMNS: tuple[str, ...] = (
    "name", "channel", "status", "subject", "body", "segment_id", "scheduled_at",
    "sent_at", "completed_at", "failure_reason", "deleted_at",
)  # fmt: skip
NEW_CAMPAIGN_COLUMNS: tuple[str, ...] = (
    "sender_device_id",
    "paused_at",
    "cancelled_at",
    "template_name",
    "template_language",
    "template_vars",
    "attachment_path",
)
CAMPAIGN_COLUMNS = OLD_CAMPAIGN_COLUMNS + NEW_CAMPAIGN_COLUMNS


def _update_trigger(columns: tuple[str, ...]) -> str:
    """The same trigger as 0003's ``sync_campaigns_au``, over ``columns``."""
    per_column = "\n".join(
        f"""
            INSERT INTO sync_outbox (tbl, row_id, field, hlc)
                SELECT 'campaigns', new.id, '{col}', lp_hlc() WHERE old.{col} IS NOT new.{col};
            INSERT OR REPLACE INTO sync_clock (tbl, row_id, field, hlc)
                SELECT 'campaigns', new.id, '{col}', lp_hlc() WHERE old.{col} IS NOT new.{col};"""
        for col in columns
    )
    return f"""
        CREATE TRIGGER sync_campaigns_au AFTER UPDATE ON campaigns WHEN lp_capture() = 1
        BEGIN{per_column}
        END"""


def upgrade() -> None:
    with op.batch_alter_table("campaigns", recreate="never") as batch:
        batch.add_column(
            sa.Column("sender_device_id", sa.String(36), nullable=False, server_default="")
        )
        batch.add_column(sa.Column("paused_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("cancelled_at", sa.DateTime(), nullable=True))
        batch.add_column(
            sa.Column("template_name", sa.String(200), nullable=False, server_default="")
        )
        batch.add_column(
            sa.Column("template_language", sa.String(20), nullable=False, server_default="")
        )
        batch.add_column(sa.Column("template_vars", sa.JSON(), nullable=False, server_default="[]"))
        batch.add_column(
            sa.Column("attachment_path", sa.String(500), nullable=False, server_default="")
        )
    with op.batch_alter_table("outbox_messages", recreate="never") as batch:
        batch.add_column(sa.Column("extra", sa.JSON(), nullable=False, server_default="{}"))
    op.execute("DROP TRIGGER IF EXISTS sync_campaigns_au")
    op.execute(_update_trigger(CAMPAIGN_COLUMNS))


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS sync_campaigns_au")
    op.execute(_update_trigger(OLD_CAMPAIGN_COLUMNS))
    with op.batch_alter_table("outbox_messages") as batch:
        batch.drop_column("extra")
    with op.batch_alter_table("campaigns") as batch:
        for column in reversed(NEW_CAMPAIGN_COLUMNS):
            batch.drop_column(column)
