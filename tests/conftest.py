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


class _ReadyProvider:
    """A provider that says its channel is set up (none can be, before the outbox)."""

    def __init__(self, channel: object) -> None:
        self.channel = channel

    def is_set_up(self, _ws: object) -> bool:
        return True


@pytest.fixture
def channels_set_up() -> Iterator[None]:
    """Every channel answers "set up" for the test, as once the outbox brings providers."""
    from localpro_desktop.domain.campaigns import Channel
    from localpro_desktop.services import channel_setup

    providers = [_ReadyProvider(channel) for channel in Channel]
    for provider in providers:
        channel_setup.register(provider)
    try:
        yield
    finally:
        for provider in providers:
            channel_setup.unregister(provider)
