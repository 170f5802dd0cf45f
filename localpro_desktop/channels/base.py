"""The one interface every sending channel adapter implements.

The outbox marks a message ``sending`` and commits before calling
``send``; whatever happens next, each adapter reports one of three outcomes:

- ``Accepted``: the provider took the message (its id is kept to match receipts later);
- ``SendError`` raised with ``transient=True``: nothing was sent, try again later (timeouts
  *before* the request left, 429, 5xx the provider documents as not sent);
- ``SendError`` raised with ``transient=False``: the provider refused it for good (invalid
  number, unsubscribed, blacklisted...), with its own code and words;
- ``AmbiguousSend`` raised: the request may or may not have been taken (connection cut
  after the request was written, SMTP DATA sent but not acknowledged). The outbox never
  resends such a message blindly: it asks ``lookup`` where the provider can answer, and
  otherwise holds it as "unknown — check before resending".

A ``SendError`` with ``scope="channel"`` concerns every message of the channel, not this
one: a refused login or API key, an expired token, a locked account, a server that cannot
be reached (no connection). Nothing was sent; the dispatcher puts the message back without
counting an attempt, stops the channel for the round and shows the words to the user.

Adapters are called from several threads at once (the dispatcher's pool): ``send`` and
``lookup`` must keep no per-call state on the adapter (HTTP clients are thread-safe).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Literal, Protocol


class ChannelKind(StrEnum):
    EMAIL = "email"
    SMS = "sms"
    WHATSAPP = "whatsapp"


@dataclass(frozen=True)
class Attachment:
    path: Path
    content_type: str  # e.g. "image/png", "application/pdf"


@dataclass(frozen=True)
class OutboundMessage:
    """One rendered message to one person, as the outbox hands it to an adapter."""

    key: str
    """The outbox's stable idempotency key (passed to providers that keep one)."""
    to: str
    """E.164 phone number (SMS, WhatsApp) or e-mail address."""
    body: str
    """The rendered text (SMS, WhatsApp free text, the e-mail's plain-text part)."""
    subject: str = ""
    html: str = ""
    """E-mail only: the HTML part (empty: plain text only)."""
    attachments: tuple[Attachment, ...] = ()
    unsubscribe_url: str = ""
    """E-mail: the https one-click link (RFC 8058) or a ``mailto:`` address."""
    template: str = ""
    """WhatsApp: an approved template's name (empty: free text, only inside 24 h)."""
    template_language: str = ""
    template_params: tuple[str, ...] = ()
    """WhatsApp: the template body's variables' values, in order."""
    template_param_names: tuple[str, ...] = ()
    """WhatsApp: the variables' names, one per value, for a template with named parameters
    (``{{first_name}}``); empty, or "1", "2", …: positional (``{{1}}``)."""
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Accepted:
    provider_id: str
    """The provider's id for the message (SMTP Message-ID, Twilio SID, wamid, ...)."""
    status: str = "sent"
    """What the provider said it did ("sent", "queued", ...), kept for the recipient."""
    parts: int = 1
    """SMS segments billed, where the provider says so."""


Scope = Literal["message", "channel"]


class SendError(Exception):
    """The provider refused the message or could not be reached before it was sent.

    ``scope="channel"``: the refusal concerns every message on this channel (credentials,
    account, no connection), not this one; see the module.
    """

    def __init__(
        self,
        code: str,
        words: str,
        *,
        transient: bool,
        retry_after: float | None = None,
        scope: Scope = "message",
    ) -> None:
        super().__init__(f"{code}: {words}" if code else words)
        self.code = code
        self.words = words
        self.transient = transient
        self.retry_after = retry_after
        self.scope: Scope = scope

    @property
    def channel_wide(self) -> bool:
        return self.scope == "channel"


class AmbiguousSend(Exception):
    """The message may have been taken: it must not be resent without checking."""

    def __init__(self, words: str) -> None:
        super().__init__(words)
        self.words = words


class Channel(Protocol):
    kind: ChannelKind

    def send(self, message: OutboundMessage) -> Accepted:
        """Send one message; raises ``SendError`` or ``AmbiguousSend`` (see the module)."""
        ...

    def lookup(self, message: OutboundMessage, since: datetime) -> Accepted | None:
        """Did the provider take this message since ``since``? ``None``: it did not.

        Raises ``NotImplementedError`` where the provider offers no way to ask (SMTP,
        WhatsApp): the outbox then holds the message as unknown.
        """
        ...
