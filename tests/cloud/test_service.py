"""The service as deployed: health, OpenAPI, the command line, two instances on one database."""

import os
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from cloudkit import SECRET, Cloud, FakeClock, new_id, running

from localpro_cloud import db
from localpro_cloud.app import create_app


def test_health_and_openapi(cloud: Cloud) -> None:
    health = cloud.http.get("/health")
    assert health.status_code == 200 and health.json()["status"] == "ok"
    schema = cloud.http.get("/openapi.json").json()
    for path in (
        "/v1/auth/register",
        "/v1/auth/login",
        "/v1/auth/refresh",
        "/v1/auth/logout",
        "/v1/account",
        "/v1/sync/meta",
        "/v1/sync/push",
        "/v1/sync/pull",
    ):
        assert path in schema["paths"], path
    push = schema["paths"]["/v1/sync/push"]["post"]
    ref = push["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    assert ref == "#/components/schemas/PushRequest"
    components = schema["components"]["schemas"]
    assert components["PushRequest"]["properties"]["ops"]["items"]["$ref"].endswith("/PushOp")
    assert "PushOp" in components and "PullResponse" in components
    docs = cloud.http.get("/docs")
    assert docs.status_code == 200 and "swagger" in docs.text.lower()


def test_migrations_are_applied_once_and_reach_head(database_url: str) -> None:
    engine = db.make_engine(database_url)
    try:
        db.migrate(engine)
        db.migrate(engine)  # a second instance starting finds nothing to do
        assert db.current_revision(engine) == db.head_revision()
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"version_table": db.VERSION_TABLE})
            assert compare_metadata(context, db.metadata) == []  # migrations match the tables
    finally:
        engine.dispose()


def test_two_instances_share_sessions_and_rate_limits(database_url: str) -> None:
    """Nothing lives in one instance's memory: a load balancer may send any request anywhere."""
    clock = FakeClock()
    first = create_app(database_url, secret=SECRET, clock=clock)
    second = create_app(database_url, secret=SECRET, clock=clock)
    with running(first) as one, running(second) as two:
        email = f"lb-{new_id()[:8]}@example.sn"
        password = "a long enough password"
        made = httpx.post(f"{one}/v1/auth/register", json={"email": email, "password": password})
        assert made.status_code == 201
        login = {"email": email, "password": password, "device_id": new_id()}
        tokens = httpx.post(f"{two}/v1/auth/login", json=login).json()
        rotated = httpx.post(
            f"{one}/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]}
        )
        assert rotated.status_code == 200
        clock.advance(61)  # past the grace for a lost refresh answer (issue 14)
        reused = httpx.post(
            f"{two}/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]}
        )
        assert reused.status_code == 401
        wrong = {**login, "password": "not the password"}
        for url in (one, two, one, two, one):
            assert httpx.post(f"{url}/v1/auth/login", json=wrong).status_code == 401
        assert httpx.post(f"{two}/v1/auth/login", json=login).status_code == 429


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_command_line_serves_with_a_private_secret_file(tmp_path: Path) -> None:
    home = tmp_path / "cloud-home"
    env = {k: v for k, v in os.environ.items() if not k.startswith("LOCALPRO_CLOUD_")}
    env["LOCALPRO_CLOUD_HOME"] = str(home)
    migrated = subprocess.run(
        [sys.executable, "-m", "localpro_cloud", "migrate"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert migrated.returncode == 0, migrated.stderr
    assert f"revision {db.head_revision()}" in migrated.stdout
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "localpro_cloud", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert process.poll() is None, process.stdout.read() if process.stdout else ""
            assert time.monotonic() < deadline, "localpro-cloud serve did not come up"
            time.sleep(0.1)
        secret = home / "secret.key"
        assert stat.S_IMODE(secret.stat().st_mode) == 0o600
        assert len(secret.read_text()) >= 32
        assert (home / "cloud.sqlite").exists()
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_command_line_refuses_a_short_secret(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "localpro_cloud",
            "serve",
            "--data-dir",
            str(tmp_path),
            "--secret",
            "short",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2 and "at least 32" in result.stderr


def test_create_app_refuses_a_short_secret(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="at least 32"):
        create_app(f"sqlite:///{tmp_path / 'x.sqlite'}", secret="short")
