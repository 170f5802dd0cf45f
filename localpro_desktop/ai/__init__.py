"""The AI assistant's headless client: an OpenAI-compatible Chat Completions server.

``AiClient`` talks to OpenAI (``gpt-4o-mini`` by default) or any OpenAI-compatible
server (a local Ollama or llama.cpp needs no key) through the official ``openai``
package; every failure a user can meet arrives as one ``AiError`` with a ``kind``.
The service layer (``services/assistant``) decides the configuration and the words.
"""

from localpro_desktop.ai.client import AiClient, AiConfig, Completion, TokenUse
from localpro_desktop.ai.errors import AI_ERROR_KINDS, AiError

__all__ = ["AI_ERROR_KINDS", "AiClient", "AiConfig", "AiError", "Completion", "TokenUse"]
