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
from typing import Any, TypeVar, cast

from sqlalchemy import Table as SqlTable
from sqlalchemy import Update, bindparam, func, select, update
from sqlalchemy.orm import Session, load_only
from sqlalchemy.orm.interfaces import ORMOption

from localpro_desktop.channels.base import Accepted, AmbiguousSend, Channel, SendError
from localpro_desktop.domain.campaigns import CampaignStatus, RecipientStatus, check_campaign_move
from localpro_desktop.domain.changes import ChangeSet
from localpro_desktop.domain.messages import outbox as msg
from localpro_desktop.domain.outbox import OPEN_STATES, OutboxState, check_move, next_attempt
from localpro_desktop.services.campaigns import CampaignService
from localpro_desktop.services.dispatch.claims import Claimed, outbound
from localpro_desktop.services.dispatch.problems import ProblemBook
from localpro_desktop.services.dispatch.throttle import Gate, Throttle
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import Campaign, CampaignRecipient, Contact, OutboxMessage
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
    unresolved: int = 0
    held: int = 0


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
    outcome (no ORM objects: they are this laptop's bookkeeping); recipients go through
    ``CampaignService.apply_delivery`` like every other delivery.
    """
    tally = Tally()
    if not outcomes:
        return tally
    changes = ChangeSet()
    campaigns = CampaignService(ws)
    moves = _Moves(when)
    with ws.write(changes) as session:
        recipients = _load(session, CampaignRecipient, [o.row.recipient_id for o in outcomes])
        # apply_delivery notes each sent message on the contact: load them all at once
        # (only what it changes), and hold them: the identity map keeps weak references.
        held = [
            _load(
                session,
                Contact,
                [r.contact_id for r in recipients.values()],
                load_only(Contact.id, Contact.last_contacted_at),
            ),
            _load(session, Campaign, [o.row.campaign_id for o in outcomes]),
        ]
        for outcome in outcomes:
            recipient = recipients.get(outcome.row.recipient_id)
            _apply(session, changes, campaigns, outcome, recipient, moves, rng, tally)
            if outcome.verdict is Verdict.SENT:
                problems.clear(outcome.row.channel)
            elif outcome.verdict is Verdict.HELD and outcome.error is not None:
                problems.record(outcome.row.channel, outcome.error.words)
        moves.execute(session)
        problems.save(session)
        del held
    return tally


_Row = TypeVar("_Row", CampaignRecipient, Contact, Campaign)


def _load(
    session: Session, model: type[_Row], ids: Sequence[str], *options: ORMOption
) -> dict[str, _Row]:
    wanted = sorted(set(ids))
    found: dict[str, _Row] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        query = select(model).where(model.id.in_(chunk)).options(*options)
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
    session: Session,
    changes: ChangeSet,
    campaigns: CampaignService,
    outcome: Outcome,
    recipient: CampaignRecipient | None,
    moves: _Moves,
    rng: random.Random,
    tally: Tally,
) -> None:
    verdict, row, when = outcome.verdict, outcome.row, moves.when
    if verdict is Verdict.SENT:
        assert outcome.accepted is not None
        provider_id = outcome.accepted.provider_id[:200]
        moves.add("sent", row, provider_id=provider_id)
        if recipient is not None:
            campaigns.apply_delivery(
                session, changes, recipient, RecipientStatus.SENT, provider_id=provider_id, at=when
            )
        tally.sent += 1
    elif verdict is Verdict.REFUSED:
        assert outcome.error is not None
        _refused(session, changes, campaigns, outcome.error, row, recipient, moves, rng, tally)
    elif verdict is Verdict.UNKNOWN:
        shown = str(msg.UNKNOWN_OUTCOME())
        moves.add("unknown", row, words=(outcome.words or shown)[:400])
        if recipient is not None and recipient.status == RecipientStatus.QUEUED.value:
            recipient.error = shown[:400]
            changes.add(Table.CAMPAIGN_RECIPIENTS, recipient.id)
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
    session: Session,
    changes: ChangeSet,
    campaigns: CampaignService,
    exc: SendError,
    row: Claimed,
    recipient: CampaignRecipient | None,
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
    if recipient is not None:
        error = f"{exc.code}: {words}" if exc.code else words
        campaigns.apply_delivery(
            session, changes, recipient, RecipientStatus.FAILED, error=error[:400], at=when
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
