"""HTTP for sync over bad links: compressed bodies, stall timeouts, backoff with jitter.

On a 2G link a large page legitimately takes minutes, so there is no total timeout; what
fails a request is no byte moving for ``STALL_SECONDS`` (httpx's read/write timeouts
apply per socket operation, which is exactly a stall timeout).
"""

import gzip
import json
import random
import time
from collections.abc import Callable
from typing import Any

import httpx

try:  # imported here too so that PyInstaller's analysis bundles it
    import zstandard
except ImportError:  # pragma: no cover - a broken install; gzip still works
    zstandard = None  # type: ignore[assignment]  # None: missing, see accepted_encodings

from localpro_desktop import __version__

STALL_SECONDS = 30.0
CONNECT_SECONDS = 15.0
KEEPALIVE_SECONDS = 2.0
"""Idle connections are dropped well before uvicorn's 5 s keep-alive ends: reusing one the
server is closing at that very moment fails the request ("Server disconnected without
sending a response"), and on EDGE the last response byte and the next request each spend
about half a second on the way (seen at 4 s in bench_sync --profile edge)."""
USER_AGENT = f"LocalPro/{__version__}"


class SyncUnavailable(Exception):
    """The server could not be reached or answered with a temporary error: retry later."""


def accepted_encodings() -> str:
    """zstd (pull pages ~10 % smaller than gzip) only where httpx can decode it: httpx
    uses zstandard when it is importable, and a bundle that lost it must not ask for it."""
    return "zstd, gzip" if zstandard is not None else "gzip"


def make_client(base_url: str, *, stall: float = STALL_SECONDS) -> httpx.Client:
    timeout = httpx.Timeout(connect=CONNECT_SECONDS, read=stall, write=stall, pool=stall)
    return httpx.Client(
        base_url=base_url.rstrip("/"),
        timeout=timeout,
        limits=httpx.Limits(keepalive_expiry=KEEPALIVE_SECONDS),
        headers={"User-Agent": USER_AGENT, "Accept-Encoding": accepted_encodings()},
        follow_redirects=False,
    )


def gzip_json(payload: Any) -> tuple[bytes, dict[str, str]]:
    body = json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    return gzip.compress(body, compresslevel=6), {
        "Content-Type": "application/json",
        "Content-Encoding": "gzip",
    }


def backoff_delays(
    attempts: int, *, base: float = 1.0, cap: float = 300.0, rng: random.Random | None = None
) -> list[float]:
    """Exponential backoff with full jitter: spreads retries of many laptops apart."""
    rng = rng or random.Random()
    return [rng.uniform(0, min(cap, base * 2**i)) for i in range(attempts)]


def with_retries(
    call: Callable[[], Any],
    *,
    attempts: int = 5,
    sleep: Callable[[float], None] = time.sleep,
    base: float = 1.0,
) -> Any:
    """Retry temporary failures (network, 5xx, 429); anything else is raised at once."""
    delays = backoff_delays(attempts - 1, base=base)
    for attempt in range(attempts):
        try:
            return call()
        except SyncUnavailable:
            if attempt == attempts - 1:
                raise
            sleep(delays[attempt])
    raise AssertionError("unreachable")
