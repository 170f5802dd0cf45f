"""Bring a workspace database to the current schema, copying it aside first."""

import logging
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from localpro_desktop.store.backup import copy_database

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, database: Path, backups: Path) -> Path | None:
    """Upgrade to head; return the pre-migration backup (None when nothing had to change).

    A brand-new file needs no backup; an existing one is copied with SQLite's backup API
    before any DDL, so a failed migration can never cost the user their data.
    """
    current = current_revision(engine)
    head = head_revision()
    if current == head:
        return None
    backup: Path | None = None
    if current is not None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = backups / f"pre-migration-{current}-to-{head}-{stamp}.sqlite"
        copy_database(database, backup)
        log.info("backed up %s to %s before migrating", database, backup)
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
    return backup


def upgrade_to(engine: Engine, revision: str) -> None:
    """Used by tests to build databases as older app versions wrote them."""
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
