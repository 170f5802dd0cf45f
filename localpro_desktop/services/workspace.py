"""Opening a workspace: the composition root every service hangs off."""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import phonenumbers
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.plans import Plan
from localpro_desktop.paths import WorkspacePaths
from localpro_desktop.services.changes import ChangeHub, ChangeSet
from localpro_desktop.store import backup as backups
from localpro_desktop.store import migrate
from localpro_desktop.store.engine import make_engine, make_session_factory
from localpro_desktop.store.models import Contact, Prospect, WorkspaceSettings
from localpro_desktop.store.unit_of_work import read_session, unit_of_work
from localpro_desktop.sync import state as sync_state

LANGUAGES = ("en", "fr")
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


class Workspace:
    """An open workspace: its files, its database and the change hub views listen to."""

    def __init__(self, paths: WorkspacePaths, engine: Engine) -> None:
        self.paths = paths
        self.engine = engine
        self.sessions: sessionmaker[Session] = make_session_factory(engine)
        self.changes = ChangeHub()
        self.migration_backup: Path | None = None
        self.device_id = ""

    @classmethod
    def open(cls, paths: WorkspacePaths, *, daily_backup: bool = True) -> "Workspace":
        paths.ensure()
        engine = make_engine(paths.database)
        ws = cls(paths, engine)
        ws.migration_backup = migrate.upgrade(engine, paths.database, paths.backups)
        ws.device_id = sync_state.attach_device_clock(ws.engine, ws.sessions)
        ws._ensure_settings_row()
        ws.optimize()
        if daily_backup:
            backups.daily_backup(paths.database, paths.backups)
        return ws

    def optimize(self) -> None:
        """Refresh SQLite's statistics after bulk changes (imports, demo, first sync).

        Without them the planner walks the ``deleted_at`` index for whole-table queries,
        ten times slower than a scan on 100,000 prospects.
        """
        with self.engine.connect() as conn:
            # A sampled ANALYZE: fast on big tables, good enough for the planner.
            conn.exec_driver_sql("PRAGMA analysis_limit=1000")
            conn.exec_driver_sql("PRAGMA optimize=0x10002")

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Workspace":
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

    def is_empty(self) -> bool:
        """No prospect and no contact yet (deleted ones count): the welcome screen shows."""
        with self.read() as session:
            return not (
                session.scalar(select(Prospect.id).limit(1))
                or session.scalar(select(Contact.id).limit(1))
            )

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

    def update_settings(
        self,
        *,
        name: str | None = None,
        country: str | None = None,
        currency: str | None = None,
        language: str | None = None,
        timezone: str | None = None,
        plan: Plan | None = None,
    ) -> SettingsView:
        values: dict[str, str] = {}
        if name is not None:
            if not name.strip():
                raise UserError("The workspace name cannot be empty.")
            values["name"] = name.strip()
        if country is not None:
            values["country"] = validate_country(country)
        if currency is not None:
            values["currency"] = validate_currency(currency)
        if language is not None:
            if language.lower() not in LANGUAGES:
                raise UserError(f"Unknown language {language!r}: use en or fr.")
            values["language"] = language.lower()
        if timezone is not None:
            values["timezone"] = validate_timezone(timezone)
        if plan is not None:
            values["plan"] = plan.value
        changes = ChangeSet()
        with self.write(changes) as session:
            row = session.scalars(select(WorkspaceSettings)).first()
            assert row is not None
            for key, value in values.items():
                setattr(row, key, value)
            changes.add("workspace_settings", row.id)
        return self.settings()

    @property
    def region(self) -> str:
        """Default region for phone parsing."""
        return self.settings().country


def validate_country(code: str) -> str:
    cc = code.strip().upper()
    if len(cc) != 2 or phonenumbers.country_code_for_region(cc) == 0:
        raise UserError(
            f"Unknown country {code!r}: give a two-letter ISO code such as SN, CI, NG, GH, KE."
        )
    return cc


def validate_currency(code: str) -> str:
    cur = code.strip().upper()
    if len(cur) != 3 or not cur.isalpha():
        raise UserError(f"Unknown currency {code!r}: give a three-letter ISO code such as XOF.")
    return cur


def validate_timezone(name: str) -> str:
    try:
        ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError):
        raise UserError(
            f"Unknown time zone {name!r}: use an IANA name such as Africa/Dakar."
        ) from None
    return name.strip()
