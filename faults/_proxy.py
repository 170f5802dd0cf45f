"""A small round-robin TCP proxy on 127.0.0.1: the load balancer of the load campaign.

Each accepted connection goes to the next upstream in turn (HTTP keep-alive keeps a
connection on its instance, as a layer-4 balancer does); bytes are copied both ways
untouched, so ``X-Forwarded-For`` sent by a client reaches the server as sent. It runs its
own event loop in a thread, apart from the devices' loop.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import signal
import subprocess
import sys
import threading

__all__ = ["ProxyProcess", "RoundRobinProxy"]

READ_SIZE = 64 * 1024


class RoundRobinProxy:
    """``with RoundRobinProxy([(host, port), ...]) as proxy: proxy.url``."""

    def __init__(self, upstreams: list[tuple[str, int]]) -> None:
        if not upstreams:
            raise ValueError("a proxy needs at least one upstream")
        self.upstreams = list(upstreams)
        self.connections = [0] * len(upstreams)
        """Connections handed to each upstream so far."""
        self.failed = 0
        """Connections that could not reach their upstream."""
        self._next = 0
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server: asyncio.Server | None = None
        self._ready = threading.Event()
        self._thread: threading.Thread | None = None
        self.port = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> RoundRobinProxy:
        self._thread = threading.Thread(target=self._run, name="rr-proxy", daemon=True)
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("the proxy did not start")
        return self

    def stop(self) -> None:
        loop = self._loop
        if loop is not None and self._server is not None:
            loop.call_soon_threadsafe(self._server.close)
            loop.call_soon_threadsafe(self._cancel_all)
        if self._thread is not None:
            self._thread.join(timeout=10)

    def __enter__(self) -> RoundRobinProxy:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    def _cancel_all(self) -> None:
        """Cancel the open connections' tasks, then stop the loop once they have ended."""
        assert self._loop is not None
        tasks = [t for t in asyncio.all_tasks(self._loop) if not t.done()]
        for task in tasks:
            task.cancel()

        async def settle() -> None:
            await asyncio.gather(*tasks, return_exceptions=True)
            assert self._loop is not None
            self._loop.stop()

        self._loop.create_task(settle())

    def _run(self) -> None:
        loop = self._loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)

        async def listen() -> None:
            self._server = await asyncio.start_server(self._handle, "127.0.0.1", 0, backlog=1024)
            self.port = self._server.sockets[0].getsockname()[1]

        loop.run_until_complete(listen())
        self._ready.set()
        try:
            loop.run_forever()
        finally:
            with contextlib.suppress(Exception):
                loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

    async def _handle(self, client_r: asyncio.StreamReader, client_w: asyncio.StreamWriter) -> None:
        index = self._next
        self._next = (self._next + 1) % len(self.upstreams)
        self.connections[index] += 1
        host, port = self.upstreams[index]
        try:
            server_r, server_w = await asyncio.open_connection(host, port)
        except OSError:
            self.failed += 1
            client_w.close()
            return
        await asyncio.gather(
            _pump(client_r, server_w), _pump(server_r, client_w), return_exceptions=True
        )
        for writer in (client_w, server_w):
            with contextlib.suppress(Exception):
                writer.close()


async def _pump(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while data := await reader.read(READ_SIZE):
            writer.write(data)
            await writer.drain()
    except (ConnectionError, OSError):
        pass
    finally:
        with contextlib.suppress(Exception):
            if writer.can_write_eof():
                writer.write_eof()
            else:
                writer.close()


class ProxyProcess:
    """The proxy in a process of its own (as a real balancer is): the devices' event loop
    and the proxy then do not take turns on one interpreter lock."""

    def __init__(self, upstreams: list[tuple[str, int]]) -> None:
        self.upstreams = upstreams
        self.connections = [0] * len(upstreams)
        self.port = 0
        self._proc: subprocess.Popen[str] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> ProxyProcess:
        command = [sys.executable, "-m", "faults._proxy"]
        for host, port in self.upstreams:
            command += ["--upstream", f"{host}:{port}"]
        self._proc = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
        assert self._proc.stdout is not None
        line = self._proc.stdout.readline().split()
        if len(line) != 2 or line[0] != "PORT":
            self.stop()
            raise RuntimeError(f"the proxy did not start: {line}")
        self.port = int(line[1])
        return self

    def stop(self) -> None:
        proc = self._proc
        if proc is None:
            return
        self._proc = None
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
        try:
            out, _err = proc.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, _err = proc.communicate()
        for line in out.splitlines():
            if line.startswith("CONNECTIONS"):
                self.connections = [int(n) for n in line.split()[1:]]

    def __enter__(self) -> ProxyProcess:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()


def main(argv: list[str] | None = None) -> int:
    """``python -m faults._proxy --upstream HOST:PORT ...``: prints ``PORT n``, serves until
    SIGTERM, then prints ``CONNECTIONS a b ...`` (per upstream)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else "")
    parser.add_argument("--upstream", action="append", required=True)
    args = parser.parse_args(argv)
    upstreams = [(u.rsplit(":", 1)[0], int(u.rsplit(":", 1)[1])) for u in args.upstream]
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    proxy = RoundRobinProxy(upstreams).start()
    print(f"PORT {proxy.port}", flush=True)
    done.wait()
    proxy.stop()
    print("CONNECTIONS " + " ".join(map(str, proxy.connections)), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
