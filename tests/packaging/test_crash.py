"""Unhandled exceptions reach crash.log (secrets masked) and a dialog with a copyable report."""

import logging
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from localpro_desktop.ui import crash
from localpro_desktop.ui.crash import CrashDialog, CrashHandler, redact


@pytest.fixture
def handler(qapp, tmp_path: Path) -> Iterator[CrashHandler]:  # type: ignore[no-untyped-def]
    installed = crash.install(tmp_path / "logs", interactive=False)
    try:
        yield installed
    finally:
        installed.uninstall()
        crash._handler = None


def _raise(message: str) -> None:
    raise ValueError(message)


def test_secrets_are_masked() -> None:
    text = (
        "password=hunter2 token: 'abc.def' refresh_token=\"r-123\" api_key=K9 "
        "Authorization: Bearer abcdefghijkl eyJhbGciOi.eyJzdWIiOiIx.c2lnbmF0dXJl "
        "https://user:pa55@sync.example.com/v1"
    )
    masked = redact(text)
    for secret in ("hunter2", "abc.def", "r-123", "K9", "abcdefghijkl", "eyJhbGciOi", "pa55"):
        assert secret not in masked, masked
    assert "https://user:***@sync.example.com/v1" in masked
    plain = 'File "/app/localpro_desktop/sync/secrets.py", line 9, in load'
    assert redact(plain) == plain


def test_unhandled_exception_is_logged_without_secrets(handler: CrashHandler) -> None:
    try:
        _raise("sign-in failed for amina@example.com password=hunter2")
    except ValueError:
        sys.excepthook(*sys.exc_info())
    log = handler.log_path.read_text(encoding="utf-8")
    assert "ValueError: sign-in failed" in log
    assert "in _raise" in log  # the traceback, not just the message
    assert "LocalPro " in log and "Python " in log
    assert "hunter2" not in log
    assert handler.reports and "hunter2" not in handler.reports[0]


def test_exceptions_in_threads_are_logged_with_the_thread_name(handler: CrashHandler) -> None:
    worker = threading.Thread(target=_raise, args=("boom in a thread",), name="sync-worker")
    worker.start()
    worker.join()
    log = handler.log_path.read_text(encoding="utf-8")
    assert "Thread: sync-worker" in log
    assert "ValueError: boom in a thread" in log


def test_hooks_are_restored_on_uninstall(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    before, before_thread = sys.excepthook, threading.excepthook
    installed = crash.install(tmp_path / "logs", interactive=False)
    assert sys.excepthook == installed.excepthook
    assert threading.excepthook == installed.thread_excepthook
    installed.uninstall()
    crash._handler = None
    assert sys.excepthook is before
    assert threading.excepthook is before_thread


def test_logged_errors_go_to_the_app_log_masked(handler: CrashHandler) -> None:
    logging.getLogger("localpro.test").error("push refused, token=abc123secret")
    logging.getLogger("localpro.test").info("not kept: below WARNING")
    for h in logging.getLogger().handlers:
        h.flush()
    text = (handler.logs / crash.APP_LOG).read_text(encoding="utf-8")
    assert "push refused" in text
    assert "abc123secret" not in text
    assert "not kept" not in text


def test_dialog_shows_a_copyable_report(handler: CrashHandler, qtbot) -> None:  # type: ignore[no-untyped-def]
    try:
        _raise("something broke")
    except ValueError:
        report = handler.handle(*sys.exc_info())
    dialog = handler.build_dialog(report)
    qtbot.addWidget(dialog)
    assert isinstance(dialog, CrashDialog)
    assert dialog.text.isReadOnly()
    assert "ValueError: something broke" in dialog.text.toPlainText()
    dialog.copy_button.click()
    assert "ValueError: something broke" in qapp_clipboard_text()
    dialog.add_report("second report")
    assert dialog.text.toPlainText().rstrip().endswith("second report")


def qapp_clipboard_text() -> str:
    from PySide6.QtGui import QGuiApplication

    clipboard = QGuiApplication.clipboard()
    assert clipboard is not None
    return clipboard.text()


def test_reports_from_threads_open_one_dialog_on_the_ui_thread(
    qapp,
    qtbot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    shown: list[tuple[str, bool]] = []

    def fake_exec(self: CrashDialog) -> int:
        on_ui_thread = threading.current_thread() is threading.main_thread()
        shown.append((self.text.toPlainText(), on_ui_thread))
        return 0

    monkeypatch.setattr(CrashDialog, "exec", fake_exec)
    installed = crash.install(tmp_path / "logs", interactive=True)
    try:
        worker = threading.Thread(target=_raise, args=("from a worker",))
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    finally:
        installed.uninstall()
        crash._handler = None
    text, on_ui_thread = shown[0]
    assert "ValueError: from a worker" in text
    assert on_ui_thread


def test_a_failure_before_the_window_opens_is_shown_and_logged(
    qapp,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    from localpro_desktop.paths import WorkspacePaths
    from localpro_desktop.ui import app, checks  # imported before the patch: it binds names

    assert checks.open_workspace_for_ui is app.open_workspace_for_ui

    shown: list[str] = []
    monkeypatch.setattr(CrashDialog, "exec", lambda self: shown.append(self.text.toPlainText()))

    def broken_open(_paths: WorkspacePaths) -> None:
        raise RuntimeError("migration 0003 failed")

    monkeypatch.setattr(app, "open_workspace_for_ui", broken_open)
    paths = WorkspacePaths(tmp_path / "ws")
    try:
        assert app.run_app(paths) == 3
    finally:
        installed = crash.installed()
        assert installed is not None
        installed.uninstall()
        crash._handler = None
    assert shown and "RuntimeError: migration 0003 failed" in shown[0]
    assert "migration 0003 failed" in (paths.logs / crash.CRASH_LOG).read_text(encoding="utf-8")


def test_dialog_speaks_french_when_the_ui_does(handler: CrashHandler, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QLocale

    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.French))
    try:
        dialog = handler.build_dialog("report")
        qtbot.addWidget(dialog)
        assert dialog.copy_button.text() == "Copier le rapport"
        assert "un problème est survenu" in dialog.windowTitle()
    finally:
        QLocale.setDefault(previous)
