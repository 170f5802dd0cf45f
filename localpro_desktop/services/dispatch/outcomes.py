"""What became of each message, decided in a sending thread and written in batches.

A sending thread calls the provider (``attempt``) or asks it about a message that may have
left (``settle``) and returns an ``Outcome``; it never touches the database. The
dispatcher's own thread writes outcomes in batches (``write``): each message's new state
together with its campaign recipient's status, in one transaction.
"""

from __future__ import annotations

import contextlib
import random
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Any, cast

from sqlalchemy import Table as SqlTable
from sqlalchemy import Update, bindparam, func, select, update
from sqlalchemy.orm import Session

from localpro_desktop.channels.base import Accepted, AmbiguousSend, Channel, SendError
from localpro_desktop.domain.campaigns import CampaignStatus, RecipientStatus, check_campaign_move
from localpro_desktop.domain.changes import ChangeSet
from localpro_desktop.domain.messages import outbox as msg
from localpro_desktop.domain.outbox import OPEN_STATES, OutboxState, check_move, next_attempt
from localpro_desktop.services.campaign_delivery import Delivery, apply_deliveries
from localpro_desktop.services.dispatch.claims import Claimed, outbound
from localpro_desktop.services.dispatch.problems import ProblemBook
from localpro_desktop.services.dispatch.throttle import Gate, Throttle
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import Campaign, CampaignRecipient, OutboxMessage
from localpro_protocol.wire import Table


class Verdict(Enum):
    SENT = "sent"
    """The provider took it (or its look-up found it)."""
    REFUSED = "refused"
    """A ``SendError`` for this message: retried later (transient) or failed."""
    UNKNOWN = "unknown"
    """It may have left and the provider cannot say: held for a person to check."""
    REQUEUE = "requeue"
    """The look-up proved the provider never took it: queued again, due now."""
    UNRESOLVED = "unresolved"
    """The look-up could not answer now: stays ``sending``, asked again next round."""
    HELD = "held"
    """Not sent because its channel stopped (a channel-wide error): back to queued, the
    attempt not counted."""


@dataclass(frozen=True)
class Outcome:
    row: Claimed
    verdict: Verdict
    accepted: Accepted | None = None
    error: SendError | None = None
    words: str = ""
    seconds: float = 0.0
    """How long the provider took to answer (0: it was not asked)."""


def attempt(
    channel: Channel,
    row: Claimed,
    throttle: Throttle | None,
    stopped: threading.Event,
    gate: Gate | None = None,
) -> Outcome:
    """Send one claimed message (in a sending thread). Never raises.

    ``gate`` bounds how many of the channel's threads are with the provider at once; the
    throttle's token is taken inside it, right before the call, so the provider sees the
    rate the bucket allows.
    """
    if stopped.is_set():
        return Outcome(row, Verdict.HELD)
    try:
        message = outbound(row)
    except SendError as exc:
        return Outcome(row, Verdict.REFUSED, error=exc)
    except Exception as exc:  # an ``extra`` that cannot make a message: it never leaves
        error = SendError("extra", f"{type(exc).__name__}: {exc}", transient=False)
        return Outcome(row, Verdict.REFUSED, error=error)
    with gate or contextlib.nullcontext():
        if throttle is not None and not stopped.is_set():
            throttle.acquire()
        if stopped.is_set():
            return Outcome(row, Verdict.HELD)
        started = time.monotonic()
        try:
            accepted = channel.send(message)
        except SendError as exc:
            if exc.channel_wide:
                stopped.set()  # the channel's other threads stop before their provider call
                return Outcome(row, Verdict.HELD, error=exc)
            seconds = time.monotonic() - started
            return Outcome(row, Verdict.REFUSED, error=exc, seconds=seconds)
        except AmbiguousSend as exc:
            return settle(channel, row, exc.words)
        except Exception as exc:  # an adapter's bug mid-send: the message may have left
            return settle(channel, row, f"{type(exc).__name__}: {exc}")
    return Outcome(row, Verdict.SENT, accepted=accepted, seconds=time.monotonic() - started)


def settle(channel: Channel, row: Claimed, words: str = "") -> Outcome:
    """A message that may have left: ask the provider, never resend blindly. Never raises."""
    try:
        found = channel.lookup(outbound(row), row.started)
    except NotImplementedError:
        return Outcome(row, Verdict.UNKNOWN, words=words)
    except SendError as exc:
        if exc.transient or exc.channel_wide:
            return Outcome(row, Verdict.UNRESOLVED, error=exc)
        return Outcome(row, Verdict.UNKNOWN, words=words or exc.words)
    except Exception as exc:
        return Outcome(row, Verdict.UNKNOWN, words=words or f"{type(exc).__name__}: {exc}")
    if found is not None:
        return Outcome(row, Verdict.SENT, accepted=found)
    return Outcome(row, Verdict.REQUEUE)


@dataclass
class Tally:
    """Counts of what a batch of writes did (added to the round's report)."""

    sent: int = 0
    failed: int = 0
    retried: int = 0
    unknown: int = 0
    requeued: int = 0
    """Left ``sending`` earlier, and the provider's look-up showed it never took them."""
    unresolved: int = 0
    """Left ``sending``: the provider's look-up could not answer now (asked again later)."""
    held: int = 0
    """Put back to ``queued`` untried, their channel stopped by a channel-wide error."""


def write(
    ws: Workspace,
    outcomes: Sequence[Outcome],
    when: datetime,
    rng: random.Random,
    problems: ProblemBook,
) -> Tally:
    """Write a batch of outcomes in one transaction: each message's state with its
    recipient's status, and the channels' problems (recorded, or cleared by a send).

    The outbox rows are changed with one ``UPDATE … WHERE state = 'sending'`` per kind of
    outcome (no ORM objects: they are this laptop's bookkeeping); recipients get their
    answers with ``campaign_delivery.apply_deliveries`` (``apply_delivery``'s changes, in a
    few statements for the whole batch).
    """
    tally = Tally()
    if not outcomes:
        return tally
    changes = ChangeSet()
    moves = _Moves(when)
    deliveries: list[Delivery] = []
    unknown: list[str] = []
    with ws.write(changes) as session:
        for outcome in outcomes:
            _apply(outcome, deliveries, unknown, moves, rng, tally)
            if outcome.verdict is Verdict.SENT:
                problems.clear(outcome.row.channel)
            elif outcome.verdict is Verdict.HELD and outcome.error is not None:
                problems.record(outcome.row.channel, outcome.error.words)
        apply_deliveries(session, changes, deliveries)
        if unknown:
            shown = str(msg.UNKNOWN_OUTCOME())[:400]
            for recipient in _load(session, CampaignRecipient, unknown).values():
                if recipient.status == RecipientStatus.QUEUED.value:
                    recipient.error = shown
                    changes.add(Table.CAMPAIGN_RECIPIENTS, recipient.id)
        moves.execute(session)
        problems.save(session)
    return tally


def _load(
    session: Session, model: type[CampaignRecipient], ids: Sequence[str]
) -> dict[str, CampaignRecipient]:
    wanted = sorted(set(ids))
    found: dict[str, CampaignRecipient] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        query = select(model).where(model.id.in_(chunk))
        for item in session.scalars(query):
            found[item.id] = item
    return found


_OUTBOX = cast(SqlTable, OutboxMessage.__table__)
_SENDING = OutboxState.SENDING.value


def _outbox_update(target: OutboxState, **values: Any) -> Update:
    """``UPDATE outbox_messages SET state = target, … WHERE id = :row_id AND state =
    'sending'`` (only a message this run claimed moves), run once per batch."""
    check_move(OutboxState.SENDING, target)
    return (
        update(_OUTBOX)
        .where(_OUTBOX.c.id == bindparam("row_id"), _OUTBOX.c.state == _SENDING)
        .values(state=target.value, updated_at=bindparam("when"), **values)
    )


_STATEMENTS: dict[str, Update] = {
    "sent": _outbox_update(
        OutboxState.SENT, provider_id=bindparam("provider_id"), error_code="", error_words=""
    ),
    "failed": _outbox_update(
        OutboxState.FAILED, error_code=bindparam("code"), error_words=bindparam("words")
    ),
    "retry": _outbox_update(
        OutboxState.QUEUED,
        next_attempt_at=bindparam("retry_at"),
        error_code=bindparam("code"),
        error_words=bindparam("words"),
    ),
    "unknown": _outbox_update(
        OutboxState.UNKNOWN, error_code="unknown", error_words=bindparam("words")
    ),
    "requeue": _outbox_update(OutboxState.QUEUED, next_attempt_at=bindparam("when")),
    # Not tried: the attempt the claim counted is given back, the message keeps its place.
    "held": _outbox_update(OutboxState.QUEUED, attempts=_OUTBOX.c.attempts - 1),
}


class _Moves:
    """The outbox rows' new states, gathered per kind and written with executemany."""

    def __init__(self, when: datetime) -> None:
        self.when = when
        self.params: dict[str, list[dict[str, Any]]] = {}

    def add(self, kind: str, row: Claimed, **values: Any) -> None:
        self.params.setdefault(kind, []).append({"row_id": row.id, "when": self.when, **values})

    def execute(self, session: Session) -> None:
        connection = session.connection()
        for kind, params in self.params.items():
            connection.execute(_STATEMENTS[kind], params)


def _apply(
    outcome: Outcome,
    deliveries: list[Delivery],
    unknown: list[str],
    moves: _Moves,
    rng: random.Random,
    tally: Tally,
) -> None:
    verdict, row, when = outcome.verdict, outcome.row, moves.when
    if verdict is Verdict.SENT:
        assert outcome.accepted is not None
        provider_id = outcome.accepted.provider_id[:200]
        moves.add("sent", row, provider_id=provider_id)
        deliveries.append(
            Delivery(row.recipient_id, RecipientStatus.SENT, provider_id=provider_id, at=when)
        )
        tally.sent += 1
    elif verdict is Verdict.REFUSED:
        assert outcome.error is not None
        _refused(outcome.error, row, deliveries, moves, rng, tally)
    elif verdict is Verdict.UNKNOWN:
        shown = str(msg.UNKNOWN_OUTCOME())
        moves.add("unknown", row, words=(outcome.words or shown)[:400])
        unknown.append(row.recipient_id)  # its recipient, if still queued, says so
        tally.unknown += 1
    elif verdict is Verdict.REQUEUE:
        moves.add("requeue", row)
        tally.requeued += 1
    elif verdict is Verdict.HELD:
        moves.add("held", row)
        tally.held += 1
    else:
        tally.unresolved += 1


def _refused(
    exc: SendError,
    row: Claimed,
    deliveries: list[Delivery],
    moves: _Moves,
    rng: random.Random,
    tally: Tally,
) -> None:
    words, code, when = exc.words, exc.code[:40], moves.when
    if exc.transient:
        retry_at = next_attempt(
            when, row.attempts, jitter=rng.random(), retry_after=exc.retry_after
        )
        if retry_at is not None:
            moves.add("retry", row, retry_at=retry_at, code=code, words=words[:400])
            tally.retried += 1
            return
        words = str(msg.TOO_MANY_ATTEMPTS(attempts=row.attempts, words=words))
    moves.add("failed", row, code=code, words=words[:400])
    error = f"{exc.code}: {words}" if exc.code else words
    deliveries.append(
        Delivery(row.recipient_id, RecipientStatus.FAILED, error=error[:400], at=when)
    )
    tally.failed += 1


def complete_campaigns(ws: Workspace, campaign_ids: set[str], when: datetime) -> list[str]:
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
    "Outcome",
    "Tally",
    "Verdict",
    "attempt",
    "complete_campaigns",
    "settle",
    "write",
]
