"""Background work for the UI: the window never waits on the database, disk or network.

Two queues, as Anki does: one serial worker for the database (SQLite has one writer, and
ordering user actions keeps them predictable) and a small pool for files, network and CPU.
Results and errors come back on the UI thread; long tasks report progress and can be
cancelled through the token they receive.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import traceback
from collections.abc import Callable
from enum import Flag, auto
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from localpro_desktop.domain.disk import disk_error
from localpro_desktop.domain.errors import UserError
from localpro_desktop.ui.i18n import error_text

log = logging.getLogger(__name__)


class Wants(Flag):
    """What a task function takes besides its own arguments (passed as keyword arguments)."""

    NOTHING = 0
    CANCEL = auto()
    """``cancel``: a ``CancelToken`` the task checks between steps."""
    PROGRESS = auto()
    """``progress``: a callable ``(phase, done, total)`` reported on the UI thread."""


def guarded(owner: QObject, callback: Callable[..., None]) -> Callable[..., None]:
    """A callback that does nothing once ``owner`` is gone (a screen closed mid-task).

    The runner's handles belong to the runner, not to the screen that asked, so a result can
    come back after the widget that wanted it was destroyed; calling into it would raise.
    """

    def call(*args: Any) -> None:
        if shiboken6.isValid(owner):
            callback(*args)

    return call


class CancelToken:
    """Checked by long tasks between steps; setting it asks them to stop cleanly."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    def is_set(self) -> bool:
        return self._event.is_set()

    __call__ = is_set


class TaskHandle(QObject):
    """Lives on the UI thread; the worker emits, Qt queues the call back to this thread."""

    sig_done = Signal(object)
    """The task's return value."""
    sig_failed = Signal(str, bool)
    """Message for the user, and whether it is a bug (True) or a refused action (False)."""
    sig_progress = Signal(str, int, int)
    """Phase, done, total."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.token = CancelToken()
        self.finished = False
        self.connected: list[tuple[str, Any]] = []

    def attach(self, name: str, slot: Any) -> None:
        """Connect and remember, so the runner can drop exactly these when done."""
        getattr(self, name).connect(slot)
        self.connected.append((name, slot))

    def cancel(self) -> None:
        self.token.cancel()

    @Slot(object)
    def _mark(self, _value: object) -> None:
        self.finished = True


class _Job(QRunnable):
    def __init__(self, fn: Callable[..., Any], handle: TaskHandle, wants: Wants) -> None:
        super().__init__()
        self.fn = fn
        self.handle = handle
        self.wants = wants
        self.setAutoDelete(True)

    def run(self) -> None:
        kwargs: dict[str, Any] = {}
        if Wants.CANCEL in self.wants:
            kwargs["cancel"] = self.handle.token
        if Wants.PROGRESS in self.wants:
            kwargs["progress"] = self.handle.sig_progress.emit
        try:
            result = self.fn(**kwargs)
        except UserError as exc:
            # Worded here, on the worker thread: QCoreApplication.translate is thread-safe,
            # and the signal carries text, not the exception (a Message would arrive as str).
            self.handle.sig_failed.emit(error_text(exc), False)
        except Exception as exc:  # a bug: keep the trace in the log, tell the user briefly
            disk = disk_error(exc)
            if disk is not None:  # a full or failing disk is no bug: say what to do
                self.handle.sig_failed.emit(error_text(disk), False)
                return
            log.error("background task failed\n%s", traceback.format_exc())
            self.handle.sig_failed.emit(f"{type(exc).__name__}: {exc}", True)
        else:
            self.handle.sig_done.emit(result)


class TaskRunner(QObject):
    """Runs callables off the UI thread and hands results back to callbacks on it."""

    sig_busy = Signal(bool)
    """True while any task runs (for a busy indicator)."""

    def __init__(self, parent: QObject | None = None, *, pool_size: int = 3) -> None:
        super().__init__(parent)
        self._db = QThreadPool(self)
        self._db.setMaxThreadCount(1)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(pool_size)
        self._running = 0

    def run(
        self,
        fn: Callable[..., Any],
        *,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[str, bool], None] | None = None,
        on_progress: Callable[[str, int, int], None] | None = None,
        database: bool = True,
        wants: Wants = Wants.NOTHING,
    ) -> TaskHandle:
        """Queue ``fn``; ``wants`` says which of ``cancel`` and ``progress`` it takes."""
        handle = TaskHandle(self)
        if on_done is not None:
            handle.attach("sig_done", on_done)
        if on_error is not None:
            handle.attach("sig_failed", on_error)
        if on_progress is not None:
            handle.attach("sig_progress", on_progress)
        handle.sig_done.connect(self._finished)
        handle.sig_failed.connect(self._finished)
        self._running += 1
        if self._running == 1:
            self.sig_busy.emit(True)
        (self._db if database else self._pool).start(_Job(fn, handle, wants))
        return handle

    @Slot()
    def _finished(self, *_args: object) -> None:
        sender = self.sender()
        if isinstance(sender, TaskHandle):
            sender.finished = True
            # Drop the callbacks first: they may hold the last reference to a closed
            # screen, whose deletion must not run inside this handle's own deletion.
            for name, slot in sender.connected:
                owner = getattr(slot, "__self__", None)
                if isinstance(owner, QObject) and not shiboken6.isValid(owner):
                    continue  # Qt already cut connections to a deleted receiver
                with contextlib.suppress(RuntimeError, TypeError, SystemError):
                    getattr(sender, name).disconnect(slot)
            sender.connected.clear()
            sender.deleteLater()
        self._running = max(self._running - 1, 0)
        if self._running == 0:
            self.sig_busy.emit(False)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until queued work is done: for shutdown and tests only."""
        return self._db.waitForDone(msecs) and self._pool.waitForDone(msecs)
