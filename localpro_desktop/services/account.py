"""The cloud account and its sync, as the screens and the command line use them.

``CloudAccount`` is the one door to the cloud for a workspace in a process: one
``SyncClient`` (it keeps the access token across rounds), one call at a time. The server
rotates refresh tokens and treats a token used twice as stolen (signing the device out), so
two clients refreshing at once must never happen; every cloud call of the window (rounds,
sign-in, sign-out, profile) therefore goes through the same ``CloudAccount``.

Its methods raise (the command line reports the exception); ``attempt`` and ``run_round``
never raise and say what happened instead (a ``CloudResult`` / ``RoundOutcome``), which the
window words in the user's language. Everything here does I/O: call it off the UI thread.
"""

from __future__ import annotations

import contextlib
import json
import logging
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Generic, TypeVar

from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.ids import utcnow
from localpro_desktop.services import webhooks
from localpro_desktop.services.inbound import ApplyReport, apply_pending
from localpro_desktop.store import local_state
from localpro_desktop.store.database import Database
from localpro_desktop.store.local_state import StateKey
from localpro_desktop.sync import engine, secrets, state
from localpro_desktop.sync.client import DEFAULT_SERVER, NotSignedIn, SyncClient, SyncReport
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
from localpro_protocol.wire import HookChannel, HookInfo, Profile, RegisterRequest

__all__ = [
    "DEFAULT_SERVER",
    "AccountInfo",
    "ClientFactory",
    "CloudAccount",
    "CloudResult",
    "CloudUnreachable",
    "Failure",
    "LocalSyncState",
    "NotSignedIn",
    "RejectedRow",
    "RoundOutcome",
    "ScheduleConfig",
    "SyncOverview",
    "SyncReport",
    "SyncSchedule",
    "SyncStatus",
    "Trigger",
    "attempt",
    "keep_syncing",
    "load_account_info",
    "load_rejected",
    "read_local_state",
    "sync_overview",
    "waiting",
]

log = logging.getLogger(__name__)
T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)

CloudUnreachable = SyncUnavailable
"""The cloud could not be reached (or was busy): the work waits for the next round."""
ClientFactory = Callable[[Database, str | None], SyncClient]
NAME_FIELDS = ("business_name", "company", "name", "first_name", "last_name", "subject")
"""Fields that name a record, best first, read from a refused change itself."""
ERROR_CHARS = 500
"""The last error kept in the workspace (a server page can be long)."""


@dataclass(frozen=True)
class CloudResult(Generic[T_co]):
    value: T_co | None = None
    failure: Failure | None = None
    message: str = ""

    @property
    def ok(self) -> bool:
        return self.failure is None


def attempt(fn: Callable[[], T]) -> CloudResult[T]:
    """Run ``fn`` and never raise: the outcome says what happened."""
    try:
        return CloudResult(value=fn())
    except Exception as exc:
        failure, message = classify(exc)
        return CloudResult(failure=failure, message=message)


class CloudAccount:
    """A workspace's cloud account: sign-in, profile and sync rounds through one client.

    ``server`` is the address used until another is asked for (None: the remembered one).
    ``guard`` runs before every cloud call (the window passes a check that it is not on
    the UI thread: a call may take minutes on 2G).
    """

    def __init__(
        self,
        ws: Database,
        server: str | None = None,
        *,
        client_factory: ClientFactory | None = None,
        guard: Callable[[], None] | None = None,
    ) -> None:
        self.ws = ws
        self.client_factory: ClientFactory = client_factory or SyncClient
        self._server = server
        self._guard = guard
        self._client: SyncClient | None = None
        # Reentrant: a use case may call another (attempt(lambda: account.profile())).
        self._lock = threading.RLock()

    def __enter__(self) -> CloudAccount:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection; a read stalled on a slow link fails at once (no lock: a
        round in flight holds it). Rounds are transactional per batch and page, so nothing
        is half-applied; the next use opens a new connection."""
        client = self._client
        if client is not None:
            with contextlib.suppress(Exception):
                client.close()

    # -- use cases (they raise) ---------------------------------------------------------

    def register(self, request: RegisterRequest, *, server: str | None = None) -> Profile:
        """Create the account and sign this workspace in."""
        with self._locked(server) as client:
            return client.register(request)

    def sign_in(self, email: str, password: str, *, server: str | None = None) -> Profile:
        with self._locked(server) as client:
            return client.login(email, password)

    def sign_out(self) -> None:
        """Revoke the session when the cloud answers; always forget the local sign-in."""
        with self._locked() as client:
            client.logout()

    def profile(self) -> Profile:
        """Plan and this month's usage, from the cloud."""
        with self._locked() as client:
            return client.profile()

    def signed_in(self) -> bool:
        with self._locked() as client:
            return client.signed_in()

    def enable_webhook(self, channel: HookChannel, provider: str, secret: str) -> HookInfo:
        """Enable (or rotate) the account's webhook for a channel (``services.webhooks``)."""
        with self._locked() as client:
            return client.enable_webhook(channel, provider, secret)

    def webhooks(self) -> list[HookInfo]:
        with self._locked() as client:
            return client.webhooks()

    def sync_once(self) -> SyncReport:
        """One round; a failure (other than being signed out) is remembered for the status."""
        with self._locked() as client:
            try:
                report = client.sync_once()
            except Exception as exc:
                if not isinstance(exc, NotSignedIn):
                    self._remember_error(_error_text(exc))
                self._apply_inbound()  # pages pulled before the failure are kept
                raise
            self._apply_inbound()
            self._learn_hooks(client)
            return report

    # -- never raising ------------------------------------------------------------------

    def run_round(
        self, trigger: Trigger, started: Callable[[], None] | None = None
    ) -> RoundOutcome:
        """One round for ``trigger``, with the local state after it; never raises.

        ``started`` is called once the round really goes to the cloud (not for a signed-out
        workspace, nor for a change-triggered round with nothing to push).
        """
        with self._locked() as client:
            failure: Failure | None = None
            message = ""
            report: SyncReport | None = None
            try:
                if not client.signed_in():
                    return RoundOutcome(trigger, Failure.SIGNED_OUT, local=self._local())
                if trigger is Trigger.CHANGES and engine.pending(self.ws) == 0:
                    return RoundOutcome(trigger, skipped=True, local=self._local())
                if started is not None:
                    started()
                report = client.sync_once()
            except Exception as exc:
                failure, message = classify(exc)
                if failure is not Failure.SIGNED_OUT:
                    self._remember_error(message)
            self._apply_inbound()
            if report is not None:
                self._learn_hooks(client)
            try:
                local: LocalSyncState | None = read_local_state(self.ws)
            except Exception:
                log.exception("sync state unreadable after a round")
                local = None
            return RoundOutcome(trigger, failure, message, report=report, local=local)

    # -- inside -------------------------------------------------------------------------

    def _apply_inbound(self) -> ApplyReport | None:
        """Apply the provider events the round pulled (replies, receipts, opt-outs), once
        per sync, not per page. A failure here is logged and never fails the round: the
        events stay pending and are applied after the next one."""
        try:
            return apply_pending(self.ws)
        except Exception:
            log.exception("could not apply the replies and receipts pulled")
            return None

    HOOKS_EVERY = timedelta(hours=6)

    def _learn_hooks(self, client: SyncClient) -> None:
        """Learn the e-mail webhook another laptop of the account turned on (at most every
        ``HOOKS_EVERY``): this laptop's e-mails then carry the open pixel and the one-click
        unsubscribe link too. Never fails the round."""
        now = utcnow()
        with self.ws.read() as session:
            last = local_state.get(session, StateKey.HOOKS_CHECKED_AT)
        try:
            if last and now - datetime.fromisoformat(last) < self.HOOKS_EVERY:
                return
            found = client.webhooks()
        except Exception:
            log.info("could not ask the cloud for the account's webhooks", exc_info=True)
            return
        webhooks.remember_email_hook(
            self.ws, next((h for h in found if h.channel == Channel.EMAIL.value), None)
        )
        with self.ws.write() as session:
            local_state.put(session, StateKey.HOOKS_CHECKED_AT, now.isoformat())

    @contextlib.contextmanager
    def _locked(self, server: str | None = None) -> Iterator[SyncClient]:
        if self._guard is not None:
            self._guard()
        with self._lock:
            yield self._client_for(server)

    def _client_for(self, server: str | None) -> SyncClient:
        """The shared client; a new one when another server is asked for (under the lock)."""
        wanted = server.rstrip("/") if server else None
        if self._client is not None and (
            (wanted and wanted != self._client.server_url) or self._client.http.is_closed
        ):
            self._client.close()
            self._client = None
        if self._client is None:
            self._client = self.client_factory(self.ws, wanted or self._server)
        return self._client

    def _local(self) -> LocalSyncState:
        return read_local_state(self.ws)

    def _remember_error(self, message: str) -> None:
        with contextlib.suppress(Exception), self.ws.write() as session:
            local_state.put(session, StateKey.LAST_ERROR, message[:ERROR_CHARS])


def _error_text(exc: BaseException) -> str:
    """The message ``classify`` gives, without logging a trace: the caller re-raises."""
    if isinstance(exc, SyncUnavailable | UserError):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"


# -- local reads ---------------------------------------------------------------------------


def read_local_state(ws: Database) -> LocalSyncState:
    """The keyring may be a D-Bus round trip and the counts a query: not on the UI thread."""
    with ws.read() as session:
        email = local_state.get(session, StateKey.EMAIL)
        server = local_state.get(session, StateKey.SERVER) or DEFAULT_SERVER
        last = local_state.get(session, StateKey.LAST_SYNC)
        last_error = local_state.get(session, StateKey.LAST_ERROR)
        count = state.pending_changes(session)
        rejected = len(state.rejected(session))
    return LocalSyncState(
        signed_in=secrets.load_refresh_token(ws.device_id) is not None,
        email=email,
        server=server,
        last_sync_at=_parse_time(last),
        last_error=last_error,
        waiting=count,
        rejected=rejected,
    )


def waiting(ws: Database) -> int:
    """Local changes the cloud has not acknowledged yet."""
    return engine.pending(ws)


@dataclass(frozen=True)
class AccountInfo:
    """What the account screen needs before it asks the cloud anything."""

    local: LocalSyncState
    business_name: str
    country: str


def load_account_info(ws: Database) -> AccountInfo:
    settings = ws.settings()
    return AccountInfo(read_local_state(ws), settings.name, settings.country)


@dataclass(frozen=True)
class RejectedRow:
    """A change the cloud refused, named from its own fields, with the reason."""

    op_id: int
    table: str
    row_id: str
    name: str
    reason: str
    rejected_at: datetime | None


def load_rejected(ws: Database) -> list[RejectedRow]:
    """Newest first (the list can be long after a refused import)."""
    with ws.read() as session:
        return [
            RejectedRow(r.op_id, r.tbl, r.row_id, _name(r.payload), r.reason, r.rejected_at)
            for r in state.rejected(session)
        ]


@dataclass(frozen=True)
class SyncOverview:
    """The raw sync bookkeeping, as ``localpro account status`` reports it."""

    server: str
    email: str
    device_id: str
    last_sync_at: str | None
    changes_waiting: int
    rejected: list[RejectedRow]


def sync_overview(ws: Database) -> SyncOverview:
    with ws.read() as session:
        server = local_state.get(session, StateKey.SERVER)
        email = local_state.get(session, StateKey.EMAIL)
        last = local_state.get(session, StateKey.LAST_SYNC) or None
        count = state.pending_changes(session)
    return SyncOverview(server, email, ws.device_id, last, count, load_rejected(ws))


def _name(payload: str) -> str:
    try:
        values: dict[str, Any] = json.loads(payload).get("fields", {})
    except (ValueError, AttributeError):
        return ""
    for key in NAME_FIELDS:
        value = values.get(key)
        if isinstance(value, list) and value and isinstance(value[0], str) and value[0].strip():
            return str(value[0].strip())
    return ""


def _parse_time(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text) if text else None
    except ValueError:
        return None


# -- headless background sync --------------------------------------------------------------

WATCH_CONFIG = ScheduleConfig()
"""``localpro sync --watch``: the app's schedule (its first round is the user's, at once)."""
SIGN_IN_FIRST = "Sign in first: localpro account login --email YOU@EXAMPLE.COM"
WATCH_POLL = 2.0
"""Seconds between looks at the waiting count (edits come from other processes)."""


def keep_syncing(
    account: CloudAccount,
    on_round: Callable[[RoundOutcome, SyncStatus], None],
    *,
    config: ScheduleConfig = WATCH_CONFIG,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], None] | None = None,
    stop: Callable[[], bool] = lambda: False,
    schedule: SyncSchedule | None = None,
) -> None:
    """Sync on the app's schedule until ``stop()`` (or an interrupt); never two at once.

    The first round is the user's (so a signed-out workspace fails at once with
    NotSignedIn, as ``sync`` does); local edits are noticed by the waiting count growing.
    Raises NotSignedIn when the sign-in is lost.
    """
    ws = account.ws
    schedule = schedule or SyncSchedule(config, clock=clock)
    pause = sleep or time.sleep
    schedule.start(first_round=False)  # the first round is the one asked for, below
    schedule.local_state_read(read_local_state(ws))
    seen = schedule.status.waiting
    trigger = schedule.sync_now()
    while not stop():
        while trigger is not None:
            outcome = account.run_round(trigger, schedule.mark_syncing)
            trigger = schedule.round_finished(outcome)
            on_round(outcome, schedule.status)
            if outcome.failure is Failure.SIGNED_OUT:
                raise NotSignedIn(outcome.message or SIGN_IN_FIRST)
            seen = schedule.status.waiting
            if stop():
                return
        count = waiting(ws)
        if count > seen:
            schedule.local_changed()
        seen = count
        wake = schedule.next_wakeup()
        pause(WATCH_POLL if wake is None else min(wake, WATCH_POLL))
        trigger = schedule.due()
