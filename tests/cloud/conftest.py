"""Cloud fixtures: every test runs against a real server, on SQLite and on PostgreSQL.

PostgreSQL runs when ``LOCALPRO_TEST_PG_URL`` names a server (for example
``postgresql+psycopg://postgres:postgres@127.0.0.1:5432/postgres``): a fresh database with
a random name is created for the test session and dropped after it; tables are emptied
before each test. Without the variable those tests are skipped, saying why.
"""

import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from cloudkit import SECRET, Cloud, FakeClock, running
from sqlalchemy import create_engine, inspect
from sqlalchemy.engine import make_url

from localpro_cloud import db
from localpro_cloud.app import create_app

PG_ENV = "LOCALPRO_TEST_PG_URL"


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(
            f"{PG_ENV} is not set, so the PostgreSQL backend is not tested here "
            "(e.g. postgresql+psycopg://postgres:postgres@127.0.0.1:5432/postgres)"
        )
    name = f"localpro_cloud_test_{secrets.token_hex(6)}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(base).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def _empty_tables(url: str) -> None:
    """Each test starts from empty tables (DELETE: far quicker than TRUNCATE when small)."""
    engine = create_engine(url)
    try:
        present = set(inspect(engine).get_table_names())
        with engine.begin() as conn:
            for table in reversed(db.metadata.sorted_tables):
                if table.name in present:
                    conn.execute(table.delete())
    finally:
        engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{(tmp_path / 'cloud.sqlite').as_posix()}"
    url: str = request.getfixturevalue("postgres_url")
    _empty_tables(url)
    return url


@pytest.fixture
def cloud(database_url: str) -> Iterator[Cloud]:
    clock = FakeClock()
    app = create_app(database_url, secret=SECRET, clock=clock)
    with running(app) as url, httpx.Client(base_url=url, timeout=60) as http:
        kit = Cloud(url=url, database_url=database_url, clock=clock, http=http)
        try:
            yield kit
        finally:
            kit.close()
