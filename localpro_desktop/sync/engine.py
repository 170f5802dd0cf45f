"""The local half of sync: turn captured changes into operations, apply pulled ones.

Network-free on purpose (the HTTP client sits on top), so every rule here is tested on
real SQLite files: operations are prepared and frozen in one transaction (a retry resends
the same ``op_id`` with the same values), an acknowledgement removes exactly what the
server applied, and a pulled page plus its cursor are stored in one transaction.

Who wins on pull. The server merges every op with ``protocol.merge`` and answers with whole
stored rows, so its row is the truth for every field this device has no unsent change on:
such a field takes the server's value even when the local clock says it is newer (the
server may have clamped a laptop clock that ran ahead; keeping the local value there would
leave the devices different for good). A field with a local change not yet acknowledged
keeps the local value while that change is newer, since the server will take it too.

Speed. A first sync moves whole workspaces (100,000 contacts), so both directions work a
page or a batch at a time: clocks, pending changes and existing ids are read with one
``IN`` query per table, rows are written with ``executemany`` grouped by column set, and
a new row gets one whole-row clock instead of one per field.
"""

import hashlib
import json
import logging
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache, partial
from typing import Any

from pydantic import ValidationError
from sqlalchemy import (
    Boolean,
    Connection,
    Date,
    DateTime,
    Float,
    Integer,
    bindparam,
    delete,
    func,
    insert,
    select,
    text,
)
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from sqlalchemy.sql.schema import ScalarElementColumnDefault

from localpro_desktop.domain.changes import ChangeSet
from localpro_desktop.domain.ids import utcnow
from localpro_desktop.store import local_state
from localpro_desktop.store.capture import capture_of
from localpro_desktop.store.database import SETTINGS_ID, Database
from localpro_desktop.store.engine import WRITER
from localpro_desktop.store.local_state import StateKey
from localpro_desktop.store.models import Base, SyncOp, SyncOutbox, SyncRejected
from localpro_desktop.sync import state
from localpro_protocol.hlc import ZERO
from localpro_protocol.wire import (
    DELETED,
    SYNCED_TABLES,
    Change,
    FieldValue,
    PullResponse,
    PushOp,
    PushResponse,
    Table,
)

log = logging.getLogger(__name__)

SKIPPED_COLUMNS = {"id", "updated_at"}
"""``updated_at`` is each device's own bookkeeping; everything else travels."""
WHOLE = "*"
"""The outbox/clock field name meaning "every column of the row" (an insert)."""
DEFAULT_ROW = ("workspace_settings", SETTINGS_ID)
"""Every workspace creates this row, with the same id, when it is first opened. A value
still at its column default is not a user's choice: it travels with the zero clock
(``_floor``), so a laptop joining an account takes the account's settings instead of
overwriting them with its own defaults. Values the user set (edits, or settings made
before sync existed) keep their real clocks."""
IN_CHUNK = 900
"""Ids per ``IN (...)`` list: well under SQLite's bound-parameter limit on old builds."""
OUTBOX_SCAN = 5000


@dataclass
class ApplyResult:
    changes: int = 0
    rows: int = 0
    cursor: int = 0
    tables: dict[str, int] = field(default_factory=dict)
    skipped: int = 0
    """Rows this version could not store (logged; a later complete version will land)."""
    problems: list[tuple[str, str, str]] = field(default_factory=list)
    """(table, row id, reason) of each pulled row or value left out: kept as rejected."""


@cache
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


def _chunks(items: Sequence[Any], size: int = IN_CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


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
        clocks = _clocks(session, rows.keys())
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


def _clocks(
    session: Session | Connection, keys: Iterable[tuple[str, str]]
) -> dict[tuple[str, str], dict[str, str]]:
    """Field clocks of these rows (one query per table and chunk of ids)."""
    by_table: dict[str, list[str]] = defaultdict(list)
    for table, row_id in keys:
        by_table[table].append(row_id)
    out: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
    for table, ids in by_table.items():
        for chunk in _chunks(ids):
            for row_id, name, hlc in session.execute(
                text(
                    "SELECT row_id, field, hlc FROM sync_clock WHERE tbl = :t AND row_id IN :ids"
                ).bindparams(bindparam("ids", expanding=True)),
                {"t": table, "ids": list(chunk)},
            ):
                out[(table, row_id)][name] = hlc
    return out


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
        columns = _columns(table)
        names = ", ".join(columns)
        for chunk in _chunks(ids):
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
                _apply_page(conn, changes, result, touched)
                _report_problems(conn, changes, result.problems)
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


PULLED_PROBLEM = "a change from the cloud could not be stored here: {reason}"


def _problem_id(table: str, row_id: str) -> int:
    """A stable negative id for a pulled row's problem in ``sync_rejected`` (whose ids are
    this device's op ids, all positive): the same row reported again replaces its line."""
    digest = hashlib.sha256(f"{table}/{row_id}".encode()).digest()
    return -(int.from_bytes(digest[:7], "big") + 1)


def _report_problems(
    conn: Connection, changes: Sequence[Change], problems: list[tuple[str, str, str]]
) -> None:
    """Keep each pulled row this device could not store, with the reason, in the rejected
    list the user sees (values shown shortened: one may be what broke it)."""
    if not problems:
        return
    by_key: dict[tuple[str, str], Change] = {(c.table, c.row_id): c for c in changes}
    lines = []
    for table, row_id, reason in problems:
        change = by_key.get((table, row_id))
        fields = {
            name: [value if _plain(value) else repr(value)[:60], hlc]
            for name, (value, hlc) in (change.fields.items() if change else [])
        }
        payload = json.dumps({"table": table, "row_id": row_id, "fields": fields})
        lines.append(
            {
                "op_id": _problem_id(table, row_id),
                "tbl": table[:40],
                "row_id": row_id[:36],
                "reason": PULLED_PROBLEM.format(reason=reason)[:500],
                "payload": payload,
                "at": utcnow(),
            }
        )
    conn.execute(
        text(
            "INSERT OR REPLACE INTO sync_rejected (op_id, tbl, row_id, reason, payload, "
            "rejected_at) VALUES (:op_id, :tbl, :row_id, :reason, :payload, :at)"
        ),
        lines,
    )


def _plain(value: Any) -> bool:
    if isinstance(value, str):
        return len(value) <= 200
    if isinstance(value, float):
        return value == value and abs(value) != float("inf")
    if isinstance(value, int):
        return abs(value) < 2**63
    return value is None or isinstance(value, bool)


def _apply_page(
    conn: Connection, changes: Sequence[Change], result: ApplyResult, touched: ChangeSet
) -> None:
    latest: dict[tuple[str, str], Change] = {}
    for change in changes:
        if change.table in SYNCED_TABLES:
            latest[(change.table, change.row_id)] = change  # a later seq wins
    if not latest:
        return
    clocks = _clocks(conn, latest.keys())
    pending = _pending(conn, latest.keys())
    existing = _existing(conn, latest.keys())
    inserts: dict[str, list[dict[str, Any]]] = defaultdict(list)
    updates: dict[str, list[dict[str, Any]]] = defaultdict(list)
    clock_rows: list[dict[str, str]] = []
    for (table, row_id), change in latest.items():
        known = clocks.get((table, row_id), {})
        if (table, row_id) == DEFAULT_ROW:
            known = {n: h for n, h in known.items() if n != WHOLE}  # see DEFAULT_ROW
        mine = pending.get((table, row_id), {})
        problems: list[str] = []
        winners = _winners(table, change.fields, known, mine, problems)
        if problems:
            result.problems.append((table, row_id, "; ".join(problems)[:300]))
        if not winners:
            continue
        values = {name: value for name, (value, _hlc) in winners.items()}
        if (table, row_id) in existing:
            updates[table].append({"_id": row_id, **values})
            clock_rows += [
                {"tbl": table, "row_id": row_id, "field": name, "hlc": hlc}
                for name, (_value, hlc) in winners.items()
            ]
        else:
            inserts[table].append({"id": row_id, **values})
            # One whole-row clock at the oldest stamp, and one per field only where a
            # field is newer: the same answers as a clock per field, a tenth of the rows.
            floor = min(hlc for _value, hlc in winners.values())
            clock_rows.append({"tbl": table, "row_id": row_id, "field": WHOLE, "hlc": floor})
            clock_rows += [
                {"tbl": table, "row_id": row_id, "field": name, "hlc": hlc}
                for name, (_value, hlc) in winners.items()
                if hlc != floor
            ]
        result.changes += len(winners)
        result.rows += 1
        result.tables[table] = result.tables.get(table, 0) + 1
        touched.add(Table(table), row_id)
    failed: dict[tuple[str, str], str] = {}
    for table, rows in inserts.items():
        for r, why in _write_rows(conn, table, rows, insert=True):
            failed[(table, r["id"])] = why
    for table, rows in updates.items():
        for r, why in _write_rows(conn, table, rows, insert=False):
            failed[(table, r["_id"])] = why
    if failed:
        result.problems += [(t, r, why) for (t, r), why in failed.items()]
        result.skipped += len(failed)
        result.rows -= len(failed)
        clock_rows = [c for c in clock_rows if (c["tbl"], c["row_id"]) not in failed]
    if clock_rows:
        conn.exec_driver_sql(
            "INSERT OR REPLACE INTO sync_clock (tbl, row_id, field, hlc) VALUES (?, ?, ?, ?)",
            [(c["tbl"], c["row_id"], c["field"], c["hlc"]) for c in clock_rows],
        )


def _winners(
    table: str,
    incoming: dict[str, FieldValue],
    known: dict[str, str],
    mine: dict[str, str],
    problems: list[str],
) -> dict[str, tuple[Any, str]]:
    """The pulled fields to store: (decoded value, clock) by field name; a value that
    cannot be read is left out and named in ``problems``."""
    decoders = _decoders(table)
    winners: dict[str, tuple[Any, str]] = {}
    if not known and not mine:
        # A row new to this device (most of a first sync): every known column lands.
        for name, (value, hlc) in incoming.items():
            if name in decoders:
                _add(winners, table, name, decoders[name], value, hlc, problems)
        return winners
    known_whole, mine_whole = known.get(WHOLE, ""), mine.get(WHOLE, "")
    for name, (value, hlc) in incoming.items():
        if name not in decoders:
            continue  # a newer app version's column: ignored until we upgrade
        if max(known.get(name, ""), known_whole) == hlc:
            continue  # exactly the write this device already holds (often its own echo)
        if max(mine.get(name, ""), mine_whole) > hlc:
            continue  # a newer local change is on its way to the server
        _add(winners, table, name, decoders[name], value, hlc, problems)
    tomb = winners.get(DELETED)
    if tomb is not None and tomb[0] is not None and mine and max(mine.values()) > tomb[1]:
        # An unsent local edit is newer than this delete: the server will bring the row
        # back when it arrives (protocol.merge), so do not hide it meanwhile.
        del winners[DELETED]
    return winners


Decoder = Callable[[Any], Any] | None


@cache
def _decoders(table: str) -> dict[str, Decoder]:
    """Per column, what turns its JSON value into a column value (None: as it comes)."""
    out: dict[str, Decoder] = {}
    for name, column_type in _columns(table).items():
        if isinstance(column_type, DateTime | Date | Boolean | Integer | Float):
            out[name] = partial(decode, column_type)
        else:
            out[name] = None
    return out


def _add(
    winners: dict[str, tuple[Any, str]],
    table: str,
    name: str,
    decoder: Decoder,
    value: Any,
    hlc: str,
    problems: list[str],
) -> None:
    """Keep a pulled field, unless its value cannot be read (then only that field is
    left out, named in ``problems`` and logged: the rest of the row and the page land)."""
    if decoder is None or value is None:
        winners[name] = (value, hlc)
        return
    try:
        decoded = decoder(value)
        if isinstance(decoded, float) and not math.isfinite(decoded):
            raise ValueError("not a finite number")
        winners[name] = (decoded, hlc)
    except (TypeError, ValueError, ArithmeticError) as exc:
        shown = repr(value)[:60] if not isinstance(value, int) else f"{value.bit_length()} bits"
        log.warning("ignored an unreadable value for %s.%s: %s", table, name, shown)
        problems.append(f"{name}: unreadable value {shown} ({type(exc).__name__})")


def _pending(
    conn: Connection, keys: Iterable[tuple[str, str]]
) -> dict[tuple[str, str], dict[str, str]]:
    """Clocks of local changes the server has not acknowledged: outbox and frozen ops."""
    wanted = set(keys)
    out: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
    ids = sorted({row_id for _table, row_id in wanted})
    for chunk in _chunks(ids):
        for table, row_id, name, hlc in conn.execute(
            text(
                "SELECT tbl, row_id, field, MAX(hlc) FROM sync_outbox WHERE row_id IN :ids "
                "GROUP BY tbl, row_id, field"
            ).bindparams(bindparam("ids", expanding=True)),
            {"ids": list(chunk)},
        ):
            if (table, row_id) in wanted and not (name == WHOLE and (table, row_id) == DEFAULT_ROW):
                out[(table, row_id)][name] = hlc
    for (payload,) in conn.execute(text("SELECT payload FROM sync_ops")):
        try:
            op = PushOp.model_validate_json(payload)
        except ValidationError:
            continue
        key = (op.table, op.row_id)
        if key in wanted:
            for name, (_value, hlc) in op.fields.items():
                if hlc > out[key].get(name, ""):
                    out[key][name] = hlc
    return out


def _existing(conn: Connection, keys: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
    by_table: dict[str, list[str]] = defaultdict(list)
    for table, row_id in keys:
        by_table[table].append(row_id)
    found: set[tuple[str, str]] = set()
    for table, ids in by_table.items():
        for chunk in _chunks(ids):
            query = text(f"SELECT id FROM {table} WHERE id IN :ids").bindparams(
                bindparam("ids", expanding=True)
            )
            found |= {(table, row_id) for (row_id,) in conn.execute(query, {"ids": list(chunk)})}
    return found


_REFUSED = (SQLAlchemyError, TypeError, ValueError, ArithmeticError)
"""What storing one bad value raises: a database error, or the driver's own (a Python int
beyond 64 bits is an OverflowError from sqlite3, not a database error)."""


def _write_rows(
    conn: Connection, table_name: str, rows: list[dict[str, Any]], *, insert: bool
) -> list[tuple[dict[str, Any], str]]:
    """Insert or update rows, ``executemany`` per column set; returns the rows refused,
    each with why.

    Statements go to the driver as plain SQL with positional rows, the values converted
    by the columns' own SQLAlchemy bind processors (so they are stored exactly as the ORM
    stores them): building a parameter dict per row through Core costs more than SQLite
    spends writing it, and a first sync writes a hundred thousand rows.

    A row the database refuses (a partial row missing a required column, say) is skipped
    alone, inside a savepoint, instead of failing the page: the cursor still moves, and
    the row lands when a complete version of it arrives.
    """
    table = Base.metadata.tables[table_name]
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        groups[tuple(sorted(row))].append(row)
    refused: list[tuple[dict[str, Any], str]] = []
    for names, group in groups.items():
        sql, to_params = _statement(conn, table, names, insert=insert)
        try:
            with conn.begin_nested():
                conn.exec_driver_sql(sql, [to_params(row) for row in group])
        except _REFUSED:
            for row in group:
                try:
                    with conn.begin_nested():
                        conn.exec_driver_sql(sql, [to_params(row)])
                except _REFUSED as exc:
                    row_id = row.get("id", row.get("_id"))
                    log.warning("could not store pulled %s %s: %.200s", table_name, row_id, exc)
                    refused.append((row, f"refused by the database ({str(exc)[:120]})"))
    return refused


def _statement(
    conn: Connection, table: Any, names: tuple[str, ...], *, insert: bool
) -> tuple[str, Callable[[dict[str, Any]], tuple[Any, ...]]]:
    """SQL for one column set, and what turns a row into its positional parameters."""
    dialect = conn.dialect
    now = utcnow()
    if insert:
        columns = list(table.columns)
        fixed: dict[str, Any] = {}
        for column in columns:
            if column.name in names:
                continue
            if column.name == "updated_at":
                fixed[column.name] = now
            elif column.default is None:
                fixed[column.name] = None
            elif callable(column.default.arg):
                fixed[column.name] = column.default.arg(None)  # SQLAlchemy's wrapped default
            else:
                fixed[column.name] = column.default.arg
        sql = (
            f"INSERT INTO {table.name} ({', '.join(c.name for c in columns)}) "
            f"VALUES ({', '.join('?' for _ in columns)})"
        )
    else:
        columns = [table.c[name] for name in names if name != "_id"] + [table.c.updated_at]
        fixed = {"updated_at": now}
        sql = f"UPDATE {table.name} SET {', '.join(f'{c.name} = ?' for c in columns)} WHERE id = ?"
    # The dialect's own type: a generic DateTime has no bind processor, and the sqlite3
    # module then writes "10:00:00" where the ORM writes "10:00:00.000000".
    plan = [
        (column.name, column.type.dialect_impl(dialect).bind_processor(dialect))
        for column in columns
    ]
    processors = dict(plan)
    constants = {
        name: (processors[name](value) if processors[name] else value)
        for name, value in fixed.items()
    }

    def to_params(row: dict[str, Any]) -> tuple[Any, ...]:
        out = [
            constants[name] if name in constants else (process(row[name]) if process else row[name])
            for name, process in plan
        ]
        if not insert:
            out.append(row["_id"])
        return tuple(out)

    return sql, to_params


def pending(ws: Database) -> int:
    with ws.read() as session:
        return state.pending_changes(session)


def outbox_size(ws: Database) -> int:
    with ws.read() as session:
        return int(session.scalar(select(func.count()).select_from(SyncOutbox)) or 0)
