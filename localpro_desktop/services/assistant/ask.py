"""Asking the assistant: the question kept first, the answer streamed, the tokens counted.

    stream = ask(ws, "Quels secteurs prospecter à Thiès ?", mode=Mode.PROSPECTS)
    for piece in stream:        # the answer's text as it comes (run off the UI thread)
        ...
    stream.answer               # text, model, tokens; saved in the conversation

The question is saved before the server is called, so nothing typed is lost when the
connection drops or the key is wrong (the conversation shows it unanswered). ``stop()``
(from any thread) ends the answer where it is; what came is kept, marked stopped.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass

from localpro_desktop.ai import AiError, TokenUse
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.messages import assistant as msg
from localpro_desktop.services.assistant import conversations, settings, usage
from localpro_desktop.services.assistant.context import Mode, build_context
from localpro_desktop.services.assistant.errors import user_error
from localpro_desktop.services.workspace import Workspace


@dataclass(frozen=True, slots=True)
class Answer:
    conversation_id: str
    text: str
    model: str
    usage: TokenUse | None
    """None when the answer was stopped before the server said."""
    state: str
    """done | stopped"""


class AskStream:
    """The answer's pieces as they come; ``answer`` once it ended."""

    def __init__(
        self,
        ws: Workspace,
        conversation_id: str,
        messages: list[dict[str, str]],
    ) -> None:
        self.ws = ws
        self.conversation_id = conversation_id
        self._messages = messages
        self._stopped = threading.Event()
        self._client = settings.client_for(ws)
        self.answer: Answer | None = None

    @property
    def model(self) -> str:
        return self._client.config.model

    def stop(self) -> None:
        """End the answer now (safe from another thread)."""
        self._stopped.set()
        self._client.close()

    def __iter__(self) -> Iterator[str]:
        pieces: list[str] = []
        use: TokenUse | None = None
        try:
            for item in self._client.stream(self._messages):
                if isinstance(item, TokenUse):
                    use = item
                else:
                    pieces.append(item)
                    yield item
                if self._stopped.is_set():
                    break
        except AiError as exc:
            if not self._stopped.is_set():
                raise user_error(exc, base_url=self._client.config.base_url) from None
        finally:
            self._client.close()
        state = "stopped" if self._stopped.is_set() else "done"
        text = "".join(pieces)
        conversations.add_message(
            self.ws, self.conversation_id, "assistant", text, model=self.model, state=state
        )
        if use is not None:
            usage.record(self.ws, "chat", use, self.model)
        self.answer = Answer(self.conversation_id, text, self.model, use, state)


def ask(
    ws: Workspace,
    question: str,
    *,
    mode: Mode = Mode.GENERAL,
    conversation_id: str | None = None,
    campaign_id: str | None = None,
    personal: bool | None = None,
    language: str | None = None,
) -> AskStream:
    """Save the question and prepare its answer (sent on the first iteration).

    ``UserError`` before anything is sent: an empty question, the monthly cap reached, no
    key and no server of one's own (the question is kept in those last two cases)."""
    question = question.strip()
    if not question:
        raise UserError(msg.EMPTY_QUESTION)
    if conversation_id is None:
        conversation_id = conversations.start(
            ws, mode, title=question, campaign_id=campaign_id, personal=bool(personal)
        )
        allowed = bool(personal)
    else:
        current = conversations.get(ws, conversation_id)
        mode, campaign_id = current.mode, current.campaign_id or campaign_id
        allowed = current.personal_data if personal is None else personal
        if personal is not None and personal != current.personal_data:
            conversations.set_personal(ws, conversation_id, personal)
    said = conversations.messages_of(ws, conversation_id)
    earlier = conversations.history(said)
    if said and said[-1].role == "user" and said[-1].text == question:
        earlier = earlier[:-1]  # asked again after a failure: the question is there already
    else:
        conversations.add_message(ws, conversation_id, "user", question)
    usage.ensure_under_cap(ws)
    context = build_context(
        ws,
        mode,
        language=language or ws.settings().language,
        campaign_id=campaign_id,
        personal=allowed,
    )
    messages = [{"role": "system", "content": context.system}, *earlier]
    messages.append({"role": "user", "content": question})
    return AskStream(ws, conversation_id, messages)
