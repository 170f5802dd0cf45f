"""Channels stopped by a channel-wide error (a refused password, a revoked token, no
connection): their words, kept in the workspace's local state for the screens.

A channel's problem is recorded when the dispatcher stops it and cleared by the next
message that leaves through it (or by ``clear_channel_problem`` when its settings change).
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from sqlalchemy.orm import Session

from localpro_desktop.channels.base import ChannelKind
from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store import local_state
from localpro_desktop.store.local_state import StateKey

_WORDS_LIMIT = 400


def _decode(text: str) -> dict[str, str]:
    try:
        data = json.loads(text) if text else {}
    except ValueError:
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): str(v) for k, v in data.items() if k in set(Channel)}


def channel_problems(ws: Workspace) -> dict[Channel, str]:
    """Each stopped channel and what stopped it, in the provider's words."""
    with ws.read() as session:
        stored = _decode(local_state.get(session, StateKey.CHANNEL_PROBLEMS))
    return {Channel(name): words for name, words in stored.items()}


def clear_channel_problem(ws: Workspace, channel: Channel) -> None:
    """Forget a channel's problem (its settings were just changed: worth a new try)."""
    with ws.write() as session:
        book = ProblemBook.read(session)
        book.clear(ChannelKind(channel.value))
        book.save(session)


class ProblemBook:
    """The stored problems, changed in the caller's transaction (the dispatcher's writes)."""

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = problems
        self._dirty = False

    @classmethod
    def read(cls, session: Session) -> ProblemBook:
        return cls(_decode(local_state.get(session, StateKey.CHANNEL_PROBLEMS)))

    @classmethod
    def load(cls, ws: Workspace) -> ProblemBook:
        with ws.read() as session:
            return cls.read(session)

    def has(self, kind: ChannelKind) -> bool:
        return kind.value in self.problems

    def record(self, kind: ChannelKind, words: str) -> None:
        words = words[:_WORDS_LIMIT]
        if self.problems.get(kind.value) != words:
            self.problems[kind.value] = words
            self._dirty = True

    def clear(self, kind: ChannelKind) -> None:
        if self.problems.pop(kind.value, None) is not None:
            self._dirty = True

    def clear_all(self, kinds: Iterable[ChannelKind]) -> None:
        for kind in kinds:
            self.clear(kind)

    def save(self, session: Session) -> None:
        """Write the problems if they changed (in the caller's transaction)."""
        if self._dirty:
            local_state.put(
                session,
                StateKey.CHANNEL_PROBLEMS,
                json.dumps(self.problems, ensure_ascii=False, sort_keys=True),
            )
            self._dirty = False
