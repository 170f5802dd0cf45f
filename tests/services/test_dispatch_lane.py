"""How much a channel claims and keeps in flight, what it learns and carries across rounds,
and the claim's use of the outbox's indexes (measured: the wrong index cost 5 ms a claim)."""

from __future__ import annotations

import queue
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event

from localpro_desktop.channels.africastalking import AfricasTalkingSms
from localpro_desktop.channels.base import ChannelKind
from localpro_desktop.domain.ids import utcnow
from localpro_desktop.services.dispatch import Throttle, dispatch_once
from localpro_desktop.services.dispatch.claims import claim
from localpro_desktop.services.dispatch.lane import Lane, Learned
from localpro_desktop.services.workspace import Workspace
from tests.channels.sms_standins import StandIn, africastalking
from tests.services.test_dispatch_concurrency import AT_KEY, AT_USERNAME, Timed, sms_campaign


def lane(width: int, rate: float | None, learned: Learned) -> Lane:
    throttle = Throttle(rate) if rate else None
    return Lane(ChannelKind.SMS, object(), throttle, width, queue.SimpleQueue(), learned)  # type: ignore[arg-type]


def test_a_new_lane_starts_small_until_answers_say_how_slow_the_provider_is() -> None:
    fresh = lane(32, 400.0, Learned())
    try:
        assert (fresh.target, fresh.gate.limit) == (4, 4)
    finally:
        fresh.close()


def test_in_flight_follows_rate_times_answer_time() -> None:
    slow = lane(32, 400.0, Learned(latency=0.05))
    fast = lane(32, 400.0, Learned(latency=0.002))
    try:
        # Little's law with a 25 % margin: 400/s × 50 ms = 20 → 26; never above the width.
        assert slow.target == 26
        assert fast.target == 4  # a provider answering at once needs few threads
        assert lane(32, 400.0, Learned(latency=1.0)).target == 32
    finally:
        slow.close()
        fast.close()


def test_the_reserve_covers_the_rate_while_a_batch_is_written() -> None:
    quick = lane(32, 400.0, Learned(latency=0.05, write_seconds=0.002))
    slow_writes = lane(32, 400.0, Learned(latency=0.05, write_seconds=0.03))
    try:
        assert quick.reserve == 6  # a quarter of the target at least
        # 400/s for 30 ms with a 50 % margin: 18 claimed and waiting.
        assert slow_writes.reserve == 18
        assert slow_writes.cap == 26 + 18
        assert slow_writes.window == slow_writes.cap + 32
    finally:
        quick.close()
        slow_writes.close()


def test_a_narrow_channel_claims_only_what_it_sends() -> None:
    smtp = lane(2, 2.0, Learned(latency=0.5, write_seconds=0.05))
    try:
        assert (smtp.reserve, smtp.cap, smtp.window, smtp.refill) == (0, 2, 2, 1)
    finally:
        smtp.close()


@pytest.mark.usefixtures("channels_set_up")
def test_what_a_round_measured_is_carried_into_the_next(workspace: Workspace) -> None:
    sms_campaign(workspace, 40)
    learned: dict[ChannelKind, Learned] = {}
    timed = Timed(africastalking(AT_USERNAME, AT_KEY), delay=0.03)
    with (
        StandIn(timed) as server,
        AfricasTalkingSms(AT_USERNAME, AT_KEY, base_url=server.url) as sms,
    ):
        first = dispatch_once(workspace, {ChannelKind.SMS: sms}, limit=20, learned=learned)
        measured = learned[ChannelKind.SMS]
        assert first.sent == 20
        assert measured.latency is not None and 0.03 <= measured.latency < 2.0
        assert measured.write_seconds is not None and measured.write_seconds > 0
        kept = measured.latency
        second = dispatch_once(workspace, {ChannelKind.SMS: sms}, learned=learned)
    assert second.sent == 20
    assert learned[ChannelKind.SMS] is measured  # the same record, updated in place
    assert measured.latency != kept


@contextmanager
def statements(ws: Workspace) -> Iterator[list[tuple[str, Any]]]:
    seen: list[tuple[str, Any]] = []

    def note(_conn: Any, _cursor: Any, sql: str, params: Any, *_rest: Any) -> None:
        seen.append((sql, params))

    engine = ws.engine
    event.listen(engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", note)


@pytest.mark.usefixtures("channels_set_up")
def test_a_claim_marks_its_rows_by_id_not_through_the_due_index(workspace: Workspace) -> None:
    sms_campaign(workspace, 30)
    with statements(workspace) as seen:
        rows = claim(workspace, ChannelKind.SMS, utcnow(), 10)
    assert len(rows) == 10
    sql, params = next((s, p) for s, p in seen if s.lstrip().upper().startswith("UPDATE"))
    with workspace.read() as session:
        plan = session.connection().exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", params).all()
    details = " ".join(str(row[-1]) for row in plan)
    # By the primary key: the due index (state, next_attempt_at) would read every queued row.
    assert "ix_outbox_messages_due" not in details, details
    assert "(id=?)" in details, details
