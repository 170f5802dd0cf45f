"""The dispatcher's rounds: messages claimed in small batches, sent by a bounded pool of
threads per channel at the channel's rate, outcomes written in batches.

One round (``dispatch_once``):

1. Messages left ``sending`` by an earlier run (a crash, a kill, a cut) are resolved first:
   the provider's ``lookup`` says whether it took the message since the attempt started
   (→ ``sent``) or not (→ ``queued``, sent again). Where the provider cannot say (SMTP,
   Africa's Talking, WhatsApp) or the answer is an error, the message is held ``unknown``
   — "check before resending" — and never sent again by the dispatcher. A look-up the
   provider cannot answer *now* leaves the message ``sending``, asked again next round.
2. For each channel, due ``queued`` messages are claimed a few at a time: marked
   ``sending`` and committed in one transaction **before** any is handed to a sending
   thread. At most ``concurrency`` messages of a channel are with its provider at once
   (plus as many claimed and waiting), and a token bucket shared by the channel's threads
   holds its rate. So a kill at any moment leaves each message sent once, or ``sending``
   (resolved as in 1.), never sent twice; a kill costs at most the claimed window.
3. Outcomes are written in batches (every ``batch_seconds`` or ``batch_size`` results,
   or as soon as a channel's window is full of answers to write); each message's state
   in the same transaction as its recipient's status. A channel's window bounds the
   messages ``sending`` in the database at any moment — claimed, with the provider, or
   answered and not yet written — hence what a kill can cost: those are resolved as in
   1 (Twilio's look-up finds them; elsewhere they are held unknown).
4. A channel-wide error (a refused login, a revoked token, no connection) stops that
   channel for the round: its messages go back to ``queued`` without counting an attempt,
   and the words are kept for the screens (``channel_problems``) until a message leaves
   through the channel again.
5. A campaign with no message left queued or sending moves Sent → Completed, or Failed
   when every message failed.

One dispatcher per workspace at a time (``lease``): two running at once would each take
the other's ``sending`` messages for left-overs.
"""

from __future__ import annotations

import logging
import queue
import random
import time
from collections.abc import Callable, Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import datetime

from sqlalchemy import func, select

from localpro_desktop.channels.base import Channel, ChannelKind
from localpro_desktop.domain.ids import utcnow
from localpro_desktop.domain.outbox import OPEN_STATES, OutboxState
from localpro_desktop.services import channel_config, channel_setup, scheduling
from localpro_desktop.services.dispatch.claims import claim, left_sending, sendable
from localpro_desktop.services.dispatch.lane import Lane, Learned
from localpro_desktop.services.dispatch.lease import Lease
from localpro_desktop.services.dispatch.outcomes import (
    Outcome,
    Tally,
    Verdict,
    attempt,
    complete_campaigns,
    settle,
    write,
)
from localpro_desktop.services.dispatch.problems import ProblemBook
from localpro_desktop.services.dispatch.throttle import (
    DEFAULT_CONCURRENCY,
    DEFAULT_RATES,
    Sleep,
    Throttle,
    throttles_for,
)
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import Campaign, OutboxMessage

log = logging.getLogger(__name__)

BATCH_SIZE = 100
BATCH_SECONDS = 0.2
PROBLEM_PAUSE = 60.0
"""Seconds a stopped channel rests before ``dispatch_until_idle`` tries it again."""


@dataclass
class DispatchReport(Tally):
    """What one round (or several, added up) did: the counts per outcome of ``Tally``,
    plus what the round finished, stopped and queued."""

    completed: list[str] = field(default_factory=list)
    """Campaigns this round finished (Completed or Failed)."""
    problems: dict[str, str] = field(default_factory=dict)
    """Channels this round stopped ({"email": the provider's words})."""
    queued_campaigns: list[str] = field(default_factory=list)
    """Scheduled campaigns whose time came, queued at the start of the round."""

    @property
    def attempted(self) -> int:
        return self.sent + self.failed + self.retried + self.unknown

    def add(self, other: DispatchReport) -> None:
        self.absorb(other)
        self.completed.extend(c for c in other.completed if c not in self.completed)
        self.problems.update(other.problems)
        self.queued_campaigns.extend(
            c for c in other.queued_campaigns if c not in self.queued_campaigns
        )

    def absorb(self, tally: Tally) -> None:
        for counter in fields(Tally):
            setattr(self, counter.name, getattr(self, counter.name) + getattr(tally, counter.name))

    def as_dict(self) -> dict[str, object]:
        return {
            **{counter.name: getattr(self, counter.name) for counter in fields(Tally)},
            "completed": list(self.completed),
            "problems": dict(self.problems),
            "queued_campaigns": list(self.queued_campaigns),
        }


def dispatch_once(
    ws: Workspace,
    channels: Mapping[ChannelKind, Channel],
    *,
    now: Callable[[], datetime] = utcnow,
    limit: int = 2000,
    throttles: Mapping[ChannelKind, Throttle] | None = None,
    rng: random.Random | None = None,
    concurrency: Mapping[ChannelKind, int] | None = None,
    should_stop: Callable[[], bool] | None = None,
    batch_size: int = BATCH_SIZE,
    batch_seconds: float = BATCH_SECONDS,
    learned: MutableMapping[ChannelKind, Learned] | None = None,
) -> DispatchReport:
    """Resolve left-over ``sending`` messages, then send up to ``limit`` due ones.

    ``throttles``: one bucket per channel (default: ``DEFAULT_RATES``); ``concurrency``:
    messages in flight per channel (default: ``DEFAULT_CONCURRENCY``). ``should_stop``
    is asked before each claim: in-flight messages finish and are written down.
    ``learned``: each channel's measured answer and write times, kept across rounds.
    """
    report = DispatchReport()
    if not channels:
        return report
    rng = rng or random.Random()
    buckets = dict(throttles) if throttles is not None else throttles_for(DEFAULT_RATES, channels)
    widths = {**DEFAULT_CONCURRENCY, **(concurrency or {})}
    stop = should_stop or (lambda: False)
    results: queue.SimpleQueue[Outcome] = queue.SimpleQueue()
    lanes = {
        kind: Lane(
            kind,
            channel,
            buckets.get(kind),
            widths.get(kind, 1),
            results,
            learned.setdefault(kind, Learned()) if learned is not None else Learned(),
        )
        for kind, channel in channels.items()
    }
    problems = ProblemBook.load(ws)
    touched: set[str] = set()
    pending: list[Outcome] = []
    flushed = 0.0
    claimed = 0

    def flush() -> None:
        if not pending:
            return
        started = time.monotonic()
        tally = write(ws, pending, now(), rng, problems)
        report.absorb(tally)
        for lane in lanes.values():
            lane.wrote(time.monotonic() - started)
        for outcome in pending:
            if outcome.verdict is Verdict.HELD and outcome.error is not None:
                report.problems[outcome.row.channel.value] = outcome.error.words
        pending.clear()
        for lane in lanes.values():
            lane.unwritten = 0

    try:
        # Left-overs first, all settled and written before anything new is claimed: a
        # message the provider never took goes back in line and leaves in this round.
        resolving = 0
        for row in left_sending(ws, list(lanes)):
            touched.add(row.campaign_id)
            lanes[row.channel].submit(settle, row)
            resolving += 1
        while True:
            if not resolving and not stop():
                for lane in lanes.values():
                    free = lane.free
                    if lane.stopped.is_set() or lane.drained or claimed >= limit:
                        continue
                    if free <= 0 or (lane.in_flight and free < lane.refill):
                        continue
                    want = min(free, limit - claimed)
                    rows = claim(ws, lane.kind, now(), want)
                    claimed += len(rows)
                    lane.drained = len(rows) < want
                    for row in rows:
                        touched.add(row.campaign_id)
                        lane.submit(attempt, row, lane.throttle, lane.stopped, lane.gate)
            busy = sum(lane.in_flight for lane in lanes.values())
            if not busy:
                break
            wait = batch_seconds - (time.monotonic() - flushed) if pending else 0.2
            try:
                got = [results.get(timeout=max(wait, 0.001))]
            except queue.Empty:
                got = []
            while True:
                try:
                    got.append(results.get_nowait())
                except queue.Empty:
                    break
            for outcome in got:
                lane = lanes[outcome.row.channel]
                lane.in_flight -= 1
                lane.unwritten += 1
                lane.learn(outcome)
                resolving = max(resolving - 1, 0)
                pending.append(outcome)
            # Written in batches: every ``batch_seconds`` or ``batch_size`` answers, or as
            # soon as a channel's window is full of answers waiting to be written (a
            # narrow channel, SMTP, thus writes each answer as it comes).
            if pending and (
                len(pending) >= batch_size
                or time.monotonic() - flushed >= batch_seconds
                or not any(lane.in_flight for lane in lanes.values())
                or any(lane.blocked for lane in lanes.values())
            ):
                flush()
                flushed = time.monotonic()
        flush()
    except BaseException:
        # Stop every channel (waiting threads return untried), then keep what is known.
        for lane in lanes.values():
            lane.stopped.set()
        for lane in lanes.values():
            lane.close()
        while True:
            try:
                pending.append(results.get_nowait())
            except queue.Empty:
                break
        try:
            flush()
        except Exception:  # the database itself failed: the rows stay sending, resolved later
            log.exception("could not write the last outcomes")
        raise
    finally:
        for lane in lanes.values():
            lane.close()
    report.completed = complete_campaigns(ws, touched, now())
    return report


def dispatch_until_idle(
    ws: Workspace,
    channels: Mapping[ChannelKind, Channel],
    *,
    watch: bool = False,
    interval: float = 5.0,
    sleep: Sleep = time.sleep,
    should_stop: Callable[[], bool] = lambda: False,
    on_round: Callable[[DispatchReport], None] | None = None,
    throttles: Mapping[ChannelKind, Throttle] | None = None,
    rates: Mapping[ChannelKind, float] | None = None,
    concurrency: Mapping[ChannelKind, int] | None = None,
    include_late: bool | Sequence[str] = False,
    lease: Lease | None = None,
    now: Callable[[], datetime] = utcnow,
    problem_pause: float = PROBLEM_PAUSE,
) -> DispatchReport:
    """Rounds until nothing is left to send now; with ``watch``, until ``should_stop``.

    Each round first queues the scheduled campaigns whose time came (``include_late``:
    also those more than 24 h late, or the ones named). Without ``watch`` it returns once
    a round finds nothing to do (retries due later wait for the next run). With ``watch``
    it sleeps ``interval`` seconds between idle rounds. A channel stopped by a
    channel-wide error rests ``problem_pause`` seconds before it is tried again. With a
    ``lease``, it stops as soon as the lease is lost.

    ``throttles`` (one bucket per channel) win over ``rates`` (messages per second, e.g.
    ``configured_rates(ws)``), which win over ``DEFAULT_RATES``; the buckets last across
    rounds.
    """
    total = DispatchReport()
    if not channels:
        return total
    if throttles is not None:
        buckets = dict(throttles)
    else:
        buckets = throttles_for(rates if rates is not None else DEFAULT_RATES, channels)
    resting: dict[ChannelKind, float] = {}
    learned: dict[ChannelKind, Learned] = {}

    def stopping() -> bool:
        return should_stop() or (lease is not None and not lease)

    while not stopping():
        queued = queue_due(ws, now(), include_late=include_late)
        awake = {
            kind: channel
            for kind, channel in channels.items()
            if resting.get(kind, 0.0) <= time.monotonic()
        }
        report = dispatch_once(
            ws,
            awake,
            now=now,
            throttles=buckets,
            concurrency=concurrency,
            should_stop=stopping,
            learned=learned,
        )
        report.queued_campaigns = queued
        for name in report.problems:
            resting[ChannelKind(name)] = time.monotonic() + problem_pause
        total.add(report)
        if on_round is not None and (
            report.attempted or report.requeued or report.completed or report.problems
        ):
            on_round(report)
        if report.attempted or report.requeued:
            continue
        if not watch:
            break
        sleep(interval)
    return total


# -- what the rounds read ---------------------------------------------------------------


def queue_due(
    ws: Workspace, when: datetime, *, include_late: bool | Sequence[str] = False
) -> list[str]:
    """Queue the scheduled campaigns whose time came (``scheduling.queue_due``).

    A failure there never stops sending what is already queued: it is logged.
    """
    try:
        return scheduling.queue_due(ws, when, include_late=include_late)
    except Exception:
        log.exception("could not queue the scheduled campaigns")
        return []


def configured_rates(ws: Workspace) -> dict[ChannelKind, float]:
    """Messages per second per channel: as set in the channel's settings, else the defaults."""
    found: dict[ChannelKind, float] = dict(DEFAULT_RATES)
    found.update({kind: rate for kind, rate in channel_config.rates(ws).items() if rate > 0})
    return found


def channels_for(ws: Workspace) -> dict[ChannelKind, Channel]:
    """The adapters of the channels set up in this workspace."""
    return channel_setup.build_channels(ws)


def pending_count(ws: Workspace, kinds: list[ChannelKind] | None = None) -> int:
    """Messages still queued or sending (on ``kinds``, or any channel)."""
    with ws.read() as session:
        query = select(func.count()).where(OutboxMessage.state.in_([s.value for s in OPEN_STATES]))
        if kinds is not None:
            query = query.where(OutboxMessage.channel.in_([k.value for k in kinds]))
        return int(session.scalar(query) or 0)


def next_due(ws: Workspace, kinds: list[ChannelKind]) -> datetime | None:
    """When the next queued message on ``kinds`` that may leave from here becomes due."""
    with ws.read() as session:
        value = session.scalar(
            select(func.min(OutboxMessage.next_attempt_at))
            .join(Campaign, Campaign.id == OutboxMessage.campaign_id)
            .where(
                OutboxMessage.state == OutboxState.QUEUED.value,
                OutboxMessage.channel.in_([k.value for k in kinds]),
                *sendable(ws.device_id),
            )
        )
    return value if isinstance(value, datetime) else None
