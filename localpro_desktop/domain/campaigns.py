"""Campaign lifecycle and channels: which moves are legal and what each state means."""

from enum import StrEnum

from localpro_desktop.domain.errors import InvalidTransitionError, UserError
from localpro_desktop.domain.messages import Message, joined
from localpro_desktop.domain.messages import campaigns as msg


class Channel(StrEnum):
    WHATSAPP = "whatsapp"
    EMAIL = "email"
    SMS = "sms"

    @classmethod
    def parse(cls, text: str) -> "Channel":
        try:
            return cls(text.strip().lower())
        except ValueError:
            raise UserError(msg.UNKNOWN_CHANNEL, text=text) from None


class CampaignStatus(StrEnum):
    DRAFT = "draft"
    SCHEDULED = "scheduled"
    SENT = "sent"
    COMPLETED = "completed"
    FAILED = "failed"

    @property
    def word(self) -> Message:
        """The status as a sentence uses it ("is completed"), translatable."""
        return msg.STATUSES[self.value]()


class ShownState(StrEnum):
    """What the campaign list and detail say: the status, honest about the outbox.

    A campaign becomes ``sent`` when its messages are queued; until a provider accepts
    one of them it is ``waiting`` (to send), never "Sent" with 0 sent.
    """

    DRAFT = "draft"
    SCHEDULED = "scheduled"
    WAITING = "waiting"
    SENT = "sent"
    COMPLETED = "completed"
    FAILED = "failed"


def shown_state(status: CampaignStatus, *, sent: int) -> ShownState:
    """``sent``: recipients a provider accepted (the campaign's sent count)."""
    if status is CampaignStatus.SENT and sent == 0:
        return ShownState.WAITING
    return ShownState(status.value)


class RecipientStatus(StrEnum):
    PENDING = "pending"
    QUEUED = "queued"
    SENT = "sent"
    DELIVERED = "delivered"
    OPENED = "opened"
    REPLIED = "replied"
    FAILED = "failed"
    SKIPPED = "skipped"


# Draft ⇄ Scheduled while nothing left; Sent once queued; Completed/Failed are final.
_CAMPAIGN_MOVES: dict[CampaignStatus, frozenset[CampaignStatus]] = {
    CampaignStatus.DRAFT: frozenset({CampaignStatus.SCHEDULED, CampaignStatus.SENT}),
    CampaignStatus.SCHEDULED: frozenset(
        {CampaignStatus.DRAFT, CampaignStatus.SENT, CampaignStatus.FAILED}
    ),
    CampaignStatus.SENT: frozenset({CampaignStatus.COMPLETED, CampaignStatus.FAILED}),
    CampaignStatus.COMPLETED: frozenset(),
    CampaignStatus.FAILED: frozenset(),
}

# Delivery states only move forward: a late "delivered" receipt must not undo "replied".
_RECIPIENT_RANK: dict[RecipientStatus, int] = {
    RecipientStatus.PENDING: 0,
    RecipientStatus.QUEUED: 1,
    RecipientStatus.SENT: 2,
    RecipientStatus.DELIVERED: 3,
    RecipientStatus.OPENED: 4,
    RecipientStatus.REPLIED: 5,
    RecipientStatus.FAILED: 2,
    RecipientStatus.SKIPPED: 9,
}


def check_campaign_move(current: CampaignStatus, target: CampaignStatus) -> None:
    """Raise with a message naming the legal next states when a move is not allowed."""
    allowed = _CAMPAIGN_MOVES[current]
    if target not in allowed:
        words = [s.word for s in sorted(allowed)]
        nexts = joined(words, ", ") if words else msg.NONE_FINAL()
        raise InvalidTransitionError(
            msg.BAD_MOVE, current=current.word, target=target.word, allowed=nexts
        )


def is_editable(status: CampaignStatus) -> bool:
    """Content and recipients may change only before anything was queued."""
    return status in (CampaignStatus.DRAFT, CampaignStatus.SCHEDULED)


def recipient_advances(current: RecipientStatus, new: RecipientStatus) -> bool:
    """True when a provider receipt moves a recipient forward (receipts arrive out of order)."""
    if current in (RecipientStatus.SKIPPED,):
        return False
    if new is RecipientStatus.FAILED:
        return current in (RecipientStatus.PENDING, RecipientStatus.QUEUED, RecipientStatus.SENT)
    return _RECIPIENT_RANK[new] > _RECIPIENT_RANK[current]
