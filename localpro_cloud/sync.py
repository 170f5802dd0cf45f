"""Sync endpoints: server meta, push (idempotent, field-level merge), pull (paged by cursor).

The rules of ../shared/design/sync.md, as this module applies them:

1. The cursor is the account's own sequence, bumped under the account row's lock inside the
   push transaction, so rows get strictly increasing ``seq`` values in commit order and a
   pull can never skip a row that commits later with a smaller number.
2. Each device's last applied op id is read and stored in the same transaction as the data:
   a replay after a lost acknowledgement is skipped (and answered the same way).
3. Every op is merged with the same ``merge()`` the app uses, field by field, by HLC.
   Clocks more than a minute ahead of the server are clamped, so one mis-dated laptop cannot
   win every conflict until its date comes round.
5. A bad op is rejected with a reason (validation, or a database error inside its own
   SAVEPOINT); the others still apply.
6. Pulls are bounded by bytes and resumable from ``next_cursor``.
"""

import json
import logging
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request, Response, status
from fastapi.concurrency import run_in_threadpool
from pydantic import ValidationError
from sqlalchemy import Connection, bindparam, insert, select, update
from sqlalchemy.exc import SQLAlchemyError

from localpro_cloud import db
from localpro_cloud.accounts import Caller, CallerDep, ServiceDep
from localpro_cloud.bodies import BadJson, BodyTooLarge, load_json
from localpro_cloud.compression import compressed_json
from localpro_cloud.context import Service
from localpro_protocol.fields import MAX_FIELDS_PER_OP, TABLE_FIELDS, problem_with
from localpro_protocol.hlc import MAX_COUNTER, Timestamp, clamp
from localpro_protocol.wire import (
    DELETED,
    MAX_OPS_PER_PUSH,
    SCHEMA_VERSION,
    SYNCED_TABLES,
    Change,
    FieldValue,
    PullLayout,
    PullResponse,
    PushBlock,
    PushOp,
    PushRequest,
    PushResponse,
    Rejection,
    ServerMeta,
    merge,
    to_blocks,
)

log = logging.getLogger(__name__)
router = APIRouter(prefix="/v1/sync", tags=["sync"])

MIN_SCHEMA_VERSION = 1
MAX_SCHEMA_VERSION = SCHEMA_VERSION
CLOCK_SKEW_MS = 60_000
"""How far ahead of the server a client clock may be before its stamps are pulled back."""
DEFAULT_PAGE_BYTES = 256 * 1024
MAX_PAGE_BYTES = 8 * 1024 * 1024
CLOUD_WRITTEN = frozenset({"inbound_events"})
"""Synced tables only the cloud writes (provider events): a push to them is rejected."""
_BATCH = 500

SchemaVersionQuery = Annotated[
    int | None,
    Query(description="The app's data schema version; 426 when this server cannot serve it."),
]


def check_schema_version(version: int | None) -> None:
    """426 Upgrade Required, with words a user can act on, outside the supported range."""
    if version is None:
        return
    if version < MIN_SCHEMA_VERSION:
        raise HTTPException(
            status.HTTP_426_UPGRADE_REQUIRED,
            detail=f"This version of LocalPro is too old to sync (data version {version}; "
            f"the server needs {MIN_SCHEMA_VERSION} or later). Please update the LocalPro "
            "app: your changes stay safe on this computer and will sync after the update.",
        )
    if version > MAX_SCHEMA_VERSION:
        raise HTTPException(
            status.HTTP_426_UPGRADE_REQUIRED,
            detail=f"This version of LocalPro (data version {version}) is newer than the sync "
            f"server supports (up to {MAX_SCHEMA_VERSION}). Please update: the server must be "
            "updated to match the app, or reinstall the app version your server supports. "
            "Your changes stay safe on this computer until then.",
        )


# -- meta ---------------------------------------------------------------------------------


@router.get("/meta", response_model=ServerMeta, responses={426: {"description": "Update"}})
def meta(
    caller: CallerDep, svc: ServiceDep, schema_version: SchemaVersionQuery = None
) -> ServerMeta:
    """The server's clock and the data schema versions it accepts."""
    check_schema_version(schema_version)
    return ServerMeta(
        server_time_ms=svc.now_ms(),
        server_hlc=svc.server_hlc(),
        min_schema_version=MIN_SCHEMA_VERSION,
        max_schema_version=MAX_SCHEMA_VERSION,
    )


# -- push ---------------------------------------------------------------------------------

PUSH_BODY = {
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PushRequest"}}},
    }
}


@router.post(
    "/push",
    response_model=PushResponse,
    openapi_extra=PUSH_BODY,
    responses={
        403: {"description": "device_id is not the device of the access token"},
        413: {"description": "Too many ops or body too large"},
        426: {"description": "Update the app"},
    },
)
async def push(request: Request, caller: CallerDep, svc: ServiceDep) -> Response:
    """Apply a batch of field-level changes; answer which op ids are done and what was refused.

    The body is validated op by op (not as a whole) so that one malformed op — say a table
    this server does not know — is rejected alone instead of failing the whole batch.
    Parsing and merging run in the thread pool: the event loop keeps answering others.
    """
    body = await request.body()
    envelope, ops = await run_in_threadpool(_parse_push, body)
    del body
    check_schema_version(envelope.schema_version)
    if caller.device_id is None:
        raise HTTPException(
            status.HTTP_403_FORBIDDEN,
            detail="This session has no device: sign in with /v1/auth/login and a device_id.",
        )
    if envelope.device_id != caller.device_id:
        raise HTTPException(
            status.HTTP_403_FORBIDDEN,
            detail="device_id does not match the device this session was signed in on.",
        )
    result = await run_in_threadpool(apply_push, svc, caller, ops, envelope.cursor)
    # No "cursor" key unless it is set: apps from before it refuse fields they do not know.
    answer = result.model_dump_json(exclude_none=True)
    return Response(content=answer, media_type="application/json")


MAX_OP_ID = 2**63 - 1
"""Op ids and cursors are stored as 64-bit integers."""


def _parse_push(body: bytes) -> tuple[PushRequest, list[tuple[int, Any]]]:
    """The envelope and the raw ops (op id order); a raw op is a ``str`` when it is already
    known to be rejected (that reason), so none of its cells was built."""
    try:
        doc = load_json(body)
    except BodyTooLarge:
        raise HTTPException(
            status.HTTP_413_CONTENT_TOO_LARGE,
            detail="The push holds too many values; send fewer changes per push.",
        ) from None
    except BadJson as exc:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, detail=str(exc)) from None
    del body
    if not isinstance(doc, dict):
        raise HTTPException(422, detail="The body must be a JSON object (a PushRequest).")
    raw_ops = doc.get("ops", [])
    raw_blocks = doc.get("blocks", [])
    if not isinstance(raw_ops, list) or not isinstance(raw_blocks, list):
        raise HTTPException(422, detail="ops and blocks must be lists.")
    if not all(isinstance(block, dict) for block in raw_blocks):
        raise HTTPException(422, detail="every block must be a JSON object (a PushBlock).")
    rows = len(raw_ops) + sum(
        len(ids) for block in raw_blocks if isinstance(ids := block.get("row_ids"), list)
    )
    if rows > MAX_OPS_PER_PUSH:
        raise HTTPException(
            status.HTTP_413_CONTENT_TOO_LARGE,
            detail=f"At most {MAX_OPS_PER_PUSH} ops per push; send the rest in another push.",
        )
    cursor = doc.get("cursor")
    if isinstance(cursor, int) and not 0 <= cursor <= MAX_OP_ID:
        raise HTTPException(422, detail="cursor is out of range.")
    try:
        envelope = PushRequest.model_validate({**doc, "ops": [], "blocks": []})
    except ValidationError as exc:
        raise HTTPException(422, detail=_summarise(exc, "invalid push")) from None
    refused: list[tuple[int, Any]] = []
    blocks: list[PushBlock] = []
    for index, raw in enumerate(raw_blocks):
        reason = _block_problem(index, raw)
        if reason is None:
            try:
                # A block that does not add up cannot be split into ops to reject one by one.
                blocks.append(PushBlock.model_validate(raw))
            except ValidationError as exc:
                raise HTTPException(
                    422, detail=_summarise(exc, f"blocks[{index}] is invalid")
                ) from None
        else:
            refused += [(_op_id(op_id, f"blocks[{index}]"), reason) for op_id in raw["op_ids"]]
    del doc, raw_blocks
    ops: list[tuple[int, Any]] = refused
    for index, raw in enumerate(raw_ops):
        ops.append((_op_id(raw.get("op_id") if isinstance(raw, dict) else None, index), raw))
    for block in blocks:
        ops += [(op["op_id"], op) for op in block.raw_ops()]
    ops.sort(key=lambda item: item[0])
    return envelope, ops


def _op_id(value: Any, where: int | str) -> int:
    """A valid op id, else 422: without one the op can be neither acknowledged nor rejected."""
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= MAX_OP_ID:
        name = f"ops[{where}]" if isinstance(where, int) else where
        raise HTTPException(
            422, detail=f"{name} has an op_id that is not an integer from 1 to {MAX_OP_ID}."
        )
    return value


def _block_problem(index: int, raw: dict[str, Any]) -> str | None:
    """Why every op of this block is rejected, judged on its table and column names alone
    (before any cell is built), or None to go on. Sizes beyond any real block: 413/422."""
    table, columns, op_ids = raw.get("table"), raw.get("columns"), raw.get("op_ids")
    if not isinstance(columns, dict) or not isinstance(op_ids, list):
        return None  # PushBlock's validation says what is wrong
    if len(columns) > MAX_FIELDS_PER_OP:
        raise HTTPException(
            status.HTTP_413_CONTENT_TOO_LARGE,
            detail=f"blocks[{index}] has {len(columns)} columns; at most {MAX_FIELDS_PER_OP}.",
        )
    others = raw.get("other_hlcs")
    if isinstance(others, list) and len(others) > len(op_ids) * len(columns):
        raise HTTPException(422, detail=f"blocks[{index}] has more other_hlcs than cells.")
    if not isinstance(table, str):
        return None
    spec = TABLE_FIELDS.get(table)
    if spec is None:
        return f"unknown table {table[:60]!r}"
    if table in CLOUD_WRITTEN:
        return f"{table} rows come from the providers through the cloud only"
    unknown = [name for name in columns if name not in spec]
    if unknown:
        return f"unknown field {str(unknown[0])[:60]!r} for table {table!r}"
    return None


def apply_push(
    svc: Service, caller: Caller, ops: list[tuple[int, Any]], cursor: int | None = None
) -> PushResponse:
    """The push transaction (see the module docstring for the rules it keeps).

    ``cursor`` is the device's pull cursor. When it equals the account's sequence before
    this push and every op is stored exactly as sent, the rows this push stamps are, field
    for field, what the device already holds: the answer's ``cursor`` lets it skip them.
    """
    account_id, device_id = caller.account_id, caller.device_id
    assert device_id is not None
    ceiling = svc.now_ms() + CLOCK_SKEW_MS
    with db.write(svc.engine) as conn:
        seq, last = _lock_account(conn, account_id, device_id)
        start_seq = seq
        replayed, rejected, valid, top = _screen_ops(ops, last)
        seq, exact = _store_ops(conn, account_id, device_id, valid, seq, ceiling, rejected)
        _record_push(conn, svc, account_id, device_id, rejected, seq, start_seq, top)
        if replayed:
            # A replay gets the answer the lost one had: the same rejections.
            rejected += _replayed_rejections(conn, account_id, device_id, replayed)
    rejected.sort(key=lambda r: r.op_id)
    caught_up = seq if exact and seq > start_seq and cursor == start_seq else None
    return PushResponse(
        acked_op_id=top, rejected=rejected, server_hlc=svc.server_hlc(), cursor=caught_up
    )


def _lock_account(conn: Connection, account_id: str, device_id: str) -> tuple[int, int]:
    """The account's seq (its row locked for the push) and the device's last applied op id."""
    # The account row lock serialises pushes of one account (any instance, any device).
    seq = conn.scalar(
        select(db.accounts.c.seq).where(db.accounts.c.id == account_id).with_for_update()
    )
    last = conn.scalar(
        select(db.devices.c.last_op_id).where(
            db.devices.c.account_id == account_id, db.devices.c.device_id == device_id
        )
    )
    if seq is None or last is None:
        raise HTTPException(status.HTTP_403_FORBIDDEN, detail="Unknown account or device.")
    return seq, last


def _screen_ops(
    ops: list[tuple[int, Any]], last: int
) -> tuple[list[int], list[Rejection], list[tuple[int, PushOp]], int]:
    """Sort a push's raw ops into replays, rejections and valid ops; and the top op id."""
    top = last
    replayed: list[int] = []
    rejected: list[Rejection] = []
    valid: list[tuple[int, PushOp]] = []
    for op_id, raw in ops:
        if op_id <= last:
            replayed.append(op_id)
            continue
        if op_id <= top:
            continue  # the same op id twice in one push: the first one counts
        top = op_id
        if isinstance(raw, str):
            rejected.append(Rejection(op_id=op_id, reason=_safe(raw)))
            continue
        reason = None
        table = raw.get("table")
        if isinstance(table, str) and table not in SYNCED_TABLES:
            reason = f"unknown table {table[:60]!r}"
        elif table in CLOUD_WRITTEN:
            reason = f"{table} rows come from the providers through the cloud only"
        try:
            op = PushOp.model_validate(raw)
        except ValidationError as exc:
            reason = reason or _summarise(exc)
        else:
            reason = reason or problem_with(op.table, op.fields)
        if reason is None:
            valid.append((op_id, op))
        else:
            rejected.append(Rejection(op_id=op_id, reason=_safe(reason)))
    return replayed, rejected, valid, top


def _store_ops(
    conn: Connection,
    account_id: str,
    device_id: str,
    valid: list[tuple[int, PushOp]],
    seq: int,
    ceiling: int,
    rejected: list[Rejection],
) -> tuple[int, bool]:
    """Merge the valid ops as a batch, or one by one if the batch fails (adding to ``rejected``).

    Returns the account's new seq and whether every op was stored exactly as sent.
    """
    exact = False
    try:
        with conn.begin_nested():
            seq, exact = _apply_all(conn, account_id, valid, seq, ceiling)
    except SQLAlchemyError:
        # Which op the database refused is unknown: apply them one by one, each in its
        # own savepoint, so that only the bad one is rejected.
        log.warning("a push of %d ops failed as a batch; applying them one by one", len(valid))
        for op_id, op in valid:
            try:
                with conn.begin_nested():
                    if _apply(conn, account_id, op, seq + 1, ceiling):
                        seq += 1
            except SQLAlchemyError as exc:
                log.exception("op %s of device %s could not be stored", op_id, device_id)
                reason = f"the server could not store this change ({type(exc).__name__})"
                rejected.append(Rejection(op_id=op_id, reason=reason))
    return seq, exact


def _record_push(
    conn: Connection,
    svc: Service,
    account_id: str,
    device_id: str,
    rejected: list[Rejection],
    seq: int,
    start_seq: int,
    top: int,
) -> None:
    """Store the push's rejections, the account's new seq and the device's last op id."""
    if rejected:
        rejected.sort(key=lambda r: r.op_id)
        conn.execute(
            insert(db.sync_rejections),
            [
                {
                    "account_id": account_id,
                    "device_id": device_id,
                    "op_id": r.op_id,
                    "reason": r.reason,
                    "at_ms": svc.now_ms(),
                }
                for r in rejected
            ],
        )
    if seq != start_seq:
        conn.execute(update(db.accounts).where(db.accounts.c.id == account_id).values(seq=seq))
    conn.execute(
        update(db.devices)
        .where(db.devices.c.account_id == account_id, db.devices.c.device_id == device_id)
        .values(last_op_id=top, last_seen_ms=svc.now_ms())
    )


def _replayed_rejections(
    conn: Connection, account_id: str, device_id: str, replayed: list[int]
) -> list[Rejection]:
    """The rejections stored for replayed op ids when they were first pushed."""
    return [
        Rejection(op_id=row.op_id, reason=row.reason)
        for row in conn.execute(
            select(db.sync_rejections.c.op_id, db.sync_rejections.c.reason).where(
                db.sync_rejections.c.account_id == account_id,
                db.sync_rejections.c.device_id == device_id,
                db.sync_rejections.c.op_id.in_(replayed),
            )
        )
    ]


def _summarise(exc: ValidationError, what: str = "invalid operation") -> str:
    """The first errors, by place and message: never the input (it may be huge or hostile)."""
    errors = exc.errors(include_url=False, include_input=False, include_context=False)
    parts = [
        f"{'.'.join(str(p)[:40] for p in err['loc']) or 'op'}: {err['msg'][:80]}"
        for err in errors[:3]
    ]
    more = len(errors) - 3
    return _safe(f"{what}: " + "; ".join(parts) + (f" (+{more} more)" if more > 0 else ""))


MAX_REASON_CHARS = 300


def _safe(reason: str) -> str:
    """A reason fit to store and send: short, and valid UTF-8 (no lone surrogate)."""
    reason = reason[:MAX_REASON_CHARS]
    return reason.encode("utf-8", "backslashreplace").decode("utf-8")


def _apply_all(
    conn: Connection, account_id: str, ops: list[tuple[int, PushOp]], seq: int, ceiling: int
) -> tuple[int, bool]:
    """Merge a push's valid ops with a few statements in all.

    Returns the account's new seq, and whether every op was stored exactly as sent: each
    of its fields won, none was clamped and nothing else changed (a revived record does).

    The stored documents of every row the push touches are read in chunks, merged in
    memory op after op (the same ``merge`` as one at a time), and the rows that changed are
    written with one INSERT and one UPDATE batch; each gets the next seq, in the order of
    its last change. A first sync of 100,000 contacts is 100 pushes, not 100,000 round trips
    to the database.
    """
    if not ops:
        return seq, True
    rows = db.sync_rows
    keys = {(op.table, op.row_id) for _op_id, op in ops}
    ids = sorted({row_id for _table, row_id in keys})
    current: dict[tuple[str, str], dict[str, FieldValue]] = {}
    for start in range(0, len(ids), _BATCH):
        for table, row_id, fields in conn.execute(
            select(rows.c.table_name, rows.c.row_id, rows.c.fields).where(
                rows.c.account_id == account_id, rows.c.row_id.in_(ids[start : start + _BATCH])
            )
        ):
            if (table, row_id) in keys:
                current[(table, row_id)] = {n: (v, h) for n, (v, h) in json.loads(fields).items()}
    stored = set(current)
    changed_order: dict[tuple[str, str], None] = {}
    exact = True
    for _op_id, op in ops:
        key: tuple[str, str] = (op.table, op.row_id)
        mine = current.get(key, {})
        incoming: dict[str, FieldValue] = {
            name: (value, _clamped(hlc, ceiling, mine.get(name)))
            for name, (value, hlc) in op.fields.items()
        }
        merged, changed = merge(mine, incoming)
        exact = exact and changed == incoming and incoming == op.fields
        if changed:
            current[key] = merged
            changed_order.pop(key, None)
            changed_order[key] = None  # moves to the end: seq follows the last change
    inserts: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    for key in changed_order:
        seq += 1
        document = dumps_fields(current[key])
        if key in stored:
            updates.append({"t": key[0], "r": key[1], "s": seq, "f": document})
        else:
            inserts.append(
                {
                    "account_id": account_id,
                    "table_name": key[0],
                    "row_id": key[1],
                    "seq": seq,
                    "fields": document,
                }
            )
    if inserts:
        conn.execute(insert(rows), inserts)
    if updates:
        conn.execute(
            update(rows)
            .where(
                rows.c.account_id == account_id,
                rows.c.table_name == bindparam("t"),
                rows.c.row_id == bindparam("r"),
            )
            .values(seq=bindparam("s"), fields=bindparam("f")),
            updates,
        )
    for key in changed_order:
        if key[0] == "usage_events":
            _index_usage(conn, account_id, key[1], current[key])
    _index_sent(conn, account_id, [(k[1], current[k]) for k in changed_order if k[0] == _SENT])
    return seq, exact


def _apply(conn: Connection, account_id: str, op: PushOp, new_seq: int, ceiling: int) -> bool:
    """Merge one op into the stored row; True (row stamped with ``new_seq``) if it changed."""
    rows = db.sync_rows
    key = (
        rows.c.account_id == account_id,
        rows.c.table_name == op.table,
        rows.c.row_id == op.row_id,
    )
    stored = conn.scalar(select(rows.c.fields).where(*key))
    current: dict[str, FieldValue] = (
        {name: (value, hlc) for name, (value, hlc) in json.loads(stored).items()} if stored else {}
    )
    incoming: dict[str, FieldValue] = {
        name: (value, _clamped(hlc, ceiling, current.get(name)))
        for name, (value, hlc) in op.fields.items()
    }
    merged, changed = merge(current, incoming)
    if not changed:
        return False
    document = dumps_fields(merged)
    if stored is None:
        conn.execute(
            insert(rows).values(
                account_id=account_id,
                table_name=op.table,
                row_id=op.row_id,
                seq=new_seq,
                fields=document,
            )
        )
    else:
        conn.execute(update(rows).where(*key).values(seq=new_seq, fields=document))
    if op.table == "usage_events":
        _index_usage(conn, account_id, op.row_id, merged)
    if op.table == _SENT:
        _index_sent(conn, account_id, [(op.row_id, merged)])
    return True


def _clamped(hlc: str, ceiling: int, mine: FieldValue | None) -> str:
    """``clamp`` keeping the device as tie-break, and never turning newer into older.

    Two edits from a far-ahead device can clamp to the same ceiling; the later one must
    still beat the earlier one it follows, so it goes one counter step past it.
    """
    node = Timestamp.decode(hlc).node
    fixed = clamp(hlc, ceiling, node)
    if fixed != hlc and mine is not None and hlc > mine[1] >= fixed:
        stored = Timestamp.decode(mine[1])
        if stored.counter >= MAX_COUNTER:
            return Timestamp(stored.millis + 1, 0, node).encode()
        return Timestamp(stored.millis, stored.counter + 1, node).encode()
    return fixed


def dumps_fields(fields: dict[str, FieldValue]) -> str:
    return json.dumps(fields, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def _index_usage(
    conn: Connection, account_id: str, row_id: str, fields: dict[str, FieldValue]
) -> None:
    """Keep the monthly usage sums queryable without reading every event document."""

    def value(name: str) -> Any:
        pair = fields.get(name)
        return pair[0] if pair is not None else None

    quantity = value("quantity")
    values = {
        "month": str(value("month") or ""),
        "metric": str(value("metric") or ""),
        "quantity": quantity if isinstance(quantity, int) and not isinstance(quantity, bool) else 0,
        "deleted": value(DELETED) is not None,
    }
    usage = db.usage_index
    key = (usage.c.account_id == account_id, usage.c.row_id == row_id)
    if conn.scalar(select(usage.c.row_id).where(*key)) is None:
        conn.execute(insert(usage).values(account_id=account_id, row_id=row_id, **values))
    else:
        conn.execute(update(usage).where(*key).values(**values))


_SENT = "campaign_recipients"


def _index_sent(
    conn: Connection, account_id: str, recipients: list[tuple[str, dict[str, FieldValue]]]
) -> None:
    """Note the provider ids of the account's sent messages: a provider's callback about a
    message is applied only if the account sent it (``hooks.events.was_sent``)."""
    found: dict[str, str] = {}
    for row_id, fields in recipients:
        pair = fields.get("provider_id")
        if pair is not None and isinstance(pair[0], str) and pair[0]:
            found[pair[0][:200]] = row_id
    if not found:
        return
    index = db.sent_index
    known = set(
        conn.scalars(
            select(index.c.message_id).where(
                index.c.account_id == account_id, index.c.message_id.in_(list(found))
            )
        )
    )
    fresh = [
        {"account_id": account_id, "message_id": message_id, "recipient_id": row_id}
        for message_id, row_id in found.items()
        if message_id not in known
    ]
    if fresh:
        conn.execute(insert(index), fresh)


# -- pull ---------------------------------------------------------------------------------


@router.get(
    "/pull",
    response_model=PullResponse,
    responses={
        409: {"description": "Cursor ahead of the server's history: pull from 0"},
        426: {"description": "Update"},
    },
)
def pull(
    request: Request,
    caller: CallerDep,
    svc: ServiceDep,
    cursor: Annotated[
        int, Query(ge=0, description="next_cursor of the previous page; 0 first")
    ] = 0,
    max_bytes: Annotated[
        int, Query(ge=1, le=MAX_PAGE_BYTES, description="Page size bound (JSON bytes)")
    ] = DEFAULT_PAGE_BYTES,
    layout: Annotated[
        PullLayout,
        Query(description="changes: an object per row; blocks: column by column (compact)"),
    ] = "changes",
    schema_version: SchemaVersionQuery = None,
) -> Response:
    """The account's changes after ``cursor`` in commit order, at most ``max_bytes`` of JSON.

    A page always holds at least one change (else a single large row would stall the sync)
    and each row at most once (a row's stored document is its latest state).
    """
    check_schema_version(schema_version)
    server_hlc = svc.server_hlc()
    # The envelope's own bytes count too (with the longest cursor and "false").
    size = len(
        PullResponse(
            changes=[], next_cursor=2**63 - 1, has_more=False, server_hlc=server_hlc
        ).model_dump_json()
    )
    measure = _block_piece if layout == "blocks" else _change_piece
    shapes: set[tuple[str, tuple[str, ...]]] = set()
    changes: list[Change] = []
    next_cursor, has_more, after = cursor, False, cursor
    rows = db.sync_rows
    with db.read(svc.engine) as conn:
        newest = conn.scalar(select(db.accounts.c.seq).where(db.accounts.c.id == caller.account_id))
        if newest is not None and cursor > newest:
            raise HTTPException(
                status.HTTP_409_CONFLICT,
                detail=f"The cursor {cursor} is ahead of this account's history ({newest}): "
                "the server was probably restored from a backup. Pull again from cursor 0.",
            )
        while not has_more:
            batch = conn.execute(
                select(rows.c.table_name, rows.c.row_id, rows.c.seq, rows.c.fields)
                .where(rows.c.account_id == caller.account_id, rows.c.seq > after)
                .order_by(rows.c.seq)
                .limit(_BATCH)
            ).all()
            for row in batch:
                change = Change.model_construct(
                    table=row.table_name,
                    row_id=row.row_id,
                    seq=row.seq,
                    fields={n: (v, h) for n, (v, h) in json.loads(row.fields).items()},
                )
                piece = measure(change, shapes)
                if changes and size + piece > max_bytes:
                    has_more = True
                    break
                changes.append(change)
                size += piece
                next_cursor = row.seq
            if len(batch) < _BATCH:
                break
            after = batch[-1].seq
    if layout == "blocks":
        page = PullResponse.model_construct(
            changes=[],
            blocks=to_blocks(changes),
            next_cursor=next_cursor,
            has_more=has_more,
            server_hlc=server_hlc,
        )
    else:
        page = PullResponse.model_construct(
            changes=changes, next_cursor=next_cursor, has_more=has_more, server_hlc=server_hlc
        )
    return compressed_json(request, page.model_dump_json().encode("utf-8"))


def _change_piece(change: Change, _shapes: set[tuple[str, tuple[str, ...]]]) -> int:
    return len(change.model_dump_json().encode("utf-8")) + 1  # and a comma


_BLOCK_OVERHEAD = len(
    '{"table":"campaign_recipients","row_ids":[],"hlcs":[],"columns":{},"other_hlcs":[]},'
)


def _block_piece(change: Change, shapes: set[tuple[str, tuple[str, ...]]]) -> int:
    """What one more row adds to a ``blocks`` page: its id, clock, values and the clocks of
    fields that differ from the row's; a new table/field set also opens a block."""
    values = [value for value, _hlc in change.fields.values()]
    stamps = [hlc for _value, hlc in change.fields.values()]
    piece = len(json.dumps(values, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    piece += len(change.row_id) + 3 + (len(stamps[0]) + 3 if stamps else 0)
    if len(set(stamps)) > 1:
        piece += sum(len(name) + len(hlc) + 16 for name, (_v, hlc) in change.fields.items())
    shape = (change.table, tuple(change.fields))
    if shape not in shapes:
        shapes.add(shape)
        piece += _BLOCK_OVERHEAD + sum(len(name) + 6 for name in change.fields)
    return piece
