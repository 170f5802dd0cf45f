"""The dispatcher's concurrent path against real local servers: many messages in flight,
throttles measured at the provider, random kills, one dispatcher per workspace.

The providers are the stand-ins of tests/channels (real HTTP on 127.0.0.1 answering
Africa's Talking's and Twilio's documented shapes), here made slow (a set answer time)
and timed (the moment each request arrives).
"""

from __future__ import annotations

import dataclasses
import os
import random
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from localpro_desktop.channels.africastalking import AfricasTalkingSms
from localpro_desktop.channels.base import ChannelKind
from localpro_desktop.domain.campaigns import CampaignStatus, Channel
from localpro_desktop.paths import WorkspacePaths
from localpro_desktop.services.campaigns import CampaignService
from localpro_desktop.services.contacts import ContactService
from localpro_desktop.services.dispatch import (
    Throttle,
    dispatch_until_idle,
    lease,
    lease_holder,
)
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import OutboxMessage
from tests.channels.sms_standins import (
    Received,
    Reply,
    StandIn,
    TwilioAccount,
    africastalking,
)

WORKER = Path(__file__).with_name("outbox_worker.py")
ENV = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])}
AT_USERNAME, AT_KEY = "sandbox", "at-key-123"  # as outbox_worker.py
TWILIO_SID, TWILIO_TOKEN, TWILIO_FROM = "AC" + "0" * 32, "token-123", "+15005550006"


def number(i: int) -> str:
    """A Kenyan mobile number ending in 000 (the stand-in answers 101 Sent to those)."""
    return f"+2547{i:05d}000"


def sms_campaign(ws: Workspace, count: int) -> str:
    contacts = ContactService(ws)
    ids = [contacts.add({"first_name": f"Client{i}", "phone": number(i)}).id for i in range(count)]
    svc = CampaignService(ws)
    camp = svc.create("Tabaski", Channel.SMS, "Bonjour {{first_name}}, -20% pour la Tabaski.")
    svc.set_recipients(camp.id, ids)
    svc.queue_send(camp.id)
    return camp.id


def states(ws: Workspace, campaign_id: str) -> dict[str, str]:
    with ws.read() as session:
        return dict(
            session.execute(
                select(OutboxMessage.address, OutboxMessage.state).where(
                    OutboxMessage.campaign_id == campaign_id
                )
            ).all()
        )


class Timed:
    """Wraps a stand-in responder: answers after ``delay`` and notes when each came."""

    def __init__(self, respond: Callable[[Received], Reply], delay: float) -> None:
        self.respond, self.delay = respond, delay
        self.arrivals: list[float] = []
        self._lock = threading.Lock()

    def __call__(self, request: Received) -> Reply:
        with self._lock:
            self.arrivals.append(time.monotonic())
        return dataclasses.replace(self.respond(request), delay=self.delay)

    def busiest_second(self) -> int:
        """The most requests that arrived within any one second."""
        times = sorted(self.arrivals)
        best, start = 0, 0
        for end, moment in enumerate(times):
            while moment - times[start] >= 1.0:
                start += 1
            best = max(best, end - start + 1)
        return best


def received_numbers(server: StandIn) -> Counter[str]:
    return Counter(r.form["to"][0] for r in server.requests if r.method == "POST")


# -- the token bucket, shared by threads ------------------------------------------------


def test_threads_sharing_a_throttle_leave_one_after_the_other() -> None:
    bucket = Throttle(200.0)
    moments: list[float] = []
    lock = threading.Lock()

    def take(times: int) -> None:
        for _ in range(times):
            bucket.acquire()
            with lock:
                moments.append(time.monotonic())

    started = time.monotonic()
    threads = [threading.Thread(target=take, args=(25,)) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(moments) == 200
    assert time.monotonic() - started >= 199 / 200 - 0.02  # the first is free
    moments.sort()
    # The rate holds in any half second (10 % for threads woken late by a busy machine).
    for i, moment in enumerate(moments):
        assert sum(1 for m in moments[i:] if m - moment < 0.5) <= 100 * 1.1


# -- many in flight, at the allowed rate ------------------------------------------------


@pytest.mark.usefixtures("channels_set_up")
def test_a_campaign_to_a_slow_provider_goes_out_concurrently_at_the_allowed_rate(
    workspace: Workspace,
) -> None:
    """1,000 SMS, 50 ms answers, 400/s allowed: one at a time would take 50 s; in flight
    together they take about 1,000 / 400 = 2.5 s. Each number gets exactly one."""
    count, rate = 1000, 400.0
    camp = sms_campaign(workspace, count)
    timed = Timed(africastalking(AT_USERNAME, AT_KEY), delay=0.05)
    with (
        StandIn(timed) as server,
        AfricasTalkingSms(AT_USERNAME, AT_KEY, base_url=server.url) as sms,
    ):
        started = time.monotonic()
        report = dispatch_until_idle(
            workspace, {ChannelKind.SMS: sms}, rates={ChannelKind.SMS: rate}
        )
        seconds = time.monotonic() - started
    assert (report.sent, report.failed, report.unknown) == (count, 0, 0)
    assert received_numbers(server) == Counter({number(i): 1 for i in range(count)})
    assert set(states(workspace, camp).values()) == {"sent"}
    assert CampaignService(workspace).get(camp).status == CampaignStatus.COMPLETED
    assert seconds < 10.0, seconds  # (≈ 2.5 s on a quiet machine; 50 s one at a time)
    assert timed.busiest_second() <= rate * 1.1, timed.busiest_second()


@pytest.mark.usefixtures("channels_set_up")
def test_the_throttle_holds_measured_at_the_provider(workspace: Workspace) -> None:
    """Instant answers and 16 threads, 100/s allowed: the stand-in never sees more than
    110 requests in any second, and 300 messages take about 3 s."""
    count, rate = 300, 100.0
    sms_campaign(workspace, count)
    timed = Timed(africastalking(AT_USERNAME, AT_KEY), delay=0.0)
    with (
        StandIn(timed) as server,
        AfricasTalkingSms(AT_USERNAME, AT_KEY, base_url=server.url) as sms,
    ):
        started = time.monotonic()
        report = dispatch_until_idle(
            workspace,
            {ChannelKind.SMS: sms},
            rates={ChannelKind.SMS: rate},
            concurrency={ChannelKind.SMS: 16},
        )
        seconds = time.monotonic() - started
    assert report.sent == count
    assert timed.busiest_second() <= rate * 1.1, timed.busiest_second()
    assert seconds >= (count - 1) / rate - 0.05


# -- killed at random moments, concurrent -----------------------------------------------


def _kill_again_and_again(
    root: Path, args: list[str], seed: int, runs: int = 6
) -> tuple[int, subprocess.CompletedProcess[bytes]]:
    moments = random.Random(seed)
    kills = 0
    for _ in range(runs):
        proc = subprocess.Popen(
            [sys.executable, str(WORKER), str(root), *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=ENV,
        )
        assert proc.stdout is not None and proc.stdout.readline().strip() == b"ready"
        time.sleep(moments.uniform(0.05, 0.5))
        if proc.poll() is None:
            proc.kill()  # SIGKILL: no cleanup, no finally
            kills += 1
        proc.wait(timeout=30)
        for stream in (proc.stdout, proc.stderr):
            assert stream is not None
            stream.close()
    done = subprocess.run(
        [sys.executable, str(WORKER), str(root), *args], capture_output=True, timeout=120, env=ENV
    )
    return kills, done


def _queued_in(root: Path, count: int) -> str:
    ws = Workspace.open(WorkspacePaths(root), daily_backup=False)
    try:
        return sms_campaign(ws, count)
    finally:
        ws.close()


@pytest.mark.usefixtures("channels_set_up")
def test_killed_at_random_while_many_are_in_flight_twilio_still_sends_each_once(
    tmp_path: Path,
) -> None:
    """8 in flight to a Twilio answering in 0.2 s, SIGKILLed again and again: Twilio's
    message list resolves every message left sending, so each person gets exactly one
    and none is left unknown."""
    root = tmp_path / "ws"
    count = 48
    camp = _queued_in(root, count)
    account = TwilioAccount(TWILIO_SID, TWILIO_TOKEN)
    with StandIn(Timed(account, delay=0.2)) as server:
        kills, done = _kill_again_and_again(root, ["twilio", server.url, "8"], seed=20261207)
        posts = Counter(r.form["To"][0] for r in server.requests if r.method == "POST")
    assert done.returncode == 0, done.stderr.decode()
    assert kills >= 4
    assert posts == Counter({number(i): 1 for i in range(count)}), posts  # once, never twice
    ws = Workspace.open(WorkspacePaths(root), daily_backup=False)
    try:
        assert set(states(ws, camp).values()) == {"sent"}
        assert CampaignService(ws).get(camp).status == CampaignStatus.COMPLETED
        sids = {m["to"]: m["sid"] for m in account.messages}
        for recipient, _contact in CampaignService(ws).recipients(camp):
            assert recipient.provider_id == sids[recipient.address]
    finally:
        ws.close()


@pytest.mark.usefixtures("channels_set_up")
def test_killed_at_random_while_many_are_in_flight_without_lookup_never_sends_twice(
    tmp_path: Path,
) -> None:
    """Africa's Talking has no look-up: a message left sending is held unknown, never
    resent. Each person got one message or none; "sent" always means it arrived once."""
    root = tmp_path / "ws"
    count = 48
    camp = _queued_in(root, count)
    with StandIn(Timed(africastalking(AT_USERNAME, AT_KEY), delay=0.2)) as server:
        kills, done = _kill_again_and_again(root, ["africastalking", server.url, "8"], seed=7)
        got = received_numbers(server)
    assert done.returncode == 0, done.stderr.decode()
    assert kills >= 4
    assert max(got.values()) == 1, got
    ws = Workspace.open(WorkspacePaths(root), daily_backup=False)
    try:
        final = states(ws, camp)
        assert set(final.values()) <= {"sent", "unknown"}, Counter(final.values())
        for address, state in final.items():
            assert got[address] == 1 if state == "sent" else got[address] <= 1
        assert Counter(final.values())["sent"] >= 1
    finally:
        ws.close()


# -- one dispatcher per workspace ---------------------------------------------------------


@pytest.fixture
def holder(tmp_path: Path) -> Iterator[Callable[..., subprocess.Popen[bytes]]]:
    """Start a process that takes the workspace's dispatch lease and keeps it."""
    started: list[subprocess.Popen[bytes]] = []

    def start(root: Path, owner: str, ttl: float = 30.0) -> subprocess.Popen[bytes]:
        proc = subprocess.Popen(
            [sys.executable, str(WORKER), str(root), "lease", owner, str(ttl)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=ENV,
        )
        started.append(proc)
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == b"held"
        return proc

    yield start
    for proc in started:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=10)
        for stream in (proc.stdin, proc.stdout, proc.stderr):
            if stream is not None:
                stream.close()


def test_two_processes_one_lease(
    tmp_path: Path, holder: Callable[..., subprocess.Popen[bytes]]
) -> None:
    root = tmp_path / "ws"
    Workspace.open(WorkspacePaths(root), daily_backup=False).close()
    app = holder(root, "the LocalPro app (pid 4242)")
    ws = Workspace.open(WorkspacePaths(root), daily_backup=False)
    try:
        with lease(ws, "localpro dispatch") as held:
            assert not held
            assert held.holder is not None and held.holder.owner == "the LocalPro app (pid 4242)"
        seen = lease_holder(ws)
        assert seen is not None and seen.owner == "the LocalPro app (pid 4242)"
        # The app quits: its lease is given back at once.
        assert app.stdin is not None
        app.stdin.close()
        app.wait(timeout=10)
        assert lease_holder(ws) is None
        with lease(ws, "localpro dispatch") as held:
            assert held
            assert lease_holder(ws) is not None
        assert lease_holder(ws) is None
    finally:
        ws.close()


def test_a_killed_holders_lease_expires_and_is_taken_over(
    tmp_path: Path, holder: Callable[..., subprocess.Popen[bytes]]
) -> None:
    root = tmp_path / "ws"
    Workspace.open(WorkspacePaths(root), daily_backup=False).close()
    app = holder(root, "the LocalPro app", ttl=2.0)
    time.sleep(2.5)  # past its first expiry: it renews every third of its ttl, still held
    ws = Workspace.open(WorkspacePaths(root), daily_backup=False)
    try:
        with lease(ws, "localpro dispatch") as held:
            assert not held
        app.kill()  # SIGKILL: the lease stays in the file, to expire
        app.wait(timeout=10)
        with lease(ws, "localpro dispatch") as held:
            assert not held  # not yet
        time.sleep(2.1)
        with lease(ws, "localpro dispatch") as held:
            assert held  # taken over
    finally:
        ws.close()


@pytest.mark.usefixtures("channels_set_up")
def test_a_dispatcher_whose_lease_was_taken_stops(workspace: Workspace) -> None:
    camp = sms_campaign(workspace, 3)
    with lease(workspace, "first", ttl=30.0, renew_every=60.0) as held:
        assert held
        # Someone took it (e.g. after this process stalled past its expiry).
        other = type(held)(workspace, "second", 30.0, clock=lambda: time.time() + 3600)
        assert other.acquire()
        assert not held.renew() and held.lost and not held
        with (
            StandIn(africastalking(AT_USERNAME, AT_KEY)) as server,
            AfricasTalkingSms(AT_USERNAME, AT_KEY, base_url=server.url) as sms,
        ):
            report = dispatch_until_idle(workspace, {ChannelKind.SMS: sms}, lease=held)
        assert report.attempted == 0 and server.requests == []
    assert set(states(workspace, camp).values()) == {"queued"}
