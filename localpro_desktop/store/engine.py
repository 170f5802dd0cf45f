"""The SQLite engine: WAL so the UI can read while a writer works, foreign keys enforced."""

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.orm import Session, sessionmaker

from localpro_desktop.domain.disk import DiskError, disk_error
from localpro_desktop.domain.names import fold
from localpro_desktop.paths import create_private, make_private
from localpro_desktop.store.capture import CaptureState, bind_capture


def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # The sqlite3 module would commit DDL on its own (so a failed migration could stop
    # half-way); take over transaction control and begin explicitly below.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    # NORMAL in WAL mode survives a crash of the app; only power loss can lose the last commit.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    # temp_store stays on disk (the default): with MEMORY, SQLite's in-memory sub-journal
    # made a savepoint around thousands of inserts cost more with every row (a first sync
    # slowed from 0.1 s to 1.7 s per page by the 30,000th contact); temp files live in the
    # OS cache anyway.
    # 4 MB of page cache per connection. Every pooled connection (the UI's, the task
    # runner's, the sync's) keeps its own, and pages are read again quickly from the OS
    # file cache: at 32 MB each, browsing a 100,000-prospect workspace left the app process
    # 50 MB bigger, while the import, search and sync benchmarks ran no faster.
    cursor.execute("PRAGMA cache_size=-4000")
    cursor.close()
    # SQLite cannot compare without accents; give it the same fold() Python uses.
    dbapi_connection.create_function(FOLD_FUNCTION, -1, _sql_fold, deterministic=True)


FOLD_FUNCTION = "lp_fold"


def _sql_fold(*values: object) -> str:
    return fold(" ".join(str(v) for v in values if v is not None))


def make_engine(database: Path) -> Engine:
    # Private from the first byte (POSIX): the WAL and shared-memory files take this mode.
    create_private(database)
    for suffix in ("-wal", "-shm", "-journal"):
        make_private(Path(f"{database}{suffix}"))
    # Connections move between the UI's worker threads; each is used by one at a time.
    engine = create_engine(
        f"sqlite:///{database.as_posix()}",
        connect_args={"check_same_thread": False},
    )
    capture = CaptureState()
    bind_capture(engine, capture)
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "connect", lambda conn, _rec: capture.register(conn))
    event.listen(engine, "begin", _on_begin)
    folder = database.parent
    event.listen(engine, "handle_error", lambda context: _on_error(context, folder))
    return engine


def _on_error(context: ExceptionContext, folder: Path) -> None:
    """A full or failing disk becomes a ``DiskError`` naming the workspace's folder.

    SQLite rolls the statement (or the whole transaction) back itself, so what was committed
    before is intact; the caller's unit of work rolls back the rest. Raising here replaces
    SQLAlchemy's ``OperationalError`` for every statement, commit and connect alike.
    """
    found = disk_error(context.original_exception, folder)
    if isinstance(found, DiskError):
        raise found from context.original_exception


WRITER = "localpro_writer"
"""Execution option: begin this connection's transaction as a writer (BEGIN IMMEDIATE)."""


def _on_begin(connection: Connection) -> None:
    # A deferred transaction that reads, then writes after another connection committed,
    # fails at once with "database is locked" (its snapshot is stale, so busy_timeout
    # cannot help). Writers take the lock up front and wait their turn instead.
    writer = connection.get_execution_options().get(WRITER, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if writer else "BEGIN")


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    # expire_on_commit=False: services hand detached rows to the UI after the commit.
    return sessionmaker(bind=engine, expire_on_commit=False, future=True)
