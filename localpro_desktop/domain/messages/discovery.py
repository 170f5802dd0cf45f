"""Finding prospects: searches by sector and city, their sources, what they found."""

from localpro_desktop.domain.messages import Catalogue, MessageId

_ = Catalogue("DiscoveryMessages")

UNKNOWN_SECTOR = _("Unknown sector {text!r}. Sectors: {names}.")
NO_OSM_TAGS = _(
    "OpenStreetMap has no reliable tag for {sector}: add one (e.g. office=logistics) in "
    "Sources…, or with `localpro discover --add-tag {key} KEY=VALUE`; or search Google Places."
)
BAD_TAG = _("{text!r} is not an OpenStreetMap tag: write it as key=value, e.g. shop=kiosk.")
NO_SECTOR = _("Say which sector to search: --sector KEY (the keys: localpro discover --sectors).")
EMPTY_CITY = _("Type the city to search in.")
UNKNOWN_CITY = _(
    "No city called {city!r} found{where}. Check the spelling, or give the country "
    "(e.g. --country SN)."
)
IN_COUNTRY = _(" in {country}")
CITY_NEEDS_CONNECTION = _(
    "{city!r} is not in the offline list of cities (those over 15,000 people); it can be "
    "looked up once a connection is back."
)
BAD_RADIUS = _("The radius must be between {low} and {high} km (not {value}).")
BAD_ADD_MODE = _("Add what? Use all, new or none (not {value!r}).")
BAD_URL = _("{url!r} is not a web address: it must start with http:// or https://.")
UNKNOWN_ENDPOINT = _("Unknown service {name!r}: use {names}.")
NO_GOOGLE_KEY = _(
    "Searching Google Places needs your own API key: add it in the discovery settings "
    "(Sources…) or with `localpro discover --google-key-from-stdin`."
)
GOOGLE_KEY_LABEL = _("Google Places API key")
GOOGLE_KEY_REJECTED = _(
    "Google refused the API key ({detail}). Check that the key is right and that the "
    "Places API (New) is enabled for its project."
)
GOOGLE_QUOTA = _("Google Places' quota for this key is used up for now; try again later.")
GOOGLE_FAILED = _("Google Places could not run the search: {detail}")
OVERPASS_BUSY = _(
    "OpenStreetMap's server is busy (HTTP {status}); the search was not run. Try again in "
    "a few minutes, or choose another server in the discovery settings."
)
OVERPASS_INCOMPLETE = _(
    "OpenStreetMap's server stopped the search before the end ({remark}). Try a smaller "
    "radius, or another server in the discovery settings."
)
OVERPASS_FAILED = _("OpenStreetMap's server could not run the search: {detail}")
GEOCODER_FAILED = _("The city could not be looked up online: {detail}")
QUEUED = _(
    "No connection: the search for {sector} in {city} is saved and will run by itself "
    "when the connection is back."
)
NO_SEARCH = _("No saved search with id {ident!r}.")
NO_MERGE = _("No merge with id {ident!r}.")
MERGE_UNDONE_ALREADY = _("This merge was already undone.")
NOT_IN_PREVIEW = _("{count} of the chosen places are not in this result: search again.")
OVER_LIMIT = _(
    "{count} new prospects were not added: the {plan} plan allows {limit} a month and "
    "{remaining} remain. Choose fewer, or upgrade."
)
UNNAMED = _("{count} places without a name were left out.")

MATCH: dict[str, MessageId] = {
    "new": _("new"),
    "same_ref": _("already added from this source"),
    "same_phone": _("same phone as a known prospect"),
    "similar_name": _("similar name within 100 m"),
    "similar_name_city": _("similar name in the same city"),
    "repeat": _("listed twice in this result"),
}

REACH: dict[str, MessageId] = {
    "phone": _("phone"),
    "whatsapp": _("WhatsApp"),
    "email": _("e-mail"),
    "website": _("website"),
}

SOURCE: dict[str, MessageId] = {
    "osm": _("OpenStreetMap"),
    "google": _("Google Places"),
}

ENDPOINT: dict[str, MessageId] = {
    "overpass": _("OpenStreetMap search (Overpass API)"),
    "nominatim": _("City look-up (Nominatim)"),
    "places": _("Google Places API"),
}
