"""Campaigns: channels, the lifecycle's refusals, message templates."""

from localpro_desktop.domain.messages import Catalogue, MessageId

_ = Catalogue("CampaignMessages")

UNKNOWN_CHANNEL = _("Unknown channel {text!r}: use whatsapp, email or sms.")
UNKNOWN_SOURCE = _("Unknown source {text!r}: use one of {names}.")
BAD_MOVE = _("A {current} campaign cannot become {target}; allowed next: {allowed}.")
NONE_FINAL = _("none (it is final)")
TEMPLATE_SYNTAX = _(
    "The message template has an error on line {line}: {detail}. Placeholders look like {example}."
)
TEMPLATE_RENDER = _("The message template cannot be rendered: {detail}")
NEEDS_NAME = _("Give the campaign a name.")
SCHEDULE_IN_FUTURE = _("Schedule the campaign for a time in the future.")
NO_RECIPIENTS = _("This campaign has no recipients: choose a segment or contacts.")
BEING_SENT = _("A campaign being sent cannot be deleted; wait for it to finish.")
NOT_EDITABLE = _(
    "Campaign {name!r} is {status}; only drafts and scheduled campaigns can be changed. "
    "Duplicate it to send again."
)

STATUSES: dict[str, MessageId] = {
    "draft": _("draft"),
    "scheduled": _("scheduled"),
    "sent": _("sent"),
    "completed": _("completed"),
    "failed": _("failed"),
}

# Sending needs a provider account per channel; none can be connected before the outbox.
NO_SERVICE: dict[str, MessageId] = {
    "sms": _("No SMS service is set up yet — set one up before sending."),
    "whatsapp": _("No WhatsApp service is set up yet — set one up before sending."),
    "email": _("No e-mail service is set up yet — set one up before sending."),
}
SERVICE_NEEDS: dict[str, MessageId] = {
    "sms": _(
        "Sending SMS needs an account with an SMS provider (such as Africa's Talking or "
        "Twilio). This version of LocalPro cannot connect one yet; a coming version adds it "
        "under File → Workspace settings."
    ),
    "whatsapp": _(
        "Sending on WhatsApp needs a WhatsApp Business account (Meta's Cloud API or a "
        "provider such as Twilio). This version of LocalPro cannot connect one yet; a "
        "coming version adds it under File → Workspace settings."
    ),
    "email": _(
        "Sending e-mail needs a mail account LocalPro may send from (an SMTP server or a "
        "provider such as Brevo). This version of LocalPro cannot connect one yet; a coming "
        "version adds it under File → Workspace settings."
    ),
}
NOTHING_QUEUED = _("Nothing was queued and nothing counts against your plan.")
