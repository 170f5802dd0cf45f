"""Tenant isolation: a second account never sees or changes the first one's data.

The account comes from the access token only; row ids, device ids and refresh tokens of
another account lead nowhere, whichever endpoint is tried.
"""

import jwt
from cloudkit import SECRET, Cloud, latest, new_id

from localpro_protocol.wire import TokenPair

SETTINGS_ID = "00000000-0000-0000-0000-000000000001"


def test_a_second_account_cannot_read_or_write_the_first_accounts_data(cloud: Cloud) -> None:
    alice = cloud.register("alice@example.sn", name="Alice")
    laptop = alice.device()
    rows = [new_id() for _ in range(3)]
    now = cloud.clock.ms()
    laptop.push(
        [laptop.op("contacts", r, now, first_name="Alice's client", notes="private") for r in rows]
        + [laptop.op("workspace_settings", SETTINGS_ID, now, name="Alice Shop")]
        + [
            laptop.op(
                "usage_events", new_id(), now, metric="messages", month=_month(cloud), quantity=5
            )
        ]
    )
    alice_changes, alice_cursor = laptop.pull_all()
    alice_seq = cloud.sql("SELECT seq FROM accounts WHERE id = :id", id=alice.id)[0][0]

    mallory = cloud.register("mallory@example.sn", name="Mallory")
    intruder = mallory.device()

    # Read: pulling from zero (or any cursor) shows none of Alice's rows.
    assert intruder.pull(0).changes == []
    probe = cloud.http.get(
        "/v1/sync/pull", params={"cursor": alice_cursor - 1}, headers=intruder.headers
    )
    assert probe.status_code == 409 and "Client" not in probe.text  # her own history is empty

    # Write: the same row ids with newer clocks land in Mallory's own account only.
    later = now + 10_000
    result = intruder.push(
        [intruder.op("contacts", r, later, first_name="Mallory was here") for r in rows]
        + [intruder.op("workspace_settings", SETTINGS_ID, later, name="Pwned")]
        + [
            intruder.op(
                "usage_events",
                new_id(),
                later,
                metric="messages",
                month=_month(cloud),
                quantity=900,
            )
        ]
    )
    assert result.rejected == []
    assert laptop.pull(alice_cursor).changes == []
    assert laptop.pull_all() == (alice_changes, alice_cursor)
    assert cloud.sql("SELECT seq FROM accounts WHERE id = :id", id=alice.id)[0][0] == alice_seq
    alice_rows = latest(alice_changes)
    assert {alice_rows[("contacts", r)]["first_name"] for r in rows} == {"Alice's client"}
    assert alice_rows[("workspace_settings", SETTINGS_ID)]["name"] == "Alice Shop"
    mallory_rows = latest(intruder.pull_all()[0])
    assert len(mallory_rows) == 5
    assert all("notes" not in fields for fields in mallory_rows.values())
    assert mallory_rows[("workspace_settings", SETTINGS_ID)] == {"name": "Pwned"}
    assert cloud.sql("SELECT count(*) FROM sync_rows WHERE row_id = :r", r=rows[0])[0][0] == 2

    # Profile and usage are per account.
    assert alice.profile()["email"] == "alice@example.sn"
    assert mallory.profile()["email"] == "mallory@example.sn"
    usage = {u["metric"]: u["used"] for u in alice.profile()["usage"]}
    assert usage["messages"] == 5
    renamed = cloud.http.patch("/v1/account", json={"name": "Evil"}, headers=mallory.headers)
    assert renamed.status_code == 200 and alice.profile()["name"] == "Alice"

    # Devices: Mallory cannot take Alice's device, nor push in its name.
    assert cloud.login(mallory.email, mallory.password, laptop.device_id).status_code == 409
    spoofed = intruder.push_raw(
        [intruder.op("contacts", rows[0], first_name="spoof")], device_id=laptop.device_id
    )
    assert spoofed.status_code == 403
    # The spoof did not consume Alice's op numbers either: her next op still applies.
    applied = laptop.push([laptop.op("contacts", rows[0], first_name="Alice again")])
    assert applied.rejected == [] and applied.acked_op_id == laptop.next_op - 1

    # Tokens: Alice's account id on Mallory's refresh token, or a forged access token.
    secret_part = mallory.tokens.refresh_token.split(".", 1)[1]
    grafted = cloud.http.post(
        "/v1/auth/refresh", json={"refresh_token": f"{alice.id}.{secret_part}"}
    )
    assert grafted.status_code == 401
    own = cloud.http.post("/v1/auth/refresh", json={"refresh_token": mallory.tokens.refresh_token})
    assert TokenPair.model_validate_json(own.content).account_id == mallory.id
    claims = jwt.decode(intruder.tokens.access_token, options={"verify_signature": False})
    claims["sub"] = alice.id
    tampered = jwt.encode(claims, "a guess at the secret, long enough for HS256!", "HS256")
    bearer = {"Authorization": f"Bearer {tampered}"}
    assert cloud.http.get("/v1/sync/pull", headers=bearer).status_code == 401
    assert cloud.http.get("/v1/account", headers=bearer).status_code == 401
    # Even with the real secret, Alice's account id and Mallory's session do not combine.
    mixed = jwt.encode(claims, SECRET, "HS256")
    assert (
        cloud.http.get("/v1/sync/pull", headers={"Authorization": f"Bearer {mixed}"}).status_code
        == 401
    )
    # A logout with a guessed or garbled token signs nobody out.
    for guess in (alice.tokens.refresh_token[:-2], f"{alice.id}.{secret_part}"):
        cloud.http.post("/v1/auth/logout", json={"refresh_token": guess})
    assert laptop.pull(0).changes
    assert (
        cloud.http.post(
            "/v1/auth/refresh", json={"refresh_token": laptop.tokens.refresh_token}
        ).status_code
        == 200
    )


def _month(cloud: Cloud) -> str:
    from datetime import UTC, datetime

    now = datetime.fromtimestamp(cloud.clock(), UTC)
    return f"{now.year:04d}-{now.month:02d}"
