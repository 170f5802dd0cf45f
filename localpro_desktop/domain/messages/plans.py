"""Plans and their monthly limits."""

from localpro_desktop.domain.messages import Catalogue

_ = Catalogue("PlanMessages")

UNKNOWN_PLAN = _("Unknown plan {text!r}: use one of {names}.")
LIMIT_REACHED = _(
    "Monthly {metric} limit reached on the {plan} plan: {used} of {limit} used this month, "
    "{requested} more requested ({remaining} left). The count resets on {reset}."
)
LIMIT_REACHED_UPGRADE = _(
    "Monthly {metric} limit reached on the {plan} plan: {used} of {limit} used this month, "
    "{requested} more requested ({remaining} left). The count resets on {reset} or upgrade "
    "to {upgrade} ({upgrade_limit} {metric}/month)."
)
