"""Import prospects or contacts from a file: all accepted rows land, or nothing does.

Steps: read the file (any delimiter/encoding Excel writes), map its columns, normalise every
row (phones to E.164, e-mails checked — in worker processes for big files, since phone
parsing dominates), drop rows that cannot be used (each reported with its row number and
reason), settle duplicates against the workspace and within the file, then write
everything in a single transaction. A failure or a cancel rolls the whole import back.
"""

import os
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from enum import StrEnum
from multiprocessing import get_context
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import insert, select, update

from localpro_desktop.domain.activities import ActivityKind
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.ids import new_id, utcnow
from localpro_desktop.domain.normalize import Normalized, normalize_contact, normalize_prospect
from localpro_desktop.domain.plans import Metric
from localpro_desktop.domain.sources import ProspectSource
from localpro_desktop.exporting.exporters import unneutralise
from localpro_desktop.importing.dedupe import DuplicateIndex
from localpro_desktop.importing.mapping import (
    MappingError,
    apply_overrides,
    guess_mapping,
    unmapped_required,
)
from localpro_desktop.importing.readers import ImportFileError, RawTable, read_table
from localpro_desktop.services import usage
from localpro_desktop.services.changes import ChangeSet
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import Activity, Contact, Prospect

Kind = Literal["prospects", "contacts"]
Progress = Callable[[str, int, int], None]

PARALLEL_THRESHOLD = 4000
CHUNK = 5000
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
    reason: str


@dataclass
class ImportReport:
    kind: str
    file: str
    dry_run: bool
    policy: str
    encoding: str
    delimiter: str | None
    mapping: dict[str, str]
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
            "total_rows": self.total_rows,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped_duplicate": self.skipped_duplicate,
            "rejected": len(self.rejected),
            "rejected_rows": [{"row": p.row, "reason": p.reason} for p in self.rejected],
            "warnings": [{"row": p.row, "reason": p.reason} for p in self.warnings],
            "duplicates": [{"row": p.row, "reason": p.reason} for p in self.duplicates],
        }


@dataclass
class _Plan:
    creates: list[dict[str, Any]] = field(default_factory=list)
    # existing id -> (original values, new values)
    updates: dict[str, tuple[dict[str, Any], dict[str, Any]]] = field(default_factory=dict)


def import_file(
    ws: Workspace,
    kind: Kind,
    path: Path,
    *,
    on_duplicate: DuplicatePolicy = DuplicatePolicy.SKIP,
    dry_run: bool = False,
    overrides: Mapping[str, str] | None = None,
    source: ProspectSource = ProspectSource.IMPORT,
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
    workers: int | None = None,
) -> ImportReport:
    notify = progress or (lambda _phase, _done, _total: None)
    stop = cancel or (lambda: False)
    try:
        table = read_table(Path(path))
        mapping = guess_mapping(table.headers, kind)
        if overrides:
            mapping = apply_overrides(mapping, table.headers, dict(overrides), kind)
    except (ImportFileError, MappingError) as exc:
        raise UserError(str(exc)) from None
    missing = unmapped_required(mapping, kind)
    if missing:
        raise UserError(
            f"No column for {' or '.join(missing)} in {Path(path).name}. Columns found: "
            f"{', '.join(table.headers)}. Map one with --map COLUMN={missing[0]}."
        )
    report = ImportReport(
        kind, str(path), dry_run, on_duplicate.value, table.encoding, table.delimiter, mapping
    )
    report.total_rows = len(table.rows)
    notify("reading", report.total_rows, report.total_rows)

    records = _raw_records(table, mapping, report)
    region = ws.settings().country
    normalized = _normalize_all(kind, records, region, notify, stop, workers)

    model = _MODELS[kind]
    index = DuplicateIndex()
    with ws.read() as session:
        cols = [getattr(model, c) for c in _INDEX_COLUMNS]
        for row in session.execute(select(*cols).where(model.deleted_at.is_(None))):
            values = dict(zip(_INDEX_COLUMNS, row, strict=True))
            index.add(values["id"], values)

    plan = _Plan()
    to_existing: list[tuple[str, dict[str, Any]]] = []
    for (row_number, raw), result in zip(records, normalized, strict=True):
        if not result.ok:
            report.rejected.append(RowProblem(row_number, "; ".join(result.errors)))
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
        report.duplicates.append(RowProblem(row_number, match.reason))
        if on_duplicate is DuplicatePolicy.SKIP:
            report.skipped_duplicate += 1
        elif isinstance(match.ref, int):  # an earlier row of this file: fold into it
            _combine(plan.creates[match.ref], values, on_duplicate)
        else:
            to_existing.append((match.ref, values))

    originals = _load_rows(ws, model, [ident for ident, _ in to_existing])
    for ident, values in to_existing:
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

    if stop():
        raise ImportCancelled("Import cancelled; the workspace is unchanged.")
    settings = ws.settings()
    if kind == "prospects" and report.created:
        with ws.read() as session:
            check = usage.ensure_allowed if not dry_run else _check_only
            check(session, settings.plan, Metric.PROSPECTS, report.created)
    if dry_run:
        return report
    _write(ws, kind, model, plan, report, source, Path(path).name, notify, stop)
    return report


def _check_only(session: Any, plan: Any, metric: Metric, requested: int) -> None:
    usage.ensure_allowed(session, plan, metric, requested)


def _raw_records(
    table: RawTable, mapping: Mapping[str, str], report: ImportReport
) -> list[tuple[int, dict[str, str]]]:
    positions = [(i, mapping[h]) for i, h in enumerate(table.headers) if mapping.get(h)]
    records: list[tuple[int, dict[str, str]]] = []
    for row_number, cells in zip(table.row_numbers, table.rows, strict=True):
        extra = table.extra_cells.get(row_number)
        if extra:
            report.rejected.append(
                RowProblem(
                    row_number,
                    f"{extra} more cell(s) than the header has columns; check the "
                    "separator or a missing quote",
                )
            )
            continue
        records.append((row_number, {f: unneutralise(cells[i]) for i, f in positions}))
    return records


def _normalize_chunk(kind: str, region: str, chunk: Sequence[dict[str, str]]) -> list[Normalized]:
    func = normalize_prospect if kind == "prospects" else normalize_contact
    return [func(raw, region) for raw in chunk]


def _normalize_all(
    kind: str,
    records: list[tuple[int, dict[str, str]]],
    region: str,
    notify: Progress,
    stop: Callable[[], bool],
    workers: int | None,
) -> list[Normalized]:
    raws = [raw for _, raw in records]
    total = len(raws)
    chunks = [raws[i : i + CHUNK] for i in range(0, total, CHUNK)]
    n_workers = workers if workers is not None else min(os.cpu_count() or 1, 4)
    results: list[Normalized] = []
    if total < PARALLEL_THRESHOLD or n_workers <= 1:
        for chunk in chunks:
            if stop():
                raise ImportCancelled("Import cancelled; the workspace is unchanged.")
            results.extend(_normalize_chunk(kind, region, chunk))
            notify("checking", len(results), total)
        return results
    # "spawn" is what Windows uses anyway; using it everywhere keeps behaviour identical.
    with ProcessPoolExecutor(max_workers=n_workers, mp_context=get_context("spawn")) as pool:
        futures = [pool.submit(_normalize_chunk, kind, region, chunk) for chunk in chunks]
        for future in futures:
            if stop():
                for pending in futures:
                    pending.cancel()
                raise ImportCancelled("Import cancelled; the workspace is unchanged.")
            results.extend(future.result())
            notify("checking", len(results), total)
    return results


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
_DERIVED = {"phone_e164", "whatsapp_e164", "email_normalized", "name_key", "_row", "_status_given"}


def _combine(target: dict[str, Any], incoming: dict[str, Any], policy: DuplicatePolicy) -> None:
    """Apply a duplicate row onto a record, keeping derived columns consistent."""
    for key, value in incoming.items():
        if key in _DERIVED or (key not in target and key != "tags"):
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


def _write(
    ws: Workspace,
    kind: str,
    model: type[Prospect] | type[Contact],
    plan: _Plan,
    report: ImportReport,
    source: ProspectSource,
    file_name: str,
    notify: Progress,
    stop: Callable[[], bool],
) -> None:
    now = utcnow()
    columns = {c.key for c in model.__table__.columns}
    # Every row of one INSERT carries the same keys; optional fields get their defaults.
    defaults = {
        c.key: c.default.arg
        for c in model.__table__.columns
        if c.default is not None and not callable(c.default.arg)
    }
    total = len(plan.creates) + len(plan.updates)
    changes = ChangeSet()
    with ws.write(changes) as session:
        if kind == "prospects" and plan.creates:
            usage.ensure_allowed(session, ws.settings().plan, Metric.PROSPECTS, len(plan.creates))
        done = 0
        for start in range(0, len(plan.creates), CHUNK):
            if stop():
                raise ImportCancelled("Import cancelled; the workspace is unchanged.")
            rows = []
            activities = []
            for values in plan.creates[start : start + CHUNK]:
                row = dict(defaults)
                row.update((k, v) for k, v in values.items() if k in columns)
                row.update(id=new_id(), created_at=now, updated_at=now, deleted_at=None)
                if kind == "prospects":
                    row["source"] = source.value
                else:
                    activities.append(
                        {
                            "id": new_id(),
                            "contact_id": row["id"],
                            "kind": ActivityKind.CREATED.value,
                            "body": f"Imported from {file_name}",
                            "new_status": row["status"],
                            "occurred_at": now,
                            "created_at": now,
                            "updated_at": now,
                        }
                    )
                rows.append(row)
            session.execute(insert(model).execution_options(render_nulls=True), rows)
            if activities:
                session.execute(insert(Activity).execution_options(render_nulls=True), activities)
            done += len(rows)
            notify("writing", done, total)
        status_moves = []
        for ident, (before, after) in plan.updates.items():
            values = {k: v for k, v in after.items() if k in columns and before.get(k) != v}
            values["updated_at"] = now
            session.execute(update(model).where(model.id == ident).values(values))
            if kind == "contacts" and "status" in values:
                status_moves.append(
                    Activity(
                        contact_id=ident,
                        kind=ActivityKind.STATUS_CHANGE.value,
                        old_status=before.get("status"),
                        new_status=values["status"],
                        body=f"Updated by import of {file_name}",
                        occurred_at=now,
                    )
                )
            done += 1
            if done % CHUNK == 0:
                notify("writing", done, total)
        session.add_all(status_moves)
        if kind == "prospects":
            usage.record(session, Metric.PROSPECTS, len(plan.creates), f"import:{file_name}")
        changes.touch(kind)
        if kind == "prospects":
            changes.touch("usage_events")
        if kind == "contacts":
            changes.touch("activities")
    ws.optimize()
    notify("writing", total, total)
