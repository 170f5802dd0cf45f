"""Connection settings whose absence or presence was measured to matter."""

from pathlib import Path

from sqlalchemy import text

from localpro_desktop.paths import WorkspacePaths
from localpro_desktop.services.workspace import Workspace


def test_connections_use_wal_foreign_keys_and_keep_temp_storage_on_disk(tmp_path: Path) -> None:
    """temp_store=MEMORY made SQLite's in-memory sub-journal slow down a savepoint with
    every row written in it: applying a 2,500-contact pull page went from 0.1 s to 1.7 s
    by the 30,000th contact (bench/bench_sync.py). Keep the default (a temp file)."""
    ws = Workspace.open(WorkspacePaths(tmp_path / "ws"), daily_backup=False)
    try:
        with ws.engine.connect() as conn:
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert conn.execute(text("PRAGMA temp_store")).scalar() != 2  # 2 = MEMORY
    finally:
        ws.close()


def test_each_connection_keeps_a_small_page_cache(tmp_path: Path) -> None:
    """Each pooled connection has its own cache; at 32 MB apiece the app process grew by
    50 MB on a 100,000-prospect workspace (bench/bench_ui.py) for no measured speed."""
    ws = Workspace.open(WorkspacePaths(tmp_path / "ws"), daily_backup=False)
    try:
        with ws.engine.connect() as conn:
            kib = -int(conn.execute(text("PRAGMA cache_size")).scalar() or 0)
            assert 0 < kib <= 8000  # negative cache_size: KiB
    finally:
        ws.close()
