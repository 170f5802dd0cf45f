"""CI subset of the API fuzzing campaign (``python -m faults.api_fuzz`` for the full run):
schemathesis with every check, its examples, fuzzing and stateful phases at 3 examples
per operation (the coverage phase, some 800 requests whatever the examples, runs in the
full campaign), then 30 hostile bodies (every kind twice), against the real
cloud on SQLite."""

import time
from pathlib import Path

from faults.api_fuzz import run


def test_api_fuzz_seeded_subset(tmp_path: Path) -> None:
    started = time.monotonic()
    result = run(30, 7, tmp_path, backends=("sqlite",), coverage=False)
    failures = "\n".join(result.failures)
    assert result.ok, f"{len(result.failures)} failures:\n{failures}"
    assert result.figures["sqlite: server errors"] == 0
    assert result.figures["sqlite: schema mismatches"] == 0
    assert time.monotonic() - started < 60, "the CI subset must stay small (budget 25 s)"
