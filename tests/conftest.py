"""Shared fixtures: every test gets its own real workspace on disk."""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from localpro_desktop.paths import WorkspacePaths
from localpro_desktop.services.workspace import Workspace


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    ws = Workspace.open(WorkspacePaths(tmp_path / "ws"))
    try:
        yield ws
    finally:
        ws.close()
