"""Plan usage: append-only events summed per calendar month.

Two laptops offline the same month each add their own events; after sync the month's
total is the sum of both, which an overwritten counter could never give.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from localpro_desktop.domain.ids import utcnow
from localpro_desktop.domain.plans import (
    PLAN_LIMITS,
    LimitCheck,
    Metric,
    Plan,
    PlanLimitError,
    check_limit,
    month_key,
    next_reset,
)
from localpro_desktop.store.database import Database
from localpro_desktop.store.models import UsageEvent


@dataclass(frozen=True)
class UsageLine:
    metric: Metric
    used: int
    limit: int | None

    @property
    def remaining(self) -> int | None:
        return None if self.limit is None else max(self.limit - self.used, 0)

    @property
    def fraction(self) -> float | None:
        return None if not self.limit else min(self.used / self.limit, 1.0)


@dataclass(frozen=True)
class UsageReport:
    plan: Plan
    month: str
    resets_on: date
    lines: tuple[UsageLine, ...]

    def line(self, metric: Metric) -> UsageLine:
        return next(line for line in self.lines if line.metric is metric)


def today_utc() -> date:
    return datetime.now(UTC).date()


def used_this_month(session: Session, metric: Metric, day: date) -> int:
    total = session.scalar(
        select(func.coalesce(func.sum(UsageEvent.quantity), 0)).where(
            UsageEvent.month == month_key(day),
            UsageEvent.metric == metric.value,
            UsageEvent.deleted_at.is_(None),
        )
    )
    return int(total or 0)


def ensure_allowed(
    session: Session, plan: Plan, metric: Metric, requested: int, day: date | None = None
) -> LimitCheck:
    """Check inside the caller's transaction, so the check and the write are one unit."""
    day = day or today_utc()
    check = check_limit(plan, metric, used_this_month(session, metric, day), requested)
    if not check.allowed:
        raise PlanLimitError(check, day)
    return check


def remaining(session: Session, plan: Plan, metric: Metric, day: date | None = None) -> int | None:
    """How many more the plan allows this month (None: unlimited)."""
    limit = PLAN_LIMITS[plan][metric]
    if limit is None:
        return None
    return max(limit - used_this_month(session, metric, day or today_utc()), 0)


def record(
    session: Session, metric: Metric, quantity: int, reason: str, day: date | None = None
) -> UsageEvent | None:
    if quantity <= 0:
        return None
    day = day or today_utc()
    event = UsageEvent(
        metric=metric.value,
        month=month_key(day),
        quantity=quantity,
        reason=reason,
        occurred_at=utcnow(),
    )
    session.add(event)
    return event


def report(session: Session, plan: Plan, day: date | None = None) -> UsageReport:
    day = day or today_utc()
    lines = tuple(
        UsageLine(metric, used_this_month(session, metric, day), PLAN_LIMITS[plan][metric])
        for metric in Metric
    )
    return UsageReport(plan, month_key(day), next_reset(day), lines)


def current_report(ws: Database) -> UsageReport:
    """This month's usage against the workspace's plan, in its own read (for the screens)."""
    plan = ws.settings().plan
    with ws.read() as session:
        return report(session, plan)
