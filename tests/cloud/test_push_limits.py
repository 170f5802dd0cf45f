"""A push cannot exhaust the server (issue 14, findings 1, 2 and 6).

A free account once sent 2,000 rows x 4,000 unknown columns in an 84 KB gzip body: the
server grew from 165 MB to 1.1 GB and ``/health`` stalled 11 s while the body was parsed
on the event loop. The server runs in this process (a real uvicorn on a socket), so its
memory is this process's resident set, sampled while the request runs.
"""

import gzip
import json
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from cloudkit import Cloud, Device, new_id

from localpro_protocol.wire import SCHEMA_VERSION

MB = 1024 * 1024


def _rss() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("no VmRSS")  # pragma: no cover


@contextmanager
def peak_growth() -> Iterator[Callable[[], int]]:
    """Yields a function giving the largest resident-set growth seen while inside."""
    if not Path("/proc/self/status").exists():
        pytest.skip("needs /proc to read the process's resident set")
    base = _rss()
    peak = base
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _rss())
            time.sleep(0.005)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        yield lambda: peak - base
    finally:
        done.set()
        sampler.join()


def _hostile_body(device: Device, rows: int = 2000, columns: int = 4000) -> bytes:
    """The reported attack: one block, every cell of an unknown column, gzip-compressed."""
    hlc = device.hlc()
    block = {
        "table": "contacts",
        "op_ids": list(range(1, rows + 1)),
        "row_ids": [new_id() for _ in range(rows)],
        "hlcs": [hlc] * rows,
        "columns": {f"c{i}": [0] * rows for i in range(columns)},
    }
    raw = json.dumps(
        {"device_id": device.device_id, "schema_version": SCHEMA_VERSION, "blocks": [block]},
        separators=(",", ":"),
    ).encode()
    del block
    return gzip.compress(raw, 9)


def _post(device: Device, body: bytes, url: str) -> httpx.Response:
    headers = {**device.headers, "Content-Encoding": "gzip", "Content-Type": "application/json"}
    with httpx.Client(base_url=url, timeout=60) as http:
        return http.post("/v1/sync/push", content=body, headers=headers)


def test_a_block_of_unknown_columns_is_refused_quickly_and_in_bounded_memory(
    cloud: Cloud,
) -> None:
    device = cloud.register().device()
    body = _hostile_body(device)
    assert len(body) < 200_000  # tens of KB on the wire
    with peak_growth() as growth:
        started = time.monotonic()
        response = _post(device, body, cloud.url)
        elapsed = time.monotonic() - started
    assert 400 <= response.status_code < 500, response.text[:300]
    assert len(response.content) < 400
    assert elapsed < 5, elapsed
    assert growth() < 150 * MB, f"the server grew by {growth() / MB:.0f} MB"
    # Three at once stay bounded too (they once added 432 MB).
    with peak_growth() as growth, ThreadPoolExecutor(3) as pool:
        answers = list(pool.map(lambda _: _post(device, body, cloud.url), range(3)))
    assert all(400 <= a.status_code < 500 for a in answers)
    assert growth() < 300 * MB, f"the server grew by {growth() / MB:.0f} MB"
    assert device.push([device.op("contacts", new_id(), first_name="Awa")]).rejected == []


def _health_during(cloud: Cloud, push: Callable[[], Any]) -> float:
    """The slowest ``/health`` answer seen while ``push`` runs."""
    worst = 0.0
    with ThreadPoolExecutor(1) as pool, httpx.Client(base_url=cloud.url, timeout=30) as http:
        pending = pool.submit(push)
        time.sleep(0.05)
        while not pending.done():
            started = time.monotonic()
            assert http.get("/health").status_code == 200
            worst = max(worst, time.monotonic() - started)
            time.sleep(0.02)
        pending.result()
    return worst


def test_health_answers_while_a_hostile_push_is_decoded(cloud: Cloud) -> None:
    device = cloud.register().device()
    body = _hostile_body(device)
    assert _health_during(cloud, lambda: _post(device, body, cloud.url)) < 1.0


def test_health_answers_during_a_big_legitimate_push(cloud: Cloud) -> None:
    devices = [cloud.register().device() for _ in range(3)]
    bodies = []
    for device in devices:
        ops = [
            device.op(
                "contacts",
                new_id(),
                first_name=f"Awa {i}",
                last_name="Diop",
                city="Dakar",
                phone="+221 77 000 00 00",
                latitude=14.7,
                longitude=-17.4,
                tags=["vip", "client"],
                notes="Cliente fidèle " * 300,
            )
            for i in range(2000)
        ]
        raw = json.dumps(
            {"device_id": device.device_id, "schema_version": SCHEMA_VERSION, "ops": ops}
        ).encode()
        bodies.append(gzip.compress(raw, 1))

    def push_all() -> None:
        with ThreadPoolExecutor(3) as pool:
            answers = list(pool.map(lambda d, b: _post(d, b, cloud.url), devices, bodies))
        for answer in answers:
            assert answer.status_code == 200, answer.text[:300]
            assert answer.json()["acked_op_id"] == 2000 and answer.json()["rejected"] == []

    assert _health_during(cloud, push_all) < 1.0


def test_too_many_columns_or_values_are_refused_whole(cloud: Cloud) -> None:
    device = cloud.register().device()
    hlc = device.hlc()
    wide = {
        "table": "contacts",
        "op_ids": [1],
        "row_ids": [new_id()],
        "hlcs": [hlc],
        "columns": {f"c{i}": [0] for i in range(500)},
    }
    response = device.push_raw([], blocks=[wide])
    assert response.status_code in (413, 422) and len(response.content) < 400
    # An unknown column within the bound: every op of the block is rejected with a reason.
    narrow = {**wide, "op_ids": [1, 2], "row_ids": [new_id(), new_id()], "hlcs": [hlc, hlc]}
    narrow["columns"] = {"first_name": ["Awa", "Fatou"], "shoe_size": [41, 38]}
    answer = device.push_raw([], blocks=[narrow])
    assert answer.status_code == 200, answer.text
    assert [r["op_id"] for r in answer.json()["rejected"]] == [1, 2]
    assert "shoe_size" in answer.json()["rejected"][0]["reason"]


@pytest.mark.parametrize(
    "body",
    [
        '{"device_id": "D", "schema_version": 1, "cursor": NaN, "ops": []}',
        '{"device_id": "D", "schema_version": Infinity, "ops": []}',
        '{"device_id": "D\\ud800", "schema_version": 1, "ops": []}',
        '{"device_id": "D", "schema_version": 1, "ops": [{"op_id": 1, "table": "contacts", '
        '"row_id": "R", "fields": {"first_name": ["A\\ud800", "H"]}}]}',
        '{"device_id": "D", "schema_version": 1, "ops": [], "x": ' + "[" * 900 + "]" * 900 + "}",
        '{"device_id": "D", "schema_version": 1, "ops": [{"op_id": 100000000000000000000, '
        '"table": "contacts", "row_id": "R", "fields": {"first_name": ["A", "H"]}}]}',
        '{"device_id": "D", "schema_version": 1, "cursor": 100000000000000000000, "ops": []}',
    ],
    ids=[
        "nan",
        "infinity",
        "lone-surrogate",
        "lone-surrogate-value",
        "deep",
        "huge-op-id",
        "huge-cursor",
    ],
)
def test_hostile_json_gets_a_short_4xx(
    cloud: Cloud, body: str, caplog: pytest.LogCaptureFixture
) -> None:
    device = cloud.register().device()
    hlc = device.hlc()
    text = body.replace('"D"', json.dumps(device.device_id)).replace('"D\\', '"' + device.device_id)
    text = text.replace('"R"', json.dumps(new_id())).replace('"H"', json.dumps(hlc))
    response = cloud.http.post(
        "/v1/sync/push",
        content=text.encode(),
        headers={**device.headers, "Content-Type": "application/json"},
    )
    assert 400 <= response.status_code < 500, response.text[:300]
    assert len(response.content) < 400
    assert "Traceback" not in caplog.text and "RecursionError" not in caplog.text
    assert device.push([device.op("contacts", new_id(), first_name="Awa")]).rejected == []
