"""The CRM pipeline's words: status names as sentences use them, and refusals."""

from localpro_desktop.domain.messages import Catalogue, MessageId

_ = Catalogue("PipelineMessages")

UNKNOWN_STATUS = _("Unknown status {text!r}: use one of {names}.")
ALREADY = _("{name} is already {status}.")
USE_MOVE = _("Use move to change a contact's status.")
EMPTY_NOTE = _("A note cannot be empty.")
UNDO_STALE = _("Nothing to undo: {names} moved again since.")

STATUSES: dict[str, MessageId] = {
    "new": _("new"),
    "contacted": _("contacted"),
    "interested": _("interested"),
    "negotiation": _("negotiation"),
    "client": _("client"),
    "inactive": _("inactive"),
}
