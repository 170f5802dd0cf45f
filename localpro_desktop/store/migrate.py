"""Bring a workspace database to the current schema, copying it aside first.

Alembic is imported only when a migration has to run: the check on every start reads the
revision table and the migration files' headers directly, which saves the ~0.3 s alembic
and mako take to import on a modest laptop. ``tests/store/test_migrations.py`` checks that
both ways agree.
"""

import logging
import re
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

from localpro_desktop.store.backup import copy_database

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


if TYPE_CHECKING:
    from alembic.config import Config

_REVISION = re.compile(r"^revision(?::\s*str)?\s*=\s*[\"']([^\"']+)[\"']", re.MULTILINE)
_DOWN = re.compile(r"^down_revision(?::[^=]+)?\s*=\s*(?:None|[\"']([^\"']+)[\"'])", re.MULTILINE)


def alembic_config() -> "Config":
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    """The newest revision: the one no other migration names as its down_revision."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in (MIGRATIONS_DIR / "versions").glob("*.py"):
        source = script.read_text(encoding="utf-8")
        revision, down = _REVISION.search(source), _DOWN.search(source)
        if revision is None or down is None:
            continue
        revisions.add(revision.group(1))
        if down.group(1):
            parents.add(down.group(1))
    heads = revisions - parents
    if len(heads) != 1:
        raise RuntimeError(f"the migrations must have exactly one head, found {sorted(heads)}")
    return heads.pop()


def alembic_head_revision() -> str:
    """The head as alembic computes it (slow to import; tests compare it with the above)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


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
    from alembic import command

    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
    return backup


def upgrade_to(engine: Engine, revision: str) -> None:
    """Used by tests to build databases as older app versions wrote them."""
    from alembic import command

    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
