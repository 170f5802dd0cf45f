"""CI subset of the kill-points campaign: a few seeded ``kill -9`` per target, small data.

The full campaign (``python -m faults.kill_points``) kills each operation 1,000 times on
bigger data; this runs the same code paths (forked child, SIGKILL, integrity check, rerun,
the invariants) in a few seconds per target.
"""

from pathlib import Path

from faults.kill_points import run

CASES = 2
SCALE = 0.2


def test_kill_points_subset(tmp_path: Path) -> None:
    result = run(CASES, 14, tmp_path, scale=SCALE, measures=1)
    assert result.ok, "\n".join(result.failures)
    for target in ("import", "demo", "sync", "dispatch"):
        assert f"{CASES} kills" in str(result.figures[target])
