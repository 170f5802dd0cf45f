"""Unhandled exceptions: a report in ``<data dir>/logs/crash.log`` and a dialog to copy it.

A bug must never make the window vanish without a word, and a user far from any support desk
must be able to send what happened: the dialog shows the report in a read-only text box with a
"Copy report" button (paste into WhatsApp or an e-mail). The same report is appended to
``crash.log`` (the file ``localpro`` on the command line writes to), and warnings and errors
the app logs go to ``localpro.log`` beside it, so a windowed build with no console keeps them.

Reports hold the traceback, versions and the platform; never local variables or the
environment. Whatever looks like a secret (passwords, tokens, API keys, bearer headers, JWTs,
credentials in URLs) is masked before anything is written or shown.

``sys.excepthook`` sees exceptions of the UI thread, including those escaping Qt slots and
event handlers; ``threading.excepthook`` those of Python threads. Reports from other threads
reach the dialog through a queued signal, so no widget is touched off the UI thread.
"""

from __future__ import annotations

import contextlib
import faulthandler
import logging
import logging.handlers
import platform
import re
import sys
import threading
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QLocale, QObject, Qt, QTimer, Signal, Slot, qVersion
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from localpro_desktop import __version__
from localpro_desktop.domain.disk import disk_error
from localpro_desktop.paths import PRIVATE_DIR, make_private, private_opener

CRASH_LOG = "crash.log"
APP_LOG = "localpro.log"
FAULT_LOG = "faults.log"
MASK = "***"

_SECRET_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{8,}"), rf"\1 {MASK}"),
    # key=value, key: value, "key": "value" for names that hold secrets
    (
        re.compile(
            r"(?i)((?:password|passwd|pwd|secret|token|api[_-]?key|apikey|authorization|cookie"
            r"|credential)s?[\w-]*[\"']?\s*[:=]\s*[\"']?)(?!\*\*\*)([^\s\"',;&}\]]+)"
        ),
        rf"\1{MASK}",
    ),
    (re.compile(r"\beyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]*"), MASK),  # JSON web tokens
    # --password VALUE on a command line (the key=value rule above handles --password=VALUE)
    (
        re.compile(
            r"(?i)(--?(?:password|passwd|pwd|secret|token|api[_-]?key|apikey)[\w-]*[\"']?,?\s+[\"']?)"
            r"(?!\*\*\*)([^\s\"',\]]+)"
        ),
        rf"\1{MASK}",
    ),
    # pydantic quotes the value it refused (a password, a token) in its error text
    (re.compile(r"(input_value=)('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|[^,\]\s]+)"), rf"\1{MASK}"),
    (re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://[^/\s:@]+):[^@/\s]+@"), rf"\1:{MASK}@"),
)


_FRENCH = {
    "LocalPro — something went wrong": "LocalPro — un problème est survenu",
    "LocalPro hit an unexpected error. What you had saved is safe. You can keep working, "
    "or restart LocalPro if something looks wrong.\n\n"
    "Please copy this report and send it to support.": "LocalPro a rencontré une erreur "
    "inattendue. Ce que vous aviez enregistré est en sécurité. Vous pouvez continuer, ou "
    "redémarrer LocalPro si quelque chose semble anormal.\n\n"
    "Copiez ce rapport et envoyez-le au support.",
    "Also saved in {path}": "Également enregistré dans {path}",
    "The report could not be saved to a file.": "Le rapport n'a pas pu être enregistré.",
    "Copy report": "Copier le rapport",
    "Copied": "Copié",
}


def _text(english: str) -> str:
    """The dialog's few strings, in French when the UI is: kept here rather than in the Qt
    translation so the dialog still speaks French when what failed is loading translations."""
    if QLocale().language() == QLocale.Language.French:
        return _FRENCH.get(english, english)
    return english


def _disk_text(error: Exception) -> str:
    """The disk error in the user's language (English if the translations cannot load)."""
    try:
        from localpro_desktop.ui.i18n import error_text

        return error_text(error)
    except Exception:
        return str(error)


def redact(text: str) -> str:
    """Mask anything that looks like a secret; applied to every line written or shown."""
    for pattern, replacement in _SECRET_PATTERNS:
        text = pattern.sub(replacement, text)
    return text


def format_report(
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
    *,
    thread: str | None = None,
    when: datetime | None = None,
) -> str:
    frozen = "bundle" if getattr(sys, "frozen", False) else "source"
    lines = [
        f"LocalPro {__version__} ({frozen}) — {(when or datetime.now()).isoformat(' ', 'seconds')}",
        f"Python {platform.python_version()}, Qt {qVersion()}, PySide6 {pyside_version}",
        f"{platform.platform()} ({platform.machine()})",
    ]
    if thread:
        lines.append(f"Thread: {thread}")
    lines.append("")
    lines.extend(line.rstrip("\n") for line in traceback.format_exception(exc_type, exc, tb))
    return redact("\n".join(lines)) + "\n"


class _PrivateLogHandler(logging.handlers.RotatingFileHandler):
    """``localpro.log``, created 0600 (POSIX), each rotation included.

    On a full or failing disk a line is dropped quietly: logging's default prints a
    "--- Logging error ---" traceback to the console for every line it cannot write.
    """

    def handleError(self, record: logging.LogRecord) -> None:
        failure = sys.exc_info()[1]
        if failure is not None and disk_error(failure) is not None:
            # Close the stream so the next line opens the file again once space is freed
            # (a buffered half-line would fail every later write).
            with contextlib.suppress(Exception):
                if self.stream is not None:
                    self.stream.close()
            self.stream = None  # logging reopens it when None
            return
        super().handleError(record)

    def _open(self) -> Any:
        return open(
            self.baseFilename,
            self.mode,
            encoding=self.encoding,
            errors=self.errors,
            opener=private_opener,
        )


class _RedactingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


class CrashDialog(QDialog):
    """The report, selectable and copyable; more reports are appended while it is open."""

    def __init__(self, report: str, log_path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_text("LocalPro — something went wrong"))
        self.setModal(True)
        self.resize(720, 460)
        intro = QLabel(
            _text(
                "LocalPro hit an unexpected error. What you had saved is safe. You can keep "
                "working, or restart LocalPro if something looks wrong.\n\n"
                "Please copy this report and send it to support."
            )
        )
        intro.setWordWrap(True)
        self.text = QPlainTextEdit(report)
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        where = QLabel(
            _text("Also saved in {path}").format(path=log_path)
            if log_path
            else _text("The report could not be saved to a file.")
        )
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(_text("Copy report"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_report)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text, 1)
        layout.addWidget(where)
        layout.addWidget(buttons)

    def add_report(self, report: str) -> None:
        self.text.appendPlainText("\n" + report)

    @Slot()
    def copy_report(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(self.text.toPlainText())
        self.copy_button.setText(_text("Copied"))
        # The dialog is the timer's context: closing it first cancels the timer.
        QTimer.singleShot(2000, self, self._reset_copy_button)

    @Slot()
    def _reset_copy_button(self) -> None:
        self.copy_button.setText(_text("Copy report"))


class CrashHandler(QObject):
    """Installed once per process by ``install()``; ``reports`` keeps what it saw."""

    sig_report = Signal(str)
    """A report to show (emitted from any thread, delivered on the UI thread)."""
    sig_disk = Signal(str)
    """A full or failing disk's message, in the user's language (from any thread)."""

    def __init__(self, logs: Path, *, interactive: bool = True) -> None:
        super().__init__()
        self.logs = logs
        self.interactive = interactive
        self.reports: list[str] = []
        self.dialog: CrashDialog | None = None
        self._lock = threading.Lock()
        self._previous_hook: Callable[..., Any] | None = None
        self._previous_thread_hook: Callable[..., Any] | None = None
        self._log_handler: logging.Handler | None = None
        self._fault_file: IO[str] | None = None
        self.sig_report.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self.sig_disk.connect(self._show_disk, Qt.ConnectionType.QueuedConnection)
        self.disk_messages: list[str] = []

    @property
    def log_path(self) -> Path:
        return self.logs / CRASH_LOG

    # -- installing ---------------------------------------------------------------------

    def install(self) -> CrashHandler:
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook
        try:
            self.logs.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
            handler = _PrivateLogHandler(
                self.logs / APP_LOG, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
            )
        except OSError:
            return self
        handler.setLevel(logging.WARNING)
        handler.setFormatter(_RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        logging.getLogger().addHandler(handler)
        self._log_handler = handler
        # Hard crashes (a segfault in a native library) leave a Python stack here.
        if not faulthandler.is_enabled() or sys.stderr is None:
            try:
                self._fault_file = open(  # noqa: SIM115 (open while faulthandler is enabled)
                    self.logs / FAULT_LOG, "a", encoding="utf-8", opener=private_opener
                )
                faulthandler.enable(self._fault_file)
            except (OSError, RuntimeError):
                self._fault_file = None
        return self

    def uninstall(self) -> None:
        if sys.excepthook == self.excepthook and self._previous_hook is not None:
            sys.excepthook = self._previous_hook
        if threading.excepthook == self.thread_excepthook and self._previous_thread_hook:
            threading.excepthook = self._previous_thread_hook
        if self._log_handler is not None:
            logging.getLogger().removeHandler(self._log_handler)
            self._log_handler.close()
            self._log_handler = None
        if self._fault_file is not None:
            faulthandler.disable()
            self._fault_file.close()
            self._fault_file = None

    # -- hooks ----------------------------------------------------------------------------

    def excepthook(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt) and self._previous_hook is not None:
            self._previous_hook(exc_type, exc, tb)
            return
        self.handle(exc_type, exc, tb)

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit or args.exc_value is None:
            return
        name = args.thread.name if args.thread is not None else None
        self.handle(args.exc_type, args.exc_value, args.exc_traceback, thread=name)

    def handle(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
        *,
        thread: str | None = None,
        queue: bool = True,
    ) -> str:
        """Write the report, echo it to stderr when there is one, and queue the dialog.

        A full or failing disk is no bug: the user gets its message (free some space…) and
        no report is written to the disk that has no room for it."""
        disk = disk_error(exc) if isinstance(exc, Exception) else None
        if disk is not None:
            text = _disk_text(disk)
            if sys.stderr is not None:
                with contextlib.suppress(OSError, ValueError):
                    sys.stderr.write(f"error: {disk}\n")
            if self.interactive and queue:
                self.sig_disk.emit(text)
            elif self.interactive:
                self._show_disk(text)
            return text
        report = format_report(exc_type, exc, tb, thread=thread)
        with self._lock:
            self.reports.append(report)
            self._write(report)
        if sys.stderr is not None:  # None in a windowed build
            with contextlib.suppress(OSError, ValueError):
                sys.stderr.write(report)
        if self.interactive and queue:
            self.sig_report.emit(report)
        return report

    def _write(self, report: str) -> None:
        with contextlib.suppress(OSError):  # a full or read-only disk: the dialog still shows
            self.logs.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
            make_private(self.log_path)
            with open(self.log_path, "a", encoding="utf-8", opener=private_opener) as handle:
                handle.write(f"\n--- unhandled exception\n{report}")

    def show_fatal(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        """For a failure before the event loop runs (the app is about to exit): log the
        report and show the dialog right away."""
        report = self.handle(exc_type, exc, tb, queue=False)
        if self.interactive:
            self._show(report)

    # -- the dialog ---------------------------------------------------------------------

    @Slot(str)
    def _show(self, report: str) -> None:
        if not isinstance(QApplication.instance(), QApplication):
            return
        if self.dialog is not None:  # one window, however many errors follow
            self.dialog.add_report(report)
            return
        self.dialog = self.build_dialog(report)
        try:
            self.dialog.exec()
        finally:
            self.dialog.deleteLater()
            self.dialog = None

    @Slot(str)
    def _show_disk(self, text: str) -> None:
        self.disk_messages.append(text)
        if not isinstance(QApplication.instance(), QApplication):
            return
        app = QApplication.instance()
        parent = app.activeWindow() if isinstance(app, QApplication) else None
        QMessageBox.warning(parent, "LocalPro", text)

    def build_dialog(self, report: str, parent: QWidget | None = None) -> CrashDialog:
        if parent is None:
            app = QApplication.instance()
            parent = app.activeWindow() if isinstance(app, QApplication) else None
        path = self.log_path if self.log_path.exists() else None
        return CrashDialog(report, path, parent)


_handler: CrashHandler | None = None


def install(logs: Path, *, interactive: bool = True) -> CrashHandler:
    """Install the handler (replacing one installed before) and return it."""
    global _handler
    if _handler is not None:
        _handler.uninstall()
    _handler = CrashHandler(logs, interactive=interactive).install()
    return _handler


def installed() -> CrashHandler | None:
    return _handler
