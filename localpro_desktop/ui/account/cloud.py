"""Cloud calls as the UI makes them: on a pool thread, failures turned into outcomes.

The task runner only tells a refused action (``UserError``) from a bug, but the account
screen and the status bar must also tell "the cloud cannot be reached" (retry later, show
Offline) from "you are signed out" (show Sign in). So cloud work runs inside ``call``,
which never raises: it returns a ``CloudResult`` the UI thread words in the user's language.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Generic, TypeVar

from PySide6.QtCore import QThread

from localpro_desktop.domain.errors import UserError
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store import local_state
from localpro_desktop.store.local_state import StateKey
from localpro_desktop.sync import secrets, state
from localpro_desktop.sync.client import DEFAULT_SERVER, NotSignedIn
from localpro_desktop.sync.transport import SyncUnavailable

log = logging.getLogger(__name__)
T = TypeVar("T")


class Failure(StrEnum):
    OFFLINE = "offline"
    """The server could not be reached or was busy: try again later."""
    SIGNED_OUT = "signed_out"
    """No sign-in on this computer (or it was revoked)."""
    REFUSED = "refused"
    """The server said no; the message is user-ready (English, from the server)."""
    BUG = "bug"
    """Unexpected: logged with its trace."""


@dataclass(frozen=True)
class CloudResult(Generic[T]):
    value: T | None = None
    failure: Failure | None = None
    message: str = ""

    @property
    def ok(self) -> bool:
        return self.failure is None


def classify(exc: BaseException) -> tuple[Failure, str]:
    """Which kind of failure ``exc`` is; NotSignedIn before UserError (it is one)."""
    if isinstance(exc, NotSignedIn):
        return Failure.SIGNED_OUT, str(exc)
    if isinstance(exc, SyncUnavailable):
        return Failure.OFFLINE, str(exc)
    if isinstance(exc, UserError):
        return Failure.REFUSED, str(exc)
    log.exception("cloud call failed", exc_info=exc)
    return Failure.BUG, f"{type(exc).__name__}: {exc}"


def ensure_worker_thread() -> None:
    """Network and keyring calls can take minutes on 2G: the window must never wait."""
    if QThread.isMainThread():
        raise RuntimeError("cloud work must run on a worker thread, not the UI thread")


def call(fn: Callable[[], T]) -> CloudResult[T]:
    """Run ``fn`` (on a worker thread) and never raise: the outcome says what happened."""
    ensure_worker_thread()
    try:
        return CloudResult(value=fn())
    except Exception as exc:
        failure, message = classify(exc)
        return CloudResult(failure=failure, message=message)


@dataclass(frozen=True)
class LocalSyncState:
    """What this workspace knows about its sync without asking the server."""

    signed_in: bool
    email: str
    server: str
    last_sync_at: datetime | None
    last_error: str
    waiting: int
    rejected: int


def read_local_state(ws: Workspace) -> LocalSyncState:
    """Read on a worker thread: the keyring may be a D-Bus round trip, the counts a query."""
    ensure_worker_thread()
    with ws.read() as session:
        email = local_state.get(session, StateKey.EMAIL)
        server = local_state.get(session, StateKey.SERVER) or DEFAULT_SERVER
        last = local_state.get(session, StateKey.LAST_SYNC)
        last_error = local_state.get(session, StateKey.LAST_ERROR)
        waiting = state.pending_changes(session)
        rejected = len(state.rejected(session))
    return LocalSyncState(
        signed_in=secrets.load_refresh_token(ws.device_id) is not None,
        email=email,
        server=server,
        last_sync_at=_parse_time(last),
        last_error=last_error,
        waiting=waiting,
        rejected=rejected,
    )


def _parse_time(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text) if text else None
    except ValueError:
        return None
