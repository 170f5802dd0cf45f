"""The campaign's figures, the words a user must (and must never) read, a case's failure."""

from __future__ import annotations

from pathlib import Path

DEFAULT_CASES = 300
MOUNT_BYTES = 48 * 1024 * 1024
DEMO_SIZE = 200
DISK_WORDS = ("The disk is full", "could not write to the disk")
"""The two messages of ``DiskError`` (domain/messages/disk.py), in English."""
RAW_WORDS = ("Traceback", "OperationalError", "sqlite3", "Errno", "disk I/O error")
"""What a user must never read."""
SLACKS = (0, 0, 4096, 16_384, 65_536, 262_144, 1_048_576, 4_194_304)
"""Free bytes left on the filled disk (seeded choice): the wall comes at different points."""
REPO = Path(__file__).resolve().parents[2]
OLD_WORKSPACE = REPO / "tests" / "fixtures" / "workspace-0001.sqlite"
SCRATCH_SUFFIXES = (".part", ".partial", ".tmp", "-journal")


class CaseFailure(Exception):
    """A broken promise in one case (the message says which)."""
