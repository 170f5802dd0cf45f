"""Subscription plans and their monthly limits, defined in exactly one place."""

from dataclasses import dataclass
from datetime import date

from localpro_desktop.domain.errors import UserError
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
        raise UserError(f"Unknown plan {text!r}: use one of {names}.") from None


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
        reset = next_reset(today).isoformat()
        way_out = (
            f" or upgrade to {upgrade.label} ({format_limit(PLAN_LIMITS[upgrade][check.metric])}"
            f" {check.metric.value}/month)"
            if upgrade
            else ""
        )
        super().__init__(
            f"Monthly {check.metric.value} limit reached on the {check.plan.label} plan: "
            f"{check.used} of {check.limit} used this month, {check.requested} more requested "
            f"({check.remaining} left). The count resets on {reset}{way_out}."
        )


def format_limit(limit: int | None) -> str:
    return "unlimited" if limit is None else f"{limit:,}"


def check_limit(plan: Plan, metric: Metric, used: int, requested: int) -> LimitCheck:
    return LimitCheck(plan, metric, used, requested, PLAN_LIMITS[plan][metric])


def cheapest_plan_allowing(metric: Metric, total: int) -> Plan | None:
    for plan in PLAN_ORDER:
        limit = PLAN_LIMITS[plan][metric]
        if limit is None or total <= limit:
            return plan
    return None
