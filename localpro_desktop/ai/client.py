"""A small client for OpenAI-compatible Chat Completions servers, on the official package.

Why a wrapper at all: the app needs three things the raw client leaves to its callers —
(1) the configuration alone decides the key and the server (the ``openai`` package reads
``OPENAI_API_KEY``/``OPENAI_BASE_URL`` itself when given ``None``, so explicit values are
always passed; the service layer already resolved the environment into ``AiConfig``);
(2) every failure becomes one ``AiError`` whose ``kind`` the service layer words for the
user; (3) a streamed answer can be stopped, which must close the HTTP response so the
server stops generating (and billing) tokens.

Retries with backoff on 429/5xx/connection errors are the ``openai`` client's own
(``max_retries``, honouring ``Retry-After``); ``transport.py`` only stops it retrying a
429 ``insufficient_quota``, which is no rate limit.

Request and answer shapes: https://platform.openai.com/docs/api-reference/chat/create
(streaming with ``stream_options: {"include_usage": true}`` ends with a chunk whose
``choices`` is empty and whose ``usage`` counts the whole request); structured outputs:
https://platform.openai.com/docs/guides/structured-outputs.
"""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Generator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    import openai
    from openai.types.chat import ChatCompletionMessageParam

from localpro_desktop.ai.errors import AiError, scrub
from localpro_desktop.ai.transport import http_client

OPENAI_BASE_URL = "https://api.openai.com/v1"
DEFAULT_MODEL = "gpt-4o-mini"
# Ollama and llama.cpp ignore the key, but the openai client refuses to start without one.
LOCAL_KEY = "local"


@dataclass(frozen=True)
class AiConfig:
    """Which server, which key, which model; ``api_key`` is kept out of ``repr``."""

    api_key: str | None = field(repr=False)
    base_url: str | None
    model: str = DEFAULT_MODEL
    timeout: float = 60.0
    max_retries: int = 2


@dataclass(frozen=True)
class TokenUse:
    """Tokens billed for one request, from the answer's ``usage``."""

    prompt: int
    completion: int

    @property
    def total(self) -> int:
        return self.prompt + self.completion

    @classmethod
    def of(cls, usage: Any) -> TokenUse:
        """From an openai ``CompletionUsage`` (or ``None``: some local servers send none)."""
        if usage is None:
            return cls(0, 0)
        return cls(int(usage.prompt_tokens or 0), int(usage.completion_tokens or 0))


@dataclass(frozen=True)
class Completion:
    """A non-streamed answer: one text per choice (``n``), the usage and the model used."""

    texts: list[str]
    usage: TokenUse
    model: str

    @property
    def text(self) -> str:
        return self.texts[0] if self.texts else ""


class AiClient:
    """Chat Completions through ``openai.OpenAI``; raises ``AiError`` only.

    ``AiError("no_key")`` is raised by the constructor, before anything touches the
    network, when there is neither a key nor a base URL (a local server).
    """

    def __init__(self, config: AiConfig) -> None:
        if not config.api_key and not config.base_url:
            raise AiError("no_key", model=config.model)
        # Imported here, not with the module: 0.6 s that every other command and the
        # window's start would pay for nothing (measured with -X importtime).
        import openai

        self.config = config
        self._lock = threading.Lock()
        self._streams: set[openai.Stream[Any]] = set()
        self._closed = False
        self._openai = openai.OpenAI(
            api_key=config.api_key or LOCAL_KEY,
            base_url=config.base_url or OPENAI_BASE_URL,
            timeout=config.timeout,
            max_retries=config.max_retries,
            http_client=http_client(),
        )

    # --- requests -------------------------------------------------------------------

    def stream(
        self, messages: Sequence[dict[str, Any]], *, temperature: float | None = None
    ) -> Generator[str | TokenUse, None, None]:
        """Yields the answer's text as it comes, then one ``TokenUse``.

        Stopping early — ``close()`` on the generator, dropping it, or ``close()`` on the
        client from another thread — closes the HTTP response; a stream stopped by the
        client's ``close()`` ends quietly, without a ``TokenUse``. The request is sent
        on the first ``next()``.
        """
        import openai

        self._check_open()
        try:
            chunks = self._openai.chat.completions.create(
                model=self.config.model,
                messages=_messages(messages),
                stream=True,
                stream_options={"include_usage": True},
                temperature=_given(temperature),
            )
        except openai.OpenAIError as exc:
            raise self._error(exc) from None
        with self._lock:
            if self._closed:
                chunks.close()
                return
            self._streams.add(chunks)
        usage: Any = None
        try:
            iterator = iter(chunks)
            while True:
                try:
                    chunk = next(iterator)
                except StopIteration:
                    break
                except Exception as exc:
                    if self._closed:
                        return  # stopped by close() from another thread
                    if isinstance(exc, openai.OpenAIError):
                        raise self._error(exc) from None
                    raise
                if chunk.usage is not None:
                    usage = chunk.usage
                for choice in chunk.choices:
                    if choice.index == 0 and choice.delta.content:
                        yield choice.delta.content
                if self._closed:
                    return
            yield TokenUse.of(usage)
        finally:
            chunks.close()
            with self._lock:
                self._streams.discard(chunks)

    def complete(
        self,
        messages: Sequence[dict[str, Any]],
        *,
        json_schema: dict[str, Any] | None = None,
        schema_name: str = "answer",
        n: int = 1,
        temperature: float | None = None,
    ) -> Completion:
        """One answer (or ``n`` variants); with ``json_schema``, structured output.

        Structured output is asked for with ``response_format`` of type ``json_schema``
        and ``strict: true``; each text is then checked to be JSON of the schema's top
        level shape (``bad_output`` otherwise: a local model may ignore the schema).
        """
        import openai

        self._check_open()
        response_format: Any = openai.omit
        if json_schema is not None:
            response_format = {
                "type": "json_schema",
                "json_schema": {"name": schema_name, "schema": json_schema, "strict": True},
            }
        try:
            response = self._openai.chat.completions.create(
                model=self.config.model,
                messages=_messages(messages),
                n=n if n != 1 else openai.omit,
                response_format=response_format,
                temperature=_given(temperature),
            )
        except openai.OpenAIError as exc:
            raise self._error(exc) from None
        choices = sorted(response.choices, key=lambda choice: choice.index)
        if not choices:
            raise AiError("bad_output", detail="the answer has no choices", model=response.model)
        texts: list[str] = []
        for choice in choices:
            refusal = getattr(choice.message, "refusal", None)
            if json_schema is not None and refusal:
                raise AiError("bad_output", detail=f"refused: {refusal}", model=response.model)
            text = choice.message.content or ""
            if json_schema is not None:
                _check_json(text, json_schema, response.model)
            texts.append(text)
        return Completion(texts=texts, usage=TokenUse.of(response.usage), model=response.model)

    # --- lifetime -------------------------------------------------------------------

    def close(self) -> None:
        """Stops any answer being streamed (closing its response) and the HTTP client."""
        with self._lock:
            self._closed = True
            streams = list(self._streams)
            self._streams.clear()
        for chunks in streams:
            # Closing from another thread may race the reader; either way it stops.
            with contextlib.suppress(Exception):
                chunks.close()
        self._openai.close()

    @property
    def closed(self) -> bool:
        return self._closed

    def __enter__(self) -> AiClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # --- errors ---------------------------------------------------------------------

    def _check_open(self) -> None:
        if self._closed:
            raise RuntimeError("this AiClient is closed")

    def _error(self, exc: openai.OpenAIError) -> AiError:
        """The ``AiError`` for an openai exception (after the client's own retries)."""
        import openai

        model = self.config.model
        detail = scrub(str(getattr(exc, "message", "") or exc), self.config.api_key)
        if isinstance(exc, openai.APITimeoutError):
            return AiError("unreachable", detail="timed out", model=model)
        if isinstance(exc, openai.APIConnectionError):
            return AiError("unreachable", detail=detail, model=model)
        if isinstance(exc, openai.APIResponseValidationError):
            return AiError("bad_output", status=exc.status_code, detail=detail, model=model)
        code = getattr(exc, "code", None)
        if isinstance(exc, openai.APIStatusError):
            status = exc.status_code
            if status in (401, 403):
                return AiError("key_rejected", status=status, detail=detail, model=model)
            if status == 429:
                kind = "no_credit" if code == "insufficient_quota" else "rate_limited"
                return AiError(kind, status=status, detail=detail, model=model)
            if status == 404 and (code == "model_not_found" or "model" in detail.lower()):
                return AiError("model_missing", status=status, detail=detail, model=model)
            if status >= 500 or status == 404:
                # A 404 that is not about the model: the base URL does not lead to an
                # OpenAI-compatible API (a path without /v1, another service).
                return AiError("server", status=status, detail=detail, model=model)
            return AiError("bad_request", status=status, detail=detail, model=model)
        if code == "insufficient_quota":
            return AiError("no_credit", detail=detail, model=model)
        # An error event inside a stream, or anything else the server reported.
        return AiError("server", detail=detail, model=model)


def _messages(messages: Sequence[dict[str, Any]]) -> list[ChatCompletionMessageParam]:
    return [cast("ChatCompletionMessageParam", dict(message)) for message in messages]


def _given(value: float | None) -> Any:
    import openai

    return openai.omit if value is None else value


def _check_json(text: str, schema: dict[str, Any], model: str) -> None:
    """The text is JSON of the schema's top-level type, with its required properties.

    Full validation is the caller's (it knows the schema's meaning and builds typed
    values from it); this catches what no caller should ever see: not JSON at all.
    """
    try:
        value = json.loads(text)
    except ValueError:
        raise AiError("bad_output", detail="the answer is not JSON", model=model) from None
    expected = schema.get("type")
    if expected == "object":
        if not isinstance(value, dict):
            raise AiError("bad_output", detail="the answer is not a JSON object", model=model)
        missing = [key for key in schema.get("required", ()) if key not in value]
        if missing:
            raise AiError(
                "bad_output", detail=f"missing properties: {', '.join(missing)}", model=model
            )
    elif expected == "array" and not isinstance(value, list):
        raise AiError("bad_output", detail="the answer is not a JSON array", model=model)
