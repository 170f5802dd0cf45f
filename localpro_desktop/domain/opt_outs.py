"""Opt-outs per channel: the words that mean "stop", where an opt-out came from, its ids.

A reply that *is* a stop word (alone, in any case, with or without accents, punctuation or
spaces around it) registers an opt-out for the channel it came on; the same word inside a
sentence ("please stop calling me") is a reply like any other, read by a person. "START" or
"UNSTOP" re-subscribes for SMS, as carriers expect.

Ids are derived, not drawn: every laptop that applies the same provider event makes the
same rows, so syncing them merges instead of duplicating.
"""

import re
import unicodedata
import uuid
from datetime import datetime
from enum import StrEnum

from localpro_desktop.domain.messages import Message
from localpro_desktop.domain.messages import inbound as msg

OPT_OUTS_NAMESPACE = uuid.UUID("0b8e4f7a-9c2d-4e61-8f3a-5d7c1b2a9e40")

WORDS_MAX = 200
"""What the person sent is kept up to this many characters."""


class OptOutSource(StrEnum):
    """Where an opt-out (or a re-subscription) came from."""

    SMS_KEYWORD = "sms_keyword"
    WHATSAPP = "whatsapp"
    EMAIL_UNSUBSCRIBE = "email_unsubscribe"
    MANUAL = "manual"

    @property
    def words(self) -> Message:
        """Where it came from, as a person reads it (translatable)."""
        return msg.SOURCES[self.value]()


class KeywordAction(StrEnum):
    OPT_OUT = "opt_out"
    OPT_IN = "opt_in"


STOP_WORDS: tuple[str, ...] = (
    "STOP",
    "STOPALL",
    "UNSUBSCRIBE",
    "CANCEL",
    "END",
    "QUIT",
    "ARRET",
    "ARRÊT",
    "STOP SMS",
    "DESABONNER",
    "DÉSABONNER",
    "DESINSCRIRE",
)
"""The opt-out words carriers and people use (English and French)."""
START_WORDS: tuple[str, ...] = ("START", "UNSTOP")
"""The words that re-subscribe a number for SMS."""

_SPACES = re.compile(r"\s+")


def _fold(text: str) -> str:
    """Upper case, accents off, spaces collapsed, punctuation and symbols trimmed around."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    start, end = 0, len(plain)
    while start < end and not plain[start].isalnum():
        start += 1
    while end > start and not plain[end - 1].isalnum():
        end -= 1
    return _SPACES.sub(" ", plain[start:end]).upper()


_STOPS = frozenset(_fold(word) for word in STOP_WORDS)
_STARTS = frozenset(_fold(word) for word in START_WORDS)


def keyword_action(text: str) -> KeywordAction | None:
    """What a whole message means for opt-outs: a stop word, a start word, or neither.

    >>> keyword_action("Arrêt.")
    <KeywordAction.OPT_OUT: 'opt_out'>
    >>> keyword_action("please stop calling me") is None
    True
    """
    folded = _fold(text)
    if folded in _STOPS:
        return KeywordAction.OPT_OUT
    if folded in _STARTS:
        return KeywordAction.OPT_IN
    return None


def keyword_source(channel: str) -> OptOutSource:
    """The source of an opt-out a person typed on ``channel``."""
    if channel == "whatsapp":
        return OptOutSource.WHATSAPP
    if channel == "email":
        return OptOutSource.EMAIL_UNSUBSCRIBE
    return OptOutSource.SMS_KEYWORD


def opt_in_by_keyword(channel: str) -> bool:
    """START/UNSTOP re-subscribes on SMS only (carriers' rule; elsewhere it is a reply)."""
    return channel == "sms"


def opt_out_id(contact_id: str, channel: str) -> str:
    """The one ``contact_opt_outs`` row of a contact and a channel."""
    return str(uuid.uuid5(OPT_OUTS_NAMESPACE, f"{contact_id}|{channel}"))


def inbound_contact_id(address: str) -> str:
    """The contact made for a message from an unknown number or address."""
    return str(uuid.uuid5(OPT_OUTS_NAMESPACE, "contact|" + address))


def clip_words(text: str) -> str:
    return text.strip()[:WORDS_MAX]


def newer_choice(
    current_at: datetime | None, current_out: bool, at: datetime, opted_out: bool
) -> bool:
    """Whether a choice made at ``at`` replaces the one held (made at ``current_at``).

    The later choice wins, whatever order they are applied in; at the same instant an
    opt-out wins over a re-subscription (never message someone by mistake).
    """
    if current_at is None:
        return True
    if at != current_at:
        return at > current_at
    return opted_out and not current_out
