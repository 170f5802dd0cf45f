"""The one error the AI client raises, with a ``kind`` the service layer turns into words.

Why one class with kinds rather than a hierarchy: the user-facing message depends only on
the kind (no key, wrong key, no credit, ...), and callers catch ``AiError`` alone. The API
key must never reach a log, a dialog or a traceback, so ``str()`` is built from the kind,
the status and a detail from which anything that looks like a key has been scrubbed.
"""

from __future__ import annotations

import re

AI_ERROR_KINDS = frozenset(
    {
        "no_key",  # neither a key nor a local server: nothing was sent
        "key_rejected",  # 401 (and 403: the key or its region is refused)
        "no_credit",  # 429 insufficient_quota: not a rate limit, never retried
        "rate_limited",  # 429 still, after the client's own retries
        "model_missing",  # 404 model_not_found (``model`` says which)
        "unreachable",  # connection error or timeout, after the client's retries
        "server",  # 5xx after retries, or an error the server reported mid-answer
        "bad_request",  # 400 and other refusals of what we sent
        "bad_output",  # structured output that is not the JSON asked for
    }
)

# OpenAI echoes a masked key ("Incorrect API key provided: sk-abc12***...wxyz"); other
# servers may echo it whole. Anything shaped like a secret key is cut from the detail.
_KEY_LIKE = re.compile(r"\b(?:sk|rk|pk)-[A-Za-z0-9_\-*.]{3,}")
_DETAIL_LIMIT = 300


def scrub(text: str, secret: str | None = None) -> str:
    """``text`` without ``secret`` nor anything shaped like an API key, kept short."""
    if secret:
        text = text.replace(secret, "***")
    text = _KEY_LIKE.sub("***", text)
    return text if len(text) <= _DETAIL_LIMIT else text[: _DETAIL_LIMIT - 1] + "…"


class AiError(Exception):
    """A failure of the AI client: ``kind`` (``AI_ERROR_KINDS``), HTTP ``status``, ``detail``."""

    def __init__(
        self,
        kind: str,
        *,
        status: int | None = None,
        detail: str = "",
        model: str | None = None,
    ) -> None:
        if kind not in AI_ERROR_KINDS:
            raise ValueError(f"unknown AiError kind: {kind!r}")
        self.kind = kind
        self.status = status
        self.detail = scrub(detail)
        self.model = model
        super().__init__(self._describe())

    def _describe(self) -> str:
        parts = [self.kind]
        if self.status is not None:
            parts.append(f"HTTP {self.status}")
        if self.model:
            parts.append(f"model {self.model}")
        text = " · ".join(parts)
        return f"{text}: {self.detail}" if self.detail else text

    def __repr__(self) -> str:
        return f"AiError({self._describe()!r})"
