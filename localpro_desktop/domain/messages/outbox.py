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
