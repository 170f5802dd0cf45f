"""Full-text search over prospects (FTS5), kept current by triggers.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24

Search must answer in milliseconds over 100,000+ prospects; LIKE '%text%' cannot use an
index. The FTS table uses the prospects table as external content (no second copy of
the text) keyed by its rowid. VACUUM may renumber rowids of a table without an INTEGER
PRIMARY KEY, so ``store.maintenance.vacuum`` rebuilds this index afterwards.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_COLUMNS = "business_name, sector, city, address, notes, tags, phone, email"
_NEW = ", ".join(f"new.{c.strip()}" for c in _COLUMNS.split(","))
_OLD = ", ".join(f"old.{c.strip()}" for c in _COLUMNS.split(","))


def upgrade() -> None:
    op.execute(
        f"""CREATE VIRTUAL TABLE prospects_fts USING fts5(
            {_COLUMNS},
            content='prospects', content_rowid='rowid',
            tokenize="unicode61 remove_diacritics 2 tokenchars '-'"
        )"""
    )
    op.execute(
        f"""CREATE TRIGGER prospects_fts_ai AFTER INSERT ON prospects BEGIN
            INSERT INTO prospects_fts(rowid, {_COLUMNS}) VALUES (new.rowid, {_NEW});
        END"""
    )
    op.execute(
        f"""CREATE TRIGGER prospects_fts_ad AFTER DELETE ON prospects BEGIN
            INSERT INTO prospects_fts(prospects_fts, rowid, {_COLUMNS})
            VALUES ('delete', old.rowid, {_OLD});
        END"""
    )
    op.execute(
        f"""CREATE TRIGGER prospects_fts_au AFTER UPDATE ON prospects BEGIN
            INSERT INTO prospects_fts(prospects_fts, rowid, {_COLUMNS})
            VALUES ('delete', old.rowid, {_OLD});
            INSERT INTO prospects_fts(rowid, {_COLUMNS}) VALUES (new.rowid, {_NEW});
        END"""
    )
    op.execute("INSERT INTO prospects_fts(prospects_fts) VALUES ('rebuild')")
    op.create_index(
        "ix_prospects_live_name", "prospects", ["deleted_at", "business_name"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_prospects_live_name", table_name="prospects")
    for trigger in ("prospects_fts_ai", "prospects_fts_ad", "prospects_fts_au"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS prospects_fts")
