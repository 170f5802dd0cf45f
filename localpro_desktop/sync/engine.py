"""The local half of sync: turn captured changes into operations, apply pulled ones.

Network-free on purpose (the HTTP client sits on top), so every rule here is tested on
real SQLite files: operations are prepared and frozen in one transaction (a retry resends
the same ``op_id`` with the same values), an acknowledgement removes exactly what the
server applied, and a pulled page plus its cursor are stored in one transaction.
"""

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Float, Integer, delete, func, select, text
from sqlalchemy.orm import Session

from localpro_desktop.services.changes import ChangeSet
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.engine import capture_of
from localpro_desktop.store.models import Base, SyncClock, SyncOp, SyncOutbox, SyncRejected
from localpro_desktop.sync import state
from localpro_desktop.sync.hlc import ZERO
from localpro_desktop.sync.protocol import (
    SYNCED_TABLES,
    Change,
    FieldValue,
    PullResponse,
    PushOp,
    PushResponse,
)

SKIPPED_COLUMNS = {"id", "updated_at"}
"""``updated_at`` is each device's own bookkeeping; everything else travels."""


@dataclass
class ApplyResult:
    changes: int = 0
    rows: int = 0
    cursor: int = 0
    tables: dict[str, int] = field(default_factory=dict)


def _columns(table: str) -> dict[str, Any]:
    return {
        c.name: c.type for c in Base.metadata.tables[table].columns if c.name not in SKIPPED_COLUMNS
    }


def encode(value: Any) -> Any:
    """Column value → JSON value."""
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return value


def decode(column_type: Any, value: Any) -> Any:
    """JSON value → column value, tolerant of what another version might send."""
    if value is None:
        return None
    if isinstance(column_type, DateTime):
        return datetime.fromisoformat(value) if isinstance(value, str) else value
    if isinstance(column_type, Date):
        return date.fromisoformat(value) if isinstance(value, str) else value
    if isinstance(column_type, Boolean):
        return bool(value)
    if isinstance(column_type, Integer):
        return int(value)
    if isinstance(column_type, Float):
        return float(value)
    return value


# -- push side -------------------------------------------------------------------------


def prepare_ops(ws: Workspace, *, max_ops: int = 500) -> list[PushOp]:
    """Operations to send: already-prepared ones first (retry), else freeze new ones."""
    with ws.write() as session:
        prepared = list(session.scalars(select(SyncOp).order_by(SyncOp.op_id).limit(max_ops)))
        if prepared:
            return [PushOp.model_validate_json(op.payload) for op in prepared]
        entries = list(
            session.scalars(select(SyncOutbox).order_by(SyncOutbox.seq).limit(max_ops * 40))
        )
        if not entries:
            return []
        grouped: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
        order: list[tuple[str, str]] = []
        for entry in entries:
            key = (entry.tbl, entry.row_id)
            if key not in grouped:
                if len(order) >= max_ops:
                    break
                order.append(key)
            fields = grouped[key]
            if entry.hlc > fields.get(entry.field, ""):
                fields[entry.field] = entry.hlc
        consumed = [e.seq for e in entries if (e.tbl, e.row_id) in grouped]
        next_op = int(state.get(session, state.NEXT_OP, "1"))
        ops: list[PushOp] = []
        for table, row_id in order:
            values = _read_row(session, table, row_id)
            if values is None:
                continue  # inserted then rolled back by a later migration: nothing to send
            clocks = grouped[(table, row_id)]
            whole = clocks.get("*")
            fields: dict[str, FieldValue] = {}
            for name, value in values.items():
                hlc = max(clocks.get(name, ""), whole or "")
                if hlc:
                    fields[name] = (encode(value), hlc)
            if not fields:
                continue
            op = PushOp(op_id=next_op, table=table, row_id=row_id, fields=fields)  # type: ignore[arg-type]
            session.add(SyncOp(op_id=next_op, payload=op.model_dump_json()))
            ops.append(op)
            next_op += 1
        for start in range(0, len(consumed), 500):
            session.execute(
                delete(SyncOutbox).where(SyncOutbox.seq.in_(consumed[start : start + 500]))
            )
        state.put(session, state.NEXT_OP, str(next_op))
        return ops


def _read_row(session: Session, table: str, row_id: str) -> dict[str, Any] | None:
    columns = _columns(table)
    row = session.execute(
        text(f"SELECT {', '.join(columns)} FROM {table} WHERE id = :id"), {"id": row_id}
    ).first()
    if row is None:
        return None
    return {name: _from_sql(columns[name], value) for name, value in zip(columns, row, strict=True)}


def _from_sql(column_type: Any, value: Any) -> Any:
    """Raw SQLite values → Python (JSON columns are stored as text)."""
    if value is None:
        return None
    if column_type.__class__.__name__ == "JSON" and isinstance(value, str):
        return json.loads(value)
    if isinstance(column_type, Boolean):
        return bool(value)
    if isinstance(column_type, DateTime) and isinstance(value, str):
        return datetime.fromisoformat(value)
    return value


def acknowledge(ws: Workspace, response: PushResponse, sent: list[PushOp]) -> int:
    """Forget what the server applied; keep what it rejected, with the reason."""
    capture_of(ws.engine).clock.observe(response.server_hlc)
    reasons = {r.op_id: r.reason for r in response.rejected}
    with ws.write() as session:
        for op in sent:
            if op.op_id > response.acked_op_id:
                continue
            if op.op_id in reasons:
                session.merge(
                    SyncRejected(
                        op_id=op.op_id,
                        tbl=op.table,
                        row_id=op.row_id,
                        reason=reasons[op.op_id],
                        payload=op.model_dump_json(),
                    )
                )
        session.execute(delete(SyncOp).where(SyncOp.op_id <= response.acked_op_id))
    return sum(1 for op in sent if op.op_id <= response.acked_op_id and op.op_id not in reasons)


# -- pull side -------------------------------------------------------------------------


def cursor(ws: Workspace) -> int:
    with ws.read() as session:
        return int(state.get(session, state.CURSOR, "0"))


def reset_cursor(ws: Workspace) -> None:
    with ws.write() as session:
        state.put(session, state.CURSOR, "0")


def apply_pull(ws: Workspace, page: PullResponse) -> ApplyResult:
    """Apply a page of server changes and move the cursor, in one transaction.

    Foreign keys are not checked while applying: a page may hold a contact whose prospect
    arrives on the next page. Capture is off, so pulled values are not pushed back.
    """
    capture = capture_of(ws.engine)
    capture.clock.observe(page.server_hlc)
    result = ApplyResult(cursor=page.next_cursor)
    touched = ChangeSet()
    with ws.engine.connect() as conn:
        # Outside any transaction (SQLite ignores this pragma inside one): the raw
        # connection runs in autocommit mode, so this takes effect for what follows.
        raw = conn.connection.driver_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with capture.suspended(), Session(bind=conn) as session, session.begin():
                for change in page.changes:
                    changed = _apply_change(session, change)
                    if changed:
                        result.changes += changed
                        result.rows += 1
                        result.tables[change.table] = result.tables.get(change.table, 0) + 1
                        touched.add(change.table, change.row_id)
                    for _value, hlc in change.fields.values():
                        capture.clock.observe(hlc)
                state.put(session, state.CURSOR, str(page.next_cursor))
        finally:
            if conn.in_transaction():
                conn.rollback()
            raw.execute("PRAGMA foreign_keys=ON")
    ws.changes.publish(touched)
    return result


def _apply_change(session: Session, change: Change) -> int:
    if change.table not in SYNCED_TABLES:
        return 0
    columns = _columns(change.table)
    clocks = {
        row.field: row.hlc
        for row in session.scalars(
            select(SyncClock).where(
                SyncClock.tbl == change.table, SyncClock.row_id == change.row_id
            )
        )
    }
    pending = {
        row.field: row.hlc
        for row in session.scalars(
            select(SyncOutbox).where(
                SyncOutbox.tbl == change.table, SyncOutbox.row_id == change.row_id
            )
        )
    }
    whole = max(clocks.get("*", ZERO), pending.get("*", ZERO))
    winners: dict[str, Any] = {}
    for name, (value, hlc) in change.fields.items():
        if name not in columns:
            continue  # a newer app version's column: ignored until we upgrade
        local = max(clocks.get(name, ZERO), pending.get(name, ZERO), whole)
        if hlc > local:
            winners[name] = (decode(columns[name], value), hlc)
    if not winners:
        return 0
    exists = session.execute(
        text(f"SELECT 1 FROM {change.table} WHERE id = :id"), {"id": change.row_id}
    ).first()
    table = Base.metadata.tables[change.table]
    values = {name: value for name, (value, _hlc) in winners.items()}
    if exists:
        session.execute(table.update().where(table.c.id == change.row_id).values(**values))
    else:
        defaults = {
            c.name: c.default.arg
            for c in table.columns
            if c.default is not None and not callable(c.default.arg)
        }
        row = {**defaults, **values, "id": change.row_id}
        row.setdefault("created_at", datetime.now())
        row["updated_at"] = datetime.now()
        for c in table.columns:
            if c.name not in row and c.default is not None and callable(c.default.arg):
                row[c.name] = c.default.arg(None) if c.name != "updated_at" else row[c.name]
        session.execute(table.insert().values(**row))
    for name, (_value, hlc) in winners.items():
        session.merge(SyncClock(tbl=change.table, row_id=change.row_id, field=name, hlc=hlc))
    return len(winners)


def pending(ws: Workspace) -> int:
    with ws.read() as session:
        return state.pending_changes(session)


def outbox_size(ws: Workspace) -> int:
    with ws.read() as session:
        return int(session.scalar(select(func.count()).select_from(SyncOutbox)) or 0)
