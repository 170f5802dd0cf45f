"""Sending the hostile bodies on a raw socket and judging the answers."""

from __future__ import annotations

import json
import select
import socket
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from faults._common import CampaignResult
from faults.api_fuzz.accounts import Account
from faults.api_fuzz.hostile_bodies import Endpoint, Hostile, _case
from faults.api_fuzz.settings import MAX_ANSWER, MAX_SECONDS
from localpro_protocol.wire import PushResponse


@dataclass
class Answer:
    status: int
    body: bytes
    seconds: float


def _send(base: str, hostile: Hostile, headers: dict[str, str]) -> Answer:
    """The request on a raw socket: a huge body is sent only until the server answers."""
    parts = urlsplit(base)
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    head = {"Host": f"{host}:{port}", "Connection": "close", **headers}
    if hostile.body is not None:
        head["Content-Length"] = str(len(hostile.body))
        chunks: Iterator[bytes] = iter([hostile.body])
        chunked = False
    else:
        assert hostile.chunks is not None
        chunks = hostile.chunks()
        chunked = hostile.length is None
        if chunked:
            head["Transfer-Encoding"] = "chunked"
        else:
            head["Content-Length"] = str(hostile.length)
    lines = [f"{hostile.endpoint.method} {hostile.endpoint.path} HTTP/1.1"]
    lines += [f"{k}: {v}" for k, v in head.items() if v != ""]
    started = time.monotonic()
    with socket.create_connection((host, port), timeout=MAX_SECONDS) as sock:
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))
        answered = False
        try:
            for chunk in chunks:
                data = f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n" if chunked else chunk
                view = memoryview(data)
                while view:
                    readable, _w, _x = select.select([sock], [], [], 0)
                    if readable:
                        answered = True
                        break
                    sent = sock.send(view[: 1 << 20])
                    view = view[sent:]
                if answered:
                    break
            if chunked and not answered:
                sock.sendall(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server answered and closed while we were still sending
        raw = b""
        try:
            while True:
                piece = sock.recv(1 << 16)
                if not piece:
                    break
                raw += piece
                if len(raw) > 1 << 20:
                    break
        except (ConnectionResetError, TimeoutError):
            pass
    seconds = time.monotonic() - started
    head_bytes, _sep, body = raw.partition(b"\r\n\r\n")
    status_line = head_bytes.split(b"\r\n", 1)[0].split()
    status = int(status_line[1]) if len(status_line) > 1 and status_line[1].isdigit() else 0
    if b"transfer-encoding: chunked" in head_bytes.lower():
        body = _dechunk(body)
    return Answer(status, body, seconds)


def _dechunk(data: bytes) -> bytes:
    out = b""
    while data:
        size_line, _sep, rest = data.partition(b"\r\n")
        try:
            size = int(size_line.split(b";")[0], 16)
        except ValueError:
            return out
        if size == 0:
            break
        out += rest[:size]
        data = rest[size + 2 :]
    return out


@dataclass
class HostileFigures:
    by_kind: Counter[str] = field(default_factory=Counter)
    statuses: Counter[int] = field(default_factory=Counter)
    bytes_sent: int = 0
    slowest_s: float = 0.0
    longest_answer: int = 0
    seconds: float = 0.0


def run_hostile(
    base: str,
    account: Account,
    endpoints: list[Endpoint],
    cases: int,
    seed: int,
    result: CampaignResult,
    tag: str,
) -> HostileFigures:
    figures = HostileFigures()
    started = time.monotonic()
    for i in range(cases):
        hostile = _case(i, seed, endpoints, account)
        headers = {
            "Content-Type": "application/json",
            "X-Forwarded-For": f"198.51.100.{i % 250 + 1}",
        }
        if hostile.endpoint.auth:
            headers.update(account.auth)
        headers.update(hostile.headers)
        answer = _send(base, hostile, headers)
        figures.by_kind[hostile.kind] += 1
        figures.statuses[answer.status] += 1
        figures.bytes_sent += len(hostile.body) if hostile.body is not None else hostile.length or 0
        figures.slowest_s = max(figures.slowest_s, answer.seconds)
        figures.longest_answer = max(figures.longest_answer, len(answer.body))
        target = f"{hostile.endpoint.method} {hostile.endpoint.path}"
        where = f"[{tag} hostile seed {seed} case {i}] {hostile.kind} {target}"
        problem = _judge(hostile, answer, account)
        if problem:
            result.fail(f"{where}: {problem}")
    figures.seconds = time.monotonic() - started
    return figures


def _judge(hostile: Hostile, answer: Answer, account: Account) -> str | None:
    text = answer.body.decode("utf-8", "replace")
    for secret in account.secrets_seen:
        if secret in text:
            return f"answer {answer.status} echoes a secret"
    if answer.status == 0:
        return f"no HTTP answer after {answer.seconds:.1f} s"
    if answer.status >= 500:
        return f"server error {answer.status}: {text[:120]}"
    if answer.seconds > MAX_SECONDS:
        return f"answered {answer.status} after {answer.seconds:.1f} s"
    if len(answer.body) > MAX_ANSWER:
        return f"answer {answer.status} of {len(answer.body)} bytes (input echoed?)"
    if 400 <= answer.status < 500:
        try:
            detail = json.loads(answer.body).get("detail")
        except (ValueError, AttributeError):
            return f"{answer.status} without a JSON detail: {text[:80]!r}"
        if not detail:
            return f"{answer.status} without a message"
        if '"input"' in text:
            return f"{answer.status} repeats the input"
        return None
    if 200 <= answer.status < 300 and hostile.endpoint.kind == "form":
        # A provider's callback answers 2xx to what it ignores (else the provider retries
        # for days), but a hostile body must record nothing.
        try:
            recorded = json.loads(answer.body).get("recorded")
        except (ValueError, AttributeError):
            return f"callback answer {answer.status} is not JSON: {text[:80]!r}"
        return None if recorded == 0 else f"a hostile callback recorded {recorded} event(s)"
    if 200 <= answer.status < 300 and hostile.ok_2xx:
        if hostile.rejected_op is None:
            return None
        try:
            pushed = PushResponse.model_validate_json(answer.body)
        except ValueError:
            return f"{answer.status} that is no PushResponse: {text[:80]!r}"
        if hostile.rejected_op not in {r.op_id for r in pushed.rejected}:
            return f"the hostile op {hostile.rejected_op} was stored, not rejected"
        return None
    return f"hostile body accepted: {answer.status} {text[:100]!r}"


# -- 3. afterwards ----------------------------------------------------------------------------
