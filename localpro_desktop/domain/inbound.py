"""Provider events the cloud records for the account (``inbound_events``): what they mean here.

A receipt moves a campaign recipient forward; an inbound message lands on its contact's
timeline and answers the latest campaign that reached the person on that channel within a
week; an opt-out event stops a channel. The rules are here; applying them to the workspace
is ``services.inbound.apply``.
"""

import re
import unicodedata
import uuid
from datetime import datetime, timedelta
from enum import StrEnum

from localpro_desktop.domain.campaigns import RecipientStatus


class EventKind(StrEnum):
    RECEIPT = "receipt"
    INBOUND = "inbound"
    OPT_OUT = "opt_out"
    OPT_IN = "opt_in"


REPLY_WINDOW = timedelta(days=7)
"""A message counts as the reply to a campaign sent at most this long before it."""
CLOCK_SLACK = timedelta(minutes=10)
"""A reply may seem to precede its campaign by this much: the sending laptop's clock and
the provider's are not the same clock."""
WHATSAPP_WINDOW = timedelta(hours=24)
"""After a person writes on WhatsApp, free text may be sent to them for this long."""
UNMATCHED_GIVE_UP = timedelta(days=30)
"""A receipt for a message this laptop does not know yet (its recipient may still be on
its way from the laptop that sent it) is tried again on every sync, until this old."""

_RECEIPT_STATUSES: dict[str, RecipientStatus] = {
    "sent": RecipientStatus.SENT,
    "delivered": RecipientStatus.DELIVERED,
    "read": RecipientStatus.OPENED,  # WhatsApp's blue ticks
    "opened": RecipientStatus.OPENED,  # the e-mail's open pixel
    "failed": RecipientStatus.FAILED,
}


def receipt_status(status: str) -> RecipientStatus | None:
    """The recipient status a provider receipt means (None: a status we do not track)."""
    return _RECEIPT_STATUSES.get(status.strip().lower())


def failure_text(code: str, words: str, limit: int = 400) -> str:
    """A provider failure as recipients keep it: "code: words" (what the dispatcher writes)."""
    code, words = code.strip(), words.strip()
    text = f"{code}: {words}" if code and words else (code or words)
    return text[:limit]


def answers(sent_at: datetime | None, occurred_at: datetime) -> bool:
    """Whether a message at ``occurred_at`` answers a campaign message sent at ``sent_at``."""
    if sent_at is None:
        return False
    return sent_at - CLOCK_SLACK <= occurred_at <= sent_at + REPLY_WINDOW


def timeline_entry_id(event_id: str) -> str:
    """The timeline entry of an inbound message: the same on every laptop that applies it."""
    return str(uuid.uuid5(uuid.UUID(event_id), "timeline"))


def choice_entry_id(event_id: str) -> str:
    """The timeline note of an opt-out (or re-subscription) an event recorded."""
    return str(uuid.uuid5(uuid.UUID(event_id), "choice"))


def created_entry_id(contact_id: str) -> str:
    """The "contact created" entry of a contact made for an unknown number."""
    return str(uuid.uuid5(uuid.UUID(contact_id), "created"))


# -- "oui": a reply that says yes moves the pipeline --------------------------------------

_YES_PHRASES = frozenset(
    {
        "OUI",
        "OUI MERCI",
        "OUI SVP",
        "OUI S'IL VOUS PLAIT",
        "OUI JE SUIS INTERESSE",
        "OUI JE SUIS INTERESSEE",
        "OK",
        "OKAY",
        "D'ACCORD",
        "DAC",
        "VOLONTIERS",
        "INTERESSE",
        "INTERESSEE",
        "JE SUIS INTERESSE",
        "JE SUIS INTERESSEE",
        "CA M'INTERESSE",
        "CELA M'INTERESSE",
        "YES",
        "YES PLEASE",
        "YES THANKS",
        "INTERESTED",
        "I AM INTERESTED",
        "I'M INTERESTED",
        "SURE",
    }
)
"""Whole answers (accents, case and the punctuation around ignored) that say yes to an
offer, in French and English. Kept to whole short answers on purpose: "oui mais pas
maintenant" or "not interested" must not move anyone."""
_APOSTROPHES = str.maketrans({"’": "'", "`": "'"})


def says_yes(text: str) -> bool:
    """Whether a reply is a plain yes ("Oui !", "ok", "Je suis intéressée.").

    >>> says_yes("Oui !")
    True
    >>> says_yes("Oui mais pas maintenant")
    False
    """
    folded = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    plain = "".join(ch for ch in folded if not unicodedata.combining(ch)).upper()
    words = re.findall(r"[A-Z0-9']+", plain)
    return " ".join(words) in _YES_PHRASES


def interest_entry_id(event_id: str) -> str:
    """The status-change entry a yes made (the same on every laptop that applies it)."""
    return str(uuid.uuid5(uuid.UUID(event_id), "interested"))
