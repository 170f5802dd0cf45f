"""The campaign: the kit, the disk, every case, the logging check, the figures."""

from __future__ import annotations

import time
from pathlib import Path

from faults._common import CampaignResult, machine_load
from faults.disk_full.case import Tally, run_case
from faults.disk_full.constants import MOUNT_BYTES, CaseFailure
from faults.disk_full.disk import SmallDisk
from faults.disk_full.kit import _quiet_logging, build_kit
from faults.disk_full.logging_check import check_logging
from faults.disk_full.write_paths import OPS


def run(cases: int, seed: int, workdir: Path) -> CampaignResult:
    result = CampaignResult("disk_full", cases, seed)
    started = time.monotonic()
    _quiet_logging()
    workdir = workdir.resolve()
    kit = build_kit(workdir)
    disk = SmallDisk(workdir / "small-disk")
    mounted = disk.mount()
    tally = Tally()
    try:
        for case in range(cases):
            try:
                run_case(kit, disk if mounted else None, case, seed, tally)
            except CaseFailure as exc:
                result.fail(f"case {case} (seed {seed}): {exc}")
            except Exception as exc:
                result.fail(
                    f"case {case} (seed {seed}): campaign error {type(exc).__name__}: {exc}"
                )
        for problem in check_logging(disk.root if mounted else workdir, disk if mounted else None):
            result.fail(f"logging (seed {seed}): {problem}")
    finally:
        disk.unmount()
    result.figures = {
        "filesystem": f"tmpfs of {MOUNT_BYTES // 2**20} MB (root)"
        if mounted
        else "file-size limit only (not root: no tmpfs)",
        "write paths": len(OPS),
        "outcomes": dict(sorted(tally.outcomes.items())),
        "refusal messages (full / io)": f"{tally.messages['full']} / {tally.messages['io']}",
        "per path (written/refused)": {
            name: "/".join(
                str(sum(v for k, v in counts.items() if k.endswith(kind)))
                for kind in ("written", "refused")
            )
            for name, counts in tally.by_op.items()
        },
    }
    result.fixed = FIXED
    result.seconds = time.monotonic() - started
    result.load = machine_load()
    return result


FIXED = [
    "A full disk or a failing one (SQLITE_FULL, SQLITE_IOERR, ENOSPC, EFBIG, EIO) is one "
    "DiskError with a translatable message ('The disk is full: free some space on…'), raised "
    "by the store for every statement and commit, by backups and by the exporters; the CLI "
    "said 'Unexpected error (OperationalError: database or disk is full)' and wrote a crash "
    "report, the window showed 'OperationalError: …' as a bug.",
    "Opening a workspace on a full disk failed (the daily backup and the statistics refresh "
    "could not be written): both are now skipped with a warning, the workspace opens.",
    "A backup or restore that ran out of space left its '.partial' copy behind, taking the "
    "space the user lacked; restore also deleted the live database's WAL before knowing the "
    "copy would fit.",
    "The log file on a full disk printed a '--- Logging error ---' traceback per line; a "
    "DiskError reaching the window's exception hook opened the crash dialog and tried to "
    "write a crash report.",
]
