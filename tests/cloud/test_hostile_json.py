"""Hostile JSON bodies (issue 14, finding 6): always a short 4xx, never a 500, never an
echo of the input, and never a password in a log line."""

import logging
import uuid

import pytest
from cloudkit import Cloud

SECRET_PASSWORD = "Zq9-secret-" + uuid.uuid4().hex


def _bodies(cloud: Cloud) -> list[tuple[str, str, dict[str, str]]]:
    """(method, path, headers) of every JSON endpoint that takes a body."""
    account = cloud.register()
    device = account.device()
    auth = {"Authorization": f"Bearer {device.tokens.access_token}"}
    return [
        ("POST", "/v1/auth/register", {}),
        ("POST", "/v1/auth/login", {}),
        ("POST", "/v1/auth/refresh", {}),
        ("POST", "/v1/auth/logout", {}),
        ("PATCH", "/v1/account", auth),
        ("POST", "/v1/hooks", auth),
        ("POST", "/v1/sync/push", auth),
    ]


def _check(response_text: str, status: int) -> None:
    assert 400 <= status < 500, (status, response_text[:300])
    assert len(response_text) < 4000, response_text[:300]
    assert SECRET_PASSWORD not in response_text


@pytest.mark.parametrize(
    "raw",
    [
        # NaN with a missing field: the old 422 carried the whole body (password included)
        # and failed to render NaN → 500 with the password in the log.
        '{"password": "%s", "name": NaN}',
        '{"password": "%s", "email": Infinity, "device_id": -Infinity}',
        '{"email": "a\\ud800@example.sn", "password": "%s", "device_id": "x"}',
        '{"email": "a@example.sn", "password": "%s\\ud800", "device_id": "x"}',
        '{"password": "%s", "nest": ' + "[" * 900 + "]" * 900 + "}",
    ],
    ids=["nan", "infinity", "surrogate-email", "surrogate-password", "deep"],
)
def test_hostile_bodies_are_short_4xx_without_the_password(
    cloud: Cloud,
    raw: str,
    caplog: pytest.LogCaptureFixture,
    capfd: pytest.CaptureFixture[str],
) -> None:
    caplog.set_level(logging.DEBUG)
    body = raw % SECRET_PASSWORD
    for method, path, headers in _bodies(cloud):
        response = cloud.http.request(
            method, path, content=body, headers={**headers, "Content-Type": "application/json"}
        )
        _check(response.text, response.status_code)
        assert '"input"' not in response.text, (path, response.text[:300])
    out, err = capfd.readouterr()
    logged = out + err + caplog.text
    assert SECRET_PASSWORD not in logged
    assert "Traceback" not in logged


def test_validation_errors_name_fields_without_echoing_input(cloud: Cloud) -> None:
    response = cloud.http.post(
        "/v1/auth/login", json={"email": "x@example.sn", "password": SECRET_PASSWORD}
    )
    assert response.status_code == 422
    assert SECRET_PASSWORD not in response.text
    detail = response.json()["detail"]
    assert any(item["loc"][-1] == "device_id" for item in detail)
    assert all(set(item) <= {"loc", "msg", "type"} for item in detail)


def test_huge_op_id_in_a_block_is_refused_not_a_500(cloud: Cloud) -> None:
    device = cloud.register().device()
    block = {
        "table": "contacts",
        "op_ids": [10**20],
        "row_ids": [str(uuid.uuid4())],
        "hlcs": [device.hlc()],
        "columns": {"name": ["x"]},
    }
    response = device.push_raw([], blocks=[block])
    assert 400 <= response.status_code < 500, response.text[:300]
