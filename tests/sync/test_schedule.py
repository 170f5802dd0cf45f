"""The sync schedule's policy, without Qt and without sleeping: a fake clock moves time."""

import random
import sys
from datetime import UTC, datetime, timedelta

import pytest

from localpro_desktop.sync.client import NotSignedIn, SyncReport
from localpro_desktop.sync.schedule import (
    Failure,
    LocalSyncState,
    RoundOutcome,
    ScheduleConfig,
    SyncSchedule,
    SyncStatus,
    Trigger,
    classify,
)
from localpro_desktop.sync.transport import SyncUnavailable

CONFIG = ScheduleConfig(debounce=5, interval=300, start_delay=3, backoff_base=5, backoff_cap=60)
WALL = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class Greedy(random.Random):
    """Full jitter always draws its upper bound: the backoff's envelope, exactly."""

    def uniform(self, a: float, b: float) -> float:
        return b


def local(*, signed_in: bool = True, waiting: int = 0, error: str = "") -> LocalSyncState:
    return LocalSyncState(signed_in, "awa@example.sn", "https://c", None, error, waiting, 0)


def make(  # type: ignore[no-untyped-def]
    clock: Clock, *, signed_in: bool = True, rng: random.Random | None = None, settle: bool = True
):
    """A started schedule; ``settle``: its first (start-up) round is over."""
    published: list[SyncStatus] = []
    schedule = SyncSchedule(
        CONFIG, clock=clock, wall=lambda: WALL, rng=rng or Greedy(), on_status=published.append
    )
    schedule.start()
    schedule.local_state_read(local(signed_in=signed_in))
    if settle:
        clock.advance(CONFIG.start_delay)
        first = schedule.due()
        if first is not None:
            schedule.round_finished(ok(first))
    return schedule, published


def ok(trigger: Trigger, waiting: int = 0) -> RoundOutcome:
    return RoundOutcome(trigger, report=SyncReport(), local=local(waiting=waiting))


def offline(trigger: Trigger) -> RoundOutcome:
    return RoundOutcome(trigger, Failure.OFFLINE, "cannot reach", local=local(waiting=2))


def test_the_first_round_waits_for_start_up_then_the_timer_ticks() -> None:
    clock = Clock()
    schedule, _ = make(clock, settle=False)
    assert schedule.next_wakeup() == 3
    clock.advance(2.9)
    assert schedule.due() is None and not schedule.running
    clock.advance(0.1)
    assert schedule.due() is Trigger.START and schedule.running
    assert schedule.round_finished(ok(Trigger.START)) is None
    assert schedule.next_wakeup() == pytest.approx(297)
    clock.advance(297)
    assert schedule.due() is Trigger.TIMER
    schedule.round_finished(ok(Trigger.TIMER))
    clock.advance(300)
    assert schedule.due() is Trigger.TIMER  # every interval, not once


def test_a_burst_of_edits_makes_one_round_after_the_pause() -> None:
    clock = Clock()
    schedule, _ = make(clock)
    for _ in range(3):
        assert schedule.local_changed()
        clock.advance(4)  # each edit comes before the debounce ran out
        assert schedule.due() is None
    assert schedule.next_wakeup() == pytest.approx(1)
    clock.advance(1)
    assert schedule.due() is Trigger.CHANGES
    assert schedule.due() is None


def test_never_two_rounds_at_once_and_the_user_wins_over_edits() -> None:
    clock = Clock()
    schedule, _ = make(clock)
    assert schedule.sync_now() is Trigger.USER
    schedule.local_changed()
    clock.advance(10)
    assert schedule.due() is None  # the debounce fired during the round: it waits
    assert schedule.sync_now() is None
    assert schedule.sync_now() is None
    # One more round after this one, for the deliberate trigger, not one per request.
    assert schedule.round_finished(ok(Trigger.USER)) is Trigger.USER
    assert schedule.round_finished(ok(Trigger.USER)) is None


def test_signed_out_nothing_automatic_runs_but_the_user_may_ask() -> None:
    clock = Clock()
    schedule, _ = make(clock, signed_in=False, settle=False)
    schedule.local_changed()
    clock.advance(400)
    assert schedule.due() is None and not schedule.running
    assert schedule.network_back() is None
    assert schedule.sync_now() is Trigger.USER


def test_offline_rounds_back_off_exponentially_up_to_the_cap() -> None:
    clock = Clock()
    schedule, published = make(clock)
    delays = []
    trigger = schedule.sync_now()
    for _ in range(6):
        assert trigger is not None
        schedule.round_finished(offline(trigger))
        wake = schedule.next_wakeup()
        assert wake is not None
        delays.append(wake)
        assert schedule.status.retry_at == WALL + timedelta(seconds=wake)
        clock.advance(wake)
        trigger = schedule.due()
        assert trigger is Trigger.RETRY
    assert delays == [5, 10, 20, 40, 60, 60]
    status = schedule.status
    assert status.online is False and status.last_error == "cannot reach" and status.waiting == 2
    assert published[-1] == status
    # Reaching the cloud again resets the backoff.
    schedule.round_finished(ok(Trigger.RETRY))
    assert schedule.status.online is True and schedule.status.retry_at is None
    schedule.sync_now()
    schedule.round_finished(offline(Trigger.USER))
    assert schedule.next_wakeup() == 5


def test_jitter_spreads_retries_but_never_below_the_base() -> None:
    waits = set()
    for seed in range(20):
        clock = Clock()
        schedule, _ = make(clock, rng=random.Random(seed))
        for _ in range(4):
            schedule.round_finished(offline(schedule.sync_now() or Trigger.USER))
        wake = schedule.next_wakeup()
        assert wake is not None and 5 <= wake <= 40
        waits.add(round(wake, 3))
    assert len(waits) > 10


def test_the_backoff_holds_edits_and_the_timer_but_not_the_user_nor_the_network() -> None:
    clock = Clock()
    schedule, _ = make(clock)
    schedule.round_finished(offline(schedule.sync_now() or Trigger.USER))
    assert schedule.retry_pending
    schedule.local_changed()
    clock.advance(4.9)
    assert schedule.due() is None  # the edit's debounce ran out: it waits for the retry
    assert schedule.request(Trigger.TIMER) is None
    assert schedule.sync_now() is Trigger.USER
    assert not schedule.retry_pending
    schedule.round_finished(offline(Trigger.USER))
    assert schedule.network_back() is Trigger.NETWORK


def test_a_round_ending_with_edits_waiting_comes_back_after_the_debounce() -> None:
    clock = Clock()
    schedule, _ = make(clock)
    schedule.round_finished(ok(schedule.sync_now() or Trigger.USER, waiting=3))
    assert schedule.next_wakeup() == pytest.approx(5)
    clock.advance(5)
    assert schedule.due() is Trigger.CHANGES
    # A skipped round (nothing to push) does not loop.
    schedule.round_finished(RoundOutcome(Trigger.CHANGES, skipped=True, local=local(waiting=3)))
    assert schedule.next_wakeup() == pytest.approx(300 - 3 - 5)


def test_signed_out_by_the_server_stops_retrying_and_says_so() -> None:
    clock = Clock()
    schedule, _ = make(clock)
    schedule.round_finished(offline(schedule.sync_now() or Trigger.USER))
    follow = schedule.round_finished(RoundOutcome(Trigger.RETRY, Failure.SIGNED_OUT))
    assert follow is None and not schedule.retry_pending
    assert not schedule.status.signed_in and schedule.status.retry_at is None
    assert schedule.account_changed() is Trigger.ACCOUNT


def test_the_status_keeps_a_running_rounds_error_and_publishes_only_changes() -> None:
    clock = Clock()
    schedule, published = make(clock)
    count = len(published)
    schedule.local_state_read(local())
    assert len(published) == count  # nothing changed, nothing said
    schedule.sync_now()
    schedule.mark_syncing()
    schedule.mark_syncing()
    assert published[-1].syncing and len(published) == count + 1
    schedule.local_state_read(local(waiting=4, error="stale"))
    assert schedule.status.waiting == 4 and schedule.status.last_error == ""
    schedule.round_finished(RoundOutcome(Trigger.USER, Failure.REFUSED, "Update LocalPro."))
    assert schedule.status.online is True and schedule.status.last_error == "Update LocalPro."
    assert not schedule.status.syncing and not schedule.retry_pending


def test_stopped_nothing_starts_and_nothing_is_armed() -> None:
    clock = Clock()
    schedule, _ = make(clock)
    schedule.sync_now()
    schedule.stop()
    assert schedule.next_wakeup() is None
    assert schedule.round_finished(offline(Trigger.USER)) is None
    assert not schedule.retry_pending and schedule.status.retry_at is None
    assert schedule.sync_now() is None and not schedule.local_changed()


def test_a_crashed_round_does_not_wedge_the_schedule() -> None:
    schedule, _ = make(Clock())
    schedule.sync_now()
    schedule.sync_now()
    assert schedule.round_crashed("boom") is Trigger.USER
    assert schedule.status.last_error == "boom"


def test_failures_are_classified() -> None:
    assert classify(NotSignedIn("x"))[0] is Failure.SIGNED_OUT
    assert classify(SyncUnavailable("down"))[0] is Failure.OFFLINE
    assert classify(ValueError("bad")) == (Failure.BUG, "ValueError: bad")


def test_the_schedule_is_headless() -> None:
    import subprocess

    code = (
        "import sys, localpro_desktop.sync.schedule, localpro_desktop.services.account, "
        "localpro_desktop.services.map_points, localpro_desktop.services.backups; "
        "sys.exit(any(m.startswith('PySide6') for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
