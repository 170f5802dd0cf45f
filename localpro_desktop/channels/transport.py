"""HTTP helpers every HTTP adapter shares: one POST mapped to the three outcomes of
``base``, ``Retry-After`` read both ways, a provider's answer shortened for a message, and
the adapter base owning one pooled client (keep-alive: one TLS handshake per connection,
not per message, shared by the dispatcher's threads)."""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any, Self

from localpro_desktop.channels.base import AmbiguousSend, SendError
from localpro_desktop.channels.http_client import (
    HttpClient,
    HttpResponse,
    Interrupted,
    Unreachable,
)

_WORDS_LIMIT = 300


class HttpAdapter:
    """An adapter over one pooled ``HttpClient``: closed when done, usable in ``with``."""

    _client: HttpClient

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


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


def post_form(client: HttpClient, url: str, provider: str, **kwargs: Any) -> HttpResponse:
    """POST once; map transport failures to the three outcomes of ``base``.

    Failing to connect means nothing left this machine (transient), and concerns every
    message (no connection, or the provider is down): channel-wide. Any failure after the
    request started to be written may have been taken: ``AmbiguousSend``.
    """
    try:
        return client.post(url, **kwargs)
    except Unreachable as exc:
        raise unreachable(provider, exc) from None
    except Interrupted as exc:
        raise AmbiguousSend(
            f"{provider} did not answer after the request was sent ({exc}); it may have been taken"
        ) from None


def unreachable(provider: str, exc: Unreachable) -> SendError:
    return SendError(
        "unreachable",
        f"could not reach {provider} ({exc}); nothing was sent",
        transient=True,
        scope="channel",
    )


def short_text(response: HttpResponse) -> str:
    return " ".join(response.text.split())[:_WORDS_LIMIT]
