"""HTTP helpers every HTTP adapter shares: one POST mapped to the three outcomes of
``base``, ``Retry-After`` read both ways, a provider's answer shortened for a message, and
the connection pool the dispatcher's threads share (keep-alive: one TLS handshake per
connection, not per message)."""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any, Self

import httpx

from localpro_desktop.channels.base import AmbiguousSend, SendError

_WORDS_LIMIT = 300
POOL_LIMITS = httpx.Limits(max_connections=64, max_keepalive_connections=64, keepalive_expiry=30)
"""Enough kept-alive connections for the dispatcher's widest pool (httpx keeps 20 by default)."""


class HttpAdapter:
    """An adapter over one pooled ``httpx.Client``: closed when done, usable in ``with``."""

    _client: httpx.Client

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def http_client(timeout: float, **kwargs: Any) -> httpx.Client:
    """A thread-safe client reusing its connections, for one provider account."""
    return httpx.Client(timeout=httpx.Timeout(timeout, connect=10.0), limits=POOL_LIMITS, **kwargs)


def retry_after_seconds(value: str | None) -> float | None:
    """``Retry-After`` as seconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3)."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def post_form(client: httpx.Client, url: str, provider: str, **kwargs: Any) -> httpx.Response:
    """POST once; map transport failures to the three outcomes of ``base``.

    Failing to connect means nothing left this machine (transient), and concerns every
    message (no connection, or the provider is down): channel-wide. Any failure after the
    request started to be written may have been taken: ``AmbiguousSend``.
    """
    try:
        return client.post(url, **kwargs)
    except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout) as exc:
        raise SendError(
            "unreachable",
            f"could not reach {provider} ({type(exc).__name__}); nothing was sent",
            transient=True,
            scope="channel",
        ) from None
    except httpx.TransportError as exc:
        raise AmbiguousSend(
            f"{provider} did not answer after the request was sent "
            f"({type(exc).__name__}); it may have been taken"
        ) from None


def short_text(response: httpx.Response) -> str:
    return " ".join(response.text.split())[:_WORDS_LIMIT]
