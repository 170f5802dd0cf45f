"""What a case looks at: the database row for row, its integrity, scraps, the command line."""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import resource
import sqlite3
import subprocess
import sys
from pathlib import Path

from faults.disk_full.constants import REPO, SCRATCH_SUFFIXES


def snapshot(database: Path) -> dict[str, str]:
    """Every table's rows, hashed (the database must be as it was, row for row)."""
    found: dict[str, str] = {}
    with contextlib.closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as conn:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        for table in sorted(tables):
            digest = hashlib.sha256()
            for row in sorted(repr(r) for r in conn.execute(f'SELECT * FROM "{table}"')):
                digest.update(row.encode())
            found[table] = digest.hexdigest()
    return found


def integrity(database: Path) -> str:
    with contextlib.closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as conn:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])


def leftovers(folder: Path) -> list[str]:
    """Scratch files a failed write left behind (they would keep the space the user lacks)."""
    if not folder.is_dir():
        return []
    return sorted(
        p.name
        for p in folder.rglob("*")
        if p.is_file() and p.name.endswith(SCRATCH_SUFFIXES) and not p.name.startswith("localpro.")
    )


def run_cli(argv: list[str]) -> tuple[int, str]:
    """``localpro ARGV`` in this process; its exit status and what it wrote to stderr."""
    from localpro_desktop.cli.main import main

    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, err.getvalue()


def run_cli_child(argv: list[str], limit: int | None) -> tuple[int, str]:
    """``localpro ARGV`` in a child process, under a file-size limit if given."""

    def limited() -> None:
        if limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    env = {k: v for k, v in os.environ.items() if not k.startswith(("LOCALPRO_", "OPENAI_"))}
    done = subprocess.run(
        [sys.executable, "-m", "localpro_desktop", *argv],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        preexec_fn=limited,
        timeout=120,
        check=False,
    )
    return done.returncode, done.stderr
