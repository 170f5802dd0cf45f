"""The local outbox's message states, the moves between them, and the retry timing.

A message is ``queued`` until the dispatcher takes it; it is marked ``sending`` (and
committed) before the provider is called, so a crash leaves it ``sending``. From there:

- ``sent``: the provider took it (its id is kept);
- ``queued`` again: a transient error, or a look-up proving the provider never took it;
- ``failed``: a permanent refusal, or too many transient errors;
- ``unknown``: it may or may not have left ("check before resending"): never resent
  silently; only a person may send it again (``unknown`` → ``queued``) or give up.

``skipped``: the campaign was cancelled before the message left.
"""

from datetime import datetime, timedelta
from enum import StrEnum

from localpro_desktop.domain.errors import InvalidTransitionError
from localpro_desktop.domain.messages import outbox as msg


class OutboxState(StrEnum):
    QUEUED = "queued"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    UNKNOWN = "unknown"
    SKIPPED = "skipped"


_MOVES: dict[OutboxState, frozenset[OutboxState]] = {
    OutboxState.QUEUED: frozenset({OutboxState.SENDING, OutboxState.SKIPPED}),
    OutboxState.SENDING: frozenset(
        {OutboxState.SENT, OutboxState.QUEUED, OutboxState.FAILED, OutboxState.UNKNOWN}
    ),
    OutboxState.UNKNOWN: frozenset(
        {OutboxState.SENT, OutboxState.QUEUED, OutboxState.FAILED, OutboxState.SKIPPED}
    ),
    OutboxState.SENT: frozenset(),
    OutboxState.FAILED: frozenset(),
    OutboxState.SKIPPED: frozenset(),
}

OPEN_STATES = frozenset({OutboxState.QUEUED, OutboxState.SENDING})
"""States a message may still leave the laptop from without a person deciding."""

FINAL_STATES = frozenset({OutboxState.SENT, OutboxState.FAILED, OutboxState.SKIPPED})

MAX_ATTEMPTS = 5
BASE_DELAY = timedelta(seconds=30)
MAX_DELAY = timedelta(hours=1)


def can_move(current: OutboxState, target: OutboxState) -> bool:
    return target in _MOVES[current]


def check_move(current: OutboxState, target: OutboxState) -> None:
    if not can_move(current, target):
        raise InvalidTransitionError(msg.BAD_MOVE, current=current.value, target=target.value)


def retry_delay(
    attempts: int,
    *,
    jitter: float,
    retry_after: float | None = None,
    base: timedelta = BASE_DELAY,
    cap: timedelta = MAX_DELAY,
) -> timedelta:
    """Exponential backoff after ``attempts`` tries (1 = the first failed), with jitter.

    ``jitter`` in [0, 1) (the caller's random draw) spreads the delay over its upper half
    ("equal jitter"): between half and all of ``base * 2**(attempts-1)``, capped. The
    provider's ``retry_after`` (seconds) is a floor, never shortened by the jitter.
    """
    if not 0.0 <= jitter < 1.0:
        raise ValueError("jitter must be in [0, 1)")
    full = min(base * (1 << max(attempts - 1, 0)), cap)
    delay = full / 2 + (full / 2) * jitter
    if retry_after is not None and retry_after > 0:
        delay = max(delay, timedelta(seconds=retry_after))
    return delay


def next_attempt(
    now: datetime, attempts: int, *, jitter: float, retry_after: float | None = None
) -> datetime | None:
    """When to try again after a transient error, or None when the attempts are spent."""
    if attempts >= MAX_ATTEMPTS:
        return None
    return now + retry_delay(attempts, jitter=jitter, retry_after=retry_after)


ATTACHABLE_PREFIXES = ("image/", "application/pdf")
"""What a campaign e-mail may carry (the issue: an image or a PDF)."""


def is_attachable(content_type: str) -> bool:
    return content_type.lower().startswith(ATTACHABLE_PREFIXES)


def template_pairs(value: object) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``extra["template_params"]`` as (names, values).

    The outbox stores ``[[name, value], ...]`` (names "1", "2"… for a positional template);
    a plain list of values is read as positional, in order.
    """
    if not isinstance(value, list | tuple):
        return (), ()
    names: list[str] = []
    values: list[str] = []
    for position, item in enumerate(value, start=1):
        if isinstance(item, list | tuple) and len(item) == 2:
            names.append(str(item[0]))
            values.append("" if item[1] is None else str(item[1]))
        else:
            names.append(str(position))
            values.append("" if item is None else str(item))
    return tuple(names), tuple(values)
