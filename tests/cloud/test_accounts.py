"""Accounts over HTTP: registration, sign-in, token rotation, sign-out, profile, limits."""

import jwt
from cloudkit import PASSWORD, SECRET, Cloud, new_id

from localpro_protocol.wire import Profile, TokenPair


def test_register_creates_a_starter_account_with_its_profile(cloud: Cloud) -> None:
    response = cloud.http.post(
        "/v1/auth/register",
        json={
            "email": "  Awa.Diop@Example.SN ",
            "password": PASSWORD,
            "name": "Awa Diop",
            "business_name": "Boutique Awa",
            "country": "SN",
        },
    )
    assert response.status_code == 201, response.text
    tokens = TokenPair.model_validate_json(response.content)
    assert tokens.expires_in == 900 and tokens.refresh_token and tokens.access_token

    got = cloud.http.get("/v1/account", headers={"Authorization": f"Bearer {tokens.access_token}"})
    profile = Profile.model_validate_json(got.content)
    assert profile.account_id == tokens.account_id
    assert profile.email == "awa.diop@example.sn"  # normalised
    assert (profile.name, profile.business_name, profile.country) == (
        "Awa Diop",
        "Boutique Awa",
        "SN",
    )
    assert profile.plan == "starter"
    assert {(u.metric, u.used, u.limit) for u in profile.usage} == {
        ("prospects", 0, 200),
        ("messages", 0, 1000),
    }


def test_duplicate_email_is_a_clear_conflict_whatever_its_case(cloud: Cloud) -> None:
    cloud.register("fatou@example.sn")
    again = cloud.http.post(
        "/v1/auth/register", json={"email": "FATOU@example.sn", "password": PASSWORD}
    )
    # Answered as a sign-in (issue 14: no enumeration): the right password gets a session.
    assert again.status_code == 201
    assert cloud.sql("SELECT count(*) FROM accounts")[0][0] == 1


def test_register_rejects_weak_input(cloud: Cloud) -> None:
    short = cloud.http.post("/v1/auth/register", json={"email": "a@b.sn", "password": "short"})
    assert short.status_code == 422
    not_email = cloud.http.post(
        "/v1/auth/register", json={"email": "not-an-email", "password": PASSWORD}
    )
    assert not_email.status_code == 422
    bad_country = cloud.http.post(
        "/v1/auth/register", json={"email": "c@d.sn", "password": PASSWORD, "country": "sn"}
    )
    assert bad_country.status_code == 422


def test_passwords_are_stored_as_argon2id_with_owasp_parameters(cloud: Cloud) -> None:
    account = cloud.register("hash@example.sn", password="a secret password 123")
    [(stored,)] = cloud.sql("SELECT password_hash FROM accounts WHERE id = :id", id=account.id)
    assert stored.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert "a secret password 123" not in stored
    [(token_hash,)] = cloud.sql(
        "SELECT token_hash FROM refresh_tokens WHERE account_id = :id", id=account.id
    )
    assert account.tokens.refresh_token not in token_hash and len(token_hash) == 64


def test_login_binds_the_device_into_the_access_token(cloud: Cloud) -> None:
    account = cloud.register()
    device = account.device(name="Shop laptop")
    claims = jwt.decode(device.tokens.access_token, SECRET, algorithms=["HS256"])
    assert claims["sub"] == account.id and claims["dev"] == device.device_id
    assert claims["exp"] - claims["iat"] == 15 * 60
    [(name,)] = cloud.sql(
        "SELECT name FROM devices WHERE account_id = :a AND device_id = :d",
        a=account.id,
        d=device.device_id,
    )
    assert name == "Shop laptop"
    # Signing in again on the same device is fine (and keeps one device row).
    account.device(device.device_id)
    assert cloud.sql("SELECT count(*) FROM devices")[0][0] == 1


def test_wrong_password_and_unknown_email_look_the_same(cloud: Cloud) -> None:
    account = cloud.register()
    wrong = cloud.login(account.email, "not the password", new_id())
    unknown = cloud.login("nobody@example.sn", PASSWORD, new_id())
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json() == unknown.json()
    assert cloud.login(account.email.upper(), PASSWORD, new_id()).status_code == 200


def test_access_tokens_expire_after_15_minutes_and_forgeries_fail(cloud: Cloud) -> None:
    account = cloud.register()
    assert cloud.http.get("/v1/account", headers=account.headers).status_code == 200
    forged = jwt.encode(
        {"sub": account.id, "fam": "x", "typ": "access", "exp": 2**40, "iat": 0},
        "another secret that is long enough to be used here",
        algorithm="HS256",
    )
    assert (
        cloud.http.get("/v1/account", headers={"Authorization": f"Bearer {forged}"}).status_code
        == 401
    )
    assert cloud.http.get("/v1/account").status_code == 401
    cloud.clock.advance(15 * 60 + 1)
    expired = cloud.http.get("/v1/account", headers=account.headers)
    assert expired.status_code == 401 and "expired" in expired.json()["detail"]
    fresh = cloud.http.post(
        "/v1/auth/refresh", json={"refresh_token": account.tokens.refresh_token}
    )
    assert fresh.status_code == 200
    token = fresh.json()["access_token"]
    assert (
        cloud.http.get("/v1/account", headers={"Authorization": f"Bearer {token}"}).status_code
        == 200
    )


def test_refresh_rotates_and_reuse_revokes_the_whole_family(cloud: Cloud) -> None:
    account = cloud.register()
    device = account.device()
    first = device.tokens
    second = TokenPair.model_validate_json(
        cloud.http.post("/v1/auth/refresh", json={"refresh_token": first.refresh_token}).content
    )
    assert second.refresh_token != first.refresh_token
    # The device claim survives rotation.
    assert jwt.decode(second.access_token, SECRET, algorithms=["HS256"])["dev"] == (
        device.device_id
    )
    third = TokenPair.model_validate_json(
        cloud.http.post("/v1/auth/refresh", json={"refresh_token": second.refresh_token}).content
    )
    # Someone replays the first token (stolen copy): refused, and the family is revoked ...
    replay = cloud.http.post("/v1/auth/refresh", json={"refresh_token": first.refresh_token})
    assert replay.status_code == 401 and "already used" in replay.json()["detail"]
    # ... so even the newest token and its access token stop working.
    newest = cloud.http.post("/v1/auth/refresh", json={"refresh_token": third.refresh_token})
    assert newest.status_code == 401
    bearer = {"Authorization": f"Bearer {third.access_token}"}
    assert cloud.http.get("/v1/account", headers=bearer).status_code == 401
    # Other sessions of the account are untouched.
    assert cloud.http.get("/v1/account", headers=account.headers).status_code == 200


def test_refresh_tokens_expire_after_60_days(cloud: Cloud) -> None:
    account = cloud.register()
    cloud.clock.advance(60 * 24 * 3600 + 5)
    response = cloud.http.post(
        "/v1/auth/refresh", json={"refresh_token": account.tokens.refresh_token}
    )
    assert response.status_code == 401 and "expired" in response.json()["detail"]


def test_logout_revokes_the_session_only(cloud: Cloud) -> None:
    account = cloud.register()
    laptop, phone = account.device(), account.device()
    out = cloud.http.post("/v1/auth/logout", json={"refresh_token": laptop.tokens.refresh_token})
    assert out.status_code == 204
    assert cloud.http.get("/v1/sync/meta", headers=laptop.headers).status_code == 401
    again = cloud.http.post("/v1/auth/refresh", json={"refresh_token": laptop.tokens.refresh_token})
    assert again.status_code == 401
    assert cloud.http.get("/v1/sync/meta", headers=phone.headers).status_code == 200
    # Signing out twice, or with garbage, is not an error.
    assert (
        cloud.http.post(
            "/v1/auth/logout", json={"refresh_token": laptop.tokens.refresh_token}
        ).status_code
        == 204
    )
    assert cloud.http.post("/v1/auth/logout", json={"refresh_token": "x"}).status_code == 204


def test_profile_update(cloud: Cloud) -> None:
    account = cloud.register(name="Old")
    response = cloud.http.patch(
        "/v1/account",
        json={"name": " Moussa Ba ", "business_name": "Ba Frères", "country": "ML"},
        headers=account.headers,
    )
    assert response.status_code == 200, response.text
    profile = Profile.model_validate_json(response.content)
    assert (profile.name, profile.business_name, profile.country) == (
        "Moussa Ba",
        "Ba Frères",
        "ML",
    )
    assert account.profile()["name"] == "Moussa Ba"
    # Neither the e-mail nor the plan can be changed through the profile.
    for body in ({"email": "x@y.sn"}, {"plan": "enterprise"}, {"country": "Mali"}):
        refused = cloud.http.patch("/v1/account", json=body, headers=account.headers)
        assert refused.status_code == 422, body
    assert account.profile()["plan"] == "starter"


def test_device_of_another_account_is_a_conflict(cloud: Cloud) -> None:
    first, second = cloud.register(), cloud.register()
    device = first.device()
    taken = cloud.login(second.email, second.password, device.device_id)
    assert taken.status_code == 409 and "another LocalPro account" in taken.json()["detail"]
    [(owner,)] = cloud.sql(
        "SELECT account_id FROM device_owners WHERE device_id = :d", d=device.device_id
    )
    assert owner == first.id


def test_five_failed_logins_per_email_then_429_until_the_window_passes(cloud: Cloud) -> None:
    account = cloud.register()
    for _ in range(5):
        assert cloud.login(account.email, "wrong password!", new_id()).status_code == 401
    blocked = cloud.login(account.email, account.password, new_id())  # even the right one
    assert blocked.status_code == 429
    retry = int(blocked.headers["Retry-After"])
    assert 0 < retry <= 15 * 60
    assert "Too many failed sign-in attempts" in blocked.json()["detail"]
    # Another e-mail from the same address is not blocked by this one's failures.
    other = cloud.register()
    assert cloud.login(other.email, other.password, new_id()).status_code == 200
    cloud.clock.advance(retry + 1)
    assert cloud.login(account.email, account.password, new_id()).status_code == 200


def test_successful_logins_do_not_count_as_failures(cloud: Cloud) -> None:
    account = cloud.register()
    for _ in range(8):
        assert cloud.login(account.email, account.password, new_id()).status_code == 200


def test_failed_logins_from_an_address_do_not_block_the_right_password(cloud: Cloud) -> None:
    # Issue 14: a shared address (cybercafé, carrier NAT) is slowed down, never locked.
    for i in range(20):
        assert cloud.login(f"guess{i}@example.sn", "whatever pass", new_id()).status_code == 401
    account = cloud.register()
    assert cloud.login(account.email, account.password, new_id()).status_code == 200


def test_profile_usage_sums_this_months_synced_usage_events(cloud: Cloud) -> None:
    account = cloud.register()
    device = account.device()
    month = _month(cloud.clock())
    events = [
        ("prospects", month, 3, None),
        ("prospects", month, 4, None),
        ("messages", month, 10, None),
        ("messages", "2001-01", 99, None),  # another month
        ("prospects", month, 50, "2001-01-01 00:00:00"),  # deleted
    ]
    ops = [
        device.op(
            "usage_events",
            new_id(),
            metric=metric,
            month=when,
            quantity=quantity,
            reason="test",
            occurred_at="2001-01-01 10:00:00",
            deleted_at=deleted,
        )
        for metric, when, quantity, deleted in events
    ]
    assert device.push(ops).rejected == []
    usage = {line["metric"]: line for line in account.profile()["usage"]}
    assert usage["prospects"] == {"metric": "prospects", "used": 7, "limit": 200}
    assert usage["messages"] == {"metric": "messages", "used": 10, "limit": 1000}
    # Deleting an event (a newer tombstone) takes it out of the sum.
    first = ops[0]["row_id"]
    device.push([device.op("usage_events", first, deleted_at="2001-01-02 00:00:00")])
    usage = {line["metric"]: line["used"] for line in account.profile()["usage"]}
    assert usage == {"prospects": 4, "messages": 10}


def _month(seconds: float) -> str:
    from datetime import UTC, datetime

    now = datetime.fromtimestamp(seconds, UTC)
    return f"{now.year:04d}-{now.month:02d}"
