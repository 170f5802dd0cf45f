"""A TCP proxy on 127.0.0.1 that behaves like a slow mobile link, for the sync benchmark.

Why a proxy and not ``tc netem``: it needs no root, runs inside the benchmark's process,
counts the bytes that cross the "air" in each direction and can cut every connection at
an exact byte count, which is what the resume-after-cut measurement needs.

The link model, per direction (shared by every connection, as one radio link is):

* **bandwidth** — a token bucket filled at the link rate: a piece of data has crossed
  the link once the bucket has paid for all its bytes, so pieces queue behind each other
  as on a serial link. No burst by default: with one, every response's first segment
  would be free and a sync of hundreds of pages would beat the ``bytes ÷ rate`` floor;
* **latency** — every piece is delivered RTT/2 after it finished "transmitting", so a
  request/response costs one full RTT on top of the transfer time;
* **handshake** — a new connection's first bytes go out one RTT after the connect (the
  SYN / SYN-ACK exchange a real link would cost; connecting to this proxy is instant).

Data is forwarded in pieces of at most one segment (1,460 bytes), so a response trickles
out at the link rate instead of arriving all at once after a store-and-forward delay.
Counted bytes are TCP payload (HTTP headers and bodies), delivered to the far side; TCP/IP
headers (~3 % more on a real link) are not counted, and the rate applies to payload too.

Profiles (1 kbit = 1,000 bits):

* ``3g`` — Lighthouse's "regular 3G": 700 kbit/s, 300 ms RTT (both directions 700 kbit/s);
* ``edge`` — WebPageTest's "EDGE": 240 kbit/s down, 200 kbit/s up, 840 ms RTT.

Run on its own to throttle any local service by hand:

    .venv/bin/python bench/throttle_proxy.py --upstream 127.0.0.1:8000 --listen 8001 --profile 3g
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import threading
import time
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

SEGMENT = 1460
"""Bytes per forwarded piece: one Ethernet-sized TCP segment."""
READ_SIZE = 64 * 1024
MAX_AHEAD = 1.0
"""Seconds of link time a direction may queue before the proxy stops reading its sender.

Without this limit a fast sender would push megabytes into the proxy's memory at once;
with it, TCP back-pressure reaches the sender as it would on a real slow link."""
LOOPBACK = {"127.0.0.1", "localhost"}

Direction = Literal["up", "down"]


@dataclass(frozen=True)
class Link:
    """A link's rates in bits per second and its round-trip time in seconds."""

    name: str
    down_bps: float
    up_bps: float
    rtt: float

    def floor_seconds(self, down_bytes: int, up_bytes: int, round_trips: int) -> float:
        """The least time this link needs: every byte at the line rate plus every RTT."""
        return down_bytes * 8 / self.down_bps + up_bytes * 8 / self.up_bps + round_trips * self.rtt


PROFILES: dict[str, Link] = {
    "3g": Link("3g", down_bps=700_000, up_bps=700_000, rtt=0.300),
    "edge": Link("edge", down_bps=240_000, up_bps=200_000, rtt=0.840),
}


class TokenBucket:
    """Bytes per second (plus an optional burst), on a virtual clock that may run into debt.

    ``reserve(n)`` answers *when* ``n`` bytes will have left (never sleeps itself), so the
    caller can schedule delivery; reservations come back in non-decreasing order, which
    keeps pieces in order across connections sharing the link.
    """

    def __init__(self, bytes_per_second: float, burst: float = 0.0) -> None:
        self.rate = bytes_per_second
        self.burst = burst
        self.tokens = burst
        self.stamp = time.monotonic()

    def reserve(self, size: int, now: float | None = None) -> float:
        now = time.monotonic() if now is None else now
        if now > self.stamp:
            self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
            self.stamp = now
        self.tokens -= size
        if self.tokens >= 0:
            return max(now, self.stamp)
        return self.stamp + (-self.tokens) / self.rate


@dataclass
class Stats:
    """Bytes delivered in each direction and connections accepted (a snapshot)."""

    up: int = 0
    down: int = 0
    connections: int = 0
    cuts: int = 0

    def __sub__(self, other: Stats) -> Stats:
        return Stats(
            self.up - other.up,
            self.down - other.down,
            self.connections - other.connections,
            self.cuts - other.cuts,
        )


@dataclass
class _Cut:
    direction: Direction
    remaining: int


@dataclass(eq=False)
class _Conn:
    client: asyncio.StreamWriter
    upstream: asyncio.StreamWriter
    tasks: list[asyncio.Task[None]] = field(default_factory=list)


class ThrottleProxy:
    """``with ThrottleProxy(port, PROFILES["3g"]) as proxy:`` then talk to ``proxy.url``.

    ``link=None`` forwards at full speed (still counting bytes); ``set_link`` switches the
    profile between measurements. The proxy runs its own event loop in a daemon thread, so
    a synchronous client in the calling thread can use it directly.
    """

    def __init__(
        self,
        upstream_port: int,
        link: Link | None = None,
        *,
        upstream_host: str = "127.0.0.1",
        listen_port: int = 0,
    ) -> None:
        if upstream_host not in LOOPBACK:
            raise ValueError("The throttle proxy only forwards to this machine (127.0.0.1).")
        self.upstream = (upstream_host, upstream_port)
        self.listen_port = listen_port
        self._stats = Stats()
        self._conns: set[_Conn] = set()
        self._cut: _Cut | None = None
        self.cut_at: float | None = None
        """``time.perf_counter()`` when the last cut fired."""
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server: asyncio.Server | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self.set_link(link)

    # -- control (any thread) -------------------------------------------------------------

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.listen_port}"

    def set_link(self, link: Link | None) -> None:
        """Change the emulated link; new buckets, so no credit or debt carries over."""
        self.link = link
        self._buckets: dict[Direction, TokenBucket] | None = (
            None
            if link is None
            else {"down": TokenBucket(link.down_bps / 8), "up": TokenBucket(link.up_bps / 8)}
        )

    def stats(self) -> Stats:
        s = self._stats
        return Stats(s.up, s.down, s.connections, s.cuts)

    def arm_cut(self, after_bytes: int, direction: Direction = "down") -> None:
        """Cut every connection once, when ``after_bytes`` more bytes have gone ``direction``.

        The piece that crosses the mark is delivered only up to it; both sides of every
        connection are then reset, as when a phone loses its signal mid-transfer.
        """
        self._cut = _Cut(direction, max(int(after_bytes), 0))

    @property
    def cut_pending(self) -> bool:
        return self._cut is not None

    def start(self) -> ThrottleProxy:
        self._thread = threading.Thread(target=self._run, name="throttle-proxy", daemon=True)
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("the throttle proxy did not start")
        return self

    def stop(self) -> None:
        loop = self._loop
        if loop is None or self._thread is None:
            return
        loop.call_soon_threadsafe(loop.stop)
        self._thread.join(timeout=10)
        self._loop = None

    def __enter__(self) -> ThrottleProxy:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    # -- the event loop -------------------------------------------------------------------

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        asyncio.set_event_loop(loop)
        self._server = loop.run_until_complete(
            asyncio.start_server(self._handle, "127.0.0.1", self.listen_port)
        )
        self.listen_port = self._server.sockets[0].getsockname()[1]
        self._ready.set()
        try:
            loop.run_forever()
        finally:
            self._server.close()
            for conn in list(self._conns):
                _abort(conn)
            pending = asyncio.all_tasks(loop)
            for task in pending:
                task.cancel()
            with contextlib.suppress(Exception):
                loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
            loop.close()

    async def _handle(self, client_r: asyncio.StreamReader, client_w: asyncio.StreamWriter) -> None:
        accepted = time.monotonic()
        try:
            up_r, up_w = await asyncio.open_connection(*self.upstream)
        except OSError:
            client_w.transport.abort()
            return
        self._stats.connections += 1
        conn = _Conn(client_w, up_w)
        self._conns.add(conn)
        handshake = accepted + (self.link.rtt if self.link else 0.0)
        conn.tasks = [
            asyncio.create_task(self._pump(conn, client_r, up_w, "up", handshake)),
            asyncio.create_task(self._pump(conn, up_r, client_w, "down", 0.0)),
        ]
        try:
            await asyncio.gather(*conn.tasks, return_exceptions=True)
        except asyncio.CancelledError:
            # Stopping the proxy: asyncio would log a cancelled connection callback as an
            # error; this is the normal way out.
            for task in conn.tasks:
                task.cancel()
        finally:
            self._conns.discard(conn)
            _abort(conn)

    async def _pump(
        self,
        conn: _Conn,
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
        direction: Direction,
        not_before: float,
    ) -> None:
        """Read from one side, delay each piece as the link would, write to the other.

        The end of the stream (FIN) travels like data: RTT/2 after the last piece, so a
        client learns that the server closed an idle connection as late as on a real link.
        """
        queue: deque[tuple[float, bytes | None]] = deque()
        wake = asyncio.Event()

        async def deliver() -> None:
            while True:
                while not queue:
                    wake.clear()
                    await wake.wait()
                at, piece = queue.popleft()
                delay = at - time.monotonic()
                if delay > 0:
                    await asyncio.sleep(delay)
                if piece is None:
                    if writer.can_write_eof():
                        writer.write_eof()
                    return
                if not self._write(conn, writer, direction, piece):
                    return
                await writer.drain()

        sender = asyncio.create_task(deliver())
        try:
            while True:
                chunk = await reader.read(READ_SIZE)
                if not chunk:
                    break
                for start in range(0, len(chunk), SEGMENT):
                    piece = chunk[start : start + SEGMENT]
                    queue.append((self._schedule(direction, len(piece), not_before), piece))
                wake.set()
                ahead = queue[-1][0] - time.monotonic() if queue else 0.0
                if ahead > MAX_AHEAD:
                    await asyncio.sleep(ahead - MAX_AHEAD)
        except (ConnectionError, OSError):
            pass
        eof_at = time.monotonic() + (self.link.rtt / 2 if self.link else 0.0)
        queue.append((max(eof_at, queue[-1][0]) if queue else eof_at, None))
        wake.set()
        with contextlib.suppress(ConnectionError, OSError):
            await sender

    def _schedule(self, direction: Direction, size: int, not_before: float) -> float:
        """When a piece that arrives now reaches the other side."""
        now = time.monotonic()
        if self.link is None or self._buckets is None:
            return now
        sent = self._buckets[direction].reserve(size, max(now, not_before))
        return sent + self.link.rtt / 2

    def _write(
        self, conn: _Conn, writer: asyncio.StreamWriter, direction: Direction, piece: bytes
    ) -> bool:
        """Deliver a piece (counting it); False when the cut fired and the pump must stop."""
        cut = self._cut
        if cut is not None and cut.direction == direction and len(piece) >= cut.remaining:
            head = piece[: cut.remaining]
            if head:
                self._count(direction, len(head))
                writer.write(head)
            self._cut = None
            self._stats.cuts += 1
            self.cut_at = time.perf_counter()
            for other in list(self._conns):
                _abort(other)
            return False
        # Count first: the reader on the other side may look at the counters as soon as
        # the bytes reach it, before this thread runs again.
        self._count(direction, len(piece))
        writer.write(piece)
        if cut is not None and cut.direction == direction:
            cut.remaining -= len(piece)
        return True

    def _count(self, direction: Direction, size: int) -> None:
        if direction == "up":
            self._stats.up += size
        else:
            self._stats.down += size


def _abort(conn: _Conn) -> None:
    """Reset both sides at once: no FIN handshake, no flushing (a lost signal)."""
    for writer in (conn.client, conn.upstream):
        with contextlib.suppress(Exception):
            writer.transport.abort()


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--upstream", required=True, help="HOST:PORT on 127.0.0.1")
    parser.add_argument("--listen", type=int, default=0, help="port on 127.0.0.1 (default: any)")
    parser.add_argument("--profile", choices=[*PROFILES, "none"], default="3g")
    args = parser.parse_args(argv)
    host, _, port = args.upstream.rpartition(":")
    link = None if args.profile == "none" else PROFILES[args.profile]
    with ThrottleProxy(
        int(port), link, upstream_host=host or "127.0.0.1", listen_port=args.listen
    ) as proxy:
        print(f"{proxy.url} -> {args.upstream} as {args.profile}; Ctrl+C to stop", flush=True)
        try:
            while True:
                time.sleep(5)
                s = proxy.stats()
                print(
                    f"down {s.down:,} B, up {s.up:,} B, {s.connections} connection(s)", flush=True
                )
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
