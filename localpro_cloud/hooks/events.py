"""Provider events recorded on the account as rows of the synced ``inbound_events`` table.

A laptop gets them with its next pull, however long it was closed: they are rows like any
other, with the next sequence number of the account and a server clock. Append-only: an
event's row is written once; the same event again (a provider retrying) has the same id
(``localpro_protocol.events.event_id``) and is skipped.
"""

import logging
import queue
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, insert, select, update

from localpro_cloud import db
from localpro_cloud.context import SERVER_NODE, Service
from localpro_cloud.sync import dumps_fields
from localpro_protocol.events import event_id
from localpro_protocol.hlc import MAX_COUNTER, Timestamp

log = logging.getLogger(__name__)

TABLE = "inbound_events"
WORDS_LIMIT = 500
TEXT_LIMIT = 4096


@dataclass(frozen=True)
class Event:
    """One provider event, before it gets its id."""

    kind: str
    channel: str
    provider: str
    dedupe_key: str
    message_id: str = ""
    status: str = ""
    error_code: str = ""
    error_words: str = ""
    address: str = ""
    text: str = ""
    occurred_ms: int | None = None
    """When the provider says it happened; ``None``: now."""


def make_receipt(
    channel: str,
    provider: str,
    message_id: str,
    status: str,
    *,
    code: str = "",
    words: str = "",
    address: str = "",
    occurred_ms: int | None = None,
) -> Event:
    """What a provider said happened to a message the account sent; the same status of
    the same message twice is one event."""
    return Event(
        kind="receipt",
        channel=channel,
        provider=provider,
        dedupe_key=f"status|{message_id}|{status}",
        message_id=message_id,
        status=status,
        error_code=code,
        error_words=words[:WORDS_LIMIT],
        address=address,
        occurred_ms=occurred_ms,
    )


def make_inbound(
    channel: str,
    provider: str,
    message_id: str,
    address: str,
    text: str,
    occurred_ms: int | None = None,
) -> Event:
    """A message someone sent to the account (the provider's id makes it one event)."""
    return Event(
        kind="inbound",
        channel=channel,
        provider=provider,
        dedupe_key=f"message|{message_id}",
        message_id=message_id,
        address=address,
        text=text[:TEXT_LIMIT],
        occurred_ms=occurred_ms,
    )


def e164(value: object) -> str:
    """A provider's number as E.164 ("254711…", "+254 711…" → "+254711…"; "" if none)."""
    if not isinstance(value, str | int) or isinstance(value, bool):
        return ""
    digits = "".join(ch for ch in str(value) if ch.isdigit())
    return f"+{digits}" if digits else ""


def _when(ms: int) -> str:
    """A date-time as the desktop encodes it (naive UTC, ISO-8601 with a space)."""
    return datetime.fromtimestamp(ms / 1000, UTC).replace(tzinfo=None).isoformat(sep=" ")


def _document(event: Event, now_ms: int, hlc: str) -> str:
    now = _when(now_ms)
    values = {
        "kind": event.kind,
        "channel": event.channel,
        "provider": event.provider,
        "message_id": event.message_id[:200],
        "status": event.status,
        "error_code": event.error_code[:40],
        "error_words": event.error_words[:WORDS_LIMIT],
        "address": event.address[:320],
        "text": event.text[:TEXT_LIMIT],
        "occurred_at": _when(event.occurred_ms if event.occurred_ms is not None else now_ms),
        "received_at": now,
        "created_at": now,
        "updated_at": now,
        "deleted_at": None,
    }
    return dumps_fields({name: (value, hlc) for name, value in values.items()})


def about_a_sent_message(event: Event) -> bool:
    """Receipts and opt-outs name a message the account sent (e-mail's keys are checked
    on the laptop: the token's hook id already proves the account)."""
    return event.kind != "inbound" and event.provider != "email"


def record(svc: Service, account_id: str, events: Sequence[Event]) -> int:
    """Store ``events`` on the account; returns how many were new (committed on return).

    An event about a message the account never sent (``sent_index``) is dropped: a
    provider's URL learnt by someone else cannot move another message. The account row is
    locked as a push locks it, so each new row takes the next sequence number and a laptop
    following its cursor cannot miss one.

    Calls arriving together are committed together (``_GroupCommit``): a provider posts
    hundreds of receipts a second, and one transaction each made the commit, not the
    work, the limit.
    """
    if not events:
        return 0
    return _submit(svc, account_id, list(events))


def _store(conn: Connection, svc: Service, account_id: str, events: Sequence[Event]) -> set[str]:
    """``record``'s work inside an open write transaction: the ids of the rows it added."""
    rows = db.sync_rows
    seq = conn.scalar(
        select(db.accounts.c.seq).where(db.accounts.c.id == account_id).with_for_update()
    )
    if seq is None:
        return set()
    named = {e.message_id[:200] for e in events if about_a_sent_message(e)}
    sent = set(
        conn.scalars(
            select(db.sent_index.c.message_id).where(
                db.sent_index.c.account_id == account_id,
                db.sent_index.c.message_id.in_(list(named)),
            )
        )
        if named
        else ()
    )
    ids = {
        event_id(account_id, e.provider, e.dedupe_key): e
        for e in events
        if not about_a_sent_message(e) or e.message_id[:200] in sent
    }
    if not ids:
        return set()
    stored = set(
        conn.scalars(
            select(rows.c.row_id).where(
                rows.c.account_id == account_id,
                rows.c.table_name == TABLE,
                rows.c.row_id.in_(list(ids)),
            )
        )
    )
    now_ms = svc.now_ms()
    fresh = []
    new = [(row_id, event) for row_id, event in ids.items() if row_id not in stored]
    for counter, (row_id, event) in enumerate(new):
        hlc = Timestamp(now_ms, min(counter, MAX_COUNTER), SERVER_NODE).encode()
        fresh.append(
            {
                "account_id": account_id,
                "table_name": TABLE,
                "row_id": row_id,
                "seq": seq + 1 + counter,
                "fields": _document(event, now_ms, hlc),
            }
        )
    if fresh:
        conn.execute(insert(rows), fresh)
        conn.execute(
            update(db.accounts).where(db.accounts.c.id == account_id).values(seq=seq + len(fresh))
        )
    return {row["row_id"] for row in fresh}


@dataclass
class _Job:
    account_id: str
    events: list[Event]
    done: threading.Event = field(default_factory=threading.Event)
    result: int = 0
    error: BaseException | None = None


class _GroupCommit:
    """One writer thread per database while calls come: it takes every ``record`` call
    waiting and stores them in one transaction (accounts locked in id order, since on
    PostgreSQL several instances may do this at once), then wakes their callers. If that
    transaction fails, each call is tried alone, so one bad call never fails the others.
    The thread ends after ``IDLE_SECONDS`` without a call."""

    MAX_JOBS = 200
    IDLE_SECONDS = 30.0

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self.jobs: queue.SimpleQueue[tuple[Service, _Job]] = queue.SimpleQueue()
        threading.Thread(target=self._run, name="hook-events-writer", daemon=True).start()

    def _run(self) -> None:
        while True:
            try:
                first = self.jobs.get(timeout=self.IDLE_SECONDS)
            except queue.Empty:
                with _COMMITTERS_GUARD:  # calls are queued under it: none can slip in now
                    if self.jobs.empty():
                        del _COMMITTERS[self._engine]
                        return
                continue
            batch = [first]
            while len(batch) < self.MAX_JOBS:
                try:
                    batch.append(self.jobs.get_nowait())
                except queue.Empty:
                    break
            self._write(batch)

    def _write(self, batch: list[tuple[Service, _Job]]) -> None:
        by_account: dict[str, list[tuple[Service, _Job]]] = {}
        for item in batch:
            by_account.setdefault(item[1].account_id, []).append(item)
        try:
            with db.write(self._engine) as conn:
                # One pass per account, all its calls' events together: five statements
                # for the group instead of five per call.
                for account_id in sorted(by_account):
                    items = by_account[account_id]
                    every = [event for _svc, job in items for event in job.events]
                    _settle(items, _store(conn, items[0][0], account_id, every))
        except Exception:
            log.warning("a group of %d event writes failed; writing them one by one", len(batch))
            for svc, job in batch:
                try:
                    with db.write(self._engine) as conn:
                        _settle([(svc, job)], _store(conn, svc, job.account_id, job.events))
                except BaseException as exc:  # handed to the waiting caller
                    job.error = exc
                finally:
                    job.done.set()
            return
        for _svc, job in batch:
            job.done.set()


def _settle(items: list[tuple[Service, _Job]], added: set[str]) -> None:
    """Each call's answer: how many of its events were new (an event two calls carried
    counts for the first)."""
    for _svc, job in items:
        mine = {event_id(job.account_id, e.provider, e.dedupe_key) for e in job.events}
        job.result = len(mine & added)
        added -= mine


_COMMITTERS: dict[Engine, _GroupCommit] = {}
_COMMITTERS_GUARD = threading.Lock()


def _submit(svc: Service, account_id: str, events: list[Event]) -> int:
    job = _Job(account_id, events)
    with _COMMITTERS_GUARD:
        committer = _COMMITTERS.get(svc.engine)
        if committer is None:
            committer = _COMMITTERS[svc.engine] = _GroupCommit(svc.engine)
        committer.jobs.put((svc, job))
    job.done.wait()
    if job.error is not None:
        raise job.error
    return job.result


def was_sent(svc: Service, account_id: str, message_id: str) -> bool:
    """Whether one of the account's laptops pushed a recipient with this provider id."""
    if not message_id:
        return False
    with db.read(svc.engine) as conn:
        found = conn.scalar(
            select(db.sent_index.c.recipient_id).where(
                db.sent_index.c.account_id == account_id,
                db.sent_index.c.message_id == message_id[:200],
            )
        )
    return found is not None
