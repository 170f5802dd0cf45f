"""Subscription plans and their monthly limits, defined in exactly one place."""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from localpro_desktop.domain.errors import UserError


class Plan(StrEnum):
    STARTER = "starter"
    BUSINESS = "business"
    PRO_PLUS = "pro_plus"
    ENTERPRISE = "enterprise"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @classmethod
    def parse(cls, text: str) -> "Plan":
        key = text.strip().lower().replace("+", "_plus").replace(" ", "_").replace("-", "_")
        key = key.replace("__", "_")
        try:
            return cls(key)
        except ValueError:
            names = ", ".join(p.value for p in cls)
            raise UserError(f"Unknown plan {text!r}: use one of {names}.") from None


class Metric(StrEnum):
    """What a plan limits; usage events carry one of these."""

    PROSPECTS = "prospects"
    MESSAGES = "messages"


_LABELS = {
    Plan.STARTER: "Starter",
    Plan.BUSINESS: "Business",
    Plan.PRO_PLUS: "Pro+",
    Plan.ENTERPRISE: "Enterprise",
}

# None means unlimited.
PLAN_LIMITS: dict[Plan, dict[Metric, int | None]] = {
    Plan.STARTER: {Metric.PROSPECTS: 200, Metric.MESSAGES: 1_000},
    Plan.BUSINESS: {Metric.PROSPECTS: 1_000, Metric.MESSAGES: 5_000},
    Plan.PRO_PLUS: {Metric.PROSPECTS: 5_000, Metric.MESSAGES: 25_000},
    Plan.ENTERPRISE: {Metric.PROSPECTS: None, Metric.MESSAGES: None},
}

PLAN_ORDER: tuple[Plan, ...] = tuple(Plan)


def month_key(day: date) -> str:
    """Usage buckets are calendar months, so the monthly reset needs no scheduled job."""
    return f"{day.year:04d}-{day.month:02d}"


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
