"""Schema upgrades on real database files, as earlier versions left them on disk."""

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session

from localpro_desktop.paths import WorkspacePaths
from localpro_desktop.services.contacts import ContactService
from localpro_desktop.services.prospects import ProspectService
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.backup import check_integrity
from localpro_desktop.store.engine import make_engine
from localpro_desktop.store.migrate import (
    alembic_config,
    current_revision,
    head_revision,
    upgrade,
    upgrade_to,
)
from localpro_desktop.store.models import Base, Prospect
from localpro_desktop.store.queries.prospects import ProspectFilter, apply_filter

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

    def broken(config, revision):  # type: ignore[no-untyped-def]
        conn = config.attributes["connection"]
        conn.exec_driver_sql("CREATE TABLE half_done (x INTEGER)")
        raise RuntimeError("disk full")

    monkeypatch.setattr(command, "upgrade", broken)  # alembic's, loaded by migrate when needed
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


_SEARCHES = (
    ProspectFilter(text="boulangerie"),
    ProspectFilter(text="b"),
    ProspectFilter(text="bou ka"),
    ProspectFilter(sector="bakery", city="Dakar"),
    ProspectFilter(sector="bakery", city="Dakar", text="bou"),
    ProspectFilter(city="Thiès", text="garage"),
)


def _search_as_0004_did(session: Session, flt: ProspectFilter) -> tuple[list[str], int]:
    """Names and total by the plain statements 0004 ran (no plan choice, no FTS count)."""
    plain = apply_filter(select(Prospect), flt).order_by(Prospect.business_name, Prospect.id)
    rows = session.scalars(plain.limit(100)).all()
    total = session.scalar(apply_filter(select(func.count()).select_from(Prospect), flt))
    return [p.business_name for p in rows], int(total or 0)


def test_0005_upgrades_a_0004_workspace_and_search_returns_the_same_rows(
    tmp_path: Path,
) -> None:
    """0005 rebuilds the FTS table and swaps an index: nothing a search returns may change."""
    root = tmp_path / "ws"
    root.mkdir()
    db = root / "localpro.sqlite"
    engine = make_engine(db)
    try:
        upgrade_to(engine, "0004")
        now = "2026-11-30 09:00:00.000000"
        names = ("Boulangerie Kane", "Boulangerie Diop", "Garage Ba", "Bou Kaolack", "Atelier B")
        with engine.begin() as conn:
            for i in range(60):
                name = f"{names[i % len(names)]} {i}"
                city = ("Dakar", "Thiès", "Dakar", "Touba")[i % 4]
                sector = "bakery" if "Boulangerie" in name or i % 7 == 0 else "garage"
                conn.exec_driver_sql(
                    "INSERT INTO prospects (id, business_name, name_key, sector, city, country,"
                    " address, phone, whatsapp, email, contact_person, website, source,"
                    " source_ref, notes, tags, created_at, updated_at, deleted_at) VALUES"
                    " (?, ?, '', ?, ?, 'SN', '', '', '', '', '', '', 'manual', '', '', '[]',"
                    " ?, ?, ?)",
                    (
                        f"01900000-0000-7000-8000-{i:012d}",
                        name,
                        sector,
                        city,
                        now,
                        now,
                        now if i % 9 == 4 else None,
                    ),
                )
        with Session(engine) as session:
            before = {flt: _search_as_0004_did(session, flt) for flt in _SEARCHES}
    finally:
        engine.dispose()
    assert before[ProspectFilter(text="boulangerie")][1] > 0

    ws = Workspace.open(WorkspacePaths(root), daily_backup=False)
    try:
        assert current_revision(ws.engine) == head_revision()
        svc = ProspectService(ws)
        for flt, (names_0004, total_0004) in before.items():
            page = svc.search(flt)
            assert ([p.business_name for p in page.rows], page.total) == (
                names_0004,
                total_0004,
            ), flt
        live = {ix["name"] for ix in inspect(ws.engine).get_indexes("prospects")}
        declared = {ix.name for ix in Base.metadata.tables["prospects"].indexes}
        assert live == declared and "ix_prospects_search" in live
        with ws.engine.connect() as conn:
            fts_sql = conn.exec_driver_sql(
                "SELECT sql FROM sqlite_master WHERE name = 'prospects_fts'"
            ).scalar()
        assert "prefix='1 2'" in str(fts_sql)
        # The recreated triggers keep the index current.
        added = svc.add({"business_name": "Boulangerie Neuve", "city": "Dakar"})
        assert svc.search(ProspectFilter(text="neuve")).total == 1
        svc.delete([added.id])
        assert svc.search(ProspectFilter(text="neuve")).total == 0
    finally:
        ws.close()


def test_0005_downgrades_to_the_0004_schema_and_search_still_works(tmp_path: Path) -> None:
    paths = WorkspacePaths(tmp_path / "ws")
    ws = Workspace.open(paths, daily_backup=False)
    try:
        ProspectService(ws).add({"business_name": "Pâtisserie Élégance", "city": "Dakar"})
    finally:
        ws.close()
    engine = make_engine(paths.database)
    try:
        config = alembic_config()
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0004")
        assert current_revision(engine) == "0004"
        names = {ix["name"] for ix in inspect(engine).get_indexes("prospects")}
        assert "ix_prospects_sector_city" in names and "ix_prospects_search" not in names
        with engine.connect() as conn:
            found = conn.exec_driver_sql(
                "SELECT count(*) FROM prospects_fts WHERE prospects_fts MATCH '\"elegance\"*'"
            ).scalar()
        assert found == 1
    finally:
        engine.dispose()
    ws = Workspace.open(paths, daily_backup=False)
    try:
        assert ProspectService(ws).search(ProspectFilter(text="élég")).total == 1
    finally:
        ws.close()


def test_the_quick_head_check_agrees_with_alembic() -> None:
    from localpro_desktop.store.migrate import alembic_head_revision

    assert head_revision() == alembic_head_revision()


def test_opening_an_up_to_date_workspace_does_not_load_alembic(tmp_path: Path) -> None:
    """Alembic and mako cost ~0.3 s at every start; they load only when a migration runs."""
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from localpro_desktop.paths import WorkspacePaths\n"
        "from localpro_desktop.services.workspace import Workspace\n"
        "Workspace.open(WorkspacePaths(Path(sys.argv[1])), daily_backup=False).close()\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'alembic', 'mako'}))\n"
    )

    def loaded() -> str:
        done = subprocess.run(
            [sys.executable, "-c", script, str(tmp_path / "ws")],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    assert loaded() == "['alembic', 'mako']"  # a new workspace is migrated
    assert loaded() == "[]"


def test_0006_adds_the_local_outbox_to_a_0005_workspace_with_a_campaign(tmp_path: Path) -> None:
    """A campaign queued before 0006 keeps its rows; the outbox starts empty and is local."""
    root = tmp_path / "ws"
    root.mkdir()
    db = root / "localpro.sqlite"
    engine = make_engine(db)
    try:
        upgrade_to(engine, "0005")
        now = "2026-12-01 09:00:00.000000"
        with engine.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO campaigns (id, name, channel, status, subject, body, segment_id,"
                " scheduled_at, sent_at, completed_at, failure_reason, created_at, updated_at,"
                " deleted_at) VALUES ('01900000-0000-7000-8000-00000000c001', 'Tabaski',"
                " 'email', 'draft', 'Offre', 'Bonjour', NULL, NULL, NULL, NULL, '', ?, ?, NULL)",
                (now, now),
            )
    finally:
        engine.dispose()

    ws = Workspace.open(WorkspacePaths(root), daily_backup=False)
    try:
        assert current_revision(ws.engine) == head_revision()
        assert ws.migration_backup is not None  # the 0005 file was kept before upgrading
        live = {c["name"] for c in inspect(ws.engine).get_columns("outbox_messages")}
        assert live == {c.name for c in Base.metadata.tables["outbox_messages"].columns}
        indexes = {ix["name"] for ix in inspect(ws.engine).get_indexes("outbox_messages")}
        assert {"ix_outbox_messages_due", "ix_outbox_messages_campaign"} <= indexes
        with ws.engine.connect() as conn:
            triggers = conn.exec_driver_sql(
                "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"
                " AND tbl_name = 'outbox_messages'"
            ).scalar()
            assert triggers == 0  # local only: never captured for sync
            assert conn.exec_driver_sql("SELECT count(*) FROM outbox_messages").scalar() == 0
            name = conn.exec_driver_sql("SELECT name FROM campaigns").scalar()
            assert name == "Tabaski"
    finally:
        ws.close()


def test_0006_downgrades_to_0005(tmp_path: Path) -> None:
    paths = WorkspacePaths(tmp_path / "ws")
    Workspace.open(paths, daily_backup=False).close()
    engine = make_engine(paths.database)
    try:
        config = alembic_config()
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0005")
        assert current_revision(engine) == "0005"
        assert "outbox_messages" not in inspect(engine).get_table_names()
    finally:
        engine.dispose()


def test_0007_keeps_campaigns_and_captures_the_new_campaign_fields(tmp_path: Path) -> None:
    """A 0006 campaign keeps its fields; a change to a new field (who sends it, a pause)
    is captured for sync like any other campaign field."""
    root = tmp_path / "ws"
    root.mkdir()
    engine = make_engine(root / "localpro.sqlite")
    try:
        upgrade_to(engine, "0006")
        now = "2026-12-01 09:00:00.000000"
        with engine.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO campaigns (id, name, channel, status, subject, body, segment_id,"
                " scheduled_at, sent_at, completed_at, failure_reason, created_at, updated_at,"
                " deleted_at) VALUES ('01900000-0000-7000-8000-00000000c001', 'Tabaski',"
                " 'whatsapp', 'draft', '', 'Bonjour', NULL, NULL, NULL, NULL, '', ?, ?, NULL)",
                (now, now),
            )
    finally:
        engine.dispose()

    ws = Workspace.open(WorkspacePaths(root), daily_backup=False)
    try:
        for table in ("campaigns", "outbox_messages"):
            live = {c["name"] for c in inspect(ws.engine).get_columns(table)}
            assert live == {c.name for c in Base.metadata.tables[table].columns}
        with ws.engine.begin() as conn:
            row = conn.exec_driver_sql(
                "SELECT name, sender_device_id, template_vars, paused_at FROM campaigns"
            ).one()
            assert tuple(row) == ("Tabaski", "", "[]", None)
        with ws.write() as session:
            from localpro_desktop.store.models import Campaign

            campaign = session.get(Campaign, "01900000-0000-7000-8000-00000000c001")
            assert campaign is not None
            campaign.sender_device_id = ws.device_id
            campaign.template_vars = ["first_name"]
        with ws.engine.connect() as conn:
            fields = {
                f
                for (f,) in conn.exec_driver_sql(
                    "SELECT field FROM sync_outbox WHERE tbl = 'campaigns'"
                )
            }
        assert {"sender_device_id", "template_vars"} <= fields
    finally:
        ws.close()


def test_0007_downgrades_to_0006(tmp_path: Path) -> None:
    paths = WorkspacePaths(tmp_path / "ws")
    Workspace.open(paths, daily_backup=False).close()
    engine = make_engine(paths.database)
    try:
        config = alembic_config()
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0006")
        assert current_revision(engine) == "0006"
        columns = {c["name"] for c in inspect(engine).get_columns("campaigns")}
        assert "sender_device_id" not in columns
        assert "extra" not in {c["name"] for c in inspect(engine).get_columns("outbox_messages")}
    finally:
        engine.dispose()
