"""Where the service keeps its files, which database it uses and its token secret.

Everything can be given explicitly (command-line flags, ``create_app`` arguments) or through
the environment, so that several instances behind a load balancer share one database and
one secret while a developer's laptop needs no configuration at all.
"""

import os
import secrets
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "LocalProCloud"
HOME_ENV = "LOCALPRO_CLOUD_HOME"
SECRET_ENV = "LOCALPRO_CLOUD_SECRET"
DATABASE_ENV = "LOCALPRO_CLOUD_DATABASE_URL"
PUBLIC_URL_ENV = "LOCALPRO_CLOUD_PUBLIC_URL"
SECRET_FILE = "secret.key"
MIN_SECRET_LENGTH = 32
"""HS256 keys shorter than the hash output (32 bytes) weaken the signature (RFC 7518 §3.2)."""


def data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Explicit argument first, then ``LOCALPRO_CLOUD_HOME``, then the per-user folder."""
    if explicit:
        root = Path(explicit)
    elif os.environ.get(HOME_ENV):
        root = Path(os.environ[HOME_ENV])
    else:
        root = Path(user_data_dir(APP_NAME, appauthor=False))
    root = root.expanduser().resolve()
    root.mkdir(mode=0o700, parents=True, exist_ok=True)
    if os.name == "posix":
        # It holds the token secret and the SQLite file: only the service's user may enter.
        os.chmod(root, 0o700)
    return root


def default_database_url(home: Path | None = None) -> str:
    """A SQLite file in the data folder: enough for one instance, zero set-up."""
    env = os.environ.get(DATABASE_ENV)
    if env:
        return env
    path = (home or data_dir()) / "cloud.sqlite"
    return f"sqlite:///{path.as_posix()}"


def resolve_secret(explicit: str | None = None, home: Path | None = None) -> str:
    """The token-signing secret: flag, then environment, then a file made once (mode 0600).

    Instances behind a load balancer must share it, so they set the flag or the environment
    variable; a single instance simply keeps its generated file across restarts (otherwise
    every restart would sign everybody out).
    """
    secret = explicit or os.environ.get(SECRET_ENV)
    if secret:
        if len(secret) < MIN_SECRET_LENGTH:
            raise ValueError(
                f"The token secret must be at least {MIN_SECRET_LENGTH} characters long."
            )
        return secret
    path = (home or data_dir()) / SECRET_FILE
    try:
        return _read_secret(path)
    except FileNotFoundError:
        pass
    value = secrets.token_urlsafe(48)
    try:
        # O_EXCL: two instances starting together cannot both write a different secret.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _read_secret(path)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(value)
    os.chmod(path, 0o600)
    return value


def _read_secret(path: Path) -> str:
    value = path.read_text(encoding="ascii").strip()
    if len(value) < MIN_SECRET_LENGTH:
        raise ValueError(f"{path} holds a secret shorter than {MIN_SECRET_LENGTH} characters.")
    return value
