"""Discovery's local bookkeeping: cached results, saved searches, merges, geocodes.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-21

Four local tables (no change-capture triggers: nothing here syncs). The prospects a
search adds or merges are ordinary prospects, captured by 0003's triggers.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "discovery_results",
        sa.Column("key", sa.String(300), nullable=False),
        sa.Column("source", sa.String(20), nullable=False),
        sa.Column("sector", sa.String(80), nullable=False),
        sa.Column("city", sa.String(200), nullable=False),
        sa.Column("country", sa.String(2), nullable=False),
        sa.Column("radius_km", sa.Float(), nullable=False),
        sa.Column("latitude", sa.Float(), nullable=False),
        sa.Column("longitude", sa.Float(), nullable=False),
        sa.Column("places", sa.Text(), nullable=False),
        sa.Column("fetched_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_discovery_results")),
    )
    op.create_table(
        "discovery_searches",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("source", sa.String(20), nullable=False),
        sa.Column("sector", sa.String(80), nullable=False),
        sa.Column("city", sa.String(200), nullable=False),
        sa.Column("country", sa.String(2), nullable=False),
        sa.Column("radius_km", sa.Float(), nullable=True),
        sa.Column("add_mode", sa.String(10), nullable=False),
        sa.Column("state", sa.String(12), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("result_key", sa.String(300), nullable=False),
        sa.Column("found", sa.Integer(), nullable=False),
        sa.Column("new", sa.Integer(), nullable=False),
        sa.Column("added", sa.Integer(), nullable=False),
        sa.Column("problem", sa.Text(), nullable=False),
        sa.Column("told", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_discovery_searches")),
    )
    op.create_index("ix_discovery_searches_state", "discovery_searches", ["state"])
    op.create_table(
        "discovery_merges",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("prospect_id", sa.String(36), nullable=False),
        sa.Column("ref", sa.String(300), nullable=False),
        sa.Column("place_name", sa.String(300), nullable=False),
        sa.Column("reason", sa.String(20), nullable=False),
        sa.Column("before", sa.Text(), nullable=False),
        sa.Column("after", sa.Text(), nullable=False),
        sa.Column("merged_at", sa.DateTime(), nullable=False),
        sa.Column("undone_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_discovery_merges")),
    )
    op.create_index("ix_discovery_merges_merged_at", "discovery_merges", ["merged_at"])
    op.create_table(
        "geocode_cache",
        sa.Column("key", sa.String(300), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("fetched_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_geocode_cache")),
    )


def downgrade() -> None:
    op.drop_table("geocode_cache")
    op.drop_index("ix_discovery_merges_merged_at", table_name="discovery_merges")
    op.drop_table("discovery_merges")
    op.drop_index("ix_discovery_searches_state", table_name="discovery_searches")
    op.drop_table("discovery_searches")
    op.drop_table("discovery_results")
