"""A fault-injecting HTTP/1.1 proxy for sync tests, between the real client and server.

Sync bugs live in the places a clean loopback never reaches: a connection cut after the
server committed, a response that stops half-way, a server that is down, a link that
trickles. This proxy sits on 127.0.0.1, forwards bytes to a real server and, for the
requests a test picks, misbehaves in one of these ways:

``cut_request``    forward only the first N bytes of the request, then close both sides
                   (the server never sees a whole request, so it applies nothing);
``cut_response``   forward the whole request, then only N bytes of the answer, and close
                   (the server did the work; the client sees a broken answer);
``drop_response``  forward the request, swallow the whole answer and close ("ack lost
                   after commit");
``trickle``        deliver the answer ``chunk`` bytes every ``every`` seconds (slow but
                   alive: a stall timeout must not fire);
``stall``          deliver N bytes of the answer, then send nothing more while keeping the
                   connection open (a stall timeout must fire);
``stall_request``  forward N bytes of the request, then stop (the server waits for the rest,
                   the client for an answer).

It also refuses connections (accept, then reset) N times, and can be taken down and up
again on the same port (connection refused in between).

It speaks just enough HTTP/1.1 to know where each request and response ends (Content-Length
or chunked), so faults hit one chosen request while keep-alive connections carry the others
untouched, exactly as the app's pooled connections do. Threads only, every wait bounded by
a socket timeout, so a broken test cannot hang the run.
"""

import contextlib
import socket
import struct
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import urlsplit

FaultKind = Literal[
    "cut_request", "cut_response", "drop_response", "trickle", "stall", "stall_request"
]
MAX_HEAD = 64 * 1024
MAX_REQUESTS_PER_CONNECTION = 10_000


@dataclass
class Fault:
    """One misbehaviour, applied to the next ``times`` requests whose line starts with
    ``match`` (for example ``"POST /v1/sync/push"`` or ``"GET /v1/sync/pull"``).

    ``at`` is where a cut or stall happens: a byte count (an int of at least 1), or a
    fraction of the message (a float below 1), so tests need not know body sizes.
    """

    kind: FaultKind
    match: str = ""
    at: float = 0.5
    chunk: int = 256
    every: float = 0.02
    times: int = 1
    skip: int = 0
    """Let this many matching requests through untouched first."""
    hits: int = 0

    def position(self, size: int) -> int:
        if isinstance(self.at, float) and self.at < 1:
            return max(1, min(size - 1, int(size * self.at)))
        return max(0, min(size, int(self.at)))


@dataclass
class Message:
    head: bytes
    body: bytes

    @property
    def raw(self) -> bytes:
        return self.head + self.body

    @property
    def first_line(self) -> str:
        return self.head.split(b"\r\n", 1)[0].decode("latin-1")

    def header(self, name: str) -> str | None:
        for line in self.head.split(b"\r\n")[1:]:
            key, _, value = line.partition(b":")
            if key.strip().lower() == name.lower().encode():
                return value.strip().decode("latin-1")
        return None


class _Reader:
    """Buffered reads from a socket, each bounded by the socket's timeout."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.buffer = b""

    def _fill(self) -> bool:
        data = self.sock.recv(65536)
        if not data:
            return False
        self.buffer += data
        return True

    def until(self, marker: bytes, limit: int = MAX_HEAD) -> bytes | None:
        while marker not in self.buffer:
            if len(self.buffer) > limit or not self._fill():
                return None
        end = self.buffer.index(marker) + len(marker)
        out, self.buffer = self.buffer[:end], self.buffer[end:]
        return out

    def exactly(self, size: int) -> bytes | None:
        while len(self.buffer) < size:
            if not self._fill():
                return None
        out, self.buffer = self.buffer[:size], self.buffer[size:]
        return out

    def rest(self) -> bytes:
        while self._fill():
            pass
        out, self.buffer = self.buffer, b""
        return out


def _read_message(reader: _Reader, *, request: bool, method: str = "") -> Message | None:
    """One HTTP/1.1 message with its body (Content-Length, chunked, or until close)."""
    head = reader.until(b"\r\n\r\n")
    if head is None:
        return None
    message = Message(head, b"")
    if not request:
        status = int(message.first_line.split(" ", 2)[1])
        if method == "HEAD" or status in (204, 304) or 100 <= status < 200:
            return message
    if (message.header("transfer-encoding") or "").lower() == "chunked":
        parts: list[bytes] = []
        while True:
            size_line = reader.until(b"\r\n")
            if size_line is None:
                return None
            parts.append(size_line)
            size = int(size_line.split(b";")[0].strip(), 16)
            if size == 0:
                while True:  # optional trailer lines, then an empty line
                    trailer = reader.until(b"\r\n")
                    if trailer is None:
                        return None
                    parts.append(trailer)
                    if trailer == b"\r\n":
                        break
                break
            data = reader.exactly(size + 2)
            if data is None:
                return None
            parts.append(data)
        message.body = b"".join(parts)
        return message
    length = message.header("content-length")
    if length is not None:
        body = reader.exactly(int(length))
        if body is None:
            return None
        message.body = body
        return message
    if not request:
        message.body = reader.rest()  # no length: the body ends when the server closes
    return message


def _reset(sock: socket.socket) -> None:
    """Close with RST instead of FIN: the peer sees "connection reset".

    ``shutdown`` first: closing alone does not wake a thread blocked in ``recv``.
    """
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    with contextlib.suppress(OSError):
        sock.close()


@dataclass
class FaultProxy:
    """A proxy to ``upstream`` (``http://127.0.0.1:PORT``) on a free 127.0.0.1 port.

    ``timeout`` bounds every socket wait, including how long a stalled answer is held.
    ``events`` records what happened to each request, for assertions and failure output.
    """

    upstream: str
    timeout: float = 20.0
    events: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        parts = urlsplit(self.upstream)
        self._target = (parts.hostname or "127.0.0.1", parts.port or 80)
        self._faults: list[Fault] = []
        self._refusals = 0
        self._lock = threading.Lock()
        self._stopped = threading.Event()
        self._live: set[socket.socket] = set()
        self._threads: list[threading.Thread] = []
        self._listener: socket.socket | None = None
        self.port = 0
        self._listen()
        self._acceptor = threading.Thread(target=self._accept_loop, daemon=True)
        self._acceptor.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # -- what tests call ------------------------------------------------------------

    def inject(self, kind: FaultKind, match: str = "", **options: float) -> Fault:
        """Queue a fault for the next matching request(s); returns it (see ``hits``)."""
        fault = Fault(kind, match, **options)  # type: ignore[arg-type]
        with self._lock:
            self._faults.append(fault)
        return fault

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()
            self._refusals = 0

    def refuse(self, times: int) -> None:
        """Reset the next ``times`` connections as soon as they are accepted."""
        with self._lock:
            self._refusals += times

    def down(self) -> None:
        """Stop listening and drop every open connection: connects are refused."""
        with self._lock:
            listener, self._listener = self._listener, None
            live = list(self._live)
        if listener is not None:
            listener.close()
        for sock in live:
            _reset(sock)
        self.events.append("down")

    def up(self) -> None:
        """Listen again on the same port."""
        self._listen(self.port)
        self.events.append("up")

    def close(self) -> None:
        self._stopped.set()
        self.down()
        self._acceptor.join(timeout=5)
        for thread in list(self._threads):
            thread.join(timeout=5)

    def __enter__(self) -> "FaultProxy":
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def pending_faults(self) -> list[Fault]:
        with self._lock:
            return [f for f in self._faults if f.hits < f.times]

    # -- machinery --------------------------------------------------------------------

    def _listen(self, port: int = 0) -> None:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", port))
        sock.listen(64)
        sock.settimeout(0.05)
        self.port = sock.getsockname()[1]
        with self._lock:
            self._listener = sock

    def _accept_loop(self) -> None:
        while not self._stopped.is_set():
            with self._lock:
                listener = self._listener
            if listener is None:
                time.sleep(0.02)
                continue
            try:
                client, _addr = listener.accept()
            except (TimeoutError, OSError):
                continue
            with self._lock:
                refuse = self._refusals > 0
                if refuse:
                    self._refusals -= 1
            if refuse:
                self.events.append("refused")
                _reset(client)
                continue
            thread = threading.Thread(target=self._serve, args=(client,), daemon=True)
            self._threads = [t for t in self._threads if t.is_alive()]
            self._threads.append(thread)
            thread.start()

    @contextlib.contextmanager
    def _tracked(self, sock: socket.socket) -> Iterator[socket.socket]:
        sock.settimeout(self.timeout)
        with self._lock:
            self._live.add(sock)
        try:
            yield sock
        finally:
            with self._lock:
                self._live.discard(sock)
            with contextlib.suppress(OSError):
                sock.close()

    def _take(self, line: str) -> Fault | None:
        with self._lock:
            for fault in self._faults:
                if fault.hits < fault.times and line.startswith(fault.match):
                    if fault.skip > 0:
                        fault.skip -= 1
                        return None
                    fault.hits += 1
                    return fault
        return None

    def _serve(self, client_sock: socket.socket) -> None:
        try:
            upstream_sock = socket.create_connection(self._target, timeout=self.timeout)
        except OSError:
            _reset(client_sock)
            return
        with self._tracked(client_sock) as client, self._tracked(upstream_sock) as upstream:
            try:
                self._relay(client, upstream)
            except OSError as exc:
                self.events.append(f"socket error {type(exc).__name__}")

    def _relay(self, client: socket.socket, upstream: socket.socket) -> None:
        from_client, from_server = _Reader(client), _Reader(upstream)
        for _ in range(MAX_REQUESTS_PER_CONNECTION):
            request = _read_message(from_client, request=True)
            if request is None:
                return
            line = request.first_line
            method = line.split(" ", 1)[0]
            fault = self._take(line)
            kind = fault.kind if fault else "pass"
            raw = request.raw
            if fault and kind in ("cut_request", "stall_request"):
                cut = fault.position(len(raw))
                upstream.sendall(raw[:cut])
                self.events.append(f"{line} -> {kind} at {cut}/{len(raw)}")
                if kind == "stall_request":
                    self._hold(client)
                return
            upstream.sendall(raw)
            response = _read_message(from_server, request=False, method=method)
            if response is None:
                self.events.append(f"{line} -> upstream closed")
                return
            answer = response.raw
            if fault and kind == "drop_response":
                self.events.append(f"{line} -> response dropped ({len(answer)} bytes)")
                return
            if fault and kind in ("cut_response", "stall"):
                cut = fault.position(len(answer))
                client.sendall(answer[:cut])
                self.events.append(f"{line} -> {kind} at {cut}/{len(answer)}")
                if kind == "stall":
                    self._hold(client)
                return
            if fault and kind == "trickle":
                step = max(1, int(fault.chunk))
                self.events.append(f"{line} -> trickling {len(answer)} bytes")
                for start in range(0, len(answer), step):
                    time.sleep(fault.every)
                    client.sendall(answer[start : start + step])
            else:
                client.sendall(answer)
                self.events.append(f"{line} -> {response.first_line.split(' ', 2)[1]}")
            if (response.header("connection") or "").lower() == "close":
                return

    def _hold(self, client: socket.socket) -> None:
        """Keep the connection open, silent, until the client gives up (or ``timeout``)."""
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline and not self._stopped.is_set():
            client.settimeout(0.1)
            try:
                if not client.recv(65536):
                    return  # the client closed: its stall timeout fired
            except TimeoutError:
                continue
