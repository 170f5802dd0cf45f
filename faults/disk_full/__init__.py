"""Disk full and I/O errors: every write path on a disk with no room, or one that fails.

The workspace lives on a small filesystem (a tmpfs mounted for the run, as root) filled by a
seeded amount, so each write path hits the wall at a different point: opening and migrating a
workspace, adding and editing prospects and contacts, moving a card along the pipeline,
notes, import, export (CSV, XLSX, the HTML map), backup and restore, the demo, settings,
this laptop's own state, segments, campaigns, assistant conversations, a sync pull and the
logs. The "I/O error" flavour comes from a file-size limit (RLIMIT_FSIZE: SQLite gets EFBIG
and says "disk I/O error"), in this process or in a ``localpro`` child process; it is the
only flavour when the run is not root (a tmpfs cannot be mounted), never a skip.

Each case checks that the operation either worked or failed with the message a user
understands (``DiskError``: "The disk is full: free some space…", exit status 1 for the
command line, no traceback, no crash report); that the data already there is intact
(``PRAGMA integrity_check`` ok, every table row for row as before, an earlier export still
whole, no partial file left to take the space); and that the app keeps running: once space
is freed the same operation, on the same open workspace, succeeds.

    python -m faults.disk_full --cases 300 --seed 1
"""

from faults.disk_full.campaign import FIXED, run
from faults.disk_full.constants import DEFAULT_CASES, CaseFailure
from faults.disk_full.disk import SmallDisk, Wall, file_size_limit
from faults.disk_full.observe import integrity, leftovers, run_cli, run_cli_child, snapshot
from faults.disk_full.write_paths import OPS, Op, Place

__all__ = [
    "DEFAULT_CASES",
    "FIXED",
    "OPS",
    "CaseFailure",
    "Op",
    "Place",
    "SmallDisk",
    "Wall",
    "file_size_limit",
    "integrity",
    "leftovers",
    "run",
    "run_cli",
    "run_cli_child",
    "snapshot",
]
