"""The campaign: every backend in turn, and the failures found and fixed."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

from faults._common import CampaignResult, fresh_postgres, machine_load
from faults.load.fleet import load_run
from faults.load.settings import BACKENDS, DEFAULT_DURATION, PG_ENV


def run(
    cases: int,
    seed: int,
    workdir: Path,
    *,
    duration: float = DEFAULT_DURATION,
    backends: tuple[str, ...] = BACKENDS,
    two_devices: int | None = None,
) -> CampaignResult:
    """``cases`` devices on each backend for ``duration`` seconds; ``two_devices`` (default
    ``cases``) on the two instances, 0 for the statelessness checks alone (the CI subset)."""

    result = CampaignResult(name="load", cases=cases, seed=seed)
    started = time.monotonic()
    pg_base = os.environ.get(PG_ENV)

    def one(backend: str, count: int) -> None:
        if backend == "sqlite":
            url = f"sqlite:///{(workdir / 'sqlite' / 'cloud.sqlite').as_posix()}"
            load_run(backend, url, workdir, seed, count, duration, result)
            return
        if not pg_base:
            result.fail(f"{backend}: {PG_ENV} is not set, so this backend could not run")
            return
        with fresh_postgres(pg_base, "localpro_load") as url:
            load_run(backend, url, workdir, seed, count, duration, result)

    # The statelessness checks alone (no devices on the two instances) run beside the
    # other backends: the CI subset's time is then the longest of the two, not their sum.
    beside: threading.Thread | None = None
    if "two" in backends and two_devices == 0:
        beside = threading.Thread(target=one, args=("two", 0), name="two-instances")
        beside.start()
    for backend in backends:
        if beside is not None and backend == "two":
            continue
        one(backend, cases if backend != "two" or two_devices is None else two_devices)
    if beside is not None:
        beside.join()
    result.fixed = list(FIXED)
    result.seconds = time.monotonic() - started
    result.load = machine_load()
    return result


FIXED: tuple[str, ...] = (
    "Two refreshes of one token at once (a client's retry while the first still runs, or "
    "two instances each getting one) revoked the whole family on PostgreSQL: the token row "
    "is now read FOR UPDATE, so the second is a grace retry "
    "(tests/cloud/test_scale_out.py::test_two_concurrent_refreshes_of_one_token_keep_the_session).",
    "Sign-in and registration limits were bypassed by requests sent at once on PostgreSQL "
    "(12 wrong passwords at once were all checked against a limit of 5; each gate counted "
    "before the others wrote): a transaction advisory lock per key now serialises the "
    "count and the insert across instances (tests/cloud/test_scale_out.py::"
    "test_parallel_wrong_passwords_still_stop_at_the_pair_limit, "
    "test_parallel_registrations_still_stop_at_the_limit).",
)
