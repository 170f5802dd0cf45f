"""Replies, receipts and opt-outs that come back from the providers."""

from localpro_desktop.domain.messages import Catalogue, MessageId

_ = Catalogue("InboundMessages")

SOURCE_SMS_KEYWORD = _("replied with a stop word by SMS")
SOURCE_WHATSAPP = _("asked WhatsApp to stop the messages")
SOURCE_EMAIL = _("unsubscribed with the e-mail's link")
SOURCE_MANUAL = _("set by hand")

SOURCES: dict[str, MessageId] = {
    "sms_keyword": SOURCE_SMS_KEYWORD,
    "whatsapp": SOURCE_WHATSAPP,
    "email_unsubscribe": SOURCE_EMAIL,
    "manual": SOURCE_MANUAL,
}
"""Where an opt-out came from, as a person reads it (``domain.opt_outs.OptOutSource``)."""

APPLIED = _(
    "Applied {receipts} receipts, {replies} replies, {opt_outs} opt-out changes "
    "({waiting} waiting for their message)."
)
BAD_SINCE = _("Not a date: {text!r} (use YYYY-MM-DD, or YYYY-MM-DD HH:MM).")
