"""Where a workspace lives on disk.

platformdirs gives the per-user folder Windows users expect (AppData\\Local\\LocalPro);
``--data-dir`` or ``LOCALPRO_HOME`` override it so tests and several simulated laptops can
live side by side.
"""

import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "LocalPro"
HOME_ENV = "LOCALPRO_HOME"


@dataclass(frozen=True)
class WorkspacePaths:
    root: Path

    @property
    def database(self) -> Path:
        return self.root / "localpro.sqlite"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def cache(self) -> Path:
        return self.root / "cache"

    def ensure(self) -> "WorkspacePaths":
        for folder in (self.root, self.backups, self.logs, self.cache):
            folder.mkdir(parents=True, exist_ok=True)
        return self


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> WorkspacePaths:
    """Explicit argument first, then the environment, then the per-user default."""
    if explicit:
        return WorkspacePaths(Path(explicit).expanduser().resolve())
    env = os.environ.get(HOME_ENV)
    if env:
        return WorkspacePaths(Path(env).expanduser().resolve())
    return WorkspacePaths(Path(user_data_dir(APP_NAME, appauthor=False)))
