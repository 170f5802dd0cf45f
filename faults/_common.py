"""What every fault campaign shares: its result, its command line and its report.

A campaign counts *cases* (one kill, one hostile file, one fuzzed request...), lists the
*failures* it found (each a short sentence: what broke, with the seed/case to replay it) and
names the findings that were *fixed* in the code because an earlier run of it found them.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import secrets
import socket
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from tempfile import TemporaryDirectory

__all__ = [
    "CampaignResult",
    "base_parser",
    "free_port",
    "fresh_postgres",
    "machine_load",
    "main_for",
    "peak_rss_mb",
    "print_result",
]


@dataclass
class CampaignResult:
    """The outcome of one campaign run; ``failures`` empty means it held."""

    name: str
    cases: int
    seed: int
    failures: list[str] = field(default_factory=list)
    fixed: list[str] = field(default_factory=list)
    figures: dict[str, object] = field(default_factory=dict)
    seconds: float = 0.0
    load: str = ""

    @property
    def ok(self) -> bool:
        return not self.failures

    def fail(self, message: str) -> None:
        """Record one failure (kept short: the first 300 characters)."""
        self.failures.append(message[:300])


def machine_load() -> str:
    """How busy the shared machine was: CPUs and the 1-minute load average."""
    try:
        one_minute = f"{os.getloadavg()[0]:.2f}"
    except (AttributeError, OSError):  # Windows has no load average
        one_minute = "n/a"
    return f"{os.cpu_count()} CPUs, load {one_minute}, {platform.system()}"


def peak_rss_mb(pid: int | None = None) -> float | None:
    """Peak resident memory (VmHWM) of a live process in MB, None where /proc is absent."""
    status = Path(f"/proc/{pid or os.getpid()}/status")
    try:
        for line in status.read_text(encoding="utf-8").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def free_port() -> int:
    """A TCP port free on 127.0.0.1 now (for a server a campaign starts)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def fresh_postgres(base: str, prefix: str) -> Iterator[str]:
    """A new, empty PostgreSQL database for one run (named ``<prefix>_<random>``), dropped
    after it; ``base`` is the server's URL with rights to create databases."""
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    name = f"{prefix}_{secrets.token_hex(6)}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(base).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def base_parser(
    description: str, default_cases: int, prog: str | None = None
) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=prog, description=description)
    parser.add_argument("--cases", type=int, default=default_cases, help="how many cases")
    parser.add_argument("--seed", type=int, default=1, help="seed of the random choices")
    parser.add_argument("--workdir", type=Path, default=None, help="keep files here")
    parser.add_argument("--json", type=Path, default=None, help="also write the result here")
    return parser


def print_result(result: CampaignResult) -> None:
    print(f"campaign {result.name}: {result.cases} cases, seed {result.seed}")
    for key, value in result.figures.items():
        print(f"  {key}: {value}")
    print(f"  failures: {len(result.failures)}")
    for failure in result.failures[:50]:
        print(f"    - {failure}")
    for fixed in result.fixed:
        print(f"  fixed: {fixed}")
    print(f"  time: {result.seconds:.1f} s ({result.load})")


def main_for(
    run: Callable[[int, int, Path], CampaignResult],
    description: str,
    default_cases: int,
    argv: list[str] | None = None,
) -> int:
    """The command line of a campaign: parse, run in a work folder, print, exit 1 on failure."""
    # "python -m faults.load", not "__main__.py": a campaign is a package run with -m.
    spec = getattr(sys.modules.get("__main__"), "__spec__", None)
    module = spec.name if spec is not None else run.__module__
    prog = "python -m " + module.removesuffix(".__main__")
    args = base_parser(description, default_cases, prog).parse_args(argv)
    started = time.monotonic()
    if args.workdir is not None:
        args.workdir.mkdir(parents=True, exist_ok=True)
        result = run(args.cases, args.seed, args.workdir)
    else:
        with TemporaryDirectory(prefix="localpro-faults-") as tmp:
            result = run(args.cases, args.seed, Path(tmp))
    result.seconds = result.seconds or time.monotonic() - started
    result.load = result.load or machine_load()
    print_result(result)
    if args.json is not None:
        args.json.write_text(
            json.dumps({**asdict(result), "ok": result.ok}, indent=2, default=str),
            encoding="utf-8",
        )
    sys.stdout.flush()
    return 0 if result.ok else 1
