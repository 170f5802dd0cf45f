"""Running a child and killing it: forked from the pre-warmed zygote, or spawned."""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import time
from contextlib import suppress
from dataclasses import dataclass
from typing import Any

from faults.kill_points.constants import CHILD_TIMEOUT, REPO

# -- running a child and killing it --------------------------------------------------------


@dataclass
class Outcome:
    """How one child ended: killed mid-operation, or finished (code 0) or raised (3)."""

    killed: bool
    code: int | None
    seconds: float


class Runner:
    """Forks each operation from a pre-warmed zygote process, or spawns one per case."""

    def __init__(self, env: dict[str, str]) -> None:
        self.env = env
        self.fork = hasattr(os, "fork")
        self._zygote: subprocess.Popen[bytes] | None = None
        self._buffer = b""
        if self.fork:
            self._zygote = subprocess.Popen(
                [sys.executable, "-m", "faults.kill_points.child"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                cwd=REPO,
                env=env,
            )
            if self._line(120.0) != "ready":
                raise RuntimeError("the kill-points zygote did not start")

    def _line(self, timeout: float | None) -> str | None:
        """The zygote's next answer line, None when none came within ``timeout``."""
        assert self._zygote is not None and self._zygote.stdout is not None
        fd = self._zygote.stdout.fileno()
        deadline = None if timeout is None else time.monotonic() + timeout
        while b"\n" not in self._buffer:
            left = None if deadline is None else max(deadline - time.monotonic(), 0.0)
            ready, _, _ = select.select([fd], [], [], left)
            if not ready:
                return None
            chunk = os.read(fd, 4096)
            if not chunk:
                raise RuntimeError("the kill-points zygote died")
            self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        return line.decode()

    def run(self, command: dict[str, Any], delay: float | None) -> Outcome:
        """Run ``command``; SIGKILL its process group ``delay`` seconds after it started."""
        if not self.fork:
            return self._spawn(command, delay)
        assert self._zygote is not None and self._zygote.stdin is not None
        self._zygote.stdin.write((json.dumps(command) + "\n").encode())
        self._zygote.stdin.flush()
        answer = self._line(60.0)
        if answer is None or not answer.startswith("pid "):
            raise RuntimeError(f"the zygote did not fork: {answer!r}")
        pid = int(answer.split()[1])
        started = time.monotonic()
        done = self._line(CHILD_TIMEOUT if delay is None else delay)
        if done is None:
            with suppress(ProcessLookupError):  # it finished as the kill left
                os.killpg(pid, signal.SIGKILL)
            done = self._line(CHILD_TIMEOUT)
        seconds = time.monotonic() - started
        if done is None:
            raise RuntimeError(f"child {pid} outlived its SIGKILL")
        end = done.split()[2]
        if end.startswith("signal:"):
            return Outcome(True, None, seconds)
        return Outcome(False, int(end.split(":")[1]), seconds)

    def _spawn(self, command: dict[str, Any], delay: float | None) -> Outcome:
        """The fallback without fork: a fresh interpreter per case (about a second more)."""
        process = subprocess.Popen(
            [sys.executable, "-m", "faults.kill_points.child", "--once", json.dumps(command)],
            cwd=REPO,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=os.name == "posix",
        )
        started = time.monotonic()
        try:
            code = process.wait(timeout=CHILD_TIMEOUT if delay is None else delay)
            return Outcome(False, code, time.monotonic() - started)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
            return Outcome(True, None, time.monotonic() - started)

    def close(self) -> None:
        if self._zygote is not None:
            assert self._zygote.stdin is not None
            self._zygote.stdin.close()
            try:
                self._zygote.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._zygote.kill()
                self._zygote.wait()
            self._zygote = None
