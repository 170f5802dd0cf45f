"""The HTTP client the provider adapters share: one pooled, thread-safe client per
provider account, built on urllib3.

Why urllib3 and not httpx (used elsewhere in the app): the dispatcher's sending threads
spend their CPU in the client, and with one interpreter lock that CPU is the campaign's
speed limit. Measured on a 2-core laptop against a local provider answering at once,
per request: httpx 0.9 ms (one thread) to 1.6 ms (32 threads), httpx over a urllib3
transport 1.2 ms, urllib3 0.5–0.6 ms. With httpx a 10,000-message SMS campaign at
400/s took 36 s; with urllib3 27 s (``bench/bench_dispatch.py``).

A request fails in one of two ways, and the difference decides whether a message may be
sent again: ``Unreachable`` (no connection was made: nothing left this machine) or
``Interrupted`` (the request may have reached the provider). Neither carries the
request's text, which may hold credentials: only the exception's class name.
"""

from __future__ import annotations

import json as jsonlib
import ssl
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode, urlsplit
from urllib.request import getproxies, proxy_bypass

import urllib3
from urllib3.exceptions import (
    ConnectTimeoutError,
    HTTPError,
    NewConnectionError,
    ProxyError,
    SSLError,
)

from localpro_desktop import __version__

MAX_CONNECTIONS = 64
"""Kept-alive connections per host: enough for the dispatcher's widest channel."""
USER_AGENT = f"LocalPro/{__version__}"


class TransportFailure(Exception):
    """The request did not get an answer; ``str()`` is the failure's class name only."""


class Unreachable(TransportFailure):
    """No connection to the provider (refused, no route, name not found, TLS refused):
    the request never left this machine."""


class Interrupted(TransportFailure):
    """The connection broke or timed out after the request started to leave: the
    provider may have taken it."""


@dataclass(frozen=True)
class HttpResponse:
    status_code: int
    headers: Mapping[str, str]
    """Case-insensitive (urllib3's ``HTTPHeaderDict``)."""
    content: bytes

    @property
    def is_success(self) -> bool:
        return 200 <= self.status_code < 300

    @property
    def text(self) -> str:
        return self.content.decode("utf-8", errors="replace")

    def json(self) -> Any:
        """The body as JSON; ``ValueError`` when it is not JSON (or not UTF-8)."""
        return jsonlib.loads(self.content)


class HttpClient:
    """Connections kept alive and shared by threads; redirects are never followed (an
    answer that moves elsewhere is the provider's error to show, and a changed base URL
    is never left for another host). The system's proxy settings apply, as in a browser:
    ``HTTPS_PROXY``/``HTTP_PROXY``/``NO_PROXY``, and Windows' Internet Options."""

    def __init__(
        self,
        timeout: float = 30.0,
        *,
        connect_timeout: float = 10.0,
        basic_auth: tuple[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        self._headers = {"User-Agent": USER_AGENT, **(headers or {})}
        if basic_auth is not None:
            self._headers.update(urllib3.make_headers(basic_auth=":".join(basic_auth)))
        self._settings: dict[str, Any] = {
            "num_pools": 4,
            "maxsize": MAX_CONNECTIONS,
            "retries": False,  # a retry could send a message twice: the outbox decides
            "timeout": urllib3.Timeout(connect=min(connect_timeout, timeout), read=timeout),
        }
        self._direct = urllib3.PoolManager(**self._settings)
        self._proxied: dict[str, urllib3.ProxyManager] = {}

    def get(
        self,
        url: str,
        *,
        params: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> HttpResponse:
        if params:
            url = f"{url}{'&' if '?' in url else '?'}{urlencode(params)}"
        return self._request("GET", url, None, headers or {})

    def post(
        self,
        url: str,
        *,
        data: Mapping[str, str] | None = None,
        json: Any = None,
        headers: Mapping[str, str] | None = None,
    ) -> HttpResponse:
        """A form (``data``) or a JSON document (``json``), UTF-8 encoded."""
        extra = dict(headers or {})
        if json is not None:
            body = jsonlib.dumps(json, ensure_ascii=False).encode("utf-8")
            extra.setdefault("Content-Type", "application/json")
        else:
            body = urlencode(data or {}).encode("ascii")
            extra.setdefault("Content-Type", "application/x-www-form-urlencoded")
        return self._request("POST", url, body, extra)

    def close(self) -> None:
        self._direct.clear()
        for manager in self._proxied.values():
            manager.clear()

    def _request(
        self, method: str, url: str, body: bytes | None, headers: Mapping[str, str]
    ) -> HttpResponse:
        try:
            answer = self._manager(url).request(
                method,
                url,
                body=body,
                headers={**self._headers, **headers},
                redirect=False,
                preload_content=True,
            )
        except (NewConnectionError, ConnectTimeoutError, ProxyError) as exc:
            raise Unreachable(type(exc).__name__) from None
        except SSLError as exc:
            if _refused_handshake(exc):
                raise Unreachable(type(exc).__name__) from None
            raise Interrupted(type(exc).__name__) from None
        except HTTPError as exc:  # read timeouts, cut connections, broken answers
            raise Interrupted(type(exc).__name__) from None
        return HttpResponse(answer.status, answer.headers, answer.data)

    def _manager(self, url: str) -> urllib3.PoolManager:
        parts = urlsplit(url)
        proxy = getproxies().get(parts.scheme)
        if not proxy or proxy_bypass(parts.hostname or ""):
            return self._direct
        manager = self._proxied.get(proxy)
        if manager is None:
            manager = self._proxied[proxy] = urllib3.ProxyManager(proxy, **self._settings)
        return manager


def _refused_handshake(exc: SSLError) -> bool:
    """A certificate that fails verification stops the TLS handshake, before any of the
    request is written (a captive portal's certificate, a clock far off): nothing left."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ssl.SSLCertVerificationError):
            return True
        reason = seen.args[0] if seen.args else None
        seen = reason if isinstance(reason, BaseException) else seen.__context__
    return False
