"""What every screen receives: the workspace, the task runner and the change bridge."""

from dataclasses import dataclass

from localpro_desktop.paths import WorkspacePaths
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.ui.changes import ChangeBridge
from localpro_desktop.ui.tasks import TaskRunner


@dataclass
class UiContext:
    ws: Workspace
    paths: WorkspacePaths
    runner: TaskRunner
    bridge: ChangeBridge
    language: str = "en"
