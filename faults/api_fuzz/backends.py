"""The databases the cloud runs on (SQLite, a fresh PostgreSQL database) and the trap
that catches what the server logs."""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from faults.api_fuzz.settings import PG_ENV


class LogTrap(logging.Handler):
    """Every log record of the server (its own, uvicorn's), to search for errors and secrets."""

    NAMES = ("", "localpro_cloud", "uvicorn", "uvicorn.error", "uvicorn.access", "fastapi")

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[tuple[int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        try:
            text = record.getMessage()
        except Exception:  # a record that cannot be formatted is still a record
            text = str(record.msg)
        if record.exc_info:
            text += " Traceback " + logging.Formatter().formatException(record.exc_info)
        self.lines.append((record.levelno, f"{record.name}: {text}"))

    @contextlib.contextmanager
    def installed(self) -> Iterator[LogTrap]:
        loggers = [logging.getLogger(name) for name in self.NAMES]
        for logger in loggers:
            logger.addHandler(self)
        try:
            yield self
        finally:
            for logger in loggers:
                logger.removeHandler(self)


@contextlib.contextmanager
def fresh_postgres(base: str) -> Iterator[str]:
    """A new, empty PostgreSQL database for one run, dropped after it."""
    name = f"localpro_fuzz_{secrets.token_hex(6)}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(base).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def _backends(workdir: Path) -> Iterator[tuple[str, contextlib.AbstractContextManager[str]]]:
    yield "sqlite", contextlib.nullcontext(f"sqlite:///{(workdir / 'cloud.sqlite').as_posix()}")
    base = os.environ.get(PG_ENV)
    if base:
        yield "postgresql", fresh_postgres(base)
