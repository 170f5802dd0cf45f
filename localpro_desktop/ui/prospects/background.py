"""Run work on the task runner for a widget that may be gone when the result arrives.

The runner's handles belong to the runner, not to the screen that asked, so a result can
come back after the dialog or tab that wanted it was closed and destroyed. Calling into a
destroyed widget raises (or worse); these wrappers drop such late results instead.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject

from localpro_desktop.ui.tasks import TaskHandle, TaskRunner, Wants, guarded


def _guard(owner: QObject, callback: Callable[..., None] | None) -> Callable[..., None] | None:
    return None if callback is None else guarded(owner, callback)


def run_for(
    owner: QObject,
    runner: TaskRunner,
    fn: Callable[..., Any],
    *,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[str, bool], None] | None = None,
    on_progress: Callable[[str, int, int], None] | None = None,
    database: bool = True,
    wants: Wants = Wants.NOTHING,
) -> TaskHandle:
    """``runner.run`` whose callbacks only run while ``owner`` still exists."""
    return runner.run(
        fn,
        on_done=_guard(owner, on_done),
        on_error=_guard(owner, on_error),
        on_progress=_guard(owner, on_progress),
        database=database,
        wants=wants,
    )
