"""The logs and crash reports on a full disk."""

from __future__ import annotations

import contextlib
import io
import shutil
import sys
from pathlib import Path

from faults.disk_full.disk import SmallDisk, file_size_limit


def check_logging(root: Path, disk: SmallDisk | None) -> list[str]:
    """A full disk must not crash the logger, print its tracebacks, or make a crash report."""
    import logging

    problems: list[str] = []
    try:
        from localpro_desktop.ui import crash
    except Exception:  # Qt missing: nothing of the window's logging to check
        return problems
    logs = root / "logs-check"
    shutil.rmtree(logs, ignore_errors=True)
    handler = crash.CrashHandler(logs, interactive=False).install()
    err = io.StringIO()
    previous = logging.root.manager.disable
    logging.disable(logging.NOTSET)
    try:
        with contextlib.redirect_stderr(err):
            logger = logging.getLogger("localpro.faults")
            if disk is not None and root == disk.root:
                disk.fill(0)
                context: contextlib.AbstractContextManager[None] = contextlib.nullcontext()
            else:
                context = file_size_limit(0)
            try:
                with context:
                    for i in range(300):
                        logger.warning("line %d %s", i, "w" * 400)
                    from localpro_desktop.domain.disk import DiskError

                    try:
                        raise DiskError(root, full=True)
                    except DiskError:
                        handler.handle(*sys.exc_info())
            finally:
                if disk is not None:
                    disk.free()
            logger.warning("after space came back")
    except Exception as exc:
        problems.append(f"logging on a full disk raised {type(exc).__name__}: {exc}"[:200])
    finally:
        logging.disable(previous)
        handler.uninstall()
    if "Logging error" in err.getvalue() or "Traceback" in err.getvalue():
        problems.append("logging on a full disk printed tracebacks to the console")
    if (logs / crash.CRASH_LOG).exists():
        problems.append("a full disk's error was written as a crash report")
    app_log = logs / crash.APP_LOG
    if not app_log.exists() or "after space came back" not in app_log.read_text("utf-8"):
        problems.append("the app log did not resume once space was freed")
    return problems
