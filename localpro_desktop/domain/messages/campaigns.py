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

# -- issue 10: real sending --------------------------------------------------------------

# Why a recipient was skipped (the code stored on the recipient, before ": ").
SKIP_REASONS: dict[str, MessageId] = {
    "limit": _("monthly message limit reached"),
    "cancelled": _("the campaign was cancelled"),
    "no_address": _("no address"),
    "invalid_address": _("invalid address"),
    "opted_out": _("opted out"),
    "not_on_whatsapp": _("not on WhatsApp"),
}
NOT_RESENT = _("not resent: it may have left; check with the person")
CANCELLED = _("cancelled")

TEMPLATE_VAR_FORMAT = _(
    "The template variable {text!r} should look like NAME=FIELD (for example 1=first_name, "
    "or 1=first_name|friend with a fallback); FIELD is one of {fields}."
)
TEMPLATE_VAR_FIELD = _(
    "The template variable {text!r} uses {field!r}, which is not a contact field: use one "
    "of {fields}."
)
TEMPLATE_VAR_TWICE = _("The template variable {name!r} is given twice.")
TEMPLATE_NEEDS_LANGUAGE = _(
    "Give the WhatsApp template's language as the template was approved (for example fr or en_US)."
)
TEMPLATE_ONLY_WHATSAPP = _("Only WhatsApp campaigns are sent with an approved template.")
NEEDS_MESSAGE = _("Write the message, or choose an approved WhatsApp template.")
ATTACHMENT_ONLY_EMAIL = _("Only e-mail campaigns can carry an attachment.")
ATTACHMENT_MISSING = _("The attachment {path} does not exist or is not a file.")
ATTACHMENT_TYPE = _(
    "The attachment {name} is not an image or a PDF: attach a PNG, JPEG, GIF or WebP image, "
    "or a PDF."
)
ATTACHMENT_TOO_BIG = _(
    "The attachment {name} is {size} MB; an attachment may be at most {limit} MB."
)
ATTACHMENT_NOT_HERE = _(
    "The campaign's attachment {path} is not on this computer: copy it to the same place "
    "first, or let the computer that has it send the campaign."
)

NOT_PAUSABLE = _("Only a campaign being sent can be paused; {name!r} is {status}.")
ALREADY_PAUSED = _("{name!r} is already paused.")
NOT_PAUSED = _("{name!r} is not paused.")
NOT_CANCELLABLE = _(
    "Only a scheduled campaign or one being sent can be cancelled; {name!r} is {status}."
)
ALREADY_CANCELLED = _("{name!r} was already cancelled.")
TAKE_OVER_NOT_SENT = _("Only a campaign being sent can be taken over; {name!r} is {status}.")
TAKE_OVER_ALREADY_HERE = _("{name!r} is already being sent from this computer.")
TAKE_OVER_RISK = _(
    "Another computer is sending this campaign. If this computer takes over, it sends the "
    "{count} messages still waiting. The other computer may have sent some of them after it "
    "last synced: those people would get the message twice."
)
TAKE_OVER_NEEDS_YES = _(
    "Taking over needs a confirmation and standard input is not a terminal, so nothing was "
    "asked and nothing changed: run it again with --yes."
)
TAKE_OVER_DECLINED = _("Nothing changed: the other computer keeps sending.")

AT_MOST_POSITIVE = _("Send at least one message now (the number after --at-most).")
OVER_LIMIT = _(
    "Only {allowed} of the {total} messages can go this month on your plan (it resets on "
    "{reset}). Send those now and skip the rest with --at-most {allowed}, or wait for the "
    "reset."
)
FOLLOW_UP_NAME = _("{name} (follow-up)")
FOLLOW_UP_REASON = _("Unknown follow-up reason {text!r}: use limit or not_on_whatsapp.")
NOTHING_TO_FOLLOW_UP = _("Nobody in {name!r} was left out for that reason.")
REPLACE_ONLY_SMS = _("Only SMS messages are counted in GSM-7 characters.")
BAD_WHEN = _(
    "Cannot read the time {text!r}: use ISO 8601, for example 2026-06-15T09:00 (in the "
    "workspace's time zone) or 2026-06-15T09:00+00:00."
)

# The command line's reports (``localpro campaigns ...``).
BODY_FILE_UNREADABLE = _("Cannot read the message file {path}: {detail}")
TEMPLATE_FLAGS_NEED_TEMPLATE = _("--language and --var go with --template NAME.")
CREATED = _("Created campaign {name!r} ({id}) on {channel}; recipients: {recipients}.")
CREATED_SCHEDULED = _("It is scheduled for {when} (workspace time).")
LEFT_OUT = _("Left out: {details}.")
QUEUED_REPORT = _(
    "Messages queued for {name!r} on {channel}: {queued}. This computer sends them "
    "(localpro dispatch, or the app)."
)
SKIPPED_FOR_LATER = _(
    "{count} left for later (monthly message limit reached): a follow-up draft can send "
    "them after the reset."
)
SMS_PARTS_REPORT = _("SMS parts: {parts}.")
UNICODE_REPORT = _(
    "The characters {chars} make some SMS Unicode (70 characters a part): with GSM-7 "
    "look-alikes it would be {replaced} parts instead of {parts}."
)
COST_REPORT = _("Estimated cost: {cost} {currency}.")
NO_PRICE = _("No price is set for this channel, so the cost is not estimated.")
TAKE_OVER_ASK = _("Take over sending on this computer? [y/N] ")
TAKEN_OVER = _("This computer now sends {name!r}.")
PAUSED_REPORT = _("Paused {name!r}: no more of its messages leave until it is resumed.")
RESUMED_REPORT = _("Resumed {name!r}.")
CANCELLED_REPORT = _("Cancelled {name!r}: sent messages stay sent, the others are skipped.")
