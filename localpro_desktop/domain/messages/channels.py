"""Sending channels: configuring e-mail, SMS and WhatsApp accounts, checking and testing them."""

from localpro_desktop.domain.messages import Catalogue, MessageId

_ = Catalogue("ChannelMessages")

# -- names shown inside other sentences -----------------------------------------------------

CHANNEL_NAME: dict[str, MessageId] = {
    "email": _("e-mail"),
    "sms": _("SMS"),
    "whatsapp": _("WhatsApp"),
}
SECRET_NAME: dict[str, MessageId] = {
    "email": _("SMTP password"),
    "africastalking": _("Africa's Talking API key"),
    "twilio": _("Twilio auth token"),
    "whatsapp": _("WhatsApp access token"),
}
NO_ENCRYPTION = _("no encryption")
PRESET_CUSTOM = _("Custom server")

# -- what to set up where ----------------------------------------------------------------

HOW_TO_SET_UP: dict[str, MessageId] = {
    "email": _(
        "Set up an e-mail account (Gmail, Outlook or your own SMTP server) under File → "
        "Workspace settings → Channels, or with: localpro channels configure email."
    ),
    "sms": _(
        "Set up an SMS provider account (Africa's Talking or Twilio) under File → Workspace "
        "settings → Channels, or with: localpro channels configure sms."
    ),
    "whatsapp": _(
        "Set up a WhatsApp Business account (Meta's Cloud API) under File → Workspace "
        "settings → Channels, or with: localpro channels configure whatsapp."
    ),
}
DELIVERABILITY = _(
    "SPF, DKIM and DMARC are records in your domain's DNS that tell receiving servers your "
    "e-mails really come from you: SPF lists the servers allowed to send for the domain, "
    "DKIM signs every message, DMARC says what to do with a message that fails both. "
    "Without them campaigns often land in spam; your e-mail provider's help says how to "
    "add them."
)
GMAIL_NOTE = _(
    "Gmail needs an app password (Google account → Security → 2-Step Verification → App "
    "passwords), not your usual password. Gmail sends at most 500 messages a day "
    "(2,000 with Google Workspace)."
)
OUTLOOK_NOTE = _(
    "Outlook / Office 365 sends at most 30 messages a minute, and SMTP sign-in (SMTP AUTH) "
    "must be allowed for the mailbox."
)
CUSTOM_NOTE = _("Your e-mail provider's help gives the server name, port and security.")

# -- checking what was typed ------------------------------------------------------------

NO_HOST = _("Give the SMTP server's name (for example smtp.gmail.com) or pick a preset.")
BAD_HOST = _("{host!r} is not a server name: give a name such as smtp.gmail.com, no link.")
BAD_PORT = _("The port must be a number from 1 to 65535, not {port}.")
BAD_SECURITY = _("Security must be starttls, ssl or none, not {value!r}.")
BAD_FROM = _("The sender address {address!r} is not valid: {detail}")
BAD_FROM_NAME = _("The sender name must fit on one line and have at most {limit} characters.")
BAD_USERNAME = _("The user name must fit on one line, without spaces at either end.")
BAD_LOGO = _("The logo {path!r} cannot be used: give a PNG, JPEG or GIF image file that exists.")
UNKNOWN_PRESET = _("Unknown e-mail preset {name!r}: use gmail, outlook or custom.")
UNKNOWN_PROVIDER = _("Unknown SMS provider {name!r}: use africastalking or twilio.")
AT_NEEDS_USERNAME = _(
    "Africa's Talking needs the account's username (\"sandbox\" for its test account)."
)
AT_NO_ACCOUNT_SID = _("Africa's Talking uses a username, not an account SID.")
TWILIO_NO_USERNAME = _("Twilio uses an account SID, not a username.")
BAD_TWILIO_SID = _(
    "A Twilio account SID is AC followed by 32 hexadecimal characters (see the Twilio "
    "console), not {sid!r}."
)
TWILIO_NEEDS_SENDER = _(
    "Twilio needs a sender id: a Twilio phone number (+…), an alphanumeric sender id, or a "
    "Messaging Service SID (MG…)."
)
BAD_SENDER_ID = _(
    "The sender id {sender!r} is not valid: use 1 to 11 letters, digits or spaces with at "
    "least one letter, or a number of 3 to 15 digits."
)
BAD_PHONE_NUMBER_ID = _(
    "The WhatsApp phone number id is the number Meta shows under WhatsApp → API setup "
    "(digits only), not {value!r}."
)
BAD_BUSINESS_ACCOUNT_ID = _(
    "The WhatsApp Business Account id is the number Meta shows under WhatsApp → API setup "
    "(digits only), not {value!r}."
)
BAD_BASE_URL = _("The provider address {url!r} must start with https:// or http://.")
BAD_PRICE = _("The price per message must be a number of 0 or more, not {value!r}.")
BAD_RATE = _(
    "The sending rate must be more than 0 and at most {limit} messages a second for "
    "{provider}, not {value}."
)

# -- secrets -----------------------------------------------------------------------------

SECRET_EMPTY = _("The {secret} is empty or spans several lines.")
SECRET_TOO_LARGE = _("The {secret} is too long for the OS keyring (at most {limit} characters).")
SECRET_MISSING = _(
    "No {secret} is stored for this channel on this laptop: give it on standard input or at "
    "the prompt. Nothing was saved."
)
SECRET_FOR_NEW_PROVIDER = _(
    "Switching to {provider} needs its {secret}: give it on standard input or at the "
    "prompt. Nothing was saved."
)
SECRET_NOT_STORED = _(
    "The {secret} of the {channel} channel is not in this laptop's keyring: configure the "
    "channel again."
)
NO_KEYRING = _(
    "No OS keyring is available to keep the {secret} safely. On Linux install a Secret "
    "Service (e.g. gnome-keyring) or set PYTHON_KEYRING_BACKEND."
)
KEYRING_REFUSED = _("The OS keyring refused the {secret}: {detail}")
NOT_CONFIGURED = _(
    "The {channel} channel is not configured on this laptop: set it up under File → "
    "Workspace settings → Channels, or with: localpro channels configure {command}."
)

# -- describing a configured channel -----------------------------------------------------

DESCRIBE_EMAIL = _("{sender} via {server} ({security})")
DESCRIBE_EMAIL_LOGIN = _("{sender} via {server} ({security}), signed in as {username}")
DESCRIBE_AT = _("Africa's Talking, user {username}")
DESCRIBE_AT_SENDER = _("Africa's Talking, user {username}, sender {sender}")
DESCRIBE_TWILIO = _("Twilio account {sid}, sender {sender}")
DESCRIBE_WHATSAPP = _("WhatsApp Cloud API, number id {number_id}, business account {account_id}")

# -- checking the connection and sending a test ------------------------------------------

CHECKED_SMTP_LOGIN = _("Connected to {server} ({security}) and signed in as {username}.")
CHECKED_SMTP = _("Connected to {server} ({security}); no sign-in is configured.")
CHECKED_AT = _("Africa's Talking accepted the API key of user {username} (balance {balance}).")
CHECKED_TWILIO = _(
    "Twilio accepted the account SID and auth token (account {name}, status {status})."
)
TWILIO_NOT_ACTIVE = _("The Twilio account {name} is {status}: it cannot send.")
CHECKED_WHATSAPP = _(
    "WhatsApp accepted the access token for the number {number} ({name}); the business "
    "account's templates can be read."
)
SMTP_CHECK_FAILED = _("The SMTP server {server} did not accept the check: {words}")
PROVIDER_CHECK_FAILED = _("{provider} did not accept the check: {words}")
UNREACHABLE = _("{provider} could not be reached ({reason}): check the connection and try again.")
UNEXPECTED_ANSWER = _("{provider} answered something unexpected (HTTP {status}).")

TEST_BAD_EMAIL = _("Send the test to an e-mail address: {detail}")
TEST_BAD_PHONE = _("Send the test to a phone number with its country code: {detail}")
TEST_REFUSED = _("The test message was not sent ({code}): {words}")
TEST_UNKNOWN = _(
    "The test message may or may not have left ({words}): look for it before trying again."
)
TEMPLATES_FAILED = _("The WhatsApp templates could not be read ({code}): {words}")

# -- the command line --------------------------------------------------------------------

SAVED = _(
    "The {channel} channel is saved on this laptop: {description}. Check it with: "
    "localpro channels test {command} --to ADDRESS"
)
REMOVED = _("The {channel} channel and its secret were removed from this laptop.")
NOTHING_TO_REMOVE = _("The {channel} channel was not configured on this laptop.")
CONFIRM_REMOVE = _("Remove the {channel} channel and its secret from this laptop? [y/N] ")
NOT_REMOVED = _("Nothing was removed.")
SECRET_PROMPT = _("{secret}: ")
SECRET_PROMPT_KEEP = _("{secret} (leave empty to keep the stored one): ")
TEST_SENT = _("Test message sent to {to} (provider id {provider_id}).")
NO_CHANNEL_CONFIGURED = _("No channel is configured on this laptop yet.")

# -- the cloud's webhooks (replies, receipts and opt-outs come back) ---------------------

WEBHOOK_SIGN_IN_FIRST = _(
    "Sign in to your LocalPro cloud account first (localpro account login --email "
    "YOU@EXAMPLE.COM): the cloud receives the providers' webhooks for your account."
)
WEBHOOK_SMS_FIRST = _(
    "Configure the SMS channel first (localpro channels configure sms --provider "
    "africastalking|twilio …): its provider says which webhook to make."
)
WEBHOOK_SECRET_NEEDED: dict[str, MessageId] = {
    "whatsapp": _(
        "WhatsApp signs its webhook calls with your app secret (Meta for Developers → your "
        "app → App settings → Basic → App secret): give it on standard input or at the "
        "prompt. Nothing was changed."
    ),
    "twilio": _(
        "Twilio signs its webhook calls with your auth token (Twilio console → Account "
        "info): give it on standard input or at the prompt, or save it with the SMS channel "
        "(localpro channels configure sms). Nothing was changed."
    ),
}
WEBHOOK_SECRET_NAME: dict[str, MessageId] = {
    "whatsapp": _("WhatsApp app secret"),
    "twilio": SECRET_NAME["twilio"],
}
WEBHOOK_SECRET_PROMPT_STORED = _(
    "{secret} (leave empty to use the one saved with the SMS channel): "
)
WEBHOOK_SECRET_TOO_LONG = _("The {secret} is too long: at most {limit} characters.")
WEBHOOK_ENABLED = _(
    "The {channel} webhook is on for your cloud account ({provider}); any URL given for it "
    "before no longer works."
)
WEBHOOK_LISTED = _("The {channel} webhook ({provider}):")
WEBHOOK_WHATSAPP_WHERE = _(
    "In Meta for Developers → your app → WhatsApp → Configuration → Webhook, choose Edit and paste:"
)
WEBHOOK_CALLBACK_URL = _("Callback URL: {url}")
WEBHOOK_VERIFY_TOKEN = _("Verify token: {token}")
WEBHOOK_WHATSAPP_FIELDS = _('Then, under Webhook fields, subscribe to "messages".')
WEBHOOK_TWILIO_WHERE = _(
    "In the Twilio console, on your Messaging Service (Integration) or the number you send "
    "from (Messaging configuration), paste this URL as the status callback URL and as the "
    '"A message comes in" webhook (HTTP POST):'
)
WEBHOOK_URL = _("URL: {url}")
WEBHOOK_AT_WHERE = _("In the Africa's Talking dashboard → SMS → Callback URLs, paste:")
WEBHOOK_AT_DELIVERY = _("Delivery reports: {url}")
WEBHOOK_AT_INBOUND = _("Incoming messages: {url}")
WEBHOOK_EMAIL_LINKS = _(
    "E-mails queued from now on carry an open pixel and an unsubscribe link through {url}; "
    "there is nothing to paste anywhere."
)
NO_WEBHOOK = _(
    "No webhook is on for your cloud account yet: localpro channels webhooks enable "
    "whatsapp|sms|email"
)
