"""An open workspace's database: its files, engine, units of work and change hub.

The services layer builds the use cases on it (``services.workspace.Workspace``); the sync
engine needs only this, so it never imports the services.
"""

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Self

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from localpro_desktop.domain.changes import ChangeHub, ChangeSet
from localpro_desktop.domain.disk import DiskError
from localpro_desktop.domain.plans import Plan
from localpro_desktop.paths import WorkspacePaths
from localpro_desktop.store import backup as backups
from localpro_desktop.store import local_state, migrate
from localpro_desktop.store.engine import make_engine, make_session_factory
from localpro_desktop.store.models import WorkspaceSettings
from localpro_desktop.store.unit_of_work import read_session, unit_of_work

log = logging.getLogger(__name__)

# One settings record per workspace, with the same id on every device, so that two laptops
# syncing one account edit the same record instead of each adding its own.
SETTINGS_ID = "00000000-0000-7000-8000-000000000001"


@dataclass(frozen=True)
class SettingsView:
    name: str
    country: str
    currency: str
    language: str
    timezone: str
    plan: Plan


class Database:
    """An open workspace: its files, its database and the change hub views listen to."""

    def __init__(self, paths: WorkspacePaths, engine: Engine) -> None:
        self.paths = paths
        self.engine = engine
        self.sessions: sessionmaker[Session] = make_session_factory(engine)
        self.changes = ChangeHub()
        self.migration_backup: Path | None = None
        self.device_id = ""

    @classmethod
    def open(cls, paths: WorkspacePaths, *, daily_backup: bool = True) -> Self:
        paths.ensure()
        engine = make_engine(paths.database)
        ws = cls(paths, engine)
        try:
            ws.migration_backup = migrate.upgrade(engine, paths.database, paths.backups)
            ws.device_id = local_state.attach_device_clock(ws.engine, ws.sessions)
            ws._ensure_settings_row()
            ws.optimize()
            if daily_backup:
                backups.daily_backup(paths.database, paths.backups)
        except BaseException:
            # A refused open (a full disk, a failed migration) must not keep the files open.
            engine.dispose()
            raise
        return ws

    def optimize(self) -> None:
        """Refresh SQLite's statistics after bulk changes (imports, demo, first sync).

        Without them the planner walks the ``deleted_at`` index for whole-table queries,
        ten times slower than a scan on 100,000 prospects.
        """
        try:
            with self.engine.connect() as conn:
                # A sampled ANALYZE: fast on big tables, good enough for the planner.
                conn.exec_driver_sql("PRAGMA analysis_limit=1000")
                conn.exec_driver_sql("PRAGMA optimize=0x10002")
        except DiskError as exc:
            # Statistics are an optimisation: a full disk must not keep the workspace shut
            # (the user opens it to read, or to delete and free space).
            log.warning("statistics not refreshed: %s", exc)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @contextmanager
    def write(self, changes: ChangeSet | None = None) -> Iterator[Session]:
        """A unit of work; on commit, the given change set is published to listeners."""
        with unit_of_work(self.sessions) as session:
            yield session
        if changes:
            self.changes.publish(changes)

    @contextmanager
    def read(self) -> Iterator[Session]:
        with read_session(self.sessions) as session:
            yield session

    # -- settings ---------------------------------------------------------------------

    def _ensure_settings_row(self) -> None:
        with self.write() as session:
            if session.scalar(select(WorkspaceSettings.id).limit(1)) is None:
                session.add(WorkspaceSettings(id=SETTINGS_ID))

    def settings(self) -> SettingsView:
        with self.read() as session:
            row = session.scalars(
                select(WorkspaceSettings).where(WorkspaceSettings.deleted_at.is_(None))
            ).first()
            assert row is not None
            return SettingsView(
                row.name, row.country, row.currency, row.language, row.timezone, Plan(row.plan)
            )
