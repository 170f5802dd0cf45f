"""0008: inbound events and per-channel opt-outs, synced like every other table."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import Engine, inspect

from localpro_desktop.domain.opt_outs import opt_out_id
from localpro_desktop.paths import WorkspacePaths
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.engine import make_engine
from localpro_desktop.store.migrate import (
    alembic_config,
    current_revision,
    head_revision,
    upgrade_to,
)
from localpro_desktop.store.models import Base, ContactOptOut, InboundApplied

CONTACT = "01900000-0000-7000-8000-0000000000c1"
NEW_TABLES = ("inbound_events", "contact_opt_outs", "inbound_applied")


def _triggers(engine: Engine, table: str) -> set[str]:
    with engine.connect() as conn:
        return {
            name
            for (name,) in conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", (table,)
            )
        }


def _seed_0007(root: Path) -> None:
    engine = make_engine(root / "localpro.sqlite")
    try:
        upgrade_to(engine, "0007")
        now = "2026-12-01 09:00:00.000000"
        with engine.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO contacts (id, first_name, last_name, company, name_key, sector,"
                " phone, phone_e164, whatsapp, whatsapp_e164, email, email_normalized, website,"
                " address, city, country, status, tags, notes, opt_out_whatsapp, opt_out_email,"
                " opt_out_sms, created_at, updated_at) VALUES (?, 'Awa', '', '', 'awa', '',"
                " '', '+221771234567', '', NULL, '', NULL, '', '', 'Dakar', 'SN', 'client', '[]',"
                " '', 0, 0, 0, ?, ?)",
                (CONTACT, now, now),
            )
    finally:
        engine.dispose()


def test_0008_adds_the_tables_to_a_0007_workspace_and_captures_opt_outs(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    root.mkdir()
    _seed_0007(root)
    ws = Workspace.open(WorkspacePaths(root), daily_backup=False)
    try:
        assert current_revision(ws.engine) == head_revision()
        inspector = inspect(ws.engine)
        for table in NEW_TABLES:
            live = {c["name"] for c in inspector.get_columns(table)}
            assert live == {c.name for c in Base.metadata.tables[table].columns}, table
            indexes = {ix["name"] for ix in inspector.get_indexes(table)}
            assert indexes == {ix.name for ix in Base.metadata.tables[table].indexes}, table
        recipient_indexes = {ix["name"] for ix in inspector.get_indexes("campaign_recipients")}
        assert "ix_campaign_recipients_provider_id" in recipient_indexes
        assert _triggers(ws.engine, "contact_opt_outs") == {
            "sync_contact_opt_outs_ai",
            "sync_contact_opt_outs_au",
        }
        assert _triggers(ws.engine, "inbound_events") == {
            "sync_inbound_events_ai",
            "sync_inbound_events_au",
        }
        assert _triggers(ws.engine, "inbound_applied") == set()
        # An opt-out is captured for sync, field by field; what was applied is not.
        with ws.write() as session:
            row = ContactOptOut(
                id=opt_out_id(CONTACT, "sms"),
                contact_id=CONTACT,
                channel="sms",
                source="sms_keyword",
                words="STOP",
            )
            session.add(row)
            session.add(InboundApplied(event_id="e" * 36, outcome="applied"))
        with ws.write() as session:
            held = session.get(ContactOptOut, opt_out_id(CONTACT, "sms"))
            assert held is not None
            held.opted_out = False
        with ws.engine.connect() as conn:
            captured = {
                (tbl, field)
                for tbl, field in conn.exec_driver_sql("SELECT tbl, field FROM sync_outbox")
            }
        assert ("contact_opt_outs", "*") in captured and (
            "contact_opt_outs",
            "opted_out",
        ) in captured
        assert not any(tbl == "inbound_applied" for tbl, _field in captured)
        assert ws.settings().country  # and the rest of the workspace is intact
    finally:
        ws.close()


def test_0008_downgrades_to_0007(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    root.mkdir()
    _seed_0007(root)
    ws = Workspace.open(WorkspacePaths(root), daily_backup=False)
    try:
        with ws.write() as session:
            session.add(
                ContactOptOut(
                    id=opt_out_id(CONTACT, "email"),
                    contact_id=CONTACT,
                    channel="email",
                    source="manual",
                )
            )
    finally:
        ws.close()
    engine = make_engine(root / "localpro.sqlite")
    try:
        config = alembic_config()
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0007")
        assert current_revision(engine) == "0007"
        tables = set(inspect(engine).get_table_names())
        assert not tables & set(NEW_TABLES)
        indexes = {ix["name"] for ix in inspect(engine).get_indexes("campaign_recipients")}
        assert "ix_campaign_recipients_provider_id" not in indexes
        with engine.connect() as conn:
            left = conn.exec_driver_sql(
                "SELECT count(*) FROM sync_outbox"
                " WHERE tbl IN ('inbound_events', 'contact_opt_outs')"
            ).scalar()
            assert left == 0
            names = conn.exec_driver_sql("SELECT first_name FROM contacts").scalars().all()
            assert names == ["Awa"]
            triggers = conn.exec_driver_sql(
                "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND (name LIKE "
                "'sync_inbound_events_%' OR name LIKE 'sync_contact_opt_outs_%')"
            ).scalar()
            assert triggers == 0
    finally:
        engine.dispose()
    # And up again: the 0008 workspace opens as new.
    ws = Workspace.open(WorkspacePaths(root), daily_backup=False)
    try:
        assert current_revision(ws.engine) == head_revision()
    finally:
        ws.close()
