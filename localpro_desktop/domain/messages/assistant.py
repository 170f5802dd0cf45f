"""The AI assistant: its settings, its failures as the user meets them, its usage."""

from localpro_desktop.domain.messages import Catalogue, MessageId

_ = Catalogue("AssistantMessages")

KEY_LABEL = _("OpenAI API key")
NO_KEY = _(
    "The assistant needs an OpenAI API key: add yours in Settings → Assistant (or with "
    "`localpro ai key --from-stdin`), or point it at a local server such as Ollama "
    "(base URL http://localhost:11434/v1) to use it with no internet."
)
KEY_REJECTED = _(
    "The AI server refused the API key (HTTP 401). Check the key in Settings → Assistant; "
    "with OPENAI_API_KEY set, that variable's key is the one used."
)
NO_CREDIT = _(
    "The OpenAI account has no credit left (insufficient_quota): add credit or a payment "
    "method at platform.openai.com, or use a local server. Nothing was retried."
)
RATE_LIMITED = _("The AI server is busy (too many requests); try again in a minute.")
MODEL_MISSING = _(
    "The AI server has no model {model!r}. Choose another in Settings → Assistant (e.g. "
    "gpt-4o-mini, or a model your local server has pulled)."
)
UNREACHABLE = _(
    "The AI server could not be reached ({where}). Your message is kept: send it again when "
    "the connection is back, or use a local server."
)
SERVER_FAILED = _("The AI server failed (HTTP {status}); try again later.")
BAD_REQUEST = _("The AI server refused the request: {detail}")
BAD_OUTPUT = _("The AI's answer could not be used: {detail}")
CAP_REACHED = _(
    "This month's AI budget is used up: {used} of the {cap} tokens you allowed. Raise the cap "
    "in Settings → Assistant, or wait until {resets}."
)
BAD_CAP = _("The monthly token cap must be a whole number above 0 (not {value!r}).")
BAD_BASE_URL = _("{url!r} is not a web address: it must start with http:// or https://.")
EMPTY_MODEL = _("Give the model's name, e.g. gpt-4o-mini.")
EMPTY_QUESTION = _("Type a question first.")
UNKNOWN_MODE = _("Unknown mode {value!r}: use general, campaign or prospects.")
NO_CONVERSATION = _("No conversation with id {ident!r}.")
CAMPAIGN_MODE_NEEDS_CAMPAIGN = _(
    "Campaign optimisation is about one campaign: choose it (--campaign ID)."
)

MODE: dict[str, MessageId] = {
    "general": _("General help"),
    "campaign": _("Campaign optimisation"),
    "prospects": _("Prospect strategy"),
}
