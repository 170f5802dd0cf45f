"""One bad value never stops a laptop (issue 14, finding 2).

A ``prospects.latitude`` of 10^400 was once stored by the server; from then on every other
device of the account failed every sync ("int too large to convert to float"). The server
now refuses such a value with a reason, and a laptop that still meets one (stored by an
older server) skips that row, reports it, and syncs everything else.
"""

import json

from synckit import Fleet

from localpro_desktop.store.models import SyncRejected
from localpro_desktop.sync import engine
from localpro_protocol.wire import SCHEMA_VERSION

HUGE = "1" + "0" * 400


def _plant(fleet: Fleet, row_id: str, field: str, raw_value: str) -> None:
    """Write a raw JSON value into a stored row, bypassing validation (as an old server
    did), and give the row the account's next sequence number so that it is pulled."""
    cloud, account = fleet.cloud, fleet.account_id
    (fields,) = cloud.sql(
        "SELECT fields FROM sync_rows WHERE account_id = :a AND row_id = :r", a=account, r=row_id
    )[0]
    hlc = json.loads(fields)[field][1]
    marker = '"__planted__"'
    doc = json.loads(fields)
    doc[field] = ["__planted__", hlc]
    text = json.dumps(doc, separators=(",", ":")).replace(marker, raw_value)
    seq = cloud.seq(account) + 1
    cloud.execute("UPDATE accounts SET seq = :s WHERE id = :a", s=seq, a=account)
    cloud.execute(
        "UPDATE sync_rows SET fields = :f, seq = :s WHERE account_id = :a AND row_id = :r",
        f=text,
        s=seq,
        a=account,
        r=row_id,
    )


def test_a_laptop_skips_a_bad_pulled_row_reports_it_and_syncs_the_rest(fleet: Fleet) -> None:
    a = fleet.device("a")
    ids = [
        a.contacts.add({"first_name": f"Awa {i}", "city": "Dakar", "latitude": 14.7}).id
        for i in range(5)
    ]
    place = a.prospects.add({"business_name": "Boutique", "latitude": 14.7, "longitude": -17.4})
    a.sync()
    _plant(fleet, place.id, "latitude", HUGE)  # int too large to convert to float
    _plant(fleet, ids[1], "created_at", "[1, 2]")
    _plant(fleet, ids[2], "first_name", '{"not": "text"}')  # the database refuses it
    b = fleet.device("b")
    report = b.sync()  # must not raise
    assert {b.contacts.get(i).first_name for i in (ids[0], ids[3], ids[4])} == {
        "Awa 0",
        "Awa 3",
        "Awa 4",
    }
    assert engine.cursor(b.ws) == fleet.cloud.seq(fleet.account_id)
    assert report.skipped >= 2
    with b.ws.read() as session:
        reported = {(r.tbl, r.row_id): r.reason for r in session.query(SyncRejected)}
    assert ("prospects", place.id) in reported and "latitude" in reported[("prospects", place.id)]
    assert ("contacts", ids[2]) in reported
    # The device that synced before the plant is not stuck either, and a fixed row lands.
    a.sync()
    assert engine.cursor(a.ws) == fleet.cloud.seq(fleet.account_id)
    a.prospects.update(place.id, {"latitude": 15.0})
    a.sync()
    b.sync()
    assert b.prospects.get(place.id).latitude == 15.0


def test_a_push_of_bad_values_rejects_those_ops_and_applies_the_others(fleet: Fleet) -> None:
    a = fleet.device("a")
    a.sync()
    client = a.client
    hlc = f"{fleet.cloud.clock() * 1000:013.0f}-00001-{a.ws.device_id}"
    row = "00000000-0000-4000-8000-0000000000{:02d}"
    values = {
        1: ("prospects", "latitude", "1e400"),
        2: ("prospects", "latitude", "NaN"),
        3: ("prospects", "latitude", '"abc"'),
        4: ("prospects", "latitude", HUGE),
        5: ("prospects", "longitude", "181.5"),
        6: ("ai_usage", "prompt_tokens", "100000000000000000000"),
        7: ("prospects", "latitude", "14.7"),
        8: ("contacts", "created_at", '"yesterday"'),
        9: ("contacts", "first_name", json.dumps("x" * 2_000_000)),
        10: ("contacts", "first_name", '"Awa"'),
    }
    base = fleet.cloud.last_op_id(fleet.account_id, a.ws.device_id)
    ops = ",".join(
        f'{{"op_id": {base + op_id}, "table": "{table}", "row_id": "{row.format(op_id)}", '
        f'"fields": {{"{field}": [{value}, "{hlc}"]}}}}'
        for op_id, (table, field, value) in values.items()
    )
    body = (
        f'{{"device_id": "{a.ws.device_id}", "schema_version": {SCHEMA_VERSION}, "ops": [{ops}]}}'
    )
    response = client.http.post(
        "/v1/sync/push",
        content=body.encode(),
        headers={"Authorization": f"Bearer {client._token()}", "Content-Type": "application/json"},
    )
    assert response.status_code == 200, response.text[:500]
    answer = response.json()
    assert answer["acked_op_id"] == base + 10
    reasons = {r["op_id"] - base: r["reason"] for r in answer["rejected"]}
    assert set(reasons) == {1, 2, 3, 4, 5, 6, 8, 9}, reasons
    assert all(len(reason) < 300 for reason in reasons.values())
    stored = fleet.cloud.rows(fleet.account_id)
    assert stored[("prospects", row.format(7))]["latitude"] == 14.7
    assert stored[("contacts", row.format(10))]["first_name"] == "Awa"
    assert not any(key[1] == row.format(4) for key in stored)
