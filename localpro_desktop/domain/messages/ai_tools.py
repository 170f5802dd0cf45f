"""The assistant's tools: improved versions of a message, segments and filters asked in words.

Each reason a version is refused is its own message so the composer can show, in the
user's language, why the assistant's proposal was thrown away.
"""

from localpro_desktop.domain.messages import Catalogue

_ = Catalogue("AiToolMessages")

# -- improved versions -----------------------------------------------------------------------
NOTHING_TO_IMPROVE = _("The campaign has no text to improve yet: write a first version.")
BAD_VARIANT_COUNT = _("Ask for between {low} and {high} versions (not {value}).")
VARIANT_EMPTY = _("The version is empty.")
VARIANT_SAME = _("The version is the same as the original.")
VARIANT_REPEATED = _("The version repeats another one.")
VARIANT_SYNTAX = _("The version breaks the template syntax: {detail}.")
VARIANT_DROPS = _("The version drops the placeholder(s) {names}.")
VARIANT_INVENTS = _(
    "The version adds the placeholder(s) {names}, which the original does not have."
)
VARIANT_REWRITES = _("The version changes the placeholder {expected}; it must stay as written.")
VARIANT_NEW_FORM = _(
    "The version writes {found}, which the original does not; placeholders stay as written."
)
VARIANT_SMS_PARTS = _("The version takes {parts} SMS parts; the limit chosen is {limit}.")
VARIANT_NOT_GSM7 = _(
    "The version uses characters outside the SMS alphabet (GSM-7), which shorten every "
    "part: {chars}."
)
VARIANT_WHATSAPP_VARS = _(
    "The version changes the WhatsApp template variables: the original has {expected}, "
    "this one {found}."
)
VARIANT_TOO_LONG = _("The version has {length} characters; a {channel} message allows {limit}.")
VARIANT_NO_SUBJECT = _("The version has no subject line.")
VARIANT_SUBJECT_LINES = _("The subject must be a single line.")
VARIANT_SUBJECT_TOO_LONG = _("The subject has {length} characters; keep it under {limit}.")
VARIANT_SUBJECT_SYNTAX = _("The subject breaks the template syntax: {detail}.")
VARIANT_SUBJECT_INVENTS = _(
    "The subject uses the placeholder(s) {names}, which the original does not have."
)
NONE_LISTED = _("none")
TEMPLATE_FIXED = _(
    "This campaign sends the approved WhatsApp template {name}: a new wording must be "
    "approved by Meta as a template of its own before it can be sent."
)
BAD_OUTPUT = _("The assistant's answer could not be read ({detail}); nothing was changed.")
OUTPUT_NOT_JSON = _("not JSON")
OUTPUT_NOT_OBJECT = _("not a JSON object")
OUTPUT_NO_VARIANTS = _("no list of versions")
OUTPUT_BAD_ITEM = _("version {number} is not an object with a text")
OUTPUT_UNKNOWN_KEYS = _("unknown key(s) {names}")
OUTPUT_WRONG_TYPE = _("{name} must be {expected}, not {value!r}")
TYPE_TEXT = _("text")
TYPE_TRUE_FALSE = _("true, false or empty")

# -- asked in words --------------------------------------------------------------------------
WORDS_EMPTY = _(
    "Say in words which contacts you want, e.g. “restaurants in Dakar not contacted for a month”."
)
WORDS_TOO_LONG = _("Keep the request under {limit} characters (it has {length}).")
WORDS_NOTHING = _(
    "The assistant found no condition in {words!r}; name a city, a sector, a status, a tag "
    "or a date."
)
WORDS_REFUSED = _("The assistant's filters were refused and nothing was applied: {reason}")
WORDS_UNKNOWN_SECTOR = _("unknown sector {value!r} (known: {known})")
WORDS_FUTURE_DATE = _("{name} is {day}, a day still to come")
WORDS_OLD_DATE = _("{name} is {day}, before {earliest}")
WORDS_UNKNOWN_SOURCE = _("unknown source {value!r} (known: {known})")
WORDS_BAD_COUNTRY = _("country {value!r} must be a two-letter code such as SN")

# -- a prospect filter, described ------------------------------------------------------------
FILTER_ALL = _("All prospects")
FILTER_SECTOR = _("Sector: {value}")
FILTER_CITY = _("City: {value}")
FILTER_TEXT = _("Search: “{value}”")
FILTER_SOURCE = _("Source: {value}")
FILTER_COUNTRY = _("Country: {value}")
FILTER_CONVERTED = _("already a contact")
FILTER_NOT_CONVERTED = _("not yet a contact")
FILTER_HAS_PHONE = _("has a phone")
FILTER_NO_PHONE = _("no phone")
FILTER_ON_MAP = _("on the map")
FILTER_NOT_ON_MAP = _("not on the map")

# -- command line ----------------------------------------------------------------------------
SEGMENT_SAVED = _("Segment {name!r} saved: {count} contact(s).")
NO_VERSION_KEPT = _("No version kept the message's rules; the assistant's were refused:")
