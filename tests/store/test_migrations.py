"""Schema upgrades on real database files, as earlier versions left them on disk."""

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import inspect

from localpro_desktop.paths import WorkspacePaths
from localpro_desktop.services.contacts import ContactService
from localpro_desktop.services.prospects import ProspectService
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.backup import check_integrity
from localpro_desktop.store.engine import make_engine
from localpro_desktop.store.migrate import current_revision, head_revision, upgrade
from localpro_desktop.store.models import Base
from localpro_desktop.store.queries.prospects import ProspectFilter

FIXTURE = Path(__file__).parents[1] / "fixtures" / "workspace-0001.sqlite"


def test_empty_database_gets_head_schema_matching_models(tmp_path: Path) -> None:
    ws = Workspace.open(WorkspacePaths(tmp_path / "ws"))
    try:
        assert current_revision(ws.engine) == head_revision()
        assert ws.migration_backup is None  # nothing to protect in a new file
        tables = set(inspect(ws.engine).get_table_names())
        assert set(Base.metadata.tables) <= tables and "prospects_fts" in tables
        for table in Base.metadata.tables.values():
            live = {c["name"] for c in inspect(ws.engine).get_columns(table.name)}
            assert live == {c.name for c in table.columns}, table.name
        with ws.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        ws.close()


def test_previous_schema_file_upgrades_with_backup_and_keeps_data(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    root.mkdir()
    shutil.copy(FIXTURE, root / "localpro.sqlite")
    ws = Workspace.open(WorkspacePaths(root))
    try:
        assert current_revision(ws.engine) == head_revision()
        backup = ws.migration_backup
        assert backup is not None and backup.exists() and check_integrity(backup) == "ok"
        with sqlite3.connect(backup) as old:
            assert old.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        settings = ws.settings()
        assert (settings.name, settings.language, settings.plan.value) == (
            "Boutique Awa",
            "fr",
            "business",
        )
        contact = ContactService(ws).get("01900000-0000-7000-8000-000000000010")
        assert contact.status == "client" and contact.tags == ["vip"]
        # Rows written before the search index existed are found by it after the upgrade.
        found = ProspectService(ws).search(ProspectFilter(text="elegance"))
        assert [p.business_name for p in found.rows] == ["Pâtisserie Élégance"]
        # And the upgraded file keeps working for new writes.
        ProspectService(ws).add({"business_name": "Nouvelle Boutique", "city": "Dakar"})
        assert ProspectService(ws).search(ProspectFilter(text="nouvelle")).total == 1
    finally:
        ws.close()


def test_reopening_at_head_makes_no_backup(tmp_path: Path) -> None:
    paths = WorkspacePaths(tmp_path / "ws")
    Workspace.open(paths).close()
    again = Workspace.open(paths)
    try:
        assert again.migration_backup is None
    finally:
        again.close()


def test_failed_migration_leaves_the_file_usable(tmp_path: Path, monkeypatch) -> None:
    root = tmp_path / "ws"
    root.mkdir()
    db = root / "localpro.sqlite"
    shutil.copy(FIXTURE, db)
    from localpro_desktop.store import migrate

    def broken(config, revision):  # type: ignore[no-untyped-def]
        conn = config.attributes["connection"]
        conn.exec_driver_sql("CREATE TABLE half_done (x INTEGER)")
        raise RuntimeError("disk full")

    monkeypatch.setattr(migrate.command, "upgrade", broken)
    engine = make_engine(db)
    try:
        with pytest.raises(RuntimeError, match="disk full"):
            upgrade(engine, db, root / "backups")
        # The transaction rolled back: still revision 0001, no half-made table.
        assert current_revision(engine) == "0001"
        assert "half_done" not in inspect(engine).get_table_names()
    finally:
        engine.dispose()
    assert check_integrity(db) == "ok"
