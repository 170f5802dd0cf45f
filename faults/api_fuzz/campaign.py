"""The campaign: both phases on every backend, and the figures it reports."""

from __future__ import annotations

import random
import time
from pathlib import Path
from typing import Any

from faults._common import CampaignResult, machine_load
from faults.api_fuzz.accounts import Account, _enable_hooks, _register
from faults.api_fuzz.after_checks import _after
from faults.api_fuzz.backends import LogTrap, _backends
from faults.api_fuzz.hostile_bodies import _endpoints
from faults.api_fuzz.hostile_sending import HostileFigures, run_hostile
from faults.api_fuzz.schemathesis_phase import FuzzFigures, run_schemathesis
from localpro_cloud.app import create_app
from localpro_cloud.loopback import running

FIXED = [
    "422 answers were documented as FastAPI's list of field errors only, while register, "
    "push and /v1/hooks answer one sentence (a refused address, password or push): the "
    "document says string or list (schema mismatch on 3 operations)",
    "405 answers listed only the first route's method in Allow (OPTIONS /v1/account: GET, "
    "not GET, PATCH; /v1/hooks and /hooks/whatsapp/{id} alike): Allow names every method",
    "provider callbacks answered 404 (unknown hook) and 403 (bad signature) that the "
    "document did not declare, and Twilio's TwiML was documented as JSON: declared",
    "a push with cursor false, cursor 1.0 or schema_version true was accepted (pydantic "
    "read them as integers; the document says integer): op ids, cursors and schema "
    "versions are strict integers",
    "schema-valid requests were refused: names and addresses with control characters, an "
    "address without x@y.z, schema_version 0 (426), /v1/hooks with a provider of another "
    "channel or a blank signing secret (also one blank only to Python: \\x1c, \\x85); the "
    "document publishes each rule now",
]


# -- the server and the account ------------------------------------------------------------


def run(
    cases: int,
    seed: int,
    workdir: Path,
    backends: tuple[str, ...] = ("sqlite", "postgresql"),
    coverage: bool = True,
) -> CampaignResult:
    """The campaign on each backend of ``backends`` that is available (PostgreSQL needs
    ``LOCALPRO_TEST_PG_URL``). ``coverage=False`` leaves out schemathesis's coverage
    phase (its boundary values of every field, some 800 requests whatever the examples):
    for the CI subset, whose budget it would take alone."""
    result = CampaignResult(name="api_fuzz", cases=cases, seed=seed)
    started = time.monotonic()
    max_examples = max(3, cases // 10)
    result.figures["schemathesis examples per operation"] = max_examples
    result.figures["schemathesis phases"] = (
        "examples, coverage, fuzzing, stateful" if coverage else "examples, fuzzing, stateful"
    )
    backends_run = []
    for tag, database in _backends(workdir):
        if tag not in backends:
            continue
        rng = random.Random(f"{seed}:{tag}:setup")
        with database as url:
            secret = "fuzz-secret-" + "".join(
                rng.choice("abcdefghjkmnpqrstuvwxyz") for _ in range(40)
            )
            app = create_app(url, secret=secret, registrations_per_hour=1_000_000)
            # The trap goes in once uvicorn has set up its loggers (that drops handlers).
            with running(app) as base, LogTrap().installed() as log:
                account = _register(base, rng)
                account.secrets_seen.add(secret)
                fuzz = run_schemathesis(base, account, seed, max_examples, result, tag, coverage)
                endpoints = _endpoints(_enable_hooks(base, account))
                hostile = run_hostile(base, account, endpoints, cases, seed, result, tag)
                after = _after(base, account, result, tag, log, fuzz.passwords_sent)
        backends_run.append(tag)
        _report(result, tag, fuzz, hostile, after, account)
    result.figures["backends"] = ", ".join(backends_run)
    result.fixed = list(FIXED)
    result.seconds = time.monotonic() - started
    result.load = machine_load()
    return result


def _report(
    result: CampaignResult,
    tag: str,
    fuzz: FuzzFigures,
    hostile: HostileFigures,
    after: dict[str, Any],
    account: Account,
) -> None:
    figures = result.figures
    total = sum(fuzz.cases_per_operation.values())
    figures[f"{tag}: schemathesis cases"] = (
        f"{total} over {len(fuzz.cases_per_operation)} operations + "
        f"{fuzz.stateful_steps} stateful steps, {fuzz.responses} responses, {fuzz.seconds:.1f} s"
    )
    figures[f"{tag}: cases per operation"] = ", ".join(
        f"{label} {n}" for label, n in sorted(fuzz.cases_per_operation.items())
    )
    figures[f"{tag}: checks run"] = (
        f"{sum(fuzz.checks_run.values())} ({len(fuzz.checks_run)} checks: "
        + ", ".join(f"{name} {n}" for name, n in sorted(fuzz.checks_run.items()))
        + ")"
    )
    figures[f"{tag}: server errors"] = fuzz.server_errors
    figures[f"{tag}: schema mismatches"] = fuzz.schema_mismatches
    figures[f"{tag}: other check failures"] = fuzz.other_failures
    figures[f"{tag}: status codes"] = dict(sorted(fuzz.status_codes.items()))
    figures[f"{tag}: hostile bodies"] = (
        f"{sum(hostile.by_kind.values())} in {hostile.seconds:.1f} s, "
        f"{hostile.bytes_sent / 1e6:.0f} MB sent, slowest answer {hostile.slowest_s:.2f} s, "
        f"longest {hostile.longest_answer} bytes"
    )
    figures[f"{tag}: hostile kinds"] = dict(sorted(hostile.by_kind.items()))
    figures[f"{tag}: hostile statuses"] = dict(sorted(hostile.statuses.items()))
    figures[f"{tag}: sign-ins of the fuzzing account"] = account.sign_ins
    for key, value in after.items():
        figures[f"{tag}: {key}"] = value
