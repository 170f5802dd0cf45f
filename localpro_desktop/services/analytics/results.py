"""What the analytics answer: frozen dataclasses that ``dataclasses.asdict`` and
``json.dumps`` accept (days are ISO strings, enums ``StrEnum`` values), and the two
divisions every rate and comparison goes through."""

from __future__ import annotations

from dataclasses import dataclass

from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.domain.pipeline import PipelineStatus
from localpro_desktop.domain.plans import Plan

TREND_PERIODS: tuple[int, ...] = (7, 30, 90)
OTHER = "other"
UNSPECIFIED = "unspecified"


@dataclass(frozen=True)
class DailyMetrics:
    """What happened on one local calendar day; each event is dated by its own timestamp."""

    day: str
    prospects_added: int
    contacts_added: int
    messages_sent: int
    messages_delivered: int
    messages_opened: int
    messages_replied: int
    messages_failed: int
    status_moves: int
    new_clients: int


@dataclass(frozen=True)
class ChannelRates:
    channel: Channel
    sent: int
    delivered: int
    opened: int
    replied: int
    delivery_rate: float | None
    open_rate: float | None
    response_rate: float | None


@dataclass(frozen=True)
class Rates:
    """Rates over the local days ``start``..``end`` (inclusive).

    Message rates follow the cohort of messages *sent* in the range: ``response_rate`` is
    the share of them that got a reply, whenever the reply came. A later stage proves the
    earlier ones (a reply proves the message was delivered and read) because receipts get
    lost or arrive out of order, so ``opened`` counts opened-or-replied and ``delivered``
    counts delivered-or-opened-or-replied; that keeps replied <= opened <= delivered <= sent.

    ``conversion_rate``: of the contacts *added* in the range, the share that had been
    moved to Client (a status_change activity to ``client``) by the end of the range.
    The numerator is a subset of the denominator, so the rate stays in [0, 1]; a contact
    entered directly as a client is not a conversion. Every rate is None, never a
    division by zero, when its denominator is 0.
    """

    start: str
    end: str
    sent: int
    delivered: int
    opened: int
    replied: int
    contacts_added: int
    converted: int
    response_rate: float | None
    open_rate: float | None
    delivery_rate: float | None
    conversion_rate: float | None
    by_channel: dict[Channel, ChannelRates]


@dataclass(frozen=True)
class RatePoint:
    """Rates over the ``window`` days ending on ``day``, with the counts behind them."""

    day: str
    sent: int
    replied: int
    contacts_added: int
    converted: int
    response_rate: float | None
    conversion_rate: float | None


@dataclass(frozen=True)
class FunnelStage:
    """One pipeline stage: ``count`` live contacts in it now, ``reached`` ever got there.

    For the climbing stages (New → Client), ``reached`` counts live contacts whose best
    stage ever, from their current status and every status on their timeline, is at least
    this one: a contact that was a Client and is Inactive now still counts as having
    reached Client, Negotiation, and so on. Every contact has reached New. Inactive is an
    exit, not a step, so its ``reached`` counts contacts that are or ever were inactive.
    ``share`` is ``reached`` over all live contacts (None when there are none).
    """

    status: PipelineStatus
    count: int
    reached: int
    share: float | None


@dataclass(frozen=True)
class KpiChange:
    """``change`` is (current - previous) / previous: +0.25 means 25 % up.

    None when previous is 0 or either value is unknown (a rate with nothing to measure).
    """

    current: float | None
    previous: float | None
    change: float | None


@dataclass(frozen=True)
class Trend:
    """The last ``days`` days (ending ``current_end``) against the ``days`` before them."""

    days: int
    current_start: str
    current_end: str
    previous_start: str
    previous_end: str
    prospects_added: KpiChange
    contacts_added: KpiChange
    messages_sent: KpiChange
    messages_replied: KpiChange
    status_moves: KpiChange
    new_clients: KpiChange
    response_rate: KpiChange
    conversion_rate: KpiChange


@dataclass(frozen=True)
class Kpis:
    """Headline numbers; a limit of None means the plan has no limit on that metric."""

    today: str
    month: str
    plan: Plan
    total_contacts: int
    clients: int
    total_prospects: int
    response_rate_30d: float | None
    messages_this_month: int
    messages_limit: int | None
    prospects_this_month: int
    prospects_limit: int | None


def ratio(numerator: float, denominator: float) -> float | None:
    """A rate that is unknown rather than zero (or a crash) when nothing was measured."""
    return None if not denominator else numerator / denominator


def kpi_change(current: float | None, previous: float | None) -> KpiChange:
    if current is None or previous is None or previous == 0:
        return KpiChange(current, previous, None)
    return KpiChange(current, previous, (current - previous) / previous)
