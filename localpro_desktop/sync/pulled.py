"""Applying a page pulled from the cloud: which pulled field wins over the local one, and
writing the rows, many at a time, a row the database refuses skipped alone (and reported).

Who wins. The server merges every op with ``protocol.merge`` and answers with whole stored
rows, so its row is the truth for every field this device has no unsent change on: such a
field takes the server's value even when the local clock says it is newer (the server may
have clamped a laptop clock that ran ahead; keeping the local value there would leave the
devices different for good). A field with a local change not yet acknowledged keeps the
local value while that change is newer, since the server will take it too.
"""

import hashlib
import json
import logging
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, partial
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Boolean, Connection, Date, DateTime, Float, Integer, bindparam, text
from sqlalchemy.exc import SQLAlchemyError

from localpro_desktop.domain.changes import ChangeSet
from localpro_desktop.domain.ids import utcnow
from localpro_desktop.store.models import Base
from localpro_desktop.sync.rows import (
    DEFAULT_ROW,
    WHOLE,
    decode,
    in_chunks,
    read_clocks,
    synced_columns,
)
from localpro_protocol.wire import DELETED, SYNCED_TABLES, Change, FieldValue, PushOp, Table

log = logging.getLogger(__name__)


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


PULLED_PROBLEM = "a change from the cloud could not be stored here: {reason}"


def _problem_id(table: str, row_id: str) -> int:
    """A stable negative id for a pulled row's problem in ``sync_rejected`` (whose ids are
    this device's op ids, all positive): the same row reported again replaces its line."""
    digest = hashlib.sha256(f"{table}/{row_id}".encode()).digest()
    return -(int.from_bytes(digest[:7], "big") + 1)


def report_problems(
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


def apply_page(
    conn: Connection, changes: Sequence[Change], result: ApplyResult, touched: ChangeSet
) -> None:
    latest: dict[tuple[str, str], Change] = {}
    for change in changes:
        if change.table in SYNCED_TABLES:
            latest[(change.table, change.row_id)] = change  # a later seq wins
    if not latest:
        return
    clocks = read_clocks(conn, latest.keys())
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

    def unsent(name: str) -> str:
        """The clock an unsent local change of this field goes out with ("" if none).

        The capture stamps the outbox line and the field's clock with two ticks, and the
        push sends the later one (``engine.prepare_ops``): comparing with the outbox's
        alone took a pulled edit stamped between the two as newer, so this device kept
        the other's value and never sent its own, which had won everywhere else."""
        if name not in mine and not mine_whole:
            return ""
        return max(mine.get(name, ""), mine_whole, known.get(name, ""), known_whole)

    for name, (value, hlc) in incoming.items():
        if name not in decoders:
            continue  # a newer app version's column: ignored until we upgrade
        if max(known.get(name, ""), known_whole) == hlc:
            continue  # exactly the write this device already holds (often its own echo)
        if unsent(name) > hlc:
            continue  # a newer local change is on its way to the server
        _add(winners, table, name, decoders[name], value, hlc, problems)
    tomb = winners.get(DELETED)
    newest_unsent = max((unsent(name) for name in mine), default="")
    if tomb is not None and tomb[0] is not None and newest_unsent > tomb[1]:
        # An unsent local edit is newer than this delete: the server will bring the row
        # back when it arrives (protocol.merge), so do not hide it meanwhile.
        del winners[DELETED]
    return winners


Decoder = Callable[[Any], Any] | None


@cache
def _decoders(table: str) -> dict[str, Decoder]:
    """Per column, what turns its JSON value into a column value (None: as it comes)."""
    out: dict[str, Decoder] = {}
    for name, column_type in synced_columns(table).items():
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
    for chunk in in_chunks(ids):
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
        for chunk in in_chunks(ids):
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
