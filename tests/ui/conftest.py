"""UI fixtures: a real demo workspace and the UI plumbing around it, offscreen."""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu --no-sandbox")

from localpro_desktop.paths import WorkspacePaths
from localpro_desktop.services.demo import generate_demo
from localpro_desktop.services.workspace import Workspace


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One demo database per test session, copied for each test (demo takes ~0.5 s)."""
    root = tmp_path_factory.mktemp("demo-template")
    ws = Workspace.open(WorkspacePaths(root), daily_backup=False)
    generate_demo(ws, size=600, seed=11)
    ws.close()
    return root / "localpro.sqlite"


@pytest.fixture
def demo_paths(tmp_path: Path, demo_template: Path) -> WorkspacePaths:
    import shutil

    paths = WorkspacePaths(tmp_path / "ws").ensure()
    shutil.copy(demo_template, paths.database)
    return paths


@pytest.fixture
def ui_ctx(qapp, demo_paths: WorkspacePaths) -> Iterator[object]:  # type: ignore[no-untyped-def]
    from localpro_desktop.ui.app import build_context

    ws = Workspace.open(demo_paths, daily_backup=False)
    ctx = build_context(ws, demo_paths, "en")
    try:
        yield ctx
    finally:
        import gc

        from PySide6.QtCore import QCoreApplication, QEvent

        ctx.runner.wait(30_000)
        QCoreApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()
        ctx.bridge.close()
        ws.close()
