"""Where a workspace lives on disk.

platformdirs gives the per-user folder Windows users expect (AppData\\Local\\LocalPro);
``--data-dir`` or ``LOCALPRO_HOME`` override it so tests and several simulated laptops can
live side by side.

The workspace holds the user's customers, and its logs may hold more: on POSIX its folders
are 0700 and its files 0600 (made so at creation, and tightened when an older workspace is
opened). On Windows nothing is changed: the per-user data folder already inherits the ACLs of
the user's profile, which other accounts cannot read, and chmod would only toggle read-only.
"""

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_dir

PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600
POSIX = os.name == "posix"

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
            folder.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
        self.tighten()
        return self

    def tighten(self) -> None:
        """Make the workspace's folders 0700 and its files 0600 (POSIX only)."""
        if not POSIX:
            return
        for folder in (self.root, self.backups, self.logs, self.cache):
            make_private(folder, PRIVATE_DIR)
        for suffix in ("", "-wal", "-shm", "-journal"):
            make_private(Path(f"{self.database}{suffix}"))
        for folder in (self.backups, self.logs):
            with contextlib.suppress(OSError):
                for path in folder.iterdir():
                    if path.is_file() and not path.is_symlink():
                        make_private(path)


def make_private(path: Path, mode: int = PRIVATE_FILE) -> None:
    """chmod ``path`` to ``mode`` if it exists, on POSIX (see the module's docstring)."""
    if POSIX:
        with contextlib.suppress(OSError):  # absent, or not ours: nothing to tighten
            if path.stat().st_mode & 0o777 != mode:
                path.chmod(mode)


def private_opener(path: str | os.PathLike[str], flags: int) -> int:
    """For ``open(..., opener=private_opener)``: a file created 0600 (POSIX)."""
    return os.open(path, flags, PRIVATE_FILE)


def create_private(path: Path) -> None:
    """Create ``path`` empty and 0600 if it does not exist, else make it 0600 (POSIX).

    SQLite gives a database's -wal, -shm and -journal files the mode of the database file,
    so a database created this way keeps all its files private.
    """
    if not POSIX:
        return
    with contextlib.suppress(OSError):  # exists already (or cannot be: SQLite will say)
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
    make_private(path)


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> WorkspacePaths:
    """Explicit argument first, then the environment, then the per-user default."""
    if explicit:
        return WorkspacePaths(Path(explicit).expanduser().resolve())
    env = os.environ.get(HOME_ENV)
    if env:
        return WorkspacePaths(Path(env).expanduser().resolve())
    return WorkspacePaths(Path(user_data_dir(APP_NAME, appauthor=False)))
