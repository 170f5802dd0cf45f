"""The cloud schema (SQLAlchemy Core), engines for SQLite and PostgreSQL, and migrations.

Every table but three carries ``account_id`` first in its primary key and every query on
them filters by it, so the schema can be distributed by account (Citus-style) without
changing a query: an account's rows, devices, sessions and its sequence counter live on one
shard. The three exceptions are lookups made before the account is known — e-mail →
account, device → account, and failed sign-ins — each keyed by what the request carries.

Times are integers (milliseconds since the epoch, from the injectable clock) so that tests
can move time and both databases compare them the same way.
"""

import contextlib
import os
import threading
import weakref
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Connection,
    Engine,
    ForeignKey,
    Index,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    create_engine,
    event,
)
from sqlalchemy.engine import make_url

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata = MetaData(naming_convention=NAMING_CONVENTION)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
VERSION_TABLE = "localpro_cloud_version"
"""Own name, so the cloud schema can share a PostgreSQL database with other tools."""
MIGRATION_LOCK_ID = 0x4C50434C
"""PostgreSQL advisory lock held while migrating: instances starting together wait in turn."""

accounts = Table(
    "accounts",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("email", String(320), nullable=False),
    Column("password_hash", String(200), nullable=False),
    Column("name", String(200), nullable=False, default=""),
    Column("business_name", String(300), nullable=False, default=""),
    Column("country", String(2), nullable=False, default="SN"),
    Column("plan", String(20), nullable=False, default="starter"),
    # The sync cursor source: bumped inside each push transaction, under this row's lock.
    Column("seq", BigInteger, nullable=False, default=0),
    Column("created_ms", BigInteger, nullable=False),
)

account_emails = Table(
    "account_emails",
    metadata,
    Column("email", String(320), primary_key=True),
    Column("account_id", String(36), ForeignKey("accounts.id", ondelete="CASCADE"), nullable=False),
)

device_owners = Table(
    "device_owners",
    metadata,
    Column("device_id", String(40), primary_key=True),
    Column("account_id", String(36), ForeignKey("accounts.id", ondelete="CASCADE"), nullable=False),
)

devices = Table(
    "devices",
    metadata,
    Column("account_id", String(36), ForeignKey("accounts.id", ondelete="CASCADE")),
    Column("device_id", String(40)),
    Column("name", String(200), nullable=False, default=""),
    # Highest op id applied (or rejected) for this device: replays at or below are skipped.
    Column("last_op_id", BigInteger, nullable=False, default=0),
    Column("created_ms", BigInteger, nullable=False),
    Column("last_seen_ms", BigInteger, nullable=False),
    PrimaryKeyConstraint("account_id", "device_id"),
)

sessions = Table(
    "sessions",
    metadata,
    Column("account_id", String(36), ForeignKey("accounts.id", ondelete="CASCADE")),
    Column("family_id", String(36)),
    Column("device_id", String(40), nullable=True),
    Column("created_ms", BigInteger, nullable=False),
    Column("revoked_ms", BigInteger, nullable=True),
    PrimaryKeyConstraint("account_id", "family_id"),
)

refresh_tokens = Table(
    "refresh_tokens",
    metadata,
    Column("account_id", String(36), ForeignKey("accounts.id", ondelete="CASCADE")),
    Column("token_hash", String(64)),
    Column("family_id", String(36), nullable=False),
    Column("created_ms", BigInteger, nullable=False),
    Column("expires_ms", BigInteger, nullable=False),
    Column("used_ms", BigInteger, nullable=True),
    # The token this one was swapped for, and when its one retry (a lost answer) was used.
    Column("next_hash", String(64), nullable=True),
    Column("grace_ms", BigInteger, nullable=True),
    PrimaryKeyConstraint("account_id", "token_hash"),
    Index("ix_refresh_tokens_family", "account_id", "family_id"),
)

sync_rows = Table(
    "sync_rows",
    metadata,
    Column("account_id", String(36), ForeignKey("accounts.id", ondelete="CASCADE")),
    Column("table_name", String(40)),
    Column("row_id", String(36)),
    Column("seq", BigInteger, nullable=False),
    # {field: [value, hlc]} as JSON text: the document merge() works on, sent back verbatim.
    Column("fields", Text, nullable=False),
    PrimaryKeyConstraint("account_id", "table_name", "row_id"),
    Index("ix_sync_rows_account_seq", "account_id", "seq", unique=True),
)

sync_rejections = Table(
    "sync_rejections",
    metadata,
    Column("account_id", String(36), ForeignKey("accounts.id", ondelete="CASCADE")),
    Column("device_id", String(40)),
    Column("op_id", BigInteger),
    Column("reason", Text, nullable=False),
    Column("at_ms", BigInteger, nullable=False),
    PrimaryKeyConstraint("account_id", "device_id", "op_id"),
)

usage_index = Table(
    "usage_index",
    metadata,
    Column("account_id", String(36), ForeignKey("accounts.id", ondelete="CASCADE")),
    Column("row_id", String(36)),
    Column("month", String(7), nullable=False),
    Column("metric", String(40), nullable=False),
    Column("quantity", BigInteger, nullable=False),
    Column("deleted", Boolean, nullable=False),
    PrimaryKeyConstraint("account_id", "row_id"),
    Index("ix_usage_index_account_month", "account_id", "month"),
)

login_failures = Table(
    "login_failures",
    metadata,
    # "pair:<e-mail>|<address>", "email:<e-mail>", "ip:<address>" (failed sign-ins) or
    # "register:<address>" (registrations): one row per counted attempt and key.
    Column("key", String(400)),
    Column("at_ms", BigInteger),
    Column("nonce", String(32)),
    PrimaryKeyConstraint("key", "at_ms", "nonce"),
    Index("ix_login_failures_at", "at_ms"),
)


webhooks = Table(
    "webhooks",
    metadata,
    Column("account_id", String(36), ForeignKey("accounts.id", ondelete="CASCADE")),
    Column("channel", String(20)),
    Column("provider", String(20), nullable=False),
    # The URL's secret part; rotating it (enabling again) stops the old URL at once.
    Column("hook_id", String(64), nullable=False, unique=True),
    # The provider's signing secret, Fernet-encrypted with a key derived from the server
    # secret (hooks/secrets.py); "" when the provider signs nothing.
    Column("secret_box", Text, nullable=False, default=""),
    Column("verify_token", String(64), nullable=False, default=""),
    Column("created_ms", BigInteger, nullable=False),
    PrimaryKeyConstraint("account_id", "channel"),
)

sent_index = Table(
    "sent_index",
    metadata,
    # Provider message ids the account's laptops pushed (campaign_recipients.provider_id):
    # a callback about any other message is ignored (Africa's Talking signs nothing).
    Column("account_id", String(36), ForeignKey("accounts.id", ondelete="CASCADE")),
    Column("message_id", String(200)),
    Column("recipient_id", String(36), nullable=False),
    PrimaryKeyConstraint("account_id", "message_id"),
)

# -- engines ----------------------------------------------------------------------------


def make_engine(url: str) -> Engine:
    """An engine for SQLite (one instance) or PostgreSQL via psycopg 3 (any number)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            _private_file(Path(parsed.database))
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    if parsed.get_backend_name() == "postgresql":
        return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)
    raise ValueError(
        f"Unsupported database URL {parsed.render_as_string()!r}: use sqlite or postgresql"
    )


def _private_file(path: Path) -> None:
    """The SQLite file (0600) in a folder made 0700 if we create it: it holds password
    hashes and every account's data. SQLite gives its -wal and -shm files the file's mode."""
    if not path.parent.exists():
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    os.close(fd)
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            os.chmod(f"{path}{suffix}", 0o600)


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # Take transaction control from the sqlite3 module (it would commit DDL by itself and
    # begin lazily); transactions begin explicitly in _sqlite_begin.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


READ_ONLY = "localpro_read_only"


def _sqlite_begin(connection: Connection) -> None:
    # A writer takes the lock up front (IMMEDIATE): two pushes that both read before
    # writing would otherwise deadlock on the upgrade and one would fail with "locked".
    if connection.get_execution_options().get(READ_ONLY):
        connection.exec_driver_sql("BEGIN")
    else:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


_WRITERS: "weakref.WeakKeyDictionary[Engine, threading.Lock]" = weakref.WeakKeyDictionary()
_WRITERS_GUARD = threading.Lock()


def _writer_lock(engine: Engine) -> "threading.Lock | None":
    """On SQLite, this process's writers queue on a lock of their own.

    SQLite admits one writer; the others wait in its busy handler, which sleeps 1, 2, 5,
    10 … 100 ms between tries: with webhook calls arriving in parallel, p99 latency was
    200–700 ms (bench/bench_hooks.py) though each write takes about a millisecond. A
    Python lock hands the turn over at once. PostgreSQL needs none (row locks).
    """
    if engine.dialect.name != "sqlite":
        return None
    with _WRITERS_GUARD:
        lock = _WRITERS.get(engine)
        if lock is None:
            lock = _WRITERS[engine] = threading.Lock()
        return lock


@contextmanager
def write(engine: Engine) -> Iterator[Connection]:
    """One transaction that may write; commits on success, rolls back on any exception."""
    lock = _writer_lock(engine)
    with lock if lock is not None else nullcontext(), engine.begin() as conn:
        yield conn


@contextmanager
def read(engine: Engine) -> Iterator[Connection]:
    """A transaction that only reads (on SQLite it does not block writers)."""
    with engine.connect() as conn:
        conn = conn.execution_options(**{READ_ONLY: True})
        with conn.begin():
            yield conn


# -- migrations -------------------------------------------------------------------------


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
        context = MigrationContext.configure(conn, opts={"version_table": VERSION_TABLE})
        return context.get_current_revision()


def migrate(engine: Engine) -> None:
    """Bring the schema to head in one transaction (DDL is transactional on both databases).

    On PostgreSQL an advisory lock makes instances that start together migrate one after
    the other; the second finds the schema at head and does nothing.
    """
    config = alembic_config()
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK_ID})")
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
