"""Which sending channels have a service (a provider account) set up in this workspace.

A channel is set up when this laptop holds its configuration: the settings that
``localpro channels configure`` or the Channels settings page saved (``channel_config``)
and, where one is needed, the secret in the OS keyring. Nothing may be queued or counted
against the plan for a channel that is not set up (a campaign would read "Sent" while
nothing could ever leave the laptop).

Each channel has a built-in provider reading ``channel_config``, so every process (the
app, ``localpro dispatch``, a test's subprocess) sees what was configured without
registering anything. ``register`` / ``registered`` add providers before the built-in ones
(tests use them, e.g. a provider that always says "set up"). Screens and the CLI ask only
``set_up_channels`` / ``require_set_up``; the dispatcher asks ``build_channels``.

Imports go one way: this module imports ``channel_config``, never the reverse.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol

from localpro_desktop.channels.base import Channel as Adapter
from localpro_desktop.channels.base import ChannelKind
from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.messages import Message, joined
from localpro_desktop.domain.messages import campaigns as msg
from localpro_desktop.domain.messages import channels as channel_msg
from localpro_desktop.services import channel_config
from localpro_desktop.services.workspace import Workspace


class ChannelProvider(Protocol):
    """A way to send on one channel (an SMS gateway, a WhatsApp Business account…)."""

    @property
    def channel(self) -> Channel: ...

    def is_set_up(self, ws: Workspace) -> bool:
        """True when this workspace holds what the provider needs (account, keys)."""
        ...


class SendingProvider(ChannelProvider, Protocol):
    """A provider the dispatcher can send through: it builds the channel's adapter."""

    def build(self, ws: Workspace) -> Adapter:
        """The adapter for this workspace's account (credentials read from the keyring)."""
        ...


class ChannelNotSetUpError(UserError):
    """Sending was refused before anything was queued: no service for the channel."""

    def __init__(self, channel: Channel) -> None:
        super().__init__(not_set_up_message(channel, refused=True))
        self.channel = channel


class ConfiguredProvider:
    """A channel's built-in provider: what this laptop's channel configuration says."""

    def __init__(self, channel: Channel) -> None:
        self._channel = channel

    @property
    def channel(self) -> Channel:
        return self._channel

    def is_set_up(self, ws: Workspace) -> bool:
        return channel_config.is_ready(ws, self._channel)

    def build(self, ws: Workspace) -> Adapter:
        return channel_config.build_adapter(ws, self._channel)

    def __repr__(self) -> str:
        return f"ConfiguredProvider({self._channel.value!r})"


BUILT_IN: tuple[ConfiguredProvider, ...] = tuple(ConfiguredProvider(c) for c in Channel)
_PROVIDERS: list[ChannelProvider] = []


def register(provider: ChannelProvider) -> None:
    """Make a provider known, asked before the built-in ones (tests, a provider tried out)."""
    if provider not in _PROVIDERS:
        _PROVIDERS.append(provider)


def unregister(provider: ChannelProvider) -> None:
    if provider in _PROVIDERS:
        _PROVIDERS.remove(provider)


@contextmanager
def registered(provider: ChannelProvider) -> Iterator[ChannelProvider]:
    """A provider known only inside the block (tests, and a provider being tried out)."""
    register(provider)
    try:
        yield provider
    finally:
        unregister(provider)


def _providers() -> list[ChannelProvider]:
    return [*_PROVIDERS, *BUILT_IN]


def is_set_up(ws: Workspace, channel: Channel) -> bool:
    return any(p.channel is channel and p.is_set_up(ws) for p in _providers())


def set_up_channels(ws: Workspace) -> frozenset[Channel]:
    """The channels a campaign can go out on now (configured on this laptop)."""
    return frozenset(channel for channel in Channel if is_set_up(ws, channel))


def build_channels(ws: Workspace) -> dict[ChannelKind, Adapter]:
    """The adapters the dispatcher sends through: one per channel set up (first wins).

    A provider that can say "set up" but cannot build an adapter (no ``build``) sends
    nothing: the dispatcher leaves that channel's messages queued.
    """
    built: dict[ChannelKind, Adapter] = {}
    for provider in _providers():
        kind = ChannelKind(provider.channel.value)
        build = getattr(provider, "build", None)
        if kind in built or build is None or not provider.is_set_up(ws):
            continue
        adapter = build(ws)
        built[kind] = adapter
    return built


def not_set_up_message(channel: Channel, *, refused: bool = False) -> Message:
    """What is missing, what it needs and where it will be set up, as one message.

    ``refused``: said after a send was refused, so it also says nothing happened.
    """
    parts = [msg.NO_SERVICE[channel](), channel_msg.HOW_TO_SET_UP[channel]()]
    if refused:
        parts.append(msg.NOTHING_QUEUED())
    return joined(parts, " ")


def require_set_up(ws: Workspace, channel: Channel) -> None:
    """Refuse (before any write) to send on a channel nothing can deliver."""
    if not is_set_up(ws, channel):
        raise ChannelNotSetUpError(channel)


__all__ = [
    "BUILT_IN",
    "ChannelNotSetUpError",
    "ChannelProvider",
    "ConfiguredProvider",
    "SendingProvider",
    "build_channels",
    "is_set_up",
    "not_set_up_message",
    "register",
    "registered",
    "require_set_up",
    "set_up_channels",
    "unregister",
]
