"""UI plumbing: background tasks, change delivery, the window's welcome page and settings."""

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QThread

from localpro_desktop.domain.errors import UserError
from localpro_desktop.paths import WorkspacePaths
from localpro_desktop.services.contacts import ContactService
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.ui.changes import ChangeBridge, concerns
from localpro_desktop.ui.tasks import TaskRunner, Wants


def test_task_runs_off_the_ui_thread_and_reports_back_on_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    ui_thread = QThread.currentThread()
    seen: dict[str, object] = {}

    def work() -> str:
        seen["worker"] = QThread.currentThread()
        return "done"

    def done(value: object) -> None:
        seen["value"] = value
        seen["callback"] = QThread.currentThread()

    runner.run(work, on_done=done)
    qtbot.waitUntil(lambda: "value" in seen)
    assert seen["value"] == "done"
    assert seen["worker"] is not ui_thread and seen["callback"] is ui_thread


def test_user_errors_and_bugs_are_told_apart(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    errors: list[tuple[str, bool]] = []

    def refused() -> None:
        raise UserError("Give the campaign a name.")

    def bug() -> None:
        raise ZeroDivisionError("division by zero")

    runner.run(refused, on_error=lambda m, b: errors.append((m, b)))
    runner.run(bug, on_error=lambda m, b: errors.append((m, b)))
    qtbot.waitUntil(lambda: len(errors) == 2)
    assert errors[0] == ("Give the campaign a name.", False)
    assert errors[1][1] is True and "ZeroDivisionError" in errors[1][0]


def test_progress_and_cancel(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    started = threading.Event()
    steps: list[int] = []
    result: list[object] = []

    def long_job(progress, cancel):  # type: ignore[no-untyped-def]
        for i in range(1000):
            if cancel():
                return f"stopped at {i}"
            progress("work", i, 1000)
            started.set()
            threading.Event().wait(0.002)
        return "finished"

    handle = runner.run(
        long_job,
        wants=Wants.PROGRESS | Wants.CANCEL,
        on_progress=lambda _p, d, _t: steps.append(d),
        on_done=result.append,
    )
    assert started.wait(5)
    handle.cancel()
    qtbot.waitUntil(lambda: bool(result))
    assert str(result[0]).startswith("stopped at") and steps


def test_database_tasks_run_one_at_a_time(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    active = {"now": 0, "max": 0}
    lock = threading.Lock()
    finished: list[int] = []

    def job() -> int:
        with lock:
            active["now"] += 1
            active["max"] = max(active["max"], active["now"])
        threading.Event().wait(0.01)
        with lock:
            active["now"] -= 1
        return 1

    for _ in range(6):
        runner.run(job, on_done=finished.append)
    qtbot.waitUntil(lambda: len(finished) == 6)
    assert active["max"] == 1


def test_changes_reach_the_ui_thread_and_skip_the_initiator(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ws = Workspace.open(WorkspacePaths(tmp_path / "ws"))
    bridge = ChangeBridge(ws)
    runner = TaskRunner()
    received: list[object] = []
    bridge.sig_changed.connect(received.append)
    me = object()
    contact = ContactService(ws).add({"company": "Awa Couture"})
    with qtbot.waitSignal(bridge.sig_changed, timeout=5000):
        runner.run(lambda: ContactService(ws).move(contact.id, "client", initiator=me))
    changes = received[-1]
    assert concerns(changes, "contacts")
    assert not concerns(changes, "contacts", me=me)
    assert not concerns(changes, "campaigns")
    runner.wait()
    bridge.close()
    ws.close()


def test_empty_workspace_shows_welcome_and_demo_fills_it(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from localpro_desktop.ui.app import build_context, open_workspace_for_ui
    from localpro_desktop.ui.main_window import MainWindow

    paths = WorkspacePaths(tmp_path / "fresh")
    ws = open_workspace_for_ui(paths)
    ctx = build_context(ws, paths, "en")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.welcome)
    assert window.welcome.demo_button.text() == "Explore with demo data"
    window.load_demo()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.tabs, timeout=30_000)
    assert ContactService(ws).status_counts()
    ctx.runner.wait()
    window.close()
    ctx.bridge.close()
    ws.close()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_welcome_page_speaks_the_language(qtbot, tmp_path: Path, language: str) -> None:  # type: ignore[no-untyped-def]
    from localpro_desktop.ui.app import build_context, open_workspace_for_ui
    from localpro_desktop.ui.i18n import install_language
    from localpro_desktop.ui.welcome import WelcomePage

    paths = WorkspacePaths(tmp_path / "ws")
    ws = open_workspace_for_ui(paths)
    ctx = build_context(ws, paths, language)
    page = WelcomePage()
    qtbot.addWidget(page)
    expected = (
        "Explorer avec des données de démonstration"
        if language == "fr"
        else ("Explore with demo data")
    )
    assert page.demo_button.text() == expected
    install_language("en")
    ctx.bridge.close()
    ws.close()
