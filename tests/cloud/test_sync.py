"""Sync over HTTP: idempotent pushes, byte-bounded resumable pulls, per-field merge."""

import gzip
import json
import threading

import httpx
import pytest
from cloudkit import Cloud, Device, latest, new_id, stamp

from localpro_protocol.wire import MAX_BODY_BYTES, MAX_OPS_PER_PUSH, ServerMeta


def _device(cloud: Cloud) -> Device:
    return cloud.register().device()


def _seq(cloud: Cloud, account_id: str) -> int:
    return int(cloud.sql("SELECT seq FROM accounts WHERE id = :id", id=account_id)[0][0])


# -- meta and versions ------------------------------------------------------------------------


def test_meta_gives_the_server_clock_and_supported_versions(cloud: Cloud) -> None:
    device = _device(cloud)
    response = cloud.http.get("/v1/sync/meta", headers=device.headers)
    meta = ServerMeta.model_validate_json(response.content)
    assert meta.min_schema_version == 1 and meta.max_schema_version >= 1
    assert abs(meta.server_time_ms - cloud.clock.ms()) < 5_000
    assert meta.server_hlc.startswith(f"{meta.server_time_ms:013d}"[:8])
    ok = cloud.http.get("/v1/sync/meta?schema_version=1", headers=device.headers)
    assert ok.status_code == 200
    assert cloud.http.get("/v1/sync/meta").status_code == 401


@pytest.mark.parametrize("version", [0, 99])
def test_unsupported_schema_versions_get_426_with_update_advice(cloud: Cloud, version: int) -> None:
    device = _device(cloud)
    for response in (
        device.push_raw([], schema_version=version),
        cloud.http.get(f"/v1/sync/meta?schema_version={version}", headers=device.headers),
        cloud.http.get(f"/v1/sync/pull?schema_version={version}", headers=device.headers),
    ):
        assert response.status_code == 426, response.text
        assert "update" in response.json()["detail"].lower()
    # Nothing was applied, and the op counter did not move.
    row_id = new_id()
    refused = device.push_raw([device.op("contacts", row_id, city="Dakar")], schema_version=version)
    assert refused.status_code == 426
    assert device.pull().changes == []


# -- push / pull ------------------------------------------------------------------------------


def test_push_then_pull_returns_the_rows_in_commit_order(cloud: Cloud) -> None:
    device = _device(cloud)
    contact, prospect = new_id(), new_id()
    ops = [
        device.op("contacts", contact, first_name="Awa", tags=["vip"], latitude=14.7),
        device.op("prospects", prospect, business_name="Boulangerie Ndiaye", city="Thiès"),
        device.op("contacts", contact, opt_out_sms=True, last_contacted_at="2026-01-02 10:00:00"),
    ]
    result = device.push(ops)
    assert result.acked_op_id == 3 and result.rejected == []
    page = device.pull()
    assert not page.has_more and page.next_cursor == page.changes[-1].seq
    assert [(c.table, c.row_id) for c in page.changes] == [
        ("prospects", prospect),
        ("contacts", contact),
    ]
    assert [c.seq for c in page.changes] == sorted({c.seq for c in page.changes})
    rows = latest(page.changes)
    assert rows[("contacts", contact)] == {
        "first_name": "Awa",
        "tags": ["vip"],
        "latitude": 14.7,
        "opt_out_sms": True,
        "last_contacted_at": "2026-01-02 10:00:00",
    }
    sent = ops[0]["fields"]["first_name"][1]
    assert page.changes[1].fields["first_name"] == ("Awa", sent)
    assert device.pull(page.next_cursor).changes == []


def test_a_replayed_push_is_applied_once(cloud: Cloud) -> None:
    device = _device(cloud)
    rows = [new_id() for _ in range(3)]
    ops = [device.op("contacts", row, company=f"Co {i}") for i, row in enumerate(rows)]
    ops.append({**device.op("contacts", rows[0]), "fields": {"bogus": ["x", device.hlc()]}})
    first = device.push(ops)
    seq, (changes, cursor) = _seq(cloud, device.account.id), device.pull_all()
    # The acknowledgement was lost: the app sends the very same ops again.
    again = device.push(ops)
    assert again == first.model_copy(update={"server_hlc": again.server_hlc})
    assert [r.op_id for r in again.rejected] == [4]
    assert _seq(cloud, device.account.id) == seq
    assert device.pull(cursor).changes == []
    assert device.pull_all()[0] == changes
    # A retry that overlaps old and new ops applies only the new ones.
    newer = device.op("contacts", rows[1], company="Renamed")
    mixed = device.push([*ops[1:3], newer])
    assert mixed.acked_op_id == newer["op_id"]
    fresh = device.pull(cursor).changes
    assert [(c.row_id, c.fields["company"][0]) for c in fresh] == [(rows[1], "Renamed")]
    assert _seq(cloud, device.account.id) == seq + 1


def test_a_push_from_a_caught_up_device_lets_it_skip_its_own_rows(cloud: Cloud) -> None:
    device = _device(cloud)
    other = device.account.device()
    first = [device.op("contacts", new_id(), first_name="Awa") for _ in range(3)]
    # No cursor sent (an app from before the field): the answer does not carry the key.
    plain = device.push_raw(first)
    assert plain.status_code == 200 and "cursor" not in plain.json()
    seq = _seq(cloud, device.account.id)
    # Caught up (cursor = the account's sequence) and stored as sent: skip to the new seq.
    row = new_id()
    caught_up = device.push_raw([device.op("contacts", row, first_name="Moussa")], cursor=seq)
    assert caught_up.json()["cursor"] == seq + 1 == _seq(cloud, device.account.id)
    # Behind (another device pushed since): no skipping, its rows must come down.
    other.push([other.op("contacts", new_id(), first_name="Fatou")])
    behind = device.push_raw([device.op("contacts", row, city="Dakar")], cursor=seq + 1)
    assert "cursor" not in behind.json()
    # Caught up, but the row is not stored as sent (an older edit loses): no skipping.
    now = _seq(cloud, device.account.id)
    stale = device.op("contacts", row, at_ms=1, first_name="Old")
    lost = device.push_raw([stale], cursor=now)
    assert lost.status_code == 200 and "cursor" not in lost.json()


def test_an_edit_moves_the_row_after_the_cursor(cloud: Cloud) -> None:
    device = _device(cloud)
    rows = [new_id() for _ in range(5)]
    device.push([device.op("prospects", r, business_name=f"Shop {r[:4]}") for r in rows])
    _changes, cursor = device.pull_all()
    device.push([device.op("prospects", rows[1], city="Saint-Louis")])
    page = device.pull(cursor)
    assert [c.row_id for c in page.changes] == [rows[1]]
    assert page.changes[0].seq > cursor
    assert page.changes[0].fields["city"][0] == "Saint-Louis"
    assert page.changes[0].fields["business_name"][0] == f"Shop {rows[1][:4]}"  # whole row


def test_pull_pages_are_bounded_by_bytes_and_resume_from_the_cursor(cloud: Cloud) -> None:
    device = _device(cloud)
    rows = [new_id() for _ in range(40)]
    device.push([device.op("contacts", r, notes="n" * 300, city="Dakar") for r in rows])
    cursor, pages, seen = 0, 0, []
    while True:
        response = cloud.http.get(
            "/v1/sync/pull",
            params={"cursor": cursor, "max_bytes": 2_000},
            headers={**device.headers, "Accept-Encoding": "identity"},
        )
        body = json.loads(response.content)
        assert len(response.content) <= 2_000 or len(body["changes"]) == 1
        assert body["changes"], "a page is never empty while more changes exist"
        seen += [c["row_id"] for c in body["changes"]]
        assert body["next_cursor"] == body["changes"][-1]["seq"]
        cursor, pages = body["next_cursor"], pages + 1
        if not body["has_more"]:
            break
    assert seen == rows and pages > 5
    # An interrupted pull resumes from the stored cursor with no gap and no duplicate.
    middle = device.pull_all()[0][17].seq
    rest, _ = device.pull_all(middle, max_bytes=1_500)
    assert [c.row_id for c in rest] == rows[18:]
    # A bound smaller than one change still makes progress, one change per page.
    tiny = device.pull(0, max_bytes=1)
    assert len(tiny.changes) == 1 and tiny.has_more


def test_field_level_last_writer_wins_across_two_devices(cloud: Cloud) -> None:
    account = cloud.register()
    laptop, phone = account.device(), account.device()
    row = new_id()
    t = cloud.clock.ms()
    laptop.push([laptop.op("contacts", row, t, first_name="Awa", company="Old")])
    # Offline edits of different fields of the same contact: both survive.
    laptop.push([laptop.op("contacts", row, t + 100, city="Dakar")])
    phone.push([phone.op("contacts", row, t + 50, phone="+221770000000")])
    # Same field: the later clock wins, whatever order the pushes arrive in.
    laptop.push([laptop.op("contacts", row, t + 500, company="Laptop Co")])
    phone.push([phone.op("contacts", row, t + 400, company="Phone Co")])
    state = latest(phone.pull_all()[0])[("contacts", row)]
    assert state == {
        "first_name": "Awa",
        "company": "Laptop Co",
        "city": "Dakar",
        "phone": "+221770000000",
    }
    phone.push([phone.op("contacts", row, t + 600, company="Phone Co 2")])
    [change] = laptop.pull_all()[0]
    assert change.fields["company"][0] == "Phone Co 2"
    assert change.fields["company"][1].endswith(phone.device_id)
    assert change.fields["city"] == ("Dakar", stamp(t + 100, laptop.device_id, 2))


def test_delete_wins_only_over_older_edits_and_a_newer_edit_revives(cloud: Cloud) -> None:
    account = cloud.register()
    laptop, phone = account.device(), account.device()
    row = new_id()
    t = cloud.clock.ms()
    laptop.push([laptop.op("contacts", row, t, first_name="Moussa", city="Touba")])
    phone.push([phone.op("contacts", row, t + 200, deleted_at="2026-03-01 12:00:00")])
    # An edit made before the delete (pushed after it) does not bring the contact back.
    laptop.push([laptop.op("contacts", row, t + 100, city="Kaolack")])
    state = latest(laptop.pull_all()[0])[("contacts", row)]
    assert state["deleted_at"] == "2026-03-01 12:00:00" and state["city"] == "Kaolack"
    # An edit made after the delete does (undelete).
    laptop.push([laptop.op("contacts", row, t + 300, first_name="Moussa B")])
    [change] = phone.pull_all()[0]
    assert change.fields["deleted_at"][0] is None
    assert change.fields["deleted_at"][1] == change.fields["first_name"][1]
    assert change.fields["first_name"][0] == "Moussa B"


def test_a_clock_far_ahead_is_clamped_so_it_cannot_win_forever(cloud: Cloud) -> None:
    account = cloud.register()
    wrong_date, right_date = account.device(), account.device()
    row = new_id()
    now = cloud.clock.ms()
    a_day_ahead = now + 24 * 3600 * 1000
    result = wrong_date.push([wrong_date.op("contacts", row, a_day_ahead, company="Future")])
    [change] = wrong_date.pull_all()[0]
    stored = change.fields["company"][1]
    assert stored < stamp(now + 70_000, "z")  # pulled back to about a minute ahead
    assert stored > stamp(now, "0")
    assert stored.endswith(wrong_date.device_id)  # the device still breaks ties
    assert result.server_hlc < stored
    # Two minutes later a correctly dated device edits the same field: it wins.
    cloud.clock.advance(120)
    right_date.push([right_date.op("contacts", row, company="Present")])
    assert latest(right_date.pull_all()[0])[("contacts", row)]["company"] == "Present"


def test_clamping_never_makes_a_later_edit_lose_to_an_earlier_one(cloud: Cloud) -> None:
    device = _device(cloud)
    row = new_id()
    ahead = cloud.clock.ms() + 24 * 3600 * 1000
    first = {"op_id": 1, "table": "contacts", "row_id": row}
    # Same counter, five seconds apart on the device: both clamp to the same ceiling.
    ops = [
        {**first, "fields": {"city": ["Thiès", stamp(ahead, device.device_id)]}},
        {**first, "op_id": 2, "fields": {"city": ["Mbour", stamp(ahead + 5000, device.device_id)]}},
    ]
    assert device.push(ops).rejected == []
    [change] = device.pull().changes
    assert change.fields["city"][0] == "Mbour"
    assert change.fields["city"][1] < stamp(cloud.clock.ms() + 70_000, "z")


def test_a_cursor_ahead_of_the_server_is_refused_not_silently_empty(cloud: Cloud) -> None:
    device = _device(cloud)
    device.push([device.op("contacts", new_id(), city="Dakar")])
    response = cloud.http.get("/v1/sync/pull?cursor=1000", headers=device.headers)
    assert response.status_code == 409 and "cursor 0" in response.json()["detail"]
    assert device.pull(1).changes == []


def test_one_bad_op_is_rejected_with_a_reason_and_the_others_apply(cloud: Cloud) -> None:
    device = _device(cloud)
    good = [new_id(), new_id(), new_id()]
    hlc = device.hlc()

    def raw(table: str, row_id: str, fields: dict) -> dict:
        op = {"op_id": device.next_op, "table": table, "row_id": row_id, "fields": fields}
        device.next_op += 1
        return op

    ops = [
        device.op("contacts", good[0], first_name="Ok"),
        device.op("contacts", new_id(), shoe_size="42"),
        device.op("contacts", new_id(), latitude="north"),
        raw("invoices", new_id(), {"total": [1, hlc]}),
        raw("contacts", new_id(), {"city": ["Dakar", "yesterday"]}),
        device.op("prospects", good[1], business_name="Good shop", tags=["a", "b"]),
        device.op("prospects", new_id(), business_name=None),
        device.op("contacts", new_id(), last_contacted_at="not a date"),
        device.op("contacts", new_id(), id="something"),
        raw("contacts", "not-a-uuid", {"city": ["Dakar", hlc]}),
        device.op("contacts", new_id(), opt_out_sms="yes"),
        device.op("usage_events", new_id(), quantity=1.5),
        device.op("segments", new_id(), rule="not an object"),
        raw("contacts", new_id(), {}),
        device.op("contacts", good[2], city="Ziguinchor"),
    ]
    result = device.push(ops)
    assert result.acked_op_id == ops[-1]["op_id"]
    reasons = {r.op_id: r.reason for r in result.rejected}
    assert sorted(reasons) == [op["op_id"] for op in ops[1:-1] if op["row_id"] != good[1]]
    assert "unknown field 'shoe_size'" in reasons[2]
    assert "latitude" in reasons[3] and "number" in reasons[3]
    assert "unknown table 'invoices'" in reasons[4]
    assert "fields" in reasons[5]
    assert "business_name" in reasons[7] and "null" in reasons[7]
    assert "last_contacted_at" in reasons[8]
    assert "unknown field 'id'" in reasons[9]
    assert "row_id" in reasons[10]
    assert "opt_out_sms" in reasons[11]
    assert "quantity" in reasons[12]
    assert "rule" in reasons[13]
    assert "no field" in reasons[14]
    changes, _ = device.pull_all()
    assert sorted(c.row_id for c in changes) == sorted(good)
    # The same push again answers the same rejections and changes nothing.
    again = device.push(ops)
    assert again.rejected == result.rejected and device.pull_all()[0] == changes


def _refuse_row(cloud: Cloud, row_id: str) -> None:
    """A real database error for one row: a trigger that aborts its insert."""
    if cloud.backend == "postgresql":
        cloud.execute(
            "CREATE OR REPLACE FUNCTION refuse_row() RETURNS trigger AS $$ BEGIN "
            f"IF NEW.row_id = '{row_id}' THEN RAISE EXCEPTION 'disk I/O error'; END IF; "
            "RETURN NEW; END $$ LANGUAGE plpgsql"
        )
        cloud.execute(
            "CREATE TRIGGER refuse_row BEFORE INSERT ON sync_rows "
            "FOR EACH ROW EXECUTE FUNCTION refuse_row()"
        )
    else:
        cloud.execute(
            "CREATE TRIGGER refuse_row BEFORE INSERT ON sync_rows "
            f"WHEN new.row_id = '{row_id}' BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END"
        )


def test_a_database_error_in_one_op_rolls_back_only_that_op(cloud: Cloud) -> None:
    """The batch fails as a whole; the ops are then applied one by one and only the one
    the database refuses is rejected."""
    device = _device(cloud)
    rows = [new_id() for _ in range(3)]
    _refuse_row(cloud, rows[1])
    try:
        result = device.push([device.op("contacts", r, city="Dakar") for r in rows])
    finally:
        cloud.execute(
            "DROP TRIGGER refuse_row" + (" ON sync_rows" if cloud.backend == "postgresql" else "")
        )
    assert [r.op_id for r in result.rejected] == [2]
    assert "could not store" in result.rejected[0].reason
    changes, cursor = device.pull_all()
    assert [c.row_id for c in changes] == [rows[0], rows[2]]
    assert [c.seq for c in changes] == [1, 2]  # the failed op used up no sequence number
    assert cursor == _seq(cloud, device.account.id) == 2


def test_push_envelope_problems_are_refused_as_a_whole(cloud: Cloud) -> None:
    account = cloud.register()
    device = account.device()
    headers = {**device.headers, "Content-Type": "application/json"}
    no_id = device.push_raw([{"table": "contacts", "row_id": new_id(), "fields": {}}])
    assert no_id.status_code == 422
    not_json = cloud.http.post("/v1/sync/push", content=b"{oops", headers=headers)
    assert not_json.status_code == 400
    too_many = device.push_raw([{"op_id": i + 1} for i in range(MAX_OPS_PER_PUSH + 1)])
    assert too_many.status_code == 413
    other = device.push_raw([device.op("contacts", new_id(), city="x")], device_id=new_id())
    assert other.status_code == 403 and "device" in other.json()["detail"]
    # A session from registration has no device: it may read its profile, not push.
    deviceless = Device(account, device.device_id, account.tokens)
    refused = deviceless.push_raw([deviceless.op("contacts", new_id(), city="x")])
    assert refused.status_code == 403 and "login" in refused.json()["detail"]
    assert device.pull().changes == []


# -- bodies -------------------------------------------------------------------------------------


def test_gzip_request_bodies_and_gzip_responses(cloud: Cloud) -> None:
    device = _device(cloud)
    rows = [new_id() for _ in range(30)]
    ops = [device.op("contacts", r, notes="Client fidèle " * 20) for r in rows]
    body = json.dumps({"device_id": device.device_id, "schema_version": 1, "ops": ops})
    packed = gzip.compress(body.encode())
    assert len(packed) < len(body) / 5
    response = cloud.http.post(
        "/v1/sync/push",
        content=packed,
        headers={
            **device.headers,
            "Content-Type": "application/json",
            "Content-Encoding": "gzip",
        },
    )
    assert response.status_code == 200, response.text
    assert response.json()["acked_op_id"] == 30
    pulled = cloud.http.get("/v1/sync/pull", headers={**device.headers, "Accept-Encoding": "gzip"})
    assert pulled.headers["content-encoding"] == "gzip"
    assert len(pulled.json()["changes"]) == 30  # httpx inflated it
    assert int(pulled.headers["content-length"]) < len(pulled.content) / 5


def test_decompressed_size_is_capped(cloud: Cloud) -> None:
    device = _device(cloud)
    headers = {
        **device.headers,
        "Content-Type": "application/json",
        "Content-Encoding": "gzip",
    }
    envelope = json.dumps({"device_id": device.device_id, "schema_version": 1, "ops": []})
    # Valid JSON once inflated (trailing spaces), but bigger than the cap: a gzip bomb.
    bomb = gzip.compress(envelope.encode() + b" " * (MAX_BODY_BYTES + 1 - len(envelope)))
    assert len(bomb) < 100_000
    refused = cloud.http.post("/v1/sync/push", content=bomb, headers=headers)
    assert refused.status_code == 413
    # Right at the cap it is accepted.
    fits = gzip.compress(envelope.encode() + b" " * (MAX_BODY_BYTES - len(envelope)))
    assert cloud.http.post("/v1/sync/push", content=fits, headers=headers).status_code == 200
    broken = cloud.http.post("/v1/sync/push", content=b"not gzip at all", headers=headers)
    assert broken.status_code == 400
    zstd = cloud.http.post(
        "/v1/sync/push", content=b"x", headers={**headers, "Content-Encoding": "br"}
    )
    assert zstd.status_code == 415
    plain = cloud.http.post(
        "/v1/sync/push",
        content=b" " * (MAX_BODY_BYTES + 1),
        headers={**device.headers, "Content-Type": "application/json"},
    )
    assert plain.status_code == 413


# -- concurrency --------------------------------------------------------------------------------


def test_concurrent_pushes_keep_commit_order_and_a_live_puller_misses_nothing(
    cloud: Cloud,
) -> None:
    account = cloud.register()
    devices = [account.device() for _ in range(3)]
    written: list[str] = []
    errors: list[BaseException] = []

    def pusher(device: Device) -> None:
        try:
            with httpx.Client(base_url=cloud.url, timeout=60) as client:
                device.client = client
                for _ in range(6):
                    rows = [new_id() for _ in range(15)]
                    device.push([device.op("contacts", r, city="Dakar") for r in rows])
                    written.extend(rows)
        except BaseException as exc:  # reported below, in the test's thread
            errors.append(exc)

    threads = [threading.Thread(target=pusher, args=(d,)) for d in devices]
    for thread in threads:
        thread.start()
    follower = account.device()
    seen: set[str] = set()
    cursor, last_seq = 0, 0
    while any(t.is_alive() for t in threads):
        page = follower.pull(cursor, max_bytes=3_000)
        for change in page.changes:
            assert change.seq > last_seq  # strictly increasing, never re-served
            last_seq = change.seq
            seen.add(change.row_id)
        cursor = page.next_cursor
    for thread in threads:
        thread.join()
    assert not errors, errors
    rest, _ = follower.pull_all(cursor)
    seen.update(c.row_id for c in rest)
    assert seen == set(written) and len(written) == 3 * 6 * 15
    everything, final = follower.pull_all()
    assert [c.seq for c in everything] == sorted({c.seq for c in everything})
    assert final == _seq(cloud, account.id) == len(written)
