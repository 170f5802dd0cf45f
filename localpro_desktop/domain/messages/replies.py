"""Answering a reply from the Replies view: what refuses an answer, and why."""

from localpro_desktop.domain.messages import Catalogue, MessageId

_ = Catalogue("ReplyMessages")

ANSWER_NAME = _("Answer to {name}")
"""The one-recipient campaign an answer makes (the window passes its own translation)."""
REPLY_GONE = _("This message is no longer in the workspace.")
NOT_MATCHED = _(
    "This message is not linked to a contact yet: it is matched after the next sync. "
    "Try again in a moment."
)
EMPTY_ANSWER = _("Write the answer first.")
NEEDS_SUBJECT = _("Give the e-mail a subject.")
WINDOW_CLOSED = _(
    "Outside WhatsApp's 24-hour window only an approved template can be sent: {name} last "
    "wrote on WhatsApp more than 24 hours ago. Choose a template."
)
NOT_ON_WHATSAPP = _("{name} is not on WhatsApp: answer by SMS instead.")

OPTED_OUT: dict[str, MessageId] = {
    "whatsapp": _("{name} opted out of WhatsApp messages: the answer was not sent."),
    "sms": _("{name} opted out of SMS: the answer was not sent."),
    "email": _("{name} unsubscribed from e-mails: the answer was not sent."),
}
NO_ADDRESS: dict[str, MessageId] = {
    "whatsapp": _("{name} has no WhatsApp number: add one with Edit… in the CRM."),
    "sms": _("{name} has no valid mobile number for SMS: add one with Edit… in the CRM."),
    "email": _("{name} has no valid e-mail address: add one with Edit… in the CRM."),
}
