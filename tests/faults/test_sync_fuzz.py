"""CI subset of the sync fuzzing campaign: a few dozen seeded sequences over three devices.

The full campaign (``python -m faults.sync_fuzz``, 10,000 sequences) runs the same code:
three real workspaces against the real cloud on 127.0.0.1 through the fault proxy, partial
syncs, cuts, restarts, now and then a ``kill -9`` of a sync subprocess, and one device a day
ahead (first account) or behind (second account). Each sequence ends with a full sync and
the checks: identical rows everywhere, read-your-writes, last writer wins by clock.
"""

from pathlib import Path

from faults.sync_fuzz import run

CASES = 30
SEED = 1
"""Its first account has a device a day behind, its second one a day ahead."""


def test_sync_fuzz_subset(tmp_path: Path) -> None:
    result = run(CASES, SEED, tmp_path, epoch=CASES // 2)
    assert result.ok, "\n".join(result.failures)
    assert result.figures["sequences"] == CASES
    assert result.figures["cases with the wrong clock ahead / behind"] == "15 / 15"
