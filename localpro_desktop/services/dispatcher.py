"""The dispatcher's public names (the code is in the ``services.dispatch`` package).

``from localpro_desktop.services import dispatcher`` keeps working for the app and the CLI;
see ``services/dispatch/engine.py`` for how a round sends exactly once or flags unknown.
"""

from localpro_desktop.services.dispatch import (
    DEFAULT_CONCURRENCY,
    DEFAULT_RATES,
    DEFAULT_TTL,
    DispatchReport,
    Lease,
    LeaseHolder,
    Throttle,
    channel_problems,
    channels_for,
    clear_channel_problem,
    configured_rates,
    dispatch_once,
    dispatch_until_idle,
    lease,
    lease_holder,
    next_due,
    pending_count,
    queue_due,
    throttles_for,
)

__all__ = [
    "DEFAULT_CONCURRENCY",
    "DEFAULT_RATES",
    "DEFAULT_TTL",
    "DispatchReport",
    "Lease",
    "LeaseHolder",
    "Throttle",
    "channel_problems",
    "channels_for",
    "clear_channel_problem",
    "configured_rates",
    "dispatch_once",
    "dispatch_until_idle",
    "lease",
    "lease_holder",
    "next_due",
    "pending_count",
    "queue_due",
    "throttles_for",
]
