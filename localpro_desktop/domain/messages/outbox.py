"""The outbox and the dispatcher: what a person reads about messages leaving the laptop."""

from localpro_desktop.domain.messages import Catalogue

_ = Catalogue("OutboxMessages")

BAD_MOVE = _("An outbox message that is {current} cannot become {target}.")
NO_CHANNEL = _("No channel is set up yet: nothing to send.")
NOTHING_DUE = _("Nothing to send now.")
DISPATCHED = _(
    "Sent {sent}, failed {failed}, to retry {retried}, unknown (check before resending) {unknown}."
)
UNKNOWN_OUTCOME = _(
    "It is not known whether this message left: check with the recipient before resending."
)
TOO_MANY_ATTEMPTS = _("Gave up after {attempts} attempts: {words}")
NOT_ATTACHABLE = _("Only an image or a PDF can be attached, not {name}.")
CHANNEL_STOPPED = _(
    "Sending by {channel} is stopped ({words}). Its messages wait; none was counted as failed."
)
HELD = _("Messages waiting for a stopped channel: {held}.")
LEASE_HELD = _(
    "Another dispatcher is already sending for this workspace: {owner} (until {until}). "
    "Stop it, or let it finish; only one may send at a time."
)
