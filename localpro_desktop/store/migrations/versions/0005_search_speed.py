"""Faster prospect search: one index for sector + city, and prefix indexes for short words.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02

Measured with ``bench/bench_search.py`` on 100,000 and 1,000,000 prospects:

* ``ix_prospects_search (sector, city, deleted_at, business_name)`` replaces
  ``ix_prospects_sector_city``. Sector + city (+ text) searches find their rows already in
  name order, so a page stops after 100 rows instead of sorting the whole group, and the
  count never reads the table. It starts with the same two columns, so every lookup the
  old index served, this one serves too.
* ``prospects_fts`` is rebuilt with ``prefix='1 2'``. Every typed word is a prefix query
  (``"s"*``), and a one- or two-letter prefix otherwise merges the posting lists of
  thousands of words: 24 ms for ``"s"*`` at 100,000 prospects, 0.3 ms with the prefix
  index. Longer prefixes match few words and need no index of their own. FTS5 options
  cannot be altered, so the table and its triggers are dropped and made again (same
  columns, tokenizer and triggers as 0002), then filled from the prospects table.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_COLUMNS = "business_name, sector, city, address, notes, tags, phone, email"
_NEW = ", ".join(f"new.{c.strip()}" for c in _COLUMNS.split(","))
_OLD = ", ".join(f"old.{c.strip()}" for c in _COLUMNS.split(","))
_TRIGGERS = ("prospects_fts_ai", "prospects_fts_ad", "prospects_fts_au")


def _make_fts(prefix: str | None) -> None:
    """(Re)create the FTS table and its triggers, then index every existing prospect."""
    for trigger in _TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS prospects_fts")
    prefix_option = f", prefix='{prefix}'" if prefix else ""
    op.execute(
        f"""CREATE VIRTUAL TABLE prospects_fts USING fts5(
            {_COLUMNS},
            content='prospects', content_rowid='rowid',
            tokenize="unicode61 remove_diacritics 2 tokenchars '-'"{prefix_option}
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


def upgrade() -> None:
    op.create_index(
        "ix_prospects_search", "prospects", ["sector", "city", "deleted_at", "business_name"]
    )
    op.drop_index("ix_prospects_sector_city", table_name="prospects")
    _make_fts(prefix="1 2")


def downgrade() -> None:
    _make_fts(prefix=None)
    op.create_index("ix_prospects_sector_city", "prospects", ["sector", "city"])
    op.drop_index("ix_prospects_search", table_name="prospects")
