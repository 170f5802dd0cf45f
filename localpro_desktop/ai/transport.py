"""The HTTP client handed to ``openai.OpenAI``: its defaults, plus one correction.

The openai client retries a 429 with backoff (``max_retries``) because a 429 usually is a
rate limit. OpenAI also answers 429 with ``code: insufficient_quota`` when the account has
no credit left (https://platform.openai.com/docs/guides/error-codes): retrying cannot
help and only delays the "no credit" message. The client obeys a response header
``x-should-retry: false`` before anything else (``SyncAPIClient._should_retry`` in
openai/_base_client.py), so a response hook adds that header to such answers: the
client's own retry policy stays in charge, minus this one case; no retry loop of ours.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import httpx2

NO_RETRY_CODES = frozenset({"insufficient_quota"})


def quota_is_final(response: httpx2.Response) -> None:
    """Response hook: mark a 429 ``insufficient_quota`` as not to be retried."""
    if response.status_code != 429:
        return
    response.read()  # an error body is small; the client reads the cached copy later
    try:
        error: Any = json.loads(response.content).get("error")
    except (ValueError, AttributeError):
        return
    if not isinstance(error, dict):
        return
    if error.get("code") in NO_RETRY_CODES or error.get("type") in NO_RETRY_CODES:
        response.headers["x-should-retry"] = "false"


def http_client() -> httpx2.Client:
    """The openai client's own default HTTP client (timeouts, limits) with the hook."""
    import openai

    return openai.DefaultHttpxClient(event_hooks={"response": [quota_is_final]})
