"""The dispatcher: sends what the local outbox holds, exactly once or flagged unknown.

- ``engine``: the rounds (claim, send concurrently at each channel's rate, write outcomes);
- ``claims``: which messages may leave from this laptop, and taking them;
- ``outcomes``: what became of each message, written in batches;
- ``throttle``: the per-channel token bucket, default rates and concurrency;
- ``lease``: one dispatcher per workspace (the app or ``localpro dispatch``);
- ``problems``: channels stopped by a channel-wide error, for the screens.

The public names are re-exported here (``from localpro_desktop.services import dispatch``).
"""

from localpro_desktop.services.dispatch.engine import (
    DispatchReport,
    channels_for,
    configured_rates,
    dispatch_once,
    dispatch_until_idle,
    next_due,
    pending_count,
    queue_due,
)
from localpro_desktop.services.dispatch.lease import (
    DEFAULT_TTL,
    Lease,
    LeaseHolder,
    lease,
    lease_holder,
)
from localpro_desktop.services.dispatch.problems import channel_problems, clear_channel_problem
from localpro_desktop.services.dispatch.throttle import (
    DEFAULT_CONCURRENCY,
    DEFAULT_RATES,
    Throttle,
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
