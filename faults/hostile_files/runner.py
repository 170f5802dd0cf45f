"""Running ``localpro`` in a child process: forked from the pre-warmed process, or exec'ed."""

from __future__ import annotations

import dataclasses
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from faults.hostile_files.case import Outcome


def _wait(pid: int, limit: float, started: float) -> tuple[int, float, bool]:
    """Wait for ``pid`` (SIGKILL past ``limit`` s): exit code, peak RSS in MB, timed out."""
    timed_out = False
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status), usage.ru_maxrss / 1024, timed_out
        if not timed_out and time.monotonic() - started > limit:
            timed_out = True
            try:
                os.killpg(pid, signal.SIGKILL)
            except OSError:
                os.kill(pid, signal.SIGKILL)
        time.sleep(0.02)


class _Forker:
    """The pre-warmed process that forks each import: one JSON request and answer a line."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-c",
                "from faults.hostile_files.runner import _serve_forks; _serve_forks()",
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            cwd=Path(__file__).resolve().parents[2],
            text=True,
            encoding="utf-8",
        )

    def run(self, argv: list[str], out: Path, err: Path, limit: float) -> Outcome:
        assert self.process.stdin is not None and self.process.stdout is not None
        request = {"argv": argv, "out": str(out), "err": str(err), "limit": limit}
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline()
        if not answer:
            raise RuntimeError("the pre-warmed import process ended")
        return Outcome(**json.loads(answer))

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()


_FORKER: _Forker | None = None


def _serve_forks() -> None:
    """The pre-warmed process: import the CLI once, then fork one import per request."""
    _preload()
    for line in sys.stdin:
        request = json.loads(line)
        outcome = run_import(
            request["argv"],
            Path(request["out"]),
            Path(request["err"]),
            request["limit"],
            exec_it=False,
        )
        sys.stdout.write(json.dumps(dataclasses.asdict(outcome)) + "\n")
        sys.stdout.flush()


def run_import(argv: list[str], out: Path, err: Path, limit: float, *, exec_it: bool) -> Outcome:
    """``localpro <argv>`` in a child process: forked (CLI already imported) or exec'ed."""
    if not exec_it and _FORKER is not None:
        return _FORKER.run(argv, out, err, limit)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("LOCALPRO_HOME", None)
    started = time.monotonic()
    with out.open("wb") as stdout, err.open("wb") as stderr:
        if exec_it:
            process = subprocess.Popen(
                [sys.executable, "-m", "localpro_desktop.cli.main", *argv],
                stdout=stdout,
                stderr=stderr,
                stdin=subprocess.DEVNULL,
                env=env,
                start_new_session=True,
            )
            pid = process.pid
        else:
            sys.stdout.flush()
            sys.stderr.flush()
            pid = os.fork()
            if pid == 0:  # the child: become the command, never return
                code = 3
                try:
                    os.setsid()
                    # As ``python -m localpro_desktop.cli.main``: the importer's spawned
                    # worker processes re-import __main__, which must be the command.
                    import localpro_desktop.cli.main as command

                    sys.modules["__main__"] = command
                    os.dup2(stdout.fileno(), 1)
                    os.dup2(stderr.fileno(), 2)
                    # A test runner's capture objects stand in for sys.stdout: write to
                    # the files, as an exec'ed command would.
                    sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
                    sys.stderr = open(2, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
                    from localpro_desktop.cli.main import main

                    code = main(argv)
                    sys.stdout.flush()
                    sys.stderr.flush()
                finally:
                    os._exit(code)
        code, rss, timed_out = _wait(pid, limit, started)
        if exec_it:
            process.returncode = code
    seconds = time.monotonic() - started
    return Outcome(
        code,
        seconds,
        rss,
        out.read_text("utf-8", "replace"),
        err.read_text("utf-8", "replace"),
        timed_out,
    )


def _preload() -> None:
    """Import what a forked child would otherwise import itself (once, here)."""
    import openpyxl  # noqa: F401

    import localpro_desktop.cli.main
    import localpro_desktop.services.importing.importer  # noqa: F401
