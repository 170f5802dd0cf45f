"""The sync engine's local bookkeeping: device id, cursor, op numbering, server, and the
correction of a laptop clock that is wrong.

Why correct the clock: conflicts are decided by hybrid logical clocks, whose wall part is
the laptop's date. A laptop a day behind stamps its edits a day in the past, so an edit
made there after a colleague's would lose to it. Each sync measures how far the laptop's
date is from the server's and stamps later edits with the corrected date (the offset is
kept across restarts). The clock still never goes backwards.
"""

from collections.abc import Callable

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from localpro_desktop.domain.ids import new_id
from localpro_desktop.store.capture import capture_of
from localpro_desktop.store.models import SyncClock, SyncOp, SyncOutbox, SyncRejected, SyncState
from localpro_desktop.store.unit_of_work import unit_of_work
from localpro_desktop.sync.hlc import HybridClock

DEVICE_ID = "device_id"
CURSOR = "pull_cursor"
NEXT_OP = "next_op_id"
SERVER = "server_url"
ACCOUNT = "account_id"
EMAIL = "account_email"
LAST_SYNC = "last_sync_at"
LAST_ERROR = "last_error"
CLOCK_OFFSET = "clock_offset_ms"
OFFSET_TOLERANCE_MS = 2_000
"""Below this the laptop's date is taken as right (network delays blur the measure)."""


def get(session: Session, key: str, default: str = "") -> str:
    row = session.get(SyncState, key)
    return row.value if row is not None else default


def put(session: Session, key: str, value: str) -> None:
    row = session.get(SyncState, key)
    if row is None:
        session.add(SyncState(key=key, value=value))
    else:
        row.value = value


def attach_device_clock(engine: Engine, sessions: sessionmaker[Session]) -> str:
    """Make (once) this workspace's device id and start its clock after the newest seen."""
    with unit_of_work(sessions) as session:
        device = get(session, DEVICE_ID)
        if not device:
            device = new_id()
            put(session, DEVICE_ID, device)
        newest = max(
            session.scalar(select(func.max(SyncClock.hlc))) or "",
            session.scalar(select(func.max(SyncOutbox.hlc))) or "",
        )
        offset = int(get(session, CLOCK_OFFSET, "0") or 0)
    capture_of(engine).attach(device, newest or None)
    if offset:
        set_clock_offset(engine, offset)
    return device


class CorrectedClock(HybridClock):
    """A hybrid clock whose wall is the laptop's date plus the offset the server measured."""

    def __init__(self, node: str, raw_wall: Callable[[], int], offset_ms: int = 0) -> None:
        self.raw_wall = raw_wall
        self.offset_ms = offset_ms
        super().__init__(node, wall=lambda: self.raw_wall() + self.offset_ms)


def raw_wall(clock: HybridClock) -> Callable[[], int]:
    """The laptop's own date, as the clock reads it (before any correction)."""
    if isinstance(clock, CorrectedClock):
        return clock.raw_wall
    return clock._wall  # HybridClock keeps its wall private; only read here


def clock_offset(engine: Engine) -> int:
    clock = capture_of(engine).clock
    return clock.offset_ms if isinstance(clock, CorrectedClock) else 0


def set_clock_offset(engine: Engine, offset_ms: int) -> None:
    """Stamp later edits at the laptop's date plus ``offset_ms`` (in place if possible:
    swapping clocks under a writer could hand out one stamp twice)."""
    capture = capture_of(engine)
    clock = capture.clock
    if isinstance(clock, CorrectedClock):
        clock.offset_ms = offset_ms
        return
    corrected = CorrectedClock(clock.node, raw_wall(clock), offset_ms)
    corrected.observe(clock.now())
    capture.clock = corrected


def measure_clock(engine: Engine, server_millis: int) -> int | None:
    """Compare the laptop's date with the server's; returns the new offset when it changed
    by more than the tolerance (to be stored), else None."""
    clock = capture_of(engine).clock
    offset = server_millis - raw_wall(clock)()
    if abs(offset) < OFFSET_TOLERANCE_MS:
        offset = 0
    if abs(offset - clock_offset(engine)) < OFFSET_TOLERANCE_MS:
        return None
    set_clock_offset(engine, offset)
    return offset


def pending_changes(session: Session) -> int:
    """Local edits not yet acknowledged by the server (rows, as a user counts them)."""
    queued = session.scalar(
        select(func.count()).select_from(
            select(SyncOutbox.tbl, SyncOutbox.row_id).distinct().subquery()
        )
    )
    prepared = session.scalar(select(func.count()).select_from(SyncOp))
    return int(queued or 0) + int(prepared or 0)


def rejected(session: Session) -> list[SyncRejected]:
    return list(session.scalars(select(SyncRejected).order_by(SyncRejected.op_id.desc())))
