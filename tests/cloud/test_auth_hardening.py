"""Sign-in under attack and accident (issue 14, findings 3, 4, 5 and the cloud side of 7).

Client IPs are set with ``X-Forwarded-For``: the test server trusts it from 127.0.0.1, as
production trusts it from the load balancer.
"""

import os
import stat
import time
import unicodedata
from pathlib import Path

import pytest
from cloudkit import PASSWORD, Cloud, new_id

from localpro_cloud import accounts, db, throttle
from localpro_protocol.wire import TokenPair


def _ip(address: str) -> dict[str, str]:
    return {"X-Forwarded-For": address}


def _login(cloud: Cloud, email: str, password: str, ip: str, device: str | None = None):
    return cloud.http.post(
        "/v1/auth/login",
        json={"email": email, "password": password, "device_id": device or new_id()},
        headers=_ip(ip),
    )


def _refresh(cloud: Cloud, token: str):
    return cloud.http.post("/v1/auth/refresh", json={"refresh_token": token})


# -- finding 3: a lost refresh answer ---------------------------------------------------


def test_a_lost_refresh_answer_is_retried_within_the_grace_window(cloud: Cloud) -> None:
    device = cloud.register().device()
    old = device.tokens.refresh_token
    lost = _refresh(cloud, old)  # the answer never reaches the laptop
    assert lost.status_code == 200
    cloud.clock.advance(20)
    again = _refresh(cloud, old)
    assert again.status_code == 200, again.text
    pair = TokenPair.model_validate_json(again.content)
    # The family is still valid: the new pair works, for sync and for the next refresh.
    assert (
        cloud.http.get(
            "/v1/account", headers={"Authorization": f"Bearer {pair.access_token}"}
        ).status_code
        == 200
    )
    assert _refresh(cloud, pair.refresh_token).status_code == 200


def test_the_grace_is_once_per_rotation_and_reuse_still_revokes(cloud: Cloud) -> None:
    device = cloud.register().device()
    old = device.tokens.refresh_token
    assert _refresh(cloud, old).status_code == 200
    retry = TokenPair.model_validate_json(_refresh(cloud, old).content)
    third = _refresh(cloud, old)  # a second replay of the same token: theft
    assert third.status_code == 401
    assert _refresh(cloud, retry.refresh_token).status_code == 401  # family revoked


def test_after_the_window_a_replay_revokes_the_family(cloud: Cloud) -> None:
    device = cloud.register().device()
    old = device.tokens.refresh_token
    new = TokenPair.model_validate_json(_refresh(cloud, old).content)
    cloud.clock.advance(accounts.REFRESH_GRACE_MS / 1000 + 1)
    assert _refresh(cloud, old).status_code == 401
    assert _refresh(cloud, new.refresh_token).status_code == 401


def test_an_older_generation_gets_no_grace(cloud: Cloud) -> None:
    device = cloud.register().device()
    first = device.tokens.refresh_token
    second = TokenPair.model_validate_json(_refresh(cloud, first).content)
    third = TokenPair.model_validate_json(_refresh(cloud, second.refresh_token).content)
    assert _refresh(cloud, first).status_code == 401  # two rotations ago: reuse
    assert _refresh(cloud, third.refresh_token).status_code == 401


# -- finding 4: lock-outs ---------------------------------------------------------------


def test_failures_from_an_attacker_do_not_lock_the_victim_out(cloud: Cloud) -> None:
    victim = cloud.register()
    for _ in range(12):
        _login(cloud, victim.email, "wrong password!", "203.0.113.66")
    attacker = _login(cloud, victim.email, "wrong password!", "203.0.113.66")
    assert attacker.status_code == 429
    assert 0 < int(attacker.headers["Retry-After"]) <= 15 * 60
    # The right password from the victim's own address works at once.
    assert _login(cloud, victim.email, victim.password, "198.51.100.7").status_code == 200


def test_a_shared_address_does_not_lock_everybody(cloud: Cloud) -> None:
    cafe = "192.0.2.10"
    for i in range(30):
        _login(cloud, f"guess{i}@example.sn", "whatever pass", cafe)
    customer = cloud.register()
    assert _login(cloud, customer.email, customer.password, cafe).status_code == 200


def test_brute_force_is_still_slowed(cloud: Cloud) -> None:
    victim = cloud.register()
    answers = [_login(cloud, victim.email, f"guess {i:04d}", "203.0.113.5") for i in range(7)]
    assert [a.status_code for a in answers[:5]] == [401] * 5
    assert all(a.status_code == 429 and "Retry-After" in a.headers for a in answers[5:])
    # Many addresses against one e-mail: each answer is delayed.
    for i in range(throttle.SLOW_AFTER_EMAIL_FAILURES + 2):
        _login(cloud, victim.email, "wrong password!", f"10.9.{i}.1")
    started = time.monotonic()
    assert _login(cloud, victim.email, "wrong password!", "10.8.0.1").status_code == 401
    assert time.monotonic() - started >= 0.4


# -- finding 5: unbounded strings, registration flood ---------------------------------


@pytest.mark.parametrize(
    "body",
    [
        {"email": "a" * 300 + "@example.sn", "password": PASSWORD},
        {"email": "x@example.sn", "password": PASSWORD, "name": "n" * 5000},
        {"email": "x@example.sn", "password": "p" * 5000},
    ],
    ids=["email", "name", "password"],
)
def test_register_bounds_every_string(cloud: Cloud, body: dict[str, str]) -> None:
    assert cloud.http.post("/v1/auth/register", json=body).status_code == 422


def test_login_and_profile_bound_their_strings(cloud: Cloud) -> None:
    huge = "e" * 1_000_000 + "@example.sn"
    answer = _login(cloud, huge, "whatever pass", "203.0.113.9")
    assert answer.status_code == 422
    [(longest,)] = cloud.sql("SELECT COALESCE(MAX(LENGTH(key)), 0) FROM login_failures")
    assert longest < 1000
    account = cloud.register()
    patched = cloud.http.patch("/v1/account", json={"name": "n" * 100_000}, headers=account.headers)
    assert patched.status_code == 422


def test_registration_is_rate_limited_per_address(cloud: Cloud) -> None:
    codes = [
        cloud.http.post(
            "/v1/auth/register",
            json={"email": f"flood{i}@example.sn", "password": PASSWORD},
            headers=_ip("203.0.113.77"),
        ).status_code
        for i in range(throttle.MAX_REGISTRATIONS_PER_IP + 2)
    ]
    assert codes[: throttle.MAX_REGISTRATIONS_PER_IP] == [201] * throttle.MAX_REGISTRATIONS_PER_IP
    assert codes[-1] == 429
    other = cloud.http.post(
        "/v1/auth/register",
        json={"email": "elsewhere@example.sn", "password": PASSWORD},
        headers=_ip("198.51.100.1"),
    )
    assert other.status_code == 201


# -- finding 7 (cloud) -------------------------------------------------------------------


def test_register_does_not_tell_whether_an_address_is_taken(cloud: Cloud) -> None:
    cloud.register("taken@example.sn")
    taken = cloud.http.post(
        "/v1/auth/register", json={"email": "taken@example.sn", "password": "another secret 987"}
    )
    assert taken.status_code != 409
    assert "taken@example.sn" not in taken.text
    assert "exists" not in taken.text
    wrong = _login(cloud, "nobody@example.sn", "another secret 987", "127.0.0.1")
    assert (taken.status_code, taken.json()) == (wrong.status_code, wrong.json())


@pytest.mark.parametrize(
    ("password", "extra"),
    [
        ("aaaaaaaaaa", {}),
        ("password12", {}),
        ("1234567890", {}),
        ("fatou.diop@example.sn", {}),
        ("Fatou Diop Couture", {"name": "Fatou Diop Couture"}),
    ],
)
def test_weak_passwords_are_refused(cloud: Cloud, password: str, extra: dict[str, str]) -> None:
    response = cloud.http.post(
        "/v1/auth/register",
        json={"email": "fatou.diop@example.sn", "password": password, **extra},
    )
    assert response.status_code == 422, response.text
    assert password not in response.text


def test_nfc_and_nfd_addresses_are_one_account(cloud: Cloud) -> None:
    nfc = unicodedata.normalize("NFC", "rené@exemple.sn")
    nfd = unicodedata.normalize("NFD", "RENÉ@exemple.sn")
    account = cloud.register(nfc)
    assert _login(cloud, nfd, account.password, "127.0.0.1").status_code == 200
    again = cloud.http.post(
        "/v1/auth/register", json={"email": nfd, "password": "other secret 4242"}
    )
    assert again.status_code != 201
    assert len(cloud.sql("SELECT email FROM account_emails")) == 1


@pytest.mark.parametrize(
    "email",
    ["pay\u0440al@example.sn", "bob\u0007@example.sn", "a\u200b@example.sn"],
    ids=["mixed-script", "control", "zero-width"],
)
def test_look_alike_and_control_addresses_are_refused(cloud: Cloud, email: str) -> None:
    answer = cloud.http.post("/v1/auth/register", json={"email": email, "password": PASSWORD})
    assert answer.status_code == 422


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_the_sqlite_file_is_private(tmp_path: Path) -> None:
    folder = tmp_path / "cloud-data"
    engine = db.make_engine(f"sqlite:///{(folder / 'cloud.sqlite').as_posix()}")
    db.migrate(engine)
    engine.dispose()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for path in folder.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_openapi_documents_the_error_answers(cloud: Cloud) -> None:
    paths = cloud.http.get("/openapi.json").json()["paths"]
    login = paths["/v1/auth/login"]["post"]["responses"]
    assert {"400", "401", "413", "415", "422", "429"} <= set(login)
    assert {"401"} <= set(paths["/v1/account"]["get"]["responses"])
    push = paths["/v1/sync/push"]["post"]["responses"]
    assert {"400", "401", "413", "415", "426"} <= set(push)
    assert "429" in paths["/v1/auth/register"]["post"]["responses"]
