"""The schemathesis phase: every check over the cloud's OpenAPI document."""

from __future__ import annotations

import json
import os
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from faults._common import CampaignResult
from faults.api_fuzz.accounts import Account
from faults.api_fuzz.settings import SCHEMA_MISMATCH_CHECKS


@dataclass
class FuzzFigures:
    cases_per_operation: Counter[str] = field(default_factory=Counter)
    stateful_steps: int = 0
    checks_run: Counter[str] = field(default_factory=Counter)
    responses: int = 0
    status_codes: Counter[int] = field(default_factory=Counter)
    server_errors: int = 0
    schema_mismatches: int = 0
    other_failures: int = 0
    seconds: float = 0.0
    passwords_sent: set[str] = field(default_factory=set)
    """Passwords schemathesis sent (register, login): none may reach the server's log."""


def _schemathesis_config(seed: int, max_examples: int, coverage: bool = True) -> Any:
    import schemathesis

    return schemathesis.Config.from_dict(
        {
            "seed": seed,
            "color": False,
            "continue-on-failure": True,
            "generation": {
                "max-examples": max_examples,
                "database": "none",  # nothing written to the repository's .hypothesis
            },
            "checks": {
                "enabled": True,
                # Refusals too: 413 (more ops than a push may hold) and 426 (a data
                # schema version this server does not serve: "update the app").
                "negative_data_rejection": {
                    "expected-statuses": [
                        400,
                        401,
                        403,
                        404,
                        405,
                        406,
                        409,
                        413,
                        415,
                        422,
                        426,
                        428,
                        429,
                        "5xx",
                    ]
                },
            },
            "phases": {
                "examples": {"enabled": True},
                "coverage": {"enabled": coverage},
                "fuzzing": {"enabled": True},
                "stateful": {"enabled": True, "max-steps": max(4, max_examples)},
            },
            "cache": {"enabled": False},
            "operations": [
                {
                    # What JSON Schema cannot say: a password among the most common, or
                    # the user's own name; an address mixing alphabets (look-alikes).
                    "include-name": "POST /v1/auth/register",
                    "checks": {
                        "positive_data_acceptance": {
                            "expected-statuses": ["2xx", 401, 409, 422, 429]
                        }
                    },
                },
                {
                    # Nor that a block's columns have one value per row id and its
                    # other_hlcs name cells of the block, nor the values a push may hold.
                    "include-name": "POST /v1/sync/push",
                    "checks": {
                        "positive_data_acceptance": {
                            "expected-statuses": ["2xx", 401, 403, 409, 413, 422, 429]
                        }
                    },
                },
            ],
        }
    )


def run_schemathesis(
    base: str,
    account: Account,
    seed: int,
    max_examples: int,
    result: CampaignResult,
    tag: str,
    coverage: bool = True,
) -> FuzzFigures:
    """Every phase and check of schemathesis, signed in; failures go to ``result``."""
    import schemathesis
    from schemathesis.engine import events, from_schema

    figures = FuzzFigures()
    started = time.monotonic()
    schema = schemathesis.openapi.from_url(
        f"{base}/openapi.json", config=_schemathesis_config(seed, max_examples, coverage)
    )
    schema.config.update(base_url=base)

    addresses = iter(range(1, 2**24))

    class BearerAuth:
        def get(self, _case: Any, _ctx: Any) -> str:
            return account.token()

        def set(self, case: Any, data: str, _ctx: Any) -> None:
            # Each case from its own address: the fuzzer stands for many clients, and the
            # sign-in throttle (tested on its own) would slow every wrong password to 2 s.
            n = next(addresses)
            case.headers = {
                **(case.headers or {}),
                "Authorization": f"Bearer {data}",
                "X-Forwarded-For": f"10.{n >> 16 & 255}.{n >> 8 & 255}.{n & 255}",
            }

    schema.auth(refresh_interval=None)(BearerAuth)  # account.token() keeps it fresh

    seen: set[tuple[str, str, str]] = set()
    secrets_bytes = [x.encode() for x in account.secrets_seen]
    for event in from_schema(schema).execute():
        if isinstance(event, events.ScenarioFinished):
            recorder = event.recorder
            if str(event.phase) == "stateful" or "stateful" in str(event.phase).lower():
                figures.stateful_steps += len(recorder.cases)
            else:
                figures.cases_per_operation[recorder.label] += len(recorder.cases)
            for interaction in recorder.interactions.values():
                figures.passwords_sent |= _passwords_in(interaction.request.body)
                if interaction.response is not None:
                    if any(x in interaction.response.content for x in secrets_bytes):
                        result.fail(
                            f"[{tag} schemathesis seed {seed}] {recorder.label}: an answer "
                            "holds the fuzzing account's password or a token"
                        )
                    figures.responses += 1
                    figures.status_codes[interaction.response.status_code] += 1
                    if interaction.response.status_code >= 500:
                        figures.server_errors += 1
            for checks in recorder.checks.values():
                for check in checks:
                    figures.checks_run[check.name] += 1
                    if check.failure_info is None:
                        continue
                    failure = check.failure_info.failure
                    if check.name in SCHEMA_MISMATCH_CHECKS:
                        figures.schema_mismatches += 1
                    elif check.name != "not_a_server_error":
                        figures.other_failures += 1
                    key = (recorder.label, check.name, failure.title)
                    if key in seen:
                        continue
                    seen.add(key)
                    steps = check.failure_info.steps
                    curl = _scrub(steps[-1].curl, account) if steps else ""
                    if os.environ.get("API_FUZZ_VERBOSE"):  # the whole story, to debug
                        print(f"{recorder.label} {check.name}\n{failure}\n{curl}\n")
                    sent = re.search(r"-d '(.*)' http", curl)
                    request = (
                        f"{steps[-1].method} {steps[-1].path} {sent.group(1) if sent else ''}"
                        if steps
                        else ""
                    )
                    result.fail(
                        f"[{tag} schemathesis seed {seed}] {recorder.label}: {check.name}: "
                        f"{failure.title} | {request[:200]}"
                    )
        elif isinstance(event, events.NonFatalError):
            result.fail(f"[{tag} schemathesis seed {seed}] error on {event.label}: {event.info}")
        elif isinstance(event, events.FatalError):
            result.fail(f"[{tag} schemathesis seed {seed}] fatal: {event.exception!r}")
    figures.seconds = time.monotonic() - started
    return figures


def _passwords_in(body: bytes | None) -> set[str]:
    """The password of a JSON request body, if it is one worth looking for in a log."""
    if not body or b'"password"' not in body:
        return set()
    try:
        doc = json.loads(body)
    except ValueError:
        return set()
    password = doc.get("password") if isinstance(doc, dict) else None
    if isinstance(password, str) and len(password) >= 10 and len(set(password)) >= 4:
        return {password}
    return set()


def _scrub(text: str, account: Account) -> str:
    for secret in account.secrets_seen:
        text = text.replace(secret, "[secret]")
    return text


# -- 2. hostile bodies ------------------------------------------------------------------------
