"""Set-based capture of bulk inserts records what the row-by-row capture trigger records."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Connection

from localpro_desktop.paths import WorkspacePaths
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.capture import capture_of, captured_in_bulk
from localpro_protocol.hlc import Timestamp

IDS = [f"01900000-0000-7000-8000-{n:012d}" for n in (5, 2, 9, 1)]  # not in id order
NOW = "'2026-12-02 10:00:00.000000'"
INSERT = (
    "INSERT INTO usage_events (id, metric, month, quantity, occurred_at, reason, created_at, "
    f"updated_at) SELECT id, 'prospects', '2026-12', 1, {NOW}, 'test', {NOW}, {NOW} "
    "FROM temp.new_ids ORDER BY rowid"
)


@pytest.fixture
def two(tmp_path: Path) -> Iterator[tuple[Workspace, Workspace]]:
    a = Workspace.open(WorkspacePaths(tmp_path / "a"), daily_backup=False)
    b = Workspace.open(WorkspacePaths(tmp_path / "b"), daily_backup=False)
    try:
        yield a, b
    finally:
        a.close()
        b.close()


def _stage(conn: Connection) -> None:
    conn.exec_driver_sql("CREATE TEMP TABLE new_ids (id)")
    conn.exec_driver_sql("INSERT INTO temp.new_ids VALUES (?)", [(i,) for i in IDS])


def _captured(conn: Connection) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    outbox = conn.exec_driver_sql(
        "SELECT tbl, row_id, field, hlc FROM sync_outbox WHERE tbl = 'usage_events' ORDER BY seq"
    ).all()
    clock = conn.exec_driver_sql(
        "SELECT tbl, row_id, field, hlc FROM sync_clock WHERE tbl = 'usage_events' ORDER BY row_id"
    ).all()
    return [tuple(r) for r in outbox], [tuple(r) for r in clock]


def test_same_rows_as_the_trigger_in_the_same_order(two: tuple[Workspace, Workspace]) -> None:
    by_trigger, in_bulk = two
    with by_trigger.write() as session:
        conn = session.connection()
        _stage(conn)
        conn.exec_driver_sql(INSERT)
        trigger_outbox, trigger_clock = _captured(conn)
    with in_bulk.write() as session:
        conn = session.connection()
        _stage(conn)
        with captured_in_bulk(conn, "usage_events", "temp.new_ids", "id"):
            conn.exec_driver_sql(INSERT)
            assert _captured(conn) == ([], [])  # nothing row by row
        bulk_outbox, bulk_clock = _captured(conn)

    def without_clocks(rows: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
        return [row[:3] for row in rows]

    assert without_clocks(bulk_outbox) == without_clocks(trigger_outbox)
    assert [row[1] for row in bulk_outbox] == IDS  # insert order
    assert without_clocks(bulk_clock) == without_clocks(trigger_clock)
    # One clock value per row, increasing, the same in the outbox and the clock table.
    stamps = [row[3] for row in bulk_outbox]
    assert stamps == sorted(stamps) and len(set(stamps)) == len(IDS)
    assert all(Timestamp.decode(stamp).node == in_bulk.device_id for stamp in stamps)
    assert {row[1]: row[3] for row in bulk_clock} == {row[1]: row[3] for row in bulk_outbox}
    # A change made afterwards, one row at a time, is stamped after all of them.
    with in_bulk.write() as session:
        conn = session.connection()
        conn.exec_driver_sql("UPDATE usage_events SET reason = 'later' WHERE id = ?", (IDS[0],))
        later = conn.exec_driver_sql(
            "SELECT hlc FROM sync_outbox WHERE field = 'reason' AND row_id = ?", (IDS[0],)
        ).scalar()
    assert later > max(stamps)


def test_nothing_captured_while_the_sync_applies_pulled_rows(
    two: tuple[Workspace, Workspace],
) -> None:
    ws, _ = two
    with ws.write() as session, capture_of(ws.engine).suspended():
        conn = session.connection()
        _stage(conn)
        with captured_in_bulk(conn, "usage_events", "temp.new_ids", "id"):
            conn.exec_driver_sql(INSERT)
        assert _captured(conn) == ([], [])
        assert conn.exec_driver_sql("SELECT count(*) FROM usage_events").scalar() == len(IDS)
