"""CI subset of the disk-full campaign: every write path once against a disk with no room.

The full campaign (``python -m faults.disk_full --cases 300``) goes round the write paths
many times with seeded amounts of free space and file-size limits, in this process and in
``localpro`` child processes; this runs each path once (a few under a file-size limit, for
SQLite's "disk I/O error"), plus the logs, on a tmpfs when root (CI is) and under a
file-size limit otherwise.
"""

from pathlib import Path

from faults.disk_full import OPS, run


def test_disk_full_subset(tmp_path: Path) -> None:
    result = run(len(OPS), 14, tmp_path)
    assert result.ok, "\n".join(result.failures)
    outcomes = result.figures["outcomes"]
    assert isinstance(outcomes, dict)
    assert sum(outcomes.values()) == len(OPS)
    # Most paths must really hit the wall (not all: SQLite may find room in its WAL).
    refused = sum(v for k, v in outcomes.items() if k.endswith("refused"))
    assert refused >= len(OPS) // 2, outcomes
