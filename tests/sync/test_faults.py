"""Sync through a misbehaving network: cuts, lost acknowledgements, outages, slow links.

Every test drives real workspaces through ``faultproxy.FaultProxy`` to a real server
(SQLite and PostgreSQL) and ends by comparing every synced table on every device and the
server's stored rows: resuming after a fault must leave no gap and no duplicate.
"""

import time

import pytest
from faultproxy import FaultProxy
from synckit import Cloud, Device, Fleet, assert_converged

from localpro_desktop.store import local_state
from localpro_desktop.store.local_state import StateKey
from localpro_desktop.sync import engine, state
from localpro_desktop.sync.client import SyncReport
from localpro_desktop.sync.transport import SyncUnavailable

PUSH = "POST /v1/sync/push"
PULL = "GET /v1/sync/pull"


def add_contacts(device: Device, count: int, prefix: str = "Awa") -> list[str]:
    """``count`` contacts (each with its "created" activity): 2 rows apiece."""
    return [
        device.contacts.add(
            {"first_name": f"{prefix} {i}", "city": "Dakar", "phone": f"77{i:07d}"}
        ).id
        for i in range(count)
    ]


def fails(device: Device) -> SyncUnavailable:
    with pytest.raises(SyncUnavailable) as caught:
        device.sync()
    return caught.value


# -- cuts -------------------------------------------------------------------------------


@pytest.mark.parametrize("at", [0.05, 0.5, 0.95])
def test_push_cut_mid_request_resumes_without_gap_or_duplicate(
    fleet: Fleet, proxy: FaultProxy, at: float
) -> None:
    a = fleet.device("a", url=proxy.url)
    b = fleet.device("b")
    a.client.batch_size = 4
    add_contacts(a, 10)
    proxy.inject("cut_request", PUSH, at=at, skip=1)  # the second batch
    fails(a)
    assert proxy.pending_faults() == []
    # The first batch went through; the cut one did not reach the server at all.
    assert fleet.cloud.last_op_id(fleet.account_id, a.ws.device_id) == 4
    a.sync()
    b.sync()
    a.sync()
    snapshot = assert_converged(fleet)
    assert len(snapshot["contacts"]) == 10 and len(snapshot["activities"]) == 10


@pytest.mark.parametrize("kind", ["cut_response", "drop_response"])
def test_push_ack_lost_after_commit_is_replayed_not_applied_twice(
    fleet: Fleet, proxy: FaultProxy, kind: str
) -> None:
    a = fleet.device("a", url=proxy.url)
    b = fleet.device("b")
    ids = add_contacts(a, 6)
    a.contacts.update(ids[0], {"city": "Thiès"})
    proxy.inject(kind, PUSH)  # type: ignore[arg-type]
    fails(a)
    # The server committed the batch: its sequence and the device's last op id moved.
    account = fleet.account_id
    seq_after_commit = fleet.cloud.seq(account)
    last_op = fleet.cloud.last_op_id(account, a.ws.device_id)
    assert seq_after_commit > 0 and last_op > 0
    # The client still holds the frozen ops (it never saw the answer).
    assert a.pending() == last_op
    report = a.sync()
    assert report.pushed == last_op and report.rejected == 0
    assert fleet.cloud.seq(account) == seq_after_commit, "the replay was applied again"
    assert fleet.cloud.last_op_id(account, a.ws.device_id) == last_op
    b.sync()
    a.sync()
    snapshot = assert_converged(fleet)
    assert snapshot["contacts"][ids[0]]["city"] == "Thiès"


@pytest.mark.parametrize("kind", ["cut_request", "cut_response"])
def test_pull_cut_mid_page_resumes_where_it_stopped(
    fleet: Fleet, proxy: FaultProxy, kind: str
) -> None:
    a = fleet.device("a")
    b = fleet.device("b", url=proxy.url)
    add_contacts(a, 30)
    a.sync()
    b.client.page_bytes = 4000  # about six contacts a page
    proxy.inject(kind, PULL, at=0.5, skip=2)  # type: ignore[arg-type]
    fails(b)
    cursor_after_cut = engine.cursor(b.ws)
    assert cursor_after_cut > 0, "the two pages before the cut must be kept"
    kept = len(b.dump()["contacts"]) + len(b.dump()["activities"])
    assert 0 < kept < 60
    report = b.sync()
    # Resumed from the cursor: only what was missing came down (nothing twice).
    assert report.tables_down["contacts"] + report.tables_down["activities"] == 60 - kept
    assert engine.cursor(b.ws) > cursor_after_cut
    a.sync()
    snapshot = assert_converged(fleet)
    assert len(snapshot["contacts"]) == 30


def test_first_sync_cut_many_times_still_converges(fleet: Fleet, proxy: FaultProxy) -> None:
    """A long first sync over a link that keeps dropping: each attempt keeps its pages."""
    a = fleet.device("a")
    add_contacts(a, 25)
    a.sync()
    b = fleet.device("b", url=proxy.url)
    b.client.page_bytes = 3000
    b.client.batch_size = 2
    for attempt in range(4):
        add_contacts(b, 3, prefix=f"Fatou{attempt}")
        proxy.inject("cut_response", PULL if attempt % 2 else PUSH, at=0.3, skip=1)
        fails(b)
    b.sync()
    a.sync()
    snapshot = assert_converged(fleet)
    assert len(snapshot["contacts"]) == 37


# -- outages ----------------------------------------------------------------------------


def test_server_down_then_up_loses_nothing(fleet: Fleet, proxy: FaultProxy) -> None:
    a = fleet.device("a", url=proxy.url)
    b = fleet.device("b")
    proxy.down()
    ids = add_contacts(a, 3)
    for _ in range(3):
        error = fails(a)
        assert "cannot reach" in str(error)
    # The app is restarted while still offline: it opens, edits, and keeps everything.
    a = fleet.reopen(a, url=proxy.url)
    a.contacts.update(ids[1], {"city": "Kaolack"})
    fails(a)
    assert a.pending() >= 3
    proxy.up()
    a.sync()
    b.sync()
    snapshot = assert_converged(fleet)
    assert snapshot["contacts"][ids[1]]["city"] == "Kaolack"


def test_refused_connections_are_retried_with_backoff(fleet: Fleet, proxy: FaultProxy) -> None:
    a = fleet.device("a", url=proxy.url)
    b = fleet.device("b")
    add_contacts(a, 3)
    a.client.close()  # no pooled connection: the next request must connect anew
    a = fleet.reopen(a, url=proxy.url)
    proxy.refuse(3)
    delays: list[float] = []
    report = a.client.sync(attempts=5, base_delay=0.01, sleep=delays.append)
    assert len(delays) >= 1, "the first attempts must have failed"
    assert proxy.events.count("refused") == 3
    assert report.pushed >= 3
    b.sync()
    assert_converged(fleet)


# -- slow links -------------------------------------------------------------------------


def test_trickling_server_is_slow_but_completes(fleet: Fleet, proxy: FaultProxy) -> None:
    a = fleet.device("a")
    add_contacts(a, 20)
    a.sync()
    b = fleet.device("b", url=proxy.url, stall=1.0)
    b.client.page_bytes = 2000
    # 200 bytes every 100 ms: slow, but never a byte-free second, so no stall is declared.
    proxy.inject("trickle", PULL, chunk=200, every=0.1, times=3)
    started = time.monotonic()
    b.sync()
    trickled = [e for e in proxy.events if "trickling" in e]
    assert len(trickled) == 3
    assert 0.9 < time.monotonic() - started < 60
    a.sync()
    assert_converged(fleet)


@pytest.mark.parametrize(
    ("kind", "match"), [("stall", PULL), ("stall", PUSH), ("stall_request", PUSH)]
)
def test_stalled_server_times_out_and_the_retry_completes(
    fleet: Fleet, proxy: FaultProxy, kind: str, match: str
) -> None:
    a = fleet.device("a")
    add_contacts(a, 4)
    a.sync()
    b = fleet.device("b", url=proxy.url, stall=0.5)
    add_contacts(b, 2, prefix="Moussa")
    proxy.inject(kind, match, at=0.3)  # type: ignore[arg-type]
    started = time.monotonic()
    error = fails(b)
    waited = time.monotonic() - started
    assert 0.4 < waited < 5, f"the stall timeout did not fire in time ({waited:.1f}s)"
    assert "timed out" in str(error).lower() or "cannot reach" in str(error)
    report: SyncReport = b.client.sync(attempts=3, base_delay=0.01, sleep=lambda _s: None)
    assert report.pages >= 1
    a.sync()
    assert_converged(fleet)


# -- a bad operation --------------------------------------------------------------------


def test_a_bad_operation_is_rejected_alone_and_shown(fleet: Fleet, cloud: Cloud) -> None:
    a = fleet.device("a")
    b = fleet.device("b")
    before = add_contacts(a, 3)
    frozen = engine.prepare_ops(a.ws)
    bad_id = frozen[-1].op_id + 1
    victim = before[0]
    payload = (
        f'{{"op_id":{bad_id},"table":"contacts","row_id":"{victim}",'
        f'"fields":{{"shoe_size":[42,"{next(iter(frozen[-1].fields.values()))[1]}"]}}}}'
    )
    with a.ws.write() as session:
        from sqlalchemy import text

        session.execute(
            text("INSERT INTO sync_ops (op_id, payload, created_at) VALUES (:i, :p, '2026-01-01')"),
            {"i": bad_id, "p": payload},
        )
        local_state.put(session, StateKey.NEXT_OP, str(bad_id + 1))
    after = add_contacts(a, 2, prefix="Khady")
    report = a.sync()
    assert report.rejected == 1
    with a.ws.read() as session:
        rejected = [(r.op_id, r.tbl, r.row_id, r.reason) for r in state.rejected(session)]
    assert rejected == [(bad_id, "contacts", victim, rejected[0][3])]
    assert "shoe_size" in rejected[0][3]
    assert a.pending() == 0
    # Later syncs are not blocked, and the bad op is not sent again.
    a.contacts.update(after[0], {"city": "Ziguinchor"})
    second = a.sync()
    assert second.rejected == 0 and second.pushed == 1
    b.sync()
    snapshot = assert_converged(fleet)
    assert set(before + after) <= set(snapshot["contacts"])
    assert snapshot["contacts"][after[0]]["city"] == "Ziguinchor"
    assert cloud.last_op_id(fleet.account_id, a.ws.device_id) > bad_id
