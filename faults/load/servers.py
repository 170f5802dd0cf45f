"""The servers under load: ``localpro-cloud serve`` subprocesses and fresh PostgreSQL
databases."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from faults._common import free_port, peak_rss_mb
from faults.load.settings import REGISTRATIONS_PER_HOUR, SECRET


class Server:
    """``localpro-cloud serve`` as a subprocess on 127.0.0.1."""

    def __init__(self, database_url: str, folder: Path, name: str) -> None:
        self.database_url = database_url
        self.folder = folder
        self.name = name
        self.port = 0
        self.proc: subprocess.Popen[bytes] | None = None
        self.log = folder / f"{name}.log"
        self.peak_rss: float | None = None
        self.cpu_s = 0.0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> Server:
        self.folder.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        env = {**os.environ, "LOCALPRO_CLOUD_SECRET": SECRET}
        command = [
            sys.executable,
            "-m",
            "localpro_cloud",
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--database-url",
            self.database_url,
            "--data-dir",
            str(self.folder / f"{self.name}-data"),
            "--registrations-per-hour",
            str(REGISTRATIONS_PER_HOUR),
            "--log-level",
            "warning",
        ]
        with self.log.open("wb") as log:
            self.proc = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)
        return self

    def wait_ready(self) -> Server:
        """Until ``/health`` answers (instances starting together also migrate in turn)."""
        assert self.proc is not None
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server {self.name} exited: {self.log_tail()}")
            with contextlib.suppress(httpx.TransportError):
                if httpx.get(f"{self.url}/health", timeout=2).status_code == 200:
                    return self
            time.sleep(0.1)
        raise RuntimeError(f"server {self.name} did not start: {self.log_tail()}")

    def sample(self) -> None:
        """Read the peak RSS and CPU time while the process lives."""
        if self.proc is None or self.proc.poll() is not None:
            return
        rss = peak_rss_mb(self.proc.pid)
        if rss is not None:
            self.peak_rss = rss
        with contextlib.suppress(OSError, ValueError, IndexError):
            fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
            self.cpu_s = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        self.sample()
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def log_tail(self, size: int = 600) -> str:
        try:
            return self.log.read_text(errors="replace")[-size:]
        except OSError:
            return ""

    def log_errors(self) -> list[str]:
        """Lines of the server's log that say something went wrong."""
        try:
            lines = self.log.read_text(errors="replace").splitlines()
        except OSError:
            return []
        return [
            line
            for line in lines
            if line.startswith(("ERROR", "CRITICAL")) or "Traceback" in line or "WARNING" in line
        ]


# -- figures ------------------------------------------------------------------------------
