"""Subscription plans and their monthly limits, defined in exactly one place.

The cloud enforces them on the account and the app checks them before acting, so both read
this table. (Plan names are product names: they are not translated.)
"""

from datetime import date
from enum import StrEnum


class Plan(StrEnum):
    STARTER = "starter"
    BUSINESS = "business"
    PRO_PLUS = "pro_plus"
    ENTERPRISE = "enterprise"

    @property
    def label(self) -> str:
        return _LABELS[self]


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
