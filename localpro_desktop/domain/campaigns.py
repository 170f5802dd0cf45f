"""Campaign lifecycle and channels: which moves are legal and what each state means."""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
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
    PAUSED = "paused"
    SENT = "sent"
    COMPLETED = "completed"
    FAILED = "failed"


def shown_state(status: CampaignStatus, *, sent: int, paused: bool = False) -> ShownState:
    """``sent``: recipients a provider accepted (the campaign's sent count); ``paused``:
    a person paused its sending (it is still Sent: nothing else changed)."""
    if status is CampaignStatus.SENT and paused:
        return ShownState.PAUSED
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


# -- sending controls: pause, resume, cancel, take over ------------------------------------


class CampaignAction(StrEnum):
    PAUSE = "pause"
    RESUME = "resume"
    CANCEL = "cancel"
    TAKE_OVER = "take_over"


@dataclass(frozen=True)
class SendingState:
    """What decides whether a sending control applies (the campaign's synced fields)."""

    name: str
    status: CampaignStatus
    paused: bool
    cancelled: bool
    sends_here: bool


# Which statuses each control applies to; the flags are checked in ``check_action``.
_ACTION_STATUSES: dict[CampaignAction, frozenset[CampaignStatus]] = {
    CampaignAction.PAUSE: frozenset({CampaignStatus.SENT}),
    CampaignAction.RESUME: frozenset({CampaignStatus.SENT}),
    CampaignAction.CANCEL: frozenset({CampaignStatus.SCHEDULED, CampaignStatus.SENT}),
    CampaignAction.TAKE_OVER: frozenset({CampaignStatus.SENT}),
}
_WRONG_STATUS = {
    CampaignAction.PAUSE: msg.NOT_PAUSABLE,
    CampaignAction.RESUME: msg.NOT_PAUSABLE,
    CampaignAction.CANCEL: msg.NOT_CANCELLABLE,
    CampaignAction.TAKE_OVER: msg.TAKE_OVER_NOT_SENT,
}


def check_action(action: CampaignAction, state: SendingState) -> None:
    """Raise (``InvalidTransitionError``) when ``action`` does not apply to the campaign.

    - pause: a campaign being sent (Sent), not paused, not cancelled;
    - resume: a paused one;
    - cancel: Scheduled or Sent, not already cancelled (a paused one may be cancelled);
    - take over: Sent, not cancelled, sent from another computer.
    """
    args = {"name": state.name, "status": state.status.word}
    if state.cancelled:
        raise InvalidTransitionError(msg.ALREADY_CANCELLED, **args)
    if state.status not in _ACTION_STATUSES[action]:
        raise InvalidTransitionError(_WRONG_STATUS[action], **args)
    if action is CampaignAction.PAUSE and state.paused:
        raise InvalidTransitionError(msg.ALREADY_PAUSED, **args)
    if action is CampaignAction.RESUME and not state.paused:
        raise InvalidTransitionError(msg.NOT_PAUSED, **args)
    if action is CampaignAction.TAKE_OVER and state.sends_here:
        raise InvalidTransitionError(msg.TAKE_OVER_ALREADY_HERE, **args)


def cancelled_status(current: CampaignStatus, *, anything_sent: bool) -> CampaignStatus:
    """Where a cancelled campaign ends: Completed if anything left, else Failed ("cancelled")."""
    target = CampaignStatus.COMPLETED if anything_sent else CampaignStatus.FAILED
    check_campaign_move(current, target)
    return target


# -- what is stored on a recipient that did not get the message ---------------------------


class SkipReason(StrEnum):
    """Why a recipient was skipped or left out (the code stored before ": ")."""

    LIMIT = "limit"
    CANCELLED = "cancelled"
    NO_ADDRESS = "no_address"
    INVALID_ADDRESS = "invalid_address"
    OPTED_OUT = "opted_out"
    NOT_ON_WHATSAPP = "not_on_whatsapp"

    @property
    def words(self) -> Message:
        return msg.SKIP_REASONS[self.value]()


NOT_ON_WHATSAPP_CODE = "131026"
"""WhatsApp Cloud API: the number is not on WhatsApp (offer SMS instead)."""

ERROR_MAX = 400


def recipient_error(code: str, words: str) -> str:
    """The "code: words" a recipient keeps (the dispatcher writes provider errors so)."""
    return (f"{code}: {words}" if code else words)[:ERROR_MAX]


def split_error(error: str) -> tuple[str, str]:
    """A recipient's error as (code, words); a code is one word before ": "."""
    code, sep, words = error.partition(": ")
    if sep and code and len(code) <= 40 and " " not in code:
        return code, words
    return "", error


# -- WhatsApp template variables ------------------------------------------------------------


@dataclass(frozen=True)
class TemplateVar:
    """One template variable: ``name`` (``1`` or a named parameter) filled from ``field``;
    ``fallback`` when the contact has no value ("NAME=FIELD|fallback")."""

    name: str
    field: str
    fallback: str = ""

    def value(self, fields: Mapping[str, object]) -> str:
        text = fields.get(self.field)
        text = "" if text is None else str(text).strip()
        return text or self.fallback

    def __str__(self) -> str:
        return f"{self.name}={self.field}" + (f"|{self.fallback}" if self.fallback else "")


def parse_template_var(text: str, fields: Sequence[str]) -> TemplateVar:
    """``"1=first_name"`` or ``"1=first_name|friend"``; ``fields``: the contact fields."""
    name, sep, rest = text.partition("=")
    field, _bar, fallback = rest.partition("|")
    name, field = name.strip(), field.strip()
    known = ", ".join(fields)
    if not sep or not name or not field:
        raise UserError(msg.TEMPLATE_VAR_FORMAT, text=text, fields=known)
    if field not in fields:
        raise UserError(msg.TEMPLATE_VAR_FIELD, text=text, field=field, fields=known)
    return TemplateVar(name, field, fallback.strip())


def parse_template_vars(texts: Iterable[str], fields: Sequence[str]) -> list[TemplateVar]:
    parsed: list[TemplateVar] = []
    for text in texts:
        var = parse_template_var(text, fields)
        if any(p.name == var.name for p in parsed):
            raise UserError(msg.TEMPLATE_VAR_TWICE, name=var.name)
        parsed.append(var)
    return parsed


# -- money ---------------------------------------------------------------------------------

# ISO 4217 minor units where they are not 2 (the CFA francs have none).
_MINOR_UNITS: dict[str, int] = {
    **dict.fromkeys(
        (
            "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX",
            "UYI", "VND", "VUV", "XAF", "XOF", "XPF",
        ),
        0,
    ),
    **dict.fromkeys(("BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"), 3),
}  # fmt: skip


def minor_units(currency: str) -> int:
    """Digits after the decimal point in ``currency`` (ISO 4217; 2 unless listed)."""
    return _MINOR_UNITS.get(currency.upper(), 2)


def round_money(amount: Decimal, currency: str) -> Decimal:
    """``amount`` rounded (half up) to the currency's smallest unit: 1 F CFA, 0.01 €."""
    return amount.quantize(Decimal(1).scaleb(-minor_units(currency)), rounding=ROUND_HALF_UP)
