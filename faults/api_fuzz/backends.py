"""The databases the cloud runs on (SQLite, a fresh PostgreSQL database) and the trap
that catches what the server logs."""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterator
from pathlib import Path

from faults._common import fresh_postgres
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


def _backends(workdir: Path) -> Iterator[tuple[str, contextlib.AbstractContextManager[str]]]:
    yield "sqlite", contextlib.nullcontext(f"sqlite:///{(workdir / 'cloud.sqlite').as_posix()}")
    base = os.environ.get(PG_ENV)
    if base:
        yield "postgresql", fresh_postgres(base, "localpro_fuzz")
