"""Sync fixtures: a real server per database backend, a file keyring per test, a proxy.

The server runs once per session and backend (SQLite, and PostgreSQL when
``LOCALPRO_TEST_PG_URL`` is set); tests stay apart by each using a fresh account. The OS
keyring is never touched: every test gets a plaintext keyring file under its tmp_path
(subprocesses find the same file through ``XDG_DATA_HOME``).
"""

import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from faultproxy import FaultProxy
from keyrings.alt.file import PlaintextKeyring
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url
from synckit import SECRET, Cloud, Fleet, ServerClock, running

from localpro_cloud.app import create_app
from tests.channels import local_kit

PG_ENV = "LOCALPRO_TEST_PG_URL"


@pytest.fixture(autouse=True)
def file_keyring(tmp_path: Path) -> Iterator[PlaintextKeyring]:
    """A keyring in a file under tmp_path, where a subprocess with XDG_DATA_HOME finds it."""
    with local_kit.file_keyring(tmp_path) as backend:
        yield backend


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(f"{PG_ENV} is not set, so sync is not tested against PostgreSQL here")
    name = f"localpro_sync_test_{secrets.token_hex(6)}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(base).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def cloud(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Cloud]:
    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("cloud") / "cloud.sqlite"
        database_url = f"sqlite:///{path.as_posix()}"
    else:
        database_url = request.getfixturevalue("postgres_url")
    clock = ServerClock()
    # One address registers every test's accounts: the per-address limit is not tested here.
    app = create_app(database_url, secret=SECRET, clock=clock, registrations_per_hour=100_000)
    with running(app) as url:
        kit = Cloud(url=url, database_url=database_url, clock=clock, backend=request.param)
        try:
            yield kit
        finally:
            kit.close()


@pytest.fixture
def proxy(cloud: Cloud) -> Iterator[FaultProxy]:
    with FaultProxy(cloud.url) as proxy:
        yield proxy


@pytest.fixture
def fleet(cloud: Cloud, tmp_path: Path) -> Iterator[Fleet]:
    kit = Fleet(cloud, tmp_path / "devices")
    try:
        yield kit
    finally:
        kit.close()
