"""The dispatcher: sends what the local outbox holds, exactly once or flagged unknown.

One round (``dispatch_once``):

1. Messages left ``sending`` by an earlier run (a crash, a kill, a cut) are resolved first:
   the provider's ``lookup`` says whether it took the message since the attempt started
   (→ ``sent``) or not (→ ``queued``, sent again below). Where the provider cannot say
   (SMTP, WhatsApp: ``NotImplementedError``) or the answer is an error, the message is held
   ``unknown`` — "check before resending" — and never sent again by the dispatcher. A
   look-up the provider could not answer *now* (a transient ``SendError``) leaves the
   message ``sending``, to be asked again at the next round.
2. Each due ``queued`` message is marked ``sending`` and committed **before** the provider
   is called; the outcome is written in a second transaction together with the campaign
   recipient's status (the campaigns' forward-only rank).
3. A campaign with no message left queued or sending moves Sent → Completed, or Failed
   when every message failed.

One dispatcher per workspace at a time: two running at once would each see the other's
``sending`` messages as left over (the app and ``localpro dispatch`` must share a lock).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from types import MappingProxyType
from typing import Final

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from localpro_desktop.channels.base import (
    Accepted,
    AmbiguousSend,
    Channel,
    ChannelKind,
    OutboundMessage,
    SendError,
)
from localpro_desktop.domain.campaigns import CampaignStatus, RecipientStatus, check_campaign_move
from localpro_desktop.domain.changes import ChangeSet
from localpro_desktop.domain.ids import utcnow
from localpro_desktop.domain.messages import outbox as msg
from localpro_desktop.domain.outbox import OPEN_STATES, OutboxState, check_move, next_attempt
from localpro_desktop.services import channel_setup
from localpro_desktop.services.campaigns import CampaignService
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import Campaign, CampaignRecipient, OutboxMessage
from localpro_protocol.wire import Table

DEFAULT_RATES: Final = MappingProxyType(
    {
        # Messages per second, well inside each provider's documented limits.
        ChannelKind.EMAIL: 2.0,
        ChannelKind.SMS: 10.0,
        ChannelKind.WHATSAPP: 20.0,
    }
)

Clock = Callable[[], float]
Sleep = Callable[[float], None]


class Throttle:
    """A token bucket: at most ``rate`` messages per second, bursts of ``burst``."""

    def __init__(
        self,
        rate: float,
        burst: float = 1.0,
        *,
        clock: Clock = time.monotonic,
        sleep: Sleep = time.sleep,
    ) -> None:
        if rate <= 0 or burst < 1:
            raise ValueError("rate must be > 0 and burst >= 1")
        self.rate = rate
        self.burst = burst
        self._clock = clock
        self._sleep = sleep
        self._tokens = burst
        self._last = clock()

    def acquire(self) -> float:
        """Take one token, waiting for it if needed; returns the seconds waited."""
        waited = 0.0
        while True:
            now = self._clock()
            self._tokens = min(self.burst, self._tokens + (now - self._last) * self.rate)
            self._last = now
            if self._tokens >= 1.0:
                self._tokens -= 1.0
                return waited
            wait = (1.0 - self._tokens) / self.rate
            self._sleep(wait)
            waited += wait


@dataclass
class DispatchReport:
    """What one round did, counted per outcome."""

    sent: int = 0
    failed: int = 0
    retried: int = 0
    unknown: int = 0
    requeued: int = 0
    """Left ``sending`` earlier, and the provider's look-up showed it never took them."""
    unresolved: int = 0
    """Left ``sending``: the provider's look-up could not answer now (asked again later)."""
    completed: list[str] = field(default_factory=list)
    """Campaigns this round finished (Completed or Failed)."""

    @property
    def attempted(self) -> int:
        return self.sent + self.failed + self.retried + self.unknown

    def add(self, other: DispatchReport) -> None:
        self.sent += other.sent
        self.failed += other.failed
        self.retried += other.retried
        self.unknown += other.unknown
        self.requeued += other.requeued
        self.unresolved += other.unresolved
        self.completed.extend(c for c in other.completed if c not in self.completed)

    def as_dict(self) -> dict[str, object]:
        return {
            "sent": self.sent,
            "failed": self.failed,
            "retried": self.retried,
            "unknown": self.unknown,
            "requeued": self.requeued,
            "unresolved": self.unresolved,
            "completed": list(self.completed),
        }


def dispatch_once(
    ws: Workspace,
    channels: Mapping[ChannelKind, Channel],
    *,
    now: Callable[[], datetime] = utcnow,
    limit: int = 500,
    throttles: Mapping[ChannelKind, Throttle] | None = None,
    rng: random.Random | None = None,
) -> DispatchReport:
    """Resolve left-over ``sending`` messages, then send up to ``limit`` due ones."""
    report = DispatchReport()
    if not channels:
        return report
    rng = rng or random.Random()
    buckets = dict(throttles) if throttles is not None else _default_throttles(channels)
    kinds = [kind.value for kind in channels]
    touched: set[str] = set()

    with ws.read() as session:
        stuck = list(
            session.scalars(
                select(OutboxMessage)
                .where(
                    OutboxMessage.state == OutboxState.SENDING.value,
                    OutboxMessage.channel.in_(kinds),
                )
                .order_by(OutboxMessage.id)
            )
        )
    for left in stuck:
        touched.add(left.campaign_id)
        _resolve(ws, channels[ChannelKind(left.channel)], left, now(), report)

    while report.attempted < limit:
        row = _claim_next(ws, kinds, now())
        if row is None:
            break
        touched.add(row.campaign_id)
        kind = ChannelKind(row.channel)
        channel = channels[kind]
        if (bucket := buckets.get(kind)) is not None:
            bucket.acquire()
        try:
            accepted = channel.send(_outbound(row))
        except SendError as exc:
            _refused(ws, row, exc, now(), rng, report)
        except AmbiguousSend as exc:
            _resolve(ws, channel, row, now(), report, words=exc.words)
        except Exception as exc:
            _resolve(ws, channel, row, now(), report, words=f"{type(exc).__name__}: {exc}")
        else:
            _finish_sent(ws, row, accepted, now())
            report.sent += 1

    report.completed = _complete_campaigns(ws, touched, now())
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
) -> DispatchReport:
    """Rounds until nothing is left to send now; with ``watch``, until ``should_stop``.

    Without ``watch`` it returns once a round finds nothing to do (retries due later wait
    for the next run). With ``watch`` it sleeps ``interval`` seconds between idle rounds.
    """
    total = DispatchReport()
    if not channels:
        return total
    buckets = dict(throttles) if throttles is not None else _default_throttles(channels)
    while not should_stop():
        report = dispatch_once(ws, channels, throttles=buckets)
        total.add(report)
        if on_round is not None and (report.attempted or report.requeued or report.completed):
            on_round(report)
        if report.attempted or report.requeued:
            continue
        if not watch:
            break
        sleep(interval)
    return total


def channels_for(ws: Workspace) -> dict[ChannelKind, Channel]:
    """The adapters of the channels set up in this workspace (none yet outside tests)."""
    return channel_setup.build_channels(ws)


def pending_count(ws: Workspace, kinds: list[ChannelKind] | None = None) -> int:
    """Messages still queued or sending (on ``kinds``, or any channel)."""
    with ws.read() as session:
        query = select(func.count()).where(OutboxMessage.state.in_([s.value for s in OPEN_STATES]))
        if kinds is not None:
            query = query.where(OutboxMessage.channel.in_([k.value for k in kinds]))
        return int(session.scalar(query) or 0)


def next_due(ws: Workspace, kinds: list[ChannelKind]) -> datetime | None:
    """When the next queued message on ``kinds`` becomes due (None: nothing queued)."""
    with ws.read() as session:
        value = session.scalar(
            select(func.min(OutboxMessage.next_attempt_at))
            .join(Campaign, Campaign.id == OutboxMessage.campaign_id)
            .where(
                OutboxMessage.state == OutboxState.QUEUED.value,
                OutboxMessage.channel.in_([k.value for k in kinds]),
                Campaign.status == CampaignStatus.SENT.value,
            )
        )
    return value if isinstance(value, datetime) else None


# -- internals --------------------------------------------------------------------------


def _default_throttles(channels: Mapping[ChannelKind, Channel]) -> dict[ChannelKind, Throttle]:
    return {kind: Throttle(DEFAULT_RATES[kind]) for kind in channels}


def _outbound(row: OutboxMessage) -> OutboundMessage:
    return OutboundMessage(key=row.key, to=row.address, body=row.body, subject=row.subject)


def _claim_next(ws: Workspace, kinds: list[str], when: datetime) -> OutboxMessage | None:
    """Mark the next due message ``sending`` and commit, before anything is sent."""
    with ws.write() as session:
        row = session.scalars(
            select(OutboxMessage)
            .join(Campaign, Campaign.id == OutboxMessage.campaign_id)
            .where(
                OutboxMessage.state == OutboxState.QUEUED.value,
                OutboxMessage.next_attempt_at <= when,
                OutboxMessage.channel.in_(kinds),
                Campaign.status == CampaignStatus.SENT.value,
                Campaign.deleted_at.is_(None),
            )
            .order_by(OutboxMessage.next_attempt_at, OutboxMessage.id)
            .limit(1)
        ).first()
        if row is None:
            return None
        check_move(OutboxState.QUEUED, OutboxState.SENDING)
        claimed = session.execute(
            update(OutboxMessage)
            .where(
                OutboxMessage.id == row.id,
                OutboxMessage.state == OutboxState.QUEUED.value,
            )
            .values(
                state=OutboxState.SENDING.value,
                attempts=OutboxMessage.attempts + 1,
                attempt_started_at=when,
                updated_at=when,
            )
            .execution_options(synchronize_session="fetch")
        )
        if getattr(claimed, "rowcount", 1) != 1:
            return None
        session.flush()
        session.refresh(row)
        session.expunge(row)
        return row


def _move(
    session: Session, row_id: str, target: OutboxState, when: datetime, **values: object
) -> OutboxMessage:
    row = session.get(OutboxMessage, row_id)
    if row is None:  # pragma: no cover - outbox rows are never deleted
        raise LookupError(row_id)
    check_move(OutboxState(row.state), target)
    row.state = target.value
    row.updated_at = when
    for name, value in values.items():
        setattr(row, name, value)
    return row


def _recipient(session: Session, row: OutboxMessage) -> CampaignRecipient | None:
    return session.get(CampaignRecipient, row.recipient_id)


def _finish_sent(ws: Workspace, row: OutboxMessage, accepted: Accepted, when: datetime) -> None:
    changes = ChangeSet()
    with ws.write(changes) as session:
        _move(
            session,
            row.id,
            OutboxState.SENT,
            when,
            provider_id=accepted.provider_id,
            error_code="",
            error_words="",
        )
        if (recipient := _recipient(session, row)) is not None:
            CampaignService(ws).apply_delivery(
                session,
                changes,
                recipient,
                RecipientStatus.SENT,
                provider_id=accepted.provider_id,
                at=when,
            )


def _finish_failed(
    ws: Workspace, row: OutboxMessage, code: str, words: str, when: datetime
) -> None:
    changes = ChangeSet()
    with ws.write(changes) as session:
        _move(session, row.id, OutboxState.FAILED, when, error_code=code, error_words=words[:400])
        if (recipient := _recipient(session, row)) is not None:
            error = f"{code}: {words}" if code else words
            CampaignService(ws).apply_delivery(
                session, changes, recipient, RecipientStatus.FAILED, error=error[:400], at=when
            )


def _refused(
    ws: Workspace,
    row: OutboxMessage,
    exc: SendError,
    when: datetime,
    rng: random.Random,
    report: DispatchReport,
) -> None:
    if not exc.transient:
        _finish_failed(ws, row, exc.code, exc.words, when)
        report.failed += 1
        return
    retry_at = next_attempt(when, row.attempts, jitter=rng.random(), retry_after=exc.retry_after)
    if retry_at is None:
        words = str(msg.TOO_MANY_ATTEMPTS(attempts=row.attempts, words=exc.words))
        _finish_failed(ws, row, exc.code, words, when)
        report.failed += 1
        return
    with ws.write() as session:
        _move(
            session,
            row.id,
            OutboxState.QUEUED,
            when,
            next_attempt_at=retry_at,
            error_code=exc.code[:40],
            error_words=exc.words[:400],
        )
    report.retried += 1


def _resolve(
    ws: Workspace,
    channel: Channel,
    row: OutboxMessage,
    when: datetime,
    report: DispatchReport,
    *,
    words: str = "",
) -> None:
    """A message that may have left: ask the provider, never resend blindly."""
    since = row.attempt_started_at or row.updated_at
    try:
        found = channel.lookup(_outbound(row), since)
    except NotImplementedError:
        found = None
        unknown = True
    except SendError as exc:
        if exc.transient:
            report.unresolved += 1
            return  # the provider could not answer now: stays sending, asked again next round
        unknown, found = True, None
        words = words or exc.words
    except Exception as exc:
        unknown, found = True, None
        words = words or f"{type(exc).__name__}: {exc}"
    else:
        unknown = False
    if found is not None:
        _finish_sent(ws, row, found, when)
        report.sent += 1
    elif unknown:
        _hold_unknown(ws, row, words, when)
        report.unknown += 1
    else:
        with ws.write() as session:
            _move(session, row.id, OutboxState.QUEUED, when, next_attempt_at=when)
        report.requeued += 1


def _hold_unknown(ws: Workspace, row: OutboxMessage, words: str, when: datetime) -> None:
    changes = ChangeSet()
    shown = str(msg.UNKNOWN_OUTCOME())
    with ws.write(changes) as session:
        _move(
            session,
            row.id,
            OutboxState.UNKNOWN,
            when,
            error_code="unknown",
            error_words=(words or shown)[:400],
        )
        recipient = _recipient(session, row)
        if recipient is not None and recipient.status == RecipientStatus.QUEUED.value:
            recipient.error = shown[:400]
            changes.add(Table.CAMPAIGN_RECIPIENTS, recipient.id)


def _complete_campaigns(ws: Workspace, campaign_ids: set[str], when: datetime) -> list[str]:
    """Sent → Completed (or Failed when nothing could be sent) once nothing is left open."""
    done: list[str] = []
    for campaign_id in sorted(campaign_ids):
        changes = ChangeSet()
        with ws.write(changes) as session:
            campaign = session.get(Campaign, campaign_id)
            if campaign is None or CampaignStatus(campaign.status) is not CampaignStatus.SENT:
                continue
            counts: dict[str, int] = {
                str(state): int(count)
                for state, count in session.execute(
                    select(OutboxMessage.state, func.count())
                    .where(OutboxMessage.campaign_id == campaign_id)
                    .group_by(OutboxMessage.state)
                )
            }
            if any(counts.get(state.value) for state in OPEN_STATES):
                continue
            if counts.get(OutboxState.UNKNOWN.value):
                continue  # not final: a person must check those first (the "Completed")
            total = sum(counts.values())
            failed = counts.get(OutboxState.FAILED.value, 0)
            if total and failed == total:
                check_campaign_move(CampaignStatus.SENT, CampaignStatus.FAILED)
                campaign.status = CampaignStatus.FAILED.value
                campaign.failure_reason = "every message failed"
            else:
                check_campaign_move(CampaignStatus.SENT, CampaignStatus.COMPLETED)
                campaign.status = CampaignStatus.COMPLETED.value
            campaign.completed_at = when
            changes.add(Table.CAMPAIGNS, campaign.id)
            done.append(campaign_id)
    return done


__all__ = [
    "DEFAULT_RATES",
    "DispatchReport",
    "Throttle",
    "channels_for",
    "dispatch_once",
    "dispatch_until_idle",
    "next_due",
    "pending_count",
]
