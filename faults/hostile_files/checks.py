"""The checks of one case: the import's outcome, the workspace after it, the export."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

from faults._common import CampaignResult
from faults.hostile_files.case import CASE_SECONDS, MAX_MESSAGE_CHARS, MAX_RSS_MB, TRIGGERS, Case
from faults.hostile_files.runner import run_import
from faults.hostile_files.workspace import contacts_named, db_path, integrity, snapshot


def check_case(
    case: Case,
    number: int,
    seed: int,
    workspace: Path,
    folder: Path,
    exec_it: bool,
    result: CampaignResult,
    stats: dict[str, object],
) -> None:
    where = f"seed {seed} case {number} ({case.kind}{', ' + case.note if case.note else ''})"
    before_counts, before_sum = snapshot(workspace)
    crash_log = workspace / "logs" / "crash.log"
    crash_before = crash_log.stat().st_size if crash_log.exists() else 0
    argv = ["--json", "--data-dir", str(workspace), "import", case.record, str(case.path)]
    outcome = run_import(
        argv,
        folder / f"c{number:04d}.out",
        folder / f"c{number:04d}.err",
        case.seconds,
        exec_it=exec_it,
    )
    peaks = stats.setdefault("peak_rss", {})
    assert isinstance(peaks, dict)
    peaks[case.kind] = max(peaks.get(case.kind, 0.0), outcome.rss_mb)
    slowest = stats.setdefault("slowest", {})
    assert isinstance(slowest, dict)
    slowest[case.kind] = max(slowest.get(case.kind, 0.0), outcome.seconds)
    outcomes = stats.setdefault("outcomes", {})
    assert isinstance(outcomes, dict)
    outcomes[f"{case.kind}:{outcome.code}"] = outcomes.get(f"{case.kind}:{outcome.code}", 0) + 1

    message = _message(outcome.stderr)
    if outcome.timed_out:
        result.fail(f"{where}: still running after {case.seconds:.0f} s, killed")
        return
    if outcome.rss_mb > MAX_RSS_MB:
        result.fail(f"{where}: peak RSS {outcome.rss_mb:.0f} MB > {MAX_RSS_MB:.0f} MB")
    if outcome.code not in (0, 1):
        result.fail(f"{where}: exit {outcome.code}: {message[:200]}")
    if "Traceback" in outcome.stderr or "Traceback" in outcome.stdout:
        result.fail(f"{where}: a traceback was printed")
    if len(message) > MAX_MESSAGE_CHARS + 20:
        result.fail(f"{where}: a {len(message)}-character message")
    if (crash_log.stat().st_size if crash_log.exists() else 0) != crash_before:
        result.fail(f"{where}: logs/crash.log was written")
    check = integrity(workspace)
    if check != "ok":
        result.fail(f"{where}: integrity_check says {check[:100]}")
    after_counts, after_sum = snapshot(workspace)
    unchanged = (after_counts, after_sum) == (before_counts, before_sum)

    if outcome.code == 1 or case.expect == "refuse":
        if case.expect == "accept":
            result.fail(f"{where}: refused a file that must import: {message[:200]}")
            return
        if outcome.code != 1:
            result.fail(f"{where}: exit {outcome.code}, expected a refusal")
        if not unchanged:
            result.fail(f"{where}: refused but the workspace changed: {after_counts}")
        if case.words and not any(w.lower() in message.lower() for w in case.words):
            result.fail(f"{where}: message names none of {case.words}: {message[:200]}")
        if not message.strip():
            result.fail(f"{where}: refused without a message")
        return
    if outcome.code != 0:
        return
    try:
        report = json.loads(outcome.stdout)
    except ValueError:
        result.fail(f"{where}: the --json report is not JSON: {outcome.stdout[:120]!r}")
        return
    if case.expect == "accept" and case.count is not None:
        if report.get("created") != case.count:
            result.fail(f"{where}: {report.get('created')} created, {case.count} expected")
        return
    if case.expect == "accept":
        wanted = {r["first_name"]: r for r in case.rows}
        got = {r["first_name"]: r for r in contacts_named(workspace, set(wanted))}
        if report.get("created") != len(case.rows) or len(got) != len(wanted):
            result.fail(
                f"{where}: {report.get('created')} created, {len(got)} found, "
                f"{len(case.rows)} expected; rejected {report.get('rejected_rows', [])[:2]}"
            )
        for name, row in wanted.items():
            if name in got and got[name] != row:
                result.fail(f"{where}: stored {got[name]!r}, expected {row!r}")
                break
        if case.export:
            _check_export(case, number, seed, workspace, folder, exec_it, result, where)
        return
    # either: accepted, so every stored row must be a row of the file
    created = report.get("created", 0)
    if created > len(case.names):
        result.fail(f"{where}: {created} rows created from a file of {len(case.names)}")
    new_names = _new_first_names(workspace, before_counts, case.names)
    # A file cut in the middle of a row holds that row's beginning: like Excel, the import
    # takes it as it is (its name cut short). Anything else must be a row of the file.
    cut = [n for n in new_names - case.names if any(f.startswith(n) for f in case.names)]
    strangers = sorted(new_names - case.names - set(cut))
    if strangers or len(cut) > 1:
        result.fail(f"{where}: stored names not in the file: {(strangers + cut)[:3]}")


def _new_first_names(workspace: Path, before: dict[str, int], names: frozenset[str]) -> set[str]:
    connection = sqlite3.connect(f"file:{db_path(workspace)}?mode=ro", uri=True)
    try:
        rows = connection.execute(
            "SELECT first_name FROM contacts ORDER BY rowid LIMIT -1 OFFSET ?",
            (before["contacts"],),
        )
        return {r[0] for r in rows}
    finally:
        connection.close()


def _check_export(
    case: Case,
    number: int,
    seed: int,
    workspace: Path,
    folder: Path,
    exec_it: bool,
    result: CampaignResult,
    where: str,
) -> None:
    """Export the contacts (CSV and XLSX): no cell may start a formula."""
    from openpyxl import load_workbook

    wanted = {r["first_name"] for r in case.rows}
    for fmt in ("csv", "xlsx"):
        target = folder / f"c{number:04d}-export.{fmt}"
        argv = [
            "--data-dir",
            str(workspace),
            "export",
            "contacts",
            "--format",
            fmt,
            "--output",
            str(target),
        ]
        outcome = run_import(
            argv,
            folder / f"c{number:04d}-x.out",
            folder / f"c{number:04d}-x.err",
            CASE_SECONDS,
            exec_it=exec_it,
        )
        if outcome.code != 0:
            result.fail(f"{where}: export {fmt} failed: {_message(outcome.stderr)[:200]}")
            continue
        if fmt == "csv":
            text = target.read_text(encoding="utf-8-sig")
            cells = [c for row in csv.reader(io.StringIO(text, newline="")) for c in row]
        else:
            book = load_workbook(target, read_only=True)
            cells = []
            for row in book.worksheets[0].iter_rows(values_only=True):
                if any(isinstance(v, str) and v in wanted for v in row):
                    cells.extend(v for v in row if isinstance(v, str))
            book.close()
        live = [c for c in cells if c and c[0] in TRIGGERS]
        if live:
            result.fail(f"{where}: the {fmt} export holds live formulas: {live[:2]!r}")


def _message(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.startswith("error:") or "{" in line]
    if not lines:
        return stderr.strip()
    text = lines[-1]
    if text.startswith("{"):
        try:
            return str(json.loads(text).get("error", text))
        except ValueError:
            return text
    return text.removeprefix("error: ")
