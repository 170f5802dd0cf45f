"""Sync-only readings of the workspace's bookkeeping: what waits to be sent, what the
server refused, and the measure of the laptop's clock against the server's."""

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from localpro_desktop.store.capture import capture_of
from localpro_desktop.store.local_state import (
    OFFSET_TOLERANCE_MS,
    clock_offset,
    raw_wall,
    set_clock_offset,
)
from localpro_desktop.store.models import SyncOp, SyncOutbox, SyncRejected


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
