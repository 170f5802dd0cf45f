"""The compact layouts (pull ``layout=blocks``, push ``blocks``) and zstd responses.

Blocks must say exactly what the one-object-per-change layout says — same rows, same
values, same clock on every field — in fewer bytes, within the page bound, and only ever
about the caller's own account.
"""

import json

import httpx
import pytest
import zstandard
from cloudkit import Cloud, Device, new_id
from pydantic import ValidationError

from localpro_protocol.wire import (
    MAX_OPS_PER_PUSH,
    Change,
    ChangeBlock,
    PushOp,
    to_blocks,
    to_push_blocks,
)


def _content(changes: list[Change]) -> dict[tuple[str, str], dict[str, tuple[object, str]]]:
    return {(c.table, c.row_id): dict(c.fields) for c in changes}


def _fill(device: Device) -> list[str]:
    """Rows of three tables, field sets that differ, and rows whose fields have mixed clocks."""
    contacts = [new_id() for _ in range(40)]
    ops = [
        device.op(
            "contacts",
            row,
            first_name=f"Awa {i}",
            city="Dakar" if i % 2 else "Thiès",
            tags=["vip"] if i % 3 == 0 else [],
            latitude=14.7 + i / 1000,
            notes="Cliente fidèle — « boutique »",
        )
        for i, row in enumerate(contacts)
    ]
    ops += [device.op("prospects", new_id(), business_name=f"Shop {i}") for i in range(15)]
    ops += [device.op("segments", new_id(), name="VIP", rule={"tags_any": ["vip"]})]
    # Later edits on some contacts: their notes carry a newer clock than the rest.
    ops += [
        device.op("contacts", row, at_ms=device.account.cloud.clock.ms() + 5_000, notes="Rappeler")
        for row in contacts[::7]
    ]
    device.push(ops)
    return contacts


def test_blocks_say_exactly_what_changes_say(cloud: Cloud) -> None:
    device = cloud.register().device()
    _fill(device)
    plain, plain_cursor = device.pull_all()
    for max_bytes in (600, 3_000, None):
        compact, cursor = device.pull_all(max_bytes=max_bytes, layout="blocks")
        assert cursor == plain_cursor
        assert len(compact) == len(plain)
        assert _content(compact) == _content(plain)
    page = device.pull(layout="blocks")
    assert page.changes == [] and page.blocks
    mixed = [b for b in page.blocks if b.other_hlcs]
    assert mixed, "edited rows keep their own clock on the edited field"


def test_a_blocks_page_keeps_to_the_byte_bound_and_is_smaller(cloud: Cloud) -> None:
    device = cloud.register().device()
    _fill(device)
    for max_bytes in (800, 2_000, 5_000):
        cursor, pages = 0, 0
        while True:
            response = cloud.http.get(
                "/v1/sync/pull",
                params={"cursor": cursor, "max_bytes": max_bytes, "layout": "blocks"},
                headers={**device.headers, "Accept-Encoding": "identity"},
            )
            doc = response.json()
            rows = sum(len(block["row_ids"]) for block in doc["blocks"])
            assert rows >= 1
            if rows > 1:
                assert len(response.content) <= max_bytes
            pages += 1
            cursor = doc["next_cursor"]
            if not doc["has_more"]:
                break
        assert pages > 1
    sizes = {
        layout: len(
            cloud.http.get(
                "/v1/sync/pull",
                params={"layout": layout},
                headers={**device.headers, "Accept-Encoding": "identity"},
            ).content
        )
        for layout in ("changes", "blocks")
    }
    assert sizes["blocks"] < sizes["changes"] / 2


@pytest.mark.parametrize(
    ("accept", "encoding"),
    [("zstd, gzip", "zstd"), ("gzip", "gzip"), ("zstd;q=0, gzip", "gzip"), ("identity", None)],
)
def test_pages_are_zstd_encoded_only_for_clients_that_accept_it(
    cloud: Cloud, accept: str, encoding: str | None
) -> None:
    device = cloud.register().device()
    _fill(device)
    # A raw request, so the body is seen as it crossed the wire (httpx would decode it).
    with httpx.Client(base_url=cloud.url) as raw:
        request = raw.build_request(
            "GET",
            "/v1/sync/pull",
            params={"layout": "blocks"},
            headers={**device.headers, "Accept-Encoding": accept},
        )
        response = raw.send(request, stream=True)
        wire = b"".join(response.iter_raw())
        response.close()
    assert response.headers.get("content-encoding") == encoding
    if encoding == "zstd":
        body = zstandard.ZstdDecompressor().decompressobj().decompress(wire)
        assert len(wire) < len(body) / 3
        assert json.loads(body)["blocks"]
    decoded = cloud.http.get(
        "/v1/sync/pull", params={"layout": "blocks"}, headers={**device.headers}
    )
    assert decoded.json()["blocks"]  # and httpx reads every encoding the server picks


def test_another_account_sees_no_block(cloud: Cloud) -> None:
    alice = cloud.register().device()
    _fill(alice)
    intruder = cloud.register().device()
    page = intruder.pull(layout="blocks")
    assert page.blocks == [] and page.changes == [] and not page.has_more


def test_a_block_that_does_not_add_up_is_refused() -> None:
    row, hlc = "01a20f78-0208-7f84-aaf8-8057b788f894", "1796171112532-00001-laptop-a"
    ChangeBlock(table="contacts", row_ids=[row], hlcs=[hlc], columns={"city": ["Dakar"]})
    with pytest.raises(ValidationError):
        ChangeBlock(table="contacts", row_ids=[row], hlcs=[hlc], columns={"city": []})
    with pytest.raises(ValidationError):
        ChangeBlock(table="contacts", row_ids=[row], hlcs=[], columns={"city": ["Dakar"]})
    with pytest.raises(ValidationError):
        ChangeBlock(
            table="contacts",
            row_ids=[row],
            hlcs=[hlc],
            columns={"city": ["Dakar"]},
            other_hlcs=[(1, "city", hlc)],
        )


def test_to_blocks_round_trips_rows_with_mixed_clocks() -> None:
    a, b = "1796171112532-00001-laptop-a", "1796171119999-00000-laptop-b"
    changes = [
        Change(table="contacts", row_id=new_id(), seq=1, fields={"city": ("Dakar", a)}),
        Change(
            table="contacts",
            row_id=new_id(),
            seq=2,
            fields={"city": ("Thiès", a), "notes": ("x", b), "tags": (["vip"], a)},
        ),
        Change(table="prospects", row_id=new_id(), seq=3, fields={"city": ("Kaolack", b)}),
        Change(table="contacts", row_id=new_id(), seq=4, fields={"city": ("Touba", b)}),
    ]
    blocks = to_blocks(changes)
    assert [(blk.table, len(blk.row_ids)) for blk in blocks] == [
        ("contacts", 2),
        ("contacts", 1),
        ("prospects", 1),
    ]
    again = [
        c
        for blk in blocks
        for c in ChangeBlock.model_validate_json(blk.model_dump_json()).changes()
    ]
    assert _content(again) == _content(changes)


# -- push -----------------------------------------------------------------------------------


def _blocks_body(device: Device, ops: list[dict]) -> dict:
    typed = [PushOp.model_validate(op) for op in ops]
    return {
        "device_id": device.device_id,
        "schema_version": 1,
        "blocks": [b.model_dump(mode="json") for b in to_push_blocks(typed)],
    }


def test_a_push_in_blocks_stores_what_the_same_ops_would(cloud: Cloud) -> None:
    one, two = cloud.register().device(), cloud.register().device()
    rows = [new_id() for _ in range(12)]
    ops = [one.op("contacts", r, first_name=f"Awa {i}", city="Dakar") for i, r in enumerate(rows)]
    ops += [one.op("contacts", rows[0], notes="Rappeler")]
    ops += [one.op("prospects", new_id(), business_name="Boulangerie", city="Thiès")]
    two.next_op = one.next_op
    as_ops = one.push(ops)
    as_blocks = cloud.http.post("/v1/sync/push", json=_blocks_body(two, ops), headers=two.headers)
    assert as_blocks.status_code == 200, as_blocks.text
    assert as_blocks.json()["acked_op_id"] == as_ops.acked_op_id == ops[-1]["op_id"]
    assert as_blocks.json()["rejected"] == []
    assert _content(two.pull_all()[0]) == _content(one.pull_all()[0])


def test_a_bad_op_in_a_block_is_rejected_alone(cloud: Cloud) -> None:
    device = cloud.register().device()
    good, bad = new_id(), new_id()
    ops = [
        device.op("contacts", good, first_name="Awa"),
        device.op("contacts", bad, first_name="Moussa"),
    ]
    body = _blocks_body(device, ops)
    body["blocks"][0]["columns"]["first_name"][1] = {"not": "a name"}
    body["blocks"].append(
        {
            "table": "not_a_table",
            "op_ids": [3],
            "row_ids": [new_id()],
            "hlcs": [device.hlc()],
            "columns": {"x": [1]},
        }
    )
    response = cloud.http.post("/v1/sync/push", json=body, headers=device.headers)
    assert response.status_code == 200, response.text
    answer = response.json()
    assert answer["acked_op_id"] == 3
    assert [r["op_id"] for r in answer["rejected"]] == [2, 3]
    assert "not_a_table" in answer["rejected"][1]["reason"]
    assert [c.row_id for c in device.pull_all()[0]] == [good]


def test_a_block_that_does_not_add_up_or_is_too_big_is_refused_whole(cloud: Cloud) -> None:
    device = cloud.register().device()
    ops = [device.op("contacts", new_id(), city="Dakar") for _ in range(3)]
    body = _blocks_body(device, ops)
    body["blocks"][0]["op_ids"] = body["blocks"][0]["op_ids"][:2]
    refused = cloud.http.post("/v1/sync/push", json=body, headers=device.headers)
    assert refused.status_code == 422
    many = [device.op("contacts", new_id(), city="Dakar") for _ in range(MAX_OPS_PER_PUSH + 1)]
    too_big = cloud.http.post(
        "/v1/sync/push", json=_blocks_body(device, many), headers=device.headers
    )
    assert too_big.status_code == 413
    assert device.pull().changes == []
