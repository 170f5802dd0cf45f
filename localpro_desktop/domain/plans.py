"""Subscription plans and their monthly limits, defined in exactly one place."""

from dataclasses import dataclass
from datetime import date

from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.messages import common as words
from localpro_desktop.domain.messages import plans as msg
from localpro_protocol.plans import PLAN_LIMITS, PLAN_ORDER, Metric, Plan, month_key

__all__ = [
    "PLAN_LIMITS",
    "PLAN_ORDER",
    "LimitCheck",
    "Metric",
    "Plan",
    "PlanLimitError",
    "cheapest_plan_allowing",
    "check_limit",
    "format_limit",
    "month_key",
    "next_reset",
    "parse_plan",
]


def parse_plan(text: str) -> Plan:
    """A plan as a user types it ("Pro+", "pro plus", "business")."""
    key = text.strip().lower().replace("+", "_plus").replace(" ", "_").replace("-", "_")
    key = key.replace("__", "_")
    try:
        return Plan(key)
    except ValueError:
        names = ", ".join(p.value for p in Plan)
        raise UserError(msg.UNKNOWN_PLAN, text=text, names=names) from None


def next_reset(day: date) -> date:
    """First day of the following month: when a blocked user can act again."""
    return date(day.year + 1, 1, 1) if day.month == 12 else date(day.year, day.month + 1, 1)


@dataclass(frozen=True)
class LimitCheck:
    plan: Plan
    metric: Metric
    used: int
    requested: int
    limit: int | None

    @property
    def allowed(self) -> bool:
        return self.limit is None or self.used + self.requested <= self.limit

    @property
    def remaining(self) -> int | None:
        return None if self.limit is None else max(self.limit - self.used, 0)


class PlanLimitError(UserError):
    """An action would exceed the plan; the message gives the numbers and the way out."""

    def __init__(self, check: LimitCheck, today: date) -> None:
        self.check = check
        upgrade = cheapest_plan_allowing(check.metric, check.used + check.requested)
        numbers = {
            "metric": words.METRICS[check.metric.value](),
            "plan": check.plan.label,
            "used": check.used,
            "limit": check.limit,
            "requested": check.requested,
            "remaining": check.remaining,
            "reset": next_reset(today),
        }
        if upgrade is None:
            super().__init__(msg.LIMIT_REACHED, **numbers)
        else:
            limit = format_limit(PLAN_LIMITS[upgrade][check.metric])
            super().__init__(
                msg.LIMIT_REACHED_UPGRADE, **numbers, upgrade=upgrade.label, upgrade_limit=limit
            )


def format_limit(limit: int | None) -> str:
    """ "5,000", or "unlimited" as a translatable Message."""
    return words.UNLIMITED() if limit is None else f"{limit:,}"


def check_limit(plan: Plan, metric: Metric, used: int, requested: int) -> LimitCheck:
    return LimitCheck(plan, metric, used, requested, PLAN_LIMITS[plan][metric])


def cheapest_plan_allowing(metric: Metric, total: int) -> Plan | None:
    for plan in PLAN_ORDER:
        limit = PLAN_LIMITS[plan][metric]
        if limit is None or total <= limit:
            return plan
    return None
