"""What comes back from the providers through the cloud: receipts, replies, opt-outs.

``apply.apply_pending`` applies the synced ``inbound_events`` after each sync;
``replies`` is the Replies read model and WhatsApp's 24-hour window; ``opt_outs`` holds a
contact's per-channel choices.
"""

from localpro_desktop.services.inbound.apply import apply_pending
from localpro_desktop.services.inbound.opt_outs import (
    OptOutView,
    is_opted_out,
    opt_outs_of,
    set_opt_out,
)
from localpro_desktop.services.inbound.replies import (
    Reply,
    last_inbound_at,
    list_replies,
    whatsapp_window_open,
)
from localpro_desktop.services.inbound.report import ApplyReport

__all__ = [
    "ApplyReport",
    "OptOutView",
    "Reply",
    "apply_pending",
    "is_opted_out",
    "last_inbound_at",
    "list_replies",
    "opt_outs_of",
    "set_opt_out",
    "whatsapp_window_open",
]
