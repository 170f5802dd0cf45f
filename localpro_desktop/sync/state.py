"""The sync engine's local bookkeeping: device id, cursor, op numbering, server."""

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from localpro_desktop.domain.ids import new_id
from localpro_desktop.store.engine import capture_of
from localpro_desktop.store.models import SyncClock, SyncOp, SyncOutbox, SyncRejected, SyncState
from localpro_desktop.store.unit_of_work import unit_of_work

DEVICE_ID = "device_id"
CURSOR = "pull_cursor"
NEXT_OP = "next_op_id"
SERVER = "server_url"
ACCOUNT = "account_id"
EMAIL = "account_email"
LAST_SYNC = "last_sync_at"
LAST_ERROR = "last_error"


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
        newest = session.scalar(select(func.max(SyncClock.hlc)))
    capture_of(engine).attach(device, newest)
    return device


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
