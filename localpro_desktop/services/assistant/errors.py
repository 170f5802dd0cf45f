"""An ``AiError`` as the sentence the user reads: what happened and what to do."""

from __future__ import annotations

from urllib.parse import urlsplit

from localpro_desktop.ai import AiError
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.messages import assistant as msg


def user_error(exc: AiError, *, base_url: str | None = None) -> UserError:
    kind = exc.kind
    if kind == "no_key":
        return UserError(msg.NO_KEY)
    if kind == "key_rejected":
        return UserError(msg.KEY_REJECTED)
    if kind == "no_credit":
        return UserError(msg.NO_CREDIT)
    if kind == "rate_limited":
        return UserError(msg.RATE_LIMITED)
    if kind == "model_missing":
        return UserError(msg.MODEL_MISSING, model=exc.model or "?")
    if kind == "unreachable":
        where = urlsplit(base_url).netloc if base_url else "api.openai.com"
        return UserError(msg.UNREACHABLE, where=where or base_url)
    if kind == "server":
        return UserError(msg.SERVER_FAILED, status=exc.status or "?")
    if kind == "bad_output":
        return UserError(msg.BAD_OUTPUT, detail=exc.detail or kind)
    return UserError(msg.BAD_REQUEST, detail=exc.detail or kind)
