"""Which AI server the assistant talks to, with which key and model, and the monthly cap.

- The key is the user's own, in the OS keyring (never in the workspace file, a log or an
  error). The model (``gpt-4o-mini`` by default), the base URL (any OpenAI-compatible
  server: a local Ollama at ``http://localhost:11434/v1`` or a llama.cpp server makes the
  assistant work with no internet, and needs no key) and an optional monthly token cap are
  this laptop's settings.
- ``OPENAI_API_KEY``, ``OPENAI_BASE_URL`` and ``LOCALPRO_AI_MODEL`` win over the settings,
  as users of the OpenAI tools expect.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass

from localpro_desktop.ai import AiClient, AiConfig, AiError
from localpro_desktop.channels import secrets
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.messages import assistant as msg
from localpro_desktop.services.assistant.errors import user_error
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store import local_state
from localpro_desktop.store.local_state import StateKey

DEFAULT_MODEL = "gpt-4o-mini"
KEY_ENTRY = "openai"
"""The keyring entry's channel part: ``channel-openai:<device id>``."""
ENV_KEY = "OPENAI_API_KEY"
ENV_BASE_URL = "OPENAI_BASE_URL"
ENV_MODEL = "LOCALPRO_AI_MODEL"


@dataclass(frozen=True, slots=True)
class AiSettingsView:
    model: str
    """The model used now (the environment's, else the setting's, else gpt-4o-mini)."""
    base_url: str
    """"" for OpenAI itself."""
    has_key: bool
    """A key is in the keyring or in OPENAI_API_KEY."""
    key_from_env: bool
    model_from_env: bool
    base_url_from_env: bool
    cap: int | None
    """Monthly token cap this laptop set (None: none)."""
    configured_model: str
    configured_base_url: str

    @property
    def ready(self) -> bool:
        """A question can be sent: a key, or a server of one's own (which needs none)."""
        return self.has_key or bool(self.base_url)


def _stored(ws: Workspace) -> dict[str, object]:
    with ws.read() as session:
        return local_state.get_object(session, StateKey.AI_SETTINGS)


def _store(ws: Workspace, **changes: object) -> None:
    data = _stored(ws)
    for key, value in changes.items():
        if value in (None, ""):
            data.pop(key, None)
        else:
            data[key] = value
    with ws.write() as session:
        local_state.put(session, StateKey.AI_SETTINGS, json.dumps(data))


def view(ws: Workspace) -> AiSettingsView:
    stored = _stored(ws)
    model = str(stored.get("model") or "")
    base_url = str(stored.get("base_url") or "")
    cap = stored.get("cap")
    return AiSettingsView(
        model=os.environ.get(ENV_MODEL) or model or DEFAULT_MODEL,
        base_url=os.environ.get(ENV_BASE_URL) or base_url,
        has_key=bool(os.environ.get(ENV_KEY)) or secrets.has_secret(ws.device_id, KEY_ENTRY),
        key_from_env=bool(os.environ.get(ENV_KEY)),
        model_from_env=bool(os.environ.get(ENV_MODEL)),
        base_url_from_env=bool(os.environ.get(ENV_BASE_URL)),
        cap=cap if isinstance(cap, int) and cap > 0 else None,
        configured_model=model,
        configured_base_url=base_url,
    )


def ai_config(ws: Workspace) -> AiConfig:
    """The configuration a call uses now (the key read from the keyring at that moment)."""
    current = view(ws)
    key = os.environ.get(ENV_KEY) or secrets.load_secret(ws.device_id, KEY_ENTRY, msg.KEY_LABEL())
    return AiConfig(api_key=key or None, base_url=current.base_url or None, model=current.model)


def client_for(ws: Workspace) -> AiClient:
    """A client for the configured server; ``UserError`` saying how to add a key when there
    is neither a key nor a server of one's own (and nothing was sent anywhere)."""
    config = ai_config(ws)
    if not config.api_key and not config.base_url:
        raise user_error(AiError("no_key"))
    return AiClient(config)


def save_key(ws: Workspace, key: str) -> None:
    secrets.save_secret(ws.device_id, KEY_ENTRY, key.strip(), msg.KEY_LABEL())


def forget_key(ws: Workspace) -> None:
    secrets.delete_secret(ws.device_id, KEY_ENTRY)


def has_key(ws: Workspace) -> bool:
    return view(ws).has_key


def set_model(ws: Workspace, model: str) -> None:
    model = model.strip()
    if not model:
        raise UserError(msg.EMPTY_MODEL)
    _store(ws, model=None if model == DEFAULT_MODEL else model)


def set_base_url(ws: Workspace, url: str) -> None:
    """Use an OpenAI-compatible server at ``url``; "" goes back to OpenAI."""
    url = url.strip()
    if url and not re.match(r"^https?://[^\s/]+", url):
        raise UserError(msg.BAD_BASE_URL, url=url)
    _store(ws, base_url=url.rstrip("/"))


def set_cap(ws: Workspace, tokens: int | None) -> None:
    """This laptop's monthly token cap (None: no cap)."""
    if tokens is not None and (not isinstance(tokens, int) or tokens <= 0):
        raise UserError(msg.BAD_CAP, value=tokens)
    _store(ws, cap=tokens)
