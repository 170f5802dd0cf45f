"""Import prospects or contacts from a file: all accepted rows land, or nothing does.

Steps: read the file (any delimiter/encoding Excel writes), map its columns, normalise every
row (phones to E.164, e-mails checked — shared with worker processes for big files, since
phone parsing dominates), drop rows that cannot be used (each reported with its row number
and reason), settle duplicates against the workspace and within the file, then write
everything in a single transaction. A failure or a cancel rolls the whole import back.

For a big file this process does not sit idle while workers check rows: it settles
duplicates for each chunk as soon as every chunk before it is checked, writes the new
records settled so far (the transaction is opened before the checks), and checks rows
itself when there is nothing to write, so both cores stay busy from start to end (see
``_Checker`` and ``_Writer``).
"""

import gc
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field, replace
from enum import StrEnum
from multiprocessing import get_context
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import Column, Connection, Dialect, Table, select, update
from sqlalchemy.orm import Session
from sqlalchemy.sql.schema import CallableColumnDefault, ScalarElementColumnDefault

from localpro_desktop.domain.activities import ActivityKind
from localpro_desktop.domain.changes import ChangeSet
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.ids import new_ids, utcnow
from localpro_desktop.domain.messages import Message, joined
from localpro_desktop.domain.messages import importing as msg
from localpro_desktop.domain.messages import rows as row_msg
from localpro_desktop.domain.normalize import Normalized
from localpro_desktop.domain.plans import Metric, Plan
from localpro_desktop.domain.sources import ProspectSource
from localpro_desktop.services import usage
from localpro_desktop.services.exporting.exporters import unneutralise
from localpro_desktop.services.importing.checking import check_rows, warm_up
from localpro_desktop.services.importing.dedupe import DuplicateIndex
from localpro_desktop.services.importing.mapping import (
    MappingError,
    apply_overrides,
    unmapped_required,
)
from localpro_desktop.services.importing.matches import record_names
from localpro_desktop.services.importing.presets import PresetChoice, read_prepared
from localpro_desktop.services.importing.readers import ImportFileError, RawTable
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.capture import captured_in_bulk
from localpro_desktop.store.models import Activity, Contact, Prospect
from localpro_protocol.wire import Table as SyncedTable

Kind = Literal["prospects", "contacts"]
Progress = Callable[[str, int, int], None]

PARALLEL_THRESHOLD = 4000
# Files at least this big get their worker processes started before they are read, so the
# processes' start-up (importing Python modules, about a second) overlaps the reading.
EARLY_START_BYTES = 256 * 1024
CHUNK = 5000  # rows per INSERT
# Rows per checking task: small enough that no process waits long for another at the end,
# big enough that handing tasks to a process costs little next to the work.
CHECK_CHUNK = 1000
# Chunks queued per worker process, so it never waits for this one: more while this one
# also writes new records (writing a chunk takes about as long as checking four).
TASKS_PER_WORKER = 2
TASKS_PER_WORKER_WHILE_WRITING = 6
_MODELS: dict[str, type[Prospect] | type[Contact]] = {"prospects": Prospect, "contacts": Contact}
_INDEX_COLUMNS = ("id", "phone_e164", "whatsapp_e164", "email_normalized", "city", "name_key")


class DuplicatePolicy(StrEnum):
    SKIP = "skip"  # keep the workspace as it is
    UPDATE = "update"  # the file wins for every field it fills
    MERGE = "merge"  # only fill fields the record lacks; tags are combined


class ImportCancelled(UserError):
    """The user cancelled; nothing was written."""


@dataclass(frozen=True)
class RowProblem:
    row: int
    reason: str  # a Message (domain.messages.rows / importing): the screens translate it
    # A duplicate says what it matched: an earlier row of the file (its number, as the
    # file numbers its rows), or a record of the workspace (its id and display name).
    matched_row: int | None = None
    matched_id: str | None = None
    matched_name: str = ""

    @property
    def matched(self) -> Message | None:
        """What a duplicate matched, and why, as one message (None for other problems)."""
        if self.matched_row is not None:
            return msg.MATCHED_ROW(other=self.matched_row, reason=self.reason)
        if self.matched_id is not None:
            name = self.matched_name or self.matched_id
            return msg.MATCHED_RECORD(name=name, id=self.matched_id, reason=self.reason)
        return None


@dataclass
class ImportReport:
    kind: str
    file: str
    dry_run: bool
    policy: str
    encoding: str
    delimiter: str | None
    mapping: dict[str, str]
    preset: str | None = None  # the preset that read the file ("linkedin", …), if any
    source: str | None = None  # where the new prospects are recorded as coming from
    total_rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped_duplicate: int = 0
    rejected: list[RowProblem] = field(default_factory=list)
    warnings: list[RowProblem] = field(default_factory=list)
    duplicates: list[RowProblem] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "file": self.file,
            "dry_run": self.dry_run,
            "on_duplicate": self.policy,
            "encoding": self.encoding,
            "delimiter": self.delimiter,
            "mapping": self.mapping,
            "preset": self.preset,
            "source": self.source,
            "total_rows": self.total_rows,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped_duplicate": self.skipped_duplicate,
            "rejected": len(self.rejected),
            "rejected_rows": [{"row": p.row, "reason": p.reason} for p in self.rejected],
            "warnings": [{"row": p.row, "reason": p.reason} for p in self.warnings],
            # Each duplicate names what it matched: "matched_row" (an earlier row of the
            # file) or "matched_id" and "matched_name" (a record already there).
            "duplicates": [
                {
                    "row": p.row,
                    "reason": p.reason,
                    "matched_row": p.matched_row,
                    "matched_id": p.matched_id,
                    "matched_name": p.matched_name or None,
                    "matched": p.matched,
                }
                for p in self.duplicates
            ],
        }


@dataclass
class _Plan:
    creates: list[dict[str, Any]] = field(default_factory=list)
    # existing id -> (original values, new values)
    updates: dict[str, tuple[dict[str, Any], dict[str, Any]]] = field(default_factory=dict)
    # index in ``creates`` of a record already written when a later row of the file was
    # folded into it -> its values as written
    rewrites: dict[int, dict[str, Any]] = field(default_factory=dict)
    # rows of the file that duplicate an existing record: (its id, the row's values)
    to_existing: list[tuple[str, dict[str, Any]]] = field(default_factory=list)


def import_file(
    ws: Workspace,
    kind: Kind,
    path: Path,
    *,
    on_duplicate: DuplicatePolicy = DuplicatePolicy.SKIP,
    dry_run: bool = False,
    overrides: Mapping[str, str] | None = None,
    source: ProspectSource | None = None,
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
    workers: int | None = None,
    preset: PresetChoice = "auto",
) -> ImportReport:
    """Import ``path``; ``workers`` is how many processes check rows, this one included.

    ``preset`` reads a LinkedIn or Facebook export as such ("auto": when the headers show
    it, ``services.importing.presets``); ``source`` defaults to the preset's platform,
    else "import".
    """
    n_workers = workers if workers is not None else min(os.cpu_count() or 1, 4)
    checker = _Checker(n_workers, ws.settings().country)
    if n_workers > 1 and _file_size(Path(path)) >= EARLY_START_BYTES:
        checker.start()
    try:
        with _gc_paused():
            return _import(
                ws,
                kind,
                Path(path),
                on_duplicate,
                dry_run,
                overrides,
                source,
                progress,
                cancel,
                checker,
                preset,
            )
    finally:
        checker.close()


def _import(
    ws: Workspace,
    kind: Kind,
    path: Path,
    on_duplicate: DuplicatePolicy,
    dry_run: bool,
    overrides: Mapping[str, str] | None,
    source: ProspectSource | None,
    progress: Progress | None,
    cancel: Callable[[], bool] | None,
    checker: "_Checker",
    preset: PresetChoice = "auto",
) -> ImportReport:
    notify = progress or (lambda _phase, _done, _total: None)
    stop = cancel or (lambda: False)
    try:
        prepared = read_prepared(path, preset)
        table = prepared.table
        mapping = prepared.mapping(kind)
        if overrides:
            mapping = apply_overrides(mapping, table.headers, dict(overrides), kind)
    except (ImportFileError, MappingError) as exc:
        raise UserError(exc.message) from None
    missing = unmapped_required(mapping, kind)
    if missing:
        raise UserError(
            msg.NO_COLUMN_FOR,
            missing=" or ".join(missing),
            file=path.name,
            columns=", ".join(table.headers),
            field=missing[0],
        )
    source = source or prepared.source or ProspectSource.IMPORT
    report = ImportReport(
        kind, str(path), dry_run, on_duplicate.value, table.encoding, table.delimiter, mapping
    )
    report.preset = prepared.preset.key if prepared.preset else None
    report.source = source.value if kind == "prospects" else None
    # Rows the preset set aside are rejected rows like any other, with the preset's reason.
    report.rejected.extend(RowProblem(row, reason) for row, reason in prepared.set_aside)
    report.total_rows = len(table.rows) + len(prepared.set_aside)
    notify("reading", report.total_rows, report.total_rows)

    records = _raw_records(table, mapping, report)
    del table  # the raw records hold what is needed; free the cells for the checks

    model = _MODELS[kind]
    index = DuplicateIndex()
    with ws.read() as session:
        cols = [getattr(model, c) for c in _INDEX_COLUMNS]
        for row in session.execute(select(*cols).where(model.deleted_at.is_(None))):
            values = dict(zip(_INDEX_COLUMNS, row, strict=True))
            index.add(values["id"], values)

    with ExitStack() as transaction:
        writer = None
        if not dry_run:
            session = transaction.enter_context(ws.write(changes := ChangeSet()))
            writer = _Writer(session, changes, kind, model, source, path.name, ws.settings().plan)
        plan = _settle(kind, records, index, on_duplicate, report, checker, writer, notify, stop)
        names = record_names(ws, model, [p.matched_id for p in report.duplicates if p.matched_id])
        report.duplicates = [
            replace(p, matched_name=names.get(p.matched_id, "")) if p.matched_id else p
            for p in report.duplicates
        ]
        originals = _load_rows(ws, model, [ident for ident, _ in plan.to_existing])
        for ident, values in plan.to_existing:
            if ident not in plan.updates:
                plan.updates[ident] = (originals[ident], dict(originals[ident]))
            _combine(plan.updates[ident][1], values, on_duplicate)

        report.created = len(plan.creates)
        for ident, (before, after) in list(plan.updates.items()):
            if _changed(before, after):
                report.updated += 1
            else:
                report.unchanged += 1
                del plan.updates[ident]
        report.rejected.sort(key=lambda p: p.row)

        _raise_if_cancelled(stop)
        if writer is None:
            if kind == "prospects" and report.created:
                with ws.read() as session:
                    plan_name = ws.settings().plan
                    usage.ensure_allowed(session, plan_name, Metric.PROSPECTS, report.created)
            return report
        writer.finish(plan, notify, stop)
    ws.optimize()
    notify("writing", report.created + len(plan.updates), report.created + len(plan.updates))
    return report


def _settle(
    kind: str,
    records: list[tuple[int, dict[str, str]]],
    index: DuplicateIndex,
    on_duplicate: DuplicatePolicy,
    report: ImportReport,
    checker: "_Checker",
    writer: "_Writer | None",
    notify: Progress,
    stop: Callable[[], bool],
) -> "_Plan":
    """Decide each checked row's fate, in file order: rejected, new, duplicate of what."""
    plan = _Plan()

    def write_settled() -> bool:
        return writer is not None and writer.write_settled(plan.creates)

    # Rows arrive checked, in file order, while later rows are still being checked.
    raws = [raw for _, raw in records]
    checked = checker.check(kind, raws, notify, stop, write_settled if writer else None)
    for (row_number, raw), result in zip(records, checked, strict=True):
        if not result.ok:
            report.rejected.append(RowProblem(row_number, joined(result.errors)))
            continue
        for warning in result.warnings:
            report.warnings.append(RowProblem(row_number, warning))
        values = result.values
        values["_status_given"] = bool(raw.get("status"))
        match = index.find(values)
        if match is None:
            values["_row"] = row_number
            plan.creates.append(values)
            index.add(len(plan.creates) - 1, values)
            continue
        if isinstance(match.ref, int):
            earlier = plan.creates[match.ref]["_row"]
            report.duplicates.append(RowProblem(row_number, match.reason, matched_row=earlier))
        else:
            report.duplicates.append(RowProblem(row_number, match.reason, matched_id=match.ref))
        if on_duplicate is DuplicatePolicy.SKIP:
            report.skipped_duplicate += 1
        elif isinstance(match.ref, int):  # an earlier row of this file: fold into it
            target = plan.creates[match.ref]
            if writer is not None and match.ref < writer.written:
                plan.rewrites.setdefault(match.ref, dict(target))
            _combine(target, values, on_duplicate)
        else:
            plan.to_existing.append((match.ref, values))
    return plan


def _file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # read_table reports the problem properly


@contextmanager
def _gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while an import builds its millions of small objects.

    The rows, dicts and tuples of an import are not garbage, yet every few hundred
    allocations the collector walked them again: unpickling the workers' results ran three
    times slower with it on. Reference counting still frees everything as usual; the
    collector resumes (if it was on) when the import ends.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _raw_records(
    table: RawTable, mapping: Mapping[str, str], report: ImportReport
) -> list[tuple[int, dict[str, str]]]:
    positions = [(i, mapping[h]) for i, h in enumerate(table.headers) if mapping.get(h)]
    records: list[tuple[int, dict[str, str]]] = []
    for row_number, cells in zip(table.row_numbers, table.rows, strict=True):
        extra = table.extra_cells.get(row_number)
        if extra:
            report.rejected.append(RowProblem(row_number, row_msg.EXTRA_CELLS(extra=extra)))
            continue
        records.append((row_number, {f: unneutralise(cells[i]) for i, f in positions}))
    return records


class _Checker:
    """Checks rows in this process and in ``workers - 1`` spawned ones, yielding them in order.

    Each worker process gets a few chunks queued at a time; this process
    yields every chunk that is checked and next in file order, so the caller settles
    duplicates while the workers go on. Between chunks it does the caller's own work
    (``between``: writing settled records) first, and checks a chunk itself only when
    there is none and the next chunk in order is not back yet. Workers are only handed
    chunks once one has started (its ``warm_up`` task is done): until then this process
    checks the rows itself rather than queueing them behind a process still importing
    modules.
    """

    def __init__(self, workers: int, region: str) -> None:
        self.workers = workers
        self.region = region
        self._pool: ProcessPoolExecutor | None = None
        self._started: list[Future[None]] = []

    def start(self) -> None:
        """Start the worker processes now (they take a while to import their modules)."""
        if self._pool is not None or self.workers <= 1:
            return
        # "spawn" is what Windows uses anyway; using it everywhere keeps behaviour identical.
        self._pool = ProcessPoolExecutor(
            max_workers=self.workers - 1, mp_context=get_context("spawn")
        )
        self._started = [self._pool.submit(warm_up, self.region) for _ in range(self.workers - 1)]

    def close(self) -> None:
        """Stop the workers; a worker still starting is left to exit on its own."""
        if self._pool is not None:
            ready = all(f.done() for f in self._started)
            self._pool.shutdown(wait=ready, cancel_futures=True)
            self._pool = None

    def check(
        self,
        kind: str,
        raws: list[dict[str, str]],
        notify: Progress,
        stop: Callable[[], bool],
        between: Callable[[], bool] | None = None,
    ) -> Iterator[Normalized]:
        """The normalised rows, in the order of ``raws``.

        ``between()`` is called between chunks, once the caller has taken every row
        yielded so far; it returns whether it did some work (it is then called again).
        """
        depth = TASKS_PER_WORKER if between is None else TASKS_PER_WORKER_WHILE_WRITING
        between = between or (lambda: False)
        total = len(raws)
        chunks = [raws[i : i + CHECK_CHUNK] for i in range(0, total, CHECK_CHUNK)]
        if total < PARALLEL_THRESHOLD or self.workers <= 1:
            self.close()
            done = 0
            for chunk in chunks:
                _raise_if_cancelled(stop)
                results = check_rows(kind, self.region, chunk)
                done += len(results)
                notify("checking", done, total)
                yield from results
                while between():
                    _raise_if_cancelled(stop)
            return
        self.start()
        yield from self._check_parallel(kind, chunks, total, notify, stop, between, depth)
        self.close()

    def _check_parallel(
        self,
        kind: str,
        chunks: list[list[dict[str, str]]],
        total: int,
        notify: Progress,
        stop: Callable[[], bool],
        between: Callable[[], bool],
        tasks_per_worker: int,
    ) -> Iterator[Normalized]:
        pool = self._pool
        assert pool is not None
        queued: dict[int, Future[list[Normalized]]] = {}  # chunk number -> task
        mine: dict[int, list[Normalized]] = {}  # chunks this process checked
        depth = (self.workers - 1) * tasks_per_worker
        assigned = emitted = done = 0
        while emitted < len(chunks):
            _raise_if_cancelled(stop)
            if any(f.done() for f in self._started):
                busy = sum(not f.done() for f in queued.values())
                while assigned < len(chunks) and busy < depth:
                    queued[assigned] = pool.submit(check_rows, kind, self.region, chunks[assigned])
                    assigned += 1
                    busy += 1
            task = queued.get(emitted)
            ready = emitted in mine or (task is not None and task.done())
            if between():  # the caller's work first: this process is the busier one
                continue
            if ready:
                results = mine.pop(emitted) if emitted in mine else queued.pop(emitted).result()
            elif assigned < len(chunks):  # the next in order is not ready: check one here
                mine[assigned] = check_rows(kind, self.region, chunks[assigned])
                assigned += 1
                continue
            else:  # everything is handed out: wait for the next in order
                assert task is not None
                results = queued.pop(emitted).result()
            emitted += 1
            done += len(results)
            notify("checking", done, total)
            yield from results


def _raise_if_cancelled(stop: Callable[[], bool]) -> None:
    if stop():
        raise ImportCancelled(msg.CANCELLED)


def _load_rows(
    ws: Workspace, model: type[Prospect] | type[Contact], idents: Sequence[str]
) -> dict[str, dict[str, Any]]:
    """Full rows of the records a file updates, fetched in chunks rather than one by one."""
    columns = [c.key for c in model.__table__.columns]
    rows: dict[str, dict[str, Any]] = {}
    unique = list(dict.fromkeys(idents))
    with ws.read() as session:
        for start in range(0, len(unique), 500):
            chunk = unique[start : start + 500]
            for row in session.execute(
                select(*[getattr(model, c) for c in columns]).where(model.id.in_(chunk))
            ):
                values = dict(zip(columns, row, strict=True))
                rows[values["id"]] = values
    return rows


_IDENTITY_FIELDS = {
    "phone": ("phone_e164",),
    "whatsapp": ("whatsapp_e164",),
    "email": ("email_normalized",),
    "business_name": ("name_key",),
    "first_name": ("name_key",),
    "last_name": ("name_key",),
    "company": ("name_key",),
}
_DERIVED = {"phone_e164", "whatsapp_e164", "email_normalized", "name_key"}


def _combine(target: dict[str, Any], incoming: dict[str, Any], policy: DuplicatePolicy) -> None:
    """Apply a duplicate row onto a record, keeping derived columns consistent."""
    for key, value in incoming.items():
        if key in _DERIVED or key.startswith("_") or (key not in target and key != "tags"):
            continue
        if key == "tags":
            current = list(target.get("tags") or [])
            if policy is DuplicatePolicy.MERGE:
                target["tags"] = current + [t for t in value if t not in current]
            elif value:
                target["tags"] = list(value)
            continue
        if key == "status" and not incoming.get("_status_given"):
            continue
        empty = value is None or value == ""
        if empty:
            continue
        if policy is DuplicatePolicy.MERGE and target.get(key) not in (None, ""):
            if key == "notes" and value not in str(target[key]):
                target[key] = f"{target[key]}\n{value}"
            continue
        target[key] = value
        for derived in _IDENTITY_FIELDS.get(key, ()):
            target[derived] = incoming.get(derived)


def _changed(before: Mapping[str, Any], after: Mapping[str, Any]) -> bool:
    return any(before.get(k) != v for k, v in after.items() if not k.startswith("_"))


class _Writer:
    """Writes an import in one transaction, new records as soon as they are settled.

    The transaction opens before the rows are checked. Between chunks of checked rows, as
    soon as ``CHUNK`` new records are settled, this process writes them (``write_settled``)
    while the worker processes check later rows, so writing overlaps checking. ``finish``
    writes the rest, the updates of existing records and the usage; the caller's unit of
    work commits. A failure or a cancel at any point rolls all of it back.

    A later row of the file may turn out to duplicate a record already written (with the
    "update" and "merge" policies it is folded into it): those records are written again
    at the end, as updates of what changed (``_Plan.rewrites``).
    """

    def __init__(
        self,
        session: Session,
        changes: ChangeSet,
        kind: str,
        model: type[Prospect] | type[Contact],
        source: ProspectSource,
        file_name: str,
        plan: Plan,
    ) -> None:
        self.session = session
        self.changes = changes
        self.kind = kind
        self.model = model
        self.file_name = file_name
        self.plan = plan
        self.now = utcnow()
        self.written = 0  # plan.creates[:written] are in the database
        # New prospects the plan allows this month: writing more early would be wasted,
        # and finish() refuses the whole import with the full numbers.
        self.allowance: int | None = None
        if kind == "prospects":
            self.allowance = usage.remaining(session, plan, Metric.PROSPECTS)
        fixed: dict[str, Any] = {"created_at": self.now, "updated_at": self.now, "deleted_at": None}
        if kind == "prospects":
            fixed["source"] = source.value
        self.timeline: dict[str, Any] | None = None
        if kind == "contacts":
            self.timeline = {
                "kind": ActivityKind.CREATED.value,
                "body": f"Imported from {file_name}",
                "occurred_at": self.now,
                "created_at": self.now,
                "updated_at": self.now,
            }
        self.fixed = fixed
        self._creator: _BulkCreate | None = None

    def write_settled(self, creates: list[dict[str, Any]]) -> bool:
        """Write the next chunk of settled new records if a whole one is waiting."""
        if len(creates) - self.written < CHUNK:
            return False
        if self.allowance is not None and self.written + CHUNK > self.allowance:
            return False
        self._insert(creates[self.written : self.written + CHUNK])
        return True

    def finish(self, plan: _Plan, notify: Progress, stop: Callable[[], bool]) -> None:
        """Everything not written yet; the caller's unit of work then commits."""
        session, kind = self.session, self.kind
        if kind == "prospects" and plan.creates:
            usage.ensure_allowed(session, self.plan, Metric.PROSPECTS, len(plan.creates))
        total = len(plan.creates) + len(plan.updates)
        while self.written < len(plan.creates):
            _raise_if_cancelled(stop)
            self._insert(plan.creates[self.written : self.written + CHUNK])
            notify("writing", self.written, total)
        if self._creator is not None:
            self._creator.finish()
        status_moves: list[Activity] = []
        for ref, before in plan.rewrites.items():
            after = plan.creates[ref]
            changed = self._changed_columns(before, after)
            if changed:
                self._update(after["_id"], before, changed, status_moves, rewrite=after)
        done = self.written
        for ident, (before, after) in plan.updates.items():
            self._update(ident, before, self._changed_columns(before, after), status_moves)
            done += 1
            if done % CHUNK == 0:
                notify("writing", done, total)
        session.add_all(status_moves)
        if kind == "prospects":
            usage.record(session, Metric.PROSPECTS, len(plan.creates), f"import:{self.file_name}")
            self.changes.touch(SyncedTable.USAGE_EVENTS)
        self.changes.touch(SyncedTable(kind))
        if kind == "contacts":
            self.changes.touch(SyncedTable.ACTIVITIES)

    def _insert(self, chunk: list[dict[str, Any]]) -> None:
        if self._creator is None:
            table = self.model.__table__
            assert isinstance(table, Table)  # declared as FromClause on DeclarativeBase
            self._creator = _BulkCreate(self.session.connection(), table, self.fixed, self.timeline)
        self._creator.insert(chunk)
        self.written += len(chunk)

    def _changed_columns(
        self, before: Mapping[str, Any], after: Mapping[str, Any]
    ) -> dict[str, Any]:
        columns = self.model.__table__.columns
        return {k: v for k, v in after.items() if k in columns and before.get(k) != v}

    def _update(
        self,
        ident: str,
        before: Mapping[str, Any],
        values: dict[str, Any],
        status_moves: list[Activity],
        *,
        rewrite: Mapping[str, Any] | None = None,
    ) -> None:
        model = self.model
        values["updated_at"] = self.now
        self.session.execute(update(model).where(model.id == ident).values(values))
        if self.kind != "contacts" or "status" not in values:
            return
        if rewrite is not None:  # created by this import: its "created" entry has the status
            self.session.execute(
                update(Activity)
                .where(Activity.id == rewrite["_activity_id"])
                .values(new_status=values["status"], updated_at=self.now)
            )
            return
        status_moves.append(
            Activity(
                contact_id=ident,
                kind=ActivityKind.STATUS_CHANGE.value,
                old_status=before.get("status"),
                new_status=values["status"],
                body=f"Updated by import of {self.file_name}",
                occurred_at=self.now,
            )
        )


_STAGE = "lp_import_rows"
_ACTIVITY_ID = "lp_activity_id"


class _BulkCreate:
    """Inserts new records chunk by chunk, with one INSERT ... SELECT per chunk.

    Measured on 95,000 new contacts (``bench/bench_import.py``), inserting them one
    parameter set at a time cost three times a plain insert of the same rows, for two
    reasons this class avoids:

    * SQLAlchemy processes every parameter of every row (a Core executemany spent about
      as long building and converting rows as SQLite spent storing them). Here the
      column types' own bind processors run only on the columns that have one, and
      values shared by every row (the timestamps) are converted once.
    * A table with triggers (sync capture, search index) makes each INSERT a
      multi-row write, so SQLite opens a statement journal for it and copies every page
      it touches — the table's and each index's — into it, for every single row. One
      INSERT ... SELECT per chunk pays that once per chunk. The rows go through a
      connection-private, untyped TEMP table (no indexes, no triggers, kept in memory),
      so the target table applies its column affinities exactly as a direct insert would.

    Each chunk is captured for sync set-based (``store.capture.captured_in_bulk``: the
    same outbox and clock rows the capture triggers write, without running a trigger
    program and three Python callbacks per row). Everything runs on the session's own
    connection, inside its transaction: a failure or a cancel rolls back the rows, the
    timeline entries, their capture and the staging table alike. The contacts' timeline
    entries ("Imported from ...") are inserted right after their chunk of contacts, from
    the same staged rows (each staged row carries its activity's id).
    """

    def __init__(
        self,
        conn: Connection,
        table: Table,
        fixed: Mapping[str, Any],
        timeline: Mapping[str, Any] | None,
    ) -> None:
        self.conn = conn
        self.table = table.name
        dialect = conn.dialect
        quote = dialect.identifier_preparer.quote
        # Staged per row: the id, then every column not shared by all rows, with the value
        # SQLAlchemy would insert when a row leaves it out; the values shared by every row
        # (timestamps, the source) are converted once and bound once per chunk.
        # A staged row starts as ``template``: the id's slot, then each staged column's
        # default, already converted (a default made per row is a ``_Call`` until made).
        staged = ["id"]
        self.template: list[Any] = [None]
        self.process_at: list[Callable[[Any], Any] | None] = [None]  # by staged position
        self.made: list[int] = []  # staged positions whose default is made per row
        shared: dict[str, Any] = {}
        for column in table.columns:
            process = column.type.dialect_impl(dialect).bind_processor(dialect)
            if column.key in fixed:
                value = fixed[column.key]
                shared[column.key] = process(value) if process else value
            elif column.key != "id":
                default = _default_of(column)
                if isinstance(default, _Call):
                    self.made.append(len(staged))
                elif process is not None:
                    default = process(default)
                staged.append(column.key)
                self.template.append(default)
                self.process_at.append(process)
        self.position = {key: i for i, key in enumerate(staged) if i}
        self.with_timeline = timeline is not None
        width = len(staged) + (1 if self.with_timeline else 0)
        self.stage_sql = f"INSERT INTO temp.{_STAGE} VALUES ({', '.join('?' * width)})"
        names = [quote(table.c[key].name) for key in [*staged, *shared]]
        values = [f"c{i}" for i in range(len(staged))] + ["?"] * len(shared)
        self.insert_sql = (
            f"INSERT INTO {dialect.identifier_preparer.format_table(table)} "
            f"({', '.join(names)}) SELECT {', '.join(values)} "
            f"FROM temp.{_STAGE} ORDER BY rowid"
        )
        self.insert_params = tuple(shared.values())
        self.timeline_sql = ""
        self.timeline_params: tuple[Any, ...] = ()
        self.activity_id = len(staged)  # the staged column of the timeline entry's id
        if timeline is not None:
            self.timeline_sql, self.timeline_params = _timeline_insert(
                dialect,
                timeline,
                contact_id=0,
                status=staged.index("status"),
                ident=self.activity_id,
            )
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS temp.{_STAGE}")
        # Untyped columns: values reach the target table exactly as they were bound.
        conn.exec_driver_sql(
            f"CREATE TEMP TABLE {_STAGE} ({', '.join(f'c{i}' for i in range(width))})"
        )

    def insert(self, chunk: Sequence[dict[str, Any]]) -> None:
        """Insert one chunk of new records (and their timeline entries).

        Each record's id (and its timeline entry's) is noted in it as ``_id`` (and
        ``_activity_id``), for a later update of the same record in the transaction.
        """
        ids = iter(new_ids(len(chunk) * (2 if self.with_timeline else 1)))
        rows = [self._row(values, ids) for values in chunk]
        conn, stage = self.conn, f"temp.{_STAGE}"
        conn.exec_driver_sql(self.stage_sql, rows)
        with captured_in_bulk(conn, self.table, stage, "c0"):
            conn.exec_driver_sql(self.insert_sql, self.insert_params)
        if self.with_timeline:
            with captured_in_bulk(conn, Activity.__tablename__, stage, f"c{self.activity_id}"):
                conn.exec_driver_sql(self.timeline_sql, self.timeline_params)
        conn.exec_driver_sql(f"DELETE FROM {stage}")

    def finish(self) -> None:
        """Drop the staging table (part of the transaction, like everything else)."""
        self.conn.exec_driver_sql(f"DROP TABLE temp.{_STAGE}")

    def _row(self, values: dict[str, Any], ids: Iterator[str]) -> tuple[Any, ...]:
        template, position, process_at = self.template, self.position, self.process_at
        row = template.copy()
        values["_id"] = row[0] = next(ids)
        for key, value in values.items():
            at = position.get(key)
            if at is not None:
                process = process_at[at]
                row[at] = value if process is None else process(value)
        for at in self.made:
            if row[at] is template[at]:  # the row left it out: make it
                value = template[at].make()
                process = process_at[at]
                row[at] = value if process is None else process(value)
        if self.with_timeline:
            values["_activity_id"] = activity = next(ids)
            row.append(activity)
        return tuple(row)


class _Call:
    """A column default that is made per row (e.g. ``tags`` → a new empty list)."""

    def __init__(self, make: Callable[[], Any]) -> None:
        self.make = make


def _default_of(column: Column[Any]) -> Any:
    """The value SQLAlchemy would insert for a column a row leaves out (None: NULL)."""
    default = column.default
    if default is None:
        return None
    if isinstance(default, ScalarElementColumnDefault):
        return default.arg
    if isinstance(default, CallableColumnDefault):
        # SQLAlchemy wraps the callable to take the execution context; ours ignore it.
        wrapped: Callable[[Any], Any] = default.arg
        return _Call(lambda: wrapped(None))
    raise TypeError(f"unsupported default for {column}: {default!r}")


def _timeline_insert(
    dialect: Dialect, timeline: Mapping[str, Any], *, contact_id: int, status: int, ident: int
) -> tuple[str, tuple[Any, ...]]:
    """The INSERT of one "created" activity per staged contact, and its parameters.

    ``contact_id``, ``status`` and ``ident`` are the staging columns holding the contact's
    id, its status and the activity's id; the shared values are converted once.
    """
    table = Activity.__table__
    quote = dialect.identifier_preparer.quote
    params: list[Any] = []
    for key, value in timeline.items():
        process = table.c[key].type.dialect_impl(dialect).bind_processor(dialect)
        params.append(process(value) if process else value)
    names = [quote(table.c[k].name) for k in ("id", "contact_id", "new_status", *timeline)]
    sql = (
        f"INSERT INTO {dialect.identifier_preparer.format_table(table)} ({', '.join(names)}) "
        f"SELECT c{ident}, c{contact_id}, c{status}, {', '.join('?' * len(params))} "
        f"FROM temp.{_STAGE} ORDER BY rowid"
    )
    return sql, tuple(params)
