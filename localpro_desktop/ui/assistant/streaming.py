"""An answer streamed from a worker thread to the chat view, in batches.

The worker iterates the service's ``AskStream`` (each step may wait on the network) and
only emits signals; the widgets are touched on the UI thread, where the signals arrive
queued. A model sends a piece per word or so: one repaint per piece would make a long
answer crawl, so pieces are sent on at most every ``FLUSH_SECONDS`` (as Picard batches
its results).
"""

from __future__ import annotations

import logging
import time
import traceback
from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal

from localpro_desktop.domain.errors import UserError
from localpro_desktop.ui.i18n import error_text

log = logging.getLogger(__name__)

FLUSH_SECONDS = 0.05


class AnswerPump(QObject):
    """Lives on the UI thread; ``pump`` runs on a worker and emits what came."""

    sig_text = Signal(str)
    """More of the answer (one or more pieces joined)."""
    sig_done = Signal(object)
    """The stream ended (finished or stopped); the service's ``Answer`` or None."""
    sig_failed = Signal(str)
    """The answer failed: the message for the user, already translated."""

    def pump(self, stream: Iterable[str]) -> None:
        """Iterate ``stream`` (on a worker thread): never touches a widget."""
        waiting: list[str] = []
        last = 0.0
        try:
            for piece in stream:
                waiting.append(piece)
                now = time.monotonic()
                if now - last >= FLUSH_SECONDS:
                    self.sig_text.emit("".join(waiting))
                    waiting.clear()
                    last = now
            if waiting:
                self.sig_text.emit("".join(waiting))
        except UserError as exc:
            if waiting:
                self.sig_text.emit("".join(waiting))
            self.sig_failed.emit(error_text(exc))
            return
        except Exception as exc:  # a bug: the trace to the log, a short line to the user
            log.error("assistant stream failed\n%s", traceback.format_exc())
            self.sig_failed.emit(f"{type(exc).__name__}: {exc}")
            return
        self.sig_done.emit(getattr(stream, "answer", None))
