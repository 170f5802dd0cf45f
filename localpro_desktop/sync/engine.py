"""The local half of sync: turn captured changes into operations, apply pulled pages.

Network-free on purpose (the HTTP client sits on top), so every rule here is tested on
real SQLite files: operations are prepared and frozen in one transaction (a retry resends
the same ``op_id`` with the same values), an acknowledgement removes exactly what the
server applied, and a pulled page plus its cursor are stored in one transaction (who wins
and how rows are written: ``sync.pulled``; what both sides read: ``sync.rows``).

Speed. A first sync moves whole workspaces (100,000 contacts), so both directions work a
page or a batch at a time: clocks, pending changes and existing ids are read with one
``IN`` query per table, rows are written with ``executemany`` grouped by column set, and
a new row gets one whole-row clock instead of one per field.
"""

import json
import logging
from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime
from functools import cache
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Boolean, DateTime, bindparam, delete, func, insert, select, text
from sqlalchemy.orm import Session
from sqlalchemy.sql.schema import ScalarElementColumnDefault

from localpro_desktop.domain.changes import ChangeSet
from localpro_desktop.store import local_state
from localpro_desktop.store.capture import capture_of
from localpro_desktop.store.database import Database
from localpro_desktop.store.engine import WRITER
from localpro_desktop.store.local_state import StateKey
from localpro_desktop.store.models import Base, SyncOp, SyncOutbox, SyncRejected
from localpro_desktop.sync import state
from localpro_desktop.sync.pulled import ApplyResult, apply_page, report_problems
from localpro_desktop.sync.rows import (
    DEFAULT_ROW,
    WHOLE,
    encode,
    in_chunks,
    read_clocks,
    synced_columns,
)
from localpro_protocol.hlc import ZERO
from localpro_protocol.wire import SYNCED_TABLES, FieldValue, PullResponse, PushOp, PushResponse

log = logging.getLogger(__name__)

OUTBOX_SCAN = 5000


_NO_DEFAULT = object()


@cache
def _scalar_defaults(table: str) -> dict[str, Any]:
    """Column → its constant default (columns with none, or a computed one, left out)."""
    return {
        column.name: column.default.arg
        for column in Base.metadata.tables[table].columns
        if isinstance(column.default, ScalarElementColumnDefault)
    }


def _floor(node: str) -> str:
    """The oldest possible clock of a device: loses to every real edit."""
    return f"{0:013d}-{0:05d}-{node}"


# -- push side -------------------------------------------------------------------------


def prepare_ops(ws: Database, *, max_ops: int = 500) -> list[PushOp]:
    """Operations to send: already-prepared ones first (retry), else freeze new ones.

    Freezing takes the outbox in capture order, up to ``max_ops`` rows, merges each row's
    captured fields, reads the rows' current values (one query per table) and stores the
    ops with consecutive op ids, removing exactly the outbox lines they cover — all in one
    transaction, so a crash leaves either the outbox lines or the frozen ops, never both
    or neither.
    """
    with ws.write() as session:
        prepared = _prepared(session, max_ops)
        if prepared:
            return prepared
        rows, last_seq = _next_outbox_rows(session, max_ops)
        if not rows:
            return []
        clocks = read_clocks(session, rows.keys())
        values = _read_rows(session, rows.keys())
        next_op = int(local_state.get(session, StateKey.NEXT_OP, "1"))
        ops: list[PushOp] = []
        for (table, row_id), captured in rows.items():
            current = values.get((table, row_id))
            if current is None:
                continue  # inserted then removed by a later migration: nothing to send
            known = clocks.get((table, row_id), {})
            whole = max(captured.get(WHOLE, ""), known.get(WHOLE, ""))
            defaults = _scalar_defaults(table) if (table, row_id) == DEFAULT_ROW else {}
            fields: dict[str, FieldValue] = {}
            for name, value in current.items():
                stamp = captured.get(name, "")
                if not (stamp or captured.get(WHOLE)):
                    continue
                floor = whole
                if defaults and value == defaults.get(name, _NO_DEFAULT):
                    floor = _floor(ws.device_id)  # see DEFAULT_ROW
                elif defaults and name not in defaults:
                    floor = _floor(ws.device_id)  # created_at, deleted_at: bookkeeping
                # The capture trigger stamps the outbox and the clock separately (two
                # ticks); send the later one, which is what this device compares with.
                fields[name] = (encode(value), max(stamp, floor, known.get(name, "")))
            if not fields:
                continue
            ops.append(PushOp(op_id=next_op, table=table, row_id=row_id, fields=fields))
            next_op += 1
        if ops:
            session.execute(
                insert(SyncOp),
                [{"op_id": op.op_id, "payload": op.model_dump_json()} for op in ops],
            )
        session.execute(delete(SyncOutbox).where(SyncOutbox.seq <= last_seq))
        local_state.put(session, StateKey.NEXT_OP, str(next_op))
        return ops


def _prepared(session: Session, max_ops: int) -> list[PushOp]:
    """Frozen ops waiting for an acknowledgement (oldest first).

    A stored op this version cannot read (written by hand, or by a broken build) is moved
    to the rejected list with the reason instead of blocking every later sync.
    """
    stored = list(session.scalars(select(SyncOp).order_by(SyncOp.op_id).limit(max_ops)))
    ops: list[PushOp] = []
    for row in stored:
        try:
            ops.append(PushOp.model_validate_json(row.payload))
        except ValidationError as exc:
            reason = f"this change could not be read to be sent: {exc.errors()[0]['msg']}"
            try:
                doc = json.loads(row.payload)
                table, row_id = str(doc.get("table", "?"))[:40], str(doc.get("row_id", "?"))[:36]
            except (ValueError, AttributeError):
                table, row_id = "?", "?"
            session.merge(
                SyncRejected(
                    op_id=row.op_id, tbl=table, row_id=row_id, reason=reason, payload=row.payload
                )
            )
            session.delete(row)
    return ops


def _next_outbox_rows(
    session: Session, max_ops: int
) -> tuple[dict[tuple[str, str], dict[str, str]], int]:
    """The first ``max_ops`` rows of the outbox with their newest stamp per field.

    Returns them with the highest outbox ``seq`` they cover: every line up to it belongs
    to one of these rows (a later line of the same row stays for the next batch, which
    will read the row again — never a lost change).
    """
    rows: dict[tuple[str, str], dict[str, str]] = {}
    last_seq = 0
    while True:
        batch = session.execute(
            select(
                SyncOutbox.seq, SyncOutbox.tbl, SyncOutbox.row_id, SyncOutbox.field, SyncOutbox.hlc
            )
            .where(SyncOutbox.seq > last_seq)
            .order_by(SyncOutbox.seq)
            .limit(OUTBOX_SCAN)
        ).all()
        for seq, table, row_id, name, hlc in batch:
            key = (table, row_id)
            captured = rows.get(key)
            if captured is None:
                if len(rows) >= max_ops:
                    return rows, last_seq
                captured = rows[key] = {}
            if hlc > captured.get(name, ""):
                captured[name] = hlc
            last_seq = seq
        if len(batch) < OUTBOX_SCAN:
            return rows, last_seq


def _read_rows(
    session: Session, keys: Iterable[tuple[str, str]]
) -> dict[tuple[str, str], dict[str, Any]]:
    by_table: dict[str, list[str]] = defaultdict(list)
    for table, row_id in keys:
        by_table[table].append(row_id)
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for table, ids in by_table.items():
        if table not in SYNCED_TABLES:
            continue
        columns = synced_columns(table)
        names = ", ".join(columns)
        for chunk in in_chunks(ids):
            query = text(f"SELECT id, {names} FROM {table} WHERE id IN :ids").bindparams(
                bindparam("ids", expanding=True)
            )
            for row in session.execute(query, {"ids": list(chunk)}):
                out[(table, row[0])] = {
                    name: _from_sql(columns[name], value)
                    for name, value in zip(columns, row[1:], strict=True)
                }
    return out


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


def acknowledge(
    ws: Database, response: PushResponse, sent: list[PushOp], *, sent_cursor: int | None = None
) -> int:
    """Forget what the server applied; keep what it rejected, with the reason.

    An acknowledgement of an op id this device never numbered means the server holds a
    later history of this device (the workspace was restored from a backup): it skipped
    the ops as replays without applying them, so every frozen op is renumbered after the
    server's last id and sent again (merging is idempotent, a resend costs nothing).

    When the server says this push's rows are exactly what this device holds
    (``response.cursor``), the pull cursor moves past them, in the same transaction, if it
    is still the one sent with the push (``sent_cursor``): no pull applied a page since.
    """
    capture_of(ws.engine).clock.observe(response.server_hlc)
    reasons = {r.op_id: r.reason for r in response.rejected}
    with ws.write() as session:
        if response.acked_op_id >= int(local_state.get(session, StateKey.NEXT_OP, "1")):
            _renumber(session, response.acked_op_id + 1)
            return 0
        for op in sent:
            if op.op_id <= response.acked_op_id and op.op_id in reasons:
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
        caught_up = response.cursor
        if (
            caught_up is not None
            and sent_cursor is not None
            and caught_up > sent_cursor
            and int(local_state.get(session, StateKey.CURSOR, "0")) == sent_cursor
        ):
            local_state.put(session, StateKey.CURSOR, str(caught_up))
    return sum(1 for op in sent if op.op_id <= response.acked_op_id and op.op_id not in reasons)


def _renumber(session: Session, first: int) -> None:
    """Give every frozen op a new id from ``first`` on, keeping their order."""
    stored = list(session.scalars(select(SyncOp).order_by(SyncOp.op_id)))
    payloads = []
    for offset, row in enumerate(stored):
        doc = json.loads(row.payload)
        doc["op_id"] = first + offset
        payloads.append({"op_id": first + offset, "payload": json.dumps(doc)})
    session.execute(delete(SyncOp))
    if payloads:
        session.execute(insert(SyncOp), payloads)
    local_state.put(session, StateKey.NEXT_OP, str(first + len(payloads)))
    log.warning("the server knows later op ids of this device: renumbered from %s", first)


# -- pull side -------------------------------------------------------------------------


def cursor(ws: Database) -> int:
    with ws.read() as session:
        return int(local_state.get(session, StateKey.CURSOR, "0"))


def reset_cursor(ws: Database, *, resend: bool = False) -> None:
    """Pull everything again from the start.

    ``resend`` also queues every field this device knows, with its clock, to be pushed
    again: after the server was restored from an older backup, the changes it lost are
    then restored from the devices (its merge keeps whichever clock is newer).
    """
    with ws.write() as session:
        local_state.put(session, StateKey.CURSOR, "0")
        if resend:
            session.execute(
                text(
                    "INSERT INTO sync_outbox (tbl, row_id, field, hlc) "
                    "SELECT tbl, row_id, field, hlc FROM sync_clock ORDER BY tbl, row_id"
                )
            )


def apply_pull(ws: Database, page: PullResponse) -> ApplyResult:
    """Apply a page of server changes and move the cursor, in one transaction.

    Foreign keys are not checked while applying: a page may hold a contact whose prospect
    arrives on the next page. Capture is off, so pulled values are not pushed back.
    """
    capture = capture_of(ws.engine)
    changes = page.all_changes()
    newest = max(
        [page.server_hlc, *(h for c in changes for _v, h in c.fields.values())],
        default=ZERO,
    )
    capture.clock.observe(newest)
    result = ApplyResult(cursor=page.next_cursor)
    touched = ChangeSet()
    with ws.engine.connect().execution_options(**{WRITER: True}) as conn:
        # Outside any transaction (SQLite ignores this pragma inside one): the raw
        # connection runs in autocommit mode, so this takes effect for what follows.
        raw = conn.connection.driver_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with capture.suspended(), conn.begin():
                apply_page(conn, changes, result, touched)
                report_problems(conn, changes, result.problems)
                conn.execute(
                    text("INSERT OR REPLACE INTO sync_state (key, value) VALUES (:k, :v)"),
                    {"k": StateKey.CURSOR, "v": str(page.next_cursor)},
                )
        finally:
            if conn.in_transaction():
                conn.rollback()
            raw.execute("PRAGMA foreign_keys=ON")
    ws.changes.publish(touched)
    return result


def pending(ws: Database) -> int:
    with ws.read() as session:
        return state.pending_changes(session)


def outbox_size(ws: Database) -> int:
    with ws.read() as session:
        return int(session.scalar(select(func.count()).select_from(SyncOutbox)) or 0)
